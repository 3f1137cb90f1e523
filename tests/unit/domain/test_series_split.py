"""Splitting a series at an occurrence ("this and following"): the earlier part ends just before
it, the later part is a new series from it, and together they have exactly the occurrences the
series had."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from typing import Any

import icalendar
import pytest

from televent.domain.errors import NotFoundError
from televent.domain.event_fields import FieldError, read_changes
from televent.domain.occurrences import occurrences_between
from televent.domain.series_split import (
    Split,
    edited_from,
    ended_before,
    series_shortened,
    split_at,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
LOW = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
HIGH = dt.datetime(2040, 1, 1, tzinfo=dt.UTC)


def series(start: str, rule: str, *extra: str, end: str | None = None) -> str:
    """A stored series: `start` as written after DTSTART (`;TZID=...:...` or `:...`)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        "BEGIN:VEVENT",
        "UID:series@example.com",
        "DTSTAMP:20260201T000000Z",
        f"DTSTART{start}",
        *([f"DTEND{end}"] if end else []),
        f"RRULE:{rule}",
        "SUMMARY:Series",
        *extra,
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines)


YOGA = series(
    ";TZID=Europe/Berlin:20260302T180000",
    "FREQ=WEEKLY;BYDAY=MO;COUNT=8",
    "EXDATE;TZID=Europe/Berlin:20260309T180000,20260330T180000",
    "ORGANIZER;CN=Alice:mailto:tg_1@televent.internal",
    "ATTENDEE;CN=Bob;PARTSTAT=ACCEPTED:mailto:bob@example.com",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "DESCRIPTION:Yoga",
    "TRIGGER:-PT10M",
    "END:VALARM",
    end=";TZID=Europe/Berlin:20260302T190000",
).replace("END:VCALENDAR", "") + "\r\n".join(
    [
        "BEGIN:VEVENT",
        "UID:series@example.com",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260316T180000",
        "DTSTART;TZID=Europe/Berlin:20260316T190000",
        "DTEND;TZID=Europe/Berlin:20260316T200000",
        "SUMMARY:Late",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:series@example.com",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260406T180000",
        "DTSTART;TZID=Europe/Berlin:20260406T170000",
        "DTEND;TZID=Europe/Berlin:20260406T180000",
        "SUMMARY:Early",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


def parsed(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def master(text: str) -> Any:
    return next(c for c in parsed(text).walk("VEVENT") if "RECURRENCE-ID" not in c)


def overrides(text: str) -> list[Any]:
    return [c for c in parsed(text).walk("VEVENT") if "RECURRENCE-ID" in c]


def shown(*texts: str | None) -> list[tuple[str, dt.datetime | dt.date]]:
    """Every occurrence of the resources over the years around the tests, in time order."""
    found = []
    for text in texts:
        if text is None:
            continue
        for occurrence in occurrences_between(parsed(text), LOW, HIGH, limit=5000):
            found.append((str(occurrence["SUMMARY"]), occurrence.decoded("DTSTART")))
    return sorted(found, key=lambda row: _instant(row[1]))


def _instant(moment: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=BERLIN)
    return dt.datetime.combine(moment, dt.time(), BERLIN)


def test_the_series_ends_before_the_occurrence_and_a_new_one_starts_there() -> None:
    split = split_at(YOGA, "2026-03-23T18:00:00+01:00", uid="next@example.com", stamp=STAMP)
    assert split.ended is not None
    ended, following = master(split.ended), master(split.following)
    assert str(ended["UID"]) == "series@example.com"
    assert ended["RRULE"]["UNTIL"] == [dt.datetime(2026, 3, 23, 16, 59, 59, tzinfo=dt.UTC)]
    assert "COUNT" not in ended["RRULE"]
    assert [d.dt for d in ended["EXDATE"].dts] == [dt.datetime(2026, 3, 9, 18, tzinfo=BERLIN)]
    assert [str(o["SUMMARY"]) for o in overrides(split.ended)] == ["Late"]

    assert str(following["UID"]) == "next@example.com"
    assert following.decoded("DTSTART") == dt.datetime(2026, 3, 23, 18, tzinfo=BERLIN)
    assert following.decoded("DTEND") == dt.datetime(2026, 3, 23, 19, tzinfo=BERLIN)
    assert following["RRULE"]["COUNT"] == [5]  # eight, less the three before the split
    assert [d.dt for d in following["EXDATE"].dts] == [dt.datetime(2026, 3, 30, 18, tzinfo=BERLIN)]
    assert [(str(o["UID"]), str(o["SUMMARY"])) for o in overrides(split.following)] == [
        ("next@example.com", "Early")
    ]
    assert "VALARM" in [c.name for c in following.subcomponents]
    assert str(following["ATTENDEE"]) == "mailto:bob@example.com"
    assert shown(split.ended, split.following) == shown(YOGA)


RULES = [
    (";TZID=Europe/Berlin:20260302T090000", "FREQ=DAILY;COUNT=12"),
    (";TZID=Europe/Berlin:20260302T090000", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=9"),
    (";TZID=America/New_York:20260227T170000", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6"),
    (";TZID=Europe/Berlin:20260131T080000", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=5"),
    (":20260310T120000Z", "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T235959Z"),
    (";VALUE=DATE:20240229", "FREQ=YEARLY;COUNT=3"),
    (";VALUE=DATE:20260301", "FREQ=WEEKLY;BYDAY=SA,SU;COUNT=7"),
    (":20260302T070000", "FREQ=DAILY;INTERVAL=3;COUNT=6"),  # floating
]


@pytest.mark.parametrize(("start", "rule"), RULES)
def test_no_occurrence_is_lost_or_doubled_wherever_the_series_is_split(
    start: str, rule: str
) -> None:
    text = series(start, rule)
    before = shown(text)
    assert len(before) > 2
    calendar = parsed(text)
    for index, occurrence in enumerate(occurrences_between(calendar, LOW, HIGH, limit=5000)):
        rid = occurrence.decoded("RECURRENCE-ID")
        split = split_at(text, rid.isoformat(), uid=f"part-{index}", stamp=STAMP)
        assert (split.ended is None) == (index == 0)
        assert shown(split.ended, split.following) == before, (rule, rid)
        assert len(shown(split.following)) == len(before) - index
        assert shown(ended_before(text, rid.isoformat(), stamp=STAMP)) == before[:index]


def test_until_has_the_type_of_the_series_start() -> None:
    all_day = series(";VALUE=DATE:20260302", "FREQ=DAILY")
    ended = ended_before(all_day, "2026-03-05", stamp=STAMP)
    assert ended is not None and master(ended)["RRULE"]["UNTIL"] == [dt.date(2026, 3, 4)]
    floating = series(":20260302T090000", "FREQ=DAILY")
    ended = ended_before(floating, "2026-03-05T09:00:00", stamp=STAMP)
    assert ended is not None
    assert master(ended)["RRULE"]["UNTIL"] == [dt.datetime(2026, 3, 5, 8, 59, 59)]
    assert "UNTIL=20260305T085959;" in ended.replace("\r\n", ";")  # local, no Z


def test_nothing_before_the_occurrence_leaves_the_whole_series() -> None:
    text = series(
        ";TZID=Europe/Berlin:20260302T090000",
        "FREQ=DAILY;COUNT=5",
        "EXDATE;TZID=Europe/Berlin:20260302T090000,20260303T090000",
    )
    assert ended_before(text, "2026-03-04T09:00:00+01:00", stamp=STAMP) is None
    split = split_at(text, "2026-03-04T09:00:00+01:00", uid="unused", stamp=STAMP)
    assert split.ended is None
    following = master(split.following)  # the same series, trimmed to start there
    assert str(following["UID"]) == "series@example.com"
    assert following.decoded("DTSTART") == dt.datetime(2026, 3, 4, 9, tzinfo=BERLIN)
    assert (following["RRULE"]["COUNT"], "EXDATE" in following) == ([3], False)
    assert shown(split.following) == shown(text)
    unchanged = split_at(
        text.replace("EXDATE", "X-EXDATE"), "2026-03-02T09:00:00+01:00", uid="u", stamp=STAMP
    )
    assert unchanged == Split(None, text.replace("EXDATE", "X-EXDATE"))


def test_an_extra_date_off_the_rule_keeps_the_rule_s_own_days() -> None:
    text = series(
        ";TZID=Europe/Berlin:20260302T090000",
        "FREQ=WEEKLY;COUNT=4",
        "RDATE;TZID=Europe/Berlin:20260311T090000",
    )
    split = split_at(text, "2026-03-11T09:00:00+01:00", uid="next", stamp=STAMP)
    assert master(split.following)["RRULE"]["BYDAY"] == ["MO"]
    assert shown(split.ended, split.following) == shown(text)


def test_what_is_no_occurrence_is_refused() -> None:
    with pytest.raises(NotFoundError):
        split_at(YOGA, "2026-03-24T18:00:00+01:00", uid="x", stamp=STAMP)
    with pytest.raises(NotFoundError):
        split_at(YOGA, "2026-03-09T18:00:00+01:00", uid="x", stamp=STAMP)  # cancelled
    single = YOGA.replace("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8\r\n", "")
    single = single.split("BEGIN:VEVENT\r\nUID:series@example.com\r\nRECURRENCE-ID")[0]
    with pytest.raises(FieldError, match="occurrence"):
        ended_before(single + "END:VCALENDAR\r\n", "2026-03-02T18:00:00+01:00", stamp=STAMP)


def test_an_edit_from_an_occurrence_moves_the_following_ones_by_as_much() -> None:
    split = edited_from(
        YOGA,
        read_changes({"start": "2026-03-23T18:30:00+01:00", "location": "Park"}),
        occurrence="2026-03-23T18:00:00+01:00",
        uid="next",
        stamp=STAMP,
        zone_name="Europe/Berlin",
    )
    assert shown(split.ended) == shown(YOGA)[:2]  # 2 March and the late 16 March
    following = master(split.following)
    assert following.decoded("DTSTART") == dt.datetime(2026, 3, 23, 18, 30, tzinfo=BERLIN)
    assert following.decoded("DTEND") == dt.datetime(2026, 3, 23, 19, 30, tzinfo=BERLIN)
    assert str(following["LOCATION"]) == "Park"
    assert [d.dt for d in following["EXDATE"].dts] == [
        dt.datetime(2026, 3, 30, 18, 30, tzinfo=BERLIN)
    ]
    # The one moved to its own time stays at it, under its new RECURRENCE-ID.
    (early,) = overrides(split.following)
    assert early.decoded("RECURRENCE-ID") == dt.datetime(2026, 4, 6, 18, 30, tzinfo=BERLIN)
    assert early.decoded("DTSTART") == dt.datetime(2026, 4, 6, 17, tzinfo=BERLIN)
    # The times moved: the guests are asked again.
    assert following["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"
    assert [start for _, start in shown(split.following)] == [
        dt.datetime(2026, 3, 23, 18, 30, tzinfo=BERLIN),
        dt.datetime(2026, 4, 6, 17, tzinfo=BERLIN),
        dt.datetime(2026, 4, 13, 18, 30, tzinfo=BERLIN),
        dt.datetime(2026, 4, 20, 18, 30, tzinfo=BERLIN),
    ]


def test_an_edit_from_an_overridden_occurrence_changes_it_as_seen() -> None:
    split = edited_from(
        YOGA,
        read_changes({"start": "2026-04-06T17:30:00+02:00", "title": "Yoga!"}),
        occurrence="2026-04-06T18:00:00+02:00",
        uid="next",
        stamp=STAMP,
        zone_name="Europe/Berlin",
    )
    following = master(split.following)
    # The override was at 17:00 and moves to 17:30: the series moves by as much.
    assert following.decoded("DTSTART") == dt.datetime(2026, 4, 6, 18, 30, tzinfo=BERLIN)
    assert following["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"
    assert [(title, start) for title, start in shown(split.following)] == [
        ("Yoga!", dt.datetime(2026, 4, 6, 17, 30, tzinfo=BERLIN)),
        ("Yoga!", dt.datetime(2026, 4, 13, 18, 30, tzinfo=BERLIN)),
        ("Yoga!", dt.datetime(2026, 4, 20, 18, 30, tzinfo=BERLIN)),
    ]


def test_an_edit_of_the_words_only_keeps_the_guests_answers() -> None:
    split = edited_from(
        YOGA,
        read_changes({"title": "Yoga for all"}),
        occurrence="2026-03-23T18:00:00+01:00",
        uid="next",
        stamp=STAMP,
        zone_name="Europe/Berlin",
    )
    following = master(split.following)
    assert str(following["SUMMARY"]) == "Yoga for all"
    assert following["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
    titles = [title for title, _ in shown(split.ended, split.following)]
    assert titles == ["Series", "Late", "Yoga for all", "Early", "Yoga for all", "Yoga for all"]


def test_every_split_of_a_long_series_stays_exact() -> None:
    text = series(
        ";TZID=Europe/Berlin:20260105T073000",
        "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=40",
        "EXDATE;TZID=Europe/Berlin:20260112T073000,20260326T073000",
    )
    everything = shown(text)
    for index, (_, start) in itertools.islice(enumerate(everything), 1, None, 7):
        split = split_at(text, start.isoformat(), uid="p", stamp=STAMP)
        assert shown(split.ended) == everything[:index]
        assert shown(split.following) == everything[index:]


def test_a_series_ended_earlier_is_told_from_one_changed_otherwise() -> None:
    split = split_at(YOGA, "2026-03-23T18:00:00+01:00", uid="next", stamp=STAMP)
    assert split.ended is not None
    assert series_shortened(YOGA, split.ended)
    endless = series(";TZID=Europe/Berlin:20260302T090000", "FREQ=DAILY")
    ended = ended_before(endless, "2026-05-01T09:00:00+02:00", stamp=STAMP)
    assert ended is not None and series_shortened(endless, ended)
    longer = YOGA.replace("COUNT=8", "COUNT=12")
    assert not series_shortened(YOGA, longer)
    assert not series_shortened(YOGA, YOGA.replace("BYDAY=MO;COUNT=8", "BYDAY=MO,TU;COUNT=3"))
    later = YOGA.replace("20260302T180000", "20260302T190000")
    assert not series_shortened(YOGA, later)
    assert not series_shortened(YOGA, split.following)
