"""Reading a user's scheduling inbox (RFC 6638 §2.2, §4.1).

The schedule_inbox projection (televent/projections/schedule_inbox.py) files the iTIP messages
delivered to each user; their CalDAV client lists and reads them, and deletes each once it has
shown it, through the command `delete_inbox_item` (televent/application/schedule_inbox.py),
which records an `Account.ScheduleInboxItemDeleted` event the projection applies. The inbox's
version moves with every item filed or removed, and is its ctag.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from televent.projections.view_reader import ViewReader

ITEM_COLUMNS = "name, event_id, uid, method, component, ical, etag, position, created_at"


@dataclass(frozen=True)
class InboxItem:
    """One iTIP message in a user's scheduling inbox."""

    name: str
    event_id: str
    uid: str
    method: str
    component: str
    ical: str
    etag: str
    position: int
    created_at: str


class ScheduleInbox:
    """One place that reads inbox items."""

    def __init__(self, views: ViewReader) -> None:
        self.views = views

    def version(self, account_id: UUID) -> int:
        """Moves whenever an item arrives or is removed (0: never had one)."""
        with self.views.read() as db:
            value = db.scalar(
                "SELECT version FROM schedule_inboxes WHERE account_id = ?", (str(account_id),)
            )
        return int(value or 0)

    def items(self, account_id: UUID) -> list[InboxItem]:
        """Every item, oldest first."""
        with self.views.read() as db:
            rows = db.all(
                f"SELECT {ITEM_COLUMNS} FROM schedule_inbox WHERE account_id = ? "
                "ORDER BY position, name",
                (str(account_id),),
            )
        return [_item(row) for row in rows]

    def item(self, account_id: UUID, name: str) -> InboxItem | None:
        """One item by its resource name."""
        with self.views.read() as db:
            row = db.one(
                f"SELECT {ITEM_COLUMNS} FROM schedule_inbox WHERE account_id = ? AND name = ?",
                (str(account_id), name),
            )
        return None if row is None else _item(row)


def _item(row: dict[str, object]) -> InboxItem:
    return InboxItem(
        name=str(row["name"]),
        event_id=str(row["event_id"]),
        uid=str(row["uid"]),
        method=str(row["method"]),
        component=str(row["component"]),
        ical=str(row["ical"]),
        etag=str(row["etag"]),
        position=int(str(row["position"])),
        created_at=str(row["created_at"]),
    )
