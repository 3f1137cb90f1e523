"""The audit timeline: who changed what, when, and through which adapter, read from the log.

`Audit.account_timeline` and `Audit.event_timeline` answer an operator's "what happened to this
person / this event?". They ask the `audit_index` read model which aggregates matter, read only
those aggregates' events from the event store (by originator id, which is indexed), decode them
through the application's mapper, and walk each aggregate's events in order, describing every
event as a readable difference from the version before it ("SUMMARY 'Old' → 'New'",
"DTSTART moved 10:00 → 11:00", "PARTSTAT of bob@x NEEDS-ACTION → ACCEPTED").

An account's timeline holds its Account aggregate, its calendars and the events in them, and
events in other people's calendars that the person changed or that name one of their addresses
(`tg_<id>@<internal domain>`, or an email the account ever linked). An event whose person was
erased (crypto-shredding decodes it as a redacted event: ids, version, time and `account_id`
only) is listed with its time and kind, and "erased" for who, through and the difference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from televent.domain.errors import DomainError, NotFoundError
from televent.domain.values import DEFAULT_REMINDER_MINUTES, account_id_for, internal_address
from televent.infrastructure.database import Dialect
from televent.projections.audit_index import actor_parts, owner_of
from televent.projections.sql import Sql

if TYPE_CHECKING:
    from televent.application.televent import Televent

ERASED = "erased"
ERASED_ACCOUNT = "erased account"
ARROW = "→"
IDS_PER_QUERY = 500
LONGEST_VALUE = 80

WORDING = {
    "AccountRegistered": "account registered",
    "AccountSettingsChanged": "settings changed",
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
    "AccountErased": "account erased",
    "PersonalDataExported": "personal data exported",
}

# Properties the facts diff describes; EventUpdated.changes describes the others.
FACTS_PROPERTIES = {"SUMMARY", "DTSTART", "DTEND", "DUE", "LOCATION", "STATUS", "ORGANIZER"}


# --- the answer ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One recorded change as an operator reads it."""

    at: dt.datetime
    position: int
    aggregate: str
    aggregate_id: str
    version: int
    subject: str
    calendar_owner: str | None
    uid: str | None
    who: str
    through: str
    kind: str
    what: str
    diff: tuple[str, ...]
    actor: str | None
    source: str | None
    redacted: bool

    def as_dict(self) -> dict[str, Any]:
        """The entry for `--json` (times as ISO-8601 UTC)."""
        return {
            "at": self.at.astimezone(dt.UTC).isoformat(),
            "position": self.position,
            "aggregate": self.aggregate,
            "aggregate_id": self.aggregate_id,
            "version": self.version,
            "subject": self.subject,
            "calendar_owner": self.calendar_owner,
            "uid": self.uid,
            "who": self.who,
            "through": self.through,
            "kind": self.kind,
            "what": self.what,
            "diff": list(self.diff),
            "actor": self.actor,
            "source": self.source,
            "redacted": self.redacted,
        }


