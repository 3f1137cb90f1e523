"""The rules of subscribed feeds that need no I/O (domain/feed_subscriptions.py): what an
address typed means, how often a feed is fetched, how a failing one backs off."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.domain.errors import DomainError
from televent.domain.feed_subscriptions import (
    MAX_BACKOFF,
    MAX_INTERVAL,
    MIN_INTERVAL,
    backoff,
    feed_host,
    feed_name,
    feed_slug,
    feed_url,
    options_changed,
    refresh_interval,
)

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
EVENT = "BEGIN:VEVENT\r\nUID:a\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1M\r\nEND:VEVENT\r\n"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("webcal://example.org/h.ics", "https://example.org/h.ics"),
        ("  WEBCALS://example.org/h.ics ", "https://example.org/h.ics"),
        ("http://example.org/h.ics", "http://example.org/h.ics"),
        ("https://calendar.google.com/calendar/ical/x/private-y/basic.ics",
         "https://calendar.google.com/calendar/ical/x/private-y/basic.ics"),
    ],
)  # fmt: skip
def test_webcal_means_https_and_web_addresses_stay(typed: str, meant: str) -> None:
    assert feed_url(typed) == meant


@pytest.mark.parametrize(
    "typed", ["", "example.org/h.ics", "ftp://example.org/h.ics", "https://", "https://a b/c"]
)
def test_anything_else_is_refused_in_words(typed: str) -> None:
    with pytest.raises(DomainError) as refused:
        feed_url(typed)
    assert refused.value.wording is not None
    assert refused.value.wording[0] == "refusal-subscriptions-not-a-url"


def test_a_very_long_address_is_refused() -> None:
    with pytest.raises(DomainError):
        feed_url("https://example.org/" + "a" * 2_100)


def test_one_slug_per_address_and_a_name_without_secrets() -> None:
    assert feed_slug("https://a.example/x") == feed_slug("https://a.example/x")
    assert feed_slug("https://a.example/x") != feed_slug("https://a.example/y")
    url = "https://user:secret@cal.example.org:8443/p.ics"
    assert feed_host(url) == "cal.example.org" and feed_name(url) == "cal.example.org"
    assert feed_name(url, " Holidays ") == "Holidays"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("", dt.timedelta(hours=1)),
        ("X-PUBLISHED-TTL:PT4H\r\n", dt.timedelta(hours=4)),
        ("X-PUBLISHED-TTL:PT4H\r\nREFRESH-INTERVAL;VALUE=DURATION:PT2H\r\n", dt.timedelta(hours=2)),
        ("REFRESH-INTERVAL;VALUE=DURATION:PT1M\r\n", MIN_INTERVAL),
        ("X-PUBLISHED-TTL:P1W\r\n", MAX_INTERVAL),
        ("X-PUBLISHED-TTL:soon\r\n", dt.timedelta(hours=1)),
        ("X-PUBLISHED-TTL:-PT1H\r\n", dt.timedelta(hours=1)),
    ],
)  # fmt: skip
def test_the_feed_says_how_often_within_bounds(head: str, expected: dt.timedelta) -> None:
    # the component's own REFRESH-INTERVAL is not the calendar's
    assert refresh_interval(HEAD + head + EVENT + "END:VCALENDAR\r\n") == expected


@given(st.integers(min_value=1, max_value=10_000))
def test_the_back_off_doubles_and_is_bounded(failures: int) -> None:
    wait = backoff(failures)
    assert dt.timedelta(minutes=5) <= wait <= MAX_BACKOFF
    assert backoff(failures + 1) >= wait
    assert backoff(failures + 1) in (wait * 2, MAX_BACKOFF)


def test_options_are_switches_and_only_changes_count() -> None:
    current = {"paused": False, "reminders": False, "busy": True}
    assert options_changed(current, {"paused": True, "busy": True}) == {"paused": True}
    with pytest.raises(DomainError):
        options_changed(current, {"colour": True})
    with pytest.raises(DomainError):
        options_changed(current, {"paused": "yes"})


def test_a_feeds_own_name_is_stored_without_control_characters() -> None:
    # a NUL in X-WR-CALNAME became the calendar's name, which PostgreSQL cannot store
    assert feed_name("https://example.com/a.ics", "Te\x00am\x0bplans") == "Te am plans"
    assert feed_name("https://example.com/a.ics", "\x00\x01") == "example.com"
