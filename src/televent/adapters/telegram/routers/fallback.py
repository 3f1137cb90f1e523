"""Anything no other router understood: a short, helpful answer, never silence."""

from __future__ import annotations

import re
from html import escape

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from televent.adapters.i18n import t

from ..parsing import create_example

router = Router(name="fallback")
KNOWN = [
    *("start", "help", "create", "today", "tomorrow", "week", "list", "event", "invite"),
    *("attendees", "rsvp", "cancel", "timezone", "reminder", "device", "devices", "export"),
    *("deleteaccount", "keepaccount", "app", "agenda", "settings", "quiet"),
    *("availability", "hours", "booking", "bookings"),
    *("share", "unshare", "calendars", "leave", "language", "email"),
]


@router.message()
async def not_understood(message: Message) -> None:
    """Unknown commands get a suggestion; plain text gets a hint."""
    text = (message.text or "").strip()
    if text.startswith("/"):
        word = re.split(r"[\s@]", text[1:], maxsplit=1)[0].lower()
        import difflib  # noqa: PLC0415 - only on this rare path

        close = difflib.get_close_matches(word, KNOWN, n=1, cutoff=0.6)
        if close:
            await message.answer(
                t("bot-fallback-command-close", command=escape(word[:40]), close=close[0])
            )
        else:
            await message.answer(t("bot-fallback-command", command=escape(word[:40])))
        return
    if not text:
        await message.answer(t("bot-fallback-not-text"))
        return
    await message.answer(t("bot-fallback-text", example=f"<code>{escape(create_example())}</code>"))


@router.callback_query()
async def stale_button(query: CallbackQuery) -> None:
    """A button from an old message, or forged data."""
    await query.answer(t("bot-stale-button"), show_alert=True)
