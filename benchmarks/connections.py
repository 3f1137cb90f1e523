"""Reading another CalDAV server (docs/adr/0026): Televent's CalDAV client against Radicale and
Xandikos on loopback, with a calendar of 2,000 events.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.connections            # both peers, 2,000 events, 3 rounds
    .venv/bin/python -m benchmarks.connections --quick    # both peers, 200 events, 1 round

The peers are the pinned ones `benchmarks.caldav` measures (installed into
benchmarks/peers/.venv on first use). Each is filled with the events by plain PUTs (not timed),
then, through the outbound guard (adapters/outbound, loopback allowed as the operator's switch
does), `CalDavClient` is timed:

- discover: from the server's root URL to the account's calendars;
- first sync: every event with its data (sync-collection, then calendar-multiget in batches);
- first sync stored: those events stored in a mirrored calendar of a new SQLite database
  (`Televent.sync_mirror`, one transaction, and the sync's bookkeeping);
- 10 changed: the sync from the first one's token after 10 events were changed on the server;
- lost token: the same difference found by listing every ETag (a server that forgot the token).

Every outcome is checked (counts of changed and removed). The report is a Markdown table on
stdout: the median over the rounds in seconds, and the events a second.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.caldav import PEER_PINS, Target, ensure_peers, radicale, xandikos
from benchmarks.support import progress
from televent.adapters.connections.caldav_client import (
    CalDavClient,
    Changes,
    Credentials,
    RemoteAccount,
)
from televent.adapters.outbound import Outbound
from televent.application.connections import RemoteCalendarFound, RemoteChange
from televent.bootstrap import build_application
from televent.config import Settings

PEERS = {"radicale": radicale, "xandikos": xandikos}
ACTOR, SOURCE = "system:", "cli:bench"
CHANGED = 10


def event(i: int, title: str) -> str:
    month, day = i % 12 + 1, i % 28 + 1
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:ev-{i}@bench\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:2027{month:02d}{day:02d}T090000Z\r\nDURATION:PT1H\r\nSUMMARY:{title}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def fill(target: Target, count: int, title: str = "Meeting") -> None:
    """PUT `count` events into the target's calendar, one after another (Radicale answers 423
    Locked to concurrent writes)."""
    with httpx.Client(auth=target.auth, timeout=60) as http:
        for i in range(count):
            answer = http.put(f"{target.collection}ev-{i}.ics", content=event(i, f"{title} {i}"))
            if answer.status_code not in (200, 201, 204):
                raise RuntimeError(f"PUT answered {answer.status_code}")


async def one_round(key: str, target: Target, events: int) -> dict[str, float]:
    """Each phase's seconds against a server holding `events` events; every outcome checked."""
    client = CalDavClient(
        Outbound(allow_private=True, timeout_seconds=120, max_bytes=200_000_000),
        Credentials(*target.auth),
    )
    scheme, _, host, _ = target.collection.split("/", 3)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    account = await client.discover(f"{scheme}//{host}/")
    seconds["discover"] = time.perf_counter() - start
    if not account.calendars:
        raise RuntimeError(f"{key}: discovery found no calendar")
    start = time.perf_counter()
    first = await client.changes(target.collection, None, {})
    seconds["first sync"] = time.perf_counter() - start
    if len(first.changed) != events or first.token is None:
        raise RuntimeError(f"{key}: the first sync brought {len(first.changed)} events")
    seconds["first sync stored"] = stored(account, target.collection, first, events)
    known = {r.url: r.etag for r in first.changed}
    fill(target, CHANGED, title="Moved")
    start = time.perf_counter()
    later = await client.changes(target.collection, first.token, known)
    seconds[f"{CHANGED} changed"] = time.perf_counter() - start
    if len(later.changed) != CHANGED or later.removed:
        raise RuntimeError(f"{key}: the next sync brought {len(later.changed)} changes")
    start = time.perf_counter()
    listed = await client.changes(target.collection, f"{target.collection}sync/forgotten", known)
    seconds["lost token (listing)"] = time.perf_counter() - start
    if not listed.listed or len(listed.changed) != CHANGED:
        raise RuntimeError(f"{key}: the listing found {len(listed.changed)} changes")
    return seconds


def stored(account: RemoteAccount, url: str, first: Changes, events: int) -> float:
    """Seconds to store a first sync's events in a mirrored calendar of a new SQLite database:
    `Televent.sync_mirror` (one transaction) and its bookkeeping."""
    with tempfile.TemporaryDirectory() as work:
        app = build_application(Settings(database_url=f"sqlite:///{work}/bench.db"))
        try:
            app.register_account(1, name="Bench", timezone="Europe/Berlin", actor=ACTOR,
                                 source=SOURCE)  # fmt: skip
            person = app.queries.account_by_telegram_id(1)
            assert person is not None
            connection = app.connect_account(
                person.account_id,
                kind="caldav",
                address="bench",
                principal_url=account.principal_url,
                home_url=account.home_url,
                username="bench",
                password="bench",
                calendars=[RemoteCalendarFound(url, "Bench")],
                actor=ACTOR,
                source=SOURCE,
            )
            found = app.queries.connection(connection)
            assert found is not None
            calendar = found.calendars[0].calendar_id
            changes = [RemoteChange(r.url, r.etag, r.data or "") for r in first.changed]
            start = time.perf_counter()
            report = app.sync_mirror(calendar, changes, [], complete=True, actor=ACTOR)
            app.mirror_synced(calendar, report, token=first.token, now=app.clock())
            elapsed = time.perf_counter() - start
            if report.added != events:
                raise RuntimeError(f"storing the first sync added {report.added} events")
            return elapsed
        finally:
            app.close()


def measure(key: str, options: argparse.Namespace) -> dict[str, float]:
    """The medians of each phase against one peer, over the rounds (a new server each)."""
    samples: dict[str, list[float]] = {}
    for round_ in range(options.rounds):
        with tempfile.TemporaryDirectory() as work, PEERS[key](Path(work)) as target:
            progress(f"{key}: round {round_ + 1}, filling {options.events:,} events")
            fill(target, options.events)
            for phase, seconds in asyncio.run(one_round(key, target, options.events)).items():
                samples.setdefault(phase, []).append(seconds)
    return {phase: statistics.median(values) for phase, values in samples.items()}


def report(results: dict[str, dict[str, float]], options: argparse.Namespace) -> str:
    pins = ", ".join(f"{k.capitalize()} {v}" for k, v in PEER_PINS.items())
    lines = [
        f"Reading another CalDAV server ({platform.python_version()}, {platform.machine()}, "
        f"{pins}, {options.events:,} events, median of {options.rounds} rounds)",
        "",
        "| server | phase | median s | events/s |",
        "|---|---|---:|---:|",
    ]
    for key, phases in results.items():
        for phase, seconds in phases.items():
            count = {"first sync": options.events, "first sync stored": options.events}.get(
                phase, CHANGED
            )
            rate = "" if phase == "discover" else f"{count / seconds:,.0f}"
            lines.append(f"| {key} | {phase} | {seconds:.3f} | {rate} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--peers", nargs="+", default=list(PEERS), choices=list(PEERS))
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1 round of 200 events")
    options = parser.parse_args(argv)
    if options.quick:
        options.events, options.rounds = 200, 1
    ensure_peers()
    results = {}
    for key in options.peers:
        results[key] = measure(key, options)
    print(report(results, options))


if __name__ == "__main__":
    main()
