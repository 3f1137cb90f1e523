"""An event (or one occurrence) as the JSON API shows it.

`{"id", "calendar", "uid", "title", "start", "end", "all_day", "timezone", "location",
"description", "recurrence", "recurrence_id", "organizer", "attendees", "my_status",
"cancelled", "reminders", "etag"}`, and `booking` on one event's read (event_booking.py).
Times are RFC 3339 with an offset (a floating time is read in the user's zone); an all-day
event has dates, its `end` the day after its last day (RFC 5545 §3.6.1). Statuses are
PARTSTATs in lower case: "needs-action", "accepted", "tentative", "declined", "delegated".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any, NotRequired, TypedDict

from televent.domain.calendar_reading import read_calendar
from televent.domain.content_lines import unfold
from televent.domain.event_alarms import Reminder, reminders_of
from televent.domain.event_fields import component_times, zone_name_of
from televent.domain.values import normalize_address
from televent.projections.occurrences_reader import IndexedOccurrence
from televent.projections.queries import ObjectView


class AttendeeJson(TypedDict):
    """An attendee: address (without mailto:), display name, answer (a lower-case PARTSTAT)."""

    address: str
    name: str | None
    status: str


class OrganizerJson(TypedDict):
    """The organizer: address (without mailto:) and display name."""

    address: str
    name: str | None


class BookingAnswerJson(TypedDict):
    """A booking question (its label as the link has it now) and the visitor's answer."""

    question: str
    answer: str


class BookingJson(TypedDict):
    """The booking an event was made for, as its owner and the calendar's members see it."""

    link: str  # the link's slug
    title: str  # the link's title when it was booked
    name: str  # who booked
    email: str
    timezone: str  # the visitor's zone
    status: str  # active, cancelled (by the visitor or the owner) or released (event deleted)
    answers: list[BookingAnswerJson]


class EventJson(TypedDict):
    """An event, or one occurrence of it (`recurrence_id` set)."""

    id: str
    calendar: str | None  # null for an invitation that is not in one of your calendars
    uid: str
    title: str
    start: str  # RFC 3339 with an offset; YYYY-MM-DD when all_day
    end: str  # all-day: the day after the last day
    all_day: bool
    timezone: str | None  # IANA name the times are written in; null for dates
    location: str | None
    description: str | None
    recurrence: str | None  # the series' RRULE
    recurrence_id: str | None  # which occurrence this is (pass as ?occurrence=)
    organizer: OrganizerJson | None
    attendees: list[AttendeeJson]
    my_status: str | None  # your answer when you are invited; null for your own events
    cancelled: bool
    # its own VALARMs (domain/event_alarms.py): minutes before the start, or a TRIGGER as
    # written for any other; null when it has none (your lead time applies); [] for "none"
    reminders: list[Reminder] | None
    etag: str  # the CalDAV ETag, for If-Match
    # who booked it and what they answered, when a booking link made it (event_booking.py;
    # only on GET /events/{id}, for the calendar's members)
    booking: NotRequired[BookingJson | None]


class EventPage(TypedDict):
    """One page of occurrences."""

    items: list[EventJson]
    next_cursor: str | None  # pass as ?cursor= for the next page; null on the last one
    unreadable: int  # events whose data could not be shown
    # events with more occurrences in the window than a listing expands (their earliest
    # 1,000 are listed): a narrower window lists the rest
    incomplete: int
    # the two counts by calendar (null: invitations without a copy in a calendar), for a
    # client that shows some calendars only
    left_out: list[LeftOutJson]


class LeftOutJson(TypedDict):
    """How many events of one calendar a listing could not show, or not whole."""

    calendar: str | None
    unreadable: int
    incomplete: int


def moment_json(moment: dt.datetime | dt.date, zone: dt.tzinfo) -> str:
    """A date as YYYY-MM-DD; a date-time in RFC 3339 with its offset."""
    if not isinstance(moment, dt.datetime):
        return moment.isoformat()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.isoformat()


def address_json(value: Any) -> str:
    """A calendar user address as people write it: without `mailto:`."""
    text = str(value).strip()
    return text[7:] if text.lower().startswith("mailto:") else text


def attendees_json(component: Any) -> list[AttendeeJson]:
    """The ATTENDEEs of a component: address, name (CN) and answer."""
    return [
        AttendeeJson(
            address=address_json(attendee),
            name=_text(attendee.params.get("CN")),
            status=str(attendee.params.get("PARTSTAT", "NEEDS-ACTION")).lower(),
        )
        for attendee in _as_list(component.get("ATTENDEE"))
    ]


def my_status(component: Any, mine: Collection[str]) -> str | None:
    """The user's answer in this component (None when they are not an attendee)."""
    for attendee in _as_list(component.get("ATTENDEE")):
        if normalize_address(str(attendee)) in mine:
            return str(attendee.params.get("PARTSTAT", "NEEDS-ACTION")).lower()
    return None


