"""The occurrence index (domain/occurrence_index.py) says what the expansion library says: for
every event of the corpus and for crafted and random series, the same instances (start, end,
RECURRENCE-ID) in a window, and the same fields (title, location, description, status,
organizer, attendees and their answers, reminders, zone) as the JSON API reads them from the
parsed component; or it leaves the event to be expanded on read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.domain.calendar_import import split_calendar
from televent.domain.content_lines import iana_zone, unescape_text
from televent.domain.event_alarms import reminders_of
from televent.domain.event_times import component_times, zone_name_of
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.occurrence_index import (
    AHEAD,
    BEHIND,
    NO_READING,
    READING,
    VERSION,
    Indexed,
    carried_reading,
    carries_current_reading,
    index_of,
    stored_facts,
)
from televent.domain.occurrences import occurrences_between
from televent.domain.values import normalize_address
from tests.helpers import FIXTURE_CORPUS

AT = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def corpus_objects() -> list[tuple[str, str]]:
    found = []
    for path in sorted((FIXTURE_CORPUS / "calendars").glob("*.ics")):
        try:
            split = split_calendar(path.read_text(encoding="utf-8", errors="replace"), ("VEVENT",))
        except Exception:
            continue
        found += [(f"{path.name}:{piece.uid}", piece.text) for piece in split.pieces]
    return found


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def iana_name(name: str | None) -> str | None:
    """The library names a zone by the TZID of the calendar's VTIMEZONE when it built the zone
    from it ("W. Europe Standard Time"); the index gives the IANA zone that TZID stands for
    ("Europe/Berlin"), as the API documents `timezone`."""
    if name is None:
        return None
    written = unescape_text(name)  # the library leaves a TZID's escaped commas as written
    zone = iana_zone(written)
    return str(getattr(zone, "key", written)) if zone is not None else written


def window(at: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Inside what the index lists around `at`."""
    return at - BEHIND + dt.timedelta(days=1), at + AHEAD - dt.timedelta(days=1)


def library_view(text: str, at: dt.datetime) -> list[tuple[str, str, str | None, dict[str, Any]]]:
    """(start, end, recurrence key, fields) of each occurrence around `at` as the expansion
    library and the API's readers see them."""
    calendar = icalendar.Calendar.from_ical(text)
    seen = []
    recurring = any("RRULE" in c or "RDATE" in c for c in calendar.walk("VEVENT"))
    low, high = window(at)
    for component in occurrences_between(calendar, low, high, limit=10_000):
        start, end = component_times(component)
        rid = component.get("RECURRENCE-ID")
        if not recurring and "RECURRENCE-ID" not in text:
            rid = None
        organizer = component.get("ORGANIZER")
        attendees = component.get("ATTENDEE")
        attendees = (
            [] if attendees is None else attendees if isinstance(attendees, list) else [attendees]
        )
        fields = {
            "title": str(component.get("SUMMARY", "")),
            "location": _text(component.get("LOCATION")),
            "description": _text(component.get("DESCRIPTION")),
            "status": (str(component.get("STATUS", "")).upper() or None),
            "organizer": None
            if organizer is None
            else (normalize_address(str(organizer)), _text(organizer.params.get("CN"))),
            "attendees": [
                (normalize_address(str(a)), _text(a.params.get("CN")),
                 str(a.params.get("PARTSTAT", "NEEDS-ACTION")).lower())
                for a in attendees
            ],
            "reminders": reminders_of(component),
            "timezone": iana_name(zone_name_of(component)),
        }  # fmt: skip
        key = None if rid is None else rid.dt.isoformat()
        seen.append((start.isoformat(), end.isoformat(), key, fields))
    return sorted(seen, key=lambda row: (row[0], str(row[2])))


