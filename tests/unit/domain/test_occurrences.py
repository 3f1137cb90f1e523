"""The shared expansion of recurring components (televent/domain/occurrences.py): the same
occurrences as `recurring-ical-events` for ordinary series, lazily, and never more than the
caps however dense or endless a series is."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import icalendar
import recurring_ical_events
from hypothesis import example, given, settings
from hypothesis import strategies as st

from televent.domain.occurrence_index import index_of
from televent.domain.occurrences import MAX_OCCURRENCES, Occurrences, occurrences_between

DAY = dt.timedelta(days=1)
START = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def _calendar(*events: str) -> Any:
    body = "".join(f"BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\n{e}END:VEVENT\r\n" for e in events)
    return icalendar.Calendar.from_ical(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{body}END:VCALENDAR\r\n"
    )


def _event(rule: str, start: str = "20260301T090000Z", uid: str = "a", extra: str = "") -> str:
    return f"UID:{uid}\r\nDTSTART:{start}\r\nDURATION:PT30M\r\nRRULE:{rule}\r\n{extra}"


def _starts(components: Any) -> list[Any]:
    return [c["DTSTART"].dt for c in components]


def test_an_ordinary_series_expands_as_the_library_does() -> None:
    calendar = _calendar(
        _event(
            "FREQ=DAILY;COUNT=20",
            extra="RDATE:20260304T120000Z\r\nEXDATE:20260305T090000Z\r\n",
        ),
        "UID:a\r\nRECURRENCE-ID:20260307T090000Z\r\nDTSTART:20260307T150000Z\r\n"
        "DURATION:PT1H\r\nSUMMARY:moved\r\n",
        "UID:b\r\nDTSTART:20260310T080000Z\r\nDURATION:PT1H\r\n",
    )
    end = START + 30 * DAY
    expected = recurring_ical_events.of(calendar).between(START, end)
    found = list(occurrences_between(calendar, START, end))
    assert sorted(_starts(found)) == sorted(_starts(expected))
    assert _starts(found) == sorted(_starts(found))  # earliest first
    assert "moved" in [str(c.get("SUMMARY", "")) for c in found]


def test_an_override_written_in_another_form_is_named_as_its_series_occurrences_are() -> None:
    """A floating series whose moved occurrence's RECURRENCE-ID carries a zone (and the other
    way round): the occurrence is replaced once, and named in the series' form, so that it is
    found again by the name listed; the parsed calendar keeps it as written."""
    for start, rid, named in (
        ("20260302T093000", "RECURRENCE-ID;TZID=Europe/Berlin:20260309T093000",
         dt.datetime(2026, 3, 9, 9, 30)),
        ("TZID=Europe/Berlin:20260302T093000", "RECURRENCE-ID:20260309T093000",
         dt.datetime(2026, 3, 9, 8, 30, tzinfo=dt.UTC)),
    ):  # fmt: skip
        prefix = "DTSTART;" if start.startswith("TZID") else "DTSTART:"
        calendar = _calendar(
            f"UID:a\r\n{prefix}{start}\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n",
            f"UID:a\r\n{rid}\r\nDTSTART;TZID=Europe/Berlin:20260309T120000\r\n"
            "DURATION:PT1H\r\nSUMMARY:moved\r\n",
        )
        found = list(occurrences_between(calendar, START - 7 * DAY, START + 30 * DAY))
        assert len(found) == 3
        moved = [c for c in found if str(c.get("SUMMARY", "")) == "moved"]
        assert [c["RECURRENCE-ID"].dt for c in moved] == [named]
        override = next(c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" in c)
        assert override.to_ical().decode().count(rid) == 1


def test_the_uid_selects_one_series_and_the_limit_the_earliest() -> None:
    calendar = _calendar(_event("FREQ=DAILY", uid="a"), _event("FREQ=HOURLY", uid="b"))
    occurrences = Occurrences(calendar)
    only_a = list(occurrences.between(START, START + 10 * DAY, uid="a"))
    assert [str(c["UID"]) for c in only_a] == ["a"] * 10
    first = list(occurrences.between(START, START + 10 * DAY, limit=3))
    nine = START + dt.timedelta(hours=9)
    assert _starts(first) == [nine, nine, nine + dt.timedelta(hours=1)]  # a and b, then b


def test_an_endless_secondly_series_over_a_day_stops_at_the_cap_quickly() -> None:
    calendar = _calendar(_event("FREQ=SECONDLY", start="20260301T000000Z"))
    began = time.monotonic()
    found = list(occurrences_between(calendar, START, START + DAY))
    assert len(found) == MAX_OCCURRENCES
    assert time.monotonic() - began < 5


def test_a_minutely_series_with_every_second_is_bounded_too() -> None:
    seconds = ",".join(str(s) for s in range(60))
    calendar = _calendar(_event(f"FREQ=MINUTELY;BYSECOND={seconds}", start="20260301T000000Z"))
    found = list(occurrences_between(calendar, START, START + 7 * DAY, limit=500))
    assert len(found) == 500
    assert _starts(found)[-1] == START + dt.timedelta(seconds=499)


def test_a_series_too_dense_to_reach_the_window_costs_bounded_work() -> None:
    calendar = _calendar(_event("FREQ=SECONDLY", start="20200101T000000Z"))
    began = time.monotonic()
    found = list(Occurrences(calendar, work=10_000).between(START, START + DAY))
    assert found == []  # 10 000 seconds from a day before the window never reach it
    assert time.monotonic() - began < 5


_FREQUENCIES = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY"]


@settings(max_examples=60, deadline=None)
@given(
    frequency=st.sampled_from(_FREQUENCIES),
    interval=st.integers(1, 5),
    offset_hours=st.integers(-72, 72),
    span_hours=st.integers(1, 24 * 14),  # [start, end) with end == start holds nothing
    limit=st.integers(1, 300),
)
def test_never_more_than_the_cap_and_only_inside_the_window(
    frequency: str, interval: int, offset_hours: int, span_hours: int, limit: int
) -> None:
    calendar = _calendar(_event(f"FREQ={frequency};INTERVAL={interval}"))
    start = START + dt.timedelta(hours=offset_hours)
    end = start + dt.timedelta(hours=span_hours)
    found = list(Occurrences(calendar).between(start, end, limit=limit))
    assert len(found) <= limit
    for component in found:
        begin = component["DTSTART"].dt
        finish = component["DTEND"].dt
        assert begin < end and finish > start  # overlaps [start, end)
    if frequency in ("DAILY", "WEEKLY"):  # few enough to compare with the library
        expected = recurring_ical_events.of(calendar).between(start, end)
        assert _starts(found) == sorted(_starts(expected))[:limit]


MINUTE = dt.timedelta(minutes=1)


@settings(max_examples=40, deadline=None)
@given(
    rule=st.sampled_from(
        [
            "FREQ=DAILY",
            "FREQ=HOURLY;INTERVAL=7",
            "FREQ=WEEKLY;BYDAY=MO,FR",
            "FREQ=HOURLY;BYMINUTE=0,20,40;COUNT=400",  # through a zone's gap
        ]
    ),
    start=st.sampled_from(
        ["20100301T090000Z", "20260301T090000", "20250101", "TZID=Europe/Berlin:20260328T230000"]
    ),
    windows=st.lists(
        st.tuples(st.integers(-800 * 1440, 200 * 1440), st.integers(0, 40 * 1440)),
        min_size=1,
        max_size=6,
    ),
)
@example(  # the 02:20 and 02:40 that do not exist in Berlin on 29 March come before 03:00
    rule="FREQ=HOURLY;BYMINUTE=0,20,40;COUNT=400",
    start="TZID=Europe/Berlin:20260328T230000",
    windows=[(27 * 1440, 3 * 1440), (28 * 1440 + 93, 60)],
)
def test_one_calendar_asked_many_windows_in_any_order_answers_each_as_if_asked_alone(
    rule: str, start: str, windows: list[tuple[int, int]]
) -> None:
    """A query's windows reuse the instances walked before (passed over by bisection when
    they lie well before the window): the same occurrences as a calendar read for that window
    alone, whichever windows were asked before, across a change of a zone's clock too."""
    text = _event(rule, start=start)
    if len(start) == 8:
        text = text.replace(f"DTSTART:{start}", f"DTSTART;VALUE=DATE:{start}")
    elif start.startswith("TZID"):  # minutes long: a window's start falls between them
        text = text.replace(f"DTSTART:{start}", f"DTSTART;{start}").replace("PT30M", "PT1M")
    calendar = _calendar(text)
    shared = Occurrences(calendar)
    floating = "Z" not in start and "TZID" not in start
    for offset, minutes in windows:
        low = (START + offset * MINUTE).replace(tzinfo=None if floating else dt.UTC)
        high = low + minutes * MINUTE
        alone = Occurrences(_calendar(text)).between(low, high)
        assert _starts(shared.between(low, high)) == _starts(alone), (low, high)


