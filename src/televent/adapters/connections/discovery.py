"""Discovery as the adapters that connect an account use it (application/connections.Discover):
the CalDAV client asks, through the outbound guard, with the credentials the person gave."""

from __future__ import annotations

from televent.adapters.connections.caldav_client import CalDavClient, Credentials
from televent.adapters.outbound import Outbound
from televent.application.connections import Discover, DiscoveredAccount, RemoteCalendarFound


def discoverer(outbound: Outbound) -> Discover:
    """Find the account behind what a person typed (a URL, an e-mail address, a domain)."""

    async def discover(typed: str, username: str, password: str) -> DiscoveredAccount:
        client = CalDavClient(outbound, Credentials(username, password))
        account = await client.discover(typed)
        return DiscoveredAccount(
            account.principal_url,
            account.home_url,
            tuple(RemoteCalendarFound(c.url, c.name, c.color) for c in account.calendars),
        )

    return discover
