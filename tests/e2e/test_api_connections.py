"""Connecting an account on another CalDAV server over the JSON API against `televent serve`
(SQLite and PostgreSQL), with Radicale on loopback as the other server (the operator's switch
lets loopback through, docs/adr/0023): the account is found from its URL, its calendar becomes
a calendar here that the leader fills within a round; a CalDAV client then reads its events in
a calendar it may write; an event added, changed and deleted on the other server arrives
after a sync asked for; one made, changed and deleted here, through CalDAV and the JSON API,
reaches the other server within a round; when both changed the same event, the other server's
version stands on both sides and Alice is told in Telegram; the password is in no answer; a
wrong password and, without the switch, a loopback address are refused in words; removing the
connection keeps the calendar as an ordinary one when asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.botapi import FakeBotApi
from tests.caldav_peers import Peer, event, radicale
from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts, until
from tests.tma import BOT_TOKEN, tma_client

PROPFIND = """<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop>
<d:current-user-privilege-set/><d:displayname/></d:prop></d:propfind>"""


@dataclass
class Setup:
    caldav: httpx.Client  # Alice's CalDAV client of Televent
    api: httpx.Client  # Alice in the Mini App
    bot: FakeBotApi  # where Alice's Telegram messages arrive


@pytest.fixture(scope="module")
def peer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        yield running


@contextmanager
def serving(backend: Backend, tmp_path: Path, extra: dict[str, str]) -> Iterator[Setup]:
    database_url = backend.migrated_url()
    passwords = seed_accounts(database_url)
    with FakeBotApi() as bot:
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
            yield Setup(caldav, api, bot)


def test_a_connected_account_is_mirrored_and_follows_the_other_server(
    backend: Backend, tmp_path: Path, peer: Peer
) -> None:
    with peer.client() as dav:
        for uid in ("standup@r", "lunch@r", "review@r"):  # what an earlier run left
            dav.delete(f"{peer.calendar}{uid}.ics")
        for uid, summary in (("standup@r", "Standup"), ("lunch@r", "Lunch")):
            assert dav.put(f"{peer.calendar}{uid}.ics", content=event(uid, summary)).is_success
    with serving(backend, tmp_path, {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}) as setup:
        asked = {"url": peer.base + "/", "username": peer.username, "password": peer.password}
        made = setup.api.post("/api/v1/connections", json=asked)
        assert made.status_code == 201, made.text
        connection = made.json()
        assert peer.password not in made.text
        assert (connection["server"], connection["username"]) == ("127.0.0.1", "anna")
        [work] = connection["calendars"]
        assert work["name"] == "Work" and work["status"] == "waiting"
        again = setup.api.post("/api/v1/connections", json=asked)
        assert again.status_code == 409, again.text

        def synced(outcome: str | None = None) -> dict[str, Any] | None:
            found = setup.api.get(f"/api/v1/connections/{connection['id']}").json()
            mirror = found["calendars"][0]
            if mirror["status"] != "ok" or (outcome and mirror["last_outcome"] != outcome):
                return None
            return found

        state = until(synced, "the leader's first sync")
        assert state["calendars"][0]["last_outcome"] == "2 added"
        calendars = setup.api.get("/api/v1/calendars").json()["items"]
        listed = next(c for c in calendars if c["id"] == work["id"])
        home = f"/dav/calendars/1/{listed['slug']}/"
        answer = setup.caldav.request("PROPFIND", home, content=PROPFIND, headers={"Depth": "0"})
        assert answer.status_code == 207
        assert "<D:write" in answer.text.replace("d:", "D:") and "Work" in answer.text
        assert "Standup" in setup.caldav.get(f"{home}standup@r.ics").text

        # Changed on the other server: added, changed, deleted; a sync asked for brings it.
        with peer.client() as dav:
            assert dav.put(f"{peer.calendar}review@r.ics", content=event("review@r", "Review"))
            assert dav.put(f"{peer.calendar}lunch@r.ics", content=event("lunch@r", "Long lunch"))
            assert dav.delete(f"{peer.calendar}standup@r.ics").is_success
        asked_sync = setup.api.post(f"/api/v1/connections/{connection['id']}/sync")
        assert asked_sync.status_code == 202
        until(lambda: synced("1 added, 1 changed, 1 removed"), "the sync asked for")
        assert setup.caldav.get(f"{home}standup@r.ics").status_code == 404
        assert "Long lunch" in setup.caldav.get(f"{home}lunch@r.ics").text
        events = setup.api.get(
            "/api/v1/events", params={"start": "2026-12-01", "end": "2026-12-02"}
        ).json()
        assert {"Review", "Long lunch"} <= {e["title"] for e in events["items"]}
        listing = setup.api.get("/api/v1/connections")
        assert listing.status_code == 200 and peer.password not in listing.text

        # Made here through CalDAV, changed through the API: on the other server within a round.
        with peer.client() as dav:
            dav.delete(f"{peer.calendar}dentist@t.ics")  # what an earlier run left

            def there(uid: str, text: str) -> bool:
                answer = dav.get(f"{peer.calendar}{uid}.ics")
                return answer.status_code == 200 and text in answer.text

            def settled(since: dt.datetime) -> bool:
                # Nothing waits to be written back, and the round that wrote back what was
                # changed `since` went on to list the other server's changes and ended: no round
                # runs now, so the next change there is not taken in before one made here.
                state = setup.api.get(f"/api/v1/connections/{connection['id']}").json()
                mirror = state["calendars"][0]
                last = mirror["last_success"]
                ended = last is not None and dt.datetime.fromisoformat(last) > since
                return ended and mirror["waiting_changes"] == 0

            made_at = dt.datetime.now(dt.UTC)
            made_here = setup.caldav.put(
                f"{home}dentist.ics", content=event("dentist@t", "Dentist"),
                headers={"Content-Type": "text/calendar"},
            )  # fmt: skip
            assert made_here.status_code == 201, made_here.text
            until(lambda: there("dentist@t", "SUMMARY:Dentist"), "the new event written back")
            until(lambda: settled(made_at), "the round that wrote it back to end")
            found = setup.api.get(
                "/api/v1/events", params={"start": "2026-12-01", "end": "2026-12-02"}
            ).json()["items"]
            lunch = next(e for e in found if e["title"] == "Long lunch")
            moved_at = dt.datetime.now(dt.UTC)
            moved = setup.api.patch(f"/api/v1/events/{lunch['id']}", json={"title": "Team lunch"})
            assert moved.status_code == 200, moved.text
            until(lambda: there("lunch@r", "SUMMARY:Team lunch"), "the change written back")
            until(lambda: settled(moved_at), "the round that wrote it back to end")

            # Changed on both sides before they meet: the other server's version stands.
            assert dav.put(f"{peer.calendar}lunch@r.ics", content=event("lunch@r", "Their lunch"))
            mine = setup.api.patch(f"/api/v1/events/{lunch['id']}", json={"title": "My lunch"})
            assert mine.status_code == 200, mine.text
            told = until(
                lambda: [m for m in setup.bot.messages_to(1) if "My lunch" in m],
                "Alice told that her change lost",
            )
            assert "changed there too" in told[0]
            assert there("lunch@r", "SUMMARY:Their lunch")
            assert "Their lunch" in setup.caldav.get(f"{home}lunch@r.ics").text

            # Deleted here: gone there.
            assert setup.caldav.delete(f"{home}dentist.ics").status_code == 204
            until(
                lambda: dav.get(f"{peer.calendar}dentist@t.ics").status_code == 404,
                "the deletion written back",
            )
            # the queue row goes just after the other server answered
            until(lambda: settled(dt.datetime.min.replace(tzinfo=dt.UTC)), "nothing waiting")

        removed = setup.api.delete(
            f"/api/v1/connections/{connection['id']}", params={"keep_events": "true"}
        )
        assert removed.status_code == 204
        assert setup.api.get("/api/v1/connections").json() == []
        kept = next(
            c for c in setup.api.get("/api/v1/calendars").json()["items"] if c["id"] == work["id"]
        )
        assert kept["role"] == "owner"
        assert "Review" in setup.caldav.get(f"{home}review@r.ics").text


def test_a_wrong_password_and_a_private_address_are_refused_in_words(
    backend: Backend, tmp_path: Path, peer: Peer
) -> None:
    with serving(backend, tmp_path, {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}) as setup:
        wrong = setup.api.post(
            "/api/v1/connections",
            json={"url": peer.base + "/", "username": peer.username, "password": "nope"},
        )
        assert wrong.status_code == 422, wrong.text
        assert "refused the user name or password" in wrong.json()["detail"]
        missing = setup.api.post(
            "/api/v1/connections", json={"url": peer.base, "username": "anna", "password": ""}
        )
        assert missing.status_code == 422 and "password" in missing.json()["detail"]
        nothing = setup.api.post(
            "/api/v1/connections", json={"url": "not a server", "username": "a", "password": "b"}
        )
        assert nothing.status_code == 422
        assert "calendar server's address" in nothing.json()["detail"]
        assert setup.api.get("/api/v1/connections/not-an-id").status_code == 404
    closed = tmp_path / "closed"
    closed.mkdir()
    with serving(backend, closed, {}) as setup:
        private = setup.api.post(
            "/api/v1/connections",
            json={"url": peer.base + "/", "username": peer.username, "password": peer.password},
        )
        assert private.status_code == 422, private.text
        assert setup.api.get("/api/v1/connections").json() == []
