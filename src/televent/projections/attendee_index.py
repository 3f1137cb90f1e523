"""The attendee index: calendar address → the events it is invited to, and its answer."""

from __future__ import annotations

from typing import Any

from televent.projections.base import Projection, handles
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.sql import Sql


class AttendeeIndexProjection(Projection):
    """Rows (address, event) with PARTSTAT, for "who accepted" and "what am I invited to".

    Handlers keep each event's rows as its last body in a transaction (or a rebuild's batch)
    says them, and whether it may have rows already; `flush` replaces the rows of every event
    touched, in a few statements for all of them. Nothing reads these rows while a transaction
    writes the read models."""

    name = "attendee_index"
    tables = ("attendees",)

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS)
    def _attendees_changed(self, db: Sql, event: Any, position: int) -> None:
        if event.facts is None:
            return
        event_id = str(event.originator_id)
        rows = {
            attendee["address"]: (
                attendee["address"],
                event_id,
                str(event.calendar_id),
                str(event.account_id),
                event.facts["uid"],
                attendee["partstat"],
                attendee["role"],
                attendee["cn"],
                position,
            )
            for attendee in event.facts["attendees"]
        }
        key = (self.name, event_id)
        earlier = db.pending.get(key)
        # whether the table may hold rows of the event: the first change of the transaction or
        # batch says (a new or re-created event has none; deletion removed them)
        stored = (
            earlier[0]
            if earlier is not None
            else type(event).__name__ not in ("EventCreated", "EventRecreated")
        )
        db.pending[key] = (stored, list(rows.values()))

    @handles("CalendarEvent.EventDeleted")
    def _event_deleted(self, db: Sql, event: Any, position: int) -> None:
        db.pending[(self.name, str(event.originator_id))] = (True, [])

    def flush(self, db: Sql) -> None:
        """Replace the rows of the events the transaction or batch changed."""
        keys = [key for key in db.pending if key[0] == self.name]
        if not keys:
            return
        changed = [(key[1], *db.pending.pop(key)) for key in keys]
        db.delete_in(
            f"DELETE FROM {self.t['attendees']} WHERE event_id IN",
            [event_id for event_id, stored, _ in changed if stored],
        )
        rows = [row for _, _, event_rows in changed for row in event_rows]
        db.insert_rows(
            f"INSERT INTO {self.t['attendees']} (address, event_id, calendar_id, account_id, "
            "uid, partstat, role, cn, position) VALUES",
            rows,
        )
