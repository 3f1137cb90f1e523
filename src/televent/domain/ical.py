"""Calendar object resources as the domain sees them (RFC 5545, RFC 4791 §4.1).

Pure functions over iCalendar text: parse and validate one calendar object resource, and
extract the facts the system reasons about (a JSON-able dict carried in domain events, so
projections never parse iCalendar again). The text itself is kept exactly as sent; the server's
own edits live in televent.domain.ical_edits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from televent.domain import ical_edits
from televent.domain.content_lines import (
    Component,
    ContentError,
    Property,
    decode_duration,
    decode_moment,
    decode_property_moment,
    decode_recur,
    parse,
    unescape_text,
)
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.recurrence import encode, instance_spans
from televent.domain.values import PartStat, normalize_address
from televent.domain.zones import Zones, calendar_zones, instance_key, zone_rules_problem

COMPONENT_TYPES = ical_edits.COMPONENT_TYPES


def component_kinds(components: str | None) -> tuple[str, ...]:
    """The kinds of component a calendar takes, from its supported-calendar-component-set as
    the calendar view keeps it (comma-separated; None or empty: every kind)."""
    if not components:
        return COMPONENT_TYPES
    return tuple(k.strip() for k in components.split(",") if k.strip())


TIMING_PROPERTIES = ("DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE", "EXDATE")
SIGNIFICANT_PROPERTIES = (*TIMING_PROPERTIES, "STATUS", "LOCATION")
DIFFED_PROPERTIES = (*SIGNIFICANT_PROPERTIES, "SUMMARY", "DESCRIPTION", "ORGANIZER")
MOMENT_PROPERTIES = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "DTSTAMP")
# Floating times and dates are read in the zone of whoever looks at them: widen the indexed
# range by the largest UTC offsets in use (UTC-12 to UTC+14) so no time-range query misses them.
FLOATING_SLACK = dt.timedelta(hours=14)
MAX_ATTENDEES = 1000

Facts = dict[str, Any]


@dataclass(frozen=True)
class CalendarObject:
    """A parsed, validated calendar object resource: one UID, one component type."""

    text: str
    calendar: Component
    component_type: str
    uid: str
    zones: Zones

    @property
    def components(self) -> list[Component]:
        """The master and override components (VEVENT/VTODO/VJOURNAL), in document order."""
        return [c for c in self.calendar.components if c.name == self.component_type]

    @property
    def master(self) -> Component | None:
        """The component without RECURRENCE-ID, if there is one."""
        return next((c for c in self.components if "RECURRENCE-ID" not in c), None)

    @property
    def lead(self) -> Component:
        """The master, or the first override when there is no master."""
        master = self.master
        return master if master is not None else self.components[0]

    def canonical(self) -> tuple[object, ...]:
        """Equal for two texts exactly when they hold the same content."""
        return self.calendar.canonical()


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
    kinds = {c.name for c in calendar.components if c.name != "VTIMEZONE"}
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
    components = [c for c in calendar.components if c.name == component_type]
    uids = {_value(c, "UID").strip() for c in components}
    if uids == {""}:
        raise InvalidCalendarDataError("The component has no UID.", "valid-calendar-data").worded(
            "refusal-data-no-uid"
        )
    if len(uids) != 1:
        raise InvalidCalendarDataError(
            "All components of a calendar object resource share one UID (RFC 4791 §4.1).",
            "valid-calendar-object-resource",
        )
    if sum("RECURRENCE-ID" not in c for c in components) > 1:
        raise InvalidCalendarDataError(
            "Only one component may lack RECURRENCE-ID (RFC 4791 §4.1).",
            "valid-calendar-object-resource",
        ).worded("refusal-data-two-series")
    zone_problem = zone_rules_problem(calendar)  # before any time is read in such a zone
    if zone_problem is not None:
        raise InvalidCalendarDataError(zone_problem, "valid-calendar-data").worded(
            "refusal-data-zone-rules"
        )
    zones = calendar_zones(calendar)
    for component in components:
        _check_values(component, zones)
    instances = [_rid(c, zones) for c in components if "RECURRENCE-ID" in c]
    if len(set(instances)) != len(instances):
        raise InvalidCalendarDataError(
            "Two components override the same instance (RECURRENCE-ID).",
            "valid-calendar-object-resource",
        ).worded("refusal-data-instance-twice")
    return CalendarObject(text, calendar, component_type, uids.pop(), zones)


def _parse_calendar(text: str) -> Component:
    if not text.strip():
        raise InvalidCalendarDataError("The body is empty; expected iCalendar data.")
    try:
        roots = parse(text)
    except ContentError as exc:
        raise InvalidCalendarDataError(f"The iCalendar data cannot be parsed: {exc}").worded(
            "refusal-data-unparsable"
        ) from exc
    if len(roots) != 1 or roots[0].name != "VCALENDAR":
        raise InvalidCalendarDataError("Expected exactly one VCALENDAR object.")
    return roots[0]


def _check_date_list(listed: Property, zones: Zones) -> None:
    """An RDATE or EXDATE: a list of dates, date-times or periods (RFC 5545 §3.8.5)."""
    for item in listed.value.split(","):
        start, _, end = item.partition("/")
        decode_moment(start, listed.param("TZID"), zones)
        if end.lstrip("+-").startswith("P"):
            decode_duration(end)
        elif end:
            decode_moment(end, listed.param("TZID"), zones)


def _check_values(component: Component, zones: Zones) -> None:
    checking = "DTSTART"  # the property read when a value cannot be (a person is told which)
    try:
        moments = {}
        for p in component.properties:
            if p.name in MOMENT_PROPERTIES:
                checking = p.name
                moments[p.name] = decode_property_moment(p, zones)
        if "DURATION" in component:
            checking = "DURATION"
            decode_duration(_value(component, "DURATION"))
        for listed in (*component.all("RDATE"), *component.all("EXDATE")):
            checking = listed.name
            _check_date_list(listed, zones)
        checking = "RRULE"
        for rule in component.all("RRULE"):
            parts = decode_recur(rule.value)
            if "UNTIL" in parts:
                decode_moment(parts["UNTIL"], None, zones)
            if "COUNT" in parts and not parts["COUNT"].isdigit():
                raise ContentError(f"COUNT={parts['COUNT']} is not a number.")
    except ContentError as exc:
        raise InvalidCalendarDataError(f"{component.name}: {exc}").worded(
            "refusal-data-value", property=checking
        ) from exc
    for alarm in component.components:
        if alarm.name == "VALARM" and "TRIGGER" not in alarm:
            raise InvalidCalendarDataError(f"{component.name}: A VALARM has no TRIGGER.").worded(
                "refusal-data-alarm-no-trigger"
            )
    if (
        "DTSTART" in moments
        and "DTEND" in moments
        and (_utc(moments["DTEND"]) < _utc(moments["DTSTART"]))
    ):
        raise InvalidCalendarDataError("DTEND lies before DTSTART.").worded(
            "refusal-data-end-before-start"
        )
    if len(component.all("ATTENDEE")) > MAX_ATTENDEES:
        raise InvalidCalendarDataError(f"More than {MAX_ATTENDEES} attendees.").worded(
            "refusal-data-too-many-attendees", most=MAX_ATTENDEES
        )


def facts_of(obj: CalendarObject) -> Facts:
    """Extract what the system reasons about, as a JSON-able dict.

    Keys: component, uid, summary, location, start, end, all_day, recurring, overrides,
    organizer, organizer_name, organizer_agent, attendees (address, value, cn, role, partstat,
    rsvp, schedule_agent), sequence,
    status,
    range_start/range_end (UTC epoch seconds, None for unbounded), instances (the exact spans
    of a finite recurring VEVENT, `recurrence.encode`d, or None), timing and significant
    (per-component property signatures used to detect a reschedule or a significant change).
    """
    lead = obj.lead
    master = obj.master
    start = _moment(lead, "DTSTART", obj.zones)
    end = _moment(lead, "DTEND", obj.zones) or _moment(lead, "DUE", obj.zones)
    range_start, range_end = indexed_range(obj)
    organizer = lead.get("ORGANIZER")
    return {
        "component": obj.component_type,
        "uid": obj.uid,
        "summary": _text(lead, "SUMMARY"),
        "location": _text(lead, "LOCATION"),
        "start": None if start is None else start.isoformat(),
        "end": None if end is None else end.isoformat(),
        "all_day": start is not None and not isinstance(start, dt.datetime),
        "recurring": master is not None and ("RRULE" in master or "RDATE" in master),
        "overrides": sorted(_rid(c, obj.zones) for c in obj.components if "RECURRENCE-ID" in c),
        "organizer": None if organizer is None else normalize_address(organizer.value),
        "organizer_name": None if organizer is None else organizer.param("CN"),
        "organizer_agent": "SERVER"
        if organizer is None
        else (organizer.param("SCHEDULE-AGENT") or "SERVER").upper(),
        "attendees": [_attendee_facts(a) for a in lead.all("ATTENDEE")],
        "sequence": _int(_value(lead, "SEQUENCE")),
        "status": _text(lead, "STATUS"),
        "range_start": range_start,
        "range_end": range_end,
        "span_exact": _span_is_exact(obj, range_start, range_end),
        "instances": encode(instance_spans(obj.components, obj.zones)),
        "timing": _signature(obj, TIMING_PROPERTIES),
        "significant": _signature(obj, SIGNIFICANT_PROPERTIES),
    }


def property_changes(old: CalendarObject, new: CalendarObject) -> dict[str, list[str | None]]:
    """What changed between two versions, for the audit trail: {PROPERTY: [old, new]}.

    Compares the master (or first) component's notable properties; any other difference is
    reported under the key "OTHER" with the names of the properties that differ.
    """
    old_lead, new_lead = old.lead, new.lead
    changes: dict[str, list[str | None]] = {}
    for name in DIFFED_PROPERTIES:
        if _raw(old_lead, name) != _raw(new_lead, name):
            changes[name] = [_shown(old_lead, name), _shown(new_lead, name)]
    skipped = {*DIFFED_PROPERTIES, "ATTENDEE", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED"}
    names = {p.name for p in old_lead.properties} | {p.name for p in new_lead.properties}
    others = sorted(n for n in names - skipped if _raw(old_lead, n) != _raw(new_lead, n))
    if [c.canonical() for c in old_lead.components] != [c.canonical() for c in new_lead.components]:
        others.append("VALARM")
    old_overrides = [c.canonical() for c in old.components if c is not old_lead]
    new_overrides = [c.canonical() for c in new.components if c is not new_lead]
    if old_overrides != new_overrides:
        others.append("RECURRENCE-ID overrides")
    if others:
        changes["OTHER"] = [None, ", ".join(others)]
    return changes


def timing_moved(old: Facts, new: Facts) -> set[str]:
    """Keys (RECURRENCE-ID, "" for the master) of components whose timing changed."""
    before, after = old["timing"], new["timing"]
    return {key for key in set(before) | set(after) if before.get(key) != after.get(key)}


# --- helpers -----------------------------------------------------------------------------


def _value(component: Component, name: str) -> str:
    prop = component.get(name)
    return "" if prop is None else prop.value


def _text(component: Component, name: str) -> str | None:
    prop = component.get(name)
    return None if prop is None else unescape_text(prop.value)


def _int(value: str) -> int:
    try:
        return int(value.strip()) if value.strip() else 0
    except ValueError:
        return 0


def _raw(component: Component, name: str) -> str | None:
    """Every value of a property with its parameters, for comparison."""
    props = component.all(name)
    return "\n".join(p.canonical() for p in props) if props else None


def _shown(component: Component, name: str) -> str | None:
    """A property's values as a person reads them (escapes decoded)."""
    props = component.all(name)
    return "\n".join(unescape_text(p.value) for p in props) if props else None


