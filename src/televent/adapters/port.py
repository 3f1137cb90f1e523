"""The one bridge from async adapters (litestar, aiogram) to the synchronous application."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ParamSpec, TypeVar

import anyio
import anyio.to_thread

P = ParamSpec("P")
T = TypeVar("T")


# Changes in flight at once (`AppPort.write`, docs/adr/0037). Writes wait for one another at
# the database anyway (SQLite has one writer; PostgreSQL's log is locked for each), and every
# thread in flight contends for the interpreter with the reads. On SQLite a write is local work
# the interpreter does, so one at a time is fastest; on PostgreSQL one prepares while the other
# waits for the server's answers.
WRITERS = 2
SQLITE_WRITERS = 1


class AppPort:
    """Runs calls into the synchronous application on bounded pools of worker threads: one for
    reads, and a smaller one for writes."""

    def __init__(self, max_threads: int = 8, max_writers: int = WRITERS) -> None:
        self._limiter = anyio.CapacityLimiter(max_threads)
        self._writers = anyio.CapacityLimiter(max_writers)

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call `fn(*args, **kwargs)` on a worker thread and await its result."""
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=self._limiter)

    async def write(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call `fn(*args, **kwargs)`, which changes what is stored, on a worker thread of the
        writers' pool (at most `max_writers` at once, the others waiting their turn in order)
        and await its result."""
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=self._writers)
