"""COUNTER proposals are events: the proposal and the organizer's answer are in the log, the
`mail_counters` view is rebuilt from them, and the audit shows them (both backends)."""

from __future__ import annotations

import json
from uuid import UUID

import pytest

from televent.adapters.mail.ingest import receive_email
from televent.application.counters import Counters
from televent.application.itip_inbox import ItipInbox
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.counter import CounterProposal, counter_proposal_id_for
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for
from televent.ops.audit import Audit
from televent.projections.queries import AccountView
from televent.projections.rebuild import Rebuilder
from tests.helpers import ACTOR, CLI, calendar_email, vevent

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
ALICE = 1
BOB = "bob@example.com"
UID = "sync-1"


def organised(app: Televent) -> UUID:
    """Alice's event with Bob invited by email (his reply address has a token)."""
    app.register_account(ALICE, name="Alice", timezone="UTC", actor=ACTOR, source=CLI)
    calendar_id = calendar_id_for(account_id_for(ALICE), DEFAULT_CALENDAR_SLUG)
    text = vevent(
        uid=UID, organizer=None, tzid=None, start="20261203T150000", end="20261203T160000"
    )
    result = app.put_object(calendar_id, f"{UID}.ics", text, actor=ACTOR, source=CLI)
    app.invite_attendee(result.event_id, BOB, "Bob", actor=ACTOR, source=CLI)
    return result.event_id


def counter_email(app: Televent, event_id: UUID, message_id: str = "c1") -> bytes:
    token = MailQueue(app.views, app.clock).invitation_token(str(event_id), BOB)
    assert token is not None
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//EN\r\nMETHOD:COUNTER\r\n"
        f"BEGIN:VEVENT\r\nUID:{UID}\r\nDTSTAMP:20261120T100000Z\r\n"
        "DTSTART:20261203T170000Z\r\nDTEND:20261203T180000Z\r\nSEQUENCE:0\r\n"
        f"ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{BOB}\r\n"
        "COMMENT:Two hours later?\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return calendar_email(
        ical,
        method="COUNTER",
        sender=f"Bob <{BOB}>",
        to=IDENTITY.reply_address(token),
        message_id=f"{message_id}@mail.example.com",
        subject="New time proposed: Team sync",
    )


def counter_rows(app: Televent) -> list[dict[str, object]]:
    with app.views.read() as db:
        return db.all("SELECT * FROM mail_counters ORDER BY counter_id")


def alice(app: Televent) -> AccountView:
    account = app.queries.account_by_telegram_id(ALICE)
    assert account is not None
    return account


def counters(app: Televent) -> Counters:
    return Counters(
        app, mail=MailQueue(app.views, app.clock), telegram=DeliveryQueue(app.views, app.clock)
    )


def proposed(app: Televent) -> str:
    """Bob's COUNTER received; returns its counter id."""
    event_id = organised(app)
    receipt = receive_email(ItipInbox(app, IDENTITY), counter_email(app, event_id))
    assert [(o.method, o.result) for o in receipt.outcomes] == [("COUNTER", "proposed")]
    [row] = counter_rows(app)
    return str(row["counter_id"])


def assert_rebuild_reproduces_the_view(app: Televent) -> None:
    before = counter_rows(app)
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
    with app.views.write() as db:
        db.run("DELETE FROM mail_counters")
    assert not Rebuilder(app.engine, app.views).run(verify=True).matches
    Rebuilder(app.engine, app.views).run(["counters"])
    assert counter_rows(app) == before


def test_a_counter_is_an_event_and_its_view_is_rebuilt(app: Televent) -> None:
    counter_id = proposed(app)
    proposal: CounterProposal = app.repository.get(counter_proposal_id_for(counter_id))
    assert (proposal.address, proposal.uid, proposal.status) == (BOB, UID, "open")
    assert proposal.proposal["start"] == "20261203T170000Z"
    assert proposal.proposal["comment"] == "Two hours later?"
    [row] = counter_rows(app)
    assert (row["address"], row["status"]) == (BOB, "open")
    assert json.loads(str(row["proposal"]))["start"] == "20261203T170000Z"
    [card] = [r for r in DeliveryQueue(app.views, app.clock).rows() if r["kind"] == "counter"]
    assert json.loads(card["payload"])["counter_id"] == counter_id
    assert_rebuild_reproduces_the_view(app)


def test_accepting_moves_the_event_and_is_recorded(app: Televent) -> None:
    counter_id = proposed(app)
    summary = counters(app).answer(counter_id, alice(app), accept=True, source="bot:1")
    assert summary == "Team sync"
    proposal: CounterProposal = app.repository.get(counter_proposal_id_for(counter_id))
    assert proposal.status == "accepted"
    stored = app.queries.object_at(calendar_id_for(account_id_for(ALICE), "default"), "sync-1.ics")
    assert stored is not None
    facts = facts_of(parse_calendar_object(stored.ical))
    assert facts["start"].startswith("2026-12-03T17:00:00")
    [row] = counter_rows(app)
    assert row["status"] == "accepted"
    with pytest.raises(DomainError, match="already answered"):
        counters(app).answer(counter_id, alice(app), accept=False, source="bot:1")
    assert_rebuild_reproduces_the_view(app)