@dataclass(frozen=True)
class TimeWindow:
    """`--since` / `--until`: a date means the whole day, a date-time is exact (UTC if naive)."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> TimeWindow:
        """Read the two bounds; a malformed one is a DomainError naming it."""
        return cls(
            None if since is None else _moment(since, end_of_day=False),
            None if until is None else _moment(until, end_of_day=True),
        )

    def holds(self, moment: dt.datetime) -> bool:
        """Whether the moment lies inside the window (both bounds included)."""
        if self.since is not None and moment < self.since:
            return False
        return self.until is None or moment <= self.until


def _moment(text: str, *, end_of_day: bool) -> dt.datetime:
    value = text.strip()
    try:
        if "T" not in value and " " not in value:
            day = dt.date.fromisoformat(value)
            start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
            return start + dt.timedelta(days=1, microseconds=-1) if end_of_day else start
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise DomainError(
            f"{text!r} is not an ISO date or date-time (e.g. 2026-03-01 or 2026-03-01T09:30)."
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """Why an aggregate is in a timeline, and from which log position."""

    owned: bool
    since_position: int


class Audit:
    """Reads timelines for operators (see the module docstring)."""

    def __init__(self, app: Televent) -> None:
        self.app = app
        self.reader = app.views
        self.position_column = "notification_id" if app.dialect is Dialect.POSTGRES else "rowid"

    def account_timeline(
        self, telegram_id: int, window: TimeWindow | None = None
    ) -> list[TimelineEntry]:
        """Everything that happened to, by, or concerning a Telegram user's account."""
        account_id = self._account_id(telegram_id)
        with self.reader.read() as db:
            relations = self._account_relations(db, account_id)
            if account_id not in relations:
                raise NotFoundError(f"No account for Telegram id {telegram_id} in the log.")
            own_events = self._events(db, [account_id])
            person = Person(account_id, self._addresses(telegram_id, own_events))
            for originator, relation in self._address_relations(db, person.addresses).items():
                relations.setdefault(originator, relation)
            others = [o for o in relations if o != account_id]
            events = sorted([*own_events, *self._events(db, others)], key=lambda pair: pair[0])
            walk = Walk(*self._labels(db, events))
        entries = (
            entry
            for entry, concerns in walk.entries(events)
            if _belongs(entry, concerns, relations[entry.aggregate_id], person)
        )
        return _within(entries, window)

    def _account_id(self, telegram_id: int) -> str:
        """The user's account, or their last erased one (the audit still lists its times)."""
        registered = self.app.queries.account_by_telegram_id(telegram_id)
        if registered is not None:
            return str(registered.account_id)
        erased = self.app.last_erasure(telegram_id)
        return str(erased[0] if erased is not None else account_id_for(telegram_id))

    def event_timeline(
        self, uid: str, telegram_id: int | None = None, window: TimeWindow | None = None
    ) -> list[TimelineEntry]:
        """The history of every stored copy of an iCalendar UID (or only the copy in the
        calendars of `telegram_id`), copy after copy, each labelled with its calendar's owner."""
        with self.reader.read() as db:
            copies = self._copies(db, uid, telegram_id)
            if not copies:
                where = (
                    "" if telegram_id is None else f" in the calendars of Telegram id {telegram_id}"
                )
                raise NotFoundError(f"No event with UID {uid!r}{where} in the log.")
            events = sorted(self._events(db, copies), key=lambda pair: pair[0])
            walk = Walk(*self._labels(db, events))
        order = {originator: index for index, originator in enumerate(copies)}
        entries = sorted(
            (entry for entry, _ in walk.entries(events)),
            key=lambda entry: (order[entry.aggregate_id], entry.position),
        )
        return _within(entries, window)

    # --- the index ---------------------------------------------------------------------------

    def _account_relations(self, db: Sql, account_id: str) -> dict[str, Relation]:
        rows = db.all(
            "SELECT originator_id, relation, position FROM audit_account_aggregates "
            "WHERE account_id = ?",
            (account_id,),
        )
        return _relations(rows)

    def _address_relations(self, db: Sql, addresses: Iterable[str]) -> dict[str, Relation]:
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(sorted(addresses)):
            marks = ", ".join("?" for _ in chunk)
            rows += db.all(
                "SELECT originator_id, relation, position FROM audit_address_aggregates "
                f"WHERE address IN ({marks})",
                tuple(chunk),
            )
        return _relations(rows)

    def _copies(self, db: Sql, uid: str, telegram_id: int | None) -> list[str]:
        condition, params = "", [uid]
        if telegram_id is not None:
            condition = " AND account_id = ?"
            params.append(self._account_id(telegram_id))
        rows = db.all(
            f"SELECT originator_id FROM audit_uids WHERE uid = ?{condition} "
            "ORDER BY position, originator_id",
            tuple(params),
        )
        return [row["originator_id"] for row in rows]

    def _addresses(self, telegram_id: int, own_events: list[tuple[int, Any]]) -> set[str]:
        """The calendar addresses that stand for the person: internal, and every linked email."""
        linked = {
            event.address
            for _, event in own_events
            if type(event).__name__ == "EmailLinked"
            and isinstance(getattr(event, "address", None), str)
        }
        return {internal_address(telegram_id, self.app.internal_domain).lower(), *linked}

    # --- the log -----------------------------------------------------------------------------

    def _events(self, db: Sql, originators: list[str]) -> list[tuple[int, Any]]:
        """(position, domain event) of every event of these aggregates, read by originator id."""
        events: list[tuple[int, Any]] = []
        for chunk in _chunks(originators):
            marks = ", ".join("?" for _ in chunk)
            rows = db.all(
                f"SELECT {self.position_column} AS position, originator_id, originator_version, "
                f"topic, state FROM {self.app.events_table} WHERE originator_id IN ({marks})",
                tuple(self._stored_id(originator) for originator in chunk),
            )
            events += [(int(row["position"]), self._decode(row)) for row in rows]
        return events

    def _stored_id(self, originator: str) -> Any:
        """The originator id as the event store keeps it (uuid; 32 hex digits on SQLite)."""
        return UUID(originator) if self.app.dialect is Dialect.POSTGRES else UUID(originator).hex

    def _decode(self, row: dict[str, Any]) -> Any:
        return self.app.mapper.to_domain_event(
            StoredEvent(
                originator_id=UUID(str(row["originator_id"])),
                originator_version=int(row["originator_version"]),
                topic=row["topic"],
                state=bytes(row["state"]),
            )
        )

    def _labels(self, db: Sql, events: list[tuple[int, Any]]) -> tuple[dict[str, str], set[str]]:
        """Labels, such as "Alice (Telegram 42)", of the accounts the events name as owner
        or actor; and which of them were erased."""
        accounts = {owner_of(event) for _, event in events}
        accounts |= {
            ref for _, event in events for kind, ref in [actor_parts(event)] if kind == "account"
        }
        labels: dict[str, str] = {}
        for chunk in _chunks(sorted(accounts)):
            marks = ", ".join("?" for _ in chunk)
            for row in db.all(
                f"SELECT account_id, telegram_id, name FROM accounts WHERE account_id IN ({marks})",
                tuple(chunk),
            ):
                labels[row["account_id"]] = f"{row['name']} (Telegram {row['telegram_id']})"
        # An erased person is named by their pseudonym, never by anything that leads back.
        erased = self.app.keys.erased_pseudonyms(accounts - labels.keys())
        labels |= {account: f"{ERASED_ACCOUNT} ({name})" for account, name in erased.items()}
        return labels, set(erased)


