"""Rebuilding read models from zero, and verifying the live ones against a rebuild.

A rebuild streams the log in batches into shadow tables (`rebuild_<table>`), one transaction
per batch, without blocking writers. It then takes the writers' lock, applies what was appended
meanwhile, and either swaps the shadow rows into the live tables (rebuild) or compares the two
(verify), all in one transaction.
"""

from __future__ import annotations

import fcntl
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from televent.domain.errors import TeleventError
from televent.infrastructure.database import Dialect
from televent.projections.base import Projection
from televent.projections.engine import ProjectionEngine, all_projections
from televent.projections.index_workers import READ_HERE, IndexWorkers, processes_for
from televent.projections.occurrences import OccurrencesProjection
from televent.projections.queries import ViewReader
from televent.projections.sql import Sql

SHADOW_PREFIX = "rebuild_"
# How long a rebuild's swap on PostgreSQL waits for the live tables before it copies instead.
RENAME_WAIT_MS = 2000


class RebuildBusyError(TeleventError):
    """Another rebuild holds the shadow tables."""


MAX_REPORTED_DIFFERENCES = 20
Progress = Callable[[int, int], None]


@dataclass
class TableDifference:
    """Rows present on one side only, for one table."""

    table: str
    only_live: list[dict[str, object]] = field(default_factory=list)
    only_rebuilt: list[dict[str, object]] = field(default_factory=list)
    count_only_live: int = 0
    count_only_rebuilt: int = 0


@dataclass
class RebuildReport:
    """What a rebuild or verification did."""

    projections: list[str]
    position: int
    events: int
    verified: bool
    differences: list[TableDifference] = field(default_factory=list)
    index_processes: int = 0  # worker processes that read bodies for the occurrence index
    read_by_workers: int = 0  # and how many bodies they read

    @property
    def matches(self) -> bool:
        """Whether the live read models equal the rebuild."""
        return not self.differences


# Objects allocated between collections of the youngest generation while a rebuild streams:
# a replay allocates and frees millions of short-lived objects (decoded events, rows), few of
# them in cycles, and at the default of 700 the collector ran every few events (about a tenth
# of a rebuild's time).
STREAMING_THRESHOLD = 20_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector's youngest generation collected less often for a while,
    and as before afterwards (reference counting still frees everything else at once)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], STREAMING_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


