"""The zone a CalDAV query reads floating times and dates in (RFC 4791 §9.8, §9.9) and the
margin an index search needs for it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zoneinfo

import pytest

from televent.adapters.caldav.protocol import DavError
from televent.adapters.caldav.query_zone import (
    calendar_zone,
    prefilter_margin,
    request_zone,
)

AUCKLAND = zoneinfo.ZoneInfo("Pacific/Auckland")


def _vtimezone(tzid: str, offset: str = "+1300") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VTIMEZONE\r\n"
        f"TZID:{tzid}\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\n"
        "DTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n"
    )


def _body(inner: str = "") -> ET.Element:
    return ET.fromstring(
        f'<c:calendar-query xmlns:c="urn:ietf:params:xml:ns:caldav">{inner}</c:calendar-query>'
    )


def _at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC)


def test_a_calendar_zone_is_a_stored_definition_or_an_iana_name() -> None:
    assert calendar_zone(_vtimezone("Pacific/Auckland")) == AUCKLAND
    assert calendar_zone("Pacific/Auckland") == AUCKLAND
    custom = calendar_zone(_vtimezone("Somewhere (custom)", "+0530"))
    assert _at(2027, 1, 10).replace(tzinfo=custom).utcoffset() == dt.timedelta(hours=5, minutes=30)


@pytest.mark.parametrize(
    "stored",
    [None, "", "Mars/Olympus_Mons", "../../etc/passwd", "BEGIN:VCALENDAR\r\nbroken"],
)
def test_a_calendar_without_a_readable_zone_is_read_in_utc(stored: str | None) -> None:
    assert calendar_zone(stored) is dt.UTC


def test_the_query_zone_wins_and_falls_back_to_the_calendars() -> None:
    assert request_zone(_body(), AUCKLAND) is AUCKLAND
    named = request_zone(
        _body(f"<c:timezone>{_vtimezone('America/New_York')}</c:timezone>"), AUCKLAND
    )
    assert named == zoneinfo.ZoneInfo("America/New_York")
    by_id = request_zone(_body("<c:timezone-id>Europe/Berlin</c:timezone-id>"), AUCKLAND)
    assert by_id == zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("inner", "status", "precondition"),
    [
        ("<c:timezone>nothing</c:timezone>", 403, "valid-calendar-data"),
        (f"<c:timezone>{_vtimezone('')}</c:timezone>", 403, "valid-calendar-data"),
        ("<c:timezone-id>Nowhere/At_All</c:timezone-id>", 403, "valid-timezone"),
        (
            f"<c:timezone>{_vtimezone('UTC')}</c:timezone><c:timezone-id>UTC</c:timezone-id>",
            400,
            None,
        ),
    ],
)
def test_a_query_zone_that_cannot_be_read_is_refused(
    inner: str, status: int, precondition: str | None
) -> None:
    with pytest.raises(DavError) as refused:
        request_zone(_body(inner), dt.UTC)
    assert (refused.value.status, refused.value.precondition) == (status, precondition)


def test_the_index_margin_covers_offsets_beyond_fourteen_hours() -> None:
    week = (_at(2027, 2, 1), _at(2027, 2, 8))
    assert prefilter_margin(dt.UTC, *week) == dt.timedelta(0)
    assert prefilter_margin(AUCKLAND, *week) == dt.timedelta(0)
    assert prefilter_margin(AUCKLAND, None, None) == dt.timedelta(0)
    # Manila kept its local mean time, UTC-15:56:08, until 1844
    manila = zoneinfo.ZoneInfo("Asia/Manila")
    assert prefilter_margin(manila, _at(1800, 6, 1), None) == dt.timedelta(
        hours=1, minutes=56, seconds=8
    )
    # a client's own definition may declare up to ±23:59; the calendar's first and last days
    assert prefilter_margin(calendar_zone(_vtimezone("Far (custom)")), *week) == dt.timedelta(
        hours=10
    )
    ends = (dt.datetime.min.replace(tzinfo=dt.UTC), dt.datetime.max.replace(tzinfo=dt.UTC))
    assert prefilter_margin(manila, *ends) == dt.timedelta(hours=10)
