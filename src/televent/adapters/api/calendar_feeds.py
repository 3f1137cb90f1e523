"""/api/v1/calendars/{id}/feed: a calendar published as a feed at a secret address that Google
Calendar, Outlook or Apple Calendar subscribe to (docs/adr/0022).

- `POST /calendars/{id}/feed` (`{"busy_only"?: false}`): 201 `{"url", "busy_only"}`, the
  address `<public URL>/feeds/<token>.ics`; publishing again gives a new address and the old
  one stops.
- `GET /calendars/{id}/feed`: `{"published", "busy_only"}`. The address is shown once, when it
  is made: only its token's hash is kept, so it cannot be shown again (publish again for a new
  one).
- `DELETE /calendars/{id}/feed`: 204, the address answers 404 from then on; 404 when the
  calendar is not published.

Each person publishes their own feed of any calendar they may read (their own, or one shared
with them); a calendar they may not see is 404, as everywhere in the API.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, Response, delete, get, post

from televent.adapters.api.booking_links import base_url
from televent.adapters.api.calendars import calendar_not_found, calendar_uuid
from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.application.calendars import FEED_PATH


class FeedRequest(msgspec.Struct, forbid_unknown_fields=True):
    """How to publish: `busy_only` shows when the calendar is busy, and nothing else."""

    busy_only: bool = False


class PublishedFeedJson(msgspec.Struct):
    """The new secret address (shown this once)."""

    url: str
    busy_only: bool


class FeedStateJson(msgspec.Struct):
    """Whether the caller publishes the calendar (the address itself cannot be shown again)."""

    published: bool
    busy_only: bool


def feed_url(base: str, token: str) -> str:
    """The address of a published feed."""
    return f"{base}{FEED_PATH}/{token}.ics"


def _publish(api: ApiContext, caller: Caller, calendar_id: Any, busy_only: bool) -> str:
    return api.app.publish_calendar_feed(
        calendar_id,
        by=caller.account.account_id,
        busy_only=busy_only,
        actor=caller.actor,
        source=caller.source,
    )


def _state(api: ApiContext, caller: Caller, calendar_id: Any) -> FeedStateJson:
    if api.queries.seen_calendar(caller.account.account_id, calendar_id) is None:
        raise calendar_not_found()
    feed = api.queries.published_feed_of(calendar_id, caller.account.account_id)
    return FeedStateJson(published=feed is not None, busy_only=feed is not None and feed.busy_only)


def _revoke(api: ApiContext, caller: Caller, calendar_id: Any) -> None:
    api.app.revoke_calendar_feed(
        calendar_id, by=caller.account.account_id, actor=caller.actor, source=caller.source
    )


class CalendarFeedController(Controller):
    """A calendar published as a feed, by the caller."""

    path = "/calendars/{calendar_id:str}/feed"
    tags = ["calendars"]

    @post(
        status_code=201,
        summary="Publish a calendar at a secret address to subscribe to",
        responses=problem_responses(400, 404),
    )
    async def publish(
        self,
        caller: Caller,
        api: ApiContext,
        calendar_id: str,
        request: Request[Any, Any, Any],
        data: FeedRequest | None = None,
    ) -> PublishedFeedJson:
        """`{"busy_only"?: false}`: a new secret address (`url`, ending in `.ics`) showing the
        calendar as you see it, for Google Calendar, Outlook or Apple Calendar to subscribe
        to; with `busy_only`, only when you are busy (no titles, places, notes or people). A
        previous address of yours for this calendar stops. The address is shown this once."""
        busy_only = data.busy_only if data is not None else False
        token = await api.port.run(_publish, api, caller, calendar_uuid(calendar_id), busy_only)
        return PublishedFeedJson(url=feed_url(base_url(api, request), token), busy_only=busy_only)

    @get(summary="Whether you publish a calendar", responses=problem_responses(404))
    async def state(self, caller: Caller, api: ApiContext, calendar_id: str) -> FeedStateJson:
        """`published` and `busy_only`. The address itself cannot be shown again (only a
        hash of its secret is kept): publish again for a new one."""
        return await api.port.run(_state, api, caller, calendar_uuid(calendar_id))

    @delete(
        status_code=204,
        summary="Stop publishing a calendar",
        responses=problem_responses(404),
    )
    async def revoke(self, caller: Caller, api: ApiContext, calendar_id: str) -> Response[None]:
        """The address answers 404 from now on; 404 when you do not publish the calendar."""
        await api.port.run(_revoke, api, caller, calendar_uuid(calendar_id))
        return Response(None, status_code=204)
