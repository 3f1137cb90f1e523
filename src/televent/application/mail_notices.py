"""Reminders, morning agendas and notices by mail: whether a queued one still goes, and the
unsubscribe link each carries (List-Unsubscribe, RFC 2369; one click, RFC 8058).

Where a message goes is decided when it is queued (projections/notifications.py). When it is
sent, two things are checked again, because they are the person's consent and their address:
the recipient must still be an email linked to the account (an address unlinked meanwhile gets
nothing), and the person must still want that kind by mail (an unsubscribe, or email turned
off in the settings, stops the mails already waiting too). Anything else stays as it was
decided.

The unsubscribe link names a random token kept per (account, kind) (delivery/mail_queue.py),
so it cannot be guessed or forged from an account's id, and it works only for the kind it came
with. Following it turns that kind's email channel off through the one preferences command,
recorded as a `PreferencesChanged` event with the actor "system:unsubscribe link"; Telegram
and the other kinds stay as they were, and nothing changes when email was off already.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from televent.application.televent import Televent
from televent.delivery.mail_queue import MailDelivery, MailQueue
from televent.domain.errors import TeleventError
from televent.domain.languages import supported
from televent.domain.preferences import CHANNEL_KINDS, EMAIL
from televent.domain.values import Source, SourceKind
from televent.projections.directory_reader import AccountView

UNSUBSCRIBE_ACTOR = "system:unsubscribe link"
UNSUBSCRIBE_SOURCE = Source(SourceKind.EMAIL, "unsubscribe link").encode()
MAX_TOKEN_LENGTH = 100


class NoLongerWantedError(TeleventError):
    """A queued mail that is not to be sent any more (the reason says why)."""


@dataclass(frozen=True)
class NoticeToSend:
    """A queued reminder, agenda or notice that still goes, with what it needs."""

    account: AccountView
    channel: str  # reminders, agenda or notices
    kind: str  # as the Telegram queue names it: reminder, agenda, invitation, rsvp, ...
    message: dict[str, Any]  # what Telegram would show (the queued payload)
    ical: str | None  # the event as it was when queued, if the message is about one
    unsubscribe_token: str


@dataclass(frozen=True)
class Unsubscription:
    """What an unsubscribe link stands for."""

    name: str  # whose mails (shown on the confirmation page)
    channel: str  # reminders, agenda or notices
    by_mail: bool  # whether that kind still goes by mail
    # the language the person chose, else their Telegram's; None: neither (the page follows
    # the browser then)
    language: str | None = None


class MailNotices:
    """Reminders, agendas and notices by mail, and their unsubscribe links."""

    def __init__(self, app: Televent, queue: MailQueue | None = None) -> None:
        self.app = app
        self.queue = queue or MailQueue(app.views, app.clock)

    def to_send(self, delivery: MailDelivery) -> NoticeToSend:
        """A queued mail as it is to be sent; NoLongerWantedError when it is not to go any
        more (see the module docstring)."""
        payload = delivery.payload
        channel = str(payload.get("channel"))
        account = None
        if delivery.account_id:
            account = self.app.queries.account_by_id(delivery.account_id)
        if account is None:
            raise NoLongerWantedError("the account is gone")
        if delivery.recipient.lower() not in {e.lower() for e in account.emails}:
            raise NoLongerWantedError("the address is no longer linked to the account")
        if channel not in CHANNEL_KINDS:
            raise NoLongerWantedError(f"not a kind of mail Televent sends: {channel}")
        if not account.preferences.sends(channel, EMAIL):
            raise NoLongerWantedError(f"email was turned off for {channel}")
        return NoticeToSend(
            account=account,
            channel=channel,
            kind=str(payload.get("kind")),
            message=dict(payload.get("message") or {}),
            ical=payload.get("ical") or None,
            unsubscribe_token=self.queue.unsubscribe_token(str(account.account_id), channel),
        )

    def unsubscription(self, token: str) -> Unsubscription | None:
        """What the link with this token unsubscribes from (None: no such link)."""
        found = self._target(token)
        if found is None:
            return None
        account, channel = found
        return Unsubscription(
            account.name, channel, account.preferences.sends(channel, EMAIL), _language(account)
        )

    def unsubscribe(self, token: str) -> Unsubscription | None:
        """Turn the email channel off for the link's kind of mail (a command, so an event in
        the log; none when it was off already). None: no such link."""
        found = self._target(token)
        if found is None:
            return None
        account, channel = found
        kept = [c for c in account.preferences.channels.get(channel, []) if c != EMAIL]
        preferences = self.app.change_preferences(
            account.telegram_id,
            {"channels": {channel: kept}},
            actor=UNSUBSCRIBE_ACTOR,
            source=UNSUBSCRIBE_SOURCE,
        )
        return Unsubscription(
            account.name, channel, preferences.sends(channel, EMAIL), _language(account)
        )

    def _target(self, token: str) -> tuple[AccountView, str] | None:
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        found = self.queue.unsubscribe_target(token)
        if found is None or found[1] not in CHANNEL_KINDS:
            return None
        account = self.app.queries.account_by_id(found[0])
        return None if account is None else (account, found[1])


def _language(account: AccountView) -> str | None:
    """The language the person reads, when they or their Telegram said one."""
    return supported(account.preferences.language) or supported(account.telegram_language)
