"""What a PUT stores (televent/domain/validation.py) and the bounded rule walk every reader
uses (televent/domain/rule_walk.py): repaired where the meaning is clear, refused with a
precondition and a reason otherwise, and never a rule that costs seconds to walk."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from dateutil.rrule import DAILY, rrule, rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.rule_walk import MAX_IDLE, WalkBoundError, bounded, walk
from televent.domain.validation import accepted_calendar_object, repaired, repaired_lines
from tests.helpers import ended_within, vevent

START = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
_ALL_60 = ",".join(map(str, range(60)))


def _refusal(text: str) -> InvalidCalendarDataError:
    with pytest.raises(InvalidCalendarDataError) as caught:
        accepted_calendar_object(text)
    return caught.value


# --- the bounded walk ----------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    frequency=st.sampled_from(["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    interval=st.integers(1, 4),
    parts=st.sampled_from(
        ["", ";BYDAY=MO,FR", ";BYMONTHDAY=13;BYDAY=FR", ";BYMONTH=2;BYMONTHDAY=29", ";BYSETPOS=-1"]
    ),
)
def test_the_bounded_walk_finds_what_dateutil_finds(
    frequency: str, interval: int, parts: str
) -> None:
    if parts == ";BYSETPOS=-1":
        parts = ";BYDAY=MO,TU;BYSETPOS=-1" if frequency in ("MONTHLY", "YEARLY") else ""
    rule = rrulestr(f"RRULE:FREQ={frequency};INTERVAL={interval}{parts}", dtstart=START)
    # within the 400 years a walk goes at most (rule_walk.MAX_STEPS)
    expected = [m for m in itertools.islice(iter(rule), 40) if m.year < 2400]
    assert list(itertools.islice(walk(rule), len(expected))) == expected


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
    ],
)
def test_a_rule_that_never_matches_is_walked_a_bounded_number_of_steps(rule: str) -> None:
    assert list(walk(rrulestr(f"RRULE:{rule}", dtstart=START))) == []
    steps = bounded(rrulestr(f"RRULE:{rule}", dtstart=START))
    with pytest.raises(WalkBoundError):
        list(steps)
    # a century of months (or periods), where dateutil alone walks each of them to the year
    # 9999: 2 to 11 s
    assert steps._steps == MAX_IDLE + 1  # type: ignore[attr-defined]


def test_the_sparsest_real_rule_is_walked_on() -> None:
    """A 29 February on a Monday: gaps of 28 and 40 years (2072, then 2112)."""
    rule = rrulestr("RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", dtstart=START)
    found = [m.year for m in itertools.islice(walk(rule), 4)]
    assert found == [m.year for m in itertools.islice(iter(rule), 4)] == [2044, 2072, 2112, 2140]


def test_dateutil_still_reads_the_counted_attribute_once_a_month() -> None:
    """The walk's bound relies on a private detail of dateutil: it reads `_bynweekday` each
    time its iteration moves to another month. If that changes, this test says so."""
    rule = bounded(rrule(DAILY, count=400, dtstart=START), idle=10**9)
    assert len(list(rule)) == 400
    assert 13 <= rule._steps <= 15  # type: ignore[attr-defined]


# --- repairs -------------------------------------------------------------------------------


def test_a_value_inside_a_quoted_tzid_is_put_back() -> None:
    text = vevent().replace(
        "DTSTART;TZID=Europe/Berlin:20260305T150000",
        'DTSTART;TZID="W. Europe Standard Time:20260305T150000"',
    )
    obj = accepted_calendar_object(text)
    assert 'DTSTART;TZID="W. Europe Standard Time":20260305T150000\r\n' in obj.text
    assert (
        obj.text.replace('Time":', "Time:").replace("150000\r\nDTEND", '150000"\r\nDTEND') == text
    )
    assert facts_of(obj)["start"] == "2026-03-05T15:00:00+01:00"


def test_method_publish_is_removed_and_other_methods_refused() -> None:
    plain = vevent()
    published = plain.replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:PUBLISH\r\n")
    assert accepted_calendar_object(published).text == plain
    request = plain.replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:REQUEST\r\n")
    assert _refusal(request).precondition == "valid-calendar-object-resource"
    assert accepted_calendar_object(plain).text == plain  # an ordinary object: as sent


def test_an_empty_tzid_names_no_zone_and_is_left_out() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"
        'DTSTART;TZID="":20260305T090000\r\nDTEND;TZID=:20260305T100000\r\nEND:VEVENT\r\n'
        "END:VCALENDAR\r\n"
    )
    assert repaired(text) == (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20260305T090000\r\nDTEND:20260305T100000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_folded_lines_are_kept_as_sent() -> None:
    text = vevent(extra="DESCRIPTION:a long\r\n  folded line")
    assert repaired(text) == text


# Pieces of what the repairs look for, in both cases and with the characters that case
# folding, unfolding and line breaks treat specially, for texts that need a repair or come
# close to needing one.
_PIECES = [
    "BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "BEGIN:VEVENT", "END:VEVENT",
    "METHOD", "method", "MeThOd", ":PUBLISH", ":publish", ":REQUEST", "TZID", "tzid", "TZ\u0130D",
    "TZ\u0131D", ";TZID=", ";tzid=", "RRULE", "rrule", "DTSTART", ":FREQ=DAILY", ";BYDAY=MO,",
    " TU", "BEGIN:VTIMEZONE\r\nTZID:\r\nEND:VTIMEZONE\r\n", ":", ";", "=", ",", '"', '""',
    " ", "\t", "\u3000", "\x85", "\r\n", "\n", "\r",
    "\r\n ", "\n\t", "X-A", "W. Europe", "20260305T090000", "\u00df", "\ufb01",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=200))
def test_a_text_returned_as_sent_without_its_lines_walked_is_what_the_walk_returns(
    text: str,
) -> None:
    """`repaired` returns most texts without walking their lines, after a search for what any
    repair looks for: whatever the text, its answer is the walk's."""
    assert repaired(text) == repaired_lines(text)


