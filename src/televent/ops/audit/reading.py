"""Reading a timeline: which aggregates the audit_index names, their events from the log."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from televent.domain.errors import NotFoundError
from televent.domain.values import account_address_keys, account_id_for
from televent.infrastructure.crypto_shredding import HEADER_LENGTH_BYTES, MAGIC
from televent.infrastructure.database import Dialect
from televent.ops.audit.describe import UnreadableEvent
from televent.ops.audit.roles import MemberRoles
from televent.ops.audit.timeline import TimelineEntry, TimeWindow
from televent.ops.audit.walk import ERASED_ACCOUNT, Walk, concerned_account
from televent.projections.audit_index import actor_parts, owner_of
from televent.projections.sql import Sql

if TYPE_CHECKING:
    from televent.application.televent import Televent

IDS_PER_QUERY = 500
LOG = logging.getLogger(__name__)
# The moment of an event whose stored record does not even say when it was written.
UNKNOWN_TIME = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


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
            labels, erased, names = self._labels(db, events)
            roles = self._member_roles(db, events)
            walk = Walk(labels, erased, names=names, you=account_id, roles=roles)
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
            labels, erased, names = self._labels(db, events)
            walk = Walk(labels, erased, names=names, roles=self._member_roles(db, events))
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
        """The calendar addresses that stand for the person: internal, every linked email and
        every invitation address they had (docs/adr/0019)."""
        linked = {
            event.address
            for _, event in own_events
            if type(event).__name__ in ("EmailLinked", "InviteAddressAssigned")
            and isinstance(getattr(event, "address", None), str)
        }
        return set(account_address_keys(telegram_id, linked, self.app.internal_domain))

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
        stored = StoredEvent(
            originator_id=UUID(str(row["originator_id"])),
            originator_version=int(row["originator_version"]),
            topic=row["topic"],
            state=bytes(row["state"]),
        )
        try:
            return self.app.mapper.to_domain_event(stored)
        except Exception as exc:  # a kind this version does not know never ends the audit
            LOG.warning(
                "audit: cannot decode %s v%s (%s): %r",
                stored.originator_id, stored.originator_version, stored.topic, exc,
            )  # fmt: skip
            return self._unreadable(stored, exc)

    def _unreadable(self, stored: StoredEvent, exc: Exception) -> UnreadableEvent:
        """What is known of an event that cannot be decoded: its ids, kind (topic), and the
        time and owner a sealed record keeps in clear (infrastructure/crypto_shredding.py)."""
        clear: dict[str, Any] = {}
        if stored.state.startswith(MAGIC):
            start = len(MAGIC) + HEADER_LENGTH_BYTES
            try:
                length = int.from_bytes(stored.state[len(MAGIC) : start], "big")
                clear = dict(
                    self.app.mapper.transcoder.decode(stored.state[start : start + length])
                )
            except Exception:  # the header is unreadable too: ids and kind only
                clear = {}
        timestamp = clear.get("timestamp")
        account_id = clear.get("account_id")
        return UnreadableEvent(
            originator_id=UUID(str(stored.originator_id)),
            originator_version=stored.originator_version,
            timestamp=timestamp if isinstance(timestamp, dt.datetime) else UNKNOWN_TIME,
            topic=stored.topic,
            problem=f"{type(exc).__name__}: {exc}",
            account_id=account_id if isinstance(account_id, UUID) else None,
        )

    def _labels(
        self, db: Sql, events: list[tuple[int, Any]]
    ) -> tuple[dict[str, str], set[str], dict[str, str]]:
        """Labels, such as "Alice (Telegram 42)", of the accounts the events name as owner,
        actor, or calendar member (or who shared with them); which of them were erased; and
        their names alone ("Alice"; an erased person: the label), for the lines about members."""
        accounts = {owner_of(event) for _, event in events}
        accounts |= {
            ref for _, event in events for kind, ref in [actor_parts(event)] if kind == "account"
        }
        accounts |= {
            str(value)
            for _, event in events
            if type(event).__qualname__.startswith("Calendar.")
            for value in (getattr(event, "member", None), getattr(event, "by", None))
            if value is not None
        }
        labels: dict[str, str] = {}
        names: dict[str, str] = {}
        for chunk in _chunks(sorted(accounts)):
            marks = ", ".join("?" for _ in chunk)
            for row in db.all(
                f"SELECT account_id, telegram_id, name FROM accounts WHERE account_id IN ({marks})",
                tuple(chunk),
            ):
                labels[row["account_id"]] = f"{row['name']} (Telegram {row['telegram_id']})"
                names[row["account_id"]] = row["name"] or labels[row["account_id"]]
        # An erased person is named by their pseudonym, never by anything that leads back.
        erased = self.app.keys.erased_pseudonyms(accounts - labels.keys())
        labels |= {account: f"{ERASED_ACCOUNT} ({name})" for account, name in erased.items()}
        names |= {account: labels[account] for account in erased}
        return labels, set(erased), names

    def _member_roles(self, db: Sql, events: list[tuple[int, Any]]) -> MemberRoles:
        """The roles members had on the calendars in which someone other than the owner made
        a change among these events, from those calendars' events (ops/audit/roles.py)."""
        calendars: set[str] = set()
        for _, event in events:
            kind, reference = actor_parts(event)
            if kind != "account" or reference == owner_of(event):
                continue
            aggregate = type(event).__qualname__.partition(".")[0]
            if aggregate == "CalendarEvent" and getattr(event, "calendar_id", None) is not None:
                calendars.add(str(event.calendar_id))
            elif aggregate == "Calendar":
                calendars.add(str(event.originator_id))
        roles = MemberRoles()
        for position, event in sorted(self._events(db, sorted(calendars)), key=lambda p: p[0]):
            roles.record(position, event)
        return roles


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

    def is_concerned(self, concerns: set[str]) -> bool:
        """Whether a change names one of the person's addresses, or them as a calendar member."""
        return bool(concerns & self.addresses) or concerned_account(self.account_id) in concerns

    def is_actor(self, actor: str | None) -> bool:
        """Whether this person made the change (as the account, or from one of its addresses)."""
        kind, _, reference = (actor or "").partition(":")
        if kind == "account":
            return reference == self.account_id
        return kind == "address" and reference.lower() in self.addresses


def _belongs(entry: TimelineEntry, concerns: set[str], relation: Relation, person: Person) -> bool:
    """Whether an entry belongs in the person's timeline: everything of their own aggregates;
    of others' aggregates (a calendar shared with them among them), what they did or what names
    one of their addresses or them as a member."""
    if relation.owned:
        return True
    if entry.redacted:
        return entry.position >= relation.since_position
    return person.is_actor(entry.actor) or person.is_concerned(concerns)
