"""Questions about calendars and their objects, answered from the calendar view."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any, NamedTuple
from uuid import UUID

from televent.domain.sharing import Role, owner_role
from televent.domain.values import DEFAULT_CALENDAR_SLUG, is_telegram_id
from televent.projections.view_reader import Reader


@dataclass(frozen=True)
class CalendarView:
    """A calendar collection and its sync state."""

    calendar_id: UUID
    account_id: UUID
    slug: str
    display_name: str | None
    color: str | None
    description: str | None
    timezone: str | None
    components: str | None  # comma-separated component types; None means all
    created_position: int
    sync_position: int
    sync_time: str
    subscribed: bool = False  # it shows a feed: read-only for everyone (docs/adr/0025)
    busy: bool | None = None  # its owner's choice of busy time (None: as the role says)
    connection_id: UUID | None = None  # it mirrors a connected account's calendar (ADR 0026)
    dead_properties: str | None = None  # what CalDAV clients keep on it, as JSON (name -> XML)

    @property
    def dead(self) -> dict[str, str]:
        """The client properties kept on it: name ("{namespace}name") -> the element's XML."""
        return dict(json.loads(self.dead_properties)) if self.dead_properties else {}

    @property
    def owner_role(self) -> Role:
        """What its owner is to it: OWNER, or SUBSCRIBER when it shows a feed."""
        return owner_role(subscribed=self.subscribed)


class ObjectView(NamedTuple):
    """A calendar object resource as CalDAV serves it (a named tuple: a sync or a listing
    makes thousands of them, each in a third of a frozen dataclass's time). Its fields are
    OBJECT_COLUMNS, in their order."""

    calendar_id: UUID
    href: str
    uid: str
    event_id: UUID
    component: str
    etag: str
    ical: str
    position: int
    modified_at: str
    range_start: int | None = None
    range_end: int | None = None
    span_exact: bool = False
    instances: str | None = None  # "start-end,..." of a finite recurring event (instance_spans)
    schedule_tag: str | None = None  # RFC 6638 §3.2.10


class Reading(Enum):
    """How much of each object a listing reads: what its caller answers from it."""

    WHOLE = "whole"  # every column
    WITHOUT_BODY = "without body"  # all but the iCalendar text (`ical` is "")
    # the resource name, ETag, component and position only (what a client's sync or listing
    # of ETags asks for): the other fields are empty (`event_id` is UNREAD_EVENT)
    LISTED = "listed"


UNREAD_EVENT = UUID(int=0)  # an object's event id in a listing that did not read it


@dataclass(frozen=True)
class Changes:
    """What changed in a collection after a sync position (RFC 6578)."""

    changed: list[ObjectView]
    deleted: list[tuple[str, int]]
    deleted_uids: dict[str, str] = field(default_factory=dict)  # href -> UID of each deleted


@dataclass(frozen=True)
class PutTarget:
    """What a PUT needs to know before it decides: owner, the current resource, the UID's home."""

    owner: UUID
    components: str | None  # what the calendar takes (None: VEVENT, VTODO and VJOURNAL)
    at_href: tuple[str, str] | None  # (uid, etag) of the resource stored under the name
    uid_href: str | None  # the name under which the UID is stored, if it is
    subscribed: bool = False  # the calendar shows a feed (its owner is its subscriber)


OBJECT_COLUMNS = (
    "calendar_id, href, uid, event_id, component, etag, ical, position, modified_at, "
    "range_start, range_end, span_exact, instances, schedule_tag"
)
_O_OBJECT_COLUMNS = ", ".join(f"o.{c.strip()}" for c in OBJECT_COLUMNS.split(","))  # as `o.`
CALENDAR_COLUMNS = (
    "calendar_id, account_id, slug, display_name, color, description, timezone, components, "
    "created_position, sync_position, sync_time, subscribed, busy, connection_id, dead_properties"
)