def _moment(component: Component, name: str, zones: Zones) -> dt.date | dt.datetime | None:
    prop = component.get(name)
    return None if prop is None else decode_property_moment(prop, zones)


def _rid(component: Component, zones: Zones) -> str:
    moment = _moment(component, "RECURRENCE-ID", zones)
    return "" if moment is None else instance_key(moment)


def _attendee_facts(attendee: Property) -> dict[str, Any]:
    return {
        "address": normalize_address(attendee.value),
        "value": attendee.value,
        "cn": attendee.param("CN"),
        "role": (attendee.param("ROLE") or "REQ-PARTICIPANT").upper(),
        "partstat": (attendee.param("PARTSTAT") or PartStat.NEEDS_ACTION.value).upper(),
        "rsvp": (attendee.param("RSVP") or "FALSE").upper() == "TRUE",
        # RFC 6638 §7.1: CLIENT or NONE means the server sends this attendee nothing.
        "schedule_agent": (attendee.param("SCHEDULE-AGENT") or "SERVER").upper(),
    }


def _signature(obj: CalendarObject, names: tuple[str, ...]) -> dict[str, str]:
    return {
        _rid(c, obj.zones): "\n".join(f"{n}:{_raw(c, n)}" for n in names if n in c)
        for c in obj.components
    }


