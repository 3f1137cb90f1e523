"""Shared fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL is expected at 127.0.0.1:5432 (override with TELEVENT_TEST_POSTGRES_URL, which names
an existing database the tests may create databases from). Without it, PostgreSQL tests skip,
unless TELEVENT_REQUIRE_POSTGRES is set (CI sets it): then the skip becomes a failure.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import argon2
import eventsourcing.domain
import psycopg
import pytest
from hypothesis import settings
from psycopg import sql

from televent.application import accounts
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from tests.smtpsink import Recorder, smtp_server

# No example has a deadline: time is measured in `make bench`, and a deadline is a timed
# assert that a loaded machine fails. CI replays the same examples on every run, so a red or
# green result can be reproduced.
settings.register_profile("televent", deadline=None)
settings.register_profile(
    "ci", parent=settings.get_profile("televent"), derandomize=True, print_blob=True
)
settings.load_profile("ci" if os.environ.get("CI") else "televent")

# Device passwords are hashed at Argon2id's recommended costs, a tenth of a second a hash and
# again a check here; the storage tests issue hundreds, hypothesis examples one each. In this
# process they are hashed at the lowest costs instead (a hash carries its costs, so checking it
# costs what making it did). test_application.py checks the production costs, and the
# programs the tests start (servers, the command line) hash with them.
PRODUCTION_PASSWORD_HASHER = accounts.PASSWORD_HASHER
accounts.PASSWORD_HASHER = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

ADMIN_URL = os.environ.get(
    "TELEVENT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ["sqlite", "postgresql"]

# Erasures made by the programs the tests start are journaled in the test run's own folder,
# never in the home directory's default (ops/erasure_journal.py); a test that reads the journal
# sets its own.
os.environ.setdefault(
    "TELEVENT_ERASURE_JOURNAL",
    str(Path(tempfile.mkdtemp(prefix="televent-tests-journal-")) / "erasures.jsonl"),
)


# The end-to-end suites run in `make test-e2e`, not in `make test`: everything through a running
# `televent serve` (tests/e2e: the corpus through every surface, vdirsyncer, kill -9 and several
# processes among them), real browsers and real CalDAV clients, and the kill -9 tests of the
# writer. They carry the `slow` marker; `make test` deselects it.
SLOW_DIRECTORIES = ("e2e", "browser", "clients")
SLOW_FILES = frozenset({"test_crash.py"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).parent
    for item in items:
        path = Path(str(item.path))
        area = path.relative_to(tests).parts[0] if path.is_relative_to(tests) else ""
        if area in SLOW_DIRECTORIES or path.name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


def _postgres_unavailable() -> str | None:
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at {ADMIN_URL}: {exc}"


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    problem = _postgres_unavailable()
    if problem:
        if os.environ.get("TELEVENT_REQUIRE_POSTGRES"):
            pytest.fail(f"{problem} (TELEVENT_REQUIRE_POSTGRES is set: PostgreSQL must be tested)")
        pytest.skip(problem)
    return ADMIN_URL


@pytest.fixture(scope="session")
def postgres_test_database(postgres_admin_url: str) -> Iterator[str]:
    """A database of this test session's own, dropped at the end."""
    name = f"televent_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(postgres_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = postgres_admin_url.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(postgres_admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def reset_postgres(url: str) -> None:
    """Empty the test database: drop and recreate its public schema."""
    _POSTGRES_SEEDS.pop(url, None)
    _forget_emptier(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


# An application's database, migrated and empty, is made once per test process and then
# copied (SQLite) or emptied back to that state (PostgreSQL): migrating from nothing costs a
# quarter of a second on SQLite and most of a second on PostgreSQL, and property tests make a
# fresh application for every example.
_SQLITE_TEMPLATE: list[Path] = []
# per database URL: its tables, and the one statement that empties them back to migrated
_POSTGRES_SEEDS: dict[str, tuple[frozenset[str], str]] = {}
# per database URL: a connection kept for emptying it (a new one costs a few milliseconds),
# under this application name
EMPTIER_NAME = "televent-tests-emptier"
_POSTGRES_EMPTIERS: dict[str, psycopg.Connection[Any]] = {}


def _migrate(database_url: str) -> None:
    build_application(Settings(database_url=database_url), clock=FakeClock()).close()


def _sqlite_template() -> Path:
    if not _SQLITE_TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="televent-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = folder / "migrated.db"
        _migrate(f"sqlite:///{template}")
        with closing(sqlite3.connect(template)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _SQLITE_TEMPLATE.append(template)
    return _SQLITE_TEMPLATE[0]


def _tables(conn: psycopg.Connection[Any]) -> frozenset[str]:
    rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return frozenset(str(row[0]) for row in rows)


def _seed_postgres(url: str) -> None:
    """Migrate the emptied database and remember what migrating wrote, as one statement
    that deletes every row, restarts the sequences and writes those rows again."""
    _forget_emptier(url)
    reset_postgres(url)
    _migrate(url)
    with psycopg.connect(url, autocommit=True) as conn:
        tables = _tables(conn)
        statements: list[sql.Composable] = [sql.SQL("SET LOCAL session_replication_role = replica")]
        statements += [
            sql.SQL("DELETE FROM {}").format(sql.Identifier(table)) for table in sorted(tables)
        ]
        for row in conn.execute(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
        ):
            statements.append(sql.SQL("ALTER SEQUENCE {} RESTART").format(sql.Identifier(row[0])))
        for table in sorted(tables):
            cursor = conn.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table)))
            found = cursor.fetchall()
            if found:
                assert cursor.description is not None
                names = sql.SQL(", ").join(sql.Identifier(c.name) for c in cursor.description)
                values = sql.SQL(", ").join(
                    sql.SQL("({})").format(sql.SQL(", ").join(map(sql.Literal, row)))
                    for row in found
                )
                statements.append(
                    sql.SQL("INSERT INTO {} ({}) VALUES {}").format(
                        sql.Identifier(table), names, values
                    )
                )
        restore = sql.SQL("; ").join(statements).as_string(conn)
    _POSTGRES_SEEDS[url] = (tables, restore)


