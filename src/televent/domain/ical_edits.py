"""The edits the server itself makes to a calendar object (RFC 5545, RFC 5546 §2.1.4).

Each function takes iCalendar text and returns new iCalendar text, through the `icalendar`
library; callers parse the result again (televent.domain.ical) to validate it and read its
facts. Only server-made changes are written this way: a client's text is otherwise kept as sent.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import icalendar

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import calendar_text
from televent.domain.content_lines import decode_moment, parse
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.values import PartStat, normalize_address
from televent.domain.zones import Zones, calendar_zones, instance_key, normalize_instance_key

COMPONENT_TYPES = ("VEVENT", "VTODO", "VJOURNAL")
REPLIED_PARAM = "X-TELEVENT-REPLIED"  # the DTSTAMP of the iTIP REPLY a PARTSTAT came from


def with_partstat(
    text: str,
    address: str,
    partstat: PartStat,
    recurrence_id: str | None = None,
    replied: str | None = None,
) -> str:
    """Set one attendee's PARTSTAT (on every component, or on one instance).

    For an instance without an override, an override is derived from the master
    (RFC 5545 §3.8.4.4) so that the answer applies to that occurrence only.
    """
    calendar = _calendar(text)
    key = normalize_address(address)
    targets = (
        _components(calendar)
        if recurrence_id is None
        else [_instance(calendar, normalize_instance_key(recurrence_id), _zones_of(text))]
    )
    for component in targets:
        for attendee in _as_list(component.get("ATTENDEE")):
            if normalize_address(str(attendee)) == key:
                attendee.params["PARTSTAT"] = partstat.value
                attendee.params.pop("RSVP", None)
                if replied is not None:
                    attendee.params[REPLIED_PARAM] = replied
    return _text(calendar)


def with_attendee(
    text: str,
    value: str,
    cn: str | None,
    partstat: PartStat = PartStat.NEEDS_ACTION,
    organizer: tuple[str, str | None] | None = None,
) -> str:
    """Add an attendee to every component (an invitation to the whole series).

    A component without ORGANIZER gets `organizer` (address, name): an event with attendees
    must name its organizer (RFC 5546 §3.2.2).
    """
    calendar = _calendar(text)
    for component in _components(calendar):
        if organizer is not None and "ORGANIZER" not in component:
            chair = icalendar.vCalAddress(organizer[0])
            if organizer[1]:
                chair.params["CN"] = organizer[1]
            component.add("ORGANIZER", chair, encode=False)
        attendee = icalendar.vCalAddress(value)
        if cn:
            attendee.params["CN"] = cn
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = partstat.value
        attendee.params["RSVP"] = "TRUE"
        component.add("ATTENDEE", attendee, encode=False)
    return _text(calendar)


def with_organizer_for(
    text: str, delegate: set[str], organizer: str, cn: str | None, sent_by: str
) -> str:
    """Where a component's ORGANIZER is one of the `delegate`'s addresses, make `organizer`
    (with `cn`) the ORGANIZER and the delegate its SENT-BY (RFC 5545 §3.2.18): a member
    scheduling from a calendar shared with them acts for its owner (docs/adr/0017)."""
    calendar = _calendar(text)
    for component in _components(calendar):
        current = component.get("ORGANIZER")
        if current is None or normalize_address(str(current)) not in delegate:
            continue
        chair = icalendar.vCalAddress(organizer)
        if cn:
            chair.params["CN"] = cn
        chair.params["SENT-BY"] = sent_by
        component.pop("ORGANIZER")
        component.add("ORGANIZER", chair, encode=False)
    return _text(calendar)


def without_attendee(text: str, address: str) -> str:
    """Remove an attendee from every component."""
    calendar = _calendar(text)
    key = normalize_address(address)
    for component in _components(calendar):
        kept = [a for a in _as_list(component.get("ATTENDEE")) if normalize_address(str(a)) != key]
        component.pop("ATTENDEE", None)
        for attendee in kept:
            component.add("ATTENDEE", attendee, encode=False)
    return _text(calendar)


def with_sequence_and_status(text: str, sequence: int, status: str | None = None) -> str:
    """Set SEQUENCE (and optionally STATUS) on every component."""
    calendar = _calendar(text)
    for component in _components(calendar):
        component.pop("SEQUENCE", None)
        component.add("SEQUENCE", sequence)
        if status is not None:
            component.pop("STATUS", None)
            component.add("STATUS", status)
    return _text(calendar)


def with_partstats(text: str, statuses: dict[str, str]) -> str:
    """Set the PARTSTAT of each listed attendee (address → status) on every component."""
    calendar = _calendar(text)
    for component in _components(calendar):
        for attendee in _as_list(component.get("ATTENDEE")):
            status = statuses.get(normalize_address(str(attendee)))
            if status is not None:
                attendee.params["PARTSTAT"] = status
    return _text(calendar)


def with_partstats_reset(text: str, moved: set[str]) -> str:
    """Ask attendees again (PARTSTAT=NEEDS-ACTION, RSVP=TRUE) on the components that moved.

    `moved` holds the RECURRENCE-ID (ISO form) of each moved component, "" for the master;
    when the master moved, every component is reset. The organizer keeps its own status.
    """
    calendar = _calendar(text)
    zones = _zones_of(text)
    for component in _components(calendar):
        key = _key(component, zones)
        if "" not in moved and key not in moved:
            continue
        organizer = component.get("ORGANIZER")
        organizer_key = None if organizer is None else normalize_address(str(organizer))
        for attendee in _as_list(component.get("ATTENDEE")):
            if normalize_address(str(attendee)) != organizer_key:
                attendee.params["PARTSTAT"] = PartStat.NEEDS_ACTION.value
                attendee.params["RSVP"] = "TRUE"
    return _text(calendar)


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
    all_day: bool = False,
) -> str:
    """Build a new VEVENT calendar object (for adapters that create events from fields).

    Times must be timezone-aware; they are written with their IANA TZID and the matching
    VTIMEZONE, or as UTC. An all-day event is written as dates (RFC 5545 §3.6.1: DTEND is
    the day after the last day).
    """
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//Televent//Televent//EN")
    calendar.add("VERSION", "2.0")
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp.astimezone(dt.UTC))
    event.add("DTSTART", start.date() if all_day else start)
    event.add("DTEND", end.date() if all_day else end)
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
    return _text(calendar)


# --- helpers -----------------------------------------------------------------------------


def _calendar(text: str) -> icalendar.Calendar:
    try:
        calendar: icalendar.Calendar = read_calendar(text)
    except ValueError as exc:
        raise InvalidCalendarDataError(f"The iCalendar data cannot be parsed: {exc}") from exc
    return calendar


def _text(calendar: icalendar.Calendar) -> str:
    return calendar_text(calendar)


def _components(calendar: icalendar.Calendar) -> list[icalendar.cal.Component]:
    return [c for c in calendar.subcomponents if c.name in COMPONENT_TYPES]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _zones_of(text: str) -> Zones:
    roots = parse(text)
    return calendar_zones(roots[0]) if roots else {}


def _key(component: icalendar.cal.Component, zones: Zones) -> str:
    """The instance key of a component, decoded exactly as the facts decode it."""
    prop = component.get("RECURRENCE-ID")
    if prop is None:
        return ""
    params = getattr(prop, "params", {})
    date_only = str(params.get("VALUE", "")).upper() == "DATE" or not isinstance(
        prop.dt, dt.datetime
    )
    raw = prop.to_ical().decode("utf-8")
    return instance_key(decode_moment(raw, params.get("TZID"), zones, date_only=date_only))


def _instance(calendar: icalendar.Calendar, key: str, zones: Zones) -> icalendar.cal.Component:
    """The override for one instance, derived from the master when there is none yet."""
    components = _components(calendar)
    for component in components:
        if _key(component, zones) == key:
            return component
    master = next((c for c in components if "RECURRENCE-ID" not in c), None)
    if master is None:
        raise InvalidCalendarDataError(f"No instance {key} in this event.")
    start = master.decoded("DTSTART")
    instant: dt.date | dt.datetime
    try:
        if isinstance(start, dt.datetime):
            instant = dt.datetime.fromisoformat(key)
            if instant.tzinfo is not None and start.tzinfo is not None:
                instant = instant.astimezone(start.tzinfo)
        else:
            instant = dt.date.fromisoformat(key[:10])
    except ValueError as exc:
        raise InvalidCalendarDataError(f"Bad RECURRENCE-ID {key!r}.") from exc
    override = icalendar.Event() if master.name == "VEVENT" else icalendar.Todo()
    for name, value in master.items():
        if name not in ("RRULE", "RDATE", "EXDATE", "DTSTART", "DTEND"):
            override[name] = copy.deepcopy(value)
    for sub in master.subcomponents:
        override.add_component(copy.deepcopy(sub))
    override.add("RECURRENCE-ID", instant)
    override.add("DTSTART", instant)
    if "DTEND" in master:
        override.add("DTEND", instant + (master.decoded("DTEND") - start))
    calendar.add_component(override)
    return override
