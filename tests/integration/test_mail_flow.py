"""Email invitations both ways, through the real queue, sender and an SMTP server on loopback.

A Televent user invites an external address: the REQUEST that arrives is inspected (MIME
structure, headers, METHOD, UID, SEQUENCE, attendees, time zones), answered by a REPLY shaped
as Gmail builds it, ingested, and the organizer's CalDAV view and Telegram show the answer.
An external REQUEST arrives for a Televent user: a card is queued, the user accepts, and the
REPLY email that leaves is valid RFC 5546. Both backends.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid

import icalendar
import pytest

from televent.adapters.mail.ingest import receive_email
from televent.adapters.mail.sender import MailSender
from televent.adapters.mail.smtp import SmtpSettings
from televent.adapters.port import AppPort
from televent.application.delivery_failures import DeliveryFailures
from televent.application.itip_inbox import ItipInbox
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    account_id_for,
    calendar_event_id_for,
    calendar_id_for,
)
from televent.ops.audit import Audit
from tests.helpers import ACTOR, CLI, vevent
from tests.smtpsink import Recorder, messages, smtp_server

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
ALICE, CAROL = 1, 3


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


def sender(app: Televent, port: int) -> MailSender:
    queue = MailQueue(app.views, app.clock)
    failures = DeliveryFailures(app, mail=queue, telegram=DeliveryQueue(app.views, app.clock))
    smtp = SmtpSettings.parse(f"smtp://127.0.0.1:{port}")
    return MailSender(app, IDENTITY, smtp, AppPort(2), queue=queue, failures=failures)


def send_all(app: Televent, port: int) -> int:
    return asyncio.run(sender(app, port).run_once())


def calendar_of(telegram_id: int) -> object:
    return calendar_id_for(account_id_for(telegram_id), DEFAULT_CALENDAR_SLUG)


def organized_event(app: Televent) -> object:
    """Alice's event (Europe/Berlin, no VTIMEZONE) with Bob invited by email."""
    app.register_account(
        ALICE, name="Alice Ärger", timezone="Europe/Berlin", actor=ACTOR, source=CLI
    )
    calendar_id = calendar_of(ALICE)
    text = vevent(uid="sync-1", organizer=None, start="20261203T150000", end="20261203T160000")
    result = app.put_object(calendar_id, "sync-1.ics", text, actor=ACTOR, source=CLI)
    app.invite_attendee(result.event_id, "bob@example.com", "Bob", actor=ACTOR, source=CLI)
    return result.event_id


def invitation_sent(app: Televent, sink: tuple[Recorder, int]) -> tuple[object, str]:
    """Alice's event with Bob invited, its REQUEST sent: (event id, the Reply-To it carried)."""
    handler, port = sink
    event_id = organized_event(app)
    send_all(app, port)
    [(_, request)] = messages(handler)
    return event_id, request["Reply-To"].addresses[0].addr_spec


def calendar_part(message: EmailMessage) -> icalendar.Calendar:
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return icalendar.Calendar.from_ical(part.get_content())


def vevent_of(calendar: icalendar.Calendar) -> icalendar.cal.Component:
    return next(c for c in calendar.walk("VEVENT"))


