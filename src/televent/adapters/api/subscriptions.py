"""/api/v1/subscriptions: calendars that show a feed (webcal:// or https:// ICS) from another
calendar service, refreshed by the server (docs/adr/0025).

- `GET /subscriptions`: the caller's subscriptions, each with its calendar's id and name, the
  feed's address, `paused`, `reminders`, `busy` and how fetching it goes (`status` "waiting",
  "ok" or "failing", `last_success`, `last_error`, `last_outcome`, `next_refresh`).
- `POST /subscriptions` (`{"url", "name"?, "reminders"?: false, "busy"?: true}`): 201, a new
  read-only calendar filled at the server's next round (within seconds by default); 422
  for an address that is not a feed's or that leads to a private or local network (the
  outbound guard, docs/adr/0023); 409 when already subscribed.
- `GET /subscriptions/{id}`, `PATCH /subscriptions/{id}` (`{"name"?, "paused"?, "reminders"?,
  "busy"?}`), `DELETE /subscriptions/{id}` (204: the calendar and its events go),
  `POST /subscriptions/{id}/refresh` (202: fetched at the next round).

The calendar is read-only for everyone (its events change only with the feed): a write to it
through any surface is 403. It is listed with the others under /calendars (role
`subscriber`), and its events with everyone's under /events.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec
from litestar import Controller, Response, delete, get, patch, post

from televent.adapters.api.calendars import calendar_uuid
from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.adapters.outbound.feeds import checked_feed_url
from televent.domain.feed_subscriptions import SubscriptionOptions, not_subscribed
from televent.projections.queries import SubscriptionView


class SubscribeRequest(msgspec.Struct, forbid_unknown_fields=True):
    """A feed to subscribe to, and the options (reminders off and busy time on by default)."""

    url: str
    name: str | None = None
    reminders: bool = False
    busy: bool = True


class SubscriptionChange(msgspec.Struct, forbid_unknown_fields=True):
    """What to change; fields left out stay as they are."""

    name: str | None = None
    paused: bool | None = None
    reminders: bool | None = None
    busy: bool | None = None


class SubscriptionJson(msgspec.Struct):
    """A subscribed calendar and how fetching its feed goes."""

    id: str  # the calendar's id (its events are under /events like every calendar's)
    name: str
    url: str
    paused: bool
    reminders: bool
    busy: bool
    status: str  # "waiting" (not fetched yet), "ok", "failing", "paused"
    subscribed_at: str
    last_success: str | None
    last_error: str | None
    last_outcome: str | None
    next_refresh: str | None


def subscription_json(sub: SubscriptionView) -> SubscriptionJson:
    return SubscriptionJson(
        id=str(sub.calendar_id),
        name=sub.name,
        url=sub.url,
        paused=sub.paused,
        reminders=sub.reminders,
        busy=sub.busy,
        status=sub.state,
        subscribed_at=sub.subscribed_at,
        last_success=sub.last_success,
        last_error=sub.last_error if sub.failures else None,
        last_outcome=sub.last_outcome,
        next_refresh=None if sub.paused else sub.next_due,
    )


def _mine(api: ApiContext, caller: Caller, calendar_id: UUID) -> SubscriptionView:
    """The caller's own subscription, to show (its address is its subscriber's alone; who may
    change one is the application's to decide)."""
    sub = api.queries.subscription(calendar_id)
    if sub is None or sub.account_id != caller.account.account_id:
        raise not_subscribed()
    return sub


def _subscribe(api: ApiContext, caller: Caller, url: str, data: SubscribeRequest) -> UUID:
    return api.app.subscribe_feed(
        caller.account.account_id,
        url,
        name=data.name,
        options=SubscriptionOptions(reminders=data.reminders, busy=data.busy),
        actor=caller.actor,
        source=caller.source,
    )


def _change(api: ApiContext, caller: Caller, calendar_id: UUID, changes: dict[str, Any]) -> None:
    api.app.change_subscription(
        calendar_id, changes, by=caller.account.account_id, actor=caller.actor,
        source=caller.source,
    )  # fmt: skip


