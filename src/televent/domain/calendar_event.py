"""The CalendarEvent aggregate: one calendar object resource (one UID in one calendar).

It holds the iCalendar text losslessly together with the facts parsed from it, and decides the
scheduling rules of RFC 5546 that do not depend on transport: SEQUENCE goes up on a significant
change, attendees are asked again (PARTSTAT=NEEDS-ACTION) when the event is rescheduled, only an
invited attendee may answer, and a repeated identical command appends nothing.

Events that change the stored body carry the resulting `ical` text and `facts`, so projections
and replays never parse iCalendar. When one command appends several events (a PUT that adds
attendees and changes the summary), only the last carries the body; the others carry `None`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain import ical_edits
from televent.domain.errors import ConflictError, NotFoundError, NotInvitedError
from televent.domain.ical import (
    CalendarObject,
    Facts,
    facts_of,
    parse_calendar_object,
    property_changes,
    timing_moved,
)
from televent.domain.occurrence_index import stored_facts
from televent.domain.scheduling import with_delivery_status
from televent.domain.series_split import series_shortened
from televent.domain.values import PartStat, calendar_event_id_for, normalize_address

CANCELLED = "CANCELLED"


class CalendarEvent(Aggregate):
    """A VEVENT, VTODO or VJOURNAL resource, identified by (calendar, UID).

    `schedule_version` is the version whose ETag is the resource's Schedule-Tag (RFC 6638
    §3.2.10): every change of the body moves it, except one that only records answers (an
    attendee's reply merged into the organizer's event, the attendee's own PARTSTAT in their
    copy, others' answers the organizer's update brings).
    """

    schedule_version = 0

    @staticmethod
    def create_id(calendar_id: UUID, uid: str) -> UUID:
        """The id derives from calendar and UID: a UID names one resource per calendar."""
        return calendar_event_id_for(calendar_id, uid)

    @event("EventCreated")
    def __init__(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        uid: str,
        href: str,
        ical: str,
        facts: Facts,
        actor: str,
        source: str,
    ) -> None:
        self.calendar_id = calendar_id
        self.account_id = account_id
        self.uid = uid
        self.href = href
        self.ical = ical
        self.facts = facts
        self.deleted = False
        self.schedule_version = self.version

    # --- commands ------------------------------------------------------------------------

    def revise(
        self,
        new: CalendarObject,
        *,
        href: str,
        actor: str,
        source: str,
        organizer_copy: bool = False,
    ) -> None:
        """Replace the resource with a new version (a CalDAV PUT, an iTIP update).

        Translates the difference into domain events: AttendeeInvited, AttendeeRemoved,
        RsvpGiven for each attendee change, then EventUpdated with what changed. Raises
        SEQUENCE on a significant change the client did not mark, and resets attendees'
        PARTSTAT when the timing changed (not when a series only ends earlier: the
        occurrences left are where they were). An `organizer_copy` (an attendee's copy updated by
        the organizer's iTIP message) keeps the organizer's SEQUENCE as sent: it is how later
        messages are ordered (RFC 5546 §2.1.5).
        """
        self._check_live()
        if href != self.href:
            raise ConflictError(f"UID {self.uid} is already stored as {self.href}.")
        old = parse_calendar_object(self.ical)
        if old.canonical() == new.canonical():
            return
        facts = facts_of(new)
        stored_sequence = self.facts["sequence"]
        if facts["sequence"] < stored_sequence and facts["attendees"] and not organizer_copy:
            # A client editing an older revision: its attendees' answers are stale (they may
            # predate a reset), so the stored answers stand.
            stored = {a["address"]: a["partstat"] for a in self.facts["attendees"]}
            new = parse_calendar_object(ical_edits.with_partstats(new.text, stored))
        moved = timing_moved(self.facts, facts)
        if "" in moved and series_shortened(self.ical, new.text):
            moved.discard("")  # a series ended earlier: no occurrence left moved
        if moved and facts["attendees"] and not organizer_copy:
            new = parse_calendar_object(ical_edits.with_partstats_reset(new.text, moved))
        # SEQUENCE never goes back, and goes up on a significant change (RFC 5545 §3.8.7.4).
        sequence = facts["sequence"] if organizer_copy else max(facts["sequence"], stored_sequence)
        significant = facts["significant"] != self.facts["significant"]
        if significant and sequence == stored_sequence and not organizer_copy:
            sequence += 1
        if sequence != facts["sequence"]:
            new = parse_calendar_object(ical_edits.with_sequence_and_status(new.text, sequence))
        # what the event carries: the final body's facts and reading
        facts = stored_facts(new, None if new.text != self.ical else facts)
        pending = self._attendee_events(facts)
        changes = property_changes(old, new)
        if changes or not pending:
            pending.append((self._updated, {"changes": changes}))
        self._emit(pending, new.text, facts, actor=actor, source=source)

    def force_send(self, method: str, addresses: list[str], *, actor: str, source: str) -> None:
        """Send the current version again to these attendees (REQUEST) or to the organizer
        (REPLY), although nothing significant changed (RFC 6638 §7.2 SCHEDULE-FORCE-SEND)."""
        self._check_live()
        if method not in ("REQUEST", "REPLY") or not addresses:
            return
        self._forced(
            calendar_id=self.calendar_id,
            account_id=self.account_id,
            method=method,
            addresses=sorted(set(addresses)),
            actor=actor,
            source=source,
        )

    def record_delivery_status(
        self,
        address: str,
        status: str,
        *,
        organizer: bool = False,
        reason: str,
        actor: str,
        source: str,
    ) -> None:
        """Write SCHEDULE-STATUS `status` on the ATTENDEE `address` (on the ORGANIZER, for a
        reply to them): what became of the last message sent there, e.g. 5.1 when it came back
        undelivered (RFC 6638 §3.2.9). Only an address the resource names; the same status
        again appends nothing."""
        self._check_live()
        text = with_delivery_status(
            parse_calendar_object(self.ical), address, status, organizer=organizer
        )
        if text is None:
            return
        new = parse_calendar_object(text)
        self._status_recorded(
            calendar_id=self.calendar_id,
            account_id=self.account_id,
            address=normalize_address(address),
            status=status,
            reason=reason,
            ical=new.text,
            facts=stored_facts(new),
            actor=actor,
            source=source,
        )

    def invite_attendee(
        self,
        value: str,
        cn: str | None,
        *,
        organizer: tuple[str, str | None] | None = None,
        actor: str,
        source: str,
    ) -> None:
        """Invite someone to the whole event; inviting an attendee again changes nothing.

        `organizer` (address, name) is written when the event names none yet.
        """
        self._check_live()
        if self._attendee(value) is not None:
            return
        new = parse_calendar_object(
            ical_edits.with_attendee(self.ical, value, cn, organizer=organizer)
        )
        facts = stored_facts(new)
        invited = next(a for a in facts["attendees"] if a["address"] == normalize_address(value))
        self._emit(
            [(self._invited, {"attendee": invited})], new.text, facts, actor=actor, source=source
        )

    def remove_attendee(self, address: str, *, actor: str, source: str) -> None:
        """Remove an attendee from every instance."""
        self._check_live()
        if self._attendee(address) is None:
            raise NotInvitedError(f"{address} is not an attendee of this event.").worded(
                "refusal-calendars-not-attendee"
            )
        new = parse_calendar_object(ical_edits.without_attendee(self.ical, address))
        self._emit(
            [(self._removed, {"address": normalize_address(address)})],
            new.text,
            stored_facts(new),
            actor=actor,
            source=source,
        )

    def give_rsvp(
        self,
        address: str,
        partstat: PartStat,
        *,
        recurrence_id: str | None = None,
        replied: str | None = None,
        actor: str,
        source: str,
    ) -> None:
        """Record an attendee's answer; only an invited attendee may answer.

        `replied` is the DTSTAMP of the iTIP REPLY the answer came in, kept on the ATTENDEE so
        an older reply arriving later is recognised. The same answer given again appends nothing.
        """
        self._check_live()
        attendee = self._attendee(address)
        if attendee is None:
            raise NotInvitedError(f"{address} is not invited to this event.").worded(
                "refusal-calendars-not-invited"
            )
        new = parse_calendar_object(
            ical_edits.with_partstat(self.ical, address, partstat, recurrence_id, replied)
        )
        if new.canonical() == parse_calendar_object(self.ical).canonical():
            return
        self._emit(
            [
                (
                    self._rsvp_given,
                    {
                        "address": attendee["address"],
                        "partstat": partstat.value,
                        "recurrence_id": recurrence_id,
                    },
                )
            ],
            new.text,
            stored_facts(new),
            actor=actor,
            source=source,
        )

    def cancel(self, *, actor: str, source: str) -> None:
        """Cancel the event (STATUS:CANCELLED, SEQUENCE raised); cancelling twice is a no-op."""
        self._check_live()
        if self.facts["status"] == CANCELLED:
            return
        new = parse_calendar_object(
            ical_edits.with_sequence_and_status(self.ical, self.facts["sequence"] + 1, CANCELLED)
        )
        self._emit([(self._cancelled, {})], new.text, stored_facts(new), actor=actor, source=source)

    def delete(self, *, actor: str, source: str) -> None:
        """Delete the resource; deleting a deleted resource is a no-op."""
        if self.deleted:
            return
        self._deleted(
            calendar_id=self.calendar_id,
            account_id=self.account_id,
            href=self.href,
            actor=actor,
            source=source,
        )

    def recreate(self, new: CalendarObject, *, href: str, actor: str, source: str) -> None:
        """Store a UID again after it was deleted (possibly under another resource name)."""
        if not self.deleted:
            raise ConflictError(f"UID {self.uid} is already stored as {self.href}.")
        self._recreated(
            calendar_id=self.calendar_id,
            account_id=self.account_id,
            href=href,
            ical=new.text,
            facts=stored_facts(new),
            actor=actor,
            source=source,
        )

    # --- helpers -----------------------------------------------------------------------------

    def _check_live(self) -> None:
        if self.deleted:
            raise NotFoundError(f"Event {self.uid} was deleted.").worded(
                "refusal-calendars-event-gone"
            )

    def _attendee(self, address: str) -> dict[str, Any] | None:
        key = normalize_address(address)
        attendees: list[dict[str, Any]] = self.facts["attendees"]
        return next((a for a in attendees if a["address"] == key), None)

    def _attendee_events(self, facts: Facts) -> list[tuple[Any, dict[str, Any]]]:
        before = {a["address"]: a for a in self.facts["attendees"]}
        after = {a["address"]: a for a in facts["attendees"]}
        pending: list[tuple[Any, dict[str, Any]]] = []
        for address, attendee in after.items():
            if address not in before:
                pending.append((self._invited, {"attendee": attendee}))
            elif attendee["partstat"] != before[address]["partstat"] and (
                facts["timing"] == self.facts["timing"]
            ):
                pending.append(
                    (
                        self._rsvp_given,
                        {
                            "address": address,
                            "partstat": attendee["partstat"],
                            "recurrence_id": None,
                        },
                    )
                )
        pending.extend(
            (self._removed, {"address": address}) for address in before if address not in after
        )
        return pending

    def _emit(
        self,
        pending: list[tuple[Any, dict[str, Any]]],
        ical: str,
        facts: Facts,
        *,
        actor: str,
        source: str,
    ) -> None:
        """Trigger the events; only the last carries the resulting body and facts.

        Answers come first, so the last event (the one a reader of the body sees) is a change
        of the owner's or organizer's whenever the command holds one (the Schedule-Tag rule).
        """
        pending = sorted(
            pending, key=lambda item: getattr(item[0], "__name__", "") != "_rsvp_given"
        )
        for index, (trigger, fields) in enumerate(pending):
            last = index == len(pending) - 1
            trigger(
                calendar_id=self.calendar_id,
                account_id=self.account_id,
                **fields,
                ical=ical if last else None,
                facts=facts if last else None,
                actor=actor,
                source=source,
            )

    def _apply_body(self, ical: str | None, facts: Facts | None, *, merged: bool = False) -> None:
        """Called while an event applies (before `version` moves to the event's)."""
        if ical is not None and facts is not None:
            self.ical = ical
            self.facts = facts
            if not merged:
                self.schedule_version = self.version + 1

    # --- events ----------------------------------------------------------------------------

    @event("EventUpdated")
    def _updated(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        changes: dict[str, Any],
        ical: str | None,
        facts: Facts | None,
        actor: str,
        source: str,
    ) -> None:
        self._apply_body(ical, facts)

    @event("AttendeeInvited")
    def _invited(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        attendee: dict[str, Any],
        ical: str | None,
        facts: Facts | None,
        actor: str,
        source: str,
    ) -> None:
        self._apply_body(ical, facts)

    @event("AttendeeRemoved")
    def _removed(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        address: str,
        ical: str | None,
        facts: Facts | None,
        actor: str,
        source: str,
    ) -> None:
        self._apply_body(ical, facts)

    @event("RsvpGiven")
    def _rsvp_given(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        address: str,
        partstat: str,
        recurrence_id: str | None,
        ical: str | None,
        facts: Facts | None,
        actor: str,
        source: str,
    ) -> None:
        self._apply_body(ical, facts, merged=True)

    @event("DeliveryStatusRecorded")
    def _status_recorded(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        address: str,
        status: str,
        reason: str,
        ical: str,
        facts: Facts,
        actor: str,
        source: str,
    ) -> None:
        self._apply_body(ical, facts, merged=True)  # the server's note: the Schedule-Tag stays

    @event("EventCancelled")
    def _cancelled(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        ical: str | None,
        facts: Facts | None,
        actor: str,
        source: str,
    ) -> None:
        self._apply_body(ical, facts)

    @event("SchedulingForced")
    def _forced(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        method: str,
        addresses: list[str],
        actor: str,
        source: str,
    ) -> None:
        pass  # changes nothing stored: the delivery projections send the messages again

    @event("EventDeleted")
    def _deleted(
        self, *, calendar_id: UUID, account_id: UUID, href: str, actor: str, source: str
    ) -> None:
        self.deleted = True

    @event("EventRecreated")
    def _recreated(
        self,
        *,
        calendar_id: UUID,
        account_id: UUID,
        href: str,
        ical: str,
        facts: Facts,
        actor: str,
        source: str,
    ) -> None:
        self.href = href
        self.ical = ical
        self.facts = facts
        self.deleted = False
        self.schedule_version = self.version + 1


def new_calendar_event(
    calendar_id: UUID,
    account_id: UUID,
    href: str,
    obj: CalendarObject,
    *,
    actor: str,
    source: str,
) -> CalendarEvent:
    """A new event holding `obj` under the resource name `href`, in the calendar
    `calendar_id` of `account_id`."""
    return CalendarEvent(
        calendar_id=calendar_id,
        account_id=account_id,
        uid=obj.uid,
        href=href,
        ical=obj.text,
        facts=stored_facts(obj),
        actor=actor,
        source=source,
    )
