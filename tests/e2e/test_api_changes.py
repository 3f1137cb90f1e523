"""/api/v1/changes and /api/v1/export.ics over HTTP against `televent serve`, on both databases:
what a CalDAV client writes shows up for an API client that keeps a copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.helpers import vevent
from tests.tma import ApiServer, running_api_server

CHANGES = "/api/v1/changes"
CAL = "/dav/calendars/{}/{}/{}"


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def dav(server: ApiServer, user: int) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=server.basic(user), timeout=60)


def put(http: httpx.Client, user: int, name: str, summary: str, slug: str = "default") -> str:
    reply = http.put(
        CAL.format(user, slug, f"{name}.ics"),
        content=vevent(uid=name, summary=summary).encode(),
        headers={"Content-Type": "text/calendar"},
    )
    assert reply.status_code in (201, 204), reply.text
    return reply.headers["etag"]


def test_changes_follow_caldav_writes_and_deletions(server: ApiServer) -> None:
    with server.client(1) as alice, dav(server, 1) as caldav:
        first = alice.get(CHANGES)
        assert first.status_code == 200 and first.json()["changes"] == []
        token = first.json()["token"]
        etag_a = put(caldav, 1, "a", "Standup")
        etag_b = put(caldav, 1, "b", "Lunch")
        since = alice.get(CHANGES, params={"since": token}).json()
        assert [c["etag"] for c in since["changes"]] == [etag_a, etag_b]
        assert all(set(c) == {"id", "calendar", "etag"} for c in since["changes"])
        [calendar] = alice.get("/api/v1/calendars").json()["items"]
        assert {c["calendar"] for c in since["changes"]} == {calendar["id"]}
        ids = {c["etag"]: c["id"] for c in since["changes"]}
        # Nothing new: nothing reported, the same token comes back usable.
        quiet = alice.get(CHANGES, params={"since": since["token"]}).json()
        assert quiet["changes"] == []
        # A change and a deletion.
        etag_a2 = put(caldav, 1, "a", "Standup (moved)")
        assert caldav.delete(CAL.format(1, "default", "b.ics")).status_code == 204
        later = alice.get(CHANGES, params={"since": quiet["token"]}).json()
        assert later["changes"] == [
            {"id": ids[etag_a], "calendar": calendar["id"], "etag": etag_a2},
            {"id": ids[etag_b], "calendar": calendar["id"], "deleted": True},
        ]
        # Everything (no `since`): what exists now, no deletions.
        everything = alice.get(CHANGES).json()["changes"]
        assert everything == [{"id": ids[etag_a], "calendar": calendar["id"], "etag": etag_a2}]


def test_changes_cover_every_calendar_and_only_the_callers(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob, dav(server, 1) as caldav:
        token = alice.get(CHANGES).json()["token"]
        bob_token = bob.get(CHANGES).json()["token"]
        made = caldav.request("MKCALENDAR", "/dav/calendars/1/work/")
        assert made.status_code == 201
        put(caldav, 1, "w", "Review", slug="work")
        put(caldav, 1, "d", "Dentist")
        changes = alice.get(CHANGES, params={"since": token}).json()["changes"]
        calendars = {c["slug"]: c["id"] for c in alice.get("/api/v1/calendars").json()["items"]}
        assert sorted(c["calendar"] for c in changes) == sorted(calendars.values())
        assert bob.get(CHANGES, params={"since": bob_token}).json()["changes"] == []
        assert bob.get(CHANGES).json()["changes"] == []


def test_an_expired_or_unknown_token_is_gone(server: ApiServer) -> None:
    with server.client(1) as alice, dav(server, 1) as caldav:
        put(caldav, 1, "a", "Standup")
        token = alice.get(CHANGES).json()["token"]
        position, tag = token.split(".", 1)
        for stale in ("garbage", "99999999", f"{int(position) + 1000}.{tag}", f"0.{tag}"):
            reply = alice.get(CHANGES, params={"since": stale})
            assert reply.status_code == 410, stale
            assert reply.headers["content-type"].startswith("application/problem+json")
            assert reply.json()["type"] == "urn:televent:problem:changes-token-expired"
        # A calendar the token covered was deleted: its events are gone, so is the token.
        assert caldav.request("MKCALENDAR", "/dav/calendars/1/work/").status_code == 201
        put(caldav, 1, "w", "Review", slug="work")
        with_work = alice.get(CHANGES).json()["token"]
        assert caldav.delete("/dav/calendars/1/work/").status_code in (200, 204)
        assert alice.get(CHANGES, params={"since": with_work}).status_code == 410
        # Another user's token says nothing about Alice's calendars.
        with server.client(2) as bob:
            assert bob.get(CHANGES, params={"since": token}).status_code == 410


def test_export_is_one_icalendar_file_of_the_callers_events(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob, dav(server, 1) as caldav:
        put(caldav, 1, "a", "Standup")
        put(caldav, 1, "b", "Lunch")
        exported = alice.get("/api/v1/export.ics")
        assert exported.status_code == 200
        assert exported.headers["content-type"].startswith("text/calendar")
        assert "attachment" in exported.headers["content-disposition"]
        text = exported.text
        assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == 2
        assert "SUMMARY:Standup" in text and "SUMMARY:Lunch" in text
        assert "BEGIN:VEVENT" not in bob.get("/api/v1/export.ics").text


def test_changes_cover_a_calendar_shared_with_the_caller(server: ApiServer) -> None:
    """A member keeping a copy through /changes sees the owner's writes in a shared calendar;
    a calendar accepted since the token is reported whole; leaving one ends the token (410)."""
    with server.client(1) as alice, server.client(2) as bob, dav(server, 1) as caldav:
        family = alice.post("/api/v1/calendars/00000000-0000-0000-0000-000000000000/accept")
        assert family.status_code == 404
        assert caldav.request("MKCALENDAR", "/dav/calendars/1/family/").status_code == 201
        calendars = {c["slug"]: c["id"] for c in alice.get("/api/v1/calendars").json()["items"]}
        shared = calendars["family"]
        added = alice.post(
            f"/api/v1/calendars/{shared}/members", json={"member": 2, "role": "read"}
        )
        assert added.status_code == 201, added.text
        etag = put(caldav, 1, "picnic", "Picnic", slug="family")  # before Bob accepts
        with dav(server, 2) as bob_caldav:  # Bob's own calendar moves on after Alice's
            put(bob_caldav, 2, "mine", "Mine")
        before = bob.get(CHANGES).json()["token"]
        assert bob.get(CHANGES, params={"since": before}).json()["changes"] == []
        assert bob.post(f"/api/v1/calendars/{shared}/accept").status_code == 200
        # The calendar is new to Bob: everything in it is reported.
        seen = bob.get(CHANGES, params={"since": before}).json()
        assert [(c["calendar"], c["etag"]) for c in seen["changes"]] == [(shared, etag)]
        etag = put(caldav, 1, "picnic", "Picnic (moved)", slug="family")
        seen = bob.get(CHANGES, params={"since": seen["token"]}).json()
        assert [(c["calendar"], c["etag"]) for c in seen["changes"]] == [(shared, etag)]
        assert bob.delete(f"/api/v1/calendars/{shared}/members/2").status_code == 204
        assert bob.get(CHANGES, params={"since": seen["token"]}).status_code == 410
