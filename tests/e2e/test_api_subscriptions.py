"""Subscribing to a feed over the JSON API against `televent serve` (SQLite and PostgreSQL),
with the feed on a loopback server (tests/feedserver.py; the operator's switch lets loopback
through, docs/adr/0023): the leader fetches it within a round, a CalDAV client then reads its
events in a calendar whose privileges say read-only, a PUT there is refused 403, the
subscription says how fetching goes, a changed feed is refreshed on demand, and unsubscribing
deletes the calendar. Without the switch, a loopback address is refused when it is added."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts, until
from tests.feedserver import FeedServer, calendar_feed, feed_server
from tests.tma import BOT_TOKEN, tma_client

HOLIDAYS = {"easter@x": ("Easter", "20261201T090000Z"), "xmas@x": ("Xmas", "20261225T090000Z")}
PROPFIND = """<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop>
<d:current-user-privilege-set/><d:displayname/></d:prop></d:propfind>"""


@dataclass
class FeedSetup:
    url: str
    feeds: FeedServer
    caldav: httpx.Client  # Alice's CalDAV client
    api: httpx.Client  # Alice in the Mini App


@contextmanager
def serving(backend: Backend, tmp_path: Path, extra: dict[str, str]) -> Iterator[FeedSetup]:
    database_url = backend.migrated_url()
    passwords = seed_accounts(database_url)
    with FakeBotApi() as bot, feed_server() as feeds:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot.base_url,
            "TELEVENT_FEED_SCAN_SECONDS": "0.5",
            **extra,
        }
        with (
            running_serve(database_url, tmp_path, settings) as (url, _),
            httpx.Client(base_url=url, auth=("1", passwords[1]), timeout=30) as caldav,
            tma_client(url, 1, "Alice") as api,
        ):
            yield FeedSetup(url, feeds, caldav, api)


@pytest.fixture
def setup(backend: Backend, tmp_path: Path) -> Iterator[FeedSetup]:
    with serving(backend, tmp_path, {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}) as running:
        yield running


def test_a_subscribed_feed_is_a_read_only_calendar_every_client_sees(setup: FeedSetup) -> None:
    setup.feeds.put(
        "/holidays.ics", calendar_feed(HOLIDAYS, extra_head="X-WR-CALNAME:Holidays\r\n")
    )
    feed = setup.feeds.url("/holidays.ics")
    made = setup.api.post("/api/v1/subscriptions", json={"url": feed})
    assert made.status_code == 201, made.text
    sub = made.json()
    assert (sub["status"], sub["reminders"], sub["busy"]) == ("waiting", False, True)
    again = setup.api.post("/api/v1/subscriptions", json={"url": feed})
    assert again.status_code == 409

    def fetched() -> dict[str, Any] | None:
        found = setup.api.get(f"/api/v1/subscriptions/{sub['id']}").json()
        return found if found["status"] == "ok" else None

    state = until(fetched, "the leader's first fetch")
    assert state["last_outcome"] == "2 added" and state["name"] == "Holidays"

    calendars = setup.api.get("/api/v1/calendars").json()["items"]
    listed = next(c for c in calendars if c["id"] == sub["id"])
    assert listed["role"] == "subscriber"
    home = f"/dav/calendars/1/{listed['slug']}/"
    answer = setup.caldav.request("PROPFIND", home, content=PROPFIND, headers={"Depth": "0"})
    assert answer.status_code == 207
    assert "read-free-busy" in answer.text and "<D:write" not in answer.text.replace("d:", "D:")
    assert "Holidays" in answer.text
    assert "Easter" in setup.caldav.get(f"{home}easter@x.ics").text
    refused = setup.caldav.put(
        f"{home}mine.ics",
        content=calendar_feed({"mine@x": ("Mine", "20261202T090000Z")}),
        headers={"Content-Type": "text/calendar"},
    )
    assert refused.status_code == 403
    events = setup.api.get(
        "/api/v1/events", params={"start": "2026-12-01", "end": "2026-12-31"}
    ).json()
    assert {"Easter", "Xmas"} <= {e["title"] for e in events["items"]}

    setup.feeds.put("/holidays.ics", calendar_feed({"xmas@x": ("Christmas", "20261225T090000Z")}))
    assert setup.api.post(f"/api/v1/subscriptions/{sub['id']}/refresh").status_code == 202
    until(
        lambda: setup.caldav.get(f"{home}easter@x.ics").status_code == 404,
        "the refresh asked for",
    )
    assert "Christmas" in setup.caldav.get(f"{home}xmas@x.ics").text

    paused = setup.api.patch(f"/api/v1/subscriptions/{sub['id']}", json={"paused": True})
    assert paused.status_code == 200 and paused.json()["status"] == "paused"
    assert setup.api.delete(f"/api/v1/subscriptions/{sub['id']}").status_code == 204
    assert setup.caldav.request("PROPFIND", home, headers={"Depth": "0"}).status_code == 404
    assert setup.api.get("/api/v1/subscriptions").json() == []


def test_addresses_that_are_no_feed_or_private_are_refused_in_words(
    backend: Backend, tmp_path: Path
) -> None:
    with serving(backend, tmp_path, {}) as setup:
        setup.feeds.put("/f.ics", calendar_feed(HOLIDAYS))
        private = setup.api.post("/api/v1/subscriptions", json={"url": setup.feeds.url("/f.ics")})
        assert private.status_code == 422
        assert "private or local network" in private.json()["detail"]
        ftp = setup.api.post(
            "/api/v1/subscriptions",
            json={"url": "ftp://example.org/f.ics"},
            headers={"Accept-Language": "de"},
        )
        assert ftp.status_code == 422
        assert "keine Adresse eines Kalender-Feeds" in ftp.json()["detail"]
        assert setup.api.get("/api/v1/subscriptions").json() == []
        assert setup.feeds.count("/f.ics", 200) == 0
