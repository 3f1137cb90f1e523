"""The live stream `/api/v1/stream` (docs/adr/0028) with two `televent serve` processes on one
database: a change written through one reaches a stream held by the other; the stream names
only the caller's own calendars and those shared with them (a calendar shared later appears, a
stranger's never); `Last-Event-ID` tells what changed while it was away; and a stream left open
does not hold up the server's shutdown."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import Backend
from tests.e2e.conftest import running_serve, seed_accounts


@contextmanager
def listening(
    url: str, auth: tuple[str, str], last_event_id: int | None = None
) -> Iterator[queue.Queue[tuple[int, dict[str, object]]]]:
    """Read a stream on a thread; yields a queue of (id, data) as events arrive."""
    events: queue.Queue[tuple[int, dict[str, object]]] = queue.Queue()
    stop = threading.Event()
    ready = threading.Event()

    def read() -> None:
        headers = {} if last_event_id is None else {"Last-Event-ID": str(last_event_id)}
        with httpx.Client(timeout=httpx.Timeout(5, read=None)) as client, client.stream(
            "GET", f"{url}/api/v1/stream", auth=auth, headers=headers
        ) as answer:  # fmt: skip
            assert answer.status_code == 200
            assert answer.headers["content-type"].startswith("text/event-stream")
            event_id = 0
            for line in answer.iter_lines():
                if line == ": ready":
                    ready.set()
                elif line.startswith("id: "):
                    event_id = int(line[4:])
                elif line.startswith("data: "):
                    events.put((event_id, json.loads(line[6:])))
                if stop.is_set():
                    return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the stream did not open"
    try:
        yield events
    finally:
        stop.set()


def take(events: queue.Queue[tuple[int, dict[str, object]]], seconds: float = 15) -> list:
    """What arrives until nothing more comes for a second (at most `seconds`)."""
    found = [events.get(timeout=seconds)]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found.append(events.get(timeout=1.0))
        except queue.Empty:
            break
    return found


def test_a_change_through_one_process_reaches_a_stream_held_by_another(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    alice, bob = ("1", users[1]), ("2", users[2])
    with running_serve(database_url, tmp_path) as (one, _), running_serve(
        database_url, tmp_path
    ) as (other, _):  # fmt: skip
        calendars = httpx.get(f"{one}/api/v1/calendars", auth=alice, timeout=30).json()["items"]
        mine = calendars[0]["id"]
        bobs = httpx.get(f"{one}/api/v1/calendars", auth=bob, timeout=30).json()["items"][0]["id"]
        with listening(one, alice) as events, listening(one, bob) as bob_events:
            made = httpx.post(f"{other}/api/v1/events", auth=alice, timeout=30, json={
                "title": "Standup", "start": "2026-12-01T09:00:00Z",
                "end": "2026-12-01T09:30:00Z"})  # fmt: skip
            assert made.status_code == 201
            [(event_id, data)] = take(events)
            assert data["calendar"] == mine and event_id == data["position"]
            # Bob's own change is his alone; Alice's was never his.
            httpx.post(
                f"{other}/api/v1/events",
                auth=bob,
                timeout=30,
                json={
                    "title": "Bob's",
                    "start": "2026-12-02T09:00:00Z",
                    "end": "2026-12-02T10:00:00Z",
                },
            )
            assert [d["calendar"] for _, d in take(bob_events)] == [bobs]
            assert events.empty()
            # Alice shares her calendar with Bob: it appears in his stream once he accepts.
            httpx.post(f"{other}/api/v1/calendars/{mine}/members", auth=alice, timeout=30,
                       json={"member": "2", "role": "read"})  # fmt: skip
            httpx.post(f"{other}/api/v1/calendars/{mine}/accept", auth=bob, timeout=30)
            assert mine in [d["calendar"] for _, d in take(bob_events)]
            last_seen = event_id

        # Away, then back with Last-Event-ID: what changed meanwhile is told at once.
        httpx.post(f"{other}/api/v1/events", auth=alice, timeout=30, json={
            "title": "While away", "start": "2026-12-03T09:00:00Z",
            "end": "2026-12-03T10:00:00Z"})  # fmt: skip
        with listening(one, alice, last_event_id=last_seen) as events:
            [(event_id, data)] = take(events)
            assert data["calendar"] == mine and event_id > last_seen


def test_an_open_stream_does_not_hold_up_a_shutdown(backend: Backend, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path) as (url, process), listening(url, ("1", users[1])):
        started = time.monotonic()
        process.terminate()
        process.wait(timeout=60)
        assert time.monotonic() - started < 10  # not the 30 s grace period
