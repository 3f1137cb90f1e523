"""Calendars: creating (MKCALENDAR, RFC 4791 §5.3.1), changing (PROPPATCH, RFC 4918 §9.2) and
deleting them; deleting one deletes every object in it with its scheduling consequences."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.ical import parse_calendar_object
from televent.domain.sharing import Action, calendar_id_of_shared_slug
from televent.domain.values import calendar_id_for, is_valid_slug


class CalendarCommands(CommandCore):
    """Commands on calendar collections."""

    def create_calendar(
        self, account_id: UUID, slug: str, properties: dict[str, Any], *, actor: str, source: str
    ) -> UUID:
        """Create a calendar (MKCALENDAR), or bring back a deleted one with the same slug."""
        if not is_valid_slug(slug) or calendar_id_of_shared_slug(slug) is not None:
            raise DomainError(f"{slug!r} cannot name a calendar.")
        if account_id not in self.repository:
            raise NotFoundError("Account not found.")
        calendar_id = calendar_id_for(account_id, slug)
        if calendar_id in self.repository:
            calendar: Calendar = self.repository.get(calendar_id)
            calendar.recreate(properties=properties, actor=actor, source=source)
        else:
            calendar = Calendar(
                account_id=account_id,
                slug=slug,
                properties=properties,
                actor=actor,
                source=source,
            )
        self.save_all(calendar)
        return calendar.id

    def update_calendar(
        self,
        calendar_id: UUID,
        properties: dict[str, Any],
        *,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> None:
        """Change a calendar's properties for everyone (PROPPATCH by its owner; `by`, the
        person asking, needs that right: domain/sharing.py)."""
        if by is not None:
            self.require_access(by, calendar_id, Action.ADMINISTER)
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        calendar.update(properties=properties, actor=actor, source=source)
        self.save_all(calendar)

    def delete_calendar(
        self, calendar_id: UUID, *, actor: str, source: str, by: UUID | None = None
    ) -> None:
        """Delete a calendar and every object in it, atomically, for every member (`by`: see
        `update_calendar`)."""
        if by is not None:
            self.require_access(by, calendar_id, Action.ADMINISTER)
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        events: list[CalendarEvent] = []
        consequences: list[CalendarEvent] = []
        for obj in self.queries.objects_in(calendar_id):
            event: CalendarEvent = self.repository.get(obj.event_id)
            before = parse_calendar_object(event.ical)
            self._decline_before_deleting(event, before, actor=actor, source=source)
            event.delete(actor=actor, source=source)
            events.append(event)
            consequences += self.scheduler.consequences(event, before, actor=actor, source=source)
        calendar.delete(actor=actor, source=source)
        self.save_all(*events, calendar, *_distinct(consequences, events))


def _distinct(found: list[CalendarEvent], saved: list[CalendarEvent]) -> list[CalendarEvent]:
    """Consequences not already among the aggregates being saved (one instance per id)."""
    seen = {e.id for e in saved}
    kept: list[CalendarEvent] = []
    for event in found:
        if event.id not in seen:
            seen.add(event.id)
            kept.append(event)
    return kept
