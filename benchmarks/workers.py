"""Several processes: CalDAV throughput with 1, 2 and 4 workers on PostgreSQL, and what the rate
limiter and the metrics cost per request.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.workers               # 20 s per worker count (~2 min)
    .venv/bin/python -m benchmarks.workers --seconds 5   # a quick look

Each worker count starts `televent serve --workers N` (plain `serve` for 1) on a free loopback
port against a fresh PostgreSQL database `televent_wbench_<pid>` (dropped at the end;
`TELEVENT_BENCH_POSTGRES_URL` overrides the admin URL), with the rate limits and metrics on, as
in production. The workload: 16 users, each with 50 events, driven by two client processes
of 8 threads each (one user a thread, so no two clients edit one event, and the client's own
interpreter is not the bottleneck); each request is, at random, a GET of an event (50 %), a PUT
changing one (30 %), or a PROPFIND Depth 1 of the user's calendar (20 %). Reported: requests a
second, median and p95 latency, errors (statuses of 400 and above, or no answer).

The middleware's cost is measured in the same run, in this process: the same ASGI request
answered by an empty application directly, and through the middleware (rate limit in memory,
and in Redis when one answers at 127.0.0.1:6379; metrics; the request log off, as by default).
The difference per request is set against the server's time per request in the 1-worker run
(one second over its requests a second: the server is saturated by 16 clients).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
CLIENT_PROCESSES, THREADS, EVENTS = 2, 8, 50
USERS = CLIENT_PROCESSES * THREADS  # one user per client: no two clients edit one event
PROPFIND = (
    b'<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


def event(uid: str, revision: int) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T090000Z\r\nDTSTART:20260310T{9 + revision % 8:02d}0000Z"
        f"\r\nDURATION:PT1H\r\nSUMMARY:Bench {uid} r{revision}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def database() -> Iterator[str]:
    name = f"televent_wbench_{os.getpid()}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(database_url: str) -> dict[int, str]:
    from televent.bootstrap import build_application  # noqa: PLC0415
    from televent.config import Settings  # noqa: PLC0415

    app = build_application(Settings(database_url=database_url))
    passwords = {}
    try:
        for user in range(1, USERS + 1):
            app.register_account(user, name=f"User {user}", actor="system:", source="cli:bench")
            issued = app.issue_device_password(user, "bench", actor="system:", source="cli:bench")
            passwords[user] = issued.password
    finally:
        app.close()
    return passwords


@contextlib.contextmanager
def serve(database_url: str, workers: int) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "TELEVENT_DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT / "src"),
        "TELEVENT_RATE_ACCOUNT_BURST": "100000",
        "TELEVENT_RATE_ACCOUNT_PER_MINUTE": "6000000",
    }
    command = [sys.executable, "-m", "televent", "serve", "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                        break
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"serve did not start:\n{log.read().decode()}")
                time.sleep(0.3)
            time.sleep(1.0 if workers > 1 else 0)  # every worker listening
            yield url
        finally:
            process.terminate()
            process.wait(timeout=60)


def fill(url: str, passwords: dict[int, str]) -> None:
    with httpx.Client(timeout=30) as http:
        for user, password in passwords.items():
            for n in range(EVENTS):
                href = f"{url}/dav/calendars/{user}/default/e{n}.ics"
                http.put(href, content=event(f"u{user}-e{n}", 0), auth=(str(user), password))


def client_process(job: tuple[str, dict[int, str], float, int]) -> tuple[list[float], int, int]:
    """One client process: THREADS threads, each one user, for `seconds`."""
    url, passwords, seconds, offset = job
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def drive(index: int) -> None:
        user = (offset + index) % USERS + 1
        auth = (str(user), passwords[user])
        collection = f"{url}/dav/calendars/{user}/default/"
        rng = random.Random(offset * 100 + index)
        mine: list[float] = []
        failed = 0
        with httpx.Client(timeout=30, auth=auth) as http:
            while time.monotonic() < stop_at:
                n, roll = rng.randrange(EVENTS), rng.random()
                started = time.perf_counter()
                try:
                    if roll < 0.5:
                        answer = http.get(f"{collection}e{n}.ics")
                    elif roll < 0.8:
                        body = event(f"u{user}-e{n}", rng.randrange(1000))
                        answer = http.put(f"{collection}e{n}.ics", content=body)
                    else:
                        answer = http.request(
                            "PROPFIND", collection, content=PROPFIND, headers={"Depth": "1"}
                        )
                    ok = answer.status_code < 400
                except httpx.HTTPError:
                    ok = False
                mine.append(time.perf_counter() - started)
                failed += 0 if ok else 1
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=drive, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], len(latencies)


def load(url: str, passwords: dict[int, str], seconds: float) -> dict[str, float]:
    jobs = [(url, passwords, seconds, p * THREADS) for p in range(CLIENT_PROCESSES)]
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(CLIENT_PROCESSES) as pool:
        results = pool.map(client_process, jobs)
    elapsed = time.perf_counter() - started
    latencies = sorted(x for r in results for x in r[0])
    count = sum(r[2] for r in results)
    return {
        "rps": count / elapsed,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95)] * 1000,
        "errors": sum(r[1] for r in results),
        "requests": count,
    }


def middleware_cost(rounds: int = 20_000) -> dict[str, float]:
    """Microseconds per request the middleware adds (memory store; Redis store if reachable)."""
    from televent.adapters.operations_middleware import (  # noqa: PLC0415
        LimitOptions,
        OperationsMiddleware,
    )
    from televent.adapters.ratelimit import MemoryStore, Policy, RedisStore  # noqa: PLC0415

    async def empty(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 207, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def sink(message: dict[str, Any]) -> None:
        return None

    async def nothing() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "PROPFIND", "path": "/dav/calendars/1/default/",
             "client": ("192.0.2.1", 5000),
             "headers": [(b"authorization", b"Basic MTpzZWNyZXQ="), (b"depth", b"1")]}  # fmt: skip

    async def timed(app: Any) -> float:
        for _ in range(200):
            await app(scope, nothing, sink)
        started = time.perf_counter()
        for _ in range(rounds):
            await app(scope, nothing, sink)
        return (time.perf_counter() - started) / rounds * 1e6

    def wrapped(store: Any) -> Any:
        async def inline(fn: Any, *args: Any) -> Any:
            return fn(*args)

        big = Policy("account", 60_000_000, 10_000_000)
        limits = LimitOptions(account=big, address=big)
        return OperationsMiddleware(empty, store=store, limits=limits, run=inline)

    async def measure() -> dict[str, float]:
        base = await timed(empty)
        figures = {"memory_us": await timed(wrapped(MemoryStore())) - base}
        redis_store = RedisStore("redis://127.0.0.1:6379/0", prefix=f"bench:{os.getpid()}:")
        try:
            await redis_store.redis.ping()
        except Exception:  # no Redis here: the memory figure only
            return figures
        figures["redis_us"] = await timed(wrapped(redis_store)) - base
        await redis_store.close()
        return figures

    return asyncio.run(measure())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="load per worker count")
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",")]
    rows: dict[int, dict[str, float]] = {}
    with database() as url:
        passwords = seed(url)
        for workers in counts:
            print(f"{workers} worker(s)…", file=sys.stderr)
            with serve(url, workers) as base:
                if not rows:
                    fill(base, passwords)
                rows[workers] = load(base, passwords, args.seconds)
    cost = middleware_cost()
    first = rows[counts[0]]
    print(f"CalDAV mix (50 % GET, 30 % PUT, 20 % PROPFIND Depth 1), {USERS} users x {EVENTS} "
          f"events, {CLIENT_PROCESSES * THREADS} concurrent clients, {args.seconds:.0f} s each, "
          f"PostgreSQL, {os.cpu_count()} CPUs\n")  # fmt: skip
    print("| workers | requests/s | vs 1 | median ms | p95 ms | errors |")
    print("|---|---|---|---|---|---|")
    for workers, row in rows.items():
        print(f"| {workers} | {row['rps']:.0f} | {row['rps'] / first['rps']:.2f}x | "
              f"{row['median_ms']:.1f} | {row['p95_ms']:.1f} | {row['errors']:.0f} |")  # fmt: skip
    server_us = 1e6 / first["rps"] if first["rps"] else float("nan")
    print("\n| middleware (rate limit + metrics) | µs per request | share of a request |")
    print("|---|---|---|")
    for name, micros in cost.items():
        store = "memory store" if name.startswith("memory") else "Redis store"
        print(f"| {store} | {micros:.1f} | {micros / server_us:.1%} |")
    print(f"\n(share: against {server_us:.0f} µs, the server's time per request at "
          f"{counts[0]} worker(s))")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
