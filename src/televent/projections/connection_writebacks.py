"""The write-back queue of connected accounts (docs/adr/0026): which events of a mirrored
calendar were changed in Televent and are still to be sent to the other server.

Fed in the writer's transaction by every CalendarEvent event whose calendar mirrors a remote
one, except the sync's own (a `connection:` source: what came from the other server is not sent
back to it). One row per event, whatever the number of changes: the sender reads the event as it
is when it sends, and `position` tells it whether a newer change arrived meanwhile. The events a
transaction changed are queued at its end in one statement that joins them with the mirrored
calendars, so an ordinary calendar's change costs no round trip and queues nothing. Not
rebuildable: a replay would send every change again.
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
        changed: dict[str, tuple[str, int]] = db.pending.setdefault((self.name,), {})
        changed[str(event.originator_id)] = (str(event.calendar_id), position)

    def flush(self, db: Sql) -> None:
        """Queue the events the transaction changed whose calendar is a mirrored one: one
        statement per batch, whatever the number of events (an import of thousands)."""
        changed: dict[str, tuple[str, int]] = db.pending.pop((self.name,), {})
        rows = [(calendar, event, position) for event, (calendar, position) in changed.items()]
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            values = ", ".join(["(?, ?, ?)"] * len(batch))
            db.run(
                f"INSERT INTO {self.t['connection_writebacks']} (calendar_id, event_id, position, "
                "attempts, next_attempt, last_error) SELECT v.column1, v.column2, v.column3, 0, "
                f"NULL, NULL FROM (VALUES {values}) AS v JOIN mirrored_calendars m "
                "ON m.calendar_id = v.column1 WHERE true "
                "ON CONFLICT (calendar_id, event_id) DO UPDATE SET position = excluded.position, "
                "attempts = 0, next_attempt = NULL, last_error = NULL",
                [value for row in batch for value in row],
            )


_BATCH = 500  # events queued per statement
