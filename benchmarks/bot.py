"""Telegram bot latency: `/today` over a full day and an RSVP button tap, on both backends.

Run from the repository root with the project's interpreter (`make bench` runs it too):

    .venv/bin/python -m benchmarks.bot             # 5 rounds, both backends: about 3 minutes
    .venv/bin/python -m benchmarks.bot --quick     # a smoke run of about 15 s
    .venv/bin/python -m benchmarks.bot --profile   # also a cProfile of one /today's agenda

The bot is the one `televent serve` runs: the real aiogram dispatcher and routers, the account
middleware, the bot service and the real aiogram Bot, talking HTTP to a local Bot API stand-in
(`tests/botapi.py`, on 127.0.0.1, in this process). Updates are fed as raw JSON with
`Dispatcher.feed_raw_update`, as the webhook does. For each backend (a SQLite file, and a fresh
PostgreSQL database `televent_botbench_<pid>` at 127.0.0.1:5432, dropped at the end;
TELEVENT_BENCH_POSTGRES_URL overrides the admin URL) the setup registers user 1 (the organizer,
Europe/Berlin) and user 2, and stores --events events in user 1's default calendar with
`put_object`: four in five single events spread over today (Berlin time), one in five daily
recurring events that started earlier in the week, one in five with two attendees. The clock
is fixed at Saturday 21 November 2026, 08:00 in Berlin, so every event is on today's agenda.

Each round measures, for each backend one after the other:

- baseline: `bot.send_message` to the stand-in alone (one Bot API round trip, no handler);
- /today:   one `/today` update from user 1, from the `feed_raw_update` call to its return
            (middleware, agenda query, recurring expansion, rendering and the reply's HTTP call);
- tap:      user 2 taps Accept / Tentative in turn on the invitation card of one of user 1's
            events (a fresh event each round), so that every tap is a real change: the answer is
            recorded (RsvpGiven appended, read models updated), the callback query answered and
            the card edited (two Bot API calls);
- burst:    50 `/today` updates fed at once with `asyncio.gather`, in updates per second.

The baseline and the tap are --updates sequential updates per round (default 200), /today is
--today-updates (default 20: one /today over 500 events takes about 0.2 s here, so 200 of them
per round and backend would make the run seven minutes long). Each gives the median and the p99
(nearest rank) per update in ms, and updates per second (count / total time). The report gives,
per backend, the median across rounds (p99: the median of the per-round p99s; with 20 samples a
round's p99 is its slowest update) and each handling time as a multiple of the baseline of the
same round. After the rounds, the parts of one /today are timed one by one, outside the
dispatcher. Progress goes to stderr, the Markdown report to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import io
import math
import os
import platform
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from tests.bot_harness import BotHarness
from tests.botapi import Call, FakeBotApi

from televent.adapters.telegram import texts
from televent.adapters.telegram.service import Person
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for

ADMIN_URL = os.environ.get(
    "TELEVENT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ("sqlite", "postgresql")
ACTOR, SOURCE = "system:", "cli:bench"
ORGANIZER, GUEST = 1, 2
ZONE = "Europe/Berlin"
NOW = dt.datetime(2026, 11, 21, 7, 0, tzinfo=dt.UTC)  # Saturday, 08:00 in Berlin
BURST = 50
GUESTS = ("ann@example.com", "ben@example.com")
USERS: dict[int, dict[str, Any]] = {
    ORGANIZER: {"id": ORGANIZER, "is_bot": False, "first_name": "Alice", "username": "alice"},
    GUEST: {"id": GUEST, "is_bot": False, "first_name": "Bob", "username": "bob"},
}


class FixedClock:
    """The bot's clock: stands still, so every round lists the same day."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def open_ended(i: int) -> bool:
    """Whether event `i` is a daily event without an end (one in ten)."""
    return i % 10 == 4


