"""Changes made in Televent to a connected account's calendar go back to the other server
(docs/adr/0026), on SQLite and PostgreSQL.

In the application: a change made here is queued once per event (a sync's own change never),
sent as it is when sent, with the ETag last seen (a new event only where nothing is yet); a
newer change while one is sent stays queued; a failure backs off and is shown; when both sides
changed the same event, the other server's version wins, the person is told in Telegram with
their version named, the audit says so and the change that lost stays in the log. Against real
Radicale and Xandikos on loopback, with the leader's sync job: an event made, changed and
deleted here appears, changes and goes there; one changed there arrives here; a conflicting
edit ends with the other server's version on both sides; any interleaving of edits on both
sides converges, and the read models rebuild equal."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.connections.caldav_client import CalDavClient, Credentials
from televent.adapters.connections.syncer import ConnectionSyncer
from televent.adapters.outbound import Outbound
from televent.application.bookings import BookingRequest
from televent.application.connections import RemoteCalendarFound
from televent.application.televent import Televent
from televent.domain.booking_links import BookingLink
from televent.domain.errors import DomainError
from televent.domain.sharing import Action, Role
from televent.ops.audit import Audit
from televent.projections.rebuild import Rebuilder
from tests.caldav_peers import CALENDAR, Peer, event, radicale
from tests.conftest import Backend, FakeClock
from tests.helpers import overruled_notices
from tests.integration.test_connections import (
    ACTOR,
    SOURCE,
    WORK,
    alice_of,
    connect,
    mirrors,
    sync,
    titles,
    vevent,
)

OPEN = Outbound(allow_private=True, timeout_seconds=10)


def href_of(app: Televent, calendar: UUID, uid: str) -> str:
    return next(obj.href for obj in app.queries.objects_in(calendar) if obj.uid == uid)


def change(app: Televent, calendar: UUID, alice: UUID, uid: str, ical: str) -> None:
    """Alice's change, as any adapter makes it (her right to write is asked)."""
    found = [obj.href for obj in app.queries.objects_in(calendar) if obj.uid == uid]
    href = found[0] if found else f"{uid}.ics"
    app.put_object(calendar, href, ical, actor=ACTOR, source=SOURCE, by=alice)


def test_a_change_made_here_is_queued_once_and_sent_as_it_is_with_the_etag_last_seen(
    app: Televent,
) -> None:
    alice = alice_of(app)
    work = mirrors(app, connect(app, alice))[WORK]
    assert app.queries.role_in(work, alice) is Role.OWNER  # written back: its owner's
    app.require_access(alice, work, Action.WRITE)
    sync(app, work, {"a.ics": vevent("a@r", "Standup")}, complete=True)
    assert app.queries.writebacks(work) == []  # what came from there is not sent back

    change(app, work, alice, "n@t", vevent("n@t", "Dentist"))
    change(app, work, alice, "n@t", vevent("n@t", "Dentist at 10", 2))  # one row, as it is now
    change(app, work, alice, "a@r", vevent("a@r", "Standup (moved)", 3))
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.waiting == 2
    items = {item.uid: item for item in app.write_backs_due(work, WORK, 10)}
    assert set(items) == {"n@t", "a@r"}
    new, moved = items["n@t"], items["a@r"]
    assert (new.url, new.etag, new.new) == (WORK + "n@t.ics", None, True)
    assert new.data is not None and "Dentist at 10" in new.data
    assert (moved.url, moved.new) == (WORK + "a.ics", False)
    assert moved.etag == app.queries.remote_resources(work)[WORK + "a.ics"][1]  # last seen
    assert moved.data is not None and "Standup (moved)" in moved.data

    app.written_back_all([(new, '"e1"')])
    change(app, work, alice, "a@r", vevent("a@r", "Standup (moved again)", 4))
    app.written_back_all([(moved, '"e2"')])  # a newer change arrived meanwhile: still to be sent
    [again] = app.write_backs_due(work, WORK, 10)
    assert again.uid == "a@r" and again.etag == '"e2"' and "moved again" in (again.data or "")
    app.written_back_all([(again, '"e3"')])
    assert app.queries.writebacks(work) == []
    assert app.queries.remote_resources(work)[WORK + "n@t.ics"] == ("n@t", '"e1"')

    app.delete_object(work, href_of(app, work, "n@t"), actor=ACTOR, source=SOURCE, by=alice)
    [gone] = app.write_backs_due(work, WORK, 10)
    assert (gone.url, gone.etag, gone.data) == (WORK + "n@t.ics", '"e1"', None)
    app.written_back_all([(gone, None)])
    assert WORK + "n@t.ics" not in app.queries.remote_resources(work)

    # Made and deleted here before it ever reached the other server: nothing to send.
    change(app, work, alice, "x@t", vevent("x@t", "Typo"))
    app.delete_object(work, href_of(app, work, "x@t"), actor=ACTOR, source=SOURCE, by=alice)
    [never] = app.write_backs_due(work, WORK, 10)
    assert never.url is None and never.data is None


