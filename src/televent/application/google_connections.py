"""Connecting a Google account (docs/adr/0034): the consent in flight, and the connection it
ends in. Once connected, a Google account is a connection like a CalDAV one (docs/adr/0026):
its calendars are mirrored, synced by the leader, changes written back, conflicts settled by
the same rule; its refresh token is the connection's secret, sealed in the log with the
person's key like a password.

The consent goes through the person's browser: the adapter makes a random state and a PKCE
verifier (RFC 7636), `google_consent_started` keeps the verifier under a digest of the state,
and Google's answer brings the state back to `google_consent_taken`, which gives the person
and the verifier once, within CONSENT_TTL.

Push (Google's `events.watch` channels): the leader opens a channel for a synced Google calendar
when the server's public URL can receive it and renews it a day before it expires
(`google_channel_due`, `google_channel_opened`); Google's notification names the channel and
carries its token, and `google_notified` makes that calendar due at once: a burst of
notifications makes it due once, and one round syncs it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from uuid import UUID

from televent.application.connection_writeback import WriteBackCommands
from televent.application.connections import RemoteCalendarFound
from televent.domain.connections import CHANNEL_RENEWAL, CONSENT_TTL, server_host
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

    async def forget(self, token: str, channels: Sequence[GoogleChannel] = ()) -> bool:
        """Google closes the push `channels` opened with the grant `token` belongs to, then
        forgets the grant; whether it took the revocation."""
        ...


@dataclass(frozen=True)
class GoogleConsent:
    """Whose consent came back, and the verifier its code is exchanged with."""

    account_id: UUID
    verifier: str


def _digest(state: str) -> str:
    return hashlib.sha256(state.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class GoogleChannel:
    """A push channel Google keeps open for a mirrored calendar."""

    calendar_id: UUID
    channel_id: str
    resource_id: str
    expires_at: str


_CHANNEL_COLUMNS = "calendar_id, channel_id, resource_id, expires_at"


def _channel(row: dict[str, Any]) -> GoogleChannel:
    return GoogleChannel(
        UUID(row["calendar_id"]), row["channel_id"], row["resource_id"], row["expires_at"]
    )


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

    def start_google_consent(
        self, account_id: UUID, consents: GoogleConsents, base_url: str
    ) -> str:
        """Google's consent screen for the person, its answer coming back under `base_url`
        (the server's public URL): the address to open, working once within CONSENT_TTL. Every
        adapter that offers to connect a Google account (the API, the bot) starts here."""
        link = consents.link(base_url)
        self.google_consent_started(account_id, link.state, link.verifier)
        return link.url

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

    def google_grant_in_use(self, account_id: UUID, email: str | None, api_url: str) -> bool:
        """Whether a refresh token Google just granted for `email` (None: not known) may be
        of a grant a live connection holds: Google keeps one grant per user and client, and
        revoking any of its tokens revokes it all, the connection's too. An unused token is
        revoked only when this is False: nobody is connected to the Google account `email`
        (unknown: the person has no Google connection)."""
        if email is None:
            return any(c.kind == "google" for c in self.queries.connections_of(account_id))
        return self.queries.connected_as(server_host(api_url), email)

    # --- push channels ----------------------------------------------------------------------

    def google_channels_of(self, connection_id: UUID) -> list[GoogleChannel]:
        """The push channels open for the connection's calendars (closed at Google when it is
        removed)."""
        found = self.queries.connection(connection_id)
        calendars = [str(m.calendar_id) for m in found.calendars] if found else []
        if not calendars:
            return []
        with self.views.read() as db:
            rows = db.all(
                "SELECT calendar_id, channel_id, resource_id, expires_at FROM google_channels "
                f"WHERE calendar_id IN ({', '.join('?' for _ in calendars)})",
                tuple(calendars),
            )
        return [
            GoogleChannel(
                UUID(r["calendar_id"]), r["channel_id"], r["resource_id"], r["expires_at"]
            )
            for r in rows
        ]

    def google_channel_due(self, calendar_id: UUID) -> tuple[bool, GoogleChannel | None]:
        """Whether the calendar needs a (new) channel now, and the one it has, if any: none,
        or one that expires within CHANNEL_RENEWAL."""
        with self.views.read() as db:
            row = db.one(
                f"SELECT {_CHANNEL_COLUMNS} FROM google_channels WHERE calendar_id = ?",
                (str(calendar_id),),
            )
        if row is None:
            return True, None
        return row["expires_at"] <= stamp(self.clock() + CHANNEL_RENEWAL), _channel(row)

    def google_channel_opened(
        self,
        calendar_id: UUID,
        *,
        channel_id: str,
        resource_id: str,
        token: str,
        expires_at: dt.datetime,
    ) -> None:
        """Keep the channel Google opened for the calendar (the one before it is replaced)."""
        with self.views.write() as db:
            db.run("DELETE FROM google_channels WHERE calendar_id = ?", (str(calendar_id),))
            db.run(
                "INSERT INTO google_channels (calendar_id, channel_id, resource_id, "
                "token_digest, expires_at) VALUES (?, ?, ?, ?, ?)",
                (str(calendar_id), channel_id, resource_id, _digest(token), stamp(expires_at)),
            )

    def google_notified(self, channel_id: str, token: str) -> bool:
        """Google says a channel's calendar changed: make it due now, if the channel is one
        of ours and the token its own; whether it was."""
        with self.views.write() as db:
            row = db.one(
                "SELECT calendar_id, token_digest FROM google_channels WHERE channel_id = ?",
                (channel_id,),
            )
            if row is None or not hmac.compare_digest(row["token_digest"], _digest(token)):
                return False
            db.run(
                "UPDATE connection_sync_state SET next_due = ? WHERE calendar_id = ?",
                (stamp(self.clock()), row["calendar_id"]),
            )
        return True