def _unsubscribe(api: ApiContext, caller: Caller, calendar_id: UUID) -> None:
    api.app.unsubscribe_feed(
        calendar_id, by=caller.account.account_id, actor=caller.actor, source=caller.source
    )


def _refresh(api: ApiContext, caller: Caller, calendar_id: UUID) -> SubscriptionView:
    return api.app.refresh_soon(calendar_id, by=caller.account.account_id)


class SubscriptionsController(Controller):
    """The caller's feed subscriptions."""

    path = "/subscriptions"
    tags = ["subscriptions"]

    @get(summary="Your feed subscriptions")
    async def listing(self, caller: Caller, api: ApiContext) -> list[SubscriptionJson]:
        """Every calendar you subscribed to, by name, with how fetching its feed goes."""
        found = await api.port.run(api.queries.subscriptions_of, caller.account.account_id)
        return [subscription_json(sub) for sub in found]

    @post(
        status_code=201,
        summary="Subscribe to a calendar feed",
        responses=problem_responses(409, 422),
    )
    async def subscribe(
        self, caller: Caller, api: ApiContext, data: SubscribeRequest
    ) -> SubscriptionJson:
        """`{"url", "name"?, "reminders"?: false, "busy"?: true}`: a webcal:// or https://
        address of an iCalendar feed (a public holiday calendar, a school timetable, the
        "secret address" Google, Outlook or iCloud show for a calendar). A new read-only
        calendar shows it, filled within seconds and refreshed as the feed asks
        (hourly by default). Its reminders are off and it counts as busy time for your
        booking links unless you say otherwise."""
        url = await checked_feed_url(api.outbound, data.url)
        calendar_id = await api.port.run(_subscribe, api, caller, url, data)
        sub = await api.port.run(_mine, api, caller, calendar_id)
        return subscription_json(sub)

    @get("/{calendar_id:str}", summary="One subscription", responses=problem_responses(404))
    async def one(self, caller: Caller, api: ApiContext, calendar_id: str) -> SubscriptionJson:
        """The subscription and how fetching its feed goes (`status`, `last_error`)."""
        sub = await api.port.run(_mine, api, caller, calendar_uuid(calendar_id))
        return subscription_json(sub)

    @patch(
        "/{calendar_id:str}",
        summary="Rename, pause or resume a subscription, or change its options",
        responses=problem_responses(404, 422),
    )
    async def change(
        self, caller: Caller, api: ApiContext, calendar_id: str, data: SubscriptionChange
    ) -> SubscriptionJson:
        """`{"name"?, "paused"?, "reminders"?, "busy"?}`: a paused feed is not fetched until
        resumed; `reminders` sends reminders of its events; `busy` counts them as busy time
        for your booking links."""
        changes = {
            key: value
            for key in ("name", "paused", "reminders", "busy")
            if (value := getattr(data, key)) is not None
        }
        target = calendar_uuid(calendar_id)
        await api.port.run(_change, api, caller, target, changes)
        return subscription_json(await api.port.run(_mine, api, caller, target))

    @delete("/{calendar_id:str}", status_code=204, summary="Unsubscribe",
            responses=problem_responses(404))  # fmt: skip
    async def unsubscribe(
        self, caller: Caller, api: ApiContext, calendar_id: str
    ) -> Response[None]:
        """The calendar and the events the feed brought are deleted."""
        await api.port.run(_unsubscribe, api, caller, calendar_uuid(calendar_id))
        return Response(None, status_code=204)

    @post(
        "/{calendar_id:str}/refresh",
        status_code=202,
        summary="Fetch a feed again soon",
        responses=problem_responses(404),
    )
    async def refresh(self, caller: Caller, api: ApiContext, calendar_id: str) -> SubscriptionJson:
        """The feed is fetched at the server's next round (within seconds by default),
        whenever it was due."""
        sub = await api.port.run(_refresh, api, caller, calendar_uuid(calendar_id))
        return subscription_json(sub)