def test_a_complete_listing_keeps_what_was_made_here_and_not_sent_yet(app: Televent) -> None:
    """A first sync, or a listing after a lost token, lists everything the other server has:
    an event made here and still waiting to be written back is not on it, and stays."""
    alice = alice_of(app)
    work = mirrors(app, connect(app, alice))[WORK]
    change(app, work, alice, "n@t", vevent("n@t", "Dentist"))
    sync(app, work, {"a.ics": vevent("a@r", "Standup")}, complete=True)
    assert titles(app, work) == {"a@r": "Standup", "n@t": "Dentist"}
    assert [item.uid for item in app.write_backs_due(work, WORK, 10)] == ["n@t"]


def test_a_failing_write_back_backs_off_and_says_why(app: Televent, clock: FakeClock) -> None:
    alice = alice_of(app)
    work = mirrors(app, connect(app, alice))[WORK]
    change(app, work, alice, "n@t", vevent("n@t", "Dentist"))
    [item] = app.write_backs_due(work, WORK, 10)
    assert app.write_back_failed(item, error="timeout: no answer", now=clock()) == 1
    assert app.write_backs_due(work, WORK, 10) == []  # backing off
    mirror = app.queries.mirror(work)
    assert mirror is not None and (mirror.waiting, mirror.writeback_error) == (
        1,
        "timeout: no answer",
    )
    clock.advance(hours=1)
    assert [i.uid for i in app.write_backs_due(work, WORK, 10)] == ["n@t"]


def test_when_both_sides_changed_an_event_the_other_server_wins_and_the_person_is_told(
    app: Televent,
) -> None:
    alice = alice_of(app)
    work = mirrors(app, connect(app, alice))[WORK]
    sync(app, work, {"a.ics": vevent("a@r", "Standup"), "b.ics": vevent("b@r", "Lunch")},
         complete=True)  # fmt: skip

    change(app, work, alice, "a@r", vevent("a@r", "Standup (mine)", 5))
    sync(app, work, {"a.ics": vevent("a@r", "Standup (theirs)", 6)})
    assert titles(app, work)["a@r"] == "Standup (theirs)"
    assert app.queries.writebacks(work) == []  # the change that lost is not sent
    [told] = overruled_notices(app)
    assert told["summary"] == "Standup (mine)" and told["remote"] == "changed"
    assert str(told["start"]).startswith("2026-12-05")

    # Deleted there while changed here: the deletion wins.
    change(app, work, alice, "b@r", vevent("b@r", "Long lunch"))
    sync(app, work, {}, ("b.ics",))
    assert "b@r" not in titles(app, work)
    assert overruled_notices(app)[-1]["remote"] == "deleted"

    # Deleted here while changed there: the event is back, as it is there.
    app.delete_object(work, href_of(app, work, "a@r"), actor=ACTOR, source=SOURCE, by=alice)
    sync(app, work, {"a.ics": vevent("a@r", "Standup (theirs, again)", 7)})
    assert titles(app, work)["a@r"] == "Standup (theirs, again)"
    assert len(overruled_notices(app)) == 3 and app.queries.writebacks(work) == []

    # A change that reached the other server and comes back with the next sync: no conflict.
    change(app, work, alice, "a@r", vevent("a@r", "Standup (agreed)", 8))
    [item] = app.write_backs_due(work, WORK, 10)
    app.written_back_all([(item, '"new"')])
    sync(app, work, {"a.ics": item.data or ""})
    assert len(overruled_notices(app)) == 3

    lines = [line for entry in Audit(app).account_timeline(1) for line in entry.diff]
    assert (
        "a change to 'Standup (mine)' in 'Work' lost to the other server's version "
        "(changed there)" in lines
    )
    report = Rebuilder(app.engine, app.views).run(verify=True)
    assert report.matches, report.differences


