"""A connected CalDAV calendar when the other server (real Radicale and Xandikos on loopback)
answers in part, answers too much, or a sync fails in a way nobody planned for (docs/adr/0026),
on SQLite and PostgreSQL:

- a change the server could not give in its calendar-multiget (a 500 for that one resource)
  is asked again, and arrives with the next sync;
- a calendar whose changes do not fit in one answer syncs in smaller batches; a resource too
  large to read alone is left out, the calendar's status naming it, and the rest syncs;
- a server without sync-collection is synced by listing ETags, and a resource too large to
  read is downloaded again only once it changes;
- a change made here while a round reads the other server is not undone by Televent's own
  earlier write-back coming back in that read;
- a sync that fails where nothing expected it (a conflict whose remote version cannot be read,
  an error in Televent itself) backs that calendar off and says why, and the calendar next
  to it keeps syncing, even when the round has room for one calendar only.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit
from uuid import UUID
from xml.etree import ElementTree

import httpx
import pytest

from televent.adapters.connections import syncer as syncer_module
from televent.adapters.connections.caldav_client import CalDavClient, Credentials
from televent.adapters.connections.syncer import ConnectionSyncer
from televent.adapters.outbound import Answer, Outbound
from televent.application.connections import RemoteCalendarFound
from televent.application.televent import Televent
from televent.projections.base import stamp
from tests.caldav_peers import CALENDAR, Peer, event
from tests.conftest import FakeClock
from tests.helpers import overruled_notices
from tests.integration.test_connection_writeback import (
    OPEN,
    change,
    connected,
    job_round,
    remote_titles,
)
from tests.integration.test_connections import ACTOR, SOURCE, alice_of, mirrors, titles

DAV = "{DAV:}"


@dataclass
class Faults:
    """What the test makes the other server's answers say: `rewrite` may replace an answer
    (method, URL, request body, the real answer → the answer Televent gets)."""

    rewrite: Callable[[str, str, bytes | None, Answer], Answer] | None = None
    before: Callable[[str, str, bytes | None], None] | None = None  # called before sending


@dataclass(frozen=True)
class FaultyOutbound(Outbound):
    """The outbound guard, with the answers passed through the test's `faults`."""

    faults: Faults = field(default_factory=Faults)

    async def fetch(self, url: str, *, method: str = "GET", **kwargs: Any) -> Answer:
        if self.faults.before is not None:
            self.faults.before(method, url, kwargs.get("content"))
        answer = await super().fetch(url, method=method, **kwargs)
        rewrite = self.faults.rewrite
        return answer if rewrite is None else rewrite(method, url, kwargs.get("content"), answer)


def named(href: str | None) -> str:
    return unquote(urlsplit(href or "").path).rstrip("/").rpartition("/")[2]


def failing_in_multiget(names: set[str], status: str = "500 Internal Server Error") -> Any:
    """A rewrite that answers the calendar-multiget's response for the resources `names`
    with `status` (as a server does for one it could not read), the first time only."""

    def rewrite(method: str, url: str, content: bytes | None, answer: Answer) -> Answer:
        if method != "REPORT" or b"calendar-multiget" not in (content or b""):
            return answer
        root = ElementTree.fromstring(answer.body)
        for response in root.findall(f"{DAV}response"):
            if named(response.findtext(f"{DAV}href")) in names:
                names.discard(named(response.findtext(f"{DAV}href")))
                for child in list(response):
                    if child.tag != f"{DAV}href":
                        response.remove(child)
                ElementTree.SubElement(response, f"{DAV}status").text = f"HTTP/1.1 {status}"
        return Answer(answer.status, answer.headers, ElementTree.tostring(root), answer.url)

    return rewrite


