"""The audit timeline on a big log: `audit account` against a full scan, on both backends.

Run from the repository root with the project's interpreter (`make bench` runs it too):

    .venv/bin/python -m benchmarks.audit                  # 1,000,000 events per backend
    .venv/bin/python -m benchmarks.audit --events 50000   # a quick run
    TELEVENT_BENCH_AUDIT_EVENTS=50000 make bench          # the same size through make

Building the log. For each backend (a SQLite file in a temporary folder; a fresh PostgreSQL
database `televent_auditbench_<pid>` at 127.0.0.1:5432, dropped at the end;
TELEVENT_BENCH_POSTGRES_URL overrides the admin URL) the application creates the schema, then
the log is bulk-loaded instead of running one command per event: domain events are made from
realistic templates (an event with VTIMEZONE, VALARM, organizer and two attendees, carrying its
iCalendar body and facts as commands do), turned into stored events by the application's own
mapper (so they are encoded and sealed exactly as in production), and inserted with their
notification positions in transactions of one block of accounts (SQLite `executemany`,
PostgreSQL binary `COPY`). The same transaction writes the rows the real `audit_index` and
`directory` projections produce for those events (their handlers run against a buffer whose
writes are then executed in bulk). Every projection's position is then set to the head, so the
other read models (calendar view, attendee index, queues) stay empty: the audit does not read
them. On PostgreSQL the loader ends with `ANALYZE`, as autovacuum would on a live database.

The log has many accounts (each an Account and a Calendar, then 10-60 calendar events of 1-10
versions each: creation, then edits and answers in turn; about 200 events per account), written
interleaved within blocks of 1,000 accounts, ten seconds apart. One target account, in the
middle of the log, has 50 events of 6 versions (302 events of its own), and is invited to 20
events in other people's calendars, where it also answers.

Measured, after reopening the application as the command line does:

- audit:  `Audit.account_timeline` of the target (index lookups, its aggregates read by
          originator id, decoded and diffed), median of --runs;
- cli:    `televent audit account <id> --json` as a subprocess (interpreter start included),
          median of 3;
- scan:   reading every stored event in position order in batches of 5,000 without decoding
          (median of --scan-runs), and reading and decoding them all through the mapper while
          picking the target's events, what an audit without the index would do (median of
          --decoded-scan-runs, default 1: on PostgreSQL one pass takes half an hour here).

Progress goes to stderr, the Markdown table to stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from benchmarks.caldav import TIMEZONE
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.account import Account
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.ical import facts_of, parse_calendar_object, property_changes
from televent.domain.values import account_id_for, calendar_event_id_for, calendar_id_for
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.ops.audit import Audit
from televent.projections.audit_index import AuditIndexProjection
from televent.projections.directory import DirectoryProjection
from televent.projections.rebuild import Rebuilder
from televent.projections.sql import Sql

ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
DEFAULT_EVENTS = int(os.environ.get("TELEVENT_BENCH_AUDIT_EVENTS", "1000000"))
ROOT = Path(__file__).resolve().parents[1]
DOMAIN = "televent.internal"
BLOCK_ACCOUNTS = 1000
REVISIONS = 6
TARGET_AGGREGATES, TARGET_VERSIONS, TARGET_INVITATIONS = 50, 6, 20
SCAN_BATCH = 5000
START = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)
SPACING = dt.timedelta(seconds=10)
UID_MARK = "@@UID@@"


# --- templates: what commands would have appended ---------------------------------------------


def body(revision: int, guests: list[str]) -> str:
    """Revision r of a meeting: even revisions move it and rename it (answers reset), odd
    revisions record the first guest's acceptance."""
    moved = revision // 2
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Televent bench//EN",
        *TIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{UID_MARK}",
        "DTSTAMP:20260105T080000Z",
        f"SEQUENCE:{moved}",
        f"DTSTART;TZID=Europe/Berlin:20260310T{9 + moved:02d}0000",
        f"DTEND;TZID=Europe/Berlin:20260310T{10 + moved:02d}0000",
        f"SUMMARY:Planning, take {moved + 1}",
        "LOCATION:Room 4",
        "ORGANIZER;CN=Organizer:mailto:organizer@example.com",
    ]
    for index, guest in enumerate(guests):
        partstat = "ACCEPTED" if index == 0 and revision % 2 == 1 else "NEEDS-ACTION"
        lines.append(f"ATTENDEE;CN=Guest;PARTSTAT={partstat};RSVP=TRUE:mailto:{guest}")
    lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:Reminder"]
    lines += ["END:VALARM", "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


@dataclass(frozen=True)
class Revision:
    """One revision of a template: its body, facts and the changes from the one before."""

    ical: str
    facts: dict[str, Any]
    changes: dict[str, Any]
    answered: str  # the guest whose answer an odd revision records


def revisions(guests: list[str]) -> list[Revision]:
    """The REVISIONS bodies of a meeting with these guests, parsed once."""
    parsed = [parse_calendar_object(body(r, guests)) for r in range(REVISIONS)]
    return [
        Revision(
            obj.text,
            facts_of(obj),
            property_changes(parsed[r - 1], obj) if r else {},
            guests[0],
        )
        for r, obj in enumerate(parsed)
    ]


def domain_event(cls: type, originator_id: uuid.UUID, version: int, **fields: Any) -> Any:
    """A domain event object as the aggregate would have made it."""
    event = object.__new__(cls)
    object.__setattr__(
        event,
        "__dict__",
        {"originator_id": originator_id, "originator_version": version, **fields},
    )
    return event


# --- the plan of the log ----------------------------------------------------------------------


@dataclass
class AccountPlan:
    """One account's aggregates: the versions of each calendar event, and which of them are
    invitations of the target (the target answers at the second version)."""

    index: int
    versions: list[int]
    invites_target: set[int] = field(default_factory=set)

    @property
    def telegram_id(self) -> int:
        return 1000 + self.index

    @property
    def size(self) -> int:
        return 2 + sum(self.versions)


def plan(events: int, seed: int = 7) -> tuple[list[AccountPlan], AccountPlan]:
    """Accounts until the log holds about `events` events; the target in the middle."""
    rng = random.Random(seed)
    accounts: list[AccountPlan] = []
    total = 0
    while total < events:
        versions = [rng.randint(1, 10) for _ in range(rng.randint(10, 60))]
        accounts.append(AccountPlan(len(accounts), versions))
        total += accounts[-1].size
    middle = len(accounts) // 2
    target = AccountPlan(middle, [TARGET_VERSIONS] * TARGET_AGGREGATES)
    accounts[middle] = target
    block_start = middle - middle % BLOCK_ACCOUNTS
    hosts = [a for a in accounts[block_start : block_start + BLOCK_ACCOUNTS] if a is not target]
    for host in rng.sample(hosts, min(TARGET_INVITATIONS, len(hosts))):
        host.invites_target.add(0)
        host.versions[0] = max(host.versions[0], 2)
    return accounts, target


class Generator:
    """Turns account plans into domain events (ids, fields, times as commands make them)."""

    def __init__(self, target: AccountPlan) -> None:
        self.target_address = f"tg_{target.telegram_id}@{DOMAIN}"
        self.target_actor = f"account:{account_id_for(target.telegram_id)}"
        self.target_chat = f"bot:{target.telegram_id}"
        self.plain = revisions(["bob@example.com", "carol@example.com"])
        self.inviting = revisions([self.target_address, "bob@example.com"])

    def account_events(self, account: AccountPlan) -> list[Any]:
        """The account's events in the order its commands appended them (no times yet)."""
        account_id = account_id_for(account.telegram_id)
        calendar_id = calendar_id_for(account_id, "default")
        actor = f"account:{account_id}"
        events = [
            domain_event(
                Account.AccountRegistered,
                account_id,
                1,
                originator_topic=get_topic(Account),
                telegram_id=account.telegram_id,
                name=f"User {account.telegram_id}",
                timezone="Europe/Berlin",
                actor="system:",
                source="cli:operator",
            ),
            domain_event(
                Calendar.CalendarCreated,
                calendar_id,
                1,
                originator_topic=get_topic(Calendar),
                account_id=account_id,
                slug="default",
                properties={"display_name": "Calendar", "timezone": "Europe/Berlin"},
                actor="system:",
                source="cli:operator",
            ),
        ]
        for number, versions in enumerate(account.versions):
            invites = number in account.invites_target
            uid = f"{account.index}-{number}@bench.example.com"
            aggregate = calendar_event_id_for(calendar_id, uid)
            context = (account_id, calendar_id, aggregate, uid, actor, invites)
            events += [self.version(context, v) for v in range(1, versions + 1)]
        return events

    def version(self, context: tuple[Any, ...], version: int) -> Any:
        """Version `version` of one calendar event: created, then edited and answered in turn."""
        account_id, calendar_id, aggregate, uid, actor, invites = context
        revision = (self.inviting if invites else self.plain)[(version - 1) % REVISIONS]
        common = {
            "account_id": account_id,
            "calendar_id": calendar_id,
            "ical": revision.ical.replace(UID_MARK, uid),
            "facts": {**revision.facts, "uid": uid},
            "actor": actor,
            "source": "caldav:Work laptop",
        }
        if version == 1:
            return domain_event(
                CalendarEvent.EventCreated,
                aggregate,
                1,
                originator_topic=get_topic(CalendarEvent),
                uid=uid,
                href=f"{uid}.ics",
                **common,
            )
        if (version - 1) % REVISIONS % 2 == 1:
            answerer = {"actor": "address:bob@example.com", "source": f"email:<{uid}>"}
            if invites:
                answerer = {"actor": self.target_actor, "source": self.target_chat}
            return domain_event(
                CalendarEvent.RsvpGiven,
                aggregate,
                version,
                address=revision.answered,
                partstat="ACCEPTED",
                recurrence_id=None,
                **{**common, **answerer},
            )
        return domain_event(
            CalendarEvent.EventUpdated, aggregate, version, changes=revision.changes, **common
        )


def interleaved(lists: list[list[Any]]) -> Iterator[Any]:
    """Round-robin over the accounts' events, each account's own order kept."""
    cursors = [iter(items) for items in lists]
    while cursors:
        alive = []
        for cursor in cursors:
            item = next(cursor, None)
            if item is not None:
                alive.append(cursor)
                yield item
        cursors = alive


# --- loading ----------------------------------------------------------------------------------


class WriteBuffer:
    """Stands in for `Sql` while projections index generated events: keeps their writes, in
    order, per statement, to execute them in bulk."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self.pending: dict[Any, Any] = {}

    def run(self, statement: str, params: tuple[Any, ...] | list[Any] = ()) -> None:
        self.rows[statement].append(tuple(params))

    def run_many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        self.rows[statement].extend(rows)

    def execute(self, db: Sql) -> None:
        for statement, rows in self.rows.items():
            db.run_many(statement, rows)
        self.rows.clear()


class Loader:
    """Bulk-loads generated events into one backend's event store and read models."""

    def __init__(self, app: Televent, url: DatabaseUrl) -> None:
        self.app = app
        self.url = url
        self.position = 0
        self.projections = [AuditIndexProjection(), DirectoryProjection()]
        if url.dialect is Dialect.SQLITE:
            self.connection: Any = sqlite3.connect(url.path, isolation_level=None)
            self.connection.execute("PRAGMA synchronous=OFF")  # the build only, not measured
        else:
            self.connection = psycopg.connect(
                host=url.host, port=url.port, user=url.user, dbname=url.dbname
            )

    def load_block(self, events_by_account: list[list[Any]]) -> None:
        """Seal the block's events (account by account: one key lookup each), then write
        them interleaved, with their index rows, in one transaction."""
        ordered = list(interleaved(events_by_account))
        positions: dict[int, int] = {}
        for event in ordered:
            self.position += 1
            positions[id(event)] = self.position
            event.__dict__["timestamp"] = START + SPACING * self.position
        sealed = sorted(
            (
                (positions[id(event)], self.app.mapper.to_stored_event(event))
                for events in events_by_account
                for event in events
            ),
            key=lambda pair: pair[0],
        )
        buffer = WriteBuffer()
        for event in ordered:
            for projection in self.projections:
                projection.apply(buffer, event, positions[id(event)])  # type: ignore[arg-type]
        if self.url.dialect is Dialect.SQLITE:
            self._write_sqlite(sealed, buffer)
        else:
            self._write_postgres(sealed, buffer)

    def _write_sqlite(self, rows: list[tuple[int, StoredEvent]], buffer: WriteBuffer) -> None:
        cursor = self.connection.cursor()
        cursor.execute("BEGIN")
        cursor.executemany(
            f"INSERT INTO {self.app.events_table} "
            "(rowid, originator_id, originator_version, topic, state) VALUES (?, ?, ?, ?, ?)",
            [(p, s.originator_id.hex, s.originator_version, s.topic, s.state) for p, s in rows],
        )
        buffer.execute(Sql(cursor, Dialect.SQLITE))
        cursor.execute("COMMIT")

    def _write_postgres(self, rows: list[tuple[int, StoredEvent]], buffer: WriteBuffer) -> None:
        with self.connection.transaction(), self.connection.cursor() as cursor:
            with cursor.copy(
                f"COPY {self.app.events_table} (notification_id, originator_id, "
                "originator_version, topic, state) FROM STDIN (FORMAT BINARY)"
            ) as copy:
                copy.set_types(["int8", "uuid", "int8", "text", "bytea"])
                for p, s in rows:
                    copy.write_row((p, s.originator_id, s.originator_version, s.topic, s.state))
            buffer.execute(Sql(cursor, Dialect.POSTGRES))

    def finish(self) -> None:
        """Every read model at the head (the bulk-loaded ones are complete, the others empty
        and unused here); on PostgreSQL the sequence after the last position, and statistics."""
        statement = "UPDATE projection_positions SET position = ?"
        if self.url.dialect is Dialect.POSTGRES:
            self.connection.execute(statement.replace("?", "%s"), (self.position,))
            self.connection.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'notification_id'), %s)",
                (self.app.events_table, self.position),
            )
            self.connection.commit()
            # What autovacuum does on a live database: without statistics the planner would
            # not know that a few originator ids select few rows.
            self.connection.autocommit = True
            self.connection.execute("ANALYZE")
        else:
            self.connection.execute(statement, (self.position,))
        self.connection.close()


