"""/settings and the morning agenda as the bot shows them: the preferences' inline keyboard
(callback data at most 64 bytes, no colon inside a value), the agenda message and its answer
buttons, in the current language, times on the person's clock (`hour_cycle`).

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

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import day_long
from televent.adapters.telegram.texts import fitted
from televent.domain.preferences import (
    CHANNEL_KINDS,
    CHANNELS,
    EMAIL,
    Preferences,
    next_agenda_run,
)
from televent.domain.zones import zone_or_utc

from .keyboards import answer_buttons
from .texts import clock, day, shown

REMINDER_STEPS = (0, 5, 10, 15, 30, 60)
NOTICE_STEPS = ("all", "declines", "none")
HOUR_CYCLE_STEPS = (None, "24", "12")  # None: as the person's language writes times
DEFAULT_QUIET = "22:00-07:00"
DEFAULT_AGENDA = "07:00"
MAX_ANSWER_ROWS = 5


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
    "hc": "hour_cycle",
}
BOOLEANS = ("event_alarms", "cards_telegram", "cards_email", "agenda_empty_days")
# Where reminders, the agenda and notices go (`channels`): short code -> kind, and the order a
# tap moves through (Telegram, both, email), each encoded as the channels' initials.
CHANNEL_KEYS = {"cr": "reminders", "cg": "agenda", "cn": "notices"}
CHANNEL_STEPS = (("telegram",), ("telegram", "email"), ("email",))


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
    if name in ("quiet_hours", "agenda_time", "hour_cycle") and value == "off":
        return {name: None}
    return {name: _colons(value) if name in ("quiet_hours", "agenda_time") else value}


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


def _where(chosen: tuple[str, ...]) -> str:
    """The `where` of bot-settings-channel: telegram, email, both or none."""
    if len(chosen) > 1:
        return "both"
    return chosen[0] if chosen else "none"


def settings_keyboard(preferences: Preferences, reminder_minutes: int) -> InlineKeyboardMarkup:
    """One button per preference; a tap sets the next value. Times are on the person's clock."""
    p = preferences
    step = REMINDER_STEPS[(_index(REMINDER_STEPS, reminder_minutes) + 1) % len(REMINDER_STEPS)]
    notice = NOTICE_STEPS[(_index(NOTICE_STEPS, p.organizer_notices) + 1) % len(NOTICE_STEPS)]
    cycle = HOUR_CYCLE_STEPS[(_index(HOUR_CYCLE_STEPS, p.hour_cycle) + 1) % len(HOUR_CYCLE_STEPS)]
    quiet = _range(p.quiet_hours, p.hour_cycle) if p.quiet_hours else None
    agenda = _time(p.agenda_time, p.hour_cycle) if p.agenda_time else None
    rows = [
        _button(t("bot-settings-reminders", minutes=reminder_minutes), "rm", step),
        _button(t("bot-settings-alarms", state=_on(p.event_alarms)), "ea", not p.event_alarms),
        _button(
            t("bot-settings-cards-telegram", state=_on(p.cards_telegram)),
            "ct",
            not p.cards_telegram,
        ),
        _button(t("bot-settings-cards-email", state=_on(p.cards_email)), "ce", not p.cards_email),
        _button(t("bot-settings-notices", which=p.organizer_notices), "on", notice),
        _button(
            t("bot-settings-quiet", hours=quiet) if quiet else t("bot-settings-quiet-off"),
            "qh",
            None if p.quiet_hours else DEFAULT_QUIET,
        ),
        _button(
            t("bot-settings-quiet-reminders", how=p.quiet_reminders),
            "qr",
            "hold" if p.quiet_reminders == "keep" else "keep",
        ),
        _button(
            t("bot-settings-agenda", time=agenda) if agenda else t("bot-settings-agenda-off"),
            "at",
            None if p.agenda_time else DEFAULT_AGENDA,
        ),
        _button(
            t("bot-settings-agenda-empty", state=_on(p.agenda_empty_days)),
            "ae",
            not p.agenda_empty_days,
        ),
    ]
    for key, kind in CHANNEL_KEYS.items():
        chosen = tuple(p.channels.get(kind, ()))
        following = CHANNEL_STEPS[(_index(CHANNEL_STEPS, chosen) + 1) % len(CHANNEL_STEPS)]
        label = t("bot-settings-channel", kind=kind, where=_where(chosen))
        rows.append(_button(label, key, "".join(c[0] for c in following)))
    rows.append(
        _button(
            t("bot-settings-clock", cycle=f"h{p.hour_cycle}" if p.hour_cycle else "auto"),
            "hc",
            cycle,
        )
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _index(steps: tuple[Any, ...], value: Any) -> int:
    return steps.index(value) if value in steps else -1


def _time(hhmm: str, hour_cycle: str | None) -> str:
    """ "07:30" (a preference's time of day) on the person's clock: "7:30 AM"."""
    try:
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return clock(dt.time(hours, minutes), hour_cycle)
    except ValueError:
        return hhmm


def _range(quiet: str, hour_cycle: str | None) -> str:
    """ "22:00-07:00" (quiet hours) on the person's clock: "10:00 PM–7:00 AM"."""
    first, _, last = quiet.partition("-")
    return t("bot-time-range", start=_time(first, hour_cycle), end=_time(last, hour_cycle))


def settings_text(
    timezone: str, preferences: Preferences | None = None, emails: tuple[str, ...] = ()
) -> str:
    """The text above the settings keyboard; where mail goes when a kind goes by email."""
    return t("bot-settings-text", zone=escape(timezone)) + mail_note(preferences, emails)


def mail_note(preferences: Preferences | None, emails: tuple[str, ...]) -> str:
    """Where what goes by email goes: the linked addresses, or none (then nothing is mailed)."""
    if preferences is None or not any(preferences.sends(k, EMAIL) for k in CHANNEL_KINDS):
        return ""
    if not emails:
        return "\n" + t("bot-settings-no-email")
    return "\n" + t("bot-settings-email-to", emails=escape(", ".join(emails)))


def agenda_status(preferences: Preferences, timezone: str, now: dt.datetime) -> str:
    """What /agenda alone says."""
    if preferences.agenda is None or preferences.agenda_time is None:
        return t("bot-agenda-none")
    zone = zone_or_utc(timezone)
    upcoming = next_agenda_run(now, preferences.agenda, zone).astimezone(zone)
    cycle = preferences.hour_cycle
    return t(
        "bot-agenda-status",
        time=_time(preferences.agenda_time, cycle),
        zone=escape(timezone),
        empty="yes" if preferences.agenda_empty_days else "no",
        next=t("bot-day-and-time", day=day(upcoming.date()), time=clock(upcoming, cycle)),
    )


def quiet_status(preferences: Preferences, timezone: str) -> str:
    """What /quiet says: the quiet hours, and whether reminders wait for their end."""
    if preferences.quiet_hours is None:
        return t("bot-quiet-none")
    return t(
        "bot-quiet-status",
        hours=_range(preferences.quiet_hours, preferences.hour_cycle),
        zone=escape(timezone),
        reminders=preferences.quiet_reminders,
    )


def agenda_message(
    payload: dict[str, Any], tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None
) -> str:
    """The morning agenda: the day's events in the person's zone and on their clock,
    conflicts and pending invitations marked (in the current language)."""
    shown = dt.date.fromisoformat(payload["date"])
    head = f"☀️ <b>{escape(day_long(shown, current_language()))}</b>"
    items = payload.get("items") or []
    notes = [] if items else [t("bot-agenda-nothing")]
    unreadable = int(payload.get("unreadable") or 0)
    if unreadable:
        notes.append(t("bot-agenda-unreadable", count=unreadable))
    if any(item.get("conflict") for item in items):
        notes.append(t("bot-agenda-conflicts"))
    shown_items = [_agenda_line(item, tz, hour_cycle) for item in items]
    return fitted([head, *shown_items, *notes], last=len(notes))  # what one message holds


def _agenda_line(item: dict[str, Any], tz: zoneinfo.ZoneInfo, hour_cycle: str | None) -> str:
    if item.get("all_day"):
        when = t("bot-all-day")
    else:
        start = dt.datetime.fromisoformat(item["start"]).astimezone(tz)
        when = clock(start, hour_cycle)
        if item.get("end"):
            end = dt.datetime.fromisoformat(item["end"]).astimezone(tz)
            when = t("bot-time-range", start=when, end=clock(end, hour_cycle))
    parts = [
        f"{'⚠️ ' if item.get('conflict') else ''}<b>{escape(when)}</b>",
        shown(item["summary"]),
    ]
    if item.get("location"):
        parts.append(f"📍 {shown(item['location'])}")
    if item.get("recurring"):
        parts.append("🔁")
    if item.get("awaiting"):
        parts.append(t("bot-agenda-awaiting"))
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
                for code, label in answer_buttons()
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
