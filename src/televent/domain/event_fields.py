"""Events as a JSON client writes them: checked fields turned into iCalendar edits (RFC 5545).

A new event is rendered as a VEVENT; an edit changes only the properties the client named, in
the stored text, so everything else (unknown and X- properties, VALARMs, attendees, other
overrides) stays as it was. An edit of one occurrence writes an overridden instance (a VEVENT
with RECURRENCE-ID, RFC 5545 §3.8.4.4) in the same resource; deleting one occurrence adds an
EXDATE (§3.8.5.1). Times are written with their IANA TZID and a VTIMEZONE, or in UTC.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import icalendar
from dateutil.rrule import rrulestr

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import calendar_text
from televent.domain.errors import DomainError, InvalidCalendarDataError, NotFoundError
from televent.domain.event_alarms import Reminder, checked_reminders, with_reminders
from televent.domain.event_times import (
    FieldError,
    Moment,
    component_times,
    occurrence_moment,
    parse_moment,
    resolve_times,
    zone_name_of,
    zone_of,
)
from televent.domain.occurrences import named_in_series_form, occurrences_between
from televent.domain.values import holds_control_characters
from televent.domain.zones import instance_key, series_instance_key

__all__ = [
    "EventChanges",
    "FieldError",
    "component_times",
    "edited_text",
    "event_times",
    "instance_component",
    "new_event_text",
    "parse_moment",
    "read_changes",
    "without_occurrence",
    "zone_name_of",
    "zone_of",
]
TEXT_FIELDS = {"title": 1_000, "location": 1_000, "description": 20_000}
TEXT_PROPERTIES = (("title", "SUMMARY"), ("location", "LOCATION"), ("description", "DESCRIPTION"))
TIME_FIELDS = ("start", "end", "all_day", "timezone")
WRITABLE = frozenset({*TEXT_FIELDS, *TIME_FIELDS, "recurrence", "reminders"})
# What a client may send back as it read it; never written from a request.
READ_ONLY = frozenset(
    {"id", "uid", "etag", "organizer", "my_status", "recurrence_id", "cancelled", "booking"}
)
SERIES_PROPERTIES = ("RRULE", "RDATE", "EXDATE")


@dataclass(frozen=True)
class EventChanges:
    """The writable fields a client sent, checked for type and size (times are read later,
    with the time zone they are written in)."""

    given: frozenset[str]
    title: str | None = None
    location: str | None = None
    description: str | None = None
    start: str | None = None
    end: str | None = None
    all_day: bool | None = None
    timezone: str | None = None
    recurrence: str | None = None
    # the VALARMs to write (domain/event_alarms.py; None: none of its own, (): "no reminder")
    reminders: tuple[Reminder, ...] | None = None

    def touches_times(self) -> bool:
        return any(name in self.given for name in TIME_FIELDS)


def read_changes(body: Mapping[str, Any], *, extra: frozenset[str] = frozenset()) -> EventChanges:
    """The writable fields of a request body; `extra` names fields the caller handles itself.
    Unknown fields are refused, so a misspelt one is never silently ignored."""
    values: dict[str, Any] = {}
    for name, value in body.items():
        if name in READ_ONLY or name in extra:
            continue
        if name not in WRITABLE:
            raise FieldError(name, "unknown or read-only field.").worded(
                "refusal-events-field-unknown", field=name[:64]
            )
        values[name] = _checked(name, value)
    return EventChanges(given=frozenset(values), **values)


def _checked(name: str, value: Any) -> Any:
    if name == "reminders":
        checked = checked_reminders(name, value)
        return None if checked is None else tuple(checked)
    if name == "all_day":
        if not isinstance(value, bool):
            raise FieldError(name, "must be true or false.").worded(
                "refusal-events-field-true-or-false", field=name
            )
        return value
    if value is None:
        if name in ("title", "start"):
            raise FieldError(name, "cannot be null.").worded(
                "refusal-events-field-null", field=name
            )
        return None
    if not isinstance(value, str):
        raise FieldError(name, "must be a string.").worded("refusal-events-field-text", field=name)
    if holds_control_characters(value):
        raise FieldError(
            name, "contains control characters (a tab and line breaks excepted)."
        ).worded("refusal-events-field-control-characters", field=name)
    limit = TEXT_FIELDS.get(name)
    if limit is not None and len(value) > limit:
        raise FieldError(name, f"is longer than {limit} characters.").worded(
            "refusal-calendars-too-long", field=name, limit=limit
        )
    if name == "title" and not value.strip():
        raise FieldError(name, "cannot be empty.").worded("refusal-calendars-title-empty")
    if name == "timezone":
        zone_of(value, name)
    return value


def event_times(
    changes: EventChanges, zone: dt.tzinfo, current: tuple[Moment, Moment] | None
) -> tuple[Moment, Moment]:
    """Start and end after the changes, over the `current` ones (None for a new event);
    see event_times.resolve_times, whose refusals are said in the person's words."""
    return resolve_times((changes.start, changes.end, changes.all_day), zone, current)


