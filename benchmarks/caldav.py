"""CalDAV workload: Televent (SQLite and PostgreSQL) side by side with Radicale and Xandikos.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.caldav            # n = 1,000, all four servers (~2 min)
    .venv/bin/python -m benchmarks.caldav --large    # then n = 10,000 too (~11 min more)
    .venv/bin/python -m benchmarks.caldav --help     # sizes, caps, servers, output file

The peers (Radicale 3.9.0, Xandikos 0.4.10, pinned in `benchmarks/peers/requirements.txt`) run
from their own virtualenv, `benchmarks/peers/.venv`, created here with pip when it is missing
(or by `benchmarks/peers/setup.sh`), never from the project's. Each server runs, one after the
other, as a subprocess on a free loopback port with fresh temporary storage (Televent on a SQLite
file, and on a fresh PostgreSQL database `televent_cbench_<pid>` at 127.0.0.1:5432, dropped at
the end; `TELEVENT_BENCH_POSTGRES_URL` overrides the admin URL), and is always stopped.

The workload is raw HTTP through httpx, identical for every server, with Basic auth on every
request (Radicale runs with `auth type = none`, Xandikos without authentication):

1. n sequential PUTs of new, realistic events (VTIMEZONE Europe/Berlin, VALARM, ORGANIZER, two
   ATTENDEEs, one in ten weekly-recurring): median and p95 per PUT, and the median of the first
   100 against the last 100 (does a PUT cost more as the calendar grows?);
2. PROPFIND Depth 1 of getetag on the collection;
3. calendar-multiget of every resource in batches of 100 (the sum of the requests);
4. initial sync-collection (empty token);
5. k = n/100 modifications (PUT with If-Match) and k deletions (DELETE with If-Match), then the
   incremental sync-collection from the token of step 4, which must report exactly 2k items;
6. a one-week calendar-query (time-range) without and with expand, checked against the number of
   events that fall in that week;
7. 200 GETs of random existing resources (median);
8. 8 concurrent clients (threads, each its own httpx.Client) doing GET/PUT half each for 10 s:
   requests, requests/s and errors (any status >= 500, any unexpected status or exception).

Every time is taken with time.perf_counter around the request alone (response fully read);
parsing the answers is left out. A phase that runs past its cap is stopped and reported as
"> X s (capped)". The report is Markdown on stdout (progress goes to stderr): one table per size
(rows = phases, columns = servers), the cost of each server relative to Televent on SQLite,
the correctness checks that failed, and the errors found in each server's log.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "benchmarks" / "peers"
PEERS_VENV = PEERS / ".venv"
PEER_PINS = {"radicale": "3.9.0", "xandikos": "0.4.10"}
ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
SERVERS = ("televent-sqlite", "televent-postgresql", "radicale", "xandikos")
BASELINE = "televent-sqlite"
DAV = "{DAV:}"
CAL = "{urn:ietf:params:xml:ns:caldav}"
WEEK = ("20260309T000000Z", "20260316T000000Z")  # Monday 9 March to Monday 16 March 2026
BATCH = 100
RANDOM_GETS = 200
START_TIMEOUT = 60.0
XML = {"Content-Type": "application/xml; charset=utf-8"}
ICS = {"Content-Type": "text/calendar; charset=utf-8"}

TIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]


def event(i: int, uid: str, *, revision: int = 0) -> bytes:
    """The event `benchmarks.core` writes: a meeting in March 2026, one in ten weekly."""
    day, hour = 1 + i % 28, 8 + i % 10
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Televent bench//EN",
            *TIMEZONE,
            "BEGIN:VEVENT",
            f"UID:{uid}@example.com",
            f"DTSTAMP:2026030{1 + revision}T090000Z",
            f"SEQUENCE:{revision}",
            f"DTSTART;TZID=Europe/Berlin:202603{day:02d}T{hour:02d}0000",
            f"DTEND;TZID=Europe/Berlin:202603{day:02d}T{hour + 1:02d}0000",
            f"SUMMARY:Meeting number {i}" + (" (moved)" if revision else ""),
            f"LOCATION:Room {4 + revision}",
            *(["RRULE:FREQ=WEEKLY;COUNT=10"] if i % 10 == 0 else []),
            "ORGANIZER;CN=Alice:mailto:alice@example.com",
            "ATTENDEE;CN=Bob;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
            "mailto:bob@example.com",
            "ATTENDEE;CN=Carol;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
            "mailto:carol@example.com",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT15M",
            "DESCRIPTION:Reminder",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()


def in_week(i: int) -> bool:
    """Whether event `i` has an occurrence in WEEK (08:00-18:00 Berlin is 07:00-17:00Z in March).

    A weekly event with ten occurrences that starts on or before the 15th has one in any week
    from its start on.
    """
    day = 1 + i % 28
    return 9 <= day <= 15 or (i % 10 == 0 and day <= 15)


def resource_name(i: int) -> str:
    return f"e{i:05d}.ics"


PROPFIND_ETAGS = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


def multiget_body(hrefs: list[str]) -> bytes:
    refs = "".join(f"<d:href>{escape(href)}</d:href>" for href in hrefs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        f"<d:prop><d:getetag/><c:calendar-data/></d:prop>{refs}</c:calendar-multiget>"
    ).encode()


def sync_body(token: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">'
        f"<d:sync-token>{escape(token)}</d:sync-token><d:sync-level>1</d:sync-level>"
        "<d:prop><d:getetag/></d:prop></d:sync-collection>"
    ).encode()


def query_body(*, expand: bool) -> bytes:
    start, end = WEEK
    data = f'<c:calendar-data><c:expand start="{start}" end="{end}"/></c:calendar-data>'
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        f"<d:prop><d:getetag/>{data if expand else '<c:calendar-data/>'}</d:prop>"
        '<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">'
        f'<c:time-range start="{start}" end="{end}"/>'
        "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>"
    ).encode()


# --- answers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One `DAV:response` of a multistatus."""

    href: str  # the path, percent-decoded
    status: int  # the response's own status, else 200 when a propstat was 200
    etag: str | None
    data: str | None