def build_log(app: Televent, url: DatabaseUrl, events: int, say: Callable[[str], None]) -> Any:
    """Fill the database; return the plan's figures."""
    accounts, target = plan(events)
    generator = Generator(target)
    loader = Loader(app, url)
    started = time.perf_counter()
    for start in range(0, len(accounts), BLOCK_ACCOUNTS):
        block = accounts[start : start + BLOCK_ACCOUNTS]
        loader.load_block([generator.account_events(a) for a in block])
        say(f"  {loader.position:,} events loaded ({time.perf_counter() - started:.0f} s)")
    loader.finish()
    return BuiltLog(loader.position, len(accounts), target.telegram_id, target.size,
                    time.perf_counter() - started)  # fmt: skip


@dataclass(frozen=True)
class BuiltLog:
    """What was loaded."""

    events: int
    accounts: int
    target: int
    target_own_events: int
    seconds: float


# --- measuring --------------------------------------------------------------------------------


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def scan_rows(app: Televent) -> int:
    """Read every stored event in position order, without decoding; return the bytes read."""
    column = "notification_id" if app.dialect is Dialect.POSTGRES else "rowid"
    total, position = 0, 0
    with app.views.read() as db:
        while True:
            rows = db.all(
                f"SELECT {column} AS position, originator_id, originator_version, topic, state "
                f"FROM {app.events_table} WHERE {column} > ? ORDER BY {column} LIMIT ?",
                (position, SCAN_BATCH),
            )
            if not rows:
                return total
            total += sum(len(row["state"]) for row in rows)
            position = int(rows[-1]["position"])


