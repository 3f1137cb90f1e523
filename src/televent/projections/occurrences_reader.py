"""Questions to the occurrence index (docs/adr/0030): the occurrences of some calendars, or of
some events, in a window, without parsing anything; and which events there the index leaves
to the reader (data it does not place itself, or an endless series asked about outside the
window it lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from uuid import UUID

import msgspec

from televent.domain.occurrence_index import instance_named
from televent.domain.values import normalize_address
from televent.infrastructure.database import Dialect
from televent.projections.attendee_index_reader import invitation_rows, invitations_query
from televent.projections.calendar_members_reader import (
    SEEN_IDS,
    SeenCalendar,
    seen_of_rows,
    seen_query,
)
from televent.projections.occurrences import LONG_SECONDS
from televent.projections.view_reader import Reader

# The index's fields (JSON the projection wrote) as dicts: a listing decodes one per event
# and per changed occurrence, hundreds, and msgspec takes a third of the json module's time.
_decode = msgspec.json.Decoder().decode

# Floating times and dates are stored as if in UTC; every zone is within 14 hours of it.
SLACK = 14 * 3600


class IndexedOccurrence(NamedTuple):
    """One occurrence as the index holds it (a named tuple: a listing makes hundreds)."""

    event_id: UUID
    calendar_id: UUID
    uid: str
    etag: str
    instance: str  # "" for a single event; else the instance key
    recurrence_id: str | None  # as the API writes it
    start: str  # as the API writes it (a floating one without offset)
    end: str
    start_ts: int
    end_ts: int
    floating: bool
    fields: dict[str, Any]  # the override's, else the series'
    series: dict[str, Any]

    def instants(self, zone: dt.tzinfo) -> tuple[float, float]:
        """Start and end as instants, a floating time or a date placed in `zone`."""
        if not self.floating:
            return float(self.start_ts), float(self.end_ts)
        return _placed(self.start, zone), _placed(self.end, zone)

    def overlaps(self, low: dt.datetime, high: dt.datetime, zone: dt.tzinfo) -> bool:
        """Whether it overlaps [low, high) (an instant at `low` counts)."""
        return self.overlaps_instants(low.timestamp(), high.timestamp(), zone)

    def overlaps_instants(self, low_at: float, high_at: float, zone: dt.tzinfo) -> bool:
        """`overlaps` with the window's ends as instants."""
        start, end = self.instants(zone)
        return (start < high_at and end > low_at) or (start == end and low_at <= start < high_at)


def copy_answer(series: dict[str, Any], mine: Collection[str]) -> str | None:
    """The person's own answer (PARTSTAT, upper case) when the series is their copy of someone
    else's meeting: it has an organizer who is not one of `mine`, and an attendee who is; None
    otherwise. The one reading of this for every reader of the index."""
    organizer = series.get("organizer")
    if not isinstance(organizer, dict) or normalize_address(str(organizer["address"])) in mine:
        return None
    return next(
        (str(a["status"]).upper() for a in series.get("attendees") or [] if a["key"] in mine),
        None,
    )


def occurrence_answer(indexed: IndexedOccurrence, mine: Collection[str]) -> str | None:
    """`copy_answer` of one occurrence: an override's own attendees answer for it (declined
    series, one occurrence accepted; or the reverse), under the series' organizer when the
    override names none."""
    own = indexed.fields
    if own is indexed.series or own.get("organizer") is not None:
        return copy_answer(own, mine)
    return copy_answer({**own, "organizer": indexed.series.get("organizer")}, mine)


def component_answer(component: Any, organizer: str | None, mine: Collection[str]) -> str | None:
    """`copy_answer` of one occurrence read from its body (an expanded component, an
    override's own attendees among them): its ORGANIZER, else the series' `organizer` (an
    address as `normalize_address` writes it); None when the person organises it or is not
    among its attendees. The body is read into the index's shape, so one rule answers both."""
    own = component.get("ORGANIZER")
    chair = organizer if own is None else normalize_address(str(own))
    attendees = component.get("ATTENDEE", [])
    return copy_answer(
        {
            "organizer": None if chair is None else {"address": chair},
            "attendees": [
                {
                    "key": normalize_address(str(a)),
                    "status": str(a.params.get("PARTSTAT", "NEEDS-ACTION")),
                }
                for a in (attendees if isinstance(attendees, list) else [attendees])
            ],
        },
        mine,
    )