class CalendarViewReader(Reader):
    """Calendars, their objects, sync changes and what a PUT needs to know."""

    def calendars_of(self, account_id: UUID) -> list[CalendarView]:
        """The account's live calendars, by slug."""
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {CALENDAR_COLUMNS} FROM calendars WHERE account_id = ? ORDER BY slug",
                (str(account_id),),
            )
        return [calendar_of_row(row) for row in rows]

    def calendar(self, calendar_id: UUID) -> CalendarView | None:
        """A live calendar by id."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {CALENDAR_COLUMNS} FROM calendars WHERE calendar_id = ?",
                (str(calendar_id),),
            )
        return None if row is None else calendar_of_row(row)

    def object_of(self, account_id: UUID, slug: str, href: str) -> ObjectView | None:
        """The object stored under a resource name in an account's calendar, in one round trip
        (None when either is missing)."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {_O_OBJECT_COLUMNS} FROM calendar_objects o JOIN calendars c "
                "ON c.calendar_id = o.calendar_id "
                "WHERE c.account_id = ? AND c.slug = ? AND o.href = ?",
                (str(account_id), slug, href),
            )
        return None if row is None else _object(list(row.values()))

    def own_object_for_device(
        self, telegram_id: int, device_id: str, slug: str, href: str
    ) -> ObjectView | None:
        """The object stored under a resource name in a Telegram user's own calendar while this
        device of theirs is active, in one statement: a CalDAV GET with remembered credentials
        needs nothing else (a device revoked in any process is refused at once). None when
        the device is not active or nothing is stored there."""
        if not is_telegram_id(telegram_id):
            return None
        with self.reader.read() as db:
            row = db.one(OWN_OBJECT_FOR_DEVICE, (device_id, slug, href, telegram_id))
        return own_object_of_row(None if row is None else list(row.values()))

    def object_at(self, calendar_id: UUID, href: str) -> ObjectView | None:
        """The calendar object stored under a resource name."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects WHERE calendar_id = ? AND href = ?",
                (str(calendar_id), href),
            )
        return None if row is None else _object(list(row.values()))

    def object_by_event_id(self, event_id: UUID) -> ObjectView | None:
        """The calendar object of an event (None once deleted)."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects WHERE event_id = ?",
                (str(event_id),),
            )
        return None if row is None else _object(list(row.values()))

    def objects_with_id_prefix(
        self, calendar_ids: list[UUID], hexdigits: str, limit: int = 20
    ) -> list[ObjectView]:
        """Objects in these calendars whose event id starts with these hex digits (the short
        ids the bot shows). Scans only the given calendars' rows, through their index."""
        digits = "".join(c for c in hexdigits.lower() if c in "0123456789abcdef")[:32]
        if not digits or not calendar_ids:
            return []
        text = str(UUID(digits.ljust(32, "0")))
        prefix = text[: len(digits) + sum(1 for i in (8, 12, 16, 20) if len(digits) > i)]
        marks = ", ".join("?" for _ in calendar_ids)
        with self.reader.read() as db:
            rows = db.tuples(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects "
                f"WHERE calendar_id IN ({marks}) AND event_id LIKE ? ORDER BY event_id LIMIT ?",
                (*(str(c) for c in calendar_ids), f"{prefix}%", limit),
            )
        return [_object(row) for row in rows]

    def objects_in(
        self, calendar_id: UUID, *, reading: Reading = Reading.WHOLE
    ) -> list[ObjectView]:
        """Every object in a calendar, by resource name, read as far as `reading` says (a
        listing of ETags need not read every body)."""
        with self.reader.read() as db:
            rows = db.tuples(
                f"SELECT {_columns(reading)} FROM calendar_objects WHERE calendar_id = ? "
                "ORDER BY href",
                (str(calendar_id),),
            )
        return _objects(calendar_id, rows, reading)

    def objects_named(self, calendar_id: UUID, names: list[str]) -> dict[str, ObjectView]:
        """The objects stored under these names (missing names are absent), by name."""
        found: dict[str, ObjectView] = {}
        with self.reader.read() as db:
            for chunk in range(0, len(names), 500):
                batch = names[chunk : chunk + 500]
                marks = ", ".join("?" for _ in batch)
                rows = db.tuples(
                    f"SELECT {OBJECT_COLUMNS} FROM calendar_objects "
                    f"WHERE calendar_id = ? AND href IN ({marks})",
                    (str(calendar_id), *batch),
                )
                found.update((obj.href, obj) for obj in map(_object, rows))
        return found

    def objects_overlapping(
        self, calendar_id: UUID, component: str | None, start: int | None, end: int | None
    ) -> list[ObjectView]:
        """Candidates for a time-range query, by the indexed UTC span of every instance
        (epoch seconds; None = open). Generous at the edges: callers filter exactly after.
        Objects without a start (undated tasks) are always candidates."""
        conditions: list[str] = ["calendar_id = ?"]
        params: list[object] = [str(calendar_id)]
        if component is not None:
            conditions.append("component = ?")
            params.append(component)
        overlap = []
        if end is not None:
            overlap.append("range_start <= ?")
            params.append(end)
        if start is not None:
            overlap.append("(range_end IS NULL OR range_end >= ?)")
            params.append(start)
        if overlap:
            conditions.append(f"(range_start IS NULL OR ({' AND '.join(overlap)}))")
        with self.reader.read() as db:
            rows = db.tuples(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects WHERE {' AND '.join(conditions)} "
                "ORDER BY href",
                tuple(params),
            )
        return [_object(row) for row in rows]

    def changes_since(
        self, calendar_id: UUID, position: int, *, reading: Reading = Reading.WHOLE
    ) -> Changes:
        """Objects changed (read as far as `reading` says) and resources deleted after
        `position`: O(changes), via indexes.

        One statement, so changes and deletions come from one consistent snapshot.
        """
        listed = reading is Reading.LISTED
        with self.reader.read() as db:
            rows = db.tuples(  # the object's columns, then a deleted one's UID and whether it was
                f"SELECT {_columns(reading)}, '' AS uid, 0 AS deleted "
                "FROM calendar_objects WHERE calendar_id = ? AND position > ? UNION ALL "
                f"SELECT {_TOMBSTONE_LISTED if listed else _TOMBSTONE_COLUMNS}, uid, 1 "
                "FROM tombstones WHERE calendar_id = ? AND position > ? ORDER BY position",
                (str(calendar_id), position, str(calendar_id), position),
            )
        href, at = _place(reading, "href"), _place(reading, "position")
        deleted = [row for row in rows if row[-1]]
        return Changes(
            _objects(calendar_id, [row for row in rows if not row[-1]], reading),
            [(row[href], int(row[at])) for row in deleted],
            {row[href]: row[-2] for row in deleted},
        )

    def object_with_uid(self, account_id: UUID, uid: str) -> ObjectView | None:
        """The account's resource with this UID (in its default calendar when several hold
        it): where an attendee's copy of a scheduled event lives (RFC 6638 §4.3). Never one
        a feed brought (a subscribed calendar is the feed's alone: docs/adr/0025)."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {_O_OBJECT_COLUMNS} FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id "
                "WHERE o.uid = ? AND c.account_id = ? AND c.subscribed = 0 "
                "ORDER BY CASE WHEN c.slug = ? THEN 0 ELSE 1 END, c.slug LIMIT 1",
                (uid, str(account_id), DEFAULT_CALENDAR_SLUG),
            )
        return None if row is None else _object(list(row.values()))

    def holders_of_uid(self, uid: str) -> list[tuple[UUID, UUID]]:
        """(account id, event id) of every live resource with this UID, in any calendar."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT c.account_id AS holder, o.event_id FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id WHERE o.uid = ? "
                "ORDER BY c.account_id, c.slug",
                (uid,),
            )
        return [(UUID(row["holder"]), UUID(row["event_id"])) for row in rows]

    def put_target(self, calendar_id: UUID, href: str, uid: str) -> PutTarget | None:
        """For storing `uid` under `href`: the calendar's owner and what the view holds there.

        None when the calendar does not exist. One statement, one round trip.
        """
        with self.reader.read() as db:
            rows = db.all(
                "SELECT c.account_id AS owner, c.components AS components, "
                "c.subscribed AS subscribed, o.href AS href, "
                "o.uid AS uid, o.etag AS etag "
                "FROM calendars c LEFT JOIN calendar_objects o "
                "ON o.calendar_id = c.calendar_id AND (o.href = ? OR o.uid = ?) "
                "WHERE c.calendar_id = ?",
                (href, uid, str(calendar_id)),
            )
        if not rows:
            return None
        at_href = next((r for r in rows if r["href"] == href), None)
        with_uid = next((r for r in rows if r["uid"] == uid), None)
        return PutTarget(
            owner=UUID(rows[0]["owner"]),
            components=rows[0]["components"],
            at_href=None if at_href is None else (at_href["uid"], at_href["etag"]),
            uid_href=None if with_uid is None else with_uid["href"],
            subscribed=bool(rows[0]["subscribed"]),
        )

    def restores(self) -> tuple[tuple[int, int], ...]:
        """The restores from backups this database went through, oldest first: each one's id
        and the log position its backup ended at (docs/adr/0033). Read once: a restore loads
        an empty database, before anything serves it."""
        known = self.__dict__.get("_restores")
        if known is None:
            with self.reader.read() as db:
                rows = db.all("SELECT restore_id, log_position FROM restores ORDER BY epoch")
            known = tuple((int(r["restore_id"]), int(r["log_position"])) for r in rows)
            self.__dict__["_restores"] = known
        return known

    def sync_epoch(self) -> int:
        """The id of the latest restore this database went through (0: none), which its sync
        tokens and ctags carry."""
        restores = self.restores()
        return restores[-1][0] if restores else 0

    def sync_horizon(self, calendar_id: UUID) -> int:
        """The newest position whose tombstone was purged (0 when none was)."""
        with self.reader.read() as db:
            value = db.scalar(
                "SELECT position FROM sync_horizons WHERE calendar_id = ?", (str(calendar_id),)
            )
        return int(value or 0)


