"""Implicit scheduling (RFC 6638) end to end against `televent serve`, on SQLite and PostgreSQL.

Alice (1) organises a meeting from her CalDAV client, Bob (2) is a Televent user and
carol@example.org is outside Televent. The clients behave as recorded: Thunderbird creates with
If-None-Match: * and updates with If-Match; Alice's reschedule is Apple-style, with
If-Schedule-Tag-Match on the version she read before Bob answered. After each step: what both
calendars hold, which iMIP emails reached the SMTP sink, which Telegram cards were queued.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.e2e.conftest import queued, running_serve, seed_accounts, with_mail
from tests.helpers import attendee_params
from tests.smtpsink import Recorder, messages, smtp_server

ALICE = "tg_1@televent.internal"
BOB = "tg_2@televent.internal"
CAROL = "carol@example.org"
UID = "flow-meeting-1@example.com"
ALICE_HREF = "/dav/calendars/1/default/flow-1.ics"
BOB_HREF = f"/dav/calendars/2/default/{UID}.ics"
CALENDAR = {"Content-Type": "text/calendar; charset=utf-8"}
# Cards are only sent for meetings still ahead: a month from now, then a day later.
DAY = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=30)
START = f"{DAY:%Y%m%d}T150000"
MOVED = f"{DAY + dt.timedelta(days=1):%Y%m%d}T150000"


def meeting(start: str = START, sequence: int = 0) -> str:
    end = start[:9] + "160000"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
        "BEGIN:VEVENT",
        f"UID:{UID}",
        f"DTSTAMP:{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART;TZID=Europe/Berlin:{start}",
        f"DTEND;TZID=Europe/Berlin:{end}",
        "SUMMARY:Planning",
        f"SEQUENCE:{sequence}",
        f"ORGANIZER;CN=Alice:mailto:{ALICE}",
        f"ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:{ALICE}",
        f"ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{BOB}",
        f"ATTENDEE;CN=Carol;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{CAROL}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def answered(ical: str, address: str, partstat: str) -> str:
    """The text with one attendee's PARTSTAT changed, as their client writes it."""
    unfolded = re.sub(r"\r\n[ \t]", "", ical)
    lines = unfolded.split("\r\n")
    for index, line in enumerate(lines):
        if line.startswith("ATTENDEE") and line.lower().endswith(f"mailto:{address}"):
            lines[index] = re.sub(r"PARTSTAT=[A-Z-]+", f"PARTSTAT={partstat}", line)
    changed = "\r\n".join(lines)
    assert changed != unfolded
    return changed


def rescheduled(ical: str, start: str, sequence: int) -> str:
    """The organizer's text moved to another day, its SEQUENCE raised."""
    unfolded = re.sub(r"\r\n[ \t]", "", ical)
    moved = re.sub(r"(DTSTART;TZID=Europe/Berlin:)\d{8}T\d{6}", rf"\g<1>{start}", unfolded)
    moved = re.sub(r"(DTEND;TZID=Europe/Berlin:)\d{8}T\d{6}", rf"\g<1>{start[:9]}160000", moved)
    moved = re.sub(r"SEQUENCE:\d+", f"SEQUENCE:{sequence}", moved)
    assert moved != unfolded
    return moved


def wait_for_mail(handler: Recorder, count: int) -> list[tuple[str, str]]:
    """(METHOD of the text/calendar part, recipient) of every message once `count` arrived."""
    deadline = time.monotonic() + 10
    while len(handler.envelopes) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    found = []
    for recipients, message in messages(handler):
        part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
        text = part.get_content()
        assert f"UID:{UID}" in text
        method = re.search(r"^METHOD:(\S+)", text, re.MULTILINE)
        assert method is not None
        found.append((method.group(1), ",".join(recipients)))
    assert len(found) == count, found
    return found


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


