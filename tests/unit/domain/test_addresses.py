"""An account's calendar addresses and the internal address `tg_<id>@<domain>`, built and read
in one place (televent/domain/values.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from televent.domain.values import (
    account_address_keys,
    account_addresses,
    internal_address,
    internal_address_pattern,
    internal_uri,
    normalize_address,
    telegram_id_of,
)

DOMAIN = "televent.internal"
domains = st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){0,2}", fullmatch=True)


@given(telegram_id=st.integers(0, 10**15), domain=domains, upper=st.booleans())
def test_internal_addresses_round_trip(telegram_id: int, domain: str, upper: bool) -> None:
    address = internal_address(telegram_id, domain.upper() if upper else domain)
    assert telegram_id_of(address, domain) == telegram_id
    assert telegram_id_of(internal_uri(telegram_id, domain), domain.upper()) == telegram_id
    assert telegram_id_of(f"  MAILTO:{address.upper()} ", domain) == telegram_id
    match = internal_address_pattern(domain).fullmatch(normalize_address(address))
    assert match is not None and int(match.group(1)) == telegram_id


@given(local=st.from_regex(r"[a-z0-9._+-]{1,20}", fullmatch=True), domain=domains)
def test_other_addresses_are_nobody_internal(local: str, domain: str) -> None:
    if local.startswith("tg_") and local[3:].isdigit():
        return
    assert telegram_id_of(f"mailto:{local}@{domain}", domain) is None


def test_only_the_internal_domain_counts() -> None:
    assert telegram_id_of("mailto:tg_7@example.com", DOMAIN) is None
    assert telegram_id_of("mailto:tg_7@televent.internal.example", DOMAIN) is None
    assert telegram_id_of("mailto:tg_x@televent.internal", DOMAIN) is None
    assert telegram_id_of("tg_7@televentXinternal", DOMAIN) is None  # the dot is literal


def test_an_accounts_addresses_in_one_order() -> None:
    emails = ("ann@example.com", "a.n@example.org")
    assert account_addresses(42, emails, DOMAIN) == [
        "mailto:tg_42@televent.internal",
        "mailto:ann@example.com",
        "mailto:a.n@example.org",
    ]
    assert account_address_keys(42, emails, "Televent.Internal") == [
        "tg_42@televent.internal",
        "ann@example.com",
        "a.n@example.org",
    ]
    assert [normalize_address(a) for a in account_addresses(42, emails, DOMAIN)] == (
        account_address_keys(42, emails, DOMAIN)
    )
