"""A finite recurring event's indexed instances answer "VEVENTs in this range" exactly as the
full RFC 4791 filter does, for any series, exceptions, overrides and window."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.filters import expand, matches
from televent.adapters.caldav.reports import indexed_overlap, plain_event_range
from televent.adapters.caldav.utc_copy import utc_instances
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import parse_calendar_object
from televent.domain.recurrence import MAX_INDEXED, Spans, decode, encode
from televent.domain.recurrence import instance_spans as spans_of_components
from televent.projections.queries import ObjectView

BASE = dt.datetime(2026, 3, 8, 9, 0, tzinfo=dt.UTC)  # DST starts in Europe on 29 March
LOCAL = "%Y%m%dT%H%M%S"
UTC_FORMAT = "%Y%m%dT%H%M%SZ"
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney"]


def stamp(moment: dt.datetime, zone: str) -> str:
    """`;TZID=zone:local` (or `:...Z` for UTC) for a DATE-TIME property."""
    if zone == "UTC":
        return f":{moment.astimezone(dt.UTC).strftime(UTC_FORMAT)}"
    return f";TZID={zone}:{moment.astimezone(ZoneInfo(zone)).strftime(LOCAL)}"


def series(
    *,
    zone: str,
    start: dt.datetime,
    minutes: int,
    rule: str,
    exdates: list[int],
    moved: list[tuple[int, int]],
    orphan: bool,
    step: dt.timedelta,
    rdates: tuple[int, ...] = (),
) -> str:
    """A recurring VEVENT; `exdates` and `moved` name instances by number (moved by minutes)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:t",
        "BEGIN:VEVENT",
        "UID:s",
        "DTSTAMP:20260101T000000Z",
        f"DTSTART{stamp(start, zone)}",
        f"DTEND{stamp(start + dt.timedelta(minutes=minutes), zone)}",
        f"RRULE:{rule}",
        *[f"EXDATE{stamp(start + n * step, zone)}" for n in exdates],
        *[f"RDATE{stamp(start + dt.timedelta(minutes=m), zone)}" for m in rdates],
        "SUMMARY:s",
        "END:VEVENT",
    ]
    for number, shift in moved:
        original = start + number * step
        lines += [
            "BEGIN:VEVENT",
            "UID:s",
            "DTSTAMP:20260101T000000Z",
            f"RECURRENCE-ID{stamp(original, zone)}",
            f"DTSTART{stamp(original + dt.timedelta(minutes=shift), zone)}",
            f"DTEND{stamp(original + dt.timedelta(minutes=shift + 45), zone)}",
            "END:VEVENT",
        ]
    if orphan:  # an override of an instance the rule does not have
        lines += [
            "BEGIN:VEVENT",
            "UID:s",
            "DTSTAMP:20260101T000000Z",
            f"RECURRENCE-ID{stamp(start + dt.timedelta(minutes=7), zone)}",
            f"DTSTART{stamp(start + dt.timedelta(days=3), zone)}",
            f"DTEND{stamp(start + dt.timedelta(days=3, hours=1), zone)}",
            "END:VEVENT",
        ]
    return "\r\n".join([*lines, "END:VCALENDAR", ""])


def condition(start: dt.datetime | None, end: dt.datetime | None) -> ET.Element:
    bounds = (f' start="{start.strftime(UTC_FORMAT)}"' if start else "") + (
        f' end="{end.strftime(UTC_FORMAT)}"' if end else ""
    )
    return ET.fromstring(
        '<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp-filter name="VCALENDAR">'
        f'<C:comp-filter name="VEVENT"><C:time-range{bounds}/></C:comp-filter></C:comp-filter>'
        "</C:filter>"
    )


def instance_spans(text: str) -> Spans | None:
    """What an event written with this text carries in its facts."""
    try:
        obj = parse_calendar_object(text)
    except InvalidCalendarDataError:
        return None
    return spans_of_components(obj.components, obj.zones)


def stored(text: str, instances: str | None) -> ObjectView:
    return ObjectView(
        uuid.uuid4(), "s.ics", "s", uuid.uuid4(), "VEVENT", '"1"', text, 1, "", 0, 1, False,
        instances,
    )  # fmt: skip


