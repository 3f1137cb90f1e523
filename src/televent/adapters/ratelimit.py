"""Token buckets for HTTP rate limits, kept in memory or in Redis (shared by every process).

A bucket holds at most `burst` tokens and gains `rate` tokens a second; a request takes one.
An empty bucket answers 429 with Retry-After (RFC 9110 §10.2.3) and the RateLimit and
RateLimit-Policy fields of draft-ietf-httpapi-ratelimit-headers.

The Redis store runs one Lua script per request (atomic on the server, one round trip) and
uses the server's clock, so processes on hosts whose clocks differ share the same buckets.
When Redis cannot be used, limits are kept in each process's memory instead (never switched
off, and never failing closed: that would turn a Redis outage into an outage of the whole
service): a warning is logged once, `televent_rate_limit_shared` drops to 0, each decision made
in memory is counted, `/ready` says so, and Redis is tried again every few seconds (and by every
`/ready`) until it answers, when the buckets are shared again (docs/adr/0031).
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from televent.adapters.redis_outage import RETRY_SECONDS, RedisOutage

MAX_MEMORY_KEYS = 100_000  # above this, full (idle) buckets are forgotten
# Set in a request's ASGI scope by a handler whose 429 is a quota of the signed-in caller (too
# many email codes asked for), not the login throttle: the request is then no failed login.
QUOTA_REFUSAL = "televent.quota_refusal"


@dataclass(frozen=True)
class Policy:
    """A bucket's shape: `burst` requests at once, refilled at `per_minute` a minute."""

    name: str
    per_minute: float
    burst: int

    @property
    def rate(self) -> float:
        """Tokens gained per second."""
        return self.per_minute / 60.0

    @property
    def window(self) -> int:
        """Seconds an empty bucket takes to fill up (the policy's `w` parameter)."""
        return max(1, math.ceil(self.burst / self.rate))


@dataclass(frozen=True)
class Decision:
    """What a bucket said: allowed or not, and the tokens left afterwards."""

    policy: Policy
    allowed: bool
    tokens: float

    @property
    def remaining(self) -> int:
        return max(0, math.floor(self.tokens))

    @property
    def retry_after(self) -> int:
        """Whole seconds until one token is back (at least 1)."""
        missing = max(0.0, 1.0 - self.tokens)
        return max(1, math.ceil(missing / self.policy.rate))

    @property
    def reset(self) -> int:
        """Whole seconds until the bucket is full again (the `t` parameter)."""
        return max(0, math.ceil((self.policy.burst - self.tokens) / self.policy.rate))


class BucketStore(Protocol):
    """Where buckets live. `cost` may be negative: a refund (never above the burst)."""

    async def take(self, key: str, policy: Policy, cost: int = 1) -> Decision: ...

    async def check(self) -> str | None:
        """What `/ready` says of the store (None: nothing to say, no Redis configured)."""

    async def close(self) -> None: ...


def refill(tokens: float, elapsed: float, policy: Policy) -> float:
    """The tokens of a bucket after `elapsed` seconds."""
    return min(float(policy.burst), tokens + max(0.0, elapsed) * policy.rate)


class MemoryStore:
    """Buckets in this process's memory (one process, or tests)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    async def take(self, key: str, policy: Policy, cost: int = 1) -> Decision:
        now = self.clock()
        with self._lock:
            if len(self._buckets) > MAX_MEMORY_KEYS:
                self._forget_full(now, policy)
            tokens, updated = self._buckets.get(key, (float(policy.burst), now))
            tokens = refill(tokens, now - updated, policy)
            allowed = tokens >= cost
            if allowed:
                tokens = min(float(policy.burst), tokens - cost)
            self._buckets[key] = (tokens, now)
        return Decision(policy, allowed, tokens)

    def _forget_full(self, now: float, policy: Policy) -> None:
        """Drop buckets that have refilled (lock held): they are the same as absent ones."""
        for key, (tokens, updated) in list(self._buckets.items()):
            if refill(tokens, now - updated, policy) >= policy.burst:
                del self._buckets[key]

    async def check(self) -> str | None:
        return None

    async def close(self) -> None:
        return None


# KEYS[1] the bucket; ARGV: tokens per second, burst, cost. Returns {allowed, tokens}.
# The bucket expires once it would be full again, so idle keys do not accumulate.
TAKE_SCRIPT = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= cost then
  tokens = math.min(burst, tokens - cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
return {allowed, tostring(tokens)}
"""


class RedisStore:
    """Buckets in Redis, shared by every process and host that uses the same server; in this
    process's memory while Redis cannot be used (adapters/redis_outage.py)."""

    def __init__(
        self, url: str, prefix: str = "televent:rl:", *, retry_seconds: float = RETRY_SECONDS
    ) -> None:
        from redis.asyncio import Redis  # noqa: PLC0415 - only loaded when configured

        self.url = url
        self.prefix = prefix
        self.redis = Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self.script = self.redis.register_script(TAKE_SCRIPT)
        self.fallback = MemoryStore()
        self.outage = RedisOutage(url, "requests", retry_seconds)

    async def take(self, key: str, policy: Policy, cost: int = 1) -> Decision:
        from redis.exceptions import RedisError  # noqa: PLC0415 - see __init__

        if self.outage.usable():
            asked_at = time.monotonic()
            try:
                allowed, tokens = await self.script(
                    keys=[self.prefix + key], args=[policy.rate, policy.burst, cost]
                )
            except (RedisError, OSError) as exc:
                self.outage.failed(exc)
            else:
                self.outage.answered(asked_at)
                return Decision(policy, bool(int(allowed)), float(tokens))
        self.outage.local()
        return await self.fallback.take(key, policy, cost)

    async def check(self) -> str:
        """What `/ready` says of the buckets: Redis asked now (a PING)."""
        from redis.exceptions import RedisError  # noqa: PLC0415 - see __init__

        try:
            pong = self.redis.ping()  # typed for both clients; the asyncio one's is awaitable
            if not isinstance(pong, bool):
                await pong
        except (RedisError, OSError) as exc:
            self.outage.failed(exc)
            return self.outage.said(exc)
        self.outage.answered()
        return "ok"

    async def close(self) -> None:
        await self.redis.aclose()


def open_store(redis_url: str | None, namespace: str = "") -> BucketStore:
    """Redis when a URL is given, else this process's memory. Deployments that share one
    Redis server keep apart by `namespace` (the database they serve)."""
    if not redis_url:
        return MemoryStore()
    tag = hashlib.sha256(namespace.encode()).hexdigest()[:12]
    return RedisStore(redis_url, prefix=f"televent:rl:{tag}:")


def rate_limit_headers(decisions: list[Decision]) -> list[tuple[bytes, bytes]]:
    """RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers): one item per
    bucket the request was counted in; quota `q`, window `w`, remaining `r`, reset `t`."""
    if not decisions:
        return []
    policies = ", ".join(
        f'"{d.policy.name}";q={d.policy.burst};w={d.policy.window}' for d in decisions
    )
    states = ", ".join(f'"{d.policy.name}";r={d.remaining};t={d.reset}' for d in decisions)
    return [(b"ratelimit-policy", policies.encode()), (b"ratelimit", states.encode())]
