"""Importing files, as a property (docs/adr/0024), on SQLite and PostgreSQL: over any series of
imports of any files (events the person organizes with someone outside, events without a UID,
the same UID again with other words) and deletions in between, the calendar holds each UID as
the last file that named it says; importing a file again right away changes nothing; nothing
is ever queued for anyone; and rebuilding every read model from the log gives what the live
ones hold."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.application.televent import Televent
from televent.domain.calendar_import import split_calendar
from televent.domain.values import DEFAULT_CALENDAR_SLUG, calendar_id_for
from televent.projections.queries import Reading
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock

ACTOR, SOURCE = "account:tests", "api:tma"
UIDS = ("a@x", "b@x", "c@x", None)  # None: an event without a UID
WORDS = ("Maths", "Choir", "Trip", "Exam", "Лекция", "درس")

events = st.tuples(
    st.sampled_from(UIDS),
    st.sampled_from(WORDS),
    st.integers(min_value=1, max_value=28),
    st.booleans(),  # a meeting the person organizes, with someone outside
)
files = st.lists(events, min_size=1, max_size=4, unique_by=lambda e: e[0])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("import"), files), st.tuples(st.just("delete"), st.sampled_from(UIDS))
    ),
    min_size=1,
    max_size=6,
)


def calendar_text(file: list[tuple[str | None, str, int, bool]]) -> str:
    parts = []
    for uid, summary, day, meeting in file:
        uid_line = f"UID:{uid}\r\n" if uid is not None else ""
        people = (
            "ORGANIZER:mailto:tg_1@televent.internal\r\n"
            "ATTENDEE;RSVP=TRUE:mailto:dan@example.net\r\n"
            "ATTENDEE;RSVP=TRUE:mailto:tg_2@televent.internal\r\n"
            if meeting
            else ""
        )
        title = summary if uid is not None else "Holiday"  # a UID-less event is one per title
        parts.append(
            f"BEGIN:VEVENT\r\n{uid_line}DTSTAMP:20260101T000000Z\r\n"
            f"DTSTART:202612{day:02d}T090000Z\r\nDTEND:202612{day:02d}T100000Z\r\n"
            f"SUMMARY:{title}\r\n{people}END:VEVENT\r\n"
        )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        + "".join(parts)
        + "END:VCALENDAR\r\n"
    )


def _summaries(app: Televent, calendar: Any) -> dict[str, str]:
    found = {}
    for obj in app.queries.objects_in(calendar):
        line = next(x for x in obj.ical.split("\r\n") if x.startswith("SUMMARY:"))
        found[obj.uid] = line.removeprefix("SUMMARY:")
    return found


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=steps)
def test_imports_leave_each_uid_as_the_last_file_said_and_send_nothing(
    backend: Backend, history: list[tuple[str, Any]]
) -> None:
    with backend.fresh_app(FakeClock()) as app:
        for telegram_id, name in ((1, "Alice"), (2, "Bob")):
            app.register_account(
                telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=SOURCE
            )
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        calendar = calendar_id_for(alice.account_id, DEFAULT_CALENDAR_SLUG)
        expected: dict[str, str] = {}
        for kind, argument in history:
            if kind == "delete":
                uid = argument if argument in expected else None
                if uid is None:
                    continue
                obj = next(o for o in app.queries.objects_in(calendar) if o.uid == uid)
                app.delete_object(calendar, obj.href, actor=ACTOR, source=SOURCE)
                del expected[uid]
                continue
            text = calendar_text(argument)
            app.import_calendar(calendar, text, by=alice.account_id, actor=ACTOR, source=SOURCE)
            for piece in split_calendar(text).pieces:
                line = next(x for x in piece.text.split("\r\n") if x.startswith("SUMMARY:"))
                expected[piece.uid] = line.removeprefix("SUMMARY:")
            again = app.import_calendar(
                calendar, text, by=alice.account_id, actor=ACTOR, source=SOURCE
            )
            assert (again.imported, again.updated, again.unchanged) == (0, 0, len(argument))
            assert _summaries(app, calendar) == expected
        with app.views.read() as db:
            assert db.all("SELECT recipient FROM mail_outbox") == []
            assert db.all("SELECT chat_id FROM telegram_outbox") == []
        report = Rebuilder(app.engine, app.views).run(verify=True)
        assert report.matches, report.differences


def test_a_new_uid_whose_usual_name_is_taken_is_stored_under_another(app: Televent) -> None:
    app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    alice = app.queries.account_by_telegram_id(1)
    assert alice is not None
    calendar = calendar_id_for(alice.account_id, DEFAULT_CALENDAR_SLUG)
    # A client chose the name the import would give the UID a@x, for another event.
    other = calendar_text([("other@x", "Dentist", 3, False)])
    app.put_object(calendar, "a@x.ics", other, actor=ACTOR, source=SOURCE)
    report = app.import_calendar(
        calendar, calendar_text([("a@x", "Maths", 4, False)]), by=alice.account_id,
        actor=ACTOR, source=SOURCE,
    )  # fmt: skip
    assert (report.imported, report.skipped) == (1, ())
    assert _summaries(app, calendar) == {"other@x": "Dentist", "a@x": "Maths"}
    names = {obj.uid: obj.href for obj in app.queries.objects_in(calendar)}
    assert names["other@x"] == "a@x.ics" and names["a@x"] != "a@x.ics"


def test_a_file_of_thousands_of_events_is_stored_in_one_transaction(app: Televent) -> None:
    """3,000 events with long notes, a tenth of them meetings, in one save (megabytes in one
    statement): on PostgreSQL such a batch once stalled its connection for good (pipeline
    mode, infrastructure/event_store.py)."""
    app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    alice = app.queries.account_by_telegram_id(1)
    assert alice is not None
    calendar = calendar_id_for(alice.account_id, DEFAULT_CALENDAR_SLUG)
    notes = "DESCRIPTION:" + "Bring the workbook and a pencil. " * 20
    file = calendar_text(
        [(f"e{i}@x", f"Lesson {i}\r\n{notes}", i % 28 + 1, i % 10 == 0) for i in range(3000)]
    )
    report = app.import_calendar(calendar, file, by=alice.account_id, actor=ACTOR, source=SOURCE)
    assert (report.imported, report.skipped) == (3000, ())
    assert len(app.queries.objects_in(calendar, reading=Reading.WITHOUT_BODY)) == 3000
    app.delete_calendar(calendar, actor=ACTOR, source=SOURCE)  # 3,000 deletions in one save
    assert app.queries.objects_in(calendar, reading=Reading.WITHOUT_BODY) == []


def test_an_event_holding_a_nul_is_left_out_and_the_others_are_imported(app: Televent) -> None:
    # PostgreSQL cannot store a NUL: the read models failed on it, and the import with them
    app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    alice = app.queries.account_by_telegram_id(1)
    assert alice is not None
    calendar = calendar_id_for(alice.account_id, DEFAULT_CALENDAR_SLUG)
    text = calendar_text([("odd", "Lunch\x00with Bob", 1, False), ("plain", "Dentist", 2, False)])
    report = app.import_calendar(calendar, text, by=alice.account_id, actor=ACTOR, source=SOURCE)
    assert (report.imported, len(report.skipped)) == (1, 1)
    assert "NUL" in str(report.skipped[0])
    assert list(_summaries(app, calendar).values()) == ["Dentist"]
