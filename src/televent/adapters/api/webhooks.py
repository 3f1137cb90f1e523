"""/api/v1/webhooks: addresses that hear of changes as they happen (docs/adr/0029).

- `GET /webhooks`: the caller's webhooks.
- `POST /webhooks` (`{"url", "triggers": [...], "active"?: true, "since"?: <position>}`): 201
  with the webhook and its signing `secret` (`whsec_…`), shown this once. `url` must be an
  https:// address the outbound guard lets through (422 naming the reason otherwise);
  `triggers` among `event.created`, `event.updated`, `event.cancelled`, `event.deleted`,
  `rsvp.changed`, `booking.created`, `booking.rescheduled`, `booking.cancelled`; `since` (a
  position as /changes and /stream give them) replays the changes after it.
- `GET/PATCH/DELETE /webhooks/{id}`: `PATCH` takes `{"url"?, "triggers"?, "active"?}`
  (`"active": true` resumes a webhook Televent paused).
- `GET /webhooks/{id}/deliveries`: the recent attempts, newest first.
- `POST /webhooks/{id}/test`: a `webhook.test` message delivered now; the attempt's outcome.

Deliveries are signed as the Standard Webhooks specification says (`webhook-id`,
`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), so its libraries verify
them; the body is `{"type", "timestamp", "data"}` with `data` the event or booking as this API
shows it. A webhook hears of the calendars its owner may read (their own and those shared with
them) and of their booking links' bookings.
"""

from __future__ import annotations

from uuid import UUID

import msgspec
from litestar import Controller, Response, delete, get, patch, post

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.domain.webhooks import not_found
from televent.projections.queries import AttemptView, WebhookView

HTTPS_ONLY = frozenset({"https"})


class WebhookRequest(msgspec.Struct, forbid_unknown_fields=True):
    """A webhook to add."""

    url: str
    triggers: list[str]
    active: bool = True
    since: int | None = None


class WebhookChange(msgspec.Struct, forbid_unknown_fields=True):
    """What to change; fields left out stay as they are."""

    url: str | None = None
    triggers: list[str] | None = None
    active: bool | None = None


class WebhookJson(msgspec.Struct, omit_defaults=True):
    id: str
    url: str
    triggers: list[str]
    active: bool
    paused_reason: str | None
    created_at: str
    since: int
    waiting: int  # messages not delivered yet
    secret: str | None = None  # only in the answer that made it


class AttemptJson(msgspec.Struct):
    webhook_id: str
    message_id: str
    type: str
    attempt: int
    status_code: int | None
    duration_ms: int
    at: str
    response_excerpt: str | None
    error: str | None


class AttemptsJson(msgspec.Struct):
    items: list[AttemptJson]


def webhook_json(hook: WebhookView, secret: str | None = None) -> WebhookJson:
    return WebhookJson(
        id=str(hook.webhook_id), url=hook.url, triggers=list(hook.triggers), active=hook.active,
        paused_reason=hook.paused_reason, created_at=hook.created_at, since=hook.since,
        waiting=hook.waiting, secret=secret,
    )  # fmt: skip


def attempt_json(attempt: AttemptView) -> AttemptJson:
    return AttemptJson(
        webhook_id=attempt.webhook_id, message_id=attempt.message_id, type=attempt.trigger,
        attempt=attempt.attempt, status_code=attempt.status_code,
        duration_ms=attempt.duration_ms, at=attempt.at,
        response_excerpt=attempt.response_excerpt, error=attempt.error,
    )  # fmt: skip


