"""CalDAV calendar-query filters, expand, limit-recurrence-set and free-busy (RFC 4791)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zoneinfo

import icalendar
import pytest

from televent.adapters.caldav.filters import (
    FilterError,
    expand,
    free_busy,
    limit_recurrence_set,
    matches,
    parse_time,
    query_time_range,
    render_free_busy,
)
from tests.helpers import ended_within

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def caldav_filter(inner: str = "") -> ET.Element:
    """A C:filter around a VCALENDAR comp-filter holding ``inner``."""
    return ET.fromstring(
        '<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav">'
        f'<C:comp-filter name="VCALENDAR">{inner}</C:comp-filter></C:filter>'
    )


def raw_filter(inner: str) -> ET.Element:
    return ET.fromstring(f'<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav">{inner}</C:filter>')


def in_range(start: str | None, end: str | None, component: str = "VEVENT") -> ET.Element:
    attributes = "".join(
        f' {name}="{value}"' for name, value in (("start", start), ("end", end)) if value
    )
    return caldav_filter(
        f'<C:comp-filter name="{component}"><C:time-range{attributes}/></C:comp-filter>'
    )


def calendar(*components: str) -> str:
    body = "".join(c.strip() + "\n" for c in components)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Test//EN\n{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def component(kind: str, *lines: str, uid: str = "item-1") -> str:
    return "\n".join(
        [f"BEGIN:{kind}", f"UID:{uid}", "DTSTAMP:20240101T000000Z", *lines, f"END:{kind}"]
    )


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


SINGLE = calendar(component("VEVENT", "DTSTART:20240310T100000Z", "DTEND:20240310T110000Z"))

# Daily at 10:00 Berlin (09:00 UTC) from 1 to 10 January 2024; the 3rd is excluded; the 5th is
# moved to the 20th at 12:00 UTC; the 7th is overridden in place with a new summary.
RECURRING = calendar(
    component(
        "VEVENT",
        "DTSTART;TZID=Europe/Berlin:20240101T100000",
        "DTEND;TZID=Europe/Berlin:20240101T110000",
        "RRULE:FREQ=DAILY;COUNT=10",
        "EXDATE;TZID=Europe/Berlin:20240103T100000",
        "SUMMARY:Standup",
        uid="daily",
    ),
    component(
        "VEVENT",
        "RECURRENCE-ID;TZID=Europe/Berlin:20240105T100000",
        "DTSTART:20240120T120000Z",
        "DTEND:20240120T130000Z",
        "SUMMARY:Standup (moved)",
        uid="daily",
    ),
    component(
        "VEVENT",
        "RECURRENCE-ID;TZID=Europe/Berlin:20240107T100000",
        "DTSTART;TZID=Europe/Berlin:20240107T100000",
        "DTEND;TZID=Europe/Berlin:20240107T110000",
        "SUMMARY:Retro",
        uid="daily",
    ),
)


# --- time-range on events (§9.9) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("20240310T090000Z", "20240310T100000Z", False),  # ends where the event starts
        ("20240310T093000Z", "20240310T103000Z", True),
        ("20240310T103000Z", None, True),
        (None, "20240310T100001Z", True),
        ("20240310T110000Z", "20240310T120000Z", False),  # starts where the event ends
    ],
)
def test_single_event_matches_only_an_overlapping_range(
    start: str | None, end: str | None, expected: bool
) -> None:
    assert matches(in_range(start, end), SINGLE) is expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("20240102T000000Z", "20240103T000000Z", True),  # a plain instance
        ("20240103T000000Z", "20240104T000000Z", False),  # EXDATE
        ("20240105T000000Z", "20240106T000000Z", False),  # the instance moved away
        ("20240120T000000Z", "20240121T000000Z", True),  # ... and where it moved to
        ("20240111T000000Z", "20240119T000000Z", False),  # after COUNT ran out
        ("20240110T090000Z", "20240110T100000Z", True),  # the last instance
        ("20231201T000000Z", "20240101T090000Z", False),  # before the first
    ],
)
def test_recurring_event_honours_exdate_and_overrides(start: str, end: str, expected: bool) -> None:
    assert matches(in_range(start, end), RECURRING) is expected


def test_override_filters_see_the_override_properties_in_its_own_time() -> None:
    summary_and_range = caldav_filter(
        '<C:comp-filter name="VEVENT">'
        '<C:time-range start="20240107T000000Z" end="20240108T000000Z"/>'
        '<C:prop-filter name="SUMMARY"><C:text-match>retro</C:text-match></C:prop-filter>'
        "</C:comp-filter>"
    )
    elsewhere = caldav_filter(
        '<C:comp-filter name="VEVENT">'
        '<C:time-range start="20240108T000000Z" end="20240109T000000Z"/>'
        '<C:prop-filter name="SUMMARY"><C:text-match>retro</C:text-match></C:prop-filter>'
        "</C:comp-filter>"
    )
    assert matches(summary_and_range, RECURRING)
    assert not matches(elsewhere, RECURRING)


def test_infinite_rule_matches_far_and_open_ended_ranges() -> None:
    text = calendar(
        component("VEVENT", "DTSTART:20000101T100000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY")
    )
    assert matches(in_range("20400601T103000Z", "20400601T103001Z"), text)
    assert not matches(in_range("20400601T110000Z", "20400602T100000Z"), text)
    assert matches(in_range("20400601T000000Z", None), text)
    assert not matches(in_range(None, "20000101T100000Z"), text)


def test_an_endless_secondly_series_is_queried_and_expanded_within_the_caps() -> None:
    text = calendar(
        component("VEVENT", "DTSTART:20260301T000000Z", "DURATION:PT1S", "RRULE:FREQ=SECONDLY")
    )
    assert matches(in_range("20260301T010000Z", "20260301T010001Z"), text)
    # past MAX_INSTANCES instances (5.5 hours of seconds) the series is not read further
    assert not matches(in_range("20260301T120000Z", "20260301T120001Z"), text)
    assert not matches(in_range("20260201T000000Z", "20260301T000000Z"), text)
    expanded = ended_within(lambda: expand(text, utc(2026, 3, 1, 1), utc(2026, 3, 1, 1, 10)), 120)
    assert expanded.count("BEGIN:VEVENT") == 600


def test_all_day_event_without_dtend_lasts_one_day() -> None:
    text = calendar(component("VEVENT", "DTSTART;VALUE=DATE:20240310"))
    assert matches(in_range("20240310T235959Z", "20240311T120000Z"), text)
    assert not matches(in_range("20240311T000000Z", "20240312T000000Z"), text)


def test_all_day_event_is_read_in_the_calendar_timezone() -> None:
    text = calendar(component("VEVENT", "DTSTART;VALUE=DATE:20240310", "DTEND;VALUE=DATE:20240311"))
    berlin_evening_before = in_range("20240309T230000Z", "20240309T233000Z")
    assert matches(berlin_evening_before, text, default_tz=BERLIN)
    assert not matches(berlin_evening_before, text)


def test_floating_event_is_read_in_the_calendar_timezone() -> None:
    text = calendar(component("VEVENT", "DTSTART:20240701T090000", "DTEND:20240701T100000"))
    seven_utc = in_range("20240701T070000Z", "20240701T073000Z")  # 09:00 in Berlin (CEST)
    assert matches(seven_utc, text, default_tz=BERLIN)
    assert not matches(seven_utc, text)
    assert matches(in_range("20240701T090000Z", "20240701T093000Z"), text)


def test_event_in_a_custom_vtimezone() -> None:
    text = calendar(
        "\n".join(
            [
                "BEGIN:VTIMEZONE",
                "TZID:Office Time",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0530",
                "TZOFFSETTO:+0530",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
        ),
        component(
            "VEVENT",
            "DTSTART;TZID=Office Time:20240310T100000",
            "DTEND;TZID=Office Time:20240310T110000",
        ),
    )
    assert matches(in_range("20240310T043000Z", "20240310T050000Z"), text)
    assert not matches(in_range("20240310T100000Z", "20240310T110000Z"), text)


@pytest.mark.parametrize(
    ("lines", "start", "end", "expected"),
    [
        (("DTSTART:20240310T100000Z",), "20240310T100000Z", "20240310T100001Z", True),
        (("DTSTART:20240310T100000Z",), "20240310T090000Z", "20240310T100000Z", False),
        (("DTSTART:20240310T100000Z", "DURATION:PT0S"), "20240310T100000Z", None, True),
        (("DTSTART:20240310T100000Z", "DURATION:PT1H"), "20240310T105959Z", None, True),
    ],
)
def test_zero_and_duration_event_rows(
    lines: tuple[str, ...], start: str, end: str | None, expected: bool
) -> None:
    assert matches(in_range(start, end), calendar(component("VEVENT", *lines))) is expected


# --- VTODO, VJOURNAL, VFREEBUSY, VALARM (§9.9) ---------------------------------------------


@pytest.mark.parametrize(
    ("lines", "start", "end", "expected"),
    [
        # DTSTART + DURATION: (start <= DTSTART+DURATION) AND (end > DTSTART OR end >= ...)
        (("DTSTART:20240310T100000Z", "DURATION:PT2H"), "20240310T120000Z", None, True),
        (("DTSTART:20240310T100000Z", "DURATION:PT2H"), "20240310T120001Z", None, False),
        # DTSTART + DUE: (start < DUE OR start <= DTSTART) AND (end > DTSTART OR end >= DUE)
        (("DTSTART:20240310T100000Z", "DUE:20240312T100000Z"), None, "20240310T100001Z", True),
        (("DTSTART:20240310T100000Z", "DUE:20240312T100000Z"), "20240312T100000Z", None, False),
        # DTSTART only: (start <= DTSTART) AND (end > DTSTART)
        (("DTSTART:20240310T100000Z",), "20240310T100000Z", "20240310T100001Z", True),
        (("DTSTART:20240310T100000Z",), None, "20240310T100000Z", False),
        # DUE only: (start < DUE) AND (end >= DUE)
        (("DUE:20240310T100000Z",), "20240310T090000Z", "20240310T100000Z", True),
        (("DUE:20240310T100000Z",), "20240310T100000Z", "20240310T110000Z", False),
        # COMPLETED and CREATED
        (
            ("CREATED:20240301T000000Z", "COMPLETED:20240305T000000Z"),
            "20240302T000000Z",
            "20240303T000000Z",
            True,
        ),
        (
            ("CREATED:20240301T000000Z", "COMPLETED:20240305T000000Z"),
            "20240306T000000Z",
            None,
            False,
        ),
        # COMPLETED only: (start <= COMPLETED) AND (end >= COMPLETED)
        (("COMPLETED:20240305T000000Z",), "20240304T000000Z", "20240305T000000Z", True),
        # CREATED only: (end > CREATED)
        (("CREATED:20240301T000000Z",), None, "20240301T000000Z", False),
        (("CREATED:20240301T000000Z",), "20300101T000000Z", None, True),
        # Nothing: always TRUE
        ((), "19990101T000000Z", "19990102T000000Z", True),
    ],
)
def test_vtodo_time_range_rows(
    lines: tuple[str, ...], start: str | None, end: str | None, expected: bool
) -> None:
    text = calendar(component("VTODO", *lines))
    assert matches(in_range(start, end, "VTODO"), text) is expected


def test_recurring_vtodo_due_moves_with_each_instance() -> None:
    text = calendar(
        component(
            "VTODO",
            "DTSTART:20240101T090000Z",
            "DUE:20240101T170000Z",
            "RRULE:FREQ=WEEKLY;COUNT=3",
        )
    )
    assert matches(in_range("20240115T160000Z", "20240115T163000Z", "VTODO"), text)
    assert not matches(in_range("20240122T160000Z", "20240122T163000Z", "VTODO"), text)


def test_vjournal_with_a_date_covers_its_day_and_without_dtstart_nothing() -> None:
    dated = calendar(component("VJOURNAL", "DTSTART;VALUE=DATE:20240310"))
    undated = calendar(component("VJOURNAL", "SUMMARY:Notes"))
    assert matches(in_range("20240310T220000Z", "20240311T000000Z", "VJOURNAL"), dated)
    assert not matches(in_range("20240311T000000Z", "20240312T000000Z", "VJOURNAL"), dated)
    assert not matches(in_range("20000101T000000Z", None, "VJOURNAL"), undated)


def test_vfreebusy_uses_its_periods_without_dtstart_and_dtend() -> None:
    text = calendar(component("VFREEBUSY", "FREEBUSY:20240310T100000Z/PT1H"))
    assert matches(in_range("20240310T103000Z", "20240310T120000Z", "VFREEBUSY"), text)
    assert not matches(in_range("20240310T110000Z", "20240310T120000Z", "VFREEBUSY"), text)


ALARMED = calendar(
    component(
        "VEVENT",
        "DTSTART:20240101T100000Z",
        "DTEND:20240101T110000Z",
        "RRULE:FREQ=DAILY;COUNT=5",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Soon",
        "TRIGGER:-PT15M",
        "END:VALARM",
    )
)


def alarm_in_range(start: str, end: str) -> ET.Element:
    return caldav_filter(
        '<C:comp-filter name="VEVENT"><C:comp-filter name="VALARM">'
        f'<C:time-range start="{start}" end="{end}"/>'
        "</C:comp-filter></C:comp-filter>"
    )


def test_valarm_time_range_uses_the_trigger_of_each_instance() -> None:
    assert matches(alarm_in_range("20240103T094500Z", "20240103T094600Z"), ALARMED)
    assert not matches(alarm_in_range("20240103T095000Z", "20240103T100000Z"), ALARMED)
    assert not matches(alarm_in_range("20240106T094500Z", "20240106T094600Z"), ALARMED)


def test_valarm_related_to_end_with_repetitions() -> None:
    text = calendar(
        component(
            "VTODO",
            "DTSTART:20240310T080000Z",
            "DUE:20240310T170000Z",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Due",
            "TRIGGER;RELATED=END:-PT1H",
            "REPEAT:2",
            "DURATION:PT10M",
            "END:VALARM",
        )
    )

    def alarm(start: str, end: str) -> ET.Element:
        return caldav_filter(
            '<C:comp-filter name="VTODO"><C:comp-filter name="VALARM">'
            f'<C:time-range start="{start}" end="{end}"/></C:comp-filter></C:comp-filter>'
        )

    assert matches(alarm("20240310T160000Z", "20240310T160001Z"), text)
    assert matches(alarm("20240310T161500Z", "20240310T162500Z"), text)  # second repetition
    assert not matches(alarm("20240310T162100Z", "20240310T170000Z"), text)


# --- prop-filter, param-filter, text-match, is-not-defined (§9.7) ----------------------------

PARTY = calendar(
    component(
        "VEVENT",
        "DTSTART:20240310T100000Z",
        "SUMMARY:Quarterly Planning Meeting",
        "ORGANIZER:mailto:alice@example.com",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com",
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:carol@example.com",
        "BEGIN:VALARM",
        "ACTION:AUDIO",
        "TRIGGER:-PT5M",
        "END:VALARM",
    )
)


def event_props(inner: str) -> ET.Element:
    return caldav_filter(f'<C:comp-filter name="VEVENT">{inner}</C:comp-filter>')


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ('<C:prop-filter name="SUMMARY"/>', True),
        ('<C:prop-filter name="LOCATION"/>', False),
        ('<C:prop-filter name="LOCATION"><C:is-not-defined/></C:prop-filter>', True),
        ('<C:prop-filter name="SUMMARY"><C:is-not-defined/></C:prop-filter>', False),
        (
            '<C:prop-filter name="SUMMARY"><C:text-match>PLANNING</C:text-match></C:prop-filter>',
            True,
        ),
        (
            '<C:prop-filter name="summary"><C:text-match collation="i;octet">PLANNING'
            "</C:text-match></C:prop-filter>",
            False,
        ),
        (
            '<C:prop-filter name="SUMMARY"><C:text-match collation="i;octet">Planning'
            "</C:text-match></C:prop-filter>",
            True,
        ),
        (
            '<C:prop-filter name="SUMMARY"><C:text-match negate-condition="yes">lunch'
            "</C:text-match></C:prop-filter>",
            True,
        ),
        (
            '<C:prop-filter name="SUMMARY"><C:text-match negate-condition="yes">meeting'
            "</C:text-match></C:prop-filter>",
            False,
        ),
        (
            '<C:prop-filter name="ATTENDEE"><C:text-match>carol@</C:text-match>'
            '<C:param-filter name="PARTSTAT"><C:text-match>needs-action</C:text-match>'
            "</C:param-filter></C:prop-filter>",
            True,
        ),
        (
            '<C:prop-filter name="ATTENDEE"><C:text-match>bob@</C:text-match>'
            '<C:param-filter name="PARTSTAT"><C:text-match>NEEDS-ACTION</C:text-match>'
            "</C:param-filter></C:prop-filter>",
            False,
        ),
        (
            '<C:prop-filter name="ATTENDEE"><C:param-filter name="ROLE">'
            "<C:is-not-defined/></C:param-filter></C:prop-filter>",
            True,
        ),
        (
            '<C:prop-filter name="ORGANIZER"><C:param-filter name="CN"/></C:prop-filter>',
            False,
        ),
        ('<C:comp-filter name="VALARM"/>', True),
        ('<C:comp-filter name="VALARM"><C:is-not-defined/></C:comp-filter>', False),
        (
            '<C:prop-filter name="DTSTART"><C:time-range start="20240310T000000Z" '
            'end="20240311T000000Z"/></C:prop-filter>',
            True,
        ),
    ],
)
def test_property_and_parameter_filters(inner: str, expected: bool) -> None:
    assert matches(event_props(inner), PARTY) is expected


def test_categories_are_matched_as_the_words_they_hold() -> None:
    # matched as written ("Travel\\, far", "C:\\\\Net"), a person's words were missed
    text = calendar(
        component("VEVENT", "DTSTART:20240310T100000Z", "CATEGORIES:C:\\\\Net,Travel\\, far")
    )
    for words, expected in (("travel, far", True), ("C:\\Net", True), ("\\,", False)):
        found = matches(
            event_props(
                f'<C:prop-filter name="CATEGORIES"><C:text-match>{words}</C:text-match>'
                "</C:prop-filter>"
            ),
            text,
        )
        assert found is expected, words


def test_comp_filter_is_not_defined() -> None:
    no_todo = caldav_filter('<C:comp-filter name="VTODO"><C:is-not-defined/></C:comp-filter>')
    no_event = caldav_filter('<C:comp-filter name="VEVENT"><C:is-not-defined/></C:comp-filter>')
    assert matches(no_todo, PARTY)
    assert not matches(no_event, PARTY)


def test_empty_vcalendar_filter_matches_everything() -> None:
    assert matches(caldav_filter(), PARTY)


def test_ascii_casemap_folds_only_ascii() -> None:
    text = calendar(component("VEVENT", "DTSTART:20240310T100000Z", "SUMMARY:Ärger im Büro"))
    assert matches(
        event_props(
            '<C:prop-filter name="SUMMARY"><C:text-match>IM BüRO</C:text-match></C:prop-filter>'
        ),
        text,
    )
    assert not matches(
        event_props(
            '<C:prop-filter name="SUMMARY"><C:text-match>ärger</C:text-match></C:prop-filter>'
        ),
        text,
    )


# --- invalid filters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("element", "precondition"),
    [
        (raw_filter('<C:comp-filter name="VEVENT"/>'), "valid-filter"),
        (raw_filter(""), "valid-filter"),
        (
            raw_filter('<C:comp-filter name="VCALENDAR"/><C:comp-filter name="VCALENDAR"/>'),
            "valid-filter",
        ),
        (
            caldav_filter('<C:comp-filter name="VEVENT"><C:time-range/></C:comp-filter>'),
            "valid-filter",
        ),
        (in_range("2024-03-10", "20240311T000000Z"), "valid-filter"),
        (in_range("20240310T000000", "20240311T000000Z"), "valid-filter"),
        (in_range("20240311T000000Z", "20240310T000000Z"), "valid-filter"),
        (in_range("20241399T000000Z", None), "valid-filter"),
        (caldav_filter("<C:comp-filter/>"), "valid-filter"),
        (caldav_filter('<C:comp-filter name="VEVENT"><C:bogus/></C:comp-filter>'), "valid-filter"),
        (
            caldav_filter(
                '<C:comp-filter name="VEVENT"><C:is-not-defined/>'
                '<C:prop-filter name="SUMMARY"/></C:comp-filter>'
            ),
            "valid-filter",
        ),
        (
            event_props(
                '<C:prop-filter name="SUMMARY"><C:text-match negate-condition="maybe">x'
                "</C:text-match></C:prop-filter>"
            ),
            "valid-filter",
        ),
        (
            event_props(
                '<C:prop-filter name="SUMMARY"><C:text-match collation="i;klingon">x'
                "</C:text-match></C:prop-filter>"
            ),
            "supported-collation",
        ),
        (
            raw_filter(
                '<C:comp-filter name="VCALENDAR">'
                '<C:time-range start="20240101T000000Z"/></C:comp-filter>'
            ),
            "supported-filter",
        ),
    ],
)
def test_invalid_filters_raise_with_the_precondition(
    element: ET.Element, precondition: str
) -> None:
    with pytest.raises(FilterError) as caught:
        matches(element, PARTY)
    assert caught.value.precondition == precondition


def test_filter_errors_are_raised_even_when_the_data_would_not_reach_them() -> None:
    element = caldav_filter(
        '<C:comp-filter name="VTODO"><C:prop-filter name="SUMMARY">'
        '<C:text-match collation="i;unknown">x</C:text-match></C:prop-filter></C:comp-filter>'
    )
    with pytest.raises(FilterError):
        matches(element, PARTY)


def test_parse_time() -> None:
    assert parse_time("20060104T000000Z") == utc(2006, 1, 4)
    with pytest.raises(FilterError):
        parse_time("20060104")


def test_query_time_range_reports_the_component_level_range() -> None:
    assert query_time_range(in_range("20240101T000000Z", None)) == (utc(2024, 1, 1), None)
    assert query_time_range(event_props('<C:prop-filter name="SUMMARY"/>')) is None
    assert query_time_range(alarm_in_range("20240101T000000Z", "20240102T000000Z")) is None


# --- odd but valid data never crashes ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        calendar(component("VEVENT", "SUMMARY:No start")),
        calendar(component("VEVENT", "DTSTART:20240310T100000Z", "RRULE:FREQ=FORTNIGHTLY")),
        calendar(component("VTODO", "RRULE:FREQ=DAILY")),
        calendar(component("VEVENT", "DTSTART;VALUE=DATE:20240310", "DURATION:PT12H")),
        "this is not iCalendar",
    ],
)
def test_odd_data_is_evaluated_without_errors(text: str) -> None:
    assert isinstance(matches(in_range("20240310T000000Z", "20240311T000000Z"), text), bool)
    assert isinstance(expand(text, utc(2024, 3, 1), utc(2024, 4, 1)), str)
    assert isinstance(free_busy([text], utc(2024, 3, 1), utc(2024, 4, 1)), list)


# --- expand and limit-recurrence-set (§9.6.5, §9.6.6) ------------------------------------------


def parse(text: str) -> icalendar.Calendar:
    parsed: icalendar.Calendar = icalendar.Calendar.from_ical(text)
    return parsed


def test_expand_returns_each_instance_in_utc_with_a_recurrence_id() -> None:
    with_zone = RECURRING.replace(
        "BEGIN:VEVENT",
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT",
        1,
    )
    text = expand(with_zone, utc(2024, 1, 1), utc(2024, 1, 8))
    events = parse(text).walk("VEVENT")
    starts = [e["DTSTART"].dt for e in events]
    assert starts == [utc(2024, 1, d, 9) for d in (1, 2, 4, 6, 7)]  # 3rd excluded, 5th moved
    assert [e["RECURRENCE-ID"].dt for e in events] == starts
    assert all("RRULE" not in e and "EXDATE" not in e for e in events)
    assert "TZID" not in text and "VTIMEZONE" not in text
    assert str(events[-1]["SUMMARY"]) == "Retro"
    assert "\r\n" in text


def test_expand_includes_an_override_moved_into_the_range() -> None:
    events = parse(expand(RECURRING, utc(2024, 1, 15), utc(2024, 1, 25))).walk("VEVENT")
    assert len(events) == 1
    assert events[0]["DTSTART"].dt == utc(2024, 1, 20, 12)
    assert events[0]["RECURRENCE-ID"].dt == utc(2024, 1, 5, 9)


def test_expand_keeps_dates_and_converts_floating_times() -> None:
    all_day = calendar(
        component("VEVENT", "DTSTART;VALUE=DATE:20240301", "RRULE:FREQ=WEEKLY;COUNT=4")
    )
    events = parse(expand(all_day, utc(2024, 3, 5), utc(2024, 3, 20))).walk("VEVENT")
    assert [e["DTSTART"].dt for e in events] == [dt.date(2024, 3, 8), dt.date(2024, 3, 15)]
    assert [e["RECURRENCE-ID"].dt for e in events] == [dt.date(2024, 3, 8), dt.date(2024, 3, 15)]

    floating = calendar(component("VEVENT", "DTSTART:20240701T090000", "DURATION:PT1H"))
    single = parse(expand(floating, utc(2024, 7, 1), utc(2024, 7, 2), default_tz=BERLIN))
    event = single.walk("VEVENT")[0]
    assert event["DTSTART"].dt == utc(2024, 7, 1, 7)
    assert "RECURRENCE-ID" not in event  # a single event is not a recurrence instance


def test_limit_recurrence_set_keeps_the_master_and_overrides_that_impact_the_range() -> None:
    def recurrence_ids(text: str) -> list[dt.datetime | None]:
        return [
            e["RECURRENCE-ID"].dt if "RECURRENCE-ID" in e else None
            for e in parse(text).walk("VEVENT")
        ]

    berlin_5th, berlin_7th = (
        dt.datetime(2024, 1, 5, 10, tzinfo=BERLIN),
        dt.datetime(2024, 1, 7, 10, tzinfo=BERLIN),
    )
    assert recurrence_ids(limit_recurrence_set(RECURRING, utc(2024, 1, 20), utc(2024, 1, 21))) == [
        None,
        berlin_5th,
    ]  # where the 5th moved to
    assert recurrence_ids(limit_recurrence_set(RECURRING, utc(2024, 1, 5), utc(2024, 1, 6))) == [
        None,
        berlin_5th,
    ]  # where the 5th was
    assert recurrence_ids(limit_recurrence_set(RECURRING, utc(2024, 1, 7), utc(2024, 1, 8))) == [
        None,
        berlin_7th,
    ]
    assert recurrence_ids(limit_recurrence_set(RECURRING, utc(2024, 2, 1), utc(2024, 3, 1))) == [
        None
    ]


# --- free-busy (§7.10) ---------------------------------------------------------------------------


def test_free_busy_merges_clips_and_marks_tentative() -> None:
    texts = [
        calendar(
            component("VEVENT", "DTSTART:20240310T090000Z", "DTEND:20240310T100000Z", uid="a")
        ),
        calendar(
            component("VEVENT", "DTSTART:20240310T093000Z", "DTEND:20240310T110000Z", uid="b")
        ),
        calendar(component("VEVENT", "DTSTART:20240310T110000Z", "DURATION:PT30M", uid="c")),
        calendar(
            component(
                "VEVENT",
                "DTSTART:20240310T100000Z",
                "DTEND:20240310T120000Z",
                "STATUS:TENTATIVE",
                uid="d",
            )
        ),
        calendar(
            component(
                "VEVENT",
                "DTSTART:20240310T130000Z",
                "DTEND:20240310T140000Z",
                "TRANSP:TRANSPARENT",
                uid="e",
            )
        ),
        calendar(
            component(
                "VEVENT",
                "DTSTART:20240310T140000Z",
                "DTEND:20240310T150000Z",
                "STATUS:CANCELLED",
                uid="f",
            )
        ),
        calendar(
            component("VEVENT", "DTSTART:20240310T210000Z", "DTEND:20240311T030000Z", uid="g")
        ),
    ]
    periods = free_busy(texts, utc(2024, 3, 10), utc(2024, 3, 11))
    assert periods == [
        (utc(2024, 3, 10, 9), utc(2024, 3, 10, 11, 30), "BUSY"),
        (utc(2024, 3, 10, 10), utc(2024, 3, 10, 12), "BUSY-TENTATIVE"),
        (utc(2024, 3, 10, 21), utc(2024, 3, 11), "BUSY"),
    ]


def test_free_busy_expands_recurrences_and_skips_cancelled_instances() -> None:
    cancelled_override = RECURRING.replace("SUMMARY:Retro", "SUMMARY:Retro\r\nSTATUS:CANCELLED")
    periods = free_busy([cancelled_override], utc(2024, 1, 6), utc(2024, 1, 9))
    assert [p[0] for p in periods] == [utc(2024, 1, 6, 9), utc(2024, 1, 8, 9)]


def test_render_free_busy() -> None:
    text = render_free_busy(
        [(utc(2024, 3, 10, 9), utc(2024, 3, 10, 10), "BUSY-TENTATIVE")],
        utc(2024, 3, 10),
        utc(2024, 3, 11),
        stamp=utc(2024, 3, 1, 12),
    )
    assert text.endswith("\r\n")
    lines = text.split("\r\n")
    assert "DTSTAMP:20240301T120000Z" in lines
    assert "DTSTART:20240310T000000Z" in lines
    assert "DTEND:20240311T000000Z" in lines
    assert "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20240310T090000Z/20240310T100000Z" in lines
    assert len(parse(text).walk("VFREEBUSY")) == 1


def test_an_object_whose_vtimezone_has_odd_properties_still_matches() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:Odd Zone\r\n"
        "UID:not-allowed-here\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nX-ODD:1\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:e\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART;TZID=Odd Zone:20260305T100000\r\nDTEND;TZID=Odd Zone:20260305T110000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    window = (
        '<C:filter xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp-filter name="VCALENDAR">'
        '<C:comp-filter name="VEVENT"><C:time-range start="20260305T075000Z" '
        'end="20260305T081000Z"/></C:comp-filter></C:comp-filter></C:filter>'
    )
    assert matches(ET.fromstring(window), text)  # 10:00 at +02:00 is 08:00 UTC
