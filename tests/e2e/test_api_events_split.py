""" "This and following" over HTTP against `televent serve` (SQLite and PostgreSQL): a series
edited or deleted from one occurrence on through /api/v1/events, and what a CalDAV client (the
python `caldav` library) then reads: two series, the earlier one ending just before the split,
the later one starting there with the change; every occurrence before the split as it was, none
lost or doubled over the range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import caldav
import httpx
import icalendar
import pytest
from caldav.collection import Calendar

from tests.e2e.conftest import Server

BERLIN = ZoneInfo("Europe/Berlin")
SPRING = {"start": "2026-03-01T00:00:00+01:00", "end": "2026-07-01T00:00:00+02:00"}


@pytest.fixture
def alice(server: Server) -> Iterator[httpx.Client]:
    """Alice's script, with her device password."""
    with httpx.Client(base_url=f"{server.url}/api/v1", auth=server.auth(1), timeout=30) as client:
        yield client


@pytest.fixture
def calendar(server: Server) -> Calendar:
    """Alice's default calendar, as a CalDAV client finds it."""
    user, password = server.auth(1)
    client = caldav.DAVClient(url=server.url + "/", username=user, password=password)
    calendars: list[Calendar] = client.principal().calendars()
    return calendars[0]


def at(day: str, hour: int, minute: int = 0) -> dt.datetime:
    """A Berlin time on a day of 2026 ("03-23")."""
    month, date = (int(part) for part in day.split("-"))
    return dt.datetime(2026, month, date, hour, minute, tzinfo=BERLIN)


def occurrences(client: httpx.Client, title: str | None = None) -> list[dict[str, Any]]:
    response = client.get("/events", params={**SPRING, "limit": 500})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return [item for item in items if title is None or item["title"].startswith(title)]


def series_over_caldav(calendar: Calendar) -> dict[str, list[Any]]:
    """Every stored resource's VEVENTs by UID, as the CalDAV client fetches them."""
    found: dict[str, list[Any]] = {}
    for resource in calendar.events():
        parsed = icalendar.Calendar.from_ical(resource.data)
        for component in parsed.walk("VEVENT"):
            found.setdefault(str(component["UID"]), []).append(component)
    return found


def master(components: list[Any]) -> Any:
    return next(c for c in components if "RECURRENCE-ID" not in c)


def expanded(calendar: Calendar) -> list[tuple[str, dt.datetime, str]]:
    """(title, start, location) of every occurrence CalDAV's expansion gives over spring."""
    found = calendar.search(
        start=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        end=dt.datetime(2026, 7, 1, tzinfo=dt.UTC),
        event=True,
        expand=True,
    )
    rows = []
    for resource in found:
        for component in icalendar.Calendar.from_ical(resource.data).walk("VEVENT"):
            start = component.decoded("DTSTART").astimezone(BERLIN)
            rows.append((str(component["SUMMARY"]), start, str(component.get("LOCATION", ""))))
    return sorted(rows, key=lambda row: row[1])


