"""Calendars published as feeds (docs/adr/0022), over HTTP against `televent serve` (SQLite and
PostgreSQL): the secret address a subscribing calendar app reads, with a recurring event and
its exception; 304 while nothing changes; busy times only; a new address stopping the old one;
revoking; a reader member's feed ending when they are removed; a deleted calendar's feed; and
nobody publishing a calendar they cannot see.

Alice (1) owns "Family" and writes its events over CalDAV; Bob (2) and Carol (3) sign in as the
Mini App does (tma init data)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import icalendar
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.projections.rebuild import Rebuilder
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import (
    ACTOR,
    SERVER_SETTINGS,
    SOURCE,
    ServeProcess,
    running_serve,
    seed_accounts,
)
from tests.tma import BOT_TOKEN, tma_client

ALICE, BOB, CAROL = 1, 2, 3
NAMES = {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"}
FAMILY = "/dav/calendars/1/family/"

SERIES = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Tests//EN\r
BEGIN:VEVENT\r
UID:series@test\r
DTSTAMP:20260101T000000Z\r
DTSTART;TZID=Europe/Berlin:20260302T090000\r
DTEND;TZID=Europe/Berlin:20260302T100000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
SUMMARY:Swimming lesson\r
LOCATION:City pool, lane 3\r
DESCRIPTION:Bring the red towel\r
ATTENDEE;CN=Coach:mailto:coach@example.com\r
BEGIN:VALARM\r
ACTION:DISPLAY\r
TRIGGER:-PT15M\r
DESCRIPTION:Swimming lesson\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:series@test\r
DTSTAMP:20260101T000000Z\r
RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000\r
DTSTART;TZID=Europe/Berlin:20260309T110000\r
DTEND;TZID=Europe/Berlin:20260309T120000\r
SUMMARY:Swimming lesson (moved)\r
LOCATION:Old pool\r
END:VEVENT\r
END:VCALENDAR\r
"""


def single(uid: str, summary: str, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tests//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260305T150000Z\r\n"
        f"DTEND:20260305T160000Z\r\nSUMMARY:{summary}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@dataclass
class FeedServer:
    url: str
    database_url: str
    family: str  # the id of Alice's calendar "Family"
    caldav: httpx.Client  # Alice's CalDAV client (Basic, her device)
    process: ServeProcess

    def client(self, telegram_id: int) -> httpx.Client:
        """The user, signed in as the Mini App signs them in."""
        return tma_client(f"{self.url}/api/v1", telegram_id, NAMES[telegram_id])

    def put(self, name: str, text: str) -> None:
        reply = self.caldav.put(
            f"{FAMILY}{name}.ics", content=text, headers={"Content-Type": "text/calendar"}
        )
        assert reply.status_code in (201, 204), reply.text


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[FeedServer]:
    database_url = backend.migrated_url()
    passwords = seed_accounts(database_url)
    app = build_application(Settings(database_url=database_url))
    app.register_account(
        CAROL, name=NAMES[CAROL], timezone="Europe/Berlin", actor=ACTOR, source=SOURCE
    )
    alice = app.queries.account_by_telegram_id(ALICE)
    assert alice is not None
    family = app.create_calendar(
        alice.account_id, "family", {"display_name": "Family"}, actor=ACTOR, source=SOURCE
    )
    app.close()
    with FakeBotApi() as bot:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot.base_url,
        }
        with (
            running_serve(database_url, tmp_path, settings) as (url, process),
            httpx.Client(base_url=url, auth=("1", passwords[ALICE]), timeout=30) as caldav,
        ):
            yield FeedServer(url, database_url, str(family), caldav, process)


def publish(client: httpx.Client, calendar: str, **body: bool) -> str:
    reply = client.post(f"/calendars/{calendar}/feed", json=body)
    assert reply.status_code == 201, reply.text
    assert reply.json()["busy_only"] == body.get("busy_only", False)
    url = str(reply.json()["url"])
    assert url.endswith(".ics") and "/feeds/" in url
    return url


def fetch(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers=headers, timeout=30)


def events(reply: httpx.Response) -> list[icalendar.cal.Component]:
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(reply.content)
    return list(calendar.walk("VEVENT"))


def gone(url: str) -> bool:
    reply = fetch(url)
    return reply.status_code == 404 and reply.headers["content-type"].startswith("text/plain")


