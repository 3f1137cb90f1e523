"""Publishing a calendar as a feed (docs/adr/0022): what a busy-only feed keeps of an event,
and the Calendar aggregate's rules for who publishes and when a feed stops."""

from __future__ import annotations

import hashlib

import icalendar
import pytest

from televent.adapters.operations_middleware import logged_path
from televent.domain.calendar import Calendar
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.feed_publishing import busy_objects, busy_only
from televent.domain.values import account_id_for

ACTOR, SOURCE = "system:", "cli:tests"
HASH = hashlib.sha256(b"token").hexdigest()
OTHER_HASH = hashlib.sha256(b"other").hexdigest()

MEETING = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Tests//EN\r
BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:weekly@test\r
DTSTAMP:20260101T000000Z\r
DTSTART;TZID=Europe/Berlin:20260105T090000\r
DURATION:PT1H\r
RRULE:FREQ=WEEKLY;COUNT=5\r
EXDATE;TZID=Europe/Berlin:20260112T090000\r
CLASS:PRIVATE\r
SUMMARY:Salary talk\r
LOCATION:Room 4\r
DESCRIPTION:Numbers\r
ORGANIZER:mailto:boss@example.com\r
ATTENDEE;CN=Ann:mailto:ann@example.com\r
CATEGORIES:HR\r
URL:https://example.com/secret\r
X-SECRET:yes\r
BEGIN:VALARM\r
ACTION:DISPLAY\r
TRIGGER:-PT5M\r
DESCRIPTION:Salary talk\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@test\r
DTSTAMP:20260101T000000Z\r
RECURRENCE-ID;TZID=Europe/Berlin:20260119T090000\r
DTSTART;TZID=Europe/Berlin:20260119T140000\r
DURATION:PT1H\r
SUMMARY:Salary talk (moved)\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@test\r
DTSTAMP:20260101T000000Z\r
RECURRENCE-ID;TZID=Europe/Berlin:20260126T090000\r
DTSTART;TZID=Europe/Berlin:20260126T090000\r
DURATION:PT1H\r
STATUS:CANCELLED\r
SUMMARY:Salary talk\r
END:VEVENT\r
END:VCALENDAR\r
"""


def one(uid: str, extra: str, component: str = "VEVENT") -> str:
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:{component}\r\nUID:{uid}\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20260105T090000Z\r\nSUMMARY:Private\r\n"
        f"{extra}END:{component}\r\nEND:VCALENDAR\r\n"
    )


def test_a_busy_event_keeps_its_times_and_recurrence_and_nothing_else() -> None:
    text = busy_only(MEETING, "Busy")
    assert text is not None
    for hidden in ("Salary", "Room", "Numbers", "boss", "ann@", "HR", "secret", "X-SECRET"):
        assert hidden not in text
    assert "VALARM" not in text
    calendar = icalendar.Calendar.from_ical(text)
    assert [z["TZID"] for z in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    found = calendar.walk("VEVENT")
    assert len(found) == 2  # the cancelled occurrence is left out...
    series, moved = found
    assert {str(e["SUMMARY"]) for e in found} == {"Busy"}
    assert series["RRULE"]["FREQ"] == ["WEEKLY"]
    assert str(series["CLASS"]) == "PRIVATE"
    assert series.decoded("DURATION").total_seconds() == 3600
    excluded = {d.dt.day for e in series.get("EXDATE") for d in e.dts}
    assert excluded == {12, 26}  # ...and excluded from the rule, which would show it busy
    assert moved.decoded("RECURRENCE-ID").day == 19
    assert moved.decoded("DTSTART").hour == 14


def test_free_cancelled_and_other_components_are_no_busy_time() -> None:
    assert busy_only(one("free@t", "TRANSP:TRANSPARENT\r\n"), "Busy") is None
    assert busy_only(one("off@t", "STATUS:CANCELLED\r\n"), "Busy") is None
    assert busy_only(one("todo@t", "", "VTODO"), "Busy") is None
    opaque = busy_only(one("on@t", "TRANSP:OPAQUE\r\nSTATUS:CONFIRMED\r\n"), "Занят")
    assert opaque is not None and "SUMMARY:Занят" in opaque and "STATUS:CONFIRMED" in opaque


def test_unreadable_objects_are_never_passed_on_whole() -> None:
    objects = [
        ("a", one("a@t", "")),
        ("b", "BEGIN:VCALENDAR\r\nnot ical"),
        ("c", one("c@t", "TRANSP:TRANSPARENT\r\n")),
    ]
    out = dict(busy_objects(objects, "Busy"))
    assert set(out) == {"a", "b"}
    assert out["b"] == ""  # left for the bundle to skip and name, its text not shown
    assert "Private" not in out["a"]


def calendar() -> Calendar:
    return Calendar(
        account_id=account_id_for(1), slug="family", properties={}, actor=ACTOR, source=SOURCE
    )


def test_anyone_who_may_read_publishes_one_feed_which_stops_with_their_membership() -> None:
    family = calendar()
    owner, bob, carol = account_id_for(1), account_id_for(2), account_id_for(3)
    with pytest.raises(NotFoundError):  # not a member: the calendar is not revealed
        family.publish_feed(by=bob, token_hash=HASH, busy_only=False, actor=ACTOR, source=SOURCE)
    family.share(by=owner, member=bob, role="read", actor=ACTOR, source=SOURCE)
    with pytest.raises(NotFoundError):  # invited, not yet accepted
        family.publish_feed(by=bob, token_hash=HASH, busy_only=False, actor=ACTOR, source=SOURCE)
    family.answer_invitation(by=bob, accept=True, actor=ACTOR, source=SOURCE)
    family.publish_feed(by=bob, token_hash=HASH, busy_only=True, actor=ACTOR, source=SOURCE)
    assert family.feed_of(bob) == {"token_hash": HASH, "busy_only": True}
    family.publish_feed(by=bob, token_hash=OTHER_HASH, busy_only=False, actor=ACTOR, source=SOURCE)
    assert family.feed_of(bob) == {"token_hash": OTHER_HASH, "busy_only": False}
    with pytest.raises(DomainError):  # never the token itself
        family.publish_feed(
            by=owner, token_hash="token", busy_only=False, actor=ACTOR, source=SOURCE
        )
    family.publish_feed(by=owner, token_hash=HASH, busy_only=False, actor=ACTOR, source=SOURCE)
    with pytest.raises(NotFoundError):
        family.revoke_feed(by=carol, actor=ACTOR, source=SOURCE)

    family.remove_member(by=owner, member=bob, actor=ACTOR, source=SOURCE)
    assert family.feed_of(bob) is None and family.feed_of(owner) is not None
    family.revoke_feed(by=owner, actor=ACTOR, source=SOURCE)
    assert family.feed_of(owner) is None
    with pytest.raises(NotFoundError):
        family.revoke_feed(by=owner, actor=ACTOR, source=SOURCE)

    family.publish_feed(by=owner, token_hash=HASH, busy_only=False, actor=ACTOR, source=SOURCE)
    family.delete(actor=ACTOR, source=SOURCE)
    assert family.feed_of(owner) is None


def test_a_calendar_from_before_feeds_replays_without_them() -> None:
    family = calendar()
    del family.feeds  # as a calendar restored from state kept before feeds existed
    assert family.feed_of(account_id_for(1)) is None
    family.publish_feed(
        by=account_id_for(1), token_hash=HASH, busy_only=False, actor=ACTOR, source=SOURCE
    )
    assert family.feed_of(account_id_for(1)) is not None


def test_a_feeds_token_is_not_logged() -> None:
    assert logged_path("/feeds/s3cret.ics") == "/feeds/-"
    assert logged_path("/api/v1/calendars/x/feed") == "/api/v1/calendars/x/feed"
