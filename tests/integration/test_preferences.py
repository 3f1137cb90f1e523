"""Notification preferences through the application, on SQLite and PostgreSQL: each change is
an audited Account event that a rebuild reproduces and the GDPR export hands out, and the
Telegram queue honours them (cards per source, organizer notices, quiet hours, reminders)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import DomainError
from televent.domain.values import DEFAULT_CALENDAR_SLUG, PartStat, calendar_id_for
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.conftest import FakeClock
from tests.helpers import ACTOR, CLI

ALICE, BOB = 100, 200
BOB_ADDRESS = "tg_200@televent.internal"
ALARM = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n"


def event(uid: str, start: str, end: str, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"SUMMARY:{uid}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def people(app: Televent) -> dict[int, UUID]:
    found = {}
    for telegram_id, name in ((ALICE, "Alice"), (BOB, "Bob")):
        found[telegram_id] = app.register_account(
            telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=CLI
        ).account_id
    return found


def put(app: Televent, account_id: UUID, uid: str, text: str) -> UUID:
    calendar = calendar_id_for(account_id, DEFAULT_CALENDAR_SLUG)
    return app.put_object(calendar, f"{uid}.ics", text, actor=ACTOR, source=CLI).event_id


def prefer(app: Televent, telegram_id: int, **changes: Any) -> None:
    app.change_preferences(telegram_id, changes, actor=f"telegram:{telegram_id}", source=CLI)


def kinds(app: Televent, clock: FakeClock, chat_id: int) -> list[tuple[str, str]]:
    """(kind, due_at) of the chat's queued rows."""
    rows = DeliveryQueue(app.views, clock).rows(chat_id)
    return [(r["kind"], r["due_at"][:16]) for r in rows]


def test_a_change_is_an_event_read_back_rebuilt_and_exported(
    app: Televent, clock: FakeClock, tmp_path: Path
) -> None:
    people(app)
    prefer(app, ALICE, agenda_time="7:30", quiet_hours="22:00-07:00", organizer_notices="declines")
    prefer(app, ALICE, agenda_time="07:30")  # unchanged: no new event
    account = app.queries.account_by_telegram_id(ALICE)
    assert account is not None
    assert account.preferences.agenda_time == "07:30"
    assert account.preferences.quiet_hours == "22:00-07:00"
    assert account.preferences.organizer_notices == "declines"
    assert app.queries.account_by_telegram_id(BOB).preferences.agenda_time is None  # type: ignore[union-attr]
    with app.views.read() as db:
        changes = db.all(
            f"SELECT topic FROM {app.events_table} WHERE topic LIKE '%PreferencesChanged%'"
        )
    assert len(changes) == 1
    prefer(app, ALICE, reminder_minutes="off")
    assert app.queries.account_by_telegram_id(ALICE).reminder_minutes == 0  # type: ignore[union-attr]
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
    with app.views.write() as db:  # a damaged row is found and repaired by a rebuild
        db.run("UPDATE accounts SET preferences = NULL, agenda_time = NULL")
    assert not Rebuilder(app.engine, app.views).run(verify=True).matches
    Rebuilder(app.engine, app.views).run()
    assert app.queries.account_by_telegram_id(ALICE).preferences.agenda_time == "07:30"  # type: ignore[union-attr]
    out = tmp_path / "alice.zip"
    PersonalData(app).export(ALICE, out, operator="test", reason="test")
    with zipfile.ZipFile(out) as archive:
        exported = json.loads(archive.read("account.json"))
        log = archive.read("events.json").decode()
    assert exported["preferences"]["quiet_hours"] == "22:00-07:00"
    assert "PreferencesChanged" in log


def test_bad_values_are_refused_and_nothing_is_recorded(app: Televent) -> None:
    people(app)
    with pytest.raises(DomainError, match="organizer_notices is one of"):
        prefer(app, ALICE, organizer_notices="sometimes", agenda_time="07:00")
    assert app.queries.account_by_telegram_id(ALICE).preferences.agenda_time is None  # type: ignore[union-attr]


def test_quiet_hours_delay_a_card_until_they_end(app: Televent, clock: FakeClock) -> None:
    ids = people(app)
    prefer(app, BOB, quiet_hours="22:00-07:00")
    clock.now = dt.datetime(2026, 3, 2, 22, 30, tzinfo=dt.UTC)  # 23:30 in Berlin
    event_id = put(app, ids[ALICE], "late", event("late", "20260305T100000Z", "20260305T110000Z"))
    app.invite_attendee(event_id, BOB_ADDRESS, actor=ACTOR, source=CLI)
    assert kinds(app, clock, BOB) == [("invitation", "2026-03-03T06:00")]  # 07:00 Berlin
    queue = DeliveryQueue(app.views, clock)
    assert queue.claim() == [], "nothing is sent during the quiet hours"
    clock.now = dt.datetime(2026, 3, 3, 6, 0, tzinfo=dt.UTC)
    assert [d.kind for d in queue.claim()] == ["invitation"]


