"""What the bot says about booking links: reading `/availability` changes, showing the weekly
hours and the links, and the owner's messages when someone books, cancels or moves a booking.

The hours are the availability of `televent.domain.availability` (its JSON form is the API's),
typed in the user's zone: `/availability mon-fri 09:00-12:00 13:00-17:00`,
`/availability sat off`, `/availability 2026-12-24 off`, `/availability 2026-12-27 10:00-14:00`.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from html import escape
from typing import Any

from televent.domain.availability import WEEKDAYS, Availability
from televent.projections.telegram_delivery import BOOKED, BOOKING_CANCELLED, BOOKING_MOVED

from .parsing import ParseProblem

DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_WORDS = {
    **{key: key for key in WEEKDAYS},
    **{name.lower(): key for name, key in zip(DAY_LABELS, WEEKDAYS, strict=True)},
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

AVAILABILITY_EXAMPLES = (
    "<code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — weekly hours\n"
    "<code>/availability sat 10:00-14:00</code> — one weekday\n"
    "<code>/availability sat off</code> — not bookable that weekday\n"
    "<code>/availability 2026-12-24 off</code> — a day off\n"
    "<code>/availability 2026-12-27 10:00-14:00</code> — other hours on one date\n"
    "<code>/availability 2026-12-24 weekly</code> — that date follows the week again\n"
    "<code>/availability default</code> — back to Mon–Fri 09:00–17:00"
)
BOOKING_USAGE = (
    "🔗 <b>Booking links</b> let people book time with you on a web page, within your "
    "/availability and around the events already in your calendar.\n"
    "<code>/booking new intro 30 Intro call</code> — a 30-minute link at /book/intro\n"
    "<code>/booking list</code> — your links, their addresses and upcoming bookings\n"
    "<code>/booking pause intro</code> / <code>/booking resume intro</code> — stop or "
    "restart taking bookings\n"
    "<code>/booking delete intro</code> — delete a link (its bookings stay in your calendar)\n"
    "Buffers, notice, horizon and questions: Settings → Booking in the calendar app (/app)."
)


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


def parse_availability(text: str, today: dt.date) -> AvailabilityChange:
    """Read the arguments of `/availability` (see the module docstring); `today` is the
    user's local date (a date in the past is refused)."""
    words = text.replace(",", " ").split()
    if not words:
        raise ParseProblem("Tell me which days and hours.\n" + AVAILABILITY_EXAMPLES)
    head, rest = words[0].lower(), words[1:]
    if head in _RESET_WORDS and not rest:
        return AvailabilityChange(reset=True)
    if _DATE.match(head):
        try:
            day = dt.date.fromisoformat(head)
        except ValueError:
            raise ParseProblem(f"{head} is not a date (YYYY-MM-DD).") from None
        if day < today:
            raise ParseProblem(f"{day:%a %d %b %Y} is in the past.")
        if len(rest) == 1 and rest[0].lower() in _CLEAR_WORDS:
            return AvailabilityChange(date=day, clear_date=True)
        return AvailabilityChange(date=day, ranges=_ranges(rest))
    return AvailabilityChange(days=_days(head), ranges=_ranges(rest))


def _days(word: str) -> tuple[str, ...]:
    if word in _GROUPS:
        return _GROUPS[word]
    first, dash, last = word.partition("-")
    if dash:
        start, end = _day(first), _day(last)
        i, j = WEEKDAYS.index(start), WEEKDAYS.index(end)
        if j < i:
            raise ParseProblem(f"{word}: the first day comes after the last (try mon-fri).")
        return WEEKDAYS[i : j + 1]
    return (_day(word),)


def _day(word: str) -> str:
    key = _DAY_WORDS.get(word.strip().lower())
    if key is None:
        raise ParseProblem(
            f"I don't know the day {word!r}. Start with a weekday (mon, tue, …, mon-fri, "
            "weekend) or a date like 2026-12-24.\n" + AVAILABILITY_EXAMPLES
        )
    return key