FREQUENCIES = {
    "DAILY": dt.timedelta(days=1),
    "WEEKLY": dt.timedelta(weeks=1),
    "HOURLY": dt.timedelta(hours=1),
}


@settings(max_examples=250, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    offset=st.integers(-2000, 2000),
    minutes=st.integers(1, 600),
    frequency=st.sampled_from(sorted(FREQUENCIES)),
    count=st.integers(1, 40),  # within MAX_INDEXED
    until=st.booleans(),
    exdates=st.lists(st.integers(0, 45), max_size=4),
    moved=st.lists(st.tuples(st.integers(0, 45), st.integers(-3000, 3000)), max_size=3),
    orphan=st.booleans(),
    rdates=st.lists(st.integers(-3000, 20_000), max_size=3),
    byday=st.booleans(),
    window=st.tuples(
        st.one_of(st.none(), st.integers(-3000, 80_000)),
        st.one_of(st.none(), st.integers(0, 20_000)),
    ),
)
def test_the_indexed_instances_answer_as_the_full_filter(
    zone: str,
    offset: int,
    minutes: int,
    frequency: str,
    count: int,
    until: bool,
    exdates: list[int],
    moved: list[tuple[int, int]],
    orphan: bool,
    rdates: list[int],
    byday: bool,
    window: tuple[int | None, int | None],
) -> None:
    start = BASE + dt.timedelta(minutes=offset)
    step = FREQUENCIES[frequency]
    last = (start + (count - 1) * step).astimezone(dt.UTC).strftime(UTC_FORMAT)
    rule = f"FREQ={frequency};" + (f"UNTIL={last}" if until else f"COUNT={count}")
    if byday:  # days the start need not fall on: DTSTART still counts as the first instance
        rule += ";BYDAY=TU,TH"
    moved = list({number: (number, shift) for number, shift in moved}.values())
    text = series(
        zone=zone,
        start=start,
        minutes=minutes,
        rule=rule,
        exdates=exdates,
        moved=moved,
        orphan=orphan,
        step=step,
        rdates=tuple(rdates),
    )
    spans = instance_spans(text)
    if spans is None:  # declined: daylight saving, an hourly rule, or an EXDATE off the series
        assert (
            zone != "UTC"
            or frequency == "HOURLY"
            or byday
            or rdates
            or max(exdates, default=0) >= count
        )
        return
    assert decode(encode(spans)) == spans
    lo = None if window[0] is None else BASE + dt.timedelta(minutes=window[0])
    hi = None if window[1] is None else (lo or BASE) + dt.timedelta(minutes=window[1] + 1)
    if lo is None and hi is None:
        lo = BASE
    query = condition(lo, hi)
    plain = plain_event_range(query)
    assert plain is not None
    assert indexed_overlap(stored(text, encode(spans)), *plain) == matches(query, text)


def test_what_cannot_be_decided_exactly_is_not_indexed() -> None:
    start = BASE
    weekly = series(
        zone="Europe/Berlin",
        start=start,
        minutes=60,
        rule="FREQ=WEEKLY;COUNT=5",
        exdates=[],
        moved=[],
        orphan=False,
        step=dt.timedelta(weeks=1),
    )
    assert instance_spans(weekly) is not None
    endless = weekly.replace("FREQ=WEEKLY;COUNT=5", "FREQ=WEEKLY")
    floating = weekly.replace(";TZID=Europe/Berlin", "")
    all_day = weekly.replace("DTSTART;TZID=Europe/Berlin:20260308T100000", "DTSTART:20260308")
    duration = weekly.replace("DTEND;TZID=Europe/Berlin:20260308T110000", "DURATION:PT1H")
    too_many = weekly.replace("COUNT=5", f"COUNT={MAX_INDEXED + 1}")
    long_until = weekly.replace("COUNT=5", "UNTIL=20991231T000000Z")
    for text in (endless, floating, all_day, duration, too_many, long_until, "garbage"):
        assert instance_spans(text) is None, text


