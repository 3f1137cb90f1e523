"""Where the failed logins that the authenticator throttles on are counted: in this process's
memory, or in Redis so that every process and host serving one deployment shares the counts
(else a guesser spread over N processes would get N times the tries).

A key's failures are kept for a sliding window. The Redis log keeps them in a sorted set per
key, scored by the Redis server's own clock (TIME), and changes and reads it in Lua scripts
(atomic on the server, one round trip); each key expires with its window, so idle keys
vanish by themselves. When Redis cannot be used, failures are counted and checked in this
process's memory instead, until Redis answers again (adapters/redis_outage.py): never off (a
guesser would get every try), and never failing closed (that would lock everyone out during a
Redis outage).
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from televent.adapters.redis_outage import RETRY_SECONDS, RedisOutage

MAX_TRACKED_KEYS = 10_000  # above this, memory keys without recent failures are forgotten
MAX_FAILURES_KEPT = 100  # per key: more than any threshold needs, so one key stays small


@dataclass(frozen=True)
class Recent:
    """A key's failures within the window, and the seconds until the oldest leaves it."""

    count: int
    oldest_expires_in: float


class FailureLog(Protocol):
    """Failed logins per key within a sliding window of `window` seconds."""

    window: float
    # Whether the counts are in this process's memory: reading them never waits on a network.
    in_memory: bool

    def recent(self, keys: Sequence[str]) -> list[Recent]:
        """Each key's failures within the window (in the order of `keys`)."""
        ...

    def record(self, keys: Sequence[str]) -> None:
        """One more failure under each key, now."""
        ...


class MemoryFailureLog:
    """Failures in this process's memory (one process, or tests); thread-safe."""

    in_memory = True

    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}

    def recent(self, keys: Sequence[str]) -> list[Recent]:
        now = self.clock()
        with self._lock:
            found = [self._recent(key, now) for key in keys]
        return [
            Recent(len(times), (times[0] + self.window - now) if times else 0.0) for times in found
        ]

    def record(self, keys: Sequence[str]) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) > MAX_TRACKED_KEYS:
                for key in [k for k in self._failures if not self._recent(k, now)]:
                    del self._failures[key]
            for key in keys:
                self._failures.setdefault(key, deque(maxlen=MAX_FAILURES_KEPT)).append(now)

    def _recent(self, key: str, now: float) -> deque[float]:
        """The failures under a key within the window (older ones dropped); lock held."""
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] < now - self.window:
            times.popleft()
        return times


# ARGV[1] the window in seconds; KEYS the keys. Returns, per key, {count, oldest expires in}.
RECENT_SCRIPT = """
local window = tonumber(ARGV[1])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local found = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. tostring(now - window))
  local count = redis.call('ZCARD', key)
  local left = 0
  if count > 0 then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    left = tonumber(oldest[2]) + window - now
  end
  found[i] = {count, tostring(left)}
end
return found
"""

# ARGV[1] the window in seconds, ARGV[2] a unique member, ARGV[3] the most kept per key.
RECORD_SCRIPT = """
local window = tonumber(ARGV[1])
local most = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
for _, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. tostring(now - window))
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('ZREMRANGEBYRANK', key, 0, -most - 1)
  redis.call('PEXPIRE', key, math.ceil(window * 1000) + 1000)
end
return 1
"""


class RedisFailureLog:
    """Failures in Redis, shared by every process and host using the same server and prefix;
    in this process's memory while Redis cannot be used. Synchronous: the authenticator runs
    on worker threads."""

    in_memory = False

    def __init__(
        self,
        url: str,
        window: float,
        prefix: str = "televent:login:",
        *,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        from redis import Redis  # noqa: PLC0415 - only loaded when configured

        self.url = url
        self.window = window
        self.prefix = prefix
        self.redis = Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._recent_script = self.redis.register_script(RECENT_SCRIPT)
        self._record_script = self.redis.register_script(RECORD_SCRIPT)
        self.fallback = MemoryFailureLog(window)
        self.outage = RedisOutage(url, "failed_logins", retry_seconds)

    def recent(self, keys: Sequence[str]) -> list[Recent]:
        found = self._call(self._recent_script, keys, [self.window])
        if found is None:
            return self.fallback.recent(keys)
        return [Recent(int(count), max(0.0, float(left))) for count, left in found]

    def record(self, keys: Sequence[str]) -> None:
        done = self._call(
            self._record_script, keys, [self.window, uuid.uuid4().hex, MAX_FAILURES_KEPT]
        )
        if done is None:
            self.fallback.record(keys)

    def _call(self, script: Any, keys: Sequence[str], args: list[Any]) -> Any:
        """The script's answer; None when Redis cannot be used (the caller asks memory)."""
        from redis.exceptions import RedisError  # noqa: PLC0415 - see __init__

        if self.outage.usable():
            asked_at = time.monotonic()
            try:
                found = script(keys=[self.prefix + key for key in keys], args=args)
            except (RedisError, OSError) as exc:
                self.outage.failed(exc)
            else:
                self.outage.answered(asked_at)
                return found if found is not None else []
        self.outage.local()
        return None

    def close(self) -> None:
        self.redis.close()


def open_failure_log(redis_url: str | None, window: float, namespace: str = "") -> FailureLog:
    """Redis when a URL is given, else this process's memory. Deployments that share one
    Redis server keep apart by `namespace` (the database they serve)."""
    if not redis_url:
        return MemoryFailureLog(window)
    tag = hashlib.sha256(namespace.encode()).hexdigest()[:12]
    return RedisFailureLog(redis_url, window, prefix=f"televent:login:{tag}:")
