"""The attendee index: calendar address → the events it is invited to, and its answer."""

from __future__ import annotations

from typing import Any

from televent.projections.base import Projection, handles
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.sql import Sql


class AttendeeIndexProjection(Projection):
    """Rows (address, event) with PARTSTAT, for "who accepted" and "what am I invited to"."""

    name = "attendee_index"
    tables = ("attendees",)

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS)
    def _attendees_changed(self, db: Sql, event: Any, position: int) -> None:
        if event.facts is None:
            return
        event_id = str(event.originator_id)
        if type(event).__name__ not in ("EventCreated", "EventRecreated"):
            # A new or re-created event has no rows yet (deletion removed them).
            db.run(f"DELETE FROM {self.t['attendees']} WHERE event_id = ?", (event_id,))
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
        db.run_many(
            f"INSERT INTO {self.t['attendees']} (address, event_id, calendar_id, account_id, "
            "uid, partstat, role, cn, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(rows.values()),
        )

    @handles("CalendarEvent.EventDeleted")
    def _event_deleted(self, db: Sql, event: Any, position: int) -> None:
        db.run(f"DELETE FROM {self.t['attendees']} WHERE event_id = ?", (str(event.originator_id),))
