"""The morning agenda's next run and quiet hours in local time, across daylight-saving changes
and time zone changes, and the checking of preference values (pure, no storage)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from televent.domain.errors import DomainError
from televent.domain.preferences import (
    Preferences,
    agenda_day_due,
    day_bounds,
    local_instant,
    next_agenda_run,
    quiet_until,
    validate_changes,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
LORD_HOWE = zoneinfo.ZoneInfo("Australia/Lord_Howe")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


def hm(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


# --- Europe/Berlin: 2026-03-29 02:00 -> 03:00, 2026-10-25 03:00 -> 02:00 ---------------------


def test_berlin_keeps_seven_local_across_the_spring_change() -> None:
    assert next_agenda_run(utc(2026, 3, 27, 12), hm("07:00"), BERLIN) == utc(2026, 3, 28, 6)
    assert next_agenda_run(utc(2026, 3, 28, 12), hm("07:00"), BERLIN) == utc(2026, 3, 29, 5)


def test_berlin_0230_on_the_spring_forward_day_runs_at_0300_summer_time() -> None:
    moment = next_agenda_run(utc(2026, 3, 28, 12), hm("02:30"), BERLIN)
    assert moment == utc(2026, 3, 29, 1)
    assert moment.astimezone(BERLIN).strftime("%H:%M %Z") == "03:00 CEST"
    # the day after, 02:30 exists again
    assert next_agenda_run(moment + dt.timedelta(seconds=1), hm("02:30"), BERLIN) == utc(
        2026, 3, 30, 0, 30
    )


def test_berlin_0230_on_the_fall_back_day_runs_once_at_its_first_occurrence() -> None:
    first = next_agenda_run(utc(2026, 10, 24, 12), hm("02:30"), BERLIN)
    assert first == utc(2026, 10, 25, 0, 30)
    assert first.astimezone(BERLIN).strftime("%H:%M %Z") == "02:30 CEST"
    # the second 02:30 (CET, an hour later) is not another run: the next one is tomorrow
    assert next_agenda_run(first + dt.timedelta(minutes=1), hm("02:30"), BERLIN) == utc(
        2026, 10, 26, 1, 30
    )
    # seen at the repeated 02:30, it is the same local day: the same agenda, not a second
    assert agenda_day_due(utc(2026, 10, 25, 1, 30), hm("02:30"), BERLIN) == dt.date(2026, 10, 25)


def test_berlin_days_of_the_changes_last_23_and_25_hours() -> None:
    start, end = day_bounds(dt.date(2026, 3, 29), BERLIN)
    assert end - start == dt.timedelta(hours=23)
    start, end = day_bounds(dt.date(2026, 10, 25), BERLIN)
    assert end - start == dt.timedelta(hours=25)


# --- America/New_York: 2026-03-08 02:00 -> 03:00, 2026-11-01 02:00 -> 01:00 -------------------


def test_new_york_gap_and_repeated_hour() -> None:
    assert next_agenda_run(utc(2026, 3, 7, 12), hm("02:30"), NEW_YORK) == utc(2026, 3, 8, 7)
    assert next_agenda_run(utc(2026, 3, 7, 13), hm("07:00"), NEW_YORK) == utc(2026, 3, 8, 11)
    assert next_agenda_run(utc(2026, 3, 6, 13), hm("07:00"), NEW_YORK) == utc(2026, 3, 7, 12)
    first = next_agenda_run(utc(2026, 10, 31, 12), hm("01:30"), NEW_YORK)
    assert first == utc(2026, 11, 1, 5, 30)  # EDT, the first of the two 01:30s
    assert next_agenda_run(first + dt.timedelta(minutes=1), hm("01:30"), NEW_YORK) == utc(
        2026, 11, 2, 6, 30
    )


# --- Australia/Lord_Howe: a 30-minute change (+10:30 <-> +11) ----------------------------------


def test_lord_howe_half_hour_gap_runs_at_its_end() -> None:
    # 2026-10-04: 02:00 local jumps to 02:30
    moment = next_agenda_run(utc(2026, 10, 3, 0), hm("02:15"), LORD_HOWE)
    assert moment.astimezone(LORD_HOWE).strftime("%Y-%m-%d %H:%M") == "2026-10-04 02:30"
    assert moment == utc(2026, 10, 3, 15, 30)


def test_lord_howe_half_hour_repeat_runs_at_the_first_occurrence() -> None:
    # 2026-04-05: 02:00 local goes back to 01:30; 01:45 happens twice
    first = next_agenda_run(utc(2026, 4, 4, 0), hm("01:45"), LORD_HOWE)
    assert first == utc(2026, 4, 4, 14, 45)  # +11:00
    later = next_agenda_run(first + dt.timedelta(minutes=1), hm("01:45"), LORD_HOWE)
    assert later.astimezone(LORD_HOWE).date() == dt.date(2026, 4, 6)


# --- zones without daylight saving ------------------------------------------------------------


@pytest.mark.parametrize("day", [dt.date(2026, 3, 29), dt.date(2026, 10, 25), dt.date(2026, 7, 1)])
def test_zones_without_changes_are_the_same_every_day(day: dt.date) -> None:
    assert local_instant(day, hm("07:00"), TOKYO) == dt.datetime.combine(
        day, dt.time(7), tzinfo=TOKYO
    ).astimezone(dt.UTC)
    assert local_instant(day, hm("07:00"), KOLKATA).astimezone(dt.UTC).time() == dt.time(1, 30)


# --- a /timezone change moves the agenda with the person ----------------------------------------


def test_the_same_local_time_follows_a_timezone_change() -> None:
    now = utc(2026, 6, 1, 12)
    in_berlin = next_agenda_run(now, hm("07:30"), BERLIN)
    in_new_york = next_agenda_run(now, hm("07:30"), NEW_YORK)
    assert in_berlin.astimezone(BERLIN).strftime("%H:%M") == "07:30"
    assert in_new_york.astimezone(NEW_YORK).strftime("%H:%M") == "07:30"
    assert in_new_york - in_berlin == dt.timedelta(hours=6)
    # having moved west in the evening, the agenda is still due "this morning" in New York
    assert agenda_day_due(utc(2026, 6, 2, 11, 35), hm("07:30"), NEW_YORK) == dt.date(2026, 6, 2)
    assert agenda_day_due(utc(2026, 6, 2, 11, 35), hm("07:30"), BERLIN) is None  # past noon


# --- a missed run is made up for, within limits -----------------------------------------------


def test_a_missed_morning_run_is_due_until_noon_only() -> None:
    seven = hm("07:00")
    assert agenda_day_due(utc(2026, 6, 2, 4, 59), seven, BERLIN) is None  # 06:59 local
    assert agenda_day_due(utc(2026, 6, 2, 5, 0), seven, BERLIN) == dt.date(2026, 6, 2)
    assert agenda_day_due(utc(2026, 6, 2, 5, 40), seven, BERLIN) == dt.date(2026, 6, 2)
    assert agenda_day_due(utc(2026, 6, 2, 9, 59), seven, BERLIN) == dt.date(2026, 6, 2)
    assert agenda_day_due(utc(2026, 6, 2, 10, 0), seven, BERLIN) is None  # 12:00 local


def test_a_late_agenda_time_gets_an_hour_but_never_the_next_day() -> None:
    assert agenda_day_due(utc(2026, 6, 2, 12, 59), hm("15:00"), BERLIN) is None
    assert agenda_day_due(utc(2026, 6, 2, 13, 59), hm("15:00"), BERLIN) == dt.date(2026, 6, 2)
    assert agenda_day_due(utc(2026, 6, 2, 14, 0), hm("15:00"), BERLIN) is None
    assert agenda_day_due(utc(2026, 6, 2, 21, 50), hm("23:45"), BERLIN) == dt.date(2026, 6, 2)
    assert agenda_day_due(utc(2026, 6, 2, 22, 0), hm("23:45"), BERLIN) is None  # next day


# --- quiet hours --------------------------------------------------------------------------------


def test_quiet_hours_over_midnight_end_the_next_morning() -> None:
    night = (hm("22:00"), hm("07:00"))
    assert quiet_until(utc(2026, 6, 2, 21, 0), night, BERLIN) == utc(2026, 6, 3, 5)  # 23:00
    assert quiet_until(utc(2026, 6, 3, 4, 59), night, BERLIN) == utc(2026, 6, 3, 5)  # 06:59
    assert quiet_until(utc(2026, 6, 3, 5, 0), night, BERLIN) is None  # 07:00: over
    assert quiet_until(utc(2026, 6, 3, 10, 0), night, BERLIN) is None
    assert quiet_until(utc(2026, 6, 3, 10, 0), None, BERLIN) is None


def test_quiet_hours_within_a_day_and_across_the_spring_gap() -> None:
    assert quiet_until(utc(2026, 6, 2, 11, 30), (hm("13:00"), hm("14:00")), BERLIN) == utc(
        2026, 6, 2, 12
    )
    # ending at 02:30, which 2026-03-29 skips: the quiet hours end at 03:00 CEST
    assert quiet_until(utc(2026, 3, 28, 23, 0), (hm("23:00"), hm("02:30")), BERLIN) == utc(
        2026, 3, 29, 1
    )


# --- values -------------------------------------------------------------------------------------


def test_values_are_normalised() -> None:
    assert validate_changes(
        {
            "agenda_time": "7:05",
            "quiet_hours": {"start": "22:00", "end": "7:00"},
            "organizer_notices": "Declines",
            "reminder_minutes": "off",
        }
    ) == {
        "agenda_time": "07:05",
        "quiet_hours": "22:00-07:00",
        "organizer_notices": "declines",
        "reminder_minutes": 0,
    }
    assert validate_changes({"agenda_time": "off", "quiet_hours": None}) == {
        "agenda_time": None,
        "quiet_hours": None,
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"agenda_time": "25:00"}, "agenda_time is a time of day as HH:MM"),
        ({"agenda_time": 7}, "agenda_time is a time of day as HH:MM"),
        ({"quiet_hours": "22:00"}, "quiet_hours are a start and an end"),
        ({"quiet_hours": "07:00-07:00"}, "start and end at different times"),
        ({"organizer_notices": "some"}, "organizer_notices is one of: all, declines, none"),
        ({"quiet_reminders": "drop"}, "quiet_reminders is one of: keep, hold"),
        ({"cards_email": "yes"}, "cards_email is true or false"),
        ({"reminder_minutes": 10081}, "from 0 to 10080"),
        ({"reminder_minutes": True}, "from 0 to 10080"),
        ({"colour": "red"}, "Unknown preference 'colour'"),
        ({}, "at least one preference"),
        ({"channels": {"reminders": ["sms"]}}, "channels.reminders has 'sms'"),
        ({"channels": {"reminders": "email"}}, "channels.reminders is a list"),
        ({"channels": {"reminders": [1]}}, "channels.reminders is a list"),
        ({"channels": {"alarms": []}}, "no kind 'alarms'; the kinds are reminders, agenda"),
        ({"channels": {}}, "channels maps reminders, agenda, notices"),
        ({"channels": "email"}, "channels maps reminders, agenda, notices"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        validate_changes(changes)


def test_card_and_notice_filters() -> None:
    quiet = Preferences(cards_email=False, organizer_notices="declines")
    assert quiet.wants_card("telegram") and not quiet.wants_card("email")
    assert quiet.wants_notice("DECLINED") and not quiet.wants_notice("ACCEPTED")
    assert not Preferences(organizer_notices="none").wants_notice("DECLINED")
    assert Preferences().wants_notice("TENTATIVE")


def test_channels_are_normalised_and_a_change_names_only_some_kinds() -> None:
    assert Preferences().channels == {
        "reminders": ["telegram"], "agenda": ["telegram"], "notices": ["telegram"],
    }  # fmt: skip
    change = validate_changes({"channels": {"agenda": [" Email", "telegram", "email"]}})
    assert change == {"channels": {"agenda": ["telegram", "email"]}}
    changed = Preferences().merged(change).merged({"channels": {"notices": []}})
    assert changed.channels == {
        "reminders": ["telegram"], "agenda": ["telegram", "email"], "notices": [],
    }  # fmt: skip
    assert changed.sends("agenda", "email") and not changed.sends("notices", "telegram")
    assert Preferences().completed({"channels": {"agenda": ["telegram"]}}) == {
        "channels": Preferences().channels
    }
    stored = Preferences.from_mapping({"channels": {"agenda": ["email", "fax"], "x": ["email"]}})
    assert stored.channels["agenda"] == ["email"] and "x" not in stored.channels
    assert Preferences.from_mapping({"channels": "garbage"}).channels == Preferences().channels