def _utc(moment: dt.date | dt.datetime) -> dt.datetime:
    """A comparable UTC instant; dates and floating times are read as UTC."""
    if not isinstance(moment, dt.datetime):
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC)
    except (OverflowError, ValueError):  # a zoned time in the first or last day of the calendar
        return moment.replace(tzinfo=dt.UTC)


def _is_floating(moment: dt.date | dt.datetime) -> bool:
    return not isinstance(moment, dt.datetime) or moment.tzinfo is None


def _span_is_exact(obj: CalendarObject, start: int | None, end: int | None) -> bool:
    """Whether the indexed span is exactly the event's (RFC 4791 §9.9 can be decided from it):
    one VEVENT, not recurring, a zoned start, and a positive length."""
    if obj.component_type != "VEVENT" or len(obj.components) != 1 or start is None:
        return False
    event = obj.components[0]
    if "RRULE" in event or "RDATE" in event:
        return False
    moment = _moment(event, "DTSTART", obj.zones)
    return (
        isinstance(moment, dt.datetime)
        and moment.tzinfo is not None
        and end is not None
        and end > start
    )


def indexed_range(obj: CalendarObject) -> tuple[int | None, int | None]:
    """The UTC span (epoch seconds) that holds every instance, for time-range pre-filtering.

    Open-ended recurrences give `None` as end; components without a start give (None, None).
    The span is conservative: exact filtering happens when instances are expanded.
    """
    starts: list[dt.datetime] = []
    ends: list[dt.datetime | None] = []
    for component in obj.components:
        span = _component_span(component, obj.zones)
        if span is None:
            return None, None
        starts.append(span[0])
        ends.append(span[1])
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    return int(min(starts).timestamp()), (None if end is None else int(end.timestamp()))


