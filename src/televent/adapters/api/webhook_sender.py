"""The webhook sender (docs/adr/0029): the leader's job that delivers what the webhook queue holds.

Each round claims the due messages of active webhooks (at most 20 of one webhook's) and
delivers them, one webhook's in order, stopping at its first failure, and several webhooks at
once, each through the outbound guard (docs/adr/0023) with a
time limit and a cap on the answer read, so a slow, huge or failing receiver holds up only its
own messages. A message's body is made at its first attempt and then kept: `{"type", "timestamp",
"data"}`, `data` the event as `GET /api/v1/events/{id}` shows it to the webhook's owner (in their
zone; a deleted one as `{"id", "calendar", "uid", "deleted": true}`), or the booking as
`GET /api/v1/bookings` does. It is signed as the Standard Webhooks specification says
(`webhook-id`, the message's stable id; `webhook-timestamp`; `webhook-signature`, HMAC-SHA256
with the webhook's secret). A 2xx answer delivers it; anything else is retried on the
specification's schedule for a little over a day, then given up, and the webhook is paused
(its owner is told in Telegram).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import time
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from televent.adapters.api.availability import booking_item
from televent.adapters.api.event_json import event_json, lead_component, recurrence_of
from televent.adapters.outbound import Outbound, OutboundError
from televent.adapters.outbound.rounds import each_on_its_own, keep_sending
from televent.adapters.port import AppPort
from televent.application.televent import Televent
from televent.delivery.webhook_queue import Message, Outcome, WebhookQueue
from televent.domain.errors import ConflictError, ForbiddenError, NotFoundError
from televent.domain.sharing import Action
from televent.domain.webhooks import (
    RESPONSE_EXCERPT_BYTES,
    signature_header,
)
from televent.domain.zones import zone_or_utc
from televent.projections.agenda_reader import AgendaReader
from televent.projections.bookings_reader import booking_of_row
from televent.projections.queries import AccountView, ObjectView

LOG = logging.getLogger(__name__)
ROUND = 200  # messages taken per round
AT_ONCE = 8  # webhooks delivered to at the same time
# how long one webhook's messages of a round are sent for: the rest wait for a later round, so
# no message is sent after its lease ended (delivery.webhook_queue.LEASE, 60 s) and a slow
# receiver's backlog holds up the round for less than a minute
GROUP_SECONDS = 40
HTTPS_ONLY = frozenset({"https"})
TEST = "webhook.test"


def payload(
    app: Televent, owner: AccountView, trigger: str, occurred_at: str, subject: dict[str, Any]
) -> str:
    """The body of a message, as its owner's API shows what it is about."""
    body = {"type": trigger, "timestamp": occurred_at, "data": _data(app, owner, subject)}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _data(app: Televent, owner: AccountView, subject: dict[str, Any]) -> dict[str, Any]:
    zone = zone_or_utc(owner.timezone)
    if subject.get("kind") == "booking":
        return booking_item(booking_of_row({**subject, "token": ""}), zone)
    if subject.get("kind") != "event":
        return dict(subject)
    if subject.get("deleted"):
        return {
            "id": subject["event_id"],
            "calendar": subject["calendar_id"],
            "uid": subject.get("uid"),
            "deleted": True,
        }
    resource = ObjectView(
        calendar_id=UUID(subject["calendar_id"]),
        href=subject["href"],
        uid=subject["uid"],
        event_id=UUID(subject["event_id"]),
        component="VEVENT",
        etag=subject["etag"],
        ical=subject["ical"],
        position=0,
        modified_at=subject.get("modified_at") or "",
    )
    component = lead_component(resource.ical)
    mine = set(AgendaReader(app.queries, app.internal_domain).addresses(owner))
    data: dict[str, Any] = dict(
        event_json(
            component,
            resource,
            recurrence=recurrence_of(resource.ical),
            mine=mine,
            zone=zone,
            owned=True,
        )
    )
    if "answers" in subject:
        data["answers"] = subject["answers"]  # rsvp.changed: whose answer, and which
    return data