def test_the_spans_are_the_instances_in_utc_across_daylight_saving() -> None:
    text = series(
        zone="Europe/Berlin",
        start=dt.datetime(2026, 3, 22, 9, 0, tzinfo=dt.UTC),  # 10:00 in Berlin, winter time
        minutes=30,
        rule="FREQ=WEEKLY;COUNT=2",
        exdates=[],
        moved=[],
        orphan=False,
        step=dt.timedelta(weeks=1),
    )
    spans = instance_spans(text)
    assert spans is not None
    starts = [dt.datetime.fromtimestamp(s, dt.UTC).strftime("%m-%d %H:%M") for s, _ in spans]
    assert starts == ["03-22 09:00", "03-29 08:00"]  # 10:00 Berlin both weeks
    assert all(e - s == 1800 for s, e in spans)


@settings(max_examples=150, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    offset=st.integers(-2000, 2000),
    minutes=st.integers(1, 600),
    frequency=st.sampled_from(sorted(FREQUENCIES)),
    count=st.integers(1, 30),
    exdates=st.lists(st.integers(0, 35), max_size=4),
    window=st.tuples(st.integers(-3000, 60_000), st.integers(1, 20_000)),
    alarm=st.booleans(),
    rdates=st.lists(st.integers(-3000, 20_000), max_size=2),
)
def test_the_expansion_from_the_index_equals_the_full_expansion(
    zone: str,
    offset: int,
    minutes: int,
    frequency: str,
    count: int,
    exdates: list[int],
    window: tuple[int, int],
    alarm: bool,
    rdates: list[int],
) -> None:
    start = BASE + dt.timedelta(minutes=offset)
    text = series(
        zone=zone,
        start=start,
        minutes=minutes,
        rule=f"FREQ={frequency};COUNT={count}",
        exdates=exdates,
        moved=[],
        orphan=False,
        step=FREQUENCIES[frequency],
        rdates=tuple(rdates),
    )
    if alarm:
        text = text.replace(
            "SUMMARY:s", "SUMMARY:s\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"
            "DESCRIPTION:x\r\nEND:VALARM"
        )  # fmt: skip
    spans = instance_spans(text)
    if spans is None:  # declined: daylight saving, an hourly rule, or an EXDATE off the series
        assert zone != "UTC" or frequency == "HOURLY" or rdates or max(exdates, default=0) >= count
        return
    lo = BASE + dt.timedelta(minutes=window[0])
    hi = lo + dt.timedelta(minutes=window[1])
    quick = utc_instances(text, spans, int(lo.timestamp()), int(hi.timestamp()))
    if quick is None:  # an RDATE on one of the rule's own instances
        assert len({start for start, _ in spans}) < len(spans)
        return
    ours = icalendar.Calendar.from_ical(quick)
    theirs = icalendar.Calendar.from_ical(expand(text, lo, hi))

    def instances(calendar: icalendar.Calendar) -> list[tuple[object, ...]]:
        return [
            (
                *(c.decoded(n) for n in ("RECURRENCE-ID", "DTSTART", "DTEND", "DTSTAMP")),
                sorted(c.keys()),
                [(a.name, sorted(a.keys())) for a in c.subcomponents],
            )
            for c in calendar.walk("VEVENT")
        ]

    assert instances(ours) == instances(theirs)
    assert [c.name for c in ours.subcomponents] == [c.name for c in theirs.subcomponents]
    assert b"TZID" not in quick.encode() and b"RRULE" not in quick.encode()


def test_a_series_with_an_override_is_left_to_the_full_expansion() -> None:
    text = series(
        zone="Europe/Berlin",
        start=BASE,
        minutes=30,
        rule="FREQ=DAILY;COUNT=3",
        exdates=[],
        moved=[(1, 60)],
        orphan=False,
        step=dt.timedelta(days=1),
    )
    spans = instance_spans(text)
    assert spans is not None and len(spans) == 3
    assert utc_instances(text, spans, 0, 2**40) is None


@given(st.lists(st.tuples(st.integers(-(10**11), 10**11), st.integers(-(10**11), 10**11))))
def test_spans_before_1970_are_stored_and_read_back(pairs: list[tuple[int, int]]) -> None:
    """Instants before 1970 are negative; their spans read back as they were stored."""
    spans: Spans = sorted(pairs)
    assert decode(encode(spans)) == spans
