"""The Schedule aggregate: a person's availability, booking links and bookings.

Bookings are decided here, one command at a time on one aggregate per person, so two visitors
taking the same slot at once cannot both succeed: each loads the schedule at the same version,
the first save wins, and the second fails on the event store's version key (a conflict, never
a second booking). The rule it keeps: no two active bookings `clash` (domain/slots.py: they
overlap, or lie closer than a buffer of their links allows; the rule the slot listing follows
too), and no link takes more bookings on one of the owner's local days than its cap. A
booking's buffers are its link's as they are now (a booking of a deleted link keeps none); the
guard times recorded with each booking are kept for the record only.

The calendar's other events are not in the aggregate; the application checks the slot against
them (the busy-time reader) before the command, and the booking's event is saved in the same
transaction. When a booking's event leaves the calendar (the owner deleted or cancelled it from
any client), the application releases the booking here before the next decision.

Pure: every moment, id and token is passed in.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.booking_links import MAX_LINKS_PER_ACCOUNT, BookingLink
from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.slots import Held, clash
from televent.domain.values import TELEVENT_NAMESPACE

ACTIVE = "active"
CANCELLED = "cancelled"
RELEASED = "released"


def utc_text(moment: dt.datetime) -> str:
    """A moment as the schedule stores it: ISO 8601 in UTC, to the second, so texts compare
    in time order."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def schedule_id_for(account_id: UUID) -> UUID:
    """One schedule per account (the id derives from it)."""
    return uuid.uuid5(TELEVENT_NAMESPACE, f"schedule/{account_id}")


