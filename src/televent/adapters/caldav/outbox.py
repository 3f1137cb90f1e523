"""Free-busy requests POSTed to the scheduling outbox (RFC 6638 §5).

The body is an iTIP VFREEBUSY REQUEST (RFC 5546 §3.3.2) whose ORGANIZER is one of the caller's
calendar user addresses (RFC 6638 §2.4.1). The answer is a CALDAV:schedule-response with one
CALDAV:response per ATTENDEE (RFC 6638 §10): the recipient as sent, its request status
(RFC 5546 §3.6) and, for a Televent user, a VFREEBUSY REPLY (RFC 5546 §3.3.3) with the busy
time of all their calendars, found as for a CALDAV:free-busy-query (RFC 4791 §7.10: transparent
and cancelled events are left out, tentative ones are BUSY-TENTATIVE). Any other address is
answered "3.7;Invalid calendar user".

Busy time is private by default: a Televent user's is given only to themselves and to the
people they meet, that is when either has invited the other to an event (their attendee
index says so). Anyone else is answered "3.8;No authority" (RFC 5546 §3.6), so knowing a
Telegram id is not enough to read someone's week.

Only free-busy requests go through the outbox: Televent sends invitations and replies itself
when an event is stored in a calendar (RFC 6638 §3, implicit scheduling). Bad requests are
refused with the precondition RFC 6638 §5 and RFC 4791 §5.3.2.1 name, never with a 500.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import icalendar

from televent.adapters.caldav import filters, xml
from televent.adapters.caldav.properties import addresses
from televent.adapters.caldav.protocol import DavError, Reply, Request
from televent.adapters.caldav.query_values import _parse_calendar
from televent.adapters.caldav.xml import CALDAV, element, href
from televent.application.televent import Televent
from televent.domain.calendar_writing import calendar_text
from televent.domain.values import normalize_address
from televent.domain.zones import zone_or_utc
from televent.projections.queries import AccountView

SUCCESS = "2.0;Success"
INVALID_CALENDAR_USER = "3.7;Invalid calendar user"
NO_AUTHORITY = "3.8;No authority"
MAX_RECIPIENTS = 100
ACCEPTED_MEDIA_TYPES = ("text/calendar", "")
ONLY_FREE_BUSY = (
    "The outbox takes free-busy requests only (METHOD:REQUEST with one VFREEBUSY); "
    "invitations and replies are sent when the event is stored in a calendar."
)


@dataclass(frozen=True)
class FreeBusyRequest:
    """What a VFREEBUSY REQUEST asks: whose busy time, in which range (UTC), and for whom."""

    uid: str | None
    start: dt.datetime
    end: dt.datetime
    organizer: str
    attendees: tuple[str, ...]


class Outbox:
    """Answers free-busy requests POSTed to a user's scheduling outbox (RFC 6638 §5)."""

    def __init__(self, app: Televent, internal_domain: str, max_resource_bytes: int) -> None:
        self.app = app
        self.internal_domain = internal_domain
        self.max_resource_bytes = max_resource_bytes

    def post(self, request: Request, account: AccountView) -> Reply:
        """A CALDAV:schedule-response for the request, one CALDAV:response per ATTENDEE."""
        query = parse_request(self._calendar_text(request))
        own = {normalize_address(a) for a in addresses(account, self.internal_domain)}
        if normalize_address(query.organizer) not in own:
            raise DavError(
                403,
                "The ORGANIZER must be one of your own calendar addresses.",
                "organizer-allowed",
            )
        stamp = self.app.clock()
        responses = [
            self._response(query, attendee, stamp, account) for attendee in query.attendees
        ]
        body = xml.document(element(CALDAV, "schedule-response", children=responses))
        return Reply.xml(200, body)

    def _calendar_text(self, request: Request) -> str:
        media = (request.header("content-type") or "").split(";")[0].strip().lower()
        if media not in ACCEPTED_MEDIA_TYPES:
            raise DavError(
                415,
                f"Free-busy requests are text/calendar, not {media}.",
                "supported-calendar-data",
            )
        if len(request.body) > self.max_resource_bytes:
            raise DavError(
                413,
                f"Free-busy requests are limited to {self.max_resource_bytes} bytes.",
                "max-resource-size",
            )
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise DavError(403, "Calendar data must be UTF-8.", "supported-calendar-data") from None
        if "\0" in text:
            raise DavError(
                403, "Calendar data may not contain NUL characters.", "valid-calendar-data"
            )
        return text

    def _response(
        self, query: FreeBusyRequest, attendee: str, stamp: dt.datetime, asker: AccountView
    ) -> ET.Element:
        recipient = element(CALDAV, "recipient", children=[href(attendee)])
        owner = self.app.queries.account_for_address(attendee, self.internal_domain)
        refusal = (
            INVALID_CALENDAR_USER
            if owner is None
            else None
            if self.app.queries.meet_each_other(asker, owner, self.internal_domain)
            else NO_AUTHORITY
        )
        if owner is None or refusal is not None:
            status = element(CALDAV, "request-status", refusal)
            return element(CALDAV, "response", children=[recipient, status])
        reply = render_reply(query, attendee, self._busy_periods(owner, query), stamp)
        return element(
            CALDAV,
            "response",
            children=[
                recipient,
                element(CALDAV, "request-status", SUCCESS),
                element(CALDAV, "calendar-data", reply),
            ],
        )

    def _busy_periods(self, owner: AccountView, query: FreeBusyRequest) -> list[filters.Period]:
        """Busy time across every calendar of the owner; floating times in the owner's zone."""
        low, high = int(query.start.timestamp()), int(query.end.timestamp())
        texts = [
            obj.ical
            for calendar in self.app.queries.calendars_of(owner.account_id)
            for obj in self.app.queries.objects_overlapping(
                calendar.calendar_id, "VEVENT", low, high
            )
        ]
        return filters.free_busy(
            texts, query.start, query.end, default_tz=zone_or_utc(owner.timezone)
        )