def scan_decoded(app: Televent, telegram_id: int) -> int:
    """Read and decode every event, keeping those of or by the target account (what an audit
    without the index would do); return how many were kept."""
    account_id = account_id_for(telegram_id)
    actor = f"account:{account_id}"
    kept, position = 0, 0
    with app.views.read() as db:
        while True:
            batch = app.engine.read_log(db, position, SCAN_BATCH)
            if not batch:
                return kept
            for _, event in batch:
                owner = getattr(event, "account_id", event.originator_id)
                kept += owner == account_id or getattr(event, "actor", None) == actor
            position = batch[-1][0]


def cli_run(url: str, telegram_id: int) -> float:
    env = {**os.environ, "TELEVENT_DATABASE_URL": url, "PYTHONPATH": str(ROOT / "src")}
    seconds, result = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "televent", "audit", "account", str(telegram_id), "--json"],
            env=env,
            capture_output=True,
            check=False,
            timeout=600,
        )
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.decode()[-2000:])
    return float(seconds)


@dataclass
class Figures:
    """One backend's results."""

    backend: str
    log: BuiltLog
    entries: int = 0
    aggregates: int = 0
    audit: list[float] = field(default_factory=list)
    cli: list[float] = field(default_factory=list)
    scan_rows: list[float] = field(default_factory=list)
    scan_decoded: list[float] = field(default_factory=list)
    scan_kept: int = 0


