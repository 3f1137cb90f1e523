"""Nothing anyone sends by mail changes a meeting it may not change (both backends).

- a REQUEST or CANCEL, even "from" the organizer's own address, never changes a meeting
  organised in Televent: it is refused, recorded, and the event and its history stay as they
  were;
- the copy of a meeting organised elsewhere is changed only by its ORGANIZER's address, not by
  any other address of the same domain;
- an answer to a Televent organizer counts only when it came to the reply address of that
  attendee's invitation to that event;
- with TELEVENT_TRUSTED_AUTHSERV_IDS set, the trusted MTA's Authentication-Results decide
  whether the From address of an organizer's message is forged; other MTAs' headers do not.
"""

from __future__ import annotations

from email.message import EmailMessage
from uuid import UUID

import pytest

from televent.adapters.mail.ingest import receive_email
from televent.application.itip_inbox import ItipInbox, Receipt
from televent.application.televent import Televent
from televent.bootstrap import build_services
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    account_id_for,
    calendar_event_id_for,
    calendar_id_for,
)
from televent.ops.audit import Audit
from tests.helpers import ACTOR, CLI, vevent

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
ALICE, CAROL = 1, 3
ALICE_EMAIL = "alice@example.org"
BOB, DAN = "bob@example.com", "dan@example.com"
ERIN = "erin@example.net"  # organises meetings outside Televent
TRUSTED = "mx.example.org"


def calendar_of(telegram_id: int) -> UUID:
    return calendar_id_for(account_id_for(telegram_id), DEFAULT_CALENDAR_SLUG)


def email(
    ical: str,
    *,
    sender: str,
    to: str,
    message_id: str,
    delivered_to: str | None = None,
    authentication: tuple[str, ...] = (),
) -> bytes:
    """An iMIP message; `authentication` are Authentication-Results values, topmost first."""
    method = next(line for line in ical.splitlines() if line.startswith("METHOD:"))[7:]
    message = EmailMessage()
    for value in authentication:
        message["Authentication-Results"] = value
    if delivered_to is not None:
        message["Delivered-To"] = delivered_to
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Meeting"
    message["Message-ID"] = f"<{message_id}@mail.example>"
    message.set_content(ical, subtype="calendar", params={"method": method})
    return bytes(message)


def itip(method: str, uid: str, *, organizer: str, summary: str, sequence: int, body: str) -> str:
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mallory//EN\r\nMETHOD:{method}\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20270101T000000Z\r\n"
        "DTSTART:20261203T140000Z\r\nDTEND:20261203T150000Z\r\n"
        f"SUMMARY:{summary}\r\nSEQUENCE:{sequence}\r\nORGANIZER:mailto:{organizer}\r\n"
        f"{body}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def receive(app: Televent, raw: bytes, *, trusted: tuple[str, ...] = ()) -> Receipt:
    return receive_email(ItipInbox(app, IDENTITY, trusted_authserv_ids=trusted), raw)


def results(receipt: Receipt) -> list[str]:
    return [o.result for o in receipt.outcomes]


def recorded(app: Televent, message_id: str) -> str:
    with app.views.read() as db:
        value = db.scalar(
            "SELECT outcome FROM mail_inbound WHERE message_id = ?", (f"{message_id}@mail.example",)
        )
    return str(value)


# --- a meeting organised in Televent ------------------------------------------------------------


def alices_meeting(app: Televent, organizer: str | None) -> UUID:
    """Alice's meeting (Bob invited by email); `organizer` as her CalDAV client wrote it, or
    None for one made in Telegram (Televent names her tg_1@ address)."""
    app.register_account(ALICE, name="Alice", email=ALICE_EMAIL, actor=ACTOR, source=CLI)
    text = vevent(uid="sync-1", organizer=organizer, start="20261203T150000", end="20261203T160000")
    result = app.put_object(calendar_of(ALICE), "sync-1.ics", text, actor=ACTOR, source=CLI)
    app.invite_attendee(result.event_id, BOB, "Bob", actor=ACTOR, source=CLI)
    return result.event_id


