"""Whose busy time a person may read: the free-busy answer of the scheduling outbox (RFC 6638
§5, docs/adr/0010).

Knowing someone's Telegram id or address is not enough to read their week; they must have
met the asker by an act of their own: they invited the asker to an event they organise, or
they accepted (or tentatively accepted) an invitation of the asker's. What the asker writes
alone (an event of theirs naming the other as attendee, with or without sending it, the
other's answer typed in on their line) never counts: the events looked at are the owner's,
and the answer in the owner's copy is the owner's (an invitation arrives unanswered,
domain/itip/apply.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import parse_calendar_object
from televent.domain.scheduling import organizer_of
from televent.domain.values import normalize_address

YES = frozenset({"ACCEPTED", "TENTATIVE"})


@dataclass(frozen=True)
class HeldAttendee:
    """One attendee line of an event in the owner's calendars: its address, its answer, and
    the event's iCalendar text."""

    address: str
    partstat: str
    ical: str


def may_read_busy_time(
    owner: Collection[str], asker: Collection[str], held: Iterable[HeldAttendee]
) -> bool:
    """Whether the person of the `asker` addresses may read the busy time of the person of
    the `owner` addresses (both normalised), from the owner's events that name either:
    one the owner organises with the asker among its attendees, or the owner's copy of one
    the asker organises that the owner said yes or maybe to. Unreadable events count for
    nothing."""
    for line in held:
        try:
            chair = organizer_of(parse_calendar_object(line.ical))
        except InvalidCalendarDataError:  # odd data grants nothing, and stops nothing else
            chair = None
        if chair is None:
            continue
        organizer = normalize_address(chair.value)
        if line.address in asker and organizer in owner:
            return True
        if line.address in owner and line.partstat.upper() in YES and organizer in asker:
            return True
    return False
