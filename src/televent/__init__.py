"""Televent: a Telegram-first, event-sourced calendar server."""

__version__ = "0.1.0"
