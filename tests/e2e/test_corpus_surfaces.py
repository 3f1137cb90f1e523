"""Nothing anyone sends breaks Televent for anyone else: every corpus calendar imported for one
user, then every surface run for that user, and another user's reminder still goes.

Alice imports every real calendar of the shared corpus (Google, Exchange, Outlook, Apple,
Evolution, Thunderbird) over CalDAV against `televent serve`: split by UID into resources as a
client's import does, and each whole file where the server takes it. The objects the PUT refuses
answer 403 with a CalDAV precondition (never 500); those are stored anyway the way a server
without today's write-time validation stored them, because data already in the log must not
break anything either. Then, on SQLite and PostgreSQL:

- CalDAV: calendar-query with and without expand, free-busy-query, sync-collection, multiget;
- the bot: /today, /week and /list at every week the corpus has events in, and /export;
- operators: `televent gdpr export`, `televent audit account`, `projections rebuild --verify`;
- and Bob's reminder, due while Alice's odd events are in the reminder scan's window, is queued
  and sent to Telegram.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import httpx
import icalendar

import televent.application.calendar_objects as calendar_objects
from televent.adapters.i18n import translate
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.ical import parse_calendar_object
from televent.domain.values import account_id_for, calendar_id_for
from tests.bot_harness import BotHarness
from tests.botapi import Call, FakeBotApi
from tests.conftest import FakeClock
from tests.e2e.conftest import ROOT, Server
from tests.e2e.test_corpus_roundtrip import resources
from tests.helpers import FIXTURE_CORPUS

CORPUS = FIXTURE_CORPUS / "calendars"
FILES = sorted(CORPUS.glob("*.ics"))
ACTOR, SOURCE = "system:", "cli:tests"
ALICE, BOB = 1, 2
RANGE = ("20000101T000000Z", "20300101T000000Z")
EXPAND = ("20120101T000000Z", "20270101T000000Z")
FIRST, LAST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
PRECONDITION = re.compile(rb"<[^>]*error[^>]*>\s*<[A-Za-z]*:?[a-z-]+", re.IGNORECASE)


def _report(http: httpx.Client, path: str, body: str, depth: str = "1") -> httpx.Response:
    return http.request("REPORT", path, content=body.encode(), headers={"Depth": depth})


def _query(expand: bool) -> str:
    data = f'<c:calendar-data><c:expand start="{EXPAND[0]}" end="{EXPAND[1]}"/></c:calendar-data>'
    return (
        '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
        f"<d:getetag/>{data if expand else '<c:calendar-data/>'}</d:prop><c:filter>"
        '<c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">'
        f'<c:time-range start="{RANGE[0]}" end="{RANGE[1]}"/></c:comp-filter></c:comp-filter>'
        "</c:filter></c:calendar-query>"
    )


FREE_BUSY = (
    '<c:free-busy-query xmlns:c="urn:ietf:params:xml:ns:caldav">'
    f'<c:time-range start="{EXPAND[0]}" end="{EXPAND[1]}"/></c:free-busy-query>'
)
SYNC = (
    '<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level>'
    "<d:prop><d:getetag/></d:prop></d:sync-collection>"
)


def _multiget(hrefs: list[str]) -> str:
    return (
        '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        "<d:prop><d:getetag/><c:calendar-data/></d:prop>"
        + "".join(f"<d:href>{h}</d:href>" for h in hrefs)
        + "</c:calendar-multiget>"
    )


def _hrefs(body: bytes) -> list[str]:
    return [h.decode() for h in re.findall(rb"<[A-Za-z]*:?href>([^<]+\.ics)</", body)]


def _import(http: httpx.Client, app: Televent) -> tuple[int, list[tuple[str, str]]]:
    """PUT every corpus calendar for Alice; returns how many were stored and the refused ones
    (file, reason), each stored afterwards as a server without write-time validation did."""
    stored, refused = 0, []
    for path in FILES:
        pieces = [
            (path.stem, f"{n}.ics", text) for n, (_, text, _, _) in enumerate(resources(path))
        ]
        whole = path.read_text(encoding="utf-8", errors="replace")
        pieces.append((f"{path.stem}-whole", "whole.ics", whole))
        for slug in (path.stem, f"{path.stem}-whole"):
            created = http.request("MKCALENDAR", f"/dav/calendars/{ALICE}/{slug}/")
            assert created.status_code == 201, created.text
        for slug, name, text in pieces:
            calendar = f"/dav/calendars/{ALICE}/{slug}/"
            response = http.put(
                calendar + quote(name),
                content=text.encode("utf-8"),
                headers={"Content-Type": "text/calendar"},
            )
            assert response.status_code < 500, (path.name, name, response.text)
            if response.status_code in (201, 204):
                stored += 1
                continue
            # Refused: with a CalDAV precondition saying why, never a server error.
            assert response.status_code == 403, (path.name, name, response.text)
            assert PRECONDITION.search(response.content), (path.name, name, response.text)
            refused.append((f"{path.name}:{name}", response.text[:200]))
            if name != "whole.ics":
                _store_unvalidated(app, slug, name, text)
    return stored, refused


def _store_unvalidated(app: Televent, slug: str, name: str, text: str) -> None:
    """Store an object the way a server without write-time validation did (if it could)."""
    original = calendar_objects.accepted_calendar_object
    calendar_objects.accepted_calendar_object = parse_calendar_object  # type: ignore[assignment]
    try:
        app.put_object(
            calendar_id_for(account_id_for(ALICE), slug),
            f"legacy-{name}",
            text,
            actor=ACTOR,
            source=SOURCE,
        )
    except Exception:  # not even the old server took it: nothing stored, nothing to break
        pass
    finally:
        calendar_objects.accepted_calendar_object = original


def _caldav_surfaces(http: httpx.Client) -> int:
    """Every CalDAV read of every collection of Alice's; returns the resources seen."""
    seen = 0
    collections = [
        (path.name, f"/dav/calendars/{ALICE}/{slug}/")
        for path in FILES
        for slug in (path.stem, f"{path.stem}-whole")
    ]
    for name, calendar in collections:
        for expand in (False, True):
            response = _report(http, calendar, _query(expand))
            assert response.status_code == 207, (name, expand, response.text[:500])
        free_busy = _report(http, calendar, FREE_BUSY)
        assert free_busy.status_code == 200, (name, free_busy.text[:500])
        assert b"BEGIN:VFREEBUSY" in free_busy.content
        synced = _report(http, calendar, SYNC)
        assert synced.status_code == 207, (name, synced.text[:500])
        hrefs = _hrefs(synced.content)
        seen += len(hrefs)
        if hrefs:
            got = _report(http, calendar, _multiget(hrefs))
            assert got.status_code == 207, (name, got.text[:500])
            assert got.content.count(b"BEGIN:VCALENDAR") == len(hrefs), name
    return seen


