"""An attendee's answers to an organizer here: a REPLY's PARTSTATs, a COUNTER's proposed time.

A REPLY to an older SEQUENCE answers a version that no longer exists; of two replies to the
same version, the later DTSTAMP wins (RFC 5546 §2.1.5). A COUNTER (§3.2.7) proposes another
time, which the organizer may accept (the event moves) or decline (§3.2.8).
"""

from __future__ import annotations

import copy
import datetime as dt

from televent.domain.content_lines import ContentError, Property, encode_utc, parse
from televent.domain.ical import COMPONENT_TYPES, CalendarObject
from televent.domain.ical_edits import REPLIED_PARAM
from televent.domain.itip.message import (
    Answer,
    ItipError,
    ItipMessage,
    stamp_moment,
    stored_components,
    version_of,
)
from televent.domain.values import normalize_address


def answers_in(message: ItipMessage) -> list[Answer]:
    """Every attendee answer a REPLY carries (usually one attendee, maybe several instances)."""
    found: list[Answer] = []
    for key, component in message.by_instance().items():
        comment = component.get("COMMENT")
        for attendee in component.all("ATTENDEE"):
            partstat = (attendee.param("PARTSTAT") or "").upper()
            if not partstat:
                continue
            found.append(
                Answer(
                    normalize_address(attendee.value),
                    partstat,
                    key,
                    version_of(component, message.zones),
                    None if comment is None else comment.value,
                )
            )
    return found


def reply_is_stale(stored: CalendarObject, answer: Answer) -> bool:
    """Whether an answer is older than what the organizer's copy already holds.

    A reply to an older SEQUENCE answers a version that no longer exists; of two replies to the
    same version, the one with the later DTSTAMP wins (its stamp is kept on the ATTENDEE)."""
    components = stored_components(stored)
    target = components.get(answer.instance) or components.get("")
    if target is None:
        return True
    sequence = version_of(target, stored.zones)[0]
    if answer.version[0] < sequence:
        return True
    for attendee in target.all("ATTENDEE"):
        if normalize_address(attendee.value) == answer.address:
            replied = attendee.param(REPLIED_PARAM)
            if replied is not None and answer.version[0] == sequence:
                return stamp_moment(Property("DTSTAMP", {}, replied), {}) > answer.version[1]
    return False


def stamp_text(moment: dt.datetime) -> str:
    """A DTSTAMP value (UTC, RFC 5545 §3.3.5 form 2)."""
    return encode_utc(moment)


def with_proposed_time(stored: CalendarObject, proposal: str) -> str:
    """The organizer's object moved to the time a COUNTER proposed (its DTSTART, DTEND or
    DURATION replace the master's; everything else stays the organizer's)."""
    try:
        proposed = parse(f"BEGIN:VCALENDAR\r\n{proposal}END:VCALENDAR\r\n")[0].components[0]
    except (ContentError, IndexError) as exc:
        raise ItipError("The proposal holds no readable time.") from exc
    calendar = copy.deepcopy(stored.calendar)
    master = next(
        c for c in calendar.components if c.name in COMPONENT_TYPES and "RECURRENCE-ID" not in c
    )
    timing = [p for p in proposed.properties if p.name in ("DTSTART", "DTEND", "DURATION")]
    if not any(p.name == "DTSTART" for p in timing):
        raise ItipError("The proposal names no start time.")
    master.properties = [
        p for p in master.properties if p.name not in ("DTSTART", "DTEND", "DURATION")
    ] + [copy.deepcopy(p) for p in timing]
    for zone in proposed.components:
        if zone.name == "VTIMEZONE":
            calendar.components.insert(0, zone)
    return calendar.serialize()
