"""Reading `/availability` lines: whatever hours are typed (with or without minutes, spaces
around the dash), the stored availability holds exactly those ranges on exactly those days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.adapters.telegram.booking_texts import parse_availability
from televent.adapters.telegram.parsing import ParseProblem
from televent.domain.availability import WEEKDAYS, Availability

TODAY = dt.date(2026, 3, 1)
BASE = Availability.default("Europe/Berlin")


@st.composite
def ranges(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Sorted, disjoint [start, end) ranges in whole minutes of one day (end up to 24:00)."""
    cuts = sorted(draw(st.sets(st.integers(0, 24 * 4), min_size=2, max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [(a * 15, b * 15) for a, b in pairs]


def typed(minutes: int, short: bool) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}" if short and rest == 0 else f"{hours:02d}:{rest:02d}"


@given(
    st.integers(0, 6),
    st.integers(0, 6),
    ranges(),
    st.booleans(),
    st.sampled_from(["-", " - ", "–"]),
)
def test_typed_hours_land_on_exactly_those_days(
    first: int, last: int, spans: list[tuple[int, int]], short: bool, dash: str
) -> None:
    first, last = min(first, last), max(first, last)
    days = WEEKDAYS[first] if first == last else f"{WEEKDAYS[first]}-{WEEKDAYS[last]}"
    text = " ".join(f"{typed(a, short)}{dash}{typed(b, short)}" for a, b in spans)
    result = parse_availability(f"{days} {text}", TODAY).applied_to(BASE, "Asia/Tokyo")
    shown = result.as_json()
    expected = [[typed(a, False), typed(b, False)] for a, b in spans]
    assert shown["timezone"] == "Asia/Tokyo"
    for index, day in enumerate(WEEKDAYS):
        if first <= index <= last:
            assert shown["weekly"][day] == expected
        else:
            assert shown["weekly"][day] == BASE.as_json()["weekly"][day]


@given(st.dates(dt.date(2026, 3, 1), dt.date(2030, 12, 31)), st.booleans())
def test_a_date_gets_its_own_hours_and_gives_them_back(day: dt.date, off: bool) -> None:
    hours = "off" if off else "10:00-14:00"
    added = parse_availability(f"{day.isoformat()} {hours}", TODAY).applied_to(BASE, BASE.timezone)
    assert added.ranges_on(day) == (() if off else ((dt.time(10), dt.time(14)),))
    back = parse_availability(f"{day.isoformat()} weekly", TODAY).applied_to(added, BASE.timezone)
    assert back == BASE


@pytest.mark.parametrize("line", ["", "mon", "mon 9to5", "someday 9-17", "2026-02-28 off"])
def test_unreadable_lines_are_problems(line: str) -> None:
    with pytest.raises(ParseProblem):
        parse_availability(line, TODAY)
