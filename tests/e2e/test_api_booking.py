"""Booking links over HTTP against `televent serve` (SQLite and PostgreSQL): the owner's
availability, links and bookings (signed in), and the public booking pages' API (no sign-in):
link info, slots in a visitor's zone (across a DST change), booking, the 409 with fresh slots,
the manage link (read, move, cancel), paused links, other users' links, hostile input and the
per-address limit on public writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Backend
from tests.tma import ApiServer, running_api_server

BERLIN = ZoneInfo("Europe/Berlin")
ALICE, BOB = 1, 2
LINKS = "/api/v1/booking-links"
NO_LIMITS = {"TELEVENT_RATE_LIMITS": "off"}
PUBLIC_KEYS = {
    "slug",
    "title",
    "owner_name",
    "description",
    "location",
    "duration_minutes",
    "durations_minutes",
    "questions",
    "active",
    "horizon_days",
    "min_notice_minutes",
    "owner_timezone",
}


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path, NO_LIMITS, bot=False) as running:
        yield running


def owner(server: ApiServer, telegram_id: int = ALICE) -> httpx.Client:
    """A signed-in owner (device password, HTTP Basic)."""
    return httpx.Client(base_url=server.url, auth=server.basic(telegram_id), timeout=60)


def visitor(server: ApiServer) -> httpx.Client:
    """Someone without an account."""
    return httpx.Client(base_url=server.url, timeout=60)


def problem(reply: httpx.Response, status: int) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = reply.json()
    assert body["status"] == status and body["detail"]
    return body


def next_weekday(weekday: int, *, after_days: int = 2) -> dt.date:
    """The first date with `weekday` (0 = Monday) at least `after_days` from today in Berlin."""
    day = dt.datetime.now(BERLIN).date() + dt.timedelta(days=after_days)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def at(day: dt.date, hour: int, zone: dt.tzinfo = BERLIN) -> str:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=zone).isoformat()


def make_link(client: httpx.Client, slug: str, **settings: Any) -> dict[str, Any]:
    reply = client.post(LINKS, json={"slug": slug, "title": "Intro call", **settings})
    assert reply.status_code == 201, reply.text
    link: dict[str, Any] = reply.json()
    return link


def book(client: httpx.Client, slug: str, start: str, **fields: Any) -> httpx.Response:
    body = {"start": start, "name": "Vera Visitor", "email": "vera@example.org", "tz": "UTC"}
    return client.post(f"/api/v1/book/{slug}", json=body | fields)


def next_dst_change(now: dt.datetime) -> dt.date:
    """The next date Berlin's clocks change (the last Sunday of March or of October), at
    least three days away so that the weekdays before it are still bookable."""
    day = now.astimezone(BERLIN).date() + dt.timedelta(days=3)
    while True:
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=BERLIN)
        eve = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12), tzinfo=BERLIN)
        if noon.utcoffset() != eve.utcoffset():
            return day
        day += dt.timedelta(days=1)


def test_owner_endpoints_need_sign_in(server: ApiServer) -> None:
    with visitor(server) as anonymous:
        for method, path in (
            ("GET", "/api/v1/availability"),
            ("POST", "/api/v1/availability"),
            ("GET", LINKS),
            ("POST", LINKS),
            ("GET", f"{LINKS}/intro"),
            ("PATCH", f"{LINKS}/intro"),
            ("DELETE", f"{LINKS}/intro"),
            ("GET", "/api/v1/bookings"),
        ):
            reply = anonymous.request(
                method, path, json={} if method in ("POST", "PATCH") else None
            )
            problem(reply, 401)
            assert "WWW-Authenticate" in reply.headers


def test_owner_sets_availability(server: ApiServer) -> None:
    with owner(server) as alice, owner(server, BOB) as bob:
        first = alice.get("/api/v1/availability").json()
        assert first["is_default"] is True and first["timezone"] == "Europe/Berlin"
        assert first["weekly"]["mon"] == [["09:00", "17:00"]] and first["weekly"]["sat"] == []
        hours = {
            "timezone": "Europe/Berlin",
            "weekly": {
                "mon": [["10:00", "12:00"], ["13:00", "24:00"]],
                "tue": [["09:00", "17:00"]],
            },
            "overrides": [{"date": "2026-12-24", "ranges": []}],
        }
        stored = alice.post("/api/v1/availability", json=hours)
        assert stored.status_code == 200, stored.text
        assert stored.json()["is_default"] is False
        assert stored.json()["weekly"]["mon"] == [["10:00", "12:00"], ["13:00", "24:00"]]
        assert stored.json()["overrides"] == [{"date": "2026-12-24", "ranges": []}]
        assert alice.get("/api/v1/availability").json() == stored.json()
        assert bob.get("/api/v1/availability").json()["is_default"] is True  # only Alice's
        for bad, words in (
            ({"timezone": "Mars/Olympus"}, "time zone"),
            ({"timezone": "UTC", "weekly": {"mon": [["17:00", "09:00"]]}}, "ends before"),
            ({"timezone": "UTC", "weekly": {"caturday": []}}, "weekday"),
            ({"timezone": "UTC", "weekly": {"mon": [["9am", "5pm"]]}}, "HH:MM"),
            ({"timezone": "UTC", "overrides": [{"date": "2026-02-30"}]}, "YYYY-MM-DD"),
            ([1, 2, 3], "JSON object"),
            ("text", "JSON object"),
        ):
            assert words in problem(alice.post("/api/v1/availability", json=bad), 422)["detail"]
        assert alice.get("/api/v1/availability").json() == stored.json()  # unchanged


def test_owner_manages_links(server: ApiServer) -> None:
    with owner(server) as alice, owner(server, BOB) as bob:
        link = make_link(
            alice,
            "Intro-Call",
            durations_minutes=[15, 60],
            questions=[{"label": "Topic?", "required": True}],
        )
        assert link["slug"] == "intro-call" and link["durations_minutes"] == [30, 15, 60]
        assert link["url"] == f"{server.url}/book/intro-call"
        assert link["questions"] == [{"id": "q1", "label": "Topic?", "required": True}]
        assert alice.get(LINKS).json()["items"] == [link]
        assert alice.get(f"{LINKS}/intro-call").json() == link
        changed = alice.patch(f"{LINKS}/intro-call", json={"title": "Chat", "horizon_days": 14})
        assert changed.status_code == 200, changed.text
        assert changed.json()["title"] == "Chat" and changed.json()["horizon_days"] == 14
        # The slug belongs to Alice: Bob can neither take it nor touch her link.
        taken = problem(bob.post(LINKS, json={"slug": "intro-call", "title": "Mine"}), 409)
        assert "taken" in taken["detail"]
        problem(alice.post(LINKS, json={"slug": "intro-call", "title": "Again"}), 409)
        problem(bob.get(f"{LINKS}/intro-call"), 404)
        problem(bob.patch(f"{LINKS}/intro-call", json={"active": False}), 404)
        problem(bob.delete(f"{LINKS}/intro-call"), 404)
        assert bob.get(LINKS).json() == {"items": []}
        assert alice.get(f"{LINKS}/intro-call").json()["active"] is True
        refused: list[tuple[Any, str]] = [
            ({"slug": "x", "title": "Short"}, "slug"),
            ({"slug": "manage", "title": "Reserved"}, "reserved"),
            ({"slug": "ok-slug"}, "slug and a title"),
            ({"slug": "ok-slug", "title": "T", "duration_minutes": 3}, "duration_minutes"),
            ({"slug": "ok-slug", "title": "T", "colour": "red"}, "Unknown"),
            ({"slug": "ok-slug", "title": "T" * 300}, "title"),
            ({"slug": 42, "title": "T"}, "slug"),
            (["slug"], "JSON object"),
        ]
        for bad, words in refused:
            assert words in problem(alice.post(LINKS, json=bad), 422)["detail"]
        changes: list[tuple[Any, str]] = [
            ({"slug": "other"}, "cannot change"),
            ({"active": "no"}, "true or false"),
            ({"horizon_days": 1000}, "horizon_days"),
            ([1], "JSON object"),
        ]
        for bad, words in changes:
            assert words in problem(alice.patch(f"{LINKS}/intro-call", json=bad), 422)["detail"]
        assert alice.delete(f"{LINKS}/intro-call").status_code == 204
        problem(alice.get(f"{LINKS}/intro-call"), 404)
        problem(alice.delete(f"{LINKS}/intro-call"), 404)
        with visitor(server) as anonymous:
            problem(anonymous.get("/api/v1/book/intro-call"), 404)


def test_public_link_and_slots(server: ApiServer) -> None:
    with owner(server) as alice, visitor(server) as anonymous:
        make_link(alice, "intro", min_notice_minutes=0, horizon_days=10, location="Zoom")
        info = anonymous.get("/api/v1/book/intro")
        assert info.status_code == 200, info.text
        body = info.json()
        assert set(body) == PUBLIC_KEYS
        assert body["owner_name"] == "Alice" and body["owner_timezone"] == "Europe/Berlin"
        assert body["active"] is True and body["location"] == "Zoom"
        assert "alice@example.com" not in info.text and "telegram" not in info.text
        assert "no booking page" in problem(anonymous.get("/api/v1/book/nobody"), 404)["detail"]

        monday = next_weekday(0)
        week = anonymous.get(
            "/api/v1/book/intro/slots",
            params={"start": monday.isoformat(), "end": (monday + dt.timedelta(days=1)).isoformat(),
                    "tz": "America/New_York"},
        ).json()  # fmt: skip
        assert week["timezone"] == "America/New_York"
        starts = [dt.datetime.fromisoformat(s["start"]) for s in week["slots"]]
        new_york = ZoneInfo("America/New_York")
        assert starts and all(s.utcoffset() == s.astimezone(new_york).utcoffset() for s in starts)
        # Monday in New York: Alice's 09:00-17:00 Berlin that falls on that local date.
        berlin = [s.astimezone(BERLIN) for s in starts]
        assert min(berlin).time() == dt.time(9) and max(berlin).time() == dt.time(16, 30)
        assert all(s.astimezone(new_york).date() == monday for s in starts)

        # Default window: from now for a week; never beyond the horizon (10 days).
        default = anonymous.get("/api/v1/book/intro/slots").json()
        assert default["timezone"] == "UTC" and default["slots"]
        assert all(s["start"].endswith("+00:00") for s in default["slots"])
        now = dt.datetime.now(dt.UTC)
        far = anonymous.get(
            "/api/v1/book/intro/slots",
            params={"start": now.date().isoformat(),
                    "end": (now + dt.timedelta(days=40)).date().isoformat()},
        ).json()  # fmt: skip
        latest = max(dt.datetime.fromisoformat(s["start"]) for s in far["slots"])
        assert latest <= now + dt.timedelta(days=10, minutes=1)

        for params, words in (
            ({"start": "2026-01-01", "end": "2026-04-01"}, "62 days"),
            ({"tz": "Mars/Olympus"}, "IANA"),
            ({"tz": "x" * 500}, "IANA"),
            ({"start": "yesterday"}, "RFC 3339"),
            ({"start": "2026-13-45"}, "RFC 3339"),
            ({"start": "2026-03-02", "end": "2026-03-01"}, "after start"),
            ({"duration": "45"}, "not 45"),
            ({"duration": "ten"}, "whole number"),
            ({"start": "9" * 5000}, "RFC 3339"),
        ):
            reply = anonymous.get("/api/v1/book/intro/slots", params=params)
            assert words in problem(reply, 422)["detail"], params


def test_slots_across_a_dst_change(server: ApiServer) -> None:
    """Around the next change of Berlin's clocks, the first slot of each weekday is 09:00
    Berlin time on both sides of it (so an hour apart in UTC)."""
    change = next_dst_change(dt.datetime.now(dt.UTC))
    with owner(server) as alice, visitor(server) as anonymous:
        make_link(alice, "dst", min_notice_minutes=0, horizon_days=365, duration_minutes=60)
        days = {}
        for zone in ("Europe/Berlin", "UTC"):
            reply = anonymous.get(
                "/api/v1/book/dst/slots",
                params={"start": (change - dt.timedelta(days=3)).isoformat(),
                        "end": (change + dt.timedelta(days=3)).isoformat(), "tz": zone},
            )  # fmt: skip
            assert reply.status_code == 200, reply.text
            firsts: dict[dt.date, str] = {}
            for slot in reply.json()["slots"]:
                moment = dt.datetime.fromisoformat(slot["start"])
                firsts.setdefault(moment.astimezone(BERLIN).date(), slot["start"])
            days[zone] = firsts
        berlin, utc = days["Europe/Berlin"], days["UTC"]
        before = max(d for d in berlin if d < change)
        after = min(d for d in berlin if d > change)
        assert berlin[before][11:] == "09:00:00" + ("+01:00" if change.month == 3 else "+02:00")
        assert berlin[after][11:] == "09:00:00" + ("+02:00" if change.month == 3 else "+01:00")
        assert utc[before][11:] == ("08:00:00+00:00" if change.month == 3 else "07:00:00+00:00")
        assert utc[after][11:] == ("07:00:00+00:00" if change.month == 3 else "08:00:00+00:00")
        assert change not in berlin  # a Sunday


def test_booking_then_the_same_slot_is_a_conflict(server: ApiServer) -> None:
    tuesday = next_weekday(1)
    with owner(server) as alice, visitor(server) as vera, visitor(server) as other:
        make_link(alice, "intro", questions=[{"label": "Topic?", "required": True}])
        start = at(tuesday, 10)
        # A zone name longer than any is refused, before the zone database is asked.
        odd = book(vera, "intro", start, tz="x" * 500, answers={"q1": "Roadmap"})
        assert "IANA" in problem(odd, 422)["detail"]
        booked = book(vera, "intro", start, tz="Asia/Tokyo", answers={"q1": "Roadmap"})
        assert booked.status_code == 201, booked.text
        booking = booked.json()
        assert set(booking) == {
            "id", "slug", "title", "start", "end", "status", "name", "email", "tz", "manage_url",
            "ics_url", "invitation_by_email",
        }  # fmt: skip
        assert booking["start"].endswith("+09:00") and booking["tz"] == "Asia/Tokyo"
        assert dt.datetime.fromisoformat(booking["start"]) == dt.datetime.fromisoformat(start)
        assert booking["status"] == "active" and booking["slug"] == "intro"
        token = booking["manage_url"].removeprefix("/book/intro/manage/")
        assert booking["manage_url"].startswith("/book/intro/manage/") and len(token) >= 24

        gone = problem(book(other, "intro", start, tz="Europe/Berlin", answers={"q1": "x"}), 409)
        assert gone["type"] == "urn:televent:problem:slot-taken"
        fresh = [dt.datetime.fromisoformat(s["start"]) for s in gone["slots"]]
        assert fresh and dt.datetime.fromisoformat(start) not in fresh
        assert dt.datetime.fromisoformat(at(tuesday, 11)) in fresh
        assert all(s["start"].endswith(("+01:00", "+02:00")) for s in gone["slots"])
        local_days = {s.astimezone(BERLIN).date() for s in fresh}
        assert local_days <= {tuesday + dt.timedelta(days=d) for d in (-1, 0, 1)}
        assert "Please answer" in problem(book(other, "intro", at(tuesday, 11)), 422)["detail"]

        # The owner sees one booking and its event in the calendar.
        window = {"start": tuesday.isoformat(), "end": (tuesday + dt.timedelta(days=1)).isoformat()}
        items = alice.get("/api/v1/bookings", params=window).json()["items"]
        assert [(b["id"], b["name"], b["status"]) for b in items] == [
            (booking["id"], "Vera Visitor", "active")
        ]
        events = alice.get("/api/v1/events", params=window).json()["items"]
        assert [e["id"] for e in events] == [items[0]["event_id"]]
        assert dt.datetime.fromisoformat(events[0]["start"]) == dt.datetime.fromisoformat(start)

        # The manage link: read, move, cancel.
        manage = f"/api/v1/book/intro/manage/{token}"
        page = vera.get(manage).json()
        assert page["id"] == booking["id"] and page["owner_name"] == "Alice"
        assert page["answers"] == {"q1": "Roadmap"} and page["can_change"] is True
        assert "alice@example.com" not in vera.get(manage).text
        problem(vera.get("/api/v1/book/intro/manage/not-a-token"), 404)
        problem(vera.get(f"/api/v1/book/other/manage/{token}"), 404)

        moved = vera.post(f"{manage}/reschedule", json={"start": at(tuesday, 14)})
        assert moved.status_code == 200, moved.text
        assert dt.datetime.fromisoformat(moved.json()["start"]) == dt.datetime.fromisoformat(
            at(tuesday, 14)
        )
        assert moved.json()["start"].endswith("+09:00")  # the booking's own zone
        events = alice.get("/api/v1/events", params=window).json()["items"]
        assert [dt.datetime.fromisoformat(e["start"]) for e in events] == [
            dt.datetime.fromisoformat(at(tuesday, 14))
        ]
        # The old slot is free again; a taken one is a 409 with fresh slots.
        again = book(other, "intro", start, answers={"q1": "Budget"})
        assert again.status_code == 201, again.text
        refused = problem(vera.post(f"{manage}/reschedule", json={"start": start}), 409)
        assert refused["slots"] and refused["timezone"] == "Asia/Tokyo"
        assert at(tuesday, 14) not in [s["start"] for s in refused["slots"]]  # offsets differ
        assert any(
            dt.datetime.fromisoformat(s["start"]) == dt.datetime.fromisoformat(at(tuesday, 14))
            for s in refused["slots"]
        )  # its own slot is offered back

        cancelled = vera.post(f"{manage}/cancel", json={"reason": "Sorry"})
        assert cancelled.status_code == 200, cancelled.text
        assert cancelled.json()["status"] == "cancelled" and cancelled.json()["can_change"] is False
        assert "already cancelled" in problem(vera.post(f"{manage}/cancel"), 409)["detail"]
        problem(vera.post(f"{manage}/reschedule", json={"start": at(tuesday, 15)}), 409)
        statuses = sorted(b["status"] for b in alice.get("/api/v1/bookings").json()["items"])
        assert statuses == ["active", "cancelled"]
        events = alice.get("/api/v1/events", params=window).json()["items"]
        assert len(events) == 1  # the cancelled booking's event is gone


def test_paused_link_shows_no_slots_and_takes_no_bookings(server: ApiServer) -> None:
    wednesday = next_weekday(2)
    with owner(server) as alice, visitor(server) as vera:
        make_link(alice, "paused")
        assert alice.patch(f"{LINKS}/paused", json={"active": False}).json()["active"] is False
        assert vera.get("/api/v1/book/paused").json()["active"] is False
        slots = vera.get("/api/v1/book/paused/slots").json()
        assert slots == {"timezone": "UTC", "slots": [], "active": False}
        assert "paused" in problem(book(vera, "paused", at(wednesday, 10)), 422)["detail"]
        assert alice.patch(f"{LINKS}/paused", json={"active": True}).json()["active"] is True
        assert book(vera, "paused", at(wednesday, 10)).status_code == 201


GARBAGE: list[Any] = [
    {},
    {"start": 12, "name": "A", "email": "a@example.org"},
    {"start": "tomorrow", "name": "A", "email": "a@example.org"},
    {"start": "2026-12-01", "name": "A", "email": "a@example.org"},
    {"start": "2026-12-01T10:00:00Z", "name": ["A"], "email": "a@example.org"},
    {"start": "2026-12-01T10:00:00Z", "name": "A", "email": "not-an-email"},
    {"start": "2026-12-01T10:00:00Z", "name": "A", "email": "a@example.org", "tz": "Nowhere"},
    {"start": "2026-12-01T10:00:00Z", "name": "A", "email": "a@example.org", "tz": 5},
    {"start": "2026-12-01T10:00:00Z", "name": "A" * 100_000, "email": "a@example.org"},
    {"start": "2026-12-01T10:00:00Z", "name": "A", "email": "a@example.org", "admin": True},
    {
        "start": "2026-12-01T10:00:00Z",
        "name": "A",
        "email": "a@example.org",
        "duration_minutes": "long",
    },
    {
        "start": "2026-12-01T10:00:00Z",
        "name": "A",
        "email": "a@example.org",
        "duration_minutes": 45,
    },
    {"start": "2026-12-01T10:00:00Z", "name": "A", "email": "a@example.org", "answers": [1]},
    {
        "start": "2026-12-01T10:00:00Z",
        "name": "A",
        "email": "a@example.org",
        "answers": {"q1": {"nested": 1}},
    },
    {"start": "9999-99-99T99:99:99Z", "name": "A", "email": "a@example.org"},
    {"start": "0001-01-01T00:00:00Z", "name": "A", "email": "a@example.org"},
    {"start": "2026-12-01T10:00:00+99:00", "name": "A", "email": "a@example.org"},
    {"start": "2026-12-01T10:00:00Z", "name": "A\u0000B", "email": "a@example.org"},
    {
        "start": "2026-12-01T10:00:00Z",
        "name": "A",
        "email": "a@example.org",
        "answers": {"q1\u0000": "x\u0000"},
    },
    {"start": "2026-12-01T10:00:00\u0000Z", "name": "A", "email": "a@example.org"},
    {
        "start": "2026-12-01T10:00:00Z",
        "name": "A",
        "email": "a@example.org",
        "reason": [[[[[[[[[[1]]]]]]]]]],
    },
    [1, 2, 3],
    "just text",
    None,
    12,
]


def test_garbage_is_refused_without_a_server_error(server: ApiServer) -> None:
    with owner(server) as alice, visitor(server) as anonymous:
        make_link(alice, "intro")
        manage = "/api/v1/book/intro/manage/nope"
        for body in GARBAGE:
            for path in ("/api/v1/book/intro", f"{manage}/reschedule", f"{manage}/cancel"):
                reply = anonymous.post(path, json=body)
                assert reply.status_code in (400, 404, 409, 422), (path, body, reply.text)
                assert reply.headers["content-type"].startswith("application/problem+json")
        for path in ("/api/v1/book/intro", "/api/v1/book/nobody"):
            reply = anonymous.post(
                path, content=b"{not json", headers={"content-type": "application/json"}
            )
            assert reply.status_code == 400, reply.text
            reply = anonymous.post(
                path,
                content=b"start=now",
                headers={"content-type": "application/x-www-form-urlencoded"},
            )
            assert reply.status_code == 415, reply.text
        good = {"start": "2026-12-01T10:00:00Z", "name": "A", "email": "a@example.org"}
        for body, words in (
            (good | {"admin": True}, "Unknown field 'admin'"),
            (good | {"start": "tomorrow"}, "start"),
            (good | {"start": "2026-12-01"}, "not a date"),
            (good | {"email": "not-an-email"}, "email"),
            (good | {"name": "A\u0000B"}, "control characters"),
            (good | {"tz": "Nowhere"}, "IANA"),
            (good | {"duration_minutes": 45}, "not 45"),
            (good | {"answers": [1]}, "answers"),
        ):
            reply = anonymous.post("/api/v1/book/intro", json=body)
            assert words in problem(reply, 422)["detail"], body
        for path in (
            "/api/v1/book/" + "x" * 5000,
            "/api/v1/book/%00",
            "/api/v1/book/intro/manage/" + "t" * 5000,
        ):
            assert anonymous.get(path).status_code in (400, 404), path
        # The owner's side takes no NUL either (PostgreSQL could not store it).
        for path, body in (
            (LINKS, {"slug": "nul", "title": "A\u0000B"}),
            (LINKS, {"slug": "nul", "title": "T", "description": "\u0000"}),
            ("/api/v1/availability", {"timezone": "UTC\u0000"}),
        ):
            assert "control characters" in problem(alice.post(path, json=body), 422)["detail"]
        problem(alice.patch(f"{LINKS}/intro", json={"location": "\u0000"}), 422)
        problem(alice.get(f"{LINKS}/%00"), 404)
        problem(alice.patch(f"{LINKS}/%00", json={"title": "x"}), 404)
        problem(alice.get("/api/v1/bookings", params={"slug": "\u0000"}), 422)
        problem(alice.get("/api/v1/bookings", params={"start": "\u0000"}), 422)
        problem(anonymous.get("/api/v1/book/intro/slots", params={"tz": "\u0000"}), 422)
        assert alice.get("/api/v1/bookings").json() == {"items": []}
        assert alice.get(f"{LINKS}/intro").json()["location"] is None


def test_public_booking_writes_are_limited_per_address(backend: Backend, tmp_path: Path) -> None:
    """Booking writes spend a bucket of 10 per address, besides the general one; reading
    the page is not held back by it."""
    with (
        running_api_server(backend.migrated_url(), tmp_path, bot=False) as limited,
        owner(limited) as alice,
        visitor(limited) as anonymous,
    ):
        make_link(alice, "intro")
        answers = [anonymous.post("/api/v1/book/intro", json={}) for _ in range(11)]
        assert [r.status_code for r in answers[:10]] == [422] * 10
        refused = problem(answers[10], 429)
        assert "Too many requests" in refused["detail"]
        assert int(answers[10].headers["Retry-After"]) >= 1
        assert '"booking"' in answers[0].headers["RateLimit-Policy"]
        # Said in the language the request asks for (it was English whatever was asked)
        german = anonymous.post(
            "/api/v1/book/intro", json={}, headers={"Accept-Language": "de-DE,de;q=0.9"}
        )
        said = problem(german, 429)
        assert "Zu viele Anfragen" in said["detail"] and german.headers["Content-Language"] == "de"
        # Signed in does not help: the bucket is the address's.
        problem(alice.post("/api/v1/book/intro/manage/x/cancel", json={}), 429)
        assert anonymous.get("/api/v1/book/intro").status_code == 200
        assert alice.get(LINKS).status_code == 200


def test_openapi_documents_booking(server: ApiServer) -> None:
    with visitor(server) as anonymous:
        document = anonymous.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    for path in (
        "/api/v1/availability",
        "/api/v1/booking-links",
        "/api/v1/booking-links/{slug}",
        "/api/v1/bookings",
    ):
        assert paths[path]["get"]["security"], path  # signed in
    for path in (
        "/api/v1/book/{slug}",
        "/api/v1/book/{slug}/slots",
        "/api/v1/book/{slug}/manage/{token}",
        "/api/v1/book/{slug}/manage/{token}/cancel",
        "/api/v1/book/{slug}/manage/{token}/reschedule",
        "/api/v1/book/{slug}/manage/{token}/booking.ics",
    ):
        operations = paths[path]
        assert all(not op.get("security") for op in operations.values()), path  # public
    assert "409" in paths["/api/v1/book/{slug}"]["post"]["responses"]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
BODIES = (
    st.fixed_dictionaries(
        {},
        optional={
            name: JSON_VALUES | st.text()
            for name in ("start", "name", "email", "tz", "duration_minutes", "answers", "reason")
        },
    )
    | JSON_VALUES
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=BODIES)
def test_any_json_body_is_answered_without_a_server_error(server: ApiServer, body: Any) -> None:
    """Whatever JSON a visitor sends, the answer is a problem of theirs, never a 500."""
    with owner(server) as alice:
        alice.post(LINKS, json={"slug": "intro", "title": "Intro"})  # 409 after the first
    with visitor(server) as anonymous:
        for path in (
            "/api/v1/book/intro",
            "/api/v1/book/intro/manage/token/cancel",
            "/api/v1/book/intro/manage/token/reschedule",
        ):
            reply = anonymous.post(path, json=body)
            assert reply.status_code in (400, 404, 409, 422), (path, body, reply.text)
