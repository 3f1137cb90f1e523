"""The event store's SQLite connections, keeping their prepared statements.

eventsourcing 9.5 opens each connection of its SQLite pool with `cached_statements=True`,
which `sqlite3` reads as a cache of one statement: every statement but the last one run was
prepared again on each execution, in every write transaction (a PUT's 17 statements took
574 µs instead of 215, the push queue's `INSERT … SELECT` 86 µs instead of 5). This pool opens
them as the library does, with Python's own default cache instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from eventsourcing.persistence import InterfaceError, OperationalError
from eventsourcing.sqlite import (
    SQLITE3_DEFAULT_LOCK_TIMEOUT,
    SQLiteConnection,
    SQLiteConnectionPool,
    SQLiteCursor,
    SQLiteDatastore,
    SQLiteTransaction,
)

STATEMENTS_KEPT = 128  # per connection (sqlite3's default)


class StatementKeepingPool(SQLiteConnectionPool):
    """eventsourcing's SQLite pool whose connections keep `STATEMENTS_KEPT` statements."""

    def _create_connection(self) -> SQLiteConnection:
        # As SQLiteConnectionPool._create_connection (eventsourcing 9.5), but for the cache.
        try:
            connection = sqlite3.connect(
                database=self.db_name,
                uri=True,
                check_same_thread=False,
                isolation_level=None,  # autocommit: the library's transactions BEGIN themselves
                cached_statements=STATEMENTS_KEPT,
                timeout=self.lock_timeout or SQLITE3_DEFAULT_LOCK_TIMEOUT,
            )
        except (sqlite3.Error, TypeError) as exc:
            raise InterfaceError(exc) from exc
        if not self.is_sqlite_memory_mode and not self.is_journal_mode_wal:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode;")
            if cursor.fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL;")
                self.journal_mode_was_changed_to_wal = True
            self.is_journal_mode_wal = True
        connection.row_factory = sqlite3.Row
        return SQLiteConnection(sqlite_conn=connection, max_age=self.max_age)


def keep_statements(datastore: SQLiteDatastore) -> None:
    """Give a datastore the statement-keeping pool, with its pool's settings (before it has
    opened a connection: an in-memory database lives in its first one)."""
    pool = datastore.pool
    datastore.pool = StatementKeepingPool(
        db_name=pool.db_name,
        lock_timeout=pool.lock_timeout,
        pool_size=pool.pool_size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.pool_timeout,
        max_age=pool.max_age,
        pre_ping=pool.pre_ping,
    )
    pool.close()


class _WritingTransaction(SQLiteTransaction):
    """The library's transaction, begun with the write lock (BEGIN IMMEDIATE)."""

    def __enter__(self) -> SQLiteCursor:
        cursor = self.connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # the lock timeout: as the library says it
            raise OperationalError(exc) from exc
        return cursor


@contextmanager
def writing_transaction(datastore: SQLiteDatastore) -> Iterator[SQLiteCursor]:
    """A committing transaction that takes SQLite's write lock when it begins, waiting for it
    up to the lock timeout (the library's errors, commit and rollback otherwise).

    A transaction begun as the library begins it (BEGIN: reading) that reads and then writes
    fails at once with "database is locked", without waiting, when another process committed
    in between: SQLite cannot move its snapshot forward. A queue's lease (a SELECT, then an
    UPDATE) failed so while `televent serve` wrote beside a bot worker."""
    with (
        datastore.get_connection(commit=True) as connection,
        _WritingTransaction(connection, commit=True) as cursor,
        cursor,
    ):
        yield cursor
