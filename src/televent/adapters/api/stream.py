"""/api/v1/stream: Server-Sent Events telling an open Mini App (or a script) which of the
caller's calendars changed, as it happens (docs/adr/0028).

Each event is `id: <position>` and `data: {"calendar": <id as in /api/v1/calendars>,
"position": <the calendar's sync position>}`: a calendar the caller sees (their own, or one
shared with them) changed, appeared or went away. A client that reconnects sends the last id
it saw as `Last-Event-ID` and is told of every calendar that changed after it. Comment lines
keep the connection open through proxies.

One `ChangeWatcher` per process (change_watcher.py) polls the shared log, so a change written
through one process reaches a stream held by another; no LISTEN/NOTIFY is needed (SQLite has
none), at the cost of half a second of latency.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from litestar import get
from litestar.params import Parameter
from litestar.response import Stream

from televent.adapters.api.change_watcher import KEEP_ALIVE_SECONDS, ChangeWatcher
from televent.adapters.api.context import ApiContext, Caller

RETRY_MILLISECONDS = 3000  # how long a browser's EventSource waits before it reconnects


def _frame(event_id: int, calendar_id: str, position: int) -> bytes:
    data = json.dumps({"calendar": calendar_id, "position": position})
    return f"id: {event_id}\ndata: {data}\n\n".encode()


async def _events(
    watcher: ChangeWatcher, caller: Caller, since: int | None
) -> AsyncIterator[bytes]:
    listener = await watcher.listen(caller.account.account_id, since)
    try:
        yield f"retry: {RETRY_MILLISECONDS}\n: ready\n\n".encode()
        while True:
            try:
                item = await asyncio.wait_for(listener.queue.get(), KEEP_ALIVE_SECONDS)
            except TimeoutError:
                yield b": keep-alive\n\n"
                continue
            if item is None:
                return  # the server stops, or the reader fell too far behind
            yield _frame(*item)
    finally:
        watcher.leave(listener)


def _last_event_id(header: str | None, query: int | None) -> int | None:
    if query is not None:
        return query
    if header and header.strip().isdigit() and len(header.strip()) <= 18:
        return int(header.strip())
    return None


@get("/stream", summary="Changes to your calendars as they happen (Server-Sent Events)",
     tags=["calendars"])  # fmt: skip
async def stream(
    caller: Caller,
    api: ApiContext,
    last_event_id: Annotated[
        str | None, Parameter(header="Last-Event-ID", required=False, max_length=40)
    ] = None,
    since: Annotated[
        int | None,
        Parameter(description="as Last-Event-ID, for clients that cannot set it", ge=0, le=10**18),
    ] = None,
) -> Stream:
    """`text/event-stream`: an event `{"calendar", "position"}` whenever one of your calendars
    changes (and when one is added to or leaves your list); its `id` is a log position, sent
    back as `Last-Event-ID` when reconnecting to hear what changed meanwhile."""
    if api.watcher is None:
        raise RuntimeError("the live stream is not set up")
    return Stream(
        _events(api.watcher, caller, _last_event_id(last_event_id, since)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