def test_an_hourly_series_of_many_years_ago_is_expanded_in_its_window() -> None:
    """Every two hours since 2000 (more than 100,000 instances before 2026): its window's
    instances, as those of the same rule started this year on the same grid, and as the
    occurrence index lists them; not none because the walk's bound was spent on 26 years."""
    window = (START, START + 7 * DAY)
    old, recent = (
        _calendar(_event("FREQ=HOURLY;INTERVAL=2", start=f"{year}0101T090000Z"))
        for year in (2000, 2026)
    )
    found = _starts(Occurrences(old).between(*window))
    assert len(found) == 84 and found == _starts(Occurrences(recent).between(*window))
    indexed = index_of(old.to_ical().decode(), START)
    assert indexed is not None and not indexed.expand_on_read
    listed = [i.start_ts for i in indexed.instances if START.timestamp() <= i.start_ts]
    assert listed[:84] == [int(moment.timestamp()) for moment in found]


def test_a_window_after_one_that_spent_the_walks_bound_is_still_answered() -> None:
    """The 29th of February since 1600: a window of four centuries ends the walk at its bound
    (400 years of months); a later window is answered from near it, as if asked alone."""
    text = _event("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", start="16000229T090000Z")
    shared = Occurrences(_calendar(text))
    wide = (dt.datetime(1600, 1, 1, tzinfo=dt.UTC), dt.datetime(2010, 1, 1, tzinfo=dt.UTC))
    assert len(list(shared.between(*wide))) == 97
    later = (dt.datetime(2028, 1, 1, tzinfo=dt.UTC), dt.datetime(2029, 1, 1, tzinfo=dt.UTC))
    alone = _starts(Occurrences(_calendar(text)).between(*later))
    assert alone == [dt.datetime(2028, 2, 29, 9, tzinfo=dt.UTC)]
    assert _starts(shared.between(*later)) == alone


