"""The Telegram and mail delivery queues: claim due rows, record sent, retried or given up."""
