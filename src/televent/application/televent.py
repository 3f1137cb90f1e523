"""The command API every adapter uses: one method per command (CQRS write side).

Each method loads the aggregates it needs, lets them decide, and saves their new events in
one transaction; the read models are updated in that same transaction (see event_store.py), so
when a method returns, every query already sees its effect. Lookups by resource name or email
use the read models; decisions are made by aggregates.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import sqlite3
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import argon2
from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, Mapper, Recording

from televent.application.scheduling import ATTENDEE, ORGANIZER, Scheduler
from televent.domain.account import Account
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import (
    ConflictError,
    DomainError,
    InvalidCalendarDataError,
    NotFoundError,
    PreconditionFailedError,
    UidConflictError,
)
from televent.domain.ical import CalendarObject, facts_of, parse_calendar_object
from televent.domain.scheduling import (
    DELIVERY_FAILED,
    attendee_change_refusal,
    forced_sends,
    with_answers_kept,
    with_failures_kept,
    with_schedule_status,
)
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    account_id_for,
    calendar_event_id_for,
    calendar_id_for,
    internal_address,
    is_valid_device_name,
    is_valid_email,
    is_valid_slug,
)
from televent.infrastructure.crypto_shredding import SubjectMapper, is_redacted
from televent.infrastructure.database import Dialect
from televent.infrastructure.event_store import ProjectingPostgresRecorder, ProjectingSQLiteRecorder
from televent.infrastructure.subject_keys import SubjectKeys
from televent.projections.calendar_view import etag_for
from televent.projections.engine import ProjectionEngine, ProjectionError, ViewConflictError
from televent.projections.queries import AccountView, PutTarget, Queries, ViewReader

Clock = Callable[[], dt.datetime]
ERASURE_GRACE_DAYS = 30  # the user may change their mind until then
PASSWORD_HASHER = argon2.PasswordHasher()  # Argon2id with the library's recommended costs


def utc_now() -> dt.datetime:
    """The wall clock, in UTC (the composition root injects it; tests inject their own)."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Registration:
    """The outcome of registering: the account id and whether it was new."""

    account_id: UUID
    created: bool


@dataclass(frozen=True)
class IssuedPassword:
    """A device password, shown once; only its hash is kept."""

    device_id: str
    name: str
    password: str


@dataclass(frozen=True)
class PutResult:
    """The outcome of storing a calendar object resource."""

    event_id: UUID
    etag: str
    created: bool
    changed: bool
    stored_as_sent: bool  # False when the server rewrote the body (RFC 4791 §5.3.4: no ETag)
    schedule_tag: str | None = None  # of a scheduling object resource (RFC 6638 §3.2.10)