class WebhookSender:
    """Delivers the webhook queue's messages."""

    def __init__(
        self, app: Televent, queue: WebhookQueue, outbound: Outbound, port: AppPort | None = None
    ) -> None:
        self.app = app
        self.queue = queue
        self.outbound = outbound
        self.port = port or AppPort(2)

    async def run_once(self) -> int:
        """Deliver what is due (up to a round's worth); returns how many messages."""
        for webhook_id, reason in await self.port.run(self.queue.given_up_unpaused):
            LOG.warning("Webhook %s paused: a message was given up (%s)", webhook_id, reason)
            with contextlib.suppress(ConflictError):  # changed meanwhile: looked at again
                await self.port.run(self.app.pause_webhook, UUID(webhook_id), reason=reason)
        messages = await self.port.run(self.queue.claim, ROUND)
        by_webhook = [
            list(group)
            for _, group in itertools.groupby(
                sorted(messages, key=lambda m: (m.webhook_id, m.position)),
                key=lambda m: m.webhook_id,
            )
        ]
        await each_on_its_own(
            by_webhook, self._deliver_all, at_once=AT_ONCE, log=LOG,
            what=lambda group: f"Delivery to webhook {group[0].webhook_id}",
        )  # fmt: skip
        return len(messages)

    async def run_forever(self, interval: float = 0.25) -> None:
        """Deliver, and look again soon; a failing round never ends the loop."""
        await keep_sending(
            self.run_once, idle=interval, log=LOG, what="A round of webhook deliveries"
        )

    async def _deliver_all(self, messages: Sequence[Message]) -> None:
        webhook_id = UUID(messages[0].webhook_id)
        try:
            owner_id, secrets = await self.port.run(self.app.webhook_secret, webhook_id)
        except NotFoundError:
            return  # removed meanwhile (its messages went with it)
        owner = await self.port.run(self.app.queries.account_by_id, owner_id)
        if owner is None:
            return
        until = time.monotonic() + GROUP_SECONDS
        for sent, message in enumerate(messages):
            # read before each message: paused (or removed) meanwhile, it is sent no more
            hook = await self.port.run(self.app.queries.webhook, webhook_id)
            if time.monotonic() > until or hook is None or not hook.active:
                await self.port.run(self.queue.release, messages[sent:])
                return  # the rest go in a later round (or when it is resumed)
            if not await self.port.run(self._still_theirs, owner, message):
                await self.port.run(self.queue.withdraw, message)
                continue
            body = message.body
            if body is None:
                body = await self.port.run(
                    payload, self.app, owner, message.trigger, message.occurred_at,
                    message.subject,
                )  # fmt: skip
            outcome = await self.post(hook.url, secrets, message.message_id, body)
            given_up = await self.port.run(self.queue.settle, message, body, outcome)
            if given_up:
                reason = outcome.error or f"HTTP {outcome.status_code}"
                LOG.warning("Webhook %s paused: a message was given up (%s)", webhook_id, reason)
                await self.port.run(self.app.pause_webhook, webhook_id, reason=reason)
                return
            if not outcome.delivered:
                # a receiver that failed is not asked again this round: the rest wait, in
                # order, behind this message's retry (each could take the whole time limit)
                await self.port.run(self.queue.release, messages[sent + 1 :])
                return

    def _still_theirs(self, owner: AccountView, message: Message) -> bool:
        """Whether the webhook's owner may still read the calendar a message tells of (the
        one rule, `require_access`): one removed from a shared calendar, or whose role no
        longer lets them see it, is sent none of the changes still queued or retried. A
        calendar deleted since tells only of its events' deletion."""
        calendar = message.subject.get("calendar_id")
        if message.subject.get("kind") != "event" or not isinstance(calendar, str):
            return True  # a booking of their own link
        calendar_id = UUID(calendar)
        if self.app.queries.calendar(calendar_id) is None:
            return bool(message.subject.get("deleted"))
        try:
            self.app.require_access(owner.account_id, calendar_id, Action.READ)
        except (NotFoundError, ForbiddenError):
            return False
        return True

    async def post(self, url: str, secrets: list[str], message_id: str, body: str) -> Outcome:
        """One attempt: the request signed with each of `secrets` and what came of it."""
        timestamp = int(time.time())
        content = body.encode()
        headers = {
            "Content-Type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature_header(secrets, message_id, timestamp, content),
        }
        started = time.monotonic()
        try:
            answer = await self.outbound.fetch(
                url, method="POST", headers=headers, content=content, schemes=HTTPS_ONLY
            )
        except OutboundError as exc:
            return Outcome(None, _since(started), None, f"{exc.reason}: {exc}")
        excerpt = answer.body[:RESPONSE_EXCERPT_BYTES].decode("utf-8", "replace")
        return Outcome(answer.status, _since(started), excerpt or None, None)

    async def send_test(self, webhook_id: UUID, owner: AccountView) -> Outcome:
        """Deliver a `webhook.test` message now (its attempt is recorded with the others)."""
        _, secrets = await self.port.run(self.app.webhook_secret, webhook_id)
        hook = await self.port.run(self.app.queries.webhook, webhook_id) or _gone()
        now = self.app.clock()
        message = Message(
            message_id=f"msg_test_{webhook_id.hex[:8]}_{int(now.timestamp() * 1000)}",
            webhook_id=str(webhook_id), account_id=str(owner.account_id), trigger=TEST,
            position=0, occurred_at=now.isoformat(), subject={"webhook": str(webhook_id)},
            body=None, attempts=0,
        )  # fmt: skip
        body = json.dumps(
            {"type": TEST, "timestamp": now.isoformat(), "data": {"webhook": str(webhook_id)}},
            separators=(",", ":"),
        )
        outcome = await self.post(hook.url, secrets, message.message_id, body)
        await self.port.run(self.queue.record_test, message, outcome)
        return outcome


def _gone() -> Any:
    raise NotFoundError("No such webhook.").worded("refusal-webhooks-not-found")


def _since(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
