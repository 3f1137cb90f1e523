"""Televent's own mail addresses: From, and the tokenized reply addresses (RFC 5233 subaddress).

Every invitation sent to an external attendee names as ORGANIZER (and Reply-To) an address
`<local>+<token>@<domain>` under TELEVENT_MAIL_FROM's domain; the token is random and stored
with (event, attendee), so an answer arriving there identifies both without trusting the sender.

Every Televent user has an invitation address `<local>+u<alias>@<domain>` (`alias_address`):
the alias is a random token the application draws and the Account aggregate records
(InviteAddressAssigned, docs/adr/0019), never their Telegram id. Anyone may invite the user
there, and a user without a linked email is shown to outsiders by it. An alias is not a reply
token (`token_in` never reads one), so mail sent there (a reply-all) is never taken for an
answer of the attendee whose reply address it is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parseaddr

from televent.domain.errors import TeleventError
from televent.domain.values import normalize_address

DEFAULT_MAIL_FROM = "Televent <televent@localhost>"
_TOKEN = re.compile(r"[0-9a-f]{16,64}")
ALIAS_MARK = "u"


class MailIdentityError(TeleventError):
    """TELEVENT_MAIL_FROM is not an address."""


@dataclass(frozen=True)
class MailIdentity:
    """The sender identity and reply-address scheme."""

    name: str | None
    local: str
    domain: str

    @classmethod
    def parse(cls, mail_from: str | None) -> MailIdentity:
        """Read `Name <local@domain>` or `local@domain` (TELEVENT_MAIL_FROM)."""
        name, address = parseaddr(mail_from or DEFAULT_MAIL_FROM)
        local, at, domain = address.rpartition("@")
        if not at or not local or not domain or "+" in local:
            raise MailIdentityError(
                f"TELEVENT_MAIL_FROM must be an address such as 'Televent <calendar@example.org>' "
                f"(without a '+'), not {mail_from!r}."
            )
        return cls(name or None, local, domain.lower())

    @property
    def address(self) -> str:
        """The plain From address."""
        return f"{self.local}@{self.domain}"

    def reply_address(self, token: str) -> str:
        """The address whose mail identifies one (event, attendee)."""
        return f"{self.local}+{token}@{self.domain}"

    def alias_address(self, alias: str) -> str:
        """The address a Televent user without a linked email goes by in outgoing mail."""
        return f"{self.local}+{ALIAS_MARK}{alias}@{self.domain}"

    def alias_in(self, address: str) -> str | None:
        """The alias token of an alias address (`alias_address`), if it is one."""
        local, _, domain = normalize_address(address).rpartition("@")
        prefix = f"{self.local.lower()}+{ALIAS_MARK}"
        if domain != self.domain or not local.startswith(prefix):
            return None
        alias = local[len(prefix) :]
        return alias if _TOKEN.fullmatch(alias) else None

    def token_in(self, addresses: tuple[str, ...] | list[str]) -> str | None:
        """The token of the first tokenized reply address among `addresses`, if any."""
        prefix = f"{self.local.lower()}+"
        for address in addresses:
            local, _, domain = address.lower().rpartition("@")
            if domain == self.domain and local.startswith(prefix):
                token = local[len(prefix) :]
                if _TOKEN.fullmatch(token):
                    return token
        return None

    def is_ours(self, address: str) -> bool:
        """Whether an address is this server's own (plain or tokenized)."""
        local, _, domain = address.lower().rpartition("@")
        return domain == self.domain and (
            local == self.local.lower() or local.startswith(self.local.lower() + "+")
        )
