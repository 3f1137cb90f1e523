"""What a booking promises its visitor about email, over HTTP against `televent serve` (both
backends): without mail (no TELEVENT_SMTP_URL) the booking says no invitation comes and offers
its .ics file, which carries the booking (and its moves) and nobody's address; with mail it
promises the invitation, and the invitation arrives, with the same UID as the file."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import Any

import httpx
import icalendar
import pytest

from tests.conftest import Backend
from tests.e2e.conftest import with_mail
from tests.e2e.test_api_booking import (
    NO_LIMITS,
    at,
    book,
    make_link,
    next_weekday,
    owner,
    problem,
    visitor,
)
from tests.smtpsink import Recorder, messages, smtp_server
from tests.tma import running_api_server


def event_of(reply: httpx.Response) -> Any:
    """The one VEVENT of an .ics download."""
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/calendar")
    assert reply.headers["content-disposition"] == 'attachment; filename="booking.ics"'
    calendar = icalendar.Calendar.from_ical(reply.text)
    assert calendar["METHOD"] == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    return event


def test_without_mail_the_booking_says_so_and_offers_its_ics(
    backend: Backend, tmp_path: Path
) -> None:
    tuesday = next_weekday(1)
    with (
        running_api_server(backend.migrated_url(), tmp_path, NO_LIMITS, bot=False) as server,
        owner(server) as alice,
        visitor(server) as vera,
    ):
        make_link(alice, "intro", location="Video call")
        booked = book(vera, "intro", at(tuesday, 10), tz="Asia/Tokyo")
        assert booked.status_code == 201, booked.text
        booking = booked.json()
        assert booking["invitation_by_email"] is False
        ics_url = booking["ics_url"]
        assert ics_url == f"/api/v1{booking['manage_url']}/booking.ics"

        download = vera.get(ics_url)
        event = event_of(download)
        assert str(event["SUMMARY"]) == "Intro call: Vera Visitor and Alice"
        assert event.decoded("DTSTART") == dt.datetime.fromisoformat(at(tuesday, 10))
        assert event.decoded("DTEND") == dt.datetime.fromisoformat(at(tuesday, 10)) + dt.timedelta(
            minutes=30
        )
        assert str(event["LOCATION"]) == "Video call"
        assert f"{server.url}{booking['manage_url']}" in str(event["DESCRIPTION"])
        assert "ORGANIZER" not in event and "ATTENDEE" not in event
        assert "televent.internal" not in download.text
        assert not re.search(r"tg_\d+@", download.text)  # no internal address, however written
        manage = vera.get(f"/api/v1{booking['manage_url']}").json()
        assert manage["invitation_by_email"] is False and manage["ics_url"] == ics_url

        moved = vera.post(
            f"/api/v1{booking['manage_url']}/reschedule", json={"start": at(tuesday, 14)}
        )
        assert moved.status_code == 200, moved.text
        later = event_of(vera.get(ics_url))
        assert later["UID"] == event["UID"]
        assert later.decoded("DTSTART") == dt.datetime.fromisoformat(at(tuesday, 14))
        assert int(later["SEQUENCE"]) > int(event["SEQUENCE"])

        problem(vera.get(ics_url.replace("/manage/", "/manage/x")), 404)
        assert vera.post(f"/api/v1{booking['manage_url']}/cancel").status_code == 200
        assert "cancelled" in problem(vera.get(ics_url), 409)["detail"]


def test_with_mail_the_booking_promises_the_invitation_and_it_comes(
    backend: Backend, tmp_path: Path
) -> None:
    tuesday = next_weekday(1)
    recorder = Recorder()
    with (
        smtp_server(recorder) as smtp_port,
        running_api_server(
            backend.migrated_url(), tmp_path, {**with_mail(smtp_port), **NO_LIMITS}, bot=False
        ) as server,
        owner(server) as alice,
        visitor(server) as vera,
    ):
        make_link(alice, "intro")
        booked = book(vera, "intro", at(tuesday, 10))
        assert booked.status_code == 201, booked.text
        booking = booked.json()
        assert booking["invitation_by_email"] is True
        uid = event_of(vera.get(booking["ics_url"]))["UID"]
        deadline = time.monotonic() + 30
        while True:
            invitations = [
                part.get_content()
                for recipients, message in messages(recorder)
                if "vera@example.org" in recipients
                for part in message.walk()
                if part.get_content_type() == "text/calendar"
            ]
            if invitations:
                break
            if time.monotonic() > deadline:
                pytest.fail("the invitation the booking promised did not come")
            time.sleep(0.2)
        assert "METHOD:REQUEST" in invitations[0] and f"UID:{uid}" in invitations[0]
