"""A zone a calendar defines itself (VTIMEZONE) is read through dateutil, which walks each of
its rules from the rule's DTSTART at every conversion of a time: rules it would walk without
end, or for seconds a time, are refused at a write, before any time is read in that zone; and
a rule of INTERVAL=0 in an event of an older log is walked no more."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import icalendar
import pytest

from televent.domain.calendar_reading import read_calendar
from televent.domain.content_lines import parse
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.occurrences import Occurrences
from televent.domain.zones import zone_rules_problem


def _calendar(rule: str, since: str = "19810329", event: str = "") -> str:
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN",
        "BEGIN:VTIMEZONE", "TZID:Odd Zone",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", f"DTSTART:{since}T020000",
        f"RRULE:{rule}", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", "UID:z", "DTSTAMP:20260101T000000Z",
        event or "DTSTART;TZID=Odd Zone:20260301T090000", "DURATION:PT1H", "END:VEVENT",
        "END:VCALENDAR",
    ]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def _problem(text: str) -> str | None:
    return zone_rules_problem(parse(text)[0])


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3;UNTIL=19900101T000000Z",  # a rule of the past
        "FREQ=YEARLY;INTERVAL=1;BYMONTH=3;BYDAY=2SU",
        "FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=2SU;BYMONTH=3",  # Lotus Notes
        "FREQ=MONTHLY;BYDAY=-1SU",  # a change each month is odd, but read
        "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU",  # both changes in one rule
        "FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=29",
    ],
)
def test_the_rules_zones_are_written_with_are_read(rule: str) -> None:
    for since in ("19810329", "16010101"):  # Outlook starts its zones in 1601
        assert _problem(_calendar(rule, since)) is None


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU", "INTERVAL=0"),
        ("FREQ=WEEKLY;INTERVAL=0;BYDAY=MO", "FREQ=WEEKLY"),
        ("FREQ=YEARLY;INTERVAL=-1;BYMONTH=3", "INTERVAL=-1"),
        ("FREQ=DAILY", "FREQ=DAILY"),
        ("FREQ=SECONDLY", "FREQ=SECONDLY"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never applies"),
        ("FREQ=MONTHLY;BYDAY=SU,MO", "more than 24 times a year"),
        ("FREQ=YEARLY;BYMONTH=3;BYHOUR=" + ",".join(map(str, range(24))), "more than 24 times"),
        ("BYMONTH=3", "no FREQ"),
    ],
)
def test_rules_dateutil_would_walk_without_end_or_for_long_are_refused(
    rule: str, said: str
) -> None:
    problem = _problem(_calendar(rule))
    assert problem is not None and said in problem
    assert problem.startswith("VTIMEZONE Odd Zone:")
    with pytest.raises(InvalidCalendarDataError) as refused:
        parse_calendar_object(_calendar(rule))
    assert refused.value.precondition == "valid-calendar-data"


def test_a_write_with_a_zone_of_interval_0_is_refused_at_once() -> None:
    # before, the first time read in that zone walked the rule in place for good
    outcome: list[Any] = []

    def write() -> None:
        try:
            parse_calendar_object(_calendar("FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU"))
        except InvalidCalendarDataError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=write, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the write never ended"
    assert outcome and "INTERVAL=0" in str(outcome[0])


def test_an_old_series_of_interval_0_is_its_first_instance_and_costs_nothing() -> None:
    # refused at a write, but in logs written before: a window more than 60 days after the
    # start divided by the interval, and the walk went on in place to its bound
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:i\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20200101T090000Z\r\nDURATION:PT1H\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=0;BYDAY=MO,TU\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    occurrences = Occurrences(icalendar.Calendar.from_ical(text))
    utc = dt.UTC
    later = dt.datetime(2026, 3, 1, tzinfo=utc)
    assert list(occurrences.between(later, later + dt.timedelta(days=7))) == []
    first = list(
        occurrences.between(
            dt.datetime(2019, 12, 30, tzinfo=utc), dt.datetime(2020, 1, 9, tzinfo=utc)
        )
    )
    assert [c["DTSTART"].dt for c in first] == [dt.datetime(2020, 1, 1, 9, tzinfo=utc)]


def test_a_zone_database_name_is_never_read_by_its_definition_so_its_rules_are_left_alone() -> None:
    # Europe/Berlin defined with a rule dateutil would walk for good: the database's zone is
    # read, by the stored facts and by icalendar's readers alike, so the write is taken
    text = _calendar("FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU").replace(
        "Odd Zone", "Europe/Berlin"
    )
    outcome: list[Any] = []

    def read() -> None:
        obj = parse_calendar_object(text)
        event = read_calendar(text).walk("VEVENT")[0]
        outcome.append((facts_of(obj)["start"], event["DTSTART"].dt.utcoffset()))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the reading never ended"
    assert outcome == [("2026-03-01T09:00:00+01:00", dt.timedelta(hours=1))]
