"""What the benchmarks share: where PostgreSQL is, a fresh database per run, progress lines
on stderr, and the 95th percentile."""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def this_monday() -> dt.date:
    """The Monday of the current week (UTC): benchmarks ask about the weeks around now, as
    people do, where the occurrence index lists endless series (docs/adr/0030)."""
    today = dt.datetime.now(dt.UTC).date()
    return today - dt.timedelta(days=today.weekday())


def progress(message: str) -> None:
    """A line of progress on stderr (stdout holds the report)."""
    print(message, file=sys.stderr, flush=True)


@contextmanager
def database(backend: str, folder: Path, label: str) -> Iterator[str]:
    """A fresh, empty database URL for one run (a PostgreSQL one is dropped afterwards);
    `label` names the file or database."""
    if backend == "sqlite":
        yield f"sqlite:///{folder}/{label}.db"
        return
    name = f"televent_{label.replace('-', '_')}_{os.getpid()}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def postgres_reachable() -> bool:
    """Whether the PostgreSQL server at ADMIN_URL answers."""
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def sized_options(doc: str | None, argv: list[str] | None) -> argparse.Namespace:
    """The options of a benchmark of one large file: --backends, --events (5,000), --rounds
    (3), and --quick (SQLite only, 1 round of 1,000); its description is `doc`'s first
    paragraph."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="SQLite only, 1 round of 1,000")
    options = parser.parse_args(argv)
    if options.quick:
        options.backends, options.events, options.rounds = ["sqlite"], 1000, 1
    return options


def size_options(doc: str | None, argv: list[str] | None) -> argparse.Namespace:
    """The options of a benchmark over calendars of several sizes: --sizes (1,000 and
    10,000 events), --backends, --runs (30), and --quick (SQLite, 1,000 events, 10 runs)."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args(argv)
    if options.quick:
        options.sizes, options.backends, options.runs = [1000], ["sqlite"], 10
    return options


def size_table(
    options: argparse.Namespace,
    title: str,
    columns: list[str],
    run: Callable[[str, int, int, Path], dict[str, Any]],
    cells: Callable[[dict[str, Any]], list[str]],
) -> None:
    """Print a Markdown table with a row per backend and size (`run(backend, size, runs,
    folder)`, then `cells` of its result after the backend and the size)."""
    print(f"## {title}\n")
    print(
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{options.runs} runs after 3 warm-up ones.\n"
    )
    print("| backend | events | " + " | ".join(columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    with tempfile.TemporaryDirectory(prefix="televent-bench-") as folder:
        for kind in options.backends:
            for size in options.sizes:
                progress(f"{kind}, {size} events")
                row = run(kind, size, options.runs, Path(folder))
                print(f"| {kind} | {size:,} | " + " | ".join(cells(row)) + " |", flush=True)
