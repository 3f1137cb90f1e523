"""The shape every read model shares (named tables, handlers per domain event, a position),
and the skeleton of the three that feed queues (Telegram, email, the scheduling inbox)."""

from __future__ import annotations

import datetime as dt
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from televent.domain.scheduling import facts_role
from televent.domain.values import (
    SourceKind,
    account_address_keys,
    internal_address_pattern,
)
from televent.infrastructure.crypto_shredding import is_redacted
from televent.projections.sql import Sql

Handler = Callable[[Any, Sql, Any, int], None]
DEFAULT_INTERNAL_DOMAIN = "televent.internal"
IMPORT_PREFIX = f"{SourceKind.IMPORT.value}:"
FEED_PREFIX = f"{SourceKind.FEED.value}:"
CONNECTION_PREFIX = f"{SourceKind.CONNECTION.value}:"


def handles(*event_names: str) -> Callable[[Handler], Handler]:
    """Mark a projection method as the handler of domain events named `Aggregate.Event`."""

    def mark(method: Handler) -> Handler:
        method._handles = event_names  # type: ignore[attr-defined]
        return method

    return mark


class Projection:
    """A read model: tables it owns, and how each domain event changes them.

    Instances are bound to a table prefix: "" writes the live tables, a shadow prefix writes
    the tables a rebuild fills before comparing or swapping them in.
    """

    name: ClassVar[str]
    tables: ClassVar[tuple[str, ...]]
    # False for a queue of side effects (deliveries): replaying it would send everything again.
    rebuildable: ClassVar[bool] = True
    # Events of an erased person decode as redacted (only ids and time): most views skip them.
    reads_redacted: ClassVar[bool] = False
    _handlers: ClassVar[dict[str, Handler]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._handlers = {}
        for attribute in vars(cls).values():
            for event_name in getattr(attribute, "_handles", ()):
                cls._handlers[event_name] = attribute

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.t = {table: prefix + table for table in self.tables}

    def interested_in(self, event: Any) -> bool:
        """Whether this projection changes anything for the event."""
        return type(event).__qualname__ in self._handlers

    def handler_for(self, event: Any) -> Handler | None:
        """The handler `apply` gives the event, None when this view skips it."""
        handler = self._handlers.get(type(event).__qualname__)
        if handler is not None and (self.reads_redacted or not is_redacted(event)):
            return handler
        return None

    def apply(self, db: Sql, event: Any, position: int) -> None:
        """Apply one domain event recorded at notification `position`."""
        handler = self.handler_for(event)
        if handler is not None:
            handler(self, db, event, position)

    def start_from_empty(self) -> None:
        """Told by a rebuild that its tables start empty (a chance to skip lookups)."""

    def prepare(self, batch: Sequence[tuple[int, Any]]) -> None:
        """Shown a rebuild's next batch of (position, event) before it is applied: a chance to
        start work on it elsewhere (the occurrence index reads its bodies in workers)."""

    def flush(self, db: Sql) -> None:
        """Write what the handlers coalesced (called once per transaction or batch)."""

    def comparison_filters(self, retention_cutoff: str) -> dict[str, str]:
        """Per-table SQL conditions selecting the rows a verification compares.

        Rows outside them (tombstones past retention) may legitimately differ.
        """
        return {}


# --- the projections that feed queues ---------------------------------------------------------


def stamp(moment: dt.datetime) -> str:
    """The one text form of a moment in the queues (UTC, fixed width, so it sorts)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def next_due_unless_asked(table: str) -> str:
    """The `next_due` an upsert of a job's state table (`table`: feeds' fetches, connected
    calendars' syncs) writes once a run ends: `excluded.next_due`, unless a run was asked for
    after this one began (the statement's first parameter is when it began) and is sooner —
    what changed then may not be in what the run read, so that request is kept, not lost."""
    return (
        f"CASE WHEN {table}.next_due > ? AND {table}.next_due < excluded.next_due "
        f"THEN {table}.next_due ELSE excluded.next_due END"
    )


@dataclass
class EventChanges:
    """What one transaction (or catch-up batch) did to one calendar event: the base of what
    each queue-feeding projection gathers before it decides (subclasses add their fields)."""

    owner: str
    position: int = 0
    moment: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # of the last change
    imported: bool = False  # the last change came from a file imported or a feed (nothing sent)
    # the event began in this transaction or batch (its first change here is its version 1):
    # nothing about it was queued or remembered before, so there is nothing to read back
    born: bool = False

    @property
    def at(self) -> str:
        """When the last change happened, as the queues write it."""
        return stamp(self.moment)

    @property
    def epoch(self) -> float:
        """When the last change happened, in epoch seconds."""
        return self.moment.timestamp()


C = TypeVar("C", bound=EventChanges)


class QueueProjection(Projection, ABC, Generic[C]):
    """The skeleton the projections that turn calendar changes into messages share (the
    Telegram and email delivery queues, the scheduling inbox).

    Handlers only gather what happened to each calendar event (`changes`, keyed by the event's
    id in the transaction's scratch space); `flush`, once per transaction or catch-up batch,
    hands each event's gathered changes to `deliver`, which decides what to queue. Deciding
    once per transaction means a command that emits several events about one calendar event
    (an attendee added, then the new body) queues one message, from the final revision.
    """

    def __init__(self, prefix: str = "", internal_domain: str = DEFAULT_INTERNAL_DOMAIN) -> None:
        super().__init__(prefix)
        self.internal_domain = internal_domain.lower()
        self.internal = internal_address_pattern(self.internal_domain)

    @abstractmethod
    def new_changes(self, owner: str) -> C:
        """An empty record of changes to an event the account `owner` holds."""

    @abstractmethod
    def deliver(self, db: Sql, event_id: str, changes: C) -> None:
        """Decide and queue the messages one event's gathered changes call for."""

    def changes(self, db: Sql, event: Any, position: int) -> C:
        """The changes gathered so far for the event's calendar event, moved to this event."""
        key = (self.name, str(event.originator_id))
        changes: C | None = db.pending.get(key)
        if changes is None:
            changes = db.pending[key] = self.new_changes(str(event.account_id))
            changes.born = event.originator_version == 1
        changes.position, changes.moment = position, event.timestamp
        # A file imported, a feed refreshed or a connected calendar synced is not scheduling
        # (docs/adr/0024, 0025, 0026).
        changes.imported = str(getattr(event, "source", "")).startswith(
            (IMPORT_PREFIX, FEED_PREFIX, CONNECTION_PREFIX)
        )
        return changes

    def flush(self, db: Sql) -> None:
        """Decide the messages for every event this transaction or batch touched."""
        for key in [key for key in db.pending if key[0] == self.name]:
            changes = db.pending.pop(key)
            if not changes.imported:  # an import is not scheduling (docs/adr/0024)
                self.deliver(db, key[1], changes)

    def account_for(self, db: Sql, address: str) -> tuple[str, int] | None:
        """(account id, Telegram id) of the Televent user a calendar address stands for."""
        return account_for_address(db, address, self.internal)

    def owner_addresses(self, db: Sql, owner: str) -> list[str]:
        """The calendar user addresses of the account `owner` (as the directory holds them),
        read once per transaction for all the delivery queues (`Sql.memo`)."""
        key = ("owner_addresses", owner, self.internal_domain)
        found: list[str] | None = db.memo.get(key)
        if found is None:
            found = db.memo[key] = addresses_of_account(db, owner, self.internal_domain)
        return list(found)

    def role_of(self, db: Sql, facts: dict[str, Any] | None, owner: str) -> str | None:
        """What the owner is to the event (`domain.scheduling.scheduling_role`): organizer,
        attendee, or None for plain data from which nothing is ever sent."""
        if facts is None or facts.get("organizer") is None:
            return None  # the common case of an event nobody is invited to: no lookup
        return facts_role(facts, self.owner_addresses(db, owner))


def addresses_of_account(db: Sql, account_id: str, internal_domain: str) -> list[str]:
    """An account's calendar user addresses (its internal address, then its linked emails,
    then its invitation address), read in one statement."""
    rows = db.tuples(
        "SELECT 0 AS kind, CAST(telegram_id AS TEXT) AS value, NULL AS replaced_at, "
        "'' AS since, '' AS tie FROM accounts WHERE account_id = ? "
        "UNION ALL SELECT 1, email, NULL, linked_at, '' FROM account_emails "
        "WHERE account_id = ? UNION ALL SELECT 2, address, replaced_at, assigned_at, address "
        "FROM invite_addresses WHERE account_id = ? ORDER BY kind, since, tie",
        (account_id, account_id, account_id),
    )
    telegram_ids = [str(row[1]) for row in rows if row[0] == 0]
    emails = [str(row[1]) for row in rows if row[0] == 1]
    if not telegram_ids:
        return emails
    invite, replaced = _invites([(row[1], row[2]) for row in rows if row[0] == 2])
    return account_address_keys(int(telegram_ids[0]), emails, internal_domain, invite, replaced)


def invite_address_of(db: Sql, account_id: str) -> str | None:
    """The account's current invitation address (docs/adr/0019), if it has one yet."""
    value = db.scalar(
        "SELECT address FROM invite_addresses WHERE account_id = ? AND replaced_at IS NULL",
        (account_id,),
    )
    return None if value is None else str(value)


def invite_addresses_of(db: Sql, account_id: str) -> tuple[str | None, tuple[str, ...]]:
    """The account's current invitation address (None if it has none yet) and the ones it
    replaced, oldest first."""
    rows = db.tuples(
        "SELECT address, replaced_at FROM invite_addresses WHERE account_id = ? "
        "ORDER BY assigned_at, address",
        (account_id,),
    )
    return _invites(rows)


def _invites(rows: Sequence[Sequence[Any]]) -> tuple[str | None, tuple[str, ...]]:
    """The current invitation address and the replaced ones, from (address, replaced_at)
    rows in the order they were assigned."""
    current = [str(address) for address, replaced_at in rows if replaced_at is None]
    replaced = tuple(str(address) for address, replaced_at in rows if replaced_at is not None)
    return (current[0] if current else None), replaced


def account_for_address(db: Sql, address: str, internal: re.Pattern[str]) -> tuple[str, int] | None:
    """(account id, Telegram id) of the Televent user a calendar address (a comparison key,
    `domain.values.normalize_address`) stands for: `tg_<id>@<internal domain>` (matched by
    `internal`), a linked email, or a current invitation address; None otherwise. The one
    answer to "whose address is this?" for CalDAV, mail, the bot and the API (the directory
    reader asks it here too)."""
    match = internal.fullmatch(address)
    if match is not None:
        row = db.one(
            "SELECT account_id, telegram_id FROM accounts WHERE telegram_id = ?",
            (int(match.group(1)),),
        )
    else:
        row = db.one(  # a linked email (the first linked) before an invitation address
            "SELECT a.account_id, a.telegram_id, 0 AS kind, e.linked_at AS since "
            "FROM account_emails e JOIN accounts a ON a.account_id = e.account_id "
            "WHERE e.email = ? UNION ALL SELECT a.account_id, a.telegram_id, 1, '' "
            "FROM invite_addresses i JOIN accounts a ON a.account_id = i.account_id "
            "WHERE i.address = ? AND i.replaced_at IS NULL ORDER BY kind, since LIMIT 1",
            (address, address),
        )
    return None if row is None else (row["account_id"], int(row["telegram_id"]))


def organized_in_televent(
    db: Sql, organizer: str, uid: str, owner: str, internal: re.Pattern[str]
) -> bool:
    """Whether another Televent user organises this UID in their own calendar: the owner's
    resource is then the copy implicit scheduling keeps (televent/application/scheduling.py),
    and the organizer's event is the one messages are decided from."""
    account = account_for_address(db, organizer, internal)
    if account is None or account[0] == owner:
        return False
    return (
        db.scalar(
            "SELECT o.event_id FROM calendar_objects o JOIN calendars c "
            "ON c.calendar_id = o.calendar_id WHERE o.uid = ? AND c.account_id = ?",
            (uid, account[0]),
        )
        is not None
    )