def _cli(database_url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TELEVENT_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "televent", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _weeks(app: Televent) -> list[dt.datetime]:
    """A Monday for every week in which one of Alice's objects starts (from the read model)."""
    with app.views.read() as db:
        rows = db.all(
            "SELECT o.range_start FROM calendar_objects o JOIN calendars c "
            "ON c.calendar_id = o.calendar_id WHERE c.account_id = ? "
            "AND o.range_start IS NOT NULL",
            (str(account_id_for(ALICE)),),
        )
    mondays = set()
    for row in rows:
        moment = dt.datetime.fromtimestamp(int(row["range_start"]), dt.UTC)
        if (
            dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
            <= moment
            < dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
        ):
            monday = (moment - dt.timedelta(days=moment.weekday())).date()
            mondays.add(dt.datetime.combine(monday, dt.time(6), tzinfo=dt.UTC))
    return sorted(mondays)


def _answers(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method in ("sendMessage", "sendDocument", "editMessageText")]


async def _bot_surfaces(h: BotHarness, clock: FakeClock, app: Televent) -> dict[str, int]:
    """/today, /week and /list at every week of the corpus, /export, and the reminder scan
    there; returns counts of what the answers said."""
    counts = {"answers": 0, "not shown": 0, "scan skipped": 0}
    await h.say(ALICE, "/start")
    listed_until = FIRST
    for monday in _weeks(app):
        clock.now = monday
        commands = ["/today", "/week"]
        if monday >= listed_until:  # /list shows 90 days: every corpus week is in one
            commands.append("/list")
            listed_until = monday + dt.timedelta(days=80)
        for command in commands:
            answers = _answers(await h.say(ALICE, command))
            assert answers, (command, monday)
            for answer in answers:
                assert not answer.failed, (command, monday, answer.params)
                assert translate("en", "bot-sorry") not in answer.text, (command, monday)
                counts["answers"] += 1
                counts["not shown"] += "could not be shown" in answer.text
        await h.remind()
        assert h.sender.reminders is not None
        counts["scan skipped"] += len(h.sender.reminders.failed)
    export = next(c for c in await h.say(ALICE, "/export") if c.method == "sendDocument")
    document = export.params["document"].content
    parsed = icalendar.Calendar.from_ical(document)
    assert len(list(parsed.walk("VEVENT"))) > 100
    return counts


async def _bobs_reminder(h: BotHarness, clock: FakeClock, app: Televent) -> None:
    """Bob's event, due while every corpus event of Alice's is in the scan's window."""
    clock.now = dt.datetime(2014, 12, 10, 7, 50, tzinfo=dt.UTC)  # Google's birthday week
    await h.say(BOB, "/start")
    app.put_object(
        calendar_id_for(account_id_for(BOB), "default"),
        "standup.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:bob-standup\r\nDTSTAMP:20141201T000000Z\r\nDTSTART:20141210T080000Z\r\n"
        "DTEND:20141210T083000Z\r\nSUMMARY:Bob's standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        actor=ACTOR,
        source=SOURCE,
    )
    assert await h.remind() >= 1
    with app.views.read() as db:
        rows = db.all(
            "SELECT kind, status FROM telegram_outbox WHERE chat_id = ? AND kind = 'reminder'",
            (BOB,),
        )
    assert rows, "Bob's reminder is in the Telegram queue"
    sent = [c for c in await h.deliver() if c.method == "sendMessage" and c.chat_id == BOB]
    assert any("standup" in c.text for c in sent), [c.text for c in sent]


def test_every_surface_survives_every_corpus_calendar(server: Server, tmp_path: Path) -> None:
    app = build_application(Settings(database_url=server.database_url), clock=FakeClock())
    clock = FakeClock()
    try:
        http = httpx.Client(base_url=server.url, auth=server.auth(ALICE), timeout=120)
        stored, refused = _import(http, app)
        assert stored >= len(FILES)
        print(f"stored {stored} resources; refused {len(refused)}: {refused}")
        seen = _caldav_surfaces(http)
        assert seen >= stored

        with FakeBotApi() as api:

            async def bot() -> dict[str, int]:
                h = BotHarness(app, api, clock)
                try:
                    counts = await _bot_surfaces(h, clock, app)
                    await _bobs_reminder(h, clock, app)
                    return counts
                finally:
                    await h.close()

            counts = asyncio.run(bot())
        print(f"bot: {counts}")
        assert counts["answers"] > 0
    finally:
        app.close()

    out = tmp_path / "exports" / "alice.zip"
    out.parent.mkdir()
    exported = _cli(server.database_url, tmp_path, "gdpr", "export", str(ALICE),
                    "--out", str(out), "--json")  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        for name in names:
            if name.startswith("calendars/") and name.count("/") == 1:
                icalendar.Calendar.from_ical(archive.read(name))
    assert [p.name for p in out.parent.iterdir()] == ["alice.zip"]
    print("gdpr problems:", json.loads(exported.stdout)["problems"])

    audit = _cli(server.database_url, tmp_path, "audit", "account", str(ALICE), "--json")
    assert audit.returncode == 0, audit.stderr
    verified = _cli(server.database_url, tmp_path, "projections", "rebuild", "--verify", "--json")
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["matches"] is True
