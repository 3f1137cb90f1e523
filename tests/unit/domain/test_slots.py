"""Free slots of a booking link (televent/domain/slots.py): the slots a visitor is offered around
busy time, buffers, notice, horizon and the daily cap, on the owner's local step grid, also
across daylight-saving changes (checked against an independent reading of the local hours)."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections import Counter
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from televent.domain.availability import WEEKDAYS, Availability
from televent.domain.errors import DomainError
from televent.domain.slots import MAX_SLOTS, SlotRules, free_slots

UTC = dt.UTC
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
MINUTE = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)
# Monday 2 November 2026: Berlin is on winter time (+01:00).
MONDAY = dt.datetime(2026, 11, 2, tzinfo=BERLIN)


def _at(hour: int, minute: int = 0, day: dt.datetime = MONDAY) -> dt.datetime:
    return day.replace(hour=hour, minute=minute)


def _local(slots: list[tuple[dt.datetime, dt.datetime]], zone: Any = BERLIN) -> list[str]:
    return [f"{s.astimezone(zone):%a %H:%M}-{e.astimezone(zone):%H:%M}" for s, e in slots]


def _slots(
    rules: SlotRules,
    busy: list[tuple[dt.datetime, dt.datetime]] | None = None,
    availability: Availability | None = None,
    now: dt.datetime | None = None,
    start: dt.datetime = MONDAY,
    end: dt.datetime = MONDAY + DAY,
    booked: tuple[dt.datetime, ...] = (),
) -> list[tuple[dt.datetime, dt.datetime]]:
    return free_slots(
        availability or Availability.default("Europe/Berlin"),
        rules,
        busy=busy or [],
        booked_starts=booked,
        now=now or MONDAY - DAY,
        start=start,
        end=end,
    )


# --- examples -----------------------------------------------------------------------------------


def test_slots_follow_the_step_grid_without_overlapping() -> None:
    slots = _slots(SlotRules(duration_minutes=30, step_minutes=15))
    assert _local(slots)[:3] == ["Mon 09:00-09:30", "Mon 09:30-10:00", "Mon 10:00-10:30"]
    assert _local(slots)[-1] == "Mon 16:30-17:00"
    assert len(slots) == 16
    assert all(s.tzinfo is UTC for pair in slots for s in pair)
    assert slots[0] == (
        dt.datetime(2026, 11, 2, 8, tzinfo=UTC),
        dt.datetime(2026, 11, 2, 8, 30, tzinfo=UTC),
    )


def test_after_busy_time_the_next_slot_is_the_next_step_mark() -> None:
    slots = _slots(SlotRules(30, 15), busy=[(_at(9, 40), _at(10, 10))])
    assert _local(slots)[:3] == ["Mon 09:00-09:30", "Mon 10:15-10:45", "Mon 10:45-11:15"]


def test_busy_time_touching_a_slot_does_not_block_it() -> None:
    slots = _slots(SlotRules(60), busy=[(_at(8), _at(10)), (_at(11), _at(12))])
    assert _local(slots)[:2] == ["Mon 10:00-11:00", "Mon 12:00-13:00"]


def test_buffers_keep_time_free_around_a_slot_even_outside_the_hours() -> None:
    rules = SlotRules(30, 15, buffer_before_minutes=15, buffer_after_minutes=10)
    # Busy until 09:00 (before the hours start) pushes the first slot to 09:15.
    slots = _slots(rules, busy=[(_at(8), _at(9)), (_at(10, 50), _at(12))])
    assert _local(slots)[:4] == [
        "Mon 09:15-09:45",
        "Mon 09:45-10:15",
        "Mon 12:15-12:45",  # 10:15-10:45 would end 5 minutes before 10:50
        "Mon 12:45-13:15",
    ]
    # A buffer after the last slot may reach past 17:00.
    assert _local(slots)[-1] == "Mon 16:15-16:45"


def test_notice_and_horizon_clip_the_window() -> None:
    rules = SlotRules(30, min_notice_minutes=90, horizon_days=1)
    now = _at(8, 40)
    slots = _slots(rules, now=now, end=MONDAY + 7 * DAY)
    assert _local(slots)[0] == "Mon 10:30-11:00"  # 08:40 + 90 min = 10:10 → next mark 10:30
    assert all(now + dt.timedelta(minutes=90) <= s < now + DAY for s, _ in slots)
    assert _local(slots)[-1] == "Mon 16:30-17:00"  # Tuesday 09:00 is past the horizon (08:40)
    assert _slots(rules, now=_at(8, 40) + 8 * DAY, end=MONDAY + 7 * DAY) == []


def test_a_day_with_enough_bookings_gets_no_slots() -> None:
    rules = SlotRules(60, max_per_day=2)
    booked = (_at(9), _at(14), _at(23, 30))  # the last one is Monday late evening local
    slots = _slots(rules, booked=booked, end=MONDAY + 2 * DAY)
    assert {s.astimezone(BERLIN).date() for s, _ in slots} == {dt.date(2026, 11, 3)}
    assert _slots(SlotRules(60, max_per_day=3), booked=booked) == []
    assert len(_slots(SlotRules(60, max_per_day=4), booked=booked)) == 8


def test_a_slot_may_cross_local_midnight_where_24_00_meets_00_00() -> None:
    availability = Availability.from_json(
        {
            "timezone": "Europe/Berlin",
            "weekly": {"mon": [["22:00", "24:00"]], "tue": [["00:00", "02:00"]]},
        }
    )
    slots = _slots(SlotRules(90, 30), availability=availability, end=MONDAY + 2 * DAY)
    assert _local(slots) == ["Mon 22:00-23:30", "Mon 23:30-01:00"]


def test_marks_are_local_on_daylight_saving_days() -> None:
    availability = Availability.from_json(
        {"timezone": "Europe/Berlin", "weekly": {"sun": [["01:00", "04:00"]]}}
    )
    fall = dt.datetime(2026, 10, 25, tzinfo=BERLIN)
    # 01:00-04:00 on the fall-back day is four real hours; 02:00 is a mark twice.
    slots = _slots(
        SlotRules(60), availability=availability, start=fall, end=fall + DAY, now=fall - DAY
    )
    assert [f"{s.astimezone(BERLIN):%H:%M%z}" for s, _ in slots] == [
        "01:00+0200",
        "02:00+0200",
        "02:00+0100",
        "03:00+0100",
    ]
    spring = dt.datetime(2026, 3, 29, tzinfo=BERLIN)
    # 01:00-04:00 on the spring-forward day is two real hours; 02:00 and 02:30 do not exist.
    slots = _slots(
        SlotRules(45, 30),
        availability=availability,
        start=spring,
        end=spring + DAY,
        now=spring - DAY,
    )
    assert [f"{s.astimezone(BERLIN):%H:%M}-{e.astimezone(BERLIN):%H:%M}" for s, e in slots] == [
        "01:00-01:45",
        "03:00-03:45",
    ]


def test_the_grid_restarts_from_the_new_offset_after_a_change() -> None:
    availability = Availability.from_json(
        {"timezone": "Europe/Berlin", "weekly": {"sun": [["01:00", "06:00"]]}}
    )
    spring = dt.datetime(2026, 3, 29, tzinfo=BERLIN)
    # Busy until 01:50 CET: the next 45-minute mark is not "02:15" (skipped) but 03:00 CEST.
    busy = [(spring.replace(hour=1), spring.replace(hour=1, minute=50))]
    slots = _slots(
        SlotRules(45), busy, availability, start=spring, end=spring + DAY, now=spring - DAY
    )
    assert f"{slots[0][0].astimezone(BERLIN):%H:%M%z}" == "03:00+0200"
    fall = dt.datetime(2026, 10, 25, tzinfo=BERLIN)
    # Busy until 02:50 CEST: the clock goes back to 02:00 CET, the next mark is 02:15 CET.
    busy = [(fall.replace(hour=1), fall.replace(hour=2, minute=50))]
    slots = _slots(SlotRules(45), busy, availability, start=fall, end=fall + DAY, now=fall - DAY)
    assert f"{slots[0][0].astimezone(BERLIN):%H:%M%z}" == "02:15+0100"


def test_slots_in_kolkata_sit_on_local_marks() -> None:
    availability = Availability.default("Asia/Kolkata")
    monday = dt.datetime(2026, 11, 2, tzinfo=UTC)
    slots = free_slots(
        availability, SlotRules(45), busy=[], now=monday - DAY, start=monday, end=monday + DAY
    )
    kolkata = zoneinfo.ZoneInfo("Asia/Kolkata")
    assert _local(slots, kolkata)[:2] == ["Mon 09:00-09:45", "Mon 09:45-10:30"]
    assert slots[0][0] == dt.datetime(2026, 11, 2, 3, 30, tzinfo=UTC)


def test_work_is_bounded() -> None:
    always = Availability.from_json(
        {"timezone": "UTC", "weekly": {day: [["00:00", "24:00"]] for day in WEEKDAYS}}
    )
    slots = _slots(SlotRules(5), availability=always, end=MONDAY + 30 * DAY, now=MONDAY)
    assert len(slots) == MAX_SLOTS
    with pytest.raises(DomainError, match="100 days"):
        _slots(SlotRules(30, horizon_days=365), end=MONDAY + 200 * DAY, now=MONDAY)
    # The horizon clips first: a long request with a short horizon is fine.
    assert _slots(SlotRules(30, horizon_days=60), end=MONDAY + 200 * DAY, now=MONDAY)


def test_an_empty_or_reversed_window_has_no_slots() -> None:
    assert _slots(SlotRules(30), start=MONDAY + DAY, end=MONDAY) == []
    assert _slots(SlotRules(30), now=MONDAY + 2 * DAY) == []


# --- properties ---------------------------------------------------------------------------------

# Each zone with its 2026 daylight-saving dates (Kolkata has none: two ordinary Sundays).
CHANGES = {
    "Europe/Berlin": (dt.date(2026, 3, 29), dt.date(2026, 10, 25)),
    "America/New_York": (dt.date(2026, 3, 8), dt.date(2026, 11, 1)),
    "Australia/Sydney": (dt.date(2026, 4, 5), dt.date(2026, 10, 4)),
    "Asia/Kolkata": (dt.date(2026, 3, 29), dt.date(2026, 10, 25)),
}
FIVE = dt.timedelta(minutes=5)


def _hhmm(fives: int) -> str:
    return f"{fives * 5 // 60:02d}:{fives * 5 % 60:02d}"


@st.composite
def _day_ranges(draw: st.DrawFn, at_least: int = 0) -> list[list[str]]:
    """Up to four ranges on the five-minute grid (288 is 24:00)."""
    marks = sorted(draw(st.sets(st.integers(0, 288), min_size=2 * at_least, max_size=8)))
    return [[_hhmm(low), _hhmm(high)] for low, high in zip(marks[::2], marks[1::2], strict=False)]


@st.composite
def _case(draw: st.DrawFn) -> dict[str, Any]:
    timezone = draw(st.sampled_from(sorted(CHANGES)))
    zone = zoneinfo.ZoneInfo(timezone)
    change = draw(st.sampled_from(CHANGES[timezone]))
    anchor = dt.datetime.combine(change, dt.time(0), zone).astimezone(UTC)
    start = anchor - draw(st.integers(0, 48 * 60)) * MINUTE
    end = start + draw(st.integers(6 * 60, 4 * 24 * 60)) * MINUTE
    weekly = draw(st.dictionaries(st.sampled_from(WEEKDAYS), _day_ranges(1), min_size=4))
    override_days = st.integers(-3, 4).map(lambda n: (change + dt.timedelta(days=n)).isoformat())
    overrides = draw(st.dictionaries(override_days, _day_ranges(), max_size=3))
    availability = Availability.from_json(
        {
            "timezone": timezone,
            "weekly": weekly,
            "overrides": [{"date": d, "ranges": r} for d, r in overrides.items()],
        }
    )
    busy = [
        (b, b + draw(st.integers(1, 300)) * MINUTE)
        for b in draw(
            st.lists(
                st.integers(-24 * 60, 6 * 24 * 60).map(lambda m: start + m * MINUTE), max_size=12
            )
        )
    ]
    rules = SlotRules(
        duration_minutes=draw(st.integers(1, 36)) * 5,
        step_minutes=draw(st.one_of(st.none(), st.sampled_from([5, 10, 15, 20, 30, 45, 60, 90]))),
        buffer_before_minutes=draw(st.sampled_from([0, 0, 5, 15, 30, 60])),
        buffer_after_minutes=draw(st.sampled_from([0, 0, 5, 10, 30])),
        min_notice_minutes=draw(st.sampled_from([0, 0, 0, 30, 240, 1440])),
        horizon_days=draw(st.integers(1, 10)),
        max_per_day=draw(st.one_of(st.none(), st.integers(1, 3))),
    )
    booked = draw(
        st.lists(st.integers(-24 * 60, 5 * 24 * 60).map(lambda m: start + m * MINUTE), max_size=6)
    )
    now = start - draw(st.integers(-12 * 60, 3 * 24 * 60)) * MINUTE
    return {
        "zone": zone,
        "availability": availability,
        "rules": rules,
        "busy": busy,
        "booked": booked,
        "now": now,
        "start": start,
        "end": end,
    }


def _covered(
    availability: Availability, zone: Any, low: dt.datetime, high: dt.datetime
) -> list[Any]:
    """The available spans, read independently: on each local date, a range [a, b) covers from
    the first instant whose wall time is at or after a to the last instant whose wall time is
    before b (so a start in a gap is the first instant after it, a repeated end its second
    occurrence). Scanned on the five-minute grid, where every range bound and every change of
    these zones falls."""
    by_date: dict[dt.date, list[tuple[dt.datetime, int]]] = {}
    moment = low.replace(minute=low.minute - low.minute % 5, second=0, microsecond=0)
    while moment < high:
        local = moment.astimezone(zone)
        by_date.setdefault(local.date(), []).append((moment, local.hour * 60 + local.minute))
        moment += FIVE
    spans = []
    for day, points in by_date.items():
        for start, end in availability.ranges_on(day):
            a = start.hour * 60 + start.minute
            b = 1440 if end is None else end.hour * 60 + end.minute
            after = [m for m, wall in points if wall >= a]
            before = [m for m, wall in points if wall < b]
            if after and before and after[0] <= before[-1]:
                spans.append((after[0], before[-1] + FIVE))
    spans.sort()
    merged: list[list[dt.datetime]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


@settings(max_examples=200, deadline=None)
@given(_case())
def test_slots_respect_every_rule_across_daylight_saving_changes(case: dict[str, Any]) -> None:
    rules: SlotRules = case["rules"]
    zone = case["zone"]
    slots = free_slots(
        case["availability"],
        rules,
        busy=case["busy"],
        booked_starts=case["booked"],
        now=case["now"],
        start=case["start"],
        end=case["end"],
    )
    event("slots" if slots else "no slots")
    duration = dt.timedelta(minutes=rules.duration_minutes)
    before = dt.timedelta(minutes=rules.buffer_before_minutes)
    after = dt.timedelta(minutes=rules.buffer_after_minutes)
    first = max(case["start"], case["now"] + dt.timedelta(minutes=rules.min_notice_minutes))
    last = min(case["end"], case["now"] + dt.timedelta(days=rules.horizon_days))
    step = rules.step_minutes or rules.duration_minutes
    per_day = Counter(b.astimezone(zone).date() for b in case["booked"])
    covered = _covered(case["availability"], zone, case["start"] - 2 * DAY, case["end"] + 2 * DAY)

    for (_, end), (following, _) in itertools.pairwise(slots):
        assert end <= following
    for start, end in slots:
        assert start.tzinfo is UTC and end.tzinfo is UTC
        assert end - start == duration
        assert first <= start < last
        for busy_start, busy_end in case["busy"]:
            assert not (start - before < busy_end and busy_start < end + after)
        local = start.astimezone(zone)
        assert local.second == 0 and local.microsecond == 0
        assert (local.hour * 60 + local.minute) % step == 0
        if rules.max_per_day is not None:
            assert per_day[local.date()] < rules.max_per_day
        assert any(s <= start and end <= e for s, e in covered), (start, end, covered)

    # Nothing in the way: every long enough stretch of free time in the window offers a slot.
    if not case["busy"] and rules.max_per_day is None:
        slack = dt.timedelta(minutes=step + 60)  # the next mark, one skipped hour at most
        for span_start, high in covered:
            low = max(span_start, first)
            if low + slack < last and high - low >= slack + duration:
                assert any(low <= s < high for s, _ in slots), (low, high)
