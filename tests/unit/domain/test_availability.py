"""Weekly availability of a booking link (televent/domain/availability.py): the public JSON form,
the errors a user sees, and the real instants local hours mean across daylight-saving changes
(the RFC 5545 §3.3.5 rule for skipped and repeated wall times)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from televent.domain.availability import (
    MAX_OVERRIDES,
    MAX_RANGES_PER_DAY,
    WEEKDAYS,
    Availability,
    DateOverride,
    range_end_instant,
)
from televent.domain.errors import DomainError

UTC = dt.UTC


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def _hours(timezone: str, **days: list[list[str]]) -> Availability:
    return Availability.from_json({"timezone": timezone, "weekly": days})


# --- the JSON form ------------------------------------------------------------------------------


def test_the_json_form_is_the_public_one_and_reads_back() -> None:
    body = {
        "timezone": "Europe/Berlin",
        "weekly": {"Monday": [["13:00", "17:00"], ["09:00", "12:00"]], "FRI": [["9:00", "24:00"]]},
        "overrides": [
            {"date": "2026-12-27", "ranges": [["10:00", "14:00"]]},
            {"date": "2026-12-24", "ranges": []},
        ],
    }
    availability = Availability.from_json(body)
    assert availability.as_json() == {
        "timezone": "Europe/Berlin",
        "weekly": {
            "mon": [["09:00", "12:00"], ["13:00", "17:00"]],
            "tue": [],
            "wed": [],
            "thu": [],
            "fri": [["09:00", "24:00"]],
            "sat": [],
            "sun": [],
        },
        "overrides": [
            {"date": "2026-12-24", "ranges": []},
            {"date": "2026-12-27", "ranges": [["10:00", "14:00"]]},
        ],
    }
    assert Availability.from_json(availability.as_json()) == availability
    assert availability.weekly["fri"] == ((dt.time(9), None),)


def test_missing_weekly_and_overrides_mean_none() -> None:
    availability = Availability.from_json({"timezone": "Asia/Kolkata"})
    assert availability.weekly == dict.fromkeys(WEEKDAYS, ())
    assert availability.overrides == ()
    assert availability.open_intervals(_utc(2026, 1, 1), _utc(2026, 2, 1)) == []


def test_the_default_is_weekdays_nine_to_five() -> None:
    availability = Availability.default("America/New_York")
    assert availability.as_json()["weekly"]["mon"] == [["09:00", "17:00"]]
    assert availability.as_json()["weekly"]["sat"] == []
    assert Availability.from_json(availability.as_json()) == availability
    assert hash(availability) == hash(Availability.from_json(availability.as_json()))


def test_direct_construction_normalises_like_json() -> None:
    built = Availability(
        "Europe/Berlin",
        {"mon": ((dt.time(13), dt.time(17)), (dt.time(9), dt.time(12)))},
        (DateOverride(dt.date(2026, 12, 27), ()), DateOverride(dt.date(2026, 12, 24), ())),
    )
    assert built.weekly["mon"] == ((dt.time(9), dt.time(12)), (dt.time(13), dt.time(17)))
    assert [o.date.day for o in built.overrides] == [24, 27]
    assert Availability.from_json(built.as_json()) == built


@st.composite
def _ranges_json(draw: st.DrawFn) -> list[list[str]]:
    marks = sorted(draw(st.sets(st.integers(0, 288), max_size=8)))
    ranges = []
    for low, high in zip(marks[::2], marks[1::2], strict=False):
        ranges.append(
            [f"{low * 5 // 60:02d}:{low * 5 % 60:02d}", f"{high * 5 // 60:02d}:{high * 5 % 60:02d}"]
        )
    return ranges


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]),
    st.dictionaries(st.sampled_from(WEEKDAYS), _ranges_json()),
    st.dictionaries(
        st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), _ranges_json(), max_size=5
    ),
)
def test_any_valid_body_reads_back_from_its_json(
    timezone: str, weekly: dict[str, Any], overrides: dict[dt.date, Any]
) -> None:
    body = {
        "timezone": timezone,
        "weekly": weekly,
        "overrides": [{"date": d.isoformat(), "ranges": r} for d, r in overrides.items()],
    }
    availability = Availability.from_json(body)
    again = Availability.from_json(availability.as_json())
    assert again == availability
    assert again.as_json() == availability.as_json()


# --- errors a user sees -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Europe/Berlin", "JSON object"),
        (["Europe/Berlin"], "JSON object"),
        ({}, '"timezone"'),
        ({"timezone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone"),
        ({"timezone": "../../etc/passwd"}, "is not a time zone"),
        ({"timezone": "UTC", "weekly": []}, '"weekly" is an object'),
        ({"timezone": "UTC", "weekly": {"funday": []}}, "'funday' is not a weekday"),
        ({"timezone": "UTC", "weekly": {"mon": [], "Monday": []}}, "Monday is given twice"),
        ({"timezone": "UTC", "weekly": {"mon": "09:00-17:00"}}, "Monday: give a list of ranges"),
        ({"timezone": "UTC", "weekly": {"tue": [["09:00"]]}}, "Tuesday: range 1 is a start"),
        ({"timezone": "UTC", "weekly": {"wed": [["9am", "17:00"]]}}, "Wednesday, range 1: '9am'"),
        ({"timezone": "UTC", "weekly": {"wed": [["24:00", "24:00"]]}}, "(00:00 to 23:59)"),
        ({"timezone": "UTC", "weekly": {"wed": [["09:00", "24:30"]]}}, "(00:00 to 24:00)"),
        ({"timezone": "UTC", "weekly": {"wed": [["09:00", 17]]}}, "17 is not a time of day"),
        ({"timezone": "UTC", "weekly": {"thu": [["17:00", "09:00"]]}}, "17:00-09:00 ends before"),
        ({"timezone": "UTC", "weekly": {"thu": [["09:00", "09:00"]]}}, "ends before it starts"),
        (
            {"timezone": "UTC", "weekly": {"fri": [["13:00", "17:00"], ["09:00", "13:30"]]}},
            "Friday: the ranges 09:00-13:30 and 13:00-17:00 overlap",
        ),
        (
            {"timezone": "UTC", "weekly": {"sat": [["09:00", "10:00"]] * 13}},
            f"at most {MAX_RANGES_PER_DAY} ranges",
        ),
        ({"timezone": "UTC", "overrides": {"date": "2026-12-24"}}, '"overrides" is a list'),
        ({"timezone": "UTC", "overrides": ["2026-12-24"]}, "Override 1 is an object"),
        ({"timezone": "UTC", "overrides": [{"date": "24.12.2026"}]}, "'24.12.2026' is not a date"),
        ({"timezone": "UTC", "overrides": [{"date": "20261224"}]}, "is not a date as YYYY-MM-DD"),
        ({"timezone": "UTC", "overrides": [{"date": "2026-02-30"}]}, "'2026-02-30' is not a date"),
        (
            {"timezone": "UTC", "overrides": [{"date": "2026-12-24", "ranges": [["10", "12"]]}]},
            "2026-12-24, range 1: '10' is not a time",
        ),
        (
            {
                "timezone": "UTC",
                "overrides": [{"date": "2026-12-24"}, {"date": "2026-12-24", "ranges": []}],
            },
            "2026-12-24 has its own hours twice",
        ),
        (
            {
                "timezone": "UTC",
                "overrides": [
                    {"date": (dt.date(2026, 1, 1) + dt.timedelta(days=n)).isoformat()}
                    for n in range(MAX_OVERRIDES + 1)
                ],
            },
            f"At most {MAX_OVERRIDES} dates",
        ),
    ],
)
def test_a_bad_body_is_refused_naming_the_bad_value(body: Any, message: str) -> None:
    with pytest.raises(DomainError) as raised:
        Availability.from_json(body)
    assert message in str(raised.value)


def test_an_override_without_ranges_is_a_day_off() -> None:
    availability = Availability.from_json(
        {
            "timezone": "UTC",
            "weekly": {"thu": [["09:00", "17:00"]]},
            "overrides": [{"date": "2026-12-24"}],
        }
    )
    assert availability.ranges_on(dt.date(2026, 12, 24)) == ()
    assert availability.ranges_on(dt.date(2026, 12, 31)) == ((dt.time(9), dt.time(17)),)


def test_direct_construction_checks_too() -> None:
    with pytest.raises(DomainError, match="not a time zone"):
        Availability("Nowhere/Town", {})
    with pytest.raises(DomainError, match="overlap"):
        Availability("UTC", {"mon": ((dt.time(9), None), (dt.time(10), dt.time(11)))})
    with pytest.raises(DomainError, match="whole minutes"):
        Availability("UTC", {"mon": ((dt.time(9, 0, 30), None),)})
    with pytest.raises(DomainError, match="2026-12-24 has its own hours twice"):
        Availability(
            "UTC",
            {},
            (DateOverride(dt.date(2026, 12, 24), ()), DateOverride(dt.date(2026, 12, 24), ())),
        )


# --- open intervals -----------------------------------------------------------------------------


def test_nine_to_five_follows_the_zone_on_each_date_in_berlin() -> None:
    availability = _hours("Europe/Berlin", sat=[["09:00", "17:00"]], sun=[["09:00", "17:00"]])
    # Saturday 28 March is winter time (+01:00), Sunday 29 March summer time (+02:00).
    assert availability.open_intervals(_utc(2026, 3, 28), _utc(2026, 3, 30)) == [
        (_utc(2026, 3, 28, 8), _utc(2026, 3, 28, 16)),
        (_utc(2026, 3, 29, 7), _utc(2026, 3, 29, 15)),
    ]
    # 24 October is still summer time, 25 October winter time again.
    assert availability.open_intervals(_utc(2026, 10, 24), _utc(2026, 10, 26)) == [
        (_utc(2026, 10, 24, 7), _utc(2026, 10, 24, 15)),
        (_utc(2026, 10, 25, 8), _utc(2026, 10, 25, 16)),
    ]


def test_new_york_changes_on_its_own_dates() -> None:
    availability = _hours("America/New_York", sun=[["09:00", "17:00"]])
    assert availability.open_intervals(_utc(2026, 3, 1), _utc(2026, 3, 9)) == [
        (_utc(2026, 3, 1, 14), _utc(2026, 3, 1, 22)),  # EST, -05:00
        (_utc(2026, 3, 8, 13), _utc(2026, 3, 8, 21)),  # EDT, -04:00
    ]
    assert availability.open_intervals(_utc(2026, 11, 1), _utc(2026, 11, 2)) == [
        (_utc(2026, 11, 1, 14), _utc(2026, 11, 1, 22)),
    ]


def test_sydney_keeps_summer_time_from_october_to_april() -> None:
    availability = _hours("Australia/Sydney", sun=[["09:00", "17:00"]])
    # Sunday 5 April 2026 Sydney leaves daylight time (+11:00 → +10:00) at 03:00.
    assert availability.open_intervals(_utc(2026, 3, 28), _utc(2026, 4, 6)) == [
        (_utc(2026, 3, 28, 22), _utc(2026, 3, 29, 6)),  # +11:00
        (_utc(2026, 4, 4, 23), _utc(2026, 4, 5, 7)),  # +10:00
    ]
    # Sunday 4 October 2026 it starts again at 02:00.
    assert availability.open_intervals(_utc(2026, 10, 3), _utc(2026, 10, 5)) == [
        (_utc(2026, 10, 3, 22), _utc(2026, 10, 4, 6)),
    ]


def test_kolkata_is_five_and_a_half_hours_ahead_all_year() -> None:
    availability = _hours("Asia/Kolkata", mon=[["09:00", "17:00"]])
    for day in (dt.date(2026, 1, 5), dt.date(2026, 7, 6)):
        start = dt.datetime.combine(day, dt.time(0), UTC)
        assert availability.open_intervals(start, start + dt.timedelta(days=1)) == [
            (start + dt.timedelta(hours=3, minutes=30), start + dt.timedelta(hours=11, minutes=30))
        ]


def test_a_start_in_the_gap_means_the_first_instant_after_it() -> None:
    # Berlin skips 02:00-03:00 on 29 March 2026 (01:00Z).
    availability = _hours("Europe/Berlin", sun=[["02:30", "05:00"]])
    assert availability.open_intervals(_utc(2026, 3, 28), _utc(2026, 3, 30)) == [
        (_utc(2026, 3, 29, 1), _utc(2026, 3, 29, 3))
    ]
    # An end in the gap means the same instant: a range wholly in the gap is empty.
    inside = _hours("Europe/Berlin", sun=[["01:00", "02:30"]])
    assert inside.open_intervals(_utc(2026, 3, 28), _utc(2026, 3, 30)) == [
        (_utc(2026, 3, 29, 0), _utc(2026, 3, 29, 1))
    ]
    empty = _hours("Europe/Berlin", sun=[["02:15", "02:45"]])
    assert empty.open_intervals(_utc(2026, 3, 28), _utc(2026, 3, 30)) == []


def test_a_range_over_the_fall_back_covers_the_whole_wall_clock_span() -> None:
    # Berlin repeats 02:00-03:00 on 25 October 2026: 01:00-03:00 local lasts three hours.
    availability = _hours("Europe/Berlin", sun=[["01:00", "03:00"]])
    assert availability.open_intervals(_utc(2026, 10, 24), _utc(2026, 10, 26)) == [
        (_utc(2026, 10, 24, 23), _utc(2026, 10, 25, 2))
    ]
    # A start in the repeated hour is its first occurrence, an end its second one.
    repeated = _hours("Europe/Berlin", sun=[["02:15", "02:45"]])
    assert repeated.open_intervals(_utc(2026, 10, 24), _utc(2026, 10, 26)) == [
        (_utc(2026, 10, 25, 0, 15), _utc(2026, 10, 25, 1, 45))
    ]
    # New York repeats 01:00-02:00 on 1 November 2026.
    new_york = _hours("America/New_York", sun=[["01:30", "01:45"]])
    assert new_york.open_intervals(_utc(2026, 11, 1), _utc(2026, 11, 2)) == [
        (_utc(2026, 11, 1, 5, 30), _utc(2026, 11, 1, 6, 45))
    ]


def test_overrides_replace_the_weekday() -> None:
    availability = Availability.from_json(
        {
            "timezone": "Europe/Berlin",
            "weekly": {"thu": [["09:00", "17:00"]]},
            "overrides": [
                {"date": "2026-12-24", "ranges": []},
                {"date": "2026-12-27", "ranges": [["10:00", "14:00"]]},
            ],
        }
    )
    assert availability.open_intervals(_utc(2026, 12, 21), _utc(2027, 1, 2)) == [
        (_utc(2026, 12, 27, 9), _utc(2026, 12, 27, 13)),  # a Sunday with extra hours
        (_utc(2026, 12, 31, 8), _utc(2026, 12, 31, 16)),  # the next Thursday as usual
    ]


def test_24_00_meets_the_next_days_midnight() -> None:
    availability = _hours(
        "Europe/Berlin", sat=[["20:00", "24:00"]], sun=[["00:00", "02:00"], ["02:00", "06:00"]]
    )
    # Across the spring-forward night: 20:00 CET Saturday to 06:00 CEST Sunday.
    assert availability.open_intervals(_utc(2026, 3, 28), _utc(2026, 3, 30)) == [
        (_utc(2026, 3, 28, 19), _utc(2026, 3, 29, 4))
    ]


def test_intervals_are_clipped_and_accept_any_zone() -> None:
    availability = _hours("Europe/Berlin", mon=[["09:00", "17:00"]])
    tokyo = dt.timezone(dt.timedelta(hours=9))
    start = dt.datetime(2026, 11, 2, 19, 0, tzinfo=tokyo)  # 10:00Z, 11:00 in Berlin
    end = dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=-2)))
    assert availability.open_intervals(start, end) == [
        (_utc(2026, 11, 2, 10), _utc(2026, 11, 2, 14))
    ]
    assert availability.open_intervals(end, start) == []
    with pytest.raises(DomainError, match="aware"):
        availability.open_intervals(dt.datetime(2026, 11, 2), end)


def test_a_range_ending_where_the_clock_falls_back_ends_at_its_first_occurrence() -> None:
    """New York falls back from 02:00 EDT to 01:00 EST on 1 November 2026: a range until 01:00
    ends as the clock first shows 01:00 (an hour, not two); one until 01:30 at its second
    occurrence (the whole repeated half hour is before it)."""
    zone = zoneinfo.ZoneInfo("America/New_York")
    day = dt.date(2026, 11, 1)
    assert range_end_instant(day, dt.time(1, 0), zone) == dt.datetime(2026, 11, 1, 5, tzinfo=dt.UTC)
    assert range_end_instant(day, dt.time(1, 30), zone) == dt.datetime(
        2026, 11, 1, 6, 30, tzinfo=dt.UTC
    )
