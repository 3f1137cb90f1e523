"""A zone a calendar defines itself (VTIMEZONE) is read through dateutil, which walks each of
its rules from the rule's DTSTART at every conversion of a time: rules it would walk without
end, or for seconds a time, are refused at a write, before any time is read in that zone; and
a rule of INTERVAL=0 in an event of an older log is walked no more."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import icalendar
import pytest

from televent.domain.calendar_reading import read_calendar
from televent.domain.content_lines import parse
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.itip.message import instance_of, read_itip
from televent.domain.occurrences import Occurrences
from televent.domain.validation import accepted_calendar_object
from televent.domain.zones import zone_rules_problem
from tests.helpers import ended_within


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


def _within(work: Callable[[], Any], seconds: float = 60) -> Any:
    """What `work` gives, run on a thread: a test of a hang fails here instead of freezing."""
    return ended_within(work, seconds)


def _refusal(text: str) -> str:
    """The message of the write's refusal of `text` (which must be refused, at once): the
    whole check a CalDAV PUT, an import or an invitation makes."""

    with pytest.raises(InvalidCalendarDataError) as refused:
        _within(partial(accepted_calendar_object, text))
    assert refused.value.precondition == "valid-calendar-data"
    return str(refused.value)


def _zone(*observances: str, name: str = "Odd Zone") -> list[str]:
    return ["BEGIN:VTIMEZONE", f"TZID:{name}", *observances, "END:VTIMEZONE"]


def _observance(since: str, *rules: str, kind: str = "DAYLIGHT", to: str = "+0200") -> str:
    back = "+0100" if to == "+0200" else "+0200"
    lines = [f"BEGIN:{kind}", f"TZOFFSETFROM:{back}", f"TZOFFSETTO:{to}", f"DTSTART:{since}"]
    return "\r\n".join([*lines, *rules, f"END:{kind}"])


_STANDARD = _observance(
    "19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", kind="STANDARD", to="+0100"
)


def _with(*lines: str, event: str = "DTSTART;TZID=Odd Zone:20260301T090000") -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN"]
    vevent = ["BEGIN:VEVENT", "UID:z", "DTSTAMP:20260101T000000Z", event, "DURATION:PT1H"]
    body = [*head, *lines] if "END:VEVENT" in lines else [*head, *lines, *vevent, "END:VEVENT"]
    return "\r\n".join([*body, "END:VCALENDAR"]) + "\r\n"


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3;UNTIL=19900101T000000Z",  # a rule of the past
        "FREQ=YEARLY;INTERVAL=1;BYMONTH=3;BYDAY=2SU",
        "FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=2SU;BYMONTH=3",  # Lotus Notes
        "FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20000101T000000Z",  # a change each month is odd, but read
        "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU",  # both changes in one rule
        "FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=29",
    ],
)
def test_the_rules_zones_are_written_with_are_read(rule: str) -> None:
    for since in ("19810329", "16010101"):  # Outlook starts its zones in 1601
        if since < "1900" and rule.startswith("FREQ=MONTHLY"):
            continue  # 4,800 changes up to 2000: refused below
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
        # every reading of a time walks the list of changes before it: 6,000 up to 2100
        ("FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20000101T000000Z", "more than 2000 times up to 2100"),
        # a reader lists a zone's changes up to the times it reads, to the year 9999
        ("FREQ=MONTHLY;BYDAY=-1SU", "13 times a year on and on"),
        # each value costs dateutil a pass over the year at every step, repeated ones too
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;BYSETPOS=" + ",".join(["1"] * 50), "RRULE BYSETPOS"),
        ("FREQ=YEARLY;BYEASTER=0", "RRULE BYEASTER"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=" + ",".join(["8"] * 40), "more than 31 values"),
    ],
)
def test_rules_dateutil_would_walk_without_end_or_for_long_are_refused(
    rule: str, said: str
) -> None:
    since = "16010101" if "2000 times" in said else "19810329"
    problem = _problem(_calendar(rule, since))
    assert problem is not None and said in problem
    assert problem.startswith("VTIMEZONE Odd Zone:")
    with pytest.raises(InvalidCalendarDataError) as refused:
        parse_calendar_object(_calendar(rule, since))
    assert refused.value.precondition == "valid-calendar-data"


def test_a_write_with_a_zone_of_interval_0_is_refused_at_once() -> None:
    # before, the first time read in that zone walked the rule in place for good
    text = _calendar("FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU")
    with pytest.raises(InvalidCalendarDataError) as refused:
        _within(partial(parse_calendar_object, text))
    assert "INTERVAL=0" in str(refused.value)


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

    def read() -> tuple[str, dt.timedelta | None]:
        obj = parse_calendar_object(text)
        event = read_calendar(text).walk("VEVENT")[0]
        return facts_of(obj)["start"], event["DTSTART"].dt.utcoffset()

    assert _within(read) == ("2026-03-01T09:00:00+01:00", dt.timedelta(hours=1))


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU", "EXRULE INTERVAL=0"),
        ("FREQ=DAILY", "EXRULE FREQ=DAILY"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "EXRULE that never applies"),
    ],
)
def test_an_exrule_of_a_zone_is_asked_what_a_rule_is(rule: str, said: str) -> None:
    # dateutil walks a zone's EXRULE beside its RRULE: one of INTERVAL=0 held a PUT for good
    daylight = _observance(
        "19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", f"EXRULE:{rule}"
    )
    assert said in _refusal(_with(*_zone(daylight, _STANDARD)))


def test_an_exrule_a_zone_may_have_is_read() -> None:
    daylight = _observance(
        "19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "EXRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=3;BYDAY=-1SU",
    )
    text = _with(*_zone(daylight, _STANDARD))
    obj = _within(lambda: accepted_calendar_object(text))
    assert facts_of(obj)["start"] == "2026-03-01T09:00:00+01:00"


def test_an_email_invitation_in_a_zone_with_an_unending_exrule_is_read_at_once() -> None:
    # the inbound mail's reader builds the zones a message defines: it never builds this one
    daylight = _observance(
        "19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "EXRULE:FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU",
    )
    text = _with(
        "METHOD:REQUEST",
        *_zone(daylight, _STANDARD),
        "BEGIN:VEVENT",
        "UID:z",
        "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=Odd Zone:20260301T090000",
        "RECURRENCE-ID;TZID=Odd Zone:20260301T090000",
        "DURATION:PT1H",
        "END:VEVENT",
    )
    (message,) = _within(lambda: read_itip(text))
    assert "Odd Zone" not in message.zones
    assert _within(lambda: instance_of(message.components[0], message.zones))


@pytest.mark.parametrize("holder", ["VEVENT", "VALARM"])
def test_a_zone_inside_an_event_is_refused_at_once(holder: str) -> None:
    # icalendar keeps a VTIMEZONE of any depth under its name; one standing in an event was
    # asked by no check, and its rule of INTERVAL=0 held the PUT for good
    zone = _zone(_observance("19810329T020000", "RRULE:FREQ=YEARLY;INTERVAL=0;BYMONTH=3"))
    alarm = ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT5M", *zone, "END:VALARM"]
    inner = alarm if holder == "VALARM" else zone
    event = ["BEGIN:VEVENT", "UID:z", "DTSTAMP:20260101T000000Z"]
    event += ["DTSTART;TZID=Odd Zone:20260301T090000", "DURATION:PT1H", *inner, "END:VEVENT"]
    said = _refusal(_with(*event))
    assert f"a VTIMEZONE inside a {holder}" in said


def test_a_zone_of_four_hundred_rules_since_the_year_1_is_refused_at_once() -> None:
    # each rule walked from the year 1 at a reading: 22 s for the PUT, 14 s for one year's view
    rules = [
        _observance(f"0001{1 + n % 12:02d}01T020000", f"RRULE:FREQ=YEARLY;BYMONTH={1 + n % 12}")
        for n in range(400)
    ]
    began = time.monotonic()
    said = _refusal(_with(*_zone(*rules)))
    assert "its rules are not read" in said
    assert time.monotonic() - began < 20  # a hang guard: the check walks a bounded number


def test_outlooks_zones_from_1601_and_their_history_are_read() -> None:
    # an era that ended (UNTIL) counts to its end, not to the horizon
    eras = [
        _observance("16010311T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;UNTIL=20061231"),
        _observance(
            "16011104T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU;UNTIL=20061231",
            kind="STANDARD",
            to="+0100",
        ),
        _observance("20070311T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"),
        _observance(
            "20071104T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", kind="STANDARD", to="+0100"
        ),
    ]
    assert _problem(_with(*_zone(*eras))) is None
    since_1601 = [
        _observance(f"1601{m:02d}01T020000", f"RRULE:FREQ=YEARLY;BYMONTH={m};BYDAY=-1SU")
        for m in (3, 10, 4, 9)
    ]
    assert _problem(_with(*_zone(*since_1601))) is None


def test_a_rule_with_a_stray_semicolon_is_read_as_icalendar_reads_it() -> None:
    # "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;" as some clients write it: icalendar passes over the
    # empty part, and so does the check (it was refused for it)
    daylight = _observance("19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;")
    standard = _observance(
        "19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;", kind="STANDARD", to="+0100"
    )
    text = _with(*_zone(daylight, standard), event="DTSTART;TZID=Odd Zone:20260701T090000")
    obj = _within(lambda: accepted_calendar_object(text))
    assert facts_of(obj)["start"] == "2026-07-01T09:00:00+02:00"
    event = read_calendar(text).walk("VEVENT")[0]
    assert event["DTSTART"].dt.utcoffset() == dt.timedelta(hours=2)


def test_an_observance_with_two_starts_is_refused() -> None:
    # the check read the first DTSTART, dateutil walks from the last: the year 1, unchecked
    daylight = _observance(
        "20200301T020000",
        "DTSTART:00010301T020000",
        "RRULE:FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20200401T000000Z",
    )
    assert "more than one DTSTART" in _refusal(_with(*_zone(daylight, _STANDARD)))


@pytest.mark.parametrize(
    "line",
    [
        "DTSTART;TZID=Odd Zone:99990101T090000",
        "RDATE;VALUE=PERIOD;TZID=Odd Zone:20260401T090000/99990101T000000",
    ],
)
def test_a_time_of_9999_in_a_zone_the_calendar_defines_is_read_at_once(line: str) -> None:
    # dateutil walked every rule of the zone up to the time read, at every reading: 4 s for
    # one event of 9999 (the zone's changes are listed once now, up to the times read)
    lines = [*_zone(_observance("16010325T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))]
    lines[-1:-1] = [_STANDARD]
    lines += ["BEGIN:VEVENT", "UID:z", "DTSTAMP:20260101T000000Z"]
    if not line.startswith("DTSTART"):
        lines.append("DTSTART;TZID=Odd Zone:20260301T090000")
    lines += [line, "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=200", "END:VEVENT"]
    obj = _within(lambda: accepted_calendar_object(_with(*lines)), seconds=60)
    assert facts_of(obj)["start"].endswith("+01:00")


def test_a_time_after_2100_in_utc_or_a_database_zone_is_stored() -> None:
    zone = _zone(
        _observance("19900101T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), _STANDARD
    )
    for start in ("DTSTART:99990101T090000Z", "DTSTART;TZID=Europe/Berlin:99990101T090000"):
        obj = _within(partial(accepted_calendar_object, _with(*zone, event=start)))
        assert facts_of(obj)["start"].startswith("9999-01-01T")


def _counted_history(count: int) -> list[str]:
    """A zone whose past is written as counted rules, as some generators write it: three
    decades of summer time (from 1950, 1960, 1970; `count` years each), then today's pair."""
    history = [
        _observance(
            f"{decade}{month}T020000",
            f"RRULE:FREQ=YEARLY;BYMONTH={month[:2]};BYDAY=-1SU;COUNT={count}",
            kind=kind,
            to=to,
        )
        for decade in (1950, 1960, 1970)
        for month, kind, to in (("0326", "DAYLIGHT", "+0200"), ("1029", "STANDARD", "+0100"))
    ]
    daylight = _observance("19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
    return _zone(*history, daylight, _STANDARD)


def test_counted_rules_that_end_before_2100_are_not_taken_as_going_on() -> None:
    # the six counted rules were taken as going on past 2100: eight changes a year, refused
    obj = _within(partial(accepted_calendar_object, _with(*_counted_history(10))))
    assert facts_of(obj)["start"] == "2026-03-01T09:00:00+01:00"  # read in its own zone
    # counted on past 2100 (1950 + 200 years), they go on: refused as before
    assert "times a year on and on" in _refusal(_with(*_counted_history(200)))
    # counted to 2075 but monthly: refused for its changes before 2100, not as going on
    monthly = _observance("19000101T020000", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1;COUNT=2100")
    assert "more than 2000 times up to 2100" in _refusal(_with(*_zone(monthly, _STANDARD)))


def test_rules_going_on_past_2100_are_counted_by_their_rate_and_an_exrule_takes_away() -> None:
    # four rules of 1.4 changes a year counted as four of one, and a reader listed 45,000
    # changes to 9999; EXRULEs, which take changes away, counted as adding them
    sparse = [
        _observance(
            "20000101T020000",
            f"RRULE:FREQ=YEARLY;INTERVAL=17;BYMONTH={','.join(map(str, range(1, 13)))};"
            f"BYMONTHDAY={day},{day + 1}",
            kind=kind,
            to=to,
        )
        for day, kind, to in ((1, "DAYLIGHT", "+0200"), (5, "STANDARD", "+0100"))
        for _ in range(2)
    ]
    assert "times a year on and on" in _refusal(_with(*_zone(*sparse)))
    daylight = _observance(
        "19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        *(f"EXRULE:FREQ=YEARLY;INTERVAL={n};BYMONTH=3;BYDAY=-1SU" for n in (3, 5, 7)),
    )
    assert _problem(_with(*_zone(daylight, _STANDARD))) is None


def test_a_zone_of_many_weekday_rules_is_refused_once_its_walk_is_spent() -> None:
    """Fifty observances with a BYDAY rule spend the zone's walk before the last are tried:
    the rest is refused with the others, never an error of the walk escaping (dateutil reads
    BYDAY while it builds a rule, before any walk; a PUT of it was a 500)."""
    rule = (
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19810329T020000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=19900101T000000Z\r\nEND:DAYLIGHT\r\n"
    )
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\nBEGIN:VTIMEZONE\r\n"
        f"TZID:Odd Zone\r\n{rule * 50}BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\n"
        "TZOFFSETTO:+0100\r\nDTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:odd\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260301\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(InvalidCalendarDataError, match="VTIMEZONE Odd Zone") as refused:
        accepted_calendar_object(text)
    assert refused.value.wording == ("refusal-data-zone-rules", {})
