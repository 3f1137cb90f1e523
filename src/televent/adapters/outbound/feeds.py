"""The guard subscribed feeds are fetched through, from the operator's settings (docs/adr/0025):
the API and the bot check a feed's address with it when it is added (`checked_feed_url`), the
refresh job fetches with it."""

from __future__ import annotations

from televent.adapters.outbound.fetch import Outbound
from televent.config import Settings
from televent.domain.feed_subscriptions import feed_url


def feed_outbound(settings: Settings, purpose: str = "calendar subscription") -> Outbound:
    """`TELEVENT_OUTBOUND_ALLOW_PRIVATE`, `TELEVENT_FEED_MAX_BYTES`, `TELEVENT_FEED_TIMEOUT`;
    the User-Agent names the `purpose`."""
    return Outbound(
        allow_private=settings.outbound_allow_private,
        max_bytes=settings.feed_max_bytes,
        timeout_seconds=settings.feed_timeout_seconds,
        user_agent=f"Televent ({purpose})",
    )


async def checked_feed_url(outbound: Outbound, typed: str) -> str:
    """The feed's address as it is stored (webcal:// is https://), once the guard let it
    through: no private or local network (docs/adr/0023). Every way of subscribing asks this.

    Raises:
        DomainError: not a feed's address (domain/feed_subscriptions.feed_url).
        OutboundError: the guard refused it.
    """
    address = feed_url(typed)
    await outbound.check_url(address)
    return address
