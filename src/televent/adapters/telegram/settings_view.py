"""/settings and the morning agenda as the bot shows them: the preferences' inline keyboard
(callback data at most 64 bytes, no colon inside a value), the agenda message and its answer
buttons.

Each settings button carries the value it sets (not "next"), so a tap on an old keyboard sets
what it showed, and tapping twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from html import escape
from typing import Any
from uuid import UUID

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from televent.domain.preferences import (
    CHANNEL_KINDS,
    CHANNELS,
    EMAIL,
    Preferences,
    next_agenda_run,
)

from .keyboards import ANSWER_BUTTONS

REMINDER_STEPS = (0, 5, 10, 15, 30, 60)
NOTICE_STEPS = ("all", "declines", "none")
DEFAULT_QUIET = "22:00-07:00"
DEFAULT_AGENDA = "07:00"
MAX_ANSWER_ROWS = 5
NOTICE_WORDS = {"all": "every answer", "declines": "declines only", "none": "none"}


class Pref(CallbackData, prefix="pref"):
    """Set one preference: `key` a short code, `value` the new value without colons."""

    key: str
    value: str


class AgendaAnswer(CallbackData, prefix="ag"):
    """Answer an invitation listed in a morning agenda (the agenda message stays)."""

    event: str  # the event id, 32 hex digits
    answer: str  # A, T or D


# short code -> preference name; values are encoded by `_encode` and read by `decode`
KEYS = {
    "rm": "reminder_minutes",
    "ea": "event_alarms",
    "ct": "cards_telegram",
    "ce": "cards_email",
    "on": "organizer_notices",
    "qh": "quiet_hours",
    "qr": "quiet_reminders",
    "at": "agenda_time",
    "ae": "agenda_empty_days",
}
BOOLEANS = ("event_alarms", "cards_telegram", "cards_email", "agenda_empty_days")
# Where reminders, the agenda and notices go (`channels`): short code -> kind, and the order a
# tap moves through (Telegram, both, email), each encoded as the channels' initials.
CHANNEL_KEYS = {"cr": "reminders", "cg": "agenda", "cn": "notices"}
CHANNEL_STEPS = (("telegram",), ("telegram", "email"), ("email",))
CHANNEL_WORDS = {"telegram": "Telegram", "email": "email"}
CHANNEL_LABELS = {"reminders": "⏰ Reminders", "agenda": "☀️ Agenda", "notices": "📣 Notices"}


def decode(data: Pref) -> dict[str, Any]:
    """The preference change a button carries (checked again by the application)."""
    if data.key in CHANNEL_KEYS:
        chosen = [c for c in CHANNELS if c[0] in data.value]
        return {"channels": {CHANNEL_KEYS[data.key]: chosen}}
    name = KEYS.get(data.key)
    if name is None:
        return {}
    value = data.value
    if name in BOOLEANS:
        return {name: value == "1"}
    if name == "reminder_minutes":
        return {name: int(value) if value.isdigit() else value}
    if name in ("quiet_hours", "agenda_time"):
        return {name: None if value == "off" else _colons(value)}
    return {name: value}


def _colons(value: str) -> str:
    """From "2200-0700" to "22:00-07:00", from "0730" to "07:30"."""
    return "-".join(f"{part[:2]}:{part[2:]}" for part in value.split("-"))


def _encode(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if value is None:
        return "off"
    return str(value).replace(":", "")


def _button(text: str, key: str, value: Any) -> list[InlineKeyboardButton]:
    data = Pref(key=key, value=_encode(value)).pack()
    return [InlineKeyboardButton(text=text, callback_data=data)]


def _on(value: bool) -> str:
    return "on" if value else "off"


def settings_keyboard(preferences: Preferences, reminder_minutes: int) -> InlineKeyboardMarkup:
    """One button per preference; a tap sets the next value."""
    p = preferences
    step = REMINDER_STEPS[(_index(REMINDER_STEPS, reminder_minutes) + 1) % len(REMINDER_STEPS)]
    notice = NOTICE_STEPS[(_index(NOTICE_STEPS, p.organizer_notices) + 1) % len(NOTICE_STEPS)]
    reminders = f"{reminder_minutes} min before" if reminder_minutes else "off"
    rows = [
        _button(f"⏰ Reminders: {reminders}", "rm", step),
        _button(f"🔔 Events' own alarms: {_on(p.event_alarms)}", "ea", not p.event_alarms),
        _button(
            f"📨 Invitations from Televent: {_on(p.cards_telegram)}", "ct", not p.cards_telegram
        ),
        _button(f"✉️ Invitations by email: {_on(p.cards_email)}", "ce", not p.cards_email),
        _button(f"📣 Answers to my events: {NOTICE_WORDS[p.organizer_notices]}", "on", notice),
        _button(
            f"🌙 Quiet hours: {_range(p.quiet_hours) if p.quiet_hours else 'off'}",
            "qh",
            None if p.quiet_hours else DEFAULT_QUIET,
        ),
        _button(
            f"⏰ Reminders in quiet hours: {'keep' if p.quiet_reminders == 'keep' else 'hold'}",
            "qr",
            "hold" if p.quiet_reminders == "keep" else "keep",
        ),
        _button(
            f"☀️ Morning agenda: {p.agenda_time or 'off'}",
            "at",
            None if p.agenda_time else DEFAULT_AGENDA,
        ),
        _button(
            f"📭 Agenda on empty days: {_on(p.agenda_empty_days)}", "ae", not p.agenda_empty_days
        ),
    ]
    for key, kind in CHANNEL_KEYS.items():
        chosen = tuple(p.channels.get(kind, ()))
        following = CHANNEL_STEPS[(_index(CHANNEL_STEPS, chosen) + 1) % len(CHANNEL_STEPS)]
        shown = " + ".join(CHANNEL_WORDS[c] for c in chosen) or "nowhere"
        code = "".join(c[0] for c in following)
        rows.append(_button(f"{CHANNEL_LABELS[kind]} by: {shown}", key, code))
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _index(steps: tuple[Any, ...], value: Any) -> int:
    return steps.index(value) if value in steps else -1


def _range(quiet: str) -> str:
    return quiet.replace("-", "–")


def settings_text(
    timezone: str, preferences: Preferences | None = None, emails: tuple[str, ...] = ()
) -> str:
    """The text above the settings keyboard; where mail goes when a kind goes by email."""
    text = (
        "⚙️ <b>Notifications</b> (times in "
        f"{escape(timezone)}). Tap to change.\n"
        "Custom times: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, "
        "<code>/reminder 20</code>."
    )
    return text + mail_note(preferences, emails)


def mail_note(preferences: Preferences | None, emails: tuple[str, ...]) -> str:
    """Where what goes by email goes: the linked addresses, or none (then nothing is mailed)."""
    if preferences is None or not any(preferences.sends(k, EMAIL) for k in CHANNEL_KINDS):
        return ""
    if not emails:
        return (
            "\n✉️ You chose email, but no email is linked to your account, so nothing is "
            "mailed. Link one with <code>/email you@example.com</code>."
        )
    return f"\n✉️ Email goes to {escape(', '.join(emails))}."


def agenda_status(preferences: Preferences, timezone: str, now: dt.datetime) -> str:
    """What /agenda alone says."""
    if preferences.agenda is None:
        return (
            "☀️ No morning agenda. Get one every day with <code>/agenda 07:30</code> "
            "(your local time)."
        )
    zone = _zone(timezone)
    upcoming = next_agenda_run(now, preferences.agenda, zone).astimezone(zone)
    empty = "" if preferences.agenda_empty_days else " (not on days without events)"
    return (
        f"☀️ Your agenda comes every day at <b>{preferences.agenda_time}</b> "
        f"({escape(timezone)}){empty}; next: {upcoming:%a} {upcoming.day} {upcoming:%b}, "
        f"{upcoming:%H:%M}. <code>/agenda off</code> stops it."
    )


def agenda_message(payload: dict[str, Any], tz: zoneinfo.ZoneInfo) -> str:
    """The morning agenda: the day's events in the person's zone, conflicts and pending
    invitations marked."""
    day = dt.date.fromisoformat(payload["date"])
    title = f"☀️ <b>{day:%A} {day.day} {day:%B}</b>"
    items = payload.get("items") or []
    lines = [title]
    if not items:
        lines.append("Nothing planned today.")
    for item in items:
        lines.append(_agenda_line(item, tz))
    unreadable = int(payload.get("unreadable") or 0)
    if unreadable:
        lines.append(f"({unreadable} event{'s' if unreadable > 1 else ''} could not be shown)")
    if any(item.get("conflict") for item in items):
        lines.append("⚠️ marks events that overlap.")
    return "\n".join(lines)[:3900]


def _agenda_line(item: dict[str, Any], tz: zoneinfo.ZoneInfo) -> str:
    if item.get("all_day"):
        when = "all day"
    else:
        start = dt.datetime.fromisoformat(item["start"]).astimezone(tz)
        when = f"{start:%H:%M}"
        if item.get("end"):
            end = dt.datetime.fromisoformat(item["end"]).astimezone(tz)
            when += f"–{end:%H:%M}"
    parts = [f"{'⚠️ ' if item.get('conflict') else ''}<b>{when}</b>", escape(item["summary"])]
    if item.get("location"):
        parts.append(f"📍 {escape(item['location'])}")
    if item.get("recurring"):
        parts.append("🔁")
    if item.get("awaiting"):
        parts.append("⏳ awaiting your answer")
    return " · ".join(parts)


def agenda_answers(payload: dict[str, Any]) -> InlineKeyboardMarkup | None:
    """Answer buttons for each invitation in the agenda still awaiting an answer."""
    rows = []
    seen: set[str] = set()
    for item in payload.get("items") or []:
        if not item.get("awaiting") or item["event_id"] in seen:
            continue
        seen.add(item["event_id"])
        event = UUID(item["event_id"]).hex
        title = item["summary"][:18]
        rows.append(
            [
                InlineKeyboardButton(
                    text=f"{label.split()[0]} {title}" if code == "A" else label.split()[0],
                    callback_data=AgendaAnswer(event=event, answer=code).pack(),
                )
                for code, label in ANSWER_BUTTONS
            ]
        )
        if len(rows) == MAX_ANSWER_ROWS:
            break
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def without_event(markup: InlineKeyboardMarkup | None, event: str) -> InlineKeyboardMarkup | None:
    """The agenda's buttons without the row of an answered invitation."""
    if markup is None:
        return None
    rows = [
        row
        for row in markup.inline_keyboard
        if not any(f":{event}:" in (button.callback_data or "") for button in row)
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")
