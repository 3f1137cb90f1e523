"""Backups that restore (docs/adr/0033): a consistent snapshot of what cannot be rebuilt, taken
while Televent serves, and its loading into an empty database of either backend.

A backup is a ZIP file:

- `manifest.json`: the format and Televent's version, when, from which backend, the log's
  position and how many events it holds, the migrations applied, and each table's row count;
- `events.jsonl`: the event log, each event with its position (the notification id sync tokens
  and read-model positions count in), originator, version, topic and stored state (base64);
- `tables/<name>.jsonl`: every other table that is not rebuilt from the log: the key store
  (per-person keys, erased addresses, the shredding secret), the server's keys, the delivery
  queues and their positions, push registrations, sessions, fetch and sync bookkeeping. What
  the rebuildable read models hold is left out: `restore` rebuilds it from the log.

The snapshot is one point in time: on SQLite the online backup API copies the database while
writers go on (pages changed during the copy are copied again), on PostgreSQL one
REPEATABLE READ, READ ONLY transaction reads every table. The file is written beside its
destination and renamed into place once whole.

Loading (`load_backup`) wants a database without events; it writes every event at its own
position (so sync tokens stay valid), the tables it holds, and sets each rebuildable read
model's position to 0, so whatever happens next (the rebuild `restore` runs, or any later
start) builds them from the log.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import os
import re
import secrets
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg

from televent.application.televent import Televent
from televent.domain.errors import TeleventError
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.projections.engine import all_projections

FORMAT = "televent-backup"
FORMAT_VERSION = 1
BATCH = 500  # rows per INSERT when loading
# The migration library's tables (the manifest lists the migrations instead) and a rebuild's
# shadow tables
SKIPPED = ("_yoyo", "yoyo_", "rebuild_")
SCRATCH_PREFIX = ".televent-backup-"  # the folder of a SQLite backup's copy, beside it
STALE_SECONDS = 86_400
UNFINISHED = "unfinished_restores"  # this database's own restore in progress, never backed up
MIGRATIONS_QUERY = "SELECT migration_id FROM _yoyo_migration"
TABLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class BackupError(TeleventError):
    """A backup cannot be made, read or loaded; the message says why."""


class AlreadyLoadedError(BackupError):
    """The database holds this backup already, loaded by a restore that did not finish (its
    erasures again and its rebuild are what is left to do)."""


class UnfinishedRestoreError(BackupError):
    """The database was restored from a backup and the restore did not finish."""


@dataclass
class Manifest:
    """What a backup holds (manifest.json)."""

    format: str
    format_version: int
    televent_version: str
    created_at: str
    backend: str
    log_position: int
    events: int
    migrations: list[str]
    tables: dict[str, int] = field(default_factory=dict)


def rebuilt_tables() -> set[str]:
    """The tables the read models rebuild from the log (left out of a backup)."""
    return {table for p in all_projections() if p.rebuildable for table in p.tables}


def rebuilt_projections() -> list[str]:
    return [p.name for p in all_projections() if p.rebuildable]


# --- taking a backup ---------------------------------------------------------------------------


def take_backup(
    app: Televent, url: DatabaseUrl, out: Path, *, version: str, now: dt.datetime
) -> Manifest:
    """Write a backup of the database at `url` (served by `app`, which may be running) to
    `out`."""
    events_table = app.engine.events_table
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    skipped = rebuilt_tables() | {events_table, UNFINISHED}
    _forget_stale_copies(out.parent, now)
    with _snapshot(url, out.parent) as reader:
        tables = [t for t in reader.tables() if t not in skipped and not t.startswith(SKIPPED)]
        applied = sorted(str(row[0]) for row in reader.rows(MIGRATIONS_QUERY))
        manifest = Manifest(
            FORMAT, FORMAT_VERSION, version, now.isoformat(), url.dialect.value, 0, 0, applied
        )
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        os.close(handle)
        try:
            with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                _write_events(reader, archive, events_table, manifest)
                for table in tables:
                    manifest.tables[table] = _write_table(reader, archive, table)
                archive.writestr("manifest.json", json.dumps(asdict(manifest), indent=2))
            os.chmod(temporary, 0o600)  # it holds every person's key
            _on_disk(Path(temporary))  # before it takes the place of the last good one
            os.replace(temporary, out)
            _on_disk(out.parent)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return manifest


def _forget_stale_copies(folder: Path, now: dt.datetime) -> None:
    """Remove the database copies of backups that were killed before they could (a day old:
    a backup running now is left alone): each holds every key, erased people's too, and must
    not be kept, rotated or sent elsewhere with the backups."""
    for stale in folder.glob(f"{SCRATCH_PREFIX}*"):
        try:
            age = now.timestamp() - stale.stat().st_mtime
        except OSError:
            continue
        if stale.is_dir() and age > STALE_SECONDS:
            shutil.rmtree(stale, ignore_errors=True)


def _on_disk(path: Path) -> None:
    """Wait until the file (or the folder's list of names) is on the disk: a power cut after
    the rename must not leave a backup of nothing where yesterday's good one was."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_events(
    reader: _Reader, archive: zipfile.ZipFile, table: str, manifest: Manifest
) -> None:
    with archive.open("events.jsonl", "w", force_zip64=True) as file:
        for position, originator, version, topic, state in reader.rows(reader.events_query(table)):
            event = {
                "position": int(position),
                "originator_id": str(UUID(str(originator))),  # one form for both backends
                "originator_version": int(version),
                "topic": topic,
                "state": _encoded(state),
            }
            file.write(_line(event))
            manifest.events += 1
            manifest.log_position = max(manifest.log_position, int(position))