class Televent(Application[UUID]):
    """Televent's application service: the only way anything changes."""

    name = "Televent"

    def __init__(
        self,
        env: Mapping[str, str],
        *,
        dialect: Dialect,
        clock: Clock = utc_now,
        internal_domain: str = "televent.internal",
    ) -> None:
        recorder_class = (
            ProjectingPostgresRecorder if dialect is Dialect.POSTGRES else ProjectingSQLiteRecorder
        )
        full_env = dict(env)
        full_env["APPLICATION_RECORDER_TOPIC"] = (
            f"{recorder_class.__module__}:{recorder_class.__qualname__}"
        )
        self.keys = SubjectKeys.for_environment(full_env, dialect, clock)
        super().__init__(full_env)
        self.dialect = dialect
        self.clock = clock
        recorder: Any = self.recorder
        self.events_table: str = recorder.events_table_name
        self.internal_domain = internal_domain
        self.engine = ProjectionEngine(
            dialect, self.mapper, clock, self.events_table, internal_domain
        )
        recorder.engine = self.engine
        self.views = ViewReader(recorder.datastore, dialect)
        self.queries = Queries(self.views, self.events_table)
        self.scheduler = Scheduler(self)

    def construct_mapper(self) -> Mapper[UUID]:
        """Events are sealed per person (crypto-shredding, docs/adr/0009)."""
        return SubjectMapper(self.construct_transcoder(), self.keys)

    # --- saving ------------------------------------------------------------------------------

    def _record(self, processing_event: ProcessingEvent[UUID]) -> list[Recording[UUID]]:
        # Hand the domain events to the recorder so projections need not decode them again.
        processing_event.saved_kwargs["decoded_events"] = processing_event.events
        return super()._record(processing_event)

    def save_all(self, *aggregates: Aggregate | None) -> None:
        """Save in one transaction; a concurrent writer's earlier save becomes a ConflictError."""
        try:
            self.save(*aggregates)
        except ProjectionError as exc:
            self._record_projection_error(exc)
            raise
        except (IntegrityError, sqlite3.IntegrityError) as exc:
            if self.events_table in str(exc) or "originator" in str(exc):
                raise ConflictError(
                    "Someone else changed this at the same time; reload and try again."
                ) from exc
            raise

    def _record_projection_error(self, error: ProjectionError) -> None:
        """Keep the failure visible in `projections status` (the command itself rolled back)."""
        with contextlib.suppress(Exception), self.views.write() as db:
            db.run(
                "UPDATE projection_positions SET last_error = ? WHERE name = ?",
                (f"{self.clock().isoformat()} {error}"[:2000], error.projection),
            )

    def _get(self, aggregate_id: UUID, kind: type[Aggregate], what: str) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NotFoundError(f"{what} not found.") from None
        except (TypeError, AttributeError, KeyError):
            first = next(iter(self.events.get(aggregate_id, lte=1)), None)
            if first is not None and is_redacted(first):
                raise NotFoundError(f"{what} not found: its owner's data was erased.") from None
            raise

    # --- accounts ------------------------------------------------------------------------------

    def register_account(
        self,
        telegram_id: int,
        *,
        name: str,
        timezone: str = "UTC",
        email: str | None = None,
        actor: str,
        source: str,
    ) -> Registration:
        """Register a Telegram user with a default calendar; registering again changes nothing.

        A given email is linked (also for an existing account).
        """
        if telegram_id <= 0:
            raise DomainError("A Telegram id is a positive number.")
        check_timezone(timezone)
        generation, account_id = self._next_account(telegram_id)
        if email is not None:
            self._check_email_free(email, account_id)
        if account_id in self.repository:
            if email is not None:
                self.link_email(telegram_id, email, actor=actor, source=source)
            return Registration(account_id, created=False)
        if generation:  # back after an erasure: their address names them again from now on
            self.keys.reclaim([internal_address(telegram_id, self.internal_domain)])
        account = Account(
            telegram_id=telegram_id,
            name=name.strip() or f"User {telegram_id}",
            timezone=timezone,
            actor=actor,
            source=source,
            generation=generation,
        )
        if email is not None:
            self.keys.reclaim([email.strip().lower()])
            account.link_email(email, actor=actor, source=source)
        calendar = Calendar(
            account_id=account.id,
            slug=DEFAULT_CALENDAR_SLUG,
            properties={"display_name": "Calendar", "timezone": timezone},
            actor=actor,
            source=source,
        )
        self.save_all(account, calendar)
        return Registration(account.id, created=True)

    def link_email(self, telegram_id: int, email: str, *, actor: str, source: str) -> None:
        """Link an email address to the account (it must not belong to another account)."""
        account = self._account(telegram_id)
        self._check_email_free(email, account.id)
        if email.strip().lower() not in account.emails:
            self.keys.reclaim([email.strip().lower()])
        account.link_email(email, actor=actor, source=source)
        self.save_all(account)

    def change_account_settings(
        self, telegram_id: int, changes: dict[str, Any], *, actor: str, source: str
    ) -> None:
        """Change display name, time zone or reminder lead time."""
        if "timezone" in changes:
            check_timezone(str(changes["timezone"]))
        if "reminder_minutes" in changes and not 0 <= int(changes["reminder_minutes"]) <= 10080:
            raise DomainError("A reminder lead time is between 0 and 10080 minutes.")
        account = self._account(telegram_id)
        account.change_settings(changes=changes, actor=actor, source=source)
        self.save_all(account)

    def issue_device_password(
        self, telegram_id: int, name: str, *, actor: str, source: str
    ) -> IssuedPassword:
        """Create a device password; the clear text is returned once and never stored."""
        if not is_valid_device_name(name):
            raise DomainError(
                "A device name is 1-64 letters, digits, spaces or . @ ' ( ) + - _ characters."
            )
        account = self._account(telegram_id)
        password = "-".join(secrets.token_hex(3) for _ in range(4))
        device_id = secrets.token_hex(8)
        account.issue_device_password(
            device_id=device_id,
            name=name,
            password_hash=PASSWORD_HASHER.hash(password),
            at=self.clock(),
            actor=actor,
            source=source,
        )
        self.save_all(account)
        return IssuedPassword(device_id, name, password)

    def revoke_device_password(
        self, telegram_id: int, name: str, *, actor: str, source: str
    ) -> None:
        """Revoke the active device password with this name."""
        account = self._account(telegram_id)
        account.revoke_device_password(name=name, at=self.clock(), actor=actor, source=source)
        self.save_all(account)

    def _account(self, telegram_id: int) -> Account:
        account: Account = self._get(
            self.account_id_of(telegram_id), Account, f"Account for Telegram id {telegram_id}"
        )
        return account

    def account_id_of(self, telegram_id: int) -> UUID:
        """The id of the Telegram user's account (or of the one they would register)."""
        registered = self.queries.account_by_telegram_id(telegram_id)
        if registered is not None:
            return registered.account_id
        return self._next_account(telegram_id)[1]

    def last_erasure(self, telegram_id: int) -> tuple[UUID, str] | None:
        """The Telegram user's most recently erased account and when, if any."""
        generation, _ = self._next_account(telegram_id)
        if generation == 0:
            return None
        account_id = account_id_for(telegram_id, generation - 1)
        return account_id, self.keys.erased_at(account_id) or ""

    def _next_account(self, telegram_id: int) -> tuple[int, UUID]:
        """The first of the user's account ids that was not erased, and its generation."""
        generation = 0
        while self.keys.erased_at(account_id_for(telegram_id, generation)) is not None:
            generation += 1
        return generation, account_id_for(telegram_id, generation)

    def _check_email_free(self, email: str, account_id: UUID) -> None:
        if not is_valid_email(email.strip()):
            raise DomainError(f"{email!r} is not an email address.")
        owner = self.queries.account_by_email(email)
        if owner is not None and owner.account_id != account_id:
            raise ConflictError(f"{email.strip().lower()} is linked to another account.")

    # --- calendars -------------------------------------------------------------------------------

    def create_calendar(
        self, account_id: UUID, slug: str, properties: dict[str, Any], *, actor: str, source: str
    ) -> UUID:
        """Create a calendar (MKCALENDAR), or bring back a deleted one with the same slug."""
        if not is_valid_slug(slug):
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
        self, calendar_id: UUID, properties: dict[str, Any], *, actor: str, source: str
    ) -> None:
        """Change a calendar's properties (PROPPATCH)."""
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        calendar.update(properties=properties, actor=actor, source=source)
        self.save_all(calendar)

    def delete_calendar(self, calendar_id: UUID, *, actor: str, source: str) -> None:
        """Delete a calendar and every object in it, atomically."""
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

    # --- calendar objects -------------------------------------------------------------------------

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
    ) -> PutResult:
        """Store a calendar object resource under the name the client chose (CalDAV PUT).

        `if_match` is the ETag the client expects to replace; `if_none_match` means the
        resource must not exist yet; `if_schedule_tag` is the Schedule-Tag the client read
        (RFC 6638 §3.2.10: answers recorded since then are merged in, not lost). A body
        equal to the stored one appends nothing. The change's scheduling consequences for
        other Televent users are saved with it (televent/application/scheduling.py); an
        `organizer_copy` (an iTIP message from an organizer elsewhere) has none.
        """
        obj = parse_calendar_object(ical)
        target = self.queries.put_target(calendar_id, href, obj.uid)
        if target is None:
            raise NotFoundError("Calendar not found.")
        owner = None if organizer_copy else self.queries.account_by_id(target.owner)
        role = None if owner is None else self.scheduler.role(obj, owner)
        forced = forced_sends(obj) if role is not None else {}
        if owner is not None and role is not None:
            obj = self._as_stored(obj, owner, role, forced)
        _check_put_target(target, href, obj, if_match, if_none_match=if_none_match)
        current = target.at_href
        event_id = calendar_event_id_for(calendar_id, obj.uid)
        if current is None:
            if if_schedule_tag is not None:
                raise PreconditionFailedError(
                    "The resource does not exist (If-Schedule-Tag-Match)."
                )
            try:
                event = self._store_new(
                    calendar_id, target.owner, href, obj, actor=actor, source=source
                )
            except ConflictError:
                if if_none_match:
                    raise PreconditionFailedError(
                        "The resource was created while you were saving it."
                    ) from None
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
                else self.scheduler.consequences(event, stored, actor=actor, source=source)
            )
            try:
                self.save_all(event, *others)
            except ConflictError:
                if if_match is not None or if_schedule_tag is not None:
                    raise PreconditionFailedError(
                        "The resource changed while you were saving it."
                    ) from None
                raise
        return PutResult(
            event.id,
            etag_for(event.id, event.version),
            created,
            changed,
            stored_as_sent=not changed or event.ical == ical,
            schedule_tag=schedule_tag_of(event) if event.facts.get("organizer") else None,
        )

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
    ) -> CalendarEvent:
        """Create the event, or bring back a deleted one with the same UID.

        Creation is tried first (the common case costs no lookup); the event store's key
        tells us when the UID was stored before.
        """
        event = CalendarEvent(
            calendar_id=calendar_id,
            account_id=owner,
            uid=obj.uid,
            href=href,
            ical=obj.text,
            facts=facts_of(obj),
            actor=actor,
            source=source,
        )
        try:
            self._save_scheduled(event, None, actor=actor, source=source)
        except ViewConflictError:
            raise  # refused by a read model's integrity rule, not an earlier life of the UID
        except ConflictError:
            existing: CalendarEvent = self.repository.get(event.id)
            if not existing.deleted:
                raise  # created concurrently by someone else
            existing.recreate(obj, href=href, actor=actor, source=source)
            self._save_scheduled(existing, None, actor=actor, source=source)
            return existing
        return event

    def _save_scheduled(
        self, event: CalendarEvent, before: CalendarObject | None, *, actor: str, source: str
    ) -> None:
        """Save a change with its scheduling consequences, in one transaction."""
        others = self.scheduler.consequences(event, before, actor=actor, source=source)
        self.save_all(event, *others)

    def delete_object(
        self,
        calendar_id: UUID,
        href: str,
        *,
        actor: str,
        source: str,
        if_match: str | None = None,
    ) -> None:
        """Delete the resource stored under a name."""
        current = self.queries.object_at(calendar_id, href)
        if current is None:
            raise NotFoundError(f"No resource named {href}.")
        if if_match is not None and current.etag != if_match:
            raise PreconditionFailedError("The resource changed since you read it (If-Match).")
        event: CalendarEvent = self._get(current.event_id, CalendarEvent, "Event")
        _check_if_match(event, if_match)
        self._delete_scheduled(event, actor=actor, source=source)

    def _delete_scheduled(self, event: CalendarEvent, *, actor: str, source: str) -> None:
        """Delete an event: an organizer's deletion cancels it for everyone; an attendee's
        deletion of their copy declines it (RFC 6638 §3.2.1.3, §3.2.2.3)."""
        before = parse_calendar_object(event.ical)
        self._decline_before_deleting(event, before, actor=actor, source=source)
        event.delete(actor=actor, source=source)
        self._save_scheduled(event, before, actor=actor, source=source)

    def _decline_before_deleting(
        self, event: CalendarEvent, before: CalendarObject, *, actor: str, source: str
    ) -> None:
        """An attendee deleting their copy (alone or with its calendar) declines it: the
        organizer is told, in Televent or by email (RFC 6638 §3.2.2.3)."""
        owner = self.queries.account_by_id(event.account_id)
        if owner is None or self.scheduler.role(before, owner) != ATTENDEE:
            return
        own = self.scheduler.addresses_of(owner)
        address = next(
            (a["address"] for a in event.facts["attendees"] if a["address"] in own), None
        )
        if address is not None:
            event.give_rsvp(address, PartStat.DECLINED, actor=actor, source=source)

    def invite_attendee(
        self, event_id: UUID, address: str, cn: str | None = None, *, actor: str, source: str
    ) -> None:
        """Invite an address (mailto: added when missing) to an event."""
        value = address if ":" in address else f"mailto:{address}"
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        owner: Account = self._get(event.account_id, Account, "Account")
        organizer = (
            f"mailto:{internal_address(owner.telegram_id, self.internal_domain)}",
            owner.name,
        )
        before = parse_calendar_object(event.ical)
        event.invite_attendee(value, cn, organizer=organizer, actor=actor, source=source)
        self._save_scheduled(event, before, actor=actor, source=source)

    def withdraw_copies(self, account_id: UUID, *, actor: str, source: str) -> int:
        """Delete the copies other Televent users hold of the events this account organises
        (before its erasure: the copies repeat what it wrote). Returns how many went."""
        owner = self.queries.account_by_id(account_id)
        if owner is None:
            return 0
        own = self.scheduler.addresses_of(owner)
        withdrawn = 0
        for calendar in self.queries.calendars_of(account_id):
            for obj in self.queries.objects_in(calendar.calendar_id, bodies=False):
                for holder, copy_id in self.queries.holders_of_uid(obj.uid):
                    if holder == account_id:
                        continue
                    copy: CalendarEvent = self.repository.get(copy_id)
                    if copy.facts.get("organizer") in own:
                        copy.delete(actor=actor, source=source)
                        self.save_all(copy)
                        withdrawn += 1
        return withdrawn

    def request_erasure(self, telegram_id: int, *, actor: str, source: str) -> str:
        """Schedule the erasure of the account's personal data after the grace period;
        returns the date (ISO). Asking again keeps the first date."""
        account = self._account(telegram_id)
        due = (self.clock() + dt.timedelta(days=ERASURE_GRACE_DAYS)).date().isoformat()
        scheduled = account.request_erasure(due=due, actor=actor, source=source)
        self.save_all(account)
        return scheduled

    def record_export(self, telegram_id: int, *, reason: str, actor: str, source: str) -> None:
        """Record in the log that the person's data was exported (who, when, why)."""
        account = self._account(telegram_id)
        account.record_export(reason=reason, actor=actor, source=source)
        self.save_all(account)

    def record_erasure(self, telegram_id: int, *, reason: str, actor: str, source: str) -> None:
        """Record in the log that the person's data is erased (who, when, why); the caller
        then deletes their key (see gdpr.py)."""
        account = self._account(telegram_id)
        account.erase(reason=reason, actor=actor, source=source)
        self.save_all(account)

    def cancel_erasure(self, telegram_id: int, *, actor: str, source: str) -> None:
        """Withdraw a scheduled erasure."""
        account = self._account(telegram_id)
        account.cancel_erasure(actor=actor, source=source)
        self.save_all(account)

    def remove_attendee(self, event_id: UUID, address: str, *, actor: str, source: str) -> None:
        """Remove an attendee from an event."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
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
        client would."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        copy = self._copy_answered(event, address)
        if copy is not None:
            event = copy
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
        copy: CalendarEvent = self.repository.get(held.event_id)
        chair = copy.facts.get("organizer")
        return copy if chair is not None and chair == event.facts.get("organizer") else None

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

    def cancel_event(self, event_id: UUID, *, actor: str, source: str) -> None:
        """Cancel an event (it stays in the calendar as STATUS:CANCELLED)."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        before = parse_calendar_object(event.ical)
        event.cancel(actor=actor, source=source)
        self._save_scheduled(event, before, actor=actor, source=source)

    def delete_event(self, event_id: UUID, *, actor: str, source: str) -> None:
        """Delete an event by id."""
        event: CalendarEvent = self._get(event_id, CalendarEvent, "Event")
        if not event.deleted:
            self._delete_scheduled(event, actor=actor, source=source)


