"""What the benchmarks share: where PostgreSQL is, a fresh database per run, progress lines
on stderr, and the 95th percentile."""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
