"""Booking slots: `app.slot_reader.slots` for a four-week window on a calendar of 1,000 and
10,000 events (the target is a median under 50 ms at 10,000).

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.booking                   # SQLite and PostgreSQL, 1k and 10k
    .venv/bin/python -m benchmarks.booking --quick           # SQLite, 1k only, 10 runs
    .venv/bin/python -m benchmarks.booking --sizes 10000 --backends sqlite --profile

For each backend (a SQLite file, and a fresh PostgreSQL database `televent_slotbench_<pid>` at
127.0.0.1:5432, dropped at the end; TELEVENT_BENCH_POSTGRES_URL overrides the admin URL; a
PostgreSQL that cannot be reached is skipped and said so) and size n, user 1 (Europe/Berlin)
gets a booking link (30 minutes, 60-day horizon, no notice) and n events in the default
calendar, stored in-process with `put_object`, spread evenly over two years from ten weeks
before this week:

- one in two hundred a weekly series without end, one in a thousand a daily series without
  end, from the start of that spread (every week of the window has their occurrences);
- one in forty an all-day event, one in thirty a single event with TRANSP:TRANSPARENT;
- the others single timed events of 30 or 60 minutes, at every hour of the day (a third of
  them in the working hours, where they take slots).

Then the slots of the four weeks from this Monday (UTC) are computed in-process
(`SlotReader.slots`, the code behind `GET /api/v1/book/{slug}/slots`, with `now` at the start
of the window), --warmup times unmeasured, then --runs times, each timed with
time.perf_counter. Every answer is checked: the same slots each time, and at least one.
With --profile the last size of each backend is run once more under cProfile and the
functions taking the most time are printed (stderr).

The report is a Markdown table on stdout (progress on stderr): per backend and size, the events
overlapping the window, the slots offered, the median and the p95 (nearest rank) in ms, and the
time the events took to store.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import platform
import pstats
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.support import (
    ADMIN_URL,
    database,
    p95,
    postgres_reachable,
    progress,
    this_monday,
)
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.booking_links import BookingLink
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for
from televent.projections.busy_reader import forget_expanded

ACTOR, SOURCE = "system:", "cli:bench"
USER, ZONE = 1, "Europe/Berlin"
MONDAY = this_monday()  # the window is the four weeks from this Monday
SPREAD_START = dt.datetime.combine(MONDAY - dt.timedelta(weeks=10), dt.time(8))
SPREAD_MINUTES = 2 * 365 * 24 * 60
WINDOW_START = dt.datetime.combine(MONDAY, dt.time(), tzinfo=dt.UTC)
WINDOW = dt.timedelta(weeks=4)
WEEKLY_EVERY, DAILY_EVERY, ALL_DAY_EVERY, TRANSPARENT_EVERY = 200, 1000, 40, 30


@dataclass
class Row:
    backend: str
    size: int
    in_window: int
    slots: int
    median_ms: float
    p95_ms: float
    store_s: float
    cold_ms: float = 0.0


def event_body(i: int, count: int) -> str:
    """Event `i` of `count` (see the module docstring for the mix)."""
    start = SPREAD_START + dt.timedelta(minutes=(i * SPREAD_MINUTES // count) // 15 * 15)
    start = start.replace(hour=i * 7 % 24)  # a third of them in working hours
    if 2 <= start.hour < 4:  # a daylight-saving change may skip or repeat those hours
        start += dt.timedelta(hours=2)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Televent bench//EN",
        "BEGIN:VEVENT",
        f"UID:slot-bench-{i}@example.com",
        "DTSTAMP:20260101T090000Z",
        f"SUMMARY:Meeting number {i}",
    ]
    if i % ALL_DAY_EVERY == 1:
        day = start.date()
        lines += [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
        ]
    else:
        if i % WEEKLY_EVERY == 0 or i % DAILY_EVERY == 3:
            start = SPREAD_START.replace(hour=i * 7 % 24) + dt.timedelta(days=i % 7)
        end = start + dt.timedelta(minutes=30 if i % 2 else 60)
        lines += [
            f"DTSTART;TZID={ZONE}:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={ZONE}:{end:%Y%m%dT%H%M%S}",
        ]
        if i % WEEKLY_EVERY == 0:
            lines.append("RRULE:FREQ=WEEKLY")
        elif i % DAILY_EVERY == 3:
            lines.append("RRULE:FREQ=DAILY")
        elif i % TRANSPARENT_EVERY == 2:
            lines.append("TRANSP:TRANSPARENT")
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def seed(app: Televent, size: int) -> float:
    """User 1 with the /bench link and `size` events; returns the seconds storing took."""
    app.register_account(USER, name="Alice", timezone=ZONE, actor=ACTOR, source=SOURCE)
    app.create_booking_link(
        account_id_for(USER),
        BookingLink.from_json(
            {
                "slug": "bench",
                "title": "Bench call",
                "duration_minutes": 30,
                "min_notice_minutes": 0,
                "horizon_days": 60,
            }
        ),
        actor=ACTOR,
        source=SOURCE,
    )
    calendar_id = calendar_id_for(account_id_for(USER), DEFAULT_CALENDAR_SLUG)
    began = time.perf_counter()
    for i in range(size):
        body = event_body(i, size)
        app.put_object(calendar_id, f"slot-bench-{i}.ics", body, actor=ACTOR, source=SOURCE)
        if (i + 1) % 1000 == 0:
            progress(f"  stored {i + 1}/{size}")
    return time.perf_counter() - began


def compute(app: Televent) -> list[tuple[dt.datetime, dt.datetime]]:
    """The slots of the window, as the public slots page asks for them."""
    link, owner = app.slot_reader.public_link("bench")
    return app.slot_reader.slots(
        link.link, owner, start=WINDOW_START, end=WINDOW_START + WINDOW, now=WINDOW_START
    )


def in_window(app: Televent) -> int:
    """How many stored events overlap the window (series included)."""
    calendar_id = calendar_id_for(account_id_for(USER), DEFAULT_CALENDAR_SLUG)
    low, high = int(WINDOW_START.timestamp()), int((WINDOW_START + WINDOW).timestamp())
    return len(app.queries.objects_overlapping(calendar_id, "VEVENT", low, high))


def timed(app: Televent, warmup: int, runs: int) -> tuple[list[float], int, float]:
    """The timed computations (seconds), the number of slots and the first (cold: nothing
    expanded yet) computation's time; each answer checked."""
    times: list[float] = []
    cold = 0.0
    forget_expanded()  # ids repeat between backends: start cold each time
    first = None
    for number in range(warmup + runs):
        began = time.perf_counter()
        slots = compute(app)
        elapsed = time.perf_counter() - began
        if first is None:
            first, cold = slots, elapsed
            if not slots:
                raise RuntimeError("no slots in the window")
        elif slots != first:
            raise RuntimeError("the slots changed between two runs")
        if number >= warmup:
            times.append(elapsed)
    return times, len(first or []), cold


