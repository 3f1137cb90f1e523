"""The CounterProposal aggregate: an attendee's proposal of another time (RFC 5546 §3.2.7).

An attendee of an event organised here sends a COUNTER; the organizer accepts it (the event
moves to the proposed time and everyone gets the new REQUEST) or declines it (the attendee gets
a DECLINECOUNTER, §3.2.8). Both are recorded here, so the proposals and their answers are in the
log: the `counters` read model is rebuilt from them and the audit shows them.

A proposal is its own aggregate rather than events of the CalendarEvent: an event's version is
its ETag, and a proposal must not change the resource a CalDAV client holds.

Its id derives from the counter id the application chose, and its events are sealed with the
organizer's key (`account_id`), as the event's are.
"""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.errors import DomainError
from televent.domain.values import TELEVENT_NAMESPACE, normalize_address

OPEN = "open"
ACCEPTED = "accepted"
DECLINED = "declined"


def counter_proposal_id_for(counter_id: str) -> UUID:
    """The aggregate id of a proposal, from the counter id its card and buttons carry."""
    return uuid.uuid5(TELEVENT_NAMESPACE, f"counter:{counter_id}")


class CounterProposal(Aggregate):
    """One COUNTER, for one event organised here, from one attendee, until it is answered.

    `proposal` holds what the organizer is shown and what accepting applies: `start` and
    `start_tzid` (the proposed DTSTART as written), `text` (the message's components as
    iCalendar text) and `comment` (the attendee's COMMENT, unescaped).
    """

    @staticmethod
    def create_id(counter_id: str) -> UUID:
        """The id derives from the counter id, so one proposal is recorded once."""
        return counter_proposal_id_for(counter_id)

    @event("CounterProposed")
    def __init__(
        self,
        *,
        counter_id: str,
        event_id: UUID,
        calendar_id: UUID,
        account_id: UUID,
        uid: str,
        address: str,
        proposal: dict[str, Any],
        actor: str,
        source: str,
    ) -> None:
        self.counter_id = counter_id
        self.event_id = event_id
        self.calendar_id = calendar_id
        self.account_id = account_id
        self.uid = uid
        self.address = normalize_address(address)
        self.proposal = proposal
        self.status = OPEN

    def answer(self, *, accept: bool, actor: str, source: str) -> None:
        """The organizer's answer; a proposal is answered once."""
        if self.status != OPEN:
            raise DomainError(f"You already answered this proposal ({self.status}).").worded(
                "refusal-calendars-proposal-answered", status=self.status
            )
        self._answered(
            counter_id=self.counter_id,
            event_id=self.event_id,
            calendar_id=self.calendar_id,
            account_id=self.account_id,
            address=self.address,
            accepted=accept,
            actor=actor,
            source=source,
        )

    @event("CounterAnswered")
    def _answered(
        self,
        *,
        counter_id: str,
        event_id: UUID,
        calendar_id: UUID,
        account_id: UUID,
        address: str,
        accepted: bool,
        actor: str,
        source: str,
    ) -> None:
        self.status = ACCEPTED if accepted else DECLINED
