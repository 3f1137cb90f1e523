"""Questions about who shares which calendar, answered from the calendar members read model
(docs/adr/0017). The rule of what each role may do is domain/sharing.py; the application
applies it (application/access.py) with the role read here."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.domain.sharing import Role, Status, default_busy, owner_role, shared_slug
from televent.projections.calendar_view_reader import (
    CALENDAR_COLUMNS,
    CalendarView,
    CalendarViewReader,
    calendar_of_row,
)

MEMBER_COLUMNS = (
    "calendar_id, account_id, owner_id, role, status, invited_by, display_name, color, busy, "
    "since, dead_properties"
)


@dataclass(frozen=True)
class MemberView:
    """One member (or open invitation) of a calendar."""

    calendar_id: UUID
    account_id: UUID
    owner_id: UUID
    role: Role
    status: Status
    invited_by: UUID
    display_name: str | None
    color: str | None
    busy: bool | None  # None: by role (domain/sharing.default_busy)
    since: str
    dead_properties: str | None = None  # what the member's clients keep on it, as JSON

    @property
    def active(self) -> bool:
        """Whether the member accepted (an invitation gives no right)."""
        return self.status is Status.ACTIVE


@dataclass(frozen=True)
class SeenCalendar:
    """A calendar as one person sees it: their own, or one shared with them (then `view`
    carries the name it has in their calendar home and their own name and colour for it)."""

    view: CalendarView
    role: Role
    membership: MemberView | None = None

    @property
    def calendar_id(self) -> UUID:
        return self.view.calendar_id

    @property
    def owned(self) -> bool:
        return self.membership is None

    @property
    def status(self) -> Status:
        return Status.ACTIVE if self.membership is None else self.membership.status

    @property
    def busy(self) -> bool:
        """Whether its events count as the person's busy time (booking links)."""
        chosen = self.view.busy if self.membership is None else self.membership.busy
        return default_busy(self.role) if chosen is None else chosen


def member_of_row(row: dict[str, Any]) -> MemberView:
    """A `calendar_members` row."""
    return MemberView(
        calendar_id=UUID(row["calendar_id"]),
        account_id=UUID(row["account_id"]),
        owner_id=UUID(row["owner_id"]),
        role=Role(row["role"]),
        status=Status(row["status"]),
        invited_by=UUID(row["invited_by"]),
        display_name=row["display_name"],
        color=row["color"],
        busy=None if row["busy"] is None else bool(row["busy"]),
        since=row["since"],
        dead_properties=row.get("dead_properties"),
    )


def as_member_sees_it(view: CalendarView, member: MemberView) -> SeenCalendar:
    """The owner's calendar under its name in the member's home, with their name and colour,
    and what their own clients keep on it (never the owner's clients' properties)."""
    seen = dataclasses.replace(
        view,
        slug=shared_slug(view.calendar_id),
        display_name=member.display_name or view.display_name or view.slug,
        color=member.color or view.color,
        dead_properties=member.dead_properties,
    )
    return SeenCalendar(seen, member.role, member)


