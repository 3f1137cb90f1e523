"""The reads a request makes on the event loop (docs/adr/0035): the object a CalDAV GET of one's
own object asks for, and the account a JSON API request signs in as (remembered Basic
credentials, or the Mini App's signed init data).

One object with the same three questions for both backends, chosen once by `loop_reads_for`,
so that no adapter asks which database it runs on:

- `LocalFileReads` reads a local SQLite file at once (a WAL reader never waits for a writer:
  the read costs less than the hop to a worker thread and back);
- `AsyncObjectReads` (async_object_reads.py) awaits the same statements from PostgreSQL on a
  few connections of its own, and answers "not read here" rather than wait for one.

Every answer means what the worker thread's way would answer; "not read here" (None, or False
for the account) sends the request that way, which answers and reports as it always has.
"""

from __future__ import annotations

from typing import Protocol

from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.projections.async_object_reads import AsyncObjectReads
from televent.projections.calendar_view_reader import ObjectView
from televent.projections.directory_reader import AccountView
from televent.projections.queries import Queries


class LoopReads(Protocol):
    """The reads a request may make on the event loop."""

    async def own_object_for_device(
        self, telegram_id: int, device_id: str, slug: str, href: str
    ) -> ObjectView | None:
        """The object stored under `href` in the user's own calendar `slug` while this device
        of theirs is active; None when it is not, when nothing is stored there, or when it
        cannot be read here without waiting."""
        ...

    async def account_with_device(self, telegram_id: int, device_id: str) -> AccountView | None:
        """The account while this device of theirs is active; None when it is not, or when it
        cannot be read here without waiting."""
        ...

    async def account_by_telegram_id(self, telegram_id: int) -> tuple[bool, AccountView | None]:
        """Whether it was read here, and the Telegram user's account (None: not registered)."""
        ...

    async def close(self) -> None:
        """Let go of what the reads hold (at the server's shutdown)."""
        ...


class LocalFileReads:
    """The reads of a local SQLite file, made at once on the event loop (the read model's own
    statements: `Queries`, one connection per thread)."""

    def __init__(self, queries: Queries) -> None:
        self.queries = queries

    async def own_object_for_device(
        self, telegram_id: int, device_id: str, slug: str, href: str
    ) -> ObjectView | None:
        return self.queries.own_object_for_device(telegram_id, device_id, slug, href)

    async def account_with_device(self, telegram_id: int, device_id: str) -> AccountView | None:
        return self.queries.account_with_device(telegram_id, device_id)

    async def account_by_telegram_id(self, telegram_id: int) -> tuple[bool, AccountView | None]:
        return True, self.queries.account_by_telegram_id(telegram_id)

    async def close(self) -> None:
        return None  # the thread's connections are the read model's, closed with it


def loop_reads_for(database: DatabaseUrl, queries: Queries) -> LoopReads:
    """The reads on the event loop for this database: awaited from PostgreSQL on connections
    of their own, or made at once from the SQLite file."""
    if database.dialect is Dialect.POSTGRES:
        return AsyncObjectReads(database.conninfo())
    return LocalFileReads(queries)
