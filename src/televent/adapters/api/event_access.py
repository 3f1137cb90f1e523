"""Which events a caller may read and change, and an event as they see it (synchronous reads,
run through the port).

A user sees the events in their calendars (their own, and those shared with them that they
accepted: docs/adr/0017) and those they are invited to; any other event is answered as missing
(404), never as forbidden, so ids reveal nothing. Changing an event's fields, occurrences or
attendees is the organizer's (RFC 6638 §3.2.2: an attendee changes only their own answer): an
attendee who tries gets 403 and is pointed to RSVP. In a shared calendar the organizer is its
owner, for whom a member with the right writes; whether the member's role allows a write is
decided by the application (`by=`, `require_access`: 403 when it does not), never here.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.event_booking import booking_json
from televent.adapters.api.event_json import (
    EventJson,
    event_json,
    indexed_event_json,
    lead_component,
    recurrence_of,
)
from televent.adapters.api.problems import ProblemError
from televent.adapters.i18n import t
from televent.domain.booking_event import BOOKING_UID_PREFIX
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.event_fields import FieldError, instance_component, zone_of
from televent.domain.sharing import Role
from televent.domain.values import normalize_address
from televent.projections.agenda_reader import AgendaReader
from televent.projections.queries import ObjectView


def _organizer_only() -> str:
    """The detail of a change refused to an attendee, in the current language."""
    return t("api-detail-organizer-only")


def event_uuid(text: str) -> UUID:
    """The event id of a path (a UUID); anything else is a missing event."""
    try:
        return UUID(text)
    except ValueError:
        raise NotFoundError("No such event.").worded("refusal-calendars-event-gone") from None


def etag_value(header: str | None) -> str | None:
    """An If-Match header as the ETag it names (quotes added when a client left them out;
    `*` asks for no particular version)."""
    if header is None or not header.strip() or header.strip() == "*":
        return None
    text = header.strip().removeprefix("W/")
    return text if text.startswith('"') else f'"{text}"'


class EventAccess:
    """One caller's reads and permissions."""

    def __init__(self, api: ApiContext, caller: Caller) -> None:
        self.api = api
        self.caller = caller
        self.account = caller.account
        self.reader = AgendaReader(api.queries, api.internal_domain)
        self.mine = set(self.reader.addresses(caller.account))
        self._roles: dict[UUID, Role | None] = {}

    @property
    def zone_name(self) -> str:
        return self.account.timezone or "UTC"

    @property
    def zone(self) -> dt.tzinfo:
        try:
            return zone_of(self.zone_name)
        except FieldError:
            return dt.UTC

    def visible(self, event_id: UUID) -> ObjectView:
        """An event the caller may see (404 for any other)."""
        return self.reader.visible(self.account, event_id)

    @property
    def account_id(self) -> UUID:
        """The caller, as the application's write commands take them (`by=`)."""
        return self.account.account_id

    def role(self, obj: ObjectView) -> Role | None:
        """What the caller is to the event's calendar (None: an invitation only)."""
        if obj.calendar_id not in self._roles:
            self._roles[obj.calendar_id] = self.reader.role(self.account, obj)
        return self._roles[obj.calendar_id]

    def owns(self, obj: ObjectView) -> bool:
        """Whether the event is in one of the caller's calendars (own or shared with them)."""
        return self.role(obj) is not None

    def organizer_addresses(self, obj: ObjectView) -> list[str]:
        """Who organises the events of the event's calendar: the caller, and for a shared
        calendar its owner."""
        return self.reader.organizer_addresses(self.account, obj)

    def calendar_organizers(self, calendar_id: UUID) -> set[str]:
        """Who organises the events of a calendar (see `organizer_addresses`)."""
        return set(self.reader.calendar_organizers(self.account, calendar_id))

    def organised(self, event_id: UUID) -> ObjectView:
        """An event the caller may ask to change: in one of their calendars, organised by
        them, by the shared calendar's owner, or by nobody (a plain event). 404 when they
        cannot see it, 403 when they attend it (the role is the application's to check)."""
        obj = self.visible(event_id)
        if not self.owns(obj):
            raise ProblemError(403, _organizer_only, name="organizer-only")
        lead = lead_component(obj.ical)
        organizer = None if lead is None else lead.get("ORGANIZER")
        if organizer is not None and normalize_address(
            str(organizer)
        ) not in self.organizer_addresses(obj):
            raise ProblemError(403, _organizer_only, name="organizer-only")
        return obj

    def event(self, obj: ObjectView, occurrence: str | None = None) -> EventJson:
        """The event (its series' master) or one occurrence as JSON: from the occurrence index
        when it holds it as the body now says (docs/adr/0030), without parsing the body."""
        indexed = (
            self.api.queries.lead_of(obj.event_id)
            if occurrence is None
            else self.api.queries.occurrence_of(obj.event_id, occurrence)
        )
        if indexed is not None and indexed.etag == obj.etag:
            return indexed_event_json(indexed, mine=self.mine, zone=self.zone, owned=self.owns(obj))
        if occurrence is None:
            component = lead_component(obj.ical)
            if component is None:
                raise DomainError("That is not an event.").worded("refusal-events-not-an-event")
        else:
            component = instance_component(obj.ical, occurrence)
        return event_json(
            component,
            obj,
            recurrence=recurrence_of(obj.ical),
            mine=self.mine,
            zone=self.zone,
            owned=self.owns(obj),
        )

    def event_by_id(self, event_id: UUID, occurrence: str | None = None) -> EventJson:
        """One event as `event` has it, with its `booking` when a booking link made it and
        the caller sees it in one of their calendars (event_booking.py)."""
        obj = self.visible(event_id)
        event = self.event(obj, occurrence)
        if obj.uid.startswith(BOOKING_UID_PREFIX) and self.owns(obj):
            event["booking"] = booking_json(self.api.queries, obj)
        return event
