"""JSON API latency: the Mini App's week query (`GET /api/v1/events` for seven days) with 1,000
and 10,000 events in the calendar, against a real `televent serve`.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.api                  # SQLite and PostgreSQL, 1k and 10k
    .venv/bin/python -m benchmarks.api --quick          # SQLite, 1k only, 10 requests
    .venv/bin/python -m benchmarks.api --sizes 1000 --backends sqlite --requests 100

For each backend (a SQLite file, and a fresh PostgreSQL database `televent_apibench_<pid>` at
127.0.0.1:5432, dropped at the end; TELEVENT_BENCH_POSTGRES_URL overrides the admin URL; a
PostgreSQL that cannot be reached is skipped and said so) and size n, user 1 (Europe/Berlin)
gets n events in the default calendar, stored in-process with `put_object`: one in fifty a
weekly series without end (its every week has an occurrence), the others single events of 30
or 60 minutes spread evenly over the year around this week. Then `televent serve` runs on
that database on a free loopback port, and this week (from Monday, Berlin time) is asked for
(`limit=500`, HTTP Basic with the device password; the first request verifies the password,
the following ones find it remembered), --warmup times unmeasured, then --requests times,
each timed with time.perf_counter around the request alone (response fully read). Every
answer is checked: status 200, no next page, and exactly the occurrences the week holds.
Then GETs of a calendar object without credentials (the 401 every client's first request gets;
5 warm-up and at most 50 measured, within the burst one address may send without signing in)
and of `/health`, written as fixed bytes on one kept-alive socket (the server's answer without
a client library's own work), and `/health` again through httpx, to show what the client adds;
the week query is also sent that way (`median, raw`), and so is one occurrence of a weekly
series in the week as the Mini App's card asks for it (`GET /api/v1/events/{id}?occurrence=`
with the listing's `recurrence_id`, each answer checked to be that occurrence).

The report is a Markdown table on stdout (progress on stderr): per backend and size, the
number of occurrences in the week, the median and the p95 (nearest rank) in ms, and the time
the events took to store.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httpx

from benchmarks.support import (
    ADMIN_URL,
    database,
    p95,
    postgres_reachable,
    progress,
    this_monday,
)
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for

ROOT = Path(__file__).resolve().parent.parent
ACTOR, SOURCE = "system:", "cli:bench"
USER, ZONE = 1, "Europe/Berlin"
MONDAY = this_monday()  # the week asked for is this week, in the middle of the year of events
YEAR_START = dt.datetime.combine(MONDAY - dt.timedelta(weeks=26), dt.time(8))
WEEK = tuple(
    dt.datetime.combine(
        MONDAY + dt.timedelta(days=days), dt.time(), tzinfo=ZoneInfo(ZONE)
    ).isoformat()
    for days in (0, 7)
)
SERIES_EVERY = 50
UNAUTHENTICATED = f"/dav/calendars/{USER}/{DEFAULT_CALENDAR_SLUG}/api-bench-1.ics"
START_TIMEOUT = 60.0


@dataclass
class Row:
    backend: str
    size: int
    occurrences: int
    median_ms: float
    p95_ms: float
    store_s: float
    unauthenticated_ms: float  # a CalDAV GET without credentials, answered 401 (raw socket)
    health_ms: float  # GET /health (raw socket)
    health_httpx_ms: float  # GET /health through httpx, as the week query is sent
    raw_ms: float  # the week query written on a socket
    occurrence_ms: float  # one occurrence of a series, as the Mini App's card asks (raw socket)


def single_start(i: int, count: int) -> dt.datetime:
    """Where single event `i` of `count` starts (wall clock in ZONE): evenly over the year, on
    quarter hours, never between 02:00 and 04:00, where a daylight-saving change may skip or
    repeat the hour."""
    start = YEAR_START + dt.timedelta(minutes=(i * 365 * 24 * 60 // count) // 15 * 15)
    return start + dt.timedelta(hours=2) if 2 <= start.hour < 4 else start


def event_body(i: int, count: int) -> str:
    """Event `i` of `count`: a weekly series without end (one in fifty, starting in the first
    week of January), or a single event at its place in the year."""
    if i % SERIES_EVERY == 0:
        start = YEAR_START + dt.timedelta(days=i % 7, hours=i % 9)
    else:
        start = single_start(i, count)
    end = start + dt.timedelta(minutes=30 if i % 2 else 60)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Televent bench//EN",
        "BEGIN:VEVENT",
        f"UID:api-bench-{i}@example.com",
        "DTSTAMP:20260101T090000Z",
        f"DTSTART;TZID={ZONE}:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID={ZONE}:{end:%Y%m%dT%H%M%S}",
        f"SUMMARY:Meeting number {i}",
        f"LOCATION:Room {i % 40}",
    ]
    if i % SERIES_EVERY == 0:
        lines.append("RRULE:FREQ=WEEKLY")
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def expected_in_week(count: int) -> int:
    """How many occurrences overlap the benchmark's week (every series has one)."""
    low = dt.datetime.fromisoformat(WEEK[0]).replace(tzinfo=None)
    high = dt.datetime.fromisoformat(WEEK[1]).replace(tzinfo=None)
    found = 0
    for i in range(count):
        if i % SERIES_EVERY == 0:
            found += 1
            continue
        start = single_start(i, count)
        end = start + dt.timedelta(minutes=30 if i % 2 else 60)
        found += start < high and end > low
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(database_url: str, size: int) -> tuple[str, float]:
    """User 1 with a device password and `size` events; returns (password, seconds storing)."""
    app = build_application(Settings(database_url=database_url))
    try:
        app.register_account(USER, name="Alice", timezone=ZONE, actor=ACTOR, source=SOURCE)
        password = app.issue_device_password(USER, "bench", actor=ACTOR, source=SOURCE).password
        calendar_id = calendar_id_for(account_id_for(USER), DEFAULT_CALENDAR_SLUG)
        began = time.perf_counter()
        for i in range(size):
            body = event_body(i, size)
            app.put_object(calendar_id, f"api-bench-{i}.ics", body, actor=ACTOR, source=SOURCE)
            if (i + 1) % 1000 == 0:
                progress(f"  stored {i + 1}/{size}")
        return password, time.perf_counter() - began
    finally:
        app.close()


