"""kill -9 of `televent serve` while it refreshes a large feed (docs/adr/0025), on SQLite and
PostgreSQL: the calendar holds all of the feed's events or none of them (a refresh is one
transaction); after a restart the leader fetches the feed again and stores each event once;
every read model equals a rebuild from the log."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend
from tests.e2e.conftest import ACTOR, SERVER_SETTINGS, SOURCE, running_serve, seed_accounts
from tests.feedserver import calendar_feed, feed_server

EVENTS = 3_000
FEED = calendar_feed(
    {
        f"e{n}@fixtures.example": (
            f"Match {n}",
            f"2026{1 + n % 12:02d}{1 + n % 28:02d}T1{n % 10}0000Z",
        )
        for n in range(EVENTS)
    }
)
SETTINGS = {
    **SERVER_SETTINGS,
    "TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1",
    "TELEVENT_FEED_SCAN_SECONDS": "0.2",
}


def _stored(database_url: str, calendar: object) -> list[str]:
    app = build_application(Settings(database_url=database_url))
    try:
        return [obj.uid for obj in app.queries.objects_in(calendar)]  # type: ignore[arg-type]
    finally:
        app.close()


@pytest.mark.slow
def test_kill_9_during_a_refresh_leaves_all_or_nothing_and_then_everything_once(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    with feed_server() as feeds:
        feeds.put("/fixtures.ics", FEED)
        app = build_application(Settings(database_url=database_url))
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        calendar = app.subscribe_feed(
            alice.account_id, feeds.url("/fixtures.ics"), actor=ACTOR, source=SOURCE
        )
        app.close()

        with running_serve(database_url, tmp_path, SETTINGS) as (_, process):
            deadline = time.monotonic() + 60
            while feeds.count("/fixtures.ics", 200) == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert feeds.count("/fixtures.ics", 200) == 1, "the leader never fetched the feed"
            time.sleep(0.3)  # the refresh of 3,000 events is under way
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        after_kill = _stored(database_url, calendar)
        assert len(after_kill) in (0, EVENTS), len(after_kill)

        with running_serve(database_url, tmp_path, SETTINGS):
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                app = build_application(Settings(database_url=database_url))
                try:
                    sub = app.queries.subscription(calendar)
                finally:
                    app.close()
                if sub is not None and sub.state == "ok":
                    break
                time.sleep(0.5)
            assert sub is not None and sub.state == "ok", sub
        uids = _stored(database_url, calendar)
        assert len(uids) == EVENTS and len(set(uids)) == EVENTS
        app = build_application(Settings(database_url=database_url))
        try:
            report = Rebuilder(app.engine, app.views).run(verify=True)
            assert report.matches, report.differences
        finally:
            app.close()
