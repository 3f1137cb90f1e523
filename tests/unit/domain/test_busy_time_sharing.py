"""Whose busy time a person may read (domain/busy_time_sharing.py): only what the owner did
themselves opens their week to the asker."""

from __future__ import annotations

import pytest

from televent.domain.busy_time_sharing import HeldAttendee, may_read_busy_time

OWNER, ASKER, OTHER = {"bob@example.com"}, {"alice@example.com"}, "carol@example.com"


def event(organizer: str | None) -> str:
    chair = f"ORGANIZER:mailto:{organizer}\r\n" if organizer else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:m@t\r\n"
        f"DTSTAMP:20260101T000000Z\r\nDTSTART:20260105T100000Z\r\n{chair}"
        "SUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.mark.parametrize(
    ("held", "allowed"),
    [
        # Bob organises a meeting with Alice: he invited her
        (HeldAttendee("alice@example.com", "NEEDS-ACTION", event("bob@example.com")), True),
        # Bob's copy of Alice's meeting, answered yes or maybe
        (HeldAttendee("bob@example.com", "ACCEPTED", event("alice@example.com")), True),
        (HeldAttendee("bob@example.com", "tentative", event("alice@example.com")), True),
        # not answered, or declined
        (HeldAttendee("bob@example.com", "NEEDS-ACTION", event("alice@example.com")), False),
        (HeldAttendee("bob@example.com", "DECLINED", event("alice@example.com")), False),
        # a third person's meeting with both of them: neither invited the other
        (HeldAttendee("alice@example.com", "ACCEPTED", event(OTHER)), False),
        (HeldAttendee("bob@example.com", "ACCEPTED", event(OTHER)), False),
        # no organizer, or data that cannot be read
        (HeldAttendee("alice@example.com", "ACCEPTED", event(None)), False),
        (HeldAttendee("alice@example.com", "ACCEPTED", "not icalendar"), False),
    ],
)
def test_only_the_owners_own_act_opens_their_week(held: HeldAttendee, allowed: bool) -> None:
    assert may_read_busy_time(OWNER, ASKER, [held]) is allowed


def test_odd_data_stops_nothing_else() -> None:
    lines = [
        HeldAttendee("alice@example.com", "ACCEPTED", "BEGIN:VCALENDAR\r\nbroken"),
        HeldAttendee("alice@example.com", "NEEDS-ACTION", event("bob@example.com")),
    ]
    assert may_read_busy_time(OWNER, ASKER, lines)
