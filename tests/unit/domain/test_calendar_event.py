"""CalendarEvent rules, decided without storage: given a history, when a command, then events."""

from __future__ import annotations

import uuid

import icalendar
import pytest

from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import NotFoundError, NotInvitedError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.values import PartStat
from tests.helpers import ACTOR, CALDAV, vevent

CALENDAR = uuid.UUID("00000000-0000-0000-0000-00000000ca1e")
OWNER = uuid.UUID("00000000-0000-0000-0000-0000000000a1")


def created(text: str) -> CalendarEvent:
    obj = parse_calendar_object(text)
    event = CalendarEvent(
        calendar_id=CALENDAR,
        account_id=OWNER,
        uid=obj.uid,
        href="e.ics",
        ical=obj.text,
        facts=facts_of(obj),
        actor=ACTOR,
        source=CALDAV,
    )
    event.collect_events()
    return event


def names(event: CalendarEvent) -> list[str]:
    return [type(e).__name__ for e in event.collect_events()]


def revise(event: CalendarEvent, text: str) -> None:
    event.revise(parse_calendar_object(text), href="e.ics", actor=ACTOR, source=CALDAV)


def test_identical_body_appends_nothing() -> None:
    event = created(vevent())
    revise(event, vevent())
    assert names(event) == []


def test_summary_change_is_an_update_without_sequence_bump() -> None:
    event = created(vevent(sequence=0))
    revise(event, vevent(summary="Renamed", sequence=0))
    pending = event.collect_events()
    assert [type(e).__name__ for e in pending] == ["EventUpdated"]
    assert pending[0].changes["SUMMARY"] == ["Team sync", "Renamed"]
    assert event.facts["sequence"] == 0


def test_reschedule_raises_sequence_and_asks_attendees_again() -> None:
    event = created(vevent(attendees=[("bob@example.com", "ACCEPTED")], sequence=0))
    revise(
        event,
        vevent(
            start="20260305T170000",
            end="20260305T180000",
            attendees=[("bob@example.com", "ACCEPTED")],
            sequence=0,
        ),
    )
    pending = event.collect_events()
    assert [type(e).__name__ for e in pending] == ["EventUpdated"]  # a reset is not an RSVP
    assert "DTSTART" in pending[0].changes
    assert event.facts["sequence"] == 1
    assert event.facts["attendees"][0]["partstat"] == "NEEDS-ACTION"
    assert "SEQUENCE:1" in event.ical


def test_client_raised_sequence_is_not_raised_again() -> None:
    event = created(vevent(sequence=3))
    revise(event, vevent(start="20260305T170000", end="20260305T180000", sequence=4))
    assert event.facts["sequence"] == 4


def test_location_change_is_significant() -> None:
    event = created(vevent(sequence=0))
    revise(event, vevent(sequence=0, extra="LOCATION:Room 4"))
    assert event.facts["sequence"] == 1


def test_attendee_changes_in_a_put_become_their_own_events() -> None:
    event = created(
        vevent(
            attendees=[("bob@example.com", "NEEDS-ACTION"), ("carol@example.com", "NEEDS-ACTION")]
        )
    )
    revise(
        event,
        vevent(attendees=[("bob@example.com", "ACCEPTED"), ("dave@example.com", "NEEDS-ACTION")]),
    )
    pending = event.collect_events()
    assert [type(e).__name__ for e in pending] == [
        "RsvpGiven",
        "AttendeeInvited",
        "AttendeeRemoved",
    ]
    assert [e.ical is None for e in pending] == [True, True, False]
    assert {a["address"] for a in event.facts["attendees"]} == {
        "bob@example.com",
        "dave@example.com",
    }