# --- both ways with a real server ------------------------------------------------------------


def connected(app: Televent, alice: UUID, peer: Peer) -> UUID:
    """Alice's account on the peer, connected as the API does it; its calendar's id here,
    the peer's calendar emptied first (a module's tests share the server)."""
    client = CalDavClient(OPEN, Credentials(peer.username, peer.password))
    account = asyncio.run(client.discover(peer.base + "/"))
    [remote] = [c for c in account.calendars if c.name == CALENDAR]
    with peer.client() as dav:
        listed = asyncio.run(client.changes(remote.url, None, {}))
        for resource in listed.changed:
            dav.delete(resource.url)
    connection = app.connect_account(
        alice, kind="caldav", address=peer.base, principal_url=account.principal_url,
        home_url=account.home_url, username=peer.username, password=peer.password,
        calendars=[RemoteCalendarFound(remote.url, remote.name)], actor=ACTOR, source=SOURCE,
    )  # fmt: skip
    return mirrors(app, connection)[remote.url]


def remote_titles(peer: Peer) -> dict[str, str]:
    """What the other server holds, by UID, read with a plain client."""
    client = CalDavClient(OPEN, Credentials(peer.username, peer.password))
    found = {}
    for resource in asyncio.run(client.changes(peer.calendar, None, {})).changed:
        lines = (resource.data or "").splitlines()
        uid = next(line[4:] for line in lines if line.startswith("UID:"))
        found[uid] = next(line[8:] for line in lines if line.startswith("SUMMARY:"))
    return found


def job_round(syncer: ConnectionSyncer, clock: FakeClock) -> None:
    """One round of the leader's job, once the mirrored calendar is due again."""
    clock.advance(minutes=6)
    asyncio.run(syncer.run_once())


def test_both_ways_with_a_real_server(app: Televent, clock: FakeClock, peer: Peer) -> None:
    alice = alice_of(app)
    work = connected(app, alice, peer)
    syncer = ConnectionSyncer(app, OPEN)
    with peer.client() as dav:
        put = dav.put(f"{peer.calendar}r@t.ics", content=event("r@t", "Remote standup"))
        assert put.is_success, put.text
    asyncio.run(syncer.run_once())
    assert titles(app, work) == {"r@t": "Remote standup"}

    # Made and changed here: there after the job's next round.
    change(app, work, alice, "t@t", event("t@t", "Dentist"))
    change(app, work, alice, "r@t", event("r@t", "Standup moved here", "20261201T100000Z"))
    asyncio.run(syncer.run_once())
    assert remote_titles(peer) == {"r@t": "Standup moved here", "t@t": "Dentist"}
    assert app.queries.writebacks(work) == []
    job_round(syncer, clock)  # the echo of its own changes changes nothing here
    assert titles(app, work) == {"r@t": "Standup moved here", "t@t": "Dentist"}

    # Both changed it before they met: the other server's version, on both sides.
    with peer.client() as dav:
        theirs = event("r@t", "Standup (theirs)", "20261201T110000Z")
        assert dav.put(f"{peer.calendar}r@t.ics", content=theirs).is_success
    change(app, work, alice, "r@t", event("r@t", "Standup (mine)", "20261201T120000Z"))
    asyncio.run(syncer.run_once())  # due for its write-back alone
    assert titles(app, work)["r@t"] == "Standup (theirs)"
    assert remote_titles(peer)["r@t"] == "Standup (theirs)"
    assert [n["summary"] for n in overruled_notices(app)] == ["Standup (mine)"]

    # Deleted here: gone there.
    app.delete_object(work, href_of(app, work, "t@t"), actor=ACTOR, source=SOURCE, by=alice)
    asyncio.run(syncer.run_once())
    assert remote_titles(peer) == {"r@t": "Standup (theirs)"}
    assert app.queries.writebacks(work) == []
    report = Rebuilder(app.engine, app.views).run(verify=True)
    assert report.matches, report.differences


