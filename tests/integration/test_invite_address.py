"""An invitation address for every user (docs/adr/0019): a fact in the log, shown in /start and
/settings, and a way in for invitations from Gmail, Outlook and Apple Calendar; the answer goes
back as a REPLY that speaks for exactly that address."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from televent.adapters.mail.ingest import receive_email
from televent.application.itip_inbox import ItipInbox
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.domain.account import Account
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.values import calendar_event_id_for
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.bot_harness import BotHarness, at, texts_of
from tests.bot_harness import run_scenario as run
from tests.conftest import FakeClock
from tests.helpers import ACTOR, CLI
from tests.integration.test_bot_handlers import default_calendar
from tests.invite_mail import (
    ALIAS,
    IDENTITY,
    MAIL_FROM,
    SAMPLES,
    Sample,
    as_mail,
    attendee_lines,
    calendar_part_text,
    cancel_of,
    mail_sender,
    plain_mail,
    request_to,
)
from tests.smtpsink import Recorder, messages

BOB = 2


@pytest.fixture
def mail_from() -> str:
    """Televent's mail identity here is the one the sender uses (invitation addresses too)."""
    return MAIL_FROM


def receive(app: Televent, raw: bytes) -> list[tuple[str, str]]:
    receipt = receive_email(ItipInbox(app, IDENTITY), raw)
    return [(o.result, o.detail) for o in receipt.outcomes]


def invite_address(app: Televent, telegram_id: int) -> str:
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None and account.invite_address is not None
    return account.invite_address


def copy_facts(app: Televent, telegram_id: int, uid: str) -> dict[str, Any] | None:
    view = app.queries.object_by_event_id(calendar_event_id_for(default_calendar(telegram_id), uid))
    return None if view is None else facts_of(parse_calendar_object(view.ical))


# --- the address is a fact ------------------------------------------------------------------


def test_every_account_gets_an_address_that_a_rebuild_keeps(app: Televent) -> None:
    app.register_account(1, name="Alice", actor=ACTOR, source=CLI)
    app.register_account(BOB, name="Bob", email="bob@example.org", actor=ACTOR, source=CLI)
    alice, bob = invite_address(app, 1), invite_address(app, BOB)
    assert ALIAS.fullmatch(alice) and ALIAS.fullmatch(bob) and alice != bob
    assert app.invite_address(1, actor=ACTOR, source=CLI) == alice  # asked again: the same
    found = app.queries.account_for_address(f"MAILTO:{alice.upper()}", app.internal_domain)
    assert found is not None and found.telegram_id == 1
    # A new address: the old one belongs to nobody from now on.
    new = app.renew_invite_address(1, actor=ACTOR, source=CLI)
    assert ALIAS.fullmatch(new) and new != alice
    assert app.queries.account_for_address(alice, app.internal_domain) is None
    assert app.queries.replaced_invite_address(alice)
    assert app.queries.invite_addresses_of(app.account_id_of(1)) == [new, alice]
    # The addresses are in the log: a rebuild gives the same read model.
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
    Rebuilder(app.engine, app.views).run()
    assert invite_address(app, 1) == new
    assert app.queries.replaced_invite_address(alice)
    timeline = "\n".join(line for entry in Audit(app).account_timeline(1) for line in entry.diff)
    assert f"invitation address {alice}" in timeline
    assert f"invitation address {alice} → {new} (the old one stops)" in timeline


def test_an_account_from_before_gets_its_address_when_first_needed(app: Televent) -> None:
    """An account registered before addresses were events has none until something needs it;
    if mail already showed it an alias, that one is kept (outsiders may have written to it)."""
    for telegram_id, token in ((5, "00aa11bb22cc33dd44ee"), (6, None)):
        account = Account(
            telegram_id=telegram_id, name=f"Old {telegram_id}", timezone="UTC", generation=0,
            actor=ACTOR, source=CLI,
        )  # fmt: skip
        app.save_all(account)
        if token is not None:
            with app.views.write() as db:
                db.run(
                    "INSERT INTO mail_aliases (account_id, token) VALUES (?, ?)",
                    (str(account.id), token),
                )
        assert app.queries.account_by_telegram_id(telegram_id).invite_address is None  # type: ignore[union-attr]
    kept = app.invite_address(5, actor=ACTOR, source=CLI)
    assert kept == "calendar+u00aa11bb22cc33dd44ee@cal.example.org"
    made = app.invite_address(6, actor=ACTOR, source=CLI)
    assert ALIAS.fullmatch(made)
    assert app.invite_address(6, actor=ACTOR, source=CLI) == made
    assigned = [
        e for e in app.events.get(app.account_id_of(6)) if type(e).__name__.endswith("Assigned")
    ]
    assert len(assigned) == 1, "made once, then read"