class CalendarMembersReader(CalendarViewReader):
    """Members, invitations and the calendars each person sees (with the calendar view's
    questions, which it builds on)."""

    def role_in(self, calendar_id: UUID, account_id: UUID) -> Role | None:
        """What the person is to the calendar now (one round trip): OWNER, an accepted
        member's role, or None (no such calendar, an invitation not yet accepted, nobody)."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT c.account_id AS owner, c.subscribed, m.role, m.status FROM calendars c "
                "LEFT JOIN calendar_members m ON m.calendar_id = c.calendar_id "
                "AND m.account_id = ? WHERE c.calendar_id = ?",
                (str(account_id), str(calendar_id)),
            )
        if row is None:
            return None
        if row["owner"] == str(account_id):
            return owner_role(subscribed=bool(row["subscribed"]))
        if row["status"] != Status.ACTIVE.value:
            return None
        return Role(row["role"])

    def membership(self, calendar_id: UUID, account_id: UUID) -> MemberView | None:
        """The person's membership of (or invitation to) the calendar."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {MEMBER_COLUMNS} FROM calendar_members "
                "WHERE calendar_id = ? AND account_id = ?",
                (str(calendar_id), str(account_id)),
            )
        return None if row is None else member_of_row(row)

    def members_of(self, calendar_id: UUID) -> list[MemberView]:
        """The calendar's members and open invitations, in the order they were invited."""
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {MEMBER_COLUMNS} FROM calendar_members WHERE calendar_id = ? "
                "ORDER BY position, account_id",
                (str(calendar_id),),
            )
        return [member_of_row(row) for row in rows]

    def shared_by(self, owner_id: UUID) -> set[UUID]:
        """The ids of the owner's calendars that have members or open invitations."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT DISTINCT calendar_id FROM calendar_members WHERE owner_id = ?",
                (str(owner_id),),
            )
        return {UUID(row["calendar_id"]) for row in rows}

    def shared_with(self, account_id: UUID, *, invited: bool = False) -> list[SeenCalendar]:
        """The calendars others share with the person (accepted ones; with `invited`, the
        invitations too), as the person sees them, by name."""
        status = "" if invited else " AND m.status = 'active'"
        with self.reader.read() as db:
            rows = db.all(
                f"SELECT {_calendar_columns()}, {_member_columns()} FROM calendar_members m "
                f"JOIN calendars c ON c.calendar_id = m.calendar_id WHERE m.account_id = ?{status}",
                (str(account_id),),
            )
        return _by_name(
            [as_member_sees_it(calendar_of_row(row), _member_part(row)) for row in rows]
        )

    def seen_calendars(self, account_id: UUID, *, invited: bool = False) -> list[SeenCalendar]:
        """Every calendar the person sees: their own (by slug), then those shared with them
        (as `shared_with` orders them), in one round trip."""
        with self.reader.read() as db:
            return seen_of_rows(db.all(*seen_query(account_id, invited=invited)))

    def seen_calendar(self, account_id: UUID, calendar_id: UUID) -> SeenCalendar | None:
        """One calendar as the person sees it, if they may see it (owner or accepted member),
        in one round trip."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {_calendar_columns()}, {_member_columns()} FROM calendars c "
                "LEFT JOIN calendar_members m ON m.calendar_id = c.calendar_id "
                "AND m.account_id = ? WHERE c.calendar_id = ?",
                (str(account_id), str(calendar_id)),
            )
        if row is None:
            return None
        view = calendar_of_row(row)
        if view.account_id == account_id:
            return SeenCalendar(view, view.owner_role)
        if row["m_status"] != Status.ACTIVE.value:
            return None
        return as_member_sees_it(view, _member_part(row))


# The ids of the calendars a person sees (their own, and those shared with them that they
# accepted): `seen_query`'s calendars, as a subquery taking the account's id twice.
SEEN_IDS = (
    "SELECT calendar_id FROM calendars WHERE account_id = ? UNION ALL "
    "SELECT calendar_id FROM calendar_members WHERE account_id = ? AND status = 'active'"
)


def seen_query(account_id: UUID, *, invited: bool = False) -> tuple[str, tuple[str, str]]:
    """The statement (and its parameters) for every calendar the person sees, with their
    membership of each shared one; with `invited`, also those they are invited to."""
    status = "" if invited else " AND m.status = 'active'"
    nothing = ", ".join(f"NULL AS m_{c.strip()}" for c in MEMBER_COLUMNS.split(","))
    return (
        f"SELECT 0 AS shared, {_calendar_columns()}, {nothing} FROM calendars c "
        "WHERE c.account_id = ? UNION ALL "
        f"SELECT 1 AS shared, {_calendar_columns()}, {_member_columns()} "
        "FROM calendar_members m JOIN calendars c ON c.calendar_id = m.calendar_id "
        f"WHERE m.account_id = ?{status} ORDER BY shared, slug",
        (str(account_id), str(account_id)),
    )


def seen_of_rows(rows: list[dict[str, Any]]) -> list[SeenCalendar]:
    """`seen_query`'s rows: their own calendars (by slug), then those shared with them (by
    the name they see)."""
    own = [
        SeenCalendar(view, view.owner_role)
        for view in (calendar_of_row(row) for row in rows if not row["shared"])
    ]
    shared = [
        as_member_sees_it(calendar_of_row(row), _member_part(row)) for row in rows if row["shared"]
    ]
    return own + _by_name(shared)


def _by_name(seen: list[SeenCalendar]) -> list[SeenCalendar]:
    """Shared calendars as a person's list shows them: by the name they see, then slug."""
    return sorted(seen, key=lambda s: ((s.view.display_name or "").lower(), s.view.slug))


def _calendar_columns() -> str:
    return ", ".join(f"c.{c.strip()}" for c in CALENDAR_COLUMNS.split(","))


def _member_columns() -> str:
    return ", ".join(f"m.{c.strip()} AS m_{c.strip()}" for c in MEMBER_COLUMNS.split(","))


def _member_part(row: dict[str, Any]) -> MemberView:
    """The member columns of a row joining calendars and members (prefixed `m_`)."""
    return member_of_row({k[2:]: v for k, v in row.items() if k.startswith("m_")})
