"""Parsing and validating calendar object resources (RFC 4791 §4.1), and the facts kept."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.ical_edits import render_event
from tests.helpers import vevent


@pytest.mark.parametrize(
    ("text", "precondition"),
    [
        ("", "valid-calendar-data"),
        ("not icalendar at all", "valid-calendar-data"),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "valid-calendar-object-resource"),
        (
            vevent().replace("BEGIN:VEVENT", "METHOD:REQUEST\r\nBEGIN:VEVENT"),
            "valid-calendar-object-resource",
        ),
        (vevent().replace("UID:event-1\r\n", ""), "valid-calendar-data"),
        (
            vevent().replace("DTSTART;TZID=Europe/Berlin:20260305T150000", "DTSTART:2026XX"),
            "valid-calendar-data",
        ),
        (vevent(start="20260305T170000", end="20260305T160000"), "valid-calendar-data"),
        (
            vevent()
            .replace("BEGIN:VEVENT", "BEGIN:VTODO")
            .replace("END:VEVENT", "END:VTODO")
            .replace(
                "END:VCALENDAR",
                "BEGIN:VEVENT\r\nUID:event-1\r\nDTSTAMP:20260301T090000Z\r\n"
                "DTSTART:20260301T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR",
            ),
            "valid-calendar-object-resource",
        ),
        (
            vevent()
            .replace("BEGIN:VEVENT", "BEGIN:VAVAILABILITY")
            .replace("END:VEVENT", "END:VAVAILABILITY"),
            "supported-calendar-component",
        ),
        (vevent() + vevent(), "valid-calendar-data"),
    ],
)
def test_bad_data_is_refused_with_its_precondition(text: str, precondition: str) -> None:
    with pytest.raises(InvalidCalendarDataError) as caught:
        parse_calendar_object(text)
    assert caught.value.precondition == precondition
    assert str(caught.value)


def test_two_uids_in_one_resource_are_refused() -> None:
    text = vevent().replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:other\r\nDTSTAMP:20260301T090000Z\r\n"
        "RECURRENCE-ID:20260305T150000Z\r\nDTSTART:20260305T150000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR",
    )
    with pytest.raises(InvalidCalendarDataError, match="share one UID"):
        parse_calendar_object(text)


def test_facts_of_a_zoned_event() -> None:
    facts = facts_of(parse_calendar_object(vevent(attendees=[("Bob@Example.com", "ACCEPTED")])))
    assert facts["summary"] == "Team sync"
    assert facts["component"] == "VEVENT"
    assert facts["organizer"] == "alice@example.com"
    assert facts["attendees"] == [
        {
            "address": "bob@example.com",
            "value": "mailto:Bob@Example.com",
            "cn": "Bob",
            "role": "REQ-PARTICIPANT",
            "partstat": "ACCEPTED",
            "rsvp": True,
            "schedule_agent": "SERVER",
        }
    ]
    start = dt.datetime(2026, 3, 5, 14, 0, tzinfo=dt.UTC)  # 15:00 in Berlin is 14:00 UTC
    assert facts["range_start"] == int(start.timestamp())
    assert facts["range_end"] == int(start.timestamp()) + 3600


def test_open_recurrence_has_no_end_and_until_bounds_it() -> None:
    assert facts_of(parse_calendar_object(vevent(rrule="FREQ=DAILY")))["range_end"] is None
    bounded = facts_of(parse_calendar_object(vevent(rrule="FREQ=DAILY;UNTIL=20260310T000000Z")))
    assert bounded["range_end"] >= int(dt.datetime(2026, 3, 10, tzinfo=dt.UTC).timestamp())


def test_floating_and_all_day_ranges_cover_every_zone() -> None:
    floating = facts_of(parse_calendar_object(vevent(tzid=None).replace("Z\r\n", "\r\n")))
    day = facts_of(
        parse_calendar_object(
            vevent()
            .replace("DTSTART;TZID=Europe/Berlin:20260305T150000", "DTSTART;VALUE=DATE:20260305")
            .replace("DTEND;TZID=Europe/Berlin:20260305T160000", "DTEND;VALUE=DATE:20260306")
        )
    )
    noon = int(dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC).timestamp())
    assert floating["range_start"] <= noon - 12 * 3600
    assert day["all_day"] is True
    assert day["range_start"] <= int(dt.datetime(2026, 3, 4, 12, tzinfo=dt.UTC).timestamp())
    assert day["range_end"] >= int(dt.datetime(2026, 3, 6, 12, tzinfo=dt.UTC).timestamp())


def test_unknown_properties_survive_parsing_untouched() -> None:
    text = vevent(
        extra="X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\nBEGIN:VALARM\r\n"
        "ACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Soon\r\nEND:VALARM"
    )
    assert parse_calendar_object(text).text == text


def test_rendered_event_parses_back() -> None:
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    text = render_event(
        uid="u1",
        summary="Lunch",
        start=dt.datetime(2026, 3, 5, 12, tzinfo=berlin),
        end=dt.datetime(2026, 3, 5, 13, tzinfo=berlin),
        stamp=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        location="Cafe",
    )
    facts = facts_of(parse_calendar_object(text))
    assert (facts["summary"], facts["location"]) == ("Lunch", "Cafe")
    assert "BEGIN:VTIMEZONE" in text


def test_two_overrides_of_one_instance_are_refused() -> None:
    override = (
        "BEGIN:VEVENT\r\nUID:event-1\r\nDTSTAMP:20260301T090000Z\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20260312T150000\r\n"
        "DTSTART;TZID=Europe/Berlin:20260312T160000\r\nEND:VEVENT\r\n"
    )
    same_instant = override.replace(
        "RECURRENCE-ID;TZID=Europe/Berlin:20260312T150000", "RECURRENCE-ID:20260312T140000Z"
    )
    text = vevent(rrule="FREQ=WEEKLY").replace(
        "END:VCALENDAR", override + same_instant + "END:VCALENDAR"
    )
    with pytest.raises(InvalidCalendarDataError) as caught:
        parse_calendar_object(text)
    assert caught.value.precondition == "valid-calendar-object-resource"


@pytest.mark.parametrize(
    "line",
    [
        "RDATE:2026XX01",
        "EXDATE;TZID=Europe/Berlin:20260312T1500",
        "RDATE;VALUE=PERIOD:20260310T100000Z/PXYZ",
    ],
)
def test_bad_date_lists_are_invalid_data(line: str) -> None:
    with pytest.raises(InvalidCalendarDataError):
        parse_calendar_object(vevent(rrule="FREQ=DAILY;COUNT=3", extra=line))


def test_an_rdate_period_extends_the_indexed_range_to_its_end() -> None:
    facts = facts_of(
        parse_calendar_object(vevent(extra="RDATE;VALUE=PERIOD:20260401T100000Z/20260401T200000Z"))
    )
    assert facts["range_end"] >= int(dt.datetime(2026, 4, 1, 20, tzinfo=dt.UTC).timestamp())


def test_windows_zone_names_resolve_without_a_vtimezone() -> None:
    facts = facts_of(parse_calendar_object(vevent(tzid="W. Europe Standard Time")))
    assert facts["start"] == "2026-03-05T15:00:00+01:00"
