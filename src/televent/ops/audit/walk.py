"""Walking each aggregate's events in order, turning each into a timeline entry."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from televent.domain.sharing import ROLE_WORDS, Role
from televent.ops.audit.describe import AggregateState, People, UnreadableEvent, described
from televent.ops.audit.roles import MemberRoles
from televent.ops.audit.timeline import TimelineEntry
from televent.projections.audit_index import actor_parts, owner_of

ERASED = "erased"
ERASED_ACCOUNT = "erased account"

WORDING = {
    "AccountRegistered": "account registered",
    "AccountSettingsChanged": "settings changed",
    "PreferencesChanged": "notification preferences changed",
    "EmailLinked": "email linked",
    "EmailUnlinked": "email unlinked",
    "DevicePasswordIssued": "device password issued",
    "DevicePasswordRevoked": "device password revoked",
    "ErasureRequested": "erasure requested",
    "ErasureCancelled": "erasure cancelled",
    "CalendarCreated": "calendar created",
    "CalendarUpdated": "calendar properties changed",
    "CalendarDeleted": "calendar deleted",
    "CalendarRecreated": "calendar created again",
    "EventCreated": "event created",
    "EventUpdated": "event changed",
    "AttendeeInvited": "attendee invited",
    "AttendeeRemoved": "attendee removed",
    "RsvpGiven": "answer recorded",
    "EventCancelled": "event cancelled",
    "EventDeleted": "event deleted",
    "EventRecreated": "event stored again",
    "DeliveryStatusRecorded": "delivery status recorded",
    "SchedulingForced": "sent again on request",
    "CounterProposed": "new time proposed",
    "CounterAnswered": "proposed time answered",
    "AccountErased": "account erased",
    "PersonalDataExported": "personal data exported",
    "ScheduleInboxItemDeleted": "scheduling message removed from the inbox",
    "MeetingsCalledOff": "meetings called off before erasure",
    "MemberInvited": "calendar shared",
    "MembershipAccepted": "shared calendar accepted",
    "MemberRoleChanged": "member's role changed",
    "MemberRemoved": "membership ended",
    "MemberPropertiesSet": "member's own settings for the calendar changed",
    "FeedPublished": "calendar published as a feed",
    "FeedRevoked": "calendar's feed stopped",
}


def concerned_account(account_id: Any) -> str:
    """How an account a change concerns (a calendar's member) is named among the addresses an
    entry concerns; never a calendar address, which has no `account:` scheme."""
    return f"account:{account_id}"


class Walk:
    """Turns each aggregate's events, in order, into timeline entries.

    `names` are people's names for the lines about a calendar's members (default: `labels`),
    `you` the account whose timeline is read, `roles` the members' roles through time, so that
    a change by a member names the role they had (ops/audit/roles.py)."""

    def __init__(
        self,
        labels: dict[str, str],
        erased: AbstractSet[str] = frozenset(),
        *,
        names: dict[str, str] | None = None,
        you: str | None = None,
        roles: MemberRoles | None = None,
    ) -> None:
        self.labels = labels
        self.erased = erased  # accounts whose person was erased
        self.people = People(labels if names is None else names, you, erased)
        self.roles = roles
        self.states: dict[str, AggregateState] = {}

    def entries(self, events: list[tuple[int, Any]]) -> Iterator[tuple[TimelineEntry, set[str]]]:
        """Each event's entry, with the addresses its change concerns (before and after), and
        the accounts (`concerned_account`) of the calendar members it concerns."""
        for position, event in events:
            state = self.states.setdefault(str(event.originator_id), AggregateState())
            concerns = _addresses_in(state.facts)
            if getattr(event, "redacted", False):
                state.facts = None  # what came before is unknown from here on
                yield self._entry(position, event, state, (ERASED,), redacted=True), concerns
                continue
            members_before = set(state.members)
            lines = described(event, state, self.people)
            concerns |= _addresses_in(state.facts) | _addresses_of(event)
            concerns |= _members_concerned(event, members_before)
            yield self._entry(position, event, state, tuple(lines), redacted=False), concerns

    def _entry(
        self,
        position: int,
        event: Any,
        state: AggregateState,
        diff: tuple[str, ...],
        *,
        redacted: bool,
    ) -> TimelineEntry:
        aggregate, _, kind = _qualname(event).rpartition(".")
        owner = owner_of(event)
        owner_label = self.labels.get(owner, f"account {owner}")
        actor = None if redacted else getattr(event, "actor", None)
        source = None if redacted else getattr(event, "source", None)
        actor_kind, actor_ref = actor_parts(event)
        role = None if redacted else self._member_role(position, aggregate, event, owner)
        who = ERASED if redacted else self._who(getattr(event, "actor", None))
        if role is not None:
            who = _with_role(who, role)
        if actor_kind == "account" and actor_ref in self.erased:
            # Their chat id or device name would lead back to an erased person.
            actor, source = f"account:{ERASED}", ERASED
        return TimelineEntry(
            at=event.timestamp,
            position=position,
            aggregate=aggregate,
            aggregate_id=str(event.originator_id),
            version=int(event.originator_version),
            subject=_subject(aggregate, state, owner_label),
            calendar_owner=None if aggregate == "Account" else owner_label,
            uid=state.uid,
            who=who,
            through=ERASED if redacted or source == ERASED else describe_source(source),
            kind=kind,
            what=WORDING.get(kind) or _words(kind),
            diff=diff,
            actor=actor,
            source=source,
            redacted=redacted,
            actor_role=role,
        )

    def _member_role(self, position: int, aggregate: str, event: Any, owner: str) -> str | None:
        """The role its actor had on the calendar when a member (not the owner) changed it."""
        actor_kind, actor_ref = actor_parts(event)
        if self.roles is None or actor_kind != "account" or actor_ref == owner:
            return None
        if aggregate == "CalendarEvent":
            calendar = getattr(event, "calendar_id", None)
        elif aggregate == "Calendar":
            calendar = event.originator_id
        else:
            return None
        return None if calendar is None else self.roles.role_at(calendar, actor_ref, position)

    def _who(self, actor: str | None) -> str:
        kind, _, reference = (actor or "").partition(":")
        if kind == "account":
            return self.labels.get(reference, f"account {reference}")
        if kind == "address":
            return reference
        if kind == "operator":
            return f"operator {reference}".strip()
        if kind == "system":
            return f"system {reference}".strip()
        return actor or "unknown"


def describe_source(source: str | None) -> str:
    """The adapter a change came through, as a person reads it."""
    kind, _, detail = (source or "").partition(":")
    describe = _SOURCES.get(kind)
    return describe(detail) if describe is not None else source or "unknown"


def _describe_api(detail: str) -> str:
    """The JSON API, and how the caller signed in (adapters/api/auth.py)."""
    if detail == "tma":
        return "Mini App (JSON API)"
    if detail.startswith("device:"):
        return f"JSON API, device '{detail.removeprefix('device:')}'"
    if detail == "session":
        return "JSON API, browser login"
    return f"JSON API ({detail})" if detail else "JSON API"


_SOURCES: dict[str, Callable[[str], str]] = {
    "bot": lambda detail: f"Telegram chat {detail}",
    "telegram": lambda detail: f"Telegram chat {detail}",
    "caldav": lambda detail: f"CalDAV device '{detail}'",
    "email": lambda detail: f"email Message-ID {detail}",
    "cli": lambda detail: f"command line ({detail})" if detail else "command line",
    "api": _describe_api,
    "system": lambda detail: f"system {detail}".strip(),
    "booking": lambda detail: f"public booking page {detail}".strip(),
    "import": lambda detail: f"a file imported through {describe_source(detail)}",
}


def _qualname(event: Any) -> str:
    """`Aggregate.EventName` of a decoded event, or of one the audit could not decode."""
    if isinstance(event, UnreadableEvent):
        return event.kind
    return type(event).__qualname__


def _with_role(who: str, role: str) -> str:
    """ "Bob (Telegram 2)" with a member's role: "Bob (Telegram 2; member, can edit)"."""
    try:
        words = ROLE_WORDS[Role(role)]
    except ValueError:
        words = role
    if who.endswith(")"):
        return f"{who[:-1]}; member, {words})"
    return f"{who} (member, {words})"


def _members_concerned(event: Any, members_before: AbstractSet[str]) -> set[str]:
    """The calendar members a Calendar event concerns: the one a Member* event is about; every
    member when the calendar is deleted (it is gone for them)."""
    kind = _qualname(event)
    if not kind.startswith("Calendar."):
        return set()
    if kind == "Calendar.CalendarDeleted":
        return {concerned_account(member) for member in members_before}
    member = getattr(event, "member", None)
    return set() if member is None else {concerned_account(member)}


def _subject(aggregate: str, state: AggregateState, owner_label: str) -> str:
    if aggregate == "Account":
        return f"account {owner_label}"
    if aggregate == "Calendar":
        return f"calendar '{state.slug}'" if state.slug else "calendar"
    if aggregate == "CalendarEvent":
        return f"event UID {state.uid}" if state.uid else "event"
    if aggregate == "CounterProposal":
        return f"proposal for event UID {state.uid}" if state.uid else "proposal"
    return aggregate.lower()


def _words(kind: str) -> str:
    """`SomethingHappened` → "something happened" (for kinds added after this module)."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()


def _addresses_in(facts: dict[str, Any] | None) -> set[str]:
    if not facts:
        return set()
    named = {a["address"] for a in facts.get("attendees") or ()}
    return named | ({facts["organizer"]} if facts.get("organizer") else set())


def _addresses_of(event: Any) -> set[str]:
    attendee = getattr(event, "attendee", None)
    named = {attendee["address"]} if isinstance(attendee, dict) else set()
    address = getattr(event, "address", None)
    return named | ({address} if isinstance(address, str) else set())
