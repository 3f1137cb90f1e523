"""The URL space of the CalDAV server and what each path names (RFC 4918, RFC 4791 §4).

/  and  /dav/                          root: points to the current user's principal
/dav/principals/<telegram id>/         principal (RFC 3744)
/dav/calendars/<telegram id>/          calendar home (RFC 4791 §6.2.1)
/dav/calendars/<telegram id>/inbox/    scheduling inbox (RFC 6638 §2.2), always empty
/dav/calendars/<telegram id>/outbox/   scheduling outbox (RFC 6638 §2.1): free-busy POST (§5)
/dav/calendars/<telegram id>/<slug>/   calendar collection
/dav/calendars/<telegram id>/<slug>/<name>   calendar object resource (name kept as chosen)
/dav/push/<registration id>            a WebDAV-Push registration (docs/adr/0027): DELETE only

"inbox" and "outbox" therefore never name a calendar; a name inside either is resolved with the
collection's kind (and `name` set), so that it is refused rather than taken for a calendar object.

Segments are percent-decoded one by one, so a name may hold an encoded "/" (`%2F`): it can be
read and deleted, but `check_new_name` refuses it for anything new, because an href naming it
cannot be told from a path one level deeper. A NUL (`%00`) is refused in every path (400): no
database stores it in text. A telegram id is at most 19 ASCII digits (a 64-bit integer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from urllib.parse import quote, unquote

from televent.adapters.caldav.protocol import DavError
from televent.domain.values import telegram_id_in

PREFIX = "/dav"
PUSH_PATH = f"{PREFIX}/push/"


class Kind(StrEnum):
    """What a path names."""

    ROOT = "root"
    PRINCIPAL = "principal"
    HOME = "home"
    CALENDAR = "calendar"
    INBOX = "inbox"
    OUTBOX = "outbox"
    OBJECT = "object"
    PUSH = "push"
    WELL_KNOWN = "well-known"
    UNKNOWN = "unknown"


SCHEDULING_SLUGS = {"inbox": Kind.INBOX, "outbox": Kind.OUTBOX}


@dataclass(frozen=True)
class Target:
    """A resolved request path."""

    kind: Kind
    telegram_id: int | None = None
    slug: str | None = None
    name: str | None = None


def resolve(raw_path: str) -> Target:
    """Map a request path (percent-encoded, as sent) to what it names."""
    path = raw_path.split("?", 1)[0]
    fixed = {"": Kind.ROOT, PREFIX: Kind.ROOT, "/.well-known/caldav": Kind.WELL_KNOWN}
    if path.rstrip("/") in fixed or not path.startswith(PREFIX + "/"):
        return Target(fixed.get(path.rstrip("/"), Kind.UNKNOWN))
    parts = [unquote(p) for p in path[len(PREFIX) + 1 :].split("/")]
    if any("\0" in p for p in parts):
        raise DavError(400, "A path may not contain a NUL character (%00).")
    trailing = parts[-1] == ""
    parts = [p for p in parts if p != ""]
    if parts and parts[0] == "push":
        return Target(Kind.PUSH, name=parts[1]) if len(parts) == 2 else Target(Kind.UNKNOWN)
    telegram_id = parse_telegram_id(parts[1]) if len(parts) >= 2 else None
    if telegram_id is None:
        return Target(Kind.UNKNOWN)
    if parts[0] == "principals" and len(parts) == 2:
        return Target(Kind.PRINCIPAL, telegram_id)
    if parts[0] == "calendars":
        return _in_calendars(telegram_id, parts[2:], trailing)
    return Target(Kind.UNKNOWN)


def parse_telegram_id(text: str) -> int | None:
    """A telegram id written in ASCII digits that fits 64 bits, exactly as given (no spaces);
    None for anything else (so that no text, however long, reaches int() or the database)."""
    return telegram_id_in(text) if text == text.strip() else None


def check_new_name(name: str) -> None:
    """Refuse a name for a new resource that could not be addressed again: one holding "/"
    (sent as `%2F`), which a multiget or sync href cannot name, or a NUL or other control
    character. DavError 400 with the reason."""
    if "/" in name:
        raise DavError(400, 'A resource name may not contain "/" (%2F); choose another name.')
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise DavError(400, "A resource name may not contain control characters.")


def _in_calendars(telegram_id: int, rest: list[str], trailing: bool) -> Target:
    """`/dav/calendars/<id>/…`: the home, the inbox or outbox (or a name inside one), a calendar
    (with or without the final slash), or an object (never with a final slash)."""
    if not rest:
        return Target(Kind.HOME, telegram_id)
    name = rest[1] if len(rest) == 2 and not trailing else None
    if rest[0] in SCHEDULING_SLUGS and (len(rest) == 1 or name is not None):
        return Target(SCHEDULING_SLUGS[rest[0]], telegram_id, name=name)
    if len(rest) == 1:
        return Target(Kind.CALENDAR, telegram_id, rest[0])
    if name is not None:
        return Target(Kind.OBJECT, telegram_id, rest[0], name)
    return Target(Kind.UNKNOWN)


def principal_url(telegram_id: int) -> str:
    """The principal's URL."""
    return f"{PREFIX}/principals/{telegram_id}/"


def home_url(telegram_id: int) -> str:
    """The calendar home's URL."""
    return f"{PREFIX}/calendars/{telegram_id}/"


def inbox_url(telegram_id: int) -> str:
    """The scheduling inbox's URL (RFC 6638 §2.2)."""
    return f"{home_url(telegram_id)}inbox/"


def outbox_url(telegram_id: int) -> str:
    """The scheduling outbox's URL (RFC 6638 §2.1)."""
    return f"{home_url(telegram_id)}outbox/"


@lru_cache(maxsize=1024)  # asked once per member of a large multistatus
def calendar_url(telegram_id: int, slug: str) -> str:
    """A calendar collection's URL."""
    return f"{home_url(telegram_id)}{quote(slug, safe='')}/"


_PLAIN_NAME = re.compile(r"[A-Za-z0-9@+,;=._~-]*")  # what `quote` leaves as it is, below


def object_url(telegram_id: int, slug: str, name: str) -> str:
    """A calendar object's URL (the name percent-encoded as needed)."""
    encoded = name if _PLAIN_NAME.fullmatch(name) else quote(name, safe="@+,;=-_.~")
    return f"{calendar_url(telegram_id, slug)}{encoded}"
