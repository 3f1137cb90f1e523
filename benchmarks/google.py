"""Syncing a Google calendar (docs/adr/0034): the connection syncer with Google's own client
library against the Google stand-in on loopback (tests/google_standin.py), 2,000 events.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.google            # both backends, 2,000 events, 3 rounds
    .venv/bin/python -m benchmarks.google --quick    # SQLite, 200 events, 1 round

Each round makes a new database and a new Google account holding the events (a fifth of them
weekly series, one with a moved instance), connects it as the consent callback does, and
times `ConnectionSyncer.run_once` (the work of one leader round for that calendar):

- first sync: every event listed (pages of 2,500), made into calendar objects, stored in one
  transaction, and the sync's bookkeeping;
- 10 changed: the round after 10 events were changed on Google (an incremental listing from
  the sync token, the changed series read whole);
- 10 written back: the round after 10 events were changed here (10 patches with If-Match in
  one batch request, then the incremental listing, whose own changes are not stored again);
- 100 written back: the same after 100 events were changed here (two batch requests);
- token dropped: the round after Google dropped the sync token (410): everything listed
  again, nothing stored twice.

Every outcome is checked. The stand-in is Python on the same two cores: these figures bound
Televent's own cost from above, Google's latency not included.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from uuid import UUID

from tests.google_standin import GoogleStandIn, google_standin

from benchmarks.support import database, postgres_reachable, progress
from televent.adapters.connections.syncer import ConnectionSyncer
from televent.adapters.outbound import Outbound
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings

ACTOR, SOURCE = "system:", "cli:bench"
CHANGED = 10
MANY = 100  # a round's most write-backs to one calendar (syncer.WRITE_BACKS)


def when(n: int) -> dict[str, Any]:
    day, hour = 1 + n % 28, 6 + n % 12
    zone = "Europe/Berlin"
    start, end = (
        f"2026-12-{day:02d}T{hour:02d}:00:00+01:00",
        f"2026-12-{day:02d}T{hour:02d}:45:00+01:00",
    )
    return {"start": {"dateTime": start, "timeZone": zone},
            "end": {"dateTime": end, "timeZone": zone}}  # fmt: skip


def filled(google: GoogleStandIn, email: str, events: int) -> None:
    google.add_account(email)
    for n in range(events):
        body: dict[str, Any] = {"summary": f"Meeting {n}", **when(n)}
        if n % 5 == 0:
            body["recurrence"] = ["RRULE:FREQ=WEEKLY;COUNT=10"]
        google.write(email, email, body)


def connected(app: Televent, google: GoogleStandIn, email: str) -> UUID:
    app.register_account(1, name="Bench", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    person = app.queries.account_by_telegram_id(1)
    assert person is not None
    return google.connect(app, email, person.account_id)[1]


def one_round(app: Televent, google: GoogleStandIn, email: str, events: int) -> dict[str, float]:
    calendar = connected(app, google, email)
    syncer = ConnectionSyncer(app, Outbound(allow_private=True), google=google.endpoints())

    def round_() -> float:
        with app.views.write() as db:
            db.run("UPDATE connection_sync_state SET next_due = ?", ("1970-01-01",))
        start = time.perf_counter()
        asyncio.run(syncer.run_once())
        return time.perf_counter() - start

    def outcome() -> str:
        mirror = app.queries.mirror(calendar)
        if mirror is None or mirror.failures:
            raise RuntimeError(f"the round failed: {mirror}")
        return str(mirror.last_outcome)

    seconds = {"first sync": round_()}
    if outcome() != f"{events} added":
        raise RuntimeError(f"the first sync: {outcome()}")
    listed = google.events(email, email)
    for item in listed[:CHANGED]:
        google.write(email, email, {"summary": f"{item['summary']} (moved)"}, event_id=item["id"])
    seconds[f"{CHANGED} changed"] = round_()
    if outcome() != f"{CHANGED} changed":
        raise RuntimeError(f"the incremental sync: {outcome()}")
    person = app.queries.account_by_telegram_id(1)
    assert person is not None

    def written_back(prefix: str, objects: list[Any]) -> float:
        """The round after `objects` were renamed here, every one checked on Google after."""
        for obj in objects:
            app.put_object(calendar, obj.href, obj.ical.replace("SUMMARY:", f"SUMMARY:{prefix}", 1),
                           actor=ACTOR, source=SOURCE, by=person.account_id)  # fmt: skip
        taken = round_()
        written = [
            e for e in google.events(email, email) if str(e.get("summary")).startswith(prefix)
        ]
        if len(written) != len(objects) or app.queries.writebacks(calendar):
            raise RuntimeError(f"written back: {len(written)} of {len(objects)}")
        return taken

    objects = app.queries.objects_in(calendar)
    seconds[f"{CHANGED} written back"] = written_back("Here: ", objects[:CHANGED])
    seconds[f"{MANY} written back"] = written_back("Also: ", objects[CHANGED : CHANGED + MANY])
    google.expire_sync_tokens()
    seconds["token dropped (410)"] = round_()
    if outcome() != "unchanged" or len(app.queries.objects_in(calendar)) != events:
        raise RuntimeError(f"after the 410: {outcome()}")
    return seconds


def measure(kind: str, options: argparse.Namespace, folder: Path) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    with google_standin() as google:
        for number in range(options.rounds):
            email = f"bench{number}@gmail.com"
            progress(f"{kind}: round {number + 1}, {options.events:,} events on Google")
            filled(google, email, options.events)
            with database(kind, folder, f"google-{number}") as url:
                app = build_application(Settings(database_url=url))
                try:
                    for phase, value in one_round(app, google, email, options.events).items():
                        samples.setdefault(phase, []).append(value)
                finally:
                    app.close()
    return {phase: statistics.median(values) for phase, values in samples.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="SQLite, 1 round of 200 events")
    options = parser.parse_args(argv)
    if options.quick:
        options.backends, options.events, options.rounds = ["sqlite"], 200, 1
    if "postgresql" in options.backends and not postgres_reachable():
        raise SystemExit("PostgreSQL is not reachable: run with --backends sqlite")
    print(
        f"## Syncing a Google calendar ({platform.python_version()}, {options.events:,} events, "
        f"median of {options.rounds} rounds)\n"
    )
    print("| backend | phase | median s | events/s |")
    print("|---|---|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="televent-bench-") as work:
        for kind in options.backends:
            for phase, seconds in measure(kind, options, Path(work)).items():
                count = (
                    options.events
                    if phase.startswith(("first", "token"))
                    else int(phase.split()[0])
                )
                print(f"| {kind} | {phase} | {seconds:.3f} | {count / seconds:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
