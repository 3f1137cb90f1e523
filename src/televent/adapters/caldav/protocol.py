"""Requests, replies, errors and sync tokens of the CalDAV adapter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from televent.adapters.caldav import xml
from televent.domain.values import SYNC_TOKEN_PREFIX, sync_token, sync_version

__all__ = ["DavError", "Reply", "Request", "ctag", "parse_sync_token", "sync_token"]

TOKEN_PREFIX = SYNC_TOKEN_PREFIX
# [epoch.]position: a position fits 63 bits; the epoch is the number of restores before it
_TOKEN = re.compile(rf"^{re.escape(TOKEN_PREFIX)}(?:([0-9]{{1,9}})\.)?([0-9]{{1,18}})$")


@dataclass(frozen=True)
class Request:
    """What the handlers need of an HTTP request (body already read, size checked)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    client: str = ""

    def header(self, name: str) -> str | None:
        """A header by case-insensitive name."""
        return self.headers.get(name.lower())


@dataclass
class Reply:
    """An HTTP reply."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def xml(cls, status: int, body: bytes, **headers: str) -> Reply:
        """A reply with an XML body."""
        return cls(status, body, {"content-type": "application/xml; charset=utf-8", **headers})


class DavError(Exception):
    """A protocol-level refusal: status, optional precondition element, clear message."""

    def __init__(
        self,
        status: int,
        message: str,
        precondition: str | None = None,
        namespace: str = xml.CALDAV,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.precondition = precondition
        self.namespace = namespace
        self.headers = headers or {}

    def reply(self) -> Reply:
        """The HTTP reply for this error."""
        if self.precondition is None:
            return Reply(
                self.status,
                self.message.encode() + b"\n",
                {"content-type": "text/plain; charset=utf-8", **self.headers},
            )
        body = xml.error_body(self.namespace, self.precondition, self.message)
        return Reply.xml(self.status, body, **self.headers)


def parse_sync_token(token: str) -> tuple[int, int]:
    """The epoch and position of a token; DavError 403 valid-sync-token when malformed."""
    match = _TOKEN.match(token.strip())
    if match is None:
        raise DavError(403, "Unknown sync token.", "valid-sync-token", xml.DAV)
    return int(match.group(1) or 0), int(match.group(2))


def ctag(position: int, epoch: int = 0) -> str:
    """The CalendarServer getctag value for a position (given after `epoch` restores)."""
    return f'"{sync_version(position, epoch)}"'
