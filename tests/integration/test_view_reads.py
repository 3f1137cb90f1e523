"""Reads of the read models while writes queue, and the reading connections of threads that
come and go (projections/view_reader.py)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

import pytest
from eventsourcing.persistence import ProgrammingError

from televent.application.televent import Televent
from televent.domain.values import calendar_id_for
from tests.helpers import vevent

WAIT = 30.0  # a bound for a thread that must finish; a read takes milliseconds


def test_a_read_is_answered_while_writes_wait_for_the_writer(app: Televent) -> None:
    account = app.register_account(1, name="Ann", actor="system:", source="test")
    calendar = calendar_id_for(account.account_id, "default")
    app.put_object(calendar, "a.ics", vevent("a"), actor="system:", source="test")

    with app.views.write() as db:
        db.run("INSERT INTO device_usage (device_id, last_used_at) VALUES ('d', 'then')")
    # One write holds the writer's lock (SQLite) or the row's (PostgreSQL); another waits for
    # it, as PUTs queue behind each other.
    release = threading.Event()
    holding = threading.Event()

    def long_write() -> None:
        with app.views.write() as db:
            db.run("UPDATE device_usage SET last_used_at = 'now' WHERE device_id = 'd'")
            holding.set()
            release.wait(WAIT)

    order: list[str] = []
    answers: list[object] = []

    def queued_write() -> None:
        try:
            with app.views.write() as db:
                db.run("UPDATE device_usage SET last_used_at = 'now' WHERE device_id = 'd'")
        except Exception:
            pass
        finally:
            order.append("the second write")

    def read() -> None:
        answers.append(app.queries.object_at(calendar, "a.ics"))
        order.append("the read")

    writers = [threading.Thread(target=long_write), threading.Thread(target=queued_write)]
    writers[0].start()
    assert holding.wait(WAIT)
    writers[1].start()
    time.sleep(0.5)  # let the second write reach its wait (a read that waited would wait longer)
    reader = threading.Thread(target=read)
    try:
        reader.start()
        reader.join(WAIT)
    finally:
        release.set()
        for thread in [*writers, reader]:
            thread.join(WAIT)
    # Answered while the second write still waited, not after it (or after the pool gave up
    # on it, which it does after a few seconds).
    assert order[0] == "the read", order
    assert answers and answers[0] is not None


def test_threads_that_read_and_end_leave_no_open_files(app: Televent) -> None:
    """Worker threads end when idle and new ones start: a long-running server must not keep
    a database connection (an open file) for each thread it ever had."""
    account = app.register_account(1, name="Ann", actor="system:", source="test")
    calendar = calendar_id_for(account.account_id, "default")
    app.put_object(calendar, "a.ics", vevent("a"), actor="system:", source="test")

    def read_once() -> None:
        thread = threading.Thread(target=lambda: app.queries.object_at(calendar, "a.ics"))
        thread.start()
        thread.join(WAIT)

    read_once()
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(30):
        read_once()
    # One connection (its file and WAL index) may stay for the last thread that ended.
    assert len(os.listdir("/proc/self/fd")) <= before + 3
    assert app.queries.object_at(calendar, "a.ics") is not None


def test_questions_sent_together_answer_as_asked_one_by_one(app: Televent) -> None:
    """`Sql.batch` (one round trip on PostgreSQL): each question's rows, in order, the same as
    asking it alone; a question that fails raises, and the next read works."""
    calendar = calendar_id_for(
        app.register_account(7, name="A", actor="t", source="t").account_id, "default"
    )
    for name in ("a", "b"):
        app.put_object(calendar, f"{name}.ics", vevent(uid=name), actor="t", source="t")
    questions: list[tuple[str, tuple[object, ...]]] = [
        (
            "SELECT href, uid FROM calendar_objects WHERE calendar_id = ? ORDER BY href",
            (str(calendar),),
        ),
        (
            "SELECT href FROM calendar_objects WHERE calendar_id = ? AND href = ?",
            (str(calendar), "x"),
        ),
        ("SELECT COUNT(*) FROM calendar_objects WHERE calendar_id = ?", (str(calendar),)),
    ]
    with app.queries.reader.read() as db:
        together = db.batch(questions)
        alone = [db.tuples(statement, params) for statement, params in questions]
    assert together == alone == [[("a.ics", "a"), ("b.ics", "b")], [], [(2,)]]
    failures = (sqlite3.OperationalError, ProgrammingError)  # no such column
    with pytest.raises(failures), app.queries.reader.read() as db:
        db.batch([questions[2], ("SELECT no_such_column FROM calendar_objects", ())])
    for _ in range(20):  # every pooled connection taken in turn again: none left in a failed state
        with app.queries.reader.read() as db:
            assert db.batch(questions[2:]) == [[(2,)]]
