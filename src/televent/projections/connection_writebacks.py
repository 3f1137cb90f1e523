"""The write-back queue of connected accounts (docs/adr/0026): which events of a mirrored
calendar were changed in Televent and are still to be sent to the other server.

Fed in the writer's transaction by every CalendarEvent event whose calendar mirrors a remote
one, except the sync's own (a `connection:` source: what came from the other server is not sent
back to it). One row per event, whatever the number of changes: the sender reads the event as it
is when it sends, and `position` tells it whether a newer change arrived meanwhile. The insert
names the mirrored calendar in its own SELECT, so an event of an ordinary calendar costs no
round trip and queues nothing. Not rebuildable: a replay would send every change again.
"""

from __future__ import annotations

from typing import Any

from televent.projections.base import CONNECTION_PREFIX, Projection, handles
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.sql import Sql


class ConnectionWritebacksProjection(Projection):
    """Queues a write-back for each event of a mirrored calendar changed in Televent."""

    name = "connection_writebacks"
    tables = ("connection_writebacks",)
    rebuildable = False

    @handles(
        "CalendarEvent.EventCreated",
        "CalendarEvent.EventRecreated",
        "CalendarEvent.EventDeleted",
        *BODY_EVENTS,
    )
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        if str(getattr(event, "source", "")).startswith(CONNECTION_PREFIX):
            return  # the sync's own change: it came from the other server
        calendar_id = str(event.calendar_id)
        db.run(
            f"INSERT INTO {self.t['connection_writebacks']} (calendar_id, event_id, position, "
            "attempts, next_attempt, last_error) SELECT calendar_id, ?, ?, 0, NULL, NULL "
            "FROM mirrored_calendars WHERE calendar_id = ? "
            "ON CONFLICT (calendar_id, event_id) DO UPDATE SET position = excluded.position, "
            "attempts = 0, next_attempt = NULL, last_error = NULL",
            (str(event.originator_id), position, calendar_id),
        )
