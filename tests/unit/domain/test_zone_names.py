"""Zone names from people and from stored data (domain/zones.zone_named): a name the zone
database cannot hold (unknown, a path, too long to be a file name, not text) is no zone, so
every reader says so in words or falls back to UTC instead of failing."""

from __future__ import annotations

from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.zones import zone_named, zone_or_utc


def test_a_zone_name_the_database_cannot_hold_is_no_zone() -> None:
    assert str(zone_named(" Asia/Tehran ")) == "Asia/Tehran"
    for odd in ("Mars/Olympus", "x" * 300, "../../etc/passwd", "/etc/localtime", "", None, 42):
        assert zone_named(odd) is None, odd
    assert str(zone_or_utc("x" * 300)) == "UTC"
    assert str(zone_or_utc("Europe/Berlin")) == "Europe/Berlin"


def test_a_zone_whose_name_holds_an_escaped_colon_is_found_by_its_parameter() -> None:
    # the property is TEXT ("My\:Zone" reads "My:Zone"), the parameter is not
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:My\\:Zone\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0500\r\n"
        "TZOFFSETTO:+0500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        'DTSTAMP:20260101T000000Z\r\nDTSTART;TZID="My\\:Zone":20260301T100000\r\n'
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert facts_of(parse_calendar_object(body))["start"] == "2026-03-01T10:00:00+05:00"