def gmail_reply(uid: str, attendee: str, to: str, partstat: str, sequence: int = 0) -> bytes:
    """A REPLY laid out as Gmail sends it (mixed > alternative(plain, html, calendar) + ics)."""
    ical = (
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
        "CALSCALE:GREGORIAN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
        "DTSTART:20261203T140000Z\r\nDTEND:20261203T150000Z\r\nDTSTAMP:20261121T100000Z\r\n"
        f"ORGANIZER;CN=Alice:mailto:{to}\r\nUID:{uid}\r\n"
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN=Bob;X-NUM-GUES\r\n"
        f" TS=0:mailto:{attendee}\r\nCREATED:20261120T090000Z\r\nDESCRIPTION:\r\n"
        f"LAST-MODIFIED:20261121T100000Z\r\nLOCATION:\r\nSEQUENCE:{sequence}\r\n"
        "STATUS:CONFIRMED\r\nSUMMARY:Team sync\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = f"Bob <{attendee}>"
    message["To"] = to
    message["Subject"] = "Accepted: Team sync"
    message["Message-ID"] = make_msgid(domain="mail.gmail.com")
    message.set_content("Bob has accepted this invitation.")
    message.add_alternative("<p>Bob has accepted this invitation.</p>", subtype="html")
    message.add_alternative(ical, subtype="calendar", params={"method": "REPLY"})
    message.make_mixed()
    message.add_attachment(
        ical.encode(), maintype="application", subtype="ics", filename="invite.ics"
    )
    return bytes(message)


def test_an_external_invitee_receives_an_imip_request(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    organized_event(app)
    assert send_all(app, port) == 1
    assert send_all(app, port) == 0  # sent once, not again
    [(recipients, message)] = messages(handler)
    assert recipients == ["bob@example.com"]
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.iter_parts()
    assert [p.get_content_type() for p in alternative.iter_parts()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    assert attachment.get_filename() == "invite.ics"
    calendar_mime = list(alternative.iter_parts())[2]
    assert calendar_mime.get_param("method") == "REQUEST"
    assert str(calendar_mime.get_param("charset")).upper() == "UTF-8"
    assert message["From"].addresses[0].display_name == "Alice Ärger"
    assert message["From"].addresses[0].addr_spec == "calendar@cal.example.org"
    reply_to = message["Reply-To"].addresses[0].addr_spec
    assert re.fullmatch(r"calendar\+[0-9a-f]{24}@cal\.example\.org", reply_to)
    assert message["Message-ID"] and message["Date"]
    calendar = calendar_part(message)
    assert calendar["METHOD"] == "REQUEST"
    event = vevent_of(calendar)
    assert str(event["UID"]) == "sync-1"
    assert int(event["SEQUENCE"]) == 0
    assert "DTSTAMP" in event
    assert str(event["ORGANIZER"]) == f"mailto:{reply_to}"
    assert event["ORGANIZER"].params["CN"] == "Alice Ärger"
    attendee = event["ATTENDEE"]
    assert str(attendee).lower() == "mailto:bob@example.com"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert event.decoded("DTSTART").utcoffset().total_seconds() == 3600
    raw = bytes(handler.envelopes[0].content)  # type: ignore[arg-type]
    assert b"tg_1@" not in raw and b"televent.internal" not in raw  # never emailed


def test_a_gmail_reply_updates_the_organizers_view_and_telegram(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    event_id, reply_to = invitation_sent(app, sink)
    inbox = ItipInbox(app, IDENTITY)
    receipt = receive_email(inbox, gmail_reply("sync-1", "Bob@Example.com", reply_to, "ACCEPTED"))
    assert [o.result for o in receipt.outcomes] == ["answered"]
    stored = app.queries.object_by_event_id(event_id)
    assert stored is not None
    facts = facts_of(parse_calendar_object(stored.ical))
    assert [(a["address"], a["partstat"]) for a in facts["attendees"]] == [
        ("bob@example.com", "ACCEPTED")
    ]
    notices = [r for r in DeliveryQueue(app.views, app.clock).rows(ALICE) if r["kind"] == "rsvp"]
    assert len(notices) == 1 and '"partstat": "ACCEPTED"' in notices[0]["payload"]
    # Another message with the same answer: accepted, but nothing changes and nobody is told.
    again = receive_email(inbox, gmail_reply("sync-1", "bob@example.com", reply_to, "ACCEPTED"))
    assert [o.result for o in again.outcomes] == ["answered"]
    after = app.queries.object_by_event_id(event_id)
    assert after is not None and after.etag == stored.etag
    assert (
        len([r for r in DeliveryQueue(app.views, app.clock).rows(ALICE) if r["kind"] == "rsvp"])
        == 1
    )


def outlook_reply(uid: str, attendee: str, to: str, partstat: str) -> bytes:
    """A REPLY as Exchange 2010 / Outlook sends it: one base64 text/calendar part, no
    ORGANIZER, a quoted CN with a comma, a COMMENT and Microsoft's own properties."""
    ical = (
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        "VERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\n"
        "DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\n"
        "END:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\n"
        f'ATTENDEE;PARTSTAT={partstat};CN="Builder, Bob":MAILTO:{attendee}\r\n'
        "COMMENT;LANGUAGE=en-US:Sorry\\, I am travelling.\\n\r\n"
        f"UID:{uid}\r\nSUMMARY;LANGUAGE=en-US:Declined: Team sync\r\n"
        'DTSTART;TZID="W. Europe Standard Time":20261203T150000\r\n'
        'DTEND;TZID="W. Europe Standard Time":20261203T160000\r\n'
        "CLASS:PUBLIC\r\nPRIORITY:5\r\nDTSTAMP:20261121T110000Z\r\nTRANSP:OPAQUE\r\n"
        "STATUS:CONFIRMED\r\nSEQUENCE:0\r\nX-MICROSOFT-CDO-APPT-SEQUENCE:0\r\n"
        "X-MICROSOFT-CDO-OWNERAPPTID:0\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
        "X-MICROSOFT-CDO-INSTTYPE:0\r\nX-MICROSOFT-DISALLOW-COUNTER:FALSE\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = f'"Builder, Bob" <{attendee}>'
    message["To"] = to
    message["Subject"] = "Declined: Team sync"
    message["Thread-Topic"] = "Team sync"
    message["Message-ID"] = make_msgid(domain="EXCH01.example.com")
    message.set_content(ical.encode(), maintype="text", subtype="calendar", cte="base64")
    message.set_param("method", "REPLY")
    message.set_param("charset", "utf-8")
    return bytes(message)


def test_an_outlook_reply_without_organizer_completes_the_round_trip(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    event_id, reply_to = invitation_sent(app, sink)
    receipt = receive_email(
        ItipInbox(app, IDENTITY), outlook_reply("sync-1", "BOB@example.com", reply_to, "DECLINED")
    )
    assert [o.result for o in receipt.outcomes] == ["answered"]
    stored = app.queries.object_by_event_id(event_id)
    assert stored is not None
    facts = facts_of(parse_calendar_object(stored.ical))
    assert [(a["address"], a["partstat"]) for a in facts["attendees"]] == [
        ("bob@example.com", "DECLINED")
    ]
    # The organizer's event keeps its own title and time: a reply changes only the answer.
    assert (facts["summary"], facts["start"]) == ("Team sync", "2026-12-03T15:00:00+01:00")
    notices = [r for r in DeliveryQueue(app.views, app.clock).rows(ALICE) if r["kind"] == "rsvp"]
    assert len(notices) == 1 and '"partstat": "DECLINED"' in notices[0]["payload"]


def test_spoofed_and_uninvited_replies_change_nothing(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    event_id = organized_event(app)
    send_all(app, port)
    reply_to = messages(handler)[0][1]["Reply-To"].addresses[0].addr_spec
    inbox = ItipInbox(app, IDENTITY)
    before = app.queries.object_by_event_id(event_id)
    # Mallory answers for Bob at Bob's reply address: the address speaks for Bob only.
    spoof = receive_email(inbox, gmail_reply("sync-1", "mallory@example.net", reply_to, "DECLINED"))
    # Mallory claims to be Bob at the plain address: the sender is not Bob.
    forged = gmail_reply("sync-1", "bob@example.com", IDENTITY.address, "DECLINED").replace(
        b"From: Bob <bob@example.com>", b"From: Bob <mallory@example.net>"
    )
    claimed = receive_email(inbox, forged)
    # Carol was never invited: her reply is recorded, not added.
    carol = receive_email(
        inbox,
        gmail_reply("sync-1", "carol@example.org", IDENTITY.address, "ACCEPTED").replace(
            b"From: Bob <carol@example.org>", b"From: Carol <carol@example.org>"
        ),
    )
    assert [r.outcomes[0].result for r in (spoof, claimed, carol)] == ["refused"] * 3
    after = app.queries.object_by_event_id(event_id)
    assert before is not None and after is not None and after.etag == before.etag
    with app.views.read() as db:
        recorded = db.all("SELECT sender, outcome FROM mail_inbound ORDER BY received_at")
    assert {r["sender"] for r in recorded} == {"mallory@example.net", "carol@example.org"}


def test_reschedule_removal_and_cancellation_are_emailed(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    event_id = organized_event(app)
    app.invite_attendee(event_id, "dan@example.org", "Dan", actor=ACTOR, source=CLI)
    send_all(app, port)
    stored = app.queries.object_by_event_id(event_id)
    assert stored is not None
    moved = stored.ical.replace("20261203T150000", "20261204T150000").replace(
        "20261203T160000", "20261204T160000"
    )
    app.put_object(calendar_of(ALICE), "sync-1.ics", moved, actor=ACTOR, source=CLI)
    send_all(app, port)
    app.remove_attendee(event_id, "dan@example.org", actor=ACTOR, source=CLI)
    send_all(app, port)
    app.cancel_event(event_id, actor=ACTOR, source=CLI)
    send_all(app, port)
    sent = [
        (rcpt[0], calendar_part(m)["METHOD"], int(vevent_of(calendar_part(m))["SEQUENCE"]))
        for rcpt, m in messages(handler)
    ]
    assert sorted(sent[:2]) == [
        ("bob@example.com", "REQUEST", 0),
        ("dan@example.org", "REQUEST", 0),
    ]
    assert sorted(sent[2:4]) == [
        ("bob@example.com", "REQUEST", 1),
        ("dan@example.org", "REQUEST", 1),
    ]
    assert sent[4][:2] == ("dan@example.org", "CANCEL")
    assert sent[5] == ("bob@example.com", "CANCEL", 2)
    assert len(sent) == 6
    subjects = [str(m["Subject"]).strip() for _, m in messages(handler)]
    assert subjects[2].startswith("Updated invitation: Team sync")
    cancel = vevent_of(calendar_part(messages(handler)[5][1]))
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert [str(a).lower() for a in [cancel["ATTENDEE"]]] == ["mailto:bob@example.com"]


def external_request(app: Televent) -> tuple[EmailMessage, object]:
    """Carol (a Televent user) receives Erin's Gmail invitation: (the message, her event id)."""
    app.register_account(CAROL, name="Carol", email="carol@example.org", actor=ACTOR, source=CLI)
    request = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        "METHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:ext-42@google.com\r\n"
        "DTSTAMP:20261121T080000Z\r\nDTSTART:20261205T090000Z\r\nDTEND:20261205T100000Z\r\n"
        "SUMMARY:<b>Budget</b> review\r\nSEQUENCE:0\r\n"
        "ORGANIZER;CN=Erin Extern:mailto:erin@example.net\r\n"
        "ATTENDEE;CN=Carol;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:Carol@Example.org\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:erin@example.net\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = "Erin Extern <erin@example.net>"
    message["To"] = "carol@example.org"
    message["Subject"] = "Invitation: Budget review"
    message["Message-ID"] = "<req-1@example.net>"
    message.set_content(request, subtype="calendar", params={"method": "REQUEST"})
    receipt = receive_email(ItipInbox(app, IDENTITY), bytes(message))
    assert [o.result for o in receipt.outcomes] == ["created"]
    return message, calendar_event_id_for(calendar_of(CAROL), "ext-42@google.com")


def test_an_external_request_becomes_a_card_and_the_answer_a_reply_email(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    message, event_id = external_request(app)
    cards = DeliveryQueue(app.views, app.clock).rows(CAROL)
    assert [c["kind"] for c in cards] == ["invitation"]
    assert "Erin Extern" in cards[0]["payload"]
    # Carol taps Accept in Telegram (the bot records the answer as her account).
    app.give_rsvp(
        event_id,
        "carol@example.org",
        PartStat.ACCEPTED,
        actor=f"account:{account_id_for(CAROL)}",
        source="bot:3",
    )
    assert send_all(app, port) == 1
    [(recipients, reply)] = messages(handler)
    assert recipients == ["erin@example.net"]
    calendar = calendar_part(reply)
    assert calendar["METHOD"] == "REPLY"
    event = vevent_of(calendar)
    assert str(event["UID"]) == "ext-42@google.com"
    assert int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]).lower() == "mailto:erin@example.net"
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list), "a REPLY names only the answering attendee"
    assert str(attendee).lower() == "mailto:carol@example.org"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"
    assert "DTSTAMP" in event
    # The same message again changes nothing.
    again = receive_email(ItipInbox(app, IDENTITY), bytes(message))
    assert again.duplicate
    # The calendar holding the invitation is deleted with it: Erin is told Carol declines.
    app.delete_calendar(
        calendar_of(CAROL), actor=f"account:{account_id_for(CAROL)}", source="caldav:laptop"
    )
    assert send_all(app, port) == 1
    [_, (recipients, declined)] = messages(handler)
    assert recipients == ["erin@example.net"]
    assert calendar_part(declined)["METHOD"] == "REPLY"
    assert vevent_of(calendar_part(declined))["ATTENDEE"].params["PARTSTAT"] == "DECLINED"


def test_a_refused_reply_is_shown_on_the_organizer_in_the_invitees_calendar(
    app: Televent,
) -> None:
    _, event_id = external_request(app)
    app.give_rsvp(
        event_id,
        "carol@example.org",
        PartStat.ACCEPTED,
        actor=f"account:{account_id_for(CAROL)}",
        source="caldav:laptop",
    )
    with smtp_server(Recorder(rcpt_reply="550 5.1.1 mailbox gone")) as port:
        assert send_all(app, port) == 1
    stored = app.queries.object_by_event_id(event_id)  # type: ignore[arg-type]
    assert stored is not None
    lead = parse_calendar_object(stored.ical).lead
    organizer = lead.get("ORGANIZER")
    assert organizer is not None and organizer.param("SCHEDULE-STATUS") == "5.1"
    assert all(a.param("SCHEDULE-STATUS") is None for a in lead.all("ATTENDEE"))


def schedule_statuses(app: Televent) -> dict[str, str | None]:
    """address → SCHEDULE-STATUS of each attendee of Alice's event, as CalDAV shows it."""
    stored = app.queries.object_at(calendar_of(ALICE), "sync-1.ics")
    assert stored is not None
    lead = parse_calendar_object(stored.ical).lead
    return {
        a.value.removeprefix("mailto:"): a.param("SCHEDULE-STATUS") for a in lead.all("ATTENDEE")
    }


def test_a_refusal_is_told_even_when_the_event_cannot_be_marked(app: Televent) -> None:
    """Marking the attendee (SCHEDULE-STATUS) fails on our side (a read model cannot take
    it): the mail is settled as failed and the organizer is still told, once."""
    organized_event(app)
    with app.views.write() as db:
        db.run("DROP TABLE occurrences")
    with smtp_server(Recorder(rcpt_reply="550 5.1.1 no such user")) as port:
        assert send_all(app, port) == 1
    rows = MailQueue(app.views, app.clock).mail_rows()
    assert [(r["recipient"], r["status"]) for r in rows] == [("bob@example.com", "failed")]
    notices = DeliveryQueue(app.views, app.clock).rows(ALICE)
    assert [n["kind"] for n in notices] == ["mail_failed"]


def test_a_refused_address_and_a_bounce_are_told_to_the_organizer(app: Televent) -> None:
    handler = Recorder(rcpt_reply="550 5.1.1 no such user")
    event_id = organized_event(app)
    before = app.queries.object_at(calendar_of(ALICE), "sync-1.ics")
    assert before is not None
    with smtp_server(handler) as port:
        assert send_all(app, port) == 1
    rows = MailQueue(app.views, app.clock).mail_rows()
    assert [(r["recipient"], r["status"]) for r in rows] == [("bob@example.com", "failed")]
    assert "550" in rows[0]["last_error"]
    notices = DeliveryQueue(app.views, app.clock).rows(ALICE)
    assert [n["kind"] for n in notices] == ["mail_failed"]
    assert "bob@example.com" in notices[0]["payload"]
    # The organizer's CalDAV client sees the failure on the attendee (RFC 6638 §3.2.9): the
    # ETag moves so it syncs, the Schedule-Tag does not, and nothing is sent because of it.
    assert schedule_statuses(app) == {"bob@example.com": "5.1"}
    after = app.queries.object_at(calendar_of(ALICE), "sync-1.ics")
    assert after is not None
    assert after.etag != before.etag
    assert after.schedule_tag == before.schedule_tag
    assert len(MailQueue(app.views, app.clock).mail_rows()) == 1
    [noted] = [e for e in Audit(app).event_timeline("sync-1") if e.kind == "DeliveryStatusRecorded"]
    assert noted.diff[0].startswith("SCHEDULE-STATUS of bob@example.com → 5.1 (550")
    assert noted.who == "system mail"
    # A later message is accepted by the relay, then comes back as a bounce.
    app.invite_attendee(event_id, "dan@example.org", "Dan", actor=ACTOR, source=CLI)
    accepting = Recorder()
    with smtp_server(accepting) as port:
        assert send_all(app, port) == 1
    sent = messages(accepting)[0][1]
    bounce = (
        "From: MAILER-DAEMON@example.org\r\nTo: calendar@cal.example.org\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce-1@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.org\r\n\r\n"
        "Final-Recipient: rfc822; dan@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 unknown user\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {sent['Message-ID']}\r\nTo: dan@example.org\r\n\r\n--B--\r\n"
    ).encode()
    # Anyone may write a report naming the Message-ID: one that does not name Dan is ignored.
    forged = bounce.replace(b"Final-Recipient: rfc822; dan@", b"Final-Recipient: rfc822; eve@")
    forged = forged.replace(b"bounce-1@", b"forged-1@")
    receipt = receive_email(ItipInbox(app, IDENTITY), forged)
    assert [o.result for o in receipt.outcomes] == ["ignored"]
    rows = {r["recipient"]: r for r in MailQueue(app.views, app.clock).mail_rows()}
    assert rows["dan@example.org"]["status"] != "bounced"
    receipt = receive_email(ItipInbox(app, IDENTITY), bounce)
    assert [o.result for o in receipt.outcomes] == ["bounce"]
    rows = {r["recipient"]: r for r in MailQueue(app.views, app.clock).mail_rows()}
    assert rows["dan@example.org"]["status"] == "bounced"
    kinds = [n["kind"] for n in DeliveryQueue(app.views, app.clock).rows(ALICE)]
    assert kinds == ["mail_failed", "mail_failed"]
    assert schedule_statuses(app) == {"bob@example.com": "5.1", "dan@example.org": "5.1"}
    # The same bounce again (another report of it) changes nothing more.
    settled = app.queries.object_at(calendar_of(ALICE), "sync-1.ics")
    assert settled is not None
    receive_email(ItipInbox(app, IDENTITY), bounce.replace(b"bounce-1@", b"bounce-2@"))
    again = app.queries.object_at(calendar_of(ALICE), "sync-1.ics")
    assert again is not None
    assert again.etag == settled.etag


def test_a_cancelled_occurrence_and_a_refresh_are_answered_by_email(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    app.register_account(ALICE, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=CLI)
    series = vevent(uid="weekly-1", organizer=None, rrule="FREQ=WEEKLY;COUNT=4")
    result = app.put_object(calendar_of(ALICE), "weekly-1.ics", series, actor=ACTOR, source=CLI)
    app.invite_attendee(result.event_id, "bob@example.com", "Bob", actor=ACTOR, source=CLI)
    send_all(app, port)
    stored = app.queries.object_by_event_id(result.event_id)
    assert stored is not None
    override = (
        "BEGIN:VEVENT\r\nUID:weekly-1\r\nDTSTAMP:20260301T090000Z\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20260312T150000\r\n"
        "DTSTART;TZID=Europe/Berlin:20260312T150000\r\nDTEND;TZID=Europe/Berlin:20260312T160000\r\n"
        "SUMMARY:Team sync\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"
    )
    with_cancelled = stored.ical.replace("END:VCALENDAR", override + "END:VCALENDAR")
    app.put_object(calendar_of(ALICE), "weekly-1.ics", with_cancelled, actor=ACTOR, source=CLI)
    assert send_all(app, port) == 1
    cancel = calendar_part(messages(handler)[1][1])
    assert cancel["METHOD"] == "CANCEL"
    instance = vevent_of(cancel)
    assert instance.decoded("RECURRENCE-ID").isoformat() == "2026-03-12T15:00:00+01:00"
    # Bob's client asks for the current invitation again (RFC 5546 §3.2.6).
    reply_to = messages(handler)[0][1]["Reply-To"].addresses[0].addr_spec
    refresh = EmailMessage()
    refresh["From"] = "bob@example.com"
    refresh["To"] = reply_to
    refresh["Message-ID"] = "<refresh-1@example.com>"
    refresh.set_content(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REFRESH\r\n"
        "BEGIN:VEVENT\r\nUID:weekly-1\r\nDTSTAMP:20260302T090000Z\r\n"
        f"ORGANIZER:mailto:{reply_to}\r\nATTENDEE:mailto:bob@example.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        subtype="calendar",
        params={"method": "REFRESH"},
    )
    receipt = receive_email(ItipInbox(app, IDENTITY), bytes(refresh))
    assert [o.result for o in receipt.outcomes] == ["resent"]
    assert send_all(app, port) == 1
    again = calendar_part(messages(handler)[2][1])
    assert again["METHOD"] == "REQUEST"
    assert len(list(again.walk("VEVENT"))) == 2  # the series and its cancelled occurrence