def event_body(i: int, today: dt.date, count: int) -> str:
    """Event `i` of `count`: one in five daily recurring (started up to six days ago), the
    others single and spread over today; one in five with two attendees."""
    recurring = i % 5 == 4
    if recurring:
        first = today - dt.timedelta(days=i % 7)
        start = dt.datetime.combine(first, dt.time(7 + i % 12, 15 * (i % 4)))
    else:
        minutes = (i * 23 * 60 // max(count, 1)) // 5 * 5
        start = dt.datetime.combine(today, dt.time()) + dt.timedelta(minutes=minutes)
    end = start + dt.timedelta(minutes=30 if i % 2 else 60)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Televent bench//EN",
        "BEGIN:VEVENT",
        f"UID:bot-bench-{i}@example.com",
        "DTSTAMP:20261101T090000Z",
        f"DTSTART;TZID={ZONE}:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID={ZONE}:{end:%Y%m%dT%H%M%S}",
        f"SUMMARY:Meeting number {i}",
    ]
    if i % 3 == 0:
        lines.append(f"LOCATION:Room {i % 40}")
    if recurring:
        # Half open-ended, half with an end: both kinds of index span.
        lines.append("RRULE:FREQ=DAILY" if open_ended(i) else "RRULE:FREQ=DAILY;COUNT=30")
    if i % 5 == 1:
        lines.append("ORGANIZER;CN=Alice:mailto:tg_1@televent.internal")
        lines.extend(
            f"ATTENDEE;CN={guest.split('@')[0].title()};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
            f"mailto:{guest}"
            for guest in GUESTS
        )
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile (the p99 of 200 samples is the second slowest)."""
    ordered = sorted(samples)
    rank = min(max(1, math.ceil(fraction * len(ordered) - 1e-9)), len(ordered))
    return ordered[rank - 1]


@dataclass
class Series:
    """One kind of measurement across rounds: per-round median, p99, rate and baseline ratio."""

    medians: list[float] = field(default_factory=list)
    p99s: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    heads: list[float] = field(default_factory=list)  # median of the first tenth of a round
    tails: list[float] = field(default_factory=list)  # median of the last tenth of a round

    def add(self, samples: list[float], total: float, baseline: float | None) -> None:
        median = statistics.median(samples)
        self.medians.append(median)
        self.p99s.append(percentile(samples, 0.99))
        self.rates.append(len(samples) / total)
        if baseline:
            self.ratios.append(median / baseline)
        tenth = max(1, len(samples) // 10)
        self.heads.append(statistics.median(samples[:tenth]))
        self.tails.append(statistics.median(samples[-tenth:]))


@dataclass
class Results:
    baseline: Series = field(default_factory=Series)
    today: Series = field(default_factory=Series)
    tap: Series = field(default_factory=Series)
    burst: list[float] = field(default_factory=list)  # updates/s
    burst_last: list[float] = field(default_factory=list)  # s until the last reply
    listed: int = 0  # events listed by the /today reply
    reply_chars: int = 0


class Target:
    """One backend: an application on a fresh database, its bot, and the tap's event."""

    def __init__(self, kind: str, folder: Path, api: FakeBotApi, events: int) -> None:
        self.kind = kind
        self.folder = folder
        self.api = api
        self.events = events
        self.database: str | None = None
        self.clock = FixedClock(NOW)
        self.app: Televent | None = None
        self.harness: BotHarness | None = None
        self.ids = 0
        self.tapped_events = 0
        self.results = Results()

    # --- setup -----------------------------------------------------------------------------

    def fresh_url(self) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.folder}/bot-bench.db"
        name = f"televent_botbench_{os.getpid()}"
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.database = name
        return f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"

    async def setup(self) -> None:
        self.app = build_application(Settings(database_url=self.fresh_url()), clock=self.clock)
        self.harness = BotHarness(self.app, self.api, self.clock)
        for user_id in (ORGANIZER, GUEST):
            await self.message(user_id, "/start")
            await self.message(user_id, f"/timezone {ZONE}")
        calendar_id = calendar_id_for(account_id_for(ORGANIZER), DEFAULT_CALENDAR_SLUG)
        today = NOW.astimezone(texts.zone(ZONE)).date()
        for i in range(self.events):
            body = event_body(i, today, self.events)
            self.app.put_object(calendar_id, f"bot-bench-{i}.ics", body, actor=ACTOR, source=SOURCE)
        await self.check_today()

    async def close(self) -> None:
        if self.harness is not None:
            await self.harness.close()
        if self.app is not None:
            self.app.close()
        if self.database is not None:
            with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    # --- updates ---------------------------------------------------------------------------

    def next_id(self) -> int:
        self.ids += 1
        return self.ids

    def text_update(self, user_id: int, text: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self.next_id(),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": USERS[user_id],
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": self.next_id(), "message": message}

    def tap_update(self, user_id: int, data: str, card: Call) -> dict[str, Any]:
        query = {
            "id": f"q{self.next_id()}",
            "from": USERS[user_id],
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": card.message_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "text": card.text,
            },
        }
        return {"update_id": self.next_id(), "callback_query": query}

    async def feed(self, update: dict[str, Any]) -> float:
        """Seconds from handing the update to the dispatcher until it has been handled."""
        assert self.harness is not None
        started = time.perf_counter()
        await self.harness.dispatcher.feed_raw_update(self.harness.bot, update)
        return time.perf_counter() - started

    async def message(self, user_id: int, text: str) -> float:
        return await self.feed(self.text_update(user_id, text))

    # --- checks (outside the timed sections) -------------------------------------------------

    async def check_today(self) -> None:
        before = len(self.api.calls())
        await self.message(ORGANIZER, "/today")
        replies = [c for c in self.api.calls()[before:] if c.method == "sendMessage"]
        if len(replies) != 1 or replies[0].failed or "<b>Today</b>" not in replies[0].text:
            raise SystemExit(f"{self.kind}: /today did not list the day: {replies}")
        listed = replies[0].text.count("<code>")
        if listed < self.events:
            raise SystemExit(f"{self.kind}: /today listed {listed} of {self.events} events")
        self.results.listed = listed
        self.results.reply_chars = len(replies[0].text)

    async def new_card(self) -> tuple[str, Call]:
        """Invite user 2 to one more of user 1's open-ended daily events (so the card is never
        for a meeting that is over); returns its id and the card the sender delivered."""
        assert self.app is not None
        assert self.harness is not None
        candidates = [i for i in range(self.events) if open_ended(i)]
        index = candidates[self.tapped_events % len(candidates)]
        self.tapped_events += 1
        calendar_id = calendar_id_for(account_id_for(ORGANIZER), DEFAULT_CALENDAR_SLUG)
        obj = self.app.queries.object_at(calendar_id, f"bot-bench-{index}.ics")
        assert obj is not None
        self.app.invite_attendee(
            obj.event_id, f"mailto:tg_{GUEST}@televent.internal", "Bob", actor=ACTOR, source=SOURCE
        )
        # Queue rows are due at the wall-clock time of the change: send them at that time
        # (with the answers the previous round's taps queued for the organizer).
        self.clock.now = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        cards: list[Call] = []
        try:
            for _ in range(10):
                delivered = await self.harness.deliver()
                cards += [
                    c
                    for c in delivered
                    if c.chat_id == GUEST and "Invitation" in c.text and not c.failed
                ]
                if cards or not delivered:
                    break
        finally:
            self.clock.now = NOW
        if len(cards) != 1:
            raise SystemExit(f"{self.kind}: expected one invitation card, got {cards}")
        return obj.event_id.hex, cards[0]

    def check_answer(self, event_hex: str, expected: str) -> None:
        assert self.app is not None
        rows = [
            row
            for row in self.app.queries.attendees_of(UUID(hex=event_hex))
            if row["address"] == f"tg_{GUEST}@televent.internal"
        ]
        if [row["partstat"] for row in rows] != [expected]:
            raise SystemExit(f"{self.kind}: the taps were not recorded: {rows}")
        edits = [c for c in self.api.calls("editMessageText", GUEST)[-3:] if not c.failed]
        if not edits:
            raise SystemExit(f"{self.kind}: the card was not edited")

    # --- one round -----------------------------------------------------------------------------

    async def round(self, updates: int, today_updates: int) -> str:
        assert self.harness is not None
        bot = self.harness.bot
        samples: list[float] = []
        started = time.perf_counter()
        for i in range(updates):
            begin = time.perf_counter()
            await bot.send_message(ORGANIZER, f"ping {i}")
            samples.append(time.perf_counter() - begin)
        self.results.baseline.add(samples, time.perf_counter() - started, None)
        baseline = self.results.baseline.medians[-1]

        samples = []
        started = time.perf_counter()
        for _ in range(today_updates):
            samples.append(await self.message(ORGANIZER, "/today"))
        self.results.today.add(samples, time.perf_counter() - started, baseline)
        await self.check_today()

        event_hex, card = await self.new_card()
        answers = ("A", "T")
        samples = []
        started = time.perf_counter()
        for i in range(updates):
            data = f"rsvp:{event_hex}:{answers[i % 2]}"
            samples.append(await self.feed(self.tap_update(GUEST, data, card)))
        self.results.tap.add(samples, time.perf_counter() - started, baseline)
        self.check_answer(event_hex, "ACCEPTED" if updates % 2 else "TENTATIVE")

        burst = [self.text_update(ORGANIZER, "/today") for _ in range(BURST)]
        started = time.perf_counter()
        await asyncio.gather(*(self.feed(update) for update in burst))
        elapsed = time.perf_counter() - started
        self.results.burst.append(BURST / elapsed)
        self.results.burst_last.append(elapsed)

        r = self.results
        return (
            f"baseline {ms(r.baseline.medians[-1])} ms, /today {ms(r.today.medians[-1])} ms "
            f"(p99 {ms(r.today.p99s[-1])}), tap {ms(r.tap.medians[-1])} ms "
            f"(p99 {ms(r.tap.p99s[-1])}), burst {r.burst[-1]:.1f}/s"
        )

    # --- where one /today spends its time ------------------------------------------------------

    async def phases(self, repeat: int) -> dict[str, float]:
        """The parts of one /today, timed one by one in this thread (medians, seconds)."""
        assert self.harness is not None
        service = self.harness.service
        person = Person(ORGANIZER, "Alice", "alice")
        tz = texts.zone(ZONE)
        start = dt.datetime.combine(NOW.astimezone(tz).date(), dt.time(), tzinfo=tz)
        end = start + dt.timedelta(days=1)
        parts: dict[str, list[float]] = {
            "register (middleware)": [],
            "agenda (query, parse, expand)": [],
            "render the reply": [],
            "send the reply (HTTP)": [],
        }
        for _ in range(repeat):
            begin = time.perf_counter()
            service.register(person)
            parts["register (middleware)"].append(time.perf_counter() - begin)
            begin = time.perf_counter()
            occurrences = service.agenda(person, start, end)
            parts["agenda (query, parse, expand)"].append(time.perf_counter() - begin)
            begin = time.perf_counter()
            reply = texts.agenda("Today", occurrences, tz)
            parts["render the reply"].append(time.perf_counter() - begin)
            begin = time.perf_counter()
            await self.harness.bot.send_message(ORGANIZER, reply)
            parts["send the reply (HTTP)"].append(time.perf_counter() - begin)
        return {name: statistics.median(values) for name, values in parts.items()}

    def profile(self, lines: int = 18) -> str:
        """cProfile of the agenda of one /today (the handler's worker-thread part)."""
        assert self.harness is not None
        service = self.harness.service
        person = Person(ORGANIZER, "Alice", "alice")
        tz = texts.zone(ZONE)
        start = dt.datetime.combine(NOW.astimezone(tz).date(), dt.time(), tzinfo=tz)
        profiler = cProfile.Profile()
        profiler.enable()
        service.agenda(person, start, start + dt.timedelta(days=1))
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats("cumulative").print_stats(lines)
        return out.getvalue()


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}" if value < 10 else f"{value:.1f}"


