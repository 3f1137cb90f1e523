"""The role each member had on a calendar at each moment, from the Calendar's member events.

An entry written by someone who is not the calendar's owner names the role they had when they
made the change ("Bob (Telegram 2; member, can edit)"), not the role they have now: the audit
replays the calendar's MemberInvited, MembershipAccepted, MemberRoleChanged, MemberRemoved and
CalendarDeleted events (domain/calendar.py) and asks which role held just before the change.
An invitation not yet accepted gives no role (domain/sharing.py); nor does a redacted event
(an erased owner's calendar: nothing of it can be read).
"""

from __future__ import annotations

import bisect
from typing import Any

Key = tuple[str, str]  # (calendar id, member account id)


class MemberRoles:
    """Each (calendar, member)'s role through time: `record` the calendar's events in log
    order, then ask `role_at` a position."""

    def __init__(self) -> None:
        self._now: dict[Key, tuple[str, bool]] = {}  # role, accepted
        self._history: dict[Key, list[tuple[int, str | None]]] = {}

    def record(self, position: int, event: Any) -> None:
        """Take one event of a calendar into account (other events are ignored)."""
        if getattr(event, "redacted", False):
            return
        kind = type(event).__qualname__
        calendar = str(getattr(event, "originator_id", ""))
        if kind == "Calendar.CalendarDeleted":
            for key in [key for key in self._now if key[0] == calendar]:
                self._set(key, None, position)
            return
        member = getattr(event, "member", None)
        if member is None:
            return
        key = (calendar, str(member))
        current = self._now.get(key)
        role = getattr(event, "role", None)
        if kind == "Calendar.MemberInvited" and role is not None:
            current = (str(role), False)
        elif kind == "Calendar.MembershipAccepted" and current is not None:
            current = (current[0], True)
        elif kind == "Calendar.MemberRoleChanged" and current is not None and role is not None:
            current = (str(role), current[1])
        elif kind == "Calendar.MemberRemoved":
            current = None
        else:
            return
        self._set(key, current, position)

    def role_at(self, calendar_id: Any, member: Any, position: int) -> str | None:
        """The member's role on the calendar just before the log position (None: not an
        accepted member then)."""
        history = self._history.get((str(calendar_id), str(member)), [])
        index = bisect.bisect_left(history, position, key=lambda change: change[0])
        return history[index - 1][1] if index else None

    def _set(self, key: Key, membership: tuple[str, bool] | None, position: int) -> None:
        if membership is None:
            self._now.pop(key, None)
        else:
            self._now[key] = membership
        role = membership[0] if membership is not None and membership[1] else None
        self._history.setdefault(key, []).append((position, role))
