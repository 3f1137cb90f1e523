"""Questions about connected accounts, answered from the `connections` and
`mirrored_calendars` read models, the sync job's operational tables and the write-back queue
(docs/adr/0026)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.projections.view_reader import Reader

_MIRROR_COLUMNS = (
    "m.calendar_id, m.connection_id, m.account_id, m.url, m.synced_at, c.display_name, c.slug, "
    "s.sync_token, s.next_due, s.failures, s.last_tried, s.last_success, s.last_error, "
    "s.last_outcome, "
    "(SELECT COUNT(*) FROM connection_writebacks w WHERE w.calendar_id = m.calendar_id) "
    "AS waiting, "
    "(SELECT MAX(w.last_error) FROM connection_writebacks w WHERE w.calendar_id = m.calendar_id) "
    "AS writeback_error, "
    "(SELECT k.kind FROM connections k WHERE k.connection_id = m.connection_id) AS kind"
)
_MIRROR_FROM = (
    "FROM mirrored_calendars m JOIN calendars c ON c.calendar_id = m.calendar_id "
    "LEFT JOIN connection_sync_state s ON s.calendar_id = m.calendar_id"
)


@dataclass(frozen=True)
class MirrorView:
    """A calendar that mirrors a remote one, and how syncing it goes."""

    calendar_id: UUID
    connection_id: UUID
    account_id: UUID
    url: str  # the remote calendar's
    name: str
    slug: str
    synced_at: str | None  # when a sync last changed something
    sync_token: str | None
    next_due: str | None  # None: as soon as the job runs
    failures: int  # in a row; 0 when the last sync worked
    last_tried: str | None
    last_success: str | None
    last_error: str | None  # why the last sync failed, in English (the reason code first)
    last_outcome: str | None  # what the last sync did ("unchanged", "3 added")
    waiting: int = 0  # changes made here not yet written back
    writeback_error: str | None = None  # why writing one back failed last
    kind: str = "caldav"  # of the connection: "caldav" or "google"

    @property
    def state(self) -> str:
        """What the person is shown: failing, waiting (never synced) or ok."""
        if self.failures:
            return "failing"
        return "waiting" if self.last_success is None else "ok"


@dataclass(frozen=True)
class ConnectionView:
    """A connected account (never its password) and the calendars that mirror it."""

    connection_id: UUID
    account_id: UUID
    kind: str
    address: str  # what the person typed
    server: str  # the host of the account's principal
    username: str
    connected_at: str
    calendars: tuple[MirrorView, ...]


def _mirror(row: dict[str, Any]) -> MirrorView:
    return MirrorView(
        calendar_id=UUID(row["calendar_id"]),
        connection_id=UUID(row["connection_id"]),
        account_id=UUID(row["account_id"]),
        url=row["url"],
        name=row["display_name"] or row["slug"],
        slug=row["slug"],
        synced_at=row["synced_at"],
        sync_token=row["sync_token"],
        next_due=row["next_due"],
        failures=int(row["failures"] or 0),
        last_tried=row["last_tried"],
        last_success=row["last_success"],
        last_error=row["last_error"],
        last_outcome=row["last_outcome"],
        waiting=int(row["waiting"] or 0),
        writeback_error=row["writeback_error"],
        kind=row["kind"] or "caldav",
    )


@dataclass(frozen=True)
class WriteBackView:
    """An event of a mirrored calendar changed here and not yet written back: `position` is
    the log position of its last change, `attempts` the failed tries since."""

    calendar_id: UUID
    event_id: UUID
    position: int
    attempts: int


def _write_back(row: dict[str, Any]) -> WriteBackView:
    return WriteBackView(
        UUID(row["calendar_id"]), UUID(row["event_id"]), int(row["position"]), int(row["attempts"])
    )


class ConnectionsReader(Reader):
    """A person's connections, one connection, mirrored calendars and those due to be synced."""

    def connections_of(self, account_id: UUID) -> list[ConnectionView]:
        """The person's connected accounts, by server and user name."""
        with self.reader.read() as db:
            rows = db.all("SELECT * FROM connections WHERE account_id = ?", (str(account_id),))
            mirrors = db.all(
                f"SELECT {_MIRROR_COLUMNS} {_MIRROR_FROM} WHERE m.account_id = ?",
                (str(account_id),),
            )
        found = [_connection(row, mirrors) for row in rows]
        return sorted(found, key=lambda c: (c.server, c.username, str(c.connection_id)))

    def connection(self, connection_id: UUID) -> ConnectionView | None:
        """The live connection (None when there is none)."""
        with self.reader.read() as db:
            row = db.one("SELECT * FROM connections WHERE connection_id = ?", (str(connection_id),))
            if row is None:
                return None
            mirrors = db.all(
                f"SELECT {_MIRROR_COLUMNS} {_MIRROR_FROM} WHERE m.connection_id = ?",
                (str(connection_id),),
            )
        return _connection(row, mirrors)

    def mirror(self, calendar_id: UUID) -> MirrorView | None:
        """The calendar's mirroring (None when it mirrors nothing)."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {_MIRROR_COLUMNS} {_MIRROR_FROM} WHERE m.calendar_id = ?",
                (str(calendar_id),),
            )
        return None if row is None else _mirror(row)

    def mirrors_due(self, now: str, limit: int) -> list[MirrorView]:
        """Mirrored calendars whose next sync is due at `now`, or with a change to write back
        that is due (never synced ones first), at most `limit`."""
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {_MIRROR_COLUMNS} {_MIRROR_FROM} "
                "WHERE s.next_due IS NULL OR s.next_due <= ? OR EXISTS (SELECT 1 FROM "
                "connection_writebacks w WHERE w.calendar_id = m.calendar_id AND "
                "(w.next_attempt IS NULL OR w.next_attempt <= ?)) "
                "ORDER BY CASE WHEN s.next_due IS NULL THEN 0 ELSE 1 END, s.next_due, "
                "m.calendar_id LIMIT ?",
                (now, now, limit),
            )
        return [_mirror(row) for row in rows]

    def connection_count(self, account_id: UUID) -> int:
        with self.reader.read() as db:
            value = db.scalar(
                "SELECT COUNT(*) FROM connections WHERE account_id = ?", (str(account_id),)
            )
        return int(value or 0)

    def connection_to(self, account_id: UUID, server: str, username: str) -> UUID | None:
        """The person's live connection to this server as this user, if there is one."""
        with self.reader.read() as db:
            value = db.scalar(
                "SELECT connection_id FROM connections WHERE account_id = ? AND server = ? "
                "AND username = ?",
                (str(account_id), server, username),
            )
        return None if value is None else UUID(str(value))

    def connected_as(self, server: str, username: str) -> bool:
        """Whether anyone has a live connection to this server as this user."""
        with self.reader.read() as db:
            value = db.scalar(
                "SELECT COUNT(*) FROM connections WHERE server = ? AND username = ?",
                (server, username),
            )
        return bool(value)

    def remote_resources(self, calendar_id: UUID) -> dict[str, tuple[str | None, str | None]]:
        """What the last syncs stored of the remote calendar: href → (UID, ETag)."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT href, uid, etag FROM connection_resources WHERE calendar_id = ?",
                (str(calendar_id),),
            )
        return {row["href"]: (row["uid"], row["etag"]) for row in rows}

    def writebacks(self, calendar_id: UUID, *, due: str | None = None) -> list[WriteBackView]:
        """The calendar's changes waiting to be written back, oldest first; with `due`, only
        those whose next attempt is due then."""
        query = "SELECT * FROM connection_writebacks WHERE calendar_id = ?"
        params: tuple[Any, ...] = (str(calendar_id),)
        if due is not None:
            query += " AND (next_attempt IS NULL OR next_attempt <= ?)"
            params += (due,)
        with self.reader.read() as db:
            rows = db.all(query + " ORDER BY position", params)
        return [_write_back(row) for row in rows]


def _connection(row: dict[str, Any], mirrors: list[dict[str, Any]]) -> ConnectionView:
    own = [_mirror(m) for m in mirrors if m["connection_id"] == row["connection_id"]]
    return ConnectionView(
        connection_id=UUID(row["connection_id"]),
        account_id=UUID(row["account_id"]),
        kind=row["kind"],
        address=row["address"],
        server=row["server"],
        username=row["username"],
        connected_at=row["connected_at"],
        calendars=tuple(sorted(own, key=lambda m: (m.name.lower(), str(m.calendar_id)))),
    )