def _component_span(
    component: Component, zones: Zones
) -> tuple[dt.datetime, dt.datetime | None] | None:
    start = _moment(component, "DTSTART", zones)
    if start is None:
        return None
    duration = _duration(component, start, zones)
    slack = FLOATING_SLACK if _is_floating(start) else dt.timedelta(0)
    first = _plus(_utc(start), -slack)
    last: dt.datetime | None = _plus(_utc(start), duration + slack)
    rid = _moment(component, "RECURRENCE-ID", zones)
    if rid is not None and last is not None:
        first = min(first, _plus(_utc(rid), -FLOATING_SLACK))
        last = max(last, _plus(_utc(rid), FLOATING_SLACK))
    if "RRULE" in component:
        last = _rrule_last(component, duration + slack + FLOATING_SLACK, zones)
    for rdate in component.all("RDATE"):
        for item in rdate.value.split(","):
            begin, _, until = item.partition("/")
            moment = decode_moment(begin, rdate.param("TZID"), zones)
            span = duration
            if until.lstrip("+-").startswith("P"):
                span = decode_duration(until)
            elif until:
                span = _utc(decode_moment(until, rdate.param("TZID"), zones)) - _utc(moment)
            first = min(first, _plus(_utc(moment), -FLOATING_SLACK))
            if last is not None:
                last = max(last, _plus(_utc(moment), max(span, duration) + FLOATING_SLACK))
    return first, last


_EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC)
_LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


def _plus(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """`moment + delta`, held at the ends of the calendar instead of overflowing."""
    try:
        return moment + delta
    except OverflowError:
        return _LATEST if delta > dt.timedelta(0) else _EARLIEST


def _duration(component: Component, start: dt.date | dt.datetime, zones: Zones) -> dt.timedelta:
    end = _moment(component, "DTEND", zones) or _moment(component, "DUE", zones)
    if end is not None:
        return max(_utc(end) - _utc(start), dt.timedelta(0))
    if "DURATION" in component:
        return max(decode_duration(_value(component, "DURATION")), dt.timedelta(0))
    return dt.timedelta(0) if isinstance(start, dt.datetime) else dt.timedelta(days=1)


def _rrule_last(component: Component, margin: dt.timedelta, zones: Zones) -> dt.datetime | None:
    latest: dt.datetime | None = None
    for rule in component.all("RRULE"):
        parts = decode_recur(rule.value)
        if "UNTIL" not in parts or "COUNT" in parts:
            return None
        end = _plus(_utc(decode_moment(parts["UNTIL"], None, zones)), margin)
        latest = end if latest is None else max(latest, end)
    return latest
