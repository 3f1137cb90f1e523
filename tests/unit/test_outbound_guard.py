"""Which addresses a request to a URL a person chose may reach (adapters/outbound/guard.py)."""

from __future__ import annotations

import ipaddress

import pytest

from televent.adapters.i18n import said
from televent.adapters.outbound import OutboundError, address_refusal
from televent.adapters.outbound.guard import parse_target, scheme_refusal
from televent.config import Settings

REFUSED = [
    ("127.0.0.1", "loopback"),
    ("127.255.255.254", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("172.31.255.255", "private"),
    ("192.168.1.1", "private"),
    ("100.64.0.1", "shared (carrier-grade NAT)"),
    ("100.127.255.254", "shared (carrier-grade NAT)"),
    ("169.254.169.254", "link-local"),  # cloud metadata
    ("169.254.0.1", "link-local"),
    ("0.0.0.0", "unspecified"),
    ("0.1.2.3", "unspecified"),
    ("192.0.0.170", "reserved"),
    ("192.0.2.1", "documentation"),
    ("198.51.100.7", "documentation"),
    ("203.0.113.9", "documentation"),
    ("198.18.0.1", "benchmarking"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1", "link-local"),
    ("fe80::1%eth0", "link-local"),
    ("fc00::1", "private"),
    ("fd00:ec2::254", "private"),  # a cloud's IPv6 metadata service
    ("ff02::1", "multicast"),
    ("fec0::1", "reserved"),  # site-local, deprecated
    ("100::1", "reserved"),  # discard-only
    ("2001:db8::1", "documentation"),
    ("2001::1", "reserved"),  # Teredo
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
    ("::ffff:10.0.0.1", "private"),
    ("::ffff:169.254.169.254", "link-local"),
    ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
    ("64:ff9b::7f00:1", "loopback"),
    ("2002:7f00:1::1", "loopback"),  # 6to4 of 127.0.0.1
    ("2002:c0a8:101::1", "private"),  # 6to4 of 192.168.1.1
    ("::7f00:1", "reserved"),  # IPv4-compatible, deprecated
]

ALLOWED = [
    "1.1.1.1",
    "8.8.8.8",
    "93.184.216.34",
    "100.63.255.255",  # just below the shared range
    "100.128.0.1",  # just above it
    "172.15.255.255",
    "172.32.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",  # NAT64 of 8.8.8.8
    "2002:808:808::1",  # 6to4 of 8.8.8.8
]


@pytest.mark.parametrize(("address", "kind"), REFUSED)
def test_addresses_off_the_public_internet_are_refused(address: str, kind: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("scheme", ["ftp", "file", "gopher", "webcal", "javascript", "dict"])
def test_only_web_schemes_are_targets(scheme: str) -> None:
    with pytest.raises(OutboundError) as refused:
        parse_target(scheme, "example.org", None, f"{scheme}://example.org/")
    assert refused.value.reason == "scheme"
    assert f"{scheme}:" in said(refused.value, "en")


def test_a_caller_may_ask_for_https_only() -> None:
    target = parse_target("http", "example.org", None, "http://example.org/")
    assert target.port == 80
    refusal = scheme_refusal(target, frozenset({"https"}))
    assert refusal is not None
    assert refusal.reason == "scheme"
    assert said(refusal, "en") == "Televent does not open http:// addresses here; use https://."
    assert scheme_refusal(target, frozenset({"http", "https"})) is None


def test_the_operator_switch_is_read_from_the_environment() -> None:
    assert Settings.from_environment({}).outbound_allow_private is False
    for on in ("1", "on", "true"):
        environ = {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": on}
        assert Settings.from_environment(environ).outbound_allow_private is True
    environ = {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "0"}
    assert Settings.from_environment(environ).outbound_allow_private is False
