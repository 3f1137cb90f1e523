"""The query side: answers read from the projections' tables, never from aggregates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from uuid import UUID

from televent.domain.values import DEFAULT_CALENDAR_SLUG, normalize_address
from televent.infrastructure.database import Dialect
from televent.projections.sql import Sql


@dataclass(frozen=True)
class AccountView:
    """An account as the directory read model holds it."""

    account_id: UUID
    telegram_id: int
    name: str
    timezone: str
    reminder_minutes: int
    registered_at: str
    emails: tuple[str, ...]
    username: str | None = None
    erasure_due: str | None = None


@dataclass(frozen=True)
class DeviceView:
    """A device password's public facts (never the hash, except for authentication)."""

    device_id: str
    name: str
    issued_at: str
    revoked_at: str | None
    last_used_at: str | None


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


@dataclass(frozen=True)
class ObjectView:
    """A calendar object resource as CalDAV serves it."""

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


@dataclass(frozen=True)
class Changes:
    """What changed in a collection after a sync position (RFC 6578)."""

    changed: list[ObjectView]
    deleted: list[tuple[str, int]]


@dataclass(frozen=True)
class PutTarget:
    """What a PUT needs to know before it decides: owner, the current resource, the UID's home."""

    owner: UUID
    components: str | None  # what the calendar takes (None: VEVENT, VTODO and VJOURNAL)
    at_href: tuple[str, str] | None  # (uid, etag) of the resource stored under the name
    uid_href: str | None  # the name under which the UID is stored, if it is


@dataclass(frozen=True)
class ProjectionStatus:
    """A read model's progress through the log."""

    name: str
    position: int
    head: int
    updated_at: str | None
    last_error: str | None

    @property
    def lag(self) -> int:
        """How many notifications the read model is behind the log."""
        return max(self.head - self.position, 0)


class ViewReader:
    """Opens short read transactions on the database the views live in."""

    def __init__(self, datastore: Any, dialect: Dialect) -> None:
        self.datastore = datastore
        self.dialect = dialect

    @contextmanager
    def read(self) -> Iterator[Sql]:
        """Reads for one answer. Each statement sees committed data (both databases run them
        in autocommit, saving a BEGIN and a ROLLBACK per answer); an answer that needs one
        consistent snapshot is written as one statement."""
        if self.dialect is Dialect.POSTGRES:
            with self.datastore.get_connection() as connection, connection.cursor() as cursor:
                yield Sql(cursor, self.dialect)
        else:
            # The event store's SQLite connections are in autocommit mode (it issues BEGIN
            # itself), so a bare cursor reads the latest committed state statement by statement.
            with (
                self.datastore.get_connection(commit=False) as connection,
                connection.cursor() as cursor,
            ):
                yield Sql(cursor, self.dialect)

    @contextmanager
    def write(self) -> Iterator[Sql]:
        """A committing transaction, for state that is not a domain event (usage, purges)."""
        with self.datastore.transaction(commit=True) as cursor:
            yield Sql(cursor, self.dialect)


OBJECT_COLUMNS = (
    "calendar_id, href, uid, event_id, component, etag, ical, position, modified_at, "
    "range_start, range_end, span_exact, instances, schedule_tag"
)
CALENDAR_COLUMNS = (
    "calendar_id, account_id, slug, display_name, color, description, timezone, components, "
    "created_position, sync_position, sync_time"
)


