"""The email delivery queue's bookkeeping: claim due messages, record what happened.

Rows are created by the email_delivery projection (in the transaction of the domain events)
and by the inbox (a REFRESH asks for the invitation again); the sender
(adapters/mail/sender.py) claims them with a lease, as the Telegram queue does. A message the
relay refuses for good (5xx), or that comes back as a delivery-status bounce, is recorded and
the organizer is told in Telegram.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from televent.delivery.telegram_queue import FAILED, PENDING, DeliveryQueue
from televent.projections.telegram_delivery import stamp

BOUNCED = "bounced"


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


class MailQueue(DeliveryQueue):
    """Claims and settles rows of `mail_outbox`."""

    table = "mail_outbox"

    def claim_mail(self, limit: int = 20) -> list[MailDelivery]:
        """Lease up to `limit` due messages, oldest first."""
        return [
            MailDelivery(
                row["delivery_id"],
                row["recipient"],
                row["method"],
                row["event_id"],
                row["account_id"],
                json.loads(row["payload"]),
                int(row["attempts"]),
            )
            for row in self._claim_rows(limit)
        ]

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
            db.run(
                "INSERT INTO mail_outbox (delivery_id, recipient, method, event_id, account_id, "
                "payload, status, attempts, due_at, created_position, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?) ON CONFLICT (delivery_id) DO NOTHING",
                (
                    delivery_id,
                    recipient,
                    method,
                    event_id,
                    account_id,
                    json.dumps(payload, sort_keys=True),
                    PENDING,
                    now,
                    now,
                ),
            )
            return db.rowcount == 1

    def mail_rows(self) -> list[dict[str, Any]]:
        """Every row (for operators and tests), oldest first."""
        with self.views.read() as db:
            return db.all("SELECT * FROM mail_outbox ORDER BY created_at, delivery_id")

    def by_message_id(self, message_id: str) -> dict[str, Any] | None:
        """The row a sent message came from (a bounce names the original's Message-ID)."""
        with self.views.read() as db:
            return db.one("SELECT * FROM mail_outbox WHERE message_id = ?", (message_id,))

    def bounced(self, delivery_id: str, reason: str) -> None:
        """The message came back undelivered."""
        self.give_up(delivery_id, reason, BOUNCED)

    def failed_for_good(self, delivery_id: str, reason: str) -> None:
        """The relay refused the message for good (5xx)."""
        self.give_up(delivery_id, reason, FAILED)
