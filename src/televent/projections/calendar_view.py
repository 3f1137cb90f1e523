"""The CalDAV calendar view: collections, their objects, sync state and tombstones.

- `calendars`: one row per live collection, with `sync_position`, the event-store notification
  position of its last change (ctag and sync token, RFC 6578 §3.2), and `created_position`, the
  position before which no token of this collection can be valid.
- `calendar_objects`: resource name (as the client chose it) → UID, ETag, iCalendar body,
  indexed UTC range and the position of its last change.
- `tombstones`: deleted resource names with the position of deletion, so that a sync reports
  them (RFC 6578 §3.5.2); purged after the retention window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from televent.domain.recurrence import decode
from televent.projections.base import Projection, handles
from televent.projections.sql import Sql

BODY_EVENTS = (
    "CalendarEvent.EventUpdated",
    "CalendarEvent.AttendeeInvited",
    "CalendarEvent.AttendeeRemoved",
    "CalendarEvent.RsvpGiven",
    "CalendarEvent.EventCancelled",
)
# The server's own notes on the body (SCHEDULE-STATUS after a bounce): the view shows them,
# nothing is delivered because of them.
NOTE_EVENTS = ("CalendarEvent.DeliveryStatusRecorded",)
PROPERTY_COLUMNS = ("display_name", "color", "description", "timezone", "components")
DEAD = "dead"  # the property kept as JSON in `dead_properties` (migrations/0037)


def dead_column(value: Any) -> str | None:
    """Client properties (name -> element) as the column keeps them: JSON, NULL for none."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False) if value else None


def etag_for(event_id: Any, version: int) -> str:
    """A strong ETag: unique per aggregate and version, so it changes exactly with content."""
    return f'"{str(event_id).replace("-", "")[:12]}-{version}"'


def is_reply_merge(event: Any) -> bool:
    """Whether a change only records answers (RFC 6638 §3.2.10): an RsvpGiven, or the
    server's SCHEDULE-STATUS note, keeps the Schedule-Tag; every other change of the body
    moves it to the ETag of that revision (see CalendarEvent.schedule_version)."""
    return type(event).__name__ in ("RsvpGiven", "DeliveryStatusRecorded")


def _time_index(facts: dict[str, Any]) -> tuple[int | None, int | None, int, str | None]:
    """range_start, range_end, span_exact and instances of an object."""
    start, end = stored_range(facts)
    return start, end, int(bool(facts.get("span_exact"))), facts.get("instances")


def stored_range(facts: dict[str, Any]) -> tuple[int | None, int | None]:
    """The instants (epoch seconds, None: unbounded) between which an object's instances lie,
    as the view stores them (range_start, range_end). A finite recurring VEVENT comes with the
    exact span of each instance (`facts["instances"]`), and its range shrinks to them: a series
    with a COUNT is otherwise indexed as never ending."""
    start, end = facts["range_start"], facts["range_end"]
    spans = decode(facts.get("instances"))
    if spans:
        start, end = spans[0][0], max(e for _, e in spans)
    return start, end


@dataclass(slots=True)
class _NewObject:
    """A new object's row waiting for `flush` (fields in the table's column order)."""

    calendar_id: str
    href: str
    uid: str
    event_id: str
    component: str
    etag: str
    ical: str
    range_start: int | None
    range_end: int | None
    span_exact: int
    instances: str | None
    position: int
    modified_at: str
    schedule_tag: str

    def change(self, etag: str, event: Any, position: int, keep_tag: bool) -> None:
        """Take a later body of the same batch (a reply merged keeps the Schedule-Tag)."""
        self.etag, self.ical = etag, event.ical
        self.range_start, self.range_end, self.span_exact, self.instances = _time_index(event.facts)
        self.position, self.modified_at = position, event.timestamp.isoformat()
        if not keep_tag:
            self.schedule_tag = etag

    def row(self) -> tuple[Any, ...]:
        return (
            self.calendar_id, self.href, self.uid, self.event_id, self.component, self.etag,
            self.ical, self.range_start, self.range_end, self.span_exact, self.instances,
            self.position, self.modified_at, self.schedule_tag,
        )  # fmt: skip


