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

from collections.abc import Iterable
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
        """Index the event's owner, actor, the addresses it introduces, and its UID."""
        owner = owner_of(event)
        originator = str(event.originator_id)
        account_rows: list[tuple[str, str, str, int]] = []
        if type(event).__name__ in CREATION_EVENTS:
            account_rows.append((owner, originator, OWNER, position))
        kind, reference = actor_parts(event)
        if kind == "account" and reference != owner:
            account_rows.append((reference, originator, ACTOR, position))
        member = getattr(event, "member", None)
        if type(event).__qualname__ == "Calendar.MemberInvited" and member is not None:
            account_rows.append((str(member), originator, MEMBER, position))
        self._insert_accounts(db, account_rows)
        named = addresses_introduced(event)
        if kind == "address" and reference:
            named.append((reference.lower(), ACTOR))
        self._insert_addresses(db, originator, named, position)
        uid = getattr(event, "uid", None)
        if isinstance(uid, str) and type(event).__name__ in (
            "EventCreated",
            "EventRecreated",
            "CounterProposed",
        ):
            db.run(
                f"INSERT INTO {self.t['audit_uids']} (uid, originator_id, account_id, position) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (uid, originator_id) DO NOTHING",
                (uid, originator, owner, position),
            )

    def _insert_accounts(self, db: Sql, rows: list[tuple[str, str, str, int]]) -> None:
        db.run_many(
            f"INSERT INTO {self.t['audit_account_aggregates']} "
            "(account_id, originator_id, relation, position) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (account_id, originator_id, relation) DO NOTHING",
            rows,
        )

    def _insert_addresses(
        self, db: Sql, originator: str, named: Iterable[tuple[str, str]], position: int
    ) -> None:
        rows = {(address, originator, relation, position) for address, relation in named}
        db.run_many(
            f"INSERT INTO {self.t['audit_address_aggregates']} "
            "(address, originator_id, relation, position) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (address, originator_id, relation) DO NOTHING",
            sorted(rows),
        )
