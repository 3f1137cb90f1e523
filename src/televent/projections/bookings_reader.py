"""Questions about availability, booking links and bookings (the `bookings` read model)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.domain.availability import Availability
from televent.domain.booking_links import SLUG, BookingLink
from televent.domain.schedule import ACTIVE
from televent.projections.view_reader import Reader

TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


@dataclass(frozen=True)
class LinkView:
    """A booking link and whose it is."""

    account_id: UUID
    link: BookingLink
    created_at: str


@dataclass(frozen=True)
class BookingView:
    """A booking as its manage page and the owner's lists show it."""

    booking_id: str
    account_id: UUID
    slug: str
    event_id: UUID
    start: str  # ISO UTC
    end: str
    status: str  # active, cancelled (by the visitor or the owner here), released (event gone)
    name: str
    email: str
    tz: str
    token: str
    title: str
    answers: dict[str, str]
    language: str | None = None  # the language of the page the visitor booked on, if known

    @property
    def active(self) -> bool:
        return self.status == ACTIVE


class BookingsReader(Reader):
    """Reads of availability, links and bookings."""

    def availability_of(self, account_id: UUID) -> Availability | None:
        """The person's availability, if they set one."""
        with self.reader.read() as db:
            data = db.scalar(
                "SELECT data FROM availability WHERE account_id = ?", (str(account_id),)
            )
        return None if data is None else Availability.from_json(json.loads(data))

    def link(self, slug: str) -> LinkView | None:
        """A link by its slug (active or paused); None for text that cannot be a slug."""
        if not SLUG.match(slug.strip().lower()):
            return None
        with self.reader.read() as db:
            row = db.one(
                "SELECT account_id, data, created_at FROM booking_links WHERE slug = ?",
                (slug.strip().lower(),),
            )
        return None if row is None else _link(row)

    def links_of(self, account_id: UUID) -> list[LinkView]:
        """A person's links, oldest first."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT account_id, data, created_at FROM booking_links WHERE account_id = ? "
                "ORDER BY created_at, slug",
                (str(account_id),),
            )
        return [_link(row) for row in rows]

    def bookings_of(
        self,
        account_id: UUID,
        *,
        start: str | None = None,
        end: str | None = None,
        slug: str | None = None,
        active_only: bool = True,
    ) -> list[BookingView]:
        """A person's bookings starting in [start, end) (ISO UTC texts), earliest first."""
        conditions, params = ["account_id = ?"], [str(account_id)]
        if start is not None:
            conditions.append("start_at >= ?")
            params.append(start)
        if end is not None:
            conditions.append("start_at < ?")
            params.append(end)
        if slug is not None:
            conditions.append("slug = ?")
            params.append(slug)
        if active_only:
            conditions.append("status = ?")
            params.append(ACTIVE)
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT * FROM bookings WHERE {' AND '.join(conditions)} ORDER BY start_at",
                tuple(params),
            )
        return [booking_of_row(row) for row in rows]

    def booking_by_token(self, token: str) -> BookingView | None:
        """The booking a manage link names (None for text that cannot be a token)."""
        if not TOKEN.match(token):
            return None
        with self.reader.read() as db:
            row = db.one("SELECT * FROM bookings WHERE token = ?", (token,))
        return None if row is None else booking_of_row(row)

    def booking_of_event(self, event_id: UUID | str) -> BookingView | None:
        """The booking an event was made for, if any."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT * FROM bookings WHERE event_id = ? ORDER BY created_at DESC",
                (str(event_id),),
            )
        return None if row is None else booking_of_row(row)


def _link(row: dict[str, Any]) -> LinkView:
    return LinkView(
        account_id=UUID(row["account_id"]),
        link=BookingLink.from_stored(json.loads(row["data"])),
        created_at=row["created_at"],
    )


def booking_of_row(row: dict[str, Any]) -> BookingView:
    """A booking from its row of the `bookings` view."""
    data = json.loads(row["data"])
    return BookingView(
        booking_id=row["booking_id"],
        account_id=UUID(row["account_id"]),
        slug=row["slug"],
        event_id=UUID(row["event_id"]),
        start=row["start_at"],
        end=row["end_at"],
        status=row["status"],
        name=row["name"],
        email=row["email"],
        tz=row["tz"],
        token=row["token"],
        title=data.get("title", ""),
        answers=dict(data.get("answers") or {}),
        language=data.get("language"),
    )
