"""Attendance: inviting and removing attendees, answers (RSVP), cancelling and deleting an
event by id, and the delivery failures iMIP reports back.

Each change is saved with its scheduling consequences (RFC 6638 §3.2: the attendees' copies,
the organizer's event); a message refused for good shows as SCHEDULE-STATUS 5.1 (§3.2.9).
"""

from __future__ import annotations

from uuid import UUID

from televent.application.core import CommandCore, role_refusal
from televent.domain.account import Account
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import ConflictError, NotFoundError, NotInvitedError
from televent.domain.ical import parse_calendar_object
from televent.domain.scheduling import DELIVERY_FAILED, attendee_addresses
from televent.domain.sharing import Action, Role
from televent.domain.values import PartStat, internal_uri, normalize_address


class AttendanceCommands(CommandCore):
    """Commands on who attends an event and what they answered."""

    def invite_attendee(
        self,
        event_id: UUID,
        address: str,
        cn: str | None = None,
        *,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> None:
        """Invite an address (mailto: added when missing) to an event (`by`: the person
        asking, who needs the right to write in its calendar; see `put_object`)."""
        value = address if ":" in address else f"mailto:{address}"
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        if by is not None:
            self.require_access(by, event.calendar_id, Action.WRITE)
        owner: Account = self._get(event.account_id, Account, "Account")
        organizer = (
            internal_uri(owner.telegram_id, self.internal_domain),
            owner.name,
        )
        before = parse_calendar_object(event.ical)
        event.invite_attendee(value, cn, organizer=organizer, actor=actor, source=source)
        self._save_scheduled(event, before, actor=actor, source=source)

    def remove_attendee(
        self, event_id: UUID, address: str, *, actor: str, source: str, by: UUID | None = None
    ) -> None:
        """Remove an attendee from an event (`by`: see `invite_attendee`)."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        if by is not None:
            self.require_access(by, event.calendar_id, Action.WRITE)
        before = parse_calendar_object(event.ical)
        event.remove_attendee(address, actor=actor, source=source)
        self._save_scheduled(event, before, actor=actor, source=source)

    def give_rsvp(
        self,
        event_id: UUID,
        address: str,
        partstat: PartStat,
        *,
        recurrence_id: str | None = None,
        replied: str | None = None,
        actor: str,
        source: str,
    ) -> None:
        """Record an attendee's answer (for one instance when `recurrence_id` is given;
        `replied` is the DTSTAMP of the email reply it came in).

        A Televent user answering the organizer's event (from a Telegram card) answers in
        their own copy when they have one, which replies to the organizer like their CalDAV
        client would. An event a feed brought is answered by no one here (ForbiddenError): the
        feed alone changes it, and nothing is sent for it (docs/adr/0025)."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        copy = self._copy_answered(event, address)
        if copy is not None:
            event = copy
        elif not self._answered_here(event, address):
            raise NotInvitedError(
                "You are not invited to this event, so you cannot answer it."
            ).worded("refusal-calendars-not-invited")
        if self._shows_feed(event.calendar_id):  # a feed's events change with the feed
            raise role_refusal(Action.WRITE, Role.SUBSCRIBER)  # only: nothing is answered
        before = parse_calendar_object(event.ical)
        event.give_rsvp(
            address,
            partstat,
            recurrence_id=recurrence_id,
            replied=replied,
            actor=actor,
            source=source,
        )
        self._save_scheduled(event, before, actor=actor, source=source)

    def _copy_answered(self, event: CalendarEvent, address: str) -> CalendarEvent | None:
        """The copy of a Televent attendee who answers the organizer's event, if they hold one."""
        attendee = self.scheduler.account_for(address)
        if attendee is None or attendee.account_id == event.account_id:
            return None
        held = self.queries.object_with_uid(attendee.account_id, event.uid)
        if held is None:
            return None
        if self._shows_feed(held.calendar_id):  # the meeting as a feed shows it: not
            return None  # their copy (the organizer's event is answered instead)
        copy: CalendarEvent = self.repository.get(held.event_id)
        chair = copy.facts.get("organizer")
        return copy if chair is not None and chair == event.facts.get("organizer") else None

    def _answered_here(self, event: CalendarEvent, address: str) -> bool:
        """Whether an answer of `address` may be written into this event: anything but
        another person's copy of a meeting (an event whose holder is among its attendees and
        not its organizer), which is theirs: an answer written there reached nobody and made
        their copy disagree with the organizer's. The holder's own answer, the organizer's
        event (where answers arrive, as an emailed REPLY does) and an event with attendees
        but nothing scheduled are answered in place."""
        holder = self.queries.account_by_id(event.account_id)
        if holder is None:
            return True
        own = set(self.scheduler.addresses_of(holder))
        if normalize_address(address) in own:
            return True  # the holder answers in their own copy or event
        obj = parse_calendar_object(event.ical)
        organizer = (event.facts or {}).get("organizer")
        if organizer and normalize_address(str(organizer)) in own:
            return True  # the organizer's own event
        return not (attendee_addresses(obj) & own)  # a copy: its holder is an attendee

    def _shows_feed(self, calendar_id: UUID) -> bool:
        """Whether the calendar shows a feed (docs/adr/0025: read-only for everyone)."""
        shown = self.queries.calendar(calendar_id)
        return shown is not None and shown.subscribed

    def record_delivery_failure(
        self,
        event_id: UUID,
        address: str,
        method: str,
        *,
        reason: str,
        actor: str,
        source: str,
    ) -> bool:
        """An iTIP `method` message about this event to `address` was refused for good or came
        back: SCHEDULE-STATUS 5.1 on that ATTENDEE (on the ORGANIZER, for a REPLY) in the
        sender's resource, so their CalDAV client shows it (RFC 6638 §3.2.9). False when the
        event is gone or no longer names the address. A client saving at the same moment is
        waited out, not lost."""
        for _ in range(3):
            try:
                event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
            except NotFoundError:
                return False
            if event.deleted:
                return False
            event.record_delivery_status(
                address,
                DELIVERY_FAILED,
                organizer=method.upper() == "REPLY",
                reason=reason[:300],
                actor=actor,
                source=source,
            )
            if not event.pending_events:
                return False
            try:
                self.save_all(event)
            except ConflictError:
                continue
            return True
        return False

    def cancel_event(
        self, event_id: UUID, *, actor: str, source: str, by: UUID | None = None
    ) -> None:
        """Cancel an event (it stays in the calendar as STATUS:CANCELLED; `by`: see
        `invite_attendee`)."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        if by is not None:
            self.require_access(by, event.calendar_id, Action.WRITE)
        before = parse_calendar_object(event.ical)
        event.cancel(actor=actor, source=source)
        self._save_scheduled(event, before, actor=actor, source=source)

    def delete_event(self, event_id: UUID, *, actor: str, source: str) -> None:
        """Delete an event by id."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        if not event.deleted:
            self._delete_scheduled(event, actor=actor, source=source)