def test_a_sync_asked_for_while_a_round_reads_is_not_lost(
    app: Televent, clock: FakeClock, peer: Peer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone changes an event on the other server while a round is reading it, after the
    round has read, and the person asks for a sync (as a Google notification does): the
    round cannot have seen the change, and the next round takes it at once instead of after
    the interval."""
    alice = alice_of(app)
    work = connected(app, alice, peer)
    syncer = ConnectionSyncer(app, OPEN)
    asyncio.run(syncer.run_once())
    mirror = app.queries.mirror(work)
    assert mirror is not None
    real = syncer.client

    def client(kind: str, username: str, password: str) -> Any:
        remote = real(kind, username, password)
        read = remote.changes

        async def changes(*args: Any) -> Any:
            found = await read(*args)
            clock.advance(seconds=1)  # the round is reading; meanwhile, there:
            with peer.client() as dav:
                late = dav.put(f"{peer.calendar}late@t.ics", content=event("late@t", "Late"))
                assert late.is_success, late.text
            app.sync_soon(mirror.connection_id, by=alice)
            return found

        monkeypatch.setattr(remote, "changes", changes)
        return remote

    clock.advance(minutes=6)
    monkeypatch.setattr(syncer, "client", client)
    assert asyncio.run(syncer.run_once()) == 1
    monkeypatch.setattr(syncer, "client", real)
    assert "late@t" not in titles(app, work)
    clock.advance(seconds=1)
    assert asyncio.run(syncer.run_once()) == 1  # due at once, not after the interval
    assert titles(app, work)["late@t"] == "Late"
    clock.advance(seconds=1)
    assert asyncio.run(syncer.run_once()) == 0  # and then after the interval, as ever


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["here", "there"]),
        st.sampled_from(["put", "delete"]),
        st.sampled_from(["a", "b"]),
        st.sampled_from(["Standup", "Lunch", "Review"]),
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture(scope="module")
def radicale_peer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    with radicale(tmp_path_factory.mktemp("radicale-edits")) as running:
        yield running


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rounds=st.lists(EDITS, min_size=1, max_size=3))
def test_any_edits_on_both_sides_converge(
    backend: Backend, radicale_peer: Peer, rounds: list[list[tuple[str, str, str, str]]]
) -> None:
    """Whatever each side did between two rounds of the job, after the round both sides hold
    the same events, and what only one side touched is as that side left it."""
    peer = radicale_peer
    clock = FakeClock()
    with backend.fresh_app(clock) as app:
        alice = alice_of(app)
        work = connected(app, alice, peer)
        syncer = ConnectionSyncer(app, OPEN)
        job_round(syncer, clock)
        for edits in rounds:
            touched: dict[tuple[str, str], str | None] = {}
            for side, action, name, title in edits:
                uid = f"{name}@p"
                if side == "here":
                    if action == "put":
                        change(app, work, alice, uid, event(uid, title))
                    elif uid in titles(app, work):
                        app.delete_object(work, href_of(app, work, uid), actor=ACTOR,
                                          source=SOURCE, by=alice)  # fmt: skip
                    else:
                        continue
                else:
                    with peer.client() as dav:
                        url = f"{peer.calendar}{uid}.ics"  # where Televent writes it too
                        if action == "put":
                            dav.put(url, content=event(uid, title))
                        else:
                            dav.delete(url)
                touched[(side, uid)] = title if action == "put" else None
            job_round(syncer, clock)
            job_round(syncer, clock)  # the echo settles
            here, there = titles(app, work), remote_titles(peer)
            assert here == there
            for (side, uid), title in touched.items():
                other = "there" if side == "here" else "here"
                if (other, uid) not in touched:  # one side alone: its last word stands
                    assert here.get(uid) == title
            assert app.queries.writebacks(work) == []
        report = Rebuilder(app.engine, app.views).run(verify=True)
        assert report.matches, report.differences


# --- a booking link writing into a connected calendar ------------------------------------------


def test_a_booking_link_books_into_a_chosen_connected_calendar_that_counts_as_busy(
    app: Televent,
) -> None:
    alice = alice_of(app)
    connection = connect(app, alice)
    work = mirrors(app, connection)[WORK]
    busy = vevent("busy@r", "Client visit").replace("20261201T", "20260303T")
    sync(app, work, {"busy.ics": busy}, complete=True)  # Tuesday 10:00-11:00 in Berlin
    link = app.create_booking_link(
        alice, BookingLink.from_json({"slug": "intro", "title": "Intro", "calendar_id": str(work)}),
        actor=ACTOR, source=SOURCE,
    )  # fmt: skip
    assert link.calendar_id == str(work)
    public, owner = app.slot_reader.public_link("intro")
    day = dt.datetime(2026, 3, 3, 8, 0, tzinfo=dt.UTC)
    offered = [
        s for s, _ in app.slot_reader.slots(
            public.link, owner, start=day, end=day + dt.timedelta(hours=4), now=app.clock()
        )
    ]  # fmt: skip
    assert dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC) not in offered  # busy there
    assert dt.datetime(2026, 3, 3, 8, 0, tzinfo=dt.UTC) in offered

    app.book(
        BookingRequest(slug="intro", start=dt.datetime(2026, 3, 3, 8, 0, tzinfo=dt.UTC),
                       name="Ann", email="ann@example.org", tz="UTC"),
        booking_id="b1", token="t1", source="booking",
    )  # fmt: skip
    booked = [t for t in titles(app, work).values() if "Ann" in t]
    assert len(booked) == 1  # in the connected calendar, so written back
    [item] = app.write_backs_due(work, WORK, 10)
    assert item.new and item.data is not None and "Ann" in item.data

    # A calendar she may not add events to is refused in words; none means the default.
    app.register_account(2, name="Bob", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    bob = app.queries.account_by_telegram_id(2)
    assert bob is not None
    bobs = app.queries.calendars_of(bob.account_id)[0].calendar_id
    with pytest.raises(DomainError) as refused:
        app.change_booking_link(alice, "intro", {"calendar_id": str(bobs)}, actor=ACTOR,
                                source=SOURCE)  # fmt: skip
    assert refused.value.wording is not None
    assert refused.value.wording[0] == "refusal-booking-calendar"
    with pytest.raises(DomainError):
        BookingLink.from_json({"slug": "other", "title": "Other", "calendar_id": "not-an-id"})

    # The connection removed with its calendars: the next booking goes to her default one.
    app.remove_connection(connection, by=alice, keep_events=False, actor=ACTOR, source=SOURCE)
    app.book(
        BookingRequest(slug="intro", start=dt.datetime(2026, 3, 3, 12, 0, tzinfo=dt.UTC),
                       name="Ben", email="ben@example.org", tz="UTC"),
        booking_id="b2", token="t2", source="booking",
    )  # fmt: skip
    default = app.queries.calendars_of(alice)[0].calendar_id
    assert any("Ben" in t for t in titles(app, default).values())


def test_a_server_that_answers_too_much_or_too_slowly_fails_its_own_sync_only(
    app: Televent, clock: FakeClock, peer: Peer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One sync reads at most so much (held in memory until stored) and takes at most so
    long, all its requests together: a server that answered each request just within the
    time limit, or listed a hundred thousand resources, held up every calendar's sync for
    hours and grew the leader's memory without end."""
    alice = alice_of(app)
    work = connected(app, alice, peer)
    with peer.client() as dav:
        for n in range(3):
            assert dav.put(f"{peer.calendar}e{n}.ics", content=event(f"e{n}", "Item")).is_success
    syncer = ConnectionSyncer(app, OPEN)
    real = syncer.client

    def small(kind: str, username: str, password: str) -> Any:
        return CalDavClient(OPEN, Credentials(username, password), max_bytes=1_000)

    monkeypatch.setattr(syncer, "client", small)
    asyncio.run(syncer.run_once())
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.failures == 1
    assert (mirror.last_error or "").startswith("too-large")
    assert titles(app, work) == {}

    def slow(kind: str, username: str, password: str) -> Any:
        remote = real(kind, username, password)
        read = remote.changes

        async def changes(*args: Any) -> Any:
            await asyncio.sleep(30)  # each request within its limit, the whole far beyond
            return await read(*args)

        monkeypatch.setattr(remote, "changes", changes)
        return remote

    monkeypatch.setattr(syncer, "client", slow)
    syncer.sync_seconds = 0.5
    clock.advance(hours=2)  # past the failure's back-off
    asyncio.run(syncer.run_once())
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.failures == 2
    assert (mirror.last_error or "").startswith("timeout")
    monkeypatch.setattr(syncer, "client", real)
    clock.advance(hours=4)
    asyncio.run(syncer.run_once())
    assert titles(app, work) == {f"e{n}": "Item" for n in range(3)}  # and then it syncs
