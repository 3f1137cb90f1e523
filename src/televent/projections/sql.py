"""A thin portable layer over the two drivers' cursors (sqlite3 and psycopg 3).

Projection SQL is written once, with `?` placeholders and `ON CONFLICT` upserts that both
SQLite (3.24+) and PostgreSQL understand; for PostgreSQL the placeholders become `%s`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from psycopg import RawCursor
from psycopg.rows import dict_row, tuple_row

from televent.infrastructure.database import Dialect

Params = tuple[Any, ...] | list[Any]


@lru_cache(maxsize=512)
def to_pyformat(statement: str) -> str:
    """A statement written with `?` placeholders, as psycopg takes it."""
    return statement.replace("%", "%%").replace("?", "%s")


@lru_cache(maxsize=256)
def _numbered_rows(head: str, tail: str, width: int, count: int) -> str:
    """`head` followed by `count` rows of `width` PostgreSQL placeholders ($1, $2, ...), then
    `tail`: a statement psycopg sends as it is written (psycopg reads a statement written
    with %s for its placeholders on every execution when it is long)."""
    rows = ", ".join(
        "(" + ", ".join(f"${row * width + column + 1}" for column in range(width)) + ")"
        for row in range(count)
    )
    return f"{head} {rows} {tail}".rstrip()


class Sql:
    """Runs statements on one cursor inside the caller's transaction."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self.cursor = cursor
        self.dialect = dialect
        self._pipeline: Any = None
        # Per-transaction scratch space for writes a projection coalesces until `flush`.
        self.pending: dict[Any, Any] = {}
        # Per-transaction answers several projections read alike (an account's addresses):
        # only for tables the directory writes, which the engine applies before every other
        # read model, so that an answer read once holds for the rest of the transaction.
        self.memo: dict[Any, Any] = {}
        # Reads decoded events of the log in this transaction: (after, limit, upto) ->
        # [(position, event)]; set by the projection engine while it applies new events (a
        # webhook replays past changes, projections/webhook_delivery.py).
        self.log: Callable[[int, int, int | None], list[tuple[int, Any]]] | None = None
        self._raw_cursor: Any = None
        self._last: Any = None  # the cursor of the last statement (None: `cursor`)

    def _raw(self) -> Any:
        """A cursor on this transaction's PostgreSQL connection that sends statements as they
        are written, with $1, $2 placeholders (made once per transaction)."""
        if self._raw_cursor is None:
            self._raw_cursor = RawCursor(self.cursor.connection)
        return self._raw_cursor

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Batch round trips (PostgreSQL pipeline mode); a no-op for SQLite."""
        if self.dialect is not Dialect.POSTGRES or self._pipeline is not None:
            yield
            return
        with self.cursor.connection.pipeline() as pipeline:
            self._pipeline = pipeline
            try:
                yield
            finally:
                self._pipeline = None

    def _before_read(self) -> None:
        """In a pipeline, take in every earlier statement's result before a query: psycopg
        hands a late result of an earlier statement to the cursor it ran on, and a fetch then
        reads that result instead of the query's (seen under load: "the last operation didn't
        produce records (command status: DELETE 0)")."""
        self.sync()

    def sync(self) -> None:
        """Wait for pipelined statements, so their errors surface here."""
        if self._pipeline is not None:
            self._pipeline.sync()

    @property
    def rowcount(self) -> int:
        """Rows changed by the last statement (in a pipeline, once its results are in)."""
        self.sync()
        last = self.cursor if self._last is None else self._last
        driver_cursor = getattr(last, "sqlite_cursor", last)
        return int(driver_cursor.rowcount)

    def run(self, statement: str, params: tuple[Any, ...] | list[Any] = ()) -> None:
        """Execute one statement."""
        self._last = None
        if self.dialect is Dialect.POSTGRES:
            self.cursor.execute(to_pyformat(statement), params)
        else:
            self.cursor.execute(statement, params)

    def lock_table(self, table: str) -> None:
        """Hold off other writers of `table` until this transaction ends, so a check and the
        write it allows are one step (SQLite has one writer at a time already: the
        transaction must write before it reads what the check reads)."""
        if self.dialect is Dialect.POSTGRES:
            self._last = None
            self.cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

    def insert_rows(
        self, head: str, rows: Sequence[tuple[Any, ...]], *, tail: str = "", per: int = 400
    ) -> None:
        """Insert many rows in a few statements, `per` rows each: `head` is `INSERT INTO t
        (columns) VALUES`, `tail` what follows the rows (an `ON CONFLICT` clause). For a
        projection that gathers a transaction's or a rebuild batch's rows and writes them at
        once, in their order. On SQLite, one statement of one row run for each row: as fast
        here, and the connection keeps one prepared statement per table instead of one per
        number of rows (a statement of 400 rows holds about a third of a megabyte)."""
        if not rows:
            return
        if self.dialect is Dialect.POSTGRES:
            # with numbered placeholders, on a cursor that sends the text as written: the
            # statements of hundreds of rows were read for their %s each time (a third of a
            # rebuild's time on PostgreSQL)
            raw = self._last = self._raw()
            width = len(rows[0])
            for start in range(0, len(rows), per):
                chunk = rows[start : start + per]
                raw.execute(
                    _numbered_rows(head, tail, width, len(chunk)),
                    [value for row in chunk for value in row],
                )
            return
        marks = f"({', '.join('?' * len(rows[0]))})"
        self.run_many(f"{head} {marks} {tail}".rstrip(), rows)

    def delete_in(self, head: str, ids: Sequence[Any], *, per: int = 400) -> None:
        """Delete by a list of ids in a few statements: `head` is `DELETE FROM t WHERE
        column IN`, followed by `per` ids at most each time (on SQLite one statement run for
        each id, as `insert_rows` does)."""
        if self.dialect is not Dialect.POSTGRES:
            self.run_many(f"{head} (?)", [(one,) for one in ids])
            return
        for start in range(0, len(ids), per):
            chunk = ids[start : start + per]
            self.run(f"{head} ({', '.join('?' * len(chunk))})", list(chunk))

    def run_many(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        """Execute one statement for many parameter rows."""
        if not rows:
            return
        self._last = None
        if self.dialect is Dialect.POSTGRES:
            self.cursor.executemany(to_pyformat(statement), rows)
        else:
            self.cursor.executemany(statement, rows)

    def one(
        self, statement: str, params: tuple[Any, ...] | list[Any] = ()
    ) -> dict[str, Any] | None:
        """Execute a query and return its first row as a dict (or None)."""
        self._before_read()
        self.run(statement, params)
        row = self.cursor.fetchone()
        return None if row is None else dict(row)

    def all(self, statement: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        """Execute a query and return every row as a dict."""
        self._before_read()
        self.run(statement, params)
        return [dict(row) for row in self.cursor.fetchall()]

    def tuples(
        self, statement: str, params: tuple[Any, ...] | list[Any] = ()
    ) -> list[tuple[Any, ...]]:
        """Execute a query and return every row as a tuple of its columns in order: for a
        reader that makes thousands of views of one answer, without a dict per row."""
        self._before_read()
        if self.dialect is Dialect.POSTGRES:  # psycopg makes the tuples (its rows are dicts)
            factory = self.cursor.row_factory
            self.cursor.row_factory = tuple_row
            try:
                self.run(statement, params)
                return list(self.cursor.fetchall())
            finally:
                self.cursor.row_factory = factory
        self.run(statement, params)
        return [tuple(row) for row in self.cursor.fetchall()]

    def batch(
        self, queries: Sequence[tuple[str, Params]], *, named: Collection[int] = ()
    ) -> list[list[Any]]:
        """Several queries' rows, each query's in turn, as tuples (as `tuples` gives them),
        or as dicts for the queries whose places are `named`: on PostgreSQL sent together in
        pipeline mode, so a reader that knows its questions up front waits for one round
        trip instead of one per question."""
        self._before_read()
        if self.dialect is not Dialect.POSTGRES:
            return [
                self.all(statement, params) if place in named else self.tuples(statement, params)
                for place, (statement, params) in enumerate(queries)
            ]
        connection = self.cursor.connection
        cursors = [
            connection.cursor(row_factory=dict_row if place in named else tuple_row)
            for place in range(len(queries))
        ]
        try:
            with connection.pipeline():
                for cursor, (statement, params) in zip(cursors, queries, strict=True):
                    cursor.execute(to_pyformat(statement), params)
            return [list(cursor.fetchall()) for cursor in cursors]
        finally:
            for cursor in cursors:
                cursor.close()

    def scalar(self, statement: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        """Execute a query and return the first column of its first row (or None)."""
        row = self.one(statement, params)
        return None if row is None else next(iter(row.values()))
