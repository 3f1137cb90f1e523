"""Commands on a user's scheduling inbox (RFC 6638 §2.2, §4.1).

The schedule_inbox projection files the iTIP messages delivered to each user
(televent/projections/schedule_inbox.py); their CalDAV client lists them
(televent/projections/schedule_inbox_reader.py) and deletes each once it has shown it. A
deletion changes no calendar, but it is something the user did: it is recorded as an
`Account.ScheduleInboxItemDeleted` event, and the projection applies it like any other, so the
inbox follows from the log and the audit timeline shows it.
"""

from __future__ import annotations

from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.account import Account
from televent.domain.errors import NotFoundError, PreconditionFailedError
from televent.projections.schedule_inbox_reader import ScheduleInbox


class ScheduleInboxCommands(CommandCore):
    """The inbox's commands (mixed into televent.Televent)."""

    def delete_inbox_item(
        self,
        account_id: UUID,
        name: str,
        *,
        if_match: str | None = None,
        actor: str,
        source: str,
    ) -> None:
        """Remove the item `name` from the account's scheduling inbox.

        Raises NotFoundError (404) when the inbox holds no such item, PreconditionFailedError
        (412) when `if_match` is given and is not the item's ETag. Two deletions in the same
        inbox at once: the later one is refused as a ConflictError by the Account's version.
        """
        item = ScheduleInbox(self.views).item(account_id, name)
        if item is None:
            raise NotFoundError(f"No inbox item named {name}.")
        if if_match is not None and if_match != item.etag:
            raise PreconditionFailedError("The item is not the one you read (If-Match).")
        account: Account = self._get(account_id, Account, "Account")
        account.delete_inbox_item(name=name, actor=actor, source=source)
        self.save_all(account)
