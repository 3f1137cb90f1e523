"""What a calendar published as a feed shows (docs/adr/0022): the stored objects as they are,
or, for a busy-only feed, the times alone.

A busy-only event keeps what a subscriber's calendar needs to place it (its UID, times,
recurrence and status) and its CLASS; its title becomes one fixed word, and everything else
(location, description, attendees, organizer, alarms, attachments, categories, URLs, X-
properties) is left out. Events that take no time (TRANSP:TRANSPARENT) or do not happen
(STATUS:CANCELLED), and every component that is not an event, are left out (such an occurrence
of a series becomes an EXDATE of the series, so its rule does not show it). Time zones stay,
so the times mean what they meant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import icalendar

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import calendar_text

# The properties a busy-only event keeps (SUMMARY is replaced by the fixed word).
BUSY_PROPERTIES = (
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "STATUS",
    "CLASS",
)


def busy_only(text: str, word: str) -> str | None:
    """The busy-only form of one stored calendar object, or None when nothing of it is busy
    time. Raises what the parser raises for an object that cannot be read."""
    calendar = read_calendar(text)
    if getattr(calendar, "name", None) != "VCALENDAR":
        raise ValueError("not a VCALENDAR")
    out = icalendar.Calendar()
    out.add("PRODID", "-//Televent//Busy times//EN")
    out.add("VERSION", "2.0")
    events: list[icalendar.Event] = []
    zones = []
    free: list[Any] = []  # occurrences of a series that are not busy (cancelled, transparent)
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            zones.append(component)
        elif component.name == "VEVENT" and _busy(component):
            events.append(_times_of(component, word))
        elif component.name == "VEVENT" and component.get("RECURRENCE-ID") is not None:
            free.append(component.decoded("RECURRENCE-ID"))
    for series in (e for e in events if e.get("RECURRENCE-ID") is None):
        for occurrence in free:  # the series' rule would show them busy: excluded from it
            series.add("EXDATE", occurrence)
    if not events:
        return None
    for zone in zones:
        out.add_component(zone)
    for busy in events:
        out.add_component(busy)
    return calendar_text(out)


def busy_objects(objects: Iterable[tuple[str, str]], word: str) -> Iterator[tuple[str, str]]:
    """The busy-only form of each `(key, text)` object that has busy time. An object that
    cannot be read is passed on empty, never whole (its details are not to be shown), so the
    bundle leaves it out and names it (domain/ics_bundle.py)."""
    for key, text in objects:
        try:
            busy = busy_only(text, word)
        except Exception:  # one object never stops the feed
            busy = ""
        if busy is not None:
            yield key, busy


def _busy(event: icalendar.cal.Component) -> bool:
    transparency = str(event.get("TRANSP") or "OPAQUE").strip().upper()
    status = str(event.get("STATUS") or "").strip().upper()
    return transparency != "TRANSPARENT" and status != "CANCELLED"


def _times_of(event: icalendar.cal.Component, word: str) -> icalendar.Event:
    busy = icalendar.Event()
    for name in BUSY_PROPERTIES:
        values = event.get(name)
        if values is None:
            continue
        for value in values if isinstance(values, list) else [values]:
            busy.add(name, value, encode=False)
    busy.add("SUMMARY", word)
    return busy
