"""What each kind of event changed, as readable lines (a difference from the version before)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from televent.domain.connections import server_host
from televent.domain.feed_subscriptions import feed_host, refresh_counts
from televent.domain.sharing import ROLE_WORDS, Role, Status
from televent.domain.values import DEFAULT_REMINDER_MINUTES

ARROW = "→"
LONGEST_VALUE = 80
# Properties the facts diff describes; EventUpdated.changes describes the others.
FACTS_PROPERTIES = {"SUMMARY", "DTSTART", "DTEND", "DUE", "LOCATION", "STATUS", "ORGANIZER"}


@dataclass
class AggregateState:
    """What the walk remembers of one aggregate, to describe its next event as a difference."""

    uid: str | None = None
    slug: str | None = None
    facts: dict[str, Any] | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    devices: dict[str, str] = field(default_factory=dict)
    # A Schedule's booking links by slug and bookings by id, to name them in later events.
    links: dict[str, dict[str, Any]] = field(default_factory=dict)
    bookings: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Lines said by the body-less events of the current command (the body event repeats them).
    reported: list[str] = field(default_factory=list)
    # A Calendar's members and open invitations: account id -> {"role", "status"}.
    members: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class People:
    """How the lines about a calendar's members name people: by name ("Ann"); the person whose
    timeline is read as "you" where a change happens to them ("Ann shared 'Family' with you");
    an erased person by their pseudonym, without repeating their own choices (the name they
    gave a calendar)."""

    names: Mapping[str, str] = field(default_factory=dict)
    you: str | None = None
    erased: AbstractSet[str] = frozenset()

    def name(self, account_id: Any) -> str:
        """The person's name (an unknown account: its id)."""
        key = str(account_id)
        return self.names.get(key, f"account {key}")

    def object(self, account_id: Any) -> str:
        """The person a change happens to: "you" in their own timeline, their name elsewhere."""
        return (
            "you" if self.you is not None and str(account_id) == self.you else self.name(account_id)
        )

    def actor(self, actor: Any) -> str:
        """Who made a change, from the event's actor (`account:<id>`, `operator:<name>`, …)."""
        kind, _, reference = str(actor or "").partition(":")
        if kind == "account":
            return self.name(reference)
        if kind == "address":
            return reference
        if kind in ("operator", "system"):
            return f"{kind} {reference}".strip()
        return str(actor or "someone")


@dataclass(frozen=True)
class UnreadableEvent:
    """A stored event the audit cannot decode (a kind this version does not know, a damaged
    record): listed with what is known of it instead of ending the timeline."""

    originator_id: UUID
    originator_version: int
    timestamp: dt.datetime
    topic: str
    problem: str
    account_id: UUID | None = None

    @property
    def kind(self) -> str:
        """`Aggregate.EventName` from the stored topic ("module:Calendar.MemberInvited")."""
        return self.topic.rpartition(":")[2] or self.topic


Describer = Callable[[Any, AggregateState], list[str]]
SharingDescriber = Callable[[Any, AggregateState, People], list[str]]


def described(event: Any, state: AggregateState, people: People | None = None) -> list[str]:
    """`describe`, but an event it cannot read (a shape this module does not know) is shown
    as such instead of ending the timeline."""
    try:
        return describe(event, state, people)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        state.facts = None  # the next version is shown whole
        return [f"(not described: {type(exc).__name__} {exc})"]


def describe(event: Any, state: AggregateState, people: People | None = None) -> list[str]:
    """The event's change as readable lines, updating `state` to the version after it
    (`people` names the persons in lines about a calendar's members)."""
    if isinstance(event, UnreadableEvent):
        state.facts = None  # the next version is shown whole
        return [f"(not readable: {event.problem})"]
    qualname = type(event).__qualname__
    sharing = SHARING_DESCRIBERS.get(qualname)
    if sharing is not None:
        return sharing(event, state, people or People())
    describer = DESCRIBERS.get(qualname.rpartition(".")[2], _by_reason)
    return describer(event, state)


