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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from dateutil.rrule import rrule

MAX_IDLE = 1200
MAX_STEPS = 4800


class WalkBoundError(Exception):
    """The walk passed `idle` steps without an instance, or `MAX_STEPS` in all: raised by
    iterating a `bounded` rule (`walk` ends there instead)."""


class _BoundedRule(rrule):
    """A dateutil rule whose iteration stops after `idle` steps without an instance."""

    def __init__(self, idle: int, **kwargs: Any) -> None:
        self._idle_limit = idle
        self._idle = self._steps = 0
        super().__init__(**kwargs)
        self._idle = self._steps = 0

    @property
    def _bynweekday(self) -> Any:
        self._idle += 1
        self._steps += 1
        if self._idle > self._idle_limit or self._steps > MAX_STEPS:
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


def bounded(rule: rrule, idle: int = MAX_IDLE) -> rrule:
    """A copy of a dateutil rule whose walks stop after `idle` steps without an instance
    (iterate it; the copy keeps no cache)."""
    given: Any = rule  # dateutil's own attributes, as its `rrule.replace` reads them
    kwargs: dict[str, Any] = {
        "interval": given._interval,
        "count": given._count,
        "dtstart": given._dtstart,
        "freq": given._freq,
        "until": given._until,
        "wkst": given._wkst,
        "cache": False,
    }
    kwargs.update(given._original_rule)
    return _BoundedRule(idle, **kwargs)


def rule_interval(parts: Mapping[str, str]) -> int | None:
    """A rule's INTERVAL from its upper-case parts (1 without one); None when it is not a
    whole number of at least 1, which RFC 5545 §3.3.10 asks for (dateutil walks INTERVAL=0
    in place: callers refuse such a rule, or leave it to the bounded expansion)."""
    interval = parts.get("INTERVAL", "1").strip()
    if not (interval.isascii() and interval.isdigit()) or int(interval) < 1:
        return None
    return int(interval)


def walk(rule: Any, idle: int = MAX_IDLE) -> Iterator[Any]:
    """The instances of a dateutil rule (or rule set) in time order, with bounded work: a
    plain rule stops after `idle` steps without an instance, or `MAX_STEPS` in all."""
    steps = iter(bounded(rule, idle)) if isinstance(rule, rrule) else iter(rule)
    while True:
        try:
            moment = next(steps)
        except (StopIteration, WalkBoundError):
            return
        yield moment
