"""The webhook queue (docs/adr/0029): one message per change a webhook asked to hear of.

Fed in the writer's transaction. A calendar event's changes in one transaction are named once
(`domain.webhooks.event_triggers`: made, changed, cancelled, deleted, and an attendee's answer);
a booking made, moved or called off is a booking trigger. Each active webhook of someone who
may read the calendar (its owner and every active member), or of the booking link's owner,
whose triggers include it and whose deliveries start before the change gets one row, keyed by
the message's stable `webhook-id`; a paused webhook's too, which wait until it is resumed
(the message that was given up first, then the others in order). The row freezes what the
payload is made from (`subject`: the event as the calendar view holds it after the
transaction, or the booking), so every attempt sends the same change. Not rebuildable: a
replay would send every change again (a webhook asks for a replay from a position itself,
application/webhooks.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from televent.domain.schedule import ACTIVE, RELEASED
from televent.domain.sharing import Status
from televent.domain.webhooks import event_triggers, message_id
from televent.projections.base import Projection, handles, stamp
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.sql import Sql

PENDING = "pending"
GIVEN_UP = "failed"  # tried for a little over a day; its webhook was paused
REPLAY_BATCH = 1000
MAX_REPLAY = 50_000  # log positions a new webhook may start before the head
# A visitor's booking, moving or cancelling. What the owner does to a booked event in any
# calendar client is named when the calendar changes (`_bookings_followed`); the schedule's
# own catching up with it later (BookingsReleased, BookingsFollowedCalendar, at the next
# visitor's request) is named no more.
_BOOKING_TRIGGERS = {
    "Schedule.Booked": "booking.created",
    "Schedule.BookingRescheduled": "booking.rescheduled",
    "Schedule.BookingCancelled": "booking.cancelled",
}


@dataclass
class _Event:
    calendar_id: str
    position: int = 0
    at: str = ""
    created: bool = False
    deleted: bool = False
    cancelled: bool = False
    updated: bool = False
    rsvp: bool = False
    answers: list[dict[str, str]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # of its changes in the transaction


class WebhookDeliveryProjection(Projection):
    """Queues webhook messages for calendar events' and bookings' changes."""

    name = "webhook_delivery"
    tables = ("webhook_outbox",)
    rebuildable = False

    def __init__(
        self, prefix: str = "", only: str | None = None, queued_at: str | None = None
    ) -> None:
        super().__init__(prefix)
        self.only = only  # queue for this webhook alone (a replay)
        self.queued_at = queued_at  # a replay's: when it was asked for (else the change's)
        self.scratch = self.name if only is None else f"{self.name}:replay"

    def _gathered(self, db: Sql, event: Any, position: int) -> _Event:
        key = (self.scratch, "event", str(event.originator_id))
        gathered: _Event | None = db.pending.get(key)
        if gathered is None:
            gathered = db.pending[key] = _Event(str(event.calendar_id))
        gathered.position, gathered.at = position, stamp(event.timestamp)
        gathered.positions.append(position)
        return gathered

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated")
    def _created(self, db: Sql, event: Any, position: int) -> None:
        self._gathered(db, event, position).created = True

    @handles("CalendarEvent.EventDeleted")
    def _deleted(self, db: Sql, event: Any, position: int) -> None:
        self._gathered(db, event, position).deleted = True

    @handles(*BODY_EVENTS)
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        gathered = self._gathered(db, event, position)
        kind = type(event).__name__
        if kind == "RsvpGiven":
            gathered.rsvp = True
            gathered.answers.append(
                {"address": str(event.address), "status": str(event.partstat).lower()}
            )
        elif kind == "EventCancelled" or _cancels(event):
            gathered.cancelled = True
        else:
            gathered.updated = True

    @handles(*_BOOKING_TRIGGERS)
    def _booking(self, db: Sql, event: Any, position: int) -> None:
        trigger = _BOOKING_TRIGGERS[type(event).__qualname__]
        if hasattr(event, "booking"):
            ids = [str(event.booking["booking_id"])]
        elif hasattr(event, "booking_ids"):
            ids = [str(b) for b in event.booking_ids]
        elif hasattr(event, "moves"):
            ids = [str(b) for b in event.moves]
        else:
            ids = [str(event.booking_id)]
        for booking_id in ids:
            db.pending[(self.scratch, "booking", booking_id)] = (
                trigger, str(event.account_id), position, stamp(event.timestamp),
            )  # fmt: skip

    @handles("Webhook.WebhookChanged")
    def _resumed(self, db: Sql, event: Any, position: int) -> None:
        """Resumed by its owner: the messages given up are tried again, first (they are the
        oldest), with the retry schedule counted from now; the rest waited in the queue."""
        if self.only is not None or (event.changes or {}).get("active") is not True:
            return
        db.run(
            f"UPDATE {self.t['webhook_outbox']} SET status = ?, due_at = ?, "
            "retries_from = attempts, leased_until = NULL WHERE webhook_id = ? AND status = ?",
            (PENDING, stamp(event.timestamp), str(event.originator_id), GIVEN_UP),
        )

    @handles("Webhook.WebhookRemoved")
    def _removed(self, db: Sql, event: Any, position: int) -> None:
        """Removed: its undelivered messages go with it, in the same transaction (each holds
        a copy of a change); what was delivered or withdrawn is forgotten in 30 days."""
        if self.only is not None:
            return
        db.run(
            f"DELETE FROM {self.t['webhook_outbox']} WHERE webhook_id = ? AND status IN (?, ?)",
            (str(event.originator_id), PENDING, GIVEN_UP),
        )

    @handles("Webhook.WebhookAdded")
    def _added(self, db: Sql, event: Any, position: int) -> None:
        """A webhook that starts before its own making replays the changes since then: they
        are queued for it alone (as the events are now; a deleted one as deleted), paused
        or not (a paused one's wait for it)."""
        since = max(int(event.since), position - MAX_REPLAY)
        if self.only is not None or db.log is None or since >= position - 1:
            return
        replay = WebhookDeliveryProjection(
            self.prefix, only=str(event.originator_id), queued_at=stamp(event.timestamp)
        )
        after = since
        while after < position - 1:
            batch = db.log(after, REPLAY_BATCH, position - 1)
            if not batch:
                break
            for at, past in batch:
                replay.apply(db, past, at)
            replay.flush(db)
            after = batch[-1][0]

    def flush(self, db: Sql) -> None:
        keys = [key for key in db.pending if key[0] == self.scratch]
        if not keys:
            return
        gathered = [(key, db.pending.pop(key)) for key in keys]
        if db.scalar("SELECT 1 FROM webhooks LIMIT 1") is None:
            return  # nobody listens: nothing to look up
        for (_, kind, subject_id), what in gathered:
            if kind == "event":
                self._queue_event(db, subject_id, what)
            else:
                self._queue_booking(db, subject_id, what)

    def _queue_event(self, db: Sql, event_id: str, changes: _Event) -> None:
        if changes.deleted or changes.cancelled or changes.updated:
            self._bookings_followed(db, event_id, changes)
        triggers = event_triggers(
            created=changes.created, deleted=changes.deleted, cancelled=changes.cancelled,
            updated=changes.updated, rsvp=changes.rsvp,
        )  # fmt: skip
        if not triggers:
            return
        only, only_params = self._only()
        listeners = db.all(
            "SELECT w.webhook_id, w.account_id, w.triggers FROM webhooks w "
            f"WHERE w.since < ?{only} AND (w.account_id IN (SELECT account_id FROM calendars "
            "WHERE calendar_id = ?) OR w.account_id IN (SELECT account_id FROM calendar_members "
            "WHERE calendar_id = ? AND status = ? AND since <= ?))",
            (changes.position, *only_params, changes.calendar_id, changes.calendar_id,
             Status.ACTIVE.value, changes.at),
        )  # fmt: skip
        if not listeners:
            return
        subject = _event_subject(db, event_id, changes)
        for trigger in triggers:
            data = {**subject, "answers": changes.answers} if trigger == "rsvp.changed" else subject
            self._queue(db, listeners, trigger, (changes.position, changes.at), data)

    def _bookings_followed(self, db: Sql, event_id: str, changes: _Event) -> None:
        """The owner deleted, cancelled or moved a booked event (in any client): the bookings
        read model followed it in this transaction (its row's position is one of this event's
        changes), so the booking is named cancelled or moved now, not when the next visitor's
        request makes the schedule catch up."""
        marks = ", ".join("?" for _ in changes.positions)
        rows = db.all(
            f"SELECT booking_id, account_id, status FROM bookings WHERE event_id = ? "
            f"AND position IN ({marks})",
            (event_id, *changes.positions),
        )
        for row in rows:
            trigger = {RELEASED: "booking.cancelled", ACTIVE: "booking.rescheduled"}.get(
                str(row["status"])
            )
            if trigger is not None:
                what = (trigger, str(row["account_id"]), changes.position, changes.at)
                self._queue_booking(db, str(row["booking_id"]), what)

    def _queue_booking(self, db: Sql, booking_id: str, what: tuple[str, str, int, str]) -> None:
        trigger, owner, position, at = what
        only, only_params = self._only()
        listeners = db.all(
            "SELECT w.webhook_id, w.account_id, w.triggers FROM webhooks w "
            f"WHERE w.since < ?{only} AND w.account_id = ?",
            (position, *only_params, owner),
        )
        if not listeners:
            return
        row = db.one("SELECT * FROM bookings WHERE booking_id = ?", (booking_id,))
        if row is not None:
            subject = {"kind": "booking", **{k: row[k] for k in _BOOKING_COLUMNS}}
            self._queue(db, listeners, trigger, (position, at), subject)

    def _only(self) -> tuple[str, tuple[str, ...]]:
        return ("", ()) if self.only is None else (" AND w.webhook_id = ?", (self.only,))

    def _queue(
        self,
        db: Sql,
        listeners: list[dict[str, Any]],
        trigger: str,
        when: tuple[int, str],
        subject: dict[str, Any],
    ) -> None:
        position, at = when
        text = json.dumps(subject, sort_keys=True)
        key = str(subject.get("event_id") or subject.get("booking_id"))
        rows = [
            (
                message_id(str(hook["webhook_id"]), position, trigger, key),
                str(hook["webhook_id"]),
                str(hook["account_id"]),
                trigger,
                position,
                at,
                key,
                text,
                PENDING,
                at,
                self.queued_at or at,
            )
            for hook in listeners
            if trigger in str(hook["triggers"]).split(",")
        ]
        db.run_many(
            f"INSERT INTO {self.t['webhook_outbox']} (message_id, webhook_id, account_id, trigger, "
            "position, occurred_at, subject_id, subject, status, due_at, queued_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (message_id) DO NOTHING",
            rows,
        )


def _cancels(event: Any) -> bool:
    """Whether a change of the body set STATUS:CANCELLED (a client's cancellation)."""
    status = (getattr(event, "changes", None) or {}).get("STATUS")
    if not status:
        return False
    return str(status[-1] or "").upper() == "CANCELLED"


_BOOKING_COLUMNS = (
    "booking_id", "account_id", "slug", "event_id", "start_at", "end_at", "status", "name",
    "email", "tz", "data",
)  # fmt: skip


def _event_subject(db: Sql, event_id: str, changes: _Event) -> dict[str, Any]:
    """What the payload of an event's message is made from: the stored resource as the
    transaction left it (or, once deleted, its ids and UID)."""
    row = db.one(
        "SELECT o.calendar_id, o.href, o.uid, o.etag, o.ical, c.account_id FROM calendar_objects "
        "o JOIN calendars c ON c.calendar_id = o.calendar_id WHERE o.event_id = ?",
        (event_id,),
    )
    if row is None:
        uid = db.scalar("SELECT uid FROM audit_uids WHERE originator_id = ? LIMIT 1", (event_id,))
        return {
            "kind": "event", "event_id": event_id, "calendar_id": changes.calendar_id,
            "uid": uid, "deleted": True,
        }  # fmt: skip
    return {
        "kind": "event", "event_id": event_id, "calendar_id": str(row["calendar_id"]),
        "owner_id": str(row["account_id"]), "href": row["href"], "uid": row["uid"],
        "etag": row["etag"], "ical": row["ical"], "modified_at": changes.at,
    }  # fmt: skip
