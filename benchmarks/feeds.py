"""Refreshing a subscribed feed (docs/adr/0025): a 5,000-event feed fetched into an empty
calendar, fetched again unchanged (a conditional GET answered 304), fetched again in full with
nothing changed (a server without validators), and fetched with 10 events changed.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.feeds                 # SQLite and PostgreSQL, 3 rounds
    .venv/bin/python -m benchmarks.feeds --quick         # SQLite only, 1 round of 1,000

For each backend (a SQLite file, and a fresh PostgreSQL database at 127.0.0.1:5432, dropped at
the end; one that cannot be reached is skipped and said so), each round subscribes user 1 to a
new feed on a loopback feed server (tests/feedserver.py: ETag and Last-Modified, 304 to a
matching conditional GET) and times `FeedRefresher.refresh`, the leader's job for one feed:
the fetch through the outbound guard and the refresh command. Every outcome is checked. The
report is a Markdown table on stdout: the median over the rounds in seconds, and what was
written to the log.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import tempfile
import time
from pathlib import Path
from uuid import UUID

from tests.feedserver import FeedServer, feed_server

from benchmarks.support import database, postgres_reachable, progress, sized_options
from televent.adapters.outbound import Outbound
from televent.adapters.subscriptions.refresher import FeedRefresher
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings

ACTOR, SOURCE = "system:", "cli:bench"


def feed_text(count: int, changed: int = 0) -> str:
    """`count` events, every fifth a weekly series; the first `changed` with other titles."""
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nX-WR-CALNAME:Bench\r\n"]
    for i in range(count):
        month, day = i % 12 + 1, i % 28 + 1
        title = f"Fixture {i} (moved)" if i < changed else f"Fixture {i}"
        rule = "RRULE:FREQ=WEEKLY;COUNT=10\r\n" if i % 5 == 0 else ""
        parts.append(
            f"BEGIN:VEVENT\r\nUID:fixture-{i}@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
            f"DTSTART:2027{month:02d}{day:02d}T090000Z\r\nDTEND:2027{month:02d}{day:02d}T100000Z\r\n"
            f"SUMMARY:{title}\r\n{rule}END:VEVENT\r\n"
        )
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts)


def log_length(app: Televent) -> int:
    with app.views.read() as db:
        return int(db.scalar(f"SELECT COUNT(*) FROM {app.events_table}") or 0)


def timed(
    app: Televent, refresher: FeedRefresher, calendar: UUID, expect: str
) -> tuple[float, int]:
    """Seconds for one refresh of the calendar's feed (its outcome checked), and log rows."""
    sub = app.queries.subscription(calendar)
    assert sub is not None
    before = log_length(app)
    began = time.perf_counter()
    outcome = asyncio.run(refresher.refresh(sub))
    elapsed = time.perf_counter() - began
    if outcome != expect:
        raise RuntimeError(f"expected {expect!r}, the refresh said {outcome!r}")
    return elapsed, log_length(app) - before


def one_backend(
    url: str, feeds: FeedServer, options: argparse.Namespace
) -> dict[str, list[tuple[float, int]]]:
    n = options.events
    full, changed = feed_text(n), feed_text(n, changed=10)
    app = build_application(Settings(database_url=url))
    times: dict[str, list[tuple[float, int]]] = {"first": [], "304": [], "full": [], "ten": []}
    try:
        app.register_account(1, name="Bench", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        refresher = FeedRefresher(app, Outbound(allow_private=True, timeout_seconds=600))
        for round_ in range(options.rounds):
            path = f"/bench-{round_}.ics"
            feeds.put(path, full)
            calendar = app.subscribe_feed(
                account.account_id, feeds.url(path), actor=ACTOR, source=SOURCE
            )
            progress(f"refreshing a {n}-event feed, round {round_ + 1}")
            times["first"].append(timed(app, refresher, calendar, f"{n} added"))
            times["304"].append(timed(app, refresher, calendar, "unchanged"))
            feeds.put(path, full + " ")  # the same events, another ETag: fetched in full
            times["full"].append(timed(app, refresher, calendar, "unchanged"))
            feeds.put(path, changed)
            times["ten"].append(timed(app, refresher, calendar, "10 changed"))
    finally:
        app.close()
    return times


def run(options: argparse.Namespace) -> list[tuple[str, str, float, int]]:
    rows = []
    labels = {
        "first": f"{options.events:,} events into an empty calendar",
        "304": "unchanged (conditional GET, 304)",
        "full": "fetched in full, nothing changed",
        "ten": "10 events changed",
    }
    for backend in options.backends:
        if backend == "postgresql" and not postgres_reachable():
            progress("PostgreSQL is not reachable: skipped")
            continue
        with (
            tempfile.TemporaryDirectory() as folder,
            database(backend, Path(folder), "feeds") as url,
            feed_server() as feeds,
        ):
            times = one_backend(url, feeds, options)
        for phase, label in labels.items():
            seconds = statistics.median(t for t, _ in times[phase])
            rows.append((backend, label, seconds, times[phase][-1][1]))
    return rows


def report(rows: list[tuple[str, str, float, int]], options: argparse.Namespace) -> str:
    lines = [
        f"Refreshing a subscribed feed ({platform.python_version()}, {platform.machine()}, "
        f"{options.events:,} events, median of {options.rounds} rounds)",
        "",
        "| backend | refresh | median s | events logged |",
        "|---|---|---:|---:|",
    ]
    for backend, label, seconds, logged in rows:
        lines.append(f"| {backend} | {label} | {seconds:.3f} | {logged:,} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    options = sized_options(__doc__, argv)
    print(report(run(options), options))


if __name__ == "__main__":
    main()
