"""Importing an .ics file into a calendar (docs/adr/0024), over HTTP against `televent serve`
(SQLite and PostgreSQL): what a CalDAV client then reads, the answer's counts and reasons,
nobody invited or carded, importing again changing nothing, a changed event updated, a deleted
one back; and the refusals: a reader, an outsider, a body that is not a calendar, a file too
large, in the caller's language.

Alice (1) owns "Family"; Bob (2) reads it; Carol (3) has nothing to do with it. They sign in
as the Mini App does (tma init data)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from televent.application.scheduling import resource_name
from televent.bootstrap import build_application
from televent.config import Settings
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import (
    ACTOR,
    SERVER_SETTINGS,
    SOURCE,
    queued,
    running_serve,
    seed_accounts,
)
from tests.tma import BOT_TOKEN, tma_client

ALICE, BOB, CAROL = 1, 2, 3
NAMES = {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"}
FAMILY = "/dav/calendars/1/family/"
ICS = {"Content-Type": "text/calendar"}

ZONE = """BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
END:DAYLIGHT\r
END:VTIMEZONE\r
"""

SERIES = """BEGIN:VEVENT\r
UID:maths@school.example\r
DTSTAMP:20260101T000000Z\r
DTSTART;TZID=Europe/Berlin:20261201T090000\r
DTEND;TZID=Europe/Berlin:20261201T100000\r
RRULE:FREQ=WEEKLY;COUNT=10\r
SUMMARY:Maths\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:maths@school.example\r
DTSTAMP:20260101T000000Z\r
RECURRENCE-ID;TZID=Europe/Berlin:20261208T090000\r
DTSTART;TZID=Europe/Berlin:20261208T110000\r
DTEND;TZID=Europe/Berlin:20261208T120000\r
SUMMARY:Maths (room 12)\r
END:VEVENT\r
"""

MEETING = """BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261203T150000Z\r
DTEND:20261203T160000Z\r
SUMMARY:{summary}\r
ORGANIZER;CN=Alice:mailto:tg_1@televent.internal\r
ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED:mailto:tg_1@televent.internal\r
ATTENDEE;CN=Dan;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dan@example.net\r
ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:tg_2@televent.internal\r
END:VEVENT\r
"""

NO_UID = """BEGIN:VEVENT\r
DTSTAMP:{stamp}\r
DTSTART;VALUE=DATE:20261224\r
SUMMARY:School closed\r
END:VEVENT\r
"""

BROKEN = """BEGIN:VEVENT\r
UID:broken@school.example\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261205T090000Z\r
RRULE:FREQ=SOMETIMES\r
SUMMARY:Never readable\r
END:VEVENT\r
"""

MIXED = """BEGIN:VEVENT\r
UID:both@school.example\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261206T090000Z\r
SUMMARY:Both\r
END:VEVENT\r
BEGIN:VTODO\r
UID:both@school.example\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Both\r
END:VTODO\r
"""


def calendar_file(*parts: str, method: str = "PUBLISH") -> bytes:
    head = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//School//Timetable//EN\r\n"
        f"METHOD:{method}\r\nX-WR-CALNAME:School\r\n"
    )
    return (head + ZONE + "".join(parts) + "END:VCALENDAR\r\n").encode()


def school_file(*, stamp: str = "20260101T000000Z", meeting: str = "Parents' evening") -> bytes:
    return calendar_file(
        SERIES,
        MEETING.format(uid="parents@school.example", summary=meeting),
        NO_UID.format(stamp=stamp),
        BROKEN,
        MIXED,
    )


@dataclass
class ImportServer:
    url: str
    database_url: str
    family: str
    caldav: httpx.Client  # Alice's CalDAV client

    def client(self, telegram_id: int, **headers: str) -> httpx.Client:
        client = tma_client(f"{self.url}/api/v1", telegram_id, NAMES[telegram_id])
        client.headers.update(headers)
        return client


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ImportServer]:
    database_url = backend.migrated_url()
    passwords = seed_accounts(database_url)
    app = build_application(Settings(database_url=database_url))
    app.register_account(
        CAROL, name=NAMES[CAROL], timezone="Europe/Berlin", actor=ACTOR, source=SOURCE
    )
    alice = app.queries.account_by_telegram_id(ALICE)
    assert alice is not None
    family = app.create_calendar(
        alice.account_id, "family", {"display_name": "Family"}, actor=ACTOR, source=SOURCE
    )
    app.close()
    with FakeBotApi() as bot:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot.base_url,
        }
        with (
            running_serve(database_url, tmp_path, settings) as (url, _),
            httpx.Client(base_url=url, auth=("1", passwords[ALICE]), timeout=30) as caldav,
        ):
            yield ImportServer(url, database_url, str(family), caldav)


def imported(client: httpx.Client, calendar: str, data: bytes) -> dict[str, object]:
    reply = client.post(f"/calendars/{calendar}/import", content=data, headers=ICS)
    assert reply.status_code == 200, reply.text
    answer: dict[str, object] = reply.json()
    return answer


def test_a_file_is_imported_event_by_event_and_nobody_is_told(server: ImportServer) -> None:
    before = queued(server.database_url)
    with server.client(ALICE) as alice:
        answer = imported(alice, server.family, school_file())
    assert (answer["imported"], answer["updated"], answer["unchanged"]) == (3, 0, 0)
    skipped = {s["uid"]: s for s in answer["skipped"]}  # type: ignore[attr-defined]
    assert set(skipped) == {"broken@school.example", "both@school.example"}
    assert skipped["broken@school.example"]["summary"] == "Never readable"
    assert "FREQ" in skipped["broken@school.example"]["reason"]
    message = str(answer["message"])
    assert message.startswith("Imported: 3. Updated: 0. Already there: 0. Skipped: 2.")
    assert (
        "“Never readable” skipped: recurrence: “FREQ=SOMETIMES” is not a repetition rule" in message
    )
    assert "its UID names two kinds of item" in message

    # A CalDAV client reads each event whole: the series with its moved lesson and zone.
    series = server.caldav.get(f"{FAMILY}{resource_name('maths@school.example')}")
    assert series.status_code == 200
    assert "RECURRENCE-ID;TZID=Europe/Berlin:20261208T090000" in series.text
    assert "TZID:Europe/Berlin" in series.text and "METHOD" not in series.text
    listing = server.caldav.request(
        "PROPFIND", FAMILY, headers={"Depth": "1", "Content-Type": "application/xml"}
    )
    assert listing.status_code == 207
    assert listing.text.count(".ics</") == 3
    assert (
        "School closed"
        in server.caldav.get(f"{FAMILY}{_href_of(listing.text, 'televent-import-')}").text
    )

    # An import is not scheduling: Alice organizes the meeting, yet Dan is mailed nothing and
    # Bob, a Televent user, gets no card and no copy.
    assert queued(server.database_url) == before


def test_importing_again_changes_nothing_and_a_changed_event_is_updated(
    server: ImportServer,
) -> None:
    with server.client(ALICE) as alice:
        imported(alice, server.family, school_file())
        ctag = _ctag(server.caldav)
        # The export made again: a new DTSTAMP on the event without UID names the same event.
        again = imported(alice, server.family, school_file(stamp="20261124T120000Z"))
        assert (again["imported"], again["updated"], again["unchanged"]) == (0, 0, 3)
        assert _ctag(server.caldav) == ctag

        changed = imported(alice, server.family, school_file(meeting="Parents' evening (hall)"))
        assert (changed["imported"], changed["updated"], changed["unchanged"]) == (0, 1, 2)
        meeting = server.caldav.get(f"{FAMILY}{resource_name('parents@school.example')}")
        assert "SUMMARY:Parents' evening (hall)" in meeting.text

        deleted = server.caldav.delete(f"{FAMILY}{resource_name('parents@school.example')}")
        assert deleted.status_code == 204
        back = imported(alice, server.family, school_file())
        assert (back["imported"], back["updated"], back["unchanged"]) == (1, 0, 2)
        assert server.caldav.get(f"{FAMILY}{resource_name('parents@school.example')}").is_success


def test_only_people_who_may_write_import_and_bad_files_are_refused_in_their_language(
    server: ImportServer,
) -> None:
    with (
        server.client(ALICE) as alice,
        server.client(BOB) as bob,
        server.client(CAROL, **{"Accept-Language": "ru"}) as carol,
    ):
        shared = alice.post(
            f"/calendars/{server.family}/members", json={"member": BOB, "role": "read"}
        )
        assert shared.status_code == 201, shared.text
        assert bob.post(f"/calendars/{server.family}/accept").status_code == 200
        path = f"/calendars/{server.family}/import"

        reader = bob.post(path, content=school_file(), headers=ICS)
        assert reader.status_code == 403, reader.text
        outsider = carol.post(path, content=school_file(), headers=ICS)
        assert outsider.status_code == 404
        assert outsider.json()["detail"] == "Календарь не найден."

        as_json = alice.post(path, json={"ics": school_file().decode()})
        assert as_json.status_code == 415
        assert "text/calendar" in as_json.json()["detail"]
        as_form = alice.post(path, content=school_file(), headers={"Content-Type": "text/plain"})
        assert as_form.status_code == 415

        alice.headers["Accept-Language"] = "ru"
        not_ics = alice.post(path, content=b"%PDF-1.7 a scanned letter", headers=ICS)
        assert not_ics.status_code == 422
        assert not_ics.json()["detail"] == "Это не файл календаря (.ics)."
        nothing = alice.post(path, content=calendar_file(BROKEN), headers=ICS)
        assert nothing.status_code == 422
        assert nothing.json()["detail"] == (
            "Из этого файла нечего импортировать. «Never readable» пропущено: «FREQ=SOMETIMES» "
            "— правило повторения (RRULE), которое Televent не может прочитать."
        ), "the first event left out, and why"

        huge = calendar_file(SERIES, "X-FILLER:" + "x" * 11_000_000 + "\r\n")
        too_large = alice.post(path, content=huge, headers=ICS)
        assert too_large.status_code == 413
        assert "за один раз можно импортировать не больше 10 МБ" in too_large.json()["detail"]

    # Nothing of a refused import was stored.
    listing = server.caldav.request(
        "PROPFIND", FAMILY, headers={"Depth": "1", "Content-Type": "application/xml"}
    )
    assert ".ics</" not in listing.text


def _ctag(caldav: httpx.Client) -> str:
    body = (
        '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" '
        'xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/></d:prop></d:propfind>'
    )
    reply = caldav.request(
        "PROPFIND",
        FAMILY,
        content=body,
        headers={"Depth": "0", "Content-Type": "application/xml"},
    )
    assert reply.status_code == 207
    start = reply.text.index("getctag")
    return reply.text[start : reply.text.index("</", start)]


def _href_of(listing: str, prefix: str) -> str:
    start = listing.index(prefix)
    return listing[start : listing.index("</", start)]