def test_invite_answer_reschedule_and_cancel_through_caldav(
    backend: Backend, tmp_path: Path, sink: tuple[Recorder, int]
) -> None:
    handler, smtp_port = sink
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with (
        running_serve(database_url, tmp_path, with_mail(smtp_port)) as (url, _),
        httpx.Client(base_url=url, auth=("1", users[1]), timeout=10) as alice,
        httpx.Client(base_url=url, auth=("2", users[2]), timeout=10) as bob,
    ):
        # 1. Alice's client creates the meeting.
        created = alice.put(
            ALICE_HREF, content=meeting(), headers={**CALENDAR, "If-None-Match": "*"}
        )
        assert created.status_code == 201, created.text
        assert created.headers.get("schedule-tag")
        bobs = bob.get(BOB_HREF)
        assert bobs.status_code == 200, bobs.text
        assert "SUMMARY:Planning" in bobs.text
        assert attendee_params(bobs.text, BOB)["PARTSTAT"] == "NEEDS-ACTION"
        assert wait_for_mail(handler, 1) == [("REQUEST", CAROL)]
        first = alice.get(ALICE_HREF)
        assert first.status_code == 200
        assert attendee_params(first.text, BOB)["SCHEDULE-STATUS"] == "1.2"
        assert attendee_params(first.text, CAROL)["SCHEDULE-STATUS"] == "1.1"
        tag, etag = first.headers["schedule-tag"], first.headers["etag"]
        assert tag == created.headers["schedule-tag"]
        mail, cards = queued(database_url)
        assert mail == [("REQUEST", CAROL)]
        assert cards == [("invitation", 2)]

        # 2. Bob accepts in his own client.
        accepted = bob.put(
            BOB_HREF,
            content=answered(bobs.text, BOB, "ACCEPTED"),
            headers={**CALENDAR, "If-Match": bobs.headers["etag"]},
        )
        assert accepted.status_code == 204, accepted.text
        after_answer = alice.get(ALICE_HREF)
        assert attendee_params(after_answer.text, BOB)["PARTSTAT"] == "ACCEPTED"
        assert after_answer.headers["schedule-tag"] == tag  # only an answer: the tag stays
        assert after_answer.headers["etag"] != etag
        assert attendee_params(bob.get(BOB_HREF).text, BOB)["PARTSTAT"] == "ACCEPTED"
        mail, cards = queued(database_url)
        assert mail == [("REQUEST", CAROL)]  # no new email
        assert ("rsvp", 1) in cards
        assert len(handler.envelopes) == 1

        # 3. Alice reschedules from the version she read before Bob answered. Her ETag is
        # stale now, her Schedule-Tag is not (RFC 6638 §3.2.10).
        moved = rescheduled(first.text, MOVED, 1)
        stale = alice.put(ALICE_HREF, content=moved, headers={**CALENDAR, "If-Match": etag})
        assert stale.status_code == 412, stale.text
        update = alice.put(
            ALICE_HREF, content=moved, headers={**CALENDAR, "If-Schedule-Tag-Match": tag}
        )
        assert update.status_code == 204, update.text
        assert update.headers.get("schedule-tag") not in (None, tag)
        bobs = bob.get(BOB_HREF)
        assert MOVED in bobs.text and START not in bobs.text
        assert attendee_params(bobs.text, BOB)["PARTSTAT"] == "NEEDS-ACTION"
        assert wait_for_mail(handler, 2) == [("REQUEST", CAROL), ("REQUEST", CAROL)]
        _, cards = queued(database_url)
        assert [c for c in cards if c[1] == 2] == [("invitation", 2), ("invitation_update", 2)]

        # 4. Bob may answer, not change what the organizer owns.
        refused = bob.put(
            BOB_HREF,
            content=bobs.text.replace("SUMMARY:Planning", "SUMMARY:Mine"),
            headers={**CALENDAR, "If-Match": bobs.headers["etag"]},
        )
        assert refused.status_code == 403, refused.text
        assert "allowed-attendee-scheduling-object-change" in refused.text
        assert bob.get(BOB_HREF).headers["etag"] == bobs.headers["etag"]

        # 5. Alice deletes the meeting.
        current = alice.get(ALICE_HREF)
        deleted = alice.delete(ALICE_HREF, headers={"If-Match": current.headers["etag"]})
        assert deleted.status_code == 204, deleted.text
        assert alice.get(ALICE_HREF).status_code == 404
        bobs = bob.get(BOB_HREF)
        assert bobs.status_code == 200
        assert "STATUS:CANCELLED" in bobs.text
        assert wait_for_mail(handler, 3) == [
            ("REQUEST", CAROL),
            ("REQUEST", CAROL),
            ("CANCEL", CAROL),
        ]
        mail, cards = queued(database_url)
        assert mail == [("REQUEST", CAROL), ("REQUEST", CAROL), ("CANCEL", CAROL)]
        assert cards[-1] == ("cancelled", 2)


def test_an_invitation_the_relay_refuses_shows_5_1_in_the_organizers_client(
    backend: Backend, tmp_path: Path
) -> None:
    """The relay refuses Carol's address for good (550): Alice's CalDAV client sees
    SCHEDULE-STATUS 5.1 on Carol after its next sync, and keeps seeing it when it saves a
    change that sends Carol nothing (RFC 6638 §3.2.9)."""
    handler = Recorder(rcpt_reply="550 5.1.1 no such user here")
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with (
        smtp_server(handler) as smtp_port,
        running_serve(database_url, tmp_path, with_mail(smtp_port)) as (url, _),
        httpx.Client(base_url=url, auth=("1", users[1]), timeout=10) as alice,
    ):
        created = alice.put(
            ALICE_HREF, content=meeting(), headers={**CALENDAR, "If-None-Match": "*"}
        )
        assert created.status_code == 201, created.text
        deadline = time.monotonic() + 15
        status = None
        while time.monotonic() < deadline:
            status = attendee_params(alice.get(ALICE_HREF).text, CAROL).get("SCHEDULE-STATUS")
            if status == "5.1":
                break
            time.sleep(0.2)
        assert status == "5.1", "the refusal never reached the organizer's copy"
        current = alice.get(ALICE_HREF)
        assert current.headers["schedule-tag"] == created.headers["schedule-tag"]
        assert attendee_params(current.text, BOB)["SCHEDULE-STATUS"] == "1.2"
        # Alice's client adds a note (nothing significant) and saves what it holds.
        noted = re.sub(r"\r\n[ \t]", "", current.text).replace(
            "SUMMARY:Planning", "SUMMARY:Planning\r\nCOMMENT:bring the numbers"
        )
        saved = alice.put(
            ALICE_HREF, content=noted, headers={**CALENDAR, "If-Match": current.headers["etag"]}
        )
        assert saved.status_code == 204, saved.text
        assert attendee_params(alice.get(ALICE_HREF).text, CAROL)["SCHEDULE-STATUS"] == "5.1"
    mail, cards = queued(database_url)
    assert mail == [("REQUEST", CAROL)]  # refused once, and not sent again
    assert ("mail_failed", 1) in cards
