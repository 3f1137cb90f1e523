"""A round of requests to addresses people chose (feeds, other CalDAV servers, push services,
webhooks): a few at once, each on its own, so one slow or failing server never stops or fails
another's; and the loop of a sender that runs rounds while there is work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def each_on_its_own(
    items: Sequence[T],
    work: Callable[[T], Awaitable[object]],
    *,
    at_once: int,
    log: logging.Logger,
    what: Callable[[T], str],
) -> None:
    """Run `work` for every item, `at_once` at a time; an exception is logged (`what` names the
    item) and ends that item's work only."""
    gate = asyncio.Semaphore(at_once)

    async def one(item: T) -> None:
        async with gate:
            try:
                await work(item)
            except Exception:
                log.exception("%s failed", what(item))

    await asyncio.gather(*(one(item) for item in items))


async def keep_sending(
    run_once: Callable[[], Awaitable[int]], *, idle: float, log: logging.Logger, what: str
) -> None:
    """Run rounds for ever: the next at once after a round that did something, after `idle`
    seconds otherwise; a failing round is logged (`what` names it) and never ends the loop."""
    while True:
        try:
            done = await run_once()
        except Exception:
            log.exception("%s failed", what)
            done = 0
        if not done:
            await asyncio.sleep(idle)
