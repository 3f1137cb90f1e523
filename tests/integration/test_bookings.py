"""Booking links through the application: slots, a booking that becomes an event with its
invitation, no double booking, caps, cancel and reschedule through the manage link, the owner
deleting the event, and a rebuild equal to the live read model (both backends)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from uuid import UUID, uuid4

import pytest

from televent.application.bookings import BookingRequest, SlotTakenError
from televent.application.televent import Televent
from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from televent.domain.errors import ConflictError, DomainError, ForbiddenError, NotFoundError
from televent.projections.rebuild import Rebuilder
from tests.conftest import FakeClock

OWNER = 4242
BERLIN = "Europe/Berlin"
# Monday 2 March 2026, 06:00 UTC (07:00 in Berlin): the clock of these tests.
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)


@pytest.fixture
def owner(app: Televent, clock: FakeClock) -> Televent:
    clock.now = NOW
    app.register_account(OWNER, name="Olga Owner", timezone=BERLIN, actor="test", source="cli")
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    app.create_booking_link(
        account.account_id,
        BookingLink.from_json(
            {
                "slug": "intro",
                "title": "Intro call",
                "duration_minutes": 30,
                "min_notice_minutes": 60,
                "horizon_days": 14,
                "questions": [{"label": "What about?", "required": True}],
            }
        ),
        actor="test",
        source="api",
    )
    return app


def _account_id(app: Televent) -> UUID:
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    return account.account_id


def _slots(app: Televent, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    link, account = app.slot_reader.public_link("intro")
    found = app.slot_reader.slots(link.link, account, start=start, end=end, now=app.clock())
    return [s for s, _ in found]


def _book(app: Televent, start: dt.datetime, email: str = "ann@example.org") -> str:
    token = uuid4().hex
    app.book(
        BookingRequest(
            slug="intro",
            start=start,
            name="Ann Visitor",
            email=email,
            tz="America/New_York",
            answers={"q1": "Televent"},
        ),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )
    return token


def _mail_rows(app: Televent) -> list[dict[str, Any]]:
    with app.views.read() as db:
        return db.all("SELECT recipient, method, payload FROM mail_outbox ORDER BY created_at")


def test_slots_follow_the_owners_zone_and_notice(owner: Televent) -> None:
    slots = _slots(owner, NOW, NOW + dt.timedelta(days=1))
    # 09:00 Berlin is 08:00 UTC in winter; the notice (60 min from 07:00) does not bite.
    assert slots[0] == dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    assert slots[-1] == dt.datetime(2026, 3, 2, 15, 30, tzinfo=dt.UTC)
    assert len(slots) == 16


def test_a_booking_becomes_an_event_with_an_invitation(owner: Televent) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    token = _book(owner, start)
    booking = owner.queries.booking_by_token(token)
    assert booking is not None and booking.active
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    assert "Intro call: Ann Visitor and Olga Owner" in obj.ical
    assert "mailto:ann@example.org" in obj.ical
    assert "What about?: Televent" in obj.ical.replace("\r\n ", "")
    mails = [m for m in _mail_rows(owner) if m["recipient"] == "ann@example.org"]
    assert [m["method"] for m in mails] == ["REQUEST"]
    # The slot is gone, and so is the one it overlaps.
    assert start not in _slots(owner, NOW, NOW + dt.timedelta(days=1))


def _booked_for_an_owner_reading(owner: Televent, language: str) -> str:
    """The stored event (unfolded) of a booking of Olga's link once she reads `language`."""
    owner.change_account_settings(
        OWNER, {"telegram_language": language}, actor="system:", source="cli:tests"
    )
    booking = owner.queries.booking_by_token(
        _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    )
    assert booking is not None
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    return obj.ical.replace("\r\n ", "")


def test_the_booked_event_is_named_in_the_owners_language(owner: Televent) -> None:
    """Olga reads German: her calendar and the visitor's invitation name the meeting in
    German (the link's own title and the names as written)."""
    unfolded = _booked_for_an_owner_reading(owner, "de")
    assert "SUMMARY:Intro call: Ann Visitor und Olga Owner" in unfolded
    assert "Gebucht über einen Televent-Buchungslink." in unfolded
    assert " and " not in unfolded and "Booked with" not in unfolded


