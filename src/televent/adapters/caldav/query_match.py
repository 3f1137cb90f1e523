"""Evaluation of a compiled calendar-query filter (RFC 4791 §9.7).

`matches` decides whether a calendar object resource passes a CALDAV:filter: comp-filter
(§9.7.1), prop-filter (§9.7.2) including a time-range on a property's value, param-filter
(§9.7.3), is-not-defined (§9.7.4) and text-match (§9.7.5) with negate-condition.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree.ElementTree import Element

from televent.adapters.caldav.query_compile import (
    _CompFilter,
    _compile,
    _ParamFilter,
    _PropFilter,
    _TimeRange,
)
from televent.adapters.caldav.query_instances import _Scope
from televent.adapters.caldav.query_time_range import _overlaps
from televent.adapters.caldav.query_values import (
    _ONE_DAY,
    _UTC,
    _parse_calendar,
    _period_bounds,
    _prop_values,
    _props,
    _utc,
)


def matches(filter_element: Element, ical_text: str, *, default_tz: dt.tzinfo = _UTC) -> bool:
    """Whether one calendar object resource passes a calendar-query filter (§9.7).

    A comp-filter matches when any component of its name (a recurring master with its
    non-overridden instances, or one override) satisfies all of its conditions.

    Args:
        filter_element: the CALDAV:filter element.
        ical_text: the resource's iCalendar text (one UID: master and/or overrides).
        default_tz: the zone floating times and dates are read in.

    Returns:
        True when the resource matches; False also when its text cannot be parsed.

    Raises:
        FilterError: the filter is invalid or uses something unsupported.
    """
    top = _compile(filter_element)
    calendar = _parse_calendar(ical_text)
    if calendar is None or top.is_not_defined:
        return False
    return _satisfies(top, calendar, None, _Scope(calendar, default_tz))


def _satisfies(f: _CompFilter, component: Any, parent: Any, scope: _Scope) -> bool:
    if f.time_range is not None and not _overlaps(component, parent, f.time_range, scope):
        return False
    return all(_prop_matches(p, component, scope.tz) for p in f.prop_filters) and all(
        _comp_matches(c, component, scope) for c in f.comp_filters
    )


def _comp_matches(f: _CompFilter, parent: Any, scope: _Scope) -> bool:
    children = [c for c in parent.subcomponents if c.name == f.name]
    if f.is_not_defined:
        return not children
    return any(_satisfies(f, child, parent, scope) for child in children)


def _prop_matches(f: _PropFilter, component: Any, tz: dt.tzinfo) -> bool:
    props = _props(component, f.name)
    if f.is_not_defined:
        return not props
    return any(_prop_satisfies(f, prop, tz) for prop in props)


def _prop_satisfies(f: _PropFilter, prop: Any, tz: dt.tzinfo) -> bool:
    if f.time_range is not None and not _prop_overlaps(prop, f.time_range, tz):
        return False
    if f.text_match is not None and not f.text_match.matches(_prop_text(prop)):
        return False
    return all(_param_matches(p, prop) for p in f.param_filters)


def _param_matches(f: _ParamFilter, prop: Any) -> bool:
    params = getattr(prop, "params", None) or {}
    value = params.get(f.name)
    if f.is_not_defined:
        return value is None
    if value is None:
        return False
    if f.text_match is None:
        return True
    values = value if isinstance(value, list | tuple) else [value]
    return f.text_match.matches(",".join(str(v) for v in values))


def _prop_text(prop: Any) -> str:
    if isinstance(prop, str):
        return str(prop)  # TEXT, CAL-ADDRESS, URI: already unescaped
    cats = getattr(prop, "cats", None)
    if cats is not None:  # CATEGORIES: its TEXT values unescaped, as one list
        return ",".join(str(c) for c in cats)
    to_ical = getattr(prop, "to_ical", None)
    raw = to_ical() if callable(to_ical) else str(prop)
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _prop_overlaps(prop: Any, time_range: _TimeRange, tz: dt.tzinfo) -> bool:
    """A DATE-TIME value lies in the range, a DATE's day or a PERIOD overlaps it."""
    for value in _prop_values(prop):
        if isinstance(value, tuple):
            begin, finish = _period_bounds(value, tz)
            if time_range.lo < finish and time_range.hi > begin:
                return True
        elif isinstance(value, dt.datetime):
            if time_range.lo <= _utc(value, tz) < time_range.hi:
                return True
        elif time_range.lo < _utc(value + _ONE_DAY, tz) and time_range.hi > _utc(value, tz):
            return True
    return False
