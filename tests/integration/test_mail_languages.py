"""Mails in their reader's language, through the real jobs, queues and sender and an SMTP
server on loopback, on SQLite and PostgreSQL: a reminder and a morning agenda as a Russian, a
Persian and an English reader get them (the subject decoded from RFC 2047, the text and the
HTML part, Content-Language, right to left for Persian, weekday and month names of the
language, the person's own clock), an invitation a Russian organizer sends to someone outside
Televent, the code mail, and the unsubscribe page in the person's language."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from email.message import EmailMessage
from typing import Any
from uuid import UUID, uuid4

from litestar import Litestar
from litestar.testing import TestClient

from televent.adapters.mail.sender import MailSender
from televent.adapters.mail.smtp import SmtpSettings
from televent.adapters.mail.unsubscribe import unsubscribe_handlers
from televent.adapters.port import AppPort
from televent.application.bookings import BookingRequest
from televent.application.delivery_failures import DeliveryFailures
from televent.application.mail_notices import MailNotices
from televent.application.morning_agenda import MorningAgenda
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.booking_links import BookingLink
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import DEFAULT_CALENDAR_SLUG, calendar_id_for
from tests.conftest import FakeClock
from tests.helpers import ACTOR, CLI
from tests.smtpsink import Recorder, messages

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
PUBLIC = "https://cal.example.org"
RU, FA, EN = 11, 22, 33
MAIL = {RU: "olga@example.ru", FA: "dara@example.ir", EN: "emma@example.com"}
ZONE = {RU: "Europe/Moscow", FA: "Asia/Tehran", EN: "Europe/Berlin"}
BIDI_MARKS = re.compile("[\u2066-\u2069\u200e\u200f]")
RLM = "\u200f"


def shown(text: str) -> str:
    """Text as a reader sees it: without the invisible bidirectional marks."""
    return BIDI_MARKS.sub("", text)


def event(uid: str, start: str, end: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"SUMMARY:{uid}\r\nLOCATION:Room 5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(app: Televent, account_id: UUID, uid: str, text: str) -> UUID:
    calendar = calendar_id_for(account_id, DEFAULT_CALENDAR_SLUG)
    return app.put_object(calendar, f"{uid}.ics", text, actor=ACTOR, source=CLI).event_id


def register(app: Televent, telegram_id: int, name: str, **preferences: Any) -> UUID:
    account = app.register_account(
        telegram_id, name=name, timezone=ZONE[telegram_id], actor=ACTOR, source=CLI
    )
    app.link_email(telegram_id, MAIL[telegram_id], actor=ACTOR, source=CLI)
    app.change_preferences(telegram_id, preferences, actor=ACTOR, source=CLI)
    return account.account_id


def send(app: Televent, clock: FakeClock, port: int) -> None:
    """One round of the real mail sender against the SMTP sink."""
    queue = MailQueue(app.views, clock)
    failures = DeliveryFailures(app, mail=queue, telegram=DeliveryQueue(app.views, clock))
    sender = MailSender(
        app, IDENTITY, SmtpSettings.parse(f"smtp://127.0.0.1:{port}"), AppPort(2),
        queue=queue, failures=failures, clock=clock, public_url=PUBLIC,
    )  # fmt: skip
    asyncio.run(sender.run_once())


def by_recipient(handler: Recorder) -> dict[str, EmailMessage]:
    found = {}
    for recipients, message in messages(handler):
        (recipient,) = recipients
        found[recipient] = message
    return found


def text_and_html(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert text is not None and page is not None
    return str(text.get_content()), str(page.get_content())


def test_a_reminder_in_russian_in_persian_and_in_english(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    clock.now = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)
    email_too = {"reminders": ["telegram", "email"]}
    people = {
        RU: register(app, RU, "Ольга", language="ru", channels=email_too),
        FA: register(app, FA, "دارا", language="fa", channels=email_too),
        EN: register(app, EN, "Emma", hour_cycle="24", channels=email_too),
    }
    for account_id in people.values():  # Monday 2 March 2026, 09:00 UTC
        put(app, account_id, "Standup", event("Standup", "20260302T090000Z", "20260302T093000Z"))
    clock.now = dt.datetime(2026, 3, 2, 8, 45, tzinfo=dt.UTC)  # fifteen minutes before
    assert ReminderScheduler(app, DeliveryQueue(app.views, clock)).run_once(clock()) == 3
    send(app, clock, port)
    mails = by_recipient(handler)

    russian = mails[MAIL[RU]]
    assert russian["Content-Language"] == "ru"
    # (CLDR puts a no-break space between the year and its abbreviation)
    when = "пн, 2 мар. 2026\u202fг., 12:00 (Europe/Moscow)"
    assert russian["Subject"] == f"Напоминание: Standup @ {when}"
    text, page = text_and_html(russian)
    assert "Standup начнётся через 15 минут" in text
    assert f"Когда: {when}" in text and "Где: Room 5" in text
    assert "Вы получаете напоминания по почте" in text
    assert f"Отписаться от этих писем: {PUBLIC}/unsubscribe/" in text
    assert '<html lang="ru" dir="ltr">' in page and "<th" in page and ">Когда</th>" in page
    assert "Standup начнётся через 15 минут" in page

    persian = mails[MAIL[FA]]
    assert persian["Content-Language"] == "fa"
    when = "دوشنبه 2 مارس 2026، ساعت 12:30 (Asia/Tehran)"  # 09:00 UTC in Tehran
    assert shown(str(persian["Subject"])) == f"یادآوری: Standup @ {when}"
    text, page = text_and_html(persian)
    lines = [line for line in text.splitlines() if line.strip() and line != "-- "]
    assert lines and all(line.startswith(RLM) for line in lines), "each line reads from the right"
    assert "Standup 15 دقیقهٔ دیگر شروع می‌شود" in shown(text)
    assert f"زمان: {when}" in shown(text)
    link = re.search(r"توقف این ایمیل‌ها: (\S+)", text)
    assert link is not None and re.fullmatch(rf"{re.escape(PUBLIC)}/unsubscribe/[\w-]+", link[1])
    assert '<html lang="fa" dir="rtl">' in page and '<body lang="fa" dir="rtl"' in page
    assert '<th align="right"' in page and ">زمان</th>" in page
    assert "Standup 15 دقیقهٔ دیگر شروع می‌شود" in shown(page)

    english = mails[MAIL[EN]]
    assert english["Content-Language"] == "en"
    # her own 24-hour clock, though English writes 12 hours by default
    assert english["Subject"] == "Reminder: Standup @ Mon, Mar 2, 2026, 10:00 (Europe/Berlin)"
    text, page = text_and_html(english)
    assert "Standup starts in 15 minutes" in text and "Where: Room 5" in text
    assert '<html lang="en" dir="ltr">' in page


def test_the_morning_agenda_in_russian_and_in_persian_on_their_clocks(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    clock.now = dt.datetime(2026, 3, 2, 0, 0, tzinfo=dt.UTC)
    by_mail = {"agenda": ["email"]}
    people = {
        # Olga reads Russian from her Telegram, and chose a 12-hour clock
        RU: register(app, RU, "Ольга", hour_cycle="12", agenda_time="07:00", channels=by_mail),
        FA: register(app, FA, "دارا", language="fa", agenda_time="07:00", channels=by_mail),
    }
    app.change_account_settings(RU, {"telegram_language": "ru-RU"}, actor=ACTOR, source=CLI)
    for account_id in people.values():
        put(app, account_id, "Planning", event("Planning", "20260302T090000Z", "20260302T100000Z"))
        put(app, account_id, "Review", event("Review", "20260302T093000Z", "20260302T103000Z"))
    agenda = MorningAgenda(app, DeliveryQueue(app.views, clock))
    for now in (
        dt.datetime(2026, 3, 2, 3, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 2, 4, 0, tzinfo=dt.UTC),
    ):
        clock.now = now  # 07:00 in Tehran, then in Moscow
        assert agenda.run_once(clock()) == 1
    send(app, clock, port)
    mails = by_recipient(handler)

    russian = mails[MAIL[RU]]
    assert russian["Content-Language"] == "ru"
    assert russian["Subject"] == "Ваш день: понедельник, 2 марта"
    text, page = text_and_html(russian)
    assert "Ваш день, понедельник, 2 марта (Europe/Moscow)" in text
    assert "- (!) 12:00\u202fPM–1:00\u202fPM · Planning · место: Room 5" in text
    assert "- (!) 12:30\u202fPM–1:30\u202fPM · Review · место: Room 5" in text
    assert "(!) — события, которые пересекаются." in text
    assert '<html lang="ru" dir="ltr">' in page and "понедельник, 2 марта" in page

    persian = mails[MAIL[FA]]
    assert persian["Content-Language"] == "fa"
    assert shown(str(persian["Subject"])) == "روز شما: دوشنبه 2 مارس"
    text, page = text_and_html(persian)
    lines = [line for line in text.splitlines() if line.strip() and line != "-- "]
    assert all(line.startswith(RLM) for line in lines)
    assert "- (!) 12:30 تا 13:30 · Planning · در Room 5" in shown(text)
    assert "(!) رویدادهایی را نشان می‌دهد که با هم هم‌پوشانی دارند." in shown(text)
    assert '<html lang="fa" dir="rtl">' in page and '<body lang="fa" dir="rtl"' in page
    assert "روز شما، دوشنبه 2 مارس (Asia/Tehran)" in shown(page)


def test_an_invitation_to_someone_outside_televent_speaks_the_organizers_language(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    clock.now = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)
    olga = register(app, RU, "Ольга", language="ru")
    meeting = put(app, olga, "Budget", event("Budget", "20260303T140000Z", "20260303T150000Z"))
    app.invite_attendee(meeting, "guest@example.net", actor=ACTOR, source=CLI)
    send(app, clock, port)
    invitation = by_recipient(handler)["guest@example.net"]
    assert invitation["Content-Language"] == "ru"
    when = "вт, 3 мар. 2026\u202fг., 17:00–18:00 (Europe/Moscow)"
    assert invitation["Subject"] == f"Приглашение: Budget @ {when}"
    text, page = text_and_html(invitation)
    assert "Ольга приглашает вас: «Budget»" in text
    assert f"Когда: {when}" in text and "Организатор: Ольга" in text
    assert '<html lang="ru" dir="ltr">' in page
    calendar = [p for p in invitation.walk() if p.get_content_type() == "text/calendar"]
    assert calendar and calendar[0].get_param("method") == "REQUEST", "the iMIP part as before"


def test_the_code_mail_in_the_language_of_who_asked(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    clock.now = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)
    app.register_account(FA, name="دارا", timezone=ZONE[FA], actor=ACTOR, source=CLI)
    app.change_preferences(FA, {"language": "fa"}, actor=ACTOR, source=CLI)
    app.request_email_code(FA, "dara@example.ir", actor=ACTOR, source=CLI)
    send(app, clock, port)
    mail = by_recipient(handler)["dara@example.ir"]
    assert mail["Content-Language"] == "fa"
    subject = shown(str(mail["Subject"]))
    assert subject.startswith("کد Televent شما: ")
    code = subject.rsplit(" ", 1)[1]
    assert re.fullmatch(r"\d{6}", code)
    text, page = text_and_html(mail)
    assert f"(در ربات: /email {code})" in shown(text) and "ظرف 15 دقیقه" in shown(text)
    assert '<html lang="fa" dir="rtl">' in page


def test_the_unsubscribe_page_speaks_the_persons_language(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    clock.now = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)
    olga = register(app, RU, "Ольга", language="ru", channels={"reminders": ["email"]})
    put(app, olga, "Standup", event("Standup", "20260302T090000Z", "20260302T093000Z"))
    clock.now = dt.datetime(2026, 3, 2, 8, 45, tzinfo=dt.UTC)
    ReminderScheduler(app, DeliveryQueue(app.views, clock)).run_once(clock())
    send(app, clock, port)
    link = str(by_recipient(handler)[MAIL[RU]]["List-Unsubscribe"]).strip()[1:-1]
    path = link.removeprefix(PUBLIC)
    site = Litestar(route_handlers=unsubscribe_handlers(MailNotices(app), AppPort(2)))
    with TestClient(site) as client:
        # the browser asks for English; the page speaks the language Olga reads
        asked = client.get(path, headers={"Accept-Language": "en-US,en;q=0.9"})
        assert asked.status_code == 200 and asked.headers["content-language"] == "ru"
        assert '<html lang="ru" dir="ltr">' in asked.text
        assert "Больше не присылать напоминания для Ольга на почту?" in asked.text
        assert "Отписаться от напоминаний" in asked.text
        done = client.post(path, content=b"List-Unsubscribe=One-Click")
        assert done.status_code == 200
        assert "Готово: напоминания для Ольга больше не приходят на почту." in done.text
        unknown = client.get("/unsubscribe/no-such-token", headers={"Accept-Language": "fa"})
        assert unknown.status_code == 404 and '<html lang="fa" dir="rtl">' in unknown.text
        assert "این پیوند لغو اشتراک (دیگر) معتبر نیست." in unknown.text


def test_a_booking_visitor_reads_the_language_of_the_page_they_booked_on(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    clock.now = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
    olga = register(app, RU, "Ольга", language="ru")
    intro = {"slug": "intro", "title": "Intro call", "duration_minutes": 30}
    app.create_booking_link(olga, BookingLink.from_json(intro), actor=ACTOR, source="api")
    slot = dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC)  # noon in Moscow, 04:00 in New York
    for email, page in (("ann@example.org", "de"), ("bo@example.org", None)):
        app.book(
            BookingRequest(
                slug="intro", start=slot, name="Ann", email=email, tz="America/New_York",
                language=page,
            ),
            booking_id=uuid4().hex,
            token=uuid4().hex,
            source="booking",
        )  # fmt: skip
        slot += dt.timedelta(hours=1)
    send(app, clock, port)
    mails = by_recipient(handler)

    german = mails["ann@example.org"]
    assert german["Content-Language"] == "de"
    assert german["Subject"] == (
        "Gebucht: Intro call mit Ольга @ Di., 3. März 2026, 04:00–04:30 (America/New_York)"
    )
    text, page = text_and_html(german)
    assert "Wann: Di., 3. März 2026, 04:00–04:30 (America/New_York)" in text
    assert f"Stornieren oder verschieben: {PUBLIC}/book/intro/manage/" in text
    assert '<html lang="de" dir="ltr">' in page

    # a booking made without a language: the link owner's, in the visitor's zone
    russian = mails["bo@example.org"]
    assert russian["Content-Language"] == "ru"
    assert russian["Subject"] == (
        "Запись: Intro call с Ольга @ вт, 3 мар. 2026\u202fг., 05:00–05:30 (America/New_York)"
    )
