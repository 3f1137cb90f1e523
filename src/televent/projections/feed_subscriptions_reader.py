"""Questions about feed subscriptions, answered from the `feed_subscriptions` read model and
the refresh job's `feed_fetch_state` table (docs/adr/0025)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.domain.feed_subscriptions import DEFAULT_INTERVAL
from televent.projections.view_reader import Reader

_COLUMNS = (
    "s.calendar_id, s.account_id, s.url, s.paused, s.reminders, COALESCE(c.busy, 1) AS busy, "
    "s.subscribed_at, "
    "s.refreshed_at, c.display_name, c.slug, f.next_due, f.failures, f.last_tried, "
    "f.last_success, f.last_error, f.last_outcome, f.etag, f.last_modified, f.interval_seconds"
)
_FROM = (
    "FROM feed_subscriptions s JOIN calendars c ON c.calendar_id = s.calendar_id "
    "LEFT JOIN feed_fetch_state f ON f.calendar_id = s.calendar_id"
)


@dataclass(frozen=True)
class SubscriptionView:
    """A subscribed calendar, its feed, the subscriber's options and how fetching it goes."""

    calendar_id: UUID
    account_id: UUID
    url: str
    name: str
    slug: str  # the calendar's, in its subscriber's CalDAV home
    paused: bool
    reminders: bool
    busy: bool
    subscribed_at: str
    refreshed_at: str | None  # when a refresh last changed something
    next_due: str | None  # when it is fetched next (None: as soon as the job runs)
    failures: int  # in a row; 0 when the last fetch worked
    last_tried: str | None
    last_success: str | None
    last_error: str | None  # why the last fetch failed, in English (the reason code first)
    last_outcome: str | None  # what the last successful fetch did ("unchanged", "3 added")
    etag: str | None
    last_modified: str | None
    interval_seconds: int | None  # how often the feed asked to be fetched, when last read

    @property
    def interval(self) -> dt.timedelta:
        """How often the feed is fetched: as it asked when last read, else hourly."""
        if self.interval_seconds:
            return dt.timedelta(seconds=self.interval_seconds)
        return DEFAULT_INTERVAL

    @property
    def state(self) -> str:
        """What the subscriber is shown: paused, failing, waiting (never fetched) or ok."""
        if self.paused:
            return "paused"
        if self.failures:
            return "failing"
        return "waiting" if self.last_success is None else "ok"


def subscription_of_row(row: dict[str, Any]) -> SubscriptionView:
    return SubscriptionView(
        calendar_id=UUID(row["calendar_id"]),
        account_id=UUID(row["account_id"]),
        url=row["url"],
        name=row["display_name"] or row["slug"],
        slug=row["slug"],
        paused=bool(row["paused"]),
        reminders=bool(row["reminders"]),
        busy=bool(row["busy"]),
        subscribed_at=row["subscribed_at"],
        refreshed_at=row["refreshed_at"],
        next_due=row["next_due"],
        failures=int(row["failures"] or 0),
        last_tried=row["last_tried"],
        last_success=row["last_success"],
        last_error=row["last_error"],
        last_outcome=row["last_outcome"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        interval_seconds=None if row["interval_seconds"] is None else int(row["interval_seconds"]),
    )


class FeedSubscriptionsReader(Reader):
    """A person's subscriptions, one subscription, and the feeds due to be fetched."""

    def subscriptions_of(self, account_id: UUID) -> list[SubscriptionView]:
        """The person's subscribed calendars, by name."""
        with self.reader.read() as db:
            rows = db.all(f"SELECT {_COLUMNS} {_FROM} WHERE s.account_id = ?", (str(account_id),))
        found = [subscription_of_row(row) for row in rows]
        return sorted(found, key=lambda s: (s.name.lower(), str(s.calendar_id)))

    def subscription(self, calendar_id: UUID) -> SubscriptionView | None:
        """The calendar's subscription (None when it shows no feed)."""
        with self.reader.read() as db:
            row = db.one(f"SELECT {_COLUMNS} {_FROM} WHERE s.calendar_id = ?", (str(calendar_id),))
        return None if row is None else subscription_of_row(row)

    def subscriptions_due(self, now: str, limit: int) -> list[SubscriptionView]:
        """Feeds not paused whose next fetch is due at `now` (never fetched ones first), at
        most `limit`."""
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {_COLUMNS} {_FROM} WHERE s.paused = 0 "
                "AND (f.next_due IS NULL OR f.next_due <= ?) "
                "ORDER BY CASE WHEN f.next_due IS NULL THEN 0 ELSE 1 END, f.next_due, "
                "s.calendar_id LIMIT ?",
                (now, limit),
            )
        return [subscription_of_row(row) for row in rows]

    def subscription_count(self, account_id: UUID) -> int:
        """How many feeds the person subscribes to."""
        with self.reader.read() as db:
            value = db.scalar(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE account_id = ?", (str(account_id),)
            )
        return int(value or 0)
