"""The content-line reader (RFC 5545 §3.1), checked by hand and against `icalendar` on the
real-world calendars of the shared corpus."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import icalendar
import pytest

from televent.domain.content_lines import (
    ContentError,
    decode_duration,
    decode_moment,
    decode_property_moment,
    parse,
    unescape_text,
)
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.zones import calendar_zones as _zones
from tests.helpers import FIXTURE_CORPUS

CORPUS = FIXTURE_CORPUS
ICS_FILES = sorted(CORPUS.glob("*/*.ics"))


def test_folding_quoting_and_escapes() -> None:
    [calendar] = parse(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Long\r\n  title\\, with comma\r\n"
        'ATTENDEE;CN="Doe, Jane";PARTSTAT=ACCEPTED:mailto:jane@example.com\r\n'
        "DESCRIPTION:line one\\nline two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [event] = calendar.components
    summary = event.get("SUMMARY")
    assert summary is not None and unescape_text(summary.value) == "Long title, with comma"
    attendee = event.get("ATTENDEE")
    assert attendee is not None
    assert (attendee.param("CN"), attendee.param("PARTSTAT")) == ("Doe, Jane", "ACCEPTED")
    assert attendee.value == "mailto:jane@example.com"
    assert unescape_text(event.get("DESCRIPTION").value) == "line one\nline two"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nSUMMARY no colon\r\nEND:VCALENDAR\r\n",
        "SUMMARY:outside\r\n",
        "BEGIN:VCALENDAR\r\n",
    ],
)
def test_malformed_text_is_refused(text: str) -> None:
    with pytest.raises(ContentError):
        parse(text)


def test_a_pathological_line_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(ContentError):
        parse("BEGIN:VCALENDAR\r\nX" + ";A=" * 20000 + "b" * 20000 + "\r\nEND:VCALENDAR\r\n")
    assert time.perf_counter() - started < 5  # generous: it must not backtrack exponentially


def test_exchange_value_inside_a_quoted_parameter_is_recovered() -> None:
    [calendar] = parse(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
        'DTSTART;TZID="W. Europe Standard Time:20200609T090000"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    )
    start = calendar.components[0].get("DTSTART")
    assert start is not None
    assert (start.param("TZID"), start.value) == ("W. Europe Standard Time", "20200609T090000")


def test_values() -> None:
    assert decode_duration("-P1DT2H") == -dt.timedelta(days=1, hours=2)
    assert decode_duration("PT15M") == dt.timedelta(minutes=15)
    with pytest.raises(ContentError):
        decode_duration("P")
    berlin = decode_moment("20260305T150000", "Europe/Berlin", {})
    assert isinstance(berlin, dt.datetime) and berlin.utcoffset() == dt.timedelta(hours=1)
    assert decode_moment("20260305T150000", "Nowhere/Special", {}).tzinfo is None  # type: ignore[union-attr]
    assert decode_moment("20260305", None, {}) == dt.date(2026, 3, 5)
    mozilla = decode_moment("20260305T150000", "/mozilla.org/20070129_1/Europe/Berlin", {})
    assert mozilla.utcoffset() == dt.timedelta(hours=1)  # type: ignore[union-attr]
    with pytest.raises(ContentError):
        decode_moment("20261345T250000", None, {})


@pytest.mark.parametrize("path", ICS_FILES, ids=lambda p: p.name)
def test_reader_agrees_with_icalendar_on_the_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    mine = parse(text)
    try:
        reference = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError:
        return  # icalendar refuses this file; reading it at all is already more than it does
    assert [c.name for c in mine] == [c.name for c in reference]
    for ours, theirs in zip(mine, reference, strict=True):
        assert [c.name for c in ours.components] == [c.name for c in theirs.subcomponents]
        zones = _zones(ours)
        for component, other in zip(ours.components, theirs.subcomponents, strict=True):
            if component.name not in ("VEVENT", "VTODO"):
                continue
            assert {p.name for p in component.properties} == set(other.keys())
            start = component.get("DTSTART")
            if start is None or other.errors:
                continue
            decoded = decode_property_moment(start, zones)
            expected = other.decoded("DTSTART")
            if isinstance(expected, dt.datetime) and expected.tzinfo is not None:
                assert getattr(decoded, "tzinfo", None) is not None, (start, expected)
            assert decoded == expected, (start, decoded, expected)


def test_names_in_parameters_are_read_with_their_rfc_6868_escapes() -> None:
    # they were shown escaped: in the API, the bot's notices and mail headers
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", "BEGIN:VEVENT", "UID:n",
            "DTSTAMP:20260101T000000Z", "DTSTART:20260301T090000Z", "SUMMARY:Names",
            "ORGANIZER;CN=\"Alice ^'Al^' O^^Neil\":mailto:alice@example.com",
            "ATTENDEE;CN=\"Ann ^'Annie^' Lee\";PARTSTAT=ACCEPTED:mailto:ann@example.com",
            "ATTENDEE;CN=Line^nBreak:mailto:line@example.com",
            "END:VEVENT", "END:VCALENDAR", "",
        ]
    )  # fmt: skip
    facts = facts_of(parse_calendar_object(text))
    assert facts["organizer_name"] == 'Alice "Al" O^Neil'
    # a line break (^n) is read as a space: a name is one line, as in a mail header
    assert [a["cn"] for a in facts["attendees"]] == ['Ann "Annie" Lee', "Line Break"]
    # as icalendar reads them
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert event["ORGANIZER"].params["CN"] == 'Alice "Al" O^Neil'


def test_an_escaped_colon_is_read_as_icalendar_reads_it() -> None:
    # the API showed "Re\: budget" until an edit of the time, written by icalendar, made it
    # "Re: budget"
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", "BEGIN:VEVENT", "UID:c",
            "DTSTAMP:20260101T000000Z", "DTSTART:20260301T090000Z",
            "SUMMARY:Re\\: budget\\, Q1", "END:VEVENT", "END:VCALENDAR", "",
        ]
    )  # fmt: skip
    assert facts_of(parse_calendar_object(text))["summary"] == "Re: budget, Q1"
    assert str(icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["SUMMARY"]) == "Re: budget, Q1"
