"""Rate limits: token buckets in memory and in a real Redis server, and the HTTP middleware's
rules around a small application that checks Basic passwords (401 on a wrong one)."""

from __future__ import annotations

import asyncio
import base64
import os
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest
import redis

from televent.adapters.operations_middleware import LimitOptions, OperationsMiddleware
from televent.adapters.ratelimit import BucketStore, MemoryStore, Policy, RedisStore

REDIS_URL = os.environ.get("TELEVENT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORDS = {"alice": "right-alice", "bob": "right-bob"}


@pytest.fixture(scope="session")
def redis_url() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if os.environ.get("TELEVENT_REQUIRE_REDIS"):
            pytest.fail(f"Redis not reachable at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {exc}")
    return REDIS_URL


@pytest.fixture(params=["memory", "redis"])
def make_store(request: pytest.FixtureRequest) -> Iterator[Callable[[], BucketStore]]:
    """Makes stores that share buckets (two Redis clients on one server and prefix, as two
    processes would be; one memory store for the memory case)."""
    if request.param == "memory":
        memory = MemoryStore()
        yield lambda: memory
        return
    url = request.getfixturevalue("redis_url")
    prefix = f"test:{uuid.uuid4().hex}:"
    yield lambda: RedisStore(url, prefix=prefix)


def run(coroutine: Awaitable[Any]) -> Any:
    return asyncio.run(coroutine)  # type: ignore[arg-type]


def test_a_bucket_lets_the_burst_through_then_refuses_with_a_retry_time(
    make_store: Callable[[], BucketStore],
) -> None:
    policy = Policy("address", per_minute=6, burst=3)

    async def scenario() -> list[Any]:
        store = make_store()
        try:
            return [await store.take("k", policy) for _ in range(4)]
        finally:
            await store.close()

    decisions = run(scenario())
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    assert 1 <= decisions[-1].retry_after <= 10  # one token every 10 s


def test_a_refund_gives_a_token_back_but_never_more_than_the_burst(
    make_store: Callable[[], BucketStore],
) -> None:
    policy = Policy("account", per_minute=1, burst=2)

    async def scenario() -> list[bool]:
        store = make_store()
        try:
            await store.take("k", policy, cost=-5)  # refunding a full bucket keeps it at 2
            results = [(await store.take("k", policy)).allowed for _ in range(3)]
            await store.take("k", policy, cost=-1)
            results.append((await store.take("k", policy)).allowed)
            return results
        finally:
            await store.close()

    assert run(scenario()) == [True, True, False, True]


def test_two_processes_share_the_buckets_in_redis(redis_url: str) -> None:
    policy = Policy("address", per_minute=1, burst=4)
    prefix = f"test:{uuid.uuid4().hex}:"

    async def scenario() -> list[bool]:
        first, second = RedisStore(redis_url, prefix), RedisStore(redis_url, prefix)
        try:
            allowed = []
            for store in (first, second, first, second, first, second):
                allowed.append((await store.take("ip:192.0.2.1", policy)).allowed)
            return allowed
        finally:
            await first.close()
            await second.close()

    assert run(scenario()) == [True, True, True, True, False, False]


def test_redis_out_of_reach_limits_in_memory_instead() -> None:
    """Never off, never closed: the first request goes through, the bucket is kept in this
    process (tests/integration/test_ratelimit_redis_outage.py: the way back)."""

    async def scenario() -> list[bool]:
        store = RedisStore("redis://127.0.0.1:1/0")
        try:
            return [(await store.take("k", Policy("address", 1, 1))).allowed for _ in range(2)]
        finally:
            await store.close()

    assert run(scenario()) == [True, False]


async def checks_passwords(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A stand-in for CalDAV: 200 for a right Basic password, 401 otherwise."""
    headers = dict(scope["headers"])
    status = 401
    raw = headers.get(b"authorization", b"")
    if raw.startswith(b"Basic "):
        user, _, password = base64.b64decode(raw[6:]).decode().partition(":")
        status = 200 if PASSWORDS.get(user) == password else 401
    await send({"type": "http.response.start", "status": status, "headers": []})
    await send({"type": "http.response.body", "body": b"ok" if status == 200 else b"no"})


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def middleware(store: BucketStore, address: int = 5, account: int = 5) -> OperationsMiddleware:
    async def inline(fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)

    return OperationsMiddleware(
        checks_passwords,
        store=store,
        limits=LimitOptions(
            address=Policy("address", per_minute=1, burst=address),
            account=Policy("account", per_minute=1, burst=account),
        ),
        run=inline,
    )


async def get(
    app: Any, client: str, headers: dict[str, str] | None = None, path: str = "/dav/"
) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, client=(client, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://televent") as http:
        return await http.get(path, headers=headers or {})


def test_anonymous_requests_are_limited_per_address_with_the_rate_limit_fields(
    make_store: Callable[[], BucketStore],
) -> None:
    async def scenario() -> tuple[list[httpx.Response], httpx.Response]:
        app = middleware(make_store(), address=3)
        flood = [await get(app, "192.0.2.10") for _ in range(4)]
        return flood, await get(app, "192.0.2.11")

    flood, other_address = run(scenario())
    assert [r.status_code for r in flood] == [401, 401, 401, 429]
    refused = flood[-1]
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.headers["ratelimit-policy"] == '"address";q=3;w=180'
    assert refused.headers["ratelimit"].startswith('"address";r=0;t=')
    assert other_address.status_code == 401  # another address has its own bucket


def test_a_made_up_token_does_not_open_a_bucket_of_its_own_on_a_public_page(
    make_store: Callable[[], BucketStore],
) -> None:
    """A booking link's free slots need no credentials, so nothing answers 401 to a made-up
    bearer token: with a new one each time, one address asked without any limit."""

    async def scenario(path: str) -> list[int]:
        app = middleware(make_store(), address=3, account=5)
        return [
            (await get(app, "192.0.2.20", {"Authorization": f"Bearer made-up-{i}"},
                       path)).status_code
            for i in range(5)
        ]  # fmt: skip

    for path in ("/api/v1/book/alice/slots", "/oauth/google/callback"):
        assert run(scenario(path))[3:] == [429, 429], path


def test_a_neighbour_flooding_wrong_passwords_does_not_lock_out_the_right_password(
    make_store: Callable[[], BucketStore],
) -> None:
    async def scenario() -> tuple[list[int], int, int]:
        app = middleware(make_store(), address=3, account=5)
        office = "198.51.100.7"  # one NAT: Mallory and Alice share it
        flood = [(await get(app, office, basic("mallory", f"guess{i}"))).status_code
                 for i in range(8)]  # fmt: skip
        anonymous = (await get(app, office)).status_code
        alice = (await get(app, office, basic("alice", "right-alice"))).status_code
        return flood, anonymous, alice

    flood, anonymous, alice = run(scenario())
    assert set(flood) == {401}  # wrong passwords are the login throttle's business
    assert anonymous == 429  # the office's anonymous allowance is spent
    assert alice == 200


def test_a_stranger_guessing_a_users_password_does_not_spend_the_users_allowance(
    make_store: Callable[[], BucketStore],
) -> None:
    async def scenario() -> tuple[list[int], list[int]]:
        app = middleware(make_store(), address=100, account=3)
        guesses = [(await get(app, f"203.0.113.{i}", basic("alice", "wrong"))).status_code
                   for i in range(10)]  # fmt: skip
        own = [(await get(app, "192.0.2.50", basic("alice", "right-alice"))).status_code
               for _ in range(4)]  # fmt: skip
        return guesses, own

    guesses, own = run(scenario())
    assert set(guesses) == {401}
    assert own == [200, 200, 200, 429]  # the account's own burst of 3, then refused


def test_an_accounts_allowance_is_shared_by_two_processes_through_redis(redis_url: str) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"

    async def scenario() -> list[int]:
        first = middleware(RedisStore(redis_url, prefix), account=4)
        second = middleware(RedisStore(redis_url, prefix), account=4)
        statuses = []
        for app in (first, second, first, second, first, second):
            response = await get(app, "192.0.2.60", basic("bob", "right-bob"))
            statuses.append(response.status_code)
        return statuses

    assert run(scenario()) == [200, 200, 200, 200, 429, 429]