def test_a_change_the_server_could_not_give_arrives_with_the_next_sync(
    app: Televent, clock: FakeClock, peer: Peer
) -> None:
    alice = alice_of(app)
    work = connected(app, alice, peer)
    faults = Faults()
    syncer = ConnectionSyncer(app, FaultyOutbound(allow_private=True, timeout_seconds=10,
                                                  faults=faults))  # fmt: skip
    asyncio.run(syncer.run_once())  # the first sync: nothing there yet
    with peer.client() as dav:
        for uid, title in (("a@t", "Arrives"), ("b@t", "Held back once"), ("c@t", "Gone")):
            assert dav.put(f"{peer.calendar}{uid}.ics", content=event(uid, title)).is_success

    def deleted_meanwhile(method: str, url: str, content: bytes | None) -> None:
        if method == "REPORT" and b"calendar-multiget" in (content or b""):
            with peer.client() as dav:
                dav.delete(f"{peer.calendar}c@t.ics")  # listed, then gone (a 404 in the answer)

    faults.rewrite = failing_in_multiget({"b@t.ics"})
    faults.before = deleted_meanwhile
    job_round(syncer, clock)
    faults.before = None
    assert titles(app, work) == {"a@t": "Arrives"}
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.state == "ok"
    assert "b@t.ics (status 500)" in (mirror.last_outcome or "")  # asked again next time
    assert "c@t" not in (mirror.last_outcome or "")  # gone, not unread

    job_round(syncer, clock)  # the server gives it now
    assert titles(app, work) == {"a@t": "Arrives", "b@t": "Held back once"}


def test_a_change_the_server_refuses_for_good_does_not_hold_the_sync_back(
    app: Televent, clock: FakeClock, peer: Peer
) -> None:
    """A resource the other server refuses to give (403) would be refused again: asked for
    again from the same token at every sync, it held the token back, and each sync read
    every change since, until the server forgot the token. It is named and passed."""
    alice = alice_of(app)
    work = connected(app, alice, peer)
    faults = Faults()
    syncer = ConnectionSyncer(app, FaultyOutbound(allow_private=True, timeout_seconds=10,
                                                  faults=faults))  # fmt: skip
    asyncio.run(syncer.run_once())
    with peer.client() as dav:
        for uid, title in (("a@t", "Arrives"), ("s@t", "Secret")):
            assert dav.put(f"{peer.calendar}{uid}.ics", content=event(uid, title)).is_success
    before = app.queries.mirror(work)
    assert before is not None
    faults.rewrite = failing_in_multiget({"s@t.ics"}, "403 Forbidden")
    job_round(syncer, clock)
    after = app.queries.mirror(work)
    assert after is not None and after.state == "ok"
    assert "s@t.ics (status 403)" in (after.last_outcome or "")
    assert after.sync_token != before.sync_token, "the token moved past it"
    with peer.client() as dav:
        assert dav.put(f"{peer.calendar}n@t.ics", content=event("n@t", "Next")).is_success
    job_round(syncer, clock)
    assert titles(app, work) == {"a@t": "Arrives", "n@t": "Next"}  # not asked for again


def described(uid: str, summary: str, size: int) -> str:
    """A one-event calendar object with a description of `size` characters, folded."""
    line = "DESCRIPTION:" + "x" * size
    folded = "\r\n ".join(line[i : i + 70] for i in range(0, len(line), 70))
    return event(uid, summary).replace("SUMMARY:", folded + "\r\nSUMMARY:")


def test_a_calendar_larger_than_one_answer_syncs_and_a_resource_too_large_is_named(
    app: Televent, clock: FakeClock, peer: Peer
) -> None:
    """A multiget of many events is larger than one answer may be: it is asked again in
    smaller batches; the one event larger than an answer alone is left out and named."""
    alice = alice_of(app)
    work = connected(app, alice, peer)
    with peer.client() as dav:
        for n in range(24):
            body = described(f"e{n}@t", f"Event {n}", 2_000)
            assert dav.put(f"{peer.calendar}e{n}@t.ics", content=body).is_success
        huge = described("huge@t", "Huge", 60_000)
        assert dav.put(f"{peer.calendar}huge@t.ics", content=huge).is_success
    syncer = ConnectionSyncer(app, Outbound(allow_private=True, timeout_seconds=10,
                                            max_bytes=40_000))  # fmt: skip
    asyncio.run(syncer.run_once())
    assert titles(app, work) == {f"e{n}@t": f"Event {n}" for n in range(24)}
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.state == "ok"
    assert "huge@t.ics" in (mirror.last_outcome or "")

    # The next change arrives as ever; the large one is not read again until it changes.
    with peer.client() as dav:
        assert dav.put(f"{peer.calendar}late@t.ics", content=event("late@t", "Late")).is_success
    job_round(syncer, clock)
    assert titles(app, work)["late@t"] == "Late"


