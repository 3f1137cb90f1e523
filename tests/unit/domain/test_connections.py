"""What discovery asks for what a person typed to name their other calendar server
(domain/connections.where_to_look, RFC 6764 §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.domain.connections import where_to_look
from televent.domain.errors import DomainError


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("anna@fastmail.com", ["https://fastmail.com/.well-known/caldav"]),
        ("  Example.ORG. ", ["https://example.org/.well-known/caldav"]),
        (
            "https://dav.example.com/caldav/",
            ["https://dav.example.com/caldav/", "https://dav.example.com/.well-known/caldav"],
        ),
        (
            "HTTPS://cloud.example.com",
            ["https://cloud.example.com/", "https://cloud.example.com/.well-known/caldav"],
        ),
        ("https://x.example/.well-known/caldav", ["https://x.example/.well-known/caldav"]),
        (
            "http://192.0.2.1:5232/",
            ["http://192.0.2.1:5232/", "http://192.0.2.1:5232/.well-known/caldav"],
        ),
    ],
)
def test_what_is_asked_for_what_was_typed(typed: str, asked: list[str]) -> None:
    assert where_to_look(typed) == asked


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "localhost",
        "anna@",
        "ftp://example.com/",
        "https://",
        "a b.com",
        "x" * 2001,
        "webcal://example.com/cal.ics",
        "exa\x00mple.com",
    ],
)
def test_what_names_no_server_is_refused_with_words(typed: str) -> None:
    with pytest.raises(DomainError) as refused:
        where_to_look(typed)
    assert refused.value.wording is not None
    assert refused.value.wording[0] == "refusal-connections-not-a-server"


@given(st.text(max_size=300))
def test_anything_typed_is_either_refused_or_gives_web_addresses(typed: str) -> None:
    try:
        asked = where_to_look(typed)
    except DomainError:
        return
    assert asked and all(url.startswith(("https://", "http://")) for url in asked)
    assert all(not any(ch.isspace() for ch in url) for url in asked)