def test_editing_this_and_following_splits_a_weekly_series_for_caldav_clients(
    alice: httpx.Client, calendar: Calendar
) -> None:
    made = alice.post(
        "/events",
        json={
            "title": "Yoga",
            "start": "2026-03-02T18:00:00",
            "end": "2026-03-02T19:00:00",
            "timezone": "Europe/Berlin",
            "location": "Studio 1",
            "recurrence": "FREQ=WEEKLY;BYDAY=MO;COUNT=10",
        },
    )
    assert made.status_code == 201, made.text
    yoga = made.json()
    path = f"/events/{yoga['id']}"
    # Exceptions on both sides of the split: one occurrence moved before it, one cancelled and
    # one changed after it.
    before = alice.patch(
        path,
        params={"occurrence": "2026-03-09T18:00:00+01:00"},
        json={"start": "2026-03-09T19:30:00+01:00", "title": "Yoga (late)"},
    )
    assert before.status_code == 200, before.text
    cancelled = alice.delete(path, params={"occurrence": "2026-04-06T18:00:00+02:00"})
    assert cancelled.status_code == 204
    changed = alice.patch(
        path, params={"occurrence": "2026-04-13T18:00:00+02:00"}, json={"location": "Park"}
    )
    assert changed.status_code == 200, changed.text
    etag = changed.headers["ETag"]
    assert len(occurrences(alice, "Yoga")) == 9  # ten, one cancelled

    fourth = "2026-03-23T18:00:00+01:00"
    stale = alice.patch(
        path,
        params={"occurrence": fourth, "range": "thisandfuture"},
        json={"location": "Lost"},
        headers={"If-Match": yoga["etag"]},
    )
    assert stale.status_code == 412
    split = alice.patch(
        path,
        params={"occurrence": fourth, "range": "thisandfuture"},
        json={
            "start": "2026-03-23T19:00:00+01:00",
            "end": "2026-03-23T20:30:00+01:00",
            "location": "Studio 2",
        },
        headers={"If-Match": etag},
    )
    assert split.status_code == 200, split.text
    following = split.json()
    assert following["id"] != yoga["id"] and following["uid"] != yoga["uid"]
    assert split.headers["Content-Location"] == f"/api/v1/events/{following['id']}"
    assert split.headers["ETag"] == following["etag"]
    assert (following["start"], following["end"]) == (
        "2026-03-23T19:00:00+01:00",
        "2026-03-23T20:30:00+01:00",
    )
    assert following["location"] == "Studio 2"
    again = alice.patch(
        path, json={"title": "Lost"}, headers={"If-Match": etag}
    )  # the split changed the old series: its ETag moved on
    assert again.status_code == 412

    stored = series_over_caldav(calendar)
    assert sorted(stored) == sorted([yoga["uid"], following["uid"]])
    old, new = master(stored[yoga["uid"]]), master(stored[following["uid"]])
    old_rule, new_rule = old["RRULE"], new["RRULE"]
    assert old_rule["UNTIL"] == [dt.datetime(2026, 3, 23, 16, 59, 59, tzinfo=dt.UTC)]
    assert "COUNT" not in old_rule
    assert (new_rule["FREQ"], new_rule["BYDAY"], new_rule["COUNT"]) == (["WEEKLY"], ["MO"], [7])
    assert "EXDATE" not in old
    assert [d.dt for d in new["EXDATE"].dts] == [at("04-06", 19)]
    assert new.decoded("DTSTART") == at("03-23", 19)
    assert [c.decoded("RECURRENCE-ID") for c in stored[yoga["uid"]] if c is not old] == [
        at("03-09", 18)
    ]
    (park,) = [c for c in stored[following["uid"]] if c is not new]
    assert (park.decoded("RECURRENCE-ID"), park.decoded("DTSTART")) == (
        at("04-13", 19),
        at("04-13", 19),
    )
    assert str(park["LOCATION"]) == "Park"

    assert expanded(calendar) == [
        ("Yoga", at("03-02", 18), "Studio 1"),
        ("Yoga (late)", at("03-09", 19, 30), "Studio 1"),
        ("Yoga", at("03-16", 18), "Studio 1"),
        ("Yoga", at("03-23", 19), "Studio 2"),
        ("Yoga", at("03-30", 19), "Studio 2"),
        ("Yoga", at("04-13", 19), "Park"),
        ("Yoga", at("04-20", 19), "Studio 2"),
        ("Yoga", at("04-27", 19), "Studio 2"),
        ("Yoga", at("05-04", 19), "Studio 2"),
    ]
    listed = occurrences(alice, "Yoga")
    assert [item["start"] for item in listed] == [
        start.isoformat() for _, start, _ in expanded(calendar)
    ]
    assert {item["id"] for item in listed[:3]} == {yoga["id"]}
    assert {item["id"] for item in listed[3:]} == {following["id"]}


