"""The webhook queue's bookkeeping (docs/adr/0029): claim due messages of active webhooks,
record each attempt and what came of it.

Rows are made by the webhook_delivery projection in the writer's transaction (and by a replay
a person asks for); the sender (adapters/api/webhook_sender.py) claims them with a lease. The
payload is frozen at the first attempt (`body`), so every retry of one `webhook-id` sends the
same bytes. Delivery is at least once: a process killed after the receiver took a message but
before it was marked delivered sends it again, with the same id and body, for the receiver to
drop. A failed attempt waits as Standard Webhooks suggests (`domain.webhooks.retry_delay`) and
the message is given up after a little over a day; its webhook is then paused.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from televent.domain.webhooks import RESPONSE_EXCERPT_BYTES, retry_delay
from televent.projections.base import stamp
from televent.projections.sql import Sql
from televent.projections.view_reader import ViewReader
from televent.projections.webhook_delivery import GIVEN_UP, PENDING

DELIVERED, FAILED = "delivered", GIVEN_UP
WITHDRAWN = "withdrawn"  # not sent: its webhook's owner may no longer read what it is about
SETTLED_DAYS = 30  # how long a message delivered, given up or withdrawn is kept
BACKLOG_DAYS = 30  # how long a paused webhook's messages wait for it to be resumed
LEASE = dt.timedelta(seconds=60)  # longer than one attempt may take
KEEP_ATTEMPTS = 100  # per webhook, for the deliveries listing
PER_WEBHOOK = 20  # of one webhook's messages claimed at once


@dataclass(frozen=True)
class Message:
    """One message to deliver."""

    message_id: str
    webhook_id: str
    account_id: str
    trigger: str
    position: int
    occurred_at: str
    subject: dict[str, Any]
    body: str | None  # the payload as first sent, if it was
    attempts: int
    retries_from: int = 0  # attempts made before its webhook was last resumed


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to (the receiver's status, or the error that stopped it)."""

    status_code: int | None
    duration_ms: int
    response_excerpt: str | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class WebhookQueue:
    """Claims and settles rows of `webhook_outbox`."""

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock

    def claim(self, limit: int = 100, each: int = PER_WEBHOOK) -> list[Message]:
        """Lease up to `limit` due messages of active webhooks, oldest change first, at most
        `each` of one webhook's: a webhook with a backlog of thousands leaves room in a round
        for the others' messages. A webhook's messages go in order: none is taken while an
        older one of the same webhook waits for its retry, is leased or was given up."""
        now = stamp(self.clock())
        claimed: list[Message] = []
        with self.views.write() as db:
            lease = stamp(self.clock() + LEASE)
            refused: set[str] = set()  # webhooks one of whose messages could not be leased
            for message_id, webhook_id in _heads(db, now, each)[:limit]:
                if webhook_id in refused:
                    continue  # leased or settled by another sender meanwhile: not past it
                db.run(
                    "UPDATE webhook_outbox SET leased_until = ? WHERE message_id = ? AND "
                    "status = ? AND (leased_until IS NULL OR leased_until < ?)",
                    (lease, message_id, PENDING, now),
                )
                if db.rowcount != 1:
                    refused.add(webhook_id)
                    continue
                row = db.one("SELECT * FROM webhook_outbox WHERE message_id = ?", (message_id,))
                assert row is not None
                claimed.append(
                    Message(
                        str(row["message_id"]),
                        str(row["webhook_id"]),
                        str(row["account_id"]),
                        str(row["trigger"]),
                        int(row["position"]),
                        str(row["occurred_at"]),
                        json.loads(row["subject"]),
                        row["body"],
                        int(row["attempts"]),
                        int(row["retries_from"] or 0),
                    )
                )
        return claimed

    def settle(self, message: Message, body: str, outcome: Outcome) -> bool:
        """Record the attempt; delivered, retried later, or given up (True when given up:
        the sender then pauses the webhook)."""
        attempt = message.attempts + 1
        now = self.clock()
        delay = None if outcome.delivered else retry_delay(attempt - message.retries_from)
        status = DELIVERED if outcome.delivered else (PENDING if delay else FAILED)
        due = stamp(now + delay) if delay else stamp(now)
        with self.views.write() as db:
            db.run(
                "UPDATE webhook_outbox SET status = ?, attempts = ?, due_at = ?, body = ?, "
                "last_error = ?, leased_until = NULL WHERE message_id = ?",
                (status, attempt, due, body, _error(outcome), message.message_id),
            )
            _note_attempt(db, message, attempt, stamp(now), outcome)
        return status == FAILED

    def release(self, messages: Sequence[Message]) -> None:
        """Give back the lease of messages not tried in this round (their webhook's receiver
        failed, or the round's time was up): they go, in order, when the one before them
        does."""
        if not messages:
            return
        marks = ", ".join("?" for _ in messages)
        with self.views.write() as db:
            db.run(
                f"UPDATE webhook_outbox SET leased_until = NULL WHERE status = ? AND "
                f"message_id IN ({marks})",
                (PENDING, *(m.message_id for m in messages)),
            )

    def withdraw(self, message: Message) -> None:
        """The message will not be sent (its owner may no longer read what it tells of): it
        keeps no copy of the change."""
        with self.views.write() as db:
            db.run(
                "UPDATE webhook_outbox SET status = ?, subject = ?, body = NULL, "
                "leased_until = NULL WHERE message_id = ?",
                (WITHDRAWN, "{}", message.message_id),
            )

    def record_test(self, message: Message, outcome: Outcome) -> None:
        """Note a test message's attempt among the webhook's deliveries."""
        with self.views.write() as db:
            _note_attempt(db, message, 1, stamp(self.clock()), outcome)

    def forget_settled(self, days: int = SETTLED_DAYS, backlog_days: int = BACKLOG_DAYS) -> int:
        """Delete the messages delivered, given up or withdrawn more than `days` ago, and
        those that waited for a paused webhook more than `backlog_days`: each holds a copy of
        the change it told of (an event's iCalendar, a visitor's name, address and answers),
        kept no longer than it may be needed. Returns how many."""
        now = self.clock()
        cutoff = stamp(now - dt.timedelta(days=days))
        stale = stamp(now - dt.timedelta(days=backlog_days))
        with self.views.write() as db:
            db.run("DELETE FROM webhook_outbox WHERE status <> ? AND due_at < ?", (PENDING, cutoff))
            forgotten = db.rowcount
            db.run(
                "DELETE FROM webhook_outbox WHERE status = ? AND COALESCE(queued_at, due_at) < ? "
                "AND webhook_id NOT IN (SELECT webhook_id FROM webhooks WHERE active = 1)",
                (PENDING, stale),
            )
            return forgotten + db.rowcount

    def given_up_unpaused(self) -> list[tuple[str, str]]:
        """Active webhooks holding a message that was given up: the pause that should have
        followed did not happen (the process stopped between the two); the sender pauses
        them now, so nothing overtakes that message."""
        with self.views.read() as db:
            rows = db.all(
                "SELECT o.webhook_id, MAX(o.last_error) AS reason FROM webhook_outbox o JOIN "
                "webhooks w ON w.webhook_id = o.webhook_id WHERE o.status = ? AND w.active = 1 "
                "GROUP BY o.webhook_id",
                (FAILED,),
            )
        return [(str(row["webhook_id"]), str(row["reason"] or "given up")) for row in rows]

    def waiting(self) -> int:
        """Messages not delivered yet, of active webhooks (for /metrics)."""
        with self.views.read() as db:
            return int(
                db.scalar(
                    "SELECT COUNT(*) FROM webhook_outbox o JOIN webhooks w ON "
                    "w.webhook_id = o.webhook_id WHERE o.status = ? AND w.active = 1",
                    (PENDING,),
                )
                or 0
            )


