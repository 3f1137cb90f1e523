"""The group chats read model (`group_chats`): which Telegram group has which calendar, its
settings, and whether the bot is in the group now (docs/adr/0018).

Fed by the GroupChat aggregate's events (domain/group_chat.py) and rebuilt from the log like
every view. The group's events are sealed with the group's own key, so an erasure of the
calendar's owner leaves the row: the calendar it names is gone (the calendars view no longer
has it), and the next use in the group opens a new one.
"""

from __future__ import annotations

from typing import Any

from televent.domain.group_chat import DEFAULT_SETTINGS
from televent.projections.base import Projection, handles
from televent.projections.sql import Sql

SETTING_COLUMNS = {"members_edit": "members_edit", "reminders": "reminders"}


class GroupChatsProjection(Projection):
    """One row per group that opened a calendar."""

    name = "group_chats"
    tables = ("group_chats",)

    @handles("GroupChat.GroupCalendarOpened")
    def _opened(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['group_chats']} (group_id, chat_id, title, calendar_id, "
            "owner_id, members_edit, reminders, present, since, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (
                str(event.originator_id),
                int(event.chat_id),
                event.title,
                str(event.calendar_id),
                str(event.owner),
                int(DEFAULT_SETTINGS["members_edit"]),
                int(DEFAULT_SETTINGS["reminders"]),
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("GroupChat.GroupCalendarReopened")
    def _reopened(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['group_chats']} SET title = ?, calendar_id = ?, owner_id = ?, "
            "present = 1, since = ?, position = ? WHERE group_id = ?",
            (
                event.title,
                str(event.calendar_id),
                str(event.owner),
                event.timestamp.isoformat(),
                position,
                str(event.originator_id),
            ),
        )

    @handles("GroupChat.GroupRenamed")
    def _renamed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['group_chats']} SET title = ?, position = ? WHERE group_id = ?",
            (event.title, position, str(event.originator_id)),
        )

    @handles("GroupChat.GroupSettingsChanged")
    def _settings_changed(self, db: Sql, event: Any, position: int) -> None:
        changes = {
            column: int(bool(event.changes[key]))
            for key, column in SETTING_COLUMNS.items()
            if key in event.changes
        }
        if not changes:
            return
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.run(
            f"UPDATE {self.t['group_chats']} SET {assignments}, position = ? WHERE group_id = ?",
            (*changes.values(), position, str(event.originator_id)),
        )

    @handles("GroupChat.BotLeftGroup", "GroupChat.BotReturnedToGroup")
    def _presence(self, db: Sql, event: Any, position: int) -> None:
        present = int(type(event).__name__ == "BotReturnedToGroup")
        db.run(
            f"UPDATE {self.t['group_chats']} SET present = ?, position = ? WHERE group_id = ?",
            (present, position, str(event.originator_id)),
        )
