"""Anything no other router understood: a short, helpful answer, never silence."""

from __future__ import annotations

import re
from html import escape

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from ..parsing import CREATE_EXAMPLE

router = Router(name="fallback")
KNOWN = [
    *("start", "help", "create", "today", "tomorrow", "week", "list", "event", "invite"),
    *("attendees", "rsvp", "cancel", "timezone", "reminder", "device", "devices", "export"),
    *("deleteaccount", "keepaccount", "app", "agenda", "settings", "quiet"),
    *("availability", "hours", "booking", "bookings"),
    *("share", "unshare", "calendars", "leave"),
]


@router.message()
async def not_understood(message: Message) -> None:
    """Unknown commands get a suggestion; plain text gets a hint."""
    text = (message.text or "").strip()
    if text.startswith("/"):
        word = re.split(r"[\s@]", text[1:], maxsplit=1)[0].lower()
        import difflib  # noqa: PLC0415 - only on this rare path

        close = difflib.get_close_matches(word, KNOWN, n=1, cutoff=0.6)
        hint = f" Did you mean /{close[0]}?" if close else ""
        await message.answer(f"🤔 I don't know /{escape(word)}.{hint} /help lists what I can do.")
        return
    if not text:
        await message.answer("I only read text messages. /help lists what I can do.")
        return
    await message.answer(
        "🤔 I'm not sure what you mean. To add an event, try\n"
        f"<code>{escape(CREATE_EXAMPLE)}</code>\nor /help for everything I can do."
    )


@router.callback_query()
async def stale_button(query: CallbackQuery) -> None:
    """A button from an old message, or forged data."""
    await query.answer("That button is no longer valid.", show_alert=True)
