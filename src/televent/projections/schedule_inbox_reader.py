"""Reading and emptying a user's scheduling inbox (RFC 6638 §2.2, §4.1).

The schedule_inbox projection (televent/projections/schedule_inbox.py) files the iTIP messages
delivered to each user; their CalDAV client lists and reads them, and deletes each once it has
shown it. A deletion is the client's acknowledgement, like settling a delivery queue's row: it
changes no calendar and appends no domain event. The inbox's version moves with every item
filed or removed, and is its ctag.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from televent.domain.errors import NotFoundError, PreconditionFailedError
from televent.projections.queries import ViewReader

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
    """One place that reads and removes inbox items."""

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

    def remove(self, account_id: UUID, name: str, if_match: str | None = None) -> None:
        """Delete an item (with `if_match`, only if its ETag is that one)."""
        with self.views.write() as db:
            etag = db.scalar(
                "SELECT etag FROM schedule_inbox WHERE account_id = ? AND name = ?",
                (str(account_id), name),
            )
            if etag is None:
                raise NotFoundError(f"No inbox item named {name}.")
            if if_match is not None and if_match != etag:
                raise PreconditionFailedError("The item is not the one you read (If-Match).")
            db.run(
                "DELETE FROM schedule_inbox WHERE account_id = ? AND name = ?",
                (str(account_id), name),
            )
            db.run(
                "UPDATE schedule_inboxes SET version = version + 1 WHERE account_id = ?",
                (str(account_id),),
            )


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