# --- writing ----------------------------------------------------------------------------------


def new_event_text(
    changes: EventChanges,
    *,
    uid: str,
    stamp: dt.datetime,
    zone_name: str,
    organizer: tuple[str, str | None],
    attendees: Sequence[tuple[str, str | None]] = (),
) -> str:
    """A new calendar object with one VEVENT, organised by `organizer` (address, name)."""
    if changes.title is None:
        raise FieldError("title", "is required.").worded("refusal-calendars-title-required")
    zone = zone_of(changes.timezone or zone_name)
    start, end = event_times(changes, zone, None)
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//Televent//Televent//EN")
    calendar.add("VERSION", "2.0")
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp.astimezone(dt.UTC))
    event.add("CREATED", stamp.astimezone(dt.UTC))
    event.add("SEQUENCE", 0)
    event.add("DTSTART", start)
    event.add("DTEND", end)
    event.add("SUMMARY", changes.title)
    for name, prop in TEXT_PROPERTIES[1:]:
        value = getattr(changes, name)
        if value:
            event.add(prop, value)
    if changes.recurrence:
        event.add("RRULE", _rule(changes.recurrence, start))
    if changes.reminders is not None:
        with_reminders(event, changes.reminders, changes.title)
    event.add("ORGANIZER", _address(organizer[0], organizer[1]), encode=False)
    for address, cn in attendees:
        attendee = _address(address, cn)
        attendee.params.update(
            {"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
        )
        event.add("ATTENDEE", attendee, encode=False)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar_text(calendar)


def edited_text(
    text: str,
    changes: EventChanges,
    *,
    occurrence: str | None,
    stamp: dt.datetime,
    zone_name: str,
) -> str:
    """The stored text with the changes applied: to the series (the master VEVENT), or to
    one occurrence, whose override is written (derived from the master when there is none)."""
    calendar = event_calendar(text)
    if occurrence is None:
        target = master_of(calendar) or _events(calendar)[0]
    else:
        if "recurrence" in changes.given:
            raise FieldError(
                "recurrence", "belongs to the whole series; leave out occurrence."
            ).worded("refusal-events-rule-whole-series")
        target = instance_of(calendar, occurrence, create=True)
    for name, prop in (
        ("title", "SUMMARY"),
        ("location", "LOCATION"),
        ("description", "DESCRIPTION"),
    ):
        if name in changes.given:
            target.pop(prop, None)
            value = getattr(changes, name)
            if value:
                target.add(prop, value)
    if changes.touches_times():
        zone = zone_of(changes.timezone or zone_name_of(target) or zone_name)
        before = component_times(target)
        start, end = event_times(changes, zone, before)
        for prop in ("DTSTART", "DTEND", "DURATION"):
            target.pop(prop, None)
        target.add("DTSTART", start)
        target.add("DTEND", end)
        if occurrence is None:
            _follow_move(calendar, target, before[0], start)
    if "recurrence" in changes.given:
        _set_recurrence(calendar, target, changes.recurrence)
    if "reminders" in changes.given:
        with_reminders(target, changes.reminders, str(target.get("SUMMARY", "")))
    for prop in ("DTSTAMP", "LAST-MODIFIED"):
        target.pop(prop, None)
        target.add(prop, stamp.astimezone(dt.UTC))
    calendar.add_missing_timezones()
    return calendar_text(calendar)


def without_occurrence(text: str, occurrence: str) -> str:
    """The stored text with one occurrence of the series cancelled: an EXDATE on the master
    (written like its DTSTART), and the occurrence's override, if any, removed."""
    calendar = event_calendar(text)
    master = master_of(calendar)
    if master is None:
        raise DomainError("This event has no series to take an occurrence out of.").worded(
            "refusal-events-no-series"
        )
    moment = instance_moment(master, occurrence)
    instance_of(calendar, occurrence, create=False)  # refuses a moment that is no instance
    key = instance_key(moment)
    series_start = master.decoded("DTSTART")
    for component in overrides_of(calendar):
        if series_instance_key(component.decoded("RECURRENCE-ID"), series_start) == key:
            calendar.subcomponents.remove(component)
    master.add("EXDATE", [moment])
    return calendar_text(calendar)


def instance_component(text: str, occurrence: str) -> Any:
    """One occurrence of a series as a VEVENT (its override, or derived from the master), its
    RECURRENCE-ID in the form of the series' start (zones.in_series_form), as listings name it."""
    calendar = event_calendar(text)
    component = instance_of(calendar, occurrence, create=False)
    master = master_of(calendar)
    if master is None:
        return component
    return named_in_series_form(component, master.decoded("DTSTART"))


# --- helpers (shared with series_split.py) ---------------------------------------------------


def event_calendar(text: str) -> icalendar.Calendar:
    """A stored resource parsed; refused when it cannot be read or holds no VEVENT."""
    try:
        calendar: icalendar.Calendar = read_calendar(text)
    except ValueError as exc:
        raise InvalidCalendarDataError(f"The iCalendar data cannot be parsed: {exc}").worded(
            "refusal-events-data-unreadable", reason=str(exc)[:200]
        ) from exc
    if not _events(calendar):
        raise DomainError("That is not an event.").worded("refusal-events-not-an-event")
    return calendar


def _events(calendar: icalendar.Calendar) -> list[Any]:
    return [c for c in calendar.subcomponents if c.name == "VEVENT"]


def master_of(calendar: icalendar.Calendar) -> Any:
    """The VEVENT without RECURRENCE-ID (the series' master, or the single event); None when
    the resource holds only overrides."""
    return next((c for c in _events(calendar) if "RECURRENCE-ID" not in c), None)


def overrides_of(calendar: icalendar.Calendar) -> list[Any]:
    """The overridden instances (VEVENTs with RECURRENCE-ID)."""
    return [c for c in _events(calendar) if "RECURRENCE-ID" in c]


def _address(address: str, name: str | None) -> icalendar.vCalAddress:
    value = icalendar.vCalAddress(address if ":" in address else f"mailto:{address}")
    if name:
        value.params["CN"] = name
    return value


def _rule(text: str, start: Moment) -> icalendar.vRecur:
    """An RRULE value (with or without the "RRULE:" prefix), checked to be one a recurrence
    walk can read."""
    body = text.strip().removeprefix("RRULE:").removeprefix("rrule:")
    try:
        rule: icalendar.vRecur = icalendar.vRecur.from_ical(body)
        if "FREQ" not in rule:
            raise ValueError("FREQ is missing")
        anchor = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
        rrulestr(body, dtstart=anchor)
    except (ValueError, TypeError, KeyError) as exc:
        raise FieldError("recurrence", f"{text!r} is not an RRULE ({exc}).").worded(
            "refusal-calendars-recurrence", rule=text.strip()[:80]
        ) from None
    if _never_repeats(rule, start):
        raise FieldError(
            "recurrence", f"{text!r} ends before the event starts: it would never show."
        ).worded("refusal-calendars-recurrence-never", rule=text.strip()[:80])
    return rule


def _never_repeats(rule: icalendar.vRecur, start: Moment) -> bool:
    """A rule that ends before its first instance (UNTIL before the start, COUNT=0): stored,
    the event showed nowhere."""
    counts = rule.get("COUNT") or []
    if counts and int(counts[0]) < 1:
        return True
    untils = rule.get("UNTIL") or []
    if not untils:
        return False
    until = untils[0]
    if isinstance(start, dt.datetime) and isinstance(until, dt.datetime):
        if start.tzinfo is None or until.tzinfo is None:  # a floating one: clock times
            return bool(until.replace(tzinfo=None) < start.replace(tzinfo=None))
        return bool(until < start)
    first_day = start.date() if isinstance(start, dt.datetime) else start
    last_day = until.date() if isinstance(until, dt.datetime) else until
    return bool(last_day < first_day)


def _set_recurrence(calendar: icalendar.Calendar, master: Any, text: str | None) -> None:
    """Replace the series' rule; none makes a single event again (its exceptions go too)."""
    master.pop("RRULE", None)
    if text:
        master.add("RRULE", _rule(text, master.decoded("DTSTART")))
        return
    for prop in SERIES_PROPERTIES:
        master.pop(prop, None)
    for override in overrides_of(calendar):
        calendar.subcomponents.remove(override)


def _follow_move(calendar: icalendar.Calendar, master: Any, old: Moment, new: Moment) -> None:
    """A series moved as a whole: its exceptions (EXDATEs, overrides' RECURRENCE-IDs) move
    with it, or go when an all-day series got times or the other way round. An override that
    kept its occurrence's time (one changed in other ways) moves in step; one moved to its own
    time stays there."""
    if "RRULE" not in master and "RDATE" not in master:
        return
    same_kind = isinstance(old, dt.datetime) == isinstance(new, dt.datetime)
    delta = new - old if same_kind else None  # type: ignore[operator]
    if delta == dt.timedelta(0):
        return
    excluded = [v.dt for dates in _as_list(master.get("EXDATE")) for v in dates.dts]
    master.pop("EXDATE", None)
    if delta is not None and excluded:
        master.add("EXDATE", [moment + delta for moment in excluded])
    for override in overrides_of(calendar):
        if delta is None:
            calendar.subcomponents.remove(override)
            continue
        slot = override.decoded("RECURRENCE-ID")
        override.pop("RECURRENCE-ID")
        override.add("RECURRENCE-ID", slot + delta)
        if "DTSTART" in override and override.decoded("DTSTART") == slot:
            start, end = component_times(override)
            for prop in ("DTSTART", "DTEND"):
                override.pop(prop, None)
            override.add("DTSTART", start + delta)
            if "DURATION" not in override:
                override.add("DTEND", end + delta)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def instance_moment(master: Any, occurrence: str) -> Moment:
    """The RECURRENCE-ID a client named, in the form of the master's DTSTART (a local time
    without an offset is read in the master's zone)."""
    return occurrence_moment(master.decoded("DTSTART"), occurrence)


def instance_of(calendar: icalendar.Calendar, occurrence: str, *, create: bool) -> Any:
    """The override of one occurrence; derived from the master when there is none (added to
    the calendar with `create`). A moment that is no occurrence of the series is not found."""
    master = master_of(calendar)
    repeats = master is not None and ({"RRULE", "RDATE"} & set(master) or overrides_of(calendar))
    if not repeats:
        raise not_repeating()
    moment = instance_moment(master, occurrence)
    key = instance_key(moment)
    series_start = master.decoded("DTSTART")
    for component in overrides_of(calendar):
        if series_instance_key(component.decoded("RECURRENCE-ID"), series_start) == key:
            return component
    if not _is_instance(calendar, moment, key):
        raise NotFoundError(f"The event has no occurrence at {occurrence}.").worded(
            "refusal-calendars-no-occurrence"
        )
    override = icalendar.Event()
    for name, value in master.items():
        if name not in (*SERIES_PROPERTIES, "DTSTART", "DTEND", "DURATION"):
            override[name] = copy.deepcopy(value)
    for sub in master.subcomponents:
        override.add_component(copy.deepcopy(sub))
    start, end = component_times(master)
    override.add("RECURRENCE-ID", moment)
    override.add("DTSTART", moment)
    override.add("DTEND", moment + (end - start))  # type: ignore[operator]
    if create:
        calendar.add_component(override)
    return override


def not_repeating() -> FieldError:
    """An occurrence named of an event that does not repeat."""
    return FieldError("occurrence", "this event does not repeat.").worded(
        "refusal-calendars-not-repeating"
    )


def _is_instance(calendar: icalendar.Calendar, moment: Moment, key: str) -> bool:
    """Whether the series has an occurrence at `moment` (not excluded)."""
    if isinstance(moment, dt.datetime):
        low: Moment = moment - dt.timedelta(seconds=1)
        high: Moment = moment + dt.timedelta(seconds=1)
    else:
        low, high = moment, moment + dt.timedelta(days=1)
    for component in occurrences_between(calendar, low, high):
        rid = component.get("RECURRENCE-ID")
        if rid is not None and series_instance_key(rid.dt, moment) == key:
            return True
    return False
