"""Invitation addresses: the address under Televent's mail domain where anyone can invite a
Televent user, `<local>+u<token>@<domain>` (domain/mail_identity.py, docs/adr/0019).

The token is random, drawn here (never in the domain or a projection), and the Account
aggregate records the address (InviteAddressAssigned), so a rebuild gives every account the
address it had, and the audit and the GDPR export show it. New accounts get one when they
register; accounts older than this feature, or whose address is not under the current
TELEVENT_MAIL_FROM, get one the first time it is needed (`invite_address`). A new one
(`renew_invite_address`) replaces the old at once: mail still sent there is ignored.
"""

from __future__ import annotations

import secrets

from televent.application.core import CommandCore
from televent.delivery.mail_queue import MailQueue
from televent.domain.account import Account
from televent.domain.errors import ConflictError

ALIAS_BYTES = 10  # 20 hex digits: 80 random bits
ATTEMPTS = 3


class InviteAddressCommands(CommandCore):
    """Commands on the account's invitation address."""

    def invite_address(self, telegram_id: int, *, actor: str, source: str) -> str:
        """The account's invitation address; one is made (and recorded) when it has none
        under the current mail identity yet."""
        for attempt in range(ATTEMPTS):
            shown = self.queries.account_by_telegram_id(telegram_id)
            if shown is not None and self._current(shown.invite_address):
                return str(shown.invite_address)
            account = self._account(telegram_id)
            if self._current(account.invite_address):
                return str(account.invite_address)
            try:
                return self._assign_invite_address(account, actor=actor, source=source)
            except ConflictError:  # another request made it meanwhile: read it
                if attempt == ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def renew_invite_address(self, telegram_id: int, *, actor: str, source: str) -> str:
        """Give the account a new invitation address; the old one stops accepting mail."""
        account = self._account(telegram_id)
        return self._assign_invite_address(account, actor=actor, source=source, fresh=True)

    def _assign_invite_address(
        self, account: Account, *, actor: str, source: str, fresh: bool = False
    ) -> str:
        """Record a new address for `account` and save it. The first address of an account
        that Televent already showed outsiders (before addresses were events, docs/adr/0019)
        keeps the token it was shown with, so invitations sent to it arrive."""
        token = None if fresh else self._shown_alias(account)
        address = self.new_invite_address(token)
        account.assign_invite_address(address=address, actor=actor, source=source)
        self.save_all(account)
        return address

    def _current(self, address: str | None) -> bool:
        """Whether an address is an invitation address under the current mail identity."""
        return address is not None and self.mail_identity.alias_in(address) is not None

    def new_invite_address(self, token: str | None = None) -> str:
        """An invitation address under the mail identity, from `token` or a random one."""
        alias = token or secrets.token_hex(ALIAS_BYTES)
        return self.mail_identity.alias_address(alias).lower()

    def _shown_alias(self, account: Account) -> str | None:
        """The alias the email queue made for the account before aliases were events, if any
        (and if it is not one the account already had)."""
        if account.invite_address is not None or account.replaced_invite_addresses:
            return None
        return MailQueue(self.views, self.clock).alias_of(str(account.id))
