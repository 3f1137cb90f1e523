"""The real Thunderbird sees calendars shared with its user (docs/adr/0017), on SQLite and
PostgreSQL: its own detection from the root URL finds them beside the user's own calendar, a
read-only one as read-only; a member's event made in Thunderbird lands in the owner's calendar,
and the owner's change reaches Thunderbird at its next sync."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.sharing import shared_slug
from tests.clients.conftest import LoggedServer, require_client
from tests.clients.test_thunderbird import ICS, by_title, wait_until
from tests.e2e.conftest import ACTOR, SOURCE
from tests.helpers import vevent

try:
    from tests.clients.thunderbird import Thunderbird, ThunderbirdCalendar, thunderbird_binary
except ImportError as exc:  # marionette_driver is missing
    IMPORT_PROBLEM: str | None = f"marionette_driver is not importable ({exc})"
else:
    IMPORT_PROBLEM = None

ALICE, BOB = 1, 2


@pytest.fixture(scope="module", autouse=True)
def binary() -> str:
    require_client(IMPORT_PROBLEM)
    found = thunderbird_binary()
    require_client(None if found else "thunderbird is not installed (apt-get install thunderbird)")
    assert found is not None
    return found


@pytest.fixture
def thunderbird(binary: str, logged_server: LoggedServer) -> Iterator[ThunderbirdCalendar]:
    with Thunderbird(binary) as tb:
        calendar = ThunderbirdCalendar(tb)
        calendar.record_requests(logged_server.server.url)
        yield calendar
        failed = [r for r in calendar.requests() if r["status"] >= 500]
        assert not failed, f"the server answered Thunderbird with a 5xx: {failed}"


def _shared(database_url: str) -> dict[str, UUID]:
    """Alice's "Family" shared with Bob to edit, "School" to view, both accepted."""
    app = build_application(Settings(database_url=database_url))
    try:
        ids = {}
        for tid in (ALICE, BOB):
            account = app.queries.account_by_telegram_id(tid)
            assert account is not None
            ids[tid] = account.account_id
        calendars = {}
        for slug, name, role in (("family", "Family", "write"), ("school", "School", "read")):
            calendar = app.create_calendar(
                ids[ALICE], slug, {"display_name": name}, actor=ACTOR, source=SOURCE
            )
            app.share_calendar(
                calendar, by=ids[ALICE], member=ids[BOB], role=role, actor=ACTOR, source=SOURCE
            )
            app.answer_calendar_invitation(
                calendar, by=ids[BOB], accept=True, actor=ACTOR, source=SOURCE
            )
            calendars[slug] = calendar
        return calendars
    finally:
        app.close()


def test_thunderbird_finds_shared_calendars_and_syncs_a_members_change(
    thunderbird: ThunderbirdCalendar, logged_server: LoggedServer
) -> None:
    server = logged_server.server
    calendars = _shared(server.database_url)
    family = f"/dav/calendars/{BOB}/{shared_slug(calendars['family'])}/"
    school = f"/dav/calendars/{BOB}/{shared_slug(calendars['school'])}/"
    alice = httpx.Client(base_url=server.url, auth=server.auth(ALICE), timeout=30)
    picnic = vevent(
        uid="tb-picnic", summary="Picnic", start="20260307T120000", end="20260307T140000"
    )
    assert (
        alice.put("/dav/calendars/1/family/picnic.ics", content=picnic, headers=ICS).status_code
        == 201
    )

    user, password = server.auth(BOB)
    found = thunderbird.detect(user, password, server.url + "/")
    assert sorted((c["name"], c["uri"], c["readOnly"]) for c in found) == [
        ("Calendar", server.url + f"/dav/calendars/{BOB}/default/", False),
        ("Family", server.url + family, False),
        ("School", server.url + school, True),  # Bob may only view it
    ]

    calendar_id = thunderbird.subscribe(server.url + family)
    wait_until(
        thunderbird,
        calendar_id,
        lambda: "Picnic" in by_title(thunderbird, calendar_id),
        "Alice's event in the shared calendar",
    )
    created = thunderbird.create_event(
        calendar_id, "Made by Bob", "20260312T100000", "20260312T110000"
    )
    name = thunderbird.location_path(calendar_id, created["id"])
    stored = alice.get(f"/dav/calendars/1/family/{name}")
    assert stored.status_code == 200, stored.text  # in Alice's own calendar
    assert "SUMMARY:Made by Bob" in stored.text

    moved = picnic.replace("SUMMARY:Picnic", "SUMMARY:Picnic (moved)")
    assert (
        alice.put("/dav/calendars/1/family/picnic.ics", content=moved, headers=ICS).status_code
        == 204
    )
    wait_until(
        thunderbird,
        calendar_id,
        lambda: "Picnic (moved)" in by_title(thunderbird, calendar_id),
        "Alice's change",
    )
    alice.close()
