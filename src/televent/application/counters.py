"""COUNTER proposals (RFC 5546 §3.2.7, §3.2.8): recorded as events, answered from Telegram.

An attendee of an event organised here proposes another time by email; the inbox
(itip_inbox.py) checks the proposal may speak for that attendee and hands it here. It becomes a
CounterProposal (domain/counter.py), whose id the application derives from the message, and the
organizer gets a Telegram card with two buttons. Accepting moves the event to the proposed time
(a new REQUEST goes to everyone); declining sends the attendee a DECLINECOUNTER. Either way the
answer is recorded, so `mail_counters` is a read model of the log.
"""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from televent.application.itip_outcomes import text_of
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue, itip_payload
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.counter import OPEN, CounterProposal, counter_proposal_id_for
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.ical import parse_calendar_object
from televent.domain.itip.answers import with_proposed_time
from televent.domain.itip.message import ItipMessage
from televent.projections.counters import LegacyCounters
from televent.projections.queries import AccountView, ObjectView
from televent.projections.telegram_delivery import stamp


def counter_id_for(message_id: str, event_id: UUID, address: str, text: str) -> str:
    """The id of a proposal (12 hex digits, as the card's buttons carry it): derived from the
    message, so the same email processed again names the same proposal."""
    seed = "\n".join((message_id, str(event_id), address, text))
    return hashlib.sha256(seed.encode()).hexdigest()[:12]


def proposal_of(itip: ItipMessage) -> dict[str, Any]:
    """What a COUNTER proposes: the start as written, the whole text, the attendee's COMMENT."""
    lead = itip.lead
    start = lead.get("DTSTART")
    return {
        "start": None if start is None else start.value,
        "start_tzid": None if start is None else start.param("TZID"),
        "text": "".join(c.serialize() for c in itip.components),
        "comment": text_of(lead, "COMMENT"),
    }


class Counters:
    """Records COUNTER proposals and the organizer's answers."""

    def __init__(self, app: Televent, *, mail: MailQueue, telegram: DeliveryQueue) -> None:
        self.app = app
        self.mail = mail
        self.telegram = telegram

    def propose(
        self, event_id: UUID, address: str, itip: ItipMessage, *, message_id: str, source: str
    ) -> str:
        """Record a proposal for an event organised here and ask the organizer; returns the
        counter id. The caller has checked that the message may speak for `address`.

        Raises:
            NotFoundError: the event no longer exists.
        """
        current, owner_id = self._event(event_id)
        proposal = proposal_of(itip)
        counter_id = counter_id_for(message_id, event_id, address, proposal["text"])
        if self._load(counter_id) is None:
            self.app.save_all(
                CounterProposal(
                    counter_id=counter_id,
                    event_id=event_id,
                    calendar_id=current.calendar_id,
                    account_id=owner_id,
                    uid=current.uid,
                    address=address,
                    proposal=proposal,
                    actor=f"address:{address}",
                    source=source,
                )
            )
        owner = self.app.queries.account_by_id(owner_id)
        if owner is not None:
            self.telegram.enqueue(
                f"counter:{counter_id}",
                owner.telegram_id,
                "counter",
                str(event_id),
                {
                    "counter_id": counter_id,
                    "summary": text_of(parse_calendar_object(current.ical).lead),
                    "attendee_name": address,
                    "proposed": proposal["start"],
                    "comment": proposal["comment"],
                },
            )
        return counter_id

    def answer(self, counter_id: str, account: AccountView, *, accept: bool, source: str) -> str:
        """The organizer's answer: move the event to the proposed time (a new REQUEST goes to
        everyone), or send the attendee a DECLINECOUNTER. Returns the event's summary ("" when
        it has none: the adapter says so in the person's words).

        Raises:
            NotFoundError: the proposal is unknown, or not about one of the account's events.
            DomainError: it was answered already, or holds no usable time.
        """
        proposal = self._load(counter_id) or self._from_legacy(counter_id)
        if proposal is None:
            raise NotFoundError("That proposal is not known.").worded(
                "refusal-calendars-proposal-unknown"
            )
        current = self.app.queries.object_by_event_id(proposal.event_id)
        calendar = None if current is None else self.app.queries.calendar(current.calendar_id)
        if current is None or calendar is None or calendar.account_id != account.account_id:
            raise NotFoundError("That proposal is not for one of your events.").worded(
                "refusal-calendars-proposal-not-yours"
            )
        if proposal.status != OPEN:
            raise DomainError(f"You already answered this proposal ({proposal.status}).").worded(
                "refusal-calendars-proposal-answered", status=proposal.status
            )
        stored = parse_calendar_object(current.ical)
        actor = f"account:{account.account_id}"
        if accept:
            text = with_proposed_time(stored, str(proposal.proposal.get("text", "")))
            self.app.put_object(current.calendar_id, current.href, text, actor=actor, source=source)
        else:
            event_id = str(proposal.event_id)
            self.mail.enqueue_mail(
                f"declinecounter:{event_id}:{proposal.address}:{counter_id}",
                proposal.address,
                "DECLINECOUNTER",
                event_id,
                str(account.account_id),
                itip_payload(
                    current.ical,
                    self.mail.invitation_token(event_id, proposal.address) or "",
                    stamp(self.app.clock()),
                    attendee=proposal.address,
                ),
            )
        proposal.answer(accept=accept, actor=actor, source=source)
        self.app.save_all(proposal)
        return text_of(stored.lead) or ""

    def _event(self, event_id: UUID) -> tuple[ObjectView, UUID]:
        current = self.app.queries.object_by_event_id(event_id)
        calendar = None if current is None else self.app.queries.calendar(current.calendar_id)
        if current is None or calendar is None:
            raise NotFoundError("the event no longer exists")
        return current, calendar.account_id

    def _load(self, counter_id: str) -> CounterProposal | None:
        try:
            found: CounterProposal = self.app.repository.get(counter_proposal_id_for(counter_id))
        except AggregateNotFoundError:
            return None
        return found

    def _from_legacy(self, counter_id: str) -> CounterProposal | None:
        """A proposal made before proposals were events (migration 0015): recorded now, as it
        was made, so its answer has something to answer."""
        legacy = LegacyCounters(self.app.views).open_proposal(counter_id)
        if legacy is None:
            return None
        try:
            current, owner_id = self._event(UUID(legacy["event_id"]))
        except NotFoundError:
            return None
        proposal = CounterProposal(
            counter_id=counter_id,
            event_id=current.event_id,
            calendar_id=current.calendar_id,
            account_id=owner_id,
            uid=current.uid,
            address=legacy["address"],
            proposal=legacy["proposal"],
            actor=f"address:{legacy['address']}",
            source="system:migration-0015",
        )
        self.app.save_all(proposal)
        return proposal
