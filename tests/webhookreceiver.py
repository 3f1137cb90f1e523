"""A webhook receiver on loopback, as the endpoints a webhook sender posts to behave under the
Standard Webhooks specification (https://www.standardwebhooks.com/): each message is a POST
with `webhook-id`, `webhook-timestamp` and `webhook-signature` headers, the signature an
HMAC-SHA256 with the endpoint's `whsec_` secret over `id.timestamp.body`; a 2xx answer means
delivered, anything else (or no answer in time) means the sender retries later, with the same
`webhook-id` and the same body.

Signatures are checked by the independent `standardwebhooks` package, not by the project's
code: a request that fails (wrong secret, tampered body, a timestamp more than five minutes
off, missing headers) is answered 401 and recorded as refused. A path can be scripted to
answer a run of statuses, to keep the sender waiting ("timeout") or to answer far more than a
sender should read ("huge"); the test's teardown cuts both short. Every request is recorded
as a `Delivery`."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import urlsplit

from standardwebhooks.webhooks import Webhook

from tests.feedserver import serving

HOST = "127.0.0.1"
TIMEOUT_BOUND = 60.0  # seconds a "timeout" entry keeps the sender waiting at most
HUGE_SIZE = 50 * 1024 * 1024  # bytes a "huge" entry announces and streams
HUGE_CHUNK = 64 * 1024
HUGE_PAUSE = 0.01  # seconds between chunks: 50 MB takes several seconds
MAX_BODY = 16 * 1024 * 1024  # a larger request is answered 413 unread

Entry = int | Literal["timeout", "huge"]
Outcome = Literal["answered", "refused", "timeout", "huge"]


@dataclass(frozen=True)
class Delivery:
    """One request as it arrived: `verified` is whether its signature checked out with the
    path's secret (False without a secret), `status_answered` what the receiver answered (or
    answers once a "timeout" ends, long after a sender gave up), `outcome` which: "answered",
    "refused" (401, failed verification), "timeout" or "huge"."""

    path: str
    headers: dict[str, str]
    body: bytes
    json: Any  # the body parsed as JSON, None if it is not JSON
    verified: bool
    status_answered: int
    received_at: float  # time.monotonic()
    outcome: Outcome = "answered"

    @property
    def webhook_id(self) -> str | None:
        return self.headers.get("webhook-id")


class WebhookReceiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = HOST) -> None:
        self.secrets: dict[str, str] = {}
        self.scripts: dict[str, deque[Entry]] = {}
        self.defaults: dict[str, int] = {}
        self.records: list[Delivery] = []
        self.requests: Counter[tuple[str, int]] = Counter()  # (path, status) -> how many
        self.release = threading.Event()
        self.lock = threading.Lock()
        super().__init__((host, 0), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str = "/hook") -> str:
        host = self.server_address[0]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{self.port}{path}"

    def set_secret(self, path: str, secret: str) -> None:
        """The `whsec_...` secret requests to `path` are verified with."""
        Webhook(secret)  # refuses an empty or malformed secret now, not in the handler
        with self.lock:
            self.secrets[path] = secret

    def script(self, path: str, entries: Iterable[Entry]) -> None:
        """What the next verified requests to `path` get, one entry each: a status, "timeout"
        or "huge"; then the default (200 unless `default` says otherwise)."""
        planned = list(entries)
        for entry in planned:
            if not isinstance(entry, int) and entry not in ("timeout", "huge"):
                raise ValueError(f"unknown script entry {entry!r}")
        with self.lock:
            self.scripts.setdefault(path, deque()).extend(planned)

    def default(self, path: str, status: int) -> None:
        """The status `path` answers once its script is used up."""
        with self.lock:
            self.defaults[path] = status

    def deliveries(self, path: str | None = None, *, verified_only: bool = True) -> list[Delivery]:
        """The requests so far (to `path`, or to any), oldest first."""
        with self.lock:
            records = list(self.records)
        return [
            each
            for each in records
            if (path is None or each.path == path) and (each.verified or not verified_only)
        ]

    def wait_for(
        self,
        count: int,
        path: str | None = None,
        timeout: float = 30,
        *,
        verified_only: bool = True,
    ) -> list[Delivery]:
        """The deliveries once at least `count` have arrived; AssertionError after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            arrived = self.deliveries(path, verified_only=verified_only)
            if len(arrived) >= count:
                return arrived
            if time.monotonic() >= deadline:
                everything = [
                    (each.path, each.outcome, each.status_answered, each.body[:200])
                    for each in self.deliveries(verified_only=False)
                ]
                raise AssertionError(
                    f"{len(arrived)} of {count} deliveries to {path or 'any path'} in "
                    f"{timeout}s; every request: {everything!r}"
                )
            time.sleep(0.02)

    def by_webhook_id(self, *, verified_only: bool = True) -> dict[str, set[bytes]]:
        """For each `webhook-id`, the distinct bodies that came with it: a sender that keeps
        its promise never has two for one id."""
        grouped: dict[str, set[bytes]] = {}
        for each in self.deliveries(verified_only=verified_only):
            if each.webhook_id is not None:
                grouped.setdefault(each.webhook_id, set()).add(each.body)
        return grouped

    def count(self, path: str, status: int) -> int:
        with self.lock:
            return self.requests[(path, status)]


