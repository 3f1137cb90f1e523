"""The free slots of a booking link: where a meeting of the link's length fits the owner's
availability (televent/domain/availability.py) and busy time.

`free_slots` decides:

- The window is clipped to [max(start, now + min_notice), min(end, now + horizon_days)]; a slot
  must start inside the clipped window (the end excluded) and lie wholly inside one open
  interval of the availability. Intervals are the merged ones, so a slot may cross local
  midnight where a range ending 24:00 meets the next day's 00:00.
- A slot must not `clash` with time already held: the owner's busy time from their calendars
  (events keep no buffers of their own) and their active bookings (each keeps its own link's
  buffers). Two meetings clash when they overlap or the gap between them is shorter than a
  buffer lying in it: the earlier one's buffer after, or the later one's buffer before
  (touching is fine without buffers: busy ending 10:00 allows a slot at 10:00). The buffers
  may reach outside the open interval. This is one rule, `blocked_span`: the slot listing
  here keeps candidates out of those spans, and the Schedule aggregate (domain/schedule.py)
  decides a booking with `clash`, which asks it too; so a slot offered is a slot that books.
- Slots start on step marks: local wall times (the owner's zone) that are multiples of the step
  counted from local midnight (step 15: :00 :15 :30 :45, also on a daylight-saving day; a wall
  time the fall-back repeats is a mark both times). Within an open interval the first
  candidate is the first mark at or after the later of the interval's start and the window's
  start; after a slot is placed, the next candidate is the first mark at or after its end, so
  slots never overlap; a candidate blocked by busy time moves to the next mark. A slot lasts
  exactly `duration_minutes` real minutes (UTC arithmetic), whatever the wall clock does.
- `max_per_day`: an owner-local date on which `booked_starts` already holds that many starts
  gets no slots (slots are offers, they do not count).
- Work is bounded: a clipped window longer than `MAX_WINDOW_DAYS` is refused, and at most
  `MAX_SLOTS` slots are returned (the earliest).

Pure: no clock, no I/O; `now` and every moment are passed in (aware datetimes, any zone). The
busy time is sorted and merged once and walked with an index, so the cost grows with the
number of slots and busy intervals, not their product.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from televent.domain.availability import Availability
from televent.domain.errors import DomainError
from televent.domain.preferences import local_instant

MAX_WINDOW_DAYS = 100
MAX_SLOTS = 2000

_DAY_SECONDS = 86400
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Held:
    """A meeting with the free time it keeps around it: a booking (its link's buffers) or an
    event of the owner's calendars (none)."""

    start: dt.datetime
    end: dt.datetime
    before_minutes: int = 0  # kept free before `start`
    after_minutes: int = 0  # kept free after `end`


def clash(one: Held, other: Held) -> bool:
    """Whether two meetings cannot both be held: they overlap, or the gap between them is
    shorter than the earlier one's buffer after or the later one's buffer before (in either
    order: the rule is symmetric)."""
    low, high = blocked_span(other, one.before_minutes, one.after_minutes)
    return one.start < high and low < one.end


def blocked_span(
    held: Held, before_minutes: int, after_minutes: int
) -> tuple[dt.datetime, dt.datetime]:
    """Where a meeting with these buffers may not lie because of `held` (`clash`): `held`
    widened at each end by the larger of the two buffers that would meet there."""
    return (
        held.start - dt.timedelta(minutes=max(after_minutes, held.before_minutes)),
        held.end + dt.timedelta(minutes=max(before_minutes, held.after_minutes)),
    )


@dataclass(frozen=True)
class SlotRules:
    """How a booking link cuts availability into slots (validated by the link, not here).

    - `duration_minutes`: the meeting's length (5..720);
    - `step_minutes`: the grid of starts from local midnight (None: the duration);
    - `buffer_before_minutes` / `buffer_after_minutes`: free time kept around a slot;
    - `min_notice_minutes`: how soon after `now` the first slot may start;
    - `horizon_days`: how far after `now` the last slot may start;
    - `max_per_day`: bookings of this link per owner-local day (None: no cap).
    """

    duration_minutes: int
    step_minutes: int | None = None
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    min_notice_minutes: int = 0
    horizon_days: int = 60
    max_per_day: int | None = None


def free_slots(
    availability: Availability,
    rules: SlotRules,
    *,
    busy: Sequence[tuple[dt.datetime, dt.datetime]],
    bookings: Sequence[Held] = (),
    booked_starts: Sequence[dt.datetime] = (),
    now: dt.datetime,
    start: dt.datetime,
    end: dt.datetime,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The bookable (start, end) slots in [start, end) as aware UTC datetimes, sorted (the
    rules are in the module docstring). `busy` is the owner's busy time from all calendars
    (bookings' events included), in any order, possibly overlapping; `bookings` are the owner's
    active bookings of every link, with their buffers; `booked_starts` are the starts of this
    link's active bookings, for `max_per_day`."""
    for moment in (now, start, end):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise DomainError("Moments are aware datetimes (with a time zone).")
    window_start = max(start, now + dt.timedelta(minutes=rules.min_notice_minutes))
    window_end = min(end, now + dt.timedelta(days=rules.horizon_days))
    window_start, window_end = window_start.astimezone(dt.UTC), window_end.astimezone(dt.UTC)
    if window_end - window_start > dt.timedelta(days=MAX_WINDOW_DAYS):
        raise DomainError(f"Ask for slots at most {MAX_WINDOW_DAYS} days at a time.").worded(
            "refusal-booking-window", count=MAX_WINDOW_DAYS
        )
    if window_end <= window_start:
        return []
    zone = availability.zone
    duration = dt.timedelta(minutes=rules.duration_minutes)
    grid = _Grid(zone, rules.step_minutes or rules.duration_minutes)
    # Where no slot may lie (`clash` with each held meeting), merged: a candidate is free when
    # it overlaps none of these spans.
    held = [Held(low, high) for low, high in busy] + list(bookings)
    held = [h for h in held if h.end > h.start]  # an instant holds no time
    blocked_starts, blocked_ends = _merged(
        [blocked_span(h, rules.buffer_before_minutes, rules.buffer_after_minutes) for h in held]
    )
    cap = rules.max_per_day
    per_day = Counter(moment.astimezone(zone).date() for moment in booked_starts)

    slots: list[tuple[dt.datetime, dt.datetime]] = []
    index = 0
    for low, high in availability.open_intervals(window_start, window_end + duration):
        candidate = grid.next_mark(low)
        while candidate < window_end and candidate + duration <= high:
            if cap is not None:
                day = candidate.astimezone(zone).date()
                if per_day[day] >= cap:
                    next_day = local_instant(day + dt.timedelta(days=1), dt.time(0), zone)
                    candidate = grid.next_mark(next_day)
                    continue
            index = bisect.bisect_right(blocked_ends, candidate, lo=index)
            if index < len(blocked_starts) and blocked_starts[index] < candidate + duration:
                candidate = grid.next_mark(blocked_ends[index])
                continue
            slots.append((candidate, candidate + duration))
            if len(slots) >= MAX_SLOTS:
                return slots
            candidate = grid.next_mark(candidate + duration)
    return slots


def _merged(
    busy: Sequence[tuple[dt.datetime, dt.datetime]],
) -> tuple[list[dt.datetime], list[dt.datetime]]:
    """Busy time as disjoint sorted intervals (starts, ends), in UTC; empty ones dropped."""
    spans = sorted((s.astimezone(dt.UTC), e.astimezone(dt.UTC)) for s, e in busy if e > s)
    starts: list[dt.datetime] = []
    ends: list[dt.datetime] = []
    for low, high in spans:
        if ends and low <= ends[-1]:
            ends[-1] = max(ends[-1], high)
        else:
            starts.append(low)
            ends.append(high)
    return starts, ends


class _Grid:
    """The step marks of a zone: instants whose local wall time is a multiple of the step
    counted from local midnight."""

    def __init__(self, zone: dt.tzinfo, step_minutes: int) -> None:
        self.zone = zone
        self.step = dt.timedelta(minutes=step_minutes)

    def next_mark(self, moment: dt.datetime) -> dt.datetime:
        """The first mark at or after `moment` (UTC)."""
        local = moment.astimezone(self.zone)
        since_midnight = dt.timedelta(
            hours=local.hour,
            minutes=local.minute,
            seconds=local.second,
            microseconds=local.microsecond,
        )
        rest = since_midnight % self.step
        if not rest:
            return moment
        delta = min(self.step - rest, dt.timedelta(seconds=_DAY_SECONDS) - since_midnight)
        mark = moment + delta
        if mark.astimezone(self.zone).utcoffset() == local.utcoffset():
            return mark
        # The offset changes before that mark: the grid continues with the new offset.
        return self.next_mark(self._change_after(moment, mark))

    def _change_after(self, low: dt.datetime, high: dt.datetime) -> dt.datetime:
        """The instant in (low, high] where the zone's offset changes from low's (whole
        seconds)."""
        offset = low.astimezone(self.zone).utcoffset()
        lo = math.floor((low - _EPOCH).total_seconds())
        hi = math.ceil((high - _EPOCH).total_seconds())
        while hi - lo > 1:
            middle = (lo + hi) // 2
            if (_EPOCH + dt.timedelta(seconds=middle)).astimezone(self.zone).utcoffset() == offset:
                lo = middle
            else:
                hi = middle
        return _EPOCH + dt.timedelta(seconds=hi)
