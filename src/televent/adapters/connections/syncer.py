"""The job that syncs the calendars of connected accounts when they are due (docs/adr/0026).
It runs in the leader only (entrypoints/serve.py), so a remote calendar is asked once whatever
the number of processes.

Each round takes the mirrored calendars due (never synced ones first, and those with changes
made here to write back), sends those changes first (application/connection_writeback.py:
`If-Match`, and the other server's version stored when it changed meanwhile), then asks
several servers at once through the outbound guard what changed since the last sync token
(adapters/connections/caldav_client.py: sync-collection, or a listing by ETag), and hands the
changes to
`Televent.sync_mirror`, which stores only the difference; the token and the resources' ETags
are noted after it. The password is read from the log for each sync and held no longer than
its requests. A failure (the guard's refusal, the server's, an answer that is not CalDAV,
anything else) is noted with its reason and backs that calendar off; it never stops another
calendar's sync. One nobody expected (an error of Televent's own) is logged once with its
traceback and backs off the calendar's waiting write-backs with it, so that it is not taken
again at every round. A write-back whose conflict cannot be settled (the other server's
version cannot be read) backs off on its own, and the sync goes on. Resources the other server
did not give are named in the calendar's outcome (caldav_client: asked again next sync, or,
when too large to read, once they change).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Mapping, Sequence
from typing import Protocol
from uuid import UUID

from televent.adapters.connections.caldav_client import (
    CalDavClient,
    CalDavError,
    Changes,
    Credentials,
    RemoteChangedError,
    Resource,
    Write,
    WriteOutcome,
)
from televent.adapters.connections.google_client import GoogleCalendarClient, GoogleEndpoints
from televent.adapters.outbound import Outbound, OutboundError
from televent.adapters.outbound.rounds import each_on_its_own
from televent.adapters.port import AppPort
from televent.application.connection_writeback import WriteBack
from televent.application.connections import RemoteChange, known_hrefs
from televent.application.televent import Televent
from televent.domain.connections import CHANNEL_LIFETIME
from televent.domain.errors import NotFoundError
from televent.domain.values import Actor
from televent.projections.base import stamp
from televent.projections.queries import MirrorView

LOG = logging.getLogger(__name__)
ROUND = 50  # calendars taken per round
AT_ONCE = 8  # synced at the same time (each request bounded by the guard's time limit)
WRITE_BACKS = 100  # changes written back to one calendar per round
# how long one calendar's server may take to say what changed, all its requests together
# (each is bounded by the guard's time limit): a round, and every calendar in it, waits
SYNC_SECONDS = 300.0


class RemoteCalendars(Protocol):
    """What the syncer asks of the other side, CalDAV or Google (each raises CalDavError with
    its reason, RemoteChangedError for a write-back made against an older version)."""

    async def changes(
        self, calendar_url: str, token: str | None, known: Mapping[str, str | None]
    ) -> Changes: ...

    async def write_all(self, writes: Sequence[Write]) -> list[WriteOutcome]: ...

    async def get(self, url: str) -> Resource | None: ...


class ConnectionSyncer:
    """Syncs the mirrored calendars that are due."""

    def __init__(
        self,
        app: Televent,
        outbound: Outbound,
        port: AppPort | None = None,
        google: GoogleEndpoints | None = None,
    ) -> None:
        self.app = app
        self.outbound = outbound
        self.port = port or AppPort(2)
        self.google = google  # None: Google accounts are not synced (no OAuth client set)
        self.actor = Actor().encode()
        self.sync_seconds = SYNC_SECONDS

    def client(self, kind: str, username: str, secret: str) -> RemoteCalendars:
        """The client of a connection of `kind`, with its user name and password (CalDAV) or
        refresh token (Google)."""
        if kind == "google":
            if self.google is None:
                raise CalDavError(
                    "Google accounts cannot be synced: the operator set no Google OAuth client.",
                    "not-configured",
                )
            return GoogleCalendarClient(self.google, secret)
        return CalDavClient(self.outbound, Credentials(username, secret))

    async def run_once(self) -> int:
        """Sync every mirrored calendar due now (up to a round's worth); returns how many."""
        due = await self.port.run(self.app.queries.mirrors_due, stamp(self.app.clock()), ROUND)
        await each_on_its_own(
            due, self.sync, at_once=AT_ONCE, log=LOG,
            what=lambda mirror: f"Sync of mirrored calendar {mirror.calendar_id}",
        )  # fmt: skip
        return len(due)

    async def sync(self, mirror: MirrorView) -> str:
        """Sync one mirrored calendar; returns the outcome noted for it. Whatever fails is
        this calendar's failure, noted and backed off; never another calendar's."""
        began = self.app.clock()  # a sync asked for after this is kept (mirror_synced)
        try:
            return await self._sync(mirror, began)
        except (OutboundError, CalDavError) as exc:  # a request outside those expected to fail
            said = f"{exc.reason}: {exc}"
            return await self._failed(mirror.calendar_id, said, began, write_backs=True)
        except Exception as exc:
            if isinstance(exc, NotFoundError):
                gone = await self.port.run(self.app.queries.mirror, mirror.calendar_id)
                if gone is None:
                    return "gone"  # removed meanwhile
            LOG.exception("Sync of mirrored calendar %s failed unexpectedly", mirror.calendar_id)
            said = f"internal: {type(exc).__name__} (Televent's own error, logged)"
            return await self._failed(mirror.calendar_id, said, began, write_backs=True)

    async def _sync(self, mirror: MirrorView, began: dt.datetime) -> str:
        calendar_id = mirror.calendar_id
        try:
            username, password = await self.port.run(self.app.credentials_of, mirror.connection_id)
        except NotFoundError:
            return "gone"  # removed meanwhile
        try:
            client = self.client(mirror.kind, username, password)
        except CalDavError as exc:
            return await self._failed(calendar_id, f"{exc.reason}: {exc}", began)
        await self._write_back(client, mirror)
        known = await self.port.run(self.app.queries.remote_resources, calendar_id)
        try:
            async with asyncio.timeout(self.sync_seconds):
                changes = await client.changes(mirror.url, mirror.sync_token, known_hrefs(known))
        except (OutboundError, CalDavError) as exc:  # each says why in its `reason`
            return await self._failed(calendar_id, f"{exc.reason}: {exc}", began)
        except TimeoutError:
            said = f"timeout: the server took over {self.sync_seconds:g} s to say what changed"
            return await self._failed(calendar_id, said, began)
        # Resources left unread: what is here under them is not measured against them
        complete = (mirror.sync_token is None or changes.listed) and not changes.unread
        changed = [RemoteChange(r.url, r.etag, r.data) for r in changes.changed if r.data]
        try:
            report = await self.port.run(
                self.app.sync_mirror,
                calendar_id,
                changed,
                changes.removed,
                complete=complete,
                actor=self.actor,
                passed=changes.passed,
            )
        except NotFoundError:
            return "gone"
        if changes.unread:
            report = dataclasses.replace(report, unread=tuple(changes.unread))
            LOG.warning(
                "Sync of mirrored calendar %s left %d resources unread: %s",
                calendar_id, len(changes.unread), report.outcome,
            )  # fmt: skip
        await self.port.run(
            self.app.mirror_synced, calendar_id, report, token=changes.token,
            now=self.app.clock(), began=began,
        )  # fmt: skip
        if isinstance(client, GoogleCalendarClient):
            try:  # the sync is done and noted: a channel that cannot be kept leaves the
                await self._watch(client, mirror)  # calendar to the rounds, not failed
            except Exception:
                LOG.exception("Keeping a push channel for calendar %s failed", calendar_id)
        return report.outcome

    async def _watch(self, client: GoogleCalendarClient, mirror: MirrorView) -> None:
        """Keep a Google push channel open for the calendar when the server can receive one
        (docs/adr/0034): opened after its first sync, renewed a day before it expires, the
        one it replaces closed. A refusal leaves the calendar to the rounds alone."""
        address = client.endpoints.push_address
        if address is None:
            return
        due, old = await self.port.run(self.app.google_channel_due, mirror.calendar_id)
        if not due:
            return
        channel_id, token = str(uuid.uuid4()), secrets.token_urlsafe(32)
        try:
            resource_id, expires_at = await client.watch(
                mirror.url, channel_id=channel_id, address=address, token=token,
                expires_at=self.app.clock() + CHANNEL_LIFETIME,
            )  # fmt: skip
        except CalDavError as exc:
            LOG.warning("Google push channel for %s not opened: %s", mirror.calendar_id, exc.reason)
            return
        await self.port.run(
            self.app.google_channel_opened, mirror.calendar_id, channel_id=channel_id,
            resource_id=resource_id, token=token, expires_at=expires_at,
        )  # fmt: skip
        if old is not None:
            with contextlib.suppress(CalDavError):
                await client.stop(old.channel_id, old.resource_id)

    async def _write_back(self, client: RemoteCalendars, mirror: MirrorView) -> None:
        """Send the changes made here that are due (together where the other side takes a
        batch), each with its own outcome: a failure backs that one off; a conflict stores the
        other server's version over Televent's (the person is told; docs/adr/0026)."""
        due = await self.port.run(
            self.app.write_backs_due, mirror.calendar_id, mirror.url, WRITE_BACKS, mirror.kind
        )
        sent = [
            (item, Write(item.url, item.data, item.etag, item.new))
            for item in due
            if item.url is not None
        ]
        outcomes = await client.write_all([write for _, write in sent])
        # an event made and deleted here before it ever reached the other server: nothing sent
        settled: list[tuple[WriteBack, str | None]] = [(i, None) for i in due if i.url is None]
        for (item, _), outcome in zip(sent, outcomes, strict=True):
            if isinstance(outcome, RemoteChangedError):
                try:
                    await self._overruled(client, item)
                except NotFoundError:
                    raise  # the calendar is gone (sync tells)
                except (OutboundError, CalDavError) as exc:  # its version could not be read
                    await self._write_back_failed(mirror, item, f"{exc.reason}: {exc}")
                except Exception as exc:
                    LOG.exception("Settling the write-back of event %s failed", item.event_id)
                    said = f"internal: {type(exc).__name__} (Televent's own error, logged)"
                    await self._write_back_failed(mirror, item, said)
            elif isinstance(outcome, (OutboundError, CalDavError)):
                await self._write_back_failed(mirror, item, f"{outcome.reason}: {outcome}")
            else:
                settled.append((item, outcome))
        if settled:
            await self.port.run(self.app.written_back_all, settled)

    async def _write_back_failed(self, mirror: MirrorView, item: WriteBack, error: str) -> None:
        """The change could not be written back: it backs off, and says why."""
        failures = await self.port.run(
            self.app.write_back_failed, item, error=error, now=self.app.clock()
        )
        LOG.warning(
            "Write-back of event %s to %s failed (%d in a row): %s",
            item.event_id, mirror.url, failures, error.split(":", 1)[0],
        )  # fmt: skip

    async def _overruled(self, client: RemoteCalendars, item: WriteBack) -> None:
        """The resource changed or went on the other server since it was last seen: its
        version is stored here (sync_mirror tells the person what theirs was)."""
        assert item.url is not None  # only a request can be refused
        remote = await client.get(item.url)
        changed = [] if remote is None or remote.data is None else [
            RemoteChange(item.url, remote.etag, remote.data)
        ]  # fmt: skip
        report = await self.port.run(
            self.app.sync_mirror, item.calendar_id, changed, [] if changed else [item.url],
            complete=False, actor=self.actor,
        )  # fmt: skip
        await self.port.run(self.app.write_back_resolved, item, report)

    async def _failed(
        self, calendar_id: UUID, error: str, began: dt.datetime, *, write_backs: bool = False
    ) -> str:
        """Note the failure, back the calendar off (with its waiting `write_backs`: they would
        make it due again at once); returns the outcome."""
        failures = await self.port.run(
            self.app.mirror_failed, calendar_id, now=self.app.clock(), error=error, began=began,
            write_backs=write_backs,
        )  # fmt: skip
        LOG.warning(
            "Sync of mirrored calendar %s failed (%d in a row): %s", calendar_id, failures, error
        )
        return error
