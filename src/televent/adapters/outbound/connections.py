"""The guard a connected account's server is reached through (docs/adr/0026): a feed's
limits (adapters/outbound/feeds.py), its own User-Agent."""

from __future__ import annotations

from televent.adapters.outbound.feeds import feed_outbound
from televent.adapters.outbound.fetch import Outbound
from televent.config import Settings


def connection_outbound(settings: Settings) -> Outbound:
    return feed_outbound(settings, "connected calendar")