@pytest.mark.parametrize("organizer", [None, f"mailto:{ALICE_EMAIL}"])
def test_forged_requests_and_cancels_from_the_organizer_change_nothing(
    app: Televent, organizer: str | None
) -> None:
    event_id = alices_meeting(app, organizer)
    before = app.queries.object_by_event_id(event_id)
    history = Audit(app).event_timeline("sync-1")
    outbox = MailQueue(app.views, app.clock).mail_rows()
    cards = DeliveryQueue(app.views, app.clock).rows(ALICE)
    reply_to = IDENTITY.reply_address(
        MailQueue(app.views, app.clock).invitation_token(str(event_id), BOB) or ""
    )
    hijack = "ATTENDEE;PARTSTAT=ACCEPTED:mailto:mallory@example.net\r\n"
    forged = [
        # From and ORGANIZER her own linked address, to her: the summary and attendees replaced
        email(
            itip("REQUEST", "sync-1", organizer=ALICE_EMAIL, summary="Hijacked", sequence=5,
                 body=hijack),
            sender=ALICE_EMAIL, to=ALICE_EMAIL, message_id="forged-request",
        ),
        email(
            itip("CANCEL", "sync-1", organizer=ALICE_EMAIL, summary="Team sync", sequence=6,
                 body=""),
            sender=f"Alice <{ALICE_EMAIL.upper()}>", to=ALICE_EMAIL, message_id="forged-cancel",
        ),
        # The organizer as Bob saw it (her reply address), and an ADD
        email(
            itip("ADD", "sync-1", organizer=reply_to, summary="Hijacked", sequence=7,
                 body=f"ATTENDEE:mailto:{ALICE_EMAIL}\r\n"),
            sender=IDENTITY.address, to=ALICE_EMAIL, message_id="forged-add",
        ),
        # Someone else claiming to organise Alice's meeting, inviting her to it
        email(
            itip("REQUEST", "sync-1", organizer=ERIN, summary="Hijacked", sequence=8,
                 body=f"ATTENDEE:mailto:{ALICE_EMAIL}\r\n"),
            sender=ERIN, to=ALICE_EMAIL, message_id="forged-invitation",
        ),
    ]  # fmt: skip
    receipts = [receive(app, raw) for raw in forged]

    assert [results(r) for r in receipts] == [["refused"]] * 4
    assert "organised in Televent" in receipts[0].outcomes[0].detail
    assert "organised in Televent" in receipts[1].outcomes[0].detail
    assert "refused" in recorded(app, "forged-request")
    after = app.queries.object_by_event_id(event_id)
    assert before is not None and after is not None
    assert (after.etag, after.ical) == (before.etag, before.ical)
    facts = facts_of(parse_calendar_object(after.ical))
    assert facts["summary"] == "Team sync" and facts["status"] != "CANCELLED"
    assert [a["address"] for a in facts["attendees"]] == [BOB]
    assert Audit(app).event_timeline("sync-1") == history
    assert MailQueue(app.views, app.clock).mail_rows() == outbox
    assert DeliveryQueue(app.views, app.clock).rows(ALICE) == cards


def test_a_request_naming_the_user_as_organizer_makes_no_copy(app: Televent) -> None:
    # Alice's linked address may organise meetings in another calendar system; a message naming
    # her as organizer of a meeting she is invited to would make her copy an organizer's
    # object, from which Televent would send invitations in her name.
    app.register_account(ALICE, name="Alice", email=ALICE_EMAIL, actor=ACTOR, source=CLI)
    raw = email(
        itip("REQUEST", "new-1", organizer=ALICE_EMAIL, summary="Mine?", sequence=0,
             body=f"ATTENDEE:mailto:{ALICE_EMAIL}\r\nATTENDEE:mailto:{BOB}\r\n"),
        sender=ALICE_EMAIL, to=ALICE_EMAIL, message_id="own-organizer",
    )  # fmt: skip
    assert results(receive(app, raw)) == ["refused"]
    assert app.queries.objects_in(calendar_of(ALICE)) == []
    assert MailQueue(app.views, app.clock).mail_rows() == []


