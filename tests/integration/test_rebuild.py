"""Verified replay: a corrupted view is found and repaired; a view left behind catches up."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

import psycopg
import pytest

from televent.application.televent import Televent
from televent.bootstrap import catch_up
from televent.domain.values import calendar_id_for
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.ops.maintenance import projection_status, purge_tombstones, retention_cutoff
from televent.projections import rebuild
from televent.projections.engine import ProjectionError
from televent.projections.rebuild import STREAMING_THRESHOLD, RebuildBusyError, Rebuilder
from tests.conftest import Backend, FakeClock
from tests.helpers import ACTOR, CALDAV, vevent


def populate(app: Televent) -> UUID:
    account = app.register_account(1, name="A", actor=ACTOR, source=CALDAV)
    calendar_id = calendar_id_for(account.account_id, "default")
    # the language Telegram reports and the one chosen (docs/adr/0021) rebuild like the rest
    app.change_account_settings(1, {"telegram_language": "ru"}, actor=ACTOR, source=CALDAV)
    app.change_preferences(1, {"language": "fa", "hour_cycle": "12"}, actor=ACTOR, source=CALDAV)
    for n in range(12):
        app.put_object(
            calendar_id,
            f"{n}.ics",
            vevent(uid=f"u{n}", attendees=[("bob@example.com", "ACCEPTED")]),
            actor=ACTOR,
            source=CALDAV,
        )
    app.delete_object(calendar_id, "3.ics", actor=ACTOR, source=CALDAV)
    return calendar_id


def test_verify_finds_a_corrupted_row_and_rebuild_repairs_it(app: Televent) -> None:
    calendar_id = populate(app)
    with app.views.write() as db:
        db.run("UPDATE calendar_objects SET ical = 'tampered' WHERE href = '5.ics'")
        db.run("DELETE FROM attendees WHERE uid = 'u7'")
        db.run("UPDATE accounts SET telegram_language = 'de'")
    report = Rebuilder(app.engine, app.views, batch_size=4).run(verify=True)
    assert not report.matches
    tables = {d.table: d for d in report.differences}
    assert set(tables) == {"calendar_objects", "attendees", "accounts"}
    assert tables["calendar_objects"].only_live[0]["ical"] == "tampered"
    assert tables["attendees"].count_only_rebuilt == 1

    repaired = Rebuilder(app.engine, app.views, batch_size=4).run()
    assert repaired.events == report.events
    assert "tampered" not in app.queries.object_at(calendar_id, "5.ics").ical
    account = app.queries.account_by_telegram_id(1)
    assert account is not None and account.telegram_language == "ru"
    assert account.language == "fa" and account.preferences.hour_cycle == "12"
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_a_view_behind_the_log_catches_up_before_the_next_write(app: Televent) -> None:
    calendar_id = populate(app)
    with app.views.write() as db:
        db.run("DELETE FROM attendees")
        db.run("UPDATE projection_positions SET position = 0 WHERE name = 'attendee_index'")
    app.put_object(calendar_id, "new.ics", vevent(uid="new"), actor=ACTOR, source=CALDAV)
    assert len(app.queries.invitations_for("bob@example.com")) == 11
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_startup_catch_up_brings_every_view_to_the_head(app: Televent) -> None:
    populate(app)
    with app.views.write() as db:
        db.run("DELETE FROM calendar_objects")
        db.run("DELETE FROM tombstones")
        db.run("DELETE FROM calendars")
        db.run("UPDATE projection_positions SET position = 0 WHERE name = 'calendar_view'")
    head = catch_up(app)
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
    assert (
        app.queries.calendars_of(app.queries.account_by_telegram_id(1).account_id)[0].sync_position
        == head
    )


def test_rebuild_on_an_empty_log(app: Televent) -> None:
    report = Rebuilder(app.engine, app.views).run(verify=True)
    assert report.matches and report.events == 0


def test_a_failing_projection_refuses_the_command_whole_and_shows_in_status(app: Televent) -> None:
    calendar_id = populate(app)
    with app.views.read() as db:
        head = app.engine.head(db)
    with app.views.write() as db:
        db.run("DROP TABLE attendees")
    with pytest.raises(ProjectionError, match="attendee_index"):
        app.put_object(
            calendar_id,
            "x.ics",
            vevent(uid="x", attendees=[("dan@example.com", "NEEDS-ACTION")]),
            actor=ACTOR,
            source=CALDAV,
        )
    with app.views.read() as db:
        assert app.engine.head(db) == head  # no event appended
    assert app.queries.object_at(calendar_id, "x.ics") is None
    status = {s.name: s for s in projection_status(app)}
    assert "attendee_index" in (status["attendee_index"].last_error or "")
    assert status["calendar_view"].last_error is None


def test_a_read_model_missing_its_position_refuses_writes_without_committing_events(
    app: Televent,
) -> None:
    calendar_id = populate(app)
    with app.views.read() as db:
        head = app.engine.head(db)
    with app.views.write() as db:
        db.run("DELETE FROM projection_positions WHERE name = 'attendee_index'")
    with pytest.raises(ProjectionError, match="not set up"):
        app.put_object(calendar_id, "y.ics", vevent(uid="y"), actor=ACTOR, source=CALDAV)
    with app.views.read() as db:
        assert app.engine.head(db) == head


def test_calendar_deleted_and_recreated_rebuilds_at_any_batch_size(app: Televent) -> None:
    account_id = app.register_account(1, name="A", actor=ACTOR, source=CALDAV).account_id
    work = app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    app.put_object(work, "a.ics", vevent(uid="a"), actor=ACTOR, source=CALDAV)
    app.delete_calendar(work, actor=ACTOR, source=CALDAV)
    app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    for batch_size in range(1, 9):
        report = Rebuilder(app.engine, app.views, batch_size=batch_size).run(verify=True)
        assert report.matches, (batch_size, report.differences)


def test_attendees_changed_removed_and_deleted_rebuild_equal_at_any_batch_size(
    app: Televent,
) -> None:
    """A rebuild writes each batch's attendee rows together, from each event's last body:
    whoever was removed, or whose event was deleted and stored again, is gone however the log
    falls into batches."""
    account_id = app.register_account(1, name="A", actor=ACTOR, source=CALDAV).account_id
    calendar_id = calendar_id_for(account_id, "default")

    def put(href: str, uid: str, *attendees: str) -> None:
        body = vevent(uid=uid, attendees=[(a, "NEEDS-ACTION") for a in attendees])
        app.put_object(calendar_id, href, body, actor=ACTOR, source=CALDAV)

    put("a.ics", "a", "bob@example.com", "carol@example.com")
    put("a.ics", "a", "bob@example.com")  # carol removed
    put("b.ics", "b", "dan@example.com")
    app.delete_object(calendar_id, "b.ics", actor=ACTOR, source=CALDAV)
    put("b.ics", "b2", "erin@example.com")  # the name stored again, another event

    def invited() -> list[tuple[str, str]]:
        with app.views.read() as db:
            rows = db.all("SELECT uid, address FROM attendees ORDER BY uid, address")
        return [(row["uid"], row["address"]) for row in rows]

    expected = [("a", "bob@example.com"), ("b2", "erin@example.com")]
    assert invited() == expected
    for batch_size in range(1, 7):
        report = Rebuilder(app.engine, app.views, batch_size=batch_size).run(verify=True)
        assert report.matches, (batch_size, report.differences)
        assert invited() == expected, batch_size


def test_a_name_deleted_and_stored_again_rebuilds_without_its_tombstone(app: Televent) -> None:
    account_id = app.register_account(1, name="A", actor=ACTOR, source=CALDAV).account_id
    calendar_id = calendar_id_for(account_id, "default")
    app.put_object(calendar_id, "a.ics", vevent(uid="a"), actor=ACTOR, source=CALDAV)
    app.delete_object(calendar_id, "a.ics", actor=ACTOR, source=CALDAV)
    app.put_object(calendar_id, "a.ics", vevent(uid="a2"), actor=ACTOR, source=CALDAV)
    app.put_object(calendar_id, "b.ics", vevent(uid="b"), actor=ACTOR, source=CALDAV)
    app.delete_object(calendar_id, "b.ics", actor=ACTOR, source=CALDAV)
    app.put_object(calendar_id, "b.ics", vevent(uid="b"), actor=ACTOR, source=CALDAV)
    assert app.queries.changes_since(calendar_id, 0).deleted == []
    for batch_size in (1, 3, 100):
        report = Rebuilder(app.engine, app.views, batch_size=batch_size).run(verify=True)
        assert report.matches, (batch_size, report.differences)


def test_tombstones_past_retention_are_purged_and_verification_still_holds(
    app: Televent, clock: FakeClock
) -> None:
    account_id = app.register_account(1, name="A", actor=ACTOR, source=CALDAV).account_id
    calendar_id = calendar_id_for(account_id, "default")
    for name in ("old", "new"):
        app.put_object(calendar_id, f"{name}.ics", vevent(uid=name), actor=ACTOR, source=CALDAV)
    app.delete_object(calendar_id, "old.ics", actor=ACTOR, source=CALDAV)
    clock.advance(days=20)
    app.delete_object(calendar_id, "new.ics", actor=ACTOR, source=CALDAV)
    clock.advance(days=15)  # "old" was deleted 35 days ago, "new" 15 days ago
    assert purge_tombstones(app, days=30) == 1
    assert [h for h, _ in app.queries.changes_since(calendar_id, 0).deleted] == ["new.ics"]
    cutoff = retention_cutoff(app, 30)
    assert (
        Rebuilder(app.engine, app.views).run(verify=True, retention_cutoff=lambda: cutoff).matches
    )


def test_only_one_rebuild_runs_at_a_time(app: Televent) -> None:
    populate(app)
    first = Rebuilder(app.engine, app.views)
    with first._only_rebuild(), pytest.raises(RebuildBusyError):
        Rebuilder(app.engine, app.views).run(verify=True)
    assert Rebuilder(app.engine, app.views).run(verify=True).matches  # released afterwards


def test_a_rebuild_leaves_the_processs_garbage_collector_as_it_found_it(app: Televent) -> None:
    """A rebuild collects less often while it streams; the process (a server, the CLI) gets its
    own settings back afterwards, also when the rebuild fails."""
    populate(app)
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    rebuilder = Rebuilder(app.engine, app.views, index_processes=0)
    stream = rebuilder._stream

    def watched(*args: Any, **kwargs: Any) -> tuple[int, int]:
        seen.append(gc.get_threshold())
        return stream(*args, **kwargs)

    rebuilder._stream = watched  # type: ignore[method-assign]
    assert rebuilder.run().matches
    assert seen and seen[0][0] >= STREAMING_THRESHOLD
    assert gc.get_threshold() == before

    def failing(*args: Any, **kwargs: Any) -> tuple[int, int]:
        raise RuntimeError("the disk went away")

    rebuilder._stream = failing  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        rebuilder.run()
    assert gc.get_threshold() == before


def schema_of(app: Televent) -> list[tuple[Any, ...]]:
    """Every table, column, index, constraint and trigger, with its name and definition."""
    with app.views.write() as db:
        if app.engine.dialect is Dialect.POSTGRES:
            columns = db.tuples(
                "SELECT table_name, column_name, data_type, is_nullable, column_default "
                "FROM information_schema.columns WHERE table_schema = current_schema()"
            )
            indexes = db.tuples(
                "SELECT tablename, indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = current_schema()"
            )
            constraints = db.tuples(
                "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                "JOIN pg_class t ON t.oid = c.conrelid "
                "WHERE t.relnamespace = current_schema()::regnamespace"
            )
            return sorted([*columns, *indexes, *constraints], key=repr)
        return sorted(db.tuples("SELECT type, name, tbl_name, sql FROM sqlite_master"), key=repr)


def test_a_rebuild_leaves_the_schema_as_the_migrations_made_it(app: Televent) -> None:
    """The rebuilt tables take the live ones' places (PostgreSQL renames them): the same
    columns, indexes, constraints and triggers under the same names, the foreign key that keeps
    an object to its calendar still holding, and readers that prepared their statements on the
    old tables answering from the new ones."""
    calendar_id = populate(app)
    before = schema_of(app)
    for _ in range(8):  # psycopg prepares a statement on its fifth execution
        assert app.queries.object_at(calendar_id, "5.ics") is not None
    assert Rebuilder(app.engine, app.views, batch_size=5).run().events > 0
    assert schema_of(app) == before
    for _ in range(8):
        found = app.queries.object_at(calendar_id, "5.ics")
        assert found is not None and "u5" in found.ical
    assert app.queries.object_at(calendar_id, "3.ics") is None
    with app.views.write() as db:
        row = db.one("SELECT * FROM calendar_objects WHERE href = '5.ics'")
    assert row is not None
    orphan = {**row, "calendar_id": "nowhere", "uid": "orphan", "event_id": "orphan"}
    columns = ", ".join(orphan)
    with pytest.raises(Exception, match="calendar"), app.views.write() as db:
        db.run(
            f"INSERT INTO calendar_objects ({columns}) VALUES ({', '.join('?' * len(orphan))})",
            list(orphan.values()),
        )
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


@contextmanager
def snapshot_reader(url: str) -> Iterator[Callable[[], int]]:
    """Another connection holding one read transaction open (as a backup's snapshot does)
    after reading the objects table: it counts the objects it sees."""
    parsed = DatabaseUrl.parse(url)
    query = "SELECT COUNT(*) FROM calendar_objects"
    if parsed.dialect is Dialect.POSTGRES:
        with psycopg.connect(parsed.conninfo()) as connection:
            connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ

            def count() -> int:
                row = connection.execute(query).fetchone()
                assert row is not None
                return int(row[0])

            count()
            yield count
            connection.rollback()
        return
    connection = sqlite3.connect(parsed.path, isolation_level=None)
    try:
        connection.execute("BEGIN")
        connection.execute(query)
        yield lambda: int(connection.execute(query).fetchone()[0])
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def test_a_rebuild_finishes_while_a_long_reader_holds_the_tables(
    app: Televent, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader holding the live tables (a backup's snapshot) keeps what it saw and does not
    hold up the rebuild for longer than its swap waits (it copies the rows instead)."""
    calendar_id = populate(app)
    monkeypatch.setattr(rebuild, "RENAME_WAIT_MS", 200)
    with snapshot_reader(backend.latest_url) as count:
        app.put_object(calendar_id, "late.ics", vevent(uid="late"), actor=ACTOR, source=CALDAV)
        report = Rebuilder(app.engine, app.views).run()
        assert count() == 11  # its snapshot, taken before the late object
    assert report.events > 0
    assert app.queries.object_at(calendar_id, "late.ics") is not None
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_an_index_an_operator_added_twice_over_survives_a_rebuild(app: Televent) -> None:
    """Two indexes of one shape cannot each be named after the live one of their shape: the
    rows are copied instead, and every index stays as it was."""
    calendar_id = populate(app)
    with app.views.write() as db:
        db.run("CREATE INDEX operators_own ON calendar_objects (calendar_id, position)")
    before = schema_of(app)
    assert Rebuilder(app.engine, app.views).run().events > 0
    assert schema_of(app) == before
    assert app.queries.object_at(calendar_id, "5.ics") is not None
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_tables_a_rebuild_puts_in_place_come_with_the_planners_statistics(
    app: Televent,
) -> None:
    """PostgreSQL plans a listing from each table's statistics: the rebuilt tables are
    analysed before they take the live ones' places, so the first reader after a rebuild is
    planned as before it, not as if the tables were empty (until autovacuum came by)."""
    populate(app)
    with app.views.write() as db:
        db.run("ANALYZE")
    assert Rebuilder(app.engine, app.views).run().events > 0
    tables = ("calendar_objects", "occurrences", "attendees", "audit_uids")
    with app.views.write() as db:
        counted = {t: db.scalar(f"SELECT COUNT(*) FROM {t}") for t in tables}
        planned = {
            str(row["relname"]): int(row["reltuples"])
            for row in db.all(
                "SELECT relname, reltuples FROM pg_class WHERE relname = ANY(?) "
                "AND relnamespace = current_schema()::regnamespace",
                (list(tables),),
            )
        }
    assert all(counted.values())
    assert planned == counted
