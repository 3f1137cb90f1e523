"""Calendar object resources: storing (CalDAV PUT, RFC 4791 §5.3.2) and deleting them.

Preconditions are checked against the read model first and against the loaded aggregate again
(If-Match, RFC 7232 §3.1; If-None-Match; If-Schedule-Tag-Match, RFC 6638 §3.2.10). A
scheduling object resource is stored as the server schedules it: SCHEDULE-STATUS written on
the organizer's attendees (RFC 6638 §3.2.9), SCHEDULE-FORCE-SEND never stored (§7.2), an
attendee allowed to change only their own part (§3.2.2.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from uuid import UUID

from televent.application.core import CommandCore, Together
from televent.application.scheduling import ATTENDEE, ORGANIZER
from televent.domain.calendar_event import CalendarEvent, new_calendar_event
from televent.domain.errors import (
    ConflictError,
    InvalidCalendarDataError,
    NotFoundError,
    PreconditionFailedError,
    UidConflictError,
)
from televent.domain.ical import CalendarObject, component_kinds, parse_calendar_object
from televent.domain.ical_edits import with_organizer_for
from televent.domain.scheduling import (
    attendee_change_refusal,
    forced_sends,
    with_answers_kept,
    with_failures_kept,
    with_schedule_status,
)
from televent.domain.sharing import Action
from televent.domain.validation import accepted_calendar_object
from televent.domain.values import calendar_event_id_for, internal_uri, normalize_address
from televent.projections.calendar_view import etag_for
from televent.projections.engine import ViewConflictError
from televent.projections.queries import AccountView, PutTarget


@dataclass(frozen=True)
class PutResult:
    """The outcome of storing a calendar object resource."""

    event_id: UUID
    etag: str
    created: bool
    changed: bool
    stored_as_sent: bool  # False when the server rewrote the body (RFC 4791 §5.3.4: no ETag)
    schedule_tag: str | None = None  # of a scheduling object resource (RFC 6638 §3.2.10)


class _Incoming(NamedTuple):
    """A body to store, as the server will store it, and what it is to its calendar."""

    obj: CalendarObject
    target: PutTarget
    owner: AccountView | None  # the calendar's owner (None for an organizer's copy)
    role: str | None  # ORGANIZER, ATTENDEE or None (nothing scheduled)
    forced: dict[str, str]  # SCHEDULE-FORCE-SEND: address -> method
    repaired: bool  # the server changed the body (RFC 4791 §5.3.4: no ETag)


class ObjectCommands(CommandCore):
    """Commands on calendar object resources."""

    def put_object(
        self,
        calendar_id: UUID,
        href: str,
        ical: str,
        *,
        actor: str,
        source: str,
        if_match: str | None = None,
        if_none_match: bool = False,
        if_schedule_tag: str | None = None,
        organizer_copy: bool = False,
        together: Together = None,
        by: UUID | None = None,
    ) -> PutResult:
        """Store a calendar object resource under the name the client chose (CalDAV PUT).

        `if_match` is the ETag the client expects to replace; `if_none_match` means the
        resource must not exist yet; `if_schedule_tag` is the Schedule-Tag the client read
        (RFC 6638 §3.2.10: answers recorded since then are merged in, not lost). A body
        equal to the stored one appends nothing. The change's scheduling consequences for
        other Televent users are saved with it (televent/application/scheduling.py); an
        `organizer_copy` (an iTIP message from an organizer elsewhere) has none. `together`
        are other aggregates whose decisions are saved in the same transaction (a booking).
        `by` is the person asking (None: Televent itself, deciding for the owner): they need
        the right to write in the calendar (domain/sharing.py).
        """
        obj, target, owner, role, forced, repaired = self._incoming(
            calendar_id,
            href,
            ical,
            if_match=if_match,
            if_none_match=if_none_match,
            organizer_copy=organizer_copy,
            by=by,
        )
        current = target.at_href
        event_id = calendar_event_id_for(calendar_id, obj.uid)
        if current is None:
            if if_schedule_tag is not None:
                raise PreconditionFailedError(
                    "The resource does not exist (If-Schedule-Tag-Match)."
                )
            try:
                event = self._store_new(
                    calendar_id, target.owner, href, obj, actor=actor, source=source,
                    together=together, owner_account=owner,
                )  # fmt: skip
            except ConflictError:
                if if_none_match:
                    raise PreconditionFailedError(
                        "The resource was created while you were saving it."
                    ).worded("refusal-calendars-event-changed") from None
                raise
            created = changed = True
        else:
            event = self.repository.get(event_id)
            stored = parse_calendar_object(event.ical)
            if if_schedule_tag is not None:
                obj = self._schedule_tag_merge(event, stored, obj, owner, if_schedule_tag)
            else:
                _check_if_match(event, if_match)
            obj = self._as_revision(stored, obj, owner, role, forced)
            event.revise(obj, href=href, actor=actor, source=source, organizer_copy=organizer_copy)
            _force_sends(event, forced, actor=actor, source=source)
            created, changed = False, bool(event.pending_events)
            others = (
                []
                if organizer_copy or not changed
                else self.scheduler.consequences(
                    event, stored, actor=actor, source=source, owner_account=owner, parsed=obj
                )
            )
            try:
                self.save_all(together, event, *others)
            except ConflictError:
                if if_match is not None or if_schedule_tag is not None:
                    raise PreconditionFailedError(
                        "The resource changed while you were saving it."
                    ).worded("refusal-calendars-event-changed") from None
                raise
        return PutResult(
            event.id,
            etag_for(event.id, event.version),
            created,
            changed,
            stored_as_sent=not repaired and (not changed or event.ical == ical),
            schedule_tag=schedule_tag_of(event) if event.facts.get("organizer") else None,
        )

    def put_continued(
        self,
        calendar_id: UUID,
        href: str,
        ical: str,
        *,
        new_href: str,
        new_ical: str,
        actor: str,
        source: str,
        if_match: str,
        by: UUID | None = None,
    ) -> tuple[PutResult, PutResult]:
        """Store a revision of a resource and a new resource beside it in one transaction: a
        series that now ends, and its continuation under a new UID (how "this and following"
        is stored, domain/series_split.py). Neither is stored without the other; each comes
        with its scheduling consequences. `if_match` is the revised resource's ETag. Answers
        the two results, the revision's first."""
        obj, target, _, _, _, repaired = self._incoming(
            calendar_id,
            new_href,
            new_ical,
            if_match=None,
            if_none_match=True,
            organizer_copy=False,
            by=by,
        )
        event = new_calendar_event(
            calendar_id, target.owner, new_href, obj, actor=actor, source=source
        )
        others = self.scheduler.consequences(event, None, actor=actor, source=source)
        ended = self.put_object(
            calendar_id,
            href,
            ical,
            actor=actor,
            source=source,
            if_match=if_match,
            together=[event, *others],
            by=by,
        )
        started = PutResult(
            event.id,
            etag_for(event.id, event.version),
            created=True,
            changed=True,
            stored_as_sent=not repaired and event.ical == new_ical,
            schedule_tag=schedule_tag_of(event) if event.facts.get("organizer") else None,
        )
        return ended, started

    def _incoming(
        self,
        calendar_id: UUID,
        href: str,
        ical: str,
        *,
        if_match: str | None,
        if_none_match: bool,
        organizer_copy: bool,
        by: UUID | None,
    ) -> _Incoming:
        """A body as it will be stored, and the checks made before anything is loaded: the
        calendar exists, `by` may write in it, the preconditions the read model answers."""
        obj = accepted_calendar_object(ical)  # repaired or refused for every reader
        target = self.queries.put_target(calendar_id, href, obj.uid)
        if target is None:
            raise NotFoundError("Calendar not found.").worded("refusal-calendars-calendar-gone")
        if by is not None:
            self.require_access(
                by, calendar_id, Action.WRITE, owner=target.owner, subscribed=target.subscribed
            )
        owner = None if organizer_copy else self.queries.account_by_id(target.owner)
        obj = self._as_owners(obj, owner, by)
        repaired = obj.text != ical  # RFC 4791 §5.3.4: a body the server changed has no ETag
        role = None if owner is None else self.scheduler.role(obj, owner)
        forced = forced_sends(obj) if role is not None else {}
        if owner is not None and role is not None:
            obj = self._as_stored(obj, owner, role, forced)
        _check_put_target(target, href, obj, if_match, if_none_match=if_none_match)
        return _Incoming(obj, target, owner, role, forced, repaired)

    def _as_owners(
        self, obj: CalendarObject, owner: AccountView | None, by: UUID | None
    ) -> CalendarObject:
        """A member scheduling from a calendar shared with them acts for its owner: their own
        address as ORGANIZER becomes the owner's, with SENT-BY the member (docs/adr/0017), so
        invitations go out once, from the owner, and answers come back to this calendar."""
        if owner is None or by is None or by == owner.account_id:
            return obj
        organizers = {
            normalize_address(prop.value)
            for prop in (c.get("ORGANIZER") for c in obj.components)
            if prop is not None
        }
        member = self.queries.account_by_id(by) if organizers else None
        if member is None:
            return obj
        mine = self.scheduler.addresses_of(member)
        if not organizers & mine:
            return obj
        text = with_organizer_for(
            obj.text,
            mine,
            internal_uri(owner.telegram_id, self.internal_domain),
            owner.name,
            internal_uri(member.telegram_id, self.internal_domain),
        )
        return obj if text == obj.text else parse_calendar_object(text)

    def _as_stored(
        self, obj: CalendarObject, owner: AccountView, role: str, forced: dict[str, str]
    ) -> CalendarObject:
        """The organizer's resource with SCHEDULE-STATUS written; SCHEDULE-FORCE-SEND is
        never stored (RFC 6638 §7.2, §7.3)."""
        if role == ORGANIZER:
            return self.scheduler.stamped(obj, owner)
        if forced:
            return parse_calendar_object(with_schedule_status(obj, {}))
        return obj

    def _as_revision(
        self,
        stored: CalendarObject,
        new: CalendarObject,
        owner: AccountView | None,
        role: str | None,
        forced: dict[str, str],
    ) -> CalendarObject:
        """What a client's PUT over a stored scheduling object may change: an attendee only
        their own part; an organizer everything, but a delivery failure the server noted
        stays until a new message goes to that attendee (RFC 6638 §3.2.9)."""
        if owner is not None and role == ATTENDEE:
            return self._attendee_edit(stored, new, owner)
        if role == ORGANIZER:
            text = with_failures_kept(new, stored, forced)
            return new if text == new.text else parse_calendar_object(text)
        return new

    def _schedule_tag_merge(
        self,
        event: CalendarEvent,
        stored: CalendarObject,
        new: CalendarObject,
        owner: AccountView | None,
        if_schedule_tag: str,
    ) -> CalendarObject:
        """If-Schedule-Tag-Match (RFC 6638 §3.2.10): the client edited the revision it read;
        answers others gave since then are kept, anything else that changed is a 412."""
        if schedule_tag_of(event) != if_schedule_tag:
            raise PreconditionFailedError(
                "The event was changed since you read it (If-Schedule-Tag-Match)."
            )
        keep = set() if owner is None else self.scheduler.addresses_of(owner)
        text = with_answers_kept(new, stored, keep)
        return new if text == new.text else parse_calendar_object(text)

    def _attendee_edit(
        self, stored: CalendarObject, new: CalendarObject, owner: AccountView
    ) -> CalendarObject:
        """An attendee's client storing their copy: only their own part may change (RFC 6638
        §3.2.2.1); the other attendees' answers stay as the organizer last sent them."""
        own = self.scheduler.addresses_of(owner)
        refusal = attendee_change_refusal(stored, new, own)
        if refusal is not None:
            raise InvalidCalendarDataError(
                f"Only the organizer can change this event: {refusal}.",
                "allowed-attendee-scheduling-object-change",
            )
        text = with_answers_kept(new, stored, own)
        return new if text == new.text else parse_calendar_object(text)

    def _store_new(
        self,
        calendar_id: UUID,
        owner: UUID,
        href: str,
        obj: CalendarObject,
        *,
        actor: str,
        source: str,
        together: Together = None,
        owner_account: AccountView | None = None,
    ) -> CalendarEvent:
        """Create the event, or bring back a deleted one with the same UID.

        Creation is tried first (the common case costs no lookup); the event store's key
        tells us when the UID was stored before.
        """
        event = new_calendar_event(calendar_id, owner, href, obj, actor=actor, source=source)
        try:
            self._save_scheduled(
                event, None, actor=actor, source=source, together=together,
                owner_account=owner_account, parsed=obj,
            )  # fmt: skip
        except ViewConflictError:
            raise  # refused by a read model's integrity rule, not an earlier life of the UID
        except ConflictError:
            if together is not None:
                raise  # the other aggregate's concurrent decision (a new UID never collides)
            existing: CalendarEvent = self.repository.get(event.id)
            if not existing.deleted:
                raise  # created concurrently by someone else
            existing.recreate(obj, href=href, actor=actor, source=source)
            self._save_scheduled(existing, None, actor=actor, source=source, parsed=obj)
            return existing
        return event

    def delete_object(
        self,
        calendar_id: UUID,
        href: str,
        *,
        actor: str,
        source: str,
        if_match: str | None = None,
        together: Together = None,
        by: UUID | None = None,
    ) -> None:
        """Delete the resource stored under a name (`together` and `by`: see `put_object`)."""
        if by is not None:
            self.require_access(by, calendar_id, Action.WRITE)
        current = self.queries.object_at(calendar_id, href)
        if current is None:
            raise NotFoundError(f"No resource named {href}.").worded("refusal-calendars-event-gone")
        if if_match is not None and current.etag != if_match:
            raise _changed_since_read()
        event: CalendarEvent = self._get(current.event_id, CalendarEvent, "Event")
        _check_if_match(event, if_match)
        self._delete_scheduled(event, actor=actor, source=source, together=together)