def _relations(rows: list[dict[str, Any]]) -> dict[str, Relation]:
    relations: dict[str, Relation] = {}
    for row in rows:
        originator, owned = row["originator_id"], row["relation"] == "owner"
        known = relations.get(originator)
        position = int(row["position"])
        if known is not None:
            owned, position = owned or known.owned, min(position, known.since_position)
        relations[originator] = Relation(owned, position)
    return relations


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), IDS_PER_QUERY):
        yield items[start : start + IDS_PER_QUERY]


def _within(entries: Iterable[TimelineEntry], window: TimeWindow | None) -> list[TimelineEntry]:
    return [e for e in entries if window is None or window.holds(e.at)]


@dataclass(frozen=True)
class Person:
    """The account a timeline is about, and the calendar addresses that stand for it."""

    account_id: str
    addresses: set[str]

    def is_actor(self, actor: str | None) -> bool:
        """Whether this person made the change (as the account, or from one of its addresses)."""
        kind, _, reference = (actor or "").partition(":")
        if kind == "account":
            return reference == self.account_id
        return kind == "address" and reference.lower() in self.addresses


def _belongs(entry: TimelineEntry, concerns: set[str], relation: Relation, person: Person) -> bool:
    """Whether an entry belongs in the person's timeline: everything of their own aggregates;
    of others' aggregates, what they did or what names one of their addresses."""
    if relation.owned:
        return True
    if entry.redacted:
        return entry.position >= relation.since_position
    return person.is_actor(entry.actor) or bool(concerns & person.addresses)


# --- describing ----------------------------------------------------------------------------


@dataclass
class AggregateState:
    """What the walk remembers of one aggregate, to describe its next event as a difference."""

    uid: str | None = None
    slug: str | None = None
    facts: dict[str, Any] | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    devices: dict[str, str] = field(default_factory=dict)
    # Lines said by the body-less events of the current command (the body event repeats them).
    reported: list[str] = field(default_factory=list)


class Walk:
    """Turns each aggregate's events, in order, into timeline entries."""

    def __init__(self, labels: dict[str, str], erased: AbstractSet[str] = frozenset()) -> None:
        self.labels = labels
        self.erased = erased  # accounts whose person was erased
        self.states: dict[str, AggregateState] = {}

    def entries(self, events: list[tuple[int, Any]]) -> Iterator[tuple[TimelineEntry, set[str]]]:
        """Each event's entry, with the addresses its change concerns (before and after)."""
        for position, event in events:
            state = self.states.setdefault(str(event.originator_id), AggregateState())
            concerns = _addresses_in(state.facts)
            if getattr(event, "redacted", False):
                state.facts = None  # what came before is unknown from here on
                yield self._entry(position, event, state, (ERASED,), redacted=True), concerns
                continue
            lines = _described(event, state)
            concerns |= _addresses_in(state.facts) | _addresses_of(event)
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
        aggregate, _, kind = type(event).__qualname__.rpartition(".")
        owner = owner_of(event)
        owner_label = self.labels.get(owner, f"account {owner}")
        actor = None if redacted else getattr(event, "actor", None)
        source = None if redacted else getattr(event, "source", None)
        actor_kind, actor_ref = actor_parts(event)
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
            who=ERASED if redacted else self._who(getattr(event, "actor", None)),
            through=ERASED if redacted or source == ERASED else describe_source(source),
            kind=kind,
            what=WORDING.get(kind) or _words(kind),
            diff=diff,
            actor=actor,
            source=source,
            redacted=redacted,
        )

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
    if kind in ("bot", "telegram"):
        return f"Telegram chat {detail}"
    if kind == "caldav":
        return f"CalDAV device '{detail}'"
    if kind == "email":
        return f"email Message-ID {detail}"
    if kind == "cli":
        return f"command line ({detail})" if detail else "command line"
    if kind == "system":
        return f"system {detail}".strip()
    return source or "unknown"


