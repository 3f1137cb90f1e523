"""The audit of booking links: the Schedule's events (availability, links, bookings, their
cancellation and release) are in the owner's timeline, described as a person reads them, in
the application and through `televent audit account` (both backends)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

from televent.application.bookings import BookingRequest
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from televent.ops.audit import Audit
from tests.conftest import Backend, FakeClock
from tests.integration.test_cli import Cli

OWNER = 4242
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)  # Monday
SLOT = dt.datetime(2026, 3, 3, 14, 0, tzinfo=dt.UTC)


def _account_id(app: Televent) -> UUID:
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    return account.account_id


def _book(app: Televent, start: dt.datetime, name: str, email: str) -> str:
    token = uuid4().hex
    app.book(
        BookingRequest(slug="intro", start=start, name=name, email=email, tz="America/New_York"),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )
    return token


def _set_up(app: Televent) -> None:
    app.register_account(
        OWNER, name="Olga Owner", timezone="Europe/Berlin", actor="system:", source="cli:op"
    )
    account_id = _account_id(app)
    owner = f"account:{account_id}"
    app.set_availability(
        account_id,
        Availability.from_json(
            {
                "timezone": "Europe/Berlin",
                "weekly": {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed")},
                "overrides": [{"date": "2026-12-24", "ranges": []}],
            }
        ),
        actor=owner,
        source="api:tma",
    )
    app.create_booking_link(
        account_id,
        BookingLink.from_json({"slug": "intro", "title": "Intro call", "duration_minutes": 30}),
        actor=owner,
        source="api:tma",
    )


def _schedule_lines(entries: list[Any]) -> list[tuple[str, list[str]]]:
    return [(e.kind, list(e.diff)) for e in entries if e.aggregate == "Schedule"]


def test_the_owners_timeline_tells_the_bookings(app: Televent, clock: FakeClock) -> None:
    clock.now = NOW
    _set_up(app)
    account_id = _account_id(app)
    app.change_booking_link(
        account_id, "intro", {"duration_minutes": 45}, actor="system:", source="api:tma"
    )
    app.change_booking_link(
        account_id, "intro", {"duration_minutes": 30}, actor="system:", source="api:tma"
    )
    ann = _book(app, SLOT, "Ann Visitor", "ann@example.org")
    app.reschedule_booking(ann, SLOT + dt.timedelta(hours=1), source="booking")
    app.cancel_booking(ann, reason="Something came up", source="booking")
    bob = _book(app, SLOT, "Bob Visitor", "bob@example.org")
    booking = app.queries.booking_by_token(bob)
    assert booking is not None
    obj = app.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    app.delete_object(obj.calendar_id, obj.href, actor="system:", source="caldav:x")
    _book(app, SLOT, "Carl Visitor", "carl@example.org")  # the schedule notes the release
    app.delete_booking_link(account_id, "intro", actor="system:", source="api:tma")

    lines = _schedule_lines(Audit(app).account_timeline(OWNER))
    kinds = [kind for kind, _ in lines]
    assert kinds == [
        "ScheduleOpened",
        "AvailabilitySet",
        "BookingLinkAdded",
        "BookingLinkChanged",
        "BookingLinkChanged",
        "Booked",
        "BookingRescheduled",
        "BookingCancelled",
        "Booked",
        "BookingsReleased",
        "Booked",
        "BookingLinkRemoved",
    ]
    said = dict(zip(range(len(lines)), (diff for _, diff in lines), strict=True))
    assert said[1] == [
        "availability (Europe/Berlin): Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; "
        "other hours on 2026-12-24"
    ]
    assert said[2] == ["booking link /intro 'Intro call', 30 min"]
    assert said[3] == [
        "booking link /intro: duration_minutes 30 → 45",
        "booking link /intro: durations_minutes [30] → [45]",
    ]
    assert said[5][0] == (
        "Ann Visitor (ann@example.org) booked Intro call for 2026-03-03 14:00 UTC "
        "via booking link /intro"
    )
    assert said[6] == [
        "booking of Ann Visitor (ann@example.org) for Intro call at 2026-03-03 15:00 UTC: "
        "start moved 14:00 → 15:00"
    ]
    assert said[7] == [
        "booking of Ann Visitor (ann@example.org) for Intro call at 2026-03-03 15:00 UTC "
        "cancelled: 'Something came up'"
    ]
    assert said[9] == [
        "booking of Bob Visitor (bob@example.org) for Intro call at 2026-03-03 14:00 UTC "
        "released (its event left the calendar)"
    ]
    assert said[11] == ["booking link /intro removed"]


@pytest.fixture
def cli(backend: Backend, tmp_path: Path) -> Cli:
    return Cli(backend.fresh_url(), tmp_path)


def test_televent_audit_account_shows_the_bookings(cli: Cli) -> None:
    assert cli("db", "upgrade").returncode == 0
    app = build_application(Settings(database_url=cli.env["TELEVENT_DATABASE_URL"]))
    try:
        _set_up(app)
        link, owner = app.slot_reader.public_link("intro")
        now = app.clock()
        first = app.slot_reader.slots(
            link.link, owner, start=now, end=now + dt.timedelta(days=8), now=now
        )[0][0]
        _book(app, first, "Ann Visitor", "ann@example.org")
    finally:
        app.close()

    result = cli("audit", "account", str(OWNER), "--json")
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)
    [booked] = [e for e in timeline if e["kind"] == "Booked"]
    assert booked["diff"][0] == (
        f"Ann Visitor (ann@example.org) booked Intro call for "
        f"{first.strftime('%Y-%m-%d %H:%M')} UTC via booking link /intro"
    )
    assert booked["who"] == "visitor ann@example.org (booking link /intro)"
    text = cli("audit", "account", str(OWNER))
    assert text.returncode == 0, text.stderr
    assert "booked Intro call" in text.stdout
    assert "booking link /intro 'Intro call', 30 min" in text.stdout
