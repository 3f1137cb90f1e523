"""Which events a caller may read and change, and an event as they see it (synchronous reads,
run through the port).

A user sees the events in their calendars and those they are invited to; any other event is
answered as missing (404), never as forbidden, so ids reveal nothing. Changing an event's
fields, occurrences or attendees is the organizer's (RFC 6638 §3.2.2: an attendee changes only
their own answer): an attendee who tries gets 403 and is pointed to RSVP.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.event_json import EventJson, event_json, lead_component, recurrence_of
from televent.adapters.api.problems import ProblemError
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.event_fields import FieldError, instance_component, zone_of
from televent.domain.values import normalize_address
from televent.projections.agenda_reader import AgendaReader
from televent.projections.queries import ObjectView

ORGANIZER_ONLY = (
    "Only the organizer can change this event; answer it with POST /api/v1/events/{id}/rsvp."
)


def event_uuid(text: str) -> UUID:
    """The event id of a path (a UUID); anything else is a missing event."""
    try:
        return UUID(text)
    except ValueError:
        raise NotFoundError("No such event.") from None


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

    def owns(self, obj: ObjectView) -> bool:
        return self.reader.owns(self.account, obj)

    def organised(self, event_id: UUID) -> ObjectView:
        """An event the caller may change: in their calendar, organised by them (or by
        nobody: a plain event). 404 when they cannot see it, 403 when they attend it."""
        obj = self.visible(event_id)
        if not self.owns(obj):
            raise ProblemError(403, ORGANIZER_ONLY, name="organizer-only")
        lead = lead_component(obj.ical)
        organizer = None if lead is None else lead.get("ORGANIZER")
        if organizer is not None and normalize_address(str(organizer)) not in self.mine:
            raise ProblemError(403, ORGANIZER_ONLY, name="organizer-only")
        return obj

    def event(self, obj: ObjectView, occurrence: str | None = None) -> EventJson:
        """The event (its series' master) or one occurrence as JSON."""
        if occurrence is None:
            component = lead_component(obj.ical)
            if component is None:
                raise DomainError("That is not an event.")
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
        return self.event(self.visible(event_id), occurrence)
