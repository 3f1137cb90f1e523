"""GDPR: export of everything held about a person, and erasure by crypto-shredding, on both
backends. Bob organises an event with an external attendee and Alice, and is invited to
Alice's event by email; then he is exported and erased."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from televent.application.televent import Televent
from televent.application.web_login import WebLogin
from televent.delivery.mail_queue import MailQueue
from televent.delivery.menu_buttons import MenuButtons
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import NotFoundError
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    account_id_for,
    calendar_id_for,
)
from televent.infrastructure.crypto_shredding import is_redacted
from televent.infrastructure.database import Dialect
from televent.ops import gdpr
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.conftest import FakeClock
from tests.helpers import CLI, vevent

ALICE, BOB = 1, 2
BOB_NAME = "Bartholomew Quux"
BOB_EMAIL = "bob.quux@example.org"
BOB_TITLE = "Quuxfamily birthday surprise"
OPERATOR = "dpo"


def calendar_of(telegram_id: int) -> object:
    return calendar_id_for(account_id_for(telegram_id), DEFAULT_CALENDAR_SLUG)


def bobs_world(app: Televent) -> dict[str, object]:
    """Alice and Bob, each organising an event the other is invited to; Bob has a device."""
    app.register_account(ALICE, name="Alice Archer", email="alice@example.com", actor="system:",
                         source=CLI)  # fmt: skip
    app.register_account(BOB, name=BOB_NAME, email=BOB_EMAIL, actor="system:", source=CLI)
    app.issue_device_password(BOB, "Quux phone", actor="system:", source=CLI)
    bobs = app.put_object(
        calendar_of(BOB),
        "party.ics",
        vevent(uid="party-1", summary=BOB_TITLE, organizer=None),
        actor=f"account:{account_id_for(BOB)}",
        source="caldav:Quux phone",
    )
    actor = f"account:{account_id_for(BOB)}"
    app.invite_attendee(bobs.event_id, "carol@external.example", "Carol", actor=actor, source=CLI)
    app.invite_attendee(bobs.event_id, f"tg_{ALICE}@televent.internal", None, actor=actor,
                        source=CLI)  # fmt: skip
    alices = app.put_object(
        calendar_of(ALICE),
        "sync.ics",
        vevent(uid="sync-1", summary="Team sync", organizer=None),
        actor=f"account:{account_id_for(ALICE)}",
        source=CLI,
    )
    app.invite_attendee(alices.event_id, BOB_EMAIL, BOB_NAME,
                        actor=f"account:{account_id_for(ALICE)}", source=CLI)  # fmt: skip
    app.give_rsvp(alices.event_id, BOB_EMAIL, PartStat.ACCEPTED, actor=actor,
                  source="telegram:2")  # fmt: skip
    return {"bobs": bobs.event_id, "alices": alices.event_id}


def test_export_holds_everything_about_the_person_and_is_recorded(
    app: Televent, tmp_path: Path
) -> None:
    events = bobs_world(app)
    out = tmp_path / "bob.zip"
    summary = PersonalData(app).export(BOB, out, operator=OPERATOR, reason="request #12")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        account = json.loads(archive.read("account.json"))
        devices = json.loads(archive.read("devices.json"))
        logged = json.loads(archive.read("events.json"))
        ics = archive.read("calendars/default.ics").decode()
        deliveries = json.loads(archive.read("deliveries.json"))
    assert names == {
        "README.txt", "account.json", "devices.json", "events.json", "deliveries.json",
        "calendars.json", "calendars/default.ics",
    }  # fmt: skip
    assert (account["name"], account["emails"], account["telegram_id"]) == (
        BOB_NAME, [BOB_EMAIL], BOB,
    )  # fmt: skip
    assert [d["name"] for d in devices] == ["Quux phone"]
    assert "password_hash" not in json.dumps(devices) and "$argon2" not in json.dumps(logged)
    assert BOB_TITLE in ics
    kinds = {(e["aggregate"], e["event"]) for e in logged}
    # His own event, and Alice's event he was invited to and answered.
    assert (str(events["bobs"]), "CalendarEvent.EventCreated") in kinds
    assert (str(events["alices"]), "CalendarEvent.RsvpGiven") in kinds
    assert (str(account_id_for(BOB)), "Account.AccountRegistered") in kinds
    assert all(not e["erased"] for e in logged)
    # His own event and his copy of Alice's meeting (RFC 6638 scheduling put it in his calendar).
    assert summary.events == len(logged) and summary.objects == 2
    assert [r["method"] for r in deliveries["email"]] == ["REQUEST"]  # to Carol, on his behalf
    # His scheduling inbox: Alice's invitation to her team sync.
    [invitation] = deliveries["schedule_inbox"]
    assert invitation["method"] == "REQUEST" and invitation["uid"] == "sync-1"
    # The export itself is in the log: who, when, why.
    [record] = [
        e for e in app.events.get(account_id_for(BOB))
        if type(e).__qualname__ == "Account.PersonalDataExported"
    ]  # fmt: skip
    assert (record.actor, record.reason) == (f"operator:{OPERATOR}", "request #12")


def test_export_of_an_unknown_person_says_so(app: Televent, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="No account for Telegram id 99"):
        PersonalData(app).export(99, tmp_path / "x.zip", operator=OPERATOR, reason="r")


def test_erasure_leaves_nothing_readable_and_everything_working(app: Televent) -> None:
    events = bobs_world(app)
    # The search below is not blind: before erasure the read models hold Bob's data in clear.
    assert raw_database_search(app, [BOB_NAME, BOB_TITLE]) != []
    report = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17 request #13")
    pseudonym = report.pseudonym
    assert pseudonym.endswith("@erased.invalid") and not report.already_erased

    # The meeting Bob organised is called off, not silently lost: Carol gets an iTIP CANCEL
    # and Alice a Telegram notice that names it (both still waiting to be sent).
    assert (report.meetings_called_off, report.farewells_queued) == (1, 2)
    mail = MailQueue(app.views, app.clock)
    telegram = DeliveryQueue(app.views, app.clock)
    farewells = [r for r in mail.mail_rows() if r["status"] == "pending"]
    assert [(r["method"], r["recipient"]) for r in farewells] == [
        ("CANCEL", "carol@external.example")
    ]
    assert BOB_TITLE in farewells[0]["payload"]
    notices = [r for r in telegram.rows(ALICE) if r["kind"] == "cancelled"]
    assert len(notices) == 1 and BOB_TITLE in notices[0]["payload"]

    # Bob is gone from every view; his device no longer works.
    assert app.queries.account_by_telegram_id(BOB) is None
    assert app.queries.account_by_email(BOB_EMAIL) is None
    assert app.queries.object_by_event_id(events["bobs"]) is None  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        app.record_export(BOB, reason="x", actor="system:", source=CLI)

    # Alice's event keeps Bob as a pseudonym with his answer, without his address or name.
    alices = app.queries.object_by_event_id(events["alices"])  # type: ignore[arg-type]
    assert alices is not None
    assert f"mailto:{pseudonym}" in alices.ical and "PARTSTAT=ACCEPTED" in alices.ical
    assert BOB_EMAIL not in alices.ical and BOB_NAME not in alices.ical

    # The log still replays: Bob's events are redacted (time and kind only), the records of
    # the meetings called off and of the erasure are readable, and a verified rebuild finds the
    # views equal to the log.
    history = list(app.events.get(account_id_for(BOB)))
    assert [type(e).__qualname__ for e in history if not is_redacted(e)] == [
        "Account.MeetingsCalledOff",
        "Account.AccountErased",
    ]
    assert history[-2].event_ids == [str(events["bobs"])]
    assert all(e.timestamp for e in history)
    erased = history[-1]
    assert (erased.actor, erased.reason) == (f"operator:{OPERATOR}", "Art. 17 request #13")
    assert all(is_redacted(e) for e in app.events.get(events["bobs"]))  # type: ignore[arg-type]
    assert Rebuilder(app.engine, app.views).run(verify=True).matches

    # The audit still reads Bob's history: when and what kind, everything else "erased";
    # the erasure itself names the operator and the reason.
    timeline = Audit(app).account_timeline(BOB)
    assert timeline[-1].kind == "AccountErased" and not timeline[-1].redacted
    assert timeline[-1].who == f"operator {OPERATOR}" or OPERATOR in timeline[-1].who
    redacted = [e for e in timeline if e.redacted]
    assert redacted and all(e.who == "erased" for e in redacted)
    assert BOB_TITLE not in json.dumps([e.as_dict() for e in timeline], default=str)
    assert BOB_EMAIL not in json.dumps([e.as_dict() for e in timeline], default=str)
    # Which meetings the erasure called off stays readable too (ids only).
    [called_off] = [e for e in timeline if e.kind == "MeetingsCalledOff"]
    assert not called_off.redacted and called_off.who == f"operator {OPERATOR}"
    assert called_off.diff == (f"meeting (event {events['bobs']}) called off",)

    # In Alice's meeting, Bob's answer is by an erased account named by his pseudonym only.
    answer = next(e for e in Audit(app).event_timeline("sync-1") if e.kind == "RsvpGiven")
    assert answer.who == f"erased account ({pseudonym})"
    assert answer.through == "erased"  # "Telegram chat 2" would name him
    assert str(account_id_for(BOB)) not in json.dumps(answer.as_dict(), default=str)

    # Erasing again is harmless, and says it was done before.
    assert PersonalData(app).erase(BOB, operator=OPERATOR, reason="again").already_erased

    # Alice goes on working with the event.
    app.put_object(
        calendar_of(ALICE),
        "sync.ics",
        vevent(uid="sync-1", summary="Team sync (moved)", organizer=None),
        actor=f"account:{account_id_for(ALICE)}",
        source=CLI,
    )

    # Until the farewells are sent they name Bob's meeting; once sent they go too: the email
    # as soon as it is sent, the Telegram notice at the next maintenance round.
    assert PersonalData(app).release_farewells() == 0
    assert BOB_TITLE in raw_database_search(app, [BOB_TITLE])
    send_everything(mail, telegram)
    assert [r for r in mail.mail_rows() if BOB_TITLE in r["payload"]] == []
    assert PersonalData(app).release_farewells() == 1

    # Nothing in the database files names Bob or his event any more.
    found = raw_database_search(app, [BOB_NAME, BOB_EMAIL, BOB_TITLE, "Quux phone"])
    assert found == []


def send_everything(mail: MailQueue, telegram: DeliveryQueue) -> None:
    """What the senders of `televent serve` do once the relay and the Bot API accept."""
    for delivery in mail.claim_mail():
        mail.sent(delivery.delivery_id, f"<{delivery.delivery_id}@test>")
    for card in telegram.claim():
        telegram.sent(card.delivery_id, 1)


def test_farewells_that_cannot_be_sent_go_after_a_week(app: Televent, clock: FakeClock) -> None:
    bobs_world(app)
    report = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17")
    assert report.farewells_queued == 2  # no relay and no bot here: nothing is ever sent
    personal = PersonalData(app)
    clock.advance(days=6)
    assert personal.release_farewells() == 0
    clock.advance(days=1, minutes=1)
    assert personal.release_farewells() == 2
    assert raw_database_search(app, [BOB_NAME, BOB_EMAIL, BOB_TITLE]) == []


def test_meetings_that_are_over_or_organised_by_others_are_not_called_off(
    app: Televent, clock: FakeClock
) -> None:
    events = bobs_world(app)
    clock.advance(days=10)  # Bob's party (5 March) is over
    report = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17")
    assert (report.meetings_called_off, report.farewells_queued) == (0, 0)
    # Alice's meeting, to which Bob was invited, stays, with Bob as a pseudonym.
    alices = app.queries.object_by_event_id(events["alices"])  # type: ignore[arg-type]
    assert alices is not None and report.pseudonym in alices.ical
    assert raw_database_search(app, [BOB_NAME, BOB_EMAIL, BOB_TITLE]) == []


def raw_database_search(app: Televent, needles: list[str]) -> list[str]:
    """Which needles appear anywhere in the stored bytes: every file of the SQLite database,
    or a dump of every PostgreSQL table."""
    targets = [n.encode() for n in needles] + [n.lower().encode() for n in needles]
    if app.dialect is Dialect.SQLITE:
        path = Path(app.views.datastore.pool.db_name)
        blobs = [p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file()]
    else:
        blobs = [postgres_dump(app)]
    return sorted({t.decode() for t in targets for blob in blobs if t in blob})


def postgres_dump(app: Televent) -> bytes:
    recorder = app.recorder
    datastore = recorder.datastore  # type: ignore[attr-defined]
    chunks: list[bytes] = []
    with datastore.get_connection() as connection:
        tables = [
            r["tablename"]
            for r in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
        for table in tables:
            with connection.cursor().copy(f'COPY "{table}" TO STDOUT') as copy:
                for data in copy:
                    chunks.append(bytes(data))
    return b"".join(chunks)


def test_a_deleteaccount_request_is_carried_out_after_the_grace_period(
    app: Televent, clock: FakeClock
) -> None:
    bobs_world(app)
    personal = PersonalData(app)
    due = app.request_erasure(BOB, actor=f"account:{account_id_for(BOB)}", source="telegram:2")
    assert due == "2026-03-31"  # 30 days after 1 March
    clock.advance(days=29)
    assert personal.erase_due(clock().date()) == []
    assert app.queries.account_by_telegram_id(BOB) is not None
    clock.advance(days=1)
    assert personal.erase_due(clock().date()) == [BOB]
    assert app.queries.account_by_telegram_id(BOB) is None
    erased = list(app.events.get(account_id_for(BOB)))[-1]
    assert type(erased).__qualname__ == "Account.AccountErased"
    assert erased.actor == "operator:system" and "/deleteaccount" in erased.reason
    assert erased.source == "system:scheduled erasure"
    assert app.queries.account_by_telegram_id(ALICE) is not None


def test_a_cancelled_deleteaccount_request_erases_nothing(app: Televent, clock: FakeClock) -> None:
    bobs_world(app)
    app.request_erasure(BOB, actor="system:", source=CLI)
    app.cancel_erasure(BOB, actor="system:", source=CLI)
    clock.advance(days=31)
    assert PersonalData(app).erase_due(clock().date()) == []
    assert app.queries.account_by_telegram_id(BOB) is not None


def test_an_erased_person_can_come_back_as_a_new_user(app: Televent, clock: FakeClock) -> None:
    events = bobs_world(app)
    first = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17").pseudonym
    clock.advance(days=40)
    again = app.register_account(BOB, name=BOB_NAME, email=BOB_EMAIL, actor="system:", source=CLI)

    # A new, empty account: nothing of the erased one comes back.
    assert again.created and again.account_id != account_id_for(BOB)
    account = app.queries.account_by_telegram_id(BOB)
    assert account is not None and account.account_id == again.account_id
    assert app.queries.objects_in(calendar_id_for(again.account_id, DEFAULT_CALENDAR_SLUG)) == []
    assert app.register_account(BOB, name="x", actor="system:", source=CLI).created is False

    # Alice invites him again: her new meeting names him and he gets the card; her old
    # meeting keeps the pseudonym of the erased account, also after a rebuild.
    lunch = app.put_object(
        calendar_of(ALICE), "lunch.ics", vevent(uid="lunch-1", summary="Lunch", organizer=None,
                                                start="20260420T120000", end="20260420T130000"),
        actor=f"account:{account_id_for(ALICE)}", source=CLI,
    )  # fmt: skip
    app.invite_attendee(lunch.event_id, BOB_EMAIL, BOB_NAME,
                        actor=f"account:{account_id_for(ALICE)}", source=CLI)  # fmt: skip
    assert Rebuilder(app.engine, app.views).run().projections
    shown = app.queries.object_by_event_id(lunch.event_id)
    old = app.queries.object_by_event_id(events["alices"])  # type: ignore[arg-type]
    assert shown is not None and f"mailto:{BOB_EMAIL}" in shown.ical
    assert old is not None and first in old.ical and BOB_EMAIL not in old.ical
    cards = DeliveryQueue(app.views, app.clock).rows(BOB)
    assert [c["kind"] for c in cards] == ["invitation"] and "Lunch" in cards[0]["payload"]
    assert Rebuilder(app.engine, app.views).run(verify=True).matches

    # The audit of his Telegram id is the new account's; erasing him again takes a new
    # pseudonym, and the first meeting keeps the first one.
    assert [e.kind for e in Audit(app).account_timeline(BOB)][:1] == ["AccountRegistered"]
    assert not any(e.redacted for e in Audit(app).account_timeline(BOB))
    second = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17 again").pseudonym
    assert second != first
    shown = app.queries.object_by_event_id(lunch.event_id)
    old = app.queries.object_by_event_id(events["alices"])  # type: ignore[arg-type]
    assert shown is not None and second in shown.ical and BOB_EMAIL not in shown.ical
    assert old is not None and first in old.ical


def test_an_address_invited_again_after_the_erasure_shows_as_written(
    app: Televent, clock: FakeClock
) -> None:
    bobs_world(app)
    pseudonym = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17").pseudonym
    clock.advance(minutes=5)
    again = app.put_object(
        calendar_of(ALICE),
        "lunch.ics",
        vevent(uid="lunch-1", summary="Lunch", organizer=None),
        actor=f"account:{account_id_for(ALICE)}",
        source=CLI,
    )
    app.invite_attendee(again.event_id, BOB_EMAIL, None, actor="system:", source=CLI)

    def addresses() -> list[str]:
        return [a["address"] for a in app.queries.attendees_of(again.event_id)]

    assert addresses() == [BOB_EMAIL]  # what Alice wrote after the erasure
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
    Rebuilder(app.engine, app.views).run()
    assert addresses() == [BOB_EMAIL]  # and so does the log, replayed
    older = app.queries.object_with_uid(account_id_for(ALICE), "sync-1")
    assert older is not None
    assert BOB_EMAIL not in older.ical and pseudonym in older.ical  # written before: pseudonym


def test_erasure_ends_the_persons_browser_sessions_and_login_links(
    app: Televent, clock: FakeClock
) -> None:
    bobs_world(app)
    logins = WebLogin(app.views, app.queries, clock)
    session = logins.redeem(logins.issue_link_token(BOB))
    unused_link = logins.issue_link_token(BOB)
    alices = logins.redeem(logins.issue_link_token(ALICE))
    assert session is not None and alices is not None
    PersonalData(app).erase(BOB, operator=OPERATOR, reason="request")
    assert logins.account_for_session(session) is None
    assert logins.redeem(unused_link) is None
    assert logins.account_for_session(alices) == account_id_for(ALICE), "others keep theirs"
    with app.views.read() as db:
        rows = db.all(
            "SELECT account_id FROM web_sessions UNION ALL SELECT account_id FROM web_login_links"
        )
    assert {row["account_id"] for row in rows} == {str(account_id_for(ALICE))}


def test_an_erasure_interrupted_after_its_key_went_is_finished_by_running_it_again(
    app: Televent, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`gdpr erase` run again finishes an interrupted erasure. It was interrupted between the
    rebuild, whose read models can no longer read the person, and the purge of the queues:
    the rerun then found no account and purged nothing, so their queued messages and their
    browser sessions stayed."""
    bobs_world(app)
    logins = WebLogin(app.views, app.queries, clock)
    session = logins.redeem(logins.issue_link_token(BOB))
    assert session is not None
    with app.views.read() as db:
        assert db.all("SELECT 1 FROM telegram_outbox WHERE chat_id = ?", (BOB,))
    real_purge = gdpr.purge_person

    def interrupted(*args: Any, **kwargs: Any) -> int:
        monkeypatch.setattr(gdpr, "purge_person", real_purge)
        raise KeyboardInterrupt  # the operator's Ctrl-C, a kill, once

    monkeypatch.setattr(gdpr, "purge_person", interrupted)
    with pytest.raises(KeyboardInterrupt):
        PersonalData(app).erase(BOB, operator=OPERATOR, reason="request")
    PersonalData(app).erase(BOB, operator=OPERATOR, reason="request")
    assert app.queries.account_by_telegram_id(BOB) is None
    assert logins.account_for_session(session) is None
    with app.views.read() as db:
        assert db.all("SELECT 1 FROM telegram_outbox WHERE chat_id = ?", (BOB,)) == []