def calendar_of_row(row: dict[str, Any]) -> CalendarView:
    """A `calendars` row as a CalendarView."""
    return CalendarView(
        calendar_id=UUID(row["calendar_id"]),
        account_id=UUID(row["account_id"]),
        slug=row["slug"],
        display_name=row["display_name"],
        color=row["color"],
        description=row["description"],
        timezone=row["timezone"],
        components=row["components"],
        created_position=int(row["created_position"]),
        sync_position=int(row["sync_position"]),
        sync_time=row["sync_time"],
        subscribed=bool(row["subscribed"]),
        busy=None if row["busy"] is None else bool(row["busy"]),
        connection_id=UUID(row["connection_id"]) if row["connection_id"] else None,
        dead_properties=row["dead_properties"],
    )


# `own_object_for_device` (the statement also read on the event loop, async_object_reads.py):
# parameters device_id, slug, href, telegram_id; a row of OBJECT_COLUMNS, href NULL when the
# device is active but nothing is stored there.
OWN_OBJECT_FOR_DEVICE = (
    f"SELECT {_O_OBJECT_COLUMNS} FROM accounts a JOIN devices d "
    "ON d.account_id = a.account_id AND d.device_id = ? AND d.revoked_at IS NULL "
    "LEFT JOIN calendars c ON c.account_id = a.account_id AND c.slug = ? "
    "LEFT JOIN calendar_objects o ON o.calendar_id = c.calendar_id AND o.href = ? "
    "WHERE a.telegram_id = ?"
)


