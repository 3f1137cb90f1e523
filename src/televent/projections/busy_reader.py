"""A person's busy time in a window: what booking slots must avoid (RFC 5545 §3.8.2.7 TRANSP,
§3.8.1.11 STATUS; the same rules as a CalDAV free-busy query, RFC 4791 §7.10).

Busy are the VEVENT instances of every calendar of theirs (events synced by CalDAV, created in
the bot or the Mini App, copies of email invitations, bookings) and the Televent invitations
they have not declined, recurring series expanded. Left out: TRANSP:TRANSPARENT instances,
STATUS:CANCELLED ones, and events whose copy the person declined. All-day events and floating
times are read in the person's time zone. An instance without an end takes no time (a day for
an all-day one, as RFC 5545 §3.6.1 says).

Fast path: the occurrence index (docs/adr/0030) holds each instance's start, end, status,
transparency and the attendees' answers, so the busy time of a window is an indexed range scan
that parses nothing. What the index leaves to readers (odd data it marks, an endless series
asked about beyond its horizon) and invitations of another's calendar not indexed there are
parsed and expanded in blocks of four weeks, remembered per revision (ETag), zone and block, so
the next question about the same weeks parses nothing; an event that cannot be read is left out
and logged, never stopping the answer.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Collection
from uuid import UUID
from zoneinfo import ZoneInfo

import icalendar

from televent.domain.calendar_reading import read_calendar
from televent.domain.occurrences import EXPANSION_ERRORS, occurrences_between
from televent.domain.recurrence import decode
from televent.domain.values import PartStat, normalize_address
from televent.domain.zones import zone_or_utc
from televent.projections.agenda_reader import AgendaReader
from televent.projections.occurrences_reader import (
    IndexedOccurrence,
    component_answer,
    occurrence_answer,
)
from televent.projections.queries import AccountView, ObjectView

LOG = logging.getLogger(__name__)
Span = tuple[dt.datetime, dt.datetime]
_MARKERS = ("TRANSPARENT", "CANCELLED", "DECLINED")
# Expanded events are remembered per revision (the ETag) in blocks of this many seconds, so a
# booking page asking again, or for the next weeks, parses nothing it has parsed before.
BLOCK_SECONDS = 28 * 86400
CACHED_BLOCKS = 20_000


class BusyReader:
    """Busy periods of one person, from the calendar view and the attendee index."""

    def __init__(self, agenda: AgendaReader) -> None:
        self.agenda = agenda
        self.queries = agenda.queries

    def busy(
        self,
        account: AccountView,
        start: dt.datetime,
        end: dt.datetime,
        *,
        exclude: Collection[UUID] = (),
    ) -> list[Span]:
        """The person's busy periods overlapping [start, end), in UTC, sorted (not merged);
        the events in `exclude` (a booking being moved) are left out. Calendars shared with
        the person count as they chose (by default those they can write: sharing.default_busy)."""
        zone = zone_or_utc(account.timezone)
        mine = self.agenda.addresses(account)
        low, high = int(start.timestamp()), int(end.timestamp())
        spans: list[Span] = []
        held: set[str] = set()
        seen, window = self.queries.seen_window(  # in one round trip
            account.account_id, start, end, zone, invited=mine
        )
        busy = {s.calendar_id for s in seen if s.busy}  # a calendar the person keeps out
        for indexed in (o for o in window.occurrences if o.calendar_id in busy):
            held.add(indexed.uid)
            if indexed.event_id not in exclude:
                span = _indexed_span(indexed, zone, mine)
                if span is not None:
                    spans.append(span)
        for event_id in window.on_read:  # what the index leaves to its readers
            obj = self.queries.object_by_event_id(event_id)
            if obj is None or obj.component != "VEVENT" or obj.calendar_id not in busy:
                continue
            held.add(obj.uid)
            if event_id not in exclude:
                spans.extend(self._object(obj, start, end, zone, mine=mine, answer=None))
        for invitation in window.invitations:
            if invitation["uid"] in held or str(invitation["account_id"]) == str(
                account.account_id
            ):
                continue
            if invitation["partstat"] == PartStat.DECLINED.value:
                continue
            invited = self.queries.object_by_event_id(UUID(str(invitation["event_id"])))
            if invited is None or invited.component != "VEVENT":
                continue
            if invited.range_start is not None and invited.range_start > high:
                continue
            if invited.range_end is not None and invited.range_end < low:
                continue
            spans.extend(
                self._object(invited, start, end, zone, mine=None, answer=invitation["partstat"])
            )
        spans.sort()
        return spans

    def _object(
        self,
        obj: ObjectView,
        start: dt.datetime,
        end: dt.datetime,
        zone: ZoneInfo,
        *,
        mine: list[str] | None,
        answer: str | None,
    ) -> list[Span]:
        low, high = int(start.timestamp()), int(end.timestamp())
        if not any(marker in obj.ical for marker in _MARKERS):
            if obj.instances:
                return [
                    (_utc(s), _utc(e))
                    for s, e in decode(obj.instances) or []
                    if s < high and e > low
                ]
            if obj.span_exact and obj.range_start is not None and obj.range_end is not None:
                if obj.range_start < high and obj.range_end > low:
                    return [(_utc(obj.range_start), _utc(obj.range_end))]
                return []
        found: set[Span] = set()
        for block in range(low // BLOCK_SECONDS, (high - 1) // BLOCK_SECONDS + 1):
            key = (obj.event_id, obj.etag, zone.key, tuple(mine or ()), answer, block)
            spans = _EXPANDED.get(key)
            if spans is None:
                window = (_utc(block * BLOCK_SECONDS), _utc((block + 1) * BLOCK_SECONDS))
                try:
                    spans = tuple(_parsed(obj.ical, window, zone, mine=mine, answer=answer))
                except EXPANSION_ERRORS:
                    LOG.warning(
                        "Busy time: cannot read event %s; left out", obj.event_id, exc_info=True
                    )
                    spans = ()
                _EXPANDED.put(key, spans)
            found.update(spans)  # an instance across two blocks is in both: once in the set
        return [span for span in found if span[0] < end and span[1] > start]


class _Expanded:
    """A bounded, thread-safe memory of expanded events (least recently used forgotten)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[object, ...], tuple[Span, ...]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> tuple[Span, ...] | None:
        with self.lock:
            spans = self.items.get(key)
            if spans is not None:
                self.items.move_to_end(key)
            return spans

    def put(self, key: tuple[object, ...], spans: tuple[Span, ...]) -> None:
        with self.lock:
            self.items[key] = spans
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_EXPANDED = _Expanded(CACHED_BLOCKS)


