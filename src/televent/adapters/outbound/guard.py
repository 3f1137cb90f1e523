"""Which addresses a request to an address a person chose may reach: the decision alone.

No I/O here: `fetch.py` resolves names and connects; this module says whether a URL is one
Televent fetches at all (`parse_target`) and whether an IP address it resolved to may be
connected to (`address_refusal`). Only addresses of the public Internet pass: loopback,
private, shared (CGNAT), link-local (where cloud metadata services answer), multicast,
documentation, benchmarking, reserved and unspecified ones are refused, and so is an IPv6
address that embeds one of those IPv4 addresses (IPv4-mapped, NAT64, 6to4). Whether a refusal
is enforced is the caller's choice (`TELEVENT_OUTBOUND_ALLOW_PRIVATE`, docs/adr/0023).
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass

from televent.domain.errors import DomainError

LOG = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

WEB_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}


class OutboundError(DomainError):
    """A request to an address a person chose was refused or failed; `reason` says which way:
    `not-a-url`, `scheme`, `private-address`, `redirects`, `too-large`, `timeout`, `connect`.

    Its message is English, for logs and the operator; `wording` names the catalogue message
    that says it to the person (`refusal-outbound-*`)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


# IANA's special-purpose registries (RFC 6890 and its updates) and the other ranges that are
# not the public Internet. An IPv6 address must also be global unicast (2000::/3).
_IPV4_REFUSED: tuple[tuple[ipaddress.IPv4Network, str], ...] = tuple(
    (ipaddress.IPv4Network(network), kind)
    for network, kind in (
        ("0.0.0.0/8", "unspecified"),  # "this network"
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),  # cloud metadata services: 169.254.169.254
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),  # IETF protocol assignments
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "reserved"),  # 6to4 relay anycast
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),  # and 255.255.255.255, broadcast
    )
)
_IPV6_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_IPV6_UNIQUE_LOCAL = ipaddress.IPv6Network("fc00::/7")
_IPV6_REFUSED: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(network), kind)
    for network, kind in (
        ("2001::/23", "reserved"),  # IETF protocol assignments, Teredo among them
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def address_refusal(address: IPAddress) -> str | None:
    """Why `address` must not be connected to ("loopback", "private", "link-local", ...), or
    None when it is an address of the public Internet."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return address_refusal(embedded)
        return _ipv6_refusal(address)
    for network, kind in _IPV4_REFUSED:
        if address in network:
            return kind
    if not address.is_global:  # whatever this Python knows beyond the table
        return "reserved"
    return None


def _ipv6_refusal(address: ipaddress.IPv6Address) -> str | None:
    checks = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address in _IPV6_UNIQUE_LOCAL, "private"),
        (address.is_multicast, "multicast"),
        (address not in _IPV6_GLOBAL_UNICAST, "reserved"),
        *((address in network, kind) for network, kind in _IPV6_REFUSED),
        (not address.is_global, "reserved"),  # whatever this Python knows beyond the table
    )
    return next((kind for refused, kind in checks if refused), None)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, NAT64, 6to4), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def parse_address(text: str) -> IPAddress | None:
    """`text` as an IP address (an IPv6 zone, `%eth0`, kept), or None if it is a name."""
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Target:
    """Where a URL points: its scheme, its host as sent on the wire (IDNA, no brackets) and
    its port."""

    scheme: str
    host: str
    port: int


def parse_target(scheme: str, host: str, port: int | None, url: str) -> Target:
    """The target of a URL already split into parts, refused unless it is http(s) with a host.

    Raises:
        OutboundError: `not-a-url` without a host, `scheme` for any scheme but http(s).
    """
    scheme = scheme.lower()
    if scheme not in WEB_SCHEMES:
        shown = f"{scheme}:" if scheme else url
        raise OutboundError(
            f"{shown} is not a web address Televent fetches (http:// or https://).", "scheme"
        ).worded("refusal-outbound-scheme", scheme=shown, allowed="https://")
    if not host:
        raise OutboundError(f"{url!r} is not a web address.", "not-a-url").worded(
            "refusal-outbound-not-a-url", url=url
        )
    return Target(scheme, host.lower(), port or DEFAULT_PORTS[scheme])


def scheme_refusal(target: Target, schemes: frozenset[str]) -> OutboundError | None:
    """The refusal of a target whose scheme the caller does not accept, or None."""
    if target.scheme in schemes:
        return None
    allowed = ", ".join(f"{s}://" for s in sorted(schemes))
    return OutboundError(
        f"{target.scheme}:// addresses are not accepted here, only {allowed}.", "scheme"
    ).worded("refusal-outbound-scheme", scheme=f"{target.scheme}://", allowed=allowed)


def private_refusal(host: str, address: IPAddress, kind: str) -> OutboundError:
    """The refusal of `host`, which resolved to `address`, an address of kind `kind`. It
    does not name the address: a person who may not reach the network must not learn its
    names' addresses from the refusal (the operator's log has them)."""
    LOG.info("Refused %s: it resolved to %s, a %s address", host, address, kind)
    return OutboundError(
        f"{host} leads to an address on a private or local network ({kind}), which Televent "
        "does not connect to.",
        "private-address",
    ).worded("refusal-outbound-private", host=host)
