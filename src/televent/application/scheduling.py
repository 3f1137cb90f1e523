"""Implicit scheduling between Televent users (RFC 6638 §3.2, §4.3), decided on the write side.

When a change to a calendar object is saved, its scheduling consequences for other Televent
users are saved in the same transaction, so nothing is half-delivered:

- the organizer's change: every invited Televent user (a `tg_<id>@<internal domain>` address
  or a linked email, SCHEDULE-AGENT=SERVER) gets the event in their own calendar as the iTIP
  REQUEST would leave it (domain/itip/apply.py: their answer, alarms and TRANSP are kept); a removed
  attendee's copy, and every copy when the event is deleted, is cancelled;
- an attendee's change to their copy: each answer they gave (their PARTSTAT, per instance; a
  DECLINED for a deleted copy) is recorded on the organizer's event, and the other attendees'
  copies show it.

Messages to people outside Televent (iMIP email) and Telegram cards are queued by projections
from the same domain events (projections/email_delivery.py, telegram_delivery.py), so one save
makes one invitation per attendee whichever adapter made it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from uuid import UUID

from eventsourcing.application import Repository

from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import DomainError
from televent.domain.ical import CalendarObject, facts_of, parse_calendar_object
from televent.domain.itip import ItipMessage, apply_cancel, apply_request, read_itip
from televent.domain.scheduling import (
    ATTENDEE_ROLE,
    DELIVERED,
    INVALID_USER,
    ORGANIZER_ROLE,
    SENT,
    OwnAnswer,
    attendee_addresses,
    is_scheduled,
    object_role,
    organizer_of,
    own_answers,
    scheduled_attendees,
    with_schedule_status,
    without_scheduling_params,
)
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    calendar_event_id_for,
    calendar_id_for,
    is_valid_email,
    normalize_address,
)
from televent.projections.directory_reader import addresses_of
from televent.projections.queries import AccountView, Queries

_SAFE_NAME = re.compile(r"[A-Za-z0-9@._-]{1,120}")
ORGANIZER = ORGANIZER_ROLE
ATTENDEE = ATTENDEE_ROLE


def resource_name(uid: str) -> str:
    """The resource name of a copy the server stores (from an invitation or a scheduling
    message): the UID when it is a safe name, else a digest of it."""
    if _SAFE_NAME.fullmatch(uid):
        return f"{uid}.ics"
    return hashlib.sha256(uid.encode()).hexdigest()[:40] + ".ics"


class Scheduler:
    """Finds the scheduling consequences of a change (the application saves them).

    It reads the read models (`queries`) to find the Televent users an address stands for and
    the copies they hold, and loads those copies from the `repository` to change them.
    """

    def __init__(
        self, queries: Queries, repository: Repository[UUID], internal_domain: str
    ) -> None:
        self.queries = queries
        self.repository = repository
        self.internal_domain = internal_domain

    # --- roles ------------------------------------------------------------------------------

    def owner_of(self, event: CalendarEvent, known: AccountView | None) -> AccountView | None:
        """The account whose calendar holds `event`: `known` when the caller has just read
        it, else read now."""
        if known is not None and known.account_id == event.account_id:
            return known
        return self.queries.account_by_id(event.account_id)

    def addresses_of(self, account: AccountView) -> set[str]:
        """The calendar user addresses of an account (normalised)."""
        return set(addresses_of(account, self.internal_domain))

    def account_for(self, address: str) -> AccountView | None:
        """The Televent user an address stands for."""
        return self.queries.account_for_address(address, self.internal_domain)

    def role(self, obj: CalendarObject, owner: AccountView) -> str | None:
        """ORGANIZER, ATTENDEE or None: what the owner is to this resource (RFC 6638 §3.1,
        `domain.scheduling.scheduling_role`: None is plain data, nothing is scheduled)."""
        return object_role(obj, self.addresses_of(owner))

    # --- what the organizer's client sent -------------------------------------------------------

    def stamped(self, obj: CalendarObject, owner: AccountView) -> CalendarObject:
        """The organizer's resource with SCHEDULE-STATUS on each attendee the server schedules
        (RFC 6638 §3.2.9) and SCHEDULE-FORCE-SEND removed (§7.2)."""
        statuses: dict[str, str] = {}
        for address, attendee in scheduled_attendees(obj).items():
            statuses[address] = self._status(attendee.value, address, owner)
        text = with_schedule_status(obj, statuses)
        return obj if text == obj.text else parse_calendar_object(text)

    def _status(self, value: str, address: str, owner: AccountView) -> str:
        if not value.lower().startswith("mailto:") or not is_valid_email(address):
            return INVALID_USER
        account = self.account_for(address)
        if account is not None:
            return DELIVERED
        if address.endswith("@" + self.internal_domain.lower()):
            return INVALID_USER  # a tg_ address of nobody registered
        return SENT

    # --- consequences -------------------------------------------------------------------------

    def consequences(
        self,
        event: CalendarEvent,
        before: CalendarObject | None,
        *,
        actor: str,
        source: str,
        skip_accounts: Iterable[UUID] = (),
        owner_account: AccountView | None = None,
        parsed: CalendarObject | None = None,
    ) -> list[CalendarEvent]:
        """The other aggregates a change to `event` changes (unsaved). `before` is the resource
        as it was (None when new); `owner_account` the calendar's owner when the caller has
        just read it; `parsed` the body the caller has just read (used when it is the event's
        body now: a PUT reads the body once)."""
        if not event.facts.get("attendees") and (before is None or not before_attendees(before)):
            return []
        owner = self.owner_of(event, owner_account)
        if owner is None:
            return []
        obj = (
            parsed
            if parsed is not None and parsed.text == event.ical
            else parse_calendar_object(event.ical)
        )
        role = self.role(obj, owner) or (None if before is None else self.role(before, owner))
        if role == ORGANIZER:
            return self._to_attendees(event, obj, owner, actor, source, set(skip_accounts))
        if role == ATTENDEE:
            return self._to_organizer(event, obj, before, owner, actor, source)
        return []

    def _to_attendees(  # noqa: PLR0917 - one decision, its inputs named
        self,
        event: CalendarEvent,
        obj: CalendarObject,
        owner: AccountView,
        actor: str,
        source: str,
        skip: set[UUID],
    ) -> list[CalendarEvent]:
        """REQUEST to each invited Televent user's copy, CANCEL to the uninvited ones'."""
        invited: dict[UUID, AccountView] = {}
        if not event.deleted:
            for address in scheduled_attendees(obj):
                account = self.account_for(address)
                if account is not None and account.account_id != owner.account_id:
                    invited.setdefault(account.account_id, account)
        still_listed = attendee_addresses(obj) if not event.deleted else set()
        organizer_addresses = self.addresses_of(owner)
        cancelled = event.deleted or (event.facts.get("status") or "").upper() == "CANCELLED"
        changed: list[CalendarEvent] = []
        for account in invited.values():
            if account.account_id in skip:
                continue
            method = "CANCEL" if cancelled else "REQUEST"
            copy = self._deliver(event, account, method, organizer_addresses, actor, source)
            if copy is not None:
                changed.append(copy)
        for holder, _ in self.queries.holders_of_uid(event.uid):
            if holder == owner.account_id or holder in invited or holder in skip:
                continue
            account = self.queries.account_by_id(holder)
            if account is None or self.addresses_of(account) & still_listed:
                continue  # still invited (SCHEDULE-AGENT=CLIENT): their client is told
            copy = self._deliver(event, account, "CANCEL", organizer_addresses, actor, source)
            if copy is not None:
                changed.append(copy)
        return changed

    def _deliver(  # noqa: PLR0917
        self,
        event: CalendarEvent,
        account: AccountView,
        method: str,
        organizer_addresses: set[str],
        actor: str,
        source: str,
    ) -> CalendarEvent | None:
        """Apply the organizer's REQUEST or CANCEL to one attendee's copy (None: unchanged)."""
        message = read_itip(without_scheduling_params(event.ical), method)[0]
        held = self.queries.object_with_uid(account.account_id, event.uid)
        if held is not None:
            copy: CalendarEvent = self.repository.get(held.event_id)
            stored = parse_calendar_object(copy.ical)
            chair = organizer_of(stored)
            if chair is None or normalize_address(chair.value) not in organizer_addresses:
                return None  # the user's own resource with that UID: never overwritten
            text = (
                apply_cancel(stored, message)
                if method == "CANCEL"
                else apply_request(stored, message, self.addresses_of(account))
            )
            if text is None:
                return None
            copy.revise(
                parse_calendar_object(text),
                href=copy.href,
                actor=actor,
                source=source,
                organizer_copy=True,
            )
            return copy if copy.pending_events else None
        if method == "CANCEL":
            return None  # nothing to cancel: the attendee deleted their copy
        return self._new_copy(event, account, message, actor, source)

    def _new_copy(
        self,
        event: CalendarEvent,
        account: AccountView,
        message: ItipMessage,
        actor: str,
        source: str,
    ) -> CalendarEvent | None:
        calendar_id = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)
        text = apply_request(None, message, self.addresses_of(account))
        if text is None or self.queries.calendar(calendar_id) is None:
            return None
        obj = parse_calendar_object(text)
        facts = facts_of(obj)
        copy_id = calendar_event_id_for(calendar_id, event.uid)
        if copy_id in self.repository:
            earlier: CalendarEvent = self.repository.get(copy_id)
            if not earlier.deleted or earlier.facts["sequence"] >= facts["sequence"]:
                return None  # deleted (declined) by the attendee: only a new revision returns
            earlier.recreate(obj, href=earlier.href, actor=actor, source=source)
            return earlier
        href = resource_name(event.uid)
        if self.queries.object_at(calendar_id, href) is not None:
            href = resource_name(f"{event.uid}/{event.id}")
        return CalendarEvent(
            calendar_id=calendar_id,
            account_id=account.account_id,
            uid=event.uid,
            href=href,
            ical=obj.text,
            facts=facts,
            actor=actor,
            source=source,
        )

    def _to_organizer(  # noqa: PLR0917
        self,
        copy: CalendarEvent,
        obj: CalendarObject,
        before: CalendarObject | None,
        owner: AccountView,
        actor: str,
        source: str,
    ) -> list[CalendarEvent]:
        """REPLY: record the attendee's answers on the organizer's event (a Televent user's)."""
        chair = organizer_of(obj)
        if chair is None or not is_scheduled(chair):
            return []
        organizer = self.account_for(chair.value)
        if organizer is None or organizer.account_id == owner.account_id:
            return []  # organised outside Televent: the email projection replies
        own = self.addresses_of(owner)
        if copy.deleted:
            mine = sorted(attendee_addresses(obj) & own)
            answers = [OwnAnswer(a, PartStat.DECLINED.value, "") for a in mine[:1]]
        else:
            answers = own_answers(before, obj, own)
        held = self.queries.object_with_uid(organizer.account_id, copy.uid)
        if not answers or held is None:
            return []
        original: CalendarEvent = self.repository.get(held.event_id)
        for answer in answers:
            try:
                original.give_rsvp(
                    answer.address,
                    PartStat(answer.partstat),
                    recurrence_id=answer.instance or None,
                    actor=actor,
                    source=source,
                )
            except (DomainError, ValueError):
                continue  # not invited there (any more), or not an answer iTIP knows
        if not original.pending_events:
            return []
        others = self.consequences(
            original,
            None,
            actor=actor,
            source=source,
            skip_accounts={owner.account_id},
        )
        return [original, *others]


def before_attendees(before: CalendarObject) -> bool:
    """Whether the earlier version listed anyone."""
    return bool(attendee_addresses(before))