def _ranges(words: list[str]) -> tuple[tuple[str, str], ...]:
    if not words:
        raise ParseProblem(
            "Give the hours after the day, like <code>09:00-17:00</code> (several ranges "
            "separated by spaces), or <code>off</code>."
        )
    if len(words) == 1 and words[0].lower() in _OFF_WORDS:
        return ()
    joined = " ".join(words)
    # "09:00 - 12:00" typed with spaces: glue the dashes back to their times.
    words = re.sub(r"\s*([-–—])\s*", r"\1", joined).split()
    found: list[tuple[str, str]] = []
    for word in words:
        match = _RANGE.match(word)
        if match is None:
            raise ParseProblem(
                f"{word!r} is not a range of hours; write it like <code>09:00-17:00</code>."
            )
        found.append((_hhmm(match.group(1), match.group(2)), _hhmm(match.group(3), match.group(4))))
    return tuple(found)


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"


def availability_text(availability: Availability, *, is_default: bool) -> str:
    """The weekly hours and the dates with their own hours, one line each."""
    head = "🗓 <b>When people can book you</b>"
    if is_default:
        head += " (the default: you have not set your hours yet)"
    lines = [head, f"Time zone: {escape(availability.timezone)}"]
    for label, key in zip(DAY_LABELS, WEEKDAYS, strict=True):
        lines.append(f"{label}  {_ranges_text(availability.as_json()['weekly'][key])}")
    overrides = availability.as_json()["overrides"]
    if overrides:
        lines.append("<b>Dates with their own hours</b>")
        for override in overrides:
            day = dt.date.fromisoformat(override["date"])
            lines.append(f"{day:%a %d %b %Y}  {_ranges_text(override['ranges'])}")
    return "\n".join(lines)


def _ranges_text(ranges: list[list[str]]) -> str:
    if not ranges:
        return "off"
    return ", ".join(f"{start}–{end}" for start, end in ranges)


def duration_text(minutes: int) -> str:
    """30 min, 1 h, 1 h 30 min."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


# --- the owner's messages about bookings (rendered when sent, in the owner's zone) -----------

BOOKING_KINDS = (BOOKED, BOOKING_CANCELLED, BOOKING_MOVED)


def span_text(start: str | None, end: str | None, tz: zoneinfo.ZoneInfo) -> str:
    """`Tue 3 Mar 14:00-14:30` in `tz`, from ISO UTC texts."""
    if not start:
        return "an unknown time"
    first = dt.datetime.fromisoformat(start).astimezone(tz)
    text = f"{first:%a} {first.day} {first:%b} {first:%H:%M}"
    if end:
        last = dt.datetime.fromisoformat(end).astimezone(tz)
        if last.date() == first.date():
            text += f"-{last:%H:%M}"
        else:
            text += f" - {last:%a} {last.day} {last:%b} {last:%H:%M}"
    return text


def booking_notice(kind: str, payload: dict[str, Any], tz: zoneinfo.ZoneInfo) -> str:
    """The owner's message about a booking of one of their links."""
    who = escape(payload.get("name") or "Someone")
    title = escape(payload.get("title") or "a booking")
    span = escape(span_text(payload.get("start"), payload.get("end"), tz))
    minutes = payload.get("duration")
    length = f"{duration_text(int(minutes))} " if minutes else ""
    if kind == BOOKED:
        lines = [f"📅 {who} booked {length}with you: <b>{title}</b>, {span}"]
        if payload.get("email"):
            lines.append(f"✉️ {escape(payload['email'])}")
        for label, answer in payload.get("answers") or []:
            lines.append(f"💬 {escape(label)}: {escape(answer)}")
        return "\n".join(lines)
    if kind == BOOKING_CANCELLED:
        reason = payload.get("reason")
        why = f" ({escape(reason)})" if reason else ""
        return f"❌ {who} cancelled <b>{title}</b>, {span}{why}. The time is free again."
    if kind == BOOKING_MOVED:
        before = payload.get("old_start")
        was = f" (was {escape(span_text(before, payload.get('old_end'), tz))})" if before else ""
        return f"🔄 {who} moved <b>{title}</b> to {span}{was}."
    return f"{who}: {title}, {span}"
