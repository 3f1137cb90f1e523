"""GDPR and booking links: the export holds the person's availability, links and bookings;
after the erasure the bookings read model holds nothing of them, their manage links lead
nowhere and their slug is free for someone else (both backends)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from televent.application.bookings import BookingRequest
from televent.application.televent import Televent
from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.conftest import FakeClock

OWNER, OTHER, VISITOR = 4242, 777, 888
OPERATOR = "dpo"
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
SLOT = dt.datetime(2026, 3, 3, 14, 0, tzinfo=dt.UTC)


def _account_id(app: Televent, telegram_id: int) -> UUID:
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    return account.account_id


@pytest.fixture
def booked(app: Televent, clock: FakeClock) -> str:
    """Olga's availability and /intro link, booked by Ann; returns Ann's manage token."""
    clock.now = NOW
    app.register_account(
        OWNER, name="Olga Owner", timezone="Europe/Berlin", actor="system:", source="cli:op"
    )
    account_id = _account_id(app, OWNER)
    owner = f"account:{account_id}"
    app.set_availability(
        account_id,
        Availability.from_json(
            {"timezone": "Europe/Berlin", "weekly": {"tue": [["10:00", "18:00"]]}, "overrides": []}
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
    token = uuid4().hex
    app.book(
        BookingRequest(
            slug="intro", start=SLOT, name="Ann Visitor", email="ann@example.org", tz="UTC"
        ),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )
    return token


def test_the_export_holds_the_schedule(app: Televent, booked: str, tmp_path: Path) -> None:
    out = tmp_path / "olga.zip"
    PersonalData(app).export(OWNER, out, operator=OPERATOR, reason="request #1")
    with zipfile.ZipFile(out) as archive:
        events = json.loads(archive.read("events.json"))
    kinds = [e["event"] for e in events if e["event"].startswith("Schedule.")]
    assert kinds == [
        "Schedule.ScheduleOpened",
        "Schedule.AvailabilitySet",
        "Schedule.BookingLinkAdded",
        "Schedule.Booked",
    ]
    [availability] = [e for e in events if e["event"] == "Schedule.AvailabilitySet"]
    assert availability["data"]["availability"]["weekly"]["tue"] == [["10:00", "18:00"]]
    [link] = [e for e in events if e["event"] == "Schedule.BookingLinkAdded"]
    assert link["data"]["link"]["slug"] == "intro"
    [booking] = [e for e in events if e["event"] == "Schedule.Booked"]
    assert booking["data"]["booking"]["email"] == "ann@example.org"
    assert booking["data"]["booking"]["start"] == "2026-03-03T14:00:00+00:00"


def test_erasure_leaves_no_booking_and_frees_the_slug(app: Televent, booked: str) -> None:
    account_id = _account_id(app, OWNER)
    assert app.queries.booking_by_token(booked) is not None
    PersonalData(app).erase(OWNER, operator=OPERATOR, reason="Art. 17 request")

    assert app.queries.booking_by_token(booked) is None
    assert app.queries.bookings_of(account_id, active_only=False) == []
    assert app.queries.links_of(account_id) == []
    assert app.queries.link("intro") is None
    assert app.queries.availability_of(account_id) is None
    with app.views.read() as db:
        for table in ("bookings", "booking_links", "availability"):
            assert db.all(f"SELECT * FROM {table}") == [], table
        mail = db.all("SELECT recipient, method FROM mail_outbox")
    # Only the farewell is left: Ann is told the meeting is off (deleted once sent, gdpr.py).
    assert [(m["recipient"], m["method"]) for m in mail] == [("ann@example.org", "CANCEL")]

    # Someone else may take the address now.
    app.register_account(OTHER, name="Oscar", timezone="UTC", actor="system:", source="cli:op")
    app.create_booking_link(
        _account_id(app, OTHER),
        BookingLink.from_json({"slug": "intro", "title": "Oscar's intro"}),
        actor="system:",
        source="api:tma",
    )
    view = app.queries.link("intro")
    assert view is not None and view.account_id == _account_id(app, OTHER)


def test_erasing_a_visitor_who_is_a_televent_user_keeps_the_owners_booking(
    app: Televent, booked: str
) -> None:
    """Olga's booking names Vera, a Televent user who is then erased: her name and address
    read back as a pseudonym, and every read model still rebuilds (the erasure's own
    rebuild included)."""
    app.register_account(VISITOR, name="Vera", timezone="UTC", actor="t", source="cli")
    app.link_email(VISITOR, "vera@example.org", actor="t", source="cli")
    token = uuid4().hex
    app.book(
        BookingRequest(
            slug="intro",
            start=SLOT + dt.timedelta(hours=1),
            name="Vera Visitor",
            email="vera@example.org",
            tz="UTC",
        ),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )
    PersonalData(app).erase(VISITOR, operator=OPERATOR, reason="Art. 17 request")
    booking = app.queries.booking_by_token(token)
    assert booking is not None and booking.active
    assert "vera" not in booking.email and booking.name == ""
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