def _forget_emptier(url: str) -> None:
    conn = _POSTGRES_EMPTIERS.pop(url, None)
    if conn is not None:
        conn.close()


def _empty_postgres(url: str) -> None:
    """Bring the database back to migrated and empty: every row deleted, the sequences
    restarted and what migrating wrote written again, in one round trip (migrated afresh
    when a test changed the schema itself)."""
    seed = _POSTGRES_SEEDS.get(url)
    if seed is None:
        _seed_postgres(url)
        return
    tables, restore = seed
    try:
        conn = _POSTGRES_EMPTIERS.get(url)
        if conn is None or conn.closed:
            conn = _POSTGRES_EMPTIERS[url] = psycopg.connect(
                url, autocommit=True, application_name=EMPTIER_NAME
            )
        if _tables(conn) != tables:
            raise LookupError("the schema changed")
        with conn.transaction():
            # statements without parameters go together in one simple query
            conn.execute(restore.encode())
    except (LookupError, psycopg.Error):
        _seed_postgres(url)


class Backend:
    """Makes empty databases of one kind for a test."""

    def __init__(self, kind: str, tmp_path: Path, postgres_url: str | None) -> None:
        self.kind = kind
        self.tmp_path = tmp_path
        self.postgres_url = postgres_url
        self.count = 0
        self.latest_url = ""  # the database made last (fresh_url, migrated_url, fresh_app)

    def fresh_url(self) -> str:
        """The URL of a new, empty database."""
        self.count += 1
        if self.kind == "sqlite":
            self.latest_url = f"sqlite:///{self.tmp_path}/televent-{self.count}.db"
            return self.latest_url
        assert self.postgres_url is not None
        reset_postgres(self.postgres_url)
        self.latest_url = self.postgres_url
        return self.postgres_url

    def migrated_url(self) -> str:
        """The URL of a new database, migrated and empty (what `fresh_url` becomes once an
        application has started on it)."""
        self.count += 1
        if self.kind == "sqlite":
            path = self.tmp_path / f"televent-{self.count}.db"
            shutil.copyfile(_sqlite_template(), path)
            self.latest_url = f"sqlite:///{path}"
            return self.latest_url
        assert self.postgres_url is not None
        _empty_postgres(self.postgres_url)
        self.latest_url = self.postgres_url
        return self.postgres_url

    @contextmanager
    def fresh_app(
        self, clock: FakeClock | None = None, *, mail_from: str | None = None
    ) -> Iterator[Televent]:
        """An application on a new, empty database, closed afterwards (`mail_from`:
        TELEVENT_MAIL_FROM, under which invitation addresses are made)."""
        settings = Settings(database_url=self.migrated_url(), mail_from=mail_from)
        # migrated already, and an application started on it: the migration tool's own start
        # (reading its plugins, its lock table) cost a hypothesis example a tenth of its time
        # on PostgreSQL, and the event store's checking its tables and types a tenth more
        app = build_application(settings, clock=clock or FakeClock(), migrate=False, started=True)
        try:
            yield app
        finally:
            app.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    postgres_url = None
    if request.param == "postgresql":
        postgres_url = request.getfixturevalue("postgres_test_database")
    return Backend(request.param, tmp_path, postgres_url)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The test's clock; it also stamps domain events (the library's clock in production)."""
    fake = FakeClock()
    monkeypatch.setattr(eventsourcing.domain, "datetime_now_with_tzinfo", fake)
    return fake


@pytest.fixture
def mail_from() -> str | None:
    """TELEVENT_MAIL_FROM of the `app` fixture (invitation addresses are made under it); a
    module that sends or receives mail as Televent overrides it."""
    return None


@pytest.fixture
def app(backend: Backend, clock: FakeClock, mail_from: str | None) -> Iterator[Televent]:
    with backend.fresh_app(clock, mail_from=mail_from) as application:
        yield application


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    """An SMTP server on loopback recording what arrives: (its recorder, its port)."""
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port
