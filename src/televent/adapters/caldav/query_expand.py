"""The expand and limit-recurrence-set transformations of calendar data (RFC 4791 §9.6.5, §9.6.6).

`expand` turns a resource into one component per instance overlapping a range, in UTC and
without recurrence properties, the earliest `MAX_EXPANDED` of each component (an hourly series
without end, expanded over years, would otherwise cost seconds and megabytes per resource);
`limit_recurrence_set` keeps the master and only the overrides that impact the range.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar

from televent.adapters.caldav.query_compile import _TimeRange
from televent.adapters.caldav.query_instances import _anchor, _instance_starts, _recurs, _Scope
from televent.adapters.caldav.query_time_range import _INSTANCE_TESTS
from televent.adapters.caldav.query_values import (
    _UTC,
    _aware,
    _Moment,
    _parse_calendar,
    _props,
    _serialize,
    _shift,
    _sort_key,
    _utc,
    _value,
)

_RECURRENCE_PROPERTIES = ("RRULE", "RDATE", "EXDATE", "EXRULE")
# Instances one component is expanded into at most, the earliest first (RFC 4791 §9.6.5).
MAX_EXPANDED = 1_000


def expand(
    ical_text: str, start: dt.datetime, end: dt.datetime, *, default_tz: dt.tzinfo = _UTC
) -> str:
    """Expand a resource into its instances overlapping ``[start, end)`` (§9.6.5).

    Each instance becomes its own component with a RECURRENCE-ID (none is added to a
    non-recurring component), without RRULE/RDATE/EXDATE; every DATE-TIME is converted to UTC
    (DATE values stay DATE) and VTIMEZONE components are dropped.

    Args:
        ical_text: the resource's iCalendar text.
        start: inclusive start of the range (naive is read as UTC).
        end: exclusive end of the range.
        default_tz: the zone floating times are read in before conversion to UTC.

    Returns:
        iCalendar text (CRLF line ends); the input unchanged when it cannot be parsed.
    """
    calendar = _parse_calendar(ical_text)
    if calendar is None:
        return ical_text
    time_range = _TimeRange(_aware(start), _aware(end))
    scope = _Scope(calendar, default_tz)
    output = calendar.copy()
    instances: list[tuple[dt.datetime, Any]] = []
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            continue
        test = _INSTANCE_TESTS.get(component.name)
        if test is None:
            output.add_component(_in_utc(_clone(component), default_tz))
            continue
        expanded = 0
        for moment in _instance_starts(component, scope, time_range.start, time_range.end):
            if test(component, moment, time_range, default_tz):
                instance = _instance(component, moment, default_tz)
                instances.append((_sort_key(moment, default_tz), instance))
                expanded += 1
                if expanded >= MAX_EXPANDED:
                    break
    for _, instance in sorted(instances, key=lambda item: item[0]):
        output.add_component(instance)
    return _serialize(output)


def limit_recurrence_set(
    ical_text: str, start: dt.datetime, end: dt.datetime, *, default_tz: dt.tzinfo = _UTC
) -> str:
    """Keep the master and only the overrides that impact ``[start, end)`` (§9.6.6).

    An override impacts the range when its own times overlap it, when the instance it replaces
    would have overlapped it, or when it has RANGE=THISANDFUTURE and starts before the end.

    Args:
        ical_text: the resource's iCalendar text.
        start: inclusive start of the range (naive is read as UTC).
        end: exclusive end of the range.
        default_tz: the zone floating times and dates are read in.

    Returns:
        iCalendar text; the input unchanged when nothing is left out or it cannot be parsed.
    """
    calendar = _parse_calendar(ical_text)
    if calendar is None:
        return ical_text
    time_range = _TimeRange(_aware(start), _aware(end))
    kept = [
        component
        for component in calendar.subcomponents
        if not _is_override(component) or _impacts(component, calendar, time_range, default_tz)
    ]
    if len(kept) == len(calendar.subcomponents):
        return ical_text
    output = calendar.copy()
    for component in kept:
        output.add_component(component)
    return _serialize(output)


def _is_override(component: Any) -> bool:
    return component.name in _INSTANCE_TESTS and "RECURRENCE-ID" in component


def _clone(component: Any) -> Any:
    clone = component.copy()
    clone.subcomponents = [_clone(sub) for sub in component.subcomponents]
    return clone


def _instance(component: Any, moment: _Moment | None, tz: dt.tzinfo) -> Any:
    """One expanded instance: a copy of its component moved to ``moment``, in UTC."""
    instance = _clone(component)
    if _recurs(component) and moment is not None:
        dtstart = _value(component, "DTSTART")
        if dtstart is None:
            instance["DUE"] = icalendar.vDDDTypes(moment)
        else:
            instance["DTSTART"] = icalendar.vDDDTypes(moment)
            for name in ("DTEND", "DUE"):
                value = _value(component, name)
                if value is not None:
                    instance[name] = icalendar.vDDDTypes(_shift(value, dtstart, moment, tz))
        instance["RECURRENCE-ID"] = icalendar.vDDDTypes(moment)
    for name in _RECURRENCE_PROPERTIES:
        instance.pop(name, None)
    return _in_utc(instance, tz)


def _in_utc(component: Any, tz: dt.tzinfo) -> Any:
    """Convert every DATE-TIME of the component and its subcomponents to UTC, in place."""
    for name in list(component.keys()):
        value = component[name]
        if isinstance(value, list):
            component[name] = [_prop_in_utc(prop, tz) for prop in value]
        else:
            component[name] = _prop_in_utc(value, tz)
    for sub in component.subcomponents:
        _in_utc(sub, tz)
    return component


def _prop_in_utc(prop: Any, tz: dt.tzinfo) -> Any:
    items = getattr(prop, "dts", None)
    if items:
        values = [getattr(item, "dt", None) for item in items]
        moments = [v for v in values if isinstance(v, dt.datetime)]
        if len(moments) != len(values):
            return prop
        converted: Any = icalendar.vDDDLists([_utc(v, tz) for v in moments])
    else:
        value = getattr(prop, "dt", None)
        if not isinstance(value, dt.datetime):
            return prop
        converted = icalendar.vDDDTypes(_utc(value, tz))
    for key, param in prop.params.items():
        if key.upper() != "TZID":
            converted.params[key] = param
    return converted


def _impacts(override: Any, calendar: Any, time_range: _TimeRange, tz: dt.tzinfo) -> bool:
    """Whether an override's current or original times overlap the range (§9.6.6)."""
    test = _INSTANCE_TESTS[override.name]
    if test(override, _anchor(override), time_range, tz):
        return True
    rid_prop = next(iter(_props(override, "RECURRENCE-ID")), None)
    rid = _value(override, "RECURRENCE-ID")
    if rid is None:
        return False
    if str(getattr(rid_prop, "params", {}).get("RANGE", "")).upper() == "THISANDFUTURE":
        return _utc(rid, tz) < time_range.hi
    master = _master_of(calendar, override)
    return test(override if master is None else master, rid, time_range, tz)


def _master_of(calendar: Any, override: Any) -> Any:
    uid = str(override.get("UID", ""))
    for component in calendar.subcomponents:
        if (
            component.name == override.name
            and "RECURRENCE-ID" not in component
            and str(component.get("UID", "")) == uid
        ):
            return component
    return None