@contextmanager
def serve(database_url: str, folder: Path) -> Iterator[str]:
    """`televent serve` on the database until /health answers; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "TELEVENT_DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT / "src"),
        # the limiter runs as ever, but lets one account's burst of measured requests through
        "TELEVENT_RATE_ACCOUNT_PER_MINUTE": "1000000",
        "TELEVENT_RATE_ACCOUNT_BURST": "1000000",
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    log = (folder / f"serve-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "televent", "serve", "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"televent serve did not start (see {log.name})")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def week_query_raw(
    url: str, password: str, expected: int, warmup: int, requests: int
) -> list[float]:
    """The same week queries written on a socket as fixed bytes (seconds), each answer checked."""
    query = urlencode({"start": WEEK[0], "end": WEEK[1], "limit": 500})
    credentials = base64.b64encode(f"{USER}:{password}".encode()).decode()

    def check(body: bytes) -> None:
        page = json.loads(body)
        if len(page["items"]) != expected or page["next_cursor"] is not None:
            raise RuntimeError(f"week query gave {len(page['items'])} occurrences, not {expected}")

    return raw_requests(
        url, f"/api/v1/events?{query}", 200, warmup, requests,
        headers=f"Authorization: Basic {credentials}\r\n", check=check,
    )  # fmt: skip


def occurrence_raw(url: str, password: str, warmup: int, requests: int) -> list[float]:
    """One occurrence of a series in the week, asked for as the Mini App's card asks for it
    (`GET /api/v1/events/{id}?occurrence=` with the listing's `recurrence_id`), written on a
    socket as fixed bytes (seconds), each answer checked to be that occurrence."""
    params: dict[str, str | int] = {"start": WEEK[0], "end": WEEK[1], "limit": 500}
    with httpx.Client(base_url=url, auth=(str(USER), password), timeout=120) as client:
        items = client.get("/api/v1/events", params=params).json()["items"]
    item = next(i for i in items if i["recurrence"] and i["recurrence_id"])
    query = urlencode({"occurrence": item["recurrence_id"]})
    credentials = base64.b64encode(f"{USER}:{password}".encode()).decode()

    def check(body: bytes) -> None:
        event = json.loads(body)
        if (event["id"], event["start"]) != (item["id"], item["start"]):
            raise RuntimeError(f"the occurrence answered {event['id']} {event['start']}")

    return raw_requests(
        url, f"/api/v1/events/{item['id']}?{query}", 200, warmup, requests,
        headers=f"Authorization: Basic {credentials}\r\n", check=check,
    )  # fmt: skip


def week_query(url: str, password: str, expected: int, warmup: int, requests: int) -> list[float]:
    """The timed week queries (seconds), each answer checked."""
    params: dict[str, str | int] = {"start": WEEK[0], "end": WEEK[1], "limit": 500}
    times: list[float] = []
    with httpx.Client(base_url=url, auth=(str(USER), password), timeout=120) as client:
        for number in range(warmup + requests):
            began = time.perf_counter()
            response = client.get("/api/v1/events", params=params)
            body = response.content
            elapsed = time.perf_counter() - began
            if response.status_code != 200:
                raise RuntimeError(f"week query answered {response.status_code}: {body[:300]!r}")
            page = response.json()
            if len(page["items"]) != expected or page["next_cursor"] is not None:
                raise RuntimeError(
                    f"week query gave {len(page['items'])} occurrences, expected {expected}"
                )
            if number >= warmup:
                times.append(elapsed)
    return times


def plain_requests(url: str, path: str, status: int, warmup: int, requests: int) -> list[float]:
    """The timed GETs of `path` without credentials through httpx (seconds), each checked."""
    times: list[float] = []
    with httpx.Client(base_url=url, timeout=120) as client:
        for number in range(warmup + requests):
            began = time.perf_counter()
            response = client.get(path)
            _ = response.content
            elapsed = time.perf_counter() - began
            if response.status_code != status:
                raise RuntimeError(f"GET {path} answered {response.status_code}, not {status}")
            if number >= warmup:
                times.append(elapsed)
    return times


def raw_requests(
    url: str,
    path: str,
    status: int,
    warmup: int,
    requests: int,
    headers: str = "",
    check: Callable[[bytes], None] | None = None,
) -> list[float]:
    """The same GETs written on one kept-alive socket as fixed bytes, each answer read to its
    Content-Length (seconds): what the server's answer costs without a client library's own
    work per request (httpx spends about 0.4 ms of its own on each on this kind of machine)."""
    host, port = url.removeprefix("http://").split(":")
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{headers}\r\n".encode()
    times: list[float] = []
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for number in range(warmup + requests):
            began = time.perf_counter()
            sock.sendall(request)
            received = b""
            while b"\r\n\r\n" not in received:
                received += sock.recv(65536)
            head, _, body = received.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            length = next(
                (int(v) for k, _, v in (x.partition(":") for x in lines[1:])
                 if k.strip().lower() == "content-length"),
                0,
            )  # fmt: skip
            while len(body) < length:
                body += sock.recv(65536)
            elapsed = time.perf_counter() - began
            if lines[0].split(" ")[1] != str(status):
                raise RuntimeError(f"GET {path} answered {lines[0]!r}, not {status}")
            if check is not None:
                check(body)
            if number >= warmup:
                times.append(elapsed)
    return times


def run(options: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    backends = list(options.backends)
    if "postgresql" in backends and not postgres_reachable():
        progress(f"PostgreSQL not reachable at {ADMIN_URL}: skipped")
        backends.remove("postgresql")
    with tempfile.TemporaryDirectory(prefix="televent-apibench-") as tmp:
        folder = Path(tmp)
        for backend in backends:
            for size in options.sizes:
                progress(f"{backend}, {size} events: storing")
                with database(backend, folder, f"api-bench-{size}") as url:
                    password, stored = seed(url, size)
                    expected = expected_in_week(size)
                    progress(f"{backend}, {size} events: {expected} in the week, querying")
                    with serve(url, folder) as base:
                        times = week_query(
                            base, password, expected, options.warmup, options.requests
                        )
                        raw = week_query_raw(
                            base, password, expected, options.warmup, options.requests
                        )
                        # within the burst one address may send without signing in
                        refused = raw_requests(
                            base, UNAUTHENTICATED, 401, 5, min(options.requests, 50)
                        )
                        health = raw_requests(
                            base, "/health", 200, options.warmup, options.requests
                        )
                        health_httpx = plain_requests(
                            base, "/health", 200, options.warmup, options.requests
                        )
                        occurrence = occurrence_raw(
                            base, password, options.warmup, options.requests
                        )
                rows.append(
                    Row(
                        backend,
                        size,
                        expected,
                        statistics.median(times) * 1000,
                        p95(times) * 1000,
                        stored,
                        statistics.median(refused) * 1000,
                        statistics.median(health) * 1000,
                        statistics.median(health_httpx) * 1000,
                        statistics.median(raw) * 1000,
                        statistics.median(occurrence) * 1000,
                    )
                )
    return rows


def report(rows: list[Row], options: argparse.Namespace) -> str:
    lines = [
        "# JSON API: the week query",
        "",
        f"`GET /api/v1/events` for one week, {options.requests} requests after "
        f"{options.warmup} warm-up ones; Python {platform.python_version()} on "
        f"{platform.system()} {platform.machine()}.",
        "",
        "| backend | events | in the week | median (ms) | p95 (ms) | storing (s) "
        "| median, raw (ms) | 401, raw (ms) | /health, raw (ms) | /health, httpx (ms) "
        "| one occurrence, raw (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.backend} | {r.size:,} | {r.occurrences} | {r.median_ms:.1f} | {r.p95_ms:.1f} "
        f"| {r.store_s:.0f} | {r.raw_ms:.1f} | {r.unauthenticated_ms:.2f} | {r.health_ms:.2f} "
        f"| {r.health_httpx_ms:.2f} | {r.occurrence_ms:.2f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    parser.add_argument("--requests", type=int, default=200)
    # psycopg prepares a statement at its sixth use on a connection and the pool holds eight:
    # fifty warm-up requests measure the steady state a running server is in
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="SQLite, 1k events, 10 requests")
    options = parser.parse_args(argv)
    if options.quick:
        options.sizes, options.backends, options.requests = [1000], ["sqlite"], 10
    print(report(run(options), options))


if __name__ == "__main__":
    main()