def test_a_server_without_sync_collection_is_listed_and_a_large_resource_read_once_changed(
    app: Televent, clock: FakeClock, peer: Peer
) -> None:
    """A server without sync-collection (501 to the REPORT) is synced by listing every ETag:
    new, changed and removed events arrive. A resource too large to read is named, and not
    downloaded again at every sync (each time up to the largest answer allowed) but once it
    changes."""
    alice = alice_of(app)
    work = connected(app, alice, peer)
    asked_for_huge: list[str] = []

    def no_sync_collection(method: str, url: str, content: bytes | None, answer: Answer) -> Answer:
        if method == "REPORT" and b"sync-collection" in (content or b""):
            return Answer(501, httpx.Headers(), b"", answer.url)
        return answer

    def counting(method: str, url: str, content: bytes | None) -> None:
        if b"calendar-multiget" in (content or b"") and b"huge@t.ics" in (content or b""):
            asked_for_huge.append(url)

    faults = Faults(rewrite=no_sync_collection, before=counting)
    syncer = ConnectionSyncer(app, FaultyOutbound(allow_private=True, timeout_seconds=10,
                                                  max_bytes=40_000, faults=faults))  # fmt: skip
    with peer.client() as dav:
        for uid, title in (("a@t", "Stays"), ("b@t", "Goes")):
            assert dav.put(f"{peer.calendar}{uid}.ics", content=event(uid, title)).is_success
        huge = described("huge@t", "Huge", 60_000)
        assert dav.put(f"{peer.calendar}huge@t.ics", content=huge).is_success
    asyncio.run(syncer.run_once())
    assert titles(app, work) == {"a@t": "Stays", "b@t": "Goes"}
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.state == "ok" and mirror.sync_token is None
    assert "huge@t.ics (too-large)" in (mirror.last_outcome or "")
    assert asked_for_huge, "asked for once"

    asked_for_huge.clear()
    with peer.client() as dav:
        assert dav.put(f"{peer.calendar}a@t.ics", content=event("a@t", "Stays moved")).is_success
        assert dav.delete(f"{peer.calendar}b@t.ics").is_success
        assert dav.put(f"{peer.calendar}c@t.ics", content=event("c@t", "New")).is_success
    job_round(syncer, clock)
    assert titles(app, work) == {"a@t": "Stays moved", "c@t": "New"}
    assert asked_for_huge == [], "not read again while it has not changed"
    job_round(syncer, clock)
    assert asked_for_huge == []

    with peer.client() as dav:  # shortened: it fits now, and arrives
        assert dav.put(f"{peer.calendar}huge@t.ics", content=event("huge@t", "Huge")).is_success
    job_round(syncer, clock)
    assert titles(app, work) == {"a@t": "Stays moved", "c@t": "New", "huge@t": "Huge"}

    # An event held here grows too large there: a change made here meanwhile is written back
    # only over the version held here (If-Match), never over the newer one nobody read.
    with peer.client() as dav:
        grown = described("a@t", "Grown there", 60_000)
        assert dav.put(f"{peer.calendar}a@t.ics", content=grown).is_success
    job_round(syncer, clock)
    assert titles(app, work)["a@t"] == "Stays moved"
    change(app, work, alice, "a@t", event("a@t", "Edited here"))
    job_round(syncer, clock)
    assert remote_titles(peer)["a@t"] == "Grown there"