def status_code(line: str | None) -> int:
    """200 from "HTTP/1.1 200 OK"; 0 when absent."""
    parts = (line or "").split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def parse_multistatus(body: bytes) -> tuple[list[Entry], str | None]:
    """The responses of a multistatus and its sync-token, if any."""
    root = ET.fromstring(body)
    entries = []
    for response in root.iter(f"{DAV}response"):
        href = unquote(urlsplit((response.findtext(f"{DAV}href") or "").strip()).path)
        status = status_code(response.findtext(f"{DAV}status"))
        etag = data = None
        for propstat in response.findall(f"{DAV}propstat"):
            prop = propstat.find(f"{DAV}prop")
            if prop is None or status_code(propstat.findtext(f"{DAV}status")) != 200:
                continue
            etag = prop.findtext(f"{DAV}getetag") or etag
            data = prop.findtext(f"{CAL}calendar-data") or data
            status = status or 200
        entries.append(Entry(href, status, etag, data))
    return entries, root.findtext(f"{DAV}sync-token")


def name_of(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


# --- measurements ----------------------------------------------------------------------------


@dataclass
class Cell:
    """What one server scored in one phase: the text shown and the number ratios use."""

    text: str
    value: float | None = None  # ms, or requests/s for the concurrent phase
    capped: bool = False


ROWS: list[tuple[str, str]] = [
    ("stored", "resources stored (n)"),
    ("put_median", "1. PUT new event, median ms"),
    ("put_p95", "1. PUT new event, p95 ms"),
    ("put_growth", "1. PUT median ms, first 100 → last 100"),
    ("put_total", "1. all PUTs, total s"),
    ("propfind", "2. PROPFIND Depth 1 getetag, ms (items)"),
    ("multiget", "3. calendar-multiget all, batches of 100, total ms"),
    ("sync_initial", "4. sync-collection initial, ms (items)"),
    ("change_median", "5. PUT If-Match / DELETE If-Match, median ms"),
    ("sync_incremental", "5. sync-collection incremental, ms (items, expect 2k)"),
    ("query", "6. calendar-query one week, ms (results)"),
    ("query_expand", "6. calendar-query one week + expand, ms (results)"),
    ("get_median", f"7. GET x{RANDOM_GETS} random, median ms"),
    ("concurrent", "8. concurrent GET/PUT: requests, req/s, errors"),
]
RATIO_ROWS: list[tuple[str, str]] = [
    ("put_median", "1. PUT new event (median)"),
    ("propfind", "2. PROPFIND Depth 1"),
    ("multiget", "3. calendar-multiget, all"),
    ("sync_initial", "4. sync-collection initial"),
    ("sync_incremental", "5. sync-collection incremental"),
    ("query", "6. calendar-query one week"),
    ("query_expand", "6. calendar-query one week + expand"),
    ("get_median", "7. GET (median)"),
    ("concurrent", "8. concurrent GET/PUT (time per request)"),
]
RATE_ROWS = {"concurrent"}


def ms(seconds: float) -> float:
    return seconds * 1000.0


def fmt(value: float) -> str:
    """1.23 / 12.3 / 1,234: three significant digits are plenty on a noisy machine."""
    if value < 10:
        return f"{value:.2f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}"


class UnexpectedAnswerError(Exception):
    """A server answered with a status the workload did not expect."""


@dataclass
class Options:
    put_cap: float
    phase_cap: float
    clients: int
    seconds: float
    seed: int


@dataclass
class Target:
    """A running server: its calendar collection and the credentials the workload sends."""

    key: str
    title: str
    collection: str  # absolute URL, ending in "/"
    auth: tuple[str, str]
    log: Path


@dataclass
class Report:
    cells: dict[str, Cell] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    log_errors: list[str] = field(default_factory=list)


class Workload:
    """The eight phases against one server, in order, each one's failure kept to itself."""

    def __init__(self, target: Target, n: int, options: Options) -> None:
        self.target = target
        self.n = n
        self.options = options
        self.rng = random.Random(options.seed)
        self.report = Report()
        self.path = urlsplit(target.collection).path
        self.alive: dict[str, int] = {}  # resource name -> event number
        self.etags: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.token: str | None = None
        self.client = httpx.Client(auth=target.auth, timeout=options.phase_cap)

    # plumbing

    def call(
        self,
        method: str,
        name: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[float, httpx.Response]:
        """One request to the collection (name "") or a resource in it, and its duration."""
        url = self.target.collection + name
        started = time.perf_counter()
        response = self.client.request(method, url, content=body, headers=headers)
        return time.perf_counter() - started, response

    def expect(self, response: httpx.Response, *statuses: int) -> bool:
        """Whether the status is one of `statuses`; notes the request when it is not."""
        if response.status_code in statuses:
            return True
        request = response.request
        snippet = " ".join(response.text[:200].split())
        self.note(
            f"{request.method} {request.url.path} → {response.status_code} "
            f"(expected {'/'.join(map(str, statuses))}): {snippet!r}"
        )
        return False

    def require(self, response: httpx.Response, *statuses: int) -> None:
        if not self.expect(response, *statuses):
            raise UnexpectedAnswerError(
                f"{response.request.method} answered {response.status_code}"
            )

    def note(self, problem: str) -> None:
        if len(self.report.problems) < 30:
            self.report.problems.append(problem)

    def members(self, body: bytes) -> list[Entry]:
        """The entries of a multistatus other than the collection itself."""
        return self.without_collection(parse_multistatus(body)[0])

    def without_collection(self, entries: list[Entry]) -> list[Entry]:
        return [e for e in entries if e.href.rstrip("/") != self.path.rstrip("/")]

    def phase(self, keys: tuple[str, ...], work: Callable[[], None]) -> None:
        """Run one phase; a timeout marks it capped, a wrong answer marks it failed."""
        try:
            work()
        except httpx.TimeoutException:
            for key in keys:
                self.report.cells.setdefault(
                    key, Cell(f"> {self.options.phase_cap:g} s (capped)", capped=True)
                )
        except (httpx.HTTPError, ET.ParseError, UnexpectedAnswerError) as exc:
            self.note(f"{keys[0]}: {type(exc).__name__}: {exc}")
            for key in keys:
                self.report.cells.setdefault(key, Cell("failed"))

    def set(self, key: str, text: str, value: float | None = None, *, capped: bool = False) -> None:
        self.report.cells[key] = Cell(text, value, capped)

    def counted(self, seconds: float, count: int, expected: int | None = None) -> str:
        shown = f"{count:,}" if expected in (None, count) else f"{count:,}, expected {expected:,}"
        return f"{fmt(ms(seconds))} ({shown})"

    # the phases

    def run(self) -> Report:
        bodies = [event(i, f"bench-{i}") for i in range(self.n)]
        with self.client:
            self.phase(
                ("stored", "put_median", "put_p95", "put_growth", "put_total"),
                lambda: self.put_all(bodies),
            )
            self.phase(("propfind",), self.propfind)
            self.phase(("multiget",), self.multiget)
            self.phase(("sync_initial",), self.sync_initial)
            self.phase(("change_median", "sync_incremental"), self.change_and_sync)
            self.phase(("query",), lambda: self.query(expand=False))
            self.phase(("query_expand",), lambda: self.query(expand=True))
            self.phase(("get_median",), self.random_gets)
        self.phase(("concurrent",), self.concurrent)
        return self.report

    def put_all(self, bodies: list[bytes]) -> None:
        latencies: list[float] = []
        headers = {**ICS, "If-None-Match": "*"}
        started = time.perf_counter()
        capped = False
        for i, body in enumerate(bodies):
            if time.perf_counter() - started > self.options.put_cap:
                capped = True
                break
            name = resource_name(i)
            seconds, response = self.call("PUT", name, body, headers)
            if self.expect(response, 201, 204):
                self.alive[name] = i
                latencies.append(ms(seconds))
        total = time.perf_counter() - started
        self.set("stored", f"{len(self.alive):,}")
        if not latencies:
            raise UnexpectedAnswerError("no PUT succeeded")
        median = statistics.median(latencies)
        self.set("put_median", fmt(median), median)
        p95 = statistics.quantiles(latencies, n=100)[94] if len(latencies) > 1 else latencies[0]
        self.set("put_p95", fmt(p95))
        first = statistics.median(latencies[:100])
        last = statistics.median(latencies[-100:])
        self.set("put_growth", f"{fmt(first)} → {fmt(last)}")
        if capped:
            self.set(
                "put_total",
                f"> {self.options.put_cap:g} s (capped at {len(latencies):,} PUTs)",
                capped=True,
            )
        else:
            self.set("put_total", f"{total:,.1f}", total)

    def propfind(self) -> None:
        seconds, response = self.call("PROPFIND", "", PROPFIND_ETAGS, {**XML, "Depth": "1"})
        self.require(response, 207)
        entries = self.members(response.content)
        self.hrefs = [e.href for e in entries]
        self.etags = {name_of(e.href): e.etag for e in entries if e.etag}
        self.set("propfind", self.counted(seconds, len(entries), len(self.alive)), ms(seconds))
        if len(entries) != len(self.alive):
            self.note(f"PROPFIND Depth 1 listed {len(entries)} of {len(self.alive)} resources")

    def multiget(self) -> None:
        total, found = 0.0, 0
        started = time.perf_counter()
        for first in range(0, len(self.hrefs), BATCH):
            if time.perf_counter() - started > self.options.phase_cap:
                self.set("multiget", f"> {self.options.phase_cap:g} s (capped)", capped=True)
                return
            body = multiget_body(self.hrefs[first : first + BATCH])
            seconds, response = self.call("REPORT", "", body, {**XML, "Depth": "1"})
            self.require(response, 207)
            total += seconds
            found += sum(1 for e in self.members(response.content) if e.data)
        self.set("multiget", fmt(ms(total)), ms(total))
        if found != len(self.hrefs):
            self.note(f"calendar-multiget returned data for {found} of {len(self.hrefs)} hrefs")

    def sync_initial(self) -> None:
        seconds, response = self.call("REPORT", "", sync_body(""), {**XML, "Depth": "0"})
        self.require(response, 207)
        entries, self.token = parse_multistatus(response.content)
        items = [e for e in self.without_collection(entries) if e.status == 200]
        self.set("sync_initial", self.counted(seconds, len(items), len(self.alive)), ms(seconds))
        if not self.token:
            self.note("initial sync-collection returned no sync-token")

    def change_and_sync(self) -> None:
        k = max(1, len(self.alive) // 100)
        chosen = self.rng.sample(sorted(self.alive), 2 * k)
        changed, deleted = chosen[:k], chosen[k:]
        latencies: list[float] = []
        for name in changed:
            headers = {**ICS, **({"If-Match": self.etags[name]} if name in self.etags else {})}
            body = event(self.alive[name], f"bench-{self.alive[name]}", revision=1)
            seconds, response = self.call("PUT", name, body, headers)
            if self.expect(response, 200, 201, 204):
                latencies.append(ms(seconds))
        for name in deleted:
            headers = {"If-Match": self.etags[name]} if name in self.etags else {}
            seconds, response = self.call("DELETE", name, None, headers)
            if self.expect(response, 200, 204):
                latencies.append(ms(seconds))
                del self.alive[name]
        if latencies:
            self.set("change_median", fmt(statistics.median(latencies)))
        if self.token is None:
            raise UnexpectedAnswerError("no sync-token to start from")
        seconds, response = self.call("REPORT", "", sync_body(self.token), {**XML, "Depth": "0"})
        self.require(response, 207)
        entries = self.members(response.content)
        self.set("sync_incremental", self.counted(seconds, len(entries), 2 * k), ms(seconds))
        reported = {name_of(e.href): e.status for e in entries}
        if len(entries) != 2 * k:
            self.note(f"incremental sync-collection reported {len(entries)} items, not {2 * k}")
        if missing := [n for n in changed if reported.get(n) != 200]:
            self.note(
                f"incremental sync missed {len(missing)} changed resources, e.g. {missing[0]}"
            )
        if missing := [n for n in deleted if reported.get(n) != 404]:
            self.note(f"incremental sync missed {len(missing)} deletions (404), e.g. {missing[0]}")

    def query(self, *, expand: bool) -> None:
        key = "query_expand" if expand else "query"
        expected = sum(1 for i in self.alive.values() if in_week(i))
        seconds, response = self.call(
            "REPORT", "", query_body(expand=expand), {**XML, "Depth": "1"}
        )
        self.require(response, 207)
        entries = [e for e in self.members(response.content) if e.data]
        self.set(key, self.counted(seconds, len(entries), expected), ms(seconds))
        if len(entries) != expected:
            self.note(f"{key}: {len(entries)} results, {expected} events are in that week")
        if expand and (masters := [e.href for e in entries if "FREQ=WEEKLY" in (e.data or "")]):
            self.note(f"expand returned {len(masters)} unexpanded masters, e.g. {masters[0]}")

    def random_gets(self) -> None:
        names = sorted(self.alive)
        latencies = []
        for _ in range(RANDOM_GETS):
            seconds, response = self.call("GET", self.rng.choice(names))
            if self.expect(response, 200):
                latencies.append(ms(seconds))
        if not latencies:
            raise UnexpectedAnswerError("no GET succeeded")
        median = statistics.median(latencies)
        self.set("get_median", fmt(median), median)

    def concurrent(self) -> None:
        names = sorted(self.alive)
        counts = [0] * self.options.clients
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.perf_counter() + self.options.seconds
        timeout = httpx.Timeout(self.options.seconds)

        def client_loop(number: int) -> None:
            rng = random.Random(self.options.seed + number)
            put_headers = {**ICS, "If-None-Match": "*"}
            with httpx.Client(auth=self.target.auth, timeout=timeout) as client:
                while time.perf_counter() < deadline:
                    sequence = counts[number]
                    expected: tuple[int, ...]
                    try:
                        if rng.random() < 0.5:
                            url, expected = self.target.collection + rng.choice(names), (200,)
                            response = client.get(url)
                        else:
                            uid = f"conc-{number}-{sequence}"
                            url, expected = self.target.collection + f"{uid}.ics", (201, 204)
                            body = event(sequence, uid)
                            response = client.put(url, content=body, headers=put_headers)
                        if response.status_code not in expected:
                            text = " ".join(response.text[:160].split())
                            failure = (
                                f"{response.request.method} {urlsplit(url).path} → "
                                f"{response.status_code}: {text!r}"
                            )
                        else:
                            failure = ""
                    except httpx.HTTPError as exc:
                        failure = f"{urlsplit(url).path}: {type(exc).__name__}: {exc}"
                    counts[number] += 1
                    if failure:
                        with lock:
                            errors.append(failure)

        threads = [
            threading.Thread(target=client_loop, args=(number,), daemon=True)
            for number in range(self.options.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=self.options.seconds * 3)
        elapsed = time.perf_counter() - started
        total = sum(counts)
        rate = total / elapsed
        self.set("concurrent", f"{total:,}, {rate:,.1f}/s, {len(errors)} errors", rate)
        for failure in errors[:5]:
            self.note(f"concurrent: {failure}")
        if len(errors) > 5:
            self.note(f"concurrent: … and {len(errors) - 5} more errors")


# --- servers ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def running(
    command: list[str], *, cwd: Path, env: dict[str, str], log: Path, ready_url: str
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server, wait until `ready_url` answers below 500, and always stop it after."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited with {process.returncode}, see {log}")
                try:
                    if httpx.get(ready_url, timeout=2.0).status_code < 500:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{shlex.join(command)} did not answer in {START_TIMEOUT} s")
                time.sleep(0.2)
            yield process
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def televent_executable() -> str:
    beside = Path(sys.executable).parent / "televent"
    found = str(beside) if beside.exists() else shutil.which("televent")
    if not found:
        raise RuntimeError("the televent command is not installed beside this Python")
    return found


def postgres_database(name: str, *, drop: bool) -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop:
            conn.execute(f'CREATE DATABASE "{name}"')


@contextlib.contextmanager
def televent(backend: str, work: Path) -> Iterator[Target]:
    """`televent serve` on a fresh SQLite file or PostgreSQL database, with one account."""
    database = f"televent_cbench_{os.getpid()}" if backend == "postgresql" else None
    if database:
        postgres_database(database, drop=False)
        url = f"{ADMIN_URL.rsplit('/', 1)[0]}/{database}"
    else:
        url = f"sqlite:///{work}/bench.db"
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEVENT_", "TELEGRAM_"))}
        env["TELEVENT_DATABASE_URL"] = url
        # The peers have no request limits: measure the server, not the limiter (its cost per
        # request is measured by benchmarks/workers.py).
        env["TELEVENT_RATE_LIMITS"] = "off"
        program = televent_executable()
        subprocess.run(
            [program, "account", "create", "--telegram-id", "1", "--name", "Bench"],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
        )
        added = subprocess.run(
            [program, "device", "add", "--telegram-id", "1", "--name", "bench", "--json"],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        password = str(json.loads(added.stdout)["password"])
        port = free_port()
        log = work / "televent.log"
        base = f"http://127.0.0.1:{port}"
        command = [program, "serve", "--port", str(port)]
        with running(command, cwd=work, env=env, log=log, ready_url=f"{base}/health"):
            yield Target(
                f"televent-{backend}",
                f"Televent {'SQLite' if database is None else 'PostgreSQL'}",
                f"{base}/dav/calendars/1/default/",
                ("1", password),
                log,
            )
    finally:
        if database:
            postgres_database(database, drop=True)


def peer_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}


@contextlib.contextmanager
def radicale(work: Path) -> Iterator[Target]:
    """Radicale with file storage in `work`, no authentication, and one MKCALENDAR'd calendar."""
    port = free_port()
    config = work / "radicale.conf"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        "[auth]\ntype = none\n"
        f"[storage]\nfilesystem_folder = {work / 'collections'}\n"
        "[web]\ntype = none\n"
        "[logging]\nlevel = warning\n"
    )
    command = [str(PEERS_VENV / "bin" / "python"), "-m", "radicale", "-C", str(config)]
    base = f"http://127.0.0.1:{port}"
    log = work / "radicale.log"
    with running(command, cwd=work, env=peer_env(), log=log, ready_url=f"{base}/"):
        collection = f"{base}/bench/calendar/"
        answer = httpx.request("MKCALENDAR", collection, auth=("bench", "bench"), timeout=30)
        if answer.status_code != 201:
            raise RuntimeError(f"Radicale MKCALENDAR answered {answer.status_code}")
        yield Target(
            "radicale", f"Radicale {PEER_PINS['radicale']}", collection, ("bench",) * 2, log
        )


def xandikos_command(work: Path, port: int) -> list[str]:
    """Xandikos serving `work` on 127.0.0.1:`port` with `--defaults` (/user/ and its
    calendar /user/calendars/calendar/), without authentication."""
    return [
        str(PEERS_VENV / "bin" / "xandikos"),
        "serve",
        "--defaults",
        "-d",
        str(work / "data"),
        "--state-dir",
        str(work / "state"),
        "-l",
        "127.0.0.1",
        "-p",
        str(port),
        "--no-detect-systemd",
    ]


@contextlib.contextmanager
def xandikos(work: Path) -> Iterator[Target]:
    """Xandikos with `--defaults`, which creates /user/calendars/calendar/ in `work`."""
    port = free_port()
    command = xandikos_command(work, port)
    base = f"http://127.0.0.1:{port}"
    log = work / "xandikos.log"
    with running(command, cwd=work, env=peer_env(), log=log, ready_url=f"{base}/"):
        collection = f"{base}/user/calendars/calendar/"
        answer = httpx.request(
            "PROPFIND",
            collection,
            content=b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>',
            headers={**XML, "Depth": "0"},
            timeout=30,
        )
        if answer.status_code != 207 or b"calendar" not in answer.content:
            raise RuntimeError(f"Xandikos has no calendar at {collection} ({answer.status_code})")
        yield Target(
            "xandikos", f"Xandikos {PEER_PINS['xandikos']}", collection, ("bench",) * 2, log
        )


STARTERS: dict[str, Callable[[Path], contextlib.AbstractContextManager[Target]]] = {
    "televent-sqlite": lambda work: televent("sqlite", work),
    "televent-postgresql": lambda work: televent("postgresql", work),
    "radicale": radicale,
    "xandikos": xandikos,
}
TITLES = {
    "televent-sqlite": "Televent SQLite",
    "televent-postgresql": "Televent PostgreSQL",
    "radicale": f"Radicale {PEER_PINS['radicale']}",
    "xandikos": f"Xandikos {PEER_PINS['xandikos']}",
}


def log_errors(log: Path) -> list[str]:
    """The error lines a server wrote (tracebacks, ERROR, 5xx), counted and deduplicated."""
    if not log.exists():
        return []
    seen: dict[str, int] = {}
    for line in log.read_text(errors="replace").splitlines():
        if any(
            mark in line
            for mark in ("Traceback", "ERROR", "Error:", "Exception", '" 500 ', " 500 ")
        ):
            text = line.strip()[:220]
            seen[text] = seen.get(text, 0) + 1
    return [f"{count}x {text}" if count > 1 else text for text, count in seen.items()]


def measure(key: str, n: int, options: Options, keep_logs: Path | None) -> Report:
    with tempfile.TemporaryDirectory(prefix=f"cbench-{key}-") as folder:
        work = Path(folder)
        log: Path | None = None
        try:
            with STARTERS[key](work) as target:
                log = target.log
                progress(f"{target.title}: n = {n:,}, collection {target.collection}")
                report = Workload(target, n, options).run()
        except (
            RuntimeError,
            OSError,
            subprocess.CalledProcessError,
            psycopg.Error,
            httpx.HTTPError,
        ) as exc:
            detail = getattr(exc, "stderr", None) or ""
            report = Report(problems=[f"could not run: {exc} {detail}".strip()])
        if log is not None:
            report.log_errors = log_errors(log)
            if keep_logs is not None:
                keep_logs.mkdir(parents=True, exist_ok=True)
                shutil.copy(log, keep_logs / f"{key}-{n}.log")
        return report


# --- peers' virtualenv -----------------------------------------------------------------------


def peers_installed() -> bool:
    python = PEERS_VENV / "bin" / "python"
    if not python.exists():
        return False
    check = (
        "import importlib.metadata as m, sys; "
        f"sys.exit(any(m.version(p) != v for p, v in {PEER_PINS!r}.items()))"
    )
    return (
        subprocess.run([str(python), "-c", check], check=False, capture_output=True).returncode == 0
    )


def ensure_peers() -> None:
    """Create benchmarks/peers/.venv with the pinned peers unless it already has them."""
    if peers_installed():
        return
    progress(f"installing {PEER_PINS} into {PEERS_VENV}")
    if not (PEERS_VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
    pip = [str(PEERS_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "-r", str(PEERS / "requirements.txt")], check=True)
    if not peers_installed():
        raise SystemExit(f"{PEERS_VENV} does not have {PEER_PINS} after pip install")


def versions() -> str:
    televent_version = subprocess.run(
        [televent_executable(), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    try:
        with psycopg.connect(ADMIN_URL) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            postgres = f"PostgreSQL {row[0] if row else '?'}"
    except psycopg.Error:
        postgres = "PostgreSQL unavailable"
    peers = ", ".join(f"{name} {pin}" for name, pin in PEER_PINS.items())
    return f"{televent_version}, {postgres}, {peers}, httpx {httpx.__version__}"


def revision() -> str:
    """The commit measured, and whether src/ differs from it (read-only git calls)."""

    def git(*args: str) -> str:
        command = ["git", "--no-optional-locks", *args]
        answer = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        return answer.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return head + (" with uncommitted changes in src/" if dirty else "")


# --- report ----------------------------------------------------------------------------------


def ratio(key: str, cell: Cell | None, base: Cell | None) -> str:
    """How many times the baseline's cost this server's is (time, or time per request)."""
    if cell is None or base is None or base.value is None or base.value <= 0:
        return "n/a"
    if cell.capped:
        return "capped"
    if cell.value is None or cell.value <= 0:
        return "n/a"
    factor = base.value / cell.value if key in RATE_ROWS else cell.value / base.value
    return f"{factor:.2f}x"


def tables(n: int, reports: dict[str, Report]) -> list[str]:
    keys = list(reports)
    k = max(1, n // 100)
    lines = [
        f"### n = {n:,} (k = n/100 = {k:,} when every PUT is stored)",
        "",
        "| phase | " + " | ".join(TITLES[key] for key in keys) + " |",
        "|---|" + "---:|" * len(keys),
    ]
    for row, label in ROWS:
        cells = [reports[key].cells.get(row) for key in keys]
        lines.append(f"| {label} | " + " | ".join(c.text if c else "-" for c in cells) + " |")
    if BASELINE in reports:
        lines += [
            "",
            f"Cost relative to {TITLES[BASELINE]} (time, or time per request for the concurrent "
            "phase; above 1x is slower):",
            "",
            "| phase | " + " | ".join(TITLES[key] for key in keys) + " |",
            "|---|" + "---:|" * len(keys),
        ]
        base = reports[BASELINE].cells
        stored = {key: reports[key].cells.get("stored", Cell("")).text for key in keys}
        smaller = [key for key in keys if stored[key] != stored[BASELINE]]
        for row, label in RATIO_ROWS:
            ratios = [
                ratio(row, reports[key].cells.get(row), base.get(row))
                + (" †" if key in smaller and row != "put_median" else "")
                for key in keys
            ]
            lines.append(f"| {label} | " + " | ".join(ratios) + " |")
        if smaller:
            lines += [
                "",
                f"† {', '.join(TITLES[key] for key in smaller)}: fewer resources stored than "
                f"{TITLES[BASELINE]} (PUTs capped), so phases 2-8 ran on a smaller calendar "
                "and these ratios understate that server's cost.",
            ]
    notes = [
        (TITLES[key], report.problems, report.log_errors)
        for key, report in reports.items()
        if report.problems or report.log_errors
    ]
    if notes:
        lines += ["", "Checks that failed, unexpected answers and server-log errors:", ""]
        for title, problems, errors in notes:
            lines += [f"- **{title}**: {problem}" for problem in problems]
            lines += [f"- **{title}** log: `{error}`" for error in errors[:10]]
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.caldav",
        description="One CalDAV workload against Televent (SQLite, PostgreSQL), Radicale and "
        "Xandikos, side by side.",
    )
    parser.add_argument("-n", type=int, default=1000, help="events to PUT (default 1000)")
    parser.add_argument("--large", action="store_true", help="then run again with n = 10,000")
    parser.add_argument(
        "--servers", default=",".join(SERVERS), help=f"comma-separated, of {', '.join(SERVERS)}"
    )
    parser.add_argument("--put-cap", type=float, default=240.0, help="s for all PUTs of a size")
    parser.add_argument("--phase-cap", type=float, default=60.0, help="s for any other phase")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--seconds", type=float, default=10.0, help="concurrent phase length")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    parser.add_argument("--keep-logs", type=Path, help="copy each server's log into this folder")
    args = parser.parse_args(argv)
    servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    if unknown := sorted(set(servers) - set(SERVERS)):
        parser.error(f"unknown servers: {', '.join(unknown)}")
    if {"radicale", "xandikos"} & set(servers):
        ensure_peers()

    options = Options(args.put_cap, args.phase_cap, args.clients, args.seconds, args.seed)
    sizes = [args.n, 10_000] if args.large and args.n != 10_000 else [args.n]
    lines = [
        "## CalDAV workload",
        "",
        f"- command: `{shlex.join(['python', '-m', 'benchmarks.caldav', *sys.argv[1:]])}`",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}",
        f"- versions: {versions()}; Televent at {revision()}",
        f"- concurrent phase: {args.clients} clients for {args.seconds:g} s; caps: PUTs "
        f"{args.put_cap:g} s, other phases {args.phase_cap:g} s",
        "",
    ]
    started = time.perf_counter()
    for n in sizes:
        reports = {key: measure(key, n, options, args.keep_logs) for key in servers}
        lines += tables(n, reports)
    lines.append(f"Whole run: {time.perf_counter() - started:,.0f} s.")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