def test_a_right_to_left_owners_booking_keeps_no_direction_marks(owner: Televent) -> None:
    """Persian is written right to left: the catalogue isolates names in it for a screen,
    but calendar data leaves for other software (searched, matched, shown by any client)."""
    unfolded = _booked_for_an_owner_reading(owner, "fa")
    assert "SUMMARY:Intro call: Ann Visitor و Olga Owner" in unfolded
    assert not set(unfolded) & {"\u2066", "\u2067", "\u2068", "\u2069"}


def test_the_same_slot_cannot_be_booked_twice(owner: Televent) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    _book(owner, start)
    with pytest.raises(SlotTakenError):
        _book(owner, start, email="bob@example.org")
    assert len(owner.queries.bookings_of(_account_id(owner))) == 1


def test_an_unoffered_time_is_refused(owner: Televent) -> None:
    with pytest.raises(SlotTakenError):  # 06:30 Berlin: outside the availability
        _book(owner, dt.datetime(2026, 3, 3, 5, 30, tzinfo=dt.UTC))
    with pytest.raises(SlotTakenError):  # beyond the 14-day horizon
        _book(owner, dt.datetime(2026, 3, 20, 9, 0, tzinfo=dt.UTC))


def _event(uid: str, start: str, end: str, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"{extra}SUMMARY:{uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_busy_time_from_the_calendar_blocks_slots(owner: Televent) -> None:
    calendar = owner.queries.calendars_of(_account_id(owner))[0]
    for uid, start, end, extra in [
        ("dentist", "20260302T100000Z", "20260302T110000Z", ""),
        ("reading", "20260302T120000Z", "20260302T130000Z", "TRANSP:TRANSPARENT\r\n"),
        ("called-off", "20260302T140000Z", "20260302T150000Z", "STATUS:CANCELLED\r\n"),
        ("standup", "20260302T080000Z", "20260302T081500Z", "RRULE:FREQ=DAILY\r\n"),
    ]:
        owner.put_object(
            calendar.calendar_id,
            f"{uid}.ics",
            _event(uid, start, end, extra),
            actor="test",
            source="caldav",
        )
    slots = _slots(owner, NOW, NOW + dt.timedelta(days=2))

    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)

    assert at(2, 10) not in slots and at(2, 10, 30) not in slots and at(2, 11) in slots
    assert at(2, 12) in slots and at(2, 14) in slots  # transparent, cancelled: free
    assert at(2, 8) not in slots and at(3, 8) not in slots  # the daily stand-up, expanded
    assert at(2, 8, 30) in slots and at(3, 8, 30) in slots


def test_cancel_by_the_manage_link_deletes_the_event_and_sends_cancel(owner: Televent) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    token = _book(owner, start)
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    owner.cancel_booking(token, reason="cannot make it", source="booking")
    assert owner.queries.object_by_event_id(booking.event_id) is None
    methods = [m["method"] for m in _mail_rows(owner) if m["recipient"] == "ann@example.org"]
    assert methods == ["REQUEST", "CANCEL"]
    assert start in _slots(owner, NOW, NOW + dt.timedelta(days=1))
    with pytest.raises(ConflictError):
        owner.cancel_booking(token, reason="again", source="booking")
    with pytest.raises(NotFoundError):
        owner.cancel_booking("not-a-token", reason="", source="booking")


def test_reschedule_moves_the_event(owner: Televent) -> None:
    token = _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    later = dt.datetime(2026, 3, 3, 13, 0, tzinfo=dt.UTC)
    moved = owner.reschedule_booking(token, later, source="booking")
    assert moved.start == "2026-03-03T13:00:00+00:00"
    obj = owner.queries.object_by_event_id(moved.event_id)
    assert obj is not None and "DTSTART;TZID=Europe/Berlin:20260303T140000" in obj.ical
    methods = [m["method"] for m in _mail_rows(owner) if m["recipient"] == "ann@example.org"]
    assert methods == ["REQUEST", "REQUEST"]


