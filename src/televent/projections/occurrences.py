"""The occurrence index (docs/adr/0030): what each occurrence of each event shows to readers.

- `occurrence_events`: one row per VEVENT object, its series' fields (JSON), its UID and
  ETag, what listing its instances again needs (`recipe`), the instants between which its rows
  are every instance, and `on_read` for data readers expand themselves;
- `occurrences`: one row per instance, start and end as the API writes them and as instants;
- `occurrence_horizon`: how far ahead endless series are listed.

Written in the writer's transaction from the body a transaction leaves: its event carries the
body's reading (domain/occurrence_index.py reads it once, when the command stores the body:
fields, a single event's instance, a series' recipe), and a series is expanded here in a window
around the change, up to the horizon; a body whose event carries no reading this version can
use (logged before readings were carried, or pseudonymized after an erasure) is read again. A
horizon move lists every endless series further. Rebuilt from the log like every view: the
bodies, their readings and the horizon's moves are in it, and every window is counted from the
change's own time, never the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import Any

from televent.domain.occurrence_index import (
    MARGIN,
    Indexed,
    Instance,
    NoReading,
    carried_reading,
    carries_current_reading,
    indexed_from,
    instances_between,
    left_to_readers,
)
from televent.projections.base import Projection, handles
from televent.projections.calendar_view import BODY_EVENTS, NOTE_EVENTS, etag_for
from televent.projections.index_workers import READ_HERE, IndexWorkers
from televent.projections.sql import Sql

LOG = logging.getLogger(__name__)
LEFT_TO_READERS = "Event %s cannot be listed up to the horizon: left to readers"
HORIZON = "endless"
LONG_SECONDS = 7 * 86400  # an instance that lasts longer is found by its end (`long`)


class OccurrencesProjection(Projection):
    """Keeps the occurrence index."""

    name = "occurrences"
    tables = ("occurrence_events", "occurrences", "occurrence_horizon")
    # who reads the bodies: here, or a rebuild's worker processes reading the next batch
    workers: IndexWorkers = READ_HERE

    def prepare(self, batch: Sequence[tuple[int, Any]]) -> None:
        """Hand the workers the bodies the batch leaves: per event the last one, which is the
        one `flush` indexes (an event deleted later in the batch is read for nothing)."""
        if not self.workers.processes:
            return
        last: dict[str, tuple[str, int, str, dt.datetime]] = {}
        for position, event in batch:
            if (
                self.handler_for(event) is OccurrencesProjection._body
                and event.ical is not None
                # an event that carries a reading of this version leaves nothing to read
                # (seen without decoding it: `_body` decodes it once)
                and not carries_current_reading(event.facts)
            ):
                event_id = str(event.originator_id)
                last[event_id] = (event_id, position, str(event.ical), event.timestamp)
        self.workers.submit(list(last.values()))

    @handles(
        "CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS, *NOTE_EVENTS
    )
    def _body(self, db: Sql, event: Any, position: int) -> None:
        """Remember the body the transaction leaves (only a command's last event carries it)."""
        if event.ical is None:
            return
        key = (self.name, str(event.originator_id))
        waiting = db.pending.get(key)
        # an event whose version 1 this transaction (or batch) holds has no rows to replace
        born = event.originator_version == 1 or (waiting is not None and waiting[-1])
        db.pending[key] = (
            str(event.calendar_id), str((event.facts or {}).get("uid") or ""),
            etag_for(event.originator_id, event.originator_version), str(event.ical),
            carried_reading(event.facts), event.timestamp, position, born,
        )  # fmt: skip

    @handles("CalendarEvent.EventDeleted")
    def _deleted(self, db: Sql, event: Any, position: int) -> None:
        db.pending.pop((self.name, str(event.originator_id)), None)
        for table in ("occurrence_events", "occurrences"):
            db.run(f"DELETE FROM {self.t[table]} WHERE event_id = ?", (str(event.originator_id),))

    @handles("OccurrenceHorizon.HorizonOpened", "OccurrenceHorizon.HorizonMoved")
    def _horizon(self, db: Sql, event: Any, position: int) -> None:
        """List every endless series up to the new horizon."""
        self.flush(db)  # what this batch stored before the move is listed first
        until = dt.datetime.fromisoformat(str(event.until))
        db.run(
            f"INSERT INTO {self.t['occurrence_horizon']} (name, until_ts) VALUES (?, ?) "
            f"ON CONFLICT (name) DO UPDATE SET until_ts = excluded.until_ts",
            (HORIZON, int(until.timestamp())),
        )
        rows = db.all(
            f"SELECT event_id, calendar_id, fields, recipe, until_ts "
            f"FROM {self.t['occurrence_events']} "
            "WHERE recipe IS NOT NULL AND until_ts IS NOT NULL AND until_ts < ?",
            (int(until.timestamp()),),
        )
        for row in rows:
            # the rows already there (the last window, overrides) stay: ON CONFLICT keeps them
            added = _later(json.loads(row["recipe"]), int(row["until_ts"]), until)
            if added is None:  # cannot be listed that far exactly: its readers expand it
                self._left_to_readers(db, str(row["event_id"]), json.loads(row["fields"]))
                continue
            self._insert(
                db, [_row(str(row["event_id"]), str(row["calendar_id"]), i) for i in added]
            )
            db.run(
                f"UPDATE {self.t['occurrence_events']} SET until_ts = ? WHERE event_id = ?",
                (int(until.timestamp()), row["event_id"]),
            )

    def flush(self, db: Sql) -> None:
        """Index the bodies the transaction (or catch-up batch) left, once each, in a few
        statements for all of them (a rebuild's batch holds thousands)."""
        keys = [key for key in db.pending if key[0] == self.name]
        if not keys:
            return
        gone = []  # the events whose rows are replaced
        found = []
        last = 0
        for key in keys:
            calendar_id, uid, etag, ical, reading, at, position, born = db.pending.pop(key)
            last = max(last, position)
            if not born:
                gone.append(key[1])
            indexed = (  # the event's own reading, or the body read (here or by a worker)
                self.workers.take(key[1], position, ical, at)
                if isinstance(reading, NoReading)
                else indexed_from(reading, at)
            )
            if indexed is not None:  # None: a task or a journal, nothing is listed
                found.append((key[1], calendar_id, uid, etag, position, indexed))
        self.workers.forget(last)
        horizon = None  # read once, and only when an endless series needs it
        if any(_endless(f[-1]) for f in found):
            horizon = db.scalar(
                f"SELECT until_ts FROM {self.t['occurrence_horizon']} WHERE name = ?", (HORIZON,)
            )
        events: list[tuple[Any, ...]] = []
        rows: list[tuple[Any, ...]] = []
        for event_id, calendar_id, uid, etag, position, stored in found:
            indexed, instances, until = _listed(stored, horizon)
            if indexed is not stored:
                LOG.info(LEFT_TO_READERS, event_id)
            events.append(
                (
                    event_id, calendar_id, uid, etag, _json(indexed.fields),
                    None if indexed.recipe is None else _json(indexed.recipe),
                    indexed.from_ts, until, int(indexed.expand_on_read),
                    int(indexed.expand_on_read or indexed.from_ts is not None
                        or until is not None),
                    position,
                )
            )  # fmt: skip
            rows += [_row(event_id, calendar_id, i) for i in instances]
        for table in ("occurrences", "occurrence_events"):
            db.delete_in(f"DELETE FROM {self.t[table]} WHERE event_id IN", gone)
        db.insert_rows(
            f"INSERT INTO {self.t['occurrence_events']} (event_id, calendar_id, uid, etag, "
            "fields, recipe, from_ts, until_ts, on_read, partial, position) VALUES",
            events,
        )
        self._insert(db, rows)

    def _left_to_readers(self, db: Sql, event_id: str, fields: dict[str, Any]) -> None:
        """An indexed series becomes one its readers expand, as if its body had been left to
        them when it was written (`flush` writes such an event's row the same way); it stays
        so until its body changes."""
        LOG.info(LEFT_TO_READERS, event_id)
        db.run(f"DELETE FROM {self.t['occurrences']} WHERE event_id = ?", (event_id,))
        db.run(
            f"UPDATE {self.t['occurrence_events']} SET fields = ?, recipe = NULL, "
            "from_ts = NULL, until_ts = NULL, on_read = 1, partial = 1 WHERE event_id = ?",
            (_json(left_to_readers(fields).fields), event_id),
        )

    def _insert(self, db: Sql, rows: list[tuple[Any, ...]]) -> None:
        """Add instances' rows; one already there (an override's, a window's) stays."""
        db.insert_rows(
            f"INSERT INTO {self.t['occurrences']} (event_id, instance, calendar_id, "
            "recurrence_id, start_at, end_at, start_ts, end_ts, floating, long, fields) VALUES",
            rows,
            tail="ON CONFLICT (event_id, instance) DO NOTHING",
        )


def _endless(indexed: Indexed) -> bool:
    """A series listed up to a window's end (a rule without end)."""
    return indexed.recipe is not None and indexed.until_ts is not None


def _listed(indexed: Indexed, horizon: int | None) -> tuple[Indexed, list[Instance], int | None]:
    """An event as it is indexed, its instances and the instant up to which they are all of
    them: an endless series' window reaches at least the horizon (or, when it cannot be
    listed that far exactly, the series is left to its readers)."""
    instances, until = list(indexed.instances), indexed.until_ts
    if indexed.recipe is not None and until is not None and horizon and horizon > until:
        later = _later(indexed.recipe, until, dt.datetime.fromtimestamp(horizon, dt.UTC))
        if later is None:
            return left_to_readers(indexed.fields), [], None
        listed = {i.key for i in instances}  # an override keeps its own row
        instances += [i for i in later if i.key not in listed]
        until = horizon
    return indexed, instances, until


def _row(event_id: str, calendar_id: str, i: Instance) -> tuple[Any, ...]:
    return (
        event_id, i.key, calendar_id, i.recurrence_id, i.start, i.end, i.start_ts, i.end_ts,
        int(i.floating), int(i.end_ts - i.start_ts > LONG_SECONDS),
        None if i.fields is None else _json(i.fields),
    )  # fmt: skip


def _later(recipe: dict[str, Any], until_ts: int, horizon: dt.datetime) -> list[Instance] | None:
    """A series' instances from its last window's end to a new horizon, a day wider each side
    (as the window itself, domain/occurrence_index.MARGIN); None when they cannot be listed
    exactly."""
    since = dt.datetime.fromtimestamp(until_ts, dt.UTC)
    return instances_between(recipe, since - MARGIN, horizon + MARGIN)


# one encoder for every row (json.dumps with options builds a new one per call)
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
