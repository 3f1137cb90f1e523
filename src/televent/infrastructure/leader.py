"""The leader lease: which one of several processes runs the jobs that must run once.

On PostgreSQL the lease is a session advisory lock (`pg_try_advisory_lock`) held on a
connection of its own. The lock lives exactly as long as that session: when the leader exits,
is killed (kill -9) or its host vanishes, the server ends the session and frees the lock, and
another process takes it at its next try (every `interval` seconds). A killed process's socket
is closed by its kernel, so the server notices at once; a vanished host is noticed through TCP
keepalives, which the connection turns on both ways (a few seconds).

The leader checks its session every `interval` seconds; if the session is gone (the database
restarted, the network cut it), it stops its jobs before anyone else can have started them
for longer than one interval. The jobs tolerate that overlap anyway: delivery queues are
claimed row by row, reminders and digests are queued under unique keys, and inbound mail is
recorded by Message-ID.

On SQLite there is one process (the database is a file of this host, and `serve --workers`
refuses it), so that process is always the leader.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from typing import Any, Protocol

import psycopg

from televent.infrastructure.database import DatabaseUrl, Dialect

LOG = logging.getLogger(__name__)
# One 64-bit key for the whole deployment (every database has its own advisory locks).
LEASE_KEY = int.from_bytes(hashlib.sha256(b"televent leader").digest()[:8], "big", signed=True)
# Server-side keepalives (seconds): a host that vanished loses its lease within about
# idle + interval * count.
SERVER_KEEPALIVES = (
    "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3"
)


class Lease(Protocol):
    """A lease some process holds at a time."""

    def try_acquire(self) -> bool:
        """Take the lease if nobody holds it; True if this process holds it now."""
        ...

    def still_held(self) -> bool:
        """Whether this process still holds the lease it took."""
        ...

    def release(self) -> None:
        """Give the lease up (harmless when not held)."""
        ...


class AlwaysLeader:
    """The lease of a single-process deployment (SQLite): always held."""

    def try_acquire(self) -> bool:
        return True

    def still_held(self) -> bool:
        return True

    def release(self) -> None:
        return None


class AdvisoryLockLease:
    """A PostgreSQL session advisory lock on a dedicated connection."""

    def __init__(self, url: DatabaseUrl, key: int = LEASE_KEY, connect_timeout: int = 3) -> None:
        self.url = url
        self.key = key
        self.connect_timeout = connect_timeout
        self._connection: psycopg.Connection[Any] | None = None
        self._held = False

    def _connect(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.closed:
            self._connection = psycopg.connect(
                host=self.url.host,
                port=self.url.port,
                user=self.url.user,
                password=self.url.password or None,
                dbname=self.url.dbname,
                autocommit=True,
                connect_timeout=self.connect_timeout,
                application_name="televent-leader",
                keepalives=1,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=3,
                options=SERVER_KEEPALIVES,
            )
        return self._connection

    def try_acquire(self) -> bool:
        if self._held and self.still_held():
            return True
        try:
            row = self._connect().execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
        except psycopg.Error:
            self._drop()
            raise
        self._held = bool(row and row[0])
        return self._held

    def still_held(self) -> bool:
        if not self._held or self._connection is None:
            return False
        try:
            row = self._connection.execute(
                "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND pid = pg_backend_pid() AND objid = (%s::bigint & 4294967295)::oid",
                (self.key,),
            ).fetchone()
        except psycopg.Error:
            self._drop()
            return False
        self._held = row is not None
        return self._held

    def release(self) -> None:
        if self._connection is not None and self._held:
            with contextlib.suppress(psycopg.Error):
                self._connection.execute("SELECT pg_advisory_unlock(%s)", (self.key,))
        self._drop()

    def _drop(self) -> None:
        self._held = False
        if self._connection is not None:
            with contextlib.suppress(psycopg.Error):
                self._connection.close()
        self._connection = None


def lease_for(url: DatabaseUrl) -> Lease:
    """The lease for a database: an advisory lock on PostgreSQL, always held on SQLite."""
    return AdvisoryLockLease(url) if url.dialect is Dialect.POSTGRES else AlwaysLeader()


Job = Callable[[], AbstractAsyncContextManager[None]]
Run = Callable[..., Awaitable[Any]]


async def lead(
    lease: Lease,
    jobs: Sequence[Job],
    *,
    run: Run,
    interval: float = 2.0,
    on_change: Callable[[bool], None] | None = None,
) -> None:
    """Until cancelled: wait for the lease, run the jobs while it is held, stop them when it
    is lost; on cancellation stop them and release the lease. `run` calls the lease's
    (blocking) methods off the event loop."""
    try:
        while True:
            try:
                held = await run(lease.try_acquire)
            except Exception as exc:  # the database is away: try again
                LOG.warning("Leader lease: cannot reach the database (%s); retrying", exc)
                held = False
            if not held:
                await asyncio.sleep(interval)
                continue
            LOG.warning("Leader lease taken: this process runs the once-only jobs")
            if on_change is not None:
                on_change(True)
            try:
                async with AsyncExitStack() as stack:
                    for job in jobs:
                        await stack.enter_async_context(job())
                    while await _still_held(lease, run):
                        await asyncio.sleep(interval)
                LOG.warning("Leader lease lost: the once-only jobs stopped here")
            finally:
                if on_change is not None:
                    on_change(False)
    finally:
        with contextlib.suppress(Exception):
            await asyncio.shield(run(lease.release))


async def _still_held(lease: Lease, run: Run) -> bool:
    try:
        return bool(await run(lease.still_held))
    except Exception:
        return False
