"""The email queues' bookkeeping: claim due messages, record what happened, and remember which
inbound messages were already processed.

Rows of `mail_outbox` are created by the email_delivery projection (in the transaction of the
domain events) and by the application (a REFRESH asks for the invitation again, a declined
COUNTER is answered with a DECLINECOUNTER), and the reminders, agendas and notices a person
chose to get by mail (projections/notifications.py, method NOTICE); the sender
(adapters/mail/sender.py) claims them with a lease, as the Telegram queue does. A message the
relay refuses for good (5xx), or that comes back as a delivery-status bounce, is recorded here
and reported to the application's delivery failures (application/delivery_failures.py), which
tells the organizer.

`mail_unsubscribe_tokens` holds the secret of each person's unsubscribe link per kind of mail
(reminders, agenda, notices; RFC 8058), operational like the queue's leases.

`mail_inbound` is an operational record, not a read model: the Message-IDs already processed
and what became of each (`InboundLog`), so an IMAP re-poll or an MTA retry changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from televent.delivery.erasure import release_settled_farewell
from televent.delivery.telegram_queue import FAILED, PENDING, DeliveryQueue
from televent.projections.notifications import MAIL_NOTICE, insert_mail_row
from televent.projections.telegram_delivery import stamp
from televent.projections.view_reader import ViewReader

BOUNCED = "bounced"
# A code mailed to an address someone wants to link (application/email_links.py): its row
# holds the code until the mail is sent or given up, then only `{"code": null}`.
CODE = "CODE"


@dataclass(frozen=True)
class MailDelivery:
    """One message to send."""

    delivery_id: str
    recipient: str
    method: str
    event_id: str | None
    account_id: str | None
    payload: dict[str, Any]
    attempts: int

    @property
    def is_notice(self) -> bool:
        """Whether it is a reminder, agenda or notice for the person's own linked email
        (projections/notifications.py), not an iTIP message to someone else."""
        return self.method == MAIL_NOTICE


class MailQueue(DeliveryQueue):
    """Claims and settles rows of `mail_outbox`."""

    table = "mail_outbox"

    def claim_mail(self, limit: int = 20) -> list[MailDelivery]:
        """Lease up to `limit` due messages, oldest first."""
        return [_delivery(row) for row in self._claim_rows(limit)]

    def enqueue_mail(  # noqa: PLR0917 - the row's columns, in order
        self,
        delivery_id: str,
        recipient: str,
        method: str,
        event_id: str | None,
        account_id: str | None,
        payload: dict[str, Any],
    ) -> bool:
        """Queue a message no domain event caused (a REFRESH); False if already queued."""
        now = stamp(self.clock())
        with self.views.write() as db:
            return insert_mail_row(
                db, delivery_id, recipient, method, event_id, account_id, payload,
                due_at=now, created_at=now,
            )  # fmt: skip

    def mail_rows(self) -> list[dict[str, Any]]:
        """Every row (for operators and tests), oldest first."""
        with self.views.read() as db:
            return db.all("SELECT * FROM mail_outbox ORDER BY created_at, delivery_id")

    def by_message_id(self, message_id: str) -> MailDelivery | None:
        """The message a sent Message-ID came from (a bounce names the original's Message-ID)."""
        with self.views.read() as db:
            row = db.one("SELECT * FROM mail_outbox WHERE message_id = ?", (message_id,))
        return None if row is None else _delivery(row)

    def invitation_token(self, event_id: str, address: str) -> str | None:
        """The reply-address token of an external attendee of an event organised here."""
        with self.views.read() as db:
            value = db.scalar(
                "SELECT token FROM mail_invitations WHERE event_id = ? AND address = ?",
                (event_id, address),
            )
        return None if value is None else str(value)

    def invitation_by_token(self, token: str) -> tuple[str, str] | None:
        """(event id, address) a reply-address token was issued for, if it is still valid."""
        with self.views.read() as db:
            row = db.one("SELECT event_id, address FROM mail_invitations WHERE token = ?", (token,))
        return None if row is None else (str(row["event_id"]), str(row["address"]))

    def alias_of(self, account_id: str) -> str | None:
        """The token of a Televent user's mail alias (email_delivery.py), if they have one."""
        with self.views.read() as db:
            value = db.scalar("SELECT token FROM mail_aliases WHERE account_id = ?", (account_id,))
        return None if value is None else str(value)

    def _settle(self, delivery_id: str, assignments: str, params: tuple[Any, ...]) -> None:
        """Record what happened to a message; the cancellation of an erased person's meeting
        is deleted as soon as it was sent or given up (it names them: delivery/erasure.py)."""
        with self.views.write() as db:
            db.run(
                f"UPDATE {self.table} SET {assignments}, leased_until = NULL WHERE delivery_id = ?",
                (*params, delivery_id),
            )
            db.run(
                f"UPDATE {self.table} SET payload = ? WHERE delivery_id = ? AND method = ? "
                "AND status <> ?",
                ('{"code": null}', delivery_id, CODE, PENDING),
            )
            release_settled_farewell(db, self.table, delivery_id)

    def unsubscribe_token(self, account_id: str, channel: str) -> str:
        """The token of the unsubscribe link of one person's mails of one kind (reminders,
        agenda, notices): random, made on first use, the same for every later mail, so a link
        in an old mail keeps working. It stops when the person is erased."""
        with self.views.write() as db:
            db.run(
                "INSERT INTO mail_unsubscribe_tokens (token, account_id, channel, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, channel) DO NOTHING",
                (secrets.token_urlsafe(24), account_id, channel, stamp(self.clock())),
            )
            value = db.scalar(
                "SELECT token FROM mail_unsubscribe_tokens WHERE account_id = ? AND channel = ?",
                (account_id, channel),
            )
        return str(value)

    def unsubscribe_target(self, token: str) -> tuple[str, str] | None:
        """(account id, kind) an unsubscribe token was made for, if it is one."""
        with self.views.read() as db:
            row = db.one(
                "SELECT account_id, channel FROM mail_unsubscribe_tokens WHERE token = ?",
                (token,),
            )
        return None if row is None else (str(row["account_id"]), str(row["channel"]))

    def bounced(self, delivery_id: str, reason: str) -> None:
        """The message came back undelivered."""
        self.give_up(delivery_id, reason, BOUNCED)

    def failed_for_good(self, delivery_id: str, reason: str) -> None:
        """The relay refused the message for good (5xx)."""
        self.give_up(delivery_id, reason, FAILED)


def _delivery(row: dict[str, Any]) -> MailDelivery:
    return MailDelivery(
        row["delivery_id"],
        row["recipient"],
        row["method"],
        row["event_id"],
        row["account_id"],
        json.loads(row["payload"]),
        int(row["attempts"]),
    )


def itip_payload(
    ical: str, token: str, stamp_text: str, *, attendee: str | None = None
) -> dict[str, Any]:
    """The payload of a queued iTIP message the application asks for (REFRESH, DECLINECOUNTER),
    in the shape the email_delivery projection writes."""
    return {
        "ical": ical,
        "token": token,
        "name": None,
        "instances": [],
        "attendee": attendee,
        "partstat": None,
        "stamp": stamp_text,
    }


class InboundLog:
    """`mail_inbound`: each processed inbound Message-ID once, with what became of it."""

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock

    def outcomes_of(self, message_id: str) -> list[dict[str, Any]] | None:
        """What processing the message did, or None when it was never processed."""
        with self.views.read() as db:
            value = db.scalar(
                "SELECT outcome FROM mail_inbound WHERE message_id = ?", (message_id,)
            )
        return None if value is None else list(json.loads(str(value)))

    def record(self, message_id: str, sender: str | None, outcomes: list[dict[str, Any]]) -> None:
        """Remember the message as processed (the first record of a Message-ID stands)."""
        with self.views.write() as db:
            db.run(
                "INSERT INTO mail_inbound (message_id, received_at, sender, outcome) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING",
                (message_id, stamp(self.clock()), sender, json.dumps(outcomes)),
            )