def webhook_uuid(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise not_found() from None


def _add(api: ApiContext, caller: Caller, data: WebhookRequest) -> tuple[WebhookView, str]:
    webhook_id, secret = api.app.add_webhook(
        caller.account.account_id, data.url, data.triggers, active=data.active,
        since=data.since, actor=caller.actor, source=caller.source,
    )  # fmt: skip
    return api.app.webhook_of(webhook_id, by=caller.account.account_id), secret


def _change(api: ApiContext, caller: Caller, webhook_id: UUID, data: WebhookChange) -> WebhookView:
    return api.app.change_webhook(
        webhook_id, by=caller.account.account_id, url=data.url, triggers=data.triggers,
        active=data.active, actor=caller.actor, source=caller.source,
    )  # fmt: skip


def _attempts(api: ApiContext, caller: Caller, webhook_id: UUID) -> list[AttemptView]:
    api.app.webhook_of(webhook_id, by=caller.account.account_id)
    return api.queries.attempts_of(webhook_id)


class WebhooksController(Controller):
    """The caller's webhooks."""

    path = "/webhooks"
    tags = ["webhooks"]

    @get(summary="Your webhooks")
    async def listing(self, caller: Caller, api: ApiContext) -> dict[str, list[WebhookJson]]:
        """Every webhook you added, oldest first (never their secrets)."""
        found = await api.port.run(api.queries.webhooks_of, caller.account.account_id)
        return {"items": [webhook_json(hook) for hook in found]}

    @post(status_code=201, summary="Add a webhook", responses=problem_responses(422))
    async def add(self, caller: Caller, api: ApiContext, data: WebhookRequest) -> WebhookJson:
        """`{"url", "triggers", "active"?: true, "since"?}`: the answer holds the signing
        `secret`, this once; keep it to verify the `webhook-signature` of each delivery."""
        await api.outbound.check_url(data.url.strip(), schemes=HTTPS_ONLY)
        hook, secret = await api.port.run(_add, api, caller, data)
        return webhook_json(hook, secret)

    @get("/{webhook_id:str}", summary="One webhook", responses=problem_responses(404))
    async def one(self, caller: Caller, api: ApiContext, webhook_id: str) -> WebhookJson:
        """The webhook, whether it is active, and why Televent paused it if it did."""
        hook = await api.port.run(
            lambda: api.app.webhook_of(webhook_uuid(webhook_id), by=caller.account.account_id)
        )
        return webhook_json(hook)

    @patch(
        "/{webhook_id:str}",
        summary="Change, pause or resume a webhook",
        responses=problem_responses(404, 422),
    )
    async def change(
        self, caller: Caller, api: ApiContext, webhook_id: str, data: WebhookChange
    ) -> WebhookJson:
        """`{"url"?, "triggers"?, "active"?}`; `"active": true` resumes a paused webhook (its
        waiting messages are delivered again)."""
        if data.url is not None:
            await api.outbound.check_url(data.url.strip(), schemes=HTTPS_ONLY)
        hook = await api.port.run(_change, api, caller, webhook_uuid(webhook_id), data)
        return webhook_json(hook)

    @delete(
        "/{webhook_id:str}", status_code=204, summary="Remove a webhook",
        responses=problem_responses(404),
    )  # fmt: skip
    async def remove(self, caller: Caller, api: ApiContext, webhook_id: str) -> Response[None]:
        """It hears of nothing more; messages not delivered yet go with it."""
        await api.port.run(
            lambda: api.app.remove_webhook(
                webhook_uuid(webhook_id),
                by=caller.account.account_id,
                actor=caller.actor,
                source=caller.source,
            )
        )
        return Response(None, status_code=204)

    @post(
        "/{webhook_id:str}/secret",
        status_code=200,
        summary="Rotate a webhook's signing secret",
        responses=problem_responses(404),
    )
    async def rotate_secret(self, caller: Caller, api: ApiContext, webhook_id: str) -> WebhookJson:
        """A new signing `secret`, in this answer only. For a day each delivery is signed
        with the old and the new secret alike (two signatures in `webhook-signature`), so the
        receiver can take the new one without missing a delivery; then with the new alone."""
        hook, secret = await api.port.run(
            lambda: api.app.rotate_webhook_secret(
                webhook_uuid(webhook_id), by=caller.account.account_id, actor=caller.actor,
                source=caller.source,
            )
        )  # fmt: skip
        return webhook_json(hook, secret)

    @get(
        "/{webhook_id:str}/deliveries",
        summary="Recent delivery attempts",
        responses=problem_responses(404),
    )
    async def deliveries(self, caller: Caller, api: ApiContext, webhook_id: str) -> AttemptsJson:
        """The newest attempts first: the message's `webhook-id`, its type, the attempt's
        number, the receiver's status code (null when it could not be reached: see `error`),
        how long it took and the first bytes of the answer."""
        found = await api.port.run(_attempts, api, caller, webhook_uuid(webhook_id))
        return AttemptsJson([attempt_json(a) for a in found])

    @post(
        "/{webhook_id:str}/test",
        status_code=200,
        summary="Send a test message now",
        responses=problem_responses(404),
    )
    async def test(self, caller: Caller, api: ApiContext, webhook_id: str) -> AttemptJson:
        """A `webhook.test` message, signed like every delivery, sent now; the answer is the
        attempt (also listed under /deliveries)."""
        target = webhook_uuid(webhook_id)
        await api.port.run(lambda: api.app.webhook_of(target, by=caller.account.account_id))
        if api.webhook_sender is None:
            raise not_found()
        outcome = await api.webhook_sender.send_test(target, caller.account)
        found = await api.port.run(api.queries.attempts_of, target, 1)
        if found:
            return attempt_json(found[0])
        return AttemptJson(
            str(target), "", "webhook.test", 1, outcome.status_code, outcome.duration_ms, "",
            outcome.response_excerpt, outcome.error,
        )  # fmt: skip
