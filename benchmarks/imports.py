"""Importing a calendar file over the JSON API (docs/adr/0024): a 5,000-event .ics file into
an empty calendar, the same file again (nothing changed), and the file with one event changed.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.imports                 # SQLite and PostgreSQL, 3 rounds
    .venv/bin/python -m benchmarks.imports --quick         # SQLite only, 1 round of 1,000

For each backend (a SQLite file, and a fresh PostgreSQL database at 127.0.0.1:5432, dropped
at the end; TELEVENT_BENCH_POSTGRES_URL overrides the admin URL; one that cannot be reached is
skipped and said so), `televent serve` runs on the database and each round imports into a new
calendar of user 1 (`POST /api/v1/calendars/{id}/import`, httpx on loopback, HTTP Basic with a
device password). The events: every fifth a weekly series of ten with a time zone, the others
single events, a tenth of them with an attendee (nothing is sent: an import is not scheduling).
Every answer is checked (the counts it must give). The report is a Markdown table on stdout:
the median over the rounds in seconds, and events per second.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.api import serve
from benchmarks.support import database, postgres_reachable, progress, sized_options
from televent.bootstrap import build_application
from televent.config import Settings

ACTOR, SOURCE = "system:", "cli:bench"
ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "END:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
)


def calendar_file(count: int, changed: int | None = None) -> bytes:
    """`count` events in one VCALENDAR; event `changed` (if any) with another title."""
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n", ZONE]
    for i in range(count):
        month, day = i % 12 + 1, i % 28 + 1
        title = f"Event {i} (moved)" if i == changed else f"Event {i}"
        rule = "RRULE:FREQ=WEEKLY;COUNT=10\r\n" if i % 5 == 0 else ""
        people = (
            "ORGANIZER:mailto:tg_1@televent.internal\r\nATTENDEE:mailto:guest@example.net\r\n"
            if i % 10 == 0
            else ""
        )
        parts.append(
            f"BEGIN:VEVENT\r\nUID:bench-{i}@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
            f"DTSTART;TZID=Europe/Berlin:2027{month:02d}{day:02d}T090000\r\n"
            f"DTEND;TZID=Europe/Berlin:2027{month:02d}{day:02d}T100000\r\n"
            f"SUMMARY:{title}\r\n{rule}{people}END:VEVENT\r\n"
        )
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts).encode()


def seed(url: str, rounds: int) -> tuple[str, list[str]]:
    """User 1 with a device password and one empty calendar per round: (password, ids)."""
    app = build_application(Settings(database_url=url))
    try:
        app.register_account(1, name="Bench", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        password = app.issue_device_password(1, "bench", actor=ACTOR, source=SOURCE).password
        calendars = [
            str(
                app.create_calendar(
                    account.account_id, f"import{n}", {"display_name": f"Import {n}"},
                    actor=ACTOR, source=SOURCE,
                )
            )
            for n in range(rounds)
        ]  # fmt: skip
        return password, calendars
    finally:
        app.close()


def timed_import(
    client: httpx.Client, calendar: str, data: bytes, expect: tuple[int, int, int]
) -> float:
    """Seconds for one import, its counts checked."""
    began = time.perf_counter()
    answer = client.post(
        f"/api/v1/calendars/{calendar}/import",
        content=data,
        headers={"Content-Type": "text/calendar"},
    )
    elapsed = time.perf_counter() - began
    body = answer.json()
    found = (body.get("imported"), body.get("updated"), body.get("unchanged"))
    if answer.status_code != 200 or found != expect:
        raise RuntimeError(f"answered {answer.status_code}: {answer.text[:300]}")
    return elapsed


def run(options: argparse.Namespace) -> list[tuple[str, str, float]]:
    rows = []
    first = again = calendar_file(options.events)
    one = calendar_file(options.events, changed=options.events // 2)
    for backend in options.backends:
        if backend == "postgresql" and not postgres_reachable():
            progress("PostgreSQL is not reachable: skipped")
            continue
        with (
            tempfile.TemporaryDirectory() as folder,
            database(backend, Path(folder), "imports") as url,
        ):
            password, calendars = seed(url, options.rounds)
            times: dict[str, list[float]] = {"first": [], "again": [], "one": []}
            with (
                serve(url, Path(folder)) as base,
                httpx.Client(base_url=base, auth=("1", password), timeout=600) as client,
            ):
                for calendar in calendars:
                    progress(f"{backend}: importing {options.events} events into {calendar}")
                    n = options.events
                    times["first"].append(timed_import(client, calendar, first, (n, 0, 0)))
                    times["again"].append(timed_import(client, calendar, again, (0, 0, n)))
                    times["one"].append(timed_import(client, calendar, one, (0, 1, n - 1)))
            for phase, label in (
                ("first", f"{options.events:,} events into an empty calendar"),
                ("again", "the same file again (nothing changed)"),
                ("one", "the file with one event changed"),
            ):
                rows.append((backend, label, statistics.median(times[phase])))
    return rows


def report(rows: list[tuple[str, str, float]], options: argparse.Namespace) -> str:
    lines = [
        f"Importing a calendar file ({platform.python_version()}, {platform.machine()}, "
        f"{options.events:,} events, median of {options.rounds} rounds)",
        "",
        "| backend | import | median s | events/s |",
        "|---|---|---:|---:|",
    ]
    for backend, label, seconds in rows:
        lines.append(f"| {backend} | {label} | {seconds:.2f} | {options.events / seconds:,.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    options = sized_options(__doc__, argv)
    print(report(run(options), options))


if __name__ == "__main__":
    main()