def _check_put_target(
    target: PutTarget, href: str, obj: CalendarObject, if_match: str | None, *, if_none_match: bool
) -> None:
    """The checks of a PUT that the read model can answer before anything is loaded."""
    if obj.component_type not in component_kinds(target.components):
        raise InvalidCalendarDataError(
            f"This calendar takes {target.components}, not {obj.component_type}.",
            "supported-calendar-component",
        ).worded("refusal-data-wrong-kind", kind=obj.component_type)
    current = target.at_href
    if if_none_match and current is not None:
        raise PreconditionFailedError("The resource already exists (If-None-Match: *).")
    if if_match is not None and (current is None or current[1] != if_match):
        raise _changed_since_read()
    if current is not None and current[0] != obj.uid:
        raise UidConflictError("A resource keeps its UID; store a new UID under a new name.", href)
    if target.uid_href is not None and target.uid_href != href:
        raise UidConflictError(
            f"UID {obj.uid} is already stored as {target.uid_href}.", target.uid_href
        )


def _force_sends(event: CalendarEvent, forced: dict[str, str], *, actor: str, source: str) -> None:
    """SCHEDULE-FORCE-SEND: the messages asked for, grouped by method (RFC 6638 §7.2)."""
    for method in sorted(set(forced.values())):
        addresses = [a for a, m in forced.items() if m == method]
        event.force_send(method, addresses, actor=actor, source=source)


def schedule_tag_of(event: CalendarEvent) -> str:
    """The Schedule-Tag of an event (RFC 6638 §3.2.10): the ETag of its last revision that was
    not only someone else's answer."""
    return etag_for(event.id, event.schedule_version or event.version)


def _check_if_match(event: CalendarEvent, if_match: str | None) -> None:
    """If-Match against the version actually loaded, not only the read model's answer, so a
    write that lands between the two is never overwritten (RFC 7232 §3.1)."""
    if if_match is not None and etag_for(event.id, event.version) != if_match:
        raise _changed_since_read()


def _changed_since_read() -> PreconditionFailedError:
    """If-Match named an older version: someone changed the event since the client read it."""
    return PreconditionFailedError("The resource changed since you read it (If-Match).").worded(
        "refusal-calendars-event-changed"
    )
