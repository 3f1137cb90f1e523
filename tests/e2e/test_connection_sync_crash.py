"""kill -9 of `televent serve` while it syncs a large connected calendar (docs/adr/0026), on
SQLite and PostgreSQL, with Radicale on loopback as the other server: the mirrored calendar
holds all of the events or none of them (a sync is one transaction); after a restart the
leader syncs again and stores each event once; every read model equals a rebuild from the
log."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path
from uuid import UUID

import httpx
import pytest

from televent.adapters.connections.discovery import discoverer
from televent.adapters.outbound import Outbound
from televent.bootstrap import build_application
from televent.config import Settings
from televent.projections.rebuild import Rebuilder
from tests.caldav_peers import radicale
from tests.conftest import Backend
from tests.e2e.conftest import ACTOR, SERVER_SETTINGS, SOURCE, running_serve, seed_accounts
from tests.feedserver import calendar_feed

EVENTS = 2_000
WHOLE = calendar_feed(
    {
        f"e{n}@remote.example": (f"Shift {n}", f"2026{1 + n % 12:02d}{1 + n % 28:02d}T090000Z")
        for n in range(EVENTS)
    }
)
SETTINGS = {
    **SERVER_SETTINGS,
    "TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1",
    "TELEVENT_FEED_SCAN_SECONDS": "0.2",
}


def _mirror(database_url: str, calendar: UUID) -> tuple[list[str], str | None]:
    app = build_application(Settings(database_url=database_url))
    try:
        mirror = app.queries.mirror(calendar)
        uids = [obj.uid for obj in app.queries.objects_in(calendar)]
        return uids, None if mirror is None else mirror.state
    finally:
        app.close()


@pytest.mark.slow
def test_kill_9_during_a_sync_leaves_all_or_nothing_and_then_everything_once(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.fresh_url()
    seed_accounts(database_url)
    work = tmp_path / "radicale"
    work.mkdir()
    with radicale(work) as peer:
        uploaded = httpx.put(
            peer.calendar, content=WHOLE, auth=(peer.username, peer.password), timeout=120,
            headers={"Content-Type": "text/calendar"},
        )  # fmt: skip
        assert uploaded.is_success, uploaded.text
        discover = discoverer(Outbound(allow_private=True, timeout_seconds=30))
        account = asyncio.run(discover(peer.base + "/", peer.username, peer.password))
        app = build_application(Settings(database_url=database_url))
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        connection = app.connect_account(
            alice.account_id, kind="caldav", address=peer.base, principal_url=account.principal_url,
            home_url=account.home_url, username=peer.username, password=peer.password,
            calendars=account.calendars, actor=ACTOR, source=SOURCE,
        )  # fmt: skip
        found = app.queries.connection(connection)
        assert found is not None
        [calendar] = [m.calendar_id for m in found.calendars]
        app.close()

        with running_serve(database_url, tmp_path, SETTINGS) as (_, process):
            time.sleep(1.5)  # the leader has asked for the changes and is storing them
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        after_kill, _ = _mirror(database_url, calendar)
        assert len(after_kill) in (0, EVENTS), len(after_kill)

        with running_serve(database_url, tmp_path, SETTINGS):
            deadline = time.monotonic() + 120
            state = None
            while time.monotonic() < deadline:
                uids, state = _mirror(database_url, calendar)
                if state == "ok":
                    break
                time.sleep(0.5)
            assert state == "ok", state
        uids, _ = _mirror(database_url, calendar)
        assert len(uids) == EVENTS and len(set(uids)) == EVENTS
        app = build_application(Settings(database_url=database_url))
        try:
            report = Rebuilder(app.engine, app.views).run(verify=True)
            assert report.matches, report.differences
        finally:
            app.close()
