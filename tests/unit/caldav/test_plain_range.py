"""The fast answer to "VEVENTs in this range" (from the indexed span) equals the full RFC 4791
filter for every event whose span is exact."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.filters import expand, matches
from televent.adapters.caldav.reports import plain_event_range, span_overlaps
from televent.adapters.caldav.utc_copy import utc_copy
from televent.domain.ical import facts_of, parse_calendar_object
from televent.projections.queries import ObjectView

BASE = dt.datetime(2026, 3, 8, tzinfo=dt.UTC)
FMT = "%Y%m%dT%H%M%SZ"


def event(start: dt.datetime, minutes: int, zone: str) -> str:
    local = "%Y%m%dT%H%M%S"
    tz = __import__("zoneinfo").ZoneInfo(zone)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:e\r\n"
        "DTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID={zone}:{start.astimezone(tz).strftime(local)}\r\n"
        f"DTEND;TZID={zone}:"
        f"{(start + dt.timedelta(minutes=minutes)).astimezone(tz).strftime(local)}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def query(start: str | None, end: str | None) -> ET.Element:
    bounds = (f' start="{start}"' if start else "") + (f' end="{end}"' if end else "")
    return ET.fromstring(
        '<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp-filter name="VCALENDAR">'
        f'<C:comp-filter name="VEVENT"><C:time-range{bounds}/></C:comp-filter></C:comp-filter>'
        "</C:filter>"
    )


@settings(max_examples=300, deadline=None)
@given(
    offset=st.integers(-3000, 3000),
    minutes=st.integers(1, 600),
    zone=st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]),
    window=st.tuples(
        st.one_of(st.none(), st.integers(-3000, 3000)), st.one_of(st.none(), st.integers(0, 900))
    ),
)
def test_fast_answer_equals_the_full_filter(
    offset: int, minutes: int, zone: str, window: tuple[int | None, int | None]
) -> None:
    text = event(BASE + dt.timedelta(minutes=offset), minutes, zone)
    facts = facts_of(parse_calendar_object(text))
    assert facts["span_exact"]
    begin = None if window[0] is None else BASE + dt.timedelta(minutes=window[0])
    finish = None if window[1] is None else (begin or BASE) + dt.timedelta(minutes=window[1] + 1)
    if begin is None and finish is None:
        begin = BASE
    condition = query(
        begin.strftime(FMT) if begin else None, finish.strftime(FMT) if finish else None
    )
    plain = plain_event_range(condition)
    assert plain is not None
    obj = ObjectView(
        uuid.uuid4(),
        "e.ics",
        "e",
        uuid.uuid4(),
        "VEVENT",
        '"1"',
        text,
        1,
        "",
        facts["range_start"],
        facts["range_end"],
        True,
    )
    assert span_overlaps(obj, *plain) == matches(condition, text)


def test_recurring_floating_and_zero_length_events_are_not_exact() -> None:
    recurring = event(BASE, 30, "UTC").replace("END:VEVENT", "RRULE:FREQ=DAILY\r\nEND:VEVENT")
    floating = event(BASE, 30, "UTC").replace(";TZID=UTC", "")
    zero = event(BASE, 0, "Europe/Berlin")
    for text in (recurring, floating, zero):
        assert not facts_of(parse_calendar_object(text))["span_exact"]


@settings(max_examples=150, deadline=None)
@given(
    offset=st.integers(-3000, 3000),
    minutes=st.integers(1, 600),
    zone=st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]),
    alarm=st.booleans(),
)
def test_the_quick_utc_copy_equals_the_full_expansion(
    offset: int, minutes: int, zone: str, alarm: bool
) -> None:
    text = event(BASE + dt.timedelta(minutes=offset), minutes, zone)
    if alarm:
        text = text.replace(
            "END:VEVENT",
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"
            "DESCRIPTION:x\r\nEND:VALARM\r\nEND:VEVENT",
        )
    start, end = BASE - dt.timedelta(days=10), BASE + dt.timedelta(days=10)
    quick, full = utc_copy(text), expand(text, start, end)
    assert quick is not None
    ours = icalendar.Calendar.from_ical(quick)
    theirs = icalendar.Calendar.from_ical(full)
    assert [c.name for c in ours.subcomponents] == [c.name for c in theirs.subcomponents]
    [mine], [reference] = ours.walk("VEVENT"), theirs.walk("VEVENT")
    for name in ("DTSTART", "DTEND", "DTSTAMP"):
        assert mine.decoded(name) == reference.decoded(name)
        assert mine[name].to_ical().endswith(b"Z")
    assert set(mine.keys()) == set(reference.keys())
    assert len(mine.subcomponents) == len(reference.subcomponents)


def test_the_quick_copy_declines_what_it_cannot_do_exactly() -> None:
    floating = event(BASE, 30, "UTC").replace(";TZID=UTC", "")
    recurring = event(BASE, 30, "UTC").replace("END:VEVENT", "RRULE:FREQ=DAILY\r\nEND:VEVENT")
    assert utc_copy(floating) is None
    task = event(BASE, 30, "UTC").replace("VEVENT", "VTODO")
    for text in (floating, recurring, task, "garbage"):
        assert utc_copy(text) is None


def test_the_quick_copy_of_the_first_centuries_writes_years_of_four_digits() -> None:
    """The year 1 in New York (local mean time, 4:56:02 behind UTC) is written 0001, as the
    full expansion writes it (`strftime` wrote "1", no valid DATE-TIME); midnight of the year 1
    in Berlin is in the year 0 in UTC, which the quick copy leaves to the full expansion."""

    def old(zone: str, time: str) -> str:
        return (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:e\r\n"
            f"DTSTAMP:20260101T000000Z\r\nDTSTART;TZID={zone}:0001{time}\r\n"
            "DURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )

    quick = utc_copy(old("America/New_York", "0101T000000"))
    assert quick is not None and "DTSTART:00010101T045602Z\r\n" in quick
    [mine] = icalendar.Calendar.from_ical(quick).walk("VEVENT")
    assert mine.decoded("DTSTART") == dt.datetime(1, 1, 1, 4, 56, 2, tzinfo=dt.UTC)
    assert utc_copy(old("Europe/Berlin", "0101T000000")) is None