def forget_expanded() -> None:
    """Forget every remembered expansion (a benchmark's cold start)."""
    with _EXPANDED.lock:
        _EXPANDED.items.clear()


def _parsed(
    text: str,
    window: Span,
    zone: ZoneInfo,
    *,
    mine: list[str] | None,
    answer: str | None,
) -> list[Span]:
    start, end = window
    calendar = read_calendar(text)
    if answer == PartStat.DECLINED.value:
        return []
    organizer = _organizer(calendar)
    spans: list[Span] = []
    for component in occurrences_between(calendar, start, end):
        if component.name != "VEVENT":
            continue
        if mine is not None and (
            component_answer(component, organizer, mine) == PartStat.DECLINED.value
        ):  # the person's copy of someone else's meeting, declined on this occurrence
            continue
        if str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
            continue
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        begin = component.get("DTSTART")
        if begin is None:
            continue
        first = _moment(begin.dt, zone)
        finish = component.get("DTEND")
        if finish is not None:
            last = _moment(finish.dt, zone)
        elif component.get("DURATION") is not None:
            last = first + component["DURATION"].dt
        elif not isinstance(begin.dt, dt.datetime):
            last = _moment(begin.dt + dt.timedelta(days=1), zone)
        else:
            continue
        if last > first and first < end and last > start:
            spans.append((first, last))
    return spans


def _organizer(calendar: icalendar.Calendar) -> str | None:
    """The address of the series' organizer (its first VEVENT's), if any."""
    for component in calendar.walk("VEVENT"):
        organizer = component.get("ORGANIZER")
        return None if organizer is None else normalize_address(str(organizer))
    return None


def _moment(value: dt.date | dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return aware.astimezone(dt.UTC)
    return dt.datetime.combine(value, dt.time(), tzinfo=zone).astimezone(dt.UTC)


def _indexed_span(indexed: IndexedOccurrence, zone: ZoneInfo, mine: list[str]) -> Span | None:
    """An indexed occurrence's busy span in UTC (None: it takes no time: transparent,
    cancelled, of no length, or the person's copy of someone else's meeting they declined)."""
    fields = indexed.fields
    if fields.get("transparent") or fields.get("status") == "CANCELLED":
        return None
    if occurrence_answer(indexed, mine) == PartStat.DECLINED.value:
        return None
    first, last = indexed.instants(zone)
    if last <= first:
        return None
    return (dt.datetime.fromtimestamp(first, dt.UTC), dt.datetime.fromtimestamp(last, dt.UTC))


def _utc(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC)