def index_view(
    indexed: Indexed, at: dt.datetime
) -> list[tuple[str, str, str | None, dict[str, Any]]]:
    low, high = (moment.timestamp() for moment in window(at))
    rows = []
    for instance in indexed.instances:
        overlaps = instance.start_ts < high and instance.end_ts > low
        instant_inside = instance.start_ts == instance.end_ts and low <= instance.start_ts < high
        if not (overlaps or instant_inside):
            continue
        fields = instance.fields or indexed.fields
        rows.append(
            (
                instance.start,
                instance.end,
                instance.recurrence_id,
                {
                    "title": fields["title"],
                    "location": fields["location"],
                    "description": fields["description"],
                    "status": fields["status"],
                    "organizer": None
                    if fields["organizer"] is None
                    else (
                        normalize_address(fields["organizer"]["address"]),
                        fields["organizer"]["name"],
                    ),
                    "attendees": [(a["key"], a["name"], a["status"]) for a in fields["attendees"]],
                    "reminders": fields["reminders"],
                    "timezone": fields["timezone"],
                },
            )
        )
    return sorted(rows, key=lambda row: (row[0], str(row[2])))


def assert_same(text: str, at: dt.datetime = AT) -> Indexed:
    indexed = index_of(text, at)
    assert indexed is not None
    if not indexed.expand_on_read:
        assert index_view(indexed, at) == library_view(text, at)
    return indexed


def near_its_start(text: str) -> dt.datetime:
    """A moment whose index window holds the event's first instance."""
    start = facts_of(parse_calendar_object(text))["range_start"]
    return AT if start is None else dt.datetime.fromtimestamp(start, dt.UTC)


@pytest.mark.parametrize(("name", "text"), corpus_objects(), ids=lambda v: str(v)[:60])
def test_every_corpus_event_is_indexed_as_the_library_expands_it(name: str, text: str) -> None:
    indexed = assert_same(text, near_its_start(text))
    assert indexed.expand_on_read or indexed.instances  # its own time is in its window
    assert_same(text)  # and years later


def vevent(lines: str, *, zone: str | None = "Europe/Berlin", extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        f"DTSTAMP:20260101T000000Z\r\n{lines}SUMMARY:Series\r\nEND:VEVENT\r\n{extra}"
        "END:VCALENDAR\r\n"
    )


