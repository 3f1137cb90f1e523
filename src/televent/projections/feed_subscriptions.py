"""The feed subscriptions read model (`feed_subscriptions`): which calendar shows which feed,
for whom, with which options (docs/adr/0025); whether it counts as busy time is the
calendar's own `calendars.busy`, kept by the calendar view.

Fed by the Calendar aggregate's FeedSubscribed, SubscriptionChanged and FeedRefreshed events;
a deleted calendar (unsubscribing is deleting it) takes its row with it. Rebuilt from the log
like every view. How fetching each feed goes (validators, when it is due, failures) is the
operational `feed_fetch_state` table the refresh job keeps (application/feed_refresh.py).
"""

from __future__ import annotations

from typing import Any

from televent.projections.base import Projection, handles
from televent.projections.sql import Sql


class FeedSubscriptionsProjection(Projection):
    """One row per subscribed calendar."""

    name = "feed_subscriptions"
    tables = ("feed_subscriptions",)

    @handles("Calendar.FeedSubscribed")
    def _subscribed(self, db: Sql, event: Any, position: int) -> None:
        calendar_id = str(event.originator_id)
        options = event.options
        db.run(f"DELETE FROM {self.t['feed_subscriptions']} WHERE calendar_id = ?", (calendar_id,))
        db.run(
            f"INSERT INTO {self.t['feed_subscriptions']} (calendar_id, account_id, url, paused, "
            "reminders, subscribed_at, refreshed_at, position) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
            (
                calendar_id,
                str(event.account_id),
                event.url,
                int(bool(options.get("paused"))),
                int(bool(options.get("reminders"))),
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Calendar.SubscriptionChanged")
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        # busy time is the calendar's (`calendars.busy`, the calendar view keeps it)
        columns = [c for c in ("paused", "reminders") if c in event.changes]
        db.run(
            f"UPDATE {self.t['feed_subscriptions']} SET "
            + "".join(f"{c} = ?, " for c in columns)
            + "position = ? WHERE calendar_id = ?",
            (
                *(int(bool(event.changes[c])) for c in columns),
                position,
                str(event.originator_id),
            ),
        )

    @handles("Calendar.FeedRefreshed")
    def _refreshed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['feed_subscriptions']} SET refreshed_at = ?, position = ? "
            "WHERE calendar_id = ?",
            (event.timestamp.isoformat(), position, str(event.originator_id)),
        )

    @handles("Calendar.CalendarDeleted")
    def _calendar_deleted(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['feed_subscriptions']} WHERE calendar_id = ?",
            (str(event.originator_id),),
        )