def _by_reason(event: Any, state: AggregateState) -> list[str]:
    """Kinds without a describer of their own (records of export and erasure): the reason."""
    reason = getattr(event, "reason", None)
    return [f"reason: {reason}"] if reason else []


def _registered(event: Any, state: AggregateState) -> list[str]:
    state.settings = {
        "name": event.name,
        "timezone": event.timezone,
        "reminder_minutes": DEFAULT_REMINDER_MINUTES,
        "username": None,
    }
    return [
        f"Telegram id {event.telegram_id}",
        f"name {_q(event.name)}",
        f"timezone {_q(event.timezone)}",
    ]


def _settings_changed(event: Any, state: AggregateState) -> list[str]:
    return _changed_values(state.settings, event.changes)


def _changed_values(current: dict[str, Any], changes: dict[str, Any]) -> list[str]:
    """`key old → new` for each change, applied to `current`."""
    lines = [f"{key} {_q(current.get(key))} {ARROW} {_q(value)}" for key, value in changes.items()]
    current.update(changes)
    return lines


def _email_linked(event: Any, state: AggregateState) -> list[str]:
    if getattr(event, "verified_by", "") == "code":
        return [f"email linked {event.address} (verified: a code mailed to it came back)"]
    return [f"email linked {event.address}"]


def _invite_address_assigned(event: Any, state: AggregateState) -> list[str]:
    before = state.properties.get("invite_address")
    state.properties["invite_address"] = event.address
    if before:
        return [f"invitation address {before} {ARROW} {event.address} (the old one stops)"]
    return [f"invitation address {event.address}"]


def _email_unlinked(event: Any, state: AggregateState) -> list[str]:
    return [f"email unlinked {event.address}"]


def _device_issued(event: Any, state: AggregateState) -> list[str]:
    state.devices[event.device_id] = event.name
    return [f"device '{event.name}' issued"]


def _device_revoked(event: Any, state: AggregateState) -> list[str]:
    return [f"device '{state.devices.get(event.device_id, event.device_id)}' revoked"]


def _erasure_requested(event: Any, state: AggregateState) -> list[str]:
    return [f"erasure scheduled for {event.due}"]


def _erasure_cancelled(event: Any, state: AggregateState) -> list[str]:
    return ["scheduled erasure cancelled"]


def _inbox_item_deleted(event: Any, state: AggregateState) -> list[str]:
    return [f"inbox item {event.name}"]


def _meetings_called_off(event: Any, state: AggregateState) -> list[str]:
    return [f"meeting (event {event_id}) called off" for event_id in event.event_ids]


def _calendar_created(event: Any, state: AggregateState) -> list[str]:
    state.slug = event.slug
    state.properties = dict(event.properties)
    return [f"calendar '{event.slug}'", *(f"{k} {_q(v)}" for k, v in event.properties.items())]


def _calendar_updated(event: Any, state: AggregateState) -> list[str]:
    return _changed_values(state.properties, event.changes)


def _calendar_deleted(event: Any, state: AggregateState) -> list[str]:
    state.members.clear()  # a deleted calendar is gone for every member
    return [f"calendar '{state.slug}' deleted" if state.slug else "calendar deleted"]


# --- a calendar's members (domain/sharing.py, the Calendar aggregate's Member* events) ------


