"""The one read a CalDAV GET of one's own object needs, made from PostgreSQL on the event loop
(docs/adr/0035): the statement the worker thread's way reads (`OWN_OBJECT_FOR_DEVICE`), on a
few asynchronous connections of its own, so the request does not hop to a worker thread and
back, and a slow database holds up only the requests that read it (the loop awaits).

Nothing here ever waits for a connection: when all are in use, or the database cannot be
reached, or a statement fails, the answer is "not answered here" (None) and the request takes
the worker thread's way, which answers and reports as it always has.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import psycopg

from televent.domain.values import is_telegram_id
from televent.projections.calendar_view_reader import (
    OWN_OBJECT_FOR_DEVICE,
    ObjectView,
    own_object_of_row,
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
        if not is_telegram_id(telegram_id) or self._closed:
            return None
        connection = await self._take()
        if connection is None:
            return None
        try:
            cursor = await connection.execute(
                to_pyformat(OWN_OBJECT_FOR_DEVICE), (device_id, slug, href, telegram_id)
            )
            row = await cursor.fetchone()
        except (psycopg.Error, OSError) as error:
            LOG.info("Reading on the event loop failed (the worker thread answers): %s", error)
            await self._drop(connection)
            return None
        except BaseException:  # cancelled mid-read (a shutdown): its state is unknown
            await self._drop(connection)
            raise
        await self._give_back(connection)
        return own_object_of_row(row)

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