def test_a_meeting_a_user_organises_elsewhere_reaches_other_users(app: Televent) -> None:
    # Alice organises from her linked address in another system (Televent holds no such UID
    # as hers): Carol's invitation is an ordinary one from outside.
    app.register_account(ALICE, name="Alice", email=ALICE_EMAIL, actor=ACTOR, source=CLI)
    app.register_account(CAROL, name="Carol", email="carol@example.org", actor=ACTOR, source=CLI)
    raw = email(
        itip("REQUEST", "gmail-1", organizer=ALICE_EMAIL, summary="Lunch", sequence=0,
             body="ATTENDEE:mailto:carol@example.org\r\n"),
        sender=ALICE_EMAIL, to="carol@example.org", message_id="elsewhere",
    )  # fmt: skip
    assert results(receive(app, raw)) == ["created"]


# --- a meeting organised elsewhere --------------------------------------------------------------


def erins_meeting(app: Televent) -> UUID:
    """Carol's copy of Erin's meeting: (its event id)."""
    app.register_account(CAROL, name="Carol", email="carol@example.org", actor=ACTOR, source=CLI)
    raw = email(
        itip("REQUEST", "ext-42", organizer=ERIN, summary="Budget review", sequence=0,
             body="ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:carol@example.org\r\n"),
        sender=f"Erin <{ERIN}>", to="carol@example.org", message_id="erin-request",
    )  # fmt: skip
    assert results(receive(app, raw)) == ["created"]
    return calendar_event_id_for(calendar_of(CAROL), "ext-42")


def test_only_the_organizers_own_address_updates_or_cancels_a_copy(app: Televent) -> None:
    event_id = erins_meeting(app)
    before = app.queries.object_by_event_id(event_id)
    history = Audit(app).event_timeline("ext-42")
    cancel = itip("CANCEL", "ext-42", organizer=ERIN, summary="Budget review", sequence=1,
                  body="ATTENDEE:mailto:carol@example.org\r\n")  # fmt: skip
    update = itip("REQUEST", "ext-42", organizer=ERIN, summary="Moved", sequence=1,
                  body="ATTENDEE:mailto:carol@example.org\r\n")  # fmt: skip
    same_domain = [
        receive(app, email(cancel, sender="mallory@example.net", to="carol@example.org",
                           message_id="domain-cancel")),
        receive(app, email(update, sender="mallory@example.net", to="carol@example.org",
                           message_id="domain-update")),
        # A message naming another organizer than the copy's, from that organizer
        receive(app, email(cancel.replace(ERIN, "mallory@example.net"),
                           sender="mallory@example.net", to="carol@example.org",
                           message_id="other-organizer")),
    ]  # fmt: skip
    assert [results(r) for r in same_domain] == [["refused"]] * 3
    assert "not by the organizer erin@example.net" in same_domain[0].outcomes[0].detail
    after = app.queries.object_by_event_id(event_id)
    assert before is not None and after is not None and after.etag == before.etag
    assert Audit(app).event_timeline("ext-42") == history

    # Erin herself (her address in another case) cancels it.
    own = receive(app, email(cancel, sender=ERIN.upper(), to="carol@example.org",
                             message_id="erin-cancel"))  # fmt: skip
    assert results(own) == ["cancelled"]
    cancelled = app.queries.object_by_event_id(event_id)
    assert cancelled is not None
    assert facts_of(parse_calendar_object(cancelled.ical))["status"] == "CANCELLED"


