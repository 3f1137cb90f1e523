"""The bridge from async adapters to the synchronous application (adapters/port.py): writes
run on a pool of their own, at most `max_writers` at once, the others waiting their turn, while
reads go on beside them."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from televent.adapters.port import AppPort
from televent.entrypoints.serve import app_port_for
from televent.infrastructure.database import Dialect


def test_at_most_two_writes_run_at_once_and_reads_go_on_beside_them() -> None:
    port = AppPort(max_threads=4, max_writers=2)
    lock = threading.Lock()
    running: list[int] = []
    started: list[int] = []
    most = 0
    release = threading.Event()

    def write(number: int) -> int:
        nonlocal most
        with lock:
            running.append(number)
            started.append(number)
            most = max(most, len(running))
        release.wait(10)
        with lock:
            running.remove(number)
        return number

    async def scenario() -> tuple[list[int], str]:
        writes = []
        for number in range(6):
            writes.append(asyncio.ensure_future(port.write(write, number)))
            await asyncio.sleep(0)  # each is asked for in turn
        deadline = time.monotonic() + 10
        while len(started) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)  # a third write would have started by now
        assert len(started) == 2
        read = await asyncio.wait_for(port.run(lambda: "read"), 5)  # not held up
        release.set()
        return list(await asyncio.gather(*writes)), read

    answers, read = asyncio.run(scenario())
    assert answers == [0, 1, 2, 3, 4, 5]
    assert read == "read"
    assert most == 2
    assert sorted(started[:2]) == [0, 1] and sorted(started) == [0, 1, 2, 3, 4, 5]


def writes_at_once(port: AppPort, asked: int = 4, expected: int = 1) -> int:
    """How many of `asked` writes asked for together the port runs at once (waiting up to ten
    seconds for `expected` of them to start, and a little more for any further one)."""
    started: list[int] = []
    release = threading.Event()

    def write(number: int) -> None:
        started.append(number)
        release.wait(10)

    async def scenario() -> int:
        writes = [asyncio.ensure_future(port.write(write, n)) for n in range(asked)]
        deadline = time.monotonic() + 10
        while len(started) < expected and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        at_once = len(started)
        release.set()
        await asyncio.gather(*writes)
        return at_once

    return asyncio.run(scenario())


@pytest.mark.parametrize(("dialect", "writers"), [(Dialect.SQLITE, 1), (Dialect.POSTGRES, 2)])
def test_the_server_writes_one_at_a_time_on_sqlite_and_two_on_postgresql(
    dialect: Dialect, writers: int
) -> None:
    assert writes_at_once(app_port_for(dialect), expected=writers) == writers
