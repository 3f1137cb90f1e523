"""Where Telegram posts updates when the bot runs with a webhook (Bot API `setWebhook`).

Kept apart from the bot so that the HTTP server can route it without loading aiogram."""

WEBHOOK_PATH = "/telegram/webhook"
