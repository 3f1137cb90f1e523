"""iCalendar values for the CalDAV query modules (RFC 4791 §9.9, RFC 5545 §3.3).

Parsing of calendar object resources (with a fallback that cuts VTIMEZONEs down to the RFC 5545
§3.6.5 properties when icalendar cannot read one), reading DATE, DATE-TIME, DURATION and PERIOD
values, and the UTC arithmetic §9.9 needs: DATE values and floating DATE-TIMEs are read in the
zone the caller gives (the collection's CALDAV:calendar-timezone, §7.3), UTC when none.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

from televent.domain.calendar_writing import calendar_text
from televent.domain.validation import library_calendar

_UTC = dt.UTC
_MIN = dt.datetime.min.replace(tzinfo=_UTC)
_MAX = dt.datetime.max.replace(tzinfo=_UTC)
_ZERO = dt.timedelta(0)
_ONE_DAY = dt.timedelta(days=1)
_Moment: TypeAlias = dt.date | dt.datetime


def _props(component: Any, name: str) -> list[Any]:
    value = component.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _prop_values(prop: Any) -> list[Any]:
    """The DATE, DATE-TIME and PERIOD values of a property (several for RDATE/EXDATE)."""
    items = getattr(prop, "dts", None)
    values = [getattr(item, "dt", None) for item in items] if items else [getattr(prop, "dt", None)]
    return [v for v in values if isinstance(v, dt.date | tuple)]


def _period_bounds(period: tuple[Any, Any], tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    begin, other = period
    if isinstance(other, dt.timedelta):
        return _utc(begin, tz), _safe_add(_utc(begin, tz), other)
    return _utc(begin, tz), _utc(other, tz)


def _parse_calendar(text: str) -> Any:
    """Parse with icalendar as every reader does (`validation.library_calendar`: VTIMEZONEs
    icalendar cannot read are cut down to the RFC 5545 §3.6.5 properties); None when the
    text does not read as one VCALENDAR."""
    return library_calendar(text)


def _value(component: Any, name: str) -> _Moment | None:
    """The DATE or DATE-TIME value of a property; None when absent or unreadable."""
    prop = next(iter(_props(component, name)), None)
    value = getattr(prop, "dt", None)
    return value if isinstance(value, dt.date) else None


def _duration(component: Any) -> dt.timedelta | None:
    prop = next(iter(_props(component, "DURATION")), None)
    value = getattr(prop, "dt", None)
    return value if isinstance(value, dt.timedelta) else None


def _utc(value: _Moment, tz: dt.tzinfo) -> dt.datetime:
    """A DATE (at midnight), floating or zoned DATE-TIME as a UTC moment."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=tz)
    else:
        aware = dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    try:
        return aware.astimezone(_UTC)
    except (OverflowError, ValueError):
        return _MIN if aware.year < dt.MAXYEAR // 2 else _MAX


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=_UTC) if moment.tzinfo is None else moment.astimezone(_UTC)


def _kind(value: _Moment) -> str:
    if not isinstance(value, dt.datetime):
        return "date"
    return "floating" if value.tzinfo is None else "zoned"


def _shift(value: _Moment, anchor: _Moment | None, moment: _Moment, tz: dt.tzinfo) -> _Moment:
    """``value`` moved as the instance at ``moment`` moved from the series' ``anchor``.

    Values of one kind keep it (a DATE stays a DATE) and move by wall-clock time; mixed kinds
    move by the exact UTC difference.
    """
    if anchor is None:
        return value
    try:
        if isinstance(value, dt.datetime):
            if (
                isinstance(anchor, dt.datetime)
                and isinstance(moment, dt.datetime)
                and _kind(value) == _kind(anchor) == _kind(moment)
            ):
                return moment + (value - anchor)
        elif not isinstance(anchor, dt.datetime) and not isinstance(moment, dt.datetime):
            return moment + (value - anchor)
        return _utc(moment, tz) + (_utc(value, tz) - _utc(anchor, tz))
    except (OverflowError, TypeError):
        return _MAX


def _add(moment: _Moment, duration: dt.timedelta, tz: dt.tzinfo) -> dt.datetime:
    """``moment + duration`` in UTC: whole days as nominal (wall-clock) days, the rest exact."""
    if duration < _ZERO:
        return _safe_add(_utc(moment, tz), duration)
    try:
        local = moment + dt.timedelta(days=duration.days)
    except OverflowError:
        return _MAX
    return _safe_add(_utc(local, tz), duration - dt.timedelta(days=duration.days))


def _safe_add(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    try:
        return moment + delta
    except OverflowError:
        return _MAX if delta > _ZERO else _MIN


def _shift_bound(bound: dt.datetime | None, delta: dt.timedelta) -> dt.datetime | None:
    """A range bound moved by ``delta``; open (None) when that leaves the calendar."""
    if bound is None:
        return None
    try:
        return bound + delta
    except OverflowError:
        return None


def _sort_key(moment: _Moment | None, tz: dt.tzinfo) -> dt.datetime:
    return _MIN if moment is None else _utc(moment, tz)


def _serialize(calendar: Any) -> str:
    return calendar_text(calendar)
