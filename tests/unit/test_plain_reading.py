"""The readability check's quick answer (domain/plain_reading.py) holds to the library: an
object it calls plain is one the iCalendar library reads and expands, for generated objects
near and across the edges of the plain form and for every object of the real-world corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from benchmarks.core import realistic_event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.domain.calendar_import import ImportRefusedError, decoded, split_calendar
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import CalendarObject, parse_calendar_object
from televent.domain.plain_reading import plainly_readable
from televent.domain.validation import accepted_calendar_object, check_library_reads, repaired

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"

MOMENTS = [
    "20260305T100000Z", ";TZID=Europe/Berlin:20260305T100000",
    ';TZID="Europe/Berlin":20260305T100000',
    ";TZID=America/New_York:20260305T100000", ";TZID=Custom Zone:20260305T100000",
    ";TZID=Europe/Berlin :20260305T100000", ";TZID=W. Europe Standard Time:20260305T100000",
    ";VALUE=DATE:20260305", ":20260305", ":20260305T100000", ";VALUE=DATE:20260305T100000",
    ":20260230T100000", ":18000101T000000", ":99991231T230000", ";VALUE=DATE-TIME:20260305",
    ";TZID=Europe/Berlin:20260305T100000Z", ";VALUE=PERIOD:20260305T100000Z/PT1H",
    ";X-FOO=1:20260305T100000Z", ":20260305T1000", ":2026-03-05T10:00:00Z", ":20260305Z",
]  # fmt: skip
LATER = [m.replace("0305", "0306") for m in MOMENTS]
DURATIONS = ["PT1H", "P1D", "-PT1H", "P1H", "PT", "P1W2D", "P0DT0H10M0S", "PT1H30M", "P1W"]
TRIGGERS = [
    "-PT15M", "PT0S", "-P0DT0H10M0S", ";VALUE=DATE-TIME:20260305T090000Z",
    ";VALUE=DATE-TIME:20260305T090000", "-PT15", "junk", ";RELATED=END:PT0S",
    ";RELATED=FOO:PT0S", "-P1W", "P", ";VALUE=DURATION:-PT5M", ";VALUE=DATE:20260305",
]  # fmt: skip
EXTRAS = [
    "GEO:1;2;3", "GEO:abc", "GEO:48.1;11.5", "PRIORITY:x", "PRIORITY:5", "SEQUENCE:-1",
    "SEQUENCE:x", "CATEGORIES:a,b\\,c", "CATEGORIES:", "STATUS:WHATEVER", "CLASS:PUBLIC",
    "TRANSP:OPAQUE", "CREATED:2026", "LAST-MODIFIED:20260301T090000Z", "URL:not a url",
    "ATTACH;VALUE=BINARY;ENCODING=BASE64:!!!", "ATTACH;VALUE=URI:http://x", "X-FOO;VALUE=DATE:junk",
    'ATTENDEE;CN="Doe, John";PARTSTAT=ACCEPTED:mailto:j@example.com',
    "ATTENDEE;CN=a\\b:mailto:a@example.com", 'ATTENDEE;X-P="x^n":mailto:b@example.com',
    "ATTENDEE;CN=^^x:mailto:c@example.com", "ORGANIZER;CN=Ann:mailto:ann@example.com",
    "DESCRIPTION:line\\nnext\\, more", "DESCRIPTION:tab\there", "DESCRIPTION:bell\x07",
    "SUMMARY;LANGUAGE=de:Treffen", "PERCENT-COMPLETE:x", "COMPLETED:junk", "DUE:20260305T100000Z",
    "RRULE:FREQ=WEEKLY", "EXDATE:20260312T100000Z", "RDATE:junk", "RECURRENCE-ID:20260305T100000Z",
    "REQUEST-STATUS:2.0;Success", "RELATED-TO;RELTYPE=PARENT:x", "CONTACT:Jim", "COMMENT:c",
    "RESOURCES:A,B", "X-MS-OLK-FORCEINSPECTOROPEN:TRUE", "X-Y;VALUE=BOOLEAN:maybe", "FREEBUSY:x",
    "dtstamp:20260301T090000Z", "X_LOTUS:1", "GEO;VALUE=FLOAT:1;2", "TZNAME:x",
    "ATTACH;ENCODING=BASE64;FMTTYPE=text/plain:!!!", "ORGANIZER;SENT-BY=\"mailto:x\":junk",
    "ATTENDEE;MEMBER=\"mailto:a@x\",\"mailto:b@x\":mailto:c@x", "CLASS:", "URL;X=1:",
]  # fmt: skip
RULES = [
    "", "FREQ=WEEKLY", "FREQ=DAILY;COUNT=5", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=WEEKLY;UNTIL=20260401T000000Z", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO",
    "FREQ=WEEKLY;UNTIL=20260401", "FREQ=WEEKLY;UNTIL=20260401T000000", "FREQ=DAILY;INTERVAL=0",
    "FREQ=WEEKLY;BYDAY=1MO", "FREQ=WEEKLY;COUNT=3;UNTIL=20260401T000000Z", "FREQ=HOURLY",
    "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU", "FREQ=YEARLY;BYWEEKNO=20", "FREQ=WEEKLY;;",
    "FREQ=WEEKLY;X-NAME=1", "FREQ=MONTHLY;BYMONTHDAY=30;BYMONTH=2", "FREQ=YEARLY;BYDAY=20MO",
    "FREQ=DAILY;UNTIL=19000101T000000Z", "COUNT=3", "FREQ=DAILY;FREQ=WEEKLY",
    "FREQ=MONTHLY;BYDAY=5SU", "FREQ=DAILY;UNTIL=20260230T000000Z", "FREQ=WEEKLY;UNTIL=2026",
    "FREQ=YEARLY;COUNT=10000", "FREQ=MONTHLY;BYMONTH=3", "FREQ=DAILY;BYMONTHDAY=1",
]  # fmt: skip
ALARM_EXTRAS = [
    "REPEAT:2", "DURATION:PT5M", "ACKNOWLEDGED:20260305T090000Z", "ATTENDEE:mailto:a@example.com",
    "UID:alarm-1", "X-WR-ALARMUID:1", "SUMMARY:s", "DESCRIPTION:d", "REPEAT:x", "DURATION:x",
    "ACKNOWLEDGED:junk", "ATTACH:x", "RELATED-TO:y", "REPEAT;VALUE=TEXT:2",
]  # fmt: skip
ZONE_NAMES = ["Europe/Berlin", "Europe/Berlin ", "Custom", "America/New_York", "/Europe/Berlin"]
ZONE_STARTS = ["19700329T020000", "19700329T020000Z", "1970", "19701332T020000", "18471201T000000"]
OFFSETS = ["+0100", "+01", "abc", "+2500", "+010000", "-000115", "0100"]
ZONE_RULES = [
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYDAY=-1XX", "FREQ=FOO",
    "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=19961027T010000Z", "FREQ=YEARLY;UNTIL=junk",
    "FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYMONTH=3;", "",
]  # fmt: skip
ZONE_EXTRAS = [
    "X-LIC-LOCATION:Europe/Berlin", "TZURL:http://tz", "LAST-MODIFIED:20050809T050000Z",
    "X-TZINFO:Europe/Berlin[2024a]", "LAST-MODIFIED:junk", "COMMENT:c", "TZNAME:CET",
]  # fmt: skip
RULE_EXTRAS = ["TZNAME:CET", "RDATE:19161001T030000", "COMMENT:c", "RDATE:junk", "TZURL:x"]
CALENDAR_EXTRAS = [
    "CALSCALE:GREGORIAN", "X-WR-CALNAME:c", "X-WR-TIMEZONE:Europe/Berlin", "NAME:cal",
    "VERSION;VALUE=DATE:2.0", "CALSCALE:JULIAN",
]  # fmt: skip


def pick(pool: list[str], good: int) -> st.SearchStrategy[str]:
    """One of `pool`, its first `good` (the plain ones) at least half of the time."""
    return st.one_of(st.sampled_from(pool[:good]), st.sampled_from(pool))


@st.composite
def objects(draw: st.DrawFn) -> str:
    """A VCALENDAR near the plain form, sometimes just across one of its edges."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN"]
    lines += draw(st.lists(pick(CALENDAR_EXTRAS, 2), max_size=2))
    for _ in range(draw(st.integers(0, 1))):
        lines += ["BEGIN:VTIMEZONE", f"TZID:{draw(pick(ZONE_NAMES, 2))}"]
        lines += draw(st.lists(pick(ZONE_EXTRAS, 4), max_size=2))
        for kind in draw(st.lists(st.sampled_from(["STANDARD", "DAYLIGHT"]), max_size=2)):
            rule = draw(pick(ZONE_RULES, 1))
            lines += [
                f"BEGIN:{kind}",
                f"DTSTART:{draw(pick(ZONE_STARTS, 1))}",
                f"TZOFFSETFROM:{draw(pick(OFFSETS, 1))}",
                f"TZOFFSETTO:{draw(pick(OFFSETS, 1))}",
                *([f"RRULE:{rule}"] if rule else []),
                *draw(st.lists(pick(RULE_EXTRAS, 3), max_size=1)),
                f"END:{kind}",
            ]
        lines.append("END:VTIMEZONE")
    lines += ["BEGIN:VEVENT", "UID:u1", "DTSTAMP:20260301T090000Z"]
    start = draw(pick(MOMENTS, 4))
    lines.append("DTSTART" + (start if start[0] in ";:" else ":" + start))
    end = draw(st.sampled_from(["", "DTEND", "DURATION"]))
    if end == "DTEND":
        later = draw(pick(LATER, 4))
        lines.append("DTEND" + (later if later[0] in ";:" else ":" + later))
    elif end == "DURATION":
        lines.append(f"DURATION:{draw(pick(DURATIONS, 2))}")
    rule = draw(pick(RULES, 10))
    lines += [f"RRULE:{rule}"] if rule else []
    lines += draw(st.lists(pick(EXTRAS, 10), max_size=4))
    for _ in range(draw(st.integers(0, 2))):
        trigger = draw(pick(TRIGGERS, 3))
        lines += [
            "BEGIN:VALARM", "ACTION:DISPLAY",
            "TRIGGER" + (trigger if trigger[0] in ";:" else ":" + trigger),
            *draw(st.lists(pick(ALARM_EXTRAS, 8), max_size=2)), "END:VALARM",
        ]  # fmt: skip
    lines += ["END:VEVENT", "END:VCALENDAR"]
    if draw(st.integers(0, 4)) == 0:  # a second event of the same UID, or of another
        at = len(lines) - 1
        lines[at:at] = ["BEGIN:VEVENT", draw(st.sampled_from(["UID:u1", "UID:u2"])),
                        "RECURRENCE-ID:20260305T100000Z", "DTSTART:20260305T110000Z",
                        "END:VEVENT"]  # fmt: skip
    ending = draw(pick(["\r\n", "\n", "\r"], 2))
    text = ending.join(lines) + ending
    odd = draw(pick(["", "fold", "blank", "bom", "blank-fold"], 2))
    if odd == "blank":
        text = text.replace("BEGIN:VEVENT", f"{ending}BEGIN:VEVENT", 1)
    elif odd == "bom":
        text = "\ufeff" + text
    elif odd == "fold":
        text = text.replace("SUMMARY", f"SUM{ending} MARY").replace("DTSTART", f"DT{ending} START")
    elif odd == "blank-fold":
        text = text.replace("DTSTART", f"DT{ending}{ending} START", 1)
    return text