class Schedule(Aggregate):
    """A person's availability (as JSON, `domain.availability`), links by slug, and bookings by
    id (each a dict: slug, start, end, guard_start, guard_end as ISO UTC texts, day (the owner's
    local date), event_id, name, email, tz, answers, token, status)."""

    @staticmethod
    def create_id(account_id: UUID) -> UUID:
        return schedule_id_for(account_id)

    @event("ScheduleOpened")
    def __init__(self, *, account_id: UUID, actor: str, source: str) -> None:
        self.account_id = account_id
        self.availability: dict[str, Any] | None = None
        self.links: dict[str, dict[str, Any]] = {}
        self.bookings: dict[str, dict[str, Any]] = {}

    # --- availability and links -----------------------------------------------------------

    def set_availability(self, availability: dict[str, Any], *, actor: str, source: str) -> bool:
        """Replace the availability (already validated); an equal one appends nothing."""
        if availability == self.availability:
            return False
        self._availability_set(
            account_id=self.account_id, availability=availability, actor=actor, source=source
        )
        return True

    def add_link(self, link: BookingLink, *, actor: str, source: str) -> None:
        """Add a link; its slug must be new here (the read model keeps it unique server-wide)."""
        if link.slug in self.links:
            raise ConflictError(f"You already have a link /{link.slug}.").worded(
                "refusal-booking-slug-yours", slug=link.slug
            )
        if len(self.links) >= MAX_LINKS_PER_ACCOUNT:
            raise DomainError(f"At most {MAX_LINKS_PER_ACCOUNT} booking links per person.").worded(
                "refusal-booking-too-many-links", count=MAX_LINKS_PER_ACCOUNT
            )
        self._link_added(
            account_id=self.account_id, link=link.as_json(), actor=actor, source=source
        )

    def change_link(
        self, slug: str, changes: dict[str, Any], *, actor: str, source: str
    ) -> BookingLink:
        """Change a link's settings (validated by `BookingLink.changed`); returns the link."""
        current = self.link(slug)
        changed = current.changed(changes)
        if changed != current:
            self._link_changed(
                account_id=self.account_id,
                slug=slug,
                link=changed.as_json(),
                actor=actor,
                source=source,
            )
        return changed

    def remove_link(self, slug: str, *, actor: str, source: str) -> None:
        """Delete a link; its bookings stay in the calendar (and here, for their manage page)."""
        self.link(slug)
        self._link_removed(account_id=self.account_id, slug=slug, actor=actor, source=source)

    def link(self, slug: str) -> BookingLink:
        """The link with this slug."""
        stored = self.links.get(slug)
        if stored is None:
            raise NotFoundError(f"No booking link /{slug}.").worded(
                "refusal-booking-no-link", slug=slug
            )
        return BookingLink.from_stored(stored)

    # --- bookings ---------------------------------------------------------------------------

    def book(self, *, booking: dict[str, Any], actor: str, source: str) -> None:
        """Take a slot: refused when the link is gone or paused, when an active booking
        overlaps it (buffers included), or when the link's cap for that day is reached."""
        link = self.link(booking["slug"])
        if not link.active:
            raise DomainError("This booking link is paused.").worded("refusal-booking-paused")
        self._check_free(booking, link, ignore=None)
        self._booked(
            account_id=self.account_id,
            booking={**booking, "status": ACTIVE},
            actor=actor,
            source=source,
        )

    def reschedule(
        self, booking_id: str, *, times: dict[str, Any], actor: str, source: str
    ) -> None:
        """Move an active booking (`times`: start, end, guard_start, guard_end, day)."""
        current = self.active_booking(booking_id)
        moved = {**current, **times}
        self._check_free(moved, self._stored_link(current["slug"]), ignore=booking_id)
        self._rescheduled(
            account_id=self.account_id,
            booking_id=booking_id,
            times=times,
            actor=actor,
            source=source,
        )

    def cancel(self, booking_id: str, *, reason: str, actor: str, source: str) -> None:
        """Cancel an active booking (the visitor through their link, or the owner)."""
        self.active_booking(booking_id)
        self._cancelled(
            account_id=self.account_id,
            booking_id=booking_id,
            reason=reason,
            actor=actor,
            source=source,
        )

    def release(self, booking_ids: list[str], *, actor: str, source: str) -> None:
        """Note that these bookings' events left the calendar (deleted or cancelled from a
        client): their time is free again."""
        gone = sorted(b for b in booking_ids if self.bookings.get(b, {}).get("status") == ACTIVE)
        if gone:
            self._released(account_id=self.account_id, booking_ids=gone, actor=actor, source=source)

    def follow_calendar(self, moves: dict[str, dict[str, Any]], *, actor: str, source: str) -> None:
        """Note that the owner moved these bookings' events in their calendar (`moves`: id ->
        start, end, guard_start, guard_end, day), so the old times are free and the new ones
        taken. The bookings read model already follows the calendar; this keeps the
        decisions here in step with it."""
        moved = {
            booking_id: times
            for booking_id, times in sorted(moves.items())
            if self.bookings.get(booking_id, {}).get("status") == ACTIVE
            and any(self.bookings[booking_id].get(k) != v for k, v in times.items())
        }
        if moved:
            self._followed(account_id=self.account_id, moves=moved, actor=actor, source=source)

    def _stored_link(self, slug: str) -> BookingLink | None:
        """The link with this slug, or None when it was deleted."""
        stored = self.links.get(slug)
        return None if stored is None else BookingLink.from_stored(stored)

    def active_booking(self, booking_id: str) -> dict[str, Any]:
        """An active booking by id."""
        booking = self.bookings.get(booking_id)
        if booking is None:
            raise NotFoundError("No such booking.")
        if booking["status"] != ACTIVE:
            raise ConflictError("This booking was already cancelled.").worded(
                "refusal-booking-cancelled-already"
            )
        return booking

    def active_bookings(self) -> list[dict[str, Any]]:
        """Every active booking."""
        return [b for b in self.bookings.values() if b["status"] == ACTIVE]

    def _check_free(
        self, booking: dict[str, Any], link: BookingLink | None, *, ignore: str | None
    ) -> None:
        same_day = 0
        wanted = _held(booking, link)
        links: dict[str, BookingLink | None] = {}
        for other_id, other in self.bookings.items():
            if other_id == ignore or other["status"] != ACTIVE:
                continue
            slug = other["slug"]
            if slug not in links:
                links[slug] = self._stored_link(slug)
            if clash(wanted, _held(other, links[slug])):
                raise ConflictError("That time was just booked by someone else.").worded(
                    "refusal-booking-slot-just-taken"
                )
            if other["slug"] == booking["slug"] and other["day"] == booking["day"]:
                same_day += 1
        if link is not None and link.max_per_day is not None and same_day >= link.max_per_day:
            raise ConflictError("That day is fully booked.").worded("refusal-booking-day-full")

    # --- events -----------------------------------------------------------------------------

    @event("AvailabilitySet")
    def _availability_set(
        self, *, account_id: UUID, availability: dict[str, Any], actor: str, source: str
    ) -> None:
        self.availability = availability

    @event("BookingLinkAdded")
    def _link_added(
        self, *, account_id: UUID, link: dict[str, Any], actor: str, source: str
    ) -> None:
        self.links[link["slug"]] = link

    @event("BookingLinkChanged")
    def _link_changed(
        self, *, account_id: UUID, slug: str, link: dict[str, Any], actor: str, source: str
    ) -> None:
        self.links[slug] = link

    @event("BookingLinkRemoved")
    def _link_removed(self, *, account_id: UUID, slug: str, actor: str, source: str) -> None:
        self.links.pop(slug, None)

    @event("Booked")
    def _booked(
        self, *, account_id: UUID, booking: dict[str, Any], actor: str, source: str
    ) -> None:
        self.bookings[booking["booking_id"]] = dict(booking)

    @event("BookingRescheduled")
    def _rescheduled(
        self, *, account_id: UUID, booking_id: str, times: dict[str, Any], actor: str, source: str
    ) -> None:
        self.bookings[booking_id].update(times)

    @event("BookingCancelled")
    def _cancelled(
        self, *, account_id: UUID, booking_id: str, reason: str, actor: str, source: str
    ) -> None:
        self.bookings[booking_id]["status"] = CANCELLED

    @event("BookingsFollowedCalendar")
    def _followed(
        self, *, account_id: UUID, moves: dict[str, dict[str, Any]], actor: str, source: str
    ) -> None:
        for booking_id, times in moves.items():
            self.bookings[booking_id].update(times)

    @event("BookingsReleased")
    def _released(
        self, *, account_id: UUID, booking_ids: list[str], actor: str, source: str
    ) -> None:
        for booking_id in booking_ids:
            self.bookings[booking_id]["status"] = RELEASED


def _held(booking: dict[str, Any], link: BookingLink | None) -> Held:
    """A booking's time with its link's buffers (none without its link)."""
    return Held(
        dt.datetime.fromisoformat(booking["start"]),
        dt.datetime.fromisoformat(booking["end"]),
        link.buffer_before_minutes if link is not None else 0,
        link.buffer_after_minutes if link is not None else 0,
    )