def test_a_copy_of_someone_elses_televent_meeting_is_not_changed_by_mail(app: Televent) -> None:
    # Carol is invited to Alice's meeting inside Televent; mail "from Alice" cannot touch it.
    app.register_account(CAROL, name="Carol", email="carol@example.org", actor=ACTOR, source=CLI)
    event_id = alices_meeting(app, f"mailto:{ALICE_EMAIL}")
    app.invite_attendee(event_id, "carol@example.org", "Carol", actor=ACTOR, source=CLI)
    copy = app.queries.object_with_uid(account_id_for(CAROL), "sync-1")
    assert copy is not None
    raw = email(
        itip("CANCEL", "sync-1", organizer=ALICE_EMAIL, summary="Team sync", sequence=9,
             body="ATTENDEE:mailto:carol@example.org\r\n"),
        sender=ALICE_EMAIL, to="carol@example.org", message_id="cancel-carols-copy",
    )  # fmt: skip
    assert results(receive(app, raw)) == ["refused"]
    after = app.queries.object_with_uid(account_id_for(CAROL), "sync-1")
    assert after is not None and after.etag == copy.etag


# --- answers to a Televent organizer ------------------------------------------------------------


def reply(uid: str, attendee: str, partstat: str, *, organizer: str | None = None) -> str:
    chair = f"ORGANIZER:mailto:{organizer}\r\n" if organizer else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REPLY\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261121T100000Z\r\nSEQUENCE:0\r\n{chair}"
        f"ATTENDEE;PARTSTAT={partstat}:mailto:{attendee}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def partstats(app: Televent, event_id: UUID) -> dict[str, str]:
    stored = app.queries.object_by_event_id(event_id)
    assert stored is not None
    facts = facts_of(parse_calendar_object(stored.ical))
    return {a["address"]: a["partstat"] for a in facts["attendees"]}


def test_an_answer_counts_only_at_the_reply_address_of_its_invitation(app: Televent) -> None:
    event_id = alices_meeting(app, None)
    app.invite_attendee(event_id, DAN, "Dan", actor=ACTOR, source=CLI)
    other = app.put_object(
        calendar_of(ALICE), "other.ics", vevent(uid="other-1", organizer=None),
        actor=ACTOR, source=CLI,
    )  # fmt: skip
    app.invite_attendee(other.event_id, BOB, "Bob", actor=ACTOR, source=CLI)
    queue = MailQueue(app.views, app.clock)
    bobs, dans = (queue.invitation_token(str(event_id), a) for a in (BOB, DAN))
    bobs_other = queue.invitation_token(str(other.event_id), BOB)
    assert bobs and dans and bobs_other
    history = Audit(app).event_timeline("sync-1")
    refused = [
        # no token: to Televent's plain address, from Bob's own address
        email(reply("sync-1", BOB, "DECLINED"), sender=BOB, to=IDENTITY.address,
              message_id="no-token"),
        # no token: "to" the organizer's linked address
        email(reply("sync-1", BOB, "DECLINED", organizer=ALICE_EMAIL), sender=BOB,
              to=ALICE_EMAIL, message_id="to-alice"),
        # Dan's reply address speaks for Dan only
        email(reply("sync-1", BOB, "DECLINED"), sender=BOB, to=IDENTITY.reply_address(dans),
              message_id="dans-token"),
        # Bob's reply address of another event
        email(reply("sync-1", BOB, "DECLINED"), sender=BOB,
              to=IDENTITY.reply_address(bobs_other), message_id="other-event"),
        # a token never issued
        email(reply("sync-1", BOB, "DECLINED"), sender=BOB,
              to=IDENTITY.reply_address("0123456789abcdef01234567"), message_id="unknown"),
    ]  # fmt: skip
    receipts = [receive(app, raw) for raw in refused]
    assert [results(r) for r in receipts] == [["refused"]] * 5
    assert "reply address" in receipts[0].outcomes[0].detail
    assert partstats(app, event_id) == {BOB: "NEEDS-ACTION", DAN: "NEEDS-ACTION"}
    assert Audit(app).event_timeline("sync-1") == history

    # A reply-all that reached Dan's reply address and Bob's: Bob's counts for Bob.
    both = f"{IDENTITY.reply_address(dans)}, {IDENTITY.reply_address(bobs)}"
    reply_all = email(reply("sync-1", BOB, "DECLINED"), sender=BOB, to=both, message_id="all")
    assert results(receive(app, reply_all)) == ["answered"]
    assert partstats(app, event_id) == {BOB: "DECLINED", DAN: "NEEDS-ACTION"}

    # The right reply address, in any case, as the MTA delivers it (Delivered-To), whoever
    # the From header names (a forwarded or delegated answer).
    right = email(
        reply("sync-1", BOB.upper(), "ACCEPTED"), sender="assistant@example.com",
        to=IDENTITY.address, delivered_to=IDENTITY.reply_address(bobs).upper(),
        message_id="right-token",
    )  # fmt: skip
    assert results(receive(app, right)) == ["answered"]
    assert partstats(app, event_id) == {BOB: "ACCEPTED", DAN: "NEEDS-ACTION"}

    # A reply that lists Dan too, at Bob's reply address: Bob's answer counts, Dan's is not
    # Bob's to give (it was recorded for Bob and the whole reply then said "refused").
    two = (
        reply("sync-1", BOB, "TENTATIVE")
        .replace("END:VEVENT", f"ATTENDEE;PARTSTAT=DECLINED:mailto:{DAN}\r\nEND:VEVENT")
        .replace("DTSTAMP:20261121T100000Z", "DTSTAMP:20261122T100000Z")
    )
    both_named = email(two, sender=BOB, to=IDENTITY.reply_address(bobs), message_id="two")
    receipt = receive(app, both_named)
    assert results(receipt) == ["answered"]
    assert DAN not in receipt.outcomes[0].detail
    assert partstats(app, event_id) == {BOB: "TENTATIVE", DAN: "NEEDS-ACTION"}


