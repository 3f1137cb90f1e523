"""No message that leaves Televent names a Telegram user by their internal address.

Alice organises a meeting with Bob (a Televent user without a linked email), Dave (a Televent
user with one, invited by his internal address) and Carol outside Televent. Every iMIP message
Carol gets (REQUEST, update, CANCEL) and every REPLY a Televent user sends shows Televent users
by name and by an address that comes back to Televent — their linked email, else an alias
`calendar+u<random token>@<TELEVENT_MAIL_FROM's domain>` — never `tg_<id>@televent.internal`,
and the Telegram ids appear nowhere (body or header). Mail Carol sends back to those addresses
(a reply-all) is never taken for someone else's answer. Both backends.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

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
from tests.helpers import CLI, vevent
from tests.smtpsink import Recorder, messages, smtp_server

MAIL_FROM = "Televent <calendar@cal.example.org>"
IDENTITY = MailIdentity.parse(MAIL_FROM)
ALICE, BOB, DAVE = 731234567, 731000222, 731000444
DOMAIN = "televent.internal"
ALIAS = re.compile(r"calendar\+u[0-9a-f]{20}@cal\.example\.org")


@pytest.fixture
def mail_from() -> str:
    """Televent's mail identity here is the one the sender uses (invitation addresses too)."""
    return MAIL_FROM


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


def send_all(app: Televent, port: int) -> int:
    queue = MailQueue(app.views, app.clock)
    failures = DeliveryFailures(app, mail=queue, telegram=DeliveryQueue(app.views, app.clock))
    smtp = SmtpSettings.parse(f"smtp://127.0.0.1:{port}")
    sender = MailSender(app, IDENTITY, smtp, AppPort(2), queue=queue, failures=failures)
    return asyncio.run(sender.run_once())


def calendar_of(telegram_id: int) -> Any:
    return calendar_id_for(account_id_for(telegram_id), DEFAULT_CALENDAR_SLUG)


def actor(telegram_id: int) -> str:
    return f"account:{account_id_for(telegram_id)}"


def internal(telegram_id: int) -> str:
    return f"tg_{telegram_id}@{DOMAIN}"


def calendar_part(message: EmailMessage) -> icalendar.Calendar:
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return icalendar.Calendar.from_ical(part.get_content())


def people_in(message: EmailMessage) -> dict[str, str | None]:
    """address → CN of the ORGANIZER and ATTENDEEs of the message's calendar."""
    found: dict[str, str | None] = {}
    for event in calendar_part(message).walk("VEVENT"):
        for name in ("ORGANIZER", "ATTENDEE"):
            value = event.get(name)
            for prop in value if isinstance(value, list) else [] if value is None else [value]:
                found[str(prop).lower().removeprefix("mailto:")] = prop.params.get("CN")
    return found


def assert_nothing_internal(raw: bytes) -> None:
    text = raw.decode("utf-8", "replace").lower()
    assert "televent.internal" not in text
    for telegram_id in (ALICE, BOB, DAVE):
        assert f"tg_{telegram_id}" not in text
        assert str(telegram_id) not in text


def all_raw(handler: Recorder) -> list[bytes]:
    return [bytes(envelope.content) for envelope in handler.envelopes]  # type: ignore[arg-type]


def meeting(app: Televent) -> Any:
    app.register_account(ALICE, name="Alice Ärger", actor="system:", source=CLI)
    app.register_account(BOB, name="Bob Builder", actor="system:", source=CLI)
    app.register_account(DAVE, name="Dave", email="dave@example.net", actor="system:", source=CLI)
    text = vevent(
        uid="sync-1",
        organizer=f"mailto:{internal(ALICE)}",
        attendees=[
            (internal(ALICE), "ACCEPTED"),
            (internal(BOB), "NEEDS-ACTION"),
            (internal(DAVE), "NEEDS-ACTION"),
            ("carol@example.com", "NEEDS-ACTION"),
        ],
    )
    result = app.put_object(calendar_of(ALICE), "sync-1.ics", text, actor=actor(ALICE), source=CLI)
    return result.event_id