def test_start_and_settings_show_the_address(app: Televent, api: Any, clock: FakeClock) -> None:
    async def scenario(h: BotHarness) -> None:
        welcome = texts_of(await h.say(BOB, "/start"))
        address = invite_address(app, BOB)
        assert any(address in text for text in welcome)
        settings = texts_of(await h.say(BOB, "/settings"))
        assert any(address in text and "Email: none linked" in text for text in settings)
        status = texts_of(await h.say(BOB, "/email"))
        assert any(address in text and "No email linked" in text for text in status)

    run(app, api, clock, scenario)


# --- invitations at the address, from real clients ------------------------------------------


@pytest.mark.parametrize("client", sorted(SAMPLES))
def test_an_invitation_at_the_address_is_a_card_and_the_answer_a_reply_from_it(
    app: Televent, api: Any, clock: FakeClock, sink: tuple[Recorder, int], client: str
) -> None:
    """A Telegram-only user, invited at their address by Gmail, Outlook or Apple Calendar: a
    copy in their calendar, a card; the tap sends the organizer a REPLY for exactly that
    address; a CANCEL from anyone else changes nothing."""
    handler, port = sink
    sample: Sample = SAMPLES[client]
    at(clock, dt.datetime.strptime(sample.sent, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC))

    async def scenario(h: BotHarness) -> None:
        await h.register(BOB)
        address = invite_address(app, BOB)
        assert [r for r, _ in receive(app, request_to(sample, address))] == ["created"]
        facts = copy_facts(app, BOB, sample.uid)
        assert facts is not None
        assert address in [a["address"] for a in facts["attendees"]]
        [card] = [c for c in await h.deliver() if c.chat_id == BOB and "Invitation" in c.text]
        accept = card.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        tapped = await h.tap(BOB, accept, card)
        assert any(c.method == "editMessageText" and "accepted" in c.text for c in tapped)
        assert await mail_sender(app, port).run_once() == 1
        [(recipients, reply)] = messages(handler)
        assert recipients == [sample.organizer]
        assert reply["From"].addresses[0].addr_spec == address
        ical = calendar_part_text(reply)
        assert "METHOD:REPLY" in ical and f"UID:{sample.uid}" in ical
        [line] = attendee_lines(ical)
        assert line.lower().endswith(f"mailto:{address}") and "PARTSTAT=ACCEPTED" in line
        assert "televent.internal" not in bytes(reply).decode(errors="replace")
        # Someone who is not the organizer cancels it: nothing changes.
        forged = cancel_of(sample, address, sender="mallory@example.net")
        [(result, detail)] = receive(app, forged)
        assert result == "refused" and "not by the organizer" in detail
        assert (copy_facts(app, BOB, sample.uid) or {}).get("status") != "CANCELLED"
        # The organizer's own CANCEL is believed.
        [(result, _)] = receive(app, cancel_of(sample, address, sender=sample.organizer))
        assert result == "cancelled"

    run(app, api, clock, scenario)


