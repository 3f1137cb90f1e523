"""Inline keyboards and their callback data (at most 64 bytes each, as Telegram allows).

Callback data never carries an identity: a tap is always made as the Telegram user who tapped,
so a forged callback can name an event but never answer for somebody else.

An event card's "Open" button is a `web_app` button (no callback data): it is added, on a row of
its own below the others, when the card is given the Mini App address (see `mini_app.py`).
"""

from __future__ import annotations

from uuid import UUID

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from babel.dates import get_timezone_location

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import locale_of
from televent.domain.values import PartStat

from .parsing import COMMON_ZONES

ANSWER_CODES = {"A": "ACCEPTED", "T": "TENTATIVE", "D": "DECLINED"}
# the one icon per answer, on every card and count that shows answers
ANSWER_ICONS = {PartStat.ACCEPTED: "✅", PartStat.TENTATIVE: "❔", PartStat.DECLINED: "❌"}


def answer_buttons() -> tuple[tuple[str, str], ...]:
    """(code, label) of the three answer buttons, "✅ Accept", in the current language."""
    return (
        ("A", t("bot-button-accept")),
        ("T", t("bot-button-tentative")),
        ("D", t("bot-button-decline")),
    )


class Rsvp(CallbackData, prefix="rsvp"):
    """Answer an invitation."""

    event: str  # the event id, 32 hex digits
    answer: str  # A, T or D


class EventAction(CallbackData, prefix="ev"):
    """A button on an event's details card."""

    event: str
    action: str  # invite, cancel, cancel_yes, export


class Page(CallbackData, prefix="pg"):
    """A page of /list."""

    offset: int


class Zone(CallbackData, prefix="tz"):
    """A time zone button."""

    name: str


class Erase(CallbackData, prefix="erase"):
    """/deleteaccount confirmation."""

    confirm: bool


class Counter(CallbackData, prefix="ctr"):
    """The organizer's answer to a proposed new time (iTIP COUNTER)."""

    counter: str  # the proposal's id, 12 hex digits
    accept: bool


class CalendarAnswer(CallbackData, prefix="cal"):
    """The answer to an invitation to someone's calendar (domain/sharing.py); who answers is
    the person who tapped, so a tap by anyone the calendar was not shared with changes nothing."""

    calendar: str  # the calendar's id, 32 hex digits
    accept: bool


def calendar_invitation(calendar_id: UUID) -> InlineKeyboardMarkup:
    """[Add to my calendars] [Decline] under an invitation to someone's calendar."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    t("bot-button-add-calendar"),
                    CalendarAnswer(calendar=calendar_id.hex, accept=True),
                ),
                _button(
                    t("bot-button-decline-calendar"),
                    CalendarAnswer(calendar=calendar_id.hex, accept=False),
                ),
            ]
        ]
    )


def counter(counter_id: str) -> InlineKeyboardMarkup:
    """Accept or decline a proposed new time."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(t("bot-button-accept-time"), Counter(counter=counter_id, accept=True)),
                _button(t("bot-button-keep-time"), Counter(counter=counter_id, accept=False)),
            ]
        ]
    )


def rsvp(
    event_id: UUID, answer: str | None = None, *, open_url: str | None = None
) -> InlineKeyboardMarkup:
    """The three answer buttons, the current answer marked; "Open" below when `open_url`."""
    buttons = [
        InlineKeyboardButton(
            text=f"• {label} •" if ANSWER_CODES[code] == answer else label,
            callback_data=Rsvp(event=event_id.hex, answer=code).pack(),
        )
        for code, label in answer_buttons()
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons, *_open_rows(open_url)])