def test_invitations_show_televent_users_by_name_and_a_routable_address(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    event_id = meeting(app)
    assert send_all(app, port) == 1
    [(recipients, request)] = messages(handler)
    assert recipients == ["carol@example.com"]
    people = people_in(request)
    reply_to = request["Reply-To"].addresses[0].addr_spec
    aliases = {cn: address for address, cn in people.items() if ALIAS.fullmatch(address)}
    assert set(aliases) == {"Alice Ärger", "Bob Builder"}
    assert aliases["Alice Ärger"] != aliases["Bob Builder"]
    assert people["dave@example.net"] == "Dave"
    assert people[reply_to] == "Alice Ärger"  # the organizer, at Carol's reply address
    assert "carol@example.com" in people
    # The same alias in every later message: an update and a cancellation.
    app.cancel_event(event_id, actor=actor(ALICE), source=CLI)
    assert send_all(app, port) == 1
    [_, (_, cancel)] = messages(handler)
    assert calendar_part(cancel)["METHOD"] == "CANCEL"
    for raw in all_raw(handler):
        assert_nothing_internal(raw)
    again = meeting_update_aliases(app, port, handler)
    assert again == aliases


def meeting_update_aliases(app: Televent, port: int, handler: Recorder) -> dict[Any, str]:
    """A second meeting of Alice's with Bob and Carol: the aliases it shows."""
    text = vevent(
        uid="sync-2",
        organizer=f"mailto:{internal(ALICE)}",
        attendees=[
            (internal(ALICE), "ACCEPTED"),
            (internal(BOB), "NEEDS-ACTION"),
            ("carol@example.com", "NEEDS-ACTION"),
        ],
    )
    app.put_object(calendar_of(ALICE), "sync-2.ics", text, actor=actor(ALICE), source=CLI)
    assert send_all(app, port) == 1
    request = messages(handler)[-1][1]
    assert_nothing_internal(all_raw(handler)[-1])
    return {cn: a for a, cn in people_in(request).items() if ALIAS.fullmatch(a)}


def test_the_text_parts_name_guests_without_internal_addresses(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    meeting(app)
    send_all(app, port)
    [(_, request)] = messages(handler)
    plain = next(p for p in request.walk() if p.get_content_type() == "text/plain")
    body = plain.get_content()
    assert "Bob Builder" in body and "Dave" in body
    assert_nothing_internal(all_raw(handler)[0])


def test_a_reply_names_the_answering_user_by_a_routable_address(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    """Bob (no linked email) answers an outsider's invitation that named him by the alias a
    Televent message showed: the REPLY carries the alias, not his internal address."""
    handler, port = sink
    meeting(app)
    send_all(app, port)
    [(_, request)] = messages(handler)
    bob_alias = next(a for a, cn in people_in(request).items() if cn == "Bob Builder")
    # Dave answers Erin's invitation (it came to his linked email, Bob is listed too).
    erin = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        "METHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:ext-42@google.com\r\n"
        "DTSTAMP:20261121T080000Z\r\nDTSTART:20261205T090000Z\r\nDTEND:20261205T100000Z\r\n"
        "SUMMARY:Budget review\r\nSEQUENCE:0\r\n"
        "ORGANIZER;CN=Erin:mailto:erin@example.net\r\n"
        "ATTENDEE;CN=Dave;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dave@example.net\r\n"
        f"ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{bob_alias}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = "Erin <erin@example.net>"
    message["To"] = f"dave@example.net, {bob_alias}"
    message["Subject"] = "Invitation: Budget review"
    message["Message-ID"] = "<req-42@example.net>"
    message.set_content(erin, subtype="calendar", params={"method": "REQUEST"})
    receipt = receive_email(ItipInbox(app, IDENTITY), bytes(message))
    assert "created" in [o.result for o in receipt.outcomes]
    copy = calendar_event_id_for(calendar_of(DAVE), "ext-42@google.com")
    app.give_rsvp(copy, "dave@example.net", PartStat.ACCEPTED, actor=actor(DAVE), source="bot:1")
    assert send_all(app, port) == 1
    recipients, reply = messages(handler)[-1]
    assert recipients == ["erin@example.net"]
    assert calendar_part(reply)["METHOD"] == "REPLY"
    assert people_in(reply)["dave@example.net"] == "Dave"
    for raw in all_raw(handler):
        assert_nothing_internal(raw)


def test_mail_to_an_alias_is_never_taken_for_that_users_answer(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    """Carol answers with reply-all (her reply address and Bob's alias): her answer counts;
    mail only to Bob's alias, or a REPLY that claims to speak for it, is never Bob's answer."""
    handler, port = sink
    event_id = meeting(app)
    send_all(app, port)
    [(_, request)] = messages(handler)
    reply_to = request["Reply-To"].addresses[0].addr_spec
    bob_alias = next(a for a, cn in people_in(request).items() if cn == "Bob Builder")
    inbox = ItipInbox(app, IDENTITY)
    receipt = receive_email(
        inbox, reply("carol@example.com", "carol@example.com", [reply_to, bob_alias], "r1")
    )
    assert [o.result for o in receipt.outcomes] == ["answered"]
    # Only to Bob's alias, from Carol: not a reply address, so never applied to anyone else
    # (at most to Carol herself, found by her own address).
    receipt = receive_email(
        inbox, reply("carol@example.com", "carol@example.com", [bob_alias], "r2", "DECLINED")
    )
    [outcome] = receipt.outcomes
    assert outcome.result in ("answered", "refused", "ignored")
    carol = "DECLINED" if outcome.result == "answered" else "ACCEPTED"
    # Carol claiming to answer as Bob's alias: refused, Bob's answer unchanged.
    receipt = receive_email(inbox, reply("carol@example.com", bob_alias, [bob_alias], "r3"))
    assert [o.result for o in receipt.outcomes] == ["refused"]
    stored = app.queries.object_by_event_id(event_id)
    assert stored is not None
    answers = {a["address"]: a["partstat"] for a in facts_of(parse_calendar_object(stored.ical))[
        "attendees"
    ]}  # fmt: skip
    assert answers[internal(BOB)] == "NEEDS-ACTION"
    assert answers["carol@example.com"] == carol
    # A plain reply-all without calendar data is ignored.
    plain = EmailMessage()
    plain["From"] = "carol@example.com"
    plain["To"] = f"{reply_to}, {bob_alias}"
    plain["Subject"] = "Re: Invitation"
    plain["Message-ID"] = "<plain@example.com>"
    plain.set_content("See you there!")
    receipt = receive_email(inbox, bytes(plain))
    assert [o.result for o in receipt.outcomes] == ["ignored"]


def reply(sender: str, attendee: str, to: list[str], key: str, partstat: str = "ACCEPTED") -> bytes:
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Mail//EN\r\nMETHOD:REPLY\r\n"
        "BEGIN:VEVENT\r\nUID:sync-1\r\nDTSTART:20260305T140000Z\r\nDTEND:20260305T150000Z\r\n"
        f"DTSTAMP:2026030{len(key)}T1{len(key)}0000Z\r\nSEQUENCE:0\r\n"
        f"ORGANIZER:mailto:{to[0]}\r\n"
        f"ATTENDEE;PARTSTAT={partstat}:mailto:{attendee}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = "Re: Invitation"
    message["Message-ID"] = f"<{key}@example.com>"
    message.set_content(ical, subtype="calendar", params={"method": "REPLY"})
    return bytes(message)


def test_a_refresh_answered_again_names_nobody_by_an_internal_address(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    """Carol asks for the current invitation again (REFRESH, RFC 5546 §3.2.6): the REQUEST
    queued outside the projection shows the same people the same way."""
    handler, port = sink
    meeting(app)
    send_all(app, port)
    [(_, request)] = messages(handler)
    reply_to = request["Reply-To"].addresses[0].addr_spec
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Mail//EN\r\nMETHOD:REFRESH\r\n"
        "BEGIN:VEVENT\r\nUID:sync-1\r\nDTSTAMP:20260302T100000Z\r\n"
        f"ORGANIZER:mailto:{reply_to}\r\nATTENDEE:mailto:carol@example.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = "carol@example.com"
    message["To"] = reply_to
    message["Subject"] = "Refresh"
    message["Message-ID"] = "<refresh-1@example.com>"
    message.set_content(ical, subtype="calendar", params={"method": "REFRESH"})
    receipt = receive_email(ItipInbox(app, IDENTITY), bytes(message))
    assert [o.result for o in receipt.outcomes] == ["resent"]
    assert send_all(app, port) == 1
    again = messages(handler)[-1][1]
    assert calendar_part(again)["METHOD"] == "REQUEST"
    assert "Alice Ärger" in people_in(again).values()
    for raw in all_raw(handler):
        assert_nothing_internal(raw)
