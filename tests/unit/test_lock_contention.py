"""SQLite lock contention (another process writing) is a condition the server's loops retry
quietly, not a failure they log with a traceback."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from eventsourcing.persistence import OperationalError

from televent.entrypoints.serve import _failed
from televent.infrastructure.database import is_lock_contention


def locked_error(tmp_path: Path) -> sqlite3.OperationalError:
    """What a transaction that read first meets when it writes while another holds the lock."""
    path = tmp_path / "locked.db"
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE t (x INTEGER)")
    reader = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO t VALUES (1)")
        reader.execute("BEGIN")
        reader.execute("SELECT * FROM t").fetchall()
        with pytest.raises(sqlite3.OperationalError) as caught:
            reader.execute("INSERT INTO t VALUES (2)")  # no waiting: busy at once
        return caught.value
    finally:
        reader.close()
        writer.close()


class FakePostgresError(Exception):
    sqlstate = "55P03"  # lock_not_available


def test_lock_contention_is_recognised_however_wrapped(tmp_path: Path) -> None:
    error = locked_error(tmp_path)
    assert "locked" in str(error) and is_lock_contention(error)
    wrapped = OperationalError(error)  # as the event store raises it
    wrapped.__cause__ = error
    assert is_lock_contention(wrapped)
    assert is_lock_contention(FakePostgresError("canceling statement due to lock timeout"))
    assert not is_lock_contention(sqlite3.OperationalError("no such table: t"))
    assert not is_lock_contention(ValueError("database is locked"))  # not from a database


def broken_step() -> RuntimeError:
    """A failure with a traceback, as a maintenance step raises it."""
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        return exc


def test_maintenance_logs_contention_in_one_line_and_other_failures_in_full(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert _failed("Purging expired tombstones", locked_error(tmp_path)) is True
        assert _failed("Purging expired tombstones", broken_step()) is False
    busy, broken = caplog.records
    assert busy.levelno == logging.WARNING and busy.exc_info is None
    assert "busy" in busy.getMessage() and "\n" not in busy.getMessage()
    assert broken.levelno == logging.ERROR and broken.exc_info is not None