def event_actions(
    event_id: UUID, *, owned: bool, invited: bool, open_url: str | None = None
) -> InlineKeyboardMarkup:
    """Buttons under /event: invite and cancel for the organizer (`owned`: their own event, in
    a calendar they may change; not a subscribed feed's), answers for attendees, and "Open"
    (the event in the Mini App) when `open_url` is given."""
    rows: list[list[InlineKeyboardButton]] = []
    if invited:
        rows.extend(rsvp(event_id).inline_keyboard)
    row = []
    if owned:
        row.append(
            _button(t("bot-button-invite"), EventAction(event=event_id.hex, action="invite"))
        )
        row.append(
            _button(t("bot-button-cancel-event"), EventAction(event=event_id.hex, action="cancel"))
        )
    row.append(_button(t("bot-button-export"), EventAction(event=event_id.hex, action="export")))
    rows.append(row)
    rows.extend(_open_rows(open_url))
    return InlineKeyboardMarkup(inline_keyboard=rows)


def open_app(app_url: str | None, login_url: str | None) -> InlineKeyboardMarkup | None:
    """/app: the Mini App (a `web_app` button, HTTPS only) and the one-time browser link."""
    rows = []
    if app_url is not None:
        rows.append(
            [
                InlineKeyboardButton(
                    text=t("bot-button-open-calendar"), web_app=WebAppInfo(url=app_url)
                )
            ]
        )
    if login_url is not None:
        rows.append([InlineKeyboardButton(text=t("bot-button-open-in-browser"), url=login_url)])
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def link(text: str, url: str) -> InlineKeyboardMarkup:
    """One button opening `url` in the browser (Telegram takes https addresses only)."""
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=text, url=url)]])


def without_open(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The keyboard without its Mini App buttons, or None when it has none."""
    if markup is None:
        return None
    rows = [row for row in markup.inline_keyboard if not any(b.web_app for b in row)]
    if len(rows) == len(markup.inline_keyboard):
        return None
    return InlineKeyboardMarkup(inline_keyboard=rows)


def open_only(open_url: str | None) -> InlineKeyboardMarkup | None:
    """Just the "Open" button (the event in the Mini App), or None without an address."""
    rows = _open_rows(open_url)
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _open_rows(open_url: str | None) -> list[list[InlineKeyboardButton]]:
    if open_url is None:
        return []
    return [[InlineKeyboardButton(text=t("bot-button-open"), web_app=WebAppInfo(url=open_url))]]


def confirm_cancel(event_id: UUID) -> InlineKeyboardMarkup:
    """Ask before cancelling an event."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    t("bot-button-cancel-yes"), EventAction(event=event_id.hex, action="cancel_yes")
                ),
                _button(t("bot-button-keep-it"), EventAction(event=event_id.hex, action="keep")),
            ]
        ]
    )


def pages(offset: int, page_size: int, more: bool) -> InlineKeyboardMarkup | None:
    """◀️ / ▶️ for /list."""
    row = []
    if offset > 0:
        row.append(_button(t("bot-button-earlier"), Page(offset=max(offset - page_size, 0))))
    if more:
        row.append(_button(t("bot-button-later"), Page(offset=offset + page_size)))
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None


def zones(names: list[tuple[str, str]] | None = None) -> InlineKeyboardMarkup:
    """Buttons for common time zones, their cities named in the current language (or for
    suggestions), three per row."""
    choices = names if names is not None else [(_city(lb, n), n) for lb, n in COMMON_ZONES]
    buttons = [_button(label, Zone(name=name)) for label, name in choices]
    return InlineKeyboardMarkup(
        inline_keyboard=[buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    )


def confirm_erasure() -> InlineKeyboardMarkup:
    """Ask before scheduling erasure."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(t("bot-button-erase-yes"), Erase(confirm=True)),
                _button(t("bot-button-keep-it"), Erase(confirm=False)),
            ]
        ]
    )


def _city(label: str, name: str) -> str:
    """ "🇩🇪 Berlin" / "🇩🇪 Берлин": a zone's label, its city as CLDR names it in the current
    language."""
    flag, _, _ = label.partition(" ")
    if "/" not in name or not flag:
        return label
    city = get_timezone_location(name, locale=locale_of(current_language()), return_city=True)
    return f"{flag} {city}"


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())