# --- Authentication-Results (RFC 8601) ----------------------------------------------------------


def external_invitation(message_id: str, *authentication: str) -> bytes:
    app_ical = itip("REQUEST", f"auth-{message_id}", organizer=ERIN, summary="Budget",
                    sequence=0, body="ATTENDEE:mailto:carol@example.org\r\n")  # fmt: skip
    return email(
        app_ical,
        sender=f"Erin <{ERIN}>",
        to="carol@example.org",
        message_id=message_id,
        authentication=authentication,
    )


def test_a_trusted_mtas_dmarc_fail_is_refused_and_a_pass_recorded(app: Televent) -> None:
    app.register_account(CAROL, name="Carol", email="carol@example.org", actor=ACTOR, source=CLI)
    fail = (
        f"{TRUSTED}; dkim=none; spf=fail smtp.mailfrom={ERIN}; dmarc=fail header.from=example.net"
    )
    passed = (
        f"{TRUSTED} 1; dkim=pass (2048-bit key) header.d=example.net header.s=s1; "
        f'spf=pass smtp.mailfrom="{ERIN}"; dmarc=pass (p=REJECT) header.from=example.net'
    )
    untrusted_fail = "mx.attacker.example; dmarc=fail header.from=example.net"
    untrusted_pass = "mx.attacker.example; dmarc=pass header.from=example.net"
    cases = {
        "trusted-fail": receive(app, external_invitation("trusted-fail", fail), trusted=(TRUSTED,)),
        # Only the topmost header of the trusted MTA counts: the sender wrote the one below.
        "forged-below": receive(
            app, external_invitation("forged-below", fail, passed), trusted=(TRUSTED,)
        ),
        "dkim-spf-fail": receive(
            app,
            external_invitation(
                "dkim-spf-fail", f"{TRUSTED}; dkim=fail header.d=example.net; spf=fail"
            ),
            trusted=(TRUSTED,),
        ),
        "untrusted-fail": receive(
            app, external_invitation("untrusted-fail", untrusted_fail), trusted=(TRUSTED,)
        ),
        "untrusted-pass": receive(
            app, external_invitation("untrusted-pass", untrusted_pass), trusted=(TRUSTED,)
        ),
        "pass": receive(app, external_invitation("pass", passed), trusted=(TRUSTED,)),
        # Without the setting, the headers change nothing.
        "not-configured": receive(app, external_invitation("not-configured", fail)),
    }
    assert {name: results(r) for name, r in cases.items()} == {
        "trusted-fail": ["refused"],
        "forged-below": ["refused"],
        "dkim-spf-fail": ["refused"],
        "untrusted-fail": ["created"],
        "untrusted-pass": ["created"],
        "pass": ["created"],
        "not-configured": ["created"],
    }
    assert "dmarc=fail header.from=example.net by mx.example.org" in (
        cases["trusted-fail"].outcomes[0].detail
    )
    assert "refused" in recorded(app, "trusted-fail")
    held = {o.uid for o in app.queries.objects_in(calendar_of(CAROL))}
    assert held == {
        "auth-untrusted-fail",
        "auth-untrusted-pass",
        "auth-pass",
        "auth-not-configured",
    }
    assert "no Authentication-Results from mx.example.org" in (
        cases["untrusted-pass"].outcomes[0].detail
    )

    # The pass is recorded in the outcome and in the source of the change the audit shows.
    verdict = "dmarc=pass header.from=example.net by mx.example.org"
    assert verdict in cases["pass"].outcomes[0].detail
    assert verdict in recorded(app, "pass")
    [created] = Audit(app).event_timeline("auth-pass")
    assert created.source is not None and verdict in created.source
    assert verdict in created.through
    [plain] = Audit(app).event_timeline("auth-not-configured")
    assert plain.source == "email:not-configured@mail.example"


