"""The guard WebDAV-Push messages and webhooks are sent through (docs/adr/0027, 0029): the
operator's switch for private addresses, a short time limit, a small cap on the answer (a push
service or a webhook receiver has little to say), and no redirects followed."""

from __future__ import annotations

from televent.adapters.outbound.fetch import Outbound
from televent.config import Settings
from televent.domain.webhooks import MAX_RESPONSE_BYTES, TIMEOUT_SECONDS


def notification_outbound(settings: Settings, purpose: str) -> Outbound:
    """`TELEVENT_OUTBOUND_ALLOW_PRIVATE`; the User-Agent names the `purpose`
    ("WebDAV-Push", "webhooks")."""
    return Outbound(
        allow_private=settings.outbound_allow_private,
        max_bytes=MAX_RESPONSE_BYTES,
        timeout_seconds=TIMEOUT_SECONDS,
        max_redirects=0,
        user_agent=f"Televent ({purpose})",
    )
