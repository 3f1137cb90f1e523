"""Questions about Telegram groups and their calendars, answered from the group chats read
model (docs/adr/0018)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.projections.view_reader import Reader

GROUP_COLUMNS = (
    "group_id, chat_id, title, calendar_id, owner_id, members_edit, reminders, present, since"
)


@dataclass(frozen=True)
class GroupChatView:
    """A group with a calendar."""

    group_id: UUID
    chat_id: int
    title: str
    calendar_id: UUID
    owner_id: UUID
    members_edit: bool  # members may add events (and get `write` when they join)
    reminders: bool  # reminders before its events are posted in the group
    present: bool  # the bot is in the group now
    since: str


def group_of_row(row: dict[str, Any]) -> GroupChatView:
    """A `group_chats` row."""
    return GroupChatView(
        group_id=UUID(row["group_id"]),
        chat_id=int(row["chat_id"]),
        title=row["title"],
        calendar_id=UUID(row["calendar_id"]),
        owner_id=UUID(row["owner_id"]),
        members_edit=bool(row["members_edit"]),
        reminders=bool(row["reminders"]),
        present=bool(row["present"]),
        since=row["since"],
    )


class GroupChatsReader(Reader):
    """Which group has which calendar."""

    def group_chat(self, chat_id: int) -> GroupChatView | None:
        """The group's record, if it opened a calendar."""
        with self.reader.read() as db:
            row = db.one(f"SELECT {GROUP_COLUMNS} FROM group_chats WHERE chat_id = ?", (chat_id,))
        return None if row is None else group_of_row(row)

    def group_of_calendar(self, calendar_id: UUID) -> GroupChatView | None:
        """The group whose calendar this is (None: not a group's calendar)."""
        with self.reader.read() as db:
            row = db.one(
                f"SELECT {GROUP_COLUMNS} FROM group_chats WHERE calendar_id = ?",
                (str(calendar_id),),
            )
        return None if row is None else group_of_row(row)