def _subject(aggregate: str, state: AggregateState, owner_label: str) -> str:
    if aggregate == "Account":
        return f"account {owner_label}"
    if aggregate == "Calendar":
        return f"calendar '{state.slug}'" if state.slug else "calendar"
    if aggregate == "CalendarEvent":
        return f"event UID {state.uid}" if state.uid else "event"
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


# --- what each kind of event changed -------------------------------------------------------

Describer = Callable[[Any, AggregateState], list[str]]


def _described(event: Any, state: AggregateState) -> list[str]:
    """`describe`, but an event it cannot read (a shape this module does not know) is shown
    as such instead of ending the timeline."""
    try:
        return describe(event, state)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        state.facts = None  # the next version is shown whole
        return [f"(not described: {type(exc).__name__} {exc})"]


def describe(event: Any, state: AggregateState) -> list[str]:
    """The event's change as readable lines, updating `state` to the version after it."""
    kind = type(event).__qualname__.rpartition(".")[2]
    describer = DESCRIBERS.get(kind, _by_reason)
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
    return [f"email linked {event.address}"]


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


def _calendar_created(event: Any, state: AggregateState) -> list[str]:
    state.slug = event.slug
    state.properties = dict(event.properties)
    return [f"calendar '{event.slug}'", *(f"{k} {_q(v)}" for k, v in event.properties.items())]


def _calendar_updated(event: Any, state: AggregateState) -> list[str]:
    return _changed_values(state.properties, event.changes)


def _calendar_deleted(event: Any, state: AggregateState) -> list[str]:
    return [f"calendar '{state.slug}' deleted" if state.slug else "calendar deleted"]


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


OWN_LINES: dict[str, Callable[[Any, dict[str, Any] | None], list[str]]] = {
    "AttendeeInvited": _invited_lines,
    "AttendeeRemoved": _removed_lines,
    "RsvpGiven": _rsvp_lines,
    "EventUpdated": _updated_lines,
    "EventCancelled": _cancelled_lines,
}

DESCRIBERS: dict[str, Describer] = {
    "AccountRegistered": _registered,
    "AccountSettingsChanged": _settings_changed,
    "EmailLinked": _email_linked,
    "EmailUnlinked": _email_unlinked,
    "DevicePasswordIssued": _device_issued,
    "DevicePasswordRevoked": _device_revoked,
    "ErasureRequested": _erasure_requested,
    "ErasureCancelled": _erasure_cancelled,
    "CalendarCreated": _calendar_created,
    "CalendarRecreated": _calendar_created,
    "CalendarUpdated": _calendar_updated,
    "CalendarDeleted": _calendar_deleted,
    "EventCreated": _event_stored,
    "EventRecreated": _event_stored,
    "EventDeleted": _event_deleted,
    "DeliveryStatusRecorded": _status_lines,
    "SchedulingForced": _forced_lines,
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


# --- text output ---------------------------------------------------------------------------


def render_timeline(entries: list[TimelineEntry]) -> str:
    """The timeline as an operator reads it in a terminal."""
    if not entries:
        return "No recorded changes in this period."
    lines: list[str] = []
    for entry in entries:
        where = ""
        if entry.calendar_owner is not None:
            where = f" {'of' if entry.aggregate == 'Calendar' else 'in the calendar of'} "
            where += entry.calendar_owner
        lines.append(
            f"{entry.at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC  {entry.kind} ({entry.what}): "
            f"{entry.subject}{where}"
        )
        lines.append(f"    who: {entry.who}; through: {entry.through}")
        lines.extend(f"    {line}" for line in entry.diff)
    return "\n".join(lines)