def parse_request(text: str) -> FreeBusyRequest:
    """The free-busy question a POSTed iCalendar object asks.

    Raises:
        DavError: 403 valid-calendar-data when it is not iCalendar, 403 valid-scheduling-message
            when it is not a VFREEBUSY REQUEST with ORGANIZER, ATTENDEEs, DTSTART and DTEND.
    """
    calendar = _parse_calendar(text)
    if calendar is None:
        raise DavError(403, "The body is not a valid iCalendar object.", "valid-calendar-data")
    method = str(calendar.get("METHOD", "")).strip().upper()
    components = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    if method != "REQUEST" or len(components) != 1 or components[0].name != "VFREEBUSY":
        raise _invalid(ONLY_FREE_BUSY)
    busy = components[0]
    start, end = _utc_moment(busy, "DTSTART"), _utc_moment(busy, "DTEND")
    if end <= start:
        raise _invalid("DTEND must be after DTSTART.")
    uid = busy.get("UID")
    return FreeBusyRequest(
        uid=None if uid is None else str(uid),
        start=start,
        end=end,
        organizer=_organizer(busy),
        attendees=_attendees(busy),
    )


def render_reply(
    query: FreeBusyRequest,
    attendee: str,
    periods: list[filters.Period],
    stamp: dt.datetime,
) -> str:
    """A VCALENDAR METHOD:REPLY holding one VFREEBUSY with the attendee's busy periods
    (RFC 5546 §3.3.3), in UTC, one FREEBUSY property per period with its FBTYPE."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", filters.PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "REPLY")
    busy = icalendar.FreeBusy()
    if query.uid is not None:
        busy.add("uid", query.uid)
    busy.add("dtstamp", stamp.astimezone(dt.UTC))
    busy.add("dtstart", query.start)
    busy.add("dtend", query.end)
    busy.add("organizer", icalendar.vCalAddress(query.organizer))
    busy.add("attendee", icalendar.vCalAddress(attendee))
    for begin, finish, fbtype in periods:
        busy.add("freebusy", (begin, finish), parameters={"FBTYPE": fbtype})
    calendar.add_component(busy)
    return calendar_text(calendar, ordered=False)


def _utc_moment(component: Any, name: str) -> dt.datetime:
    """A DTSTART or DTEND in UTC (a date is its midnight in UTC, a floating time is UTC)."""
    value = getattr(component.get(name), "dt", None)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), dt.UTC)
    raise _invalid(f"A free-busy request needs one {name}.")


def _organizer(component: Any) -> str:
    value = component.get("ORGANIZER")
    if not isinstance(value, str) or not value.strip():
        raise _invalid("A free-busy request needs one ORGANIZER.")
    return str(value).strip()


def _attendees(component: Any) -> tuple[str, ...]:
    """The ATTENDEE values as sent, each once, in order."""
    value = component.get("ATTENDEE")
    values = value if isinstance(value, list) else [] if value is None else [value]
    attendees = tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
    if not attendees:
        raise _invalid("A free-busy request needs at least one ATTENDEE.")
    if len(attendees) > MAX_RECIPIENTS:
        raise _invalid(f"A free-busy request may ask about at most {MAX_RECIPIENTS} attendees.")
    return attendees


def _invalid(message: str) -> DavError:
    return DavError(403, message, "valid-scheduling-message")
