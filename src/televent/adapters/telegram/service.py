"""What the bot's handlers ask of Televent, as plain synchronous calls (run through the port).

Reads come from the read models (agenda, event details, devices); changes are commands of the
application. The identity is always the Telegram user who sent the update, never anything the
update's text or callback data claims.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from uuid import UUID

import icalendar
import recurring_ical_events

from televent.application.itip_inbox import settle_counter
from televent.application.televent import IssuedPassword, Televent
from televent.domain.errors import ConflictError, DomainError, NotFoundError, NotInvitedError
from televent.domain.ical_edits import render_event
from televent.domain.ics_bundle import merged_calendar
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    Actor,
    PartStat,
    Source,
    SourceKind,
    account_id_for,
    calendar_id_for,
    internal_address,
    is_valid_email,
    normalize_address,
)
from televent.projections.queries import AccountView, DeviceView, ObjectView

from .parsing import NewEvent

SHORT_ID_LENGTH = 6
EVENT_COMPONENTS = ("VEVENT",)


def short_id(event_id: UUID) -> str:
    """The id users type: the first hex digits of the event's id."""
    return event_id.hex[:SHORT_ID_LENGTH]


@dataclass(frozen=True)
class Person:
    """The Telegram user behind an update (the only identity the bot trusts)."""

    telegram_id: int
    name: str
    username: str | None = None


@dataclass(frozen=True)
class Occurrence:
    """One instance of an event as a listing shows it."""

    event_id: UUID
    summary: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    all_day: bool
    location: str | None
    recurring: bool
    cancelled: bool
    attendees: int
    accepted: int
    my_answer: str | None  # PARTSTAT when the user is an attendee, None for their own events

    @property
    def short_id(self) -> str:
        return short_id(self.event_id)


@dataclass(frozen=True)
class EventDetails:
    """An event's details card."""

    event_id: UUID
    uid: str
    summary: str
    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    all_day: bool
    location: str | None
    description: str | None
    recurring: bool
    cancelled: bool
    organizer: str | None
    owned: bool  # the user's own event (they organise it)
    my_address: str | None  # the address the user is invited as
    my_answer: str | None
    attendees: list[dict[str, Any]]

    @property
    def short_id(self) -> str:
        return short_id(self.event_id)


