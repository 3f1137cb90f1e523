"""Shared calendars over CalDAV: a PROPFIND Depth 1 of a calendar home holding 20 calendars
shared with the user, against a home holding 20 of their own; and an incremental sync
(sync-collection after one change) of a shared calendar against the same of an owned one.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.sharing                 # SQLite and PostgreSQL
    .venv/bin/python -m benchmarks.sharing --quick         # SQLite only, 10 requests

For each backend (a SQLite file, and a fresh PostgreSQL database at 127.0.0.1:5432, dropped
at the end; TELEVENT_BENCH_POSTGRES_URL overrides the admin URL; one that cannot be reached is
skipped and said so), users 1 and 2 each own 20 calendars of 50 events; user 2 shares all of
theirs with user 1 (role write, accepted). `televent serve` runs on the database, and over
HTTP on loopback (httpx, one connection, Basic auth with a device password):

- "home, owned": PROPFIND Depth 1 of user 2's home (20 own calendars, the default, inbox and
  outbox), asking for the properties DAVx5 asks for (displayname, resourcetype, getctag,
  sync-token, current-user-privilege-set, calendar-color, owner);
- "home, 20 shared": the same of user 1's home (their default, 20 shared calendars);
- "sync, owned" and "sync, shared": one event changed, then sync-collection from the token
  read before it, in one of user 2's calendars as user 2, and in the same calendar as user 1.

Each is requested --warmup times unmeasured, then --requests times; every answer is checked
(207, the expected number of responses). The report is a Markdown table on stdout: the median
and p95 (nearest rank) in ms, and each shared phase's ratio to its owned counterpart.
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from benchmarks.api import serve
from benchmarks.support import ADMIN_URL, database, p95, postgres_reachable, progress
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.sharing import shared_slug

ACTOR, SOURCE = "system:", "cli:bench"
MEMBER, OWNER = 1, 2
CALENDARS, EVENTS = 20, 50
PROPFIND = (
    '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/" '
    'xmlns:a="http://apple.com/ns/ical/"><d:prop><d:displayname/><d:resourcetype/>'
    "<cs:getctag/><d:sync-token/><d:current-user-privilege-set/><a:calendar-color/><d:owner/>"
    "</d:prop></d:propfind>"
)
SYNC = (
    '<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>{token}</d:sync-token>'
    "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
)
TOKEN = re.compile(r"<(?:\w+:)?sync-token>([^<]+)</(?:\w+:)?sync-token>")


def event(uid: str, summary: str) -> str:
    """A one-hour event."""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T090000Z\r\nDTSTART:20260305T100000Z\r\n"
        f"DTEND:20260305T110000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def seed(url: str) -> tuple[dict[int, str], list[str]]:
    """The two users, the owner's calendars shared with the member; (passwords, slugs)."""
    app = build_application(Settings(database_url=url))
    try:
        ids, passwords = {}, {}
        for tid in (MEMBER, OWNER):
            app.register_account(tid, name=f"User {tid}", actor=ACTOR, source=SOURCE)
            account = app.queries.account_by_telegram_id(tid)
            assert account is not None
            ids[tid] = account.account_id
            passwords[tid] = app.issue_device_password(
                tid, "bench", actor=ACTOR, source=SOURCE
            ).password
        slugs = []
        for n in range(CALENDARS):
            calendar = app.create_calendar(
                ids[OWNER], f"cal{n}", {"display_name": f"Calendar {n}"}, actor=ACTOR, source=SOURCE
            )
            slugs.append(f"cal{n}")
            for e in range(EVENTS):
                app.put_object(
                    calendar, f"e{e}.ics", event(f"c{n}-e{e}", f"Event {e}"), actor=ACTOR,
                    source=SOURCE,
                )  # fmt: skip
            app.share_calendar(
                calendar, by=ids[OWNER], member=ids[MEMBER], role="write", actor=ACTOR,
                source=SOURCE,
            )  # fmt: skip
            app.answer_calendar_invitation(
                calendar, by=ids[MEMBER], accept=True, actor=ACTOR, source=SOURCE
            )
        return passwords, [
            shared_slug(c.calendar_id)
            for c in sorted(app.queries.calendars_of(ids[OWNER]), key=lambda c: c.slug)
            if c.slug == "cal0"
        ]
    finally:
        app.close()


