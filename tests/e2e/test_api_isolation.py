"""A user only ever reaches their own data through the JSON API, whichever way they signed in:
another user's event, device or changes answer as missing (404), never as forbidden."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.helpers import vevent
from tests.tma import ApiServer, running_api_server


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def test_another_users_event_is_not_there(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, auth=server.basic(2), timeout=60) as bob_dav:
        put = bob_dav.put(
            "/dav/calendars/2/default/private.ics",
            content=vevent(uid="private", summary="Bob's doctor", organizer=None).encode(),
            headers={"Content-Type": "text/calendar"},
        )
        assert put.status_code == 201
    with server.client(1) as alice, server.client(2) as bob:
        [change] = bob.get("/api/v1/changes").json()["changes"]
        event = f"/api/v1/events/{change['id']}"
        assert bob.get(event).status_code == 200
        for method, path, body in (
            ("GET", event, None),
            ("PATCH", event, {"title": "Mine now"}),
            ("DELETE", event, None),
            ("POST", f"{event}/rsvp", {"status": "accepted"}),
            ("GET", f"{event}/attendees", None),
            ("POST", f"{event}/attendees", {"address": "alice@example.com"}),
        ):
            reply = alice.request(method, path, json=body)
            assert reply.status_code == 404, (method, path, reply.text)
            assert reply.headers["content-type"].startswith("application/problem+json")
        assert "doctor" not in alice.get("/api/v1/export.ics").text
        assert alice.get("/api/v1/changes").json()["changes"] == []
        # Bob's event is untouched.
        assert bob.get(event).json()["title"] == "Bob's doctor"
