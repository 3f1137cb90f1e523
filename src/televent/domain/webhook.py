"""The Webhook aggregate: one address a person asked Televent to tell of changes (docs/adr/0029).

It holds the address, the triggers wanted, whether it is active, and the signing secret. Its
events are sealed with the person's key (`account_id`) like every personal fact, so erasing the
person takes the secret with them; no read model keeps the secret (the sender reads it from
here). Paused by its owner, or by Televent when a delivery kept failing for a day (the owner is
told); resumed by its owner. Its owner may rotate the secret: the old one signs beside the new
one for a day (Standard Webhooks' several signatures). Removing it forgets the secrets.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.errors import DomainError
from televent.domain.webhooks import MAX_URL_CHARS, not_found, triggers_of


class Webhook(Aggregate):
    """A webhook; `since` is the log position its deliveries start after. Its id is the `key`
    the application chose (a random UUID)."""

    @staticmethod
    def create_id(key: str) -> UUID:
        return UUID(key)

    @event("WebhookAdded")
    def __init__(
        self,
        *,
        key: str,
        account_id: UUID,
        url: str,
        triggers: tuple[str, ...],
        secret: str,
        active: bool,
        since: int,
        actor: str,
        source: str,
    ) -> None:
        self.account_id = account_id
        self.url = url
        self.triggers = triggers_of(triggers)
        self.secret: str | None = secret
        # the secret a rotation replaced, signing beside the new one until `previous_until`
        self.previous_secret: str | None = None
        self.previous_until = ""
        self.active = active
        self.paused_reason: str | None = None
        self.since = since
        self.removed = False

    def change(
        self,
        *,
        url: str | None = None,
        triggers: tuple[str, ...] | None = None,
        active: bool | None = None,
        actor: str,
        source: str,
    ) -> bool:
        """Change what is given; False (and nothing recorded) when nothing differs."""
        self._check_live()
        changes: dict[str, Any] = {}
        if url is not None and url != self.url:
            changes["url"] = url
        if triggers is not None and triggers_of(triggers) != self.triggers:
            changes["triggers"] = list(triggers_of(triggers))
        if active is not None and (active != self.active or (active and self.paused_reason)):
            changes["active"] = active
        if not changes:
            return False
        self._changed(account_id=self.account_id, changes=changes, actor=actor, source=source)
        return True

    def pause_after_failures(self, *, reason: str, actor: str, source: str) -> bool:
        """Televent pauses it: its deliveries kept failing. False if it is not active."""
        self._check_live()
        if not self.active:
            return False
        self._paused(account_id=self.account_id, reason=reason, actor=actor, source=source)
        return True

    def rotate_secret(self, *, secret: str, until: str, actor: str, source: str) -> None:
        """A new signing secret; the one it replaces still signs beside it until `until` (an
        ISO time), so the receiver can be told the new one without missing a delivery."""
        self._check_live()
        self._secret_rotated(
            account_id=self.account_id, secret=secret, previous_secret=self.secret, until=until,
            actor=actor, source=source,
        )  # fmt: skip

    def signing_secrets(self, now: str) -> list[str]:
        """The secrets each delivery is signed with at `now` (an ISO time): the current one,
        and the one a rotation replaced while it still signs."""
        if self.secret is None:
            return []
        previous = self.previous_secret if self.previous_until > now else None
        return [self.secret, *([previous] if previous else [])]

    def remove(self, *, actor: str, source: str) -> None:
        self._check_live()
        self._removed(account_id=self.account_id, actor=actor, source=source)

    def facts(self) -> dict[str, Any]:
        """What the person may be shown of it (never the secret)."""
        return {
            "url": self.url,
            "triggers": list(self.triggers),
            "active": self.active,
            "paused_reason": self.paused_reason,
        }

    def _check_live(self) -> None:
        if self.removed:
            raise not_found()

    @event("WebhookChanged")
    def _changed(
        self, *, account_id: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        if "url" in changes:
            self.url = changes["url"]
        if "triggers" in changes:
            self.triggers = tuple(changes["triggers"])
        if "active" in changes:
            self.active = bool(changes["active"])
            self.paused_reason = None

    @event("WebhookPaused")
    def _paused(self, *, account_id: UUID, reason: str, actor: str, source: str) -> None:
        self.active = False
        self.paused_reason = reason

    @event("WebhookSecretRotated")
    def _secret_rotated(
        self,
        *,
        account_id: UUID,
        secret: str,
        previous_secret: str | None,
        until: str,
        actor: str,
        source: str,
    ) -> None:
        self.secret = secret
        self.previous_secret = previous_secret
        self.previous_until = until

    @event("WebhookRemoved")
    def _removed(self, *, account_id: UUID, actor: str, source: str) -> None:
        self.removed = True
        self.secret = None
        self.previous_secret = None
        self.active = False


def checked_url(url: str) -> str:
    """The address as stored (the outbound guard checks where it leads).

    Raises:
        DomainError: empty or too long.
    """
    cleaned = url.strip()
    if not cleaned or len(cleaned) > MAX_URL_CHARS:
        raise DomainError(
            f"A webhook's address is a URL of at most {MAX_URL_CHARS} characters."
        ).worded("refusal-webhooks-url", limit=MAX_URL_CHARS)
    return cleaned
