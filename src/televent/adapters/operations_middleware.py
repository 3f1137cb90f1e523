"""The ASGI layer an operator needs around the whole HTTP application, in one wrapper:
rate limits, metrics, one log line per request, `/ready` and `/metrics`.

    app = OperationsMiddleware(http_app, options, store=open_store(redis_url), ...)

Rate limits (token buckets, adapters/ratelimit.py) are counted so that nobody can spend
someone else's allowance:

- a request that carries credentials (Basic, a bearer token, a session cookie, a webhook
  secret) is counted in the bucket of those credentials (for Basic, the user name) before it
  is handled; if the credentials turn out wrong (401, or 403 on a webhook), the token is
  given back and the request is counted against the client's address instead. A stranger
  guessing passwords therefore spends only their address's allowance, never the account's;
- a request without credentials is counted against the client's address, and refused when
  the address's bucket is empty;
- a request with credentials is never refused because its address's bucket is empty: a
  neighbour behind the same NAT who floods wrong passwords does not lock the others out
  (failed logins themselves are throttled per address and user name by the authenticator);
- a write to the public booking pages (POST under /api/v1/book/ or /book/: booking,
  cancelling, moving) is also counted in a tighter bucket of the client's address, with or
  without credentials: a visitor needs no account, so the address is all there is to limit.

The client's address is the connection's, or the one a trusted proxy forwarded (uvicorn's
`forwarded_allow_ips`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from televent.adapters.i18n import translate
from televent.adapters.mail.inbound_http import INBOUND_PATHS
from televent.adapters.metrics import (
    CONTENT_TYPE,
    FAILED_LOGINS,
    LATENCY,
    RATE_LIMITED,
    REQUESTS,
    exposition,
)
from televent.adapters.ratelimit import (
    QUOTA_REFUSAL,
    BucketStore,
    Decision,
    Policy,
    rate_limit_headers,
)
from televent.domain.languages import DEFAULT_LANGUAGE, from_accept_language
from televent.ops.readiness import Readiness, Snapshot

ASGIApp = Callable[..., Awaitable[None]]
Run = Callable[..., Awaitable[Any]]
REQUEST_LOG = logging.getLogger("televent.request")
LOGIN_LOG = logging.getLogger("televent.login")
UNLIMITED = frozenset({"/health", "/ready", "/metrics"})
SECRET_HEADERS = (b"x-telegram-bot-api-secret-token", b"x-televent-secret")
SESSION_COOKIE = "televent_session"
WEBHOOKS = {"/telegram/webhook": "telegram", "/webhooks/google": "google"} | dict.fromkeys(
    INBOUND_PATHS, "mail"
)


# Requests without (valid) credentials, per client address: 60 at once, 2 a second after.
ADDRESS_DEFAULT = Policy("address", 120, 60)
# Requests with credentials, per user name or secret: 600 at once, 20 a second after.
ACCOUNT_DEFAULT = Policy("account", 1200, 600)
# Writes to the public booking pages, per client address: 10 at once, 10 a minute after.
BOOKING_DEFAULT = Policy("booking", 10, 10)
BOOKING_WRITES = ("/api/v1/book/", "/book/")
# Pages no credentials open (a booking link's, an unsubscribe link's, a published feed's,
# Google's way back after its consent screen):
# charged to the address whatever a request carries (a made-up token each time was a bucket
# of its own each time)
PUBLIC = ("/api/v1/book/", "/book/", "/unsubscribe/", "/feeds/", "/oauth/")


@dataclass(frozen=True)
class LimitOptions:
    """The buckets' shapes; `enabled` False turns rate limiting off."""

    address: Policy = ADDRESS_DEFAULT
    account: Policy = ACCOUNT_DEFAULT
    booking: Policy = BOOKING_DEFAULT
    enabled: bool = True


_MANAGE_TOKEN = re.compile(r"(/manage/|^/unsubscribe/|^/feeds/)[^/]+")


def logged_path(path: str) -> str:
    """A path as logs may show it: a booking's manage token (a secret that cancels or moves
    the booking), a mail's unsubscribe token and a published feed's token replaced by "-"."""
    return _MANAGE_TOKEN.sub(r"\1-", path)