def per_second(rate: float) -> str:
    return f"{rate:,.0f}" if rate >= 100 else f"{rate:.1f}"


def table(kind: str, results: Results, args: argparse.Namespace) -> list[str]:
    median = statistics.median
    events = args.events
    rows = [
        f"### {kind}",
        "",
        f"/today lists {results.listed} events in one reply of {results.reply_chars:,} "
        f"characters; {args.today_updates} /today and {args.updates} baseline and tap updates "
        f"per round.",
        "",
        "| measurement | median ms | p99 ms | sequential updates/s | x baseline (median) |",
        "|---|---:|---:|---:|---:|",
    ]
    named: list[tuple[str, Series]] = [
        ("Bot API round trip alone (baseline)", results.baseline),
        (f"/today, {events} events", results.today),
        ("button tap (RSVP recorded, card edited)", results.tap),
    ]
    for name, series in named:
        ratio = f"{median(series.ratios):.1f}x" if series.ratios else "1.0x"
        rows.append(
            f"| {name} | {ms(median(series.medians))} | {ms(median(series.p99s))} | "
            f"{per_second(median(series.rates))} | {ratio} |"
        )
    rows.append(
        f"| /today, {BURST} updates at once (asyncio.gather; ms until the last reply) | | "
        f"{ms(median(results.burst_last))} | {per_second(median(results.burst))} | |"
    )
    rows += [
        "",
        "Median per update, first tenth -> last tenth of a round: "
        f"/today {ms(median(results.today.heads))} -> {ms(median(results.today.tails))} ms, "
        f"tap {ms(median(results.tap.heads))} -> {ms(median(results.tap.tails))} ms.",
        "",
    ]
    return rows


