"""The instances a component stands for (RFC 4791 §9.9, RFC 5545 §3.8.5).

A recurring master yields its expanded instances (RRULE, RDATE, minus EXDATE and minus the
instances a RECURRENCE-ID override replaces), read through `domain.occurrences` (lazy and
bounded) in widening windows and capped at `MAX_INSTANCES`; any other component yields its own
anchor. Also the end
of an instance, which the §9.9 overlap tables, alarms and free-busy (§7.10) depend on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from televent.adapters.caldav.query_values import (
    _MIN,
    _ONE_DAY,
    _UTC,
    _ZERO,
    _add,
    _duration,
    _Moment,
    _period_bounds,
    _prop_values,
    _props,
    _safe_add,
    _shift,
    _utc,
    _value,
)
from televent.domain.occurrences import EXPANSION_ERRORS, Occurrences
from televent.domain.zones import in_series_form

# Windows handed to the expansion library are widened by this much: it reads floating times and
# dates as UTC, while they may sit up to 14 hours away; the exact §9.9 test runs afterwards.
_SLACK = dt.timedelta(days=2)
_FIRST_WINDOW = dt.timedelta(days=31)
_HORIZON = dt.datetime(9000, 1, 1, tzinfo=_UTC)
# Safety limit: instances read per component and query.
MAX_INSTANCES = 20_000


@dataclass
class _Scope:
    """One resource under evaluation: its calendar, the floating zone, cached expansions."""

    calendar: Any
    tz: dt.tzinfo
    queries: dict[str, Occurrences] = field(default_factory=dict)


def _instance_starts(
    component: Any, scope: _Scope, lo: dt.datetime | None, hi: dt.datetime | None
) -> Iterator[_Moment | None]:
    """The start of each instance the component itself stands for, near ``[lo, hi)``.

    A recurring master yields its expanded instances (RRULE, RDATE, minus EXDATE and minus
    the instances an override replaces); any other component its own anchor (DTSTART, or DUE
    for a VTODO without DTSTART), None when it has neither. Callers apply the exact test.
    """
    anchor = _anchor(component)
    if anchor is None or not _recurs(component):
        yield anchor
        return
    starts = _expanded_starts(component, scope, lo, hi)
    while True:
        try:
            moment = next(starts)
        except StopIteration:
            return
        except EXPANSION_ERRORS:
            yield anchor  # the series cannot be expanded: read it as its first instance alone
            return
        yield moment


def _expanded_starts(
    component: Any, scope: _Scope, lo: dt.datetime | None, hi: dt.datetime | None
) -> Iterator[_Moment]:
    query = scope.queries.get(component.name)
    if query is None:
        query = Occurrences(scope.calendar, [component.name], x_wr_timezone=False)
        scope.queries[component.name] = query
    uid = str(component.get("UID", ""))
    overridden = _override_keys(scope.calendar, component.name, uid, _anchor(component))
    seen: set[str] = set()
    for window_start, window_end in _windows(component, scope.tz, lo, hi):
        limit = MAX_INSTANCES - len(seen) + len(overridden)
        for occurrence in query.between(window_start, window_end, uid=uid, limit=limit):
            key = _instance_key(occurrence["RECURRENCE-ID"].dt)
            if key in overridden or key in seen:
                continue
            seen.add(key)
            yield occurrence["DTSTART"].dt
            if len(seen) >= MAX_INSTANCES:
                return


def _windows(
    component: Any, tz: dt.tzinfo, lo: dt.datetime | None, hi: dt.datetime | None
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Query windows from ``lo`` (or the series' first instance) to ``hi``, doubling in size,
    so a match near the start is found without expanding the whole range."""
    first = _safe_add(_series_begin(component, tz), -_SLACK)
    cursor = first if lo is None else max(_safe_add(lo, -_SLACK), first)
    stop = _HORIZON if hi is None else min(_safe_add(hi, _SLACK), _HORIZON)
    span = _FIRST_WINDOW
    while cursor < stop:
        window_end = min(_safe_add(cursor, span), stop)
        yield cursor, window_end
        cursor, span = window_end, span * 2


def _series_begin(component: Any, tz: dt.tzinfo) -> dt.datetime:
    anchor = _anchor(component)
    moments = [] if anchor is None else [_utc(anchor, tz)]
    for prop in _props(component, "RDATE"):
        for value in _prop_values(prop):
            moments.append(
                _period_bounds(value, tz)[0] if isinstance(value, tuple) else _utc(value, tz)
            )
    return min(moments, default=_MIN)


def _override_keys(calendar: Any, name: str, uid: str, start: _Moment | None) -> set[str]:
    """The instances a series' overrides replace, each RECURRENCE-ID in the form of the
    series' `start` (as the expansion names them: zones.in_series_form)."""
    keys: set[str] = set()
    for component in calendar.subcomponents:
        if component.name == name and str(component.get("UID", "")) == uid:
            rid = _value(component, "RECURRENCE-ID")
            if rid is not None:
                keys.add(_instance_key(rid if start is None else in_series_form(rid, start)))
    return keys


def _instance_key(moment: _Moment) -> str:
    """Equal for the same instance however its RECURRENCE-ID's zone is written."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            return "floating " + moment.isoformat()
        return moment.astimezone(_UTC).isoformat()
    return "date " + moment.isoformat()


def _anchor(component: Any) -> _Moment | None:
    start = _value(component, "DTSTART")
    if start is None and component.name == "VTODO":
        return _value(component, "DUE")
    return start


def _recurs(component: Any) -> bool:
    return "RECURRENCE-ID" not in component and ("RRULE" in component or "RDATE" in component)


def _event_end(component: Any, moment: _Moment, tz: dt.tzinfo) -> dt.datetime:
    """The UTC end of a VEVENT instance: DTEND, DTSTART+DURATION, a day for a DATE, or DTSTART."""
    end = _value(component, "DTEND")
    if end is not None:
        return _utc(_shift(end, _value(component, "DTSTART"), moment, tz), tz)
    duration = _duration(component)
    if duration is not None:
        return _add(moment, duration, tz) if duration > _ZERO else _utc(moment, tz)
    if isinstance(moment, dt.datetime):
        return _utc(moment, tz)
    return _utc(moment + _ONE_DAY, tz)


def _instance_end(component: Any, moment: _Moment, tz: dt.tzinfo) -> dt.datetime | None:
    """The end an alarm with RELATED=END refers to; None when the component has none."""
    if component.name == "VEVENT":
        return _event_end(component, moment, tz)
    if component.name != "VTODO":
        return None
    dtstart, due = _value(component, "DTSTART"), _value(component, "DUE")
    if due is not None:
        return _utc(due if dtstart is None else _shift(due, dtstart, moment, tz), tz)
    duration = _duration(component)
    return None if duration is None or dtstart is None else _add(moment, duration, tz)