def _heads(db: Sql, now: str, each: int) -> list[tuple[str, str]]:
    """(message id, webhook id) of the messages due at the head of each active webhook's
    queue: a webhook's oldest `each` waiting ones, up to the first that holds the later ones
    back (one waiting for its retry, leased, or after a message given up while its webhook
    is being paused), in order (position, then message id) within each webhook. Across
    webhooks every webhook's first comes before any webhook's second (then the oldest change
    first), so a few webhooks with old backlogs cannot fill every round. Indexed reads of a
    few rows per webhook whose oldest waiting message is due, whatever the backlogs."""
    hooks = db.all(
        "SELECT w.webhook_id FROM webhooks w WHERE w.active = 1 AND (SELECT o.due_at FROM "
        "webhook_outbox o WHERE o.webhook_id = w.webhook_id AND o.status = ? "
        "ORDER BY o.position, o.message_id LIMIT 1) <= ?",
        (PENDING, now),
    )
    found: list[tuple[int, int, str, str]] = []
    for hook in hooks:
        webhook_id = str(hook["webhook_id"])
        given_up = db.one(
            "SELECT position, message_id FROM webhook_outbox WHERE webhook_id = ? AND "
            "status = ? ORDER BY position, message_id LIMIT 1",
            (webhook_id, FAILED),
        )
        stop = (
            None if given_up is None else (int(given_up["position"]), str(given_up["message_id"]))
        )
        head = db.all(
            "SELECT message_id, position, due_at, leased_until FROM webhook_outbox "
            "WHERE webhook_id = ? AND status = ? ORDER BY position, message_id LIMIT ?",
            (webhook_id, PENDING, each),
        )
        for rank, row in enumerate(head):
            key = (int(row["position"]), str(row["message_id"]))
            leased = row["leased_until"] is not None and str(row["leased_until"]) >= now
            if str(row["due_at"]) > now or leased or (stop is not None and key > stop):
                break
            found.append((rank, *key, webhook_id))
    found.sort()
    return [(message_id, webhook_id) for _, _, message_id, webhook_id in found]


def _note_attempt(db: Sql, message: Message, attempt: int, at: str, outcome: Outcome) -> None:
    """Record an attempt, keeping the webhook's newest KEEP_ATTEMPTS."""
    db.run(
        "INSERT INTO webhook_attempts (webhook_id, account_id, message_id, trigger, attempt, "
        "status_code, duration_ms, at, response_excerpt, error) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (message_id, attempt) DO NOTHING",
        (
            message.webhook_id,
            message.account_id,
            message.message_id,
            message.trigger,
            attempt,
            outcome.status_code,
            outcome.duration_ms,
            at,
            (outcome.response_excerpt or "")[:RESPONSE_EXCERPT_BYTES] or None,
            outcome.error,
        ),
    )
    db.run(
        "DELETE FROM webhook_attempts WHERE webhook_id = ? AND at < (SELECT MIN(at) FROM "
        "(SELECT at FROM webhook_attempts WHERE webhook_id = ? ORDER BY at DESC LIMIT ?) "
        "AS newest)",
        (message.webhook_id, message.webhook_id, KEEP_ATTEMPTS),
    )


def _error(outcome: Outcome) -> str | None:
    if outcome.delivered:
        return None
    if outcome.error:
        return outcome.error[:500]
    return f"HTTP {outcome.status_code}"
