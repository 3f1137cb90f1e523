"""Zone names from people and from stored data (domain/zones.zone_named): a name the zone
database cannot hold (unknown, a path, too long to be a file name, not text) is no zone, so
every reader says so in words or falls back to UTC instead of failing."""

from __future__ import annotations

from televent.domain.zones import zone_named, zone_or_utc


def test_a_zone_name_the_database_cannot_hold_is_no_zone() -> None:
    assert str(zone_named(" Asia/Tehran ")) == "Asia/Tehran"
    for odd in ("Mars/Olympus", "x" * 300, "../../etc/passwd", "/etc/localtime", "", None, 42):
        assert zone_named(odd) is None, odd
    assert str(zone_or_utc("x" * 300)) == "UTC"
    assert str(zone_or_utc("Europe/Berlin")) == "Europe/Berlin"
