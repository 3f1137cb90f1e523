"""What the bot says about booking links: reading `/availability` changes, showing the weekly
hours and the links, and the owner's messages when someone books, cancels or moves a booking.

The hours are the availability of `televent.domain.availability` (its JSON form is the API's),
typed in the user's zone: `/availability mon-fri 09:00-12:00 13:00-17:00`,
`/availability sat off`, `/availability 2026-12-24 off`, `/availability 2026-12-27 10:00-14:00`.
The commands' words are English; weekdays may also be named in the reader's language.

Every text is a message of the catalogue (locales/<language>/bot-booking.ftl) in the current
language, with days, times and durations written by adapters/i18n/formatting.py in the
reader's clock.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from html import escape
from typing import Any

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import (
    day_with_weekday_and_year,
    duration,
    locale_of,
    time_of_day,
    uses_12_hours,
    weekday_name,
)
from televent.domain.availability import WEEKDAYS, Availability
from televent.projections.telegram_delivery import BOOKED, BOOKING_CANCELLED, BOOKING_MOVED

from . import texts
from .parsing import ParseProblem

_DAY_WORDS = {
    **{key: key for key in WEEKDAYS},
    "monday": "mon",
    "tuesday": "tue",
    "tues": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "thur": "thu",
    "thurs": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
_GROUPS = {
    "weekdays": WEEKDAYS[:5],
    "workdays": WEEKDAYS[:5],
    "weekend": WEEKDAYS[5:],
    "weekends": WEEKDAYS[5:],
    "daily": WEEKDAYS,
    "everyday": WEEKDAYS,
    "all": WEEKDAYS,
}
_OFF_WORDS = ("off", "closed", "none", "free", "-")
_RESET_WORDS = ("default", "reset")
_CLEAR_WORDS = ("weekly", "clear", "usual", "normal")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_RANGE = re.compile(rf"^{_TIME}\s*[-–—]\s*{_TIME}$")


def availability_examples(hour_cycle: str | None = None) -> str:
    """How to change the hours, with examples (the default hours in the reader's clock)."""
    language = current_language()
    days = f"{weekday_name(0, language)}–{weekday_name(4, language)}"
    hours = f"{_clock('09:00', language, hour_cycle)}–{_clock('17:00', language, hour_cycle)}"
    return t("booking-bot-examples", days=days, hours=hours)


def booking_usage() -> str:
    """/booking alone: what booking links are and the commands."""
    return t("booking-bot-usage")


@dataclass(frozen=True)
class AvailabilityChange:
    """One `/availability` change: weekly hours of some weekdays, the hours of one date (or
    its return to the weekly hours), or the default back."""

    days: tuple[str, ...] = ()
    date: dt.date | None = None
    ranges: tuple[tuple[str, str], ...] = ()
    clear_date: bool = False
    reset: bool = False

    def applied_to(self, current: Availability, timezone: str) -> Availability:
        """The availability after this change, in `timezone` (the user's zone now): the
        domain checks it (DomainError naming the bad value)."""
        if self.reset:
            return Availability.default(timezone)
        data = current.as_json()
        data["timezone"] = timezone
        ranges = [list(r) for r in self.ranges]
        for day in self.days:
            data["weekly"][day] = ranges
        if self.date is not None:
            day_text = self.date.isoformat()
            overrides = [o for o in data["overrides"] if o["date"] != day_text]
            if not self.clear_date:
                overrides.append({"date": day_text, "ranges": ranges})
            data["overrides"] = overrides
        return Availability.from_json(data)


def parse_availability(
    text: str, today: dt.date, hour_cycle: str | None = None
) -> AvailabilityChange:
    """Read the arguments of `/availability` (see the module docstring); `today` is the
    user's local date (a date in the past is refused). Weekdays are English or the reader's
    language ("пн-пт", "Montag"); a refusal is in the current language, its examples in the
    reader's clock (`hour_cycle`)."""
    words = text.replace(",", " ").split()
    if not words:
        raise ParseProblem(t("booking-bot-which-days") + "\n" + availability_examples(hour_cycle))
    head, rest = words[0].lower(), words[1:]
    if head in _RESET_WORDS and not rest:
        return AvailabilityChange(reset=True)
    if _DATE.match(head):
        try:
            day = dt.date.fromisoformat(head)
        except ValueError:
            raise ParseProblem(t("booking-bot-not-a-date", text=head)) from None
        if day < today:
            shown = day_with_weekday_and_year(day, current_language())
            raise ParseProblem(t("booking-bot-past", day=shown))
        if len(rest) == 1 and rest[0].lower() in _CLEAR_WORDS:
            return AvailabilityChange(date=day, clear_date=True)
        return AvailabilityChange(date=day, ranges=_ranges(rest))
    try:
        days = _days(head)
    except ParseProblem as exc:
        raise ParseProblem(exc.message + "\n" + availability_examples(hour_cycle)) from None
    return AvailabilityChange(days=days, ranges=_ranges(rest))


def _days(word: str) -> tuple[str, ...]:
    if word in _GROUPS:
        return _GROUPS[word]
    whole = _day_key(word)  # "segunda-feira" is one day
    if whole is not None:
        return (whole,)
    first, dash, last = word.partition("-")
    if dash:
        start, end = _day(first), _day(last)
        i, j = WEEKDAYS.index(start), WEEKDAYS.index(end)
        if j < i:
            raise ParseProblem(t("booking-bot-days-backwards", text=word))
        return WEEKDAYS[i : j + 1]
    return (_day(word),)


def _day(word: str) -> str:
    key = _day_key(word)
    if key is None:
        raise ParseProblem(t("booking-bot-unknown-day", text=word))
    return key


def _day_key(word: str) -> str | None:
    """A weekday's key from its name: English, or the reader's language ("пн", "Montag")."""
    wanted = word.strip().lower().rstrip(".")
    key = _DAY_WORDS.get(wanted)
    if key is not None:
        return key
    days = locale_of(current_language()).days
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "short", "wide"):
            for index, name in days[context][width].items():
                if str(name).lower().rstrip(".") == wanted:
                    return WEEKDAYS[int(index)]
    return None


