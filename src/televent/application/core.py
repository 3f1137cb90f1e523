"""The base of the command API: what every command uses to load, decide and save.

Each command loads the aggregates it needs, lets them decide, and saves their new events in one
transaction; the read models are updated in that same transaction (infrastructure/
event_store.py), so when a command returns, every query already sees its effect. Lookups by
resource name or email use the read models; decisions are made by aggregates. A change to a
calendar object is saved with its scheduling consequences for other Televent users
(RFC 6638 §3.2, application/scheduling.py).

The parts are built by the composition root (bootstrap.py) and handed in: the event store's
infrastructure, the key store, the projection engine and the read models' reader and queries.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    ApplicationRecorder,
    InfrastructureFactory,
    IntegrityError,
    Mapper,
    Recording,
)
from eventsourcing.utils import Environment

from televent.application.scheduling import ATTENDEE, Scheduler
from televent.domain.account import Account
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import ConflictError, ForbiddenError, NotFoundError
from televent.domain.ical import CalendarObject, parse_calendar_object
from televent.domain.mail_identity import MailIdentity
from televent.domain.sharing import Action, Role, owner_role, permits
from televent.domain.values import PartStat, account_id_for
from televent.infrastructure.crypto_shredding import is_redacted
from televent.infrastructure.event_store import EventStoreParts
from televent.infrastructure.subject_keys import SubjectKeys
from televent.projections.engine import ProjectionEngine, ProjectionError
from televent.projections.queries import AccountView, Queries, ViewReader

Clock = Callable[[], dt.datetime]
# What is saved in the same transaction as a command's own change: another aggregate's
# decision (a booking's), several (a series and its continuation, with their consequences).
Together = Aggregate | Sequence[Aggregate] | None

# What a refusal says, by the right that is missing (domain/sharing.py).
REFUSALS = {
    Action.WRITE: "You can view this calendar but not change its events.",
    Action.MANAGE: "Your role on this calendar does not let you manage its members.",
    Action.ADMINISTER: "Only the calendar's owner can rename or delete it for everyone.",
}


def role_refusal(
    action: Action, role: Role | None = None, what: str | None = None
) -> ForbiddenError:
    """What someone is told whose role on a calendar does not allow `action`; `what` (one of
    `refusal-calendars-role-forbids`' choices, e.g. "subscription") names what they asked."""
    if what is not None:
        return ForbiddenError(
            f"Your role on this calendar does not allow this ({what}).", action
        ).worded("refusal-calendars-role-forbids", what=what)
    if role is Role.SUBSCRIBER and action is Action.WRITE:
        return ForbiddenError(
            "This calendar shows a feed: its events change only when the feed does.", action
        ).worded("refusal-subscriptions-read-only")
    error = ForbiddenError(REFUSALS.get(action, "Your role does not allow this."), action)
    if action is Action.WRITE:
        return error.worded("refusal-calendars-read-only")
    if action is Action.MANAGE:
        return error.worded("refusal-calendars-cannot-manage")
    if action is Action.ADMINISTER:
        return error.worded("refusal-calendars-owner-only")
    return error.worded("refusal-calendars-role-denied")


def _missing(error: NotFoundError, kind: type[Aggregate]) -> NotFoundError:
    """A record that is not there (or whose owner was erased), said as the person meets it: a
    calendar or an event that no longer exists, an account not made yet."""
    if issubclass(kind, Calendar):
        return error.worded("refusal-calendars-calendar-gone")
    if issubclass(kind, CalendarEvent):
        return error.worded("refusal-calendars-event-gone")
    if issubclass(kind, Account):
        return error.worded("refusal-calendars-no-account")
    return error


class Phrasebook(Protocol):
    """The message catalogue, handed in by the composition root: the words the application
    itself writes into people's calendars (a booking's title), in their language."""

    def __call__(self, language: str, message_id: str, /, **args: object) -> str: ...


def utc_now() -> dt.datetime:
    """The wall clock, in UTC (the composition root injects it; tests inject their own)."""
    return dt.datetime.now(dt.UTC)


class CommandCore(Application[UUID]):
    """Loading and saving for the command modules (accounts.py, calendars.py, ...)."""

    def __init__(
        self,
        store: EventStoreParts,
        keys: SubjectKeys,
        engine: ProjectionEngine,
        views: ViewReader,
        queries: Queries,
        *,
        clock: Clock = utc_now,
        internal_domain: str = "televent.internal",
        mail_identity: MailIdentity | None = None,
        phrasebook: Phrasebook | None = None,
    ) -> None:
        self._store = store
        self.phrasebook = phrasebook
        self.keys = keys
        super().__init__(store.env)
        self.dialect = views.dialect
        self.clock = clock
        self.events_table: str = store.events_table
        self.internal_domain = internal_domain
        # Televent's own mail addresses (TELEVENT_MAIL_FROM): invitation addresses live there.
        self.mail_identity = mail_identity or MailIdentity.parse(None)
        self.engine = engine
        self.views = views
        self.queries = queries
        self.scheduler = Scheduler(queries, self.repository, internal_domain)

    def phrase(self, language: str, message_id: str, english: str, **args: object) -> str:
        """The catalogue's `message_id` in `language`; `english` when no catalogue was given."""
        if self.phrasebook is None:
            return english
        return self.phrasebook(language, message_id, **args)

    def close(self) -> None:
        """Close the read models' connections, then the event store's and the key store's."""
        self.views.close()
        super().close()
        self.keys.close()

    # The event store's parts come built (see infrastructure/event_store.py: open_event_store).

    def construct_factory(self, env: Environment) -> InfrastructureFactory[Any]:
        """The factory the composition root opened."""
        return self._store.factory

    def construct_mapper(self) -> Mapper[UUID]:
        """Events are sealed per person (crypto-shredding, docs/adr/0009)."""
        return self._store.mapper

    def construct_recorder(self) -> ApplicationRecorder:
        """The projecting recorder, with the projection engine attached."""
        return self._store.recorder

    # --- saving ------------------------------------------------------------------------------

    def _record(self, processing_event: ProcessingEvent[UUID]) -> list[Recording[UUID]]:
        # Hand the domain events to the recorder so projections need not decode them again.
        processing_event.saved_kwargs["decoded_events"] = processing_event.events
        return super()._record(processing_event)

    def save_all(self, *aggregates: Together) -> None:
        """Save in one transaction (each argument an aggregate, several, or None); a concurrent
        writer's earlier save becomes a ConflictError."""
        flat = [
            one
            for item in aggregates
            for one in (item if isinstance(item, Sequence) else (item,))
            if one is not None
        ]
        try:
            self.save(*flat)
        except ProjectionError as exc:
            self._record_projection_error(exc)
            raise
        except (IntegrityError, sqlite3.IntegrityError) as exc:
            if self.events_table in str(exc) or "originator" in str(exc):
                raise ConflictError(
                    "Someone else changed this at the same time; reload and try again."
                ).worded("refusal-calendars-changed-meanwhile") from exc
            raise

    def _record_projection_error(self, error: ProjectionError) -> None:
        """Keep the failure visible in `projections status` (the command itself rolled back)."""
        with contextlib.suppress(Exception), self.views.write() as db:
            db.run(
                "UPDATE projection_positions SET last_error = ? WHERE name = ?",
                (f"{self.clock().isoformat()} {error}"[:2000], error.projection),
            )

    # --- who may do what (domain/sharing.py is the rule; docs/adr/0017) ----------------------

    def require_access(
        self,
        account_id: UUID,
        calendar_id: UUID,
        action: Action,
        *,
        owner: UUID | None = None,
        subscribed: bool = False,
        what: str | None = None,
    ) -> Role:
        """The person's role on the calendar, if it allows `action` now (read from the members
        read model in this request: a removed member is refused at once). NotFoundError when
        they may not even see the calendar (its existence is not revealed), ForbiddenError
        when they may see it but their role does not allow this. `owner`, when the caller
        already read the calendar's owner (and whether it shows a feed, `subscribed`) in this
        request, saves the owner a lookup. `what` names what was asked, for the refusal's
        words (`role_refusal`)."""
        role = (
            owner_role(subscribed=subscribed)
            if owner == account_id
            else self.queries.role_in(calendar_id, account_id)
        )
        if not permits(role, Action.READ):
            raise NotFoundError("Calendar not found.").worded("refusal-calendars-calendar-gone")
        if not permits(role, action):
            raise role_refusal(action, role, what)
        assert role is not None
        return role

    def _get(self, aggregate_id: UUID, kind: type[Aggregate], what: str) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise _missing(NotFoundError(f"{what} not found."), kind) from None
        except (TypeError, AttributeError, KeyError):
            first = next(iter(self.events.get(aggregate_id, lte=1)), None)
            if first is not None and is_redacted(first):
                erased = NotFoundError(f"{what} not found: its owner's data was erased.")
                raise _missing(erased, kind) from None
            raise

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

    def _next_account(self, telegram_id: int) -> tuple[int, UUID]:
        """The first of the user's account ids that was not erased, and its generation."""
        generation = 0
        while self.keys.erased_at(account_id_for(telegram_id, generation)) is not None:
            generation += 1
        return generation, account_id_for(telegram_id, generation)

    # --- saving with the scheduling consequences ----------------------------------------------

    def _save_scheduled(
        self,
        event: CalendarEvent,
        before: CalendarObject | None,
        *,
        actor: str,
        source: str,
        together: Together = None,
        owner_account: AccountView | None = None,
        parsed: CalendarObject | None = None,
    ) -> None:
        """Save a change with its scheduling consequences (and `together`, other
        aggregates' decisions, first), in one transaction (`owner_account`: the calendar's
        owner, when the caller has just read it; `parsed`: the event's body as the caller
        has just read it)."""
        others = self.scheduler.consequences(
            event, before, actor=actor, source=source, owner_account=owner_account,
            parsed=parsed,
        )  # fmt: skip
        self.save_all(together, event, *others)

    def _delete_scheduled(
        self, event: CalendarEvent, *, actor: str, source: str, together: Together = None
    ) -> None:
        """Delete an event: an organizer's deletion cancels it for everyone; an attendee's
        deletion of their copy declines it (RFC 6638 §3.2.1.3, §3.2.2.3)."""
        before = parse_calendar_object(event.ical)
        owner = self.queries.account_by_id(event.account_id)
        self._decline_before_deleting(event, before, actor=actor, source=source, owner=owner)
        event.delete(actor=actor, source=source)
        self._save_scheduled(
            event, before, actor=actor, source=source, together=together, owner_account=owner
        )

    def _decline_before_deleting(
        self,
        event: CalendarEvent,
        before: CalendarObject,
        *,
        actor: str,
        source: str,
        owner: AccountView | None = None,
    ) -> None:
        """An attendee deleting their copy (alone or with its calendar) declines it: the
        organizer is told, in Televent or by email (RFC 6638 §3.2.2.3). `owner`: the
        calendar's owner, when the caller has just read it."""
        owner = self.scheduler.owner_of(event, owner)
        if owner is None or self.scheduler.role(before, owner) != ATTENDEE:
            return
        own = self.scheduler.addresses_of(owner)
        address = next(
            (a["address"] for a in event.facts["attendees"] if a["address"] in own), None
        )
        if address is not None:
            event.give_rsvp(address, PartStat.DECLINED, actor=actor, source=source)