def test_an_invitation_at_a_replaced_address_can_still_be_answered(
    app: Televent, api: Any, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    """Renewing the address does not orphan the invitations already received at the old one:
    the tap still sends the organizer a REPLY for the old address, while new mail to it is
    still ignored."""
    handler, port = sink
    sample: Sample = SAMPLES["gmail"]
    at(clock, dt.datetime.strptime(sample.sent, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC))

    async def scenario(h: BotHarness) -> None:
        await h.register(BOB)
        old = invite_address(app, BOB)
        assert [r for r, _ in receive(app, request_to(sample, old))] == ["created"]
        [card] = [c for c in await h.deliver() if c.chat_id == BOB and "Invitation" in c.text]
        new = app.renew_invite_address(BOB, actor=ACTOR, source=CLI)
        assert new != old and invite_address(app, BOB) == new
        decline = card.params["reply_markup"]["inline_keyboard"][0][-1]["callback_data"]
        tapped = await h.tap(BOB, decline, card)
        assert any(c.method == "editMessageText" and "declined" in c.text for c in tapped)
        assert await mail_sender(app, port).run_once() == 1
        [(recipients, reply)] = messages(handler)
        assert recipients == [sample.organizer]
        assert reply["From"].addresses[0].addr_spec == old
        [line] = attendee_lines(calendar_part_text(reply))
        assert line.lower().endswith(f"mailto:{old}") and "PARTSTAT=DECLINED" in line
        [(result, detail)] = receive(app, cancel_of(sample, old, sender=sample.organizer))
        assert result == "ignored" and "replaced" in detail

    run(app, api, clock, scenario)


def test_a_replaced_address_and_mail_without_a_calendar_are_ignored(app: Televent) -> None:
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    old = invite_address(app, BOB)
    sample = SAMPLES["gmail"]
    assert [r for r, _ in receive(app, plain_mail(old))] == ["ignored"]
    new = app.renew_invite_address(BOB, actor=ACTOR, source=CLI)
    [(result, detail)] = receive(app, request_to(sample, old))
    assert result == "ignored" and "replaced" in detail
    assert copy_facts(app, BOB, sample.uid) is None
    [(result, detail)] = receive(
        app, request_to(sample, re.sub(r"\+u\w+@", "+u" + "f" * 20 + "@", new))
    )
    assert result == "ignored" and "no Televent user has this invitation address" in detail
    assert [r for r, _ in receive(app, request_to(sample, new))] == ["created"]


def test_mail_to_an_outsider_names_a_user_by_their_address(
    app: Televent, sink: tuple[Recorder, int]
) -> None:
    """A user without a linked email is shown to outsiders by their invitation address (the
    one they can be reached at), never by their internal address."""
    handler, port = sink
    app.register_account(1, name="Alice", actor=ACTOR, source=CLI)
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tests//EN\r\nBEGIN:VEVENT\r\nUID:m-1\r\n"
        "DTSTAMP:20260301T090000Z\r\nDTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\n"
        "SUMMARY:Plan\r\nORGANIZER;CN=Alice:mailto:tg_1@televent.internal\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:tg_2@televent.internal\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:dan@example.net\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    app.put_object(default_calendar(1), "m-1.ics", text, actor=ACTOR, source=CLI)
    asyncio.run(mail_sender(app, port).run_once())
    [(recipients, request)] = messages(handler)
    assert recipients == ["dan@example.net"]
    attendees = attendee_lines(calendar_part_text(request))
    assert any(line.lower().endswith(f"mailto:{invite_address(app, BOB)}") for line in attendees)
    assert not any("televent.internal" in line for line in attendees)


# --- GDPR ---------------------------------------------------------------------------------------


def test_export_holds_the_addresses_and_erasure_removes_them(app: Televent, tmp_path: Path) -> None:
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    first = invite_address(app, BOB)
    current = app.renew_invite_address(BOB, actor=ACTOR, source=CLI)
    app.request_email_code(BOB, "bob@example.org", actor=ACTOR, source=CLI)
    [row] = MailQueue(app.views, app.clock).mail_rows()
    code = json.loads(row["payload"])["code"]
    app.verify_email_code(BOB, code, actor=ACTOR, source=CLI)
    out = tmp_path / "bob.zip"
    PersonalData(app).export(BOB, out, operator="dpo", reason="request #7")
    with zipfile.ZipFile(out) as archive:
        account = json.loads(archive.read("account.json"))
        events = json.loads(archive.read("events.json"))
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert account["invite_address"] == current
    assert account["replaced_invite_addresses"] == [first]
    assert account["emails"] == ["bob@example.org"]
    kinds = [(e["event"], e["data"].get("address"), e["data"].get("verified_by")) for e in events]
    assert ("Account.InviteAddressAssigned", first, None) in kinds
    assert ("Account.InviteAddressAssigned", current, None) in kinds
    assert ("Account.EmailLinked", "bob@example.org", "code") in kinds
    assert code.encode() not in everything

    PersonalData(app).erase(BOB, operator="dpo", reason="Art. 17")
    for address in (first, current, "bob@example.org"):
        assert app.queries.account_for_address(address, app.internal_domain) is None
    assert not app.queries.replaced_invite_address(first)
    with app.views.read() as db:
        assert db.scalar("SELECT COUNT(*) FROM email_codes") == 0
        assert db.scalar("SELECT COUNT(*) FROM invite_addresses") == 0


def test_an_invitation_that_names_a_list_reaches_the_address_it_was_mailed_to(
    app: Televent,
) -> None:
    """Exchange invites a mailing list: no ATTENDEE is the user, the envelope is their address;
    the copy then lists that address, so the user answers as it."""
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    address = invite_address(app, BOB)
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nUID:list-1\r\nDTSTAMP:20260301T080000Z\r\nSEQUENCE:0\r\n"
        "DTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\nSUMMARY:All hands\r\n"
        "ORGANIZER:mailto:erin@example.net\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:everyone@lists.example.net\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    raw = as_mail(ical, sender="erin@example.net", to=f"Bob <{address.upper()}>")
    assert [r for r, _ in receive(app, raw)] == ["created"]
    facts = copy_facts(app, BOB, "list-1")
    assert facts is not None
    assert {a["address"]: a["partstat"] for a in facts["attendees"]}[address] == "NEEDS-ACTION"


def test_one_mail_to_a_list_reaches_each_user_it_was_delivered_to(app: Televent) -> None:
    """The same email (one Message-ID) delivered to Bob's and Carol's addresses through a
    list: the second copy was taken for the first again, and Carol never got the meeting.
    Copies that reach nobody new (Bob's again, by another route, or one that names no
    mailbox) are still duplicates."""
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    app.register_account(3, name="Carol", actor=ACTOR, source=CLI)
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nUID:list-2\r\nDTSTAMP:20260301T080000Z\r\nSEQUENCE:0\r\n"
        "DTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\nSUMMARY:All hands\r\n"
        "ORGANIZER:mailto:erin@example.net\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:everyone@lists.example.net\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    raw = as_mail(ical, sender="erin@example.net", to="everyone@lists.example.net",
                  message_id="all-hands")  # fmt: skip
    inbox = ItipInbox(app, IDENTITY)
    for telegram_id in (BOB, 3):
        copy = f"Delivered-To: {invite_address(app, telegram_id)}\r\n".encode() + raw
        assert [r for r, _ in receive(app, copy)] == ["created"]
        assert copy_facts(app, telegram_id, "list-2") is not None
    for header in ("Delivered-To", "X-Original-To"):
        again = f"{header}: {invite_address(app, 3)}\r\n".encode() + raw
        assert receive_email(inbox, again).duplicate
    assert receive_email(inbox, raw).duplicate