def measure(kind: str, url: str, args: argparse.Namespace, say: Callable[[str], None]) -> Figures:
    say(f"{kind}: building a log of about {args.events:,} events")
    app = build_application(Settings(database_url=url, internal_domain=DOMAIN))
    try:
        log = build_log(app, DatabaseUrl.parse(url), args.events, say)
    finally:
        app.close()
    figures = Figures(kind, log)
    app = build_application(Settings(database_url=url, internal_domain=DOMAIN))
    try:
        if args.verify_index:
            verify_index(app, say)
        for _ in range(args.runs):
            seconds, entries = timed(lambda: Audit(app).account_timeline(log.target))
            figures.audit.append(seconds)
        figures.entries = len(entries)
        figures.aggregates = len({e.aggregate_id for e in entries})
        say(f"{kind}: audit account {statistics.median(figures.audit) * 1000:.1f} ms "
            f"(first {figures.audit[0] * 1000:.1f} ms, {figures.entries} entries)")  # fmt: skip
        if args.profile:
            profile(app, log.target)
        figures.cli = [cli_run(url, log.target) for _ in range(3)]
        for _ in range(args.scan_runs):
            figures.scan_rows.append(timed(lambda: scan_rows(app))[0])
            say(f"{kind}: scan without decoding {figures.scan_rows[-1]:.1f} s")
        for _ in range(args.decoded_scan_runs):
            seconds, figures.scan_kept = timed(lambda: scan_decoded(app, log.target))
            figures.scan_decoded.append(seconds)
            say(f"{kind}: scan with decoding {seconds:.1f} s ({figures.scan_kept} kept)")
    finally:
        app.close()
    return figures


