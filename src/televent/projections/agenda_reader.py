"""A user's agenda as every adapter reads it: the occurrences in a window, an event's card, and
which events the user may see (the bot's listings and the JSON API read the same).

Everything comes from the read models (calendar objects, attendees, invitations); recurring
events are listed occurrence by occurrence (RFC 5545 §3.8.5) through the shared expansion
(televent/domain/occurrences.py). A meeting the user is invited to shows once: their own copy
of it (RFC 6638 implicit scheduling, or an emailed invitation stored in their calendar) stands
for the organizer's event. The user's calendars are their own and those shared with them that
they accepted (the calendar members read model, docs/adr/0017).

One event whose data cannot be read or expanded (odd data nobody foresaw) is left out of a
listing, logged with its id and counted, and the listing shows everything else and says how
many events could not be shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from televent.domain.calendar_reading import read_calendar
from televent.domain.errors import NotFoundError
from televent.domain.occurrences import MAX_OCCURRENCES, occurrences_between
from televent.domain.sharing import Action, Role, is_owner, permits
from televent.domain.values import PartStat, normalize_address
from televent.domain.zones import zone_or_utc
from televent.projections.directory_reader import addresses_of
from televent.projections.occurrences_reader import (
    IndexedOccurrence,
    IndexedWindow,
    component_answer,
    occurrence_answer,
)
from televent.projections.queries import AccountView, ObjectView, Queries, SeenCalendar

SHORT_ID_LENGTH = 6
LOG = logging.getLogger(__name__)


def short_id(event_id: UUID) -> str:
    """The id users type: the first hex digits of the event's id."""
    return event_id.hex[:SHORT_ID_LENGTH]


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
    # The stored resource and the instance's component (an `icalendar` VEVENT moved to its
    # instance, with RECURRENCE-ID in a series), for readers that show more than a line.
    resource: ObjectView | None = field(default=None, compare=False, repr=False)
    component: Any = field(default=None, compare=False, repr=False)
    # or, read from the occurrence index, its row (docs/adr/0030)
    indexed: IndexedOccurrence | None = field(default=None, compare=False, repr=False)

    @property
    def short_id(self) -> str:
        return short_id(self.event_id)


@dataclass(frozen=True)
class Listing:
    """A listing's occurrences, and the events that could not be shown in it."""

    occurrences: list[Occurrence]
    unreadable: list[UUID] = field(default_factory=list)
    seen: list[SeenCalendar] = field(default_factory=list)  # every calendar the person sees
    # events with more occurrences in the window than one listing expands (MAX_OCCURRENCES, the
    # earliest of them listed): a narrower window lists the rest
    cut: list[UUID] = field(default_factory=list)
    # the calendar of each event unreadable or cut (None: an invitation without a copy here)
    where: dict[UUID, UUID | None] = field(default_factory=dict)


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
    # whether the user's role on its calendar lets them change it (not a subscribed feed's)
    changeable: bool
    my_address: str | None  # the address the user is invited as
    my_answer: str | None
    attendees: list[dict[str, Any]]

    @property
    def short_id(self) -> str:
        return short_id(self.event_id)


