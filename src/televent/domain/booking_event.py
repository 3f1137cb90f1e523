"""The calendar event a booking becomes (RFC 5545 VEVENT; RFC 5546 scheduling object).

The link's owner organises it and the visitor is its one attendee, already ACCEPTED (they chose
the time) and not asked to answer (RSVP=FALSE): the iMIP REQUEST they receive (RFC 6047) puts
it in their calendar. A visitor whose address is a Televent user's gets the event in their
calendar as an invitation to confirm (NEEDS-ACTION): nobody can fill another person's
calendar with accepted meetings by typing their address. The time is written in the owner's
zone, as their clients show it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

import icalendar

from televent.domain.calendar_writing import calendar_text

PRODID = "-//Televent//Televent Booking//EN"
BOOKING_UID_PREFIX = "booking-"


def booking_uid(booking_id: str) -> str:
    """The UID of a booking's event."""
    return f"{BOOKING_UID_PREFIX}{booking_id}@televent"


def booking_summary(title: str, owner_name: str, visitor_name: str) -> str:
    """What both calendars call the event: "Intro call: Ann Visitor and Bob Owner"."""
    return f"{title}: {visitor_name} and {owner_name}"


BOOKED_WITH = "Booked with a Televent booking link."


def booking_description(
    link_description: str | None,
    questions: Mapping[str, str],
    answers: Mapping[str, str],
    booked_with: str = BOOKED_WITH,
) -> str:
    """The event's description: the link's own, then the visitor's answers, then how it was
    booked (`booked_with`, in the owner's language)."""
    parts = [link_description] if link_description else []
    lines = [f"{questions.get(key, key)}: {value}" for key, value in answers.items() if value]
    if lines:
        parts.append("\n".join(lines))
    parts.append(booked_with)
    return "\n\n".join(parts)


def booking_event_text(
    *,
    uid: str,
    stamp: dt.datetime,
    summary: str,
    start: dt.datetime,
    end: dt.datetime,
    zone_name: str,
    organizer: tuple[str, str | None],
    visitor: tuple[str, str],
    visitor_partstat: str = "ACCEPTED",
    description: str,
    location: str | None,
) -> str:
    """The iCalendar text of a booking's event (`organizer`: calendar address and name;
    `visitor`: email and name; `visitor_partstat`: ACCEPTED, or NEEDS-ACTION for a visitor
    who is a Televent user, whose calendar gets the event to confirm)."""
    zone = ZoneInfo(zone_name)
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp.astimezone(dt.UTC))
    event.add("CREATED", stamp.astimezone(dt.UTC))
    event.add("SEQUENCE", 0)
    event.add("DTSTART", start.astimezone(zone))
    event.add("DTEND", end.astimezone(zone))
    event.add("SUMMARY", summary)
    event.add("DESCRIPTION", description)
    if location:
        event.add("LOCATION", location)
    event.add("STATUS", "CONFIRMED")
    event.add("ORGANIZER", _address(*organizer), encode=False)
    attendee = _address(visitor[0], visitor[1])
    attendee.params.update(
        {
            "ROLE": "REQ-PARTICIPANT",
            "PARTSTAT": visitor_partstat,
            "RSVP": "FALSE" if visitor_partstat == "ACCEPTED" else "TRUE",
        }
    )
    event.add("ATTENDEE", attendee, encode=False)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar_text(calendar)


def booking_file_text(
    *,
    uid: str,
    stamp: dt.datetime,
    sequence: int,
    summary: str,
    start: dt.datetime,
    end: dt.datetime,
    description: str,
    location: str | None,
) -> str:
    """The visitor's copy of a booking's event as a file to add to any calendar (an .ics,
    METHOD:PUBLISH, RFC 5546 §3.2.1): the same UID and SEQUENCE as the invitation, so either
    updates the other, with its time (UTC), title, place and description, and nobody's
    address (the owner's calendar address is Televent's own and stays in Televent)."""
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", "PUBLISH")
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp.astimezone(dt.UTC))
    event.add("SEQUENCE", sequence)
    event.add("DTSTART", start.astimezone(dt.UTC))
    event.add("DTEND", end.astimezone(dt.UTC))
    event.add("SUMMARY", summary)
    event.add("DESCRIPTION", description)
    if location:
        event.add("LOCATION", location)
    event.add("STATUS", "CONFIRMED")
    calendar.add_component(event)
    return calendar_text(calendar)


def _address(address: str, name: str | None) -> icalendar.vCalAddress:
    value = icalendar.vCalAddress(address if ":" in address else f"mailto:{address}")
    if name:
        value.params["CN"] = name
    return value