def test_a_change_made_here_while_a_round_reads_survives_televents_own_earlier_write(
    app: Televent, clock: FakeClock, peer: Peer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alice moves an event; the round writes it back and then reads the other server, which
    lists that write as a change. Alice moved the event again meanwhile: her second move is
    kept, and sent with the next round, with nobody told of a conflict."""
    alice = alice_of(app)
    work = connected(app, alice, peer)
    syncer = ConnectionSyncer(app, OPEN)
    with peer.client() as dav:
        assert dav.put(f"{peer.calendar}r@t.ics", content=event("r@t", "Standup")).is_success
    asyncio.run(syncer.run_once())
    assert titles(app, work) == {"r@t": "Standup"}

    change(app, work, alice, "r@t", event("r@t", "Standup at 10", "20261201T100000Z"))
    real = syncer.client

    def client(kind: str, username: str, password: str) -> Any:
        remote = real(kind, username, password)
        read = remote.changes

        async def changes(*args: Any) -> Any:
            # written back a moment ago; Alice moves it again before the round reads
            change(app, work, alice, "r@t", event("r@t", "Standup at 11", "20261201T110000Z"))
            return await read(*args)

        monkeypatch.setattr(remote, "changes", changes)
        return remote

    monkeypatch.setattr(syncer, "client", client)
    job_round(syncer, clock)
    monkeypatch.setattr(syncer, "client", real)
    assert titles(app, work) == {"r@t": "Standup at 11"}
    assert overruled_notices(app) == []
    asyncio.run(syncer.run_once())  # her second move is due to be written back
    assert remote_titles(peer) == {"r@t": "Standup at 11"}
    job_round(syncer, clock)
    assert titles(app, work) == {"r@t": "Standup at 11"} and overruled_notices(app) == []


# --- a failure nobody planned for ----------------------------------------------------------


def calendar_beside(peer: Peer) -> str:
    """A second, empty calendar in the account's home ("Home")."""
    url = peer.calendar.rstrip("/").rpartition("/")[0] + "/home/"
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        "<d:set><d:prop><d:displayname>Home</d:displayname></d:prop></d:set></c:mkcalendar>"
    )
    with peer.client() as dav:
        made = dav.request("MKCALENDAR", url, content=body)
        if made.status_code != 201:  # made by an earlier test of the module
            there = dav.request("PROPFIND", url, headers={"Depth": "0"})
            assert there.status_code == 207, made.text
        client = CalDavClient(OPEN, Credentials(peer.username, peer.password))
        for resource in asyncio.run(client.changes(url, None, {})).changed:
            dav.delete(resource.url)
    return url


def connected_twice(app: Televent, alice: UUID, peer: Peer) -> tuple[UUID, UUID]:
    """Alice's account connected with two calendars: (Work, Home) here."""
    home_url = calendar_beside(peer)
    client = CalDavClient(OPEN, Credentials(peer.username, peer.password))
    account = asyncio.run(client.discover(peer.base + "/"))
    [remote] = [c for c in account.calendars if c.name == CALENDAR]
    with peer.client() as dav:
        for resource in asyncio.run(client.changes(remote.url, None, {})).changed:
            dav.delete(resource.url)
    connection = app.connect_account(
        alice, kind="caldav", address=peer.base, principal_url=account.principal_url,
        home_url=account.home_url, username=peer.username, password=peer.password,
        calendars=[RemoteCalendarFound(remote.url, remote.name),
                   RemoteCalendarFound(home_url, "Home")],
        actor=ACTOR, source=SOURCE,
    )  # fmt: skip
    found = mirrors(app, connection)
    return found[remote.url], found[home_url]


def first_in_line(app: Televent, calendar: UUID, clock: FakeClock) -> None:
    """The calendar is the first a round takes (due a minute before the others)."""
    with app.views.write() as db:
        db.run(
            "UPDATE connection_sync_state SET next_due = ? WHERE calendar_id = ?",
            (stamp(clock() - dt.timedelta(minutes=1)), str(calendar)),
        )