def test_erasure_forgets_the_menu_button_of_the_persons_chat(
    app: Televent, clock: FakeClock
) -> None:
    """Which address the person's chat menu button opens, and in which language, is theirs."""
    bobs_world(app)
    buttons = MenuButtons(app.views, clock)
    buttons.record(BOB, "https://calendar.example.com/app/", "de")
    buttons.record(ALICE, "https://calendar.example.com/app/", "en")
    PersonalData(app).erase(BOB, operator=OPERATOR, reason="request")
    left = buttons.opening_elsewhere("https://moved.example.com/app/", 0, 10)
    assert [chat.chat_id for chat in left] == [ALICE]


def test_erasure_takes_out_the_persons_name_and_address_and_nobody_elses(app: Televent) -> None:
    """Bob is called "Alex". Alice's meeting, waiting to be mailed to Alexandra, names Bob by
    an address written in capitals and folded across two lines by Alice's calendar app. His
    erasure takes his address out of the queued message whatever its case and fold, and
    leaves Alexandra's address (which holds his name) and the message to her as they were:
    "alexandra@corp.com" became "Erased userandra@corp.com", the message to her went to that
    address, and his address in capitals stayed."""
    app.register_account(ALICE, name="Alice Archer", email="alice@example.com", actor="system:",
                         source=CLI)  # fmt: skip
    app.register_account(BOB, name="Alex", email=BOB_EMAIL, actor="system:", source=CLI)
    shouted = "Bob.Quux@Example.ORG"
    line = f"ATTENDEE;CN=Alex;PARTSTAT=NEEDS-ACTION;X-NOTE={'n' * 20}:mailto:{shouted}"
    folded = line[:75] + "\r\n " + line[75:]
    assert shouted.lower() not in folded.lower()  # the fold falls inside the address
    meeting = vevent(
        uid="plan-1", summary="Planning", organizer="mailto:alice@example.com",
        attendees=[("alexandra@corp.com", "NEEDS-ACTION")],
        extra=folded,
    )  # fmt: skip
    app.put_object(calendar_of(ALICE), "plan.ics", meeting,
                   actor=f"account:{account_id_for(ALICE)}", source=CLI)  # fmt: skip

    def alexandras() -> list[dict[str, Any]]:
        with app.views.read() as db:
            return db.all(
                "SELECT delivery_id, recipient, payload FROM mail_outbox WHERE method = ?",
                ("REQUEST",),
            )

    def unfolded(text: str) -> str:
        return text.replace("\\r\\n ", "").replace("\r\n ", "").lower()

    [before] = alexandras()
    assert before["recipient"] == "alexandra@corp.com"
    assert BOB_EMAIL in unfolded(before["payload"])
    PersonalData(app).erase(BOB, operator=OPERATOR, reason="request")

    [after] = alexandras()
    assert after["recipient"] == "alexandra@corp.com"
    assert after["delivery_id"] == before["delivery_id"]
    assert BOB_EMAIL not in unfolded(after["payload"])
    assert "alexandra@corp.com" in unfolded(after["payload"])
    assert "erased user" not in unfolded(after["payload"]).replace("erased userandra", "")
    with app.views.read() as db:
        invited = [r["address"] for r in db.all("SELECT address FROM mail_invitations")]
    assert "alexandra@corp.com" in invited
    assert not [a for a in invited if "erased user" in a.lower()]


