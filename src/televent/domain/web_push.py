"""WebDAV-Push (draft-bitfire-webdav-push-00): the rules that need no I/O (docs/adr/0027).

Which collections can be subscribed to and what each one's topic is (`Collection`, `topic_of`),
what a registration asks for once the draft's relaxed rules are applied (`Registration`:
a missing trigger is content-update depth 1, as DAVx5 up to 4.5 registers; a missing content
encoding is aes128gcm; unsupported depths fall back to the supported ones), how long it lasts
(`expiry`: what the client asked for, within bounds), how urgent a push message is
(`urgency`) and how long a push service may keep it (`TIME_TO_LIVE`), and how long a failing
delivery waits (`backoff`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import Enum

from televent.domain.calendar_reading import read_calendar
from televent.domain.errors import DomainError
from televent.domain.event_times import component_times
from televent.domain.occurrences import EXPANSION_ERRORS, occurrences_between

NAMESPACE = "https://bitfire.at/webdav-push"
CONTENT_ENCODING = "aes128gcm"  # RFC 8291: the only one the draft names
DEFAULT_LIFETIME = dt.timedelta(days=7)
MIN_LIFETIME = dt.timedelta(hours=1)
MAX_LIFETIME = dt.timedelta(days=30)
TIME_TO_LIVE = dt.timedelta(days=1)  # how long a push service keeps a message for an offline phone
URGENT_WITHIN = dt.timedelta(minutes=15)  # a change to an event starting this soon is urgent
MERGE_WINDOW = dt.timedelta(seconds=0.5)  # changes to one collection within this: one message
FIRST_BACKOFF = dt.timedelta(seconds=5)
MAX_BACKOFF = dt.timedelta(hours=1)
GIVE_UP_AFTER = 16  # failed attempts in a row (about a day at the longest back-off)
MAX_RESOURCE_CHARS = 2_000
MAX_REGISTRATIONS = 50  # per account and collection (each device registers once)
P256_POINT_BYTES = 65  # an uncompressed P-256 public key (X9.62)
AUTH_SECRET_BYTES = 16  # RFC 8291 §3.2


class Kind(Enum):
    """The collections that take registrations: calendars (each member's view of a shared one
    too), a calendar home (calendars added or removed) and a scheduling inbox (items
    arriving)."""

    CALENDAR = "calendar"
    HOME = "home"
    INBOX = "inbox"


@dataclass(frozen=True)
class Collection:
    """A collection push messages are about: its kind and the id it belongs to (the calendar's
    for a calendar, the account's for a home or an inbox)."""

    kind: Kind
    owner_id: str

    @property
    def key(self) -> str:
        """How the collection is stored: `calendar:<id>`, `home:<account>`, `inbox:<account>`."""
        return f"{self.kind.value}:{self.owner_id}"

    @classmethod
    def from_key(cls, key: str) -> Collection:
        kind, _, owner = key.partition(":")
        return cls(Kind(kind), owner)

    @property
    def topic(self) -> str:
        return topic_of(self.key)

    @property
    def depth_of_content(self) -> str:
        """The depth content updates are supported at (draft §4.3): members of the collection."""
        return "1"

    @property
    def property_updates(self) -> bool:
        """Whether property updates (depth 0) are supported: a calendar's name and colour."""
        return self.kind is Kind.CALENDAR


def topic_of(collection_key: str) -> str:
    """The collection's push topic: stable, the same for every member of a shared calendar,
    22 characters of base64url (also a valid RFC 8030 `Topic` header), telling nothing of the
    collection to whoever sees it."""
    digest = hashlib.sha256(f"televent-push:{collection_key}".encode()).digest()
    return base64.urlsafe_b64encode(digest[:16]).rstrip(b"=").decode("ascii")


class PushRefusedError(DomainError):
    """A registration the draft says to refuse: `precondition` names its element
    (`invalid-subscription`, `no-supported-trigger`, `push-not-available`)."""

    def __init__(self, message: str, precondition: str) -> None:
        super().__init__(message)
        self.precondition = precondition


@dataclass(frozen=True)
class Registration:
    """What a client registers: its Web Push subscription and the triggers it wants."""

    push_resource: str
    p256dh: str  # base64url, the user agent's public key
    auth_secret: str  # base64url
    content_update: bool
    property_update: bool


def registration(
    collection: Collection,
    *,
    push_resource: str | None,
    p256dh: str | None,
    auth_secret: str | None,
    content_encoding: str | None,
    triggers: tuple[str, ...] | None,
) -> Registration:
    """The registration a `push-register` body asks for, read as the draft's relaxed rules say:
    a missing trigger list is content-update (DAVx5 up to 4.5 sends none); unsupported
    triggers are ignored; a depth the collection does not support falls back to the one it
    does.

    Raises:
        PushRefusedError: `invalid-subscription` for a missing or malformed push resource,
            key or secret, or a content encoding other than aes128gcm; `no-supported-trigger`
            when every trigger asked for is one the collection does not support.
    """
    if not push_resource or len(push_resource) > MAX_RESOURCE_CHARS:
        raise PushRefusedError(
            "The subscription needs a push resource (a URL).", "invalid-subscription"
        )
    if (content_encoding or CONTENT_ENCODING).strip().lower() != CONTENT_ENCODING:
        raise PushRefusedError(
            f"Push messages are encrypted with {CONTENT_ENCODING} only.", "invalid-subscription"
        )
    key = _decoded(p256dh)
    if key is None or len(key) != P256_POINT_BYTES or key[0] != 4:
        raise PushRefusedError(
            "subscription-public-key must be an uncompressed P-256 key in base64url.",
            "invalid-subscription",
        )
    secret = _decoded(auth_secret)
    if secret is None or len(secret) != AUTH_SECRET_BYTES:
        raise PushRefusedError("auth-secret must be 16 bytes in base64url.", "invalid-subscription")
    wanted = ("content-update",) if triggers is None else triggers
    content = "content-update" in wanted
    properties = "property-update" in wanted and collection.property_updates
    if not (content or properties):
        raise PushRefusedError(
            "None of the triggers asked for is supported here "
            "(content-update, and property-update on calendars).",
            "no-supported-trigger",
        )
    return Registration(push_resource.strip(), _encoded(key), _encoded(secret), content, properties)


def _decoded(text: str | None) -> bytes | None:
    if not text:
        return None
    cleaned = "".join(text.split())
    try:
        return base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        return None


def _encoded(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def expiry(requested: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """When a registration ends: what the client asked for, at least an hour and at most 30
    days from now (7 days when it asked for nothing). Whole seconds, as HTTP dates are."""
    wanted = now + DEFAULT_LIFETIME if requested is None else requested
    bounded = min(max(wanted, now + MIN_LIFETIME), now + MAX_LIFETIME)
    return bounded.replace(microsecond=0)


def urgency(starts: list[dt.datetime], at: dt.datetime) -> str:
    """RFC 8030 §5.3: "high" when a changed event starts within 15 minutes of the change (the
    phone should sync before it rings), else "normal"."""
    soon = any(at - dt.timedelta(minutes=1) <= start <= at + URGENT_WITHIN for start in starts)
    return "high" if soon else "normal"


def starts_soon(ical: str, at: dt.datetime) -> bool:
    """Whether the event stored as `ical` has an occurrence starting within the urgent window
    after `at` (or a minute before it). Times without a zone and all-day events never do;
    data the library cannot read does not either."""
    try:
        calendar = read_calendar(ical)
        found = occurrences_between(calendar, at - dt.timedelta(minutes=1), at + URGENT_WITHIN)
        starts = [component_times(occurrence)[0] for occurrence in found]
    except EXPANSION_ERRORS:
        return False
    aware = [s for s in starts if isinstance(s, dt.datetime) and s.tzinfo is not None]
    return urgency(aware, at) == "high"


def backoff(failures: int) -> dt.timedelta:
    """How long a delivery that failed `failures` times in a row waits: 5 s, doubling, at most
    an hour."""
    doubled: dt.timedelta = FIRST_BACKOFF * 2 ** min(max(failures - 1, 0), 12)
    return min(doubled, MAX_BACKOFF)