def test_a_conflict_whose_remote_version_cannot_be_read_backs_off_and_others_sync(
    app: Televent, clock: FakeClock, peer: Peer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both sides changed an event; reading the other server's version fails (a 500). The
    calendar backs off and says why, and the calendar beside it is synced in the next round
    even though a round takes one calendar only (fifty such calendars fill a real round)."""
    monkeypatch.setattr(syncer_module, "ROUND", 1)
    alice = alice_of(app)
    work, home = connected_twice(app, alice, peer)
    faults = Faults()
    syncer = ConnectionSyncer(app, FaultyOutbound(allow_private=True, timeout_seconds=10,
                                                  faults=faults))  # fmt: skip
    with peer.client() as dav:
        assert dav.put(f"{peer.calendar}r@t.ics", content=event("r@t", "Standup")).is_success
    asyncio.run(syncer.run_once())
    asyncio.run(syncer.run_once())
    assert titles(app, work) == {"r@t": "Standup"}

    with peer.client() as dav:
        theirs = event("r@t", "Standup (theirs)", "20261201T110000Z")
        assert dav.put(f"{peer.calendar}r@t.ics", content=theirs).is_success
        home_url = peer.calendar.rstrip("/").rpartition("/")[0] + "/home/"
        assert dav.put(f"{home_url}h@t.ics", content=event("h@t", "At home")).is_success
    change(app, work, alice, "r@t", event("r@t", "Standup (mine)", "20261201T120000Z"))

    def unreadable(method: str, url: str, content: bytes | None, answer: Answer) -> Answer:
        if method == "GET" and url.startswith(peer.calendar):
            return Answer(500, httpx.Headers(), b"", url)
        return answer

    faults.rewrite = unreadable
    clock.advance(minutes=6)
    first_in_line(app, work, clock)
    asyncio.run(syncer.run_once())
    asyncio.run(syncer.run_once())  # the next round is the other calendar's
    assert titles(app, home) == {"h@t": "At home"}
    # The round read the other server's version as ever: it stands, and Alice is told.
    assert titles(app, work) == {"r@t": "Standup (theirs)"}
    assert [n["summary"] for n in overruled_notices(app)] == ["Standup (mine)"]


def test_an_error_in_televent_itself_backs_that_calendar_off_and_is_logged_once(
    app: Televent,
    clock: FakeClock,
    peer: Peer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(syncer_module, "ROUND", 1)
    alice = alice_of(app)
    work, home = connected_twice(app, alice, peer)
    syncer = ConnectionSyncer(app, OPEN)
    asyncio.run(syncer.run_once())
    asyncio.run(syncer.run_once())
    with peer.client() as dav:
        home_url = peer.calendar.rstrip("/").rpartition("/")[0] + "/home/"
        assert dav.put(f"{home_url}h@t.ics", content=event("h@t", "At home")).is_success
    real = syncer.client

    def client(kind: str, username: str, password: str) -> Any:
        remote = real(kind, username, password)
        read = remote.changes

        async def changes(url: str, *args: Any) -> Any:
            if url == peer.calendar:
                raise RuntimeError("a bug of Televent's")
            return await read(url, *args)

        monkeypatch.setattr(remote, "changes", changes)
        return remote

    monkeypatch.setattr(syncer, "client", client)
    clock.advance(minutes=6)
    first_in_line(app, work, clock)
    with caplog.at_level(logging.WARNING, logger=syncer_module.LOG.name):
        asyncio.run(syncer.run_once())
        asyncio.run(syncer.run_once())
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.state == "failing"
    assert (mirror.last_error or "").startswith("internal")
    assert titles(app, home) == {"h@t": "At home"}  # the next round was the other calendar's
    tracebacks = [r for r in caplog.records if r.exc_info is not None]
    assert len(tracebacks) == 1 and "a bug of Televent's" in str(tracebacks[0].exc_info[1])
