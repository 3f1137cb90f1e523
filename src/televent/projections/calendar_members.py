"""The calendar members read model (`calendar_members`): who shares which calendar, with what
role, and each member's own name, colour and busy choice for it, and what their CalDAV clients
keep on it (docs/adr/0017).

Fed by the Calendar aggregate's Member* events and emptied for a calendar when it is deleted;
rebuilt from the log like every view. An erased owner's calendar events no longer open, so a
rebuild drops its rows; an erased member is removed by a MemberRemoved event first.
"""

from __future__ import annotations

from typing import Any

from televent.domain.sharing import Status
from televent.projections.base import Projection, handles
from televent.projections.calendar_view import DEAD, dead_column
from televent.projections.sql import Sql

MEMBER_COLUMNS = {
    "display_name": "display_name",
    "color": "color",
    "busy": "busy",
    DEAD: "dead_properties",
}


class CalendarMembersProjection(Projection):
    """One row per member or open invitation of a calendar."""

    name = "calendar_members"
    tables = ("calendar_members",)

    @handles("Calendar.MemberInvited")
    def _invited(self, db: Sql, event: Any, position: int) -> None:
        key = (str(event.originator_id), str(event.member))
        db.run(
            f"DELETE FROM {self.t['calendar_members']} WHERE calendar_id = ? AND account_id = ?",
            key,
        )
        db.run(
            f"INSERT INTO {self.t['calendar_members']} (calendar_id, account_id, owner_id, role, "
            "status, invited_by, since, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *key,
                str(event.account_id),
                event.role,
                Status.INVITED.value,
                str(event.by),
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Calendar.MembershipAccepted")
    def _accepted(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['calendar_members']} SET status = ?, since = ?, position = ? "
            "WHERE calendar_id = ? AND account_id = ?",
            (
                Status.ACTIVE.value,
                event.timestamp.isoformat(),
                position,
                str(event.originator_id),
                str(event.member),
            ),
        )

    @handles("Calendar.MemberRoleChanged")
    def _role_changed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['calendar_members']} SET role = ?, position = ? "
            "WHERE calendar_id = ? AND account_id = ?",
            (event.role, position, str(event.originator_id), str(event.member)),
        )

    @handles("Calendar.MemberPropertiesSet")
    def _properties_set(self, db: Sql, event: Any, position: int) -> None:
        changes = {c: event.changes[k] for k, c in MEMBER_COLUMNS.items() if k in event.changes}
        if "busy" in changes and changes["busy"] is not None:
            changes["busy"] = int(bool(changes["busy"]))
        if "dead_properties" in changes:
            changes["dead_properties"] = dead_column(changes["dead_properties"])
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.run(
            f"UPDATE {self.t['calendar_members']} SET {assignments}, position = ? "
            "WHERE calendar_id = ? AND account_id = ?",
            (*changes.values(), position, str(event.originator_id), str(event.member)),
        )

    @handles("Calendar.MemberRemoved")
    def _removed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['calendar_members']} WHERE calendar_id = ? AND account_id = ?",
            (str(event.originator_id), str(event.member)),
        )

    @handles("Calendar.CalendarDeleted")
    def _calendar_deleted(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['calendar_members']} WHERE calendar_id = ?",
            (str(event.originator_id),),
        )
