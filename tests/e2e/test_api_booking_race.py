"""Twenty visitors race for one slot over HTTP against `televent serve` (SQLite and
PostgreSQL): exactly one gets it (201), the others a clean 409 with fresh slots, and the owner
has exactly one booking and one event at that time."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.conftest import Backend
from tests.tma import ApiServer, running_api_server

BOOKERS = 20
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    # One address books twenty times at once: the per-address limit would refuse most.
    extra = {"TELEVENT_RATE_LIMITS": "off"}
    with running_api_server(backend.migrated_url(), tmp_path, extra, bot=False) as running:
        yield running


def test_twenty_visitors_race_for_one_slot(server: ApiServer) -> None:
    day = dt.datetime.now(BERLIN).date() + dt.timedelta(days=3)
    day += dt.timedelta(days=(3 - day.weekday()) % 7)  # a Thursday
    start = dt.datetime.combine(day, dt.time(11), tzinfo=BERLIN)
    with httpx.Client(base_url=server.url, auth=server.basic(1), timeout=60) as alice:
        created = alice.post("/api/v1/booking-links", json={"slug": "race", "title": "Race"})
        assert created.status_code == 201, created.text

    barrier = threading.Barrier(BOOKERS)
    replies: list[httpx.Response | BaseException] = [ValueError("not run")] * BOOKERS

    def race(index: int) -> None:
        body = {
            "start": start.isoformat(),
            "name": f"Visitor {index}",
            "email": f"visitor{index}@example.org",
            "tz": "Europe/Berlin",
        }
        with httpx.Client(base_url=server.url, timeout=120) as client:
            client.get("/api/v1/book/race")  # connected before the start
            barrier.wait()
            try:
                replies[index] = client.post("/api/v1/book/race", json=body)
            except httpx.HTTPError as exc:
                replies[index] = exc

    threads = [threading.Thread(target=race, args=(i,)) for i in range(BOOKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    answers = [r for r in replies if isinstance(r, httpx.Response)]
    assert len(answers) == BOOKERS, replies
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [201] + [409] * (BOOKERS - 1), [r.text for r in answers]
    winner = next(r.json() for r in answers if r.status_code == 201)
    for reply in answers:
        if reply.status_code == 409:
            problem = reply.json()
            assert reply.headers["content-type"].startswith("application/problem+json")
            assert problem["type"] == "urn:televent:problem:slot-taken"
            offered = {dt.datetime.fromisoformat(s["start"]) for s in problem["slots"]}
            assert offered and start not in offered

    window = {"start": day.isoformat(), "end": (day + dt.timedelta(days=1)).isoformat()}
    with httpx.Client(base_url=server.url, auth=server.basic(1), timeout=60) as alice:
        bookings = alice.get("/api/v1/bookings", params=window).json()["items"]
        assert [(b["id"], b["status"]) for b in bookings] == [(winner["id"], "active")]
        events = alice.get("/api/v1/events", params=window).json()["items"]
        assert [e["id"] for e in events] == [bookings[0]["event_id"]]
        assert dt.datetime.fromisoformat(events[0]["start"]) == start
        everything = alice.get("/api/v1/bookings").json()["items"]
        assert len(everything) == 1
