"""How cards posted in any chat through inline mode look: texts, buttons, callback data.

An event's card shows its title and time in the organizer's zone (named), and the tally of
answers; its ✅ ❔ ❌ buttons carry the event's id and the answer, never an identity (a tap is
always made as the Telegram user who tapped). A booking link's card has one URL button to the
public booking page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from html import escape
from uuid import UUID

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from . import texts
from .keyboards import ANSWER_BUTTONS, ANSWER_CODES, ANSWER_ICONS

ANSWERS = tuple(ANSWER_ICONS)
ICONS = ANSWER_ICONS
CODES = ANSWER_CODES
BOOK_BUTTON = "📆 Book a time"
DELETED = "🗑 This event was deleted by its organizer."
NOT_REGISTERED = "Start Televent to share your events"
NOTHING_YET = "No upcoming events: create one in the bot"
UNREGISTERED_TITLE = "You are not using Televent yet"


class CardAnswer(CallbackData, prefix="ic"):
    """A tap on a posted card's answer buttons (the card is the inline message tapped)."""

    event: str  # the event id, 32 hex digits
    answer: str  # A, T or D


@dataclass(frozen=True)
class CardState:
    """An event as its posted cards show it (read when the card is drawn)."""

    event_id: UUID
    summary: str
    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    location: str | None
    recurring: bool
    cancelled: bool
    organizer_name: str
    zone: str  # the organizer's time zone (IANA name)
    tally: dict[str, int] = field(default_factory=dict)

    @property
    def when(self) -> str:
        """The time in the organizer's zone, the zone named (all-day events need none)."""
        shown = texts.when(self.start, self.end, texts.zone(self.zone))
        return shown if not isinstance(self.start, dt.datetime) else f"{shown} ({self.zone})"


@dataclass(frozen=True)
class LinkOffer:
    """A booking link offered as a card."""

    slug: str
    title: str
    minutes: int
    owner_name: str


def tally(counts: dict[str, int]) -> str:
    """ "✅ 3 · ❔ 1 · ❌ 0"."""
    return " · ".join(f"{ICONS[answer]} {counts.get(answer, 0)}" for answer in ANSWERS)


def event_card(state: CardState | None) -> tuple[str, InlineKeyboardMarkup | None]:
    """The card's text and buttons (no buttons once the event is cancelled or deleted)."""
    if state is None:
        return DELETED, None
    title = escape(state.summary)
    head = f"❌ <b>CANCELLED: {title}</b>" if state.cancelled else f"📅 <b>{title}</b>"
    lines = [head, f"🕒 {escape(state.when)}{' 🔁' if state.recurring else ''}"]
    if state.location:
        lines.append(f"📍 {escape(state.location)}")
    lines.append(f"👤 {escape(state.organizer_name)}")
    lines.append(tally(state.tally))
    if state.cancelled:
        return "\n".join(lines), None
    lines.append("Tap to answer: you are added to the guest list.")
    buttons = [
        InlineKeyboardButton(
            text=label, callback_data=CardAnswer(event=state.event_id.hex, answer=code).pack()
        )
        for code, label in ANSWER_BUTTONS
    ]
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=[buttons])


def link_card(offer: LinkOffer, url: str) -> tuple[str, InlineKeyboardMarkup]:
    """A booking link's card: what it is, and a button to its public page."""
    text = (
        f"📆 <b>{escape(offer.title)}</b> · {offer.minutes} min\n"
        f"Book a time with {escape(offer.owner_name)}."
    )
    button = InlineKeyboardButton(text=BOOK_BUTTON, url=url)
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


def digest(text: str, markup: InlineKeyboardMarkup | None) -> str:
    """What a card shows, as a short digest (equal digests: nothing to edit)."""
    buttons = None if markup is None else markup.model_dump(mode="json", exclude_none=True)
    data = json.dumps([text, buttons], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:32]