class Rebuilder:
    """Rebuilds or verifies read models."""

    def __init__(
        self,
        engine: ProjectionEngine,
        views: ViewReader,
        batch_size: int = 2000,
        index_processes: int | None = None,
    ) -> None:
        self.engine = engine
        self.views = views
        self.batch_size = batch_size
        # worker processes reading bodies for the occurrence index (None: as the log's length
        # and the cores say, projections/index_workers.py; 0: none)
        self.index_processes = index_processes

    def run(
        self,
        names: list[str] | None = None,
        *,
        verify: bool = False,
        retention_cutoff: Callable[[], str] | None = None,
        progress: Progress | None = None,
    ) -> RebuildReport:
        """Rebuild (or, with `verify`, compare) the named read models, or all of them.

        `retention_cutoff` gives the time before which tombstones may have been purged; it is
        asked inside the final locked step, so a purge cannot slip between it and the compare.
        """
        rebuildable = [p for p in all_projections(SHADOW_PREFIX) if p.rebuildable]
        shadows = [p for p in rebuildable if names is None or p.name in names]
        if names is not None:
            unknown = set(names) - {p.name for p in shadows}
            if unknown:
                raise ValueError(
                    f"Unknown read model: {sorted(unknown)[0]} "
                    f"(rebuildable: {', '.join(p.name for p in rebuildable)})"
                )
        with self._only_rebuild():
            return self._run(shadows, verify, retention_cutoff, progress)

    @contextmanager
    def _only_rebuild(self) -> Iterator[None]:
        """One rebuild at a time (they share the shadow tables); a killed one lets go."""
        if self.engine.dialect is Dialect.POSTGRES:
            with self.views.datastore.get_connection() as connection:
                key = "SELECT pg_try_advisory_lock(hashtext('televent-rebuild')) AS got"
                if not connection.execute(key).fetchone()["got"]:
                    raise RebuildBusyError("Another rebuild is running; try again when it ends.")
                try:
                    yield
                finally:
                    connection.execute("SELECT pg_advisory_unlock(hashtext('televent-rebuild'))")
            return
        path = Path(str(self.views.datastore.pool.db_name) + ".rebuild-lock")
        with path.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RebuildBusyError(
                    "Another rebuild is running; try again when it ends."
                ) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _run(
        self,
        shadows: list[Projection],
        verify: bool,
        retention_cutoff: Callable[[], str] | None,
        progress: Progress | None,
    ) -> RebuildReport:
        with self.views.write() as db:
            self.engine.lock_writers(db)
            for shadow in shadows:
                self._create_shadow_tables(db, shadow)
                shadow.start_from_empty()
            head = self.engine.head(db)
        with self._index_workers(shadows, head) as workers, fewer_collections():
            position, events = self._stream(shadows, head, progress, workers is not None)
        if not verify and self.engine.dialect is Dialect.POSTGRES:
            self._analyze(shadows)
        report = RebuildReport([p.name for p in shadows], position, events, verify)
        if workers is not None:
            report.index_processes, report.read_by_workers = (
                workers.processes,
                workers.read_by_workers,
            )
        with self.views.write() as db:
            self.engine.lock_writers(db)
            final = self.engine.catch_up(db, shadows, position)
            report.events += self._count(db, position, final)
            report.position = final
            cutoff = retention_cutoff() if retention_cutoff is not None else ""
            for shadow in shadows:
                if verify:
                    report.differences.extend(self._compare(db, shadow, cutoff))
                    report.differences.extend(self._compare_position(db, shadow, final))
                else:
                    self._swap(db, shadow, final)
                self._drop_shadow_tables(db, shadow)
        return report

    @contextmanager
    def _index_workers(self, shadows: list[Projection], head: int) -> Iterator[IndexWorkers | None]:
        """Worker processes for the occurrence index while the log streams, when the log is
        long enough (or as many as asked for); None when there are none."""
        processes = processes_for(head, self.index_processes)
        readers = [s for s in shadows if isinstance(s, OccurrencesProjection)]
        if not processes or not readers:
            yield None
            return
        workers = IndexWorkers(processes)
        for reader in readers:
            reader.workers = workers
        try:
            yield workers
        finally:
            for reader in readers:
                reader.workers = READ_HERE
            workers.close()

    def _stream(
        self, shadows: list[Projection], head: int, progress: Progress | None, ahead: bool
    ) -> tuple[int, int]:
        """Replay the log into the shadow tables, one transaction per batch. With `ahead`,
        each transaction also reads the next batch and shows it to the projections before it
        applies this one, so that their workers read it meanwhile."""
        position, events = 0, 0
        following: list[tuple[int, Any]] | None = None
        while True:
            with self.views.write() as db:
                # Writers' lock first: on SQLite a read-then-write transaction would fail on
                # a stale snapshot if another process wrote in between.
                self.engine.lock_writers(db)
                if following is None:
                    batch = self.engine.read_log(db, position, self.batch_size)
                    if ahead:
                        for shadow in shadows:
                            shadow.prepare(batch)
                else:
                    batch = following  # read by the last transaction: the log is append-only
                following = None
                if ahead and batch:
                    following = self.engine.read_log(db, batch[-1][0], self.batch_size)
                    for shadow in shadows:
                        shadow.prepare(following)
                with db.pipeline():
                    for notification_id, event in batch:
                        for shadow in shadows:
                            shadow.apply(db, event, notification_id)
                    for shadow in shadows:
                        shadow.flush(db)
            if not batch:
                return position, events
            position, events = batch[-1][0], events + len(batch)
            if progress is not None:
                progress(position, max(head, position))

    def _analyze(self, shadows: list[Projection]) -> None:
        """PostgreSQL: the planner's statistics of the shadow tables gathered before the swap,
        outside the writers' lock, so that the tables taking the live ones' places are read
        with the plans the old ones had (a renamed table keeps its statistics; a new one has
        none until autovacuum comes by)."""
        with self.views.write() as db:
            for shadow in shadows:
                for table in shadow.tables:
                    db.run(f"ANALYZE {SHADOW_PREFIX}{table}")

    def _compare_position(self, db: Sql, shadow: Projection, final: int) -> list[TableDifference]:
        live_position = self.engine.position(db, shadow.name)
        if live_position == final:
            return []
        return [
            TableDifference(
                f"projection_positions[{shadow.name}]",
                [{"position": live_position}],
                [{"position": final}],
                1,
                1,
            )
        ]

    def _count(self, db: Sql, after: int, upto: int) -> int:
        if upto <= after:
            return 0
        column = "notification_id" if self.engine.dialect is Dialect.POSTGRES else "rowid"
        return int(
            db.scalar(
                f"SELECT COUNT(*) AS n FROM {self.engine.events_table} "
                f"WHERE {column} > ? AND {column} <= ?",
                (after, upto),
            )
            or 0
        )

    def _create_shadow_tables(self, db: Sql, shadow: Projection) -> None:
        for table in shadow.tables:
            db.run(f"DROP TABLE IF EXISTS {SHADOW_PREFIX}{table}")
            if self.engine.dialect is Dialect.POSTGRES:
                db.run(f"CREATE TABLE {SHADOW_PREFIX}{table} (LIKE {table} INCLUDING ALL)")
                continue
            for row in db.all(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
                "AND type IN ('table', 'index') "
                "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END",
                (table,),
            ):
                statement = row["sql"]
                if row["type"] == "index":
                    statement = re.sub(
                        rf"\b{re.escape(row['name'])}\b",
                        SHADOW_PREFIX + row["name"],
                        statement,
                        count=1,
                    )
                statement = re.sub(rf"\b{re.escape(table)}\b", SHADOW_PREFIX + table, statement)
                db.run(statement)

    def _drop_shadow_tables(self, db: Sql, shadow: Projection) -> None:
        for table in shadow.tables:
            db.run(f"DROP TABLE IF EXISTS {SHADOW_PREFIX}{table}")

    def _swap(self, db: Sql, shadow: Projection, position: int) -> None:
        if self.engine.dialect is not Dialect.POSTGRES:
            # SQLite's RENAME checks the triggers against a schema that lacks the dropped
            # table for a moment: its rows are copied instead.
            _swap_by_copying(db, shadow.tables)
        else:
            # Dropping a live table waits for everyone reading it. A reader that holds it for
            # long (a backup's snapshot) gets the rows copied instead, so that the readers
            # queued behind the drop wait at most RENAME_WAIT_MS; so does a shadow whose
            # indexes cannot be told apart by their definitions.
            db.run("SAVEPOINT swap")
            db.run(f"SET LOCAL lock_timeout = '{RENAME_WAIT_MS}ms'")
            try:
                _swap_by_renaming(db, shadow.tables)
            except (psycopg.errors.LockNotAvailable, _NotRenamedError):
                db.run("ROLLBACK TO SAVEPOINT swap")
                _swap_by_copying(db, shadow.tables)
            db.run("RELEASE SAVEPOINT swap")
            db.run("SET LOCAL lock_timeout = DEFAULT")
        self.engine.set_position(db, shadow.name, position)

    def _compare(self, db: Sql, shadow: Projection, retention_cutoff: str) -> list[TableDifference]:
        filters = shadow.comparison_filters(retention_cutoff) if retention_cutoff else {}
        differences = []
        for table in shadow.tables:
            where = f" WHERE {filters[table]}" if table in filters else ""
            live = f"SELECT * FROM {table}{where}"
            rebuilt = f"SELECT * FROM {SHADOW_PREFIX}{table}{where}"
            only_live = db.all(f"{live} EXCEPT {rebuilt}")
            only_rebuilt = db.all(f"{rebuilt} EXCEPT {live}")
            if only_live or only_rebuilt:
                differences.append(
                    TableDifference(
                        table,
                        only_live[:MAX_REPORTED_DIFFERENCES],
                        only_rebuilt[:MAX_REPORTED_DIFFERENCES],
                        len(only_live),
                        len(only_rebuilt),
                    )
                )
        return differences


