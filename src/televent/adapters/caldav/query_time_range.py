"""The time-range overlap rules of RFC 4791 §9.9.

One test per component type, following the overlap table for VEVENT, VTODO, VJOURNAL,
VFREEBUSY and VALARM (with its trigger repetitions), applied to every instance of the
component; `_INSTANCE_TESTS` holds the per-instance tests the other modules share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeAlias

from televent.adapters.caldav.query_compile import _TimeRange
from televent.adapters.caldav.query_instances import (
    _event_end,
    _instance_end,
    _instance_starts,
    _Scope,
)
from televent.adapters.caldav.query_values import (
    _ONE_DAY,
    _ZERO,
    _add,
    _duration,
    _Moment,
    _period_bounds,
    _prop_values,
    _props,
    _safe_add,
    _shift,
    _shift_bound,
    _utc,
    _value,
)

# Safety limit: repetitions of one alarm.
_MAX_REPEAT = 1000


def _overlaps(component: Any, parent: Any, time_range: _TimeRange, scope: _Scope) -> bool:
    name = component.name
    if name == "VALARM":
        return parent is not None and _alarm_overlaps(component, parent, time_range, scope)
    if name == "VFREEBUSY":
        return _freebusy_overlaps(component, time_range, scope.tz)
    test = _INSTANCE_TESTS.get(name)
    if test is None:
        return False
    return any(
        test(component, moment, time_range, scope.tz)
        for moment in _instance_starts(component, scope, time_range.start, time_range.end)
    )


def _event_overlaps(
    component: Any, moment: _Moment | None, time_range: _TimeRange, tz: dt.tzinfo
) -> bool:
    """The VEVENT table: a DTEND or positive length overlaps, a zero length is a point."""
    if moment is None:
        return False
    begin = _utc(moment, tz)
    finish = _event_end(component, moment, tz)
    if finish > begin or _value(component, "DTEND") is not None:
        return time_range.lo < finish and time_range.hi > begin
    return time_range.lo <= begin < time_range.hi


def _todo_overlaps(
    component: Any, moment: _Moment | None, time_range: _TimeRange, tz: dt.tzinfo
) -> bool:
    """The VTODO table, row by row (DTSTART, DURATION, DUE, COMPLETED, CREATED)."""
    lo, hi = time_range.lo, time_range.hi
    dtstart, due = _value(component, "DTSTART"), _value(component, "DUE")
    if dtstart is None or moment is None:
        if due is not None:
            deadline = _utc(due if moment is None else moment, tz)
            return lo < deadline <= hi
        return _undated_todo_overlaps(component, time_range, tz)
    begin = _utc(moment, tz)
    if due is not None:
        deadline = _utc(_shift(due, dtstart, moment, tz), tz)
        return (lo < deadline or lo <= begin) and (hi > begin or hi >= deadline)
    duration = _duration(component)
    if duration is not None:
        finish = _add(moment, duration, tz)
        return lo <= finish and (hi > begin or hi >= finish)
    return lo <= begin < hi


def _undated_todo_overlaps(component: Any, time_range: _TimeRange, tz: dt.tzinfo) -> bool:
    """The VTODO rows without DTSTART and DUE: COMPLETED and CREATED, else always."""
    lo, hi = time_range.lo, time_range.hi
    completed, created = _value(component, "COMPLETED"), _value(component, "CREATED")
    if completed is not None and created is not None:
        done, made = _utc(completed, tz), _utc(created, tz)
        return (lo <= made or lo <= done) and (hi >= made or hi >= done)
    if completed is not None:
        return lo <= _utc(completed, tz) <= hi
    if created is not None:
        return hi > _utc(created, tz)
    return True


def _journal_overlaps(
    component: Any, moment: _Moment | None, time_range: _TimeRange, tz: dt.tzinfo
) -> bool:
    """The VJOURNAL table: a DATE-TIME is a point, a DATE its whole day, none is FALSE."""
    del component  # the table depends on DTSTART alone
    if moment is None:
        return False
    begin = _utc(moment, tz)
    if isinstance(moment, dt.datetime):
        return time_range.lo <= begin < time_range.hi
    return time_range.lo < _utc(moment + _ONE_DAY, tz) and time_range.hi > begin


def _freebusy_overlaps(component: Any, time_range: _TimeRange, tz: dt.tzinfo) -> bool:
    """The VFREEBUSY table: DTSTART/DTEND when both are there, otherwise FREEBUSY periods."""
    begin, finish = _value(component, "DTSTART"), _value(component, "DTEND")
    if begin is not None and finish is not None:
        return time_range.lo <= _utc(finish, tz) and time_range.hi > _utc(begin, tz)
    for prop in _props(component, "FREEBUSY"):
        for value in _prop_values(prop):
            if isinstance(value, tuple):
                period_start, period_end = _period_bounds(value, tz)
                if time_range.lo < period_end and time_range.hi > period_start:
                    return True
    return False


def _alarm_overlaps(alarm: Any, parent: Any, time_range: _TimeRange, scope: _Scope) -> bool:
    """A trigger (or repetition) of the alarm, for any instance of its parent, is in range."""
    trigger = next(iter(_props(alarm, "TRIGGER")), None)
    value = getattr(trigger, "dt", None)
    repeats = _repeat_offsets(alarm)
    if isinstance(value, dt.date):  # an absolute trigger
        fixed = _utc(value, scope.tz)
        return any(_in_range(_safe_add(fixed, r), time_range) for r in repeats)
    if not isinstance(value, dt.timedelta):
        return False
    related = str(getattr(trigger, "params", {}).get("RELATED", "START")).upper()
    lo = _shift_bound(time_range.start, -value - repeats[-1])
    hi = _shift_bound(time_range.end, -value)
    for moment in _instance_starts(parent, scope, lo, hi):
        if moment is None:
            continue
        base = (
            _instance_end(parent, moment, scope.tz) if related == "END" else _utc(moment, scope.tz)
        )
        if base is not None and any(
            _in_range(_safe_add(base, value + r), time_range) for r in repeats
        ):
            return True
    return False


def _repeat_offsets(alarm: Any) -> list[dt.timedelta]:
    """Offsets of the alarm's trigger and its REPEAT repetitions, DURATION apart."""
    try:
        count = int(alarm.get("REPEAT", 0))
    except (TypeError, ValueError):
        count = 0
    interval = _duration(alarm)
    if count <= 0 or interval is None or interval <= _ZERO:
        return [_ZERO]
    return [interval * k for k in range(min(count, _MAX_REPEAT) + 1)]


def _in_range(moment: dt.datetime, time_range: _TimeRange) -> bool:
    return time_range.lo <= moment < time_range.hi


_InstanceTest: TypeAlias = Callable[[Any, _Moment | None, _TimeRange, dt.tzinfo], bool]
_INSTANCE_TESTS: dict[str, _InstanceTest] = {
    "VEVENT": _event_overlaps,
    "VTODO": _todo_overlaps,
    "VJOURNAL": _journal_overlaps,
}