def recurrence_of(ical: str) -> str | None:
    """The RRULE of a stored series' master (None for a single event), read from the text
    (content lines unfolded, RFC 5545 §3.1) without parsing the whole object again."""
    if "RRULE" not in ical:
        return None
    text = unfold(ical)
    depth, event_depth, rule, override = 0, -1, None, False
    for line in text.splitlines():
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if upper == "BEGIN:VEVENT":
                event_depth, rule, override = depth, None, False
        elif upper.startswith("END:"):
            if upper == "END:VEVENT" and rule is not None and not override:
                return rule
            depth -= 1
        elif depth == event_depth:
            if upper.startswith("RECURRENCE-ID"):
                override = True
            elif upper.startswith(("RRULE:", "RRULE;")) and rule is None:
                rule = line.split(":", 1)[1].strip()
    return None


def event_json(
    component: Any,
    resource: ObjectView,
    *,
    recurrence: str | None,
    mine: Collection[str],
    zone: dt.tzinfo,
    owned: bool,
) -> EventJson:
    """One VEVENT of a stored resource (the series' master, an override or an expanded
    occurrence) as JSON. `owned`: the resource is in one of the user's calendars (else it is
    an invitation read from the organizer's event, whose calendar is not the user's)."""
    start, end = component_times(component)
    organizer = component.get("ORGANIZER")
    rid = component.get("RECURRENCE-ID")
    if recurrence is None and "RECURRENCE-ID" not in resource.ical.upper():
        rid = None  # the expansion stamps one on a single event too; it is no occurrence
    return {
        "id": str(resource.event_id),
        "calendar": str(resource.calendar_id) if owned else None,
        "uid": resource.uid,
        "title": str(component.get("SUMMARY", "")),
        "start": moment_json(start, zone),
        "end": moment_json(end, zone),
        "all_day": not isinstance(start, dt.datetime),
        "timezone": zone_name_of(component),
        "location": _text(component.get("LOCATION")),
        "description": _text(component.get("DESCRIPTION")),
        "recurrence": recurrence,
        "recurrence_id": None if rid is None else moment_json(rid.dt, zone),
        "organizer": None
        if organizer is None
        else OrganizerJson(address=address_json(organizer), name=_text(organizer.params.get("CN"))),
        "attendees": attendees_json(component),
        "my_status": my_status(component, mine),
        "cancelled": str(component.get("STATUS", "")).upper() == "CANCELLED",
        "reminders": reminders_of(component),
        "etag": resource.etag,
    }


def indexed_event_json(
    occurrence: IndexedOccurrence, *, mine: Collection[str], zone: dt.tzinfo, owned: bool
) -> EventJson:
    """One occurrence as JSON from the occurrence index (docs/adr/0030), without parsing: what
    `event_json` makes of the same occurrence expanded from the stored body."""
    fields, series = occurrence.fields, occurrence.series
    recurrence = series.get("recurrence")
    rid = occurrence.recurrence_id
    if recurrence is None and not series.get("overridden"):
        rid = None  # an RDATE alone: the expansion stamps one, but it is no occurrence of a rule
    organizer = fields.get("organizer")
    attendees = fields.get("attendees") or []
    return {
        "id": str(occurrence.event_id),
        "calendar": str(occurrence.calendar_id) if owned else None,
        "uid": occurrence.uid,
        "title": str(fields.get("title") or ""),
        "start": placed_json(occurrence.start, zone),
        "end": placed_json(occurrence.end, zone),
        "all_day": len(occurrence.start) == 10,
        "timezone": fields.get("timezone"),
        "location": fields.get("location"),
        "description": fields.get("description"),
        "recurrence": recurrence,
        "recurrence_id": None if rid is None else placed_json(rid, zone),
        "organizer": None
        if organizer is None
        else OrganizerJson(address=str(organizer["address"]), name=organizer.get("name")),
        "attendees": [
            AttendeeJson(address=str(a["address"]), name=a.get("name"), status=str(a["status"]))
            for a in attendees
        ],
        "my_status": next((str(a["status"]) for a in attendees if a["key"] in mine), None),
        "cancelled": fields.get("status") == "CANCELLED",
        "reminders": fields.get("reminders"),
        "etag": occurrence.etag,
    }


def placed_json(text: str, zone: dt.tzinfo) -> str:
    """A stored moment as the API writes it: a floating time placed in the reader's zone."""
    if len(text) == 10 or (len(text) == 25 and text[19] in "+-"):
        return text  # a date, or a time with its offset: written as the API writes it
    moment = dt.datetime.fromisoformat(text)
    return moment_json(moment, zone)


def lead_component(ical: str) -> Any:
    """The series' master of a stored resource (its first VEVENT when it holds only
    overrides, as an invitation to one occurrence does)."""
    calendar = read_calendar(ical)
    events = list(calendar.walk("VEVENT"))
    return next((c for c in events if "RECURRENCE-ID" not in c), events[0] if events else None)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
