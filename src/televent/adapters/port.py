"""The one bridge from async adapters (litestar, aiogram) to the synchronous application."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ParamSpec, TypeVar

import anyio
import anyio.to_thread

P = ParamSpec("P")
T = TypeVar("T")


class AppPort:
    """Runs calls into the synchronous application on a bounded pool of worker threads."""

    def __init__(self, max_threads: int = 8) -> None:
        self._limiter = anyio.CapacityLimiter(max_threads)

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call `fn(*args, **kwargs)` on a worker thread and await its result."""
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=self._limiter)
