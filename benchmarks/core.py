"""Core throughput: commands/s and rebuild events/s against the raw limits, on both backends.

Run with `make bench` (or `python -m benchmarks.core --help`). Each round measures, one after
the other on the same database server and the same machine load:

- raw:      a single-row INSERT + COMMIT with the bare driver (sqlite3 / psycopg);
- es-save:  eventsourcing `Application.save()` of a one-event aggregate (library recorder);
- command:  `Televent.put_object` of a realistic event with two attendees, end to end through
            the domain, the event store and every read model (one transaction);
- rebuild:  `projections rebuild` of the whole log (streamed, batched), in events per second,
            in one process, then (in turn) with the occurrence index's bodies read by the worker
            processes a long log gets (projections/index_workers.py).

Rounds are interleaved and the medians reported, with the command rate as a ratio of the
es-save rate measured in the same round. PostgreSQL is expected at 127.0.0.1:5432
(override with TELEVENT_BENCH_POSTGRES_URL).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from benchmarks.caldav import event
from televent.application.televent import Televent
from televent.bootstrap import build_application, event_store_environment
from televent.config import Settings
from televent.domain.values import calendar_id_for
from televent.infrastructure.database import DatabaseUrl
from televent.projections.index_workers import MIN_EVENTS, processes_for
from televent.projections.rebuild import Rebuilder

ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
ACTOR, SOURCE = "system:", "cli:bench"


class Thing(Aggregate):
    """A one-event aggregate for the raw eventsourcing save rate."""


def realistic_event(n: int) -> str:
    """An event as clients send it: VTIMEZONE, VALARM, organizer and two attendees (the same
    event the CalDAV workload benchmark writes)."""
    return event(n, f"bench-{n}").decode("utf-8")


def rate(count: int, work: Callable[[], None]) -> float:
    started = time.perf_counter()
    work()
    return count / (time.perf_counter() - started)


class Target:
    """One backend: hands out empty databases and the raw-driver connection."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind = kind
        self.folder = folder
        self.count = 0
        self.databases: list[str] = []

    def drop_databases(self) -> None:
        """Remove the PostgreSQL databases this run created."""
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            for name in self.databases:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def fresh_url(self) -> str:
        self.count += 1
        if self.kind == "sqlite":
            return f"sqlite:///{self.folder}/bench-{self.count}.db"
        name = f"televent_bench_{os.getpid()}_{self.count}"
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.databases.append(name)
        return f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"

    def raw_insert_rate(self, n: int) -> float:
        url = DatabaseUrl.parse(self.fresh_url())
        if self.kind == "sqlite":
            conn = sqlite3.connect(url.path, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")

            def work() -> None:
                for i in range(n):
                    conn.execute("BEGIN")
                    conn.execute("INSERT INTO t (body) VALUES (?)", (f"row {i}",))
                    conn.execute("COMMIT")

            result = rate(n, work)
            conn.close()
            return result
        with psycopg.connect(host=url.host, port=url.port, user=url.user, dbname=url.dbname) as pg:
            pg.execute("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, body TEXT)")
            pg.commit()

            def work_pg() -> None:
                for i in range(n):
                    pg.execute("INSERT INTO t (body) VALUES (%s)", (f"row {i}",))
                    pg.commit()

            return rate(n, work_pg)

    def es_save_rate(self, n: int) -> float:
        env = event_store_environment(DatabaseUrl.parse(self.fresh_url()))
        app: Application[uuid.UUID] = Application(env)
        result = rate(n, lambda: [app.save(Thing()) for _ in range(n)] and None)
        app.close()
        return result

    def command_app(self) -> Televent:
        return build_application(Settings(database_url=self.fresh_url()))


def command_rate(app: Televent, n: int, offset: int) -> float:
    account = app.register_account(1, name="Bench", actor=ACTOR, source=SOURCE)
    calendar_id = calendar_id_for(account.account_id, "default")
    bodies = [realistic_event(offset + i) for i in range(n)]

    def work() -> None:
        for i, body in enumerate(bodies):
            app.put_object(calendar_id, f"{offset + i}.ics", body, actor=ACTOR, source=SOURCE)

    return rate(n, work)


def rebuild_rate(app: Televent, index_processes: int | None = None) -> tuple[float, int]:
    rebuilder = Rebuilder(app.engine, app.views, index_processes=index_processes)
    started = time.perf_counter()
    report = rebuilder.run()
    return report.events / (time.perf_counter() - started), report.events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("-n", type=int, default=400, help="writes per measurement")
    parser.add_argument(
        "--rebuild-events",
        type=int,
        default=20000,
        help="approximate log size for the rebuild measurement",
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        targets = [Target(kind, Path(folder)) for kind in args.backends.split(",")]
        results: dict[str, dict[str, list[float]]] = {
            t.kind: {"raw": [], "es": [], "cmd": [], "ratio": []} for t in targets
        }
        for round_number in range(args.rounds):
            for target in targets:
                row = results[target.kind]
                row["raw"].append(target.raw_insert_rate(args.n))
                row["es"].append(target.es_save_rate(args.n))
                app = target.command_app()
                row["cmd"].append(command_rate(app, args.n, 0))
                app.close()
                row["ratio"].append(row["cmd"][-1] / row["es"][-1])
                print(
                    f"round {round_number + 1} {target.kind}: raw {row['raw'][-1]:.0f}/s, "
                    f"es-save {row['es'][-1]:.0f}/s, command {row['cmd'][-1]:.0f}/s",
                    file=sys.stderr,
                )
        rebuilds: dict[str, list[float]] = {t.kind: [] for t in targets}
        # the same rebuild with the occurrence index's bodies read by as many worker processes
        # as a long log gets on this machine (projections/index_workers.py), in turn with it
        workers = processes_for(MIN_EVENTS)
        with_workers: dict[str, list[float]] = {t.kind: [] for t in targets}
        sizes: dict[str, int] = {}
        for target in targets:
            app = target.command_app()
            # Each put of a new event appends one event; fill the log to the requested size.
            command_rate(app, args.rebuild_events, 0)
            for _ in range(max(3, args.rounds // 2)):
                events_per_second, events = rebuild_rate(app, 0)
                rebuilds[target.kind].append(events_per_second)
                sizes[target.kind] = events
                with_workers[target.kind].append(rebuild_rate(app, workers)[0])
            app.close()
        for target in targets:
            if target.kind == "postgresql":
                target.drop_databases()

    print(
        "\n| backend | raw INSERT+COMMIT /s | eventsourcing save /s | command /s | "
        f"command / save | rebuild events/s (log size) | … with index workers ({workers}) |"
    )
    print("|---|---|---|---|---|---|---|")
    for kind, row in results.items():
        median = statistics.median
        print(
            f"| {kind} | {median(row['raw']):.0f} | {median(row['es']):.0f} | "
            f"{median(row['cmd']):.0f} | {median(row['ratio']):.0%} | "
            f"{median(rebuilds[kind]):.0f} ({sizes[kind]}) | {median(with_workers[kind]):.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
