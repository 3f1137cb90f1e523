"""The Telegram bot adapter (aiogram 3)."""
