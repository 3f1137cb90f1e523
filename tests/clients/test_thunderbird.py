"""The real Thunderbird (headless, driven through Marionette) against `televent serve`.

Thunderbird finds the calendars from the server's root URL with its own detection code (what
"New Calendar → On the Network" does), subscribes to the default calendar with offline support
(the dialog's default), and syncs both ways. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.clients.conftest import LoggedServer, require_client
from tests.e2e.conftest import queued
from tests.helpers import vevent

try:
    from tests.clients.thunderbird import (
        Thunderbird,
        ThunderbirdCalendar,
        thunderbird_binary,
        thunderbird_version,
    )
except ImportError as exc:  # marionette_driver is missing
    IMPORT_PROBLEM: str | None = (
        f"marionette_driver is not importable ({exc}); "
        "pip install -r tests/clients/requirements.txt"
    )
else:
    IMPORT_PROBLEM = None

CAL = "/dav/calendars/1/default/"
WORK = "/dav/calendars/1/work/"
ICS = {"Content-Type": "text/calendar; charset=utf-8"}
SYNC_TIMEOUT = 30.0  # seconds Thunderbird gets to show a change after a refresh
# Telegram cards are only sent for meetings still ahead: the meeting is a month from now.
DAY = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=30)

DENTIST = vevent(
    uid="tb-dentist",
    summary="Dentist",
    start="20260305T150000",
    end="20260305T160000",
    extra="X-TELEVENT-NOTE:bring the card\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Dentist\r\nTRIGGER:-PT15M\r\nEND:VALARM",
)
# Mondays 09:00 from 2 March 2026, six times; 9 March moved to Tuesday 10 March 14:00;
# 16 March cancelled. Daylight saving time starts on 29 March (Berlin times stay 09:00).
WEEKLY = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//Televent tests//EN",
        "BEGIN:VEVENT",
        "UID:tb-weekly",
        "DTSTAMP:20260301T090000Z",
        "DTSTART;TZID=Europe/Berlin:20260302T090000",
        "DTEND;TZID=Europe/Berlin:20260302T093000",
        "RRULE:FREQ=WEEKLY;COUNT=6",
        "EXDATE;TZID=Europe/Berlin:20260316T090000",
        "SUMMARY:Planning",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:tb-weekly",
        "DTSTAMP:20260301T090000Z",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000",
        "DTSTART;TZID=Europe/Berlin:20260310T140000",
        "DTEND;TZID=Europe/Berlin:20260310T143000",
        "SUMMARY:Planning (moved)",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)
MKCALENDAR = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    "<D:set><D:prop><D:displayname>Work</D:displayname></D:prop></D:set></C:mkcalendar>"
)


@pytest.fixture(scope="module", autouse=True)
def binary() -> str:
    """The Thunderbird executable; checked before any server starts."""
    require_client(IMPORT_PROBLEM)
    found = thunderbird_binary()
    require_client(None if found else "thunderbird is not installed (apt-get install thunderbird)")
    assert found is not None
    return found


@pytest.fixture
def http(logged_server: LoggedServer) -> Iterator[httpx.Client]:
    server = logged_server.server
    with httpx.Client(base_url=server.url, auth=server.auth(1), timeout=30) as client:
        yield client


@pytest.fixture
def seeded(http: httpx.Client) -> None:
    """Step 1: the server side puts events and a second calendar there first, over HTTP."""
    assert http.put(CAL + "dentist.ics", content=DENTIST, headers=ICS).status_code == 201
    assert http.put(CAL + "weekly.ics", content=WEEKLY, headers=ICS).status_code == 201
    assert http.request("MKCALENDAR", WORK, content=MKCALENDAR).status_code == 201


@pytest.fixture
def thunderbird(binary: str, logged_server: LoggedServer) -> Iterator[ThunderbirdCalendar]:
    with Thunderbird(binary) as tb:
        calendar = ThunderbirdCalendar(tb)
        calendar.record_requests(logged_server.server.url)
        try:
            yield calendar
        finally:
            requests = calendar.requests()
            print(f"{thunderbird_version(binary)} sent:")  # shown with -s or on failure
            for line in describe_requests(requests):
                print("  " + line)
            failed = [r for r in requests if r["status"] >= 500]
            assert not failed, f"the server answered Thunderbird with a 5xx: {failed}"


def describe_requests(requests: list[dict[str, Any]]) -> list[str]:
    """One line per request: method, path, Depth, REPORT type, status."""
    lines = []
    for request in requests:
        parts = [request["method"], request["path"]]
        if request["depth"] is not None:
            parts.append(f"Depth: {request['depth']}")
        if request["method"] in {"REPORT", "PROPFIND"}:
            root = re.search(r"<(?![?!])(?:[\w-]+:)?([\w-]+)", request["body"])
            parts.append(f"<{root.group(1)}>" if root else "(no body)")
        for header, name in (("ifMatch", "If-Match"), ("ifNoneMatch", "If-None-Match")):
            if request[header]:
                parts.append(f"{name}: {request[header]}")
        parts.append(f"-> {request['status']}")
        lines.append(" ".join(parts))
    return lines


def wait_until(
    tb: ThunderbirdCalendar,
    calendar_id: str,
    check: Callable[[], Any],
    what: str,
    timeout: float = SYNC_TIMEOUT,
) -> Any:
    """Refresh the calendar and poll `check` until it returns something truthy (bounded)."""
    deadline = time.monotonic() + timeout
    tb.refresh(calendar_id)
    last_refresh = time.monotonic()
    while True:
        result = check()
        if result:
            return result
        now = time.monotonic()
        if now > deadline:
            pytest.fail(f"Thunderbird did not show {what} within {timeout:.0f} s: {tb.errors()}")
        if now - last_refresh > 5:  # a sync that raced with the change: ask again
            tb.refresh(calendar_id)
            last_refresh = now
        time.sleep(0.3)


def subscribe_default(tb: ThunderbirdCalendar, server: LoggedServer) -> str:
    """Detect from the root URL and subscribe to the default calendar; returns its id."""
    user, password = server.server.auth(1)
    found = tb.detect(user, password, server.server.url + "/")
    default = next(c for c in found if c["uri"].endswith(CAL))
    return tb.subscribe(default["uri"])


def by_title(tb: ThunderbirdCalendar, calendar_id: str) -> dict[str, dict[str, Any]]:
    return {item["title"]: item for item in tb.items(calendar_id)}


@pytest.mark.usefixtures("seeded")
def test_detection_from_the_root_url_finds_both_calendars(
    thunderbird: ThunderbirdCalendar, logged_server: LoggedServer
) -> None:
    server = logged_server.server
    user, password = server.auth(1)
    found = thunderbird.detect(user, password, server.url + "/")
    assert sorted((c["provider"], c["name"], c["uri"]) for c in found) == [
        ("caldav", "Calendar", server.url + CAL),
        ("caldav", "Work", server.url + WORK),
    ]
    assert not any(c["readOnly"] for c in found)  # Alice may write to both
    # The dialog remembers the password (for the realm the server named).
    logins = thunderbird.run(
        "return (await Services.logins.getAllLogins()).map(l => [l.origin, l.username]);"
    )
    assert logins == [[server.url, "1"]]


@pytest.mark.usefixtures("seeded")
def test_thunderbird_shows_the_servers_events(
    thunderbird: ThunderbirdCalendar, logged_server: LoggedServer
) -> None:
    calendar_id = subscribe_default(thunderbird, logged_server)
    items = wait_until(
        thunderbird,
        calendar_id,
        lambda: (
            (found := by_title(thunderbird, calendar_id)).keys() >= {"Dentist", "Planning"}
            and found
        ),
        "the server's two events",
    )
    dentist = items["Dentist"]
    assert (dentist["start"], dentist["end"]) == ("20260305T150000", "20260305T160000")
    assert dentist["alarms"] == ["-PT15M"]  # the reminder the user set elsewhere
    assert dentist["xprops"].get("X-TELEVENT-NOTE") == "bring the card"
    weekly = items["Planning"]
    assert [e["recurrenceId"] for e in weekly["exceptions"]] == ["20260309T090000"]

    march = thunderbird.occurrences(calendar_id, "20260301T000000", "20260401T000000")
    assert [(o["title"], o["start"]) for o in march] == [
        ("Planning", "20260302T090000"),
        ("Dentist", "20260305T150000"),
        ("Planning (moved)", "20260310T140000"),  # the override, not 9 March
        # 16 March is an EXDATE
        ("Planning", "20260323T090000"),
        ("Planning", "20260330T090000"),  # after the switch to summer time, still 09:00
    ]


def test_changes_travel_both_ways(
    thunderbird: ThunderbirdCalendar, logged_server: LoggedServer, http: httpx.Client
) -> None:
    # The server side has two events Thunderbird will see change.
    assert http.put(CAL + "dentist.ics", content=DENTIST, headers=ICS).status_code == 201
    lunch = vevent(uid="tb-lunch", summary="Lunch", start="20260306T120000", end="20260306T130000")
    assert http.put(CAL + "lunch.ics", content=lunch, headers=ICS).status_code == 201
    calendar_id = subscribe_default(thunderbird, logged_server)
    wait_until(
        thunderbird,
        calendar_id,
        lambda: by_title(thunderbird, calendar_id).keys() >= {"Dentist", "Lunch"},
        "the server's events",
    )

    # Step 4: Thunderbird creates an event; the server has it where Thunderbird put it.
    created = thunderbird.create_event(
        calendar_id, "Made in Thunderbird", "20260312T100000", "20260312T110000"
    )
    uid = created["id"]
    name = thunderbird.location_path(calendar_id, uid)
    assert name == f"{uid}.ics"  # Thunderbird names resources after the UID
    stored = http.get(CAL + name)
    assert stored.status_code == 200, stored.text
    assert f"UID:{uid}" in stored.text
    assert "SUMMARY:Made in Thunderbird" in stored.text
    assert re.search(r"DTSTART;TZID=Europe/Berlin:20260312T100000\r?\n", stored.text), stored.text
    assert re.search(r"DTEND;TZID=Europe/Berlin:20260312T110000\r?\n", stored.text), stored.text

    # Step 5: Thunderbird moves and renames it; the server shows the change at the same name.
    thunderbird.modify_event(
        calendar_id, uid, "Moved in Thunderbird", "20260313T160000", "20260313T170000"
    )
    stored = http.get(CAL + name)
    assert stored.status_code == 200
    assert "SUMMARY:Moved in Thunderbird" in stored.text
    assert re.search(r"DTSTART;TZID=Europe/Berlin:20260313T160000\r?\n", stored.text), stored.text
    assert thunderbird.location_path(calendar_id, uid) == name

    # ... and the server side changes the dentist (If-Match on the ETag it has).
    etag = http.get(CAL + "dentist.ics").headers["ETag"]
    moved = DENTIST.replace("SUMMARY:Dentist", "SUMMARY:Dentist (moved)").replace(
        "20260305T1", "20260306T1"
    )
    answer = http.put(CAL + "dentist.ics", content=moved, headers={**ICS, "If-Match": etag})
    assert answer.status_code in {200, 204}, answer.text
    dentist = wait_until(
        thunderbird,
        calendar_id,
        lambda: by_title(thunderbird, calendar_id).get("Dentist (moved)"),
        "the server's change to the dentist",
    )
    assert (dentist["start"], dentist["end"]) == ("20260306T150000", "20260306T160000")
    assert "Dentist" not in by_title(thunderbird, calendar_id)

    # Step 6: Thunderbird deletes its event; the server no longer has it.
    thunderbird.delete_event(calendar_id, uid)
    assert http.get(CAL + name).status_code == 404
    # ... and the server side deletes lunch; after a refresh Thunderbird no longer shows it.
    assert http.delete(CAL + "lunch.ics").status_code == 204
    wait_until(
        thunderbird,
        calendar_id,
        lambda: "Lunch" not in by_title(thunderbird, calendar_id),
        "the server's deletion of lunch",
    )
    assert sorted(by_title(thunderbird, calendar_id)) == ["Dentist (moved)"]
    listing = http.request("PROPFIND", CAL, headers={"Depth": "1"})
    assert listing.status_code == 207
    assert name not in listing.text and "lunch.ics" not in listing.text


def test_a_meeting_made_in_thunderbird_is_scheduled_by_the_server(
    thunderbird: ThunderbirdCalendar, logged_server: LoggedServer, http: httpx.Client
) -> None:
    """RFC 6638 with the real client: Thunderbird sees calendar-auto-schedule and leaves the
    invitations to the server; Bob (a Televent user) gets the meeting in his calendar and a
    card, carol@example.org an email; Bob's answer, Alice's reschedule in Thunderbird and her
    deletion travel the same way."""
    server = logged_server.server
    calendar_id = subscribe_default(thunderbird, logged_server)
    scheduling = thunderbird.scheduling(calendar_id)
    assert scheduling["autoSchedule"] is True
    assert scheduling["organizerId"].lower() in {
        "mailto:tg_1@televent.internal",
        "mailto:alice@example.com",
    }

    created = thunderbird.create_meeting(
        calendar_id, "Design review", f"{DAY:%Y%m%d}T100000", f"{DAY:%Y%m%d}T110000",
        ["mailto:bob@example.com", "mailto:carol@example.org"],
    )  # fmt: skip
    uid = created["id"]
    bob_href = f"/dav/calendars/2/default/{uid}.ics"
    with httpx.Client(base_url=server.url, auth=server.auth(2), timeout=30) as bob:
        copy = bob.get(bob_href)
        assert copy.status_code == 200, copy.text
        assert "SUMMARY:Design review" in copy.text
        assert queued(server.database_url) == (
            [("REQUEST", "carol@example.org")],
            [("invitation", 2)],
        )
        # The statuses the server wrote come back to Thunderbird with its next sync.
        statuses = wait_until(
            thunderbird,
            calendar_id,
            lambda: (
                (found := thunderbird.attendees(calendar_id, uid))["bob@example.com"]["status"]
                and found
            ),
            "the SCHEDULE-STATUS the server wrote",
        )
        assert statuses["bob@example.com"]["status"] == "1.2"
        assert statuses["carol@example.org"]["status"] == "1.1"

        # Bob accepts in his own client; Alice's Thunderbird shows it.
        accepted = re.sub(
            r"(ATTENDEE[^\r\n]*?)PARTSTAT=NEEDS-ACTION([^\r\n]*mailto:bob@example\.com)",
            r"\1PARTSTAT=ACCEPTED\2",
            re.sub(r"\r\n[ \t]", "", copy.text),
            flags=re.IGNORECASE,
        )
        assert accepted != copy.text
        answer = bob.put(
            bob_href, content=accepted, headers={**ICS, "If-Match": copy.headers["ETag"]}
        )
        assert answer.status_code == 204, answer.text
        wait_until(
            thunderbird,
            calendar_id,
            lambda: (
                thunderbird.attendees(calendar_id, uid)["bob@example.com"]["partstat"] == "ACCEPTED"
            ),
            "Bob's answer",
        )

        # Alice moves the meeting in Thunderbird: Bob's copy moves and asks him again.
        later = DAY + dt.timedelta(days=1)
        thunderbird.modify_event(
            calendar_id, uid, "Design review", f"{later:%Y%m%d}T140000", f"{later:%Y%m%d}T150000"
        )
        moved = bob.get(bob_href)
        assert re.search(rf"DTSTART;TZID=Europe/Berlin:{later:%Y%m%d}T140000\r?\n", moved.text)
        assert re.search(r"PARTSTAT=NEEDS-ACTION[^\r\n]*mailto:bob@example\.com", moved.text, re.I)
        mail, cards = queued(server.database_url)
        assert mail == [("REQUEST", "carol@example.org")] * 2
        assert [c for c in cards if c[1] == 2] == [("invitation", 2), ("invitation_update", 2)]

        # Alice deletes it in Thunderbird: cancelled for both.
        thunderbird.delete_event(calendar_id, uid)
        assert "STATUS:CANCELLED" in bob.get(bob_href).text
        mail, cards = queued(server.database_url)
        assert mail[-1] == ("CANCEL", "carol@example.org") and len(mail) == 3
        assert cards[-1] == ("cancelled", 2)
    writes = [r for r in thunderbird.requests() if r["method"] in {"PUT", "DELETE"}]
    writes = [r for r in writes if r["path"].startswith(CAL) and r["status"] != 401]
    assert [r["status"] for r in writes] == [201, 204, 204], describe_requests(writes)
