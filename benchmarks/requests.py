"""The server's own time per CalDAV request, without a client or a socket: what a change to the
request path (middleware, authentication, readers) costs or saves.

Run from the repository root with the project's interpreter (`make bench` runs it too):

    .venv/bin/python -m benchmarks.requests                  # both backends, 400 requests each
    .venv/bin/python -m benchmarks.requests --requests 100 --backends sqlite

The whole HTTP application `televent serve` runs (rate limits, metrics, request log, CalDAV) is
built in-process on a fresh database (a SQLite file; a PostgreSQL database
`televent_reqbench_<pid>`, dropped at the end), with one account, a device password and 1,000
events of the core benchmark's realistic kind. Each request is handed to the ASGI application
directly and timed until its reply is written: a GET of one of the events with remembered
credentials, the same GET without credentials (401), a PUT of a new event, an initial
sync-collection and a PROPFIND Depth 1 asking for every ETag. The report gives the median of
--requests of each (the listings: a tenth of that) after 5 unmeasured ones, and on PostgreSQL
the statements each request sent (counted at psycopg's cursor), since each is a round trip
there.

Compare two commits by running this module in each checkout, one after the other, twice.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from benchmarks.core import realistic_event
from benchmarks.support import database, postgres_reachable, progress
from televent.adapters.http import create_http_app
from televent.adapters.operations_middleware import LimitOptions
from televent.adapters.port import AppPort
from televent.adapters.ratelimit import Policy
from televent.bootstrap import build_application, build_services
from televent.config import Settings
from televent.domain.values import calendar_id_for
from televent.entrypoints.operations import operations_middleware

EVENTS = 1000
HOME = "/dav/calendars/1/default/"
SYNC = (
    b'<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:"><d:sync-token/>'
    b"<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
)
PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
    b"<d:prop><d:getetag/></d:prop></d:propfind>"
)
Call = Callable[[int], Awaitable[int]]


class Statements:
    """Counts the statements psycopg sends (PostgreSQL's round trips)."""

    def __init__(self) -> None:
        self.count = 0
        self._original = psycopg.Cursor.execute

    @contextmanager
    def counting(self) -> Iterator[None]:
        original = self._original

        def execute(cursor: Any, *args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(cursor, *args, **kwargs)

        psycopg.Cursor.execute = execute  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            psycopg.Cursor.execute = original  # type: ignore[method-assign]


def application(url: str) -> tuple[Any, str, Callable[[], None]]:
    """The served ASGI application on `url`, seeded; its device password; how to close it."""
    settings = Settings(database_url=url, access_log=True)
    app = build_application(settings)
    services = build_services(app, settings)
    account = app.register_account(1, name="Bench", actor="system:", source="cli:bench")
    password = app.issue_device_password(1, "bench", actor="system:", source="cli").password
    calendar = calendar_id_for(account.account_id, "default")
    for i in range(EVENTS):
        app.put_object(
            calendar, f"e{i}.ics", realistic_event(i), actor="system:", source="caldav:bench"
        )
    http = create_http_app(
        app,
        AppPort(),
        settings,
        schedule_inbox=services.schedule_inbox,
        record_device_use=services.record_device_use,
        projection_status=services.projection_status,
        web_login=services.web_login,
        push=services.push_registrations,
    )
    plenty = Policy("bench", 1_000_000, 1_000_000)
    served = operations_middleware(
        http,
        app,
        settings.database,
        redis_url=None,
        limits=LimitOptions(address=plenty, account=plenty, booking=plenty, enabled=True),
        metrics_token=None,
    )
    return served, password, app.close


def caller(served: Any) -> Callable[..., Awaitable[int]]:
    async def call(method: str, path: str, body: bytes = b"", **headers: str) -> int:
        scope = {
            "type": "http", "http_version": "1.1", "method": method, "path": path,
            "raw_path": path.encode(), "query_string": b"", "root_path": "", "scheme": "http",
            "server": ("127.0.0.1", 8080), "client": ("127.0.0.1", 50000),
            "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()],
        }  # fmt: skip
        given = False

        async def receive() -> dict[str, Any]:
            nonlocal given
            if given:
                await asyncio.sleep(3600)  # nothing more will come
            given = True
            return {"type": "http.request", "body": body, "more_body": False}

        status: list[int] = []

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))

        await served(scope, receive, send)
        return status[0]

    return call


async def measure(
    served: Any, password: str, requests: int, statements: Statements
) -> dict[str, Any]:
    call = caller(served)
    basic = "Basic " + base64.b64encode(f"1:{password}".encode()).decode()
    kinds: dict[str, tuple[Call, int, int]] = {
        "GET": (
            lambda i: call("GET", f"{HOME}e{i % EVENTS}.ics", authorization=basic),
            200, requests,
        ),
        "401": (lambda i: call("GET", f"{HOME}e{i % EVENTS}.ics"), 401, requests),
        "PUT": (
            lambda i: call(
                "PUT", f"{HOME}new-{i}.ics", realistic_event(EVENTS + i).encode(),
                authorization=basic, content_type="text/calendar",
            ),
            201, requests,
        ),
        "sync": (
            lambda i: call("REPORT", HOME, SYNC, authorization=basic, depth="1",
                           content_type="application/xml"),
            207, max(requests // 10, 5),
        ),
        "PROPFIND": (
            lambda i: call("PROPFIND", HOME, PROPFIND, authorization=basic, depth="1",
                           content_type="application/xml"),
            207, max(requests // 10, 5),
        ),
    }  # fmt: skip
    found: dict[str, Any] = {}
    for name, (request, expected, count) in kinds.items():
        for i in range(5):
            status = await request(10_000 + i)
            assert status == expected, (name, status)
        samples = []
        statements.count = 0
        with statements.counting():
            for i in range(count):
                began = time.perf_counter()
                status = await request(i)
                samples.append(time.perf_counter() - began)
                assert status == expected, (name, status)
        found[name] = (statistics.median(samples) * 1000, statements.count / count)
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--backends", default="sqlite,postgresql")
    options = parser.parse_args(argv)
    backends = options.backends.split(",")
    if "postgresql" in backends and not postgres_reachable():
        progress("PostgreSQL is not reachable at 127.0.0.1:5432: measured on SQLite only")
        backends = [b for b in backends if b != "postgresql"]
    results: dict[str, dict[str, Any]] = {}
    statements = Statements()
    with tempfile.TemporaryDirectory() as folder:
        for backend in backends:
            progress(f"{backend}: seeding {EVENTS} events")
            with database(backend, Path(folder), "reqbench") as url:
                served, password, close = application(url)
                try:
                    results[backend] = asyncio.run(
                        measure(served, password, options.requests, statements)
                    )
                finally:
                    close()
    names = list(next(iter(results.values())))
    print("## Server time per CalDAV request (`python -m benchmarks.requests`)\n")
    header = " | ".join(f"{b} (ms)" for b in results)
    counted = " | ".join("statements" for b in results if b == "postgresql")
    print(f"| request | {header}{' | ' + counted if counted else ''} |")
    print("|---|" + "---:|" * (len(results) + (1 if counted else 0)))
    for name in names:
        cells = [f"{results[b][name][0]:.2f}" for b in results]
        if "postgresql" in results:
            cells.append(f"{results['postgresql'][name][1]:.0f}")
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
