"""Before a person is erased, the meetings they organise are called off (GDPR Art. 17).

Without this, everyone they invited would keep a meeting that silently never happens: the
erasure makes the organizer's events unreadable, so no later change could ever reach the
attendees. Each meeting that is not over and has attendees is deleted through the ordinary
command, so the delivery projections queue what any deletion queues: an iTIP CANCEL
(RFC 5546 §3.2.5) to each external attendee and a Telegram notice to each Televent attendee.

Those messages name the person and the event, so the erasure's purge spares them while they
wait; `release` deletes them once delivered or given up, and after `KEPT_DAYS` whatever
happened (no mail relay configured, a bot that is off), so nothing outlives the erasure by
more than a few days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from televent.application.televent import Televent
from televent.delivery.telegram_queue import PENDING
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.values import normalize_address
from televent.projections.queries import AccountView
from televent.projections.sql import Sql

KEPT_DAYS = 7
QUEUES = {"mail": "mail_outbox", "telegram": "telegram_outbox"}
KEPT = "SELECT delivery_id FROM erasure_farewells"


@dataclass(frozen=True)
class CalledOff:
    """What calling off a person's meetings did."""

    meetings: int
    messages: int


class Farewells:
    """Calls off an erased person's meetings and keeps the messages that say so until sent."""

    def __init__(self, app: Televent) -> None:
        self.app = app

    def call_off_meetings(
        self, account: AccountView, addresses: list[str], *, actor: str, source: str
    ) -> CalledOff:
        """Delete every meeting the person organises that is not over and has attendees."""
        head = self.app.recorder.max_notification_id() or 0
        meetings = self._meetings(account, {normalize_address(a) for a in addresses})
        for event_id in meetings:
            self.app.delete_event(event_id, actor=actor, source=source)
        now = self.app.clock().isoformat()
        kept = 0
        with self.app.views.write() as db:
            for queue, table in QUEUES.items():
                for event_id in meetings:
                    for row in db.all(
                        f"SELECT delivery_id FROM {table} WHERE event_id = ? AND status = ? "
                        "AND created_position > ?",
                        (str(event_id), PENDING, head),
                    ):
                        db.run(
                            "INSERT INTO erasure_farewells (delivery_id, queue, kept_since) "
                            "VALUES (?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING",
                            (row["delivery_id"], queue, now),
                        )
                        kept += 1
        return CalledOff(len(meetings), kept)

    def _meetings(self, account: AccountView, own: set[str]) -> list[UUID]:
        now = int(self.app.clock().timestamp())
        with self.app.views.read() as db:
            rows = db.all(
                "SELECT o.event_id, o.ical FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id "
                "WHERE c.account_id = ? AND (o.range_end IS NULL OR o.range_end >= ?) "
                "AND EXISTS (SELECT 1 FROM attendees a WHERE a.event_id = o.event_id) "
                "ORDER BY o.position",
                (str(account.account_id), now),
            )
        meetings = []
        for row in rows:
            facts = facts_of(parse_calendar_object(str(row["ical"])))
            organizer = facts.get("organizer")
            others = {a["address"] for a in facts["attendees"]} - own
            if (organizer is None or organizer in own) and others:
                meetings.append(UUID(str(row["event_id"])))
        return meetings

    def release(self) -> int:
        """Delete the kept messages that were delivered or given up, or kept too long;
        returns how many rows went."""
        cutoff = (self.app.clock() - dt.timedelta(days=KEPT_DAYS)).isoformat()
        deleted = 0
        with self.app.views.write() as db:
            for queue, table in QUEUES.items():
                db.run(
                    f"DELETE FROM {table} WHERE delivery_id IN ({KEPT} WHERE queue = ?) "
                    f"AND (status <> ? OR delivery_id IN ({KEPT} WHERE kept_since < ?))",
                    (queue, PENDING, cutoff),
                )
                deleted += max(db.rowcount, 0)
            _forget_released(db)
        return deleted


def _forget_released(db: Sql) -> None:
    db.run(
        "DELETE FROM erasure_farewells WHERE delivery_id NOT IN "
        "(SELECT delivery_id FROM mail_outbox) "
        "AND delivery_id NOT IN (SELECT delivery_id FROM telegram_outbox)"
    )