def _check_put_target(
    target: PutTarget, href: str, obj: CalendarObject, if_match: str | None, *, if_none_match: bool
) -> None:
    """The checks of a PUT that the read model can answer before anything is loaded."""
    if target.components and obj.component_type not in target.components.split(","):
        raise InvalidCalendarDataError(
            f"This calendar takes {target.components}, not {obj.component_type}.",
            "supported-calendar-component",
        )
    current = target.at_href
    if if_none_match and current is not None:
        raise PreconditionFailedError("The resource already exists (If-None-Match: *).")
    if if_match is not None and (current is None or current[1] != if_match):
        raise PreconditionFailedError("The resource changed since you read it (If-Match).")
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


def _distinct(found: list[CalendarEvent], saved: list[CalendarEvent]) -> list[CalendarEvent]:
    """Consequences not already among the aggregates being saved (one instance per id)."""
    seen = {e.id for e in saved}
    kept: list[CalendarEvent] = []
    for event in found:
        if event.id not in seen:
            seen.add(event.id)
            kept.append(event)
    return kept


def _check_if_match(event: CalendarEvent, if_match: str | None) -> None:
    """If-Match against the version actually loaded, not only the read model's answer, so a
    write that lands between the two is never overwritten (RFC 7232 §3.1)."""
    if if_match is not None and etag_for(event.id, event.version) != if_match:
        raise PreconditionFailedError("The resource changed since you read it (If-Match).")


def check_timezone(name: str) -> None:
    """Refuse a time zone name the IANA database does not know."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        message = f"Unknown time zone {name!r}; use an IANA name such as Europe/Berlin."
        raise DomainError(message) from None
