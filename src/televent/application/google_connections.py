"""Connecting a Google account (docs/adr/0034): the consent in flight, and the connection it
ends in. Once connected, a Google account is a connection like a CalDAV one (docs/adr/0026):
its calendars are mirrored, synced by the leader, changes written back, conflicts settled by
the same rule; its refresh token is the connection's secret, sealed in the log with the
person's key like a password.

The consent goes through the person's browser: the adapter makes a random state and a PKCE
verifier (RFC 7636), `google_consent_started` keeps the verifier under a digest of the state,
and Google's answer brings the state back to `google_consent_taken`, which gives the person
and the verifier once, within CONSENT_TTL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol
from uuid import UUID

from televent.application.connection_writeback import WriteBackCommands
from televent.application.connections import RemoteCalendarFound
from televent.domain.connections import CONSENT_TTL
from televent.projections.base import stamp


@dataclass(frozen=True)
class ConsentLink:
    """A new consent: Google's consent screen (`url`) for a random state and PKCE verifier."""

    state: str = field(repr=False)
    verifier: str = field(repr=False)
    url: str = field(repr=False)


class GoogleConsents(Protocol):
    """Google's OAuth endpoints as the adapters ask them (adapters/connections/google_oauth)."""

    def link(self, base_url: str) -> ConsentLink:
        """A new consent link whose answer comes back under `base_url` (the public URL)."""
        ...

    async def revoke(self, token: str) -> bool:
        """Google forgets the grant `token` belongs to; whether it took the request."""
        ...


@dataclass(frozen=True)
class GoogleConsent:
    """Whose consent came back, and the verifier its code is exchanged with."""

    account_id: UUID
    verifier: str


def _digest(state: str) -> str:
    return hashlib.sha256(state.encode("utf-8")).hexdigest()


class GoogleConnectionCommands(WriteBackCommands):
    """Connecting Google accounts."""

    def google_consent_started(self, account_id: UUID, state: str, verifier: str) -> None:
        """Keep the verifier of the consent `state` names, for CONSENT_TTL; consents left
        unanswered longer are forgotten."""
        now = self.clock()
        with self.views.write() as db:
            db.run("DELETE FROM google_consents WHERE created_at < ?", (stamp(now - CONSENT_TTL),))
            db.run(
                "INSERT INTO google_consents (state_digest, account_id, verifier, created_at) "
                "VALUES (?, ?, ?, ?)",
                (_digest(state), str(account_id), verifier, stamp(now)),
            )

    def google_consent_taken(self, state: str) -> GoogleConsent | None:
        """The consent `state` names, once (None: unknown, used, or older than CONSENT_TTL)."""
        with self.views.write() as db:
            row = db.one(
                "SELECT account_id, verifier, created_at FROM google_consents "
                "WHERE state_digest = ?",
                (_digest(state),),
            )
            if row is None:
                return None
            db.run("DELETE FROM google_consents WHERE state_digest = ?", (_digest(state),))
        if row["created_at"] < stamp(self.clock() - CONSENT_TTL):
            return None
        return GoogleConsent(UUID(row["account_id"]), str(row["verifier"]))

    def connect_google(
        self,
        account_id: UUID,
        *,
        email: str,
        refresh_token: str,
        api_url: str,
        calendars: Sequence[RemoteCalendarFound],
        actor: str,
        source: str,
    ) -> UUID:
        """Record the Google account `email` the person consented to, with the calendars it
        may write; returns the connection's id.

        Raises:
            DomainError: no calendar, too many connections.
            ConflictError: this Google account is connected already.
        """
        return self.connect_account(
            account_id,
            kind="google",
            address=email,
            principal_url=api_url,
            home_url=api_url,
            username=email,
            password=refresh_token,
            calendars=calendars,
            actor=actor,
            source=source,
        )