def test_erasure_takes_a_name_beyond_ascii_out_of_others_queued_messages(app: Televent) -> None:
    """Bob's name is written in Cyrillic; Alice's meeting, queued for Carol, names him in its
    title only (none of his addresses). SQLite's LOWER leaves Cyrillic as it is and the
    queues write it escaped: the name was never found, and stayed."""
    app.register_account(ALICE, name="Alice Archer", email="alice@example.com", actor="system:",
                         source=CLI)  # fmt: skip
    app.register_account(BOB, name="Алексей Петров", email=BOB_EMAIL, actor="system:", source=CLI)
    meeting = vevent(uid="lunch-1", summary="Обед с Алексей Петров",
                     organizer="mailto:alice@example.com",
                     attendees=[("carol@external.example", "NEEDS-ACTION")])  # fmt: skip
    app.put_object(calendar_of(ALICE), "lunch.ics", meeting,
                   actor=f"account:{account_id_for(ALICE)}", source=CLI)  # fmt: skip

    def queued() -> str:
        with app.views.read() as db:
            rows = db.all("SELECT payload FROM mail_outbox WHERE method = ?", ("REQUEST",))
        return json.dumps([json.loads(r["payload"]) for r in rows], ensure_ascii=False)

    assert "Алексей Петров" in queued()
    PersonalData(app).erase(BOB, operator=OPERATOR, reason="request")
    assert "Алексей" not in queued() and "Обед с Erased user" in queued()
    assert "carol@external.example" in queued()
