"""Questions about published feeds, answered from the `calendar_feeds` read model
(docs/adr/0022). Whether the person who published a feed may still read its calendar is the
application's to check (application/calendars.py), with the rule of domain/sharing.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.projections.view_reader import Reader

FEED_COLUMNS = "token_hash, calendar_id, account_id, busy_only, published_at"


@dataclass(frozen=True)
class FeedView:
    """A person's published feed of a calendar (only its token's hash is kept)."""

    token_hash: str
    calendar_id: UUID
    account_id: UUID
    busy_only: bool
    published_at: str


def feed_of_row(row: dict[str, Any]) -> FeedView:
    """A `calendar_feeds` row."""
    return FeedView(
        token_hash=row["token_hash"],
        calendar_id=UUID(row["calendar_id"]),
        account_id=UUID(row["account_id"]),
        busy_only=bool(row["busy_only"]),
        published_at=row["published_at"],
    )


class CalendarFeedsReader(Reader):
    """The published feeds, by their token's hash or by calendar and person."""

    def feed_by_hash(self, token_hash: str) -> FeedView | None:
        """The feed whose token has this SHA-256 hash (hex), if it is published."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {FEED_COLUMNS} FROM calendar_feeds WHERE token_hash = ?", (token_hash,)
            )
        return None if row is None else feed_of_row(row)

    def published_feed_of(self, calendar_id: UUID, account_id: UUID) -> FeedView | None:
        """The person's published feed of the calendar, if any."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {FEED_COLUMNS} FROM calendar_feeds "
                "WHERE calendar_id = ? AND account_id = ?",
                (str(calendar_id), str(account_id)),
            )
        return None if row is None else feed_of_row(row)
