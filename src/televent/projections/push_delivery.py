"""The WebDAV-Push queue (docs/adr/0027): which registrations must hear that a collection they
watch changed, and the newest log position they must hear of.

Fed in the writer's transaction: a change to a calendar's events is a content update of the
calendar (`calendar:<id>`, for its owner's and each active member's registrations), a change
of its name or colour a property update, a calendar made, deleted, joined or left a content
update of the home it appears in (`home:<account>`), and an item arriving in a scheduling
inbox (`inbox:<account>`, queued by the schedule inbox projection through `push_to`). One row
per registration holds `wanted`, the newest position to tell, and `sent`, the one its last
message carried: changes that come before the sender sends merge into one message.

`Push-Dont-Notify` (the draft §6.3): an adapter names, for the command it runs, the
registrations of the client that made the change (`quiet`); their rows are left as they were
when nothing else is waiting for them, so the client is not told of its own change. Not
rebuildable: a replay would push every change again.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from televent.domain.sharing import Status
from televent.domain.web_push import MERGE_WINDOW, Collection, Kind, starts_soon
from televent.projections.base import Projection, handles, stamp
from televent.projections.calendar_view import BODY_EVENTS, NOTE_EVENTS, stored_range
from televent.projections.sql import Sql

ALL = "*"
_quiet: contextvars.ContextVar[tuple[str, frozenset[str]]] = contextvars.ContextVar(
    "push_quiet", default=("", frozenset())
)


@contextlib.contextmanager
def quiet(account_id: str, registrations: Iterable[str]) -> Iterator[None]:
    """Within this block, changes are not pushed to these registration ids of the account
    making them (`"*"`: to none of its registrations, as `Push-Dont-Notify: *` asks; other
    people's are told as usual)."""
    token = _quiet.set((account_id, frozenset(registrations)))
    try:
        yield
    finally:
        _quiet.reset(token)


@dataclass(frozen=True)
class _Body:
    """A body a change stored, with the range the calendar view stores for it."""

    ical: str
    range_start: int | None
    range_end: int | None


class _Unknown:
    """The transaction's events do not say the body (none of them carried it)."""


UNKNOWN = _Unknown()


@dataclass
class _Wanted:
    position: int
    at: dt.datetime
    content: bool = False
    properties: bool = False
    account: str | None = None  # only this account's registrations (its own view changed)
    # changed calendar events (urgency): each one's body as the transaction leaves it, when
    # its events say (`_Body`, or None: deleted), else UNKNOWN (read from the calendar view)
    events: dict[str, _Body | _Unknown | None] = field(default_factory=dict)


class PushDeliveryProjection(Projection):
    """Queues a push for each registration on a collection a transaction changed."""

    name = "push_delivery"
    tables = ("push_outbox",)
    rebuildable = False

    def _note(
        self,
        db: Sql,
        collection: Collection,
        event: Any,
        position: int,
        *,
        content: bool = True,
        properties: bool = False,
        account: str | None = None,
        event_id: str | None = None,
        body: _Body | _Unknown | None = UNKNOWN,
    ) -> None:
        key = (self.name, collection.key, account)
        wanted: _Wanted | None = db.pending.get(key)
        if wanted is None:
            wanted = db.pending[key] = _Wanted(position, event.timestamp)
        wanted.position, wanted.at = position, event.timestamp
        wanted.content |= content
        wanted.properties |= properties
        wanted.account = account
        if event_id is not None:
            known = wanted.events.get(event_id, UNKNOWN)
            # an event without the body leaves the one an earlier event of the command stored
            wanted.events[event_id] = known if body is UNKNOWN else body

    @handles(
        "CalendarEvent.EventCreated",
        "CalendarEvent.EventRecreated",
        "CalendarEvent.EventDeleted",
        *BODY_EVENTS,
        *NOTE_EVENTS,
    )
    def _content(self, db: Sql, event: Any, position: int) -> None:
        calendar = Collection(Kind.CALENDAR, str(event.calendar_id))
        body: _Body | _Unknown | None = UNKNOWN
        if type(event).__name__ == "EventDeleted":
            body = None
        elif event.ical is not None:
            body = _Body(str(event.ical), *stored_range(event.facts))
        self._note(db, calendar, event, position, event_id=str(event.originator_id), body=body)

    @handles("Calendar.CalendarUpdated")
    def _properties(self, db: Sql, event: Any, position: int) -> None:
        calendar = Collection(Kind.CALENDAR, str(event.originator_id))
        self._note(db, calendar, event, position, content=False, properties=True)

    @handles("Calendar.MirroringStopped")
    def _mirroring_stopped(self, db: Sql, event: Any, position: int) -> None:
        self._note(db, Collection(Kind.CALENDAR, str(event.originator_id)), event, position)

    @handles("Calendar.MemberPropertiesSet")
    def _member_properties(self, db: Sql, event: Any, position: int) -> None:
        """A member renamed or recoloured the calendar for themselves: their view changed."""
        calendar = Collection(Kind.CALENDAR, str(event.originator_id))
        self._note(
            db, calendar, event, position, content=False, properties=True,
            account=str(event.member),
        )  # fmt: skip

    @handles("Calendar.CalendarCreated", "Calendar.CalendarRecreated")
    def _calendar_made(self, db: Sql, event: Any, position: int) -> None:
        self._note(db, Collection(Kind.HOME, str(event.account_id)), event, position)

    @handles("Calendar.MembershipAccepted", "Calendar.MemberRemoved")
    def _membership(self, db: Sql, event: Any, position: int) -> None:
        """The calendar appears in, or leaves, the member's home."""
        self._note(db, Collection(Kind.HOME, str(event.member)), event, position)

    @handles("Calendar.CalendarDeleted")
    def _calendar_deleted(self, db: Sql, event: Any, position: int) -> None:
        """It leaves its owner's home and every member's (the members read model still holds
        them: it is brought up to date after this one); its registrations end with it."""
        calendar_id = str(event.originator_id)
        members = db.all(
            "SELECT account_id FROM calendar_members WHERE calendar_id = ? AND status = ?",
            (calendar_id, Status.ACTIVE.value),
        )
        for account in [str(event.account_id), *(str(m["account_id"]) for m in members)]:
            self._note(db, Collection(Kind.HOME, account), event, position)
        db.pending.pop((self.name, f"calendar:{calendar_id}", None), None)
        ended = "SELECT registration_id FROM push_registrations WHERE collection = ?"
        db.run(f"DELETE FROM {self.t['push_outbox']} WHERE registration_id IN ({ended})",
               (f"calendar:{calendar_id}",))  # fmt: skip
        db.run("DELETE FROM push_registrations WHERE collection = ?", (f"calendar:{calendar_id}",))

    def flush(self, db: Sql) -> None:
        """Queue what the transaction changed, one statement per collection changed."""
        keys = [key for key in db.pending if key[0] == self.name]
        if not keys:
            return
        for key in keys:
            wanted: _Wanted = db.pending.pop(key)
            collection = Collection.from_key(key[1])
            urgent = bool(wanted.events) and _starts_soon(db, wanted.events, wanted.at)
            push_to(
                db, collection, wanted.position, wanted.at, content=wanted.content,
                properties=wanted.properties, account=wanted.account, urgent=urgent,
                table=self.t["push_outbox"],
            )  # fmt: skip


def push_to(
    db: Sql,
    collection: Collection,
    position: int,
    at: dt.datetime,
    *,
    content: bool = True,
    properties: bool = False,
    account: str | None = None,
    urgent: bool = False,
    table: str = "push_outbox",
) -> None:
    """Queue the change at `position` for every live registration on `collection` that wants
    its kind of change (and whose account may still see it; only `account`'s when given)."""
    triggers = []
    if content:
        triggers.append("r.content_update = 1")
    if properties:
        triggers.append("r.property_update = 1")
    conditions = [f"({' OR '.join(triggers)})", "r.collection = ?", "r.expires_at > ?"]
    params: list[Any] = [collection.key, stamp(at)]
    if account is not None:
        conditions.append("r.account_id = ?")
        params.append(account)
    if collection.kind is Kind.CALENDAR:  # the owner, or a member who still is one
        conditions.append(
            "(r.account_id IN (SELECT account_id FROM calendars WHERE calendar_id = ?) OR "
            "r.account_id IN (SELECT account_id FROM calendar_members WHERE calendar_id = ? "
            "AND status = ?))"
        )
        params += [collection.owner_id, collection.owner_id, Status.ACTIVE.value]
    quiet_account, quiet_ones = _quiet.get()
    if ALL in quiet_ones:
        quiet_test, quiet_params = "r.account_id = ?", [quiet_account]
    elif quiet_ones:
        marks = ", ".join("?" for _ in quiet_ones)
        quiet_test = f"r.account_id = ? AND r.registration_id IN ({marks})"
        quiet_params = [quiet_account, *sorted(quiet_ones)]
    else:
        quiet_test, quiet_params = "1 = 0", []
    due = stamp(at + MERGE_WINDOW)
    select = f"FROM push_registrations r WHERE {' AND '.join(conditions)}"
    # Told: the row waits for this position (a row already waiting keeps its due time, so a
    # burst goes as one message).
    db.run(
        f"INSERT INTO {table} (registration_id, wanted, sent, properties, urgent, due_at) "
        f"SELECT r.registration_id, ?, 0, ?, ?, ? {select} AND NOT ({quiet_test}) "
        f"ON CONFLICT (registration_id) DO UPDATE SET wanted = excluded.wanted, "
        f"properties = CASE WHEN {table}.properties = 1 OR excluded.properties = 1 "
        "THEN 1 ELSE 0 END, "
        f"urgent = CASE WHEN {table}.urgent = 1 OR excluded.urgent = 1 THEN 1 ELSE 0 END, "
        f"due_at = CASE WHEN {table}.wanted > {table}.sent AND {table}.given_up = 0 "
        f"THEN {table}.due_at ELSE excluded.due_at END, given_up = 0, failures = CASE WHEN "
        f"{table}.given_up = 1 THEN 0 ELSE {table}.failures END",
        (position, int(properties), int(urgent), due, *params, *quiet_params),
    )
    if quiet_test == "1 = 0":
        return
    # Not told (its own change): nothing to send unless something else is waiting already.
    db.run(
        f"INSERT INTO {table} (registration_id, wanted, sent, due_at) "
        f"SELECT r.registration_id, ?, ?, ? {select} AND ({quiet_test}) "
        f"ON CONFLICT (registration_id) DO UPDATE SET sent = CASE WHEN "
        f"{table}.wanted > {table}.sent THEN {table}.sent ELSE excluded.sent END, "
        "wanted = excluded.wanted",
        (position, position, due, *params, *quiet_params),
    )


def _starts_soon(db: Sql, events: dict[str, _Body | _Unknown | None], at: dt.datetime) -> bool:
    """Whether one of the changed events has an occurrence starting within the urgent window
    (the range first, the body only for those it lets through). The bodies the transaction's
    events carried are taken from them; only the others are read from the calendar view."""
    low, high = int(at.timestamp()) - 60, int(at.timestamp()) + 16 * 60
    bodies = [
        body.ical
        for body in events.values()
        if isinstance(body, _Body)
        and (body.range_start is None or body.range_start <= high)
        and (body.range_end is None or body.range_end >= low)
    ]
    unknown = sorted(event_id for event_id, body in events.items() if body is UNKNOWN)
    if unknown:
        marks = ", ".join("?" for _ in unknown)
        bodies += [
            str(row["ical"])
            for row in db.all(
                f"SELECT ical FROM calendar_objects WHERE event_id IN ({marks}) "
                "AND (range_start IS NULL OR range_start <= ?) "
                "AND (range_end IS NULL OR range_end >= ?)",
                (*unknown, high, low),
            )
        ]
    return any(starts_soon(ical, at) for ical in bodies)
