"""The mails of a booking, through the real queue, sender and an SMTP server on loopback: the
visitor reads the time in their own zone, with the manage link, and an iMIP REQUEST; cancelling
through the manage link, or the owner deleting the event over CalDAV, sends them a CANCEL.
Both backends."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from email.message import EmailMessage
from uuid import uuid4

import pytest

from televent.adapters.mail.sender import MailSender
from televent.adapters.mail.smtp import SmtpSettings
from televent.adapters.port import AppPort
from televent.application.bookings import BookingRequest
from televent.application.delivery_failures import DeliveryFailures
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.booking_links import BookingLink
from televent.domain.mail_identity import MailIdentity
from tests.conftest import FakeClock
from tests.smtpsink import Recorder, messages, smtp_server

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
PUBLIC = "https://cal.example.org"
OWNER = 4242
# Monday 2 March 2026, 06:00 UTC; the slot is Tuesday 14:00 UTC = 15:00 Berlin = 09:00 New York.
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
SLOT = dt.datetime(2026, 3, 3, 14, 0, tzinfo=dt.UTC)
NEW_YORK_TIME = "Tue, Mar 3, 2026, 9:00\u202fAM–9:30\u202fAM (America/New_York)"


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


@pytest.fixture
def owner(app: Televent, clock: FakeClock) -> Televent:
    clock.now = NOW
    app.register_account(
        OWNER, name="Olga Owner", timezone="Europe/Berlin", actor="test", source="cli"
    )
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    app.link_email(OWNER, "olga@example.com", actor="test", source="cli")
    app.create_booking_link(
        account.account_id,
        BookingLink.from_json({"slug": "intro", "title": "Intro call", "duration_minutes": 30}),
        actor="test",
        source="api",
    )
    return app


def send_all(app: Televent, port: int) -> None:
    queue = MailQueue(app.views, app.clock)
    failures = DeliveryFailures(app, mail=queue, telegram=DeliveryQueue(app.views, app.clock))
    smtp = SmtpSettings.parse(f"smtp://127.0.0.1:{port}")
    sender = MailSender(
        app, IDENTITY, smtp, AppPort(2), queue=queue, failures=failures, public_url=PUBLIC + "/"
    )
    asyncio.run(sender.run_once())


def book(app: Televent, token: str) -> None:
    app.book(
        BookingRequest(
            slug="intro", start=SLOT, name="Ann Visitor", email="Ann@Example.org",
            tz="America/New_York",
        ),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )  # fmt: skip


def body(message: EmailMessage, subtype: str) -> str:
    for part in message.walk():
        if part.get_content_type() == f"text/{subtype}":
            return str(part.get_content())
    raise AssertionError(f"no text/{subtype} part")


def calendar_method(message: EmailMessage) -> str:
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return str(part.get_param("method"))


def to_visitor(handler: Recorder) -> list[EmailMessage]:
    return [m for to, m in messages(handler) if [t.lower() for t in to] == ["ann@example.org"]]


def test_the_visitor_reads_their_zone_and_the_manage_link(
    owner: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    token = "tok-" + uuid4().hex
    book(owner, token)
    send_all(owner, port)
    [request] = to_visitor(handler)
    assert request["Subject"] == f"Booked: Intro call with Olga Owner @ {NEW_YORK_TIME}"
    assert calendar_method(request) == "REQUEST"
    manage = f"Cancel or reschedule: {PUBLIC}/book/intro/manage/{token}"
    text = body(request, "plain")
    assert f"When: {NEW_YORK_TIME}" in text and manage in text
    page = body(request, "html")
    link = f"{PUBLIC}/book/intro/manage/{token}"
    assert NEW_YORK_TIME in page and f'<a href="{link}">{link}</a>' in page
    calendar = next(p for p in request.walk() if p.get_content_type() == "text/calendar")
    ical = calendar.get_content()
    assert "METHOD:REQUEST" in ical and "mailto:ann@example.org" in ical.lower()

    owner.cancel_booking(token, reason="Something came up", source="booking")
    send_all(owner, port)
    [_, cancel] = to_visitor(handler)
    assert calendar_method(cancel) == "CANCEL"
    assert cancel["Subject"] == f"Cancelled: Intro call with Olga Owner @ {NEW_YORK_TIME}"
    assert NEW_YORK_TIME in body(cancel, "plain")
    assert "/manage/" not in body(cancel, "plain")


def test_the_owner_deleting_the_event_sends_the_visitor_a_cancel(
    owner: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    token = "tok-" + uuid4().hex
    book(owner, token)
    send_all(owner, port)
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    owner.delete_object(obj.calendar_id, obj.href, actor="owner", source="caldav")
    send_all(owner, port)
    methods = [calendar_method(m) for m in to_visitor(handler)]
    assert methods == ["REQUEST", "CANCEL"]
    cancel = to_visitor(handler)[1]
    assert cancel["Subject"] == f"Cancelled: Intro call with Olga Owner @ {NEW_YORK_TIME}"


def test_mail_of_an_ordinary_event_keeps_the_owners_zone(
    owner: Televent, sink: tuple[Recorder, int]
) -> None:
    """Only the booking's visitor reads their zone; an invitation to anyone else is unchanged."""
    handler, port = sink
    account = owner.queries.account_by_telegram_id(OWNER)
    assert account is not None
    calendar = owner.queries.calendars_of(account.account_id)[0]
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:plain-1\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260303T140000Z\r\n"
        "DTEND:20260303T150000Z\r\nSUMMARY:Budget\r\n"
        "ORGANIZER;CN=Olga Owner:mailto:olga@example.com\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    owner.put_object(calendar.calendar_id, "plain-1.ics", ical, actor="owner", source="caldav")
    send_all(owner, port)
    [(_, invitation)] = messages(handler)
    assert invitation["Subject"] == (
        "Invitation: Budget @ Tue, Mar 3, 2026, 3:00\u202fPM–4:00\u202fPM (Europe/Berlin)"
    )
    assert "/manage/" not in body(invitation, "plain")


def test_a_rescheduled_booking_is_mailed_as_moved_in_the_visitors_zone(
    owner: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    token = "tok-" + uuid4().hex
    book(owner, token)
    send_all(owner, port)
    owner.reschedule_booking(token, SLOT + dt.timedelta(hours=1), source="booking")
    send_all(owner, port)
    [_, moved] = to_visitor(handler)
    later = "Tue, Mar 3, 2026, 10:00\u202fAM–10:30\u202fAM (America/New_York)"
    assert moved["Subject"] == f"Moved: Intro call with Olga Owner @ {later}"
    assert calendar_method(moved) == "REQUEST"
    assert f"{PUBLIC}/book/intro/manage/{token}" in body(moved, "plain")
