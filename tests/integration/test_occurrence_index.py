"""The occurrence index in the application (docs/adr/0030), on SQLite and PostgreSQL: after any
history of single events and series (endless, counted, all-day, floating), edits of one
occurrence, series cut for "this and following", cancellations, answers, deletions and horizon
moves, the listing the index gives equals a fresh expansion of the stored bodies (the same
instances, with the same facts) in every window, and a rebuild equals the live index."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from televent.application.televent import Televent
from televent.domain import calendar_event
from televent.domain.ical import facts_of
from televent.domain.occurrence_index import index_of
from televent.domain.values import (
    PartStat,
    account_id_for,
    calendar_event_id_for,
    calendar_id_for,
)
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.ops.gdpr import PersonalData
from televent.projections.agenda_reader import AgendaReader, Occurrence
from televent.projections.index_workers import IndexWorkers
from televent.projections.occurrences_reader import _window_queries
from televent.projections.rebuild import Rebuilder
from televent.projections.sql import to_pyformat
from tests.conftest import Backend, FakeClock

ACTOR, SOURCE = "account:tests", "caldav:phone"
ZONES = ["Europe/Berlin", "America/New_York", "UTC", "floating", "date"]
RULES = ["", "FREQ=WEEKLY", "FREQ=DAILY;COUNT=9", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=DAILY;INTERVAL=3"]


def body(uid: str, title: str, zone: str, day: int, rule: str, extra: str = "") -> str:
    if zone == "date":
        times = f"DTSTART;VALUE=DATE:202603{day:02d}\r\nDTEND;VALUE=DATE:202603{day + 1:02d}\r\n"
    elif zone == "floating":
        times = f"DTSTART:202603{day:02d}T093000\r\nDTEND:202603{day:02d}T103000\r\n"
    elif zone == "UTC":
        times = f"DTSTART:202603{day:02d}T093000Z\r\nDTEND:202603{day:02d}T103000Z\r\n"
    else:
        times = (
            f"DTSTART;TZID={zone}:202603{day:02d}T093000\r\n"
            f"DTEND;TZID={zone}:202603{day:02d}T103000\r\n"
        )
    rrule = f"RRULE:{rule}\r\n" if rule else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n{times}{rrule}SUMMARY:{title}\r\n"
        "ORGANIZER:mailto:tg_1@televent.internal\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com\r\n"
        f"END:VEVENT\r\n{extra}END:VCALENDAR\r\n"
    )


def fresh(reader: AgendaReader, app: Televent, account: Any, low: dt.datetime,
          high: dt.datetime) -> list[tuple[Any, ...]]:  # fmt: skip
    """The listing as the stored bodies say, every event parsed and expanded (a day wider,
    then kept when it overlaps the window with a floating time or a date placed in the
    person's zone, as a listing for them means it)."""
    mine = reader.addresses(account)
    zone = ZoneInfo(account.timezone)
    wide_low, wide_high = low - dt.timedelta(days=1), high + dt.timedelta(days=1)
    found: list[Occurrence] = []
    for seen in app.queries.seen_calendars(account.account_id):
        for obj in app.queries.objects_overlapping(
            seen.calendar_id, "VEVENT", int(wide_low.timestamp()), int(wide_high.timestamp())
        ):
            found += reader._instances(obj, wide_low, wide_high, None, mine=mine)[0]
    return sorted(shown(o) for o in found if overlaps(o, low, high, zone))


def placed(moment: Any, zone: ZoneInfo) -> dt.datetime:
    if not isinstance(moment, dt.datetime):
        return dt.datetime.combine(moment, dt.time(), tzinfo=zone)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def overlaps(o: Occurrence, low: dt.datetime, high: dt.datetime, zone: ZoneInfo) -> bool:
    start = placed(o.start, zone)
    end = start if o.end is None else placed(o.end, zone)
    return (start < high and end > low) or (start == end and low <= start < high)


def shown(o: Occurrence) -> tuple[Any, ...]:
    return (str(o.event_id), o.start.isoformat(), str(o.end), o.summary, o.all_day,
            o.location, o.cancelled, o.attendees, o.accepted, o.my_answer)  # fmt: skip


single = st.tuples(
    st.just("put"), st.integers(0, 2), st.sampled_from(["A", "B"]), st.sampled_from(ZONES),
    st.integers(1, 27), st.sampled_from(RULES),
)  # fmt: skip
# an occurrence moved, its RECURRENCE-ID written as its series' start is ("same") or in the
# other form some clients write ("other": a zoned one of a floating series, a floating one of a
# zoned series), which names the occurrence at the same local time
moved = st.tuples(
    st.just("move one"), st.integers(0, 2), st.integers(1, 27), st.sampled_from(["same", "other"])
)
answer = st.tuples(st.just("rsvp"), st.integers(0, 2), st.sampled_from(["ACCEPTED", "DECLINED"]))
cancel = st.tuples(st.just("cancel"), st.integers(0, 2))
delete = st.tuples(st.just("delete"), st.integers(0, 2))
split = st.tuples(st.just("split"), st.integers(0, 2), st.integers(2, 27))
horizon = st.tuples(st.just("horizon"), st.integers(30, 400))
histories = st.lists(st.one_of(single, moved, split, answer, cancel, delete, horizon), max_size=12)


def ann_with_horizon(app: Televent, clock: FakeClock) -> tuple[Any, UUID]:
    """Ann (Europe/Berlin), her calendar, and the horizon opened."""
    app.register_account(1, name="Ann", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    account = app.queries.account_by_telegram_id(1)
    assert account is not None
    app.move_occurrence_horizon(clock())
    return account, app.queries.calendars_of(account.account_id)[0].calendar_id


def until(zone: str, day: int) -> str:
    """The UNTIL that ends a series the evening before March `day`, in its start's form."""
    if zone == "date":
        return f"UNTIL=202603{day - 1:02d}"
    if zone == "floating":
        return f"UNTIL=202603{day - 1:02d}T235959"
    return f"UNTIL=202603{day - 1:02d}T220000Z"


def recurrence_id(zone: str, day: int, form: str) -> str:
    """The RECURRENCE-ID of the occurrence on March `day` of a series starting at 9:30 (or on
    a date) in `zone`, in the series' form or ("other") the other one."""
    if zone == "date":
        return f"RECURRENCE-ID;VALUE=DATE:202603{day:02d}\r\n"
    if form == "other":
        if zone == "floating":
            return f"RECURRENCE-ID;TZID=Europe/Berlin:202603{day:02d}T093000\r\n"
        if zone != "UTC":
            return f"RECURRENCE-ID:202603{day:02d}T093000\r\n"
    if zone == "floating":
        return f"RECURRENCE-ID:202603{day:02d}T093000\r\n"
    if zone == "UTC":
        return f"RECURRENCE-ID:202603{day:02d}T093000Z\r\n"
    return f"RECURRENCE-ID;TZID={zone}:202603{day:02d}T093000\r\n"


def moved_times(zone: str, day: int) -> str:
    """Where a moved occurrence goes: March `day`, 14:00 to 15:00 in the series' form."""
    if zone == "date":
        return f"DTSTART;VALUE=DATE:202603{day:02d}\r\nDTEND;VALUE=DATE:202603{day + 1:02d}\r\n"
    if zone == "floating":
        return f"DTSTART:202603{day:02d}T140000\r\nDTEND:202603{day:02d}T150000\r\n"
    if zone == "UTC":
        return f"DTSTART:202603{day:02d}T140000Z\r\nDTEND:202603{day:02d}T150000Z\r\n"
    return (
        f"DTSTART;TZID={zone}:202603{day:02d}T140000\r\n"
        f"DTEND;TZID={zone}:202603{day:02d}T150000\r\n"
    )


def perform(app: Televent, clock: FakeClock, calendar: UUID, step: tuple[Any, ...],
            stored: dict[int, tuple[Any, ...]]) -> None:  # fmt: skip
    kind = step[0]
    if kind == "horizon":
        clock.advance(days=step[1])
        app.move_occurrence_horizon(clock())
        return
    index = step[1]
    uid, href = f"u{index}", f"u{index}.ics"
    event_id = calendar_event_id_for(calendar, uid)
    try:
        if kind == "put":
            stored[index] = step[2:]
            app.put_object(calendar, href, body(uid, *step[2:]), actor=ACTOR, source=SOURCE)
        elif kind == "move one" and index in stored and stored[index][3]:
            title, zone, day, rule = stored[index]
            override = (
                "BEGIN:VEVENT\r\n"
                f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n"
                f"{recurrence_id(zone, day, step[3])}{moved_times(zone, step[2])}"
                f"SUMMARY:{title} moved\r\nEND:VEVENT\r\n"
            )
            app.put_object(calendar, href, body(uid, title, zone, day, rule, override),
                           actor=ACTOR, source=SOURCE)  # fmt: skip
        elif kind == "split" and index in stored and "FREQ" in stored[index][3]:
            # "This and following", as calendar clients write it: the series ends the day
            # before, a new one (another UID) starts that day.
            title, zone, day, rule = stored[index]
            if "COUNT" in rule or step[2] <= day:
                return
            cut = f"{rule};{until(zone, step[2])}"
            stored[index] = (title, zone, day, cut)
            app.put_object(calendar, href, body(uid, title, zone, day, cut), actor=ACTOR,
                           source=SOURCE)  # fmt: skip
            app.put_object(calendar, f"{uid}-{step[2]}.ics",
                           body(f"{uid}-{step[2]}", f"{title} on", zone, step[2], rule),
                           actor=ACTOR, source=SOURCE)  # fmt: skip
        elif kind == "rsvp" and index in stored:
            app.give_rsvp(event_id, "bob@example.com", PartStat(step[2]), actor=ACTOR,
                          source=SOURCE)  # fmt: skip
        elif kind == "cancel" and index in stored:
            app.cancel_event(event_id, actor=ACTOR, source=SOURCE)
        elif kind == "delete" and index in stored:
            app.delete_object(calendar, href, actor=ACTOR, source=SOURCE)
            del stored[index]
    except Exception as exc:  # an event already gone or cancelled refuses the step
        if "not found" not in str(exc).lower() and "cancel" not in str(exc).lower():
            raise


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(history=histories)
@example(history=[("put", 0, "A", "Europe/Berlin", 1, "FREQ=WEEKLY"),
                  ("move one", 0, 1, "same")])  # fmt: skip
# an override's RECURRENCE-ID in the other form than its series' start: it still replaces the
# occurrence at that local time, as the expansion library reads it (the index listed both)
@example(history=[("put", 0, "A", "floating", 2, "FREQ=WEEKLY"),
                  ("move one", 0, 3, "other")])  # fmt: skip
@example(history=[("put", 0, "A", "Europe/Berlin", 2, "FREQ=WEEKLY"),
                  ("move one", 0, 3, "other")])  # fmt: skip
@example(history=[("put", 0, "A", "floating", 1, "FREQ=DAILY;INTERVAL=3")])
@example(history=[("put", 1, "A", "date", 3, "FREQ=DAILY;INTERVAL=3"), ("horizon", 250),
                  ("horizon", 250)])  # fmt: skip
# Cut twice on the same day: the second "following" series starts after its rule's UNTIL, so
# it has no instance at all (not even its DTSTART), as the expansion library reads it.
@example(history=[("put", 2, "A", "Europe/Berlin", 1, "FREQ=WEEKLY"), ("split", 2, 2),
                  ("split", 2, 2)])  # fmt: skip
def test_the_index_lists_what_the_bodies_say_and_rebuilds_equal(
    backend: Backend, clock: FakeClock, history: list[tuple[Any, ...]]
) -> None:
    clock.now = FakeClock().now
    with backend.fresh_app(clock) as app:
        account, calendar = ann_with_horizon(app, clock)
        stored: dict[int, tuple[Any, ...]] = {}
        for step in history:
            perform(app, clock, calendar, step, stored)
        reader = AgendaReader(app.queries, app.internal_domain)
        now = clock()
        for low, high in (
            (now - dt.timedelta(days=3), now + dt.timedelta(days=7)),
            (dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)),
            (now + dt.timedelta(days=150), now + dt.timedelta(days=260)),  # past the horizon
            (now - dt.timedelta(days=400), now - dt.timedelta(days=300)),  # before the window
        ):
            listed = reader.listing(account, low, high)
            assert not listed.unreadable
            assert sorted(shown(o) for o in listed.occurrences) == fresh(
                reader, app, account, low, high
            ), (low, high)
        report = Rebuilder(app.engine, app.views).run(["occurrences"], verify=True)
        assert report.matches, report.differences


def test_an_erased_person_leaves_nothing_in_the_index_and_others_are_listed_as_before(
    backend: Backend, clock: FakeClock
) -> None:
    clock.now = FakeClock().now
    with backend.fresh_app(clock) as app:
        calendars = {}
        for telegram_id, name in ((1, "Ann"), (2, "Bob")):
            app.register_account(telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR,
                                 source=SOURCE)  # fmt: skip
            account = app.queries.account_by_telegram_id(telegram_id)
            assert account is not None
            calendars[name] = app.queries.calendars_of(account.account_id)[0].calendar_id
        app.move_occurrence_horizon(clock())
        for name, calendar in calendars.items():
            app.put_object(calendar, "s.ics", body("s", f"{name} weekly secret", "Europe/Berlin",
                           2, "FREQ=WEEKLY"), actor=ACTOR, source=SOURCE)  # fmt: skip
        with app.views.read() as db:  # the check below is not blind: Bob's title is indexed
            assert any("Bob weekly secret" in str(r) for r in db.all("SELECT * FROM "
                       "occurrence_events"))  # fmt: skip

        PersonalData(app).erase(2, operator="dpo", reason="Art. 17")

        with app.views.read() as db:
            rows = db.all("SELECT * FROM occurrence_events")
            rows += db.all("SELECT * FROM occurrences")
        assert not any("Bob" in str(r) for r in rows)
        ann = app.queries.account_by_telegram_id(1)
        assert ann is not None
        reader = AgendaReader(app.queries, app.internal_domain)
        low, high = clock() - dt.timedelta(days=3), clock() + dt.timedelta(days=30)
        listed = reader.listing(ann, low, high)
        assert [o.summary for o in listed.occurrences] == ["Ann weekly secret"] * 5
        assert sorted(shown(o) for o in listed.occurrences) == fresh(reader, app, ann, low, high)
        report = Rebuilder(app.engine, app.views).run(["occurrences"], verify=True)
        assert report.matches, report.differences


def test_a_series_the_horizon_cannot_list_that_far_is_left_to_its_readers(
    backend: Backend, clock: FakeClock
) -> None:
    """A two-hourly series is indexed when it is written (2,800 instances in its window); a
    horizon moved 450 days later would list more instances than the index keeps for one
    series: the move goes on, the series is left to its readers as odd data is, and every
    listing still shows what its body says, as a rebuild does."""
    clock.now = FakeClock().now
    with backend.fresh_app(clock) as app:
        account, calendar = ann_with_horizon(app, clock)
        for uid, title, rule in (("h", "Every two hours", "FREQ=HOURLY;INTERVAL=2"),
                                 ("w", "Weekly", "FREQ=WEEKLY")):  # fmt: skip
            text = body(uid, title, "Europe/Berlin", 2, rule)
            app.put_object(calendar, f"{uid}.ics", text, actor=ACTOR, source=SOURCE)
        with app.views.read() as db:
            assert db.scalar("SELECT COUNT(*) FROM occurrence_events WHERE on_read = 1") == 0

        clock.advance(days=450)
        assert app.move_occurrence_horizon(clock()) is not None

        with app.views.read() as db:
            rows = db.all("SELECT uid, on_read, recipe, until_ts FROM occurrence_events")
            every_two_hours = db.scalar(
                "SELECT COUNT(*) FROM occurrences o JOIN occurrence_events e "
                "ON o.event_id = e.event_id WHERE e.uid = 'h'"
            )
        marked = {r["uid"]: (r["on_read"], r["recipe"] is None, r["until_ts"]) for r in rows}
        assert marked["h"] == (1, True, None) and every_two_hours == 0
        assert marked["w"][:2] == (0, False)  # still listed, up to the new horizon
        reader = AgendaReader(app.queries, app.internal_domain)
        now = clock()
        day = dt.timedelta(days=1)
        for low, high in ((now - 3 * day, now + 4 * day), (now + 150 * day, now + 153 * day)):
            listed = reader.listing(account, low, high)
            titles = [o.summary for o in listed.occurrences]
            assert titles.count("Every two hours") >= 12 * 3 and "Weekly" in titles
            assert sorted(shown(o) for o in listed.occurrences) == fresh(
                reader, app, account, low, high
            ), (low, high)
        report = Rebuilder(app.engine, app.views).run(["occurrences"], verify=True)
        assert report.matches, report.differences


def index_rows(app: Televent) -> list[list[tuple[Any, ...]]]:
    """Every row of the occurrence index, in one order."""
    with app.views.read() as db:
        return [
            sorted(tuple(str(v) for v in row.values()) for row in db.all(f"SELECT * FROM {t}"))
            for t in ("occurrence_events", "occurrences", "occurrence_horizon")
        ]


def test_a_rebuild_whose_bodies_are_read_by_worker_processes_equals_the_live_index(
    backend: Backend, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.now = FakeClock().now
    with backend.fresh_app(clock) as app:
        for telegram_id, name in ((1, "Ann"), (2, "Bob")):
            app.register_account(telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR,
                                 source=SOURCE)  # fmt: skip
        calendars = [
            app.queries.calendars_of(a.account_id)[0].calendar_id
            for a in (app.queries.account_by_telegram_id(t) for t in (1, 2))
            if a is not None
        ]
        app.move_occurrence_horizon(clock())
        stored: dict[int, tuple[Any, ...]] = {}
        steps: list[tuple[Any, ...]] = []
        for i in range(12):  # single events and series of every kind, edited and answered
            steps.append(("put", i, f"T{i}", ZONES[i % 5], 1 + i, RULES[i % 5]))
        steps += [("move one", 1, 20, "same"), ("rsvp", 2, "ACCEPTED"), ("cancel", 3),
                  ("delete", 4), ("split", 6, 25), ("horizon", 90),
                  ("put", 5, "again", "UTC", 9, ""), ("horizon", 200)]  # fmt: skip
        # The first half of the history as a log written before events carried their body's
        # reading: those bodies are read again (by the worker); the rest carry theirs.
        with monkeypatch.context() as older:
            older.setattr(calendar_event, "stored_facts", facts_of)
            for step in steps[:9]:
                perform(app, clock, calendars[0], step, stored)
        for step in steps[9:]:
            perform(app, clock, calendars[0], step, stored)
        odd = body("odd", "Odd", "Europe/Berlin", 3, "FREQ=WEEKLY").replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:odd\r\nDTSTAMP:20260101T000000Z\r\n"
            "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260310T093000\r\n"
            "DTSTART;TZID=Europe/Berlin:20260310T120000\r\nSUMMARY:Later\r\nEND:VEVENT\r\n"
            "END:VCALENDAR",
        )  # an override for this and following: left to readers to expand
        task = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:task\r\n"
            "DTSTAMP:20260101T000000Z\r\nSUMMARY:Task\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        )
        for href, text in (("odd.ics", odd), ("task.ics", task)):
            app.put_object(calendars[0], href, text, actor=ACTOR, source=SOURCE)
        app.put_object(calendars[1], "b.ics", body("b", "Bob's", "Europe/Berlin", 2,
                       "FREQ=WEEKLY"), actor=ACTOR, source=SOURCE)  # fmt: skip
        PersonalData(app).erase(2, operator="dpo", reason="Art. 17")
        live = index_rows(app)
        with app.views.read() as db:
            assert db.scalar("SELECT COUNT(*) FROM occurrence_events WHERE on_read = 1") == 1

        # Batches of seven, each read by the worker while the one before it is applied. Here
        # the worker's reading is waited for, so that each body comes from it; `take` reading
        # here what no worker started is the next test's.
        submit = IndexWorkers.submit

        def submit_and_settle(self: IndexWorkers, bodies: Any) -> None:
            submit(self, bodies)
            self.settle(timeout=120)

        monkeypatch.setattr(IndexWorkers, "submit", submit_and_settle)
        rebuilder = Rebuilder(app.engine, app.views, batch_size=7, index_processes=1)
        report = rebuilder.run(["occurrences"], verify=True)
        assert report.matches, report.differences
        assert report.index_processes == 1 and report.read_by_workers > 0

        report = rebuilder.run(["occurrences"])  # swapped in: the same rows as before
        assert report.read_by_workers > 0
        assert index_rows(app) == live


def test_bodies_the_workers_cannot_read_any_more_are_read_here() -> None:
    at = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    texts = [body(f"w{i}", f"W{i}", "Europe/Berlin", 2 + i, "FREQ=WEEKLY") for i in range(3)]
    before = {process.pid for process in multiprocessing.active_children()}
    workers = IndexWorkers(1)
    try:
        workers.submit([("a", 1, texts[0], at), ("gone", 2, texts[1], at)])
        workers.settle(timeout=120)  # read there, not here
        assert workers.take("a", 1, texts[0], at) == index_of(texts[0], at)
        assert workers.read_by_workers == 1
        workers.forget(2)  # "gone" was deleted later in its batch: its reading is dropped
        assert not workers.pending()
        for process in multiprocessing.active_children():
            if process.pid not in before:
                process.kill()
        workers.submit([("b", 2, texts[1], at), ("c", 3, texts[2], at)])
        assert workers.take("b", 2, texts[1], at) == index_of(texts[1], at)
        assert workers.take("c", 3, texts[2], at) == index_of(texts[2], at)
        assert workers.read_by_workers == 1
        assert workers.take("d", 4, texts[0], at) == index_of(texts[0], at)  # never handed in
    finally:
        workers.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # a server's planner
def test_a_windows_occurrences_find_their_events_by_key_once_the_tables_are_analysed(
    backend: Backend,
) -> None:
    """With the tables' statistics at hand (autovacuum gathers them), PostgreSQL answered a
    week of a calendar by hashing every event of the table; each occurrence's event is looked
    up by its key instead, so a week costs its own occurrences, not the whole table."""
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=SOURCE)
        calendar = calendar_id_for(account_id_for(1), "default")
        for number in range(300):
            text = body(f"e{number}", f"Event {number}", "UTC", 2 + number % 7, "")
            app.put_object(calendar, f"e{number}.ics", text, actor=ACTOR, source=SOURCE)
        low = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
        queries = _window_queries(
            "calendar_id IN (?)",
            [str(calendar)],
            int(low.timestamp()),
            int((low + dt.timedelta(days=7)).timestamp()),
            Dialect.POSTGRES,
        )
        statement, params = queries[1]
        conninfo = DatabaseUrl.parse(str(backend.postgres_url)).conninfo()
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute("ANALYZE")
            plan = "\n".join(
                str(row[0])
                for row in connection.execute(
                    "EXPLAIN " + to_pyformat(statement), params
                ).fetchall()
            )
            rows = connection.execute(to_pyformat(statement), params).fetchall()
    assert "Hash" not in plan and "occurrence_events_pkey" in plan, plan
    assert len(rows) == 300
