"""The bookings read model: availability, booking links (by their public slug) and bookings.

Fed by the Schedule aggregate (domain/schedule.py), and by the calendar: a booking whose event
is deleted or cancelled from any client is `released` (its time is free again), and one whose
event is moved follows it. Rebuilt from the log like every view; an erasure's rebuild drops the
person's rows (their events no longer open).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from televent.domain.schedule import ACTIVE, CANCELLED, RELEASED
from televent.projections.base import Projection, handles
from televent.projections.sql import Sql

# one encoder for every row (json.dumps with options builds a new one per call)
_json = json.JSONEncoder(sort_keys=True, separators=(",", ":")).encode


def _utc_text(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat()


class BookingsProjection(Projection):
    """One row per person's availability, per link and per booking."""

    name = "bookings"
    tables = ("availability", "booking_links", "bookings")

    @handles("Schedule.AvailabilitySet")
    def _availability(self, db: Sql, event: Any, position: int) -> None:
        account_id = str(event.account_id)
        db.run(f"DELETE FROM {self.t['availability']} WHERE account_id = ?", (account_id,))
        db.run(
            f"INSERT INTO {self.t['availability']} (account_id, timezone, data, position) "
            "VALUES (?, ?, ?, ?)",
            (account_id, event.availability["timezone"], _json(event.availability), position),
        )

    @handles("Schedule.BookingLinkAdded")
    def _link_added(self, db: Sql, event: Any, position: int) -> None:
        link = event.link
        db.run(
            f"INSERT INTO {self.t['booking_links']} (slug, account_id, data, active, created_at, "
            "position) VALUES (?, ?, ?, ?, ?, ?)",
            (
                link["slug"],
                str(event.account_id),
                _json(link),
                int(link["active"]),
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Schedule.BookingLinkChanged")
    def _link_changed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['booking_links']} SET data = ?, active = ?, position = ? "
            "WHERE slug = ? AND account_id = ?",
            (
                _json(event.link),
                int(event.link["active"]),
                position,
                event.slug,
                str(event.account_id),
            ),
        )

    @handles("Schedule.BookingLinkRemoved")
    def _link_removed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['booking_links']} WHERE slug = ? AND account_id = ?",
            (event.slug, str(event.account_id)),
        )

    @handles("Schedule.Booked")
    def _booked(self, db: Sql, event: Any, position: int) -> None:
        booking = event.booking
        db.run(
            f"INSERT INTO {self.t['bookings']} (booking_id, account_id, slug, event_id, "
            "start_at, end_at, status, name, email, tz, token, data, created_at, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                booking["booking_id"],
                str(event.account_id),
                booking["slug"],
                booking["event_id"],
                booking["start"],
                booking["end"],
                ACTIVE,
                booking.get("name") or "",  # an erased visitor's name decodes as None
                booking.get("email") or "",
                booking["tz"],
                booking["token"],
                _json(booking),
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Schedule.BookingRescheduled")
    def _rescheduled(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['bookings']} SET start_at = ?, end_at = ?, position = ? "
            "WHERE booking_id = ?",
            (event.times["start"], event.times["end"], position, event.booking_id),
        )

    @handles("Schedule.BookingCancelled")
    def _cancelled(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['bookings']} SET status = ?, position = ? WHERE booking_id = ?",
            (CANCELLED, position, event.booking_id),
        )

    @handles("Schedule.BookingsReleased")
    def _released(self, db: Sql, event: Any, position: int) -> None:
        for booking_id in event.booking_ids:
            db.run(
                f"UPDATE {self.t['bookings']} SET status = ?, position = ? "
                "WHERE booking_id = ? AND status = ?",
                (RELEASED, position, booking_id, ACTIVE),
            )

    # --- the calendar: the owner deleted, cancelled or moved a booking's event ---------------

    @handles("CalendarEvent.EventDeleted")
    def _event_gone(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['bookings']} SET status = ?, position = ? "
            "WHERE event_id = ? AND status = ?",
            (RELEASED, position, str(event.originator_id), ACTIVE),
        )

    @handles("CalendarEvent.EventUpdated", "CalendarEvent.EventCancelled")
    def _event_changed(self, db: Sql, event: Any, position: int) -> None:
        facts = getattr(event, "facts", None)
        if not facts:
            return
        event_id = str(event.originator_id)
        if str(facts.get("status") or "").upper() == "CANCELLED":
            self._event_gone(db, event, position)
            return
        start, end = facts.get("range_start"), facts.get("range_end")
        if facts.get("span_exact") and start is not None and end is not None:
            db.run(
                f"UPDATE {self.t['bookings']} SET start_at = ?, end_at = ?, position = ? "
                "WHERE event_id = ? AND status = ? AND (start_at <> ? OR end_at <> ?)",
                (
                    _utc_text(start),
                    _utc_text(end),
                    position,
                    event_id,
                    ACTIVE,
                    _utc_text(start),
                    _utc_text(end),
                ),
            )