def test_an_old_fine_series_in_a_zone_whose_clock_jumps_a_day_is_walked_from_far_enough() -> None:
    """A zone a calendar defines itself may move its clock by more than any real zone did
    (here from UTC-11 to UTC+14): a quarter-hourly series started near its window still
    lists what the library lists walking from DTSTART."""
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Jump\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:-1100\r\nTZOFFSETTO:-1100\r\nEND:STANDARD\r\nBEGIN:STANDARD\r\n"
        "DTSTART:20260301T000000\r\nTZOFFSETFROM:-1100\r\nTZOFFSETTO:+1400\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    body = (
        "UID:j\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Jump:20250101T000000\r\n"
        "DURATION:PT10M\r\nRRULE:FREQ=HOURLY;BYMINUTE=0,15,30,45\r\n"
    )
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        f"{zone}BEGIN:VEVENT\r\n{body}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    low = dt.datetime(2026, 3, 1, 0, 40, tzinfo=dt.UTC)
    high = low + dt.timedelta(minutes=30)
    library = recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(low, high)
    found = _starts(Occurrences(icalendar.Calendar.from_ical(text)).between(low, high))
    assert found == sorted(_starts(library)) and len(found) == 2


OLD_RULES = [
    "FREQ=DAILY;INTERVAL={n}",
    "FREQ=WEEKLY;INTERVAL={n};BYDAY=MO,TH",
    "FREQ=WEEKLY;INTERVAL={n};WKST=SU;BYDAY=SU,SA",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;INTERVAL={n};BYMONTHDAY=1,15,31",
    "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU",
    "FREQ=YEARLY;BYWEEKNO=13;BYDAY=MO",
    "FREQ=DAILY;UNTIL=20260315T000000Z",
    "FREQ=HOURLY;INTERVAL={n}",
    "FREQ=HOURLY;INTERVAL={n};BYDAY=MO,TH",
    "FREQ=HOURLY;BYDAY=MO,TH;BYHOUR=9,13",
    "FREQ=MINUTELY;INTERVAL={m};BYHOUR=2,9",
]