class CalendarViewProjection(Projection):
    """Collections, calendar object resources, and deleted-resource tombstones."""

    name = "calendar_view"
    tables = ("calendars", "calendar_objects", "tombstones")

    def __init__(self, prefix: str = "") -> None:
        super().__init__(prefix)
        # During a rebuild into empty tables, every tombstone that exists was written by this
        # instance, so a creation needs no DELETE unless its name is in this set. None (the
        # live views, shared and long-lived) means: always look.
        self.written_tombstones: set[tuple[str, str]] | None = None

    def start_from_empty(self) -> None:
        """Declare the tables empty (a rebuild), enabling the tombstone shortcut."""
        self.written_tombstones = set()

    def comparison_filters(self, retention_cutoff: str) -> dict[str, str]:
        """Tombstones past the retention window may have been purged from the live view."""
        return {"tombstones": f"deleted_at >= '{retention_cutoff}'"}

    # --- collections -----------------------------------------------------------------------

    @handles("Calendar.CalendarCreated", "Calendar.CalendarRecreated")
    def _calendar_created(self, db: Sql, event: Any, position: int) -> None:
        db.pending.pop((self.prefix, "touch", str(event.originator_id)), None)
        props = event.properties
        db.run(
            f"INSERT INTO {self.t['calendars']} (calendar_id, account_id, slug, display_name, "
            "color, description, timezone, components, created_position, sync_position, sync_time, "
            "dead_properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(event.originator_id),
                str(event.account_id),
                event.slug,
                props.get("display_name"),
                props.get("color"),
                props.get("description"),
                props.get("timezone"),
                props.get("components"),
                position,
                position,
                event.timestamp.isoformat(),
                dead_column(props.get(DEAD)),
            ),
        )

    @handles("Calendar.CalendarUpdated")
    def _calendar_updated(self, db: Sql, event: Any, position: int) -> None:
        assignments = [f"{c} = ?" for c in PROPERTY_COLUMNS if c in event.changes]
        values = [event.changes[c] for c in PROPERTY_COLUMNS if c in event.changes]
        if DEAD in event.changes:
            assignments.append("dead_properties = ?")
            values.append(dead_column(event.changes[DEAD]))
        db.run(
            f"UPDATE {self.t['calendars']} SET {', '.join(assignments)} WHERE calendar_id = ?",
            (*values, str(event.originator_id)),
        )
        self._touch(db, str(event.originator_id), event, position)

    @handles("Calendar.FeedSubscribed")
    def _feed_subscribed(self, db: Sql, event: Any, position: int) -> None:
        """The calendar shows a feed: read-only, busy time as its subscriber chose."""
        db.run(
            f"UPDATE {self.t['calendars']} SET subscribed = 1, busy = ? WHERE calendar_id = ?",
            (int(bool(event.options.get("busy", True))), str(event.originator_id)),
        )

    @handles("Calendar.CalendarMirrored")
    def _calendar_mirrored(self, db: Sql, event: Any, position: int) -> None:
        """The calendar mirrors a connected account's: its owner's to change (each change is
        written back, docs/adr/0026), busy time like the person's own calendars."""
        db.run(
            f"UPDATE {self.t['calendars']} SET subscribed = 0, busy = 1, connection_id = ? "
            "WHERE calendar_id = ?",
            (str(event.connection_id), str(event.originator_id)),
        )

    @handles("Calendar.MirroringStopped")
    def _mirroring_stopped(self, db: Sql, event: Any, position: int) -> None:
        """The connection was removed and its events kept: an ordinary calendar now."""
        db.run(
            f"UPDATE {self.t['calendars']} SET subscribed = 0, busy = NULL, connection_id = NULL "
            "WHERE calendar_id = ?",
            (str(event.originator_id),),
        )
        self._touch(db, str(event.originator_id), event, position)

    @handles("Calendar.SubscriptionChanged")
    def _subscription_changed(self, db: Sql, event: Any, position: int) -> None:
        if "busy" in event.changes:
            db.run(
                f"UPDATE {self.t['calendars']} SET busy = ? WHERE calendar_id = ?",
                (int(bool(event.changes["busy"])), str(event.originator_id)),
            )

    @handles("Calendar.CalendarDeleted")
    def _calendar_deleted(self, db: Sql, event: Any, position: int) -> None:
        db.pending.pop((self.prefix, "touch", str(event.originator_id)), None)
        # The objects were deleted by the EventDeleted events of the same command; the database
        # refuses to delete a calendar that still holds one (stored concurrently): a conflict.
        for table in ("tombstones", "calendars"):
            db.run(
                f"DELETE FROM {self.t[table]} WHERE calendar_id = ?", (str(event.originator_id),)
            )

    # --- calendar objects --------------------------------------------------------------------

    # A new object's row waits in the transaction's (or batch's) scratch space until `flush`,
    # which inserts every one in a few statements: a rebuild's batch creates thousands. Later
    # changes and a deletion in the same batch change or drop the waiting row. Nothing else
    # reads this table before `flush`: the engine flushes each projection before the next
    # one applies the transaction, and a catch-up or rebuild applies no projection that
    # reads it.

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated")
    def _object_created(self, db: Sql, event: Any, position: int) -> None:
        calendar_id = str(event.calendar_id)
        facts = event.facts
        known = self.written_tombstones
        if known is None or (calendar_id, event.href) in known:
            db.run(
                f"DELETE FROM {self.t['tombstones']} WHERE calendar_id = ? AND href = ?",
                (calendar_id, event.href),
            )
        etag = etag_for(event.originator_id, event.originator_version)
        db.pending[(self.prefix, "object", str(event.originator_id))] = _NewObject(
            calendar_id, event.href, facts["uid"], str(event.originator_id), facts["component"],
            etag, event.ical, *_time_index(facts), position, event.timestamp.isoformat(), etag,
        )  # fmt: skip
        self._touch(db, calendar_id, event, position)

    @handles(*BODY_EVENTS, *NOTE_EVENTS)
    def _object_changed(self, db: Sql, event: Any, position: int) -> None:
        if event.ical is None:
            return
        facts = event.facts
        etag = etag_for(event.originator_id, event.originator_version)
        keep_tag = is_reply_merge(event)
        waiting = db.pending.get((self.prefix, "object", str(event.originator_id)))
        if waiting is not None:
            waiting.change(etag, event, position, keep_tag)
        else:
            tag = "schedule_tag" if keep_tag else "?"
            db.run(
                f"UPDATE {self.t['calendar_objects']} SET etag = ?, ical = ?, range_start = ?, "
                f"range_end = ?, span_exact = ?, instances = ?, position = ?, modified_at = ?, "
                f"schedule_tag = {tag} WHERE event_id = ?",
                (
                    etag,
                    event.ical,
                    *_time_index(facts),
                    position,
                    event.timestamp.isoformat(),
                    *(() if keep_tag else (etag,)),
                    str(event.originator_id),
                ),
            )
        self._touch(db, str(event.calendar_id), event, position)

    @handles("CalendarEvent.EventDeleted")
    def _object_deleted(self, db: Sql, event: Any, position: int) -> None:
        calendar_id = str(event.calendar_id)
        waiting = db.pending.pop((self.prefix, "object", str(event.originator_id)), None)
        if waiting is not None:
            uid = waiting.uid
        else:
            row = db.one(
                f"SELECT uid FROM {self.t['calendar_objects']} WHERE event_id = ?",
                (str(event.originator_id),),
            )
            uid = row["uid"] if row else ""
            db.run(
                f"DELETE FROM {self.t['calendar_objects']} WHERE event_id = ?",
                (str(event.originator_id),),
            )
        db.run(
            f"INSERT INTO {self.t['tombstones']} (calendar_id, href, uid, position, deleted_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (calendar_id, href) DO UPDATE "
            "SET uid = excluded.uid, position = excluded.position, "
            "deleted_at = excluded.deleted_at",
            (calendar_id, event.href, uid, position, event.timestamp.isoformat()),
        )
        if self.written_tombstones is not None:
            self.written_tombstones.add((calendar_id, event.href))
        self._touch(db, calendar_id, event, position)

    def _touch(self, db: Sql, calendar_id: str, event: Any, position: int) -> None:
        """Move the calendar's sync position; written once per calendar at `flush`."""
        db.pending[(self.prefix, "touch", calendar_id)] = (position, event.timestamp.isoformat())

    def flush(self, db: Sql) -> None:
        """Insert the new objects' rows, then write the newest sync position of every calendar
        touched since the last flush."""
        objects = [key for key in db.pending if key[:2] == (self.prefix, "object")]
        db.insert_rows(
            f"INSERT INTO {self.t['calendar_objects']} (calendar_id, href, uid, event_id, "
            "component, etag, ical, range_start, range_end, span_exact, instances, position, "
            "modified_at, schedule_tag) VALUES",
            [db.pending.pop(key).row() for key in objects],
            per=100,
        )
        touched = [
            (*db.pending[key], key[2])
            for key in list(db.pending)
            if key[:2] == (self.prefix, "touch")  # the scratch space is every projection's
        ]
        for _, _, calendar_id in touched:
            db.pending.pop((self.prefix, "touch", calendar_id))
        db.run_many(
            f"UPDATE {self.t['calendars']} SET sync_position = ?, sync_time = ? "
            "WHERE calendar_id = ?",
            touched,
        )
