"""Requests Televent sends to addresses people chose (feeds, other CalDAV servers, push,
webhooks): all of them go through this one guard (docs/adr/0023).

`guard.py` decides, without any I/O, whether a URL's scheme and an IP address may be
connected to; `fetch.py` resolves a name once, checks every address it resolved to, connects
to a checked address (keeping the name for the Host header, SNI and the certificate), follows
at most a few redirects re-checking each, and bounds the size and the time of the answer.
Every refusal is an `OutboundError` whose `reason` says why.
"""

from televent.adapters.outbound.fetch import (
    Answer,
    Outbound,
    Resolver,
    basic_authorization,
    system_resolver,
)
from televent.adapters.outbound.guard import OutboundError, address_refusal

__all__ = [
    "Answer",
    "Outbound",
    "OutboundError",
    "Resolver",
    "address_refusal",
    "basic_authorization",
    "system_resolver",
]
