"""/api/v1/connections: the caller's accounts on other CalDAV servers (iCloud with an app
password, Fastmail, Nextcloud, Radicale, any RFC 4791 server), whose calendars Televent mirrors
(docs/adr/0026).

- `POST /connections` (`{"url", "username", "password", "kind"?: "caldav"}`): `url` is the
  server's address, the account's e-mail address or its domain (RFC 6764 discovery). 201: the
  connection and one new calendar per calendar of events found, filled at the server's next
  round (within seconds by default) and synced every few minutes; 422 when nothing answers
  there as a CalDAV account, the server refuses the user name or password, or the address
  leads to a private or local network (the outbound guard, docs/adr/0023); 409 when connected
  already. The password is never given back, in no answer, log line or export.
- `GET /connections`, `GET /connections/{id}`: each connection's server, user name and
  calendars, with how syncing each goes (`status`, `last_success`, `last_error`,
  `last_outcome`, `next_sync`) and how many changes made here wait to be written back
  (`waiting_changes`, `write_back_error`).
- `DELETE /connections/{id}` (204): the password is forgotten and the calendars deleted, or,
  with `?keep_events=true`, kept as ordinary calendars.
- `POST /connections/{id}/sync` (202): synced at the server's next round.
- `GET /connections/google/start`: `{"url"}`, Google's consent screen for the caller's Google
  account (docs/adr/0034); the browser comes back to `/oauth/google/callback`, which makes the
  connection (adapters/connections/google_pages.py). 422 when the server has no Google OAuth
  client. Removing a Google connection also revokes Televent's access at Google.

The mirrored calendars are listed under /calendars and their events under /events, and are
their owner's to change: each change is written back to the other server (docs/adr/0026).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, delete, get, post

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.application.connections import RemoteCalendarFound
from televent.domain.connections import (
    checked_kind,
    checked_password,
    checked_username,
    not_connected,
)
from televent.domain.errors import DomainError
from televent.projections.queries import ConnectionView, MirrorView


class ConnectRequest(msgspec.Struct, forbid_unknown_fields=True):
    """An account to connect: where, and as whom."""

    url: str
    username: str
    password: str
    kind: str = "caldav"


class MirroredCalendarJson(msgspec.Struct):
    id: str  # the Televent calendar's (its events are under /events like every calendar's)
    name: str
    url: str  # the remote calendar's
    status: str  # "waiting" (not synced yet), "ok", "failing"
    last_success: str | None
    last_error: str | None
    last_outcome: str | None
    next_sync: str | None
    # changes made in Televent not yet written back, and why writing one back failed last
    waiting_changes: int = 0
    write_back_error: str | None = None


class ConnectionJson(msgspec.Struct):
    id: str
    kind: str
    server: str
    username: str
    connected_at: str
    calendars: list[MirroredCalendarJson]


def _mirror_json(mirror: MirrorView) -> MirroredCalendarJson:
    return MirroredCalendarJson(
        id=str(mirror.calendar_id),
        name=mirror.name,
        url=mirror.url,
        status=mirror.state,
        last_success=mirror.last_success,
        last_error=mirror.last_error if mirror.failures else None,
        last_outcome=mirror.last_outcome,
        next_sync=mirror.next_due,
        waiting_changes=mirror.waiting,
        write_back_error=mirror.writeback_error,
    )


def connection_json(found: ConnectionView) -> ConnectionJson:
    return ConnectionJson(
        id=str(found.connection_id),
        kind=found.kind,
        server=found.server,
        username=found.username,
        connected_at=found.connected_at,
        calendars=[_mirror_json(m) for m in found.calendars],
    )


def connection_uuid(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise not_connected() from None


class GoogleStartJson(msgspec.Struct):
    url: str  # Google's consent screen; open it in the browser


class ConnectionsController(Controller):
    """The caller's connected accounts."""

    path = "/connections"
    tags = ["connections"]

    @get(summary="Your connected accounts")
    async def listing(self, caller: Caller, api: ApiContext) -> list[ConnectionJson]:
        """Every account on another server you connected, with its calendars."""
        found = await api.port.run(api.queries.connections_of, caller.account.account_id)
        return [connection_json(c) for c in found]

    @post(
        status_code=201,
        summary="Connect an account on another CalDAV server",
        responses=problem_responses(409, 422),
    )
    async def connect(
        self, caller: Caller, api: ApiContext, data: ConnectRequest
    ) -> ConnectionJson:
        """`{"url", "username", "password"}`: the server's address (or your e-mail address,
        or its domain), your user name there and a password; many providers (iCloud,
        Fastmail, Google Workspace) need an app password made for this. Its calendars of
        events become calendars here, filled within seconds and synced every few minutes."""
        if checked_kind(data.kind) == "google":
            raise DomainError(
                "A Google account is connected through Google's consent screen: ask for its "
                "address with /api/v1/connections/google/start."
            ).worded("refusal-connections-google-consent")
        username = checked_username(data.username)
        password = checked_password(data.password)
        assert api.discover is not None, "the composition root hands discovery in"
        account = await api.discover(data.url, username, password)
        connection_id = await api.port.run(
            _connect,
            api,
            caller,
            address=data.url.strip(),
            principal_url=account.principal_url,
            home_url=account.home_url,
            username=username,
            password=password,
            found=account.calendars,
        )
        return connection_json(
            await api.port.run(api.app.connection_of, connection_id, by=caller.account.account_id)
        )

    @get("/google/start", summary="Start connecting a Google account",
         responses=problem_responses(422))  # fmt: skip
    async def google_start(
        self, caller: Caller, api: ApiContext, request: Request[Any, Any, Any]
    ) -> GoogleStartJson:
        """The address of Google's consent screen: open it, choose the Google account and
        allow Televent to use its calendars; Google then sends the browser back here and the
        account's calendars appear among yours within seconds. The link works once, for ten
        minutes."""
        if api.google is None:
            raise DomainError("This server is not set up to connect Google accounts.").worded(
                "refusal-connections-google-off"
            )
        url = await api.port.run(
            api.app.start_google_consent,
            caller.account.account_id,
            api.google,
            api.public_url or str(request.base_url),
        )
        return GoogleStartJson(url=url)

    @get("/{connection_id:str}", summary="One connection", responses=problem_responses(404))
    async def one(self, caller: Caller, api: ApiContext, connection_id: str) -> ConnectionJson:
        """The connection and how syncing each of its calendars goes."""
        found = await api.port.run(
            api.app.connection_of, connection_uuid(connection_id), by=caller.account.account_id
        )
        return connection_json(found)

    @delete("/{connection_id:str}", status_code=204, summary="Remove a connection",
            responses=problem_responses(404))  # fmt: skip
    async def remove(
        self, caller: Caller, api: ApiContext, connection_id: str, keep_events: bool = False
    ) -> Response[None]:
        """The password is forgotten (a Google account's access revoked at Google); the
        calendars and their events are deleted here (not on the other server), or kept as
        ordinary calendars with `?keep_events=true`."""
        found = await api.port.run(
            api.app.connection_of, connection_uuid(connection_id), by=caller.account.account_id
        )
        secret, channels = None, []
        if found.kind == "google":
            _, secret = await api.port.run(api.app.credentials_of, found.connection_id)
            channels = await api.port.run(api.app.google_channels_of, found.connection_id)
        await api.port.run(
            api.app.remove_connection,
            connection_uuid(connection_id),
            by=caller.account.account_id,
            keep_events=keep_events,
            actor=caller.actor,
            source=caller.source,
        )
        if secret is not None and api.google is not None:
            # Google closes its push channels and forgets the grant too (best effort)
            await api.google.forget(secret, channels)
        return Response(None, status_code=204)

    @post(
        "/{connection_id:str}/sync",
        status_code=202,
        summary="Sync a connection's calendars again soon",
        responses=problem_responses(404),
    )
    async def sync(self, caller: Caller, api: ApiContext, connection_id: str) -> ConnectionJson:
        """Its calendars are synced at the server's next round (within seconds by default)."""
        found = await api.port.run(
            api.app.sync_soon, connection_uuid(connection_id), by=caller.account.account_id
        )
        return connection_json(found)


def _connect(
    api: ApiContext,
    caller: Caller,
    *,
    address: str,
    principal_url: str,
    home_url: str,
    username: str,
    password: str,
    found: Sequence[RemoteCalendarFound],
) -> UUID:
    return api.app.connect_account(
        caller.account.account_id,
        kind="caldav",
        address=address,
        principal_url=principal_url,
        home_url=home_url,
        username=username,
        password=password,
        calendars=found,
        actor=caller.actor,
        source=caller.source,
    )