class BotService:
    """The bot's view of Televent: one method per thing a handler needs."""

    def __init__(self, app: Televent, *, caldav_url: str = "http://127.0.0.1:8080/") -> None:
        self.app = app
        self.queries = app.queries
        self.domain = app.internal_domain
        self.caldav_url = caldav_url

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
                person.telegram_id, name=person.name, actor=actor, source=source
            )
            created = True
        username = (person.username or "").lower() or None
        current = self.queries.account_by_telegram_id(person.telegram_id)
        assert current is not None
        if username is not None and current.username != username:
            self.app.change_account_settings(
                person.telegram_id, {"username": username}, actor=actor, source=source
            )
            current = self.queries.account_by_telegram_id(person.telegram_id)
            assert current is not None
        return current, created

    def set_timezone(self, person: Person, zone: str) -> None:
        """Change the user's time zone (an IANA name)."""
        actor, source = self._identity(person)
        self.app.change_account_settings(
            person.telegram_id, {"timezone": zone}, actor=actor, source=source
        )

    def set_reminder(self, person: Person, minutes: int) -> None:
        """Change how long before an event reminders come."""
        actor, source = self._identity(person)
        self.app.change_account_settings(
            person.telegram_id, {"reminder_minutes": minutes}, actor=actor, source=source
        )

    # --- reading the calendar -------------------------------------------------------------------

    def agenda(self, person: Person, start: dt.datetime, end: dt.datetime) -> list[Occurrence]:
        """Every instance, in the user's calendars or invitations, overlapping [start, end).

        A meeting shows once: the user's own copy of it (RFC 6638, or an emailed invitation
        stored in their calendar) stands for the organizer's event, marked with their answer;
        a declined one is left out."""
        account = self._account(person)
        mine = self._addresses(account)
        occurrences: list[Occurrence] = []
        held: set[str] = set()
        low, high = int(start.timestamp()), int(end.timestamp())
        for calendar in self.queries.calendars_of(account.account_id):
            for obj in self.queries.objects_overlapping(calendar.calendar_id, "VEVENT", low, high):
                held.add(obj.uid)
                occurrences.extend(self._instances(obj, start, end, None, mine=mine))
        for invitation in self._invitations(account):
            if invitation["uid"] in held or str(invitation["account_id"]) == str(
                account.account_id
            ):
                continue  # the user's own copy is listed above
            invited = self._object(UUID(invitation["event_id"]))
            if invited is None or invited.component != "VEVENT":
                continue
            if invited.range_start is not None and invited.range_start > high:
                continue
            if invited.range_end is not None and invited.range_end < low:
                continue
            if invitation["partstat"] == PartStat.DECLINED.value:
                continue
            occurrences.extend(self._instances(invited, start, end, invitation["partstat"]))
        return sorted(occurrences, key=lambda o: (_sort_key(o.start), o.summary))

    def event(self, person: Person, reference: str) -> EventDetails:
        """An event the user may see, by short id (or full id)."""
        account = self._account(person)
        obj = self._find(account, reference)
        return self._details(account, obj)

    def event_by_id(self, person: Person, event_id: UUID) -> EventDetails:
        """An event the user may see, by id (from a button)."""
        account = self._account(person)
        obj = self._object(event_id)
        if obj is None or not self._may_see(account, obj):
            raise NotFoundError("That event no longer exists.")
        return self._details(account, obj)

    def event_ics(self, person: Person, event_id: UUID) -> bytes:
        """One event as an .ics document."""
        account = self._account(person)
        obj = self._object(event_id)
        if obj is None or not self._may_see(account, obj):
            raise NotFoundError("That event no longer exists.")
        return obj.ical.encode()

    def export(self, person: Person) -> bytes:
        """The user's calendars as one iCalendar document (RFC 5545)."""
        account = self._account(person)
        texts = (
            obj.ical
            for calendar in self.queries.calendars_of(account.account_id)
            for obj in self.queries.objects_in(calendar.calendar_id)
        )
        return merged_calendar(f"{account.name} (Televent)", texts, "Televent export")

    # --- changing events ------------------------------------------------------------------------

    def create_event(self, person: Person, new: NewEvent, *, now: dt.datetime) -> EventDetails:
        """Store a new event in the user's default calendar, organised by the user."""
        account = self._account(person)
        actor, source = self._identity(person)
        uid = f"{secrets.token_hex(12)}@televent"
        text = render_event(
            uid=uid,
            summary=new.title,
            start=new.start,
            end=new.end,
            stamp=now,
            location=new.location,
            all_day=new.all_day,
            organizer=(f"mailto:{internal_address(person.telegram_id, self.domain)}", account.name),
        )
        calendar_id = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)
        result = self.app.put_object(
            calendar_id, f"{uid}.ics", text, actor=actor, source=source, if_none_match=True
        )
        return self.event_by_id(person, result.event_id)

    def invite(self, person: Person, reference: str, invitees: list[str]) -> list[str]:
        """Invite people to the user's event; returns one line per invitee saying what happened."""
        account = self._account(person)
        obj = self._find(account, reference)
        if not self._owns(account, obj):
            raise DomainError("Only the organizer can invite people to this event.")
        actor, source = self._identity(person)
        outcome: list[str] = []
        for invitee in invitees:
            try:
                address, name = self._address_of(invitee)
            except DomainError as exc:
                outcome.append(f"✖️ {invitee}: {exc}")
                continue
            if address.lower() == f"mailto:{internal_address(person.telegram_id, self.domain)}":
                outcome.append(f"✖️ {invitee}: that is you.")
                continue
            _retrying(
                partial(
                    self.app.invite_attendee,
                    obj.event_id,
                    address,
                    name,
                    actor=actor,
                    source=source,
                )
            )
            how = " (an email invitation is on its way)" if name is None else ""
            outcome.append(f"✔️ {name or invitee} invited{how}")
        return outcome

    def rsvp(self, person: Person, event_id: UUID, partstat: PartStat) -> EventDetails:
        """Answer an invitation as the user (the address comes from the account, never input)."""
        account = self._account(person)
        obj = self._object(event_id)
        if obj is None:
            raise NotFoundError("That event no longer exists.")
        address = self._my_address(account, event_id)
        if address is None:
            raise NotInvitedError("You are not invited to this event, so you cannot answer it.")
        actor, source = self._identity(person)
        _retrying(
            lambda: self.app.give_rsvp(event_id, address, partstat, actor=actor, source=source)
        )
        return self.event_by_id(person, event_id)

    def answer_counter(self, person: Person, counter_id: str, accept: bool) -> str:
        """The organizer's answer to a proposed new time; returns the event's summary."""
        account = self._account(person)
        _, source = self._identity(person)
        return settle_counter(self.app, counter_id, account, accept=accept, source=source)

    def resolve(self, person: Person, reference: str) -> UUID:
        """The id of an event the user may see, from what they typed."""
        return self._find(self._account(person), reference).event_id

    def cancel(self, person: Person, reference: str) -> EventDetails:
        """Cancel the user's own event (attendees are told)."""
        account = self._account(person)
        obj = self._find(account, reference)
        if not self._owns(account, obj):
            raise DomainError(
                "You can only cancel your own events; to say you won't come, "
                f"use /rsvp decline {short_id(obj.event_id)}."
            )
        actor, source = self._identity(person)
        self.app.cancel_event(obj.event_id, actor=actor, source=source)
        return self._details(account, obj)

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

    def _identity(self, person: Person) -> tuple[str, str]:
        account = self._account(person)
        return _who(person, account.account_id)

    def _account(self, person: Person) -> AccountView:
        account = self.queries.account_by_telegram_id(person.telegram_id)
        if account is None:
            raise NotFoundError("You are not registered yet: send /start first.")
        return account

    def _addresses(self, account: AccountView) -> list[str]:
        return [internal_address(account.telegram_id, self.domain).lower(), *account.emails]

    def _invitations(self, account: AccountView) -> list[dict[str, Any]]:
        return self.queries.invitations_for_account(account, self.domain)

    def _my_address(self, account: AccountView, event_id: UUID) -> str | None:
        mine = self._addresses(account)
        for row in self.queries.attendees_of(event_id):
            if row["address"] in mine:
                return str(row["address"])
        return None

    def _owns(self, account: AccountView, obj: ObjectView) -> bool:
        calendar = self.queries.calendar(obj.calendar_id)
        return calendar is not None and calendar.account_id == account.account_id

    def _may_see(self, account: AccountView, obj: ObjectView) -> bool:
        return self._owns(account, obj) or self._my_address(account, obj.event_id) is not None

    def _object(self, event_id: UUID) -> ObjectView | None:
        return self.queries.object_by_event_id(event_id)

    def _find(self, account: AccountView, reference: str) -> ObjectView:
        text = reference.strip().lstrip("#").lower()
        hexdigits = text.replace("-", "")
        if len(hexdigits) < 4 or any(c not in "0123456789abcdef" for c in hexdigits):
            raise DomainError(
                f"“{reference}” is not an event id; ids look like a1b2c3 (see /list)."
            )
        own = [c.calendar_id for c in self.queries.calendars_of(account.account_id)]
        candidates = self.queries.objects_with_id_prefix(own, hexdigits)
        for invitation in self._invitations(account):
            if invitation["event_id"].replace("-", "").startswith(hexdigits):
                invited = self._object(UUID(invitation["event_id"]))
                if invited is not None and invited not in candidates:
                    candidates.append(invited)
        if not candidates:
            raise NotFoundError(f"No event {text} in your calendar (see /list for ids).")
        if len(candidates) > 1:
            raise DomainError(f"Several events start with {text}; type more of the id.")
        return candidates[0]

    def _address_of(self, invitee: str) -> tuple[str, str | None]:
        """A calendar address and display name for what the user typed."""
        text = invitee.strip().rstrip(",;")
        if text.startswith("@"):
            account = self.queries.account_by_username(text)
            if account is None:
                raise DomainError(
                    "no Televent user with that name yet; ask them to open the bot and press "
                    "Start, or invite them by email."
                )
            return f"mailto:{internal_address(account.telegram_id, self.domain)}", account.name
        if text.isdigit():
            account = self.queries.account_by_telegram_id(int(text))
            if account is None:
                raise DomainError("that Telegram user has not started the bot yet.")
            return f"mailto:{internal_address(account.telegram_id, self.domain)}", account.name
        if is_valid_email(text):
            known = self.queries.account_by_email(text)
            return f"mailto:{text.lower()}", None if known is None else known.name
        raise DomainError("not an @username, a Telegram id or an email address.")

    def _details(self, account: AccountView, obj: ObjectView) -> EventDetails:
        calendar = icalendar.Calendar.from_ical(obj.ical)
        lead = next(
            (c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" not in c),
            next(iter(calendar.walk("VEVENT")), None),
        )
        if lead is None:
            raise NotFoundError("That is not an event.")
        start = lead.get("DTSTART")
        end = lead.get("DTEND")
        attendees = self.queries.attendees_of(obj.event_id)
        my_address = self._my_address(account, obj.event_id)
        organizer = lead.get("ORGANIZER")
        organizer_name = None
        if organizer is not None:
            organizer_name = organizer.params.get("CN") or str(organizer).removeprefix("mailto:")
        return EventDetails(
            event_id=obj.event_id,
            uid=obj.uid,
            summary=str(lead.get("SUMMARY", "(no title)")),
            start=None if start is None else start.dt,
            end=None if end is None else end.dt,
            all_day=start is not None and not isinstance(start.dt, dt.datetime),
            location=None if lead.get("LOCATION") is None else str(lead.get("LOCATION")),
            description=None if lead.get("DESCRIPTION") is None else str(lead["DESCRIPTION"]),
            recurring="RRULE" in lead or "RDATE" in lead,
            cancelled=str(lead.get("STATUS", "")).upper() == "CANCELLED",
            organizer=organizer_name,
            owned=self._owns(account, obj),
            my_address=my_address,
            my_answer=next((a["partstat"] for a in attendees if a["address"] == my_address), None),
            attendees=attendees,
        )

    def _instances(
        self,
        obj: ObjectView,
        start: dt.datetime,
        end: dt.datetime,
        my_answer: str | None,
        *,
        mine: list[str] | None = None,
    ) -> list[Occurrence]:
        """The object's occurrences in [start, end). With `mine` (the user's addresses, for a
        resource in their own calendar that someone else organises: their copy), the answer
        is read from it, and a declined copy has none."""
        calendar = icalendar.Calendar.from_ical(obj.ical)
        attendees = self.queries.attendees_of(obj.event_id) if "ATTENDEE" in obj.ical else []
        if mine is not None and attendees:
            leads = calendar.walk(obj.component)
            organizer = leads[0].get("ORGANIZER") if leads else None
            if organizer is not None and normalize_address(str(organizer)) not in mine:
                my_answer = next(
                    (str(a["partstat"]) for a in attendees if a["address"] in mine), None
                )
        if my_answer == PartStat.DECLINED.value:
            return []
        accepted = sum(1 for a in attendees if a["partstat"] == PartStat.ACCEPTED.value)
        found: list[Occurrence] = []
        recurring = any(
            "RRULE" in c or "RDATE" in c or "RECURRENCE-ID" in c for c in calendar.walk("VEVENT")
        )
        for component in recurring_ical_events.of(calendar).between(start, end):
            if component.name != "VEVENT":
                continue
            begin = component.get("DTSTART")
            finish = component.get("DTEND")
            found.append(
                Occurrence(
                    event_id=obj.event_id,
                    summary=str(component.get("SUMMARY", "(no title)")),
                    start=begin.dt,
                    end=None if finish is None else finish.dt,
                    all_day=not isinstance(begin.dt, dt.datetime),
                    location=None
                    if component.get("LOCATION") is None
                    else str(component["LOCATION"]),
                    recurring=recurring,
                    cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
                    attendees=len(attendees),
                    accepted=accepted,
                    my_answer=my_answer,
                )
            )
        return found


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


def _sort_key(moment: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(moment, dt.time(), tzinfo=dt.UTC)
