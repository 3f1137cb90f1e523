"""The connections read models (docs/adr/0026): `connections`, one row per live connected
account (never its password: only the event log holds that, sealed with the person's key), and
`mirrored_calendars`, which remote calendar each mirroring calendar shows.

Fed by the Connection aggregate's ConnectionMade and ConnectionRemoved events and the Calendar
aggregate's CalendarMirrored, MirroringStopped, CalendarSynced and CalendarDeleted events;
rebuilt from the log like every view. How each mirrored calendar's syncing goes is the
operational `connection_sync_state` table the sync job keeps (application/connections.py).
"""

from __future__ import annotations

from typing import Any

from televent.domain.connections import server_host
from televent.projections.base import Projection, handles
from televent.projections.sql import Sql


class ConnectionsProjection(Projection):
    """One row per connection, one per mirroring calendar."""

    name = "connections"
    tables = ("connections", "mirrored_calendars")

    @handles("Connection.ConnectionMade")
    def _made(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['connections']} (connection_id, account_id, kind, address, "
            "server, username, connected_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(event.originator_id),
                str(event.account_id),
                event.kind,
                event.address,
                server_host(event.principal_url),
                event.username,
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Connection.ConnectionRemoved")
    def _removed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['connections']} WHERE connection_id = ?",
            (str(event.originator_id),),
        )

    @handles("Calendar.CalendarMirrored")
    def _mirrored(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['mirrored_calendars']} (calendar_id, connection_id, account_id, "
            "url, synced_at, position) VALUES (?, ?, ?, ?, NULL, ?)",
            (
                str(event.originator_id),
                str(event.connection_id),
                str(event.account_id),
                event.url,
                position,
            ),
        )

    @handles("Calendar.CalendarSynced")
    def _synced(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['mirrored_calendars']} SET synced_at = ?, position = ? "
            "WHERE calendar_id = ?",
            (event.timestamp.isoformat(), position, str(event.originator_id)),
        )

    @handles("Calendar.MirroringStopped", "Calendar.CalendarDeleted")
    def _ended(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['mirrored_calendars']} WHERE calendar_id = ?",
            (str(event.originator_id),),
        )
