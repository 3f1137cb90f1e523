"""The query side: answers read from the projections' tables, never from aggregates.

Each read model's questions live beside it (directory_reader.py, calendar_view_reader.py,
calendar_members_reader.py, attendee_index_reader.py, bookings_reader.py,
group_chats_reader.py, calendar_feeds_reader.py, feed_subscriptions_reader.py,
connections_reader.py, webhooks_reader.py, occurrences_reader.py,
schedule_inbox_reader.py); `Queries` gathers
all but the last, so adapters ask `app.queries.<question>(...)` in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from televent.projections.attendee_index_reader import AttendeeIndexReader
from televent.projections.bookings_reader import BookingsReader
from televent.projections.calendar_feeds_reader import CalendarFeedsReader, FeedView
from televent.projections.calendar_members_reader import (
    CalendarMembersReader,
    MemberView,
    SeenCalendar,
)
from televent.projections.calendar_view_reader import (
    CalendarView,
    Changes,
    ObjectView,
    PutTarget,
    Reading,
)
from televent.projections.connections_reader import (
    ConnectionsReader,
    ConnectionView,
    MirrorView,
    WriteBackView,
)
from televent.projections.directory_reader import AccountView, DeviceView, DirectoryReader
from televent.projections.engine import notification_id_column
from televent.projections.feed_subscriptions_reader import (
    FeedSubscriptionsReader,
    SubscriptionView,
)
from televent.projections.group_chats_reader import GroupChatsReader, GroupChatView
from televent.projections.occurrences_reader import OccurrencesReader
from televent.projections.view_reader import ViewReader
from televent.projections.webhooks_reader import AttemptView, WebhooksReader, WebhookView

__all__ = [
    "AccountView",
    "AttemptView",
    "CalendarView",
    "Changes",
    "ConnectionView",
    "DeviceView",
    "FeedView",
    "GroupChatView",
    "MemberView",
    "MirrorView",
    "ObjectView",
    "ProjectionStatus",
    "PutTarget",
    "Queries",
    "Reading",
    "SeenCalendar",
    "SubscriptionView",
    "ViewReader",
    "WebhookView",
    "WriteBackView",
]


@dataclass(frozen=True)
class ProjectionStatus:
    """A read model's progress through the log."""

    name: str
    position: int
    head: int
    updated_at: str | None
    last_error: str | None

    @property
    def lag(self) -> int:
        """How many notifications the read model is behind the log."""
        return max(self.head - self.position, 0)


class Queries(
    DirectoryReader,
    CalendarMembersReader,
    AttendeeIndexReader,
    BookingsReader,
    GroupChatsReader,
    CalendarFeedsReader,
    FeedSubscriptionsReader,
    ConnectionsReader,
    WebhooksReader,
    OccurrencesReader,
):
    """Every question adapters ask about accounts, calendars and events."""

    def __init__(self, reader: ViewReader, events_table: str) -> None:
        super().__init__(reader)
        self.events_table = events_table

    def log_head(self) -> int:
        """The newest position of the log (0 when it is empty): where a webhook starts, and
        what the live stream counts from."""
        column = notification_id_column(self.reader.dialect)
        with self.reader.read() as db:
            return int(db.scalar(f"SELECT MAX({column}) FROM {self.events_table}") or 0)
