"""The scheduling inbox of each Televent user (RFC 6638 §2.2, §4.1), fed by the log.

Televent applies scheduling messages to the recipient's calendar itself
(televent/application/scheduling.py, the email inbox for iMIP), and also delivers a copy of
each message to the recipient's scheduling inbox, as RFC 6638 §4.1 has a server do and as
CalendarServer and SabreDAV do alongside their automatic processing. Clients show inbox items
as notifications and delete them; nothing else depends on them.

- An attendee's copy changed by someone other than its owner (the organizer's invitation,
  update or cancellation, from Televent or by email): a REQUEST, or a CANCEL once it is
  cancelled. Only when the copy is new, when its SEQUENCE went up, or when it got cancelled:
  another attendee's answer carried into the copy is not a message to this attendee.
- An answer on an event the owner organises, given by someone else (a Televent attendee or an
  emailed REPLY): a REPLY for that attendee.

The item is the iTIP message (RFC 5546) built from the stored object as it was then, without
alarms and without the server's SCHEDULE-* parameters. Items are removed by their owner's client
through a command (televent/application/schedule_inbox.py) whose `ScheduleInboxItemDeleted`
event this projection applies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from televent.domain.itip import outgoing
from televent.domain.scheduling import ATTENDEE_ROLE, ORGANIZER_ROLE
from televent.domain.web_push import Collection, Kind
from televent.projections.base import EventChanges, QueueProjection, handles
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.push_delivery import push_to
from televent.projections.sql import Sql

CANCELLED = "CANCELLED"


@dataclass
class _Delivered(EventChanges):
    """What one transaction changed of one calendar object resource."""

    ical: str | None = None
    facts: dict[str, Any] | None = None
    changed_by_other: bool = False
    answers: list[dict[str, Any]] = field(default_factory=list)


def item_etag(name: str, position: int) -> str:
    """A strong ETag for an inbox item (items never change; a new message is a new item)."""
    return f'"inbox-{position}-{name[:8]}"'


class ScheduleInboxProjection(QueueProjection[_Delivered]):
    """Delivers iTIP messages into the recipients' scheduling inboxes (see the module docstring)."""

    name = "schedule_inbox"
    tables = ("schedule_inbox", "schedule_inboxes", "schedule_inbox_sequences")
    # Not yet rebuildable, although deletions are now events: (1) messages are decided once
    # per transaction, and a rebuild batch holds many, so a replay would coalesce messages a
    # live inbox got one by one; (2) whether an organizer is the owner is read from the
    # directory's live rows (today's addresses, not those of the time); (3) an erasure purges
    # the messages about the erased person's meetings from other people's inboxes
    # (delivery/erasure.py), which a replay would file again; (4) items deleted before
    # deletions were events are absent with no event saying so.
    rebuildable = False

    def new_changes(self, owner: str) -> _Delivered:
        """An empty record of one resource's changes."""
        return _Delivered(owner)

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS)
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        delivered = self.changes(db, event, position)
        by_other = event.actor != f"account:{event.account_id}"
        if type(event).__name__ == "RsvpGiven":
            if by_other:
                delivered.answers.append(
                    {
                        "address": event.address,
                        "partstat": event.partstat,
                        "recurrence_id": event.recurrence_id,
                    }
                )
        elif by_other:
            delivered.changed_by_other = True
        if event.ical is not None:
            delivered.ical, delivered.facts = event.ical, event.facts

    @handles("Account.ScheduleInboxItemDeleted")
    def _item_deleted(self, db: Sql, event: Any, position: int) -> None:
        """The owner's client removed an item: it goes, and the inbox's version moves."""
        self.flush(db)  # what a batch filed before the deletion was filed before it
        account_id = str(event.originator_id)
        items, inboxes = self.t["schedule_inbox"], self.t["schedule_inboxes"]
        db.run(
            f"UPDATE {inboxes} SET version = version + 1 WHERE account_id = ? AND EXISTS "
            f"(SELECT 1 FROM {items} WHERE account_id = ? AND name = ?)",
            (account_id, account_id, event.name),
        )
        db.run(f"DELETE FROM {items} WHERE account_id = ? AND name = ?", (account_id, event.name))
        self._inbox_changed(db, account_id, position, event.timestamp)

    def deliver(self, db: Sql, event_id: str, delivered: _Delivered) -> None:
        """File the iTIP messages one resource's changes call for."""
        if delivered.ical is None or delivered.facts is None:
            return
        facts = delivered.facts or {}
        organizer = facts.get("organizer")
        # Only scheduling object resources file messages (domain.scheduling.scheduling_role).
        role = self.role_of(db, facts, delivered.owner)
        if organizer is None or role is None:
            return
        if role == ORGANIZER_ROLE:
            for answer in delivered.answers:
                instances = [answer["recurrence_id"]] if answer["recurrence_id"] else None
                self._file(
                    db, event_id, delivered, "REPLY",
                    outgoing(
                        delivered.ical or "", "REPLY", organizer=None, stamp=delivered.moment,
                        attendee=answer["address"], partstat=answer["partstat"],
                        instances=instances,
                    ),
                )  # fmt: skip
        elif role == ATTENDEE_ROLE and delivered.changed_by_other:
            self._request_or_cancel(db, event_id, delivered, facts)

    def _request_or_cancel(
        self, db: Sql, event_id: str, delivered: _Delivered, facts: dict[str, Any]
    ) -> None:
        sequence = int(facts.get("sequence") or 0)
        cancelled = (facts.get("status") or "").upper() == CANCELLED
        last = db.one(
            f"SELECT sequence, cancelled FROM {self.t['schedule_inbox_sequences']} "
            "WHERE event_id = ?",
            (event_id,),
        )
        if last is not None and (
            (cancelled and int(last["cancelled"]))
            or (not cancelled and sequence <= int(last["sequence"]))
        ):
            return
        method = "CANCEL" if cancelled else "REQUEST"
        message = outgoing(delivered.ical or "", method, organizer=None, stamp=delivered.moment)
        self._file(db, event_id, delivered, method, message)
        db.run(
            f"INSERT INTO {self.t['schedule_inbox_sequences']} (event_id, sequence, cancelled) "
            "VALUES (?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET sequence = ?, cancelled = ?",
            (event_id, sequence, int(cancelled), sequence, int(cancelled)),
        )

    def _file(
        self, db: Sql, event_id: str, delivered: _Delivered, method: str, message: str
    ) -> None:
        facts = delivered.facts or {}
        digest = hashlib.sha256(
            f"{event_id}/{delivered.position}/{method}/{message}".encode()
        ).hexdigest()
        name = f"{digest[:24]}.ics"
        db.run(
            f"INSERT INTO {self.t['schedule_inbox']} (account_id, name, event_id, uid, method, "
            "component, ical, etag, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (account_id, name) DO NOTHING",
            (
                delivered.owner,
                name,
                event_id,
                facts.get("uid") or "",
                method,
                facts.get("component") or "VEVENT",
                message,
                item_etag(name, delivered.position),
                delivered.position,
                delivered.at,
            ),
        )
        table = self.t["schedule_inboxes"]
        db.run(
            f"INSERT INTO {table} (account_id, version) VALUES (?, 1) "
            f"ON CONFLICT (account_id) DO UPDATE SET version = {table}.version + 1",
            (delivered.owner,),
        )
        self._inbox_changed(db, delivered.owner, delivered.position, delivered.moment)

    def _inbox_changed(self, db: Sql, account_id: str, position: int, at: dt.datetime) -> None:
        """Tell the inbox's WebDAV-Push registrations (docs/adr/0027); a rebuild tells nobody."""
        if self.prefix == "":
            push_to(db, Collection(Kind.INBOX, account_id), position, at)
