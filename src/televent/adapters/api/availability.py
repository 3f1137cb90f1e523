"""/api/v1/availability and /api/v1/bookings: when the caller can be booked, and what was.

- `GET /availability`: the caller's weekly hours and date overrides (domain/availability.py),
  with `is_default` true while they never set any (Monday to Friday, 09:00-17:00 in their zone).
- `POST /availability`: replaces them (422 names the first bad value).
- `GET /bookings?start=&end=&slug=`: bookings made through the caller's links, earliest first,
  times in the caller's zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.params import Parameter

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.adapters.api.public_booking_json import SLUG_SHAPE, bound, plain_texts, zone_named
from televent.domain.availability import Availability
from televent.domain.event_times import FieldError
from televent.projections.bookings_reader import BookingView

WINDOW_HELP = "RFC 3339, or a date read in your time zone"


def _availability(api: ApiContext, caller: Caller) -> dict[str, Any]:
    account = api.queries.account_by_id(caller.account.account_id) or caller.account
    stored = api.queries.availability_of(account.account_id)
    shown = stored or Availability.default(account.timezone)
    return {**shown.as_json(), "is_default": stored is None}


def _set_availability(api: ApiContext, caller: Caller, data: Any) -> dict[str, Any]:
    availability = Availability.from_json(plain_texts(data))
    api.app.set_availability(
        caller.account.account_id, availability, actor=caller.actor, source=caller.source
    )
    return _availability(api, caller)


def _utc(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def booking_item(booking: BookingView, zone: dt.tzinfo) -> dict[str, Any]:
    """A booking in the owner's list."""
    return {
        "id": booking.booking_id,
        "slug": booking.slug,
        "title": booking.title,
        "start": dt.datetime.fromisoformat(booking.start).astimezone(zone).isoformat(),
        "end": dt.datetime.fromisoformat(booking.end).astimezone(zone).isoformat(),
        "status": booking.status,
        "name": booking.name,
        "email": booking.email,
        "tz": booking.tz,
        "event_id": str(booking.event_id),
    }


def _slug(slug: str) -> str:
    if not SLUG_SHAPE.match(slug):
        raise FieldError("slug", "is the slug of one of your links.").worded(
            "refusal-booking-link-slug"
        )
    return slug.lower()


def _bookings(
    api: ApiContext, caller: Caller, start: str | None, end: str | None, slug: str | None
) -> dict[str, Any]:
    zone = zone_named(caller.account.timezone, "timezone")
    low, high = bound(start, "start", zone), bound(end, "end", zone)
    if low is not None and high is not None and high <= low:
        raise FieldError("end", "must be after start.").worded("refusal-events-window-backwards")
    views = api.queries.bookings_of(
        caller.account.account_id,
        start=_utc(low),
        end=_utc(high),
        slug=None if slug is None else _slug(slug),
        active_only=False,
    )
    return {"items": [booking_item(view, zone) for view in views]}


class AvailabilityController(Controller):
    """The caller's bookable hours."""

    path = "/availability"
    tags = ["booking"]

    @get(summary="Your bookable hours", responses=problem_responses())
    async def read(self, caller: Caller, api: ApiContext) -> dict[str, Any]:
        """`{"timezone", "weekly": {"mon": [["09:00", "17:00"]], ...}, "overrides":
        [{"date", "ranges"}], "is_default"}`; `is_default` is true until you set them."""
        return await api.port.run(_availability, api, caller)

    @post(
        summary="Replace your bookable hours",
        status_code=200,
        responses=problem_responses(400, 415, 422),
    )
    async def replace(self, caller: Caller, api: ApiContext, data: Any) -> dict[str, Any]:
        """The body is the whole availability (as GET shows it); times are HH:MM in
        `timezone` ("24:00" ends a day); an override with no ranges is a day off. 422 names
        the first bad value."""
        return await api.port.run(_set_availability, api, caller, data)


class BookingsController(Controller):
    """Bookings made through the caller's links."""

    path = "/bookings"
    tags = ["booking"]

    @get(summary="Bookings of your links", responses=problem_responses(422))
    async def list_bookings(
        self,
        *,
        caller: Caller,
        api: ApiContext,
        start: Annotated[str | None, Parameter(description=WINDOW_HELP)] = None,
        end: Annotated[str | None, Parameter(description=WINDOW_HELP)] = None,
        slug: Annotated[str | None, Parameter(description="one link's", max_length=64)] = None,
    ) -> dict[str, Any]:
        """Bookings starting in [start, end) (both optional), earliest first, with their
        `status`: active, cancelled (by the visitor) or released (you deleted the event)."""
        return await api.port.run(_bookings, api, caller, start, end, slug)
