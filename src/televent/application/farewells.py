"""The record of the meetings an erasure calls off (GDPR Art. 17, ops/farewells.py).

Before a person is erased, the meetings they organise that are not over and have attendees are
deleted through the ordinary command, so everyone invited is told. Those deletions are the
person's own events, unreadable once their key is gone; which meetings were called off, by
whom and when is recorded on the Account as `MeetingsCalledOff` (ids only, stored in clear), so
an operator can still answer it after the erasure.
"""

from __future__ import annotations

from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.account import Account


class FarewellCommands(CommandCore):
    """The erasure's record of called-off meetings (mixed into televent.Televent)."""

    def record_meetings_called_off(
        self, account_id: UUID, event_ids: list[UUID], *, actor: str, source: str
    ) -> None:
        """Record on the account that the meetings `event_ids` are called off (nothing when
        there are none); the caller then deletes each through the ordinary command."""
        if not event_ids:
            return
        account: Account = self._get(account_id, Account, "Account")
        account.call_off_meetings(event_ids=[str(e) for e in event_ids], actor=actor, source=source)
        self.save_all(account)