def _swap_by_copying(db: Sql, tables: tuple[str, ...]) -> None:
    """The shadow tables' rows copied into the emptied live tables: children before parents
    when emptying, parents first when filling (the integrity rules)."""
    for table in reversed(tables):
        db.run(f"DELETE FROM {table}")
    for table in tables:
        db.run(f"INSERT INTO {table} SELECT * FROM {SHADOW_PREFIX}{table}")


class _NotRenamedError(Exception):
    """The shadow's indexes cannot each be given a live index's name."""


_INDEX_DEFINITION = re.compile(r"^CREATE (UNIQUE )?INDEX \S+ ON \S+ (.*)$")


def _swap_by_renaming(db: Sql, tables: tuple[str, ...]) -> None:
    """PostgreSQL: the shadow tables take the live tables' places, with their names, their
    indexes' and constraints' names and the foreign keys that join them, instead of their rows
    being copied (a third of a rebuild's time went on the copy). Readers see the old tables
    until the transaction commits; the drop waits for those reading them now."""
    foreign_keys = db.all(
        "SELECT c.conname AS name, t.relname AS owner, pg_get_constraintdef(c.oid) AS definition "
        "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
        "JOIN pg_class r ON r.oid = c.confrelid "
        "WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace "
        "AND (t.relname = ANY(?) OR r.relname = ANY(?)) ORDER BY c.conname",
        (list(tables), list(tables)),
    )
    for key in foreign_keys:
        db.run(f'ALTER TABLE {key["owner"]} DROP CONSTRAINT "{key["name"]}"')
    for table in tables:
        live = _indexes(db, table)
        rebuilt = _indexes(db, SHADOW_PREFIX + table)
        if live.keys() != rebuilt.keys():
            raise _NotRenamedError(table)
        db.run(f"DROP TABLE {table}")
        db.run(f"ALTER TABLE {SHADOW_PREFIX}{table} RENAME TO {table}")
        for shape, name in rebuilt.items():
            db.run(f'ALTER INDEX "{name}" RENAME TO "{live[shape]}"')
    for key in foreign_keys:
        db.run(f'ALTER TABLE {key["owner"]} ADD CONSTRAINT "{key["name"]}" {key["definition"]}')


def _indexes(db: Sql, table: str) -> dict[tuple[bool, str], str]:
    """A table's indexes by their shape (unique or not, and what follows the table's name in
    their definition), each with its name."""
    found = {}
    for row in db.all(
        "SELECT indexname, indexdef FROM pg_indexes "
        "WHERE schemaname = current_schema() AND tablename = ?",
        (table,),
    ):
        match = _INDEX_DEFINITION.match(row["indexdef"])
        if match is None:
            raise _NotRenamedError(row["indexdef"])
        shape = (bool(match.group(1)), match.group(2))
        if shape in found:
            raise _NotRenamedError(row["indexdef"])
        found[shape] = row["indexname"]
    return found
