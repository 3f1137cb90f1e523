"""Reminders, the morning agenda and notices by mail, through the real jobs, queues and sender
and an SMTP server on loopback, with a chosen clock, on SQLite and PostgreSQL: the `channels`
preference (validated, audited, rebuilt), mails at the person's local time with text, HTML,
an .ics copy of the event and a working one-click unsubscribe, each message queued once
however many processes run the jobs, only ever to a linked address, and gone with an
erasure."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any
from uuid import UUID

import icalendar
import pytest

from televent.adapters.mail.sender import MailSender
from televent.adapters.mail.smtp import SmtpSettings
from televent.adapters.port import AppPort
from televent.application.delivery_failures import DeliveryFailures
from televent.application.mail_notices import UNSUBSCRIBE_ACTOR, MailNotices
from televent.application.morning_agenda import MorningAgenda
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import DomainError
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import DEFAULT_CALENDAR_SLUG, PartStat, calendar_id_for
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock
from tests.helpers import ACTOR, CLI
from tests.smtpsink import Recorder, messages, smtp_server

ALICE, BOB = 100, 200
ALICE_MAIL, BOB_MAIL = "alice@example.com", "bob@example.org"
IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
PUBLIC = "https://cal.example.org"
BOTH = ["telegram", "email"]


def event(uid: str, start: str, end: str, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"SUMMARY:{uid}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(app: Televent, account_id: UUID, uid: str, text: str) -> UUID:
    calendar = calendar_id_for(account_id, DEFAULT_CALENDAR_SLUG)
    return app.put_object(calendar, f"{uid}.ics", text, actor=ACTOR, source=CLI).event_id


def prefer(app: Televent, telegram_id: int, **changes: Any) -> None:
    app.change_preferences(telegram_id, changes, actor=f"telegram:{telegram_id}", source=CLI)


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


@pytest.fixture
def people(app: Televent, clock: FakeClock) -> dict[int, UUID]:
    """Alice (alice@example.com linked) and Bob (no email), both in Berlin."""
    clock.now = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)  # Monday 06:00 in Berlin
    found = {}
    for telegram_id, name in ((ALICE, "Alice <Admin> & Co"), (BOB, "Bob")):
        found[telegram_id] = app.register_account(
            telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=CLI
        ).account_id
    app.link_email(ALICE, ALICE_MAIL, actor=ACTOR, source=CLI)
    return found


@pytest.fixture
def other(app: Televent, backend: Backend, clock: FakeClock) -> Iterator[Televent]:
    """A second process on the same database."""
    url = (
        f"sqlite:///{backend.tmp_path}/televent-{backend.count}.db"
        if backend.kind == "sqlite"
        else str(backend.postgres_url)
    )
    second = build_application(Settings(database_url=url), clock=clock)
    try:
        yield second
    finally:
        second.close()


def send(app: Televent, clock: FakeClock, port: int, public_url: str = PUBLIC) -> None:
    """One round of the real mail sender against the SMTP sink."""
    queue = MailQueue(app.views, clock)
    failures = DeliveryFailures(app, mail=queue, telegram=DeliveryQueue(app.views, clock))
    sender = MailSender(
        app, IDENTITY, SmtpSettings.parse(f"smtp://127.0.0.1:{port}"), AppPort(2),
        queue=queue, failures=failures, clock=clock, public_url=public_url,
    )  # fmt: skip
    asyncio.run(sender.run_once())


def received(handler: Recorder) -> list[tuple[list[str], EmailMessage]]:
    return messages(handler)


def parts(message: EmailMessage) -> dict[str, Any]:
    """The text, the HTML and the attached calendar of a notice mail."""
    body = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert body is not None and page is not None
    attachments = list(message.iter_attachments())
    return {
        "text": body.get_content(),
        "html": page.get_content(),
        "ics": [a for a in attachments if a.get_content_type() == "text/calendar"],
    }


def unsubscribe_token(message: EmailMessage) -> str:
    header = str(message["List-Unsubscribe"]).strip()  # (folded: a long URL)
    found = re.fullmatch(rf"<{re.escape(PUBLIC)}/unsubscribe/([^>]+)>", header)
    assert found is not None, header
    return found.group(1)


def mail_rows(app: Televent) -> list[dict[str, Any]]:
    return [r for r in MailQueue(app.views, FakeClock()).mail_rows() if r["method"] == "NOTICE"]


# --- the preference ------------------------------------------------------------------------


def test_channels_are_a_preference_checked_audited_and_rebuilt(
    app: Televent, people: dict[int, UUID]
) -> None:
    account = app.queries.account_by_telegram_id(ALICE)
    assert account is not None
    assert account.preferences.channels == {
        "reminders": ["telegram"], "agenda": ["telegram"], "notices": ["telegram"],
    }  # fmt: skip
    prefer(app, ALICE, channels={"reminders": ["email", "telegram"]})
    prefer(app, ALICE, channels={"reminders": ["telegram", "email"]})  # the same: no event
    prefer(app, ALICE, channels={"agenda": []})
    account = app.queries.account_by_telegram_id(ALICE)
    assert account is not None and account.preferences.channels == {
        "reminders": BOTH, "agenda": [], "notices": ["telegram"],
    }  # fmt: skip
    for bad, said in (
        ({"reminders": ["sms"]}, "channels.reminders has 'sms'"),
        ({"birthdays": ["email"]}, "no kind 'birthdays'"),
        ({"agenda": "email"}, "channels.agenda is a list"),
        (["email"], "channels maps"),
    ):
        with pytest.raises(DomainError, match=re.escape(said)):
            prefer(app, ALICE, channels=bad)
    entries = [e for e in Audit(app).account_timeline(ALICE) if e.kind == "PreferencesChanged"]
    assert len(entries) == 2
    assert any("channels" in line and "email" in line for line in entries[0].diff)
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


# --- reminders ------------------------------------------------------------------------------


def test_a_reminder_is_mailed_once_at_its_moment_with_the_event_and_an_unsubscribe(
    app: Televent,
    other: Televent,
    clock: FakeClock,
    people: dict[int, UUID],
    sink: tuple[Recorder, int],
) -> None:
    handler, port = sink
    prefer(app, ALICE, channels={"reminders": BOTH})
    put(app, people[ALICE], "Standup", event("Standup", "20260302T090000Z", "20260302T093000Z"))
    scans = [ReminderScheduler(a, DeliveryQueue(a.views, clock)) for a in (app, other)]

    clock.now = dt.datetime(2026, 3, 2, 8, 44, tzinfo=dt.UTC)  # 09:44 Berlin: not yet
    assert [scan.run_once(clock()) for scan in scans] == [0, 0]
    clock.now = dt.datetime(2026, 3, 2, 8, 45, tzinfo=dt.UTC)  # 09:45: fifteen minutes before
    assert [scan.run_once(clock()) for scan in scans] == [1, 0], "two processes queue it once"
    clock.advance(seconds=30)
    assert scans[0].run_once(clock()) == 0
    send(app, clock, port)
    send(app, clock, port)

    (recipients, mail), *more = received(handler)
    assert more == [] and recipients == [ALICE_MAIL]
    assert mail.get_content_type() == "multipart/mixed"
    assert mail["From"] == "Televent <calendar@cal.example.org>"
    assert mail["Subject"] == "Reminder: Standup @ Mon, Mar 2, 2026, 10:00\u202fAM (Europe/Berlin)"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = parts(mail)
    assert "Standup starts in 15 minutes" in body["text"]
    assert "When: Mon, Mar 2, 2026, 10:00\u202fAM (Europe/Berlin)" in body["text"]
    assert "Alice &lt;Admin&gt; &amp; Co" not in body["html"]  # (her name is not shown here)
    (attached,) = body["ics"]
    assert attached.get_filename() == "event.ics" and attached.get_param("method") == "PUBLISH"
    calendar = icalendar.Calendar.from_ical(attached.get_content())
    assert str(calendar["METHOD"]) == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART") == dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert "@televent.internal" not in attached.get_content()

    # Telegram still has it too; one click on the link stops the mails of reminders only.
    telegram = DeliveryQueue(app.views, clock).rows(ALICE)
    assert [(r["kind"], r["status"]) for r in telegram] == [("reminder", "pending")]
    notices = MailNotices(app)
    done = notices.unsubscribe(unsubscribe_token(mail))
    assert done is not None and done.channel == "reminders" and not done.by_mail
    account = app.queries.account_by_telegram_id(ALICE)
    assert account is not None and account.preferences.channels["reminders"] == ["telegram"]
    changed = [e for e in Audit(app).account_timeline(ALICE) if e.kind == "PreferencesChanged"]
    assert changed[-1].actor == UNSUBSCRIBE_ACTOR and "unsubscribe link" in changed[-1].who
    assert notices.unsubscribe(unsubscribe_token(mail)) is not None  # again: nothing changes
    assert notices.unsubscribe("forged-" + unsubscribe_token(mail)) is None

    put(app, people[ALICE], "Retro", event("Retro", "20260302T120000Z", "20260302T130000Z"))
    clock.now = dt.datetime(2026, 3, 2, 11, 45, tzinfo=dt.UTC)
    assert scans[1].run_once(clock()) == 1
    send(app, clock, port)
    assert len(received(handler)) == 1, "the next reminder is not mailed"
    kinds = [r["kind"] for r in DeliveryQueue(app.views, clock).rows(ALICE)]
    assert kinds == ["reminder", "reminder"], "Telegram goes on as before"


def test_email_only_no_linked_email_and_telegram_only(
    app: Televent, clock: FakeClock, people: dict[int, UUID], sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    prefer(app, ALICE, channels={"reminders": ["email"]})
    prefer(app, BOB, channels={"reminders": BOTH})  # Bob has no linked email
    for who in (ALICE, BOB):
        call = event(f"Call-{who}", "20260302T090000Z", "20260302T100000Z")
        put(app, people[who], f"Call-{who}", call)
    clock.now = dt.datetime(2026, 3, 2, 8, 50, tzinfo=dt.UTC)
    assert ReminderScheduler(app, DeliveryQueue(app.views, clock)).run_once(clock()) == 2
    queue = DeliveryQueue(app.views, clock)
    alice = queue.rows(ALICE)
    assert [(r["status"], r["last_error"]) for r in alice] == [
        ("skipped", "not on Telegram: the person chose email only for reminders")
    ]
    assert [r["status"] for r in queue.rows(BOB)] == ["pending"], "Telegram as today"
    assert [d.chat_id for d in queue.claim()] == [BOB]
    send(app, clock, port)
    assert [recipients for recipients, _ in received(handler)] == [[ALICE_MAIL]]
    assert [r["recipient"] for r in mail_rows(app)] == [ALICE_MAIL], "nothing for Bob"


# --- the morning agenda ----------------------------------------------------------------------


def test_the_agenda_is_mailed_at_the_local_time_once(
    app: Televent,
    other: Televent,
    clock: FakeClock,
    people: dict[int, UUID],
    sink: tuple[Recorder, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handler, port = sink
    prefer(app, ALICE, agenda_time="07:00", channels={"agenda": ["email"]})
    planning = event("Planning", "20260302T090000Z", "20260302T100000Z", "LOCATION:Room <1>\r\n")
    put(app, people[ALICE], "Planning", planning)
    jobs = [MorningAgenda(a, DeliveryQueue(a.views, clock)) for a in (app, other)]
    # the worst case: both processes looked for the day's row before either wrote it
    monkeypatch.setattr(jobs[1].queue, "exists", lambda _key: False)
    clock.now = dt.datetime(2026, 3, 2, 5, 59, tzinfo=dt.UTC)  # 06:59 Berlin
    assert [job.run_once(clock()) for job in jobs] == [0, 0]
    send(app, clock, port)
    assert received(handler) == []
    clock.now = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)  # 07:00 Berlin
    assert [job.run_once(clock()) for job in jobs] == [1, 0]
    clock.advance(minutes=5)
    assert jobs[1].run_once(clock()) == 0
    send(app, clock, port)
    send(app, clock, port)
    (recipients, mail), *more = received(handler)
    assert more == [] and recipients == [ALICE_MAIL]
    assert mail["Subject"] == "Your day: Monday, March 2"
    assert mail.get_content_type() == "multipart/alternative", "no event attached to an agenda"
    body = parts(mail)
    assert "10:00\u202fAM–11:00\u202fAM · Planning · at Room <1>" in body["text"]
    assert "Room &lt;1&gt;" in body["html"] and "Room <1>" not in body["html"]
    assert "(Europe/Berlin)" in body["text"]
    assert unsubscribe_token(mail)
    assert [r["status"] for r in DeliveryQueue(app.views, clock).rows(ALICE)] == ["skipped"]


# --- notices about one's events ---------------------------------------------------------------


def test_invitations_and_answers_are_mailed_as_notices(
    app: Televent, clock: FakeClock, people: dict[int, UUID], sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    app.link_email(BOB, BOB_MAIL, actor=ACTOR, source=CLI)
    prefer(app, BOB, channels={"notices": ["email"]})
    prefer(app, ALICE, channels={"notices": BOTH})
    review = event("Review", "20260303T140000Z", "20260303T150000Z")
    meeting = put(app, people[ALICE], "Review", review)
    app.invite_attendee(meeting, f"tg_{BOB}@televent.internal", actor=ACTOR, source=CLI)
    app.give_rsvp(meeting, f"tg_{BOB}@televent.internal", PartStat.DECLINED,
                  actor=f"account:{people[BOB]}", source=CLI)  # fmt: skip
    send(app, clock, port)
    by_recipient = {recipients[0]: mail for recipients, mail in received(handler)}
    assert set(by_recipient) == {BOB_MAIL, ALICE_MAIL}
    invitation = by_recipient[BOB_MAIL]
    assert invitation["Subject"].startswith(
        "Invitation: Review @ Tue, Mar 3, 2026, 3:00\u202fPM–4:00\u202fPM"
    )
    body = parts(invitation)
    assert "Alice &lt;Admin&gt; &amp; Co invites you" in body["html"], "names are escaped"
    assert f"{PUBLIC}/app/#event={meeting}" in body["text"]
    (attached,) = body["ics"]
    assert "Review" in attached.get_content()
    answer = by_recipient[ALICE_MAIL]
    assert answer["Subject"].startswith("Bob declined: Review")
    telegram = DeliveryQueue(app.views, clock)
    assert [r["status"] for r in telegram.rows(BOB)] == ["skipped"], "Bob chose email only"
    assert [r["kind"] for r in telegram.rows(ALICE)] == ["rsvp"]


def test_a_mail_waiting_for_an_address_unlinked_or_a_kind_turned_off_is_not_sent(
    app: Televent, clock: FakeClock, people: dict[int, UUID], sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    app.link_email(ALICE, "second@example.com", actor=ACTOR, source=CLI)
    prefer(app, ALICE, channels={"reminders": BOTH})
    put(app, people[ALICE], "Sync", event("Sync", "20260302T090000Z", "20260302T100000Z"))
    clock.now = dt.datetime(2026, 3, 2, 8, 50, tzinfo=dt.UTC)
    ReminderScheduler(app, DeliveryQueue(app.views, clock)).run_once(clock())
    assert sorted(r["recipient"] for r in mail_rows(app)) == [ALICE_MAIL, "second@example.com"]
    app.unlink_email(ALICE, "second@example.com", actor=ACTOR, source=CLI)
    send(app, clock, port)
    assert [recipients for recipients, _ in received(handler)] == [[ALICE_MAIL]]
    statuses = {r["recipient"]: (r["status"], r["last_error"]) for r in mail_rows(app)}
    assert statuses["second@example.com"] == (
        "skipped", "the address is no longer linked to the account",
    )  # fmt: skip


def test_an_erasure_removes_the_queued_mails_and_the_unsubscribe_link(
    app: Televent, clock: FakeClock, people: dict[int, UUID], sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    prefer(app, ALICE, channels={"reminders": BOTH})
    put(app, people[ALICE], "First", event("First", "20260302T090000Z", "20260302T100000Z"))
    put(app, people[ALICE], "Second", event("Second", "20260302T120000Z", "20260302T130000Z"))
    clock.now = dt.datetime(2026, 3, 2, 8, 50, tzinfo=dt.UTC)
    ReminderScheduler(app, DeliveryQueue(app.views, clock)).run_once(clock())
    send(app, clock, port)
    token = unsubscribe_token(received(handler)[0][1])
    clock.now = dt.datetime(2026, 3, 2, 11, 50, tzinfo=dt.UTC)
    ReminderScheduler(app, DeliveryQueue(app.views, clock)).run_once(clock())
    assert [r["status"] for r in mail_rows(app)] == ["sent", "pending"]
    PersonalData(app).erase(ALICE, operator="test", reason="asked")
    assert mail_rows(app) == []
    with app.views.read() as db:
        assert db.scalar("SELECT COUNT(*) FROM mail_unsubscribe_tokens") == 0
    assert MailNotices(app).unsubscription(token) is None
