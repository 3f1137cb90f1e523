"""The one name of an instance (RECURRENCE-ID), domain/zones.instance_key."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from televent.domain.zones import instance_key, series_instance_key


def test_equal_instants_have_one_name_however_the_zone_is_written() -> None:
    berlin = dt.datetime(2026, 3, 2, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    assert instance_key(berlin) == instance_key(berlin.astimezone(dt.UTC))
    assert instance_key(dt.date(2026, 3, 2)) == "2026-03-02"


def test_an_instant_at_the_edge_of_the_calendar_is_named_as_written() -> None:
    # Year 1 at 00:30 in Tokyo is before the first instant Python can hold in UTC: a PUT with
    # such a RECURRENCE-ID was a 500 (OverflowError) instead of being stored or refused.
    edge = dt.datetime(1, 1, 1, 0, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert instance_key(edge).startswith("0001-01-01T00:30:00")


def test_an_override_written_in_another_form_names_the_occurrence_at_its_local_time() -> None:
    """A RECURRENCE-ID read in the form of its series' start (as the expansion library matches
    them): zoned in a floating series, floating in a zoned one; alike forms as instants."""
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    floating_start = dt.datetime(2026, 3, 2, 9, 30)
    zoned_start = dt.datetime(2026, 3, 2, 9, 30, tzinfo=berlin)
    zoned_rid = dt.datetime(2026, 3, 9, 9, 30, tzinfo=berlin)
    floating_rid = dt.datetime(2026, 3, 9, 9, 30)
    assert series_instance_key(zoned_rid, floating_start) == instance_key(floating_rid)
    assert series_instance_key(floating_rid, zoned_start) == instance_key(zoned_rid)
    assert series_instance_key(zoned_rid.astimezone(dt.UTC), zoned_start) == instance_key(zoned_rid)
    assert series_instance_key(dt.date(2026, 3, 9), dt.date(2026, 3, 2)) == "2026-03-09"