def test_cards_can_be_turned_off_for_meetings_organised_in_televent(
    app: Televent, clock: FakeClock
) -> None:
    ids = people(app)
    prefer(app, BOB, cards_telegram=False)
    event_id = put(app, ids[ALICE], "quiet", event("quiet", "20260305T100000Z", "20260305T110000Z"))
    app.invite_attendee(event_id, BOB_ADDRESS, actor=ACTOR, source=CLI)
    assert kinds(app, clock, BOB) == []
    # the invitation is still held (listings and the morning agenda show it)
    account = app.queries.account_by_telegram_id(BOB)
    assert account is not None
    assert [
        i["event_id"] for i in app.queries.invitations_for_account(account, "televent.internal")
    ]


@pytest.mark.parametrize(
    ("notices", "told"),
    [("all", ["ACCEPTED", "DECLINED"]), ("declines", ["DECLINED"]), ("none", [])],
)
def test_organizer_notices_follow_the_preference(
    app: Televent, clock: FakeClock, notices: str, told: list[str]
) -> None:
    ids = people(app)
    prefer(app, ALICE, organizer_notices=notices)
    answered = []
    for uid, answer in (("first", PartStat.ACCEPTED), ("second", PartStat.DECLINED)):
        event_id = put(app, ids[ALICE], uid, event(uid, "20260305T100000Z", "20260305T110000Z"))
        app.invite_attendee(event_id, BOB_ADDRESS, actor=ACTOR, source=CLI)
        app.give_rsvp(event_id, BOB_ADDRESS, answer, actor=f"telegram:{BOB}", source=CLI)
        answered.append(answer.value)
    rows = DeliveryQueue(app.views, clock).rows(ALICE)
    assert [json.loads(r["payload"])["partstat"] for r in rows if r["kind"] == "rsvp"] == told


def test_reminders_honour_event_alarms_and_held_quiet_hours(
    app: Televent, clock: FakeClock
) -> None:
    ids = people(app)
    put(app, ids[ALICE], "alarm", event("alarm", "20260301T120000Z", "20260301T130000Z", ALARM))
    reminders = ReminderScheduler(app, DeliveryQueue(app.views, clock))
    clock.now = dt.datetime(2026, 3, 1, 11, 0, tzinfo=dt.UTC)  # the VALARM's moment
    prefer(app, ALICE, event_alarms=False)
    assert reminders.run_once(clock.now) == 0, "the event's own alarm is ignored"
    clock.now = dt.datetime(2026, 3, 1, 11, 45, tzinfo=dt.UTC)  # 15 minutes before
    prefer(app, ALICE, quiet_hours="13:00-13:30", quiet_reminders="hold")
    assert reminders.run_once(clock.now) == 1, "outside the quiet hours: sent at once"
    put(app, ids[ALICE], "noon", event("noon", "20260301T131000Z", "20260301T140000Z"))
    clock.now = dt.datetime(2026, 3, 1, 12, 55, tzinfo=dt.UTC)  # 13:55 Berlin: quiet
    prefer(app, ALICE, quiet_hours="13:30-14:05")
    assert reminders.run_once(clock.now) == 1
    assert kinds(app, clock, ALICE)[-1] == ("reminder", "2026-03-01T13:05")  # 14:05 Berlin
    prefer(app, ALICE, reminder_minutes=0, event_alarms=True)
    put(app, ids[ALICE], "off", event("off", "20260301T131500Z", "20260301T140000Z", ALARM))
    assert reminders.run_once(clock.now) == 0, "reminders off: none at all"


def test_the_audit_shows_which_preference_changed_and_how(app: Televent) -> None:
    people(app)
    prefer(app, ALICE, quiet_hours="22:00-07:00")
    prefer(app, ALICE, quiet_hours="off", organizer_notices="none")
    entries = [e for e in Audit(app).account_timeline(ALICE) if e.kind == "PreferencesChanged"]
    assert {e.what for e in entries} == {"notification preferences changed"}
    changes = [list(e.diff) for e in entries]
    assert len(changes) == 2
    assert any("quiet_hours" in line and "22:00-07:00" in line for line in changes[0])
    assert any("organizer_notices" in line and "none" in line for line in changes[1])