def test_a_copy_for_someone_the_invitation_does_not_name_is_not_theirs(app: Televent) -> None:
    """A copy delivered to Carol of an invitation that names Bob (a Televent user) as its
    attendee is read as it would be first: it is Bob's, already applied, and not Carol's."""
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    app.register_account(3, name="Carol", actor=ACTOR, source=CLI)
    bob, carol = invite_address(app, BOB), invite_address(app, 3)
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nUID:named-1\r\nDTSTAMP:20260301T080000Z\r\nSEQUENCE:0\r\n"
        "DTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\nSUMMARY:Review\r\n"
        f"ORGANIZER:mailto:erin@example.net\r\nATTENDEE:mailto:{bob}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    raw = as_mail(ical, sender="erin@example.net", to=bob, message_id="named-1")
    assert [r for r, _ in receive(app, f"Delivered-To: {bob}\r\n".encode() + raw)] == ["created"]
    bobs = app.queries.object_with_uid(
        app.queries.account_by_telegram_id(BOB).account_id, "named-1"
    )
    assert [r for r, _ in receive(app, f"Delivered-To: {carol}\r\n".encode() + raw)] == ["ignored"]
    assert copy_facts(app, 3, "named-1") is None
    again = app.queries.object_with_uid(
        app.queries.account_by_telegram_id(BOB).account_id, "named-1"
    )
    assert bobs is not None and again is not None and again.etag == bobs.etag
