"""The slot listing and the Schedule aggregate's booking decision agree (domain/slots.py,
domain/schedule.py): every slot `free_slots` offers around existing bookings (each with its own
link's buffers before and after) and other busy time is one the schedule books, and `clash`,
the rule both follow, is symmetric."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st

from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from televent.domain.schedule import Schedule, utc_text
from televent.domain.slots import Held, clash, free_slots

MONDAY = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin
MINUTE = dt.timedelta(minutes=1)
BUFFERS = [0, 5, 10, 15, 20, 30, 45, 60]

buffers = st.sampled_from(BUFFERS)
link_settings = st.fixed_dictionaries(
    {
        "duration_minutes": st.sampled_from([15, 20, 30, 45, 60, 90]),
        "step_minutes": st.sampled_from([None, 5, 15, 30]),
        "buffer_before_minutes": buffers,
        "buffer_after_minutes": buffers,
    }
)


def _booking(slug: str, start: dt.datetime, minutes: int) -> dict[str, Any]:
    end = start + minutes * MINUTE
    return {
        "booking_id": uuid4().hex,
        "slug": slug,
        "start": utc_text(start),
        "end": utc_text(end),
        "guard_start": utc_text(start),
        "guard_end": utc_text(end),
        "day": start.date().isoformat(),
    }


@settings(max_examples=300, deadline=None)
@given(
    links=st.lists(link_settings, min_size=1, max_size=3),
    existing=st.lists(
        st.tuples(st.integers(0, 2), st.integers(-90, 480), st.sampled_from([15, 30, 60])),
        max_size=5,
    ),
    busy=st.lists(st.tuples(st.integers(-90, 480), st.integers(5, 120)), max_size=4),
)
def test_every_offered_slot_is_one_the_schedule_books(
    links: list[dict[str, Any]],
    existing: list[tuple[int, int, int]],
    busy: list[tuple[int, int]],
) -> None:
    schedule = Schedule(account_id=uuid4(), actor="t", source="test")
    made = [
        BookingLink.from_json({"slug": f"link-{i}", "title": "Chat", **given})
        for i, given in enumerate(links)
    ]
    for link in made:
        schedule.add_link(link, actor="t", source="test")
    held: list[Held] = []
    for which, offset, minutes in existing:
        link = made[which % len(made)]
        booking = _booking(link.slug, MONDAY + offset * MINUTE, minutes)
        start = dt.datetime.fromisoformat(booking["start"])
        end = dt.datetime.fromisoformat(booking["end"])
        wanted = Held(start, end, link.buffer_before_minutes, link.buffer_after_minutes)
        if any(clash(wanted, other) for other in held):
            continue  # the schedule holds no two clashing bookings
        schedule.book(booking=booking, actor="t", source="test")
        held.append(wanted)
    spans = [(MONDAY + m * MINUTE, MONDAY + (m + n) * MINUTE) for m, n in busy]
    link = made[0]
    offered = free_slots(
        Availability.default("Europe/Berlin"),
        link.rules(),
        busy=spans + [(h.start, h.end) for h in held],
        bookings=held,
        now=MONDAY - dt.timedelta(days=1),
        start=MONDAY - dt.timedelta(hours=2),
        end=MONDAY + dt.timedelta(hours=10),
    )
    for start, end in offered:
        for low, high in spans:
            assert end <= low or high <= start, "a slot over busy time"
        trial = copy.deepcopy(schedule)
        trial.book(booking=_booking(link.slug, start, link.duration_minutes), actor="t", source="t")


@given(
    st.tuples(st.integers(0, 600), st.integers(5, 120), buffers, buffers),
    st.tuples(st.integers(0, 600), st.integers(5, 120), buffers, buffers),
)
def test_clash_is_symmetric_and_keeps_each_buffer(
    one: tuple[int, int, int, int], other: tuple[int, int, int, int]
) -> None:
    def held(start: int, minutes: int, before: int, after: int) -> Held:
        return Held(MONDAY + start * MINUTE, MONDAY + (start + minutes) * MINUTE, before, after)

    first, second = held(*one), held(*other)
    assert clash(first, second) == clash(second, first)
    earlier, later = sorted((first, second), key=lambda h: h.start)
    gap = later.start - earlier.end
    expected = gap < max(earlier.after_minutes, later.before_minutes) * MINUTE
    assert clash(first, second) == expected