CRAFTED = {
    "weekly, endless, DST": vevent(
        "DTSTART;TZID=Europe/Berlin:20260105T090000\r\nDTEND;TZID=Europe/Berlin:20260105T100000"
        "\r\nRRULE:FREQ=WEEKLY\r\n"
    ),
    "daily with an exdate and an override": vevent(
        "DTSTART;TZID=Europe/Berlin:20260301T090000\r\nDTEND;TZID=Europe/Berlin:20260301T093000"
        "\r\nRRULE:FREQ=DAILY;COUNT=10\r\nEXDATE;TZID=Europe/Berlin:20260303T090000\r\n",
        extra="BEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20260101T000000Z\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20260305T090000\r\n"
        "DTSTART;TZID=Europe/Berlin:20260305T140000\r\nDTEND;TZID=Europe/Berlin:20260305T150000"
        "\r\nSUMMARY:Moved\r\nLOCATION:Room 2\r\nEND:VEVENT\r\n",
    ),
    "all-day yearly": vevent(
        "DTSTART;VALUE=DATE:20200314\r\nDTEND;VALUE=DATE:20200315\r\nRRULE:FREQ=YEARLY\r\n"
    ),
    "floating monthly by day": vevent(
        "DTSTART:20260110T183000\r\nDURATION:PT2H\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU\r\n"
    ),
    "utc with rdates": vevent(
        "DTSTART:20260301T080000Z\r\nDTEND:20260301T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        "RDATE:20260401T080000Z,20260402T080000Z\r\n"
    ),
    "all-day with rdates years before its start (Google's birthdays)": vevent(
        "DTSTART;VALUE=DATE:20141210\r\nDTEND;VALUE=DATE:20141211\r\n"
        "RRULE:FREQ=DAILY;INTERVAL=1;COUNT=1\r\nRDATE:20131210Z\r\nRDATE:20121210Z\r\n"
    ),
    "single with an alarm and attendees": vevent(
        "DTSTART;TZID=America/New_York:20260310T090000\r\nDTEND;TZID=Europe/Berlin:20260310T160000"
        "\r\nORGANIZER;CN=Ann:mailto:ann@example.org\r\nATTENDEE;CN=Bob;PARTSTAT=ACCEPTED:"
        "mailto:Bob@Example.org\r\nATTENDEE:mailto:carol@example.org\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=END:PT5M\r\nEND:VALARM\r\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_series_are_indexed_exactly(name: str) -> None:
    indexed = assert_same(CRAFTED[name])
    assert not indexed.expand_on_read, name


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    freq=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    interval=st.integers(1, 4),
    end=st.sampled_from(["", ";COUNT=7", ";UNTIL=20270101T000000Z"]),
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "UTC", "floating", "date"]),
    day=st.integers(1, 28),
    hour=st.integers(0, 23),
    minutes=st.sampled_from([15, 60, 90, 24 * 60]),
)
def test_random_series_are_indexed_as_the_library_expands_them(
    freq: str, interval: int, end: str, zone: str, day: int, hour: int, minutes: int
) -> None:
    if zone == "date":
        start = f"DTSTART;VALUE=DATE:202602{day:02d}\r\nDURATION:P1D\r\n"
        end = end.replace("T000000Z", "")
    elif zone == "floating":
        start = f"DTSTART:202602{day:02d}T{hour:02d}0000\r\nDURATION:PT{minutes}M\r\n"
        end = end.replace("T000000Z", "T000000")
    elif zone == "UTC":
        start = f"DTSTART:202602{day:02d}T{hour:02d}0000Z\r\nDURATION:PT{minutes}M\r\n"
    else:
        start = f"DTSTART;TZID={zone}:202602{day:02d}T{hour:02d}0000\r\nDURATION:PT{minutes}M\r\n"
    assert_same(vevent(f"{start}RRULE:FREQ={freq};INTERVAL={interval}{end}\r\n"))


def test_what_this_reader_cannot_place_exactly_is_left_to_the_library() -> None:
    this_and_future = vevent(
        "DTSTART;TZID=Europe/Berlin:20260301T090000\r\nDTEND;TZID=Europe/Berlin:20260301T093000"
        "\r\nRRULE:FREQ=DAILY\r\n",
        extra="BEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20260101T000000Z\r\n"
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260305T090000\r\n"
        "DTSTART;TZID=Europe/Berlin:20260305T140000\r\nDTEND;TZID=Europe/Berlin:20260305T150000"
        "\r\nSUMMARY:Later\r\nEND:VEVENT\r\n",
    )
    own_zone = vevent(
        "DTSTART;TZID=Office:20260301T090000\r\nDTEND;TZID=Office:20260301T093000\r\n"
        "RRULE:FREQ=DAILY\r\n",
        extra="BEGIN:VTIMEZONE\r\nTZID:Office\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000"
        "\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    )
    periods = vevent(
        "DTSTART:20260301T080000Z\r\nDTEND:20260301T090000Z\r\n"
        "RDATE;VALUE=PERIOD:20260401T080000Z/PT1H\r\n"
    )
    for text in (this_and_future, own_zone, periods):
        indexed = index_of(text, AT)
        assert indexed is not None and indexed.expand_on_read
        assert indexed.fields["title"] == "Series"  # its fields are still known


FINE_RULES = [
    "FREQ=HOURLY;INTERVAL={n}",
    "FREQ=HOURLY;INTERVAL={n};BYDAY=MO,TH",
    "FREQ=HOURLY;BYHOUR=9,17",
    "FREQ=HOURLY;BYMONTHDAY=1,15;BYHOUR=8,20",
    "FREQ=HOURLY;INTERVAL={n};UNTIL=20260601T000000Z",
    "FREQ=MINUTELY;INTERVAL={m};BYHOUR=9",
    "FREQ=SECONDLY;INTERVAL={s};BYHOUR=9",  # refused at a write, but in old logs
]


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    rule=st.sampled_from(FINE_RULES),
    n=st.integers(2, 30),
    m=st.integers(5, 60),
    s=st.sampled_from([600, 900, 1800, 3600]),  # every hour has one
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "UTC", "floating"]),
    days=st.integers(61, 200),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_an_old_hourly_or_finer_series_is_indexed_as_the_library_expands_it(
    rule: str, n: int, m: int, s: int, zone: str, days: int, hour: int, minute: int
) -> None:
    """Such a rule is started again near its window by whole intervals (months before it,
    summer time between): the same instances as the expansion library walking from DTSTART."""
    start = (AT - dt.timedelta(days=days)).replace(hour=hour, minute=minute, tzinfo=None)
    written = f"{start:%Y%m%dT%H%M%S}"
    times = (
        f"DTSTART:{written}\r\n"
        if zone == "floating"
        else f"DTSTART:{written}Z\r\n"
        if zone == "UTC"
        else f"DTSTART;TZID={zone}:{written}\r\n"
    )
    rule = rule.format(n=n, m=m, s=s)
    if zone == "floating":  # a floating series ends at a floating time
        rule = rule.replace("T000000Z", "T000000")
    text = vevent(f"{times}DURATION:PT20M\r\nRRULE:{rule}\r\n")
    indexed = assert_same(text)
    assert not indexed.expand_on_read
    assert indexed.instances
    # the expansion compared with starts its walks near the window too: it lists what the
    # library itself lists, walking from DTSTART
    walked = recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(*window(AT))
    ours = occurrences_between(icalendar.Calendar.from_ical(text), *window(AT), limit=10_000)
    assert [c["DTSTART"].dt for c in ours] == sorted(c["DTSTART"].dt for c in walked)


