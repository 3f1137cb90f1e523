"""kill -9 of `televent serve` while it syncs a Google calendar of 2,000 events (docs/adr/0034),
on SQLite and PostgreSQL, with the Google stand-in on loopback: the calendar holds all of the
events or none (a sync is one transaction); after a restart the leader syncs again and stores
each once; every read model equals a rebuild from the log. And while it writes 300 events made
here to Google: after a restart Google holds each once (an insert repeated after the kill
finds its first copy), Televent each once, nothing waits, and nobody is told of a conflict
that never was."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from uuid import UUID

import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.projections.queries import Reading
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import (
    ACTOR,
    SERVER_SETTINGS,
    SOURCE,
    rebuilds_equal,
    running_serve,
    seed_accounts,
)
from tests.feedserver import calendar_feed
from tests.google_standin import GoogleStandIn, google_standin
from tests.tma import BOT_TOKEN

ANNA = "anna@gmail.com"
EVENTS = 2_000
CHANGES = 300


def settings(google: GoogleStandIn, bot: FakeBotApi) -> dict[str, str]:
    return {
        **SERVER_SETTINGS,
        "TELEVENT_FEED_SCAN_SECONDS": "0.2",
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TELEGRAM_API_BASE": bot.base_url,
        "TELEVENT_GOOGLE_CLIENT_ID": google.client_id,
        "TELEVENT_GOOGLE_CLIENT_SECRET": google.client_secret,
        "TELEVENT_GOOGLE_API_BASE": google.base + "/",
        "TELEVENT_GOOGLE_OAUTH_BASE": google.base,
    }


def connected(database_url: str, google: GoogleStandIn) -> UUID:
    """Anna's Google account connected to Alice, as the callback does it; its calendar here."""
    app = build_application(Settings(database_url=database_url))
    try:
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        return google.connect(app, ANNA, alice.account_id)[1]
    finally:
        app.close()


def mirror(database_url: str, calendar: UUID) -> tuple[list[str], str | None, int]:
    """The calendar's UIDs here, its sync state, and how many changes wait to go to Google."""
    app = build_application(Settings(database_url=database_url))
    try:
        found = app.queries.mirror(calendar)
        uids = [obj.uid for obj in app.queries.objects_in(calendar, reading=Reading.WITHOUT_BODY)]
        waiting = len(app.queries.writebacks(calendar))
        return uids, None if found is None else found.state, waiting
    finally:
        app.close()


def timed(n: int) -> dict[str, object]:
    day, hour = 1 + n % 28, 6 + n % 12
    return {"start": {"dateTime": f"2026-12-{day:02d}T{hour:02d}:00:00Z"},
            "end": {"dateTime": f"2026-12-{day:02d}T{hour:02d}:45:00Z"}}  # fmt: skip


@pytest.mark.slow
def test_kill_9_during_a_google_sync_leaves_all_or_nothing_and_then_everything_once(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    with google_standin() as google, FakeBotApi() as bot:
        calendar = connected(database_url, google)
        for n in range(EVENTS):
            google.write(ANNA, ANNA, {"summary": f"Shift {n}", **timed(n)})
        with running_serve(database_url, tmp_path, settings(google, bot)) as (_, process):
            deadline = time.monotonic() + 60
            while google.calls["GET events"] == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.3)  # listed; the leader is converting and storing
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        after_kill, _, _ = mirror(database_url, calendar)
        assert len(after_kill) in (0, EVENTS), len(after_kill)

        with running_serve(database_url, tmp_path, settings(google, bot)):
            deadline = time.monotonic() + 120
            state = None
            while time.monotonic() < deadline:
                uids, state, _ = mirror(database_url, calendar)
                if state == "ok":
                    break
                time.sleep(0.5)
            assert state == "ok", state
        uids, _, _ = mirror(database_url, calendar)
        assert len(uids) == EVENTS and len(set(uids)) == EVENTS
        rebuilds_equal(database_url)


MADE_HERE = calendar_feed(
    {
        f"h{n}@here.example": (f"Visit {n}", f"202612{1 + n % 28:02d}T140000Z")
        for n in range(CHANGES)
    }
)


@pytest.mark.slow
def test_kill_9_during_a_write_back_to_google_sends_each_event_once(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    with google_standin() as google, FakeBotApi() as bot:
        calendar = connected(database_url, google)
        app = build_application(Settings(database_url=database_url))
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        imported = app.import_calendar(
            calendar, MADE_HERE, by=alice.account_id, actor=ACTOR, source=SOURCE
        )
        assert imported.imported == CHANGES
        app.close()

        def on_google() -> list[str]:
            return [str(e["iCalUID"]) for e in google.events(ANNA, ANNA)]

        with running_serve(database_url, tmp_path, settings(google, bot)) as (_, process):
            deadline = time.monotonic() + 60
            while len(on_google()) < 20 and time.monotonic() < deadline:
                time.sleep(0.01)  # some sent, most not yet
            sent_before = len(on_google())
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        assert sent_before > 0, "nothing was sent before the kill"

        with running_serve(database_url, tmp_path, settings(google, bot)):
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                _, _, waiting = mirror(database_url, calendar)
                if len(on_google()) == CHANGES and not waiting:
                    break
                time.sleep(0.5)
        uids = on_google()
        assert len(uids) == CHANGES and len(set(uids)) == CHANGES, (sent_before, len(uids))
        here, _, waiting = mirror(database_url, calendar)
        assert waiting == 0
        assert sorted(here) == sorted(uids)
        assert set(google.send_updates) == {"none"}
        assert not [m for m in bot.messages_to(1) if "changed there too" in m]
        rebuilds_equal(database_url)
