"""Short read (and operational write) transactions on the database the views live in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from televent.infrastructure.database import Dialect
from televent.projections.sql import Sql


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

    def compact(self) -> None:
        """Leave no copy of deleted rows in the database files (after an erasure's purge).

        SQLite keeps freed pages and old page images in the WAL: VACUUM rewrites the file and
        the checkpoint truncates the WAL, on one of the store's own connections (autocommit, so
        VACUUM runs outside a transaction). PostgreSQL reuses dead rows' space in place and
        VACUUM there cannot erase them from disk either, so nothing is done for it.
        """
        if self.dialect is not Dialect.SQLITE:
            return
        with self.read() as db:
            db.run("VACUUM")
            db.run("PRAGMA wal_checkpoint(TRUNCATE)")


class Reader:
    """The base of each read model's reader: answers come from the view's tables only."""

    def __init__(self, reader: ViewReader) -> None:
        self.reader = reader