@dataclass(frozen=True)
class IndexedWindow:
    """What the index says of a window: the occurrences it holds, the events the reader must
    expand itself there, and (when asked for with them) the invitations to the reader's
    addresses (`attendee_index_reader.INVITATION_COLUMNS` of each)."""

    occurrences: list[IndexedOccurrence]
    on_read: set[UUID]
    invitations: list[dict[str, Any]] = field(default_factory=list)


class OccurrencesReader(Reader):
    def occurrences_in(
        self,
        calendar_ids: Collection[UUID],
        low: dt.datetime,
        high: dt.datetime,
        zone: dt.tzinfo,
        *,
        events: Collection[UUID] = (),
        invited: Sequence[str] = (),
    ) -> IndexedWindow:
        """The occurrences of these calendars (or, with `events`, of these events wherever
        they are) overlapping [low, high) for a reader in `zone`; with `invited`, also the
        invitations to these addresses (asked in the same round trip)."""
        by, keys = ("calendar_id", calendar_ids) if not events else ("event_id", events)
        ids = [str(key) for key in keys]
        low_ts, high_ts = int(low.timestamp()), int(high.timestamp())
        marks = ", ".join("?" for _ in ids)
        queries = (
            _window_queries(f"{by} IN ({marks})", ids, low_ts, high_ts, self.reader.dialect)
            if ids
            else []
        )
        queries += [invitations_query(invited)] if invited else []
        if not queries:
            return IndexedWindow([], set())
        with self.reader.read() as db:
            answers = db.batch(queries)
        invitations = invitation_rows(answers.pop()) if invited else []
        if not ids:
            return IndexedWindow([], set(), invitations)
        partial_rows, rows = answers
        return _window(partial_rows, rows, low, high, zone, invitations=invitations)

    def seen_window(
        self,
        account_id: UUID,
        low: dt.datetime,
        high: dt.datetime,
        zone: dt.tzinfo,
        *,
        invited: Sequence[str] = (),
    ) -> tuple[list[SeenCalendar], IndexedWindow]:
        """The calendars the person sees (`seen_calendars`) and the occurrences of all of
        them overlapping [low, high) (`occurrences_in`), with `invited` the invitations to
        these addresses too: in one round trip."""
        low_ts, high_ts = int(low.timestamp()), int(high.timestamp())
        queries = [
            seen_query(account_id),
            *_window_queries(
                f"calendar_id IN ({SEEN_IDS})",
                [str(account_id)] * 2,
                low_ts,
                high_ts,
                self.reader.dialect,
            ),
            *([invitations_query(invited)] if invited else []),
        ]
        with self.reader.read() as db:
            answers = db.batch(queries, named=(0,))
        invitations = invitation_rows(answers.pop()) if invited else []
        seen_rows, partial_rows, rows = answers
        return seen_of_rows(seen_rows), _window(
            partial_rows, rows, low, high, zone, invitations=invitations
        )

    def starting_between(self, low: dt.datetime, high: dt.datetime) -> IndexedWindow:
        """Every calendar's occurrences that may start in [low, high) (a floating time or a
        date counted as if in any zone: the caller places it), and the events whose rows do
        not hold every instance there (the caller expands those itself)."""
        low_ts, high_ts = int(low.timestamp()), int(high.timestamp())
        with self.reader.read() as db:
            partial_rows, rows = db.batch(
                [
                    _partial("", [], low_ts, high_ts),
                    (
                        f"{_SELECT[db.dialect]} WHERE o.start_ts >= ? AND o.start_ts < ?",
                        (low_ts - SLACK, high_ts + SLACK),
                    ),
                ]
            )
        skipped = {str(row[0]) for row in partial_rows}
        series: dict[str, dict[str, Any]] = {}
        uuids: dict[str, UUID] = {}
        found = [_occurrence(row, series, uuids) for row in rows if row[_EVENT_ID] not in skipped]
        return IndexedWindow(found, {UUID(text) for text in skipped})

    def lead_of(self, event_id: UUID) -> IndexedOccurrence | None:
        """An event as its one JSON shows it (its series' master, or its first override when
        it holds only overrides): the index's fields with the component's own start and end;
        None when the index leaves the event to the reader (odd data)."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT event_id, calendar_id, uid, etag, fields FROM occurrence_events "
                "WHERE event_id = ? AND on_read = 0",
                (str(event_id),),
            )
        if row is None:
            return None
        fields = _decode(row["fields"])
        if "start" not in fields:
            return None
        start, end = str(fields["start"]), str(fields["end"])
        start_ts, floating = _stored_instant(start)
        return IndexedOccurrence(
            event_id=event_id,
            calendar_id=UUID(row["calendar_id"]),
            uid=str(row["uid"]),
            etag=str(row["etag"]),
            instance="",
            recurrence_id=fields.get("recurrence_id"),
            start=start,
            end=end,
            start_ts=start_ts,
            end_ts=_stored_instant(end)[0],
            floating=floating,
            fields=fields,
            series=fields,
        )

    def occurrence_of(self, event_id: UUID, occurrence: str) -> IndexedOccurrence | None:
        """One occurrence of a series as its JSON shows it, named as a caller names it (the
        API's `?occurrence=`, read against the series' start: occurrence_index.instance_named);
        None when the index does not hold it (not a series, no instance there, beyond an
        endless series' window, or odd data left to the reader)."""
        with self.reader.read() as db:
            event = db.one(
                "SELECT fields FROM occurrence_events WHERE event_id = ? AND on_read = 0",
                (str(event_id),),
            )
            key = None if event is None else instance_named(_decode(event["fields"]), occurrence)
            if key is None:
                return None
            rows = db.tuples(
                f"{_SELECT[db.dialect]} WHERE o.event_id = ? AND o.instance = ?",
                (str(event_id), key),
            )
        return _occurrence(rows[0], {}, {}) if rows else None


# The columns `_occurrence` reads, in this order (rows are read as tuples: a listing reads
# hundreds, and a dict per row cost more than the rest of the row's reading), each occurrence's
# event looked up by its key. PostgreSQL is told to look it up row by row (a lateral subquery,
# which `OFFSET 0` keeps it from turning into a join): with its statistics at hand it otherwise
# hashed every event of the table to join a week's few hundred occurrences (a week of 464
# occurrences among 10,000 events: 5.6 ms instead of 2.0). SQLite looks each one up anyway.
_COLUMNS = (
    "SELECT o.event_id, o.calendar_id, e.uid, e.etag, o.instance, o.recurrence_id, o.start_at, "
    "o.end_at, o.start_ts, o.end_ts, o.floating, o.fields, e.fields AS series_fields "
    "FROM occurrences o "
)
_SELECT = {
    Dialect.SQLITE: _COLUMNS + "JOIN occurrence_events e ON e.event_id = o.event_id",
    Dialect.POSTGRES: _COLUMNS + "CROSS JOIN LATERAL (SELECT uid, etag, fields FROM "
    "occurrence_events e WHERE e.event_id = o.event_id OFFSET 0) e",
}
_EVENT_ID = 0


def _window_queries(
    where: str, params: list[str], low: int, high: int, dialect: Dialect
) -> list[tuple[str, tuple[Any, ...]]]:
    """The two questions of a window [low, high) of the occurrences `where` picks (a condition
    on `calendar_id` or `event_id`, with `params` its parameters): the events whose rows are
    not all there (`_partial`), and the rows by start (the index; those that ended before
    never leave SQL), then the long ones that began before (found by their end)."""
    return [
        _partial(where, params, low, high),
        (
            f"{_SELECT[dialect]} WHERE o.{where} AND o.start_ts >= ? AND o.start_ts < ? "
            f"AND o.end_ts >= ? UNION ALL {_SELECT[dialect]} WHERE o.{where} AND o.long = 1 "
            "AND o.end_ts > ? AND o.start_ts < ?",
            (
                *params,
                low - LONG_SECONDS - SLACK,
                high + SLACK,
                low - SLACK,
                *params,
                low - SLACK,
                low - LONG_SECONDS - SLACK,
            ),
        ),
    ]


def _window(
    partial_rows: list[tuple[Any, ...]],
    rows: list[tuple[Any, ...]],
    low: dt.datetime,
    high: dt.datetime,
    zone: dt.tzinfo,
    *,
    invitations: list[dict[str, Any]],
) -> IndexedWindow:
    """`_window_queries`' answers as the window of a reader in `zone`."""
    skipped = {str(row[0]) for row in partial_rows}
    found = []
    series: dict[str, dict[str, Any]] = {}  # each event's fields decoded once
    uuids: dict[str, UUID] = {}  # and each id read once
    low_at, high_at = low.timestamp(), high.timestamp()
    for row in rows:
        if row[_EVENT_ID] in skipped:
            continue
        occurrence = _occurrence(row, series, uuids)
        if occurrence.overlaps_instants(low_at, high_at, zone):
            found.append(occurrence)
    return IndexedWindow(found, {UUID(text) for text in skipped}, invitations)


def _partial(where: str, ids: list[str], low: int, high: int) -> tuple[str, tuple[Any, ...]]:
    """The question for the events (those `where` picks, with `ids` its parameters; all when
    empty) whose rows are not every instance of [low, high): expanded on read, or an endless
    series listed in a window that does not cover this one."""
    return (
        "SELECT event_id FROM occurrence_events WHERE "
        f"{where + ' AND ' if where else ''}partial = 1 "
        "AND (on_read = 1 OR from_ts > ? OR until_ts < ?)",
        (*ids, low - SLACK, high + SLACK),
    )


def _occurrence(
    row: tuple[Any, ...], decoded: dict[str, dict[str, Any]], uuids: dict[str, UUID]
) -> IndexedOccurrence:
    """An occurrence from its row (`_SELECT`'s columns; `decoded`: the series' fields already
    decoded, by event; `uuids`: the ids already read)."""
    (event_id, calendar_id, uid, etag, instance, recurrence_id, start, end, start_ts, end_ts,
     floating, own, series_fields) = row  # fmt: skip
    series = decoded.get(event_id)
    if series is None:
        series = decoded[event_id] = _decode(series_fields)
    return IndexedOccurrence(
        event_id=_uuid(event_id, uuids),
        calendar_id=_uuid(calendar_id, uuids),
        uid=str(uid),
        etag=str(etag),
        instance=str(instance),
        recurrence_id=recurrence_id,
        start=str(start),
        end=str(end),
        start_ts=int(start_ts),
        end_ts=int(end_ts),
        floating=bool(floating),
        fields=series if own is None else _decode(own),
        series=series,
    )


def _uuid(text: Any, known: dict[str, UUID]) -> UUID:
    """An id as a UUID, each text read once per answer (a calendar's id is on every row)."""
    key = str(text)
    found = known.get(key)
    if found is None:
        found = known[key] = UUID(key)
    return found


def _stored_instant(text: str) -> tuple[int, bool]:
    """A moment as the index stores it: its instant (a date or a floating time as if in UTC)
    and whether it is floating."""
    if len(text) == 10:
        day = dt.date.fromisoformat(text)
        return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp()), True
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return int(moment.replace(tzinfo=dt.UTC).timestamp()), True
    return int(moment.timestamp()), False


def _placed(text: str, zone: dt.tzinfo) -> float:
    if len(text) == 10:
        day = dt.date.fromisoformat(text)
        return dt.datetime.combine(day, dt.time(), tzinfo=zone).timestamp()
    moment = dt.datetime.fromisoformat(text)
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).timestamp()
