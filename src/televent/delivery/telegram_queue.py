"""The Telegram delivery queue's bookkeeping: claim due messages, record what happened.

Rows are created by the telegram_delivery projection (in the transaction of the domain events)
and by the reminder and morning-agenda jobs; the sender (adapters/telegram/delivery.py) claims
them with a lease, so two senders never send the same row at once and a sender that dies
releases its rows when the lease runs out. Delivery is at least once: a process killed after
Telegram accepted a message but before the row was marked sent sends it again (the Bot API has
no idempotency key).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from televent.infrastructure.database import Dialect
from televent.projections.base import stamp
from televent.projections.notifications import Notification, queue_notification
from televent.projections.view_reader import ViewReader

PENDING, SENT, FAILED, SKIPPED = "pending", "sent", "failed", "skipped"
# Longer than one Bot API request may take (the bot's session gives up after 15 s), so a
# lease never expires under a send in progress; a sender killed mid-send delays its rows by
# at most this much.
LEASE = dt.timedelta(seconds=30)
MAX_ATTEMPTS = 12
MAX_BACKOFF = dt.timedelta(hours=1)


def backoff(attempts: int) -> dt.timedelta:
    """Exponential backoff after `attempts` failures: 2 s, 4 s, 8 s … at most an hour."""
    return min(dt.timedelta(seconds=2 ** min(attempts, 20)), MAX_BACKOFF)


@dataclass(frozen=True)
class Delivery:
    """One message to send."""

    delivery_id: str
    chat_id: int
    kind: str
    event_id: str | None
    payload: dict[str, Any]
    attempts: int


class DeliveryQueue:
    """Claims and settles rows of `telegram_outbox` (subclasses: other outboxes)."""

    table = "telegram_outbox"

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock

    def claim(self, limit: int = 20) -> list[Delivery]:
        """Lease up to `limit` due rows, oldest first."""
        return [
            Delivery(
                row["delivery_id"],
                int(row["chat_id"]),
                row["kind"],
                row["event_id"],
                json.loads(row["payload"]),
                int(row["attempts"]),
            )
            for row in self._claim_rows(limit)
        ]

    def _claim_rows(self, limit: int) -> list[dict[str, Any]]:
        """Lease up to `limit` due rows. On PostgreSQL one statement takes the due rows no other
        sender has locked (FOR UPDATE SKIP LOCKED), so senders in several processes neither
        wait for each other nor take the same row; SQLite has one writer at a time, and each
        row is leased only if its lease is still free."""
        if self.views.dialect is Dialect.POSTGRES:
            return self._claim_skipping_locked(limit)
        now = stamp(self.clock())
        claimed: list[dict[str, Any]] = []
        with self.views.write() as db:
            rows = db.all(
                f"SELECT * FROM {self.table} WHERE status = ? AND due_at <= ? "
                "AND (leased_until IS NULL OR leased_until < ?) ORDER BY due_at, created_position "
                "LIMIT ?",
                (PENDING, now, now, limit),
            )
            lease = stamp(self.clock() + LEASE)
            for row in rows:
                db.run(
                    f"UPDATE {self.table} SET leased_until = ? WHERE delivery_id = ? "
                    "AND status = ? AND (leased_until IS NULL OR leased_until < ?)",
                    (lease, row["delivery_id"], PENDING, now),
                )
                if db.rowcount == 1:
                    claimed.append(row)
        return claimed

    def _claim_skipping_locked(self, limit: int) -> list[dict[str, Any]]:
        now = self.clock()
        with self.views.write() as db:
            rows = db.all(
                f"UPDATE {self.table} SET leased_until = ? WHERE delivery_id IN ("
                f"SELECT delivery_id FROM {self.table} WHERE status = ? AND due_at <= ? "
                "AND (leased_until IS NULL OR leased_until < ?) ORDER BY due_at, created_position "
                "LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *",
                (stamp(now + LEASE), PENDING, stamp(now), stamp(now), limit),
            )
        # RETURNING keeps no order: send in the order the messages were queued (a removal
        # notice before the new invitation that follows it).
        return sorted(rows, key=lambda row: (row["due_at"], row["created_position"]))

    def sent(self, delivery_id: str, message_id: int | str | None) -> None:
        """The message was accepted (by Telegram, or by the SMTP relay)."""
        self._settle(
            delivery_id,
            "status = ?, message_id = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL",
            (SENT, message_id, stamp(self.clock())),
        )

    def retry(self, delivery_id: str, after: dt.timedelta, error: str) -> None:
        """Try again later (a 429, a network failure, a Telegram server error)."""
        self._settle(
            delivery_id,
            "due_at = ?, attempts = attempts + 1, last_error = ?",
            (stamp(self.clock() + after), error[:500]),
        )

    def give_up(self, delivery_id: str, error: str, status: str = FAILED) -> None:
        """Never send it (blocked by the user, an invalid request, too many attempts)."""
        self._settle(
            delivery_id,
            "status = ?, attempts = attempts + 1, last_error = ?",
            (status, error[:500]),
        )

    def _settle(self, delivery_id: str, assignments: str, params: tuple[Any, ...]) -> None:
        with self.views.write() as db:
            db.run(
                f"UPDATE {self.table} SET {assignments}, leased_until = NULL WHERE delivery_id = ?",
                (*params, delivery_id),
            )

    def enqueue(
        self,
        delivery_id: str,
        chat_id: int,
        kind: str,
        event_id: str | None,
        payload: Any,
        *,
        due_at: dt.datetime | None = None,
        status: str | None = None,
        channel: str | None = None,
    ) -> bool:
        """Queue a message that no domain event caused (a reminder, a morning agenda), to be
        sent now or from `due_at` (quiet hours); False if a row with this key exists already,
        whichever process wrote it (the key is the primary key). With `status` SKIPPED the
        row only records that nothing is to be sent under this key. `channel` (reminders,
        agenda) sends it where the person chose, their linked email too or instead
        (projections/notifications.py); without it, it goes to Telegram."""
        now = stamp(self.clock())
        message = Notification(
            key=delivery_id,
            chat_id=chat_id,
            kind=kind,
            event_id=event_id,
            payload=payload,
            due_at=now if due_at is None else stamp(due_at),
            created_at=now,
            channel=channel,
            status=status,
        )
        with self.views.write() as db:
            return queue_notification(db, message)

    def exists(self, delivery_id: str) -> bool:
        """Whether a row with this key was ever queued (sent, pending, skipped or failed)."""
        with self.views.read() as db:
            found = db.scalar(f"SELECT 1 FROM {self.table} WHERE delivery_id = ?", (delivery_id,))
        return found is not None

    def rows(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Every row (for operators and tests), oldest first."""
        condition, params = ("WHERE chat_id = ?", (chat_id,)) if chat_id is not None else ("", ())
        with self.views.read() as db:
            return db.all(
                f"SELECT * FROM telegram_outbox {condition} ORDER BY created_at, delivery_id",
                params,
            )

    def answer_of(self, event_id: str, address: str) -> str | None:
        """The attendee's current PARTSTAT (a card shows it when sent late)."""
        with self.views.read() as db:
            value = db.scalar(
                "SELECT partstat FROM attendees WHERE event_id = ? AND address = ?",
                (event_id, address),
            )
        return None if value is None else str(value)