@settings(max_examples=60, deadline=None)
@given(
    rule=st.sampled_from(OLD_RULES),
    n=st.integers(1, 30),
    m=st.integers(5, 60),
    zone=st.sampled_from(
        ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC", "floating"]
    ),
    days=st.integers(61, 1500),
    at=st.datetimes(dt.datetime(2025, 12, 1), dt.datetime(2026, 12, 1)),
    windows=st.lists(
        st.tuples(st.integers(-90 * 1440, 90 * 1440), st.integers(0, 4 * 1440)),
        min_size=1,
        max_size=4,
    ),
)
@example(  # Samoa went from UTC-10 to UTC+14 on 29 December 2011 and skipped the 30th
    rule="FREQ=HOURLY;INTERVAL={n}",
    n=5,
    m=5,
    zone="Pacific/Apia",
    days=100,
    at=dt.datetime(2011, 12, 30, 3),
    windows=[(0, 1440), (-1440, 1440), (-1500, 90)],
)
def test_an_old_series_is_walked_from_near_each_window_with_the_same_occurrences(
    rule: str,
    n: int,
    m: int,
    zone: str,
    days: int,
    at: dt.datetime,
    windows: list[tuple[int, int]],
) -> None:
    """A series that began long before a window is walked from near it (whole periods or
    intervals later, as the occurrence index lists it), never from its first instance: the
    same occurrences as the library walking from DTSTART, for windows asked in any order of
    one calendar, with an RDATE before the walk's start and one near the window."""
    if rule.startswith(("FREQ=HOURLY", "FREQ=MINUTELY")):
        days = min(days, 200)  # the library walks every hour from DTSTART
    start = (at - days * DAY).replace(second=0, microsecond=0)
    if zone == "floating":
        rule = rule.replace("T000000Z", "T000000")
    times = _written("DTSTART", zone, start) + _written(
        "RDATE", zone, start + 2 * DAY, at + dt.timedelta(hours=5)
    )
    text = f"UID:a\r\n{times}DURATION:PT20M\r\nRRULE:{rule.format(n=n, m=m)}\r\n"
    shared = Occurrences(_calendar(text))
    for offset, minutes in windows:
        low = at + offset * MINUTE
        low = low if zone == "floating" else low.replace(tzinfo=dt.UTC)
        high = low + minutes * MINUTE
        library = recurring_ical_events.of(_calendar(text)).between(low, high)
        found = _starts(shared.between(low, high, limit=10_000))
        assert found == sorted(_starts(library)), (low, high)


def _written(name: str, zone: str, *moments: dt.datetime) -> str:
    """A property line of `moments` in `zone` ("floating", "UTC" or a TZID)."""
    suffix = "Z" if zone == "UTC" else ""
    values = ",".join(f"{moment:%Y%m%dT%H%M%S}{suffix}" for moment in moments)
    parameter = f";TZID={zone}" if zone not in ("floating", "UTC") else ""
    return f"{name}{parameter}:{values}\r\n"
