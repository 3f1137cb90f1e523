"""Free booking slots of a link: the owner's availability, less their busy time from every
calendar and their bookings (each with its own link's buffers), with the link's buffers, notice,
horizon and daily cap (televent/domain/slots.py, whose rule the Schedule aggregate decides
bookings by too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from uuid import UUID

from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from televent.domain.errors import NotFoundError
from televent.domain.slots import Held, free_slots
from televent.projections.agenda_reader import AgendaReader
from televent.projections.bookings_reader import BookingView
from televent.projections.busy_reader import BusyReader
from televent.projections.queries import AccountView, Queries

Span = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class PublicLink:
    """What a public booking page may show of a link and its owner: the owner's name and the
    link's own settings, nothing else of theirs."""

    slug: str
    owner_name: str
    owner_timezone: str
    link: BookingLink


class SlotReader:
    """Slots of booking links, for the public pages and for deciding a booking."""

    def __init__(self, queries: Queries, internal_domain: str) -> None:
        self.queries = queries
        self.busy_reader = BusyReader(AgendaReader(queries, internal_domain))

    def public_link(self, slug: str) -> tuple[PublicLink, AccountView]:
        """A link by slug, with its owner; NotFoundError when there is none."""
        found = self.queries.link(slug)
        owner = None if found is None else self.queries.account_by_id(found.account_id)
        if found is None or owner is None:
            raise NotFoundError("There is no booking page at this address.")
        return PublicLink(found.link.slug, owner.name, owner.timezone, found.link), owner

    def availability(self, owner: AccountView) -> Availability:
        """The owner's availability (Monday to Friday, 9 to 17 in their zone until they set
        one)."""
        return self.queries.availability_of(owner.account_id) or Availability.default(
            owner.timezone
        )

    def slots(
        self,
        link: BookingLink,
        owner: AccountView,
        *,
        start: dt.datetime,
        end: dt.datetime,
        now: dt.datetime,
        duration_minutes: int | None = None,
        ignore_events: Collection[UUID] = (),
        ignore_bookings: Collection[str] = (),
    ) -> list[Span]:
        """The free slots starting in [start, end) (none for a paused link). `ignore_*` leave
        a booking being moved out of the busy time and the daily cap."""
        if not link.active:
            return []
        rules = link.rules(duration_minutes)
        horizon_end = now + dt.timedelta(days=rules.horizon_days)
        end = min(end, horizon_end)
        if end <= start:
            return []
        margin = dt.timedelta(minutes=rules.buffer_before_minutes + rules.buffer_after_minutes)
        reach = dt.timedelta(days=1) + margin + dt.timedelta(minutes=rules.duration_minutes)
        busy = self.busy_reader.busy(owner, start - reach, end + reach, exclude=ignore_events)
        bookings = [
            b
            for b in self.queries.bookings_of(
                owner.account_id,
                start=(start - dt.timedelta(days=2)).astimezone(dt.UTC).isoformat(),
                end=(end + dt.timedelta(days=2)).astimezone(dt.UTC).isoformat(),
            )
            if b.booking_id not in ignore_bookings
        ]
        links = {view.link.slug: view.link for view in self.queries.links_of(owner.account_id)}
        held = [_held(b, links.get(b.slug)) for b in bookings]
        booked = [dt.datetime.fromisoformat(b.start) for b in bookings if b.slug == link.slug]
        return free_slots(
            self.availability(owner),
            rules,
            busy=busy,
            bookings=held,
            booked_starts=booked,
            now=now,
            start=start,
            end=end,
        )

    def is_free(
        self,
        link: BookingLink,
        owner: AccountView,
        start: dt.datetime,
        *,
        now: dt.datetime,
        duration_minutes: int | None = None,
        ignore_events: Collection[UUID] = (),
        ignore_bookings: Collection[str] = (),
    ) -> bool:
        """Whether a slot may start at `start` now: on the link's grid of starts, inside the
        availability, clear of busy time with its buffers, within notice, horizon and cap
        (the slots computed from `start` itself, so the answer does not depend on which
        window the page showed)."""
        offered = self.slots(
            link,
            owner,
            start=start,
            end=start + dt.timedelta(seconds=1),
            now=now,
            duration_minutes=duration_minutes,
            ignore_events=ignore_events,
            ignore_bookings=ignore_bookings,
        )
        return any(slot_start == start for slot_start, _ in offered)


def _held(booking: BookingView, link: BookingLink | None) -> Held:
    """A booking's time with its link's buffers as they are now (none when the link was
    deleted), as the Schedule aggregate holds it."""
    return Held(
        dt.datetime.fromisoformat(booking.start),
        dt.datetime.fromisoformat(booking.end),
        0 if link is None else link.buffer_before_minutes,
        0 if link is None else link.buffer_after_minutes,
    )