def own_object_of_row(row: Sequence[Any] | None) -> ObjectView | None:
    """The object a row of OWN_OBJECT_FOR_DEVICE gives (None: no active device, or nothing
    stored under that name)."""
    return None if row is None or row[1] is None else _object(row)


LISTED_COLUMNS = "href, etag, component, position"  # what Reading.LISTED reads, in order
# A tombstone's row in changes_since, in the columns of an object
_TOMBSTONE_COLUMNS = (
    "calendar_id, href, uid, '' AS event_id, '' AS component, '' AS etag, '' AS ical, "
    "position, deleted_at AS modified_at, NULL AS range_start, NULL AS range_end, "
    "0 AS span_exact, NULL AS instances, NULL AS schedule_tag"
)
_TOMBSTONE_LISTED = "href, '' AS etag, '' AS component, position"


def _columns(reading: Reading) -> str:
    if reading is Reading.LISTED:
        return LISTED_COLUMNS
    if reading is Reading.WITHOUT_BODY:
        return OBJECT_COLUMNS.replace(" ical,", " '' AS ical,")
    return OBJECT_COLUMNS


@lru_cache(maxsize=8)
def _place(reading: Reading, column: str) -> int:
    """Where `column` is in a row of `_columns(reading)`."""
    return [c.strip() for c in _columns(reading).split(",")].index(column)


def _objects(
    calendar_id: UUID, rows: Sequence[Sequence[Any]], reading: Reading
) -> list[ObjectView]:
    """The objects of a calendar that rows of `_columns(reading)` describe."""
    if reading is not Reading.LISTED:
        return [_object(row) for row in rows]
    return [  # rows of LISTED_COLUMNS
        ObjectView(calendar_id, href, "", UNREAD_EVENT, component, etag, "", int(at), "")
        for href, etag, component, at, *_ in rows
    ]


@lru_cache(maxsize=1024)
def _calendar_uuid(text: str) -> UUID:
    """The same few calendar ids come back on every row of a large answer."""
    return UUID(text)


def _object(row: Sequence[Any]) -> ObjectView:
    """The object a row of OBJECT_COLUMNS (in their order) describes."""
    return ObjectView(
        _calendar_uuid(row[0]),
        row[1],
        row[2],
        UUID(row[3]),
        row[4],
        row[5],
        row[6],
        int(row[7]),
        row[8],
        None if row[9] is None else int(row[9]),
        None if row[10] is None else int(row[10]),
        bool(row[11]),
        row[12],
        row[13],
    )
