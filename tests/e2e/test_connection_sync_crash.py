"""kill -9 of `televent serve` while it syncs a large connected calendar (docs/adr/0026), on
SQLite and PostgreSQL, with Radicale on loopback as the other server: the mirrored calendar
holds all of the events or none of them (a sync is one transaction); after a restart the
leader syncs again and stores each event once; every read model equals a rebuild from the
log. And while it writes back many changes made here: after a restart each is on the other
server once, none waits, none is doubled here."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path
from uuid import UUID

import httpx
import pytest

from televent.adapters.connections.caldav_client import CalDavClient, Credentials
from televent.adapters.connections.discovery import discoverer
from televent.adapters.outbound import Outbound
from televent.bootstrap import build_application
from televent.config import Settings
from tests.caldav_peers import Peer, radicale
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


def _connected(database_url: str, peer: Peer) -> UUID:
    """Alice's account on the peer connected, as the API does it; its one calendar here."""
    discover = discoverer(Outbound(allow_private=True, timeout_seconds=30))
    account = asyncio.run(discover(peer.base + "/", peer.username, peer.password))
    app = build_application(Settings(database_url=database_url))
    try:
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
        return calendar
    finally:
        app.close()


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
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    work = tmp_path / "radicale"
    work.mkdir()
    with radicale(work) as peer:
        uploaded = httpx.put(
            peer.calendar, content=WHOLE, auth=(peer.username, peer.password), timeout=120,
            headers={"Content-Type": "text/calendar"},
        )  # fmt: skip
        assert uploaded.is_success, uploaded.text
        calendar = _connected(database_url, peer)

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
        rebuilds_equal(database_url)


CHANGES = 300
MADE_HERE = calendar_feed(
    {
        f"h{n}@here.example": (f"Visit {n}", f"202612{1 + n % 28:02d}T140000Z")
        for n in range(CHANGES)
    }
)


def _remote_count(peer: Peer) -> int:
    """How many events the other server holds (a PROPFIND of its calendar, depth 1)."""
    answer = httpx.request(
        "PROPFIND", peer.calendar, auth=(peer.username, peer.password), timeout=30,
        headers={"Depth": "1"},
        content=b'<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/>'
        b"</d:prop></d:propfind>",
    )  # fmt: skip
    return answer.text.count(".ics</")  # each event's href (the calendar's own is not one)


def _remote_uids(peer: Peer) -> list[str]:
    client = CalDavClient(
        Outbound(allow_private=True, timeout_seconds=60),
        Credentials(peer.username, peer.password),
    )
    changes = asyncio.run(client.changes(peer.calendar, None, {}))
    return [
        next(line[4:] for line in (r.data or "").splitlines() if line.startswith("UID:"))
        for r in changes.changed
    ]


@pytest.mark.slow
def test_kill_9_during_a_write_back_sends_each_change_once(
    backend: Backend, tmp_path: Path
) -> None:
    """300 events imported here into a connected calendar are written back; kill -9 while
    they are sent: after a restart the other server holds each once, Televent each once, and
    nothing waits to be sent."""
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    work = tmp_path / "radicale"
    work.mkdir()
    with radicale(work) as peer:
        calendar = _connected(database_url, peer)
        app = build_application(Settings(database_url=database_url))
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        imported = app.import_calendar(
            calendar, MADE_HERE, by=alice.account_id, actor=ACTOR, source=SOURCE
        )
        assert imported.imported == CHANGES
        app.close()

        with running_serve(database_url, tmp_path, SETTINGS) as (_, process):
            deadline = time.monotonic() + 60
            while _remote_count(peer) == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            sent_before = _remote_count(peer)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        assert sent_before > 0, "nothing was sent before the kill"

        with running_serve(database_url, tmp_path, SETTINGS):
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if _remote_count(peer) == CHANGES and not _waiting(database_url, calendar):
                    break
                time.sleep(0.5)
        uids = _remote_uids(peer)
        assert len(uids) == CHANGES and len(set(uids)) == CHANGES, (sent_before, len(uids))
        assert not _waiting(database_url, calendar)
        here, _ = _mirror(database_url, calendar)
        assert sorted(here) == sorted(uids)
        rebuilds_equal(database_url)


def _waiting(database_url: str, calendar: UUID) -> int:
    app = build_application(Settings(database_url=database_url))
    try:
        return len(app.queries.writebacks(calendar))
    finally:
        app.close()
