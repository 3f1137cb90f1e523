"""Edits of group event cards, coalesced (docs/adr/0018): a burst of taps on one card becomes
at most one edit per card every `interval` seconds, within Telegram's limits on edits in a
group, and the last edit always shows the state after the last tap (each edit renders the card
when it is made, not when it was asked for).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable

LOG = logging.getLogger(__name__)
DEFAULT_INTERVAL = 1.5  # seconds between two edits of one card

Edit = Callable[[], Awaitable[None]]


class CardEdits:
    """One pending edit per card at a time; asks while one waits are folded into it."""

    def __init__(self, interval: float = DEFAULT_INTERVAL) -> None:
        self.interval = interval
        self._last: dict[Hashable, float] = {}  # when each card's last edit was made (loop time)
        self._pending: dict[Hashable, asyncio.Task[None]] = {}
        self._again: set[Hashable] = set()  # asked for while an edit was being made

    def request(self, key: Hashable, edit: Edit) -> None:
        """Edit the card soon: now if it was not edited within the interval, else when the
        interval is over (one edit for every ask until then)."""
        if key in self._pending:
            self._again.add(key)
            return
        self._forget_old()
        self._pending[key] = asyncio.create_task(self._run(key, edit), name="group-card-edit")

    async def settle(self) -> None:
        """Wait until no edit is pending (tests; shutting down)."""
        while self._pending:
            await asyncio.gather(*self._pending.values(), return_exceptions=True)

    async def _run(self, key: Hashable, edit: Edit) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                wait = self._last.get(key, float("-inf")) + self.interval - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._again.discard(key)
                try:
                    await edit()
                except asyncio.CancelledError:
                    raise
                except Exception:  # a card that cannot be edited: the answers stand all the same
                    LOG.warning("Could not edit a group card", exc_info=True)
                # counted from when the edit was made (the card drawn and sent), so however
                # long drawing takes, two edits of a card are an interval apart
                self._last[key] = loop.time()
                if key not in self._again:
                    return
        finally:
            self._pending.pop(key, None)
            self._again.discard(key)

    def _forget_old(self) -> None:
        now = asyncio.get_running_loop().time()
        for key in [k for k, at in self._last.items() if now - at > self.interval]:
            if key not in self._pending:
                del self._last[key]
