"""Calendar object resources as the domain sees them (RFC 5545, RFC 4791 §4.1).

Pure functions over iCalendar text: parse and validate one calendar object resource, extract the
facts the system reasons about (a JSON-able dict carried in domain events, so projections never
parse iCalendar again), and make the few edits the server itself performs (PARTSTAT, attendees,
SEQUENCE, STATUS). Text the server does not edit is kept byte for byte as the client sent it.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import icalendar

from televent.domain.errors import InvalidCalendarDataError
from televent.domain.values import PartStat, normalize_address

COMPONENT_TYPES = ("VEVENT", "VTODO", "VJOURNAL")
TIMING_PROPERTIES = ("DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE", "EXDATE")
SIGNIFICANT_PROPERTIES = (*TIMING_PROPERTIES, "STATUS", "LOCATION")
DIFFED_PROPERTIES = (*SIGNIFICANT_PROPERTIES, "SUMMARY", "DESCRIPTION", "ORGANIZER")
# Floating times and dates are read in the zone of whoever looks at them: widen the indexed
# range by the largest UTC offsets in use (UTC-12 to UTC+14) so no time-range query misses them.
FLOATING_SLACK = dt.timedelta(hours=14)
MAX_ATTENDEES = 1000

Facts = dict[str, Any]


@dataclass(frozen=True)
class CalendarObject:
    """A parsed, validated calendar object resource: one UID, one component type."""

    calendar: icalendar.Calendar
    component_type: str
    uid: str
    text: str

    @property
    def components(self) -> list[icalendar.cal.Component]:
        """The master and override components (VEVENT/VTODO/VJOURNAL), in document order."""
        return [c for c in self.calendar.subcomponents if c.name == self.component_type]

    @property
    def master(self) -> icalendar.cal.Component | None:
        """The component without RECURRENCE-ID, if there is one."""
        return next((c for c in self.components if "RECURRENCE-ID" not in c), None)


def parse_calendar_object(text: str) -> CalendarObject:
    """Parse and validate one calendar object resource (RFC 4791 §4.1).

    Raises:
        InvalidCalendarDataError: with the CalDAV precondition the data violates.
    """
    calendar = _parse_calendar(text)
    if "METHOD" in calendar:
        raise InvalidCalendarDataError(
            "A calendar object resource must not contain METHOD (RFC 4791 §4.1).",
            "valid-calendar-object-resource",
        )
    kinds = {str(c.name) for c in calendar.subcomponents if c.name != "VTIMEZONE"}
    if not kinds:
        raise InvalidCalendarDataError(
            "The calendar holds no VEVENT, VTODO or VJOURNAL.", "valid-calendar-object-resource"
        )
    unsupported = kinds - set(COMPONENT_TYPES)
    if unsupported:
        raise InvalidCalendarDataError(
            f"Component {sorted(unsupported)[0]} is not stored here; "
            "this calendar takes VEVENT, VTODO and VJOURNAL.",
            "supported-calendar-component",
        )
    if len(kinds) > 1:
        raise InvalidCalendarDataError(
            "A calendar object resource holds one type of component (RFC 4791 §4.1).",
            "valid-calendar-object-resource",
        )
    component_type = kinds.pop()
    components = [c for c in calendar.subcomponents if c.name == component_type]
    uids = {str(c.get("UID", "")).strip() for c in components}
    if uids == {""}:
        raise InvalidCalendarDataError("The component has no UID.", "valid-calendar-data")
    if len(uids) != 1:
        raise InvalidCalendarDataError(
            "All components of a calendar object resource share one UID (RFC 4791 §4.1).",
            "valid-calendar-object-resource",
        )
    masters = [c for c in components if "RECURRENCE-ID" not in c]
    if len(masters) > 1:
        raise InvalidCalendarDataError(
            "Only one component may lack RECURRENCE-ID (RFC 4791 §4.1).",
            "valid-calendar-object-resource",
        )
    _check_component_values(components)
    return CalendarObject(calendar, component_type, uids.pop(), text)


def _parse_calendar(text: str) -> icalendar.Calendar:
    if not text.strip():
        raise InvalidCalendarDataError("The body is empty; expected iCalendar data.")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise InvalidCalendarDataError(f"The iCalendar data cannot be parsed: {exc}") from exc
    if len(calendars) != 1 or calendars[0].name != "VCALENDAR":
        raise InvalidCalendarDataError("Expected exactly one VCALENDAR object.")
    calendar: icalendar.Calendar = calendars[0]
    return calendar


def _check_component_values(components: Iterable[icalendar.cal.Component]) -> None:
    for component in components:
        for sub in component.walk():
            if sub.errors:
                name, problem = sub.errors[0]
                raise InvalidCalendarDataError(f"Property {name} is invalid: {problem}")
        for name in ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID"):
            if name in component:
                try:
                    component.decoded(name)
                except (ValueError, TypeError, KeyError) as exc:
                    raise InvalidCalendarDataError(f"Property {name} is invalid: {exc}") from exc
        attendees = _as_list(component.get("ATTENDEE"))
        if len(attendees) > MAX_ATTENDEES:
            raise InvalidCalendarDataError(f"More than {MAX_ATTENDEES} attendees.")
    start_end_order_check(components)


def start_end_order_check(components: Iterable[icalendar.cal.Component]) -> None:
    """Refuse a component whose end lies before its start (RFC 5545 §3.6.1)."""
    for component in components:
        if "DTSTART" in component and "DTEND" in component:
            start, end = component.decoded("DTSTART"), component.decoded("DTEND")
            if _utc(start) > _utc(end):
                raise InvalidCalendarDataError("DTEND lies before DTSTART.")


def canonical_text(obj: CalendarObject) -> str:
    """The normalised serialisation, used to tell a real change from a re-sent identical body."""
    return str(obj.calendar.to_ical().decode("utf-8"))


def facts_of(obj: CalendarObject) -> Facts:
    """Extract what the system reasons about, as a JSON-able dict.

    Keys: component, uid, summary, location, start, end, all_day, recurring, overrides,
    organizer, attendees (address, value, cn, role, partstat, rsvp), sequence, status,
    range_start/range_end (UTC epoch seconds, None for unbounded), timing and significant
    (per-component property signatures used to detect a reschedule or a significant change).
    """
    master = obj.master
    lead = master if master is not None else obj.components[0]
    range_start, range_end = _indexed_range(obj)
    return {
        "component": obj.component_type,
        "uid": obj.uid,
        "summary": _text(lead.get("SUMMARY")),
        "location": _text(lead.get("LOCATION")),
        "start": _iso(lead.get("DTSTART")),
        "end": _iso(lead.get("DTEND") or lead.get("DUE")),
        "all_day": _is_date(lead.get("DTSTART")),
        "recurring": master is not None and ("RRULE" in master or "RDATE" in master),
        "overrides": sorted(
            _iso(c.get("RECURRENCE-ID")) or "" for c in obj.components if "RECURRENCE-ID" in c
        ),
        "organizer": _address_or_none(lead.get("ORGANIZER")),
        "attendees": [_attendee_facts(a) for a in _as_list(lead.get("ATTENDEE"))],
        "sequence": _int(lead.get("SEQUENCE")),
        "status": _text(lead.get("STATUS")),
        "range_start": range_start,
        "range_end": range_end,
        "timing": _signature(obj, TIMING_PROPERTIES),
        "significant": _signature(obj, SIGNIFICANT_PROPERTIES),
    }


def property_changes(old: CalendarObject, new: CalendarObject) -> dict[str, list[str | None]]:
    """What changed between two versions, for the audit trail: {PROPERTY: [old, new]}.

    Compares the master (or first) component's notable properties; any other difference is
    reported under the key "OTHER" with the names of the properties that differ.
    """
    old_lead, new_lead = _lead(old), _lead(new)
    changes: dict[str, list[str | None]] = {}
    for name in DIFFED_PROPERTIES:
        before, after = _raw(old_lead, name), _raw(new_lead, name)
        if before != after:
            changes[name] = [before, after]
    others = sorted(
        name
        for name in set(old_lead.keys()) | set(new_lead.keys())
        if name not in DIFFED_PROPERTIES
        and name not in ("ATTENDEE", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED")
        and _raw(old_lead, name) != _raw(new_lead, name)
    )
    if len(old.components) != len(new.components) or any(
        a.to_ical() != b.to_ical()
        for a, b in zip(old.components[1:], new.components[1:], strict=False)
    ):
        others.append("RECURRENCE-ID overrides")
    if others:
        changes["OTHER"] = [None, ", ".join(others)]
    return changes


def with_partstat(
    obj: CalendarObject, address: str, partstat: PartStat, recurrence_id: str | None = None
) -> CalendarObject:
    """Set one attendee's PARTSTAT (on every component, or on one instance).

    For an instance without an override, an override is derived from the master
    (RFC 5545 §3.8.4.4) so that the answer applies to that occurrence only.
    """
    key = normalize_address(address)
    targets = obj.components if recurrence_id is None else [_instance(obj, recurrence_id)]
    for component in targets:
        for attendee in _as_list(component.get("ATTENDEE")):
            if normalize_address(str(attendee)) == key:
                attendee.params["PARTSTAT"] = partstat.value
                attendee.params.pop("RSVP", None)
    return _reserialised(obj)


def with_attendee(
    obj: CalendarObject, value: str, cn: str | None, partstat: PartStat = PartStat.NEEDS_ACTION
) -> CalendarObject:
    """Add an attendee to every component (an invitation to the whole series)."""
    for component in obj.components:
        attendee = icalendar.vCalAddress(value)
        if cn:
            attendee.params["CN"] = cn
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = partstat.value
        attendee.params["RSVP"] = "TRUE"
        component.add("ATTENDEE", attendee, encode=False)
    return _reserialised(obj)


def without_attendee(obj: CalendarObject, address: str) -> CalendarObject:
    """Remove an attendee from every component."""
    key = normalize_address(address)
    for component in obj.components:
        kept = [a for a in _as_list(component.get("ATTENDEE")) if normalize_address(str(a)) != key]
        component.pop("ATTENDEE", None)
        for attendee in kept:
            component.add("ATTENDEE", attendee, encode=False)
    return _reserialised(obj)


def with_sequence_and_status(
    obj: CalendarObject, sequence: int, status: str | None = None
) -> CalendarObject:
    """Set SEQUENCE (and optionally STATUS) on every component."""
    for component in obj.components:
        component.pop("SEQUENCE", None)
        component.add("SEQUENCE", sequence)
        if status is not None:
            component.pop("STATUS", None)
            component.add("STATUS", status)
    return _reserialised(obj)


def with_partstats_reset(obj: CalendarObject, previous: CalendarObject) -> CalendarObject:
    """Reset attendees to NEEDS-ACTION on each component whose timing changed (RFC 5546 §2.1.4).

    The organizer's own ATTENDEE entry keeps its status.
    """
    before = _signature(previous, TIMING_PROPERTIES)
    after = _signature(obj, TIMING_PROPERTIES)
    master_moved = before.get("") != after.get("")
    for component in obj.components:
        rid = _iso(component.get("RECURRENCE-ID")) or ""
        if not master_moved and before.get(rid) == after.get(rid):
            continue
        organizer = _address_or_none(component.get("ORGANIZER"))
        for attendee in _as_list(component.get("ATTENDEE")):
            if normalize_address(str(attendee)) != organizer:
                attendee.params["PARTSTAT"] = PartStat.NEEDS_ACTION.value
                attendee.params["RSVP"] = "TRUE"
    return _reserialised(obj)


def render_event(
    *,
    uid: str,
    summary: str,
    start: dt.datetime,
    end: dt.datetime,
    stamp: dt.datetime,
    location: str | None = None,
    description: str | None = None,
    organizer: tuple[str, str | None] | None = None,
) -> str:
    """Build a new VEVENT calendar object (for adapters that create events from fields).

    Times must be timezone-aware; they are written with their IANA TZID and the matching
    VTIMEZONE, or as UTC.
    """
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//Televent//Televent//EN")
    calendar.add("VERSION", "2.0")
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp.astimezone(dt.UTC))
    event.add("DTSTART", start)
    event.add("DTEND", end)
    event.add("SUMMARY", summary)
    event.add("SEQUENCE", 0)
    if location:
        event.add("LOCATION", location)
    if description:
        event.add("DESCRIPTION", description)
    if organizer is not None:
        address = icalendar.vCalAddress(organizer[0])
        if organizer[1]:
            address.params["CN"] = organizer[1]
        event.add("ORGANIZER", address, encode=False)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode("utf-8"))


# --- helpers -----------------------------------------------------------------------------


def _reserialised(obj: CalendarObject) -> CalendarObject:
    return CalendarObject(obj.calendar, obj.component_type, obj.uid, canonical_text(obj))


def _lead(obj: CalendarObject) -> icalendar.cal.Component:
    master = obj.master
    return master if master is not None else obj.components[0]


def _instance(obj: CalendarObject, recurrence_id: str) -> icalendar.cal.Component:
    for component in obj.components:
        if (_iso(component.get("RECURRENCE-ID")) or "") == recurrence_id:
            return component
    master = obj.master
    if master is None:
        raise InvalidCalendarDataError(f"No instance {recurrence_id} in this event.")
    try:
        instant = dt.datetime.fromisoformat(recurrence_id)
    except ValueError as exc:
        raise InvalidCalendarDataError(f"Bad RECURRENCE-ID {recurrence_id!r}.") from exc
    start = master.decoded("DTSTART")
    if isinstance(start, dt.datetime) and start.tzinfo is not None and instant.tzinfo:
        instant = instant.astimezone(start.tzinfo)
    override = icalendar.Event() if obj.component_type == "VEVENT" else icalendar.Todo()
    for name, value in master.items():
        if name not in ("RRULE", "RDATE", "EXDATE", "DTSTART", "DTEND"):
            override[name] = copy.deepcopy(value)
    for sub in master.subcomponents:
        override.add_component(copy.deepcopy(sub))
    override.add("RECURRENCE-ID", instant)
    override.add("DTSTART", instant)
    if "DTEND" in master:
        override.add("DTEND", instant + (master.decoded("DTEND") - start))
    obj.calendar.add_component(override)
    return override


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int:
    try:
        return int(value) if value is not None else 0
    except (TypeError, ValueError):
        return 0


def _raw(component: icalendar.cal.Component, name: str) -> str | None:
    if name not in component:
        return None
    values = _as_list(component.get(name))
    return "\n".join(
        v.to_ical().decode("utf-8") if hasattr(v, "to_ical") else str(v) for v in values
    )


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    moment = value.dt if hasattr(value, "dt") else value
    if isinstance(moment, dt.datetime | dt.date):
        return moment.isoformat()
    return str(moment)


def _is_date(value: Any) -> bool:
    moment = getattr(value, "dt", None)
    return isinstance(moment, dt.date) and not isinstance(moment, dt.datetime)


def _address_or_none(value: Any) -> str | None:
    return None if value is None else normalize_address(str(value))


def _attendee_facts(attendee: Any) -> dict[str, Any]:
    params = getattr(attendee, "params", {})
    return {
        "address": normalize_address(str(attendee)),
        "value": str(attendee),
        "cn": params.get("CN"),
        "role": params.get("ROLE", "REQ-PARTICIPANT"),
        "partstat": str(params.get("PARTSTAT", PartStat.NEEDS_ACTION.value)).upper(),
        "rsvp": str(params.get("RSVP", "FALSE")).upper() == "TRUE",
    }


def _signature(obj: CalendarObject, names: Iterable[str]) -> dict[str, str]:
    wanted = tuple(names)
    return {
        _iso(c.get("RECURRENCE-ID")) or "": "\n".join(f"{n}:{_raw(c, n)}" for n in wanted if n in c)
        for c in obj.components
    }


def _utc(moment: dt.date | dt.datetime) -> dt.datetime:
    """A comparable UTC instant; dates and floating times are read as UTC."""
    if not isinstance(moment, dt.datetime):
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _is_floating(moment: dt.date | dt.datetime) -> bool:
    return not isinstance(moment, dt.datetime) or moment.tzinfo is None


def _indexed_range(obj: CalendarObject) -> tuple[int | None, int | None]:
    """The UTC span (epoch seconds) that holds every instance, for time-range pre-filtering.

    Open-ended recurrences give `None` as end; components without a start give (None, None).
    The span is conservative: exact filtering happens when instances are expanded.
    """
    starts: list[dt.datetime] = []
    ends: list[dt.datetime | None] = []
    for component in obj.components:
        span = _component_span(component)
        if span is None:
            return None, None
        starts.append(span[0])
        ends.append(span[1])
    start = min(starts)
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    return int(start.timestamp()), (None if end is None else int(end.timestamp()))


def _component_span(
    component: icalendar.cal.Component,
) -> tuple[dt.datetime, dt.datetime | None] | None:
    if "DTSTART" not in component:
        return None
    start_value = component.decoded("DTSTART")
    duration = _duration(component, start_value)
    slack = FLOATING_SLACK if _is_floating(start_value) else dt.timedelta(0)
    first = _utc(start_value) - slack
    last: dt.datetime | None = _utc(start_value) + duration + slack
    if "RECURRENCE-ID" in component:
        rid = component.decoded("RECURRENCE-ID")
        first = min(first, _utc(rid) - FLOATING_SLACK)
        last = max(last, _utc(rid) + FLOATING_SLACK) if last is not None else None
    if "RRULE" in component:
        last = _rrule_last(component, duration, slack)
    for rdate_prop in _as_list(component.get("RDATE")):
        for period in getattr(rdate_prop, "dts", []):
            value = period.dt[0] if isinstance(period.dt, tuple) else period.dt
            if last is not None:
                last = max(last, _utc(value) + duration + FLOATING_SLACK)
            first = min(first, _utc(value) - FLOATING_SLACK)
    return first, last


def _duration(component: icalendar.cal.Component, start: dt.date | dt.datetime) -> dt.timedelta:
    if "DTEND" in component:
        span: dt.timedelta = component.decoded("DTEND") - start
        return max(span, dt.timedelta(0))
    if "DUE" in component:
        return max(_utc(component.decoded("DUE")) - _utc(start), dt.timedelta(0))
    if "DURATION" in component:
        value = component.decoded("DURATION")
        return value if isinstance(value, dt.timedelta) else dt.timedelta(0)
    if isinstance(start, dt.datetime):
        return dt.timedelta(0)
    return dt.timedelta(days=1)


def _rrule_last(
    component: icalendar.cal.Component, duration: dt.timedelta, slack: dt.timedelta
) -> dt.datetime | None:
    rules = _as_list(component.get("RRULE"))
    latest: dt.datetime | None = None
    for rule in rules:
        until = rule.get("UNTIL")
        if not until or rule.get("COUNT"):
            return None
        end = _utc(until[0]) + duration + slack + FLOATING_SLACK
        latest = end if latest is None else max(latest, end)
    return latest
