"""What the CalDAV handlers answer when a request cannot be carried out (RFC 4918 §16,
RFC 4791 §1.3 and §5.3.2.1, RFC 6638 §2.1, §2.2), and the headers every handler shares.

Domain errors become the right status, with the CalDAV precondition in an XML error body where
one applies (a UID already used in the calendar names the resource that holds it: RFC 4791
§5.3.2.1 no-uid-conflict); nothing a client sends yields 500. The scheduling inbox and outbox
are the server's: what may be done with them is decided here, before any handler runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from televent.adapters.caldav import xml
from televent.adapters.caldav.auth import Principal, ThrottledError, UnauthenticatedError
from televent.adapters.caldav.protocol import DavError, Reply
from televent.adapters.caldav.resources import Kind, Target
from televent.adapters.caldav.xml import CALDAV, DAV, tag
from televent.domain.errors import (
    ConflictError,
    DomainError,
    ForbiddenError,
    InvalidCalendarDataError,
    NotFoundError,
    PreconditionFailedError,
    UidConflictError,
)
from televent.domain.values import Source, SourceKind

ALLOW_EXCEPT_POST = (
    "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT, MKCALENDAR, MKCOL"
)
ALLOW = f"{ALLOW_EXCEPT_POST}, POST"  # POST only on the scheduling outbox
DAV_HEADER = "1, 3, extended-mkcol, calendar-access, calendar-auto-schedule"
INBOX_ITEM_ALLOW = "OPTIONS, GET, HEAD, DELETE, PROPFIND"
SCHEDULING_ALLOW = {
    Kind.INBOX: "OPTIONS, GET, HEAD, DELETE, PROPFIND, REPORT",
    Kind.OUTBOX: "OPTIONS, GET, HEAD, PROPFIND, POST",
}
CHALLENGE = {"www-authenticate": 'Basic realm="Televent", charset="UTF-8"'}

PLAIN_ERRORS: tuple[tuple[type[Exception], int], ...] = (
    (xml.XmlError, 400),
    (PreconditionFailedError, 412),
    (NotFoundError, 404),
    (ConflictError, 409),
    (DomainError, 403),
)


def error_reply(error: Exception, request_path: str) -> Reply:
    """The protocol reply for a failure; anything unexpected is re-raised (a real bug)."""
    if isinstance(error, ForbiddenError):  # RFC 3744 §7.1.1: the role lacks the privilege
        error = DavError(403, str(error), "need-privileges", DAV)
    if isinstance(error, DavError):
        return error.reply()
    if isinstance(error, UnauthenticatedError):
        return Reply(401, f"{error}\n".encode(), {**CHALLENGE, "content-type": "text/plain"})
    if isinstance(error, ThrottledError):
        return Reply(429, f"{error}\n".encode(), {"retry-after": str(error.retry_after)})
    if isinstance(error, InvalidCalendarDataError):
        return DavError(403, str(error), error.precondition).reply()

    if isinstance(error, UidConflictError):
        body = xml.document(_uid_conflict(str(error), error.existing_href, request_path))
        return Reply.xml(403, body)
    for kind, status in PLAIN_ERRORS:
        if isinstance(error, kind):
            return Reply(status, f"{error}\n".encode(), {"content-type": "text/plain"})
    raise error


def check_scheduling_request(method: str, target: Target) -> None:
    """The inbox and outbox are the server's (RFC 6638 §2.1, §2.2): the inbox's items are read
    and deleted, messages arrive in it only by scheduling, and the outbox only takes POST."""
    box = "inbox" if target.kind is Kind.INBOX else "outbox"
    purpose = (
        "Messages arrive in it when someone schedules with you."
        if target.kind is Kind.INBOX
        else "It only takes free-busy requests (POST)."
    )
    if method in ("MKCALENDAR", "MKCOL") and target.name is None:
        raise DavError(
            403,
            f'"{box}" names your scheduling {box}, not a calendar; choose another name.',
            "resource-must-be-null",
            DAV,
        )
    if method in ("MKCALENDAR", "MKCOL"):
        raise DavError(
            403,
            "Calendars are created inside the calendar home.",
            "calendar-collection-location-ok",
        )
    if method == "PUT" or (method in ("DELETE", "PROPPATCH") and target.name is None):
        raise DavError(
            405,
            f"{method} is not allowed on the scheduling {box}. {purpose}",
            headers={"allow": SCHEDULING_ALLOW[target.kind]},
        )
    if target.name is not None and target.kind is Kind.OUTBOX:
        raise NotFoundError(f"No resource named {target.name}: the scheduling outbox holds none.")
    if target.name is not None and method in ("PROPPATCH", "REPORT", "POST"):
        raise DavError(
            405, f"{method} is not allowed on an inbox item.", headers={"allow": INBOX_ITEM_ALLOW}
        )


_LISTED_TAG = re.compile(r'\*|(?:W/)?"[^"]*"')


def one_tag(header: str | None) -> str | None:
    """The one strong entity tag an If-Match header names, or None when it names none,
    several, `*` or a weak one (those need the resource's current tag: `matched_etag`)."""
    if header is None:
        return None
    listed = _LISTED_TAG.findall(header)
    single = listed[0] if len(listed) == 1 else "*"
    return None if single == "*" or single.startswith("W/") else single


def if_match_tag(header: str | None, current: Callable[[], str | None]) -> str | None:
    """What an If-Match header asks a write to hold to (see `matched_etag`): the one strong
    tag it names, which the write checks as it stores, else the `current` ETag when the
    header matches it (read only then). None without a header.

    Raises:
        PreconditionFailedError: the header does not match the current version.
    """
    single = one_tag(header)
    if header is None or single is not None:
        return single
    return matched_etag(header, current())


def matched_etag(header: str | None, current: str | None) -> str | None:
    """What an If-Match header (RFC 9110 §13.1.1: `*`, or a list of tags) asks a write to hold
    to, given the resource's `current` ETag (None: it does not exist): None without a header,
    else the current ETag, for the write to check again as it stores. If-Match compares
    strongly: a weak tag (`W/"..."`) matches nothing.

    Raises:
        PreconditionFailedError: nothing there (for `*`), or no listed tag is the current one.
    """
    if header is None:
        return None
    listed = _LISTED_TAG.findall(header) or [header.strip()]
    strong = [t for t in listed if not t.startswith("W/")]
    if current is not None and ("*" in strong or current in strong):
        return current
    raise PreconditionFailedError(
        "The resource does not exist (If-Match)."
        if current is None
        else "The resource has changed (If-Match names another version)."
    )


def none_matched(header: str | None, current: str | None) -> bool:
    """Whether an If-None-Match header (`*`, or a list of tags) asks for a resource that does
    not exist yet: `*`; a listed tag that is the current one is refused here. If-None-Match
    compares weakly (RFC 9110 §13.1.2): `W/"x"` names the version `"x"` too.

    Raises:
        PreconditionFailedError: the resource is the version the header names.
    """
    if header is None:
        return False
    listed = [etag(t) for t in _LISTED_TAG.findall(header)]
    if "*" in listed:
        return True
    if current is not None and current in listed:
        raise PreconditionFailedError("The resource is the version If-None-Match names.")
    return False


def etag(header: str | None) -> str | None:
    """The opaque tag a header names with any weak mark (`W/`) dropped: what If-None-Match's
    weak comparison compares (and If-Schedule-Tag-Match's single tag)."""
    if header is None:
        return None
    value = header.strip()
    return value[2:] if value.startswith("W/") else value


def actor(principal: Principal) -> str:
    """The actor a change by the authenticated principal is recorded under."""
    return f"account:{principal.account_id}"


def source(principal: Principal) -> str:
    """The source a change through CalDAV is recorded under: the device's name."""
    return Source(SourceKind.CALDAV, principal.device_name).encode()


def _uid_conflict(message: str, existing: str, request_path: str) -> ET.Element:
    root = ET.Element(tag(DAV, "error"))
    conflict = ET.SubElement(root, tag(CALDAV, "no-uid-conflict"))
    base = request_path.rsplit("/", 1)[0]
    ET.SubElement(conflict, tag(DAV, "href")).text = f"{base}/{existing}"
    ET.SubElement(root, tag(DAV, "responsedescription")).text = message
    return root
