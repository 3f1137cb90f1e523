"""The WebDAV-Push queue's bookkeeping (docs/adr/0027): claim the registrations that have
something to hear, record what happened.

Rows are made by the push_delivery projection in the writer's transaction (and by a VAPID key
rotation); the sender (adapters/push/sender.py) claims them with a lease, so two senders never
push the same row at once, and a sender that dies releases its rows when the lease runs out.
A row is sent for the newest position it wanted when claimed: a change that arrives while the
message is on its way leaves the row wanting more, for the next round. Delivery is at least
once (a process killed after the push service took a message sends it again); every message
carries the newest sync token, so a repeat costs the phone one empty sync.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from televent.domain.web_push import GIVE_UP_AFTER, backoff
from televent.projections.base import stamp
from televent.projections.view_reader import ViewReader

LEASE = dt.timedelta(seconds=60)  # longer than one push request may take (the guard's timeout)


@dataclass(frozen=True)
class PushJob:
    """One message to send: to whom, about what, signed with which key."""

    registration_id: str
    account_id: str
    collection: str
    push_resource: str
    p256dh: str
    auth_secret: str
    vapid_key_id: str
    wanted: int  # the position the message tells of (its sync token)
    sent: int  # the position its last message told of
    properties: bool  # a property update is waiting too
    urgent: bool
    rotation: bool  # a VAPID key rotation message is waiting
    failures: int


class PushQueue:
    """Claims and settles rows of `push_outbox`."""

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock

    def claim(self, limit: int = 50) -> list[PushJob]:
        """Lease up to `limit` rows that are due and have something to send, oldest first; rows
        of expired registrations are dropped on the way (nothing is pushed to them)."""
        now = self.clock()
        with self.views.write() as db:
            db.run(
                "DELETE FROM push_outbox WHERE registration_id IN (SELECT registration_id FROM "
                "push_registrations WHERE expires_at <= ?)",
                (stamp(now),),
            )
            db.run("DELETE FROM push_registrations WHERE expires_at <= ?", (stamp(now),))
            rows = db.all(
                "SELECT o.*, r.account_id, r.collection, r.push_resource, r.p256dh, r.auth_secret, "
                "r.vapid_key_id FROM push_outbox o JOIN push_registrations r "
                "ON r.registration_id = o.registration_id WHERE o.given_up = 0 AND o.due_at <= ? "
                "AND (o.wanted > o.sent OR o.rotation IS NOT NULL) "
                "AND (o.leased_until IS NULL OR o.leased_until < ?) ORDER BY o.due_at LIMIT ?",
                (stamp(now), stamp(now), limit),
            )
            lease = stamp(now + LEASE)
            claimed = []
            for row in rows:
                db.run(
                    "UPDATE push_outbox SET leased_until = ? WHERE registration_id = ? "
                    "AND (leased_until IS NULL OR leased_until < ?)",
                    (lease, row["registration_id"], stamp(now)),
                )
                if db.rowcount == 1:
                    claimed.append(_job(row))
        return claimed

    def sent(self, job: PushJob) -> None:
        """The push service took the message: the row has told what it wanted when claimed."""
        with self.views.write() as db:
            db.run(
                "UPDATE push_outbox SET sent = CASE WHEN ? > sent THEN ? ELSE sent END, "
                "properties = CASE WHEN wanted > ? THEN properties ELSE 0 END, "
                "urgent = CASE WHEN wanted > ? THEN urgent ELSE 0 END, rotation = NULL, "
                "failures = 0, last_error = NULL, last_sent_at = ?, leased_until = NULL "
                "WHERE registration_id = ?",
                (job.wanted, job.wanted, job.wanted, job.wanted, stamp(self.clock()),
                 job.registration_id),
            )  # fmt: skip

    def failed(self, job: PushJob, error: str) -> bool:
        """The push service refused or could not be reached: try again later, or give up
        after GIVE_UP_AFTER failures in a row (the row then waits for the next change).
        True when given up."""
        failures = job.failures + 1
        given_up = failures >= GIVE_UP_AFTER
        with self.views.write() as db:
            db.run(
                "UPDATE push_outbox SET failures = ?, due_at = ?, last_error = ?, given_up = ?, "
                "leased_until = NULL WHERE registration_id = ?",
                (
                    failures,
                    stamp(self.clock() + backoff(failures)),
                    error[:500],
                    int(given_up),
                    job.registration_id,
                ),
            )
        return given_up

    def postpone(self, job: PushJob, wait: dt.timedelta) -> None:
        """A round did not get to the registration: it is due again after `wait`, its
        failures as they were."""
        with self.views.write() as db:
            db.run(
                "UPDATE push_outbox SET due_at = ?, leased_until = NULL WHERE registration_id = ?",
                (stamp(self.clock() + wait), job.registration_id),
            )

    def gone(self, registration_id: str) -> None:
        """The push service says the subscription is no more (404, 410): the registration
        ends."""
        with self.views.write() as db:
            db.run("DELETE FROM push_outbox WHERE registration_id = ?", (registration_id,))
            db.run("DELETE FROM push_registrations WHERE registration_id = ?", (registration_id,))

    def waiting(self) -> int:
        """Registrations with a message still to send (for /metrics and the operator)."""
        with self.views.read() as db:
            return int(
                db.scalar(
                    "SELECT COUNT(*) FROM push_outbox WHERE given_up = 0 AND "
                    "(wanted > sent OR rotation IS NOT NULL)"
                )
                or 0
            )


def _job(row: dict[str, object]) -> PushJob:
    return PushJob(
        registration_id=str(row["registration_id"]),
        account_id=str(row["account_id"]),
        collection=str(row["collection"]),
        push_resource=str(row["push_resource"]),
        p256dh=str(row["p256dh"]),
        auth_secret=str(row["auth_secret"]),
        vapid_key_id=str(row["vapid_key_id"]),
        wanted=int(str(row["wanted"])),
        sent=int(str(row["sent"])),
        properties=bool(row["properties"]),
        urgent=bool(row["urgent"]),
        rotation=row["rotation"] is not None,
        failures=int(str(row["failures"])),
    )
