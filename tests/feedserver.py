"""A calendar feed server on loopback, as the services people subscribe to behave (RFC 9110
conditional requests): each feed has a body, an ETag and a Last-Modified; If-None-Match or
If-Modified-Since of the current one answers 304; a feed can also redirect, answer slowly,
answer more than any client should read, fail with a status, or serve HTML instead of a
calendar. Every request is counted by path and status, so a test can tell a 304 from a 200."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

LAST_MODIFIED = "Tue, 01 Sep 2026 10:00:00 GMT"


@dataclass
class Feed:
    body: bytes
    status: int = 200
    redirect_to: str | None = None  # answer 302 to this path or URL
    delay: float = 0.0  # seconds before answering (the test's teardown cuts it short)
    content_type: str = "text/calendar; charset=utf-8"

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.feeds: dict[str, Feed] = {}
        self.answers: Counter[tuple[str, int]] = Counter()  # (path, status) -> how many
        self.release = threading.Event()
        self.lock = threading.Lock()
        super().__init__((host, 0), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        host = self.server_address[0]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{self.port}{path}"

    def put(self, path: str, body: str | bytes, **options: Any) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self.lock:
            self.feeds[path] = Feed(data, **options)

    def count(self, path: str, status: int) -> int:
        with self.lock:
            return self.answers[(path, status)]


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        with self.server.lock:
            self.server.answers[(self.path, status)] += 1
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        with self.server.lock:
            feed = self.server.feeds.get(self.path)
        if feed is None:
            self._send(404, b"no such feed")
            return
        if feed.delay and self.server.release.wait(feed.delay):
            return  # torn down while waiting
        if feed.redirect_to is not None:
            self._send(302, headers={"Location": feed.redirect_to})
            return
        validators = {"ETag": feed.etag, "Last-Modified": LAST_MODIFIED}
        if feed.status == 200 and (
            self.headers.get("If-None-Match") == feed.etag
            or (
                self.headers.get("If-None-Match") is None
                and self.headers.get("If-Modified-Since") == LAST_MODIFIED
            )
        ):
            self._send(304, headers=validators)
            return
        headers = {"Content-Type": feed.content_type}
        if feed.status == 200:
            headers.update(validators)
        self._send(feed.status, feed.body, headers)


S = TypeVar("S", bound=ThreadingHTTPServer)


@contextmanager
def feed_server(host: str = "127.0.0.1") -> Iterator[FeedServer]:
    with serving(FeedServer(host)) as server:
        yield server


@contextmanager
def serving(server: S) -> Iterator[S]:
    """Serve on a thread until the block ends; `server.release` (an Event) cuts waits short."""
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        getattr(server, "release", threading.Event()).set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def calendar_feed(events: dict[str, tuple[str, str]], *, extra_head: str = "") -> str:
    """An iCalendar feed: UID -> (title, start as YYYYMMDDTHHMMSSZ), each an hour long."""
    parts = []
    for uid, (title, start) in events.items():
        hour = int(start[9:11])
        end = f"{start[:9]}{hour + 1:02d}{start[11:]}"
        parts.append(
            f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{start}\r\n"
            f"DTEND:{end}\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
        )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Feeds on loopback//EN\r\n"
        f"{extra_head}" + "".join(parts) + "END:VCALENDAR\r\n"
    )