def _ranges(words: list[str]) -> tuple[tuple[str, str], ...]:
    if not words:
        raise ParseProblem(t("booking-bot-no-hours"))
    if len(words) == 1 and words[0].lower() in _OFF_WORDS:
        return ()
    joined = " ".join(words)
    # "09:00 - 12:00" typed with spaces: glue the dashes back to their times.
    words = re.sub(r"\s*([-–—])\s*", r"\1", joined).split()
    found: list[tuple[str, str]] = []
    for word in words:
        match = _RANGE.match(word)
        if match is None:
            raise ParseProblem(t("booking-bot-not-a-range", text=word))
        found.append((_hhmm(match.group(1), match.group(2)), _hhmm(match.group(3), match.group(4))))
    return tuple(found)


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"


def availability_text(
    availability: Availability, *, is_default: bool, hour_cycle: str | None = None
) -> str:
    """The weekly hours and the dates with their own hours, one line each, in the current
    language and the reader's clock."""
    language = current_language()
    head = t("booking-bot-hours-default-title") if is_default else t("booking-bot-hours-title")
    lines = [head, t("booking-bot-zone", zone=escape(availability.timezone))]
    weekly = availability.as_json()["weekly"]
    for index, key in enumerate(WEEKDAYS):
        label = weekday_name(index, language)
        lines.append(f"{label}  {_ranges_text(weekly[key], language, hour_cycle)}")
    overrides = availability.as_json()["overrides"]
    if overrides:
        lines.append(t("booking-bot-dates-title"))
        for override in overrides:
            day = day_with_weekday_and_year(dt.date.fromisoformat(override["date"]), language)
            lines.append(f"{day}  {_ranges_text(override['ranges'], language, hour_cycle)}")
    return "\n".join(lines)


def _ranges_text(ranges: list[list[str]], language: str, hour_cycle: str | None) -> str:
    if not ranges:
        return t("booking-bot-off")
    return ", ".join(
        f"{_clock(start, language, hour_cycle)}–{_clock(end, language, hour_cycle)}"
        for start, end in ranges
    )


def _clock(text: str, language: str, hour_cycle: str | None) -> str:
    """A wall time of the hours ("09:00", "24:00": the end of the day) in the reader's clock."""
    hours, minutes = (int(part) for part in text.split(":"))
    if hours >= 24:
        if not uses_12_hours(language, hour_cycle):
            return "24:00"
        hours = 0
    return time_of_day(dt.time(hours, minutes), language, hour_cycle)


def duration_text(minutes: int) -> str:
    """30 minutes, 1 hour, 1 hour 30 minutes, in the current language."""
    return duration(minutes, current_language())


# --- the owner's messages about bookings (rendered when sent, in the owner's language, zone
# and clock: delivery.py sets the language) ---------------------------------------------------

BOOKING_KINDS = (BOOKED, BOOKING_CANCELLED, BOOKING_MOVED)


def span_text(
    start: str | None, end: str | None, tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None
) -> str:
    """ "Tue, Mar 3, 2:00 PM–2:30 PM" in `tz`, from ISO UTC texts."""
    if not start:
        return t("booking-bot-unknown-time")
    first = dt.datetime.fromisoformat(start).astimezone(tz)
    last = dt.datetime.fromisoformat(end).astimezone(tz) if end else None
    return texts.when(first, last, tz, hour_cycle=hour_cycle)


def booking_notice(
    kind: str, payload: dict[str, Any], tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None
) -> str:
    """The owner's message about a booking of one of their links, in the current language
    (`hour_cycle`: the owner's clock, "12", "24" or None for their language's custom)."""
    who = texts.shown(payload.get("name") or t("booking-bot-someone"))
    title = texts.shown(payload.get("title") or t("booking-bot-a-booking"))
    span = escape(span_text(payload.get("start"), payload.get("end"), tz, hour_cycle))
    minutes = payload.get("duration")
    if kind == BOOKED:
        if minutes:
            length = duration_text(int(minutes))
            head = t("booking-bot-booked-for", who=who, title=title, when=span, length=length)
        else:
            head = t("booking-bot-booked", who=who, title=title, when=span)
        lines = [head]
        if payload.get("email"):
            lines.append(f"✉️ {escape(payload['email'])}")
        for label, answer in payload.get("answers") or []:
            lines.append(f"💬 {texts.shown(label)}: {texts.shown(answer, texts.NOTE_SHOWN)}")
        return "\n".join(lines)
    if kind == BOOKING_CANCELLED:
        reason = payload.get("reason")
        if reason:
            return t(
                "booking-bot-cancelled-why",
                who=who,
                title=title,
                when=span,
                reason=texts.shown(reason, texts.NOTE_SHOWN),
            )
        return t("booking-bot-cancelled", who=who, title=title, when=span)
    if kind == BOOKING_MOVED:
        before = payload.get("old_start")
        if before:
            was = escape(span_text(before, payload.get("old_end"), tz, hour_cycle))
            return t("booking-bot-moved-from", who=who, title=title, when=span, was=was)
        return t("booking-bot-moved", who=who, title=title, when=span)
    return f"{who}: {title}, {span}"
