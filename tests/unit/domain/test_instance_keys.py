"""The one name of an instance (RECURRENCE-ID), domain/zones.instance_key."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from televent.domain.zones import instance_key


def test_equal_instants_have_one_name_however_the_zone_is_written() -> None:
    berlin = dt.datetime(2026, 3, 2, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    assert instance_key(berlin) == instance_key(berlin.astimezone(dt.UTC))
    assert instance_key(dt.date(2026, 3, 2)) == "2026-03-02"


def test_an_instant_at_the_edge_of_the_calendar_is_named_as_written() -> None:
    # Year 1 at 00:30 in Tokyo is before the first instant Python can hold in UTC: a PUT with
    # such a RECURRENCE-ID was a 500 (OverflowError) instead of being stored or refused.
    edge = dt.datetime(1, 1, 1, 0, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert instance_key(edge).startswith("0001-01-01T00:30:00")
