"""The morning agenda job through the application, on SQLite and PostgreSQL: queued once per
person and local day at the chosen local time (however often and in however many processes
the job runs), made up for after a restart until noon, following /timezone, listing the day's
occurrences with conflicts and pending invitations, and never stopped by one person's data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any
from uuid import UUID

import pytest

from televent.application.morning_agenda import MorningAgenda
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.values import DEFAULT_CALENDAR_SLUG, calendar_id_for
from televent.projections import occurrences
from televent.projections.agenda_reader import AgendaReader
from tests.conftest import Backend, FakeClock
from tests.helpers import ACTOR, CLI

ALICE, BOB = 100, 200
BOB_ADDRESS = "tg_200@televent.internal"


def event(uid: str, start: str, end: str, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"SUMMARY:{uid}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def register(app: Televent) -> dict[int, UUID]:
    return {
        telegram_id: app.register_account(
            telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=CLI
        ).account_id
        for telegram_id, name in ((ALICE, "Alice"), (BOB, "Bob"))
    }


def put(app: Televent, account_id: UUID, uid: str, text: str) -> UUID:
    calendar = calendar_id_for(account_id, DEFAULT_CALENDAR_SLUG)
    return app.put_object(calendar, f"{uid}.ics", text, actor=ACTOR, source=CLI).event_id


def prefer(app: Televent, telegram_id: int, **changes: Any) -> None:
    app.change_preferences(telegram_id, changes, actor=f"telegram:{telegram_id}", source=CLI)


def at(clock: FakeClock, day: int, hour: int, minute: int = 0) -> dt.datetime:
    """Move the clock to a UTC moment in March 2026 and return it."""
    clock.now = dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)
    return clock.now


def agendas(app: Televent, clock: FakeClock, chat_id: int) -> list[dict[str, Any]]:
    rows = DeliveryQueue(app.views, clock).rows(chat_id)
    return [
        {"key": r["delivery_id"], "status": r["status"], **json.loads(r["payload"])}
        for r in rows
        if r["kind"] == "agenda"
    ]


@pytest.fixture
def job(app: Televent, clock: FakeClock) -> MorningAgenda:
    return MorningAgenda(app, DeliveryQueue(app.views, clock))


def test_the_agenda_is_queued_once_at_the_local_time_with_the_days_events(
    app: Televent, clock: FakeClock, job: MorningAgenda
) -> None:
    ids = register(app)
    prefer(app, ALICE, agenda_time="07:00")
    put(app, ids[ALICE], "daily", event("daily", "20260301T080000Z", "20260301T083000Z",
                                        "RRULE:FREQ=DAILY\r\n"))  # fmt: skip
    put(app, ids[ALICE], "review", event("review", "20260302T100000Z", "20260302T110000Z"))
    put(app, ids[ALICE], "lunch", event("lunch", "20260302T103000Z", "20260302T113000Z"))
    put(app, ids[ALICE], "tomorrow", event("tomorrow", "20260303T100000Z", "20260303T110000Z"))
    invite = put(app, ids[BOB], "bobs", event("bobs", "20260302T140000Z", "20260302T150000Z"))
    app.invite_attendee(invite, "tg_100@televent.internal", actor=ACTOR, source=CLI)

    assert job.run_once(at(clock, 2, 5, 59)) == 0  # 06:59 in Berlin
    assert job.run_once(at(clock, 2, 6, 0)) == 1  # 07:00 in Berlin
    assert job.run_once(at(clock, 2, 6, 0)) == 0, "the same run again queues nothing"
    assert job.run_once(at(clock, 2, 6, 30)) == 0
    (agenda,) = agendas(app, clock, ALICE)
    assert agenda["date"] == "2026-03-02" and agenda["status"] == "pending"
    items = {i["summary"]: i for i in agenda["items"]}
    assert list(items) == ["daily", "review", "lunch", "bobs"], "tomorrow's event is not listed"
    assert items["daily"]["recurring"] and items["daily"]["start"].startswith("2026-03-02T08:00")
    assert items["review"]["conflict"] and items["lunch"]["conflict"]
    assert not items["daily"]["conflict"] and not items["bobs"]["conflict"]
    assert items["bobs"]["awaiting"] and not items["review"]["awaiting"]
    assert agendas(app, clock, BOB) == [], "Bob asked for no agenda"

    assert job.run_once(at(clock, 3, 6, 0)) == 1, "the next day has its own agenda"
    assert [a["date"] for a in agendas(app, clock, ALICE)] == ["2026-03-02", "2026-03-03"]


def test_two_processes_and_a_restart_queue_it_once(
    app: Televent, clock: FakeClock, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(app)
    prefer(app, ALICE, agenda_time="07:00", agenda_empty_days=True)
    url = (
        f"sqlite:///{backend.tmp_path}/televent-{backend.count}.db"
        if backend.kind == "sqlite"
        else str(backend.postgres_url)
    )
    other = build_application(Settings(database_url=url), clock=clock)  # a second process
    try:
        first = MorningAgenda(app, DeliveryQueue(app.views, clock))
        second = MorningAgenda(other, DeliveryQueue(other.views, clock))
        # the worst case: both looked for the day's row before either wrote it
        monkeypatch.setattr(second.queue, "exists", lambda _key: False)
        moment = at(clock, 2, 6, 0)
        assert first.run_once(moment) + second.run_once(moment) == 1
        restarted = MorningAgenda(app, DeliveryQueue(app.views, clock))  # mid-hour restart
        assert restarted.run_once(at(clock, 2, 6, 40)) == 0
    finally:
        other.close()
    assert len(agendas(app, clock, ALICE)) == 1


def test_a_missed_run_is_made_up_for_until_noon(
    app: Televent, clock: FakeClock, job: MorningAgenda
) -> None:
    register(app)
    prefer(app, ALICE, agenda_time="07:00", agenda_empty_days=True)
    prefer(app, BOB, agenda_time="07:00", agenda_empty_days=True)
    # the server was down from before 07:00 and is back at 07:40 for Alice
    assert job.run_once(at(clock, 2, 6, 40)) == 2
    # on the next day it is back only at 12:00 local: too late for that morning
    assert job.run_once(at(clock, 3, 11, 0)) == 0
    assert [a["date"] for a in agendas(app, clock, ALICE)] == ["2026-03-02"]


def test_an_empty_day_is_skipped_unless_asked_for(
    app: Televent, clock: FakeClock, job: MorningAgenda
) -> None:
    ids = register(app)
    prefer(app, ALICE, agenda_time="07:00")
    prefer(app, BOB, agenda_time="07:00", agenda_empty_days=True)
    assert job.run_once(at(clock, 2, 6, 0)) == 2
    assert [(a["status"], a["items"]) for a in agendas(app, clock, ALICE)] == [("skipped", [])]
    assert [(a["status"], a["items"]) for a in agendas(app, clock, BOB)] == [("pending", [])]
    put(app, ids[ALICE], "late", event("late", "20260302T150000Z", "20260302T160000Z"))
    assert job.run_once(at(clock, 2, 6, 5)) == 0, "the day's decision is not made again"
    assert [d.chat_id for d in DeliveryQueue(app.views, clock).claim()] == [BOB]


def test_the_agenda_follows_a_timezone_change(
    app: Televent, clock: FakeClock, job: MorningAgenda
) -> None:
    register(app)
    prefer(app, ALICE, agenda_time="07:00", agenda_empty_days=True)
    assert job.run_once(at(clock, 2, 6, 0)) == 1  # 07:00 Berlin
    app.change_account_settings(ALICE, {"timezone": "America/New_York"}, actor=ACTOR, source=CLI)
    assert job.run_once(at(clock, 3, 6, 0)) == 0, "07:00 in Berlin is 01:00 in New York"
    assert job.run_once(at(clock, 3, 12, 0)) == 1  # 07:00 EST
    assert [a["date"] for a in agendas(app, clock, ALICE)] == ["2026-03-02", "2026-03-03"]
    assert agendas(app, clock, ALICE)[-1]["timezone"] == "America/New_York"


def test_one_unreadable_event_or_person_never_stops_the_others(
    app: Televent, clock: FakeClock, job: MorningAgenda, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = register(app)
    prefer(app, ALICE, agenda_time="07:00")
    prefer(app, BOB, agenda_time="07:00")
    indexed = occurrences.indexed_from

    def odd(reading: Any, at: Any) -> Any:  # data the occurrence index leaves to readers
        found = indexed(reading, at)
        if found is not None and reading["fields"]["title"] == "poison":
            return dataclasses.replace(found, expand_on_read=True)
        return found

    monkeypatch.setattr(occurrences, "indexed_from", odd)
    put(app, ids[ALICE], "poison", event("poison", "20260302T100000Z", "20260302T110000Z"))
    put(app, ids[ALICE], "fine", event("fine", "20260302T120000Z", "20260302T130000Z"))
    put(app, ids[BOB], "bobs", event("bobs", "20260302T120000Z", "20260302T130000Z"))
    instances = AgendaReader._instances

    def failing(self: AgendaReader, obj: Any, *args: Any, **kwargs: Any) -> Any:
        if "UID:poison" in obj.ical:
            raise RuntimeError("injected failure")
        return instances(self, obj, *args, **kwargs)

    monkeypatch.setattr(AgendaReader, "_instances", failing)
    assert job.run_once(at(clock, 2, 6, 0)) == 2
    (alice,) = agendas(app, clock, ALICE)
    assert [i["summary"] for i in alice["items"]] == ["fine"] and alice["unreadable"] == 1

    def broken_for_alice(self: MorningAgenda, account: Any, *args: Any) -> Any:
        if account.telegram_id == ALICE:
            raise RuntimeError("injected failure")
        return agenda(self, account, *args)

    agenda = MorningAgenda.agenda
    monkeypatch.setattr(MorningAgenda, "agenda", broken_for_alice)
    assert job.run_once(at(clock, 3, 6, 0)) == 1
    assert job.failed == [ALICE]
    assert [a["date"] for a in agendas(app, clock, BOB)] == ["2026-03-02", "2026-03-03"]