def test_the_owner_deleting_the_event_frees_the_slot(owner: Televent) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    token = _book(owner, start)
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    owner.delete_object(obj.calendar_id, obj.href, actor="owner", source="caldav")
    released = owner.queries.booking_by_token(token)
    assert released is not None and released.status == "released"
    methods = [m["method"] for m in _mail_rows(owner) if m["recipient"] == "ann@example.org"]
    assert methods == ["REQUEST", "CANCEL"]
    _book(owner, start, email="carl@example.org")  # the aggregate lets the slot go too


def test_max_per_day(owner: Televent) -> None:
    owner.change_booking_link(
        _account_id(owner), "intro", {"max_per_day": 1}, actor="test", source="api"
    )
    _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    assert _slots(owner, NOW, NOW + dt.timedelta(hours=17)) == []
    assert _slots(owner, NOW + dt.timedelta(days=1), NOW + dt.timedelta(days=2))


def test_paused_links_and_taken_slugs(owner: Televent) -> None:
    account_id = _account_id(owner)
    owner.change_booking_link(account_id, "intro", {"active": False}, actor="t", source="api")
    assert _slots(owner, NOW, NOW + dt.timedelta(days=1)) == []
    with pytest.raises(DomainError):
        _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    owner.register_account(777, name="Other", timezone="UTC", actor="test", source="cli")
    other = owner.queries.account_by_telegram_id(777)
    assert other is not None
    with pytest.raises(ConflictError):
        owner.create_booking_link(
            other.account_id,
            BookingLink.from_json({"slug": "intro", "title": "Mine"}),
            actor="t",
            source="api",
        )


def test_availability_and_rebuild(owner: Televent) -> None:
    account_id = _account_id(owner)
    availability = Availability.from_json(
        {"timezone": BERLIN, "weekly": {"mon": [["13:00", "14:00"]]}, "overrides": []}
    )
    owner.set_availability(account_id, availability, actor="t", source="api")
    slots = _slots(owner, NOW, NOW + dt.timedelta(days=1))
    assert slots == [
        dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 2, 12, 30, tzinfo=dt.UTC),
    ]
    token = _book(owner, slots[0])
    owner.cancel_booking(token, reason="", source="booking")
    _book(owner, slots[1])
    assert owner.queries.availability_of(account_id) == availability
    report = Rebuilder(owner.engine, owner.views).run(["bookings"], verify=True)
    assert report.matches
    with owner.views.read() as db:
        rows = db.all("SELECT data FROM bookings")
    assert {json.loads(r["data"])["name"] for r in rows} == {"Ann Visitor"}


def test_the_schedule_follows_an_event_the_owner_moved(owner: Televent) -> None:
    first = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    token = _book(owner, first)
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    moved = obj.ical.replace("T100000", "T140000").replace("T103000", "T143000")  # Berlin
    owner.put_object(obj.calendar_id, obj.href, moved, actor="owner", source="caldav")
    followed = owner.queries.booking_by_token(token)
    assert followed is not None and followed.start == "2026-03-02T13:00:00+00:00"
    _book(owner, first, email="bob@example.org")  # the old time is free again, for everyone
    with pytest.raises(SlotTakenError):
        _book(owner, dt.datetime(2026, 3, 2, 13, 0, tzinfo=dt.UTC), email="carl@example.org")


def test_manage_links_stop_at_a_slug_taken_over_and_at_the_meeting(
    owner: Televent, clock: FakeClock
) -> None:
    token = _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    owner.delete_booking_link(_account_id(owner), "intro", actor="t", source="api")
    owner.register_account(777, name="Other", timezone="UTC", actor="test", source="cli")
    other = owner.queries.account_by_telegram_id(777)
    assert other is not None
    owner.create_booking_link(
        other.account_id,
        BookingLink.from_json({"slug": "intro", "title": "Mine", "min_notice_minutes": 0}),
        actor="t",
        source="api",
    )
    with pytest.raises(NotFoundError):  # not moved into the other person's hours
        owner.reschedule_booking(token, dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC), source="b")
    clock.now = dt.datetime(2026, 3, 2, 9, 5, tzinfo=dt.UTC)
    with pytest.raises(ConflictError):  # the meeting has begun
        owner.cancel_booking(token, reason="", source="booking")


