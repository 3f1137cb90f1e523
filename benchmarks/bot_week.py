"""The bot's `/week` over a large calendar: the server's part of the answer, on both backends.

Run from the repository root with the project's interpreter (`make bench` runs it too):

    .venv/bin/python -m benchmarks.bot_week               # 10,000 events, both backends
    .venv/bin/python -m benchmarks.bot_week --quick       # SQLite, 1,000 events, 10 runs

User 1 (Europe/Berlin) holds the calendar of `benchmarks.api`: 1,000 or 10,000 events over the
year around this week, one in fifty a weekly series without end. The bot's clock stands at this
Monday morning, and /week lists this week. What is timed is what the `/week` handler does
besides sending its reply: the account's lookup, the listing of the seven days
(`AgendaReader.listing`, the occurrence index) and the reply's rendering (`texts.agenda`). For
comparison, in the same run, the same week listed the way the bot listed it before the
occurrence index: every stored body in the window parsed and expanded
(`AgendaReader._instances`). Medians of --runs after 3 warm-up runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg

from benchmarks.api import ACTOR, SOURCE, USER, ZONE, event_body
from benchmarks.support import size_options, size_table, this_monday
from televent.adapters.telegram import texts
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for
from televent.projections.agenda_reader import AgendaReader, Occurrence

ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
NOW = dt.datetime.combine(this_monday(), dt.time(7), tzinfo=dt.UTC)  # Monday morning


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def week_window() -> tuple[dt.datetime, dt.datetime]:
    zone = texts.zone(ZONE)
    today = NOW.astimezone(zone).date()
    start = dt.datetime.combine(today, dt.time(), tzinfo=zone)
    return start, dt.datetime.combine(today + dt.timedelta(days=7), dt.time(), tzinfo=zone)


def timed(step: Callable[[], object], runs: int) -> float:
    """The median of `runs` timings after 3 warm-up runs, in ms."""
    for _ in range(3):
        step()
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        step()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples) * 1000


def measure(app: Televent, runs: int) -> dict[str, float | int]:
    reader = AgendaReader(app.queries, app.internal_domain)
    zone = texts.zone(ZONE)
    start, end = week_window()

    def week() -> str:
        account = app.queries.account_by_telegram_id(USER)
        assert account is not None
        listing = reader.listing(account, start, end)
        return texts.agenda("Week", listing.occurrences, zone, unreadable=len(listing.unreadable))

    def before() -> list[Occurrence]:
        account = app.queries.account_by_telegram_id(USER)
        assert account is not None
        found: list[Occurrence] = []
        mine = reader.addresses(account)
        low, high = int(start.timestamp()), int(end.timestamp())
        for seen in app.queries.seen_calendars(account.account_id):
            for obj in app.queries.objects_overlapping(seen.calendar_id, "VEVENT", low, high):
                found += reader._instances(obj, start, end, None, mine=mine)[0]
        return found

    account = app.queries.account_by_telegram_id(USER)
    assert account is not None
    listing = reader.listing(account, start, end)
    assert not listing.unreadable
    old = before()
    assert len(listing.occurrences) == len(old), (len(listing.occurrences), len(old))
    return {
        "occurrences": len(listing.occurrences),
        "week_ms": timed(week, runs),
        "before_ms": timed(before, max(3, runs // 3)),
    }


def database(kind: str, folder: Path, size: int) -> tuple[str, Callable[[], None]]:
    if kind == "sqlite":
        return f"sqlite:///{folder}/week-{size}.db", lambda: None
    name = f"televent_weekbench_{os.getpid()}_{size}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}", drop


def run(kind: str, size: int, runs: int, folder: Path) -> dict[str, float | int]:
    with filled(kind, size, folder) as (app, _):
        return measure(app, runs)


@contextlib.contextmanager
def filled(kind: str, size: int, folder: Path) -> Iterator[tuple[Televent, Settings]]:
    """An application on a fresh database of `kind` whose user 1 holds `size` events of
    `benchmarks.api`, its clock at NOW; the database is dropped afterwards."""
    url, drop = database(kind, folder, size)
    try:
        settings = Settings(database_url=url)
        app = build_application(settings, clock=lambda: NOW)
        try:
            app.register_account(USER, name="Alice", timezone=ZONE, actor=ACTOR, source=SOURCE)
            calendar_id = calendar_id_for(account_id_for(USER), DEFAULT_CALENDAR_SLUG)
            for i in range(size):
                app.put_object(
                    calendar_id, f"week-{i}.ics", event_body(i, size), actor=ACTOR, source=SOURCE
                )
                if (i + 1) % 2000 == 0:
                    progress(f"  {kind}: stored {i + 1}/{size}")
            yield app, settings
        finally:
            app.close()
    finally:
        drop()


def main(argv: list[str] | None = None) -> None:
    options = size_options(__doc__, argv)
    size_table(
        options,
        "The bot's /week: server time (medians)",
        ["occurrences in the week", "/week (ms)", "before the index (ms)"],
        run,
        lambda row: [str(row["occurrences"]), f"{row['week_ms']:.2f}", f"{row['before_ms']:.1f}"],
    )


if __name__ == "__main__":
    main()
