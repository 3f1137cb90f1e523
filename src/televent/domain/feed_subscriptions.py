"""Subscribing to a calendar feed (webcal:// or https:// ICS): the rules that need no I/O
(docs/adr/0025).

What address a person typed means (`feed_url`), which calendar slug a feed gets
(`feed_slug`: one calendar per feed and person), how often it is fetched (`refresh_interval`:
the feed's own REFRESH-INTERVAL (RFC 7986 §5.7) or X-PUBLISHED-TTL, within bounds; hourly by
default), how long a failing feed waits before it is tried again (`backoff`), and what a
subscription's options are (`SubscriptionOptions`). The difference between what a calendar
holds and what its feed says is the import's (domain/calendar_import.py), per UID.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from icalendar import vDuration

from televent.domain.errors import DomainError, NotFoundError
from televent.domain.values import without_control_characters

MAX_URL_CHARS = 2_000
FEED_SLUG_PREFIX = "feed-"
DEFAULT_INTERVAL = dt.timedelta(hours=1)
MIN_INTERVAL = dt.timedelta(minutes=15)  # however often a feed asks to be fetched
MAX_INTERVAL = dt.timedelta(days=1)  # however rarely
FIRST_BACKOFF = dt.timedelta(minutes=5)  # a failing feed waits this long, then twice, ...
MAX_BACKOFF = dt.timedelta(days=1)
MAX_SUBSCRIPTIONS = 50  # feeds one person subscribes to
OPTIONS = ("paused", "reminders", "busy")
# The calendar's own lines before its first component: where the feed says how often to ask.
_HEADER_LINE = re.compile(
    r"^(REFRESH-INTERVAL|X-PUBLISHED-TTL)(;[^:\r\n]*)?:([^\r\n]*)", re.IGNORECASE | re.MULTILINE
)
_FIRST_COMPONENT = re.compile(r"^BEGIN:(?!VCALENDAR)", re.IGNORECASE | re.MULTILINE)
_SCHEMES = {"webcal": "https", "webcals": "https", "http": "http", "https": "https"}


@dataclass(frozen=True)
class SubscriptionOptions:
    """What the subscriber chose: paused (not fetched), reminders (off by default: a feed of
    a hundred fixtures should not ring a hundred times), busy (counts for booking links; on by
    default, so a booking never lands on a time the person's other calendar says is taken)."""

    paused: bool = False
    reminders: bool = False
    busy: bool = True

    def as_facts(self) -> dict[str, bool]:
        return {"paused": self.paused, "reminders": self.reminders, "busy": self.busy}


def not_subscribed() -> NotFoundError:
    """The refusal of a subscription's command on a calendar that shows no feed."""
    return NotFoundError("This calendar is not subscribed to a feed.").worded(
        "refusal-subscriptions-not-subscribed"
    )


def options_changed(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, bool]:
    """The options among `changes` that differ from `current` (DomainError for an unknown
    option or a value that is not true or false)."""
    unknown = set(changes) - set(OPTIONS)
    if unknown:
        raise DomainError(f"Unknown subscription option: {sorted(unknown)[0]}.").worded(
            "refusal-subscriptions-unknown-option", option=sorted(unknown)[0][:40]
        )
    changed: dict[str, bool] = {}
    for key, value in changes.items():
        if not isinstance(value, bool):
            raise DomainError(f"{key} is true or false.").worded(
                "refusal-subscriptions-not-a-switch", option=key
            )
        if bool(current.get(key)) != value:
            changed[key] = value
    return changed


def feed_url(text: str) -> str:
    """The address a feed is fetched from, from what a person typed or sent: webcal:// and
    webcals:// are https:// (as Apple's and Google's calendars read them); http:// and
    https:// stay; anything else is refused (DomainError). Whether the host may be reached is
    the outbound guard's question, asked when the feed is added and at every fetch."""
    url = text.strip()
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in _SCHEMES or not rest or any(c.isspace() for c in url):
        raise DomainError("That is not a calendar feed's address (webcal:// or https://).").worded(
            "refusal-subscriptions-not-a-url"
        )
    if len(url) > MAX_URL_CHARS:
        raise DomainError(f"A feed's address has at most {MAX_URL_CHARS} characters.").worded(
            "refusal-subscriptions-url-too-long", most=MAX_URL_CHARS
        )
    return f"{_SCHEMES[scheme.lower()]}://{rest}"


def feed_slug(url: str) -> str:
    """The slug of the calendar a feed fills: one per feed address and person (subscribing to
    the same address twice is the same calendar)."""
    return FEED_SLUG_PREFIX + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def feed_name(url: str, own: str | None = None) -> str:
    """What the calendar is called until the person renames it: the feed's own name
    (X-WR-CALNAME), else the address's host."""
    own = without_control_characters(own or "").strip()
    if own:
        return own[:200]
    return feed_host(url)[:200] or url[:200]


def feed_host(url: str) -> str:
    """The host a feed's address names (no user, password or port: what may be shown)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def refresh_interval(text: str) -> dt.timedelta:
    """How often the feed asks to be fetched (REFRESH-INTERVAL, else X-PUBLISHED-TTL, among
    the calendar's own properties), within [MIN_INTERVAL, MAX_INTERVAL]; DEFAULT_INTERVAL when
    it says nothing readable."""
    first = _FIRST_COMPONENT.search(text)
    head = text if first is None else text[: first.start()]
    found: dict[str, dt.timedelta] = {}
    for match in _HEADER_LINE.finditer(head[:20_000]):
        try:
            value: object = vDuration.from_ical(match.group(3).strip())  # type: ignore[no-untyped-call]
        except (ValueError, TypeError):
            continue
        if isinstance(value, dt.timedelta) and value > dt.timedelta(0):
            found.setdefault(match.group(1).upper(), value)
    chosen = found.get("REFRESH-INTERVAL") or found.get("X-PUBLISHED-TTL") or DEFAULT_INTERVAL
    return min(max(chosen, MIN_INTERVAL), MAX_INTERVAL)


def backoff(failures: int) -> dt.timedelta:
    """How long a feed that failed `failures` times in a row waits before the next try."""
    if failures <= 0:
        return dt.timedelta(0)
    factor: int = 2 ** min(failures - 1, 12)
    return min(FIRST_BACKOFF * factor, MAX_BACKOFF)


def refresh_counts(added: int, changed: int, removed: int, skipped: int = 0) -> str:
    """What a refresh did, in the operator's and the log's English: "3 added, 1 changed"
    ("" when nothing)."""
    counts = ((added, "added"), (changed, "changed"), (removed, "removed"), (skipped, "skipped"))
    return ", ".join(f"{count} {word}" for count, word in counts if count)
