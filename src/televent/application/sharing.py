"""Sharing calendars (docs/adr/0017): inviting people with a role, their answer, changing a
role, removing a member or leaving, and each member's own name, colour and busy choice.

The Calendar aggregate decides each change with the one rule of domain/sharing.py; the rights
of a request on a calendar's events are checked by `CommandCore.require_access` with the role
the members read model holds at that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.calendar import Calendar
from televent.domain.errors import DomainError, NotFoundError


class SharingCommands(CommandCore):
    """Commands on a calendar's members."""

    def share_calendar(
        self, calendar_id: UUID, *, by: UUID, member: UUID, role: str, actor: str, source: str
    ) -> None:
        """Invite a Televent user to the calendar with a role (they must accept it)."""
        calendar = self._calendar(calendar_id)
        if self.queries.account_by_id(member) is None:
            raise DomainError("That person has no Televent account.").worded(
                "refusal-calendars-no-such-person"
            )
        calendar.share(by=by, member=member, role=role, actor=actor, source=source)
        self.save_all(calendar)

    def answer_calendar_invitation(
        self, calendar_id: UUID, *, by: UUID, accept: bool, actor: str, source: str
    ) -> None:
        """The invited person accepts the calendar, or declines it."""
        self._decide(
            calendar_id,
            lambda c: c.answer_invitation(by=by, accept=accept, actor=actor, source=source),
        )

    def change_member_role(
        self, calendar_id: UUID, *, by: UUID, member: UUID, role: str, actor: str, source: str
    ) -> None:
        """Give a member another role."""
        self._decide(
            calendar_id,
            lambda c: c.change_role(by=by, member=member, role=role, actor=actor, source=source),
        )

    def remove_member(
        self, calendar_id: UUID, *, by: UUID, member: UUID, actor: str, source: str
    ) -> None:
        """Remove a member or an invitation; `member == by` leaves the calendar."""
        self._decide(
            calendar_id,
            lambda c: c.remove_member(by=by, member=member, actor=actor, source=source),
        )

    def set_member_properties(
        self, calendar_id: UUID, *, by: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        """A member's own name, colour and busy choice for a calendar shared with them."""
        self._decide(
            calendar_id,
            lambda c: c.set_member_properties(by=by, changes=changes, actor=actor, source=source),
        )

    def remove_from_shared_calendars(self, account_id: UUID, *, actor: str, source: str) -> int:
        """Take a person out of every calendar shared with them (before their erasure);
        returns how many memberships and invitations went."""
        removed = 0
        for seen in self.queries.shared_with(account_id, invited=True):
            calendar = self._calendar(seen.calendar_id)
            calendar.remove_erased_member(member=account_id, actor=actor, source=source)
            if calendar.pending_events:
                self.save_all(calendar)
                removed += 1
        return removed

    def _decide(self, calendar_id: UUID, decision: Callable[[Calendar], None]) -> None:
        """Load the calendar, let it decide, save what it decided."""
        calendar = self._calendar(calendar_id)
        decision(calendar)
        self.save_all(calendar)

    def _calendar(self, calendar_id: UUID) -> Calendar:
        """A calendar by id; any other id (a guess, another kind of record) is not found."""
        calendar = self._get(calendar_id, Calendar, "Calendar")
        if not isinstance(calendar, Calendar) or calendar.deleted:
            raise NotFoundError("Calendar not found.").worded("refusal-calendars-calendar-gone")
        return calendar
