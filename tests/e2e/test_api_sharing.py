"""Calendars people share, through the JSON API over HTTP against `televent serve` (SQLite and
PostgreSQL): an invitation listed until it is answered, accepting and declining, the members
listing, what each role may do to events and members (200/201/204, 403, or 404 for a calendar
one may not see), a removed member refused on the very next request, leaving, bad requests that
change nothing, and the member recorded as the one who wrote.

Alice (1) owns "Family"; Bob (2, @bob), Carol (3, @carol) and Dave (4) sign in as the Mini App
does (tma init data)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.sharing import shared_slug
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import ACTOR, SERVER_SETTINGS, SOURCE, running_serve, seed_accounts
from tests.tma import BOT_TOKEN, tma_client

ALICE, BOB, CAROL, DAVE = 1, 2, 3, 4
NAMES = {ALICE: "Alice", BOB: "Bob", CAROL: "Carol", DAVE: "Dave"}
MARCH = {"start": "2026-03-01T00:00:00+01:00", "end": "2026-03-29T00:00:00+01:00"}


@dataclass
class SharingServer:
    url: str
    database_url: str
    family: str  # the id of Alice's calendar "Family"
    accounts: dict[int, uuid.UUID]  # telegram id -> account id

    def client(self, telegram_id: int) -> httpx.Client:
        """The user, signed in as the Mini App signs them in."""
        return tma_client(f"{self.url}/api/v1", telegram_id, NAMES[telegram_id])


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[SharingServer]:
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    app = build_application(Settings(database_url=database_url))
    for telegram_id in (CAROL, DAVE):
        app.register_account(
            telegram_id, name=NAMES[telegram_id], timezone="Europe/Berlin", actor=ACTOR,
            source=SOURCE,
        )  # fmt: skip
    for telegram_id in (BOB, CAROL):
        username = NAMES[telegram_id].lower()
        app.change_account_settings(telegram_id, {"username": username}, actor=ACTOR, source=SOURCE)
    accounts = {}
    for telegram_id in NAMES:
        account = app.queries.account_by_telegram_id(telegram_id)
        assert account is not None
        accounts[telegram_id] = account.account_id
    family = app.create_calendar(
        accounts[ALICE], "family", {"display_name": "Family"}, actor=ACTOR, source=SOURCE
    )
    app.close()
    with FakeBotApi() as bot:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot.base_url,
        }
        with running_serve(database_url, tmp_path, settings) as (url, _):
            yield SharingServer(url, database_url, str(family), accounts)


def problem(reply: httpx.Response, status: int) -> str:
    """The detail of a problem document answered with `status`."""
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    return str(reply.json()["detail"])


def calendars(client: httpx.Client) -> dict[str, dict[str, Any]]:
    reply = client.get("/calendars")
    assert reply.status_code == 200, reply.text
    return {c["id"]: c for c in reply.json()["items"]}


def members(client: httpx.Client, calendar: str) -> list[tuple[int, str, str]]:
    reply = client.get(f"/calendars/{calendar}/members")
    assert reply.status_code == 200, reply.text
    return [(m["telegram_id"], m["role"], m["status"]) for m in reply.json()["items"]]


def titles(client: httpx.Client, **params: str) -> list[str]:
    reply = client.get("/events", params={**MARCH, **params})
    assert reply.status_code == 200, reply.text
    return [e["title"] for e in reply.json()["items"]]


def create(client: httpx.Client, calendar: str | None, title: str, day: int = 5) -> httpx.Response:
    body: dict[str, Any] = {"title": title, "start": f"2026-03-{day:02d}T10:00:00"}
    if calendar is not None:
        body["calendar"] = calendar
    return client.post("/events", json=body)


def share(
    owner: httpx.Client, server: SharingServer, member: int | str, role: str
) -> dict[str, Any]:
    reply = owner.post(f"/calendars/{server.family}/members", json={"member": member, "role": role})
    assert reply.status_code == 201, reply.text
    shared: dict[str, Any] = reply.json()
    return shared


def join(server: SharingServer, owner: httpx.Client, telegram_id: int, role: str) -> None:
    """The owner shares Family with someone, who accepts."""
    share(owner, server, telegram_id, role)
    with server.client(telegram_id) as member:
        assert member.post(f"/calendars/{server.family}/accept").status_code == 200


def test_an_invitation_is_listed_until_accepted_then_the_calendar_is_the_members(
    server: SharingServer,
) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        piano = create(alice, family, "Piano lesson")
        assert piano.status_code == 201, piano.text
        assert piano.json()["calendar"] == family
        invited = share(alice, server, "@bob", "read")
        assert invited == {"telegram_id": BOB, "name": "Bob", "role": "read", "status": "invited"}

        # Invited: listed to answer, but nothing of it is Bob's yet.
        listed = calendars(bob)[family]
        assert listed == listed | {
            "slug": shared_slug(uuid.UUID(family)),
            "name": "Family",
            "kind": "shared",
            "role": "read",
            "owner": {"telegram_id": ALICE, "name": "Alice"},
            "busy": False,
            "status": "invited",
        }
        assert titles(bob) == []
        problem(bob.get(f"/events/{piano.json()['id']}"), 404)
        problem(bob.get(f"/calendars/{family}/members"), 404)

        accepted = bob.post(f"/calendars/{family}/accept")
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "active" and accepted.json()["role"] == "read"
        mine = calendars(bob)
        assert mine[family]["status"] == "active"
        assert [c["kind"] for c in mine.values()] == ["own", "shared"]
        assert bob.post(f"/calendars/{family}/accept").status_code == 200  # a second tap

        # Accepted: its events are listed with the calendar's id, and Bob reads them.
        [listed_piano] = bob.get("/events", params=MARCH).json()["items"]
        assert listed_piano["title"] == "Piano lesson" and listed_piano["calendar"] == family
        assert bob.get(f"/events/{piano.json()['id']}").json()["calendar"] == family
        assert titles(bob, calendar=family) == ["Piano lesson"]
        assert titles(bob, calendar=shared_slug(uuid.UUID(family))) == ["Piano lesson"]
        assert members(bob, family) == [(ALICE, "owner", "active"), (BOB, "read", "active")]
        assert members(alice, family) == members(bob, family)
        assert calendars(alice)[family] | {"ctag": ""} == calendars(alice)[family] | {
            "ctag": "",
            "kind": "own",
            "role": "owner",
            "status": "active",
            "busy": True,
        }


def test_a_member_names_and_colours_a_shared_calendar_for_themselves(
    server: SharingServer,
) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        join(server, alice, BOB, "read")
        mine = bob.patch(
            f"/calendars/{family}", json={"name": "Ann's", "color": "#00AA00", "busy": True}
        )
        assert mine.status_code == 200, mine.text
        assert (mine.json()["name"], mine.json()["color"], mine.json()["busy"]) == (
            "Ann's",
            "#00AA00",
            True,
        )
        assert calendars(alice)[family]["name"] == "Family"  # only for Bob
        # The owner renames it for everyone; Bob keeps his own name until he drops it.
        assert alice.patch(f"/calendars/{family}", json={"name": "Home"}).status_code == 200
        assert calendars(bob)[family]["name"] == "Ann's"
        back = bob.patch(f"/calendars/{family}", json={"name": None, "busy": None})
        assert (back.json()["name"], back.json()["busy"]) == ("Home", False)
        # Bad values, and busy on one's own calendar, are refused; nothing changes.
        assert "color" in problem(bob.patch(f"/calendars/{family}", json={"color": "green"}), 422)
        assert "name" in problem(bob.patch(f"/calendars/{family}", json={"name": "  "}), 422)
        assert "slug" in problem(alice.patch(f"/calendars/{family}", json={"slug": "x"}), 422)
        assert "busy" in problem(alice.patch(f"/calendars/{family}", json={"busy": False}), 422)
        # null is back to the calendar's own name: one's own calendar has no other (it was
        # renamed to its slug)
        assert "name" in problem(alice.patch(f"/calendars/{family}", json={"name": None}), 422)
        assert calendars(alice)[family]["name"] == "Home"
        assert calendars(alice)[family]["name"] == "Home"
        assert calendars(bob)[family]["color"] == "#00AA00"
        with server.client(DAVE) as dave:
            problem(dave.patch(f"/calendars/{family}", json={"name": "Mine"}), 404)
        assert calendars(alice)[family]["name"] == "Home"


def test_a_declined_invitation_leaves_nothing(server: SharingServer) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        share(alice, server, BOB, "write")  # a number works as well as a string
        declined = bob.post(f"/calendars/{family}/decline")
        assert declined.status_code == 204, declined.text
        assert family not in calendars(bob)
        assert members(alice, family) == [(ALICE, "owner", "active")]
        problem(bob.post(f"/calendars/{family}/accept"), 404)  # nothing left to answer
        problem(bob.post(f"/calendars/{family}/decline"), 404)
        problem(create(bob, family, "Sneaky"), 404)
        # Accepted, it cannot be declined any more: it is left instead.
        join(server, alice, BOB, "read")
        assert "leave" in problem(bob.post(f"/calendars/{family}/decline"), 409)


@pytest.mark.parametrize(
    ("role", "writes", "manages"),
    [("read", False, False), ("write", True, False), ("manage", True, True)],
)
def test_each_role_may_do_what_it_gives_and_nothing_more(
    server: SharingServer, role: str, writes: bool, manages: bool
) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        join(server, alice, BOB, role)
        event = create(alice, family, "Dinner").json()
        path = f"/events/{event['id']}"

        # Everyone who accepted reads the events and the members.
        assert titles(bob) == ["Dinner"]
        assert bob.get(path).status_code == 200
        assert len(members(bob, family)) == 2

        # Events: created, changed and deleted with write or manage; 403 for read.
        made = create(bob, family, "Groceries", day=6)
        edited = bob.patch(path, json={"title": "Dinner at 8"})
        if writes:
            assert made.status_code == 201, made.text
            assert made.json()["calendar"] == family
            assert made.json()["organizer"]["name"] == "Alice"  # the calendar's owner
            assert edited.status_code == 200, edited.text
            assert bob.delete(f"/events/{made.json()['id']}").status_code == 204
            assert titles(alice) == ["Dinner at 8"]
        else:
            assert "not change" in problem(made, 403)
            assert made.json()["type"] == "urn:televent:problem:forbidden"
            problem(edited, 403)
            problem(bob.delete(path), 403)
            problem(bob.post(f"{path}/attendees", json={"invitee": "@carol"}), 403)
            assert titles(alice) == ["Dinner"]  # nothing changed
            assert alice.get(path).json()["etag"] == event["etag"]

        # Members: shared, re-roled and removed with manage; 403 otherwise.
        added = bob.post(f"/calendars/{family}/members", json={"member": "@carol", "role": "read"})
        if manages:
            assert added.status_code == 201, added.text
            again = bob.patch(f"/calendars/{family}/members/{CAROL}", json={"role": "write"})
            assert again.status_code == 200 and again.json()["role"] == "write"
            assert members(alice, family)[-1] == (CAROL, "write", "invited")
            assert bob.delete(f"/calendars/{family}/members/{CAROL}").status_code == 204
            assert [m[0] for m in members(alice, family)] == [ALICE, BOB]
        else:
            assert "share" in problem(added, 403)
            share(alice, server, CAROL, "read")
            problem(bob.patch(f"/calendars/{family}/members/{CAROL}", json={"role": "manage"}), 403)
            problem(bob.delete(f"/calendars/{family}/members/{CAROL}"), 403)
            problem(bob.patch(f"/calendars/{family}/members/{BOB}", json={"role": "manage"}), 403)
            assert members(alice, family) == [
                (ALICE, "owner", "active"),
                (BOB, role, "active"),
                (CAROL, "read", "invited"),
            ]

        # Someone the calendar is not shared with sees none of it.
        with server.client(DAVE) as dave:
            assert "Dinner" not in " ".join(titles(dave))
            problem(dave.get(path), 404)
            problem(dave.patch(path, json={"title": "Mine"}), 404)
            problem(dave.delete(path), 404)
            problem(create(dave, family, "Intruder"), 404)
            problem(dave.get(f"/calendars/{family}/members"), 404)
            problem(dave.post(f"/calendars/{family}/members", json={"member": DAVE}), 404)
            problem(dave.patch(f"/calendars/{family}/members/{BOB}", json={"role": "read"}), 404)
            problem(dave.delete(f"/calendars/{family}/members/{BOB}"), 404)
            problem(dave.post(f"/calendars/{family}/accept"), 404)
            assert family not in calendars(dave)
        assert alice.get(path).status_code == 200
        assert (BOB, role, "active") in members(alice, family)


def test_a_removed_member_is_refused_on_the_very_next_request(server: SharingServer) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        join(server, alice, BOB, "write")
        event = create(alice, family, "Dinner").json()
        assert bob.get(f"/events/{event['id']}").status_code == 200
        assert alice.delete(f"/calendars/{family}/members/{BOB}").status_code == 204
        problem(bob.patch(f"/events/{event['id']}", json={"title": "Mine"}), 404)
        problem(bob.get(f"/events/{event['id']}"), 404)
        problem(bob.delete(f"/events/{event['id']}"), 404)
        problem(create(bob, family, "Late"), 404)
        problem(bob.get(f"/calendars/{family}/members"), 404)
        assert family not in calendars(bob) and titles(bob) == []
        assert titles(alice) == ["Dinner"]
        assert members(alice, family) == [(ALICE, "owner", "active")]
        problem(alice.delete(f"/calendars/{family}/members/{BOB}"), 404)  # already gone


def test_a_member_leaves_by_removing_themselves(server: SharingServer) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(CAROL) as carol:
        join(server, alice, CAROL, "manage")
        assert carol.delete(f"/calendars/{family}/members/{CAROL}").status_code == 204
        assert family not in calendars(carol)
        assert members(alice, family) == [(ALICE, "owner", "active")]
        problem(carol.delete(f"/calendars/{family}/members/{CAROL}"), 404)
        # The owner cannot leave their own calendar.
        assert "owner" in problem(alice.delete(f"/calendars/{family}/members/{ALICE}"), 422)
        # An invitation is also answered by leaving it.
        share(alice, server, "3", "read")
        assert carol.delete(f"/calendars/{family}/members/{CAROL}").status_code == 204
        assert family not in calendars(carol)


def test_bad_requests_are_refused_and_change_nothing(server: SharingServer) -> None:
    family = server.family
    url = f"/calendars/{family}/members"
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        join(server, alice, BOB, "manage")
        before = members(alice, family)
        assert "Telegram user" in problem(alice.post(url, json={"member": 999}), 422)
        assert "@nobody" in problem(alice.post(url, json={"member": "@nobody"}), 422)
        assert "Telegram id or an @username" in problem(alice.post(url, json={"member": "x"}), 422)
        assert "role" in problem(alice.post(url, json={"member": CAROL, "role": "admin"}), 422)
        assert "role" in problem(alice.post(url, json={"member": CAROL, "role": "owner"}), 422)
        assert "yourself" in problem(alice.post(url, json={"member": ALICE}), 422)
        assert "owns" in problem(bob.post(url, json={"member": "1"}), 422)
        assert "already" in problem(alice.post(url, json={"member": "@bob"}), 409)
        problem(alice.post(url, json={"role": "read"}), 400)
        problem(alice.post(url, json={"member": [2]}), 400)
        problem(alice.post(url, json={"member": CAROL, "colour": "red"}), 400)
        assert "role" in problem(alice.patch(f"{url}/{BOB}", json={"role": "boss"}), 422)
        problem(alice.patch(f"{url}/{DAVE}", json={"role": "read"}), 404)  # not a member
        problem(alice.patch(f"{url}/999", json={"role": "read"}), 404)  # nobody
        # Not a Telegram id however it looks: a clear 422 or 404, never a 500.
        for odd in ("²", "99999999999999999999", "-5", "0"):
            problem(alice.post(url, json={"member": odd}), 422)
        problem(alice.post(url, json={"member": 99999999999999999999}), 422)
        problem(alice.patch(f"{url}/99999999999999999999", json={"role": "read"}), 404)
        problem(alice.delete(f"{url}/99999999999999999999"), 404)
        assert "owner" in problem(bob.patch(f"{url}/{ALICE}", json={"role": "read"}), 422)
        assert members(alice, family) == before
        assert calendars(alice)[family]["name"] == "Family"

        # A guessed calendar id, or no id at all, is not found, whatever is asked.
        for guess in (str(uuid.uuid4()), "nope"):
            problem(alice.get(f"/calendars/{guess}/members"), 404)
            problem(alice.post(f"/calendars/{guess}/members", json={"member": BOB}), 404)
            problem(alice.patch(f"/calendars/{guess}/members/{BOB}", json={"role": "read"}), 404)
            problem(alice.delete(f"/calendars/{guess}/members/{BOB}"), 404)
            problem(alice.post(f"/calendars/{guess}/accept"), 404)
            problem(alice.post(f"/calendars/{guess}/decline"), 404)
            problem(alice.patch(f"/calendars/{guess}", json={"name": "x"}), 404)
        problem(create(alice, str(uuid.uuid4()), "Nowhere"), 404)
        # Someone else's calendar looks exactly like one that does not exist.
        with server.client(DAVE) as dave:
            for reply in (
                dave.post(url, json={"member": "@nobody"}),
                dave.delete(f"{url}/{ALICE}"),
                dave.patch(f"{url}/{ALICE}", json={"role": "read"}),
            ):
                assert problem(reply, 404) == "Calendar not found."
        assert members(alice, family) == before


def test_the_member_is_recorded_as_the_one_who_wrote(server: SharingServer) -> None:
    family = server.family
    with server.client(ALICE) as alice, server.client(BOB) as bob:
        join(server, alice, BOB, "manage")
        made = create(bob, family, "Swimming")
        assert made.status_code == 201, made.text
        assert bob.post(f"/calendars/{family}/members", json={"member": CAROL}).status_code == 201
    app = build_application(Settings(database_url=server.database_url))
    try:
        bob_actor = f"account:{server.accounts[BOB]}"
        [created] = list(app.events.get(uuid.UUID(made.json()["id"])))
        assert created.actor == bob_actor  # type: ignore[attr-defined]
        assert created.source.startswith("api")  # type: ignore[attr-defined]
        assert created.account_id == server.accounts[ALICE]  # type: ignore[attr-defined]
        stored = app.queries.object_by_event_id(uuid.UUID(made.json()["id"]))
        assert stored is not None
        unfolded = stored.ical.replace("\r\n ", "").replace("\n ", "")  # RFC 5545 §3.1
        organizer = next(line for line in unfolded.splitlines() if "ORGANIZER" in line)
        assert "SENT-BY" in organizer and f"tg_{BOB}@" in organizer  # Bob, for Alice
        invited = list(app.events.get(uuid.UUID(family)))[-1]
        assert type(invited).__name__ == "MemberInvited"
        assert invited.actor == bob_actor  # type: ignore[attr-defined]
    finally:
        app.close()


def test_a_telegram_groups_calendar_is_of_kind_group_for_everyone_in_it(
    server: SharingServer,
) -> None:
    """A group's calendar (docs/adr/0018), opened by Alice in the group and joined by Bob, is
    `group` for both; one calendar is read alone for those who see it, 404 for others."""
    app = build_application(Settings(database_url=server.database_url))
    try:
        opened = app.open_group_calendar(
            -100123, title="Book club", opener=server.accounts[ALICE], timezone="Europe/Berlin",
            actor=ACTOR, source=SOURCE,
        )  # fmt: skip
        app.join_group_calendar(
            -100123, member=server.accounts[BOB], admin=False, actor=ACTOR, source=SOURCE
        )
    finally:
        app.close()
    club = str(opened.calendar_id)
    with server.client(ALICE) as alice, server.client(BOB) as bob, server.client(CAROL) as carol:
        mine = calendars(alice)
        assert mine[club] == mine[club] | {"kind": "group", "role": "owner", "name": "Book club"}
        assert mine[server.family]["kind"] == "own"
        theirs = calendars(bob)[club]
        assert theirs == theirs | {"kind": "group", "role": "write", "status": "active"}
        assert theirs["owner"] == {"telegram_id": ALICE, "name": "Alice"}

        alone = bob.get(f"/calendars/{club}")
        assert alone.status_code == 200, alone.text
        assert alone.json() == theirs
        assert problem(carol.get(f"/calendars/{club}"), 404) == "Calendar not found."
        assert problem(carol.get("/calendars/not-an-id"), 404) == "Calendar not found."
        share(alice, server, CAROL, "read")  # invited, not yet accepted: not hers to read
        assert problem(carol.get(f"/calendars/{server.family}"), 404) == "Calendar not found."
        assert carol.post(f"/calendars/{server.family}/accept").status_code == 200
        assert carol.get(f"/calendars/{server.family}").json()["kind"] == "shared"
