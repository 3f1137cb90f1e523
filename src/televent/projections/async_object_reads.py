"""The one read a CalDAV GET of one's own object needs, and the account a JSON API request signs
in as (remembered Basic credentials, or the Mini App's signed init data), made from PostgreSQL
on the event loop (docs/adr/0035): the statements the worker thread's way reads
(`OWN_OBJECT_FOR_DEVICE`, the directory's `account_with_device` and `account_by_telegram_id`),
on a few asynchronous connections of its own, so the request does not hop to a worker thread
and back for them, and a slow database holds up only the requests that read it (the loop
awaits).

Nothing here ever waits for a connection: when all are in use, or the database cannot be
reached, or a statement fails, the answer is "not answered here" (None) and the request takes
the worker thread's way, which answers and reports as it always has.

This is PostgreSQL's side of the event loop's reads (loop_reads.py; a local SQLite file is read
in place).
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import psycopg
from psycopg.rows import dict_row

from televent.domain.values import is_telegram_id
from televent.projections.calendar_view_reader import (
    OWN_OBJECT_FOR_DEVICE,
    ObjectView,
    own_object_of_row,
)
from televent.projections.directory_reader import (
    BY_TELEGRAM_ID,
    WITH_DEVICE,
    AccountView,
    account_of_rows,
    account_query,
)
from televent.projections.sql import to_pyformat

LOG = logging.getLogger(__name__)
CONNECT_SECONDS = 2


class AsyncObjectReads:
    """Reads one's own object on the event loop, on at most `size` connections."""

    def __init__(self, conninfo: str, size: int = 4) -> None:
        self.conninfo = conninfo
        self.size = size
        self._idle: list[psycopg.AsyncConnection[Any]] = []
        self._open = 0  # connections made and not closed (idle or in use)
        self._closed = False

    async def own_object_for_device(
        self, telegram_id: int, device_id: str, slug: str, href: str
    ) -> ObjectView | None:
        """The object, while the device is active (as `own_object_for_device` of the read
        model); None when it is not, when nothing is stored there, or when it cannot be read
        here without waiting."""
        if not is_telegram_id(telegram_id):
            return None
        rows = await self._read(OWN_OBJECT_FOR_DEVICE, (device_id, slug, href, telegram_id))
        return None if not rows else own_object_of_row(rows[0])

    async def account_with_device(self, telegram_id: int, device_id: str) -> AccountView | None:
        """The account while this device of theirs is active, with its addresses (as
        `account_with_device` of the read model, the same statement); None when it is not, or
        when it cannot be read here without waiting."""
        if not is_telegram_id(telegram_id):
            return None
        rows = await self._read(account_query(WITH_DEVICE), (telegram_id, device_id), dict_row)
        return account_of_rows(rows or [])

    async def account_by_telegram_id(self, telegram_id: int) -> tuple[bool, AccountView | None]:
        """Whether it was read here, and the account of a Telegram user (None: not registered),
        as `account_by_telegram_id` of the read model reads it (the same statement)."""
        if not is_telegram_id(telegram_id):
            return True, None
        rows = await self._read(account_query(BY_TELEGRAM_ID), (telegram_id,), dict_row)
        return (False, None) if rows is None else (True, account_of_rows(rows))

    async def _read(
        self, statement: str, params: tuple[Any, ...], factory: Any = None
    ) -> list[Any] | None:
        """The rows of one statement, or None when it cannot be read here without waiting."""
        if self._closed:
            return None
        connection = await self._take()
        if connection is None:
            return None
        try:
            cursor = connection.cursor(row_factory=factory) if factory else connection.cursor()
            await cursor.execute(to_pyformat(statement), params)
            rows = await cursor.fetchall()
        except (psycopg.Error, OSError) as error:
            LOG.info("Reading on the event loop failed (the worker thread answers): %s", error)
            await self._drop(connection)
            return None
        except BaseException:  # cancelled mid-read (a shutdown): its state is unknown
            await self._drop(connection)
            raise
        await self._give_back(connection)
        return list(rows)

    async def close(self) -> None:
        """Close the idle connections; any in use is closed when it comes back."""
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            await self._drop(connection)

    async def _take(self) -> psycopg.AsyncConnection[Any] | None:
        while self._idle:
            connection = self._idle.pop()
            if not connection.closed:
                return connection
            self._open -= 1
        if self._open >= self.size:
            return None  # all in use: the worker thread's way, rather than waiting here
        self._open += 1
        try:
            return await psycopg.AsyncConnection.connect(
                self.conninfo,
                autocommit=True,
                connect_timeout=CONNECT_SECONDS,
                application_name="televent-reads",
            )
        except (psycopg.Error, OSError) as error:
            self._open -= 1
            LOG.info("No connection for reads on the event loop: %s", error)
            return None
        except BaseException:  # cancelled while connecting
            self._open -= 1
            raise

    async def _give_back(self, connection: psycopg.AsyncConnection[Any]) -> None:
        if self._closed or connection.closed:  # closed meanwhile: let it go
            await self._drop(connection)
        else:
            self._idle.append(connection)

    async def _drop(self, connection: psycopg.AsyncConnection[Any]) -> None:
        self._open -= 1
        with contextlib.suppress(psycopg.Error, OSError):  # broken: nothing to close cleanly
            await connection.close()