def test_a_published_calendar_is_a_feed_that_answers_304_until_it_changes(
    server: FeedServer,
) -> None:
    server.put("series", SERIES)
    server.put("dentist", single("dentist@test", "Dentist"))
    with server.client(ALICE) as alice:
        assert alice.get(f"/calendars/{server.family}/feed").json() == {
            "published": False,
            "busy_only": False,
        }
        url = publish(alice, server.family)
        assert url.startswith(f"{server.url}/feeds/")
        assert alice.get(f"/calendars/{server.family}/feed").json() == {
            "published": True,
            "busy_only": False,
        }

    first = fetch(url)
    found = events(first)
    assert "X-WR-CALNAME:Family" in first.text
    by_summary = {str(e["SUMMARY"]): e for e in found}
    assert set(by_summary) == {"Swimming lesson", "Swimming lesson (moved)", "Dentist"}
    assert "FREQ=WEEKLY" in by_summary["Swimming lesson"].to_ical().decode()
    assert by_summary["Swimming lesson (moved)"].get("RECURRENCE-ID") is not None
    assert by_summary["Swimming lesson"]["LOCATION"] == "City pool, lane 3"

    etag = first.headers["etag"]
    assert fetch(url, **{"If-None-Match": etag}).status_code == 304
    head = httpx.head(url, timeout=30)
    assert head.status_code == 200 and head.headers["etag"] == etag

    server.put("dentist", single("dentist@test", "Dentist (check-up)"))
    changed = fetch(url, **{"If-None-Match": etag})
    assert changed.headers["etag"] != etag
    assert "Dentist (check-up)" in {str(e["SUMMARY"]) for e in events(changed)}

    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    log = server.process.output()
    assert token not in log and "/feeds/-" in log  # the request log leaves the token out


def test_a_busy_only_feed_shows_times_and_nothing_else(server: FeedServer) -> None:
    server.put("series", SERIES)
    server.put("free", single("free@test", "Reading time", "TRANSP:TRANSPARENT\r\n"))
    server.put("off", single("off@test", "Called off", "STATUS:CANCELLED\r\n"))
    with server.client(ALICE) as alice:
        url = publish(alice, server.family, busy_only=True)
        assert alice.get(f"/calendars/{server.family}/feed").json()["busy_only"] is True

    reply = fetch(url)
    found = events(reply)
    assert {str(e["UID"]) for e in found} == {"series@test"}
    assert {str(e["SUMMARY"]) for e in found} == {"Busy"}
    for word in ("Swimming", "pool", "towel", "coach", "Reading", "Called off"):
        assert word not in reply.text
    for name in ("LOCATION", "DESCRIPTION", "ATTENDEE", "BEGIN:VALARM"):
        assert name not in reply.text
    series = next(e for e in found if e.get("RECURRENCE-ID") is None)
    assert "FREQ=WEEKLY" in series.to_ical().decode()
    moved = next(e for e in found if e.get("RECURRENCE-ID") is not None)
    assert moved.decoded("DTSTART").hour == 11

    # Published again in full: the new address shows everything, the busy one stops.
    with server.client(ALICE) as alice:
        full = publish(alice, server.family)
    assert gone(url)  # one feed per person and calendar: the busy one was replaced
    assert "Swimming lesson" in fetch(full).text


def test_a_new_address_stops_the_old_one_and_revoking_stops_it_all(server: FeedServer) -> None:
    with server.client(ALICE) as alice:
        old = publish(alice, server.family)
        assert fetch(old).status_code == 200
        new = publish(alice, server.family)
        assert new != old
        assert gone(old)
        assert fetch(new).status_code == 200

        assert alice.delete(f"/calendars/{server.family}/feed").status_code == 204
        assert gone(new)
        again = alice.delete(f"/calendars/{server.family}/feed")
        assert again.status_code == 404
        assert again.headers["content-type"].startswith("application/problem+json")
        assert alice.get(f"/calendars/{server.family}/feed").json()["published"] is False

    assert gone(f"{server.url}/feeds/{'A' * 43}.ics")
    assert gone(f"{server.url}/feeds/nothing")
    assert httpx.head(f"{server.url}/feeds/{'B' * 43}.ics", timeout=30).status_code == 404


def test_a_reader_member_publishes_until_removed_and_outsiders_cannot(
    server: FeedServer,
) -> None:
    with server.client(ALICE) as alice, server.client(BOB) as bob, server.client(CAROL) as carol:
        shared = alice.post(
            f"/calendars/{server.family}/members", json={"member": BOB, "role": "read"}
        )
        assert shared.status_code == 201, shared.text
        # Not yet accepted: nothing to publish, as if the calendar did not exist.
        assert bob.post(f"/calendars/{server.family}/feed", json={}).status_code == 404
        assert bob.post(f"/calendars/{server.family}/accept").status_code == 200
        assert bob.patch(f"/calendars/{server.family}", json={"name": "Alice's"}).status_code == 200
        server.put("dentist", single("dentist@test", "Dentist"))
        bobs = publish(bob, server.family)
        assert "X-WR-CALNAME:Alice's" in fetch(bobs).text
        alices = publish(alice, server.family)

        for outsider in (carol.post, carol.get, carol.delete):
            refused = outsider(f"/calendars/{server.family}/feed")
            assert refused.status_code == 404
        assert carol.post(f"/calendars/{uuid.uuid4()}/feed", json={}).status_code == 404
        assert carol.post("/calendars/not-an-id/feed", json={}).status_code == 404

        removed = alice.delete(f"/calendars/{server.family}/members/{BOB}")
        assert removed.status_code == 204
        assert gone(bobs)
        assert fetch(alices).status_code == 200

    # The calendar is deleted: every feed of it stops.
    assert server.caldav.request("DELETE", FAMILY).status_code == 204
    assert gone(alices)

    app = build_application(Settings(database_url=server.database_url))
    try:
        report = Rebuilder(app.engine, app.views).run(["calendar_feeds"], verify=True)
        assert report.matches
    finally:
        app.close()
