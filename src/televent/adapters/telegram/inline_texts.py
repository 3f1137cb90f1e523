"""How cards posted in any chat through inline mode look: texts, buttons, callback data.

An event's card shows its title and time in the organizer's zone (named), and the tally of
answers; its ✅ ❔ ❌ buttons carry the event's id and the answer, never an identity (a tap is
always made as the Telegram user who tapped). A booking link's card has one URL button to the
public booking page.

A card is read by everyone in the chat it was posted in, so it has no single reader: it is
written in the language and clock of the person who posted it (`CardState.language`,
`CardState.hour_cycle`), when it is offered, posted and every time it is edited, whoever
tapped. Every text is a message of the catalogue (locales/<language>/bot-inline.ftl).
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

from televent.adapters.i18n import current_language, speaking, t
from televent.adapters.i18n.formatting import duration
from televent.domain.languages import DEFAULT_LANGUAGE
from televent.domain.values import PartStat

from . import group_texts, texts
from .keyboards import ANSWER_CODES, ANSWER_ICONS

ANSWERS = tuple(ANSWER_ICONS)
ICONS = ANSWER_ICONS
CODES = ANSWER_CODES


class CardAnswer(CallbackData, prefix="ic"):
    """A tap on a posted card's answer buttons (the card is the inline message tapped)."""

    event: str  # the event id, 32 hex digits
    answer: str  # A, T or D


@dataclass(frozen=True)
class CardState:
    """An event as its posted cards show it (read when the card is drawn)."""

    event_id: UUID
    summary: str  # "" when the event has no title
    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    location: str | None
    recurring: bool
    cancelled: bool
    organizer_name: str
    zone: str  # the organizer's time zone (IANA name)
    tally: dict[str, int] = field(default_factory=dict)
    language: str = DEFAULT_LANGUAGE  # the card's words: its poster's language
    hour_cycle: str | None = None  # and its poster's clock

    @property
    def title(self) -> str:
        """The event's title, or "(no title)" in the card's language."""
        if self.summary:
            return self.summary
        with speaking(self.language):
            return t("inline-no-title")

    @property
    def when(self) -> str:
        """The time in the organizer's zone, the zone named (all-day events need none), in
        the card's language and clock."""
        with speaking(self.language):
            tz = texts.zone(self.zone)
            shown = texts.when(self.start, self.end, tz, hour_cycle=self.hour_cycle)
            if not isinstance(self.start, dt.datetime):
                return shown
            return t("inline-when-in-zone", when=shown, zone=self.zone)


@dataclass(frozen=True)
class LinkOffer:
    """A booking link offered as a card."""

    slug: str
    title: str
    minutes: int
    owner_name: str


def tally(counts: dict[str, int]) -> str:
    """ "✅ 3 · ❔ 1 · ❌ 0" (the numbers in the language's digits)."""
    return group_texts.tally({PartStat(answer): counts.get(answer, 0) for answer in ANSWERS})


def event_card(state: CardState | None) -> tuple[str, InlineKeyboardMarkup | None]:
    """The card's text and buttons (no buttons once the event is cancelled or deleted), in
    its poster's language; a deleted event's card in the current language (the caller speaks
    the poster's)."""
    if state is None:
        return t("inline-deleted"), None
    with speaking(state.language):
        return _event_card(state)


def _event_card(state: CardState) -> tuple[str, InlineKeyboardMarkup | None]:
    title = texts.shown(state.title)
    head = t("inline-cancelled", title=title) if state.cancelled else f"📅 <b>{title}</b>"
    lines = [head, f"🕒 {escape(state.when)}{' 🔁' if state.recurring else ''}"]
    if state.location:
        lines.append(f"📍 {texts.shown(state.location)}")
    lines.append(f"👤 {texts.shown(state.organizer_name)}")
    lines.append(tally(state.tally))
    if state.cancelled:
        return "\n".join(lines), None
    lines.append(t("inline-tap-to-answer"))
    labels = {
        "A": t("inline-button-accept"),
        "T": t("inline-button-maybe"),
        "D": t("inline-button-decline"),
    }
    buttons = [
        InlineKeyboardButton(
            text=label, callback_data=CardAnswer(event=state.event_id.hex, answer=code).pack()
        )
        for code, label in labels.items()
    ]
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=[buttons])


def link_card(offer: LinkOffer, url: str) -> tuple[str, InlineKeyboardMarkup]:
    """A booking link's card: what it is, and a button to its public page (in the current
    language: the poster's, who asked for it)."""
    text = t(
        "inline-link-card",
        title=texts.shown(offer.title),
        length=duration(offer.minutes, current_language()),
        owner=texts.shown(offer.owner_name),
    )
    button = InlineKeyboardButton(text=t("inline-book-button"), url=url)
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


def link_description(offer: LinkOffer) -> str:
    """What the list of results says under a booking link's title."""
    return t("inline-link-description", length=duration(offer.minutes, current_language()))


def answered(partstat: PartStat, title: str) -> str:
    """The tapper's short confirmation: "✅ accepted: Team sync"."""
    return t("inline-answered", answer=partstat.value, title=title)


def not_registered() -> str:
    """The button offered to someone who has no account yet."""
    return t("inline-not-registered")


def nothing_yet() -> str:
    """The button offered when nothing matches."""
    return t("inline-nothing-yet")


def digest(text: str, markup: InlineKeyboardMarkup | None) -> str:
    """What a card shows, as a short digest (equal digests: nothing to edit)."""
    buttons = None if markup is None else markup.model_dump(mode="json", exclude_none=True)
    data = json.dumps([text, buttons], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:32]
