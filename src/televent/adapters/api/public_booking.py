"""/api/v1/book/{slug}: the public booking pages' API, for visitors without an account.

- `GET /book/{slug}`: the link's settings and its owner's name (nothing else of the owner).
- `GET /book/{slug}/slots?start=&end=&tz=&duration=`: free slots in [start, end) (default:
  from now for 7 days; at most 62 days), in RFC 3339 with the offset of `tz` (default UTC),
  never beyond the link's horizon; a paused link has none.
- `POST /book/{slug}`: book a slot; 201 with the booking and its manage URL, 409 with fresh
  slots of that day (and the days either side) when the slot is gone.
- `GET /book/{slug}/manage/{token}`, `POST .../cancel`, `POST .../reschedule`: the visitor's
  own booking, through the secret token of their manage link; `GET .../booking.ics` the booking
  as a file for their calendar (the only way it gets there when the server sends no email).

Writes are recorded with the source "booking"; the booking id and the manage token are made
here (the application holds no randomness). Errors are RFC 9457 problems.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated, Any
from uuid import uuid4

from litestar import Controller, Request, Response, get, post
from litestar.params import Parameter

from televent.adapters.api.booking_links import base_url
from televent.adapters.api.context import ApiContext
from televent.adapters.api.problems import ProblemError, problem_language, problem_responses
from televent.adapters.api.public_booking_json import (
    BOOKING_FIELDS,
    CANCEL_FIELDS,
    RESCHEDULE_FIELDS,
    answers_field,
    body_object,
    booking_json,
    day_around,
    duration_field,
    duration_param,
    link_info,
    manage_json,
    manage_path,
    path_slug,
    path_token,
    slots_json,
    start_field,
    text_field,
    window,
    zone_named,
    zone_text,
)
from televent.adapters.i18n import said, unisolated
from televent.application.bookings import BookingRequest, SlotTakenError
from televent.domain.booking_event import booking_file_text, booking_summary, booking_uid
from televent.domain.errors import ConflictError, NotFoundError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.languages import from_accept_language
from televent.projections.bookings_reader import BookingView

SOURCE = "booking"
Slug = Annotated[str, Parameter(description="The link's slug", max_length=64)]
Token = Annotated[str, Parameter(description="The manage link's secret", max_length=128)]
TIME_HELP = "RFC 3339, or a date (YYYY-MM-DD) read at local midnight in tz"


def _slots(
    api: ApiContext,
    slug: str,
    *,
    start: str | None,
    end: str | None,
    tz: str | None,
    duration: str | None,
) -> dict[str, Any]:
    zone = zone_named(tz)
    public, owner = api.app.slot_reader.public_link(path_slug(slug))
    now = api.app.clock()
    low, high = window(start, end, zone, now)
    spans = api.app.slot_reader.slots(
        public.link,
        owner,
        start=low,
        end=high,
        now=now,
        duration_minutes=duration_param(duration),
    )
    return {
        "timezone": zone_text(zone),
        "slots": slots_json(spans, zone),
        "active": public.link.active,
    }


def _taken(
    api: ApiContext,
    exc: SlotTakenError,
    slug: str,
    start: dt.datetime,
    zone: dt.tzinfo,
    *,
    duration: int | None,
    moving: BookingView | None = None,
) -> ProblemError:
    """409 for a slot that is gone, with the free slots of its day and the days beside it."""
    reader = api.app.slot_reader
    public, owner = reader.public_link(slug)
    low, high = day_around(start, zone)
    spans = reader.slots(
        public.link,
        owner,
        start=low,
        end=high,
        now=api.app.clock(),
        duration_minutes=duration if duration in public.link.lengths else None,
        ignore_events=() if moving is None else (moving.event_id,),
        ignore_bookings=() if moving is None else (moving.booking_id,),
    )
    return ProblemError(
        409,
        lambda: said(exc),  # why, in the reader's language (passed, too soon, no longer free)
        name="slot-taken",
        extra={"timezone": zone_text(zone), "slots": slots_json(spans, zone)},
    )


def _book(api: ApiContext, slug: str, data: Any, language: str | None = None) -> dict[str, Any]:
    slug = path_slug(slug)
    body = body_object(data, BOOKING_FIELDS, "A booking")
    zone = zone_named(body.get("tz"))
    request = BookingRequest(
        slug=slug,
        start=start_field(body, zone),
        name=text_field(body, "name", required=True) or "",
        email=text_field(body, "email", required=True) or "",
        tz=zone_text(zone),
        duration_minutes=duration_field(body),
        answers=answers_field(body),
        language=language,
    )
    try:
        booking = api.app.book(
            request, booking_id=uuid4().hex, token=secrets.token_urlsafe(24), source=SOURCE
        )
    except SlotTakenError as exc:
        raise _taken(
            api, exc, slug, request.start, zone, duration=request.duration_minutes
        ) from None
    return booking_json(booking, mail=api.mail, zone=zone)


def _booking(api: ApiContext, slug: str, token: str) -> BookingView:
    """The booking a manage link names (404 for a wrong token or another link's)."""
    found = api.queries.booking_by_token(path_token(token))
    if found is None or found.slug != path_slug(slug):
        raise NotFoundError("This booking link is not valid.").worded("refusal-booking-not-valid")
    return found


def _manage(api: ApiContext, booking: BookingView) -> dict[str, Any]:
    found = api.queries.link(booking.slug)
    link = None if found is None or found.account_id != booking.account_id else found.link
    owner = api.queries.account_by_id(booking.account_id)
    return manage_json(booking, link, "" if owner is None else owner.name, mail=api.mail)


def _ics(api: ApiContext, slug: str, token: str, base: str, language: str) -> str:
    """The visitor's booking as an .ics file (409 once it is cancelled)."""
    booking = _booking(api, slug, token)
    if not booking.active:
        raise ConflictError(
            "This booking was cancelled; there is nothing to add to a calendar."
        ).worded("refusal-booking-cancelled-already")
    found = api.queries.link(booking.slug)
    link = None if found is None or found.account_id != booking.account_id else found.link
    owner = api.queries.account_by_id(booking.account_id)
    stored = api.queries.object_by_event_id(booking.event_id)
    facts = {} if stored is None else facts_of(parse_calendar_object(stored.ical))
    manage = f"{base}{manage_path(booking.slug, booking.token)}"
    about = link.description if link is not None and link.description else None
    return booking_file_text(
        uid=booking_uid(booking.booking_id),
        stamp=api.app.clock(),
        sequence=int(facts.get("sequence") or 0),
        # as the invitation names it (in the owner's language), else as a booking is named
        summary=facts.get("summary")
        or booking_summary(booking.title, "" if owner is None else owner.name, booking.name),
        start=dt.datetime.fromisoformat(booking.start),
        end=dt.datetime.fromisoformat(booking.end),
        description="\n\n".join(
            p for p in (about, unisolated(language, "booking-file-manage", url=manage)) if p
        ),
        location=None if link is None else link.location,
    )


def _cancel(api: ApiContext, slug: str, token: str, data: Any) -> dict[str, Any]:
    body = body_object(data, CANCEL_FIELDS, "A cancellation")
    reason = text_field(body, "reason", required=False) or ""
    booking = _booking(api, slug, token)
    return _manage(api, api.app.cancel_booking(booking.token, reason=reason, source=SOURCE))


def _reschedule(api: ApiContext, slug: str, token: str, data: Any) -> dict[str, Any]:
    body = body_object(data, RESCHEDULE_FIELDS, "A new time")
    booking = _booking(api, slug, token)
    zone = zone_named(body.get("tz") or booking.tz)
    start = start_field(body, zone)
    try:
        moved = api.app.reschedule_booking(booking.token, start, source=SOURCE)
    except SlotTakenError as exc:
        length = dt.datetime.fromisoformat(booking.end) - dt.datetime.fromisoformat(booking.start)
        minutes = int(length.total_seconds() // 60)
        raise _taken(
            api, exc, booking.slug, start, zone, duration=minutes, moving=booking
        ) from None
    return _manage(api, moved)


class PublicBookingController(Controller):
    """Booking pages for visitors: no sign-in, rate limited per client address."""

    path = "/book"
    tags = ["booking"]

    @get("/{slug:str}", summary="A booking link's page", responses=problem_responses(404))
    async def link(self, api: ApiContext, slug: Slug) -> dict[str, Any]:
        """The link's settings (`active` false: paused, it takes no bookings) and the
        owner's name; 404 when no link has this slug."""
        public, _ = await api.port.run(api.app.slot_reader.public_link, path_slug(slug))
        return link_info(public)

    @get("/{slug:str}/slots", summary="Free slots", responses=problem_responses(404, 422))
    async def slots(
        self,
        *,
        api: ApiContext,
        slug: Slug,
        start: Annotated[str | None, Parameter(description=TIME_HELP)] = None,
        end: Annotated[str | None, Parameter(description=TIME_HELP)] = None,
        tz: Annotated[str | None, Parameter(description="IANA zone of the times (UTC)")] = None,
        duration: Annotated[
            str | None, Parameter(description="minutes: one of the link's durations")
        ] = None,
    ) -> dict[str, Any]:
        """Slots starting in [start, end) (default: now to a week later; at most 62 days, 422
        beyond), with the offset of `tz`, never beyond the link's horizon; a paused link
        gives none and `active` false."""
        return await api.port.run(_slots, api, slug, start=start, end=end, tz=tz, duration=duration)

    @post(
        "/{slug:str}",
        summary="Book a slot",
        status_code=201,
        responses=problem_responses(400, 404, 409, 413, 415, 422),
    )
    async def book(
        self, api: ApiContext, request: Request[Any, Any, Any], slug: Slug, data: dict[str, Any]
    ) -> dict[str, Any]:
        """Body: `start` (RFC 3339, one of the slots), `name`, `email`, `tz` (IANA; the
        invitation speaks it), optional `duration_minutes` and `answers` ({"q1": "..."}, by
        the ids of the link's questions; an id it has no question for is a 422 naming it).
        201 with the booking, `manage_url`, `ics_url` (the booking as a calendar file) and
        `invitation_by_email` (whether an invitation is emailed: false when this server sends
        no email); 409 with `slots` (that day, and the days either side, in `tz`) when the
        slot is gone; 422 for invalid input or a paused link."""
        language = from_accept_language(request.headers.get("accept-language"))
        return await api.port.run(_book, api, slug, data, language)  # (the visitor's mails)

    @get(
        "/{slug:str}/manage/{token:str}",
        summary="A booking, by its manage link",
        responses=problem_responses(404),
    )
    async def manage(self, api: ApiContext, slug: Slug, token: Token) -> dict[str, Any]:
        """The booking, its owner's name and the durations of its link; 404 for a bad token."""
        return await api.port.run(lambda: _manage(api, _booking(api, slug, token)))

    @get(
        "/{slug:str}/manage/{token:str}/booking.ics",
        summary="A booking as a calendar file",
        media_type="text/calendar",
        responses=problem_responses(404, 409),
    )
    async def ics(
        self, api: ApiContext, request: Request[Any, Any, Any], slug: Slug, token: Token
    ) -> Response[str]:
        """The booking as an iCalendar file (METHOD:PUBLISH) to add to any calendar, with the
        invitation's UID so either updates the other; 404 for a bad token, 409 once the
        booking is cancelled."""
        text = await api.port.run(
            _ics, api, slug, token, base_url(api, request), problem_language(request)
        )
        return Response(
            text,
            media_type="text/calendar; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="booking.ics"',
                "Cache-Control": "no-store",
            },
        )

    @post(
        "/{slug:str}/manage/{token:str}/cancel",
        summary="Cancel a booking",
        status_code=200,
        responses=problem_responses(400, 404, 409, 415, 422),
    )
    async def cancel(
        self, api: ApiContext, slug: Slug, token: Token, data: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Optional body {"reason": "..."}. The event leaves the owner's calendar and the
        visitor is told; 409 when it was already cancelled."""
        return await api.port.run(_cancel, api, slug, token, data)

    @post(
        "/{slug:str}/manage/{token:str}/reschedule",
        summary="Move a booking to another slot",
        status_code=200,
        responses=problem_responses(400, 404, 409, 415, 422),
    )
    async def reschedule(
        self, api: ApiContext, slug: Slug, token: Token, data: dict[str, Any]
    ) -> dict[str, Any]:
        """Body {"start", "tz"?}: one of the slots. 409 with fresh `slots` when it is gone."""
        return await api.port.run(_reschedule, api, slug, token, data)