def test_a_new_rule_from_an_occurrence_on(alice: httpx.Client, calendar: Calendar) -> None:
    daily = alice.post(
        "/events",
        json={
            "title": "Walk",
            "start": "2026-03-02",
            "end": "2026-03-03",
            "recurrence": "FREQ=DAILY",
        },
    ).json()
    split = alice.patch(
        f"/events/{daily['id']}",
        params={"occurrence": "2026-03-05", "range": "THISANDFUTURE"},
        json={"recurrence": "FREQ=WEEKLY;INTERVAL=2", "title": "Long walk"},
    )
    assert split.status_code == 200, split.text
    assert split.json()["recurrence"] == "FREQ=WEEKLY;INTERVAL=2"
    assert alice.get(f"/events/{daily['id']}").json()["recurrence"] == (
        "FREQ=DAILY;UNTIL=20260304"  # an all-day series ends on a date
    )
    walks = [(item["title"], item["start"]) for item in occurrences(alice, "")][:7]
    assert walks == [
        ("Walk", "2026-03-02"),
        ("Walk", "2026-03-03"),
        ("Walk", "2026-03-04"),
        ("Long walk", "2026-03-05"),
        ("Long walk", "2026-03-19"),
        ("Long walk", "2026-04-02"),
        ("Long walk", "2026-04-16"),
    ]
    assert len(series_over_caldav(calendar)) == 2


def test_deleting_this_and_following_keeps_the_earlier_occurrences(
    alice: httpx.Client, calendar: Calendar
) -> None:
    made = alice.post(
        "/events",
        json={
            "title": "Course",
            "start": "2026-03-03T10:00:00",
            "end": "2026-03-03T11:00:00",
            "timezone": "Europe/Berlin",
            "recurrence": "FREQ=WEEKLY;BYDAY=TU",
        },
    ).json()
    path = f"/events/{made['id']}"
    gone = alice.delete(
        path,
        params={"occurrence": "2026-03-24T10:00:00+01:00", "range": "thisandfuture"},
        headers={"If-Match": made["etag"]},
    )
    assert gone.status_code == 204
    assert gone.headers["ETag"] == alice.get(path).json()["etag"] != made["etag"]
    assert [item["start"] for item in occurrences(alice, "Course")] == [
        "2026-03-03T10:00:00+01:00",
        "2026-03-10T10:00:00+01:00",
        "2026-03-17T10:00:00+01:00",
    ]
    (stored,) = series_over_caldav(calendar).values()
    assert master(stored)["RRULE"]["UNTIL"] == [dt.datetime(2026, 3, 24, 8, 59, 59, tzinfo=dt.UTC)]
    assert [title for title, _, _ in expanded(calendar)] == ["Course"] * 3

    first = alice.delete(
        path, params={"occurrence": "2026-03-03T10:00:00+01:00", "range": "thisandfuture"}
    )
    assert first.status_code == 204  # from the first occurrence on: the whole event
    assert alice.get(path).status_code == 404
    assert series_over_caldav(calendar) == {}


def test_this_and_following_refuses_what_is_no_occurrence(alice: httpx.Client) -> None:
    weekly = alice.post(
        "/events",
        json={"title": "Sync", "start": "2026-03-05T09:00:00", "recurrence": "FREQ=WEEKLY"},
    ).json()
    single = alice.post("/events", json={"title": "Once", "start": "2026-03-05T12:00:00"}).json()
    for event, params, status, field in [
        (weekly, {"range": "thisandfuture"}, 422, "range"),
        (weekly, {"occurrence": "2026-03-12T09:00:00+01:00", "range": "all"}, 422, "range"),
        (single, {"occurrence": "2026-03-05T12:00:00+01:00", "range": "thisandfuture"}, 422, ""),
        (weekly, {"occurrence": "2026-03-13T09:00:00+01:00", "range": "thisandfuture"}, 404, ""),
    ]:
        path = f"/events/{event['id']}"
        for answer in (
            alice.patch(path, params=params, json={"title": "Changed"}),
            alice.delete(path, params=params),
        ):
            assert answer.status_code == status, (params, answer.text)
            assert answer.json()["detail"].startswith(field)
    assert {item["title"] for item in occurrences(alice)} == {"Sync", "Once"}
    assert len(occurrences(alice, "Sync")) == 17
