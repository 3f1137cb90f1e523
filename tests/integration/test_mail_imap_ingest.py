"""IMAP polling feeds the inbox: an invitation in the mailbox becomes an event, once; a
message Televent refuses to read does not come back on every poll."""

from __future__ import annotations

from televent.adapters.mail.imap import ImapSettings, poll_once
from televent.adapters.mail.ingest import email_receiver
from televent.application.itip_inbox import ItipInbox
from televent.application.televent import Televent
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    account_id_for,
    calendar_event_id_for,
    calendar_id_for,
)
from tests.e2e.test_mail_e2e import external_request
from tests.e2e.test_mail_providers_e2e import bomb_nested, bomb_parts
from tests.imapd import ImapStandIn


def test_polled_invitations_are_applied_once_and_marked_seen(app: Televent) -> None:
    app.register_account(
        3, name="Carol", email="carol@example.org", actor="system:", source="cli:t"
    )
    inbox = ItipInbox(app, MailIdentity.parse("calendar@cal.example.org"))
    with ImapStandIn("televent", "secret") as server:
        first = server.deliver(external_request("imap-1@example.net"))
        second = server.deliver(b"From: someone@example.org\r\nSubject: hello\r\n\r\nNo calendar.")
        settings = ImapSettings.parse(server.url())
        result = poll_once(settings, email_receiver(inbox))
        assert (result.fetched, result.failed) == (2, 0)
        assert "\\Seen" in server.flags(first) and "\\Seen" in server.flags(second)
        assert poll_once(settings, email_receiver(inbox)).fetched == 0
    calendar_id = calendar_id_for(account_id_for(3), DEFAULT_CALENDAR_SLUG)
    stored = app.queries.object_by_event_id(
        calendar_event_id_for(calendar_id, "imap-1@example.net")
    )
    assert stored is not None and "SUMMARY:Budget" in stored.ical


def test_a_refused_message_is_marked_seen_and_the_poll_goes_on(app: Televent) -> None:
    """A MIME bomb is refused (logged) and marked seen: offered again it would be refused
    again on every poll. The invitation after it is taken in."""
    app.register_account(
        3, name="Carol", email="carol@example.org", actor="system:", source="cli:t"
    )
    inbox = ItipInbox(app, MailIdentity.parse("calendar@cal.example.org"))
    with ImapStandIn("televent", "secret") as server:
        bombs = [server.deliver(bomb_nested()), server.deliver(bomb_parts())]
        fine = server.deliver(external_request("imap-after@example.net"))
        settings = ImapSettings.parse(server.url())
        result = poll_once(settings, email_receiver(inbox))
        assert (result.fetched, result.failed) == (3, 0)
        assert all("\\Seen" in server.flags(uid) for uid in [*bombs, fine])
        assert poll_once(settings, email_receiver(inbox)).fetched == 0
    calendar_id = calendar_id_for(account_id_for(3), DEFAULT_CALENDAR_SLUG)
    for uid, kept in (("imap-after@example.net", True), ("bomb@example.net", False)):
        stored = app.queries.object_by_event_id(calendar_event_id_for(calendar_id, uid))
        assert (stored is not None) == kept, uid