def timed(request: Callable[[], httpx.Response], expected: int, warmup: int, n: int) -> list[float]:
    """Seconds per request, each answer checked (207 with `expected` responses)."""
    times = []
    for number in range(warmup + n):
        began = time.perf_counter()
        answer = request()
        elapsed = time.perf_counter() - began
        found = answer.text.count("response>") // 2
        if answer.status_code != 207 or found != expected:
            raise RuntimeError(f"answered {answer.status_code} with {found} responses")
        if number >= warmup:
            times.append(elapsed)
    return times


def sync_after_change(client: httpx.Client, collection: str, name: str, n: int) -> httpx.Response:
    """Read the token, change one event, sync from the token (only the sync is the answer).
    Each phase changes its own event, so that neither runs on the other's longer history."""
    start = client.request(
        "REPORT", collection, headers={"depth": "1"}, content=SYNC.format(token="")
    )
    token = TOKEN.search(start.text)
    if token is None:
        raise RuntimeError("no sync token")
    client.put(f"{collection}{name}.ics", content=event(f"c0-{name}", f"Changed {n}"))
    return client.request(
        "REPORT", collection, headers={"depth": "1"}, content=SYNC.format(token=token.group(1))
    )


Phases = dict[str, tuple[Callable[[], httpx.Response], int]]


def requests_of(owner: httpx.Client, member: httpx.Client, shared: str) -> Phases:
    """Each phase's request and the number of responses its answer holds."""
    counter = iter(range(10**9))
    owned_home, member_home = f"/dav/calendars/{OWNER}/", f"/dav/calendars/{MEMBER}/"
    depth = {"depth": "1"}
    return {
        "home, owned": (
            lambda: owner.request("PROPFIND", owned_home, headers=depth, content=PROPFIND),
            CALENDARS + 4,
        ),
        "home, 20 shared": (
            lambda: member.request("PROPFIND", member_home, headers=depth, content=PROPFIND),
            CALENDARS + 4,
        ),
        "sync, owned": (
            lambda: sync_after_change(owner, f"{owned_home}cal0/", "e0", next(counter)),
            1,
        ),
        "sync, shared": (
            lambda: sync_after_change(member, f"{member_home}{shared}/", "e1", next(counter)),
            1,
        ),
    }


def run(options: argparse.Namespace) -> list[tuple[str, str, float, float]]:
    rows = []
    backends = list(options.backends)
    if "postgresql" in backends and not postgres_reachable():
        progress(f"PostgreSQL not reachable at {ADMIN_URL}: skipped")
        backends.remove("postgresql")
    with tempfile.TemporaryDirectory(prefix="televent-sharebench-") as tmp:
        folder = Path(tmp)
        for backend in backends:
            progress(f"{backend}: storing {CALENDARS} calendars of {EVENTS} events, sharing them")
            with database(backend, folder, "share-bench") as url:
                passwords, [shared] = seed(url)
                with serve(url, folder) as base:
                    member = httpx.Client(base_url=base, auth=(str(MEMBER), passwords[MEMBER]))
                    owner = httpx.Client(base_url=base, auth=(str(OWNER), passwords[OWNER]))
                    phases = requests_of(owner, member, shared)
                    for phase, (request, expected) in phases.items():
                        progress(f"{backend}: {phase}")
                        times = timed(request, expected, options.warmup, options.requests)
                        rows.append(
                            (backend, phase, statistics.median(times) * 1000, p95(times) * 1000)
                        )
                    member.close()
                    owner.close()
    return rows


def report(rows: list[tuple[str, str, float, float]]) -> str:
    medians = {(b, p): m for b, p, m, _ in rows}
    lines = [
        f"Shared calendars over CalDAV ({platform.python_version()}, {platform.machine()})",
        "",
        "| backend | phase | median ms | p95 ms | shared / owned |",
        "|---|---|---|---|---|",
    ]
    for backend, phase, median, high in rows:
        owned = phase.replace("20 shared", "owned").replace("shared", "owned")
        ratio = "" if owned == phase else f"{median / medians[(backend, owned)]:.2f}"
        lines.append(f"| {backend} | {phase} | {median:.1f} | {high:.1f} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="SQLite only, 10 requests")
    options = parser.parse_args(argv)
    if options.quick:
        options.backends, options.requests, options.warmup = ["sqlite"], 10, 2
    print(report(run(options)))


if __name__ == "__main__":
    main()
