"""Walking a recurrence rule (RFC 5545 §3.3.10) with bounded work.

dateutil walks a rule period by period from DTSTART until it finds an instance, and gives up
only at the year 9999: a rule that never matches (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) costs
seconds inside one step, which no count of instances can bound. Here a walk also stops when
`MAX_IDLE` steps pass without an instance: a step is a calendar month for daily and finer rules,
one period for monthly and yearly ones (two when BYDAY has ordinals, as `5MO`). Ordinary rules
never come near it: the sparsest real series (a 29 February that falls on a Monday) has gaps
of 40 years, 480 months, where 1200 steps are allowed; a never-matching daily rule then costs
about a tenth of a second instead of seconds. A walk also ends after `MAX_STEPS` steps in all
(400 years of months), so a sparse daily rule read over the whole calendar costs a bounded
amount too; what lies beyond is left out, as beyond the other bounds of `occurrences`.

dateutil reads `_bynweekday` once each time its iteration moves to another month (or period),
which is where the count is kept: a private detail of dateutil, tested in
tests/unit/domain/test_write_checks.py.

dateutil walks a rule from its DTSTART, so an old series costs its age before its window:
`started_near` gives the later DTSTART from which a rule without COUNT has the same instances
in a window. The occurrence index and the expansion both start their walks there, so they list
the same instances of an old series (an hourly one of the year 1 costs its window, not 17
million hours).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from dateutil.rrule import rrule, rrulestr

MAX_IDLE = 1200
MAX_STEPS = 4800
# A rule that began less long before a window is walked from its DTSTART.
NEAR = dt.timedelta(days=60)
_PERIODS = {"DAILY": 1, "WEEKLY": 7}  # a period's days
_FINE = {"HOURLY": 3600, "MINUTELY": 60, "SECONDLY": 1}  # a period's seconds of wall clock


class WalkBoundError(Exception):
    """The walk passed `idle` steps without an instance, or `MAX_STEPS` in all: raised by
    iterating a `bounded` rule (`walk` ends there instead)."""


class StepsSpentError(WalkBoundError):
    """The walk took `MAX_STEPS` steps in all: the rule may have instances after them, which
    a walk started later finds (an idle walk found none for a century: the rule's end)."""


class _BoundedRule(rrule):
    """A dateutil rule whose iteration stops after `idle` steps without an instance, or
    `most` steps in all."""

    def __init__(self, idle: int, most: int = MAX_STEPS, **kwargs: Any) -> None:
        # dateutil reads the BYDAY values while it builds the rule: no step of a walk yet
        self._idle_limit = self._most = sys.maxsize
        self._idle = self._steps = 0
        super().__init__(**kwargs)
        self._idle_limit, self._most = idle, most
        self._idle = self._steps = 0

    @property
    def _bynweekday(self) -> Any:
        self._idle += 1
        self._steps += 1
        if self._steps > self._most:
            raise StepsSpentError
        if self._idle > self._idle_limit:
            raise WalkBoundError
        return self._bynweekday_value

    @_bynweekday.setter
    def _bynweekday(self, value: Any) -> None:
        self._bynweekday_value = value

    def _iter(self) -> Iterator[dt.datetime]:
        self._idle = self._steps = 0
        for moment in super()._iter():  # type: ignore[misc]
            self._idle = 0
            yield moment


def bounded(
    rule: rrule, idle: int = MAX_IDLE, start: dt.datetime | None = None, most: int = MAX_STEPS
) -> rrule:
    """A copy of a dateutil rule whose walks stop after `idle` steps without an instance, or
    `most` in all (iterate it; the copy keeps no cache), started at `start` instead of its
    DTSTART when given (BYxxx parts the rule takes from its DTSTART are taken from `start`)."""
    given: Any = rule  # dateutil's own attributes, as its `rrule.replace` reads them
    kwargs: dict[str, Any] = {
        "interval": given._interval,
        "count": given._count,
        "dtstart": given._dtstart if start is None else start,
        "freq": given._freq,
        "until": given._until,
        "wkst": given._wkst,
        "cache": False,
    }
    kwargs.update(given._original_rule)
    return _BoundedRule(idle, most, **kwargs)


def first_instances(
    rule: rrule, count: int, most: int, before: dt.datetime | None = None
) -> tuple[list[dt.datetime], int]:
    """Up to `count` first instances of a rule (those before `before` when given), walked
    with at most `most` steps in all (and `MAX_IDLE` without an instance), and the steps
    taken: more than `most` when the walk stopped there, before its end or its `count`-th
    instance."""
    steps = bounded(rule, most=most)
    found: list[dt.datetime] = []
    try:
        for moment in steps:
            if before is not None and moment >= before:
                break
            found.append(moment)
            if len(found) >= count:
                break
    except StepsSpentError:
        return found, most + 1
    except WalkBoundError:
        pass
    walked: int = steps._steps  # type: ignore[attr-defined]
    return found, walked


def trial_rule(
    parts: Mapping[str, str], start: dt.date | dt.datetime, *, keep_ends: bool = False
) -> rrule:
    """A rule's dateutil walk from `start` (a naive wall clock; a date at its midnight), for a
    write's trial: without its UNTIL and COUNT, to see that the rule applies at all, or with
    them when `keep_ends` (UNTIL read as a wall clock, as dateutil reads a zone's rules).
    Raises ValueError (and its kin) for parts dateutil cannot read."""
    if not isinstance(start, dt.datetime):
        start = dt.datetime(start.year, start.month, start.day)
    kept = [(k, v) for k, v in parts.items() if keep_ends or k not in ("UNTIL", "COUNT")]
    pattern = ";".join(f"{k}={v}" for k, v in kept)
    found = rrulestr(f"RRULE:{pattern}", dtstart=start.replace(tzinfo=None), ignoretz=keep_ends)
    if not isinstance(found, rrule):
        raise ValueError(f"{pattern!r} is not one rule.")
    return found


def rule_interval(parts: Mapping[str, str]) -> int | None:
    """A rule's INTERVAL from its upper-case parts (1 without one); None when it is not a
    whole number of at least 1, which RFC 5545 §3.3.10 asks for (dateutil walks INTERVAL=0
    in place: callers refuse such a rule, or leave it to the bounded expansion)."""
    interval = parts.get("INTERVAL", "1").strip()
    if not (interval.isascii() and interval.isdigit()) or int(interval) < 1:
        return None
    return int(interval)


def walk(
    rule: Any,
    idle: int = MAX_IDLE,
    start: dt.datetime | None = None,
    spent: Callable[[], None] | None = None,
) -> Iterator[Any]:
    """The instances of a dateutil rule (or rule set) in time order, with bounded work: a
    plain rule stops after `idle` steps without an instance, or `MAX_STEPS` in all (then
    `spent` is called, when given). A plain rule starts at `start` when given (see
    `started_near`). A rule of `INTERVAL=0`, refused at a write but in older logs, has
    none: dateutil would walk it in place without end."""
    if isinstance(rule, rrule) and getattr(rule, "_interval", 1) < 1:
        return  # dateutil walks INTERVAL=0 in place, for good: no instance but DTSTART's own
    steps = iter(bounded(rule, idle, start)) if isinstance(rule, rrule) else iter(rule)
    while True:
        try:
            moment = next(steps)
        except StepsSpentError:
            if spent is not None:
                spent()
            return
        except (StopIteration, WalkBoundError):
            return
        yield moment


def started_near(
    start: dt.datetime, freq: str, interval: int, low: dt.datetime, *, counted: bool
) -> dt.datetime:
    """A later DTSTART that gives a rule without COUNT the same instances from `low` on: its
    last instance-aligned period before `low`, the start moved by whole days, weeks, months or
    years (times its INTERVAL), or, for hourly and finer rules, by whole intervals of wall-clock
    time, as dateutil walks them (their only state is the position on that grid; BYxxx parts
    filter each instance or expand within one period). `start` itself for a counted rule, one
    that began less than `NEAR` before `low`, or one that cannot be moved (a monthly rule of
    the 31st). Wall-clock times compare in `start`'s zone; `low` is aware when `start` is."""
    naive_start = start.replace(tzinfo=None)
    naive_low = (low.astimezone(start.tzinfo) if start.tzinfo else low).replace(tzinfo=None)
    if counted or interval < 1 or naive_low <= naive_start + NEAR:
        return start
    moved = _moved(naive_start, freq, interval, naive_low)
    if moved is None or moved <= naive_start:
        return start
    return moved.replace(tzinfo=start.tzinfo) if start.tzinfo else moved


def _moved(start: dt.datetime, freq: str, interval: int, low: dt.datetime) -> dt.datetime | None:
    if freq in _PERIODS:
        step = _PERIODS[freq] * interval
        days = (low - start).days - 8  # a week's margin before the window
        return start + dt.timedelta(days=(days // step) * step)
    if freq in _FINE:  # by whole intervals: dateutil keeps no other state for these rules
        step = interval * _FINE[freq]
        # three days' margin: a zone's offset lies within a day either side of UTC (a zone a
        # calendar defines itself too), so an instance at or after `low`, compared in any
        # zone's time, is not two days before it on the rule's wall clock
        seconds = int((low - start).total_seconds()) - 3 * 86400
        return start + dt.timedelta(seconds=(seconds // step) * step)
    if freq not in ("MONTHLY", "YEARLY"):
        return None
    step = interval * (1 if freq == "MONTHLY" else 12)
    months = (low.year - start.year) * 12 + low.month - start.month
    months = ((months - 13) // step) * step  # a year's margin before the window
    year, month = divmod(start.month - 1 + max(months, 0), 12)
    try:
        return start.replace(year=start.year + year, month=month + 1)
    except ValueError:  # the 31st, or the 29th of February, in a month without it
        return None
