"""The leader lease on a real PostgreSQL: one holder at a time, taken over when the holder
releases it or is killed (kill -9), and the once-only jobs run by exactly one runner."""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

from televent.infrastructure.database import DatabaseUrl
from televent.infrastructure.leader import AdvisoryLockLease, AlwaysLeader, lead, lease_for

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from televent.infrastructure.database import DatabaseUrl
from televent.infrastructure.leader import AdvisoryLockLease
lease = AdvisoryLockLease(DatabaseUrl.parse(sys.argv[1]), int(sys.argv[2]))
assert lease.try_acquire()
print("held", flush=True)
time.sleep(600)
"""


def _key() -> int:
    return random.randint(1, 2**62)


def test_one_process_holds_the_lease_until_it_releases_it(postgres_test_database: str) -> None:
    url, key = DatabaseUrl.parse(postgres_test_database), _key()
    first, second = AdvisoryLockLease(url, key), AdvisoryLockLease(url, key)
    try:
        assert first.try_acquire()
        assert first.try_acquire()  # taking it again while holding it is fine
        assert not second.try_acquire()
        assert first.still_held() and not second.still_held()
        first.release()
        assert not first.still_held()
        assert second.try_acquire()
        assert not first.try_acquire()
    finally:
        first.release()
        second.release()


def test_the_lease_of_a_killed_process_is_taken_over(postgres_test_database: str) -> None:
    key = _key()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, postgres_test_database, str(key)],
        stdout=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    lease = AdvisoryLockLease(DatabaseUrl.parse(postgres_test_database), key)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"held"
        assert not lease.try_acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        deadline = time.monotonic() + 15
        while not lease.try_acquire():
            assert time.monotonic() < deadline, "the dead holder's lease was never freed"
            time.sleep(0.1)
        assert lease.still_held()
    finally:
        if holder.poll() is None:
            holder.kill()
        lease.release()


def test_only_the_leaders_jobs_run_and_the_other_takes_over_when_it_stops(
    postgres_test_database: str,
) -> None:
    url, key = DatabaseUrl.parse(postgres_test_database), _key()
    running: list[str] = []
    started: list[str] = []

    def job(name: str) -> contextlib.AbstractAsyncContextManager[None]:
        @contextlib.asynccontextmanager
        async def lifespan() -> AsyncIterator[None]:
            running.append(name)
            started.append(name)
            try:
                yield
            finally:
                running.remove(name)

        return lifespan()

    async def run_sync(fn: object, *args: object) -> object:
        return await asyncio.to_thread(fn, *args)  # type: ignore[arg-type]

    async def scenario() -> None:
        one = asyncio.create_task(
            lead(AdvisoryLockLease(url, key), [lambda: job("one")], run=run_sync, interval=0.1)
        )
        while not running:
            await asyncio.sleep(0.05)
        two = asyncio.create_task(
            lead(AdvisoryLockLease(url, key), [lambda: job("two")], run=run_sync, interval=0.1)
        )
        await asyncio.sleep(0.5)  # "two" tries several times meanwhile
        assert running == ["one"]
        one.cancel()  # a graceful shutdown: the jobs stop, the lease is released
        with contextlib.suppress(asyncio.CancelledError):
            await one
        while running != ["two"]:
            await asyncio.sleep(0.05)
        two.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await two

    asyncio.run(scenario())
    assert started == ["one", "two"]
    assert running == []


def test_on_sqlite_the_single_process_is_always_the_leader(tmp_path: Path) -> None:
    lease = lease_for(DatabaseUrl.parse(f"sqlite:///{tmp_path}/televent.db"))
    assert isinstance(lease, AlwaysLeader)
    assert lease.try_acquire() and lease.still_held()
