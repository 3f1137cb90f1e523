"""Webhooks (docs/adr/0029): a person's addresses that hear of changes to the calendars they may
read and to their booking links' bookings.

Adding one records a `Webhook` aggregate with a new signing secret (returned once; only the
sealed log keeps it), changing or removing one is its owner's alone, and Televent pauses one
whose message was given up after a day of failures (the owner is told in Telegram). A webhook
may start before it was made (`since`, a log position as /api/v1/changes and the live stream
give them): the changes since then are queued for it in the same transaction
(projections/webhook_delivery.py).
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
import uuid
from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.errors import DomainError
from televent.domain.webhook import Webhook, checked_url
from televent.domain.webhooks import (
    MAX_WEBHOOKS,
    SECRET_BYTES,
    SECRET_PREFIX,
    not_found,
    triggers_of,
)
from televent.projections.webhook_delivery import MAX_REPLAY
from televent.projections.webhooks_reader import WebhookView

SECRET_OVERLAP = dt.timedelta(days=1)  # a rotated secret still signs this long
SYSTEM_ACTOR = "system:webhooks"
SYSTEM_SOURCE = "system:webhook-delivery"


class WebhookCommands(CommandCore):
    """Adding, changing, pausing and removing webhooks."""

    def add_webhook(
        self,
        account_id: UUID,
        url: str,
        triggers: list[str],
        *,
        active: bool = True,
        since: int | None = None,
        actor: str,
        source: str,
    ) -> tuple[UUID, str]:
        """Record a webhook; returns its id and its secret (`whsec_…`, shown once).

        Raises:
            DomainError: a bad address or trigger list, too many webhooks, or a `since`
                after the head of the log or too far before it.
        """
        address = checked_url(url)
        wanted = triggers_of(triggers)
        if self.queries.webhook_count(account_id) >= MAX_WEBHOOKS:
            raise DomainError(f"You can have at most {MAX_WEBHOOKS} webhooks.").worded(
                "refusal-webhooks-too-many", most=MAX_WEBHOOKS
            )
        head = self.queries.log_head()
        start = head if since is None else since
        if start < max(head - MAX_REPLAY, 0) or start > head:
            raise DomainError(
                f"since must be a position between {max(head - MAX_REPLAY, 0)} and {head}."
            ).worded("refusal-webhooks-since", low=max(head - MAX_REPLAY, 0), high=head)
        secret = _new_secret()
        webhook = Webhook(
            key=str(uuid.uuid4()), account_id=account_id, url=address, triggers=wanted,
            secret=secret, active=active, since=start, actor=actor, source=source,
        )  # fmt: skip
        self.save_all(webhook)
        return webhook.id, secret

    def change_webhook(
        self,
        webhook_id: UUID,
        *,
        by: UUID,
        url: str | None = None,
        triggers: list[str] | None = None,
        active: bool | None = None,
        actor: str,
        source: str,
    ) -> WebhookView:
        """Change what is given (resuming a paused webhook with `active`); only its owner."""
        webhook = self._webhook_of(webhook_id, by)
        changed = webhook.change(
            url=None if url is None else checked_url(url),
            triggers=None if triggers is None else tuple(triggers),
            active=active, actor=actor, source=source,
        )  # fmt: skip
        if changed:
            self.save_all(webhook)
        return self.webhook_of(webhook_id, by=by)

    def remove_webhook(self, webhook_id: UUID, *, by: UUID, actor: str, source: str) -> None:
        """Remove it (its undelivered messages go with it, in the same transaction: the
        webhook_delivery projection); only its owner."""
        webhook = self._webhook_of(webhook_id, by)
        webhook.remove(actor=actor, source=source)
        self.save_all(webhook)

    def pause_webhook(self, webhook_id: UUID, *, reason: str) -> bool:
        """Televent pauses a webhook whose message was given up (its owner is told); False if
        it was paused or removed meanwhile."""
        webhook: Webhook = self._get(webhook_id, Webhook, "Webhook")
        if webhook.removed or not webhook.pause_after_failures(
            reason=reason[:300], actor=SYSTEM_ACTOR, source=SYSTEM_SOURCE
        ):
            return False
        self.save_all(webhook)
        return True

    def webhook_of(self, webhook_id: UUID, *, by: UUID) -> WebhookView:
        """The webhook as its owner sees it (NotFoundError for anyone else's)."""
        found = self.queries.webhook(webhook_id)
        if found is None or found.account_id != by:
            raise not_found()
        return found

    def webhook_secret(self, webhook_id: UUID) -> tuple[UUID, list[str]]:
        """The owner and the signing secrets the sender signs with now (the current one, and
        one a rotation replaced less than a day ago), read from the sealed log; NotFoundError
        once the webhook is removed or its owner erased."""
        webhook: Webhook = self._get(webhook_id, Webhook, "Webhook")
        if webhook.removed or webhook.secret is None:
            raise not_found()
        return webhook.account_id, webhook.signing_secrets(self.clock().isoformat())

    def rotate_webhook_secret(
        self, webhook_id: UUID, *, by: UUID, actor: str, source: str
    ) -> tuple[WebhookView, str]:
        """A new signing secret (shown once); the old one signs beside it for a day
        (SECRET_OVERLAP), so the receiver can take the new one without missing a delivery.
        Only its owner."""
        webhook = self._webhook_of(webhook_id, by)
        secret = _new_secret()
        until = (self.clock() + SECRET_OVERLAP).isoformat()
        webhook.rotate_secret(secret=secret, until=until, actor=actor, source=source)
        self.save_all(webhook)
        return self.webhook_of(webhook_id, by=by), secret

    def _webhook_of(self, webhook_id: UUID, by: UUID) -> Webhook:
        self.webhook_of(webhook_id, by=by)
        webhook: Webhook = self._get(webhook_id, Webhook, "Webhook")
        if webhook.removed:
            raise not_found()
        return webhook


def _new_secret() -> str:
    """A signing secret as Standard Webhooks writes one (`whsec_` and base64)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()