def surface_of(path: str) -> str:
    """Which part of Televent a path belongs to (a label of the metrics and logs)."""
    if path in WEBHOOKS:
        return WEBHOOKS[path]
    if path in UNLIMITED:
        return "ops"
    for prefix, name in (
        ("/api", "api"), ("/app", "webapp"), ("/book", "webapp"), ("/unsubscribe", "mail"),
        ("/feeds", "feeds"), ("/oauth", "api"),
    ):  # fmt: skip
        if path == prefix or path.startswith(f"{prefix}/"):
            return name
    return "caldav"


def credentials_key(headers: dict[bytes, bytes]) -> tuple[str, str] | None:
    """(bucket key, user name or "") of the credentials a request carries, if any. A secret
    (token, cookie, webhook secret) is known only by its digest."""
    authorization = headers.get(b"authorization", b"").decode("latin-1").strip()
    if authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True)
            user = decoded.decode("utf-8").partition(":")[0].strip().lower()[:320]
        except (binascii.Error, UnicodeDecodeError):
            user = ""
        if user:
            return f"user:{user}", user
    secret = authorization or next((headers[h].decode("latin-1") for h in SECRET_HEADERS
                                    if headers.get(h)), "")  # fmt: skip
    if not secret:
        cookie = headers.get(b"cookie", b"").decode("latin-1")
        secret = next((c.strip() for c in cookie.split(";")
                       if c.strip().startswith(f"{SESSION_COOKIE}=")), "")  # fmt: skip
    if not secret:
        return None
    return "secret:" + hashlib.sha256(secret.encode()).hexdigest()[:32], ""