def test_visitors_addresses_are_checked(owner: Televent) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    for email in (
        "ann@example.org\nbcc@x.org",
        "ann@exa mple.org",
        f"tg_1@{owner.internal_domain}",
    ):
        with pytest.raises(DomainError):
            _book(owner, start, email=email)
    with pytest.raises(DomainError):
        owner.book(
            BookingRequest(slug="intro", start=start, name="Ann\x00", email="a@b.org", tz="UTC"),
            booking_id="x",
            token="y",
            source="booking",
        )


def test_a_televent_user_booking_gets_an_invitation_to_confirm(owner: Televent) -> None:
    owner.register_account(888, name="Vera", timezone="UTC", actor="t", source="cli")
    owner.link_email(888, "vera@example.org", actor="t", source="cli")
    token = _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), email="vera@example.org")
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None and "PARTSTAT=NEEDS-ACTION" in obj.ical.replace("\r\n ", "")


def test_manage_links_stop_once_the_links_owner_may_no_longer_write_in_its_calendar(
    owner: Televent,
) -> None:
    """Olga's link books into Alice's team calendar, which Alice shared with her to edit;
    once Alice removes her, a visitor's manage link would still have moved and deleted the
    event in Alice's calendar with the rights Olga no longer has."""
    olga = _account_id(owner)
    owner.register_account(77, name="Alice", timezone=BERLIN, actor="test", source="cli")
    alice_account = owner.queries.account_by_telegram_id(77)
    assert alice_account is not None
    alice = alice_account.account_id
    team = owner.create_calendar(alice, "team", {"display_name": "Team"}, actor="t", source="t")
    owner.share_calendar(team, by=alice, member=olga, role="write", actor="t", source="t")
    owner.answer_calendar_invitation(team, by=olga, accept=True, actor="t", source="t")
    owner.change_booking_link(olga, "intro", {"calendar_id": str(team)}, actor="t", source="t")
    token = _book(owner, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    booked = owner.queries.object_by_event_id(booking.event_id)
    assert booked is not None and booked.calendar_id == team

    owner.remove_member(team, by=alice, member=olga, actor="t", source="t")
    later = dt.datetime(2026, 3, 3, 13, 0, tzinfo=dt.UTC)
    for change in (
        lambda: owner.reschedule_booking(token, later, source="booking"),
        lambda: owner.cancel_booking(token, reason="no", source="booking"),
    ):
        with pytest.raises(ForbiddenError) as refused:
            change()
        assert refused.value.wording is not None
        assert refused.value.wording[0] == "refusal-booking-calendar-closed"
    after = owner.queries.object_by_event_id(booking.event_id)
    assert after is not None and after.ical == booked.ical  # Alice's event as it was
    still = owner.queries.booking_by_token(token)
    assert still is not None and still.status == booking.status


def test_an_answer_of_several_lines_keeps_its_lines(owner: Televent) -> None:
    """The page asks in a text box: an address or an agenda arrived as one long line."""
    token = uuid4().hex
    owner.book(
        BookingRequest(
            slug="intro", start=dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), name="Ann",
            email="ann@example.org", tz="UTC",
            answers={"q1": "  Agenda:\r\n1.  the  budget\n\n\n\n2. hiring  \n"},
        ),
        booking_id=uuid4().hex, token=token, source="booking",
    )  # fmt: skip
    booking = owner.queries.booking_by_token(token)
    assert booking is not None
    assert booking.answers == {"q1": "Agenda:\n1. the budget\n\n2. hiring"}
    obj = owner.queries.object_by_event_id(booking.event_id)
    assert obj is not None
    description = obj.ical.replace("\r\n ", "")
    assert "Agenda:\\n1. the budget\\n\\n2. hiring" in description