def test_an_hourly_series_of_the_year_1_is_indexed_from_near_its_window() -> None:
    """An hourly series of the year 1 is started again near its window (dateutil would walk
    it hour by hour from its start, 400 years of hours inside the write that stores it): its
    instances are those of the same rule started on a Monday of last year, which the
    expansion library lists."""
    old, recent = (
        vevent(f"DTSTART;TZID=Europe/Berlin:{day}T090000\r\nDURATION:PT1H\r\n"
               "RRULE:FREQ=HOURLY;BYDAY=MO;BYHOUR=9,13\r\n")
        for day in ("00010101", "20250106")  # both Mondays
    )  # fmt: skip
    near = assert_same(recent)
    far = index_of(old, AT)
    assert far is not None and not far.expand_on_read
    assert far.instances == near.instances and len(far.instances) == 2 * 34
    # an hourly one of every hour has more instances in its window than the index keeps
    every_hour = index_of(
        vevent('DTSTART;TZID="W. Europe Standard Time":00010101T090000\r\nRRULE:FREQ=HOURLY\r\n'),
        AT,
    )
    assert every_hour is not None and every_hour.expand_on_read
    assert every_hour.fields["title"] == "Series"


def test_a_reading_of_this_version_is_told_from_its_text_as_decoding_tells_it() -> None:
    """A rebuild hands its index workers the bodies of events without a usable reading, told
    without decoding the reading: the same answer as decoding it, for a reading of this
    version, of another version, of a task (nothing to list) and for none at all."""
    event = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:r\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20260302T093000\r\n"
        "DTEND;TZID=Europe/Berlin:20260302T103000\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:R\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    task = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:t\r\n"
        "DTSTAMP:20260101T000000Z\r\nSUMMARY:T\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    current = stored_facts(parse_calendar_object(event))
    text = str(current[READING])
    later = {**current, READING: text.replace(f'"version":{VERSION},', f'"version":{VERSION}0,')}
    older = {key: value for key, value in current.items() if key != READING}
    nothing = stored_facts(parse_calendar_object(task))
    for facts, usable in ((current, True), (later, False), (older, False), (nothing, True)):
        assert carries_current_reading(facts) is usable
        assert (carried_reading(facts) is not NO_READING) is usable