class AgendaReader:
    """Reads of the calendar, for one user's account at a time."""

    def __init__(self, queries: Queries, internal_domain: str) -> None:
        self.queries = queries
        self.domain = internal_domain

    def between(
        self, account: AccountView, start: dt.datetime, end: dt.datetime
    ) -> list[Occurrence]:
        """Every instance, in the user's calendars or invitations, overlapping [start, end)
        (see `listing`; events that cannot be read are left out)."""
        return self.listing(account, start, end).occurrences

    def listing(
        self,
        account: AccountView,
        start: dt.datetime,
        end: dt.datetime,
        *,
        calendars: Collection[UUID] | None = None,
        seen: list[SeenCalendar] | None = None,
    ) -> Listing:
        """Every instance, in the user's calendars (their own and those shared with them that
        they accepted) or invitations, overlapping [start, end).

        A meeting shows once: the user's own copy of it stands for the organizer's event,
        marked with their answer; a declined one is left out (in a shared calendar, one its
        owner declined). An event that cannot be read is left out, logged and counted in
        `Listing.unreadable`. With `calendars`, only those of the user's calendars are read,
        and invitations without a copy in them are left out. `seen`: the calendars the user
        sees, when the caller has just read them.

        The occurrence index answers (docs/adr/0030); only the events it leaves to readers
        (odd data, an endless series outside the window it lists) are parsed and expanded."""
        mine = self.addresses(account)
        zone = zone_or_utc(account.timezone)
        everything, window = self._window(
            account, (start, end), zone, calendars=calendars, seen=seen, invited=mine
        )
        seen = [s for s in everything if calendars is None or s.calendar_id in calendars]
        by_calendar: dict[UUID, list[IndexedOccurrence]] = {}
        for indexed in window.occurrences:
            by_calendar.setdefault(indexed.calendar_id, []).append(indexed)
        occurrences: list[Occurrence] = []
        unreadable: list[UUID] = []
        cut: list[UUID] = []
        where: dict[UUID, UUID | None] = {}
        held: set[str] = set()
        # the meetings the user holds a copy of: a feed that shows one too is not listed twice
        copies = {
            o.uid
            for s in seen
            if s.owned and not s.view.subscribed
            for o in by_calendar.get(s.calendar_id, [])
        }
        for calendar_seen in seen:
            owner = (
                mine
                if calendar_seen.owned
                else self._owner_addresses(calendar_seen.view.account_id)
            )
            # a meeting in a shared calendar (or a feed) the user has a copy of
            own_uids = held | (copies if calendar_seen.view.subscribed else set())
            found = by_calendar.get(calendar_seen.calendar_id, [])
            held |= {o.uid for o in found if calendar_seen.owned or o.uid not in own_uids}
            listed: list[Occurrence] = []
            broken: list[UUID] = []
            for indexed in found:
                if _held_elsewhere(calendar_seen, indexed.uid, own_uids):
                    continue
                if indexed.event_id in broken:
                    continue
                try:
                    shown = _from_index(indexed, owner)
                except Exception:  # one event never hides the others
                    LOG.exception("Cannot list event %s", indexed.event_id)
                    broken.append(indexed.event_id)
                    continue
                if shown is not None:
                    listed.append(
                        shown if calendar_seen.owned else dataclasses.replace(shown, my_answer=None)
                    )
            occurrences += [o for o in listed if o.event_id not in broken]
            unreadable += broken
            expanded, failed, partly = self._expanded(
                calendar_seen, window.on_read, own_uids, owner, window=(start, end), zone=zone
            )
            held |= {o.resource.uid for o in expanded if o.resource is not None}
            occurrences += expanded
            unreadable += failed
            cut += partly
            where |= dict.fromkeys([*broken, *failed, *partly], calendar_seen.calendar_id)
        for invitation in window.invitations:
            if invitation["uid"] in held or str(invitation["account_id"]) == str(
                account.account_id
            ):
                continue  # the user's own copy is listed above
            try:
                invited, more = self._invited(invitation, start, end, zone)
                occurrences += invited
                if more:
                    cut.append(_uuid_or_nil(invitation["event_id"]))
            except Exception:
                LOG.exception("Cannot list invitation %s", invitation["event_id"])
                unreadable.append(_uuid_or_nil(invitation["event_id"]))
        occurrences.sort(key=lambda o: (sort_key(o.start, zone), o.summary))
        return Listing(
            occurrences, unreadable, everything, cut, dict.fromkeys([*unreadable, *cut]) | where
        )

    def _window(
        self,
        account: AccountView,
        window: tuple[dt.datetime, dt.datetime],
        zone: dt.tzinfo,
        *,
        calendars: Collection[UUID] | None,
        seen: list[SeenCalendar] | None,
        invited: list[str],
    ) -> tuple[list[SeenCalendar], IndexedWindow]:
        """Every calendar the person sees, and the index's window of those `listing` reads
        (with the invitations to `invited` when it reads them all), in as few round trips
        as the caller allows: one when it has not read the calendars itself."""
        start, end = window
        if seen is None and calendars is None:
            return self.queries.seen_window(account.account_id, start, end, zone, invited=invited)
        if seen is None:
            seen = self.queries.seen_calendars(account.account_id)
        chosen = [s.calendar_id for s in seen if calendars is None or s.calendar_id in calendars]
        found = self.queries.occurrences_in(
            chosen, start, end, zone, invited=invited if calendars is None else ()
        )
        return seen, found

    def _expanded(
        self,
        seen: SeenCalendar,
        events: set[UUID],
        own_uids: set[str],
        owner: list[str],
        *,
        window: tuple[dt.datetime, dt.datetime],
        zone: dt.tzinfo,
    ) -> tuple[list[Occurrence], list[UUID], list[UUID]]:
        """The occurrences of the calendar's events the index leaves to the reader in this
        window (parsed and expanded here, a floating time or a date placed in `zone` as the
        index places it), those that cannot be read, and those with more occurrences in the
        window than are listed."""
        if not events:
            return [], [], []
        start, end = window
        low, high = int((start - _DAY).timestamp()), int((end + _DAY).timestamp())
        found: list[Occurrence] = []
        failed: list[UUID] = []
        cut: list[UUID] = []
        for obj in self.queries.objects_overlapping(seen.calendar_id, "VEVENT", low, high):
            if obj.event_id not in events or _held_elsewhere(seen, obj.uid, own_uids):
                continue
            try:
                expanded, more = self._placed(obj, start, end, zone, None, mine=owner)
            except Exception:  # one event never hides the others
                LOG.exception("Cannot list event %s", obj.event_id)
                failed.append(obj.event_id)
                continue
            if not seen.owned:  # the owner's answer is not the user's
                expanded = [dataclasses.replace(o, my_answer=None) for o in expanded]
            found += expanded
            if more:
                cut.append(obj.event_id)
        return found, failed, cut

    def _owner_addresses(self, owner_id: UUID) -> list[str]:
        """The calendar addresses of a shared calendar's owner (none when unknown)."""
        owner = self.queries.account_by_id(owner_id)
        return [] if owner is None else self.addresses(owner)

    def _invited(
        self, invitation: dict[str, Any], start: dt.datetime, end: dt.datetime, zone: dt.tzinfo
    ) -> tuple[list[Occurrence], bool]:
        """The occurrences of an event the user is invited to (none when declined), and
        whether it has more in the window than are listed."""
        if invitation["partstat"] == PartStat.DECLINED.value:
            return [], False
        event_id = UUID(invitation["event_id"])
        window = self.queries.occurrences_in((), start, end, zone, events=(event_id,))
        if event_id not in window.on_read:
            return [
                dataclasses.replace(shown, my_answer=invitation["partstat"])
                for shown in (_from_index(i, None) for i in window.occurrences)
                if shown is not None
            ], False
        invited = self.object(event_id)
        if invited is None or invited.component != "VEVENT":
            return [], False
        low, high = int((start - _DAY).timestamp()), int((end + _DAY).timestamp())
        if invited.range_start is not None and invited.range_start > high:
            return [], False
        if invited.range_end is not None and invited.range_end < low:
            return [], False
        return self._placed(invited, start, end, zone, invitation["partstat"])

    def _placed(
        self,
        obj: ObjectView,
        start: dt.datetime,
        end: dt.datetime,
        zone: dt.tzinfo,
        my_answer: str | None,
        *,
        mine: list[str] | None = None,
    ) -> tuple[list[Occurrence], bool]:
        """The object's occurrences overlapping [start, end) with a floating time or a date
        placed in `zone`: expanded a day wider (every zone is within one of UTC), then kept,
        at most the earliest MAX_OCCURRENCES of them; and whether it has more there. The
        expansion may go as many beyond that as the day before the window can hold (counted
        first), so those never take the place of one in the window."""
        wide, left = self._instances(
            obj, start - _DAY, end + _DAY, my_answer, mine=mine, spare_until=start + _DAY
        )
        shown = [o for o in wide if _overlaps(o, start, end, zone)]
        # The expansion, earliest first, stopped at its bound: the first occurrence it left
        # falls in the window (a series of more than the bound in a day)
        short = left is not None and sort_key(left, zone) < end
        return shown[:MAX_OCCURRENCES], len(shown) > MAX_OCCURRENCES or short

    # --- who may see what ------------------------------------------------------------------------

    def addresses(self, account: AccountView) -> list[str]:
        """The account's calendar addresses as the read models store them."""
        return addresses_of(account, self.domain)

    def invitations(self, account: AccountView) -> list[dict[str, Any]]:
        """The invitations addressed to the account."""
        return self.queries.invitations_for_account(account, self.domain)

    def my_address(self, account: AccountView, event_id: UUID) -> str | None:
        """The address the user is invited to the event as; None when not invited."""
        mine = self.addresses(account)
        for row in self.queries.attendees_of(event_id):
            if row["address"] in mine:
                return str(row["address"])
        return None

    def owns(self, account: AccountView, obj: ObjectView) -> bool:
        """Whether the object is in one of the user's own calendars (not a shared one)."""
        calendar = self.queries.calendar(obj.calendar_id)
        return calendar is not None and calendar.account_id == account.account_id

    def role(self, account: AccountView, obj: ObjectView) -> Role | None:
        """What the user is to the object's calendar now: its owner, an accepted member's role
        (domain/sharing.py), or None (not one of the calendars they see)."""
        return self.queries.role_in(obj.calendar_id, account.account_id)

    def organizer_addresses(self, account: AccountView, obj: ObjectView) -> list[str]:
        """The addresses that organise the events of the object's calendar (see
        `calendar_organizers`)."""
        return self.calendar_organizers(account, obj.calendar_id)

    def calendar_organizers(self, account: AccountView, calendar_id: UUID) -> list[str]:
        """The addresses that organise the events of a calendar: the user's own, and for a
        calendar shared with them, its owner's too (a member writes in the owner's calendar,
        whose events the owner organises)."""
        mine = self.addresses(account)
        calendar = self.queries.calendar(calendar_id)
        if calendar is None or calendar.account_id == account.account_id:
            return mine
        return mine + self._owner_addresses(calendar.account_id)

    def may_see(self, account: AccountView, obj: ObjectView) -> bool:
        """Whether the object is in a calendar the user sees (their own, or one shared with
        them that they accepted) or they are invited to it."""
        return (
            self.role(account, obj) is not None
            or self.my_address(account, obj.event_id) is not None
        )

    def object(self, event_id: UUID) -> ObjectView | None:
        """The calendar object of an event."""
        return self.queries.object_by_event_id(event_id)

    def visible(self, account: AccountView, event_id: UUID) -> ObjectView:
        """An event the user may see, by id (another user's event is as good as missing)."""
        obj = self.object(event_id)
        if obj is None or not self.may_see(account, obj):
            raise NotFoundError("That event no longer exists.").worded(
                "refusal-calendars-event-gone"
            )
        return obj

    # --- cards -------------------------------------------------------------------------------

    def details(self, account: AccountView, obj: ObjectView) -> EventDetails:
        """The event's card as the user sees it."""
        calendar = read_calendar(obj.ical)
        lead = next(
            (c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" not in c),
            next(iter(calendar.walk("VEVENT")), None),
        )
        if lead is None:
            raise NotFoundError("That is not an event.").worded("refusal-events-not-an-event")
        start = lead.get("DTSTART")
        end = lead.get("DTEND")
        attendees = self.queries.attendees_of(obj.event_id)
        my_address = self.my_address(account, obj.event_id)
        organizer = lead.get("ORGANIZER")
        role = self.role(account, obj)  # one read says whose it is and what they may do
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
            owned=is_owner(role),
            changeable=permits(role, Action.WRITE),
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
        spare_until: dt.datetime | None = None,
    ) -> tuple[list[Occurrence], dt.datetime | dt.date | None]:
        """The object's occurrences in [start, end), the earliest MAX_OCCURRENCES, and the start
        of the first one left when there were more (None: none was left); with
        `spare_until`, as many more as fall before it (the caller keeps part of the window
        only). With `mine` (the user's addresses, for a resource in their
        own calendar that someone else organises: their copy), the answer is read from it, and
        a declined copy has none."""
        calendar = read_calendar(obj.ical)
        attendees = self.queries.attendees_of(obj.event_id) if "ATTENDEE" in obj.ical else []
        organizer: str | None = None
        if mine is not None and attendees:
            leads = calendar.walk(obj.component)
            lead = leads[0].get("ORGANIZER") if leads else None
            organizer = None if lead is None else normalize_address(str(lead))
            if organizer is not None and organizer not in mine:
                my_answer = next(
                    (str(a["partstat"]) for a in attendees if a["address"] in mine), None
                )
        if my_answer == PartStat.DECLINED.value and organizer is None:
            return [], None  # each occurrence's own answer is read below when it is their copy
        accepted = sum(1 for a in attendees if a["partstat"] == PartStat.ACCEPTED.value)
        found: list[Occurrence] = []
        recurring = any(
            "RRULE" in c or "RDATE" in c or "RECURRENCE-ID" in c for c in calendar.walk("VEVENT")
        )
        limit = MAX_OCCURRENCES
        if recurring and spare_until is not None:
            limit += sum(1 for _ in occurrences_between(calendar, start, spare_until))
        expanded = list(occurrences_between(calendar, start, end, limit=limit + 1))
        left = expanded[limit].get("DTSTART") if len(expanded) > limit else None
        beyond = None if left is None else left.dt
        for component in expanded[:limit]:
            if component.name != "VEVENT":
                continue
            answer = my_answer
            if organizer is not None and mine is not None and organizer not in mine:
                answer = component_answer(component, organizer, mine) or my_answer
            if answer == PartStat.DECLINED.value:
                continue  # their copy, declined on this occurrence
            begin = component.get("DTSTART")
            finish = component.get("DTEND")
            sort_key(begin.dt)  # a start that cannot be placed in time fails here, not later
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
                    my_answer=answer,
                    resource=obj,
                    component=component,
                )
            )
        return found, beyond if found else None  # a copy declined throughout says nothing


