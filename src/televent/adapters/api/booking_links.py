"""/api/v1/booking-links: the caller's booking links (domain/booking_links.py).

- `GET /booking-links`: `{"items": [link...]}`, oldest first.
- `POST /booking-links`: a new link (`slug` and `title` required); 201, 409 when the slug is
  taken by anyone, 422 for an invalid value.
- `GET/PATCH/DELETE /booking-links/{slug}`: one of the caller's links (404 for another
  user's). PATCH changes the fields sent (`{"active": false}` pauses); DELETE is 204 and
  leaves the bookings made in the calendar.

A link's JSON is its settings plus `url`, its public page on this server.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.params import Parameter

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.adapters.api.public_booking_json import SLUG_SHAPE, plain_texts
from televent.domain.booking_links import BookingLink
from televent.domain.errors import DomainError, NotFoundError

Slug = Annotated[str, Parameter(description="The link's slug", max_length=64)]


def base_url(api: ApiContext, request: Request[Any, Any, Any]) -> str:
    """The server's public base URL (TELEVENT_PUBLIC_URL, else the request's)."""
    return api.public_url.rstrip("/") or str(request.base_url).rstrip("/")


def link_json(link: BookingLink, base: str) -> dict[str, Any]:
    """A link as its owner sees it, with its public address."""
    return {**link.as_json(), "url": f"{base}/book/{link.slug}"}


def _own(api: ApiContext, caller: Caller, slug: str) -> BookingLink:
    found = api.queries.link(slug) if SLUG_SHAPE.match(slug) else None
    if found is None or found.account_id != caller.account.account_id:
        shown = slug.lower()[:64]
        raise NotFoundError(f"You have no booking link /{shown}.").worded(
            "refusal-booking-no-link", slug=shown
        )
    return found.link


def _create(api: ApiContext, caller: Caller, data: Any) -> BookingLink:
    link = BookingLink.from_json(plain_texts(data))
    return api.app.create_booking_link(
        caller.account.account_id, link, actor=caller.actor, source=caller.source
    )


def _change(api: ApiContext, caller: Caller, slug: str, data: Any) -> BookingLink:
    current = _own(api, caller, slug)
    if not isinstance(data, dict):
        raise DomainError("A change of a booking link is a JSON object.")
    if not data:
        return current
    plain_texts(data)
    return api.app.change_booking_link(
        caller.account.account_id, current.slug, data, actor=caller.actor, source=caller.source
    )


def _delete(api: ApiContext, caller: Caller, slug: str) -> None:
    current = _own(api, caller, slug)
    api.app.delete_booking_link(
        caller.account.account_id, current.slug, actor=caller.actor, source=caller.source
    )


class BookingLinksController(Controller):
    """The caller's booking links."""

    path = "/booking-links"
    tags = ["booking"]

    @get(summary="Your booking links", responses=problem_responses())
    async def list_links(
        self, caller: Caller, api: ApiContext, request: Request[Any, Any, Any]
    ) -> dict[str, Any]:
        views = await api.port.run(api.queries.links_of, caller.account.account_id)
        base = base_url(api, request)
        return {"items": [link_json(view.link, base) for view in views]}

    @post(
        summary="Create a booking link",
        status_code=201,
        responses=problem_responses(400, 409, 415, 422),
    )
    async def create(
        self, caller: Caller, api: ApiContext, request: Request[Any, Any, Any], data: Any
    ) -> dict[str, Any]:
        """`slug` (3 to 40 lower-case letters, digits and hyphens; unique on this server: 409
        when taken) and `title` are required; `duration_minutes` (30), `durations_minutes`,
        `step_minutes`, `buffer_before_minutes`, `buffer_after_minutes`,
        `min_notice_minutes` (240), `horizon_days` (60), `max_per_day`, `description`,
        `location`, `questions` ([{"id", "label", "required"}]; an id is kept, and one not
        given is the id the same label had, else a new `q<n>`) and `active` are optional."""
        link = await api.port.run(_create, api, caller, data)
        return link_json(link, base_url(api, request))

    @get("/{slug:str}", summary="One of your booking links", responses=problem_responses(404))
    async def read(
        self, caller: Caller, api: ApiContext, request: Request[Any, Any, Any], slug: Slug
    ) -> dict[str, Any]:
        link = await api.port.run(_own, api, caller, slug)
        return link_json(link, base_url(api, request))

    @patch(
        "/{slug:str}",
        summary="Change a booking link (pause it with active false)",
        responses=problem_responses(400, 404, 415, 422),
    )
    async def change(
        self,
        caller: Caller,
        api: ApiContext,
        request: Request[Any, Any, Any],
        slug: Slug,
        data: Any,
    ) -> dict[str, Any]:
        """Only the fields sent change; the slug cannot (create a new link instead)."""
        link = await api.port.run(_change, api, caller, slug, data)
        return link_json(link, base_url(api, request))

    @delete(
        "/{slug:str}",
        summary="Delete a booking link",
        status_code=204,
        responses=problem_responses(404),
    )
    async def remove(self, caller: Caller, api: ApiContext, slug: Slug) -> None:
        """Its page goes away; bookings already made stay in your calendar."""
        await api.port.run(_delete, api, caller, slug)
