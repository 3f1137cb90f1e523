"""Connected calendar accounts (docs/adr/0026): the rules that need no server.

`where_to_look` turns what a person typed to name their other calendar server (a URL, an
e-mail address, a bare domain) into the addresses discovery asks, in order (RFC 6764 §5: the
well-known URI of the service's domain; DNS SRV/TXT records are not looked up).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from televent.domain.errors import DomainError

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
