"""An event's own reminders and its booking in the JSON API, over HTTP against `televent serve`
(SQLite and PostgreSQL): `reminders` written as VALARMs a CalDAV client reads, replaced on PATCH
with the alarms named again kept as they were, "none" and "your lead time" told apart, bad ones
refused; and an event a booking link made carries who booked and their answers, for the
calendar's members only."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import icalendar
import pytest

from tests.conftest import Backend
from tests.e2e.test_api_booking import (
    NO_LIMITS,
    at,
    book,
    make_link,
    next_weekday,
    owner,
    visitor,
)
from tests.tma import ApiServer, running_api_server

ALICE, BOB = 1, 2
START = "2026-03-02T10:00:00+01:00"


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path, NO_LIMITS, bot=False) as running:
        yield running


def created(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    reply = client.post("/api/v1/events", json={"title": "Dentist", "start": START, **fields})
    assert reply.status_code == 201, reply.text
    event: dict[str, Any] = reply.json()
    return event


def alarms_over_caldav(server: ApiServer, event: dict[str, Any]) -> list[Any]:
    """The VALARMs of the event as a CalDAV client downloads it."""
    auth = server.basic(ALICE)
    collection = f"{server.url}/dav/calendars/{ALICE}/default/"
    with httpx.Client(auth=auth, timeout=60) as client:
        listing = client.request("PROPFIND", collection, headers={"Depth": "1"})
        assert listing.status_code == 207, listing.text
        for href in re.findall(r"<[^>]*href>([^<]+\.ics)</[^>]*href>", listing.text):
            text = client.get(f"{server.url}{href}").text
            if f"UID:{event['uid']}" in text.replace("\r\n ", ""):
                vevent = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
                return list(vevent.walk("VALARM"))
    raise AssertionError("the event is not in the collection")


def test_reminders_are_valarms_a_caldav_client_reads(server: ApiServer) -> None:
    with owner(server) as alice:
        plain = created(alice)
        assert plain["reminders"] is None, "none of its own: the lead time applies"
        event = created(alice, reminders=[10, 1440])
        assert event["reminders"] == [10, 1440]
        alarms = alarms_over_caldav(server, event)
        assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY", "DISPLAY"]
        assert [str(a["DESCRIPTION"]) for a in alarms] == ["Dentist", "Dentist"]
        assert [a["TRIGGER"].dt for a in alarms] == [
            dt.timedelta(minutes=-10),
            dt.timedelta(days=-1),
        ]
        # The listing shows them too, for each occurrence.
        listed = alice.get(
            "/api/v1/events",
            params={"start": "2026-03-02T00:00:00+01:00", "end": "2026-03-03T00:00:00+01:00"},
        ).json()["items"]
        assert {e["id"]: e["reminders"] for e in listed}[event["id"]] == [10, 1440]

        changed = alice.patch(f"/api/v1/events/{event['id']}", json={"reminders": [10, 60]})
        assert changed.status_code == 200, changed.text
        assert changed.json()["reminders"] == [10, 60]
        triggers = [a["TRIGGER"].dt for a in alarms_over_caldav(server, event)]
        assert triggers == [dt.timedelta(minutes=-10), dt.timedelta(hours=-1)]

        silent = alice.patch(f"/api/v1/events/{event['id']}", json={"reminders": []})
        assert silent.json()["reminders"] == []
        [none] = alarms_over_caldav(server, event)
        assert str(none["ACTION"]) == "NONE", "no reminder on purpose: the alarm that never fires"
        cleared = alice.patch(f"/api/v1/events/{event['id']}", json={"reminders": None})
        assert cleared.json()["reminders"] is None
        assert alarms_over_caldav(server, event) == []


def test_alarms_of_another_client_are_listed_and_kept(server: ApiServer) -> None:
    uid = "apple-alarms@example.org"
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260201T000000Z\r\nDTSTART:20260302T090000Z\r\n"
        "DTEND:20260302T100000Z\r\nSUMMARY:Flight\r\n"
        "BEGIN:VALARM\r\nUID:alarm-1\r\nACTION:AUDIO\r\nTRIGGER;RELATED=END:-PT15M\r\n"
        "ATTACH;VALUE=URI:Chord\r\nEND:VALARM\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Leave now\r\n"
        "TRIGGER;VALUE=DATE-TIME:20260302T063000Z\r\nEND:VALARM\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:-PT2H\r\nEND:VALARM\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with httpx.Client(auth=server.basic(ALICE), timeout=60) as dav:
        put = dav.put(
            f"{server.url}/dav/calendars/{ALICE}/default/flight.ics",
            content=text.encode(),
            headers={"Content-Type": "text/calendar"},
        )
        assert put.status_code in (201, 204), put.text
    with owner(server) as alice:
        [event] = [
            e
            for e in alice.get(
                "/api/v1/events",
                params={"start": "2026-03-02T00:00:00Z", "end": "2026-03-03T00:00:00Z"},
            ).json()["items"]
            if e["uid"] == uid
        ]
        listed = ["RELATED=END:-PT15M", "VALUE=DATE-TIME:20260302T063000Z", 120]
        assert event["reminders"] == listed
        # Sent back without the two hours, with ten minutes added: the others stay as they were.
        reply = alice.patch(
            f"/api/v1/events/{event['id']}",
            json={"reminders": ["RELATED=END:-PT15M", "VALUE=DATE-TIME:20260302T063000Z", 10]},
        )
        assert reply.status_code == 200, reply.text
        alarms = alarms_over_caldav(server, event)
        assert [str(a.get("UID", "")) for a in alarms][:1] == ["alarm-1"]
        assert [str(a["ACTION"]) for a in alarms] == ["AUDIO", "DISPLAY", "DISPLAY"]
        assert str(alarms[1]["DESCRIPTION"]) == "Leave now", "kept intact"
        assert [a["TRIGGER"].dt for a in alarms][2] == dt.timedelta(minutes=-10)


@pytest.mark.parametrize(
    "reminders", [15, ["soon"], [True], list(range(11)), [99999], ["RELATED=END:fifteen"]]
)
def test_bad_reminders_are_a_422_naming_the_field(server: ApiServer, reminders: Any) -> None:
    with owner(server) as alice:
        reply = alice.post(
            "/api/v1/events", json={"title": "x", "start": START, "reminders": reminders}
        )
        assert reply.status_code == 422, reply.text
        assert "reminders" in reply.text
        assert (
            alice.get("/api/v1/events", params={"start": "2026-03-01", "end": "2026-03-04"}).json()[
                "items"
            ]
            == []
        ), "nothing created"


def test_a_booking_shows_who_booked_and_their_answers_to_the_calendars_members(
    server: ApiServer,
) -> None:
    day = next_weekday(1)
    with owner(server) as alice, owner(server, BOB) as bob, visitor(server) as anyone:
        make_link(
            alice,
            "intro",
            questions=[{"id": "topic", "label": "What about?"}, {"label": "Company?"}],
        )
        booked = book(
            anyone,
            "intro",
            at(day, 10),
            name="Vera Visitor",
            email="vera@example.org",
            tz="America/New_York",
            answers={"topic": "Pricing", "q1": "Acme"},
        )
        assert booked.status_code == 201, booked.text
        [booking] = alice.get("/api/v1/bookings").json()["items"]
        event = alice.get(f"/api/v1/events/{booking['event_id']}").json()
        assert event["booking"] == {
            "link": "intro",
            "title": "Intro call",
            "name": "Vera Visitor",
            "email": "vera@example.org",
            "timezone": "America/New_York",
            "status": "active",
            "answers": [
                {"question": "What about?", "answer": "Pricing"},
                {"question": "Company?", "answer": "Acme"},
            ],
        }
        # Nobody else reads it: Bob does not see the event at all...
        assert bob.get(f"/api/v1/events/{booking['event_id']}").status_code == 404
        # ...until Alice shares her calendar with him (read only): then he sees who booked.
        calendar = alice.get("/api/v1/calendars").json()["items"][0]["id"]
        shared = alice.post(
            f"/api/v1/calendars/{calendar}/members", json={"member": BOB, "role": "read"}
        )
        assert shared.status_code in (200, 201), shared.text
        assert bob.post(f"/api/v1/calendars/{calendar}/accept").status_code in (200, 204)
        seen = bob.get(f"/api/v1/events/{booking['event_id']}").json()
        assert seen["booking"]["name"] == "Vera Visitor"
        # A plain event has none; a listing leaves it out (the card reads the event).
        plain = created(alice)
        assert alice.get(f"/api/v1/events/{plain['id']}").json().get("booking") is None
        listed = alice.get(
            "/api/v1/events", params={"start": at(day, 0), "end": at(day, 23)}
        ).json()["items"]
        assert next(e for e in listed if e["id"] == booking["event_id"]).get("booking") is None


def test_a_visitor_who_is_a_user_gets_an_invitation_without_the_answers(
    server: ApiServer,
) -> None:
    day = next_weekday(2)
    with owner(server) as alice, owner(server, BOB) as bob, visitor(server) as anyone:
        make_link(alice, "chat", questions=[{"id": "topic", "label": "Topic?"}])
        booked = book(
            anyone, "chat", at(day, 11), name="Bob", email="bob@example.com",
            answers={"topic": "Private notes"},
        )  # fmt: skip
        assert booked.status_code == 201, booked.text
        [booking] = alice.get("/api/v1/bookings").json()["items"]
        # Bob's invitation is Alice's event as he is invited to it: no calendar of his, and
        # not the answers, which are Alice's.
        mine = bob.get(f"/api/v1/events/{booking['event_id']}")
        assert mine.status_code == 200, mine.text
        assert mine.json()["calendar"] is None
        assert mine.json()["my_status"] == "needs-action"
        assert "booking" not in mine.json(), "an invitee does not read the answers"
        assert alice.get(f"/api/v1/events/{booking['event_id']}").json()["booking"]["answers"]