async def run(args: argparse.Namespace, folder: Path) -> tuple[list[Target], dict[str, Any]]:
    extra: dict[str, Any] = {}
    with FakeBotApi() as api:
        targets = [Target(kind, folder, api, args.events) for kind in args.backends]
        try:
            for target in targets:
                progress(f"setup {target.kind}: {args.events} events")
                await target.setup()
            for number in range(1, args.rounds + 1):
                for target in targets:
                    summary = await target.round(args.updates, args.today_updates)
                    progress(f"round {number} {target.kind}: {summary}")
            for target in targets:
                extra[target.kind] = await target.phases(max(3, args.today_updates // 3))
            if args.profile:
                extra["profile"] = targets[0].profile()
        finally:
            for target in targets:
                await target.close()
    return targets, extra


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument(
        "--updates", type=int, default=200, help="baseline calls and taps per round (200)"
    )
    parser.add_argument(
        "--today-updates", type=int, default=20, help="/today updates per round (default 20)"
    )
    parser.add_argument(
        "--events", type=int, default=500, help="events on user 1's day (default 500)"
    )
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 2 rounds, 20 updates, 10 /today, 100 events",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of one /today's agenda"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.updates, args.today_updates, args.events = 2, 20, 10, 100
    args.backends = BACKENDS if args.backend == "both" else (args.backend,)
    if min(args.rounds, args.updates, args.today_updates) < 1 or args.events < 5:
        parser.error("--rounds and the update counts must be at least 1, --events at least 5")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="televent-botbench-") as folder:
        targets, extra = asyncio.run(run(args, Path(folder)))
    elapsed = time.perf_counter() - started

    print(
        f"## Telegram bot latency ({args.rounds} rounds, {args.events} events, "
        f"{args.today_updates} /today and {args.updates} taps per round; {elapsed:.0f} s)\n"
    )
    print(
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}. The Bot API stand-in runs in the same "
        "process. On a shared machine, quote the medians: single runs swing.\n"
    )
    for target in targets:
        print("\n".join(table(target.kind, target.results, args)))
    print("### Where one /today spends its time (median, ms)\n")
    header = "| part | " + " | ".join(t.kind for t in targets) + " |"
    print(header)
    print("|---|" + "---:|" * len(targets))
    for part in extra[targets[0].kind]:
        cells = " | ".join(ms(extra[t.kind][part]) for t in targets)
        print(f"| {part} | {cells} |")
    if "profile" in extra:
        print(f"\n### cProfile of one /today's agenda ({targets[0].kind})\n")
        print("```")
        print(extra["profile"].strip())
        print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
