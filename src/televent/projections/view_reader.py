"""Short read (and operational write) transactions on the database the views live in."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from televent.infrastructure.database import Dialect
from televent.infrastructure.sqlite_pool import writing_transaction
from televent.projections.sql import Sql


class ViewReader:
    """Opens short read transactions on the database the views live in."""

    def __init__(self, datastore: Any, dialect: Dialect) -> None:
        self.datastore = datastore
        self.dialect = dialect
        # An SQLite file is read on one connection per thread, outside the event store's pool:
        # the pool hands out connections in turn, so a read waited there behind every write
        # queued for the one writer's lock (8 clients writing and reading: each GET waited for
        # the PUTs before it), and taking and returning a pooled connection cost more than the
        # read of one object. An in-memory database is private to its connection: the pool.
        pool = getattr(datastore, "pool", None)
        self._file: str | None = (
            str(pool.db_name)
            if dialect is Dialect.SQLITE and pool is not None and not pool.is_sqlite_memory_mode
            else None
        )
        self._timeout: float = float(getattr(pool, "lock_timeout", None) or 5)
        self._own = threading.local()
        self._opened: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._opened_lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[Sql]:
        """Reads for one answer. Each statement sees committed data (both databases run them
        in autocommit, saving a BEGIN and a ROLLBACK per answer); an answer that needs one
        consistent snapshot is written as one statement."""
        if self.dialect is Dialect.POSTGRES:
            with self.datastore.get_connection() as connection, connection.cursor() as cursor:
                yield Sql(cursor, self.dialect)
        elif self._file is not None:
            cursor = self._reading_connection().cursor()
            try:
                yield Sql(cursor, self.dialect)
            finally:
                cursor.close()
        else:
            with self._store_connection() as db:
                yield db

    @contextmanager
    def _store_connection(self) -> Iterator[Sql]:
        """A cursor on one of the event store's SQLite connections: they are in autocommit mode
        (the store issues BEGIN itself), so it reads the latest committed state statement by
        statement."""
        with (
            self.datastore.get_connection(commit=False) as connection,
            connection.cursor() as cursor,
        ):
            yield Sql(cursor, self.dialect)

    def _reading_connection(self) -> sqlite3.Connection:
        """This thread's own connection to the SQLite file (autocommit, like the store's: each
        statement reads the latest committed state), opened on its first read. Worker threads
        come and go (an idle one ends): the connections of ended threads are closed then."""
        connection: sqlite3.Connection | None = getattr(self._own, "connection", None)
        if connection is None:
            assert self._file is not None
            connection = sqlite3.connect(
                self._file,
                uri=True,
                isolation_level=None,
                timeout=self._timeout,
                check_same_thread=False,  # closed by `close`, from another thread
            )
            connection.row_factory = sqlite3.Row
            with self._opened_lock:
                ended = [c for thread, c in self._opened if not thread.is_alive()]
                self._opened = [(t, c) for t, c in self._opened if t.is_alive()]
                self._opened.append((threading.current_thread(), connection))
            for old in ended:
                old.close()
            self._own.connection = connection
        return connection

    def close(self) -> None:
        """Close the reading connections of every thread (the store closes its own pool)."""
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for _, connection in opened:
            connection.close()
        self._own = threading.local()

    @contextmanager
    def write(self) -> Iterator[Sql]:
        """A committing transaction, for state that is not a domain event (usage, purges,
        leases of queued deliveries). On SQLite it holds the write lock from its start
        (`sqlite_pool.writing_transaction`): its reads are never of a snapshot another
        process's commit makes too old to write from."""
        opened = (
            self.datastore.transaction(commit=True)
            if self.dialect is not Dialect.SQLITE
            else writing_transaction(self.datastore)
        )
        with opened as cursor:
            yield Sql(cursor, self.dialect)

    def compact(self) -> None:
        """Leave no copy of deleted rows in the database files (after an erasure's purge).

        SQLite keeps freed pages and old page images in the WAL: VACUUM rewrites the file and
        the checkpoint truncates the WAL, on one of the store's own connections (autocommit, so
        VACUUM runs outside a transaction). PostgreSQL reuses dead rows' space in place and
        VACUUM there cannot erase them from disk either, so nothing is done for it.
        """
        if self.dialect is not Dialect.SQLITE:
            return
        with self._store_connection() as db:
            db.run("VACUUM")
            db.run("PRAGMA wal_checkpoint(TRUNCATE)")


class Reader:
    """The base of each read model's reader: answers come from the view's tables only."""

    def __init__(self, reader: ViewReader) -> None:
        self.reader = reader
