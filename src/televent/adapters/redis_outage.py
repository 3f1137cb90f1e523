"""Whether the Redis server that shares this process's limits answers (docs/adr/0031).

The rate limits' buckets (`ratelimit.py`) and the failed-login counts (`login_failures.py`)
are kept in Redis when `TELEVENT_REDIS_URL` is set, so every process and host shares them.
When Redis cannot be used, each keeps them in this process's memory instead: never switched
off (a guesser would get every try) and never failing closed (a Redis outage would become an
outage of the whole service). One `RedisOutage` per store decides, for both alike: after a
failure, Redis is left alone for `retry_seconds` (a request never waits for a connection
timeout while it is away), then tried again; the first failure and the recovery are each
logged once, `televent_rate_limit_shared{limit}` says which way the store works now, and
`/ready` reports it (`said`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from televent.adapters.metrics import RATE_LIMIT_LOCAL, RATE_LIMIT_SHARED

LOG = logging.getLogger("televent.adapters.ratelimit")
RETRY_SECONDS = 5.0  # while Redis cannot be used, it is tried again this often


class RedisOutage:
    """One store's view of its Redis server: used, or left alone until the next retry."""

    def __init__(self, url: str, limit: str, retry_seconds: float = RETRY_SECONDS) -> None:
        self.url = url
        self.limit = limit  # "requests" or "failed_logins": the metrics' label
        self.retry_seconds = retry_seconds
        self.down_since: float | None = None  # time.time() when Redis stopped answering
        self._retry_at = 0.0
        self._failed_at = 0.0
        self._lock = threading.Lock()
        RATE_LIMIT_SHARED.labels(limit).set(1)

    def usable(self) -> bool:
        """Whether to ask Redis now: it answered last, or its retry time has come and this
        caller is the one that tries (the others go on in memory meanwhile, so a request never
        waits on an unreachable server unless it is the one probe of the period)."""
        if self.down_since is None:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            self._retry_at = now + self.retry_seconds  # claimed: nobody else tries till then
            return True

    def local(self) -> None:
        """One decision made in this process's memory."""
        RATE_LIMIT_LOCAL.labels(self.limit).inc()

    def failed(self, exc: BaseException) -> None:
        """Redis could not be used: left alone until the retry time (said once)."""
        self._failed_at = time.monotonic()
        self._retry_at = self._failed_at + self.retry_seconds
        if self.down_since is None:
            self.down_since = time.time()
            RATE_LIMIT_SHARED.labels(self.limit).set(0)
            LOG.warning(
                "%s kept by each process: Redis at %s cannot be used (%s: %s); trying again "
                "every %g s",
                _named(self.limit), redacted(self.url), type(exc).__name__, exc,
                self.retry_seconds,
            )  # fmt: skip

    def answered(self, asked_at: float | None = None) -> None:
        """Redis answered a call made at `asked_at` (time.monotonic()): shared again (said
        once); an answer to a call made before the last failure says nothing of now."""
        if asked_at is not None and asked_at < self._failed_at:
            return
        if self.down_since is not None:
            LOG.warning(
                "%s shared again: Redis at %s answers after %.0f s",
                _named(self.limit), redacted(self.url), time.time() - self.down_since,
            )  # fmt: skip
            self.down_since = None
            RATE_LIMIT_SHARED.labels(self.limit).set(1)

    def said(self, exc: BaseException | None = None) -> str:
        """What `/ready` says: "ok", or since when Redis is away."""
        if exc is None and self.down_since is None:
            return "ok"
        since = dt.datetime.fromtimestamp(self.down_since or time.time(), dt.UTC)
        reason = f" ({type(exc).__name__})" if exc is not None else ""
        return (
            f"unreachable since {since:%Y-%m-%dT%H:%M:%SZ}{reason}: rate limits and failed "
            "logins are kept by each process"
        )


def redacted(url: str) -> str:
    """A URL as logs may show it: without its user name and password, and without its query
    (redis-py takes `?password=` there too)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=netloc, query="", fragment=""))


def _named(limit: str) -> str:
    return "Failed logins" if limit == "failed_logins" else "Rate limits"
