"""The audit index: which aggregates belong to, were changed by, or concern each person.

The audit timeline (televent.ops.audit) reads an account's history from the event log by
originator id, so it never scans the log. This read model tells it which originators to read:

- `audit_account_aggregates`: (account, aggregate, relation) with relation `owner` (the account
  itself, its calendars, the events in them, its booking schedule), `actor` (an aggregate of
  someone else that the account changed) or `member` (a calendar shared with the account: its
  invitation, answer, role, removal are in their timeline too), and the position from which the
  relation holds;
- `audit_address_aggregates`: (calendar address, aggregate, relation) with relation `attendee`,
  `organizer` or `actor` (an external address that acted, an email reply). Addresses are kept
  as written, not resolved to accounts: which account an address stands for (the internal
  `tg_<id>@<domain>`, a linked email) is configuration and later history, so the audit resolves
  it when it reads, and the index stays a pure function of the log (rebuildable, verifiable);
- `audit_uids`: iCalendar UID → every calendar event aggregate with that UID (the organizer's
  and the attendees' copies) and the owner of its calendar.

Rows are only ever inserted (`ON CONFLICT DO NOTHING`), so each keeps the first position.
Redacted events (a crypto-shredded person: only ids, version, time and `account_id` remain)
still index their owner; what they no longer carry (UID, addresses, actor) is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from televent.projections.base import Projection
from televent.projections.sql import Sql

OWNER = "owner"
ACTOR = "actor"
ATTENDEE = "attendee"
ORGANIZER = "organizer"
MEMBER = "member"

CREATION_EVENTS = (
    "AccountRegistered",
    "CalendarCreated",
    "EventCreated",
    "CounterProposed",
    "ScheduleOpened",  # a person's availability, booking links and bookings
    "ConnectionMade",  # an account on another CalDAV server (docs/adr/0026)
    "WebhookAdded",  # an address told of changes (docs/adr/0029)
)


def owner_of(event: Any) -> str:
    """The account an event's aggregate belongs to (Account events: the account itself)."""
    account_id = getattr(event, "account_id", None)
    return str(event.originator_id if account_id is None else account_id)


def actor_parts(event: Any) -> tuple[str, str]:
    """The actor's kind and reference (`account`, uuid / `address`, email), or ("", "")."""
    actor = getattr(event, "actor", None)
    if not isinstance(actor, str):
        return "", ""
    kind, _, reference = actor.partition(":")
    return kind, reference


def addresses_introduced(event: Any) -> list[tuple[str, str]]:
    """(address, relation) of the attendees and organizer an event brings into its calendar
    event. Every address first appears in a creation (its body), an AttendeeInvited (the
    aggregate appends one for each new attendee, whatever the command) or an ORGANIZER change,
    so the events that only answer, remove or edit write nothing here."""
    kind = type(event).__name__
    facts = getattr(event, "facts", None)
    facts = facts if isinstance(facts, dict) else {}
    named: list[tuple[str, str]] = []
    if kind in ("EventCreated", "EventRecreated"):
        named.extend((a["address"], ATTENDEE) for a in facts.get("attendees") or ())
    attendee = getattr(event, "attendee", None)
    if kind == "AttendeeInvited" and isinstance(attendee, dict):
        named.append((attendee["address"], ATTENDEE))
    organizer_set = kind in ("EventCreated", "EventRecreated", "AttendeeInvited") or (
        kind == "EventUpdated" and "ORGANIZER" in (getattr(event, "changes", None) or {})
    )
    if organizer_set and facts.get("organizer"):
        named.append((facts["organizer"], ORGANIZER))
    return named


class AuditIndexProjection(Projection):
    """Account/address/UID → aggregates, for reading one person's history by originator id."""

    name = "audit_index"
    tables = ("audit_account_aggregates", "audit_address_aggregates", "audit_uids")
    reads_redacted = True  # an erased person's events still belong to their account

    def interested_in(self, event: Any) -> bool:
        """Every domain event: an audit must find all of them, also kinds added later."""
        return True

    def apply(self, db: Sql, event: Any, position: int) -> None:
        """Index the event's UID, and gather its owner, actor and the addresses it introduces:
        `flush` writes what a transaction or a rebuild's batch gathered, a few statements for
        all of it."""
        rows = self._gathered(db)
        owner = owner_of(event)
        originator = str(event.originator_id)
        if type(event).__name__ in CREATION_EVENTS:
            rows.accounts.append((owner, originator, OWNER, position))
        kind, reference = actor_parts(event)
        if kind == "account" and reference != owner:
            rows.accounts.append((reference, originator, ACTOR, position))
        member = getattr(event, "member", None)
        if type(event).__qualname__ == "Calendar.MemberInvited" and member is not None:
            rows.accounts.append((str(member), originator, MEMBER, position))
        named = addresses_introduced(event)
        if kind == "address" and reference:
            named.append((reference.lower(), ACTOR))
        rows.addresses.extend(
            sorted({(address, originator, relation, position) for address, relation in named})
        )
        uid = getattr(event, "uid", None)
        if isinstance(uid, str) and type(event).__name__ in (
            "EventCreated",
            "EventRecreated",
            "CounterProposed",
        ):
            if self.prefix:  # a rebuild's shadow table, which nobody reads before the swap
                rows.uids.append((uid, originator, owner, position))
            else:  # at once: webhook delivery reads a deleted event's UID here while it replays
                db.run(
                    f"INSERT INTO {self.t['audit_uids']} (uid, originator_id, account_id, "
                    "position) VALUES (?, ?, ?, ?) ON CONFLICT (uid, originator_id) DO NOTHING",
                    (uid, originator, owner, position),
                )

    def flush(self, db: Sql) -> None:
        """Insert the rows gathered, in the order of the log: where one is there already, or
        twice in a batch, the first position stays (`ON CONFLICT DO NOTHING`)."""
        rows: _Rows | None = db.pending.pop((self.name, ""), None)
        if rows is None:
            return
        for table, keys, columns, batch in (
            ("audit_account_aggregates", "account_id, originator_id, relation", "position",
             rows.accounts),
            ("audit_address_aggregates", "address, originator_id, relation", "position",
             rows.addresses),
            ("audit_uids", "uid, originator_id", "account_id, position", rows.uids),
        ):  # fmt: skip
            width = keys.count(",") + 1
            first: dict[tuple[str | int, ...], tuple[str, str, str, int]] = {}
            for row in batch:  # a key gathered twice keeps its first position
                first.setdefault(row[:width], row)
            db.insert_rows(
                f"INSERT INTO {self.t[table]} ({keys}, {columns}) VALUES",
                list(first.values()),
                tail=f"ON CONFLICT ({keys}) DO NOTHING",
            )

    def _gathered(self, db: Sql) -> _Rows:
        rows: _Rows | None = db.pending.get((self.name, ""))
        if rows is None:
            rows = db.pending[(self.name, "")] = _Rows()
        return rows


@dataclass
class _Rows:
    """The rows a transaction or batch gathered for the tables, in the order of the log."""

    accounts: list[tuple[str, str, str, int]] = field(default_factory=list)
    addresses: list[tuple[str, str, str, int]] = field(default_factory=list)
    uids: list[tuple[str, str, str, int]] = field(default_factory=list)  # in a rebuild only