class OperationsMiddleware:
    """Rate limits, metrics, request logs, /ready and /metrics around an ASGI application."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        store: BucketStore,
        limits: LimitOptions,
        run: Run,
        readiness: Callable[[], Readiness] | None = None,
        snapshot: Callable[[], Snapshot] | None = None,
        metrics_token: str | None = None,
    ) -> None:
        self.app = app
        self.store = store
        self.limits = limits
        self.run = run
        self.readiness = readiness
        self.snapshot = snapshot
        self.metrics_token = metrics_token

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path: str = scope.get("path", "")
        method: str = scope.get("method", "GET")
        surface = surface_of(path)
        client = (scope.get("client") or ("unknown", 0))[0]
        status = {"code": 500}

        async def observed_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
            await send(message)

        try:
            if path == "/metrics":
                await self._metrics(scope, client, observed_send)
            elif path == "/ready" and self.readiness is not None:
                await self._ready(observed_send)
            elif not self.limits.enabled or _unlimited(path, method):
                await self.app(scope, receive, observed_send)
            else:
                await self._limited(scope, receive, observed_send, surface, client, status)
        finally:
            elapsed = time.perf_counter() - started
            REQUESTS.labels(surface, method, str(status["code"])).inc()
            LATENCY.labels(surface, method).observe(elapsed)
            if REQUEST_LOG.isEnabledFor(logging.INFO):
                REQUEST_LOG.info("request", extra={"fields": {
                    "method": method, "path": logged_path(path), "surface": surface,
                    "status": status["code"], "ms": round(elapsed * 1000, 1), "client": client,
                }})  # fmt: skip

    async def _limited(  # noqa: PLR0917 - one request's parts
        self,
        scope: dict[str, Any],
        receive: Any,
        send: Any,
        surface: str,
        client: str,
        status: dict[str, int],
    ) -> None:
        headers = dict(scope.get("headers") or [])
        public = str(scope.get("path", "")).startswith(PUBLIC)
        credentials = None if public else credentials_key(headers)
        if credentials is None:
            decision = await self.store.take(f"ip:{client}", self.limits.address)
            bucket = "address"
        else:
            decision = await self.store.take(credentials[0], self.limits.account)
            bucket = "account"
        decisions = [decision]
        if decision.allowed and _booking_write(scope.get("path", ""), scope.get("method", "")):
            decision = await self.store.take(f"booking:{client}", self.limits.booking)
            bucket = "booking"
            decisions.append(decision)
        if not decision.allowed:
            RATE_LIMITED.labels(surface, bucket).inc()
            asked = headers.get(b"accept-language", b"").decode("latin-1")
            language = from_accept_language(asked) or DEFAULT_LANGUAGE
            await _too_many(send, decision, surface, language)
            return
        extra = rate_limit_headers(decisions)

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
        if credentials is not None and _refused(status["code"], surface, scope):
            await self.store.take(credentials[0], self.limits.account, cost=-1)
            await self.store.take(f"ip:{client}", self.limits.address)
            FAILED_LOGINS.labels(surface).inc()
            LOGIN_LOG.warning("failed login", extra={"fields": {
                "surface": surface, "client": client, "user": credentials[1] or "(secret)",
                "path": logged_path(scope.get("path", "")), "status": status["code"],
            }})  # fmt: skip

    async def _metrics(self, scope: dict[str, Any], client: str, send: Any) -> None:
        headers = dict(scope.get("headers") or [])
        if self.metrics_token:
            given = headers.get(b"authorization", b"").decode("latin-1")
            expected = f"Bearer {self.metrics_token}"
            if not hmac.compare_digest(given.encode(), expected.encode()):
                await _plain(send, 401, "A bearer token is required (TELEVENT_METRICS_TOKEN).",
                             [(b"www-authenticate", b'Bearer realm="metrics"')])  # fmt: skip
                return
        elif not _loopback(client):
            await _plain(send, 403, "Metrics are served to loopback clients only "
                         "(set TELEVENT_METRICS_TOKEN to scrape from elsewhere).")  # fmt: skip
            return
        body = await self.run(exposition, self.snapshot)
        await _answer(send, 200, CONTENT_TYPE, body)

    async def _ready(self, send: Any) -> None:
        assert self.readiness is not None
        try:
            found = await self.run(self.readiness)
        except Exception as exc:  # a probe must get an answer, never a 500
            found = Readiness(False, {"error": f"{type(exc).__name__}: {exc}"})
        checks = dict(found.checks)
        shared = await self.store.check()
        if shared is not None:  # Redis is configured: said, but no reason to take this
            checks["redis"] = shared  # process out of rotation (limits go on per process)
        body = json.dumps({"status": "ready" if found.ready else "not ready", **checks})
        await _answer(send, 200 if found.ready else 503, "application/json", body.encode())


def _unlimited(path: str, method: str) -> bool:
    """Probes, the metrics, and the Mini App's static files (the same few files for everyone,
    fetched each time it opens) are not rate limited."""
    if path in UNLIMITED:
        return True
    return method in ("GET", "HEAD") and (path == "/app" or path.startswith("/app/"))


def _booking_write(path: str, method: str) -> bool:
    """A write to the public booking pages (limited per address: they need no account)."""
    return method == "POST" and path.startswith(BOOKING_WRITES)


def _refused(status: int, surface: str, scope: dict[str, Any]) -> bool:
    """Whether the credentials were refused: 401, or 429 from the login throttle (repeated
    failures of one user name from one address; not a signed-in caller's quota, which marks
    the scope with QUOTA_REFUSAL), or 403 from a webhook whose secret is wrong. Such a request
    never spends the account's allowance."""
    if status == 429:
        return not scope.get(QUOTA_REFUSAL)
    return status == 401 or (status == 403 and surface in ("telegram", "mail"))


def _loopback(client: str) -> bool:
    try:
        return ipaddress.ip_address(client).is_loopback
    except ValueError:
        return False


async def _too_many(send: Any, decision: Decision, surface: str, language: str) -> None:
    """429, in the language the request asks for (Accept-Language: nobody is known yet)."""
    retry = decision.retry_after
    headers = [
        (b"retry-after", str(retry).encode()),
        (b"content-language", language.encode()),
        *rate_limit_headers([decision]),
    ]
    text = translate(language, "api-detail-too-many-requests", seconds=retry)
    if surface == "api":
        title = translate(language, "api-title-too-many-requests")
        problem = {"type": "about:blank", "title": title, "status": 429, "detail": text}
        body = json.dumps(problem, ensure_ascii=False).encode()
        await _answer(send, 429, "application/problem+json", body, headers)
    else:
        await _plain(send, 429, text, headers)


async def _plain(
    send: Any, status: int, text: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    await _answer(send, status, "text/plain; charset=utf-8", text.encode(), headers)


async def _answer(
    send: Any,
    status: int,
    content_type: str,
    body: bytes,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", content_type.encode()),
                    (b"content-length", str(len(body)).encode()), *(headers or [])],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})
