"""Rate limits when the Redis server they share goes away and comes back (a Redis server the
test starts itself): each process keeps limiting in its own memory, never switched off, and
says so (`/ready`, the metrics, one warning); once Redis answers again the buckets are shared
again."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from televent.adapters.login_failures import RedisFailureLog
from televent.adapters.metrics import RATE_LIMIT_LOCAL, RATE_LIMIT_SHARED
from televent.adapters.ratelimit import Policy, RedisStore
from televent.adapters.redis_outage import redacted
from tests.conftest import Backend
from tests.e2e.conftest import running_serve, seed_accounts
from tests.integration.test_ratelimit_processes import LIMITS, propfind
from tests.redis_server import RedisServer


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    with RedisServer(tmp_path) as server:
        yield server


def _value(metric: object, limit: str = "requests") -> float:
    return float(metric.labels(limit)._value.get())  # type: ignore[attr-defined]


def test_limits_fall_back_to_memory_and_come_back(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    policy = Policy("address", 1, 2)  # two at once, then one a minute
    prefix = f"televent:rl:outage-{random.randint(0, 10**9)}:"

    async def scenario() -> None:
        store = RedisStore(redis_server.url, prefix, retry_seconds=0.2)
        try:
            assert await store.check() == "ok"
            assert (await store.take("a", policy)).allowed
            assert _value(RATE_LIMIT_SHARED) == 1
            in_redis = redis.Redis.from_url(redis_server.url)
            assert in_redis.exists(prefix + "a")

            redis_server.stop()
            local_before = _value(RATE_LIMIT_LOCAL)
            with caplog.at_level(logging.WARNING, logger="televent.adapters.ratelimit"):
                # still limited, in this process's memory: two, then refused
                answers = [(await store.take("b", policy)).allowed for _ in range(3)]
            assert answers == [True, True, False]
            assert _value(RATE_LIMIT_SHARED) == 0
            assert _value(RATE_LIMIT_LOCAL) - local_before == 3
            assert caplog.text.count("Rate limits kept by each process") == 1
            said = await store.check()
            assert said.startswith("unreachable since ") and "kept by each process" in said

            redis_server.start()  # the same port, an empty server
            for _ in range(50):  # bounded: at most ten seconds
                if await store.check() == "ok":
                    break
                await asyncio.sleep(0.2)
            assert await store.check() == "ok"
            assert _value(RATE_LIMIT_SHARED) == 1
            assert (await store.take("c", policy)).allowed
            assert redis.Redis.from_url(redis_server.url).exists(prefix + "c"), "shared again"
            assert "Rate limits shared again" in caplog.text
        finally:
            await store.close()

    asyncio.run(scenario())


def test_failed_logins_are_counted_in_memory_and_in_redis_again(
    redis_server: RedisServer,
) -> None:
    prefix = f"televent:login:outage-{random.randint(0, 10**9)}:"
    log = RedisFailureLog(redis_server.url, 600, prefix, retry_seconds=0.2)
    try:
        log.record(["pair:a"])
        assert log.recent(["pair:a"])[0].count == 1
        redis_server.stop()
        log.record(["pair:b"])
        log.record(["pair:b"])
        assert log.recent(["pair:b"])[0].count == 2, "counted in this process meanwhile"
        assert _value(RATE_LIMIT_SHARED, "failed_logins") == 0
        redis_server.start()
        for _ in range(50):  # bounded: at most ten seconds
            log.record(["pair:c"])
            if log.outage.down_since is None:
                break
            time.sleep(0.2)
        assert _value(RATE_LIMIT_SHARED, "failed_logins") == 1
        assert log.recent(["pair:c"])[0].count == 1, "counted in Redis again"
        assert redis.Redis.from_url(redis_server.url).exists(prefix + "pair:c")
    finally:
        log.close()


def test_a_request_while_redis_is_away_does_not_wait_for_it(redis_server: RedisServer) -> None:
    """After the first failure, Redis is tried again every few seconds, not on every request:
    a hundred requests while it is away never ask it (each would wait for a timeout)."""
    policy = Policy("address", 6000, 6000)

    async def scenario() -> int:
        store = RedisStore(redis_server.url, "televent:rl:away:", retry_seconds=60)
        asked = 0
        script = store.script

        async def counted(*args: object, **kwargs: object) -> object:
            nonlocal asked
            asked += 1
            return await script(*args, **kwargs)

        store.script = counted  # type: ignore[assignment]
        try:
            await store.take("x", policy)
            redis_server.stop()
            await store.take("x", policy)  # the failure that switches to memory
            before = asked
            for _ in range(100):
                assert (await store.take("x", policy)).allowed
            return asked - before
        finally:
            await store.close()

    assert asyncio.run(scenario()) == 0


def test_a_password_in_the_redis_url_is_never_logged() -> None:
    assert redacted("redis://:s3cret@cache:6379/0") == "redis://***@cache:6379/0"
    assert redacted("redis://cache:6379/0") == "redis://cache:6379/0"
    assert redacted("redis://cache:6379/0?password=s3cret") == "redis://cache:6379/0"


def test_a_server_says_so_on_ready_and_in_its_metrics_and_keeps_limiting(
    backend: Backend, tmp_path: Path, redis_server: RedisServer
) -> None:
    database_url = backend.fresh_url()
    seed_accounts(database_url)
    settings = {**LIMITS, "TELEVENT_REDIS_URL": redis_server.url}
    net = f"198.18.{random.randint(0, 255)}"
    with running_serve(database_url, tmp_path, settings) as (url, _):
        ready = httpx.get(url + "/ready", timeout=10)
        assert ready.status_code == 200 and ready.json()["redis"] == "ok"

        redis_server.stop()
        ready = httpx.get(url + "/ready", timeout=10)
        # said, but the process stays in rotation: its limits go on in its memory
        assert ready.status_code == 200, ready.text
        assert ready.json()["redis"].startswith("unreachable since ")
        statuses = [propfind(url, f"{net}.1").status_code for _ in range(5)]
        assert statuses == [401, 401, 401, 401, 429], "limited per process, never off"
        metrics = httpx.get(url + "/metrics", timeout=10).text
        assert 'televent_rate_limit_shared{limit="requests"} 0.0' in metrics
        assert "televent_rate_limit_local_decisions_total" in metrics

        redis_server.start()
        for _ in range(50):  # bounded: at most about ten seconds
            if httpx.get(url + "/ready", timeout=10).json()["redis"] == "ok":
                break
            time.sleep(0.2)
        assert httpx.get(url + "/ready", timeout=10).json()["redis"] == "ok"
        metrics = httpx.get(url + "/metrics", timeout=10).text
        assert 'televent_rate_limit_shared{limit="requests"} 1.0' in metrics
        # shared again: a new address's allowance is counted in Redis
        assert propfind(url, f"{net}.2").status_code == 401
        keys = redis.Redis.from_url(redis_server.url).keys("televent:rl:*")
        assert keys, "the bucket is in Redis again"
