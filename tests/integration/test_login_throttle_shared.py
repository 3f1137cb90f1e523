"""The failed-login throttle's counts, in memory and in a real Redis server: counted per key
within a sliding window, forgotten after it, shared by every process on one Redis server; and
two real `televent serve` processes on one database refuse a guesser after 10 wrong passwords
in total, not 10 each, while another user behind the same address still logs in.

Client addresses are given in X-Forwarded-For, which the server believes from loopback."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from televent.adapters.login_failures import FailureLog, MemoryFailureLog, RedisFailureLog
from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts
from tests.integration.test_ratelimit import redis_url  # noqa: F401 - a fixture


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "redis"])
def make_log(request: pytest.FixtureRequest) -> Iterator[Callable[[float], FailureLog]]:
    """Makes failure logs with a given window that share their counts (two Redis clients on
    one server and prefix, as two processes would be; one memory log for the memory case)."""
    if request.param == "memory":
        logs: dict[float, MemoryFailureLog] = {}
        yield lambda window: logs.setdefault(window, MemoryFailureLog(window))
        return
    url = request.getfixturevalue("redis_url")
    prefix = f"test:{uuid.uuid4().hex}:"
    opened: list[RedisFailureLog] = []

    def make(window: float) -> FailureLog:
        opened.append(RedisFailureLog(url, window, prefix=prefix))
        return opened[-1]

    yield make
    for log in opened:
        log.close()


def test_failures_are_counted_per_key_and_shared(make_log: Callable[[float], FailureLog]) -> None:
    first, second = make_log(600), make_log(600)
    for _ in range(3):
        first.record(["pair:a", "user:bob"])
    second.record(["pair:b", "user:bob"])
    pair_a, pair_b, bob, nobody = second.recent(["pair:a", "pair:b", "user:bob", "user:x"])
    assert (pair_a.count, pair_b.count, bob.count, nobody.count) == (3, 1, 4, 0)
    assert 590 < pair_a.oldest_expires_in <= 600  # the oldest leaves the window in ~10 min
    assert nobody.oldest_expires_in == 0


def test_failures_leave_the_window(make_log: Callable[[float], FailureLog]) -> None:
    log = make_log(1.0)
    log.record(["pair:a"])
    assert log.recent(["pair:a"])[0].count == 1
    time.sleep(1.3)  # the window is the store's own clock (Redis's TIME for Redis)
    log.record(["pair:b"])
    assert [r.count for r in log.recent(["pair:a", "pair:b"])] == [0, 1]


def test_memory_log_forgets_idle_keys_and_keeps_each_key_small(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from televent.adapters import login_failures  # noqa: PLC0415

    monkeypatch.setattr(login_failures, "MAX_TRACKED_KEYS", 30)
    clock = Clock()
    log = MemoryFailureLog(600, clock)
    log.record(["old"])
    clock.now += 601
    for n in range(40):
        log.record([f"k{n}"])
    assert "old" not in log._failures
    for _ in range(login_failures.MAX_FAILURES_KEPT + 50):
        log.record(["busy"])
    assert log.recent(["busy"])[0].count == login_failures.MAX_FAILURES_KEPT


def test_an_unreachable_redis_counts_failures_in_memory(caplog: pytest.LogCaptureFixture) -> None:
    """Never off: a guesser still meets the throttle, counted by this process alone
    (tests/integration/test_ratelimit_redis_outage.py: the way back to Redis)."""
    log = RedisFailureLog("redis://127.0.0.1:1/0", 600)  # nothing listens on port 1
    log.record(["pair:a"])
    log.record(["pair:a"])
    assert log.recent(["pair:a"])[0].count == 2
    assert caplog.text.count("Failed logins kept by each process") == 1
    log.close()


def propfind(url: str, address: str, auth: tuple[str, str]) -> httpx.Response:
    headers = {"Depth": "0", "X-Forwarded-For": address}
    path = f"/dav/calendars/{auth[0]}/default/"
    return httpx.request("PROPFIND", url + path, headers=headers, auth=auth, timeout=60)


def api_me(url: str, address: str, auth: tuple[str, str]) -> httpx.Response:
    return httpx.get(url + "/api/v1/me", headers={"X-Forwarded-For": address}, auth=auth,
                     timeout=60)  # fmt: skip


def test_two_processes_refuse_a_guesser_after_ten_failures_in_all(
    backend: Backend,
    tmp_path: Path,
    redis_url: str,  # noqa: F811 - the fixture
) -> None:
    database_url = backend.fresh_url()
    users = seed_accounts(database_url)
    alice, bob = ("1", users[1]), ("2", users[2])
    count = 2 if backend.kind == "postgresql" else 1  # SQLite: one process
    settings = {**SERVER_SETTINGS, "TELEVENT_REDIS_URL": redis_url}
    net = f"203.0.{random.randint(0, 255)}"  # addresses no other run uses
    office = f"{net}.{random.randint(1, 254)}"
    with ExitStack() as stack:
        urls = [stack.enter_context(running_serve(database_url, tmp_path, settings))[0]
                for _ in range(count)]  # fmt: skip
        # Ten wrong passwords for Bob, alternating processes and protocols: each one is 401.
        statuses = []
        for n in range(10):
            ask = propfind if n % 2 else api_me
            statuses.append(ask(urls[n % count], office, ("2", f"guess-{n}")).status_code)
        assert statuses == [401] * 10
        # The eleventh is refused by every process, whichever it asks, the right password too.
        for url in urls:
            refused = propfind(url, office, ("2", "guess-again"))
            assert refused.status_code == 429, refused.text
            assert 0 < int(refused.headers["retry-after"]) <= 601
            assert propfind(url, office, bob).status_code == 429
            assert api_me(url, office, bob).status_code == 429
        # Alice, behind the same address, logs in on every process; Bob from elsewhere too.
        for url in urls:
            assert propfind(url, office, alice).status_code == 207
            assert api_me(url, office, alice).status_code == 200
            assert propfind(url, f"{net}.0", bob).status_code == 207