class Queries:
    """Every question adapters ask about accounts, calendars and events."""

    def __init__(self, reader: ViewReader, events_table: str) -> None:
        self.reader = reader
        self.events_table = events_table

    # --- accounts and devices -----------------------------------------------------------------

    def account_by_telegram_id(self, telegram_id: int) -> AccountView | None:
        """The account of a Telegram user, if registered (one round trip: every CalDAV request
        asks for it)."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT a.*, e.email AS linked_email FROM accounts a "
                "LEFT JOIN account_emails e ON e.account_id = a.account_id "
                "WHERE a.telegram_id = ? ORDER BY e.linked_at, e.email",
                (telegram_id,),
            )
        if not rows:
            return None
        emails = tuple(r["linked_email"] for r in rows if r["linked_email"] is not None)
        return _account_view(rows[0], emails)

    def account_by_id(self, account_id: UUID | str) -> AccountView | None:
        """An account by its id (the owner of a calendar, the sender of a queued message)."""
        with self.reader.read() as db:
            row = db.one("SELECT * FROM accounts WHERE account_id = ?", (str(account_id),))
            return None if row is None else self._account(db, row)

    def account_by_email(self, email: str) -> AccountView | None:
        """The account that linked this email address (the earliest, if several did)."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT a.* FROM accounts a JOIN account_emails e ON e.account_id = a.account_id "
                "WHERE e.email = ? ORDER BY e.linked_at LIMIT 1",
                (email.strip().lower(),),
            )
            return None if row is None else self._account(db, row)

    def account_by_username(self, username: str) -> AccountView | None:
        """The account whose Telegram user name this is (without @, any case)."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT * FROM accounts WHERE username = ? ORDER BY position DESC LIMIT 1",
                (username.strip().lstrip("@").lower(),),
            )
            return None if row is None else self._account(db, row)

    def account_for_address(self, address: str, internal_domain: str) -> AccountView | None:
        """The Televent user a calendar address stands for: `tg_<id>@<internal domain>`, or
        an email an account linked; None for anyone else."""
        key = normalize_address(address)
        internal = re.fullmatch(rf"tg_(\d+)@{re.escape(internal_domain.lower())}", key)
        if internal is not None:
            return self.account_by_telegram_id(int(internal.group(1)))
        return self.account_by_email(key) if "@" in key else None

    def invitations_for_account(
        self, account: AccountView, internal_domain: str
    ) -> list[dict[str, Any]]:
        """Every event any of the account's addresses is an attendee of."""
        addresses = _addresses(account, internal_domain)
        marks = ", ".join("?" for _ in addresses)
        with self.reader.read() as db:
            return db.all(
                "SELECT address, event_id, calendar_id, account_id, uid, partstat FROM attendees "
                f"WHERE address IN ({marks}) ORDER BY position",
                tuple(addresses),
            )

    def meet_each_other(self, one: AccountView, other: AccountView, internal_domain: str) -> bool:
        """Whether either account has invited the other to an event (it is, or was, in a
        calendar of theirs with the other among its attendees); an account meets itself."""
        if one.account_id == other.account_id:
            return True
        one_addresses = _addresses(one, internal_domain)
        other_addresses = _addresses(other, internal_domain)
        one_marks = ", ".join("?" for _ in one_addresses)
        other_marks = ", ".join("?" for _ in other_addresses)
        with self.reader.read() as db:
            found = db.scalar(
                "SELECT 1 FROM attendees WHERE "
                f"(account_id = ? AND address IN ({other_marks})) OR "
                f"(account_id = ? AND address IN ({one_marks})) LIMIT 1",
                (str(one.account_id), *other_addresses, str(other.account_id), *one_addresses),
            )
        return found is not None

    def account_count(self) -> int:
        """How many accounts exist."""
        with self.reader.read() as db:
            return int(db.scalar("SELECT COUNT(*) AS n FROM accounts") or 0)

    def _account(self, db: Sql, row: dict[str, Any]) -> AccountView:
        emails = db.all(
            "SELECT email FROM account_emails WHERE account_id = ? ORDER BY linked_at, email",
            (row["account_id"],),
        )
        return _account_view(row, tuple(e["email"] for e in emails))

    def devices_of(self, account_id: UUID, *, include_revoked: bool = True) -> list[DeviceView]:
        """The account's devices, oldest first."""
        condition = "" if include_revoked else " AND d.revoked_at IS NULL"
        with self.reader.read() as db:
            rows = db.all(
                "SELECT d.device_id, d.name, d.issued_at, d.revoked_at, u.last_used_at "
                "FROM devices d LEFT JOIN device_usage u ON u.device_id = d.device_id "
                f"WHERE d.account_id = ?{condition} ORDER BY d.issued_at, d.name",
                (str(account_id),),
            )
        return [DeviceView(**row) for row in rows]

    def active_password_hashes(self, account_id: UUID) -> list[tuple[str, str]]:
        """(device id, Argon2id hash) of every active device, for authentication."""
        return [(device_id, hashed) for device_id, _, hashed in self.active_devices(account_id)]

    def active_devices(self, account_id: UUID) -> list[tuple[str, str, str]]:
        """(device id, device name, Argon2id hash) of every active device."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT device_id, name, password_hash FROM devices "
                "WHERE account_id = ? AND revoked_at IS NULL",
                (str(account_id),),
            )
        return [(row["device_id"], row["name"], row["password_hash"]) for row in rows]

    # --- calendars and objects ----------------------------------------------------------------

    def calendars_of(self, account_id: UUID) -> list[CalendarView]:
        """The account's live calendars, by slug."""
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {CALENDAR_COLUMNS} FROM calendars WHERE account_id = ? ORDER BY slug",
                (str(account_id),),
            )
        return [_calendar(row) for row in rows]

    def calendar(self, calendar_id: UUID) -> CalendarView | None:
        """A live calendar by id."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {CALENDAR_COLUMNS} FROM calendars WHERE calendar_id = ?",
                (str(calendar_id),),
            )
        return None if row is None else _calendar(row)

    def object_of(self, account_id: UUID, slug: str, href: str) -> ObjectView | None:
        """The object stored under a resource name in an account's calendar, in one round trip
        (None when either is missing)."""
        columns = ", ".join(f"o.{c.strip()}" for c in OBJECT_COLUMNS.split(","))
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {columns} FROM calendar_objects o JOIN calendars c "
                "ON c.calendar_id = o.calendar_id "
                "WHERE c.account_id = ? AND c.slug = ? AND o.href = ?",
                (str(account_id), slug, href),
            )
        return None if row is None else _object(row)

    def object_at(self, calendar_id: UUID, href: str) -> ObjectView | None:
        """The calendar object stored under a resource name."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects WHERE calendar_id = ? AND href = ?",
                (str(calendar_id), href),
            )
        return None if row is None else _object(row)

    def object_by_event_id(self, event_id: UUID) -> ObjectView | None:
        """The calendar object of an event (None once deleted)."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects WHERE event_id = ?",
                (str(event_id),),
            )
        return None if row is None else _object(row)

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
            rows = db.all(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects "
                f"WHERE calendar_id IN ({marks}) AND event_id LIKE ? ORDER BY event_id LIMIT ?",
                (*(str(c) for c in calendar_ids), f"{prefix}%", limit),
            )
        return [_object(row) for row in rows]

    def objects_in(self, calendar_id: UUID, *, bodies: bool = True) -> list[ObjectView]:
        """Every object in a calendar, by resource name; with `bodies=False` their `ical` is
        left empty (a listing of ETags need not read every body)."""
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {_columns(bodies)} FROM calendar_objects WHERE calendar_id = ? "
                "ORDER BY href",
                (str(calendar_id),),
            )
        return [_object(row) for row in rows]

    def objects_named(self, calendar_id: UUID, names: list[str]) -> dict[str, ObjectView]:
        """The objects stored under these names (missing names are absent), by name."""
        found: dict[str, ObjectView] = {}
        with self.reader.read() as db:
            for chunk in range(0, len(names), 500):
                batch = names[chunk : chunk + 500]
                marks = ", ".join("?" for _ in batch)
                rows = db.all(
                    f"SELECT {OBJECT_COLUMNS} FROM calendar_objects "
                    f"WHERE calendar_id = ? AND href IN ({marks})",
                    (str(calendar_id), *batch),
                )
                found.update((row["href"], _object(row)) for row in rows)
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
            rows = db.all(
                f"SELECT {OBJECT_COLUMNS} FROM calendar_objects WHERE {' AND '.join(conditions)} "
                "ORDER BY href",
                tuple(params),
            )
        return [_object(row) for row in rows]

    def changes_since(self, calendar_id: UUID, position: int, *, bodies: bool = True) -> Changes:
        """Objects changed and resources deleted after `position`: O(changes), via indexes.

        One statement, so changes and deletions come from one consistent snapshot. With
        `bodies=False` the objects' `ical` is left empty.
        """
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT 'changed' AS kind, {_columns(bodies)} FROM calendar_objects "
                "WHERE calendar_id = ? AND position > ? "
                "UNION ALL SELECT 'deleted' AS kind, calendar_id, href, uid, '' AS event_id, "
                "'' AS component, '' AS etag, '' AS ical, position, deleted_at AS modified_at, "
                "NULL AS range_start, NULL AS range_end, 0 AS span_exact, NULL AS instances, "
                "NULL AS schedule_tag "
                "FROM tombstones WHERE calendar_id = ? AND position > ? ORDER BY position",
                (str(calendar_id), position, str(calendar_id), position),
            )
        return Changes(
            [_object(row) for row in rows if row["kind"] == "changed"],
            [(row["href"], int(row["position"])) for row in rows if row["kind"] == "deleted"],
        )

    def object_with_uid(self, account_id: UUID, uid: str) -> ObjectView | None:
        """The account's resource with this UID (in its default calendar when several hold
        it): where an attendee's copy of a scheduled event lives (RFC 6638 §4.3)."""
        columns = ", ".join(f"o.{c.strip()}" for c in OBJECT_COLUMNS.split(","))
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {columns} FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id "
                "WHERE o.uid = ? AND c.account_id = ? "
                "ORDER BY CASE WHEN c.slug = ? THEN 0 ELSE 1 END, c.slug LIMIT 1",
                (uid, str(account_id), DEFAULT_CALENDAR_SLUG),
            )
        return None if row is None else _object(row)

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
                "SELECT c.account_id AS owner, c.components AS components, o.href AS href, "
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
        )

    def sync_horizon(self, calendar_id: UUID) -> int:
        """The newest position whose tombstone was purged (0 when none was)."""
        with self.reader.read() as db:
            value = db.scalar(
                "SELECT position FROM sync_horizons WHERE calendar_id = ?", (str(calendar_id),)
            )
        return int(value or 0)

    def attendees_of(self, event_id: UUID) -> list[dict[str, Any]]:
        """The attendee index rows of one event."""
        with self.reader.read() as db:
            return db.all(
                "SELECT address, partstat, role, cn FROM attendees WHERE event_id = ? "
                "ORDER BY address",
                (str(event_id),),
            )

    def invitations_for(self, address: str) -> list[dict[str, Any]]:
        """Every event an address is an attendee of."""
        with self.reader.read() as db:
            return db.all(
                "SELECT event_id, calendar_id, account_id, uid, partstat FROM attendees "
                "WHERE address = ? ORDER BY position",
                (address.strip().lower(),),
            )


