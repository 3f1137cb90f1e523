"""What users type to the bot: dates in their zone, durations, /create lines and zone names.

``NOW`` is Friday 2026-03-27 10:00 UTC (11:00 in Berlin, 06:00 in New York), two days before
Europe/Berlin moves its clocks forward (2026-03-29 02:00 -> 03:00).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeAlias
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from televent.adapters.telegram.parsing import (
    COMMON_ZONES,
    NewEvent,
    ParseProblem,
    format_duration,
    looks_like_duration,
    parse_create_line,
    parse_duration,
    parse_when,
    parse_when_detailed,
    resolve_timezone,
)

NOW = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)
BERLIN = "Europe/Berlin"
Day: TypeAlias = tuple[int, int, int]
Minute: TypeAlias = tuple[int, int, int, int, int]


def local(zone: str, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def offset_hours(moment: datetime) -> float:
    offset = moment.utcoffset()
    assert offset is not None
    return offset / timedelta(hours=1)


# --- dates and times -------------------------------------------------------------------------


def test_tomorrow_afternoon_is_in_the_users_zone_before_the_dst_change() -> None:
    start = parse_when("tomorrow 15:00", BERLIN, NOW)
    assert start == local(BERLIN, 2026, 3, 28, 15, 0)
    assert (start.hour, offset_hours(start)) == (15, 1.0)
    assert isinstance(start.tzinfo, ZoneInfo) and start.tzinfo.key == BERLIN


def test_sunday_after_the_dst_change_gets_summer_time() -> None:
    start = parse_when("sunday 15:00", BERLIN, NOW)
    assert (start.date().isoformat(), start.hour, offset_hours(start)) == ("2026-03-29", 15, 2.0)
    assert start.astimezone(UTC).hour == 13


def test_monday_morning_in_new_york() -> None:
    start = parse_when("monday 9am", "America/New_York", NOW)
    assert start == local("America/New_York", 2026, 3, 30, 9, 0)
    assert offset_hours(start) == -4.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15:00", (2026, 3, 27, 15, 0)),  # later today
        ("3pm", (2026, 3, 27, 15, 0)),
        ("10:00", (2026, 3, 28, 10, 0)),  # already past in Berlin: tomorrow
        ("11:00", (2026, 3, 28, 11, 0)),  # exactly now is not "still ahead"
        ("9.30", (2026, 3, 28, 9, 30)),
        ("at 5", (2026, 3, 28, 5, 0)),
    ],
)
def test_a_bare_time_means_today_if_still_ahead_else_tomorrow(text: str, expected: Minute) -> None:
    assert parse_when_detailed(text, BERLIN, NOW) == (local(BERLIN, *expected), True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25.12", (2026, 12, 25)),
        ("25/12", (2026, 12, 25)),
        ("25.12.", (2026, 12, 25)),
        ("25 Dec", (2026, 12, 25)),
        ("12.10", (2026, 10, 12)),  # day-first: 12 October
        ("tomorrow", (2026, 3, 28)),
        ("sun", (2026, 3, 29)),
        ("friday", (2026, 3, 27)),  # today is Friday
        ("decmber 24", (2026, 12, 24)),
    ],
)
def test_a_date_without_a_time_is_local_midnight_and_flagged(text: str, expected: Day) -> None:
    assert parse_when_detailed(text, BERLIN, NOW) == (local(BERLIN, *expected, 0, 0), False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorow 3pm", (2026, 3, 28, 15, 0)),
        ("tmorow 3pm", (2026, 3, 28, 15, 0)),
        ("tmrw 10:00", (2026, 3, 28, 10, 0)),
        ("wensday 10:00", (2026, 4, 1, 10, 0)),
        ("Fri 15:00", (2026, 3, 27, 15, 0)),  # today's weekday, still ahead
        ("fri 9:30", (2026, 4, 3, 9, 30)),  # today's 9:30 has passed
        ("next fri 15:00", (2026, 4, 3, 15, 0)),
        ("tomorrow 12.10", (2026, 3, 28, 12, 10)),
        ("25.12 18.00", (2026, 12, 25, 18, 0)),
        ("tomorrow at 15:00", (2026, 3, 28, 15, 0)),
        ("in 2 hours", (2026, 3, 27, 13, 0)),
        ("in half an hour", (2026, 3, 27, 11, 30)),
        ("in 1.5 hours", (2026, 3, 27, 12, 30)),
        ("03.04 10:00", (2026, 4, 3, 10, 0)),
        ("12.10 at 18:00", (2026, 10, 12, 18, 0)),
        ("tomorrow noon", (2026, 3, 28, 12, 0)),
    ],
)
def test_times_typos_and_relative_phrases(text: str, expected: Minute) -> None:
    assert parse_when_detailed(text, BERLIN, NOW) == (local(BERLIN, *expected), True)


def test_a_time_in_the_spring_forward_gap_moves_forward_by_the_gap() -> None:
    start = parse_when("mar 29 2:30", BERLIN, NOW)
    assert (start.hour, start.minute, offset_hours(start)) == (3, 30, 2.0)
    assert start.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_an_ambiguous_time_at_fall_back_takes_the_first_occurrence() -> None:
    start = parse_when("25 oct 2:30", BERLIN, NOW)
    assert (start.hour, start.fold, offset_hours(start)) == (2, 0, 2.0)


def test_gibberish_raises_a_friendly_problem() -> None:
    with pytest.raises(ParseProblem) as caught:
        parse_when("asdkjh qwe", BERLIN, NOW)
    message = str(caught.value)
    assert "“asdkjh qwe”" in message and "tomorrow 15:00" in message
    assert "Traceback" not in message and "\n" not in message


@pytest.mark.parametrize("text", ["", "   ", "1 jan 2040", "12/25", "3 days ago"])
def test_empty_far_future_and_past_dates_are_refused(text: str) -> None:
    with pytest.raises(ParseProblem):
        parse_when(text, BERLIN, NOW)


def test_yesterday_is_still_accepted() -> None:
    assert parse_when("yesterday", BERLIN, NOW) == local(BERLIN, 2026, 3, 26, 0, 0)


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("tomorrow", BERLIN, NOW.replace(tzinfo=None))


# --- durations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1h", 60),
        ("1 h", 60),
        ("1H", 60),
        ("90m", 90),
        ("90 min", 90),
        ("45 minutes", 45),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1.5h", 90),
        ("2 hours", 120),
        ("1:30", 90),
        ("an hour", 60),
        ("An Hour", 60),
        ("half an hour", 30),
        ("30'", 30),
        ("1 hour and 30 minutes", 90),
        ("2 days", 2 * 24 * 60),
        ("1 day 2h 5m", 24 * 60 + 125),
        ("14 days", 14 * 24 * 60),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert looks_like_duration(text)
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "90", "soon", "Room 4", "Main street 5", "1x"])
def test_non_durations(text: str) -> None:
    assert not looks_like_duration(text)
    with pytest.raises(ParseProblem):
        parse_duration(text)


@pytest.mark.parametrize("text", ["0m", "0h", "15 days", "14 days 1m"])
def test_durations_out_of_range_look_like_durations_but_are_refused(text: str) -> None:
    assert looks_like_duration(text)
    with pytest.raises(ParseProblem, match="14 days"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(60, "1h"), (90, "1h 30m"), (45, "45m"), (2 * 24 * 60, "2 days"), (24 * 60 + 5, "1 day 5m")],
)
def test_format_duration(minutes: int, text: str) -> None:
    assert format_duration(timedelta(minutes=minutes)) == text


@given(st.integers(min_value=1, max_value=14 * 24 * 60))
def test_formatted_durations_parse_back(minutes: int) -> None:
    duration = timedelta(minutes=minutes)
    assert parse_duration(format_duration(duration)) == duration


# --- /create ---------------------------------------------------------------------------------


def test_create_with_all_four_parts() -> None:
    event = parse_create_line("Team sync, tomorrow 15:00, 1h, Room 4", BERLIN, NOW)
    assert event == NewEvent(
        title="Team sync",
        start=local(BERLIN, 2026, 3, 28, 15, 0),
        end=local(BERLIN, 2026, 3, 28, 16, 0),
        location="Room 4",
    )


def test_a_third_part_that_is_no_duration_is_the_location_with_one_hour_default() -> None:
    event = parse_create_line("Dentist, fri 9:30, Main street 5", BERLIN, NOW)
    assert (event.title, event.location, event.all_day) == ("Dentist", "Main street 5", False)
    assert event.start == local(BERLIN, 2026, 4, 3, 9, 30)
    assert event.end - event.start == timedelta(hours=1)


def test_a_date_without_time_is_all_day_ending_the_next_midnight() -> None:
    event = parse_create_line("Birthday, 25.12", BERLIN, NOW)
    assert event == NewEvent(
        title="Birthday",
        start=local(BERLIN, 2026, 12, 25, 0, 0),
        end=local(BERLIN, 2026, 12, 26, 0, 0),
        location=None,
        all_day=True,
    )


def test_an_all_day_event_over_the_dst_change_ends_at_local_midnight() -> None:
    event = parse_create_line("Trip, 28.03, 2 days", BERLIN, NOW)
    assert (event.start, event.end) == (
        local(BERLIN, 2026, 3, 28, 0, 0),
        local(BERLIN, 2026, 3, 30, 0, 0),
    )
    elapsed = event.end.astimezone(UTC) - event.start.astimezone(UTC)
    assert elapsed == timedelta(hours=47)  # one hour lost that night


def test_an_all_day_event_with_an_hour_long_duration_asks_for_a_time() -> None:
    with pytest.raises(ParseProblem, match="all-day"):
        parse_create_line("Birthday, 25.12, 1h", BERLIN, NOW)


def test_duration_is_elapsed_time_across_the_dst_change() -> None:
    event = parse_create_line("Night shift, sat 23:00, 8h", BERLIN, NOW)
    assert event.end == local(BERLIN, 2026, 3, 29, 8, 0)  # 23:00 CET + 8h = 08:00 CEST


def test_extra_commas_join_into_the_location() -> None:
    event = parse_create_line("Lunch, tomorrow 12:00, 45 min, Cafe Blau, 2nd floor", BERLIN, NOW)
    assert event.location == "Cafe Blau, 2nd floor"
    assert event.end - event.start == timedelta(minutes=45)
    no_duration = parse_create_line("Lunch, tomorrow 12:00, Cafe Blau, 2nd floor", BERLIN, NOW)
    assert no_duration.location == "Cafe Blau, 2nd floor"


@pytest.mark.parametrize(
    ("line", "title", "start"),
    [
        ("Team sync tomorrow 15:00", "Team sync", (2026, 3, 28, 15, 0)),
        ("Meeting room 4 tomorrow", "Meeting room 4", (2026, 3, 28, 0, 0)),
        ("  Call Anna   in 2 hours ", "Call Anna", (2026, 3, 27, 13, 0)),
    ],
)
def test_create_without_commas_splits_off_the_trailing_date(
    line: str, title: str, start: Minute
) -> None:
    event = parse_create_line(line, BERLIN, NOW)
    assert (event.title, event.start) == (title, local(BERLIN, *start))


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("", "title"),
        (", tomorrow 15:00", "title"),
        ("Call mom", "/create Team sync, tomorrow 15:00, 1h, Room 4"),
        ("Call mom,", "When"),
        ("Call mom, someday", "couldn't read a date"),
        ("Team sync, tomorrow 15:00, 20 days", "14 days"),
        ("x" * 201 + ", tomorrow 15:00", "200"),
    ],
)
def test_create_problems_explain_themselves(line: str, hint: str) -> None:
    with pytest.raises(ParseProblem, match=hint.replace("/", ".")):
        parse_create_line(line, BERLIN, NOW)


def test_a_title_keeps_the_users_text() -> None:
    event = parse_create_line("  Ärzt*in: Dr. Müller  , tomorrow 15:00", BERLIN, NOW)
    assert event.title == "Ärzt*in: Dr. Müller"
    assert len(parse_create_line("x" * 200 + ", tomorrow", BERLIN, NOW).title) == 200


# --- time zones ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New York", "America/New_York"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("port au prince", "America/Port-au-Prince"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("kiev", "Europe/Kyiv"),
        ("munich", "Europe/Berlin"),
        ("San Francisco", "America/Los_Angeles"),
        ("St. Petersburg", "Europe/Moscow"),
        ("Bangalore", "Asia/Kolkata"),
        ("tel aviv", "Asia/Jerusalem"),
        ("Japan", "Asia/Tokyo"),
        ("singapore", "Asia/Singapore"),
        ("Berlni", "Europe/Berlin"),
        ("new yrok", "America/New_York"),
        ("Europe/Berlni", "Europe/Berlin"),
        ("Londn", "Europe/London"),
        ("Los Angles", "America/Los_Angeles"),
        ("UTC", "UTC"),
        ("gmt", "UTC"),
        ("Z", "UTC"),
        ("UTC+3", "Etc/GMT-3"),
        ("utc + 3", "Etc/GMT-3"),
        ("GMT-5", "Etc/GMT+5"),
        ("+03:00", "Etc/GMT-3"),
        ("UTC-0", "UTC"),
        ("EST5EDT", "EST5EDT"),
    ],
)
def test_resolve_timezone(text: str, zone: str) -> None:
    assert resolve_timezone(text) == zone


def test_an_ambiguous_typo_offers_suggestions() -> None:
    with pytest.raises(ParseProblem) as caught:
        resolve_timezone("Daka")  # Dhaka or Dakar?
    assert {"Asia/Dhaka", "Africa/Dakar"} <= set(caught.value.suggestions)
    assert len(caught.value.suggestions) <= 3
    assert "Asia/Dhaka" in str(caught.value) and "Africa/Dakar" in str(caught.value)


@pytest.mark.parametrize("text", ["", "xyzzy", "Narnia", "UTC+15", "GMT-13"])
def test_unknown_zones_are_refused(text: str) -> None:
    with pytest.raises(ParseProblem) as caught:
        resolve_timezone(text)
    assert "“" in str(caught.value)


def test_a_half_hour_offset_suggests_a_city() -> None:
    with pytest.raises(ParseProblem, match="Kolkata") as caught:
        resolve_timezone("UTC+5:30")
    assert caught.value.suggestions == ("Asia/Kolkata",)


def test_common_zones_are_valid_and_resolve_to_themselves() -> None:
    assert 8 <= len(COMMON_ZONES) <= 12 and ("UTC", "UTC") in COMMON_ZONES
    for _label, zone in COMMON_ZONES:
        ZoneInfo(zone)
        assert resolve_timezone(zone) == zone


WORDS = ["tomorrow", "at", "5", "15:00", "25.12", "in", "2", "hours", "fri", "3pm", "1h", ","]


@settings(deadline=None)  # the first example loads dateparser's data and the message catalogue
@given(
    st.one_of(
        st.text(max_size=40),
        st.lists(st.sampled_from([*WORDS, "Room", "12.10", "31.02", "99:99", "-"]), max_size=8).map(
            " ".join
        ),
    )
)
def test_any_input_yields_a_result_or_a_parse_problem(text: str) -> None:
    messages = []
    for attempt in (
        lambda: parse_when_detailed(text, BERLIN, NOW),
        lambda: parse_create_line(text, "America/New_York", NOW),
        lambda: resolve_timezone(text),
        lambda: parse_duration(text),
    ):
        try:
            attempt()
        except ParseProblem as problem:  # anything else fails the test
            messages.append(str(problem))
    assert all(message and "\n" not in message for message in messages)