def _shared(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "Ann shared 'Family' with Bob (can edit)"; again before an answer: the new role."""
    member = str(event.member)
    before = state.members.get(member)
    state.members[member] = {"role": str(event.role), "status": Status.INVITED.value}
    words = _role_words(event.role)
    by, whom, calendar = people.name(event.by), people.object(member), _calendar_name(state)
    if before is None:
        return [f"{by} shared {calendar} with {whom} ({words})"]
    return [f"{by} invited {whom} to {calendar} again ({words})"]


def _accepted(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "Bob accepted 'Family' (can edit)"."""
    member = state.members.setdefault(str(event.member), {})
    member["status"] = Status.ACTIVE.value
    role = f" ({_role_words(member['role'])})" if member.get("role") else ""
    return [f"{people.name(event.member)} accepted {_calendar_name(state)}{role}"]


def _role_changed(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "Ann made Bob able to view 'Family'"."""
    member = state.members.setdefault(str(event.member), {})
    member["role"] = str(event.role)
    ability = _role_words(event.role).removeprefix("can ")
    line = (
        f"{people.actor(event.actor)} made {people.object(event.member)} able to {ability} "
        f"{_calendar_name(state)}"
    )
    if member.get("status") == Status.INVITED.value:
        line += " (invitation not answered yet)"
    return [line]


def _member_removed(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "Bob left 'Family'", "Ann removed Bob from 'Family'", "Bob declined 'Family'"…"""
    before = state.members.pop(str(event.member), None)
    member, calendar, reason = people.name(event.member), _calendar_name(state), event.reason
    whom = people.object(event.member)
    if reason == "declined":
        return [f"{member} declined {calendar}"]
    if reason == "left":
        return [f"{member} left {calendar}"]
    if reason == "removed":
        by = people.actor(event.actor)
        if before is not None and before.get("status") == Status.INVITED.value:
            return [f"{by} withdrew the invitation of {whom} to {calendar}"]
        return [f"{by} removed {whom} from {calendar}"]
    if reason == "erased":
        return [f"{member} removed from {calendar}: their data was erased"]
    return [f"{member} removed from {calendar} ({reason})"]


def _feed_published(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "Bob published 'Family' as a feed (busy times only)" (docs/adr/0022)."""
    who, calendar = people.name(str(event.member)), _calendar_name(state)
    what = " (busy times only)" if event.busy_only else ""
    return [f"{who} published {calendar} as a feed at a new secret address{what}"]


def _feed_revoked(event: Any, state: AggregateState, people: People) -> list[str]:
    who, calendar = people.name(str(event.member)), _calendar_name(state)
    return [f"{who} stopped publishing {calendar} as a feed"]


def _feed_subscribed(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "'calendar.example.org' subscribed to a feed" (docs/adr/0025; the address itself may
    hold a secret, so the audit names only its host)."""
    return [f"{_calendar_name(state)} subscribed to the feed of {feed_host(str(event.url))}"]


def _subscription_changed(event: Any, state: AggregateState, people: People) -> list[str]:
    words = {
        "paused": ("paused", "resumed"),
        "reminders": ("reminders on", "reminders off"),
        "busy": ("counted as busy time", "not counted as busy time"),
    }
    changes = [
        words[key][0 if value else 1] for key, value in dict(event.changes).items() if key in words
    ]
    return [f"feed {_calendar_name(state)}: {', '.join(changes)}"]


def _feed_refreshed(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "feed 'Holidays' refreshed: 3 added, 1 changed"."""
    counts = refresh_counts(event.added, event.changed, event.removed)
    return [f"feed {_calendar_name(state)} refreshed: {counts}"]


def _calendar_mirrored(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "'Work' mirrors a calendar of dav.example.com" (docs/adr/0026)."""
    return [f"{_calendar_name(state)} mirrors a calendar of {server_host(str(event.url))}"]


def _mirroring_stopped(event: Any, state: AggregateState, people: People) -> list[str]:
    return [f"{_calendar_name(state)} no longer mirrors another server's calendar (kept here)"]


def _calendar_synced(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "'Work' synced: 3 added, 1 changed"."""
    counts = refresh_counts(event.added, event.changed, event.removed)
    return [f"{_calendar_name(state)} synced: {counts}"]


def _write_back_overruled(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "a change to 'Dentist' in 'Work' lost to the other server's version (changed there)";
    the change that lost is the event's revision before."""
    title = dict(event.shown).get("summary") or "an event"
    return [
        f"a change to '{title}' in {_calendar_name(state)} lost to the other server's version "
        f"({event.remote} there)"
    ]


def _connection_made(event: Any, state: AggregateState) -> list[str]:
    """ "connected the CalDAV account 'anna' of dav.example.com: 2 calendars" (never the
    password)."""
    count = len(dict(event.calendars))
    return [
        f"connected the {str(event.kind).upper()} account '{event.username}' of "
        f"{server_host(str(event.principal_url))}: {count} calendar{'s' if count != 1 else ''}"
    ]


def _connection_removed(event: Any, state: AggregateState) -> list[str]:
    kept = "kept as ordinary calendars" if event.keep_events else "deleted"
    return [f"removed the connection (password forgotten; its calendars {kept})"]


def _webhook_added(event: Any, state: AggregateState) -> list[str]:
    """ "added a webhook to https://hooks.example.org/x for event.created, booking.created"
    (never its secret)."""
    paused = "" if event.active else " (paused)"
    return [f"added a webhook to {event.url} for {', '.join(event.triggers)}{paused}"]


def _webhook_changed(event: Any, state: AggregateState) -> list[str]:
    changes = dict(event.changes)
    lines = []
    if "url" in changes:
        lines.append(f"pointed the webhook to {changes['url']}")
    if "triggers" in changes:
        lines.append(f"set the webhook's triggers to {', '.join(changes['triggers'])}")
    if "active" in changes:
        lines.append("resumed the webhook" if changes["active"] else "paused the webhook")
    return lines


def _webhook_paused(event: Any, state: AggregateState) -> list[str]:
    return [f"paused the webhook: its deliveries kept failing ({event.reason})"]


def _webhook_secret_rotated(event: Any, state: AggregateState) -> list[str]:
    return [f"gave the webhook a new signing secret (the old one signs too until {event.until})"]


def _webhook_removed(event: Any, state: AggregateState) -> list[str]:
    return ["removed the webhook (its secret forgotten)"]


def _member_properties_set(event: Any, state: AggregateState, people: People) -> list[str]:
    """ "Bob renamed 'Family' for themselves: 'Home'" (and their colour and busy choice)."""
    member = str(event.member)
    state.members.setdefault(member, {})
    who, calendar = people.name(member), _calendar_name(state)
    private = member in people.erased  # an erased person's own choices are not repeated
    lines: list[str] = []
    for key, value in dict(event.changes).items():
        if key == "display_name":
            if value is None:
                lines.append(f"{who} gave {calendar} back its own name for themselves")
            else:
                lines.append(
                    f"{who} renamed {calendar} for themselves"
                    + ("" if private else f": {_q(value)}")
                )
        elif key == "color":
            if value is None:
                lines.append(f"{who} gave {calendar} back its own colour for themselves")
            else:
                colour = "" if private else f": {_q(value)}"
                lines.append(f"{who} chose their own colour for {calendar}{colour}")
        elif key == "busy":
            if value is None:
                lines.append(f"{who} made {calendar} count as busy time by their role again")
            else:
                counts = "count" if value else "not count"
                lines.append(f"{who} made {calendar} {counts} as their busy time")
        elif key == "dead":  # what their CalDAV client keeps (Apple Calendar's order)
            kept = len(value or {})
            lines.append(
                f"{who}'s calendar app kept {kept} setting{'s' if kept != 1 else ''} "
                f"of its own on {calendar}"
            )
        else:
            lines.append(f"{who} set {key} of {calendar} for themselves")
    return lines


def _calendar_name(state: AggregateState) -> str:
    """The calendar as its owner named it ("'Family'"), else by its slug."""
    name = state.properties.get("display_name") or state.slug
    return _q(name) if name else "a calendar"


def _role_words(role: Any) -> str:
    """ "can view", "can edit", "can manage" (domain/sharing.ROLE_WORDS); an unknown role
    by its name."""
    try:
        return ROLE_WORDS[Role(str(role))]
    except ValueError:
        return str(role)


def _event_stored(event: Any, state: AggregateState) -> list[str]:
    """EventCreated / EventRecreated: the new version as a whole."""
    state.uid = event.uid
    state.facts = event.facts
    state.reported.clear()
    stored = "stored as" if type(event).__name__ == "EventCreated" else "stored again as"
    return [*_snapshot(event.facts), f"{stored} {event.href}"]


def _event_deleted(event: Any, state: AggregateState) -> list[str]:
    return [f"{event.href} deleted"]


def _body_changed(event: Any, state: AggregateState) -> list[str]:
    """Events that change the body. One command may append several; only the last carries
    the new body, so the others say what they did by their own fields, and the last one
    tells the rest of the difference between the bodies."""
    kind = type(event).__name__
    own = OWN_LINES[kind](event, state.facts)
    facts = getattr(event, "facts", None)
    if facts is None:
        state.reported += own
        return own
    lines = [line for line in _facts_changes(state.facts, facts) if line not in state.reported]
    if kind == "EventUpdated":
        lines += _other_property_changes(event.changes)
    if kind == "RsvpGiven" and event.recurrence_id:
        lines += own
    state.facts = facts
    state.reported.clear()
    return lines or own


def _invited_lines(event: Any, facts: dict[str, Any] | None) -> list[str]:
    return [f"attendee added {event.attendee['address']}"]


def _removed_lines(event: Any, facts: dict[str, Any] | None) -> list[str]:
    return [f"attendee removed {event.address}"]


def _rsvp_lines(event: Any, facts: dict[str, Any] | None) -> list[str]:
    if event.recurrence_id:
        return [f"PARTSTAT of {event.address} {ARROW} {event.partstat} for {event.recurrence_id}"]
    before = _partstats(facts).get(event.address, "(none)")
    return [f"PARTSTAT of {event.address} {before} {ARROW} {event.partstat}"]


def _updated_lines(event: Any, facts: dict[str, Any] | None) -> list[str]:
    return [f"{name} {_q(old)} {ARROW} {_q(new)}" for name, (old, new) in event.changes.items()]


def _cancelled_lines(event: Any, facts: dict[str, Any] | None) -> list[str]:
    status = (facts or {}).get("status")
    return [f"STATUS {_q(status)} {ARROW} 'CANCELLED'"]


def _status_lines(event: Any, state: AggregateState) -> list[str]:
    return [f"SCHEDULE-STATUS of {event.address} {ARROW} {event.status} ({event.reason})"]


def _forced_lines(event: Any, state: AggregateState) -> list[str]:
    return [f"{event.method} sent again to {', '.join(event.addresses)}"]


def _counter_proposed(event: Any, state: AggregateState) -> list[str]:
    state.uid = event.uid
    proposal = event.proposal
    lines = [f"{event.address} proposes DTSTART {_q(proposal.get('start'))}"]
    if proposal.get("comment"):
        lines.append(f"COMMENT {_q(proposal['comment'])}")
    return lines


def _counter_answered(event: Any, state: AggregateState) -> list[str]:
    return [f"proposal of {event.address} {'accepted' if event.accepted else 'declined'}"]


# --- the Schedule (booking links: domain/schedule.py) ------------------------------------------

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _schedule_opened(event: Any, state: AggregateState) -> list[str]:
    return ["booking schedule opened"]


def _availability_set(event: Any, state: AggregateState) -> list[str]:
    """ "availability (Europe/Berlin): Mon 09:00-17:00; Tue …; 1 date overridden"."""
    availability = event.availability
    weekly = availability.get("weekly") or {}
    days = [
        f"{day.title()} {', '.join(f'{start}-{end}' for start, end in weekly[day])}"
        for day in WEEKDAYS
        if weekly.get(day)
    ]
    line = f"availability ({availability.get('timezone')}): {'; '.join(days) or 'never'}"
    overrides = availability.get("overrides") or []
    if overrides:
        dates = ", ".join(str(o.get("date")) for o in overrides)
        line += f"; other hours on {dates}"
    return [line]


def _link_added(event: Any, state: AggregateState) -> list[str]:
    link = event.link
    state.links[link["slug"]] = dict(link)
    minutes = link.get("duration_minutes")
    length = f", {minutes} min" if minutes else ""
    return [f"booking link /{link['slug']} {_q(link.get('title'))}{length}"]


def _link_changed(event: Any, state: AggregateState) -> list[str]:
    before = state.links.get(event.slug)
    after = dict(event.link)
    state.links[event.slug] = after
    if before is None:
        return [f"booking link /{event.slug} changed"]
    return [
        f"booking link /{event.slug}: {key} {_q(before.get(key))} {ARROW} {_q(after.get(key))}"
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ] or [f"booking link /{event.slug} changed"]


def _link_removed(event: Any, state: AggregateState) -> list[str]:
    state.links.pop(event.slug, None)
    return [f"booking link /{event.slug} removed"]


def _booked(event: Any, state: AggregateState) -> list[str]:
    """ "Ann Visitor (ann@example.org) booked Intro call for 2026-03-03 14:00 UTC via booking
    link /intro"."""
    booking = dict(event.booking)
    state.bookings[booking["booking_id"]] = booking
    return [
        f"{_visitor(booking)} booked {booking.get('title') or 'a meeting'} for "
        f"{_full(booking.get('start'))} via booking link /{booking.get('slug')}",
        f"their time zone {booking.get('tz')}; event {booking.get('event_id')}",
    ]


def _booking_rescheduled(event: Any, state: AggregateState) -> list[str]:
    booking = state.bookings.setdefault(event.booking_id, {"booking_id": event.booking_id})
    before = booking.get("start")
    booking.update(event.times)
    return [f"booking of {_booking_name(booking)}: {_moved('start', before, booking.get('start'))}"]


def _booking_cancelled(event: Any, state: AggregateState) -> list[str]:
    booking = state.bookings.setdefault(event.booking_id, {"booking_id": event.booking_id})
    booking["status"] = "cancelled"
    line = f"booking of {_booking_name(booking)} cancelled"
    return [f"{line}: {_q(event.reason)}" if event.reason else line]


def _bookings_followed(event: Any, state: AggregateState) -> list[str]:
    lines = []
    for booking_id, times in event.moves.items():
        booking = state.bookings.setdefault(booking_id, {"booking_id": booking_id})
        booking.update(times)
        lines.append(
            f"booking of {_booking_name(booking)} follows its event, moved in the calendar "
            f"to {times.get('start')}"
        )
    return lines


def _bookings_released(event: Any, state: AggregateState) -> list[str]:
    lines = []
    for booking_id in event.booking_ids:
        booking = state.bookings.setdefault(booking_id, {"booking_id": booking_id})
        booking["status"] = "released"
        lines.append(f"booking of {_booking_name(booking)} released (its event left the calendar)")
    return lines


def _visitor(booking: dict[str, Any]) -> str:
    name, email = booking.get("name"), booking.get("email")
    if name and email:
        return f"{name} ({email})"
    return str(name or email or f"booking {booking.get('booking_id')}")


def _booking_name(booking: dict[str, Any]) -> str:
    """ "Ann Visitor (ann@example.org) for Intro call at 2026-03-03 14:00 UTC", or the id when
    the booking was not seen (a window of the log)."""
    if "start" not in booking:
        return str(booking.get("booking_id"))
    title = booking.get("title") or "a meeting"
    return f"{_visitor(booking)} for {title} at {_full(booking.get('start'))}"


OWN_LINES: dict[str, Callable[[Any, dict[str, Any] | None], list[str]]] = {
    "AttendeeInvited": _invited_lines,
    "AttendeeRemoved": _removed_lines,
    "RsvpGiven": _rsvp_lines,
    "EventUpdated": _updated_lines,
    "EventCancelled": _cancelled_lines,
}

SHARING_DESCRIBERS: dict[str, SharingDescriber] = {
    "Calendar.MemberInvited": _shared,
    "Calendar.MembershipAccepted": _accepted,
    "Calendar.MemberRoleChanged": _role_changed,
    "Calendar.MemberRemoved": _member_removed,
    "Calendar.MemberPropertiesSet": _member_properties_set,
    "Calendar.FeedPublished": _feed_published,
    "Calendar.FeedRevoked": _feed_revoked,
    "Calendar.FeedSubscribed": _feed_subscribed,
    "Calendar.SubscriptionChanged": _subscription_changed,
    "Calendar.FeedRefreshed": _feed_refreshed,
    "Calendar.CalendarMirrored": _calendar_mirrored,
    "Calendar.MirroringStopped": _mirroring_stopped,
    "Calendar.CalendarSynced": _calendar_synced,
    "Calendar.WriteBackOverruled": _write_back_overruled,
}

DESCRIBERS: dict[str, Describer] = {
    "AccountRegistered": _registered,
    "AccountSettingsChanged": _settings_changed,
    "PreferencesChanged": _settings_changed,
    "EmailLinked": _email_linked,
    "EmailUnlinked": _email_unlinked,
    "InviteAddressAssigned": _invite_address_assigned,
    "DevicePasswordIssued": _device_issued,
    "DevicePasswordRevoked": _device_revoked,
    "ErasureRequested": _erasure_requested,
    "ErasureCancelled": _erasure_cancelled,
    "ScheduleInboxItemDeleted": _inbox_item_deleted,
    "MeetingsCalledOff": _meetings_called_off,
    "CalendarCreated": _calendar_created,
    "CalendarRecreated": _calendar_created,
    "CalendarUpdated": _calendar_updated,
    "CalendarDeleted": _calendar_deleted,
    "EventCreated": _event_stored,
    "EventRecreated": _event_stored,
    "EventDeleted": _event_deleted,
    "DeliveryStatusRecorded": _status_lines,
    "SchedulingForced": _forced_lines,
    "CounterProposed": _counter_proposed,
    "CounterAnswered": _counter_answered,
    "ScheduleOpened": _schedule_opened,
    "AvailabilitySet": _availability_set,
    "BookingLinkAdded": _link_added,
    "BookingLinkChanged": _link_changed,
    "BookingLinkRemoved": _link_removed,
    "Booked": _booked,
    "BookingRescheduled": _booking_rescheduled,
    "BookingCancelled": _booking_cancelled,
    "BookingsReleased": _bookings_released,
    "BookingsFollowedCalendar": _bookings_followed,
    "ConnectionMade": _connection_made,
    "ConnectionRemoved": _connection_removed,
    "WebhookAdded": _webhook_added,
    "WebhookChanged": _webhook_changed,
    "WebhookPaused": _webhook_paused,
    "WebhookSecretRotated": _webhook_secret_rotated,
    "WebhookRemoved": _webhook_removed,
    **dict.fromkeys(OWN_LINES, _body_changed),
}


def _snapshot(facts: dict[str, Any]) -> list[str]:
    lines = [f"SUMMARY {_q(facts.get('summary'))}"]
    if facts.get("start"):
        lines.append(f"DTSTART {_full(facts['start'])}")
    if facts.get("end"):
        lines.append(f"{_end_name(facts)} {_full(facts['end'])}")
    for name in ("location", "status"):
        if facts.get(name):
            lines.append(f"{name.upper()} {_q(facts[name])}")
    if facts.get("organizer"):
        lines.append(f"ORGANIZER {facts['organizer']}")
    lines += [f"attendee {a['address']} ({a['partstat']})" for a in facts.get("attendees") or ()]
    return lines


def _facts_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """The difference between two versions' facts; unknown before (erased): the new version."""
    if before is None:
        return _snapshot(after)
    lines: list[str] = []
    if before.get("summary") != after.get("summary"):
        lines.append(f"SUMMARY {_q(before.get('summary'))} {ARROW} {_q(after.get('summary'))}")
    if before.get("start") != after.get("start"):
        lines.append(_moved("DTSTART", before.get("start"), after.get("start")))
    if before.get("end") != after.get("end"):
        lines.append(_moved(_end_name(after), before.get("end"), after.get("end")))
    for name in ("location", "status"):
        if before.get(name) != after.get(name):
            lines.append(f"{name.upper()} {_q(before.get(name))} {ARROW} {_q(after.get(name))}")
    if before.get("organizer") != after.get("organizer"):
        lines.append(
            f"ORGANIZER {before.get('organizer') or '(none)'} {ARROW} "
            f"{after.get('organizer') or '(none)'}"
        )
    return lines + _attendee_changes(before, after)


def _attendee_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    old, new = _partstats(before), _partstats(after)
    lines = [f"attendee added {address}" for address in new if address not in old]
    lines += [f"attendee removed {address}" for address in old if address not in new]
    lines += [
        f"PARTSTAT of {address} {old[address]} {ARROW} {partstat}"
        for address, partstat in new.items()
        if address in old and old[address] != partstat
    ]
    return lines


def _other_property_changes(changes: dict[str, Any]) -> list[str]:
    """EventUpdated's own record of the properties the facts do not hold (DESCRIPTION, RRULE…)."""
    lines = [
        f"{name} {_q(old)} {ARROW} {_q(new)}"
        for name, (old, new) in changes.items()
        if name not in FACTS_PROPERTIES and name != "OTHER"
    ]
    if "OTHER" in changes:
        lines.append(f"also changed: {changes['OTHER'][1]}")
    return lines


def _partstats(facts: dict[str, Any] | None) -> dict[str, str]:
    return {a["address"]: a["partstat"] for a in (facts or {}).get("attendees") or ()}


def _end_name(facts: dict[str, Any]) -> str:
    return "DUE" if facts.get("component") == "VTODO" else "DTEND"


def _q(value: Any) -> str:
    """A value quoted on one line, shortened when long; None as "(none)"."""
    if value is None:
        return "(none)"
    if not isinstance(value, str):
        return str(value)
    text = " / ".join(value.splitlines())
    if len(text) > LONGEST_VALUE:
        text = text[: LONGEST_VALUE - 1] + "…"
    return f"'{text}'"


def _moved(name: str, before: str | None, after: str | None) -> str:
    """A moved moment: only the times on the same day ("DTSTART moved 10:00 → 11:00"),
    with dates (and offsets, when they differ) otherwise."""
    if before is None:
        return f"{name} set to {_full(after)}"
    if after is None:
        return f"{name} removed (was {_full(before)})"
    old, new = _parts(before), _parts(after)
    if old[0] == new[0] and old[2] == new[2] and old[1] and new[1]:
        return f"{name} moved {old[1]} {ARROW} {new[1]}"
    if old[2] == new[2]:
        return f"{name} moved {_join(old[:2])} {ARROW} {_join(new[:2])}"
    return f"{name} moved {_full(before)} {ARROW} {_full(after)}"


def _parts(text: str) -> tuple[str, str, str]:
    """(date, time, offset) of an ISO date or date-time; empty strings for what it lacks."""
    if "T" not in text:
        return text, "", ""
    moment = dt.datetime.fromisoformat(text)
    offset = moment.strftime("%z")
    offset = "UTC" if offset == "+0000" else (f"{offset[:3]}:{offset[3:]}" if offset else "")
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M"), offset


def _full(text: str | None) -> str:
    return "(none)" if text is None else _join(_parts(text))


def _join(parts: Iterable[str]) -> str:
    return " ".join(part for part in parts if part)