def _calendar(row: dict[str, Any]) -> CalendarView:
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
    )


def _account_view(row: dict[str, Any], emails: tuple[str, ...]) -> AccountView:
    return AccountView(
        account_id=UUID(row["account_id"]),
        telegram_id=int(row["telegram_id"]),
        name=row["name"],
        timezone=row["timezone"],
        reminder_minutes=int(row["reminder_minutes"]),
        registered_at=row["registered_at"],
        emails=emails,
        username=row["username"],
        erasure_due=row["erasure_due"],
    )


def _columns(bodies: bool) -> str:
    return OBJECT_COLUMNS if bodies else OBJECT_COLUMNS.replace(" ical,", " '' AS ical,")


@lru_cache(maxsize=1024)
def _calendar_uuid(text: str) -> UUID:
    """The same few calendar ids come back on every row of a large answer."""
    return UUID(text)


def _object(row: dict[str, Any]) -> ObjectView:
    return ObjectView(
        calendar_id=_calendar_uuid(row["calendar_id"]),
        href=row["href"],
        uid=row["uid"],
        event_id=UUID(row["event_id"]),
        component=row["component"],
        etag=row["etag"],
        ical=row["ical"],
        position=int(row["position"]),
        modified_at=row["modified_at"],
        range_start=None if row["range_start"] is None else int(row["range_start"]),
        range_end=None if row["range_end"] is None else int(row["range_end"]),
        span_exact=bool(row["span_exact"]),
        instances=row["instances"],
        schedule_tag=row["schedule_tag"],
    )


def _addresses(account: AccountView, internal_domain: str) -> list[str]:
    """The account's calendar user addresses as the attendee index stores them."""
    return [f"tg_{account.telegram_id}@{internal_domain}".lower(), *account.emails]
