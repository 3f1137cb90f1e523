"""/api/v1/events over HTTP against `televent serve` (SQLite and PostgreSQL): creating, reading,
editing and deleting events, the listing (recurrence expanded, search, cursor pagination),
preconditions, bad input and other users' events. Alice signs in as the Mini App does (tma
init data), Bob with a device password (HTTP Basic)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import ACTOR, SERVER_SETTINGS, SOURCE, running_serve, seed_accounts
from tests.tma import BOT_TOKEN, tma_client

ALICE, BOB = 1, 2
MARCH = {"start": "2026-03-01T00:00:00+01:00", "end": "2026-03-29T00:00:00+01:00"}


@dataclass
class ApiServer:
    url: str
    database_url: str
    bot: FakeBotApi
    passwords: dict[int, str]

    def alice(self) -> httpx.Client:
        """Alice, as the Mini App signs her in."""
        return tma_client(f"{self.url}/api/v1", ALICE, "Alice")

    def bob(self) -> httpx.Client:
        """Bob, as a script with his device password."""
        return httpx.Client(
            base_url=f"{self.url}/api/v1", auth=(str(BOB), self.passwords[BOB]), timeout=30
        )


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    """`televent serve` with the bot on (the Bot API stand-in), Alice and Bob (@bob) seeded."""
    database_url = backend.migrated_url()
    passwords = seed_accounts(database_url)
    app = build_application(Settings(database_url=database_url))
    app.change_account_settings(BOB, {"username": "bob"}, actor=ACTOR, source=SOURCE)
    app.close()
    with FakeBotApi() as bot:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot.base_url,
        }
        with running_serve(database_url, tmp_path, settings) as (url, _):
            yield ApiServer(url, database_url, bot, passwords)


def create(client: httpx.Client, **fields: object) -> dict[str, object]:
    response = client.post("/events", json=fields)
    assert response.status_code == 201, response.text
    event: dict[str, object] = response.json()
    return event


def listing(client: httpx.Client, **params: object) -> list[dict[str, object]]:
    response = client.get("/events", params={**MARCH, "limit": 500, **params})
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    items: list[dict[str, object]] = response.json()["items"]
    return items


def test_an_event_is_created_read_edited_and_deleted(server: ApiServer) -> None:
    alice = server.alice()
    made = alice.post(
        "/events",
        json={
            "title": "Dentist",
            "start": "2026-03-10T09:30:00",
            "end": "2026-03-10T10:15:00",
            "timezone": "Europe/Berlin",
            "location": "Main St 4",
        },
    )
    assert made.status_code == 201, made.text
    event = made.json()
    assert made.headers["ETag"] == event["etag"]
    assert made.headers["Location"] == f"/api/v1/events/{event['id']}"
    assert event["start"] == "2026-03-10T09:30:00+01:00"
    assert event["end"] == "2026-03-10T10:15:00+01:00"
    assert (event["timezone"], event["all_day"], event["recurrence"]) == (
        "Europe/Berlin",
        False,
        None,
    )
    assert event["organizer"]["name"] == "Alice"

    read = alice.get(f"/events/{event['id']}")
    assert read.status_code == 200 and read.json() == event

    moved = alice.patch(
        f"/events/{event['id']}",
        json={"start": "2026-03-11T08:00:00Z"},
        headers={"If-Match": event["etag"]},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["start"] == "2026-03-11T09:00:00+01:00"  # stored in Berlin time
    assert moved.json()["end"] == "2026-03-11T09:45:00+01:00"  # the length is kept
    assert moved.json()["location"] == "Main St 4"
    assert moved.headers["ETag"] != event["etag"]

    stale = alice.patch(
        f"/events/{event['id']}", json={"title": "Lost"}, headers={"If-Match": event["etag"]}
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"].startswith("application/problem+json")
    assert alice.get(f"/events/{event['id']}").json()["title"] == "Dentist"
    assert (
        alice.delete(f"/events/{event['id']}", headers={"If-Match": event["etag"]}).status_code
        == 412
    )

    gone = alice.delete(f"/events/{event['id']}", headers={"If-Match": moved.headers["ETag"]})
    assert gone.status_code == 204
    assert alice.get(f"/events/{event['id']}").status_code == 404
    assert listing(alice) == []


def test_a_backslash_before_an_n_comes_back_as_written_after_an_edit(server: ApiServer) -> None:
    # icalendar's writing turned "\\N" into a line break: "C:" and "ew folder"
    alice = server.alice()
    title, notes = "Back up C:\\New folder", "Copy \\\\nas\\Nightly\nthen check"
    event = create(
        alice, title=title, description=notes, start="2026-03-10T09:00:00Z", location="D:\\N"
    )
    assert (event["title"], event["description"], event["location"]) == (title, notes, "D:\\N")
    moved = alice.patch(f"/events/{event['id']}", json={"start": "2026-03-11T09:00:00Z"})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["title"], moved.json()["description"]) == (title, notes)
    assert [e["title"] for e in listing(alice)] == [title]


def test_all_day_events_and_a_patch_without_if_match(server: ApiServer) -> None:
    alice = server.alice()
    trip = create(alice, title="Trip", start="2026-03-12", end="2026-03-15")
    assert (trip["all_day"], trip["start"], trip["end"]) == (True, "2026-03-12", "2026-03-15")
    longer = alice.patch(f"/events/{trip['id']}", json={"end": "2026-03-16", "title": "Long trip"})
    assert longer.status_code == 200
    assert (longer.json()["title"], longer.json()["end"]) == ("Long trip", "2026-03-16")
    unchanged = alice.patch(f"/events/{trip['id']}", json={"id": trip["id"], "etag": "ignored"})
    assert unchanged.status_code == 200 and unchanged.headers["ETag"] == longer.headers["ETag"]
    assert [e["title"] for e in listing(alice, start="2026-03-15", end="2026-03-16")] == [
        "Long trip"
    ]


def test_the_listing_expands_series_in_start_order_and_searches(server: ApiServer) -> None:
    alice = server.alice()
    create(
        alice,
        title="Yoga",
        start="2026-03-02T18:00:00",
        end="2026-03-02T19:00:00",
        recurrence="FREQ=WEEKLY;BYDAY=MO",
        location="Studio ROOM 4",
    )
    create(alice, title="Taxes", start="2026-03-04T10:00:00+01:00", description="the boring one")
    create(alice, title="Later", start="2026-05-04T10:00:00+01:00")
    # written with a combining accent, as macOS writes it
    create(alice, title="Cafe\u0301 Zentral", start="2026-03-05T10:00:00+01:00")

    items = listing(alice)
    assert [(e["title"], e["start"]) for e in items] == [
        ("Yoga", "2026-03-02T18:00:00+01:00"),
        ("Taxes", "2026-03-04T10:00:00+01:00"),
        ("Cafe\u0301 Zentral", "2026-03-05T10:00:00+01:00"),
        ("Yoga", "2026-03-09T18:00:00+01:00"),
        ("Yoga", "2026-03-16T18:00:00+01:00"),
        ("Yoga", "2026-03-23T18:00:00+01:00"),
    ]
    yoga = [e for e in items if e["title"] == "Yoga"]
    assert [e["recurrence_id"] for e in yoga] == [e["start"] for e in yoga]
    assert {e["recurrence"] for e in yoga} == {"FREQ=WEEKLY;BYDAY=MO"}
    assert len({e["id"] for e in yoga}) == 1
    taxes = next(e for e in items if e["title"] == "Taxes")
    assert (taxes["recurrence"], taxes["recurrence_id"]) == (None, None)  # no occurrence

    assert [e["title"] for e in listing(alice, q="room 4")] == ["Yoga"] * 4
    assert [e["title"] for e in listing(alice, q="BORING")] == ["Taxes"]
    # every word, in any field and any order, as the bot's search answers
    assert [e["title"] for e in listing(alice, q="yoga  studio")] == ["Yoga"] * 4
    assert [e["title"] for e in listing(alice, q="4 yoga")] == ["Yoga"] * 4
    assert listing(alice, q="yoga taxes") == []
    assert listing(alice, q="nothing like this") == []
    assert [e["title"] for e in listing(alice, q="CAF\u00c9")] == ["Cafe\u0301 Zentral"]
    utc = listing(alice, start="2026-03-09T17:00:00Z", end="2026-03-09T17:30:00Z")
    assert [e["start"] for e in utc] == ["2026-03-09T18:00:00+01:00"]


def test_the_cursor_walks_every_occurrence_exactly_once(server: ApiServer) -> None:
    alice = server.alice()
    create(alice, title="Daily", start="2026-03-01T08:00:00", recurrence="FREQ=DAILY;COUNT=12")
    for day in (3, 3, 7, 20):
        create(alice, title=f"One-off {day}", start=f"2026-03-{day:02d}T08:00:00")
    everything = [(e["id"], e["recurrence_id"]) for e in listing(alice)]
    assert len(everything) == 16 and len(set(everything)) == 16

    walked, cursor, pages = [], None, 0
    while True:
        params = {**MARCH, "limit": 5, **({"cursor": cursor} if cursor else {})}
        page = alice.get("/events", params=params)
        assert page.status_code == 200, page.text
        assert len(page.json()["items"]) <= 5
        walked += [(e["id"], e["recurrence_id"]) for e in page.json()["items"]]
        pages += 1
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert walked == everything
    assert pages == 4

    first = alice.get("/events", params={**MARCH, "limit": 5}).json()["next_cursor"]
    other = alice.get("/events", params={**MARCH, "q": "daily", "cursor": first})
    assert other.status_code == 422 and "cursor" in other.json()["detail"]
    assert alice.get("/events", params={**MARCH, "cursor": "%%%"}).status_code == 422


def test_a_listing_says_when_a_series_has_more_occurrences_than_it_expands(
    server: ApiServer,
) -> None:
    alice = server.alice()
    create(alice, title="Hourly", start="2026-03-01T00:00:00", recurrence="FREQ=HOURLY")
    create(alice, title="Lunch", start="2026-06-01T12:00:00")
    march = alice.get("/events", params={**MARCH, "limit": 500}).json()
    assert march["incomplete"] == 0  # 672 hours: all of them, page after page
    assert march["left_out"] == []
    year = {"start": "2026-03-01T00:00:00+01:00", "end": "2027-03-01T00:00:00+01:00"}
    walked: list[dict[str, object]] = []
    cursor = None
    for _ in range(10):
        page = alice.get(
            "/events", params={**year, "limit": 500, **({"cursor": cursor} if cursor else {})}
        )
        assert page.status_code == 200, page.text
        assert page.json()["incomplete"] == 1  # said on every page, not only the last
        walked += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    hourly = [e for e in walked if e["title"] == "Hourly"]
    assert len(hourly) == 1_000  # the earliest thousand, each once
    assert page.json()["left_out"] == [  # the same, by calendar
        {"calendar": hourly[0]["calendar"], "unreadable": 0, "incomplete": 1}
    ]
    assert hourly[0]["start"] == "2026-03-01T00:00:00+01:00"
    assert len({e["recurrence_id"] for e in hourly}) == 1_000
    assert [e["title"] for e in walked if e["title"] != "Hourly"] == ["Lunch"]  # others all

    # A series of more occurrences in a day than a listing expands, read for the day before
    # it starts and its first (beyond the index's horizon, expanded on read): said too.
    every_minute = ",".join(str(minute) for minute in range(60))
    create(alice, title="Every minute", start="2031-07-01T00:00:00",
           recurrence=f"FREQ=HOURLY;BYMINUTE={every_minute}")  # fmt: skip
    day = {"start": "2031-06-30T00:00:00+02:00", "end": "2031-07-02T00:00:00+02:00"}
    first = alice.get("/events", params={**day, "limit": 500}).json()
    assert first["incomplete"] == 1


ODD_ZONE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Exporter//EN\r\nBEGIN:VTIMEZONE\r\n"
    "TZID:Office Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nDTSTAMP:garbage\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:odd-zone@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART;TZID=Office Time:20260310T090000\r\nDTEND;TZID=Office Time:20260310T100000\r\n"
    "SUMMARY:Planning\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_an_event_whose_zone_has_a_property_the_library_cannot_read_is_edited(
    server: ApiServer,
) -> None:
    """A calendar app stored a VTIMEZONE with `DTSTAMP:garbage` in its observance; CalDAV took
    it (its zones read as RFC 5545 defines them), and editing it in the API answered 500."""
    bob = server.bob()
    dav = httpx.Client(auth=bob.auth, timeout=30)
    path = f"{server.url}/dav/calendars/{BOB}/default/odd.ics"
    stored = dav.put(path, content=ODD_ZONE, headers={"content-type": "text/calendar"})
    assert stored.status_code == 201, stored.text
    (listed,) = bob.get("/events", params=MARCH).json()["items"]
    assert listed["start"] == "2026-03-10T09:00:00+01:00"
    changed = bob.patch(f"/events/{listed['id']}", json={"title": "Planning, moved"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["start"] == "2026-03-10T09:00:00+01:00"
    assert "SUMMARY:Planning, moved" in dav.get(path).text.replace("\\,", ",")


def test_a_bad_window_is_a_problem_naming_the_field(server: ApiServer) -> None:
    alice = server.alice()
    for params, field in [
        ({"end": "2026-03-08T00:00:00Z"}, "start"),
        ({"start": "2026-03-01T00:00:00Z"}, "end"),
        ({"start": "yesterday", "end": "2026-03-08T00:00:00Z"}, "start"),
        ({"start": "2026-03-08T00:00:00Z", "end": "2026-03-01T00:00:00Z"}, "end"),
        ({"start": "2026-01-01T00:00:00Z", "end": "2027-06-01T00:00:00Z"}, "end"),
        ({**MARCH, "calendar": "not-mine"}, "calendar"),
    ]:
        answer = alice.get("/events", params=params)
        assert answer.status_code == 422, (params, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["detail"].startswith(f"{field}:")
    for limit in ("0", "501", "many"):
        assert alice.get("/events", params={**MARCH, "limit": limit}).status_code == 400


def test_bad_event_bodies_are_refused_by_field_never_500(server: ApiServer) -> None:
    alice = server.alice()
    for body, field in [
        ({"start": "2026-03-02T10:00:00Z"}, "title"),
        ({"title": "x"}, "start"),
        ({"title": "x", "start": "2026-03-02T25:00:00"}, "start"),
        ({"title": "x", "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T09:00:00Z"}, "end"),
        ({"title": "x", "start": "2026-03-02T10:00", "timezone": "Nowhere/Town"}, "timezone"),
        ({"title": "x", "start": "2026-03-02", "recurrence": "FREQ=FORTNIGHTLY"}, "recurrence"),
        ({"title": "x", "start": "2026-03-02", "attendees": ["@nobody_here"]}, "attendees"),
        ({"title": "x", "start": "2026-03-02", "calendar": "elsewhere"}, "calendar"),
        ({"title": ["x"], "start": "2026-03-02"}, "title"),
        ({"title": "x", "start": "2026-03-02", "colour": "red"}, "colour"),
        # NUL could not be stored on PostgreSQL (a 400 naming a read model, the server then
        # unready) and a vertical tab made the calendar's CalDAV answers unreadable XML
        ({"title": "a\u0000b", "start": "2026-03-02"}, "title"),
        ({"title": "x", "start": "2026-03-02", "location": "Room\u000b4"}, "location"),
        ({"title": "x", "start": "2026-03-02", "attendees": ["x\u0000y@example.org"]}, "attendees"),
    ]:
        answer = alice.post("/events", json=body)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["detail"].startswith(f"{field}:"), answer.json()
    assert alice.post("/events", json=["a list"]).status_code == 400
    assert (
        alice.post(
            "/events", content=b"{not json", headers={"Content-Type": "application/json"}
        ).status_code
        == 400
    )
    assert listing(alice) == []
    assert alice.get("/events/not-a-uuid").status_code == 404
    assert alice.get("/events/00000000-0000-0000-0000-000000000000").status_code == 404


def test_control_characters_are_refused_in_every_text_a_person_names(server: ApiServer) -> None:
    alice = server.alice()
    event = create(alice, title="Plans", start="2026-03-02T10:00:00Z")
    edit = alice.patch(f"/events/{event['id']}", json={"description": "one\u000btwo"})
    assert edit.status_code == 422 and edit.json()["detail"].startswith("description:")
    renamed = alice.patch(f"/calendars/{event['calendar']}", json={"name": "Team\u000bplans"})
    assert renamed.status_code == 422, renamed.text
    me = alice.patch("/me", json={"name": "Al\u0000ice"})
    assert me.status_code == 422, me.text
    # a tab and line breaks are a person's own
    kept = alice.patch(f"/events/{event['id']}", json={"description": "one\ttwo\nthree"})
    assert kept.status_code == 200 and kept.json()["description"] == "one\ttwo\nthree"
    assert alice.get(f"/events/{event['id']}").json()["description"] == "one\ttwo\nthree"
    health = httpx.get(f"{server.url}/ready", timeout=30)
    assert health.status_code == 200, health.text


def test_another_users_event_is_not_found(server: ApiServer) -> None:
    alice, bob = server.alice(), server.bob()
    secret = create(alice, title="Surprise party", start="2026-03-20T19:00:00")
    path = f"/events/{secret['id']}"
    assert bob.get(path).status_code == 404
    assert bob.patch(path, json={"title": "Spoiled"}).status_code == 404
    assert bob.delete(path).status_code == 404
    assert bob.post(f"{path}/rsvp", json={"status": "accepted"}).status_code == 404
    assert bob.get(f"{path}/attendees").status_code == 404
    assert bob.post(f"{path}/attendees", json={"invitee": "@bob"}).status_code == 404
    assert listing(bob) == []
    assert alice.get(path).json()["title"] == "Surprise party"
    assert (
        server.alice()
        .get("/events", params=MARCH, headers={"Authorization": "tma forged"})
        .status_code
        == 401
    )