def test_rsvp_only_from_invited_and_once() -> None:
    event = created(vevent(attendees=[("bob@example.com", "NEEDS-ACTION")]))
    with pytest.raises(NotInvitedError):
        event.give_rsvp("mallory@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
    event.give_rsvp("mailto:BOB@Example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
    event.give_rsvp("bob@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
    assert names(event) == ["RsvpGiven"]
    assert "PARTSTAT=ACCEPTED" in event.ical
    assert event.facts["attendees"][0]["partstat"] == "ACCEPTED"


def test_rsvp_for_one_instance_creates_an_override() -> None:
    event = created(
        vevent(attendees=[("bob@example.com", "NEEDS-ACTION")], rrule="FREQ=WEEKLY;COUNT=4")
    )
    event.give_rsvp(
        "bob@example.com",
        PartStat.DECLINED,
        recurrence_id="2026-03-12T15:00:00+01:00",
        actor=ACTOR,
        source=CALDAV,
    )
    assert names(event) == ["RsvpGiven"]
    events = icalendar.Calendar.from_ical(event.ical).walk("VEVENT")
    assert len(events) == 2
    override = events[1]
    assert override.decoded("RECURRENCE-ID").isoformat().startswith("2026-03-12T15:00:00")
    assert override["ATTENDEE"].params["PARTSTAT"] == "DECLINED"
    assert event.facts["attendees"][0]["partstat"] == "NEEDS-ACTION"  # the series is unchanged


def test_invite_is_idempotent() -> None:
    event = created(vevent())
    event.invite_attendee("mailto:bob@example.com", "Bob", actor=ACTOR, source=CALDAV)
    event.invite_attendee("mailto:Bob@Example.com", "Bob", actor=ACTOR, source=CALDAV)
    assert names(event) == ["AttendeeInvited"]
    assert event.facts["attendees"][0]["rsvp"] is True


def test_cancel_marks_cancelled_with_higher_sequence_once() -> None:
    event = created(vevent(sequence=2))
    event.cancel(actor=ACTOR, source=CALDAV)
    event.cancel(actor=ACTOR, source=CALDAV)
    assert names(event) == ["EventCancelled"]
    assert event.facts["status"] == "CANCELLED"
    assert event.facts["sequence"] == 3


def test_delete_is_idempotent_and_recreate_brings_it_back() -> None:
    event = created(vevent())
    event.delete(actor=ACTOR, source=CALDAV)
    event.delete(actor=ACTOR, source=CALDAV)
    assert names(event) == ["EventDeleted"]
    with pytest.raises(NotFoundError):
        revise(event, vevent(summary="x"))
    event.recreate(
        parse_calendar_object(vevent(summary="Back")), href="new.ics", actor=ACTOR, source=CALDAV
    )
    assert names(event) == ["EventRecreated"]
    assert (event.deleted, event.href, event.facts["summary"]) == (False, "new.ics", "Back")


def test_every_event_names_the_account_whose_data_it_carries() -> None:
    event = created(vevent(attendees=[("bob@example.com", "NEEDS-ACTION")]))
    event.give_rsvp("bob@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
    event.cancel(actor=ACTOR, source=CALDAV)
    event.delete(actor=ACTOR, source=CALDAV)
    assert all(e.account_id == OWNER for e in event.collect_events())


def test_a_stale_client_cannot_lower_sequence_or_undo_a_reset() -> None:
    event = created(vevent(attendees=[("bob@example.com", "ACCEPTED")], sequence=0))
    # The organizer's client moves the event: the server raises SEQUENCE and asks Bob again.
    revise(
        event,
        vevent(
            start="20260305T170000",
            end="20260305T180000",
            attendees=[("bob@example.com", "ACCEPTED")],
            sequence=0,
        ),
    )
    assert (event.facts["sequence"], event.facts["attendees"][0]["partstat"]) == (1, "NEEDS-ACTION")
    event.collect_events()
    # The same client, still holding its old copy, renames it.
    revise(
        event,
        vevent(
            summary="Renamed",
            start="20260305T170000",
            end="20260305T180000",
            attendees=[("bob@example.com", "ACCEPTED")],
            sequence=0,
        ),
    )
    assert names(event) == ["EventUpdated"]  # no RSVP invented from a stale answer
    assert event.facts["sequence"] >= 1
    assert event.facts["attendees"][0]["partstat"] == "NEEDS-ACTION"


def test_instances_named_in_another_zone_notation_are_the_same_instance() -> None:
    text = vevent(
        attendees=[("bob@example.com", "NEEDS-ACTION")],
        rrule="FREQ=WEEKLY;COUNT=4",
        tzid="W. Europe Standard Time",
    )
    event = created(text)
    for rid in ("2026-03-12T15:00:00+01:00", "2026-03-12T14:00:00+00:00"):
        event.give_rsvp(
            "bob@example.com", PartStat.DECLINED, recurrence_id=rid, actor=ACTOR, source=CALDAV
        )
    assert names(event) == ["RsvpGiven"]
    assert event.ical.count("RECURRENCE-ID") == 1
    assert event.facts["overrides"] == ["2026-03-12T14:00:00+00:00"]


def test_an_all_day_instance_answer_keeps_the_date_form() -> None:
    text = (
        vevent(attendees=[("bob@example.com", "NEEDS-ACTION")], rrule="FREQ=DAILY;COUNT=5")
        .replace("DTSTART;TZID=Europe/Berlin:20260305T150000", "DTSTART;VALUE=DATE:20260305")
        .replace("DTEND;TZID=Europe/Berlin:20260305T160000", "DTEND;VALUE=DATE:20260306")
    )
    event = created(text)
    event.give_rsvp(
        "bob@example.com",
        PartStat.TENTATIVE,
        recurrence_id="2026-03-07",
        actor=ACTOR,
        source=CALDAV,
    )
    assert "RECURRENCE-ID;VALUE=DATE:20260307" in event.ical
    assert event.facts["overrides"] == ["2026-03-07"]


def test_a_series_answer_reaches_overrides_that_differ_from_the_master() -> None:
    event = created(
        vevent(attendees=[("bob@example.com", "NEEDS-ACTION")], rrule="FREQ=WEEKLY;COUNT=4")
    )
    event.give_rsvp("bob@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
    event.give_rsvp(
        "bob@example.com",
        PartStat.DECLINED,
        recurrence_id="2026-03-12T15:00:00+01:00",
        actor=ACTOR,
        source=CALDAV,
    )
    event.collect_events()
    event.give_rsvp("bob@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
    assert names(event) == ["RsvpGiven"]
    assert "PARTSTAT=DECLINED" not in event.ical
