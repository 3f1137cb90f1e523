"""The reminder scan over a large calendar, on both backends.

Run from the repository root with the project's interpreter (`make bench` runs it too):

    .venv/bin/python -m benchmarks.reminders              # 1,000 and 10,000 events, both backends
    .venv/bin/python -m benchmarks.reminders --quick      # SQLite, 1,000 events, 10 runs

User 1 (Europe/Berlin) holds the calendar of `benchmarks.api`: 1,000 or 10,000 events over the
year around this week, one in fifty a weekly series without end. The scan runs ten minutes
before the first event of this Monday's morning, as the leader runs it every minute. What is
timed:

- `scan`: `ReminderScheduler.run_once` (the occurrence index's next week, each event's
  recipients, the queue's keys), after a first run queued what was due (every later run of the
  same minute finds the same and queues nothing new);
- `due`: the part that decides what is due, read from the occurrence index
  (`starting_between` and `indexed_due`);
- `before`: the same decision the way the scan made it before the index: the calendar view's
  candidates in the week and every candidate's stored body parsed and expanded
  (`due_reminders`). Both find the same reminders (checked before timing).

Medians of --runs after 3 warm-up runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from benchmarks.api import ZONE
from benchmarks.bot_week import filled, timed
from benchmarks.support import size_options, size_table, this_monday
from televent.application.reminders import (
    LOOK_AHEAD,
    Due,
    ReminderScheduler,
    due_reminders,
    indexed_due,
)
from televent.application.televent import Televent
from televent.bootstrap import build_services
from televent.domain.zones import zone_or_utc

MONDAY = dt.datetime.combine(this_monday(), dt.time(7), tzinfo=dt.UTC)
LEAD = dt.timedelta(minutes=15)


def run(kind: str, size: int, runs: int, folder: Path) -> dict[str, float | int]:
    with filled(kind, size, folder) as (app, settings):
        return measure(app, build_services(app, settings).reminders, runs)


def measure(app: Televent, scheduler: ReminderScheduler, runs: int) -> dict[str, float | int]:
    zone = zone_or_utc(ZONE)
    # ten minutes before the first event that starts an hour or more after Monday 07:00 UTC
    week = app.queries.starting_between(MONDAY, MONDAY + dt.timedelta(days=7)).occurrences
    first = min(o.start_ts for o in week if o.start_ts >= MONDAY.timestamp() + 3600)
    now = dt.datetime.fromtimestamp(first - 600, dt.UTC)
    low, high = int(now.timestamp()), int((now + LOOK_AHEAD).timestamp())

    def due() -> set[tuple[str, float]]:
        window = app.queries.starting_between(now, now + LOOK_AHEAD)
        return {
            (str(o.event_id), d.start.timestamp())
            for o in window.occurrences
            if (d := indexed_due(o, now, LEAD, zone)) is not None
        }

    def before() -> set[tuple[str, float]]:
        with app.views.read() as db:
            rows = db.all(
                "SELECT o.event_id, o.ical FROM calendar_objects o "
                "WHERE o.component = 'VEVENT' AND o.range_start <= ? "
                "AND (o.range_end IS NULL OR o.range_end >= ?)",
                (high, low),
            )
        found: set[tuple[str, float]] = set()
        for row in rows:
            dues: list[Due] = list(due_reminders(row["ical"], now, LEAD, zone))
            found |= {(str(row["event_id"]), d.start.timestamp()) for d in dues}
        return found

    queued = scheduler.run_once(now)
    expected = before()
    assert due() == expected
    assert len(expected) == queued, (len(expected), queued)
    return {
        "due": len(expected),
        "scan_ms": timed(lambda: scheduler.run_once(now), runs),
        "due_ms": timed(due, runs),
        "before_ms": timed(before, max(3, runs // 3)),
    }


def main(argv: list[str] | None = None) -> None:
    options = size_options(__doc__, argv)
    size_table(
        options,
        "The reminder scan (medians)",
        [
            "reminders due",
            "scan (ms)",
            "what is due, from the index (ms)",
            "the same, parsing bodies as before (ms)",
        ],
        run,
        lambda row: [
            str(row["due"]),
            f"{row['scan_ms']:.2f}",
            f"{row['due_ms']:.2f}",
            f"{row['before_ms']:.1f}",
        ],
    )


if __name__ == "__main__":
    main()