def _write_table(reader: _Reader, archive: zipfile.ZipFile, table: str) -> int:
    count = 0
    with archive.open(f"tables/{table}.jsonl", "w", force_zip64=True) as file:
        columns, rows = reader.table(table)
        for row in rows:
            file.write(_line({c: _encoded(v) for c, v in zip(columns, row, strict=True)}))
            count += 1
    return count


class _Reader:
    """Reads one consistent snapshot."""

    def __init__(self, connection: Any, dialect: Dialect) -> None:
        self.connection = connection
        self.dialect = dialect
        self.count = 0

    def tables(self) -> list[str]:
        if self.dialect is Dialect.SQLITE:
            query = (
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        else:
            query = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        return sorted(str(row[0]) for row in self.rows(query))

    def events_query(self, table: str) -> str:
        position = "rowid" if self.dialect is Dialect.SQLITE else "notification_id"
        return (
            f"SELECT {position}, originator_id, originator_version, topic, state FROM {table} "
            f"ORDER BY {position}"
        )

    def _cursor(self) -> Any:
        """A cursor that streams (server-side on PostgreSQL: the log never sits in memory)."""
        if self.dialect is Dialect.POSTGRES:
            self.count += 1
            return self.connection.cursor(name=f"televent_backup_{self.count}")
        return self.connection.cursor()

    def rows(self, query: str) -> Iterator[tuple[Any, ...]]:
        cursor = self._cursor()
        cursor.execute(query)
        while batch := cursor.fetchmany(BATCH):
            yield from batch

    def table(self, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        cursor = self._cursor()
        cursor.execute(f"SELECT * FROM {table}")
        if cursor.description is None:  # a named cursor describes its rows on the first fetch
            first = cursor.fetchmany(1)
            description: list[Any] = list(cursor.description or [])
            columns = [str(d[0]) for d in description]

            def rows_after() -> Iterator[tuple[Any, ...]]:
                yield from first
                while batch := cursor.fetchmany(BATCH):
                    yield from batch

            return columns, rows_after()
        columns = [str(d[0]) for d in cursor.description]

        def rows() -> Iterator[tuple[Any, ...]]:
            while batch := cursor.fetchmany(BATCH):
                yield from batch

        return columns, rows()


@contextmanager
def _snapshot(url: DatabaseUrl, beside: Path) -> Iterator[_Reader]:
    """One moment of the database. SQLite's is a copy made in a folder `beside` the backup
    (on the disk the operator chose for backups, not a temporary folder that may be memory
    smaller than the database), private to the process, removed afterwards."""
    if url.dialect is Dialect.SQLITE:
        with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=beside) as folder:
            copy = Path(folder) / "snapshot.db"
            source = sqlite3.connect(Path(url.path).expanduser(), timeout=60)
            target = sqlite3.connect(copy)
            try:
                source.backup(target)  # one step, in one read transaction: writers go on (WAL)
            finally:
                source.close()
            try:
                yield _Reader(target, Dialect.SQLITE)
            finally:
                target.close()
        return
    with psycopg.connect(url.conninfo()) as connection:
        # set before the first statement: psycopg begins the transaction itself
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        try:
            yield _Reader(connection, Dialect.POSTGRES)
        finally:
            connection.rollback()


def _encoded(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _decoded(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$b64"}:
        return base64.b64decode(value["$b64"])
    return value


def _line(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


# --- reading and loading -----------------------------------------------------------------------


def read_manifest(path: Path) -> Manifest:
    """The manifest of the backup at `path` (BackupError when it is none)."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read("manifest.json"))
    except FileNotFoundError:
        raise BackupError(f"No backup at {path}.") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BackupError(f"{path} is not a Televent backup ({type(exc).__name__}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Televent backup.")
    if int(data.get("format_version", 0)) > FORMAT_VERSION:
        raise BackupError(
            f"{path} was written by a newer Televent (backup format "
            f"{data.get('format_version')}); restore it with that version or a later one."
        )
    try:
        return Manifest(**data)
    except TypeError:
        raise BackupError(f"{path} has a manifest this Televent cannot read.") from None


def erased_in_backup(path: Path) -> set[UUID]:
    """The accounts erased before the backup at `path` was taken (its key store's erased
    rows): a journal a restore may trust names every one of them."""
    name = "tables/subject_keys.jsonl"
    try:
        with zipfile.ZipFile(path) as archive:
            if name not in archive.namelist():
                return set()
            return {
                UUID(str(row["subject_id"]))
                for row in _jsonl(archive, name)
                if isinstance(row, dict) and row.get("erased_at")
            }
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise BackupError(f"{path} is not a Televent backup ({type(exc).__name__}).") from None


def finish_restore(app: Televent) -> None:
    """The restore is done: the people erased after the backup are erased again."""
    with app.views.write() as db:
        db.run(f"DELETE FROM {UNFINISHED}")


def refuse_unfinished_restore(app: Televent) -> None:
    """Refuse to serve a database whose restore did not finish: people erased after the
    backup would be served again until it has.

    Raises:
        UnfinishedRestoreError: naming what to run.
    """
    with app.views.read() as db:
        row = db.one(f"SELECT backup_created_at FROM {UNFINISHED} LIMIT 1")
    if row is not None:
        raise UnfinishedRestoreError(
            f"the restore of the backup of {row['backup_created_at']} into this database did "
            "not finish: run `televent restore <that file>` again before serving it (people "
            "erased after the backup are erased again then)."
        )


def check_restorable(manifest: Manifest, known_migrations: Iterable[str]) -> None:
    """Refuse a backup of a newer schema: one whose migrations this code does not have."""
    unknown = sorted(set(manifest.migrations) - set(known_migrations))
    if unknown:
        raise BackupError(
            f"The backup was made by a newer Televent ({manifest.televent_version}; migration "
            f"{unknown[0]} is unknown here): restore it with that version or a later one."
        )


def load_backup(app: Televent, url: DatabaseUrl, path: Path) -> Manifest:
    """Load the backup at `path` into the migrated, empty database at `url` (its application
    `app`, freshly built on it), in one transaction: nothing is half-loaded. A damaged file
    is a BackupError, and nothing is written."""
    manifest = read_manifest(path)
    try:
        with _writer(url) as (connection, marks), zipfile.ZipFile(path) as archive:
            _load(
                connection.cursor(), marks, events_table=app.engine.events_table, url=url,
                manifest=manifest, archive=archive,
            )  # fmt: skip
            connection.commit()
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BackupError(
            f"{path} is damaged ({type(exc).__name__}); nothing was restored."
        ) from None
    return manifest


def _load(
    cursor: Any,
    marks: str,
    *,
    events_table: str,
    url: DatabaseUrl,
    manifest: Manifest,
    archive: zipfile.ZipFile,
) -> None:
    cursor.execute(f"SELECT COUNT(*) FROM {events_table}")
    if int(cursor.fetchone()[0]) > 0:
        cursor.execute(
            f"SELECT 1 FROM {UNFINISHED} WHERE backup_created_at = {marks} AND "
            f"log_position = {marks}",
            (manifest.created_at, manifest.log_position),
        )
        if cursor.fetchone() is not None:
            raise AlreadyLoadedError("A restore of this backup into this database did not finish.")
        raise BackupError(
            "restore needs an empty database: this one already holds events (make a new "
            "one: a new SQLite file, or createdb, and point TELEVENT_DATABASE_URL at it)"
        )
    cursor.execute(
        f"INSERT INTO {UNFINISHED} (backup_created_at, log_position, started_at) VALUES "
        f"({marks}, {marks}, {marks})",
        (manifest.created_at, manifest.log_position, dt.datetime.now(dt.UTC).isoformat()),
    )
    position = "rowid" if url.dialect is Dialect.SQLITE else "notification_id"
    columns = [position, "originator_id", "originator_version", "topic", "state"]
    # the event store's own form of an id: hex on SQLite, a uuid on PostgreSQL
    form = (lambda text: UUID(text).hex) if url.dialect is Dialect.SQLITE else str
    _insert(cursor, marks, events_table, columns, (
        [int(e["position"]), form(str(e["originator_id"])), int(e["originator_version"]),
         e["topic"], _decoded(e["state"])]
        for e in _jsonl(archive, "events.jsonl")
    ))  # fmt: skip
    if url.dialect is Dialect.POSTGRES:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'notification_id'), "
            f"GREATEST((SELECT MAX(notification_id) FROM {events_table}), 1))",
            (events_table,),
        )
    skipped = rebuilt_tables() | {events_table, UNFINISHED}  # a newer one rebuilds them itself
    for table in manifest.tables:
        if not TABLE_NAME.fullmatch(table):
            raise BackupError(f"The backup names a table {table[:40]!r}: it is damaged.")
        if table in skipped:
            continue
        present = _columns(cursor, table)
        if present is None:
            raise BackupError(f"The backup's table {table} is not in this database's schema.")
        rows = _jsonl(archive, f"tables/{table}.jsonl")
        if table == "projection_positions":  # one row per read model the migrations made
            for row in rows:
                cursor.execute(
                    f"UPDATE projection_positions SET position = {marks} WHERE name = {marks}",
                    (int(row["position"]), str(row["name"])),
                )
            continue
        cursor.execute(f"DELETE FROM {table}")
        first = next(rows, None)
        if first is None:
            continue
        kept = [c for c in first if c in present]
        _insert(cursor, marks, table, kept, (
            [_decoded(row.get(c)) for c in kept] for row in itertools.chain([first], rows)
        ))  # fmt: skip
    # This restore, after those the backup went through: sync tokens given from now on carry
    # its id (random: the same backup restored twice is two histories), and one given before
    # it beyond the backup's end, or in a history this database never had, is refused
    # (docs/adr/0033).
    cursor.execute("SELECT MAX(epoch) FROM restores")
    (latest,) = cursor.fetchone()
    cursor.execute(
        "INSERT INTO restores (epoch, restore_id, log_position, backup_created_at, restored_at) "
        f"VALUES ({marks}, {marks}, {marks}, {marks}, {marks})",
        (int(latest or 0) + 1, secrets.randbelow(999_999_999) + 1, manifest.log_position,
         manifest.created_at, dt.datetime.now(dt.UTC).isoformat()),
    )  # fmt: skip
    # what the read models hold is built from the log: now by `restore`, or at any start
    for name in rebuilt_projections():
        cursor.execute(
            f"UPDATE projection_positions SET position = 0 WHERE name = {marks}", (name,)
        )


@contextmanager
def _writer(url: DatabaseUrl) -> Iterator[tuple[Any, str]]:
    if url.dialect is Dialect.SQLITE:
        lite = sqlite3.connect(Path(url.path).expanduser(), timeout=60, isolation_level=None)
        try:
            lite.execute("BEGIN IMMEDIATE")
            yield _SqliteCommit(lite), "?"
        except BaseException:
            if lite.in_transaction:
                lite.execute("ROLLBACK")
            raise
        finally:
            lite.close()
        return
    with psycopg.connect(url.conninfo()) as connection:
        yield connection, "%s"


class _SqliteCommit:
    """A connection in autocommit mode with an explicit transaction: commit ends it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def cursor(self) -> sqlite3.Cursor:
        return self.connection.cursor()

    def commit(self) -> None:
        self.connection.execute("COMMIT")


def _columns(cursor: Any, table: str) -> set[str] | None:
    try:
        cursor.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    except (sqlite3.Error, psycopg.Error):
        return None
    cursor.fetchall()
    return {str(d[0]) for d in cursor.description}


def _insert(
    cursor: Any, mark: str, table: str, columns: list[str], rows: Iterable[list[Any]]
) -> None:
    statement = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    )
    batch: list[list[Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            cursor.executemany(statement, batch)
            batch = []
    if batch:
        cursor.executemany(statement, batch)


def _jsonl(archive: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    try:
        with archive.open(name) as file:
            for line in file:
                if line.strip():
                    yield json.loads(line)
    except KeyError:
        raise BackupError(f"The backup lacks {name}.") from None