def _parsed(text: str) -> CalendarObject | None:
    try:
        return parse_calendar_object(repaired(text))
    except InvalidCalendarDataError:
        return None


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects())
def test_what_is_called_plain_the_library_reads_and_expands(text: str) -> None:
    obj = _parsed(text)
    if obj is None or not plainly_readable(obj):
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_library_reads(obj)  # raises where the quick answer would be wrong


def test_a_fixed_set_of_generated_objects_called_plain_the_library_reads() -> None:
    """The same objects every run (a derandomized draw of the generator): an upgrade of the
    iCalendar or expansion library that reads one of them differently fails here, whatever
    the random draw of the test above happens to reach."""
    plain: list[str] = []

    @settings(
        derandomize=True,
        database=None,
        max_examples=1000,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(objects())
    def check(text: str) -> None:
        obj = _parsed(text)
        if obj is None or not plainly_readable(obj):
            return
        plain.append(text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            check_library_reads(obj)

    check()
    assert len(plain) >= 20  # the set holds plain single events and plain series


def test_every_plain_object_of_the_corpus_is_read_by_the_library() -> None:
    plain = 0
    for path in sorted(CORPUS.rglob("*.ics")):
        try:
            split = split_calendar(decoded(path.read_bytes()))
        except ImportRefusedError:
            continue
        for piece in split.pieces:
            obj = _parsed(piece.text)
            if obj is not None and plainly_readable(obj):
                plain += 1
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    check_library_reads(obj)
    assert plain >= 25  # Google's, Apple's, Thunderbird's single events among them


def test_what_clients_write_is_plain_and_the_odd_is_not() -> None:
    assert plainly_readable(accepted_calendar_object(realistic_event(3)))  # VTIMEZONE, VALARM
    assert plainly_readable(accepted_calendar_object(realistic_event(0)))  # a weekly series
    for odd in (
        realistic_event(3).replace("SEQUENCE:0", "RRULE:FREQ=WEEKLY;BYSETPOS=1"),  # odd rule
        realistic_event(3).replace("Europe/Berlin", "W. Europe Standard Time"),  # Outlook's
        realistic_event(3).replace("TRIGGER:-PT15M", "TRIGGER:-PT15"),  # the library refuses
        realistic_event(3)
        .replace("DTEND;TZID=Europe/Berlin:", "DTEND:")
        .replace("T140000\r\n", "T140000Z\r\n"),  # DTEND in another form than DTSTART
    ):
        obj = _parsed(odd)
        assert obj is not None and not plainly_readable(obj)


@pytest.mark.parametrize(
    ("trigger", "accepted"), [("-PT15M", True), ("-PT15", False), ("junk", False)]
)
def test_a_put_is_refused_as_before_when_the_library_cannot_read_a_time(
    trigger: str, accepted: bool
) -> None:
    text = realistic_event(4).replace("TRIGGER:-PT15M", f"TRIGGER:{trigger}")
    if accepted:
        assert accepted_calendar_object(text).uid == "bench-4@example.com"
    else:
        with pytest.raises(InvalidCalendarDataError):
            accepted_calendar_object(text)