def profile(app: Televent, label: str) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    compute(app)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(25)
    progress(f"--- cProfile, {label} (cumulative) ---\n{out.getvalue()}")


def run(options: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    backends = list(options.backends)
    if "postgresql" in backends and not postgres_reachable():
        progress(f"PostgreSQL not reachable at {ADMIN_URL}: skipped")
        backends.remove("postgresql")
    with tempfile.TemporaryDirectory(prefix="televent-slotbench-") as tmp:
        folder = Path(tmp)
        for backend in backends:
            for size in options.sizes:
                progress(f"{backend}, {size} events: storing")
                with database(backend, folder, f"slot-bench-{size}") as url:
                    app = build_application(Settings(database_url=url))
                    try:
                        stored = seed(app, size)
                        overlapping = in_window(app)
                        progress(f"{backend}, {size} events: {overlapping} in the window, timing")
                        times, slots, cold = timed(app, options.warmup, options.runs)
                        if options.profile and size == options.sizes[-1]:
                            profile(app, f"{backend}, {size} events")
                    finally:
                        app.close()
                rows.append(
                    Row(
                        backend,
                        size,
                        overlapping,
                        slots,
                        statistics.median(times) * 1000,
                        p95(times) * 1000,
                        stored,
                        cold * 1000,
                    )
                )
    return rows


def report(rows: list[Row], options: argparse.Namespace) -> str:
    lines = [
        "# Booking slots: four weeks",
        "",
        f"`SlotReader.slots` for 4 weeks, {options.runs} runs after {options.warmup} warm-up "
        f"ones; Python {platform.python_version()} on {platform.system()} {platform.machine()}.",
        "",
        "| backend | events | in the window | slots | first (ms) | median (ms) | p95 (ms) "
        "| storing (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.backend} | {r.size:,} | {r.in_window} | {r.slots} | {r.cold_ms:.1f} "
        f"| {r.median_ms:.1f} | {r.p95_ms:.1f} | {r.store_s:.0f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one run (stderr)")
    parser.add_argument("--quick", action="store_true", help="SQLite, 1k events, 10 runs")
    options = parser.parse_args(argv)
    if options.quick:
        options.sizes, options.backends, options.runs = [1000], ["sqlite"], 10
    print(report(run(options), options))


if __name__ == "__main__":
    main()