def verify_index(app: Televent, say: Callable[[str], None]) -> None:
    """The bulk load must leave what the projections would have built from the log."""
    rebuild = Rebuilder(app.engine, app.views).run(["audit_index", "directory"], verify=True)
    if not rebuild.matches:
        raise RuntimeError(f"bulk-loaded index differs from a rebuild: {rebuild.differences}")
    say(f"  audit_index and directory equal a rebuild from {rebuild.events:,} events")


def profile(app: Televent, telegram_id: int) -> None:
    """Where one `audit account` spends its time (to stderr)."""
    profiler = cProfile.Profile()
    profiler.runcall(Audit(app).account_timeline, telegram_id)
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)


HEADER = (
    "| backend | events (accounts) | build s | target: entries (aggregates) | "
    "audit account, median ms (first run) | CLI audit account, median ms | "
    "full scan, rows only, median s | full scan, decoded, s | decoded scan / audit |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def report_row(f: Figures) -> str:
    """One backend's line of the Markdown table."""
    audit = statistics.median(f.audit)
    scan = statistics.median(f.scan_decoded) if f.scan_decoded else None
    rows = f"{statistics.median(f.scan_rows):,.1f}" if f.scan_rows else "-"
    return (
        f"| {f.backend} | {f.log.events:,} ({f.log.accounts:,}) | {f.log.seconds:,.0f} | "
        f"{f.entries} ({f.aggregates}) | {audit * 1000:,.1f} ({f.audit[0] * 1000:,.1f}) | "
        f"{statistics.median(f.cli) * 1000:,.0f} | {rows} | "
        + ("- | - |" if scan is None else f"{scan:,.1f} | {scan / audit:,.0f}x |")
    )


class Databases:
    """Hands out one database per backend and removes them at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.postgres: list[str] = []

    def url(self, kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{self.folder}/audit-bench.db"
        name = f"televent_auditbench_{os.getpid()}"
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.postgres.append(name)
        return f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"

    def drop(self) -> None:
        if not self.postgres:
            return
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            for name in self.postgres:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--events",
        type=int,
        default=DEFAULT_EVENTS,
        help="log size (default 1,000,000, or TELEVENT_BENCH_AUDIT_EVENTS)",
    )
    parser.add_argument("--runs", type=int, default=7, help="audit runs (median)")
    parser.add_argument(
        "--scan-runs", type=int, default=3, help="full scans without decoding (median)"
    )
    parser.add_argument(
        "--decoded-scan-runs",
        type=int,
        default=1,
        help="full scans decoding every event (median; one takes minutes on a big log)",
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--verify-index",
        action="store_true",
        help="check the bulk-loaded audit_index and directory against a rebuild from the log",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile one audit account")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    signal.signal(signal.SIGTERM, stop)  # a killed run still drops its databases
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        databases = Databases(Path(folder))
        try:
            for kind in args.backends.split(","):
                print(report_row(measure(kind, databases.url(kind), args, say)), flush=True)
        finally:
            databases.drop()
    return 0


def stop(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    sys.exit(main())
