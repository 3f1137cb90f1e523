"""The Connection aggregate: one person's account on another CalDAV server (docs/adr/0026).

It holds what Televent needs to act on the account on the person's behalf: the address they
typed, the principal and calendar home discovery found, the user name and the (application)
password, and which Televent calendar mirrors which remote calendar. Its events are sealed with
the person's key (`account_id`, infrastructure/crypto_shredding.py) like every personal fact:
erasing the person deletes the key and with it the password. The password itself is held as
the application sealed it, with a key of the connection's own (infrastructure/sealed_secrets.py;
connections made before that hold it plain). No read model keeps the password; the sync job
reads it from here when it connects.

Removing the connection forgets the password: the removal event's state holds none, the
aggregate drops it, and the application deletes its key, so the sealed copy in the log can
never be opened again. The calendars it made are deleted or, when the person keeps them, become
ordinary calendars (application/connections.py). Connecting the same account again makes a
new connection.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.connections import connection_id_for, not_connected


class Connection(Aggregate):
    """A connected CalDAV account; `calendars` maps each remote calendar's URL to the id (as
    text) of the Televent calendar that mirrors it. Its id derives from the person and a `key`
    the application chose (so the calendars' ids can be named before it is made)."""

    @staticmethod
    def create_id(account_id: UUID, key: str) -> UUID:
        return connection_id_for(account_id, key)

    @event("ConnectionMade")
    def __init__(
        self,
        *,
        account_id: UUID,
        key: str,
        principal_url: str,
        username: str,
        kind: str,
        address: str,
        home_url: str,
        password: str,
        calendars: dict[str, str],
        actor: str,
        source: str,
    ) -> None:
        self.account_id = account_id
        self.kind = kind
        self.address = address
        self.principal_url = principal_url
        self.home_url = home_url
        self.username = username
        self.password: str | None = password
        self.calendars = dict(calendars)
        self.removed = False

    def remove(self, *, keep_events: bool, actor: str, source: str) -> None:
        """End the connection: its password is forgotten from here on."""
        if self.removed:
            raise not_connected()
        self._removed(
            account_id=self.account_id, keep_events=keep_events, actor=actor, source=source
        )

    def facts(self) -> dict[str, Any]:
        """What the person may be shown of it (never the password)."""
        return {
            "kind": self.kind,
            "address": self.address,
            "principal_url": self.principal_url,
            "home_url": self.home_url,
            "username": self.username,
            "calendars": dict(self.calendars),
        }

    @event("ConnectionRemoved")
    def _removed(self, *, account_id: UUID, keep_events: bool, actor: str, source: str) -> None:
        self.removed = True
        self.password = None
        self.calendars = {}
