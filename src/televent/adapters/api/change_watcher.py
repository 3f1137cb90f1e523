"""One per process: tells the open live streams which of their calendars changed
(adapters/api/stream.py, docs/adr/0028).

It looks at the log's head every half second (a primary-key lookup) while streams are open;
when it moved, it asks which calendars changed since (an indexed range of
`calendars.sync_position`) and who sees them, and compares only those people's calendar lists.
Memberships and deletions move no calendar's position: a change in how many calendars and
memberships there are makes every stream compare its whole list. The log is shared by every
process, so a change written through one reaches a stream held by another.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from televent.adapters.port import AppPort
from televent.domain.sharing import Status
from televent.projections.queries import Queries

LOG = logging.getLogger(__name__)
POLL_SECONDS = 0.5
KEEP_ALIVE_SECONDS = 15.0

MAX_QUEUED = 1000  # events waiting for a slow reader; more and it is told to start over

Positions = dict[str, int]  # calendar id -> its sync position


@dataclass(eq=False)
class Listener:
    account_id: UUID
    queue: asyncio.Queue[tuple[int, str, int] | None] = field(
        default_factory=lambda: asyncio.Queue(MAX_QUEUED)
    )
    known: Positions = field(default_factory=dict)


class ChangeWatcher:
    """Tells the open streams of this process which of their calendars changed."""

    def __init__(self, queries: Queries, port: AppPort | None = None) -> None:
        self.queries = queries
        self.port = port or AppPort(1)
        self.listeners: set[Listener] = set()
        self.stopping: Callable[[], bool] = lambda: False  # the server is shutting down
        self._task: asyncio.Task[None] | None = None
        self._head = 0
        self._shape: tuple[Any, ...] = ()

    async def listen(self, account_id: UUID, since: int | None) -> Listener:
        """A new stream's listener; with `since`, what changed after it is queued at once."""
        listener = Listener(account_id)
        listener.known = await self.port.run(self._positions, account_id)
        if since is not None:
            for calendar_id, position in listener.known.items():
                if position > since:
                    listener.queue.put_nowait((position, calendar_id, position))
        self.listeners.add(listener)
        if self._task is None or self._task.done():
            self._head = await self.port.run(self.queries.log_head)
            self._shape = await self.port.run(self._structure)
            self._task = asyncio.get_running_loop().create_task(self._watch())
        return listener

    def leave(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    async def close(self) -> None:
        """End every stream (the server stops) and the watching."""
        for listener in list(self.listeners):
            with contextlib.suppress(asyncio.QueueFull):
                listener.queue.put_nowait(None)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _watch(self) -> None:
        while self.listeners:
            if self.stopping():
                await self.close()
                return
            try:
                await self.tick()
            except Exception:  # the database may be busy or restarting: look again soon
                LOG.exception("Watching for calendar changes failed")
            await asyncio.sleep(POLL_SECONDS)

    async def tick(self) -> None:
        """Tell the listeners of whatever changed since the last look."""
        head = await self.port.run(self.queries.log_head)
        if head <= self._head:
            return
        readers = await self.port.run(self._readers_of_changes, self._head)
        shape = await self.port.run(self._structure)
        everyone = shape != self._shape
        self._head, self._shape = head, shape
        affected = {
            listener.account_id
            for listener in self.listeners
            if everyone or str(listener.account_id) in readers
        }
        positions = {account: await self.port.run(self._positions, account) for account in affected}
        for listener in list(self.listeners):
            if listener.account_id not in positions:
                continue
            now = positions[listener.account_id]
            events = [
                (position, calendar_id, position)
                for calendar_id, position in now.items()
                if listener.known.get(calendar_id) != position
            ]  # changed, or new to the listener's list
            events += [(head, gone, head) for gone in listener.known if gone not in now]
            listener.known = now
            for event in sorted(events):
                try:
                    listener.queue.put_nowait(event)
                except asyncio.QueueFull:  # a reader that stopped reading: it starts over
                    self.leave(listener)
                    with contextlib.suppress(asyncio.QueueFull):
                        listener.queue.put_nowait(None)
                    break

    def _positions(self, account_id: UUID) -> Positions:
        return {
            str(seen.calendar_id): seen.view.sync_position
            for seen in self.queries.seen_calendars(account_id)
        }

    def _readers_of_changes(self, position: int) -> set[str]:
        """Everyone who sees a calendar changed after `position` (account ids)."""
        with self.queries.reader.read() as db:
            rows = db.all(
                "SELECT calendar_id, account_id FROM calendars WHERE sync_position > ?",
                (position,),
            )
            calendars = {str(row["calendar_id"]) for row in rows}
            readers = {str(row["account_id"]) for row in rows}
            if calendars:
                marks = ", ".join("?" for _ in calendars)
                readers |= {
                    str(row["account_id"])
                    for row in db.all(
                        f"SELECT account_id FROM calendar_members WHERE calendar_id IN ({marks}) "
                        "AND status = ?",
                        (*sorted(calendars), Status.ACTIVE.value),
                    )
                }
        return readers

    def _structure(self) -> tuple[Any, ...]:
        """What changes when a calendar goes or a membership changes (no position moves)."""
        with self.queries.reader.read() as db:
            calendars = db.scalar("SELECT COUNT(*) FROM calendars")
            members = db.one("SELECT COUNT(*) AS n, MAX(position) AS p FROM calendar_members")
        return (calendars, *(members or {}).values())
