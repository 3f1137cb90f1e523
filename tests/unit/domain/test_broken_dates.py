"""Google's `RDATE:20131210Z` on an all-day event (a UTC marker on a DATE) expands as the day."""

from __future__ import annotations

import datetime as dt

import icalendar

from televent.domain.broken_dates import repair_broken_dates
from televent.domain.occurrences import occurrences_between


def _birthday(rdate: str, start: str = "DTSTART;VALUE=DATE:20141210") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:b\r\n"
        f"DTSTAMP:20121207T183041Z\r\n{start}\r\nRRULE:FREQ=DAILY;COUNT=1\r\n"
        f"RDATE:{rdate}\r\nRDATE:20121210Z\r\nSUMMARY:Birthday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_a_utc_marker_on_a_date_is_read_as_the_day() -> None:
    calendar = icalendar.Calendar.from_ical(_birthday("20131210Z"))
    found = occurrences_between(
        calendar, dt.datetime(2010, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    )
    assert [c["DTSTART"].dt for c in found] == [
        dt.date(2012, 12, 10), dt.date(2013, 12, 10), dt.date(2014, 12, 10)
    ]  # fmt: skip


def test_only_days_on_all_day_events_are_rewritten() -> None:
    calendar = icalendar.Calendar.from_ical(_birthday("20131210Z"))
    assert repair_broken_dates(calendar) == 2
    assert repair_broken_dates(calendar) == 0  # nothing broken is left
    timed = icalendar.Calendar.from_ical(_birthday("20131210Z", "DTSTART:20141210T100000Z"))
    assert repair_broken_dates(timed) == 0
    garbage = icalendar.Calendar.from_ical(_birthday("soon"))
    assert repair_broken_dates(garbage) == 1  # the other RDATE only