def test_declining_sends_a_declinecounter_and_is_recorded(app: Televent) -> None:
    counter_id = proposed(app)
    counters(app).answer(counter_id, alice(app), accept=False, source="bot:1")
    [row] = counter_rows(app)
    assert row["status"] == "declined"
    rows = MailQueue(app.views, app.clock).mail_rows()
    assert ("DECLINECOUNTER", BOB) in [(r["method"], r["recipient"]) for r in rows]
    assert_rebuild_reproduces_the_view(app)


def test_the_same_counter_processed_again_is_one_proposal(app: Televent) -> None:
    event_id = organised(app)
    raw = counter_email(app, event_id)
    receive_email(ItipInbox(app, IDENTITY), raw)
    with app.views.write() as db:  # as if the dedup record had been lost
        db.run("DELETE FROM mail_inbound")
    again = receive_email(ItipInbox(app, IDENTITY), raw)
    assert [o.result for o in again.outcomes] == ["proposed"]
    assert len(counter_rows(app)) == 1


def test_a_counter_leaves_the_events_etag_alone(app: Televent) -> None:
    event_id = organised(app)
    before = app.queries.object_by_event_id(event_id)
    receive_email(ItipInbox(app, IDENTITY), counter_email(app, event_id))
    after = app.queries.object_by_event_id(event_id)
    assert before is not None and after is not None
    assert after.etag == before.etag


def test_only_the_organizer_may_answer(app: Televent) -> None:
    counter_id = proposed(app)
    other = app.register_account(2, name="Mallory", actor=ACTOR, source=CLI)
    mallory = app.queries.account_by_id(other.account_id)
    assert mallory is not None
    with pytest.raises(NotFoundError, match="not for one of your events"):
        counters(app).answer(counter_id, mallory, accept=True, source="bot:2")
    with pytest.raises(NotFoundError, match="not known"):
        counters(app).answer("000000000000", alice(app), accept=True, source="bot:1")


def test_the_audit_shows_the_proposal_and_its_answer(app: Televent) -> None:
    counter_id = proposed(app)
    counters(app).answer(counter_id, alice(app), accept=False, source="bot:1")
    entries = [e for e in Audit(app).event_timeline(UID) if e.aggregate == "CounterProposal"]
    assert [(e.kind, e.what) for e in entries] == [
        ("CounterProposed", "new time proposed"),
        ("CounterAnswered", "proposed time answered"),
    ]
    assert entries[0].who == BOB and entries[0].through == "email Message-ID c1@mail.example.com"
    assert entries[0].diff[0] == f"{BOB} proposes DTSTART '20261203T170000Z'"
    assert entries[1].diff == (f"proposal of {BOB} declined",)
    account = [e.kind for e in Audit(app).account_timeline(ALICE)]
    assert "CounterProposed" in account and "CounterAnswered" in account


def test_a_proposal_kept_before_the_upgrade_can_still_be_answered(app: Televent) -> None:
    event_id = organised(app)
    proposal = {"start": "20261203T170000Z", "start_tzid": None, "comment": None,
                "text": "BEGIN:VEVENT\r\nDTSTART:20261203T170000Z\r\nEND:VEVENT\r\n"}  # fmt: skip
    with app.views.write() as db:
        db.run(
            "INSERT INTO mail_counters_legacy (counter_id, event_id, address, proposal, status, "
            "created_at) VALUES (?, ?, ?, ?, 'open', '2026-11-20T10:00:00.000000+00:00')",
            ("abcdefabcdef", str(event_id), BOB, json.dumps(proposal)),
        )
    counters(app).answer("abcdefabcdef", alice(app), accept=True, source="bot:1")
    [row] = counter_rows(app)
    assert (row["counter_id"], row["status"]) == ("abcdefabcdef", "accepted")
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_a_counter_that_lists_every_attendee_speaks_for_the_reply_addresss_own(
    app: Televent,
) -> None:
    """RFC 5546 §3.2.7's COUNTER lists the attendees, the organizer first: it was taken to
    speak for the organizer, and refused."""
    event_id = organised(app)
    organizer = f"tg_{ALICE}@{IDENTITY.domain}"
    raw = counter_email(app, event_id).replace(
        f"ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{BOB}".encode(),
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{organizer}\r\n"
        f"ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{BOB}\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:dan@example.org".encode(),
    )
    receipt = receive_email(ItipInbox(app, IDENTITY), raw)
    assert [(o.method, o.result) for o in receipt.outcomes] == [("COUNTER", "proposed")]
    [row] = counter_rows(app)
    assert row["address"] == BOB