def test_the_setting_reaches_the_inbox(app: Televent) -> None:
    settings = Settings.from_environment(
        {"TELEVENT_TRUSTED_AUTHSERV_IDS": "MX.example.org, mx2.example.org mx.example.org"},
        read_dotenv=False,
    )
    assert settings.trusted_authserv_ids == ("mx.example.org", "mx2.example.org")
    assert Settings.from_environment({}, read_dotenv=False).trusted_authserv_ids == ()
    inbox = build_services(app, settings).itip_inbox
    assert inbox.trusted_authserv_ids == {"mx.example.org", "mx2.example.org"}


def test_a_sequence_of_odd_digits_is_an_outcome_not_a_failure(app: Televent) -> None:
    """SEQUENCE:² passed `isdigit` and then failed `int`: the inbox raised, nothing was
    recorded, and over IMAP the message was taken again at every poll, ahead of others."""
    app.register_account(CAROL, name="Carol", email="carol@example.org", actor=ACTOR, source=CLI)

    def invitation(sequence: str) -> str:
        return (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nMETHOD:REQUEST\r\n"
            "BEGIN:VEVENT\r\nUID:odd-1\r\nDTSTAMP:20270101T000000Z\r\n"
            "DTSTART:20261203T140000Z\r\nDTEND:20261203T150000Z\r\nSUMMARY:Odd\r\n"
            f"SEQUENCE:{sequence}\r\nATTENDEE:mailto:carol@example.org\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )

    first = receive(app, email(invitation("0"), sender="x@example.net", to="carol@example.org",
                               message_id="odd-first"))  # fmt: skip
    again = receive(app, email(invitation("\u00b2"), sender="x@example.net",
                               to="carol@example.org", message_id="odd-again"))  # fmt: skip
    assert results(first) == ["created"]
    assert len(results(again)) == 1
    assert recorded(app, "odd-again") != "None"  # recorded: not taken again
