"""What discovery asks for what a person typed to name their other calendar server
(domain/connections.where_to_look, RFC 6764 §5); a mirrored calendar's role; a connection's
password forgotten on removal; the credentials' checks (docs/adr/0026)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.domain.calendar import Calendar
from televent.domain.connection import Connection
from televent.domain.connections import (
    checked_password,
    checked_username,
    mirror_slug,
    where_to_look,
)
from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.sharing import Role


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


def test_a_mirrored_calendar_is_its_owners_and_stops_mirroring() -> None:
    owner = uuid.uuid4()
    calendar = Calendar(account_id=owner, slug="conn-x", properties={}, actor="a", source="s")
    assert calendar.role_of(owner) is Role.OWNER
    calendar.mirror(connection_id=uuid.uuid4(), url="https://d.example/c/", actor="a", source="s")
    assert calendar.role_of(owner) is Role.OWNER  # its changes are written back
    with pytest.raises(ConflictError):
        calendar.mirror(connection_id=uuid.uuid4(), url="https://d.example/o/", actor="a",
                        source="s")  # fmt: skip
    calendar.record_sync(added=0, changed=0, removed=0, actor="a", source="s")
    assert [type(e).__name__ for e in calendar.collect_events()][-1] == "CalendarMirrored"
    calendar.stop_mirroring(actor="a", source="s")
    assert calendar.role_of(owner) is Role.OWNER and calendar.mirrored is None


def test_a_connection_forgets_its_password_when_removed() -> None:
    connection = Connection(
        account_id=uuid.uuid4(), key="k", kind="caldav", address="anna@example.com",
        principal_url="https://d.example/p/", home_url="https://d.example/h/", username="anna",
        password="secret", calendars={"https://d.example/h/c/": str(uuid.uuid4())}, actor="a",
        source="s",
    )  # fmt: skip
    assert "secret" not in repr(connection.facts())
    connection.remove(keep_events=True, actor="a", source="s")
    assert connection.password is None and connection.calendars == {}
    removed = connection.collect_events()[-1]
    assert "secret" not in repr(vars(removed))
    with pytest.raises(NotFoundError):
        connection.remove(keep_events=False, actor="a", source="s")


@given(st.text(max_size=3))
def test_credentials_that_are_missing_or_too_long_are_refused_in_words(short: str) -> None:
    for value in ("", " ", None, 7, "x" * 1001):
        with pytest.raises(DomainError) as refused:
            checked_password(value)
        assert refused.value.wording is not None
        assert refused.value.wording[0] == "refusal-connections-no-password"
    if short.strip():
        assert checked_username(short) == short
    assert mirror_slug(uuid.UUID(int=1), "https://a/") != mirror_slug(
        uuid.UUID(int=2), "https://a/"
    )