_DAY = dt.timedelta(days=1)


def _overlaps(o: Occurrence, low: dt.datetime, high: dt.datetime, zone: dt.tzinfo) -> bool:
    """Whether an occurrence overlaps [low, high) (an instant at `low` counts), a floating
    time or a date placed in `zone`."""
    start = sort_key(o.start, zone)
    end = start if o.end is None else sort_key(o.end, zone)
    return (start < high and end > low) or (start == end and low <= start < high)


def _from_index(indexed: IndexedOccurrence, mine: list[str] | None) -> Occurrence | None:
    """An occurrence from the index. With `mine` (the addresses whose calendar holds it), the
    answer is read from it when someone else organises it, and a declined copy is none."""
    fields = indexed.fields
    attendees = indexed.series.get("attendees") or []  # the event's, as its invitations are
    my_answer = None if mine is None else occurrence_answer(indexed, mine)
    if my_answer == PartStat.DECLINED.value:
        return None
    accepted = sum(1 for a in attendees if str(a["status"]).upper() == PartStat.ACCEPTED.value)
    return Occurrence(
        event_id=indexed.event_id,
        summary=str(fields.get("title") or "(no title)"),
        start=_moment(indexed.start),
        end=_moment(indexed.end),
        all_day=len(indexed.start) == 10,
        location=fields.get("location"),
        recurring=bool(indexed.instance) or bool(indexed.series.get("recurrence")),
        cancelled=str(fields.get("status") or "") == "CANCELLED",
        attendees=len(attendees),
        accepted=accepted,
        my_answer=my_answer,
        indexed=indexed,
    )


def _moment(text: str) -> dt.datetime | dt.date:
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _uuid_or_nil(text: Any) -> UUID:
    try:
        return UUID(str(text))
    except ValueError:
        return UUID(int=0)


def sort_key(moment: dt.datetime | dt.date, zone: dt.tzinfo = dt.UTC) -> dt.datetime:
    """Where a start falls in time: a floating time or a date is read in `zone`."""
    if isinstance(moment, dt.datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=zone)
    return dt.datetime.combine(moment, dt.time(), tzinfo=zone)


def _held_elsewhere(seen: SeenCalendar, uid: str, own_uids: set[str]) -> bool:
    """Whether an event of this calendar is listed from another one instead: a meeting in a
    calendar shared with the user, or in a feed they follow, that they hold a copy of."""
    return (not seen.owned or seen.view.subscribed) and uid in own_uids
