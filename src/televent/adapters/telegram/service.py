"""What the bot's handlers ask of Televent, as plain synchronous calls (run through the port).

Changes are commands of the application: registering and settings, events the user organises
(RFC 5545), invitations and answers to them (iTIP, RFC 5546, through RFC 6638 implicit
scheduling or email), CalDAV device passwords and erasure. Reads come from the read models:
the agenda and event cards are `agenda.Agenda`'s. The identity is always the Telegram user who
sent the update, never anything the update's text or callback data claims.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from uuid import UUID

from televent.adapters.i18n import said, t
from televent.application.accounts import IssuedPassword
from televent.application.counters import Counters
from televent.application.televent import Televent
from televent.domain.errors import ConflictError, DomainError, NotFoundError, NotInvitedError
from televent.domain.ical_edits import render_event
from televent.domain.ics_bundle import bundle_calendars
from televent.domain.languages import language_for
from televent.domain.sharing import Action
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    Actor,
    PartStat,
    Source,
    SourceKind,
    account_id_for,
    calendar_id_for,
    internal_uri,
)
from televent.projections.invitees import invitee_address
from televent.projections.queries import AccountView, DeviceView

from .agenda import Agenda, EventDetails, Listing, short_id
from .mini_app import LoginLinks
from .parsing import NewEvent

EVENT_COMPONENTS = ("VEVENT",)
LOG = logging.getLogger(__name__)


_MAX_TAG = 35  # characters of a language tag kept (RFC 5646 advises supporting 35)


@dataclass(frozen=True)
class Person:
    """The Telegram user behind an update (the only identity the bot trusts)."""

    telegram_id: int
    name: str
    username: str | None = None
    language_code: str | None = None  # what their Telegram app reports (IETF tag)


class BotService:
    """The bot's view of Televent: one method per thing a handler needs."""

    def __init__(
        self,
        app: Televent,
        counters: Counters,
        *,
        caldav_url: str = "http://127.0.0.1:8080/",
        web_login: LoginLinks | None = None,
    ) -> None:
        self.app = app
        self.counters = counters
        self.queries = app.queries
        self.domain = app.internal_domain
        self.reader = Agenda(app.queries, app.internal_domain)
        self.caldav_url = caldav_url
        self.web_login = web_login

    # --- accounts ---------------------------------------------------------------------------

    def account(self, telegram_id: int) -> AccountView | None:
        """The user's account, if registered."""
        return self.queries.account_by_telegram_id(telegram_id)

    def register(self, person: Person) -> tuple[AccountView, bool]:
        """Register (idempotent) and keep the Telegram user name current."""
        actor, source = _who(person, None)
        account = self.queries.account_by_telegram_id(person.telegram_id)
        created = False
        if account is None:
            self.app.register_account(
                person.telegram_id,
                name=person.name,
                language=language_for(None, person.language_code),
                actor=actor,
                source=source,
            )
            created = True
        username = (person.username or "").lower() or None
        language = (person.language_code or "").strip().lower()[:_MAX_TAG] or None
        current = self.queries.account_by_telegram_id(person.telegram_id)
        assert current is not None
        changes: dict[str, Any] = {}
        if username is not None and current.username != username:
            changes["username"] = username
        if language is not None and current.telegram_language != language:
            changes["telegram_language"] = language
        if changes:
            self.app.change_account_settings(
                person.telegram_id, changes, actor=actor, source=source
            )
            current = self.queries.account_by_telegram_id(person.telegram_id)
            assert current is not None
        return current, created

    def login_token(self, person: Person) -> str | None:
        """A one-time token for the user's browser login link (None: no links are issued)."""
        self._account(person)  # only a registered user gets one
        if self.web_login is None:
            return None
        return self.web_login.issue_link_token(person.telegram_id)

    def set_timezone(self, person: Person, zone: str) -> None:
        """Change the user's time zone (an IANA name)."""
        actor, source = self._identity(person)
        self.app.change_account_settings(
            person.telegram_id, {"timezone": zone}, actor=actor, source=source
        )

    def set_preferences(self, person: Person, changes: dict[str, Any]) -> AccountView:
        """Change notification preferences (checked by the application: a bad value is a
        DomainError naming it); returns the account as it is now."""
        actor, source = self._identity(person)
        self.app.change_preferences(person.telegram_id, changes, actor=actor, source=source)
        return self._account(person)

    def set_reminder(self, person: Person, minutes: int) -> None:
        """Change how long before an event reminders come."""
        actor, source = self._identity(person)
        self.app.change_account_settings(
            person.telegram_id, {"reminder_minutes": minutes}, actor=actor, source=source
        )

    # --- reading the calendar -------------------------------------------------------------------

    def agenda(self, person: Person, start: dt.datetime, end: dt.datetime) -> Listing:
        """Every instance, in the user's calendars or invitations, overlapping [start, end)
        (a meeting shows once; events that cannot be read are counted: see `Agenda.listing`)."""
        return self.reader.listing(self._account(person), start, end)

    def event(self, person: Person, reference: str) -> EventDetails:
        """An event the user may see, by short id (or full id)."""
        account = self._account(person)
        obj = self.reader.find(account, reference)
        return self.reader.details(account, obj)

    def require_change(self, person: Person, event_id: UUID) -> None:
        """Refuse, before anything is asked, a change to an event of a calendar the user may
        not change (a subscribed feed's, a read-only shared one): the application's rule."""
        account = self._account(person)
        obj = self.reader.visible(account, event_id)
        self.app.require_access(account.account_id, obj.calendar_id, Action.WRITE)

    def event_by_id(self, person: Person, event_id: UUID) -> EventDetails:
        """An event the user may see, by id (from a button)."""
        account = self._account(person)
        obj = self.reader.visible(account, event_id)
        return self.reader.details(account, obj)

    def event_ics(self, person: Person, event_id: UUID) -> bytes:
        """One event as an .ics document."""
        account = self._account(person)
        obj = self.reader.visible(account, event_id)
        return obj.ical.encode()

    def export(self, person: Person) -> tuple[bytes, int]:
        """The user's calendars as one iCalendar document (RFC 5545), and how many events
        could not be put in it (each is logged with its id; the others are all there)."""
        account = self._account(person)
        objects = {
            str(obj.event_id): obj.ical
            for calendar in self.queries.calendars_of(account.account_id)
            for obj in self.queries.objects_in(calendar.calendar_id)
        }
        bundle = bundle_calendars(f"{account.name} (Televent)", objects.items(), "Televent export")
        for skipped in bundle.skipped:
            LOG.warning("Event %s left out of a /export: %s", skipped.key, skipped.reason)
        return bundle.data, len(bundle.skipped)

    # --- changing events ------------------------------------------------------------------------

    def create_event(self, person: Person, new: NewEvent, *, now: dt.datetime) -> EventDetails:
        """Store a new event in the user's default calendar, organised by the user."""
        account = self._account(person)
        actor, source = self._identity(person)
        organizer = (internal_uri(person.telegram_id, self.domain), account.name)
        uid, text = new_event_text(new, organizer, now)
        calendar_id = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)
        result = self.app.put_object(
            calendar_id, f"{uid}.ics", text, actor=actor, source=source, if_none_match=True
        )
        return self.event_by_id(person, result.event_id)

    def invite(self, person: Person, reference: str, invitees: list[str]) -> list[str]:
        """Invite people to the user's event; returns one line per invitee saying what happened."""
        account = self._account(person)
        obj = self.reader.find(account, reference)
        if not self.reader.owns(account, obj):
            raise DomainError(t("bot-invite-not-organizer"))
        actor, source = self._identity(person)
        outcome: list[str] = []
        for invitee in invitees:
            try:
                address, name = self._address_of(invitee)
            except DomainError as exc:
                outcome.append(t("bot-invite-failed", invitee=invitee, reason=said(exc)))
                continue
            if address.lower() == internal_uri(person.telegram_id, self.domain):
                outcome.append(t("bot-invite-self", invitee=invitee))
                continue
            _retrying(
                partial(
                    self.app.invite_attendee,
                    obj.event_id,
                    address,
                    name,
                    actor=actor,
                    source=source,
                    by=account.account_id,
                )
            )
            if name is None:
                outcome.append(t("bot-invite-mailed", invitee=invitee))
            else:
                outcome.append(t("bot-invite-done", invitee=name))
        return outcome

    def rsvp(self, person: Person, event_id: UUID, partstat: PartStat) -> EventDetails:
        """Answer an invitation as the user (the address comes from the account, never input)."""
        account = self._account(person)
        obj = self.reader.object(event_id)
        if obj is None:
            raise NotFoundError(t("bot-event-gone"))
        address = self.reader.my_address(account, event_id)
        if address is None:
            raise NotInvitedError(t("bot-rsvp-not-invited"))
        actor, source = self._identity(person)
        _retrying(
            lambda: self.app.give_rsvp(event_id, address, partstat, actor=actor, source=source)
        )
        return self.event_by_id(person, event_id)

    def answer_counter(self, person: Person, counter_id: str, accept: bool) -> str:
        """The organizer's answer to a proposed new time; returns the event's summary."""
        account = self._account(person)
        _, source = self._identity(person)
        return self.counters.answer(counter_id, account, accept=accept, source=source)

    def resolve(self, person: Person, reference: str) -> UUID:
        """The id of an event the user may see, from what they typed."""
        return self.reader.find(self._account(person), reference).event_id

    def cancel(self, person: Person, reference: str) -> EventDetails:
        """Cancel the user's own event (attendees are told)."""
        account = self._account(person)
        obj = self.reader.find(account, reference)
        if not self.reader.owns(account, obj):
            raise DomainError(
                t("bot-cancel-not-yours", command=f"/rsvp decline {short_id(obj.event_id)}")
            )
        actor, source = self._identity(person)
        self.app.cancel_event(obj.event_id, actor=actor, source=source, by=account.account_id)
        return self.reader.details(account, obj)

    # --- devices and erasure ----------------------------------------------------------------------

    def add_device(self, person: Person, name: str) -> IssuedPassword:
        """Issue a CalDAV device password (shown once)."""
        actor, source = self._identity(person)
        return self.app.issue_device_password(person.telegram_id, name, actor=actor, source=source)

    def devices(self, person: Person) -> list[DeviceView]:
        """The user's active devices."""
        account = self._account(person)
        return self.queries.devices_of(account.account_id, include_revoked=False)

    def revoke_device(self, person: Person, name: str) -> None:
        """Revoke a device password by name."""
        actor, source = self._identity(person)
        self.app.revoke_device_password(person.telegram_id, name, actor=actor, source=source)

    def request_erasure(self, person: Person) -> str:
        """Schedule erasure; returns the date (ISO)."""
        actor, source = self._identity(person)
        return self.app.request_erasure(person.telegram_id, actor=actor, source=source)

    def cancel_erasure(self, person: Person) -> None:
        """Withdraw a scheduled erasure."""
        actor, source = self._identity(person)
        self.app.cancel_erasure(person.telegram_id, actor=actor, source=source)

    # --- helpers ------------------------------------------------------------------------------

    def who(self, person: Person) -> tuple[str, str]:
        """(actor, source) of a change the registered person makes through the bot."""
        return self._identity(person)

    def registered(self, person: Person) -> AccountView:
        """The person's account (NotFoundError until they sent /start)."""
        return self._account(person)

    def _identity(self, person: Person) -> tuple[str, str]:
        account = self._account(person)
        return _who(person, account.account_id)

    def _account(self, person: Person) -> AccountView:
        account = self.queries.account_by_telegram_id(person.telegram_id)
        if account is None:
            raise NotFoundError(t("bot-not-registered"))
        return account

    def _address_of(self, invitee: str) -> tuple[str, str | None]:
        """A calendar address and display name for what the user typed."""
        return invitee_address(self.queries, self.domain, invitee.strip().rstrip(",;"))


def _retrying(command: Callable[[], object], attempts: int = 3) -> None:
    """Run a command again when a concurrent change to the same event won (two taps at once,
    an organizer's client saving meanwhile): the command reloads and decides afresh."""
    for attempt in range(attempts):
        try:
            command()
            return
        except ConflictError:
            if attempt == attempts - 1:
                raise


def _who(person: Person, account_id: UUID | None) -> tuple[str, str]:
    actor = Actor(account_id=account_id or account_id_for(person.telegram_id)).encode()
    return actor, Source(SourceKind.BOT, str(person.telegram_id)).encode()


def new_event_text(new: NewEvent, organizer: tuple[str, str], now: dt.datetime) -> tuple[str, str]:
    """A new event typed in a chat as (UID, iCalendar text), organised by `organizer`
    (address, name)."""
    uid = f"{secrets.token_hex(12)}@televent"
    text = render_event(
        uid=uid,
        summary=new.title,
        start=new.start,
        end=new.end,
        stamp=now,
        location=new.location,
        description=new.description,
        all_day=new.all_day,
        organizer=organizer,
    )
    return uid, text
