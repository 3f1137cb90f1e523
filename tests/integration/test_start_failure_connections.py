"""A start that fails leaves no connection open: the key store's and the event store's pools
are closed whichever step after them fails (opening the event store, assembling the
application, catching its read models up). A process that retries its start, or a test suite
that makes thousands of applications, would otherwise gather PostgreSQL connections until
the server refuses new ones, for as long as the failure's traceback is held."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from televent import bootstrap
from televent.bootstrap import build_application
from televent.config import Settings
from televent.infrastructure import event_store
from tests.conftest import EMPTIER_NAME, Backend, FakeClock


class StartFailedError(Exception):
    """The failure the test injects."""


def fail(*_args: Any, **_kwargs: Any) -> Any:
    raise StartFailedError


def others_connected(url: str) -> int:
    """Connections to the test's database other than the one asking and the one the tests
    keep for emptying it."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND application_name <> %s",
            (EMPTIER_NAME,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def settle(url: str, wanted: int) -> int:
    """The count of other connections once it is `wanted`, or after five seconds (a closed
    connection's server process takes a moment to leave pg_stat_activity)."""
    deadline = time.monotonic() + 5
    count = others_connected(url)
    while count != wanted and time.monotonic() < deadline:
        time.sleep(0.05)
        count = others_connected(url)
    return count


FAILURES: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "the event store's tables": lambda mp: mp.setattr(
        event_store.ProjectingPostgresRecorder, "create_table", fail
    ),
    "assembling the application": lambda mp: mp.setattr(bootstrap, "ViewReader", fail),
    "catching the read models up": lambda mp: mp.setattr(bootstrap, "catch_up", fail),
}


@pytest.mark.parametrize("step", list(FAILURES))
def test_a_start_that_fails_closes_its_connections(
    postgres_test_database: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    backend = Backend("postgresql", tmp_path, postgres_test_database)
    url = backend.migrated_url()
    assert settle(url, 0) == 0
    # a start that succeeds holds connections (the key store keeps one): the count sees them
    app = build_application(Settings(database_url=url), clock=FakeClock(), migrate=False)
    try:
        assert others_connected(url) >= 1
    finally:
        app.close()
    assert settle(url, 0) == 0
    FAILURES[step](monkeypatch)
    with pytest.raises(StartFailedError) as failed:
        build_application(Settings(database_url=url), clock=FakeClock(), migrate=False)
    # while the failure is still held (logged, reported, retried), as its traceback holds the
    # pools: they are closed, not left to the collector
    assert settle(url, 0) == 0
    assert failed.traceback