class _Handler(BaseHTTPRequestHandler):
    server: WebhookReceiver
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _count(self, path: str, status: int) -> None:
        with self.server.lock:
            self.server.requests[(path, status)] += 1

    def _send(self, path: str, status: int, body: bytes = b"") -> None:
        self._count(path, status)
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes | None:
        """The request body (Content-Length or chunked), None if it is too large to read."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
                if len(data) > MAX_BODY:
                    return None
        length = int(self.headers.get("Content-Length") or 0)
        return None if length > MAX_BODY else self.rfile.read(length)

    def _other(self) -> None:
        self.close_connection = True
        self._send(urlsplit(self.path).path, 405, b"webhooks are POSTed")

    do_GET = do_PUT = do_DELETE = do_PATCH = _other

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        try:
            body = self._body()
        except ValueError:
            body = None
        if body is None:
            self.close_connection = True
            self._send(path, 413, b"too large")
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        with self.server.lock:
            secret = self.server.secrets.get(path)
        verified = False
        if secret is not None:
            try:
                Webhook(secret).verify(body, headers, json_parse=False)
                verified = True
            except Exception:  # WebhookVerificationError, and ValueError on malformed headers
                self._record(path, headers, body, parsed, False, 401, "refused")
                self._send(path, 401, b"signature verification failed")
                return
        with self.server.lock:
            queue = self.server.scripts.get(path)
            entry: Entry = queue.popleft() if queue else self.server.defaults.get(path, 200)
        if isinstance(entry, int):
            self._record(path, headers, body, parsed, verified, entry, "answered")
            self._send(path, entry, b"ok" if 200 <= entry < 300 else b"scripted failure")
        elif entry == "timeout":
            self._record(path, headers, body, parsed, verified, 200, "timeout")
            if self.server.release.wait(TIMEOUT_BOUND):
                self.close_connection = True
                return  # torn down while the sender waited
            self._send(path, 200, b"ok, at last")
        else:
            self._record(path, headers, body, parsed, verified, 200, "huge")
            self._huge(path)

    def _record(
        self,
        path: str,
        headers: dict[str, str],
        body: bytes,
        parsed: Any,
        verified: bool,
        status: int,
        outcome: Outcome,
    ) -> None:
        delivery = Delivery(
            path, headers, body, parsed, verified, status, time.monotonic(), outcome
        )
        with self.server.lock:
            self.server.records.append(delivery)

    def _huge(self, path: str) -> None:
        """200 with a 50 MB body, slowly; stops when the sender hangs up or on teardown."""
        self._count(path, 200)
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(HUGE_SIZE))
        self.end_headers()
        chunk = b"x" * HUGE_CHUNK
        sent = 0
        deadline = time.monotonic() + TIMEOUT_BOUND
        try:
            while sent < HUGE_SIZE and time.monotonic() < deadline:
                part = chunk[: HUGE_SIZE - sent]
                self.wfile.write(part)
                sent += len(part)
                if self.server.release.wait(HUGE_PAUSE):
                    return
        except OSError:
            return  # the sender stopped reading and hung up


@contextmanager
def webhook_receiver(host: str = HOST) -> Iterator[WebhookReceiver]:
    """A webhook receiver on a free loopback port, shut down when the block ends."""
    with serving(WebhookReceiver(host)) as receiver:
        yield receiver
