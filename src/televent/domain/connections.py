"""Connected calendar accounts (docs/adr/0026): the rules that need no server.

`where_to_look` turns what a person typed to name their other calendar server (a URL, an
e-mail address, a bare domain) into the addresses discovery asks, in order (RFC 6764 §5: the
well-known URI of the service's domain; DNS SRV/TXT records are not looked up). The rest names
a connection's mirrored calendars (`mirror_slug`), checks the
credentials given (`checked_kind`, `checked_username`, `checked_password`) and says what
may be shown of a server (`server_host`).
How often a mirrored calendar is synced is `SYNC_INTERVAL`; a failing server backs off as a
failing feed does (domain/feed_subscriptions.backoff).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

from televent.domain.errors import DomainError, NotFoundError
from televent.domain.google_events import google_event_id
from televent.domain.values import TELEVENT_NAMESPACE

MAX_ADDRESS = 2000  # characters of a server's address
WELL_KNOWN = "/.well-known/caldav"  # RFC 6764 §5
# A host name as typed (IDNA letters included): labels of letters, digits and hyphens.
_HOST = re.compile(r"^(?=.{1,253}$)[^\s/@:?#.][^\s/@:?#]*(\.[^\s/@:?#.][^\s/@:?#]*)*$")


def not_a_server() -> DomainError:
    return DomainError(
        "That is not a calendar server's address: give its URL, your e-mail address or its domain."
    ).worded("refusal-connections-not-a-server")


def where_to_look(typed: str) -> list[str]:
    """The URLs that discovery asks for the account's principal, in order.

    - `https://dav.example.com/caldav/`: that URL, then its origin's well-known URI.
    - `anna@example.com`, `example.com`: `https://example.com/.well-known/caldav`.

    Raises:
        DomainError: nothing like a server's address (`refusal-connections-not-a-server`).
    """
    text = typed.strip()
    if not text or len(text) > MAX_ADDRESS or any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise not_a_server()
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise not_a_server()
        given = urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))
        known = urlunsplit((parts.scheme.lower(), parts.netloc, WELL_KNOWN, "", ""))
        return [given] if given == known else [given, known]
    domain = text.rpartition("@")[2] if "@" in text else text
    domain = domain.rstrip(".").lower()
    if not _HOST.match(domain) or "." not in domain:
        raise not_a_server()
    return [f"https://{domain}{WELL_KNOWN}"]


MAX_CONNECTIONS = 10  # accounts one person connects
MAX_CALENDARS = 50  # calendars mirrored from one account
MIRROR_SLUG_PREFIX = "conn-"
SYNC_INTERVAL = dt.timedelta(minutes=5)  # how often a mirrored calendar asks for changes
SECRET_CHARS = 1_000  # of a user name or a password
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")


def connection_id_for(account_id: UUID, key: str) -> UUID:
    """A connection's id, from its person and the key the application chose for it."""
    return uuid.uuid5(TELEVENT_NAMESPACE, f"connection:{account_id}:{key}")


def mirror_slug(connection_id: UUID, remote_url: str) -> str:
    """The slug of the calendar that mirrors one remote calendar of one connection."""
    digest = hashlib.sha256(f"{connection_id}:{remote_url}".encode()).hexdigest()[:16]
    return MIRROR_SLUG_PREFIX + digest


def resource_name(uid: str) -> str:
    """The name of the resource a new event is written back as, in the remote calendar: its
    UID when that is a plain path segment, else a digest of it (the same every time, so a
    write-back sent again after a crash meets the copy it left, never a second one)."""
    if _PLAIN_NAME.fullmatch(uid):
        return f"{uid}.ics"
    return hashlib.sha256(uid.encode()).hexdigest()[:32] + ".ics"


def checked_username(value: object) -> str:
    """A user name as given (DomainError when missing, not text or too long)."""
    return _secret(value, "user name", "refusal-connections-no-username")


def checked_password(value: object) -> str:
    """A password as given (DomainError when missing, not text or too long)."""
    return _secret(value, "password", "refusal-connections-no-password")


def _secret(value: object, name: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > SECRET_CHARS:
        raise DomainError(f"Give the account's {name} (at most {SECRET_CHARS} characters).").worded(
            key, most=SECRET_CHARS
        )
    return value


KINDS = ("caldav", "google")  # the kinds of account that can be connected
CONSENT_TTL = dt.timedelta(minutes=10)  # how long a Google consent link may take to come back
CHANNEL_LIFETIME = dt.timedelta(days=7)  # how long a Google push channel is asked to live
CHANNEL_RENEWAL = dt.timedelta(days=1)  # a channel is renewed this long before it expires


def checked_kind(kind: object) -> str:
    """The kind of account asked for (DomainError for any other than CalDAV and Google)."""
    if kind not in KINDS:
        raise DomainError("Only CalDAV and Google accounts can be connected.").worded(
            "refusal-connections-kind"
        )
    return str(kind)


def remote_name(kind: str, uid: str) -> str:
    """The name an event made here gets in the remote calendar of a connection of `kind`: the
    same every time (a write repeated after a crash meets the first one, never a second)."""
    if kind == "google":
        return google_event_id(uid)
    return resource_name(uid)


def server_host(url: str) -> str:
    """The host of a server's address (what may be shown of it)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def not_connected() -> NotFoundError:
    return NotFoundError("Connection not found.").worded("refusal-connections-not-found")