def test_every_repair_is_found_by_the_search_before_the_walk() -> None:
    """Each kind of repair, folded across lines or in small letters, is still made."""
    plain = vevent()
    for extra, changed in [
        ("METH\r\n OD:publish", "VERSION:2.0\r\n"),
        ("DTSTART;tz\r\n id=:20260305T090000", "DTSTART:20260305T090000"),
        (
            'DTSTART;TZID="W. Europe Standard Time:20200609T090000"',
            'TZID="W. Europe Standard Time":',
        ),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO, TU", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU"),
    ]:
        text = plain.replace("VERSION:2.0\r\n", f"VERSION:2.0\r\n{extra}\r\n", 1)
        if extra.startswith("METH"):
            assert repaired(text) == plain
        else:
            assert repaired(text) != text and changed in repaired(text), extra
    zone = 'BEGIN:VTIMEZONE\r\ntz\r\n id: "" \r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n'
    zone += "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    assert repaired(plain.replace("BEGIN:VEVENT", zone + "BEGIN:VEVENT", 1)) == plain


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=SECONDLY;COUNT=1000000000", "FREQ=SECONDLY is not stored"),
        ("FREQ=MINUTELY", "FREQ=MINUTELY is not stored"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "has no instance"),
        ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", "has no instance"),
        ("FREQ=WEEKLY;BYDAY=XX", "cannot be read"),
        # RFC 5545 §3.3.10: a positive integer; dateutil walks INTERVAL=0 in place forever
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 is not stored"),
        ("FREQ=HOURLY;INTERVAL=0", "INTERVAL=0 is not stored"),
        ("FREQ=WEEKLY;INTERVAL=-2", "INTERVAL=-2 is not stored"),
        ("FREQ=MONTHLY;INTERVAL=two", "INTERVAL=two is not stored"),
        # every second of every hour: the readers' bounded walk showed nothing days later
        (f"FREQ=HOURLY;BYMINUTE={_ALL_60};BYSECOND={_ALL_60}", "more than 60 instances"),
        (f"FREQ=DAILY;BYHOUR=9;BYMINUTE={_ALL_60};BYSECOND=0,30", "more than 60 instances"),
        (f"FREQ=WEEKLY;BYDAY=TU;BYMINUTE={_ALL_60};BYSECOND=0,30", "more than 60 instances"),
        # sparse first, dense later in each day: the first instances show no dense hour
        (
            f"FREQ=DAILY;BYHOUR=0,2,23;BYMINUTE=0,1;BYSECOND={_ALL_60};BYSETPOS="
            + ",".join(map(str, [*range(1, 46), *range(121, 166), *range(-120, 0)])),
            "BYSETPOS with several BYSECOND",
        ),
    ],
)
def test_rules_readers_cannot_walk_are_refused_with_a_reason(rule: str, reason: str) -> None:
    refusal = ended_within(lambda: _refusal(vevent(rrule=rule)), 60)  # a hang guard
    assert refusal.precondition == "valid-calendar-data" and reason in str(refusal)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=DAILY;COUNT=1000000000",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=WEEKLY;INTERVAL=02",
        f"FREQ=HOURLY;BYSECOND={_ALL_60}",  # sixty in the first minute of each hour
        "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0,30",
        "FREQ=HOURLY;BYMINUTE=0,15,30,45",
    ],
)
def test_hourly_and_slower_rules_are_stored(rule: str) -> None:
    assert accepted_calendar_object(vevent(rrule=rule)).text == vevent(rrule=rule)


@pytest.mark.parametrize(
    "line",
    [
        "DURATION:P99999999W",
        "DURATION:P9999999999W",
        "RDATE;VALUE=PERIOD:20260310T100000Z/P99999999W",
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P99999999W\r\nEND:VALARM",
    ],
)
def test_durations_past_the_calendar_are_refused(line: str) -> None:
    text = vevent(extra=line)
    if line.startswith("DURATION"):
        text = text.replace("DTEND;TZID=Europe/Berlin:20260305T160000\r\n", "")
    refusal = _refusal(text)
    assert refusal.precondition == "valid-calendar-data" and "longer" in str(refusal)


def test_an_object_stored_before_these_checks_still_gives_its_facts() -> None:
    """Readers of objects already in the log: a huge DURATION no longer overflows."""
    text = vevent().replace("DTEND;TZID=Europe/Berlin:20260305T160000", "DURATION:P99999999W")
    facts = facts_of(parse_calendar_object(text))
    assert facts["range_end"] is not None and facts["range_end"] > facts["range_start"]


def test_a_dense_rule_whose_first_hour_is_cut_short_by_its_start_is_refused_too() -> None:
    # DTSTART at 15:59:30 leaves one instance in its first hour; the next hour holds 120
    text = vevent(start="20260305T155930", rrule=f"FREQ=HOURLY;BYMINUTE={_ALL_60};BYSECOND=0,30")
    assert "more than 60 instances" in str(_refusal(text))
