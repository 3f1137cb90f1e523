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
(televent/projections/schedule_inbox_reader.py), so the projection is not rebuildable.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from televent.domain.itip import outgoing
from televent.projections.base import Projection, handles
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.sql import Sql
from televent.projections.telegram_delivery import account_for_address, stamp

CANCELLED = "CANCELLED"


@dataclass
class _Delivered:
    """What one transaction changed of one calendar object resource."""

    owner: str
    ical: str | None = None
    facts: dict[str, Any] | None = None
    position: int = 0
    at: Any = None
    changed_by_other: bool = False
    answers: list[dict[str, Any]] = field(default_factory=list)


def item_etag(name: str, position: int) -> str:
    """A strong ETag for an inbox item (items never change; a new message is a new item)."""
    return f'"inbox-{position}-{name[:8]}"'


class ScheduleInboxProjection(Projection):
    """Delivers iTIP messages into the recipients' scheduling inboxes (see the module docstring)."""

    name = "schedule_inbox"
    tables = ("schedule_inbox", "schedule_inboxes", "schedule_inbox_sequences")
    rebuildable = False

    def __init__(self, prefix: str = "", internal_domain: str = "televent.internal") -> None:
        super().__init__(prefix)
        self.internal = re.compile(rf"tg_(\d+)@{re.escape(internal_domain.lower())}")

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS)
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        key = (self.name, str(event.originator_id))
        delivered: _Delivered | None = db.pending.get(key)
        if delivered is None:
            delivered = db.pending[key] = _Delivered(str(event.account_id))
        delivered.position, delivered.at = position, event.timestamp
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

    def flush(self, db: Sql) -> None:
        """Deliver the messages of every resource this batch touched."""
        for key in [key for key in db.pending if key[0] == self.name]:
            delivered: _Delivered = db.pending.pop(key)
            if delivered.ical is not None and delivered.facts is not None:
                self._deliver(db, key[1], delivered)

    def _deliver(self, db: Sql, event_id: str, delivered: _Delivered) -> None:
        facts = delivered.facts or {}
        organizer = facts.get("organizer")
        if organizer is None:
            return
        chair = account_for_address(db, organizer, self.internal)
        if chair is not None and chair[0] == delivered.owner:
            for answer in delivered.answers:
                instances = [answer["recurrence_id"]] if answer["recurrence_id"] else None
                self._file(
                    db, event_id, delivered, "REPLY",
                    outgoing(
                        delivered.ical or "", "REPLY", organizer=None, stamp=delivered.at,
                        attendee=answer["address"], partstat=answer["partstat"],
                        instances=instances,
                    ),
                )  # fmt: skip
        elif delivered.changed_by_other:
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
        message = outgoing(delivered.ical or "", method, organizer=None, stamp=delivered.at)
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
                stamp(delivered.at),
            ),
        )
        table = self.t["schedule_inboxes"]
        db.run(
            f"INSERT INTO {table} (account_id, version) VALUES (?, 1) "
            f"ON CONFLICT (account_id) DO UPDATE SET version = {table}.version + 1",
            (delivered.owner,),
        )
