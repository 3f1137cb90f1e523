"""The published feeds read model (`calendar_feeds`): which secret address (by its token's
hash) shows which calendar to whom, and whether busy times only (docs/adr/0022).

Fed by the Calendar aggregate's FeedPublished and FeedRevoked events; a member's feed goes when
they are removed (MemberRemoved, also when they are erased) and every feed of a calendar when it
is deleted. Rebuilt from the log like every view: an erased owner's calendar events no longer
open, so a rebuild drops the feeds of their calendars.
"""

from __future__ import annotations

from typing import Any

from televent.projections.base import Projection, handles
from televent.projections.sql import Sql


class CalendarFeedsProjection(Projection):
    """One row per person and calendar they published."""

    name = "calendar_feeds"
    tables = ("calendar_feeds",)

    @handles("Calendar.FeedPublished")
    def _published(self, db: Sql, event: Any, position: int) -> None:
        key = (str(event.originator_id), str(event.member))
        db.run(
            f"DELETE FROM {self.t['calendar_feeds']} WHERE calendar_id = ? AND account_id = ?",
            key,
        )
        db.run(
            f"INSERT INTO {self.t['calendar_feeds']} (token_hash, calendar_id, account_id, "
            "busy_only, published_at, position) VALUES (?, ?, ?, ?, ?, ?)",
            (
                event.token_hash,
                *key,
                int(bool(event.busy_only)),
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Calendar.FeedRevoked", "Calendar.MemberRemoved")
    def _revoked(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['calendar_feeds']} WHERE calendar_id = ? AND account_id = ?",
            (str(event.originator_id), str(event.member)),
        )

    @handles("Calendar.CalendarDeleted")
    def _calendar_deleted(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['calendar_feeds']} WHERE calendar_id = ?",
            (str(event.originator_id),),
        )
