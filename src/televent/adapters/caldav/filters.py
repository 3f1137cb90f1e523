"""CalDAV calendar-query filters and calendar-data transformations (RFC 4791).

Pure functions (no I/O) over the iCalendar text of calendar object resources:

- `matches` evaluates a CALDAV:filter (§9.7): comp-filter (§9.7.1), prop-filter (§9.7.2),
  param-filter (§9.7.3), is-not-defined (§9.7.4) and text-match (§9.7.5) with the
  ``i;ascii-casemap`` and ``i;octet`` collations (§7.5, RFC 4790) and negate-condition;
- time-range (§9.9) follows the overlap table of each component type (VEVENT, VTODO,
  VJOURNAL, VFREEBUSY, VALARM) over every recurrence instance: RRULE, RDATE and EXDATE are
  expanded by `recurring_ical_events`, and RECURRENCE-ID overrides are judged on their own
  times (an override moved into the range matches, the instance it replaced does not);
- `expand` (§9.6.5) and `limit_recurrence_set` (§9.6.6) transform returned calendar data;
- `free_busy` and `render_free_busy` answer a CALDAV:free-busy-query (§7.10).

DATE values and floating DATE-TIMEs are read in the zone the caller gives (the collection's
CALDAV:calendar-timezone, §7.3), UTC when none.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeAlias
from xml.etree.ElementTree import Element

import icalendar
import recurring_ical_events

from televent.domain import content_lines

CALDAV_NS = "urn:ietf:params:xml:ns:caldav"
SUPPORTED_COLLATIONS = ("i;ascii-casemap", "i;octet")
PRODID = "-//Televent//Televent//EN"

_C = "{" + CALDAV_NS + "}"
_UTC = dt.UTC
_MIN = dt.datetime.min.replace(tzinfo=_UTC)
_MAX = dt.datetime.max.replace(tzinfo=_UTC)
_ZERO = dt.timedelta(0)
_ONE_DAY = dt.timedelta(days=1)
# Windows handed to the expansion library are widened by this much: it reads floating times and
# dates as UTC, while they may sit up to 14 hours away; the exact §9.9 test runs afterwards.
_SLACK = dt.timedelta(days=2)
_FIRST_WINDOW = dt.timedelta(days=31)
_HORIZON = dt.datetime(9000, 1, 1, tzinfo=_UTC)
# Safety limits: instances read per component and query, repetitions of one alarm.
MAX_INSTANCES = 20_000
_MAX_REPEAT = 1000
_TIME_RANGE_COMPONENTS = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VALARM"})
_RECURRENCE_PROPERTIES = ("RRULE", "RDATE", "EXDATE", "EXRULE")
_TIME_PATTERN = re.compile(r"[0-9]{8}T[0-9]{6}Z")
_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9-]+")
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_EXPANSION_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    OverflowError,
    RecursionError,
)

_Moment: TypeAlias = dt.date | dt.datetime
Period: TypeAlias = tuple[dt.datetime, dt.datetime, str]


class FilterError(Exception):
    """The filter cannot be evaluated.

    Attributes:
        precondition: the CalDAV precondition element name to report, e.g. ``valid-filter``,
            ``supported-filter`` or ``supported-collation``.
    """

    def __init__(self, message: str, precondition: str = "valid-filter") -> None:
        super().__init__(message)
        self.precondition = precondition


# --- public API ----------------------------------------------------------------------------


def parse_time(value: str) -> dt.datetime:
    """Read a time-range ``start`` or ``end`` attribute (§9.9: a date with UTC time).

    Args:
        value: the attribute value, e.g. ``20060104T000000Z``.

    Returns:
        The moment as an aware UTC datetime.

    Raises:
        FilterError: the value is not a valid date with UTC time.
    """
    text = value.strip()
    if not _TIME_PATTERN.fullmatch(text):
        raise FilterError(f"Not a UTC date-time (YYYYMMDDTHHMMSSZ): {value!r}")
    try:
        parsed = dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ")
    except ValueError as exc:
        raise FilterError(f"Not a valid date-time: {value!r}") from exc
    return parsed.replace(tzinfo=_UTC)


def query_time_range(
    filter_element: Element,
) -> tuple[dt.datetime | None, dt.datetime | None] | None:
    """The time-range of the VCALENDAR/<component> comp-filter, for pre-filtering.

    Args:
        filter_element: the CALDAV:filter element.

    Returns:
        ``(start, end)`` of the first component-level time-range, either bound ``None`` when
        open; ``None`` when no comp-filter directly under VCALENDAR has a time-range.

    Raises:
        FilterError: the filter is invalid.
    """
    top = _compile(filter_element)
    for child in top.comp_filters:
        if child.time_range is not None:
            return child.time_range.start, child.time_range.end
    return None


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
        for moment in _instance_starts(component, scope, time_range.start, time_range.end):
            if test(component, moment, time_range, default_tz):
                instance = _instance(component, moment, default_tz)
                instances.append((_sort_key(moment, default_tz), instance))
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


def free_busy(
    ical_texts: Iterable[str],
    start: dt.datetime,
    end: dt.datetime,
    *,
    default_tz: dt.tzinfo = _UTC,
) -> list[Period]:
    """Busy periods of the VEVENTs overlapping ``[start, end)`` (§7.10).

    TRANSP:TRANSPARENT and STATUS:CANCELLED instances are left out; STATUS:TENTATIVE gives
    BUSY-TENTATIVE, anything else BUSY. Periods of one FBTYPE that overlap or touch are merged,
    all are clipped to the range. Unparsable resources are skipped.

    Args:
        ical_texts: the iCalendar texts of the resources to consider.
        start: inclusive start of the range (naive is read as UTC).
        end: exclusive end of the range.
        default_tz: the zone floating times and dates are read in.

    Returns:
        ``(start, end, fbtype)`` tuples in UTC, sorted.
    """
    time_range = _TimeRange(_aware(start), _aware(end))
    periods: list[Period] = []
    for text in ical_texts:
        calendar = _parse_calendar(text)
        if calendar is None:
            continue
        scope = _Scope(calendar, default_tz)
        for component in calendar.subcomponents:
            if component.name == "VEVENT":
                periods.extend(_busy_periods(component, scope, time_range))
    return _merge(periods)


def render_free_busy(
    periods: Iterable[Period], start: dt.datetime, end: dt.datetime, *, stamp: dt.datetime
) -> str:
    """A VCALENDAR holding one VFREEBUSY for a free-busy-query response (§7.10).

    Args:
        periods: ``(start, end, fbtype)`` busy periods, as `free_busy` returns them.
        start: the queried range's start, written as DTSTART.
        end: the queried range's end, written as DTEND.
        stamp: the DTSTAMP.

    Returns:
        iCalendar text with CRLF line ends, one FREEBUSY line (with FBTYPE) per period.

    Raises:
        ValueError: an FBTYPE is not an iCalendar token.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "BEGIN:VFREEBUSY",
        f"DTSTAMP:{_utc_text(stamp)}",
        f"DTSTART:{_utc_text(start)}",
        f"DTEND:{_utc_text(end)}",
    ]
    for begin, finish, fbtype in periods:
        if not _TOKEN_PATTERN.fullmatch(fbtype):
            raise ValueError(f"Not an FBTYPE token: {fbtype!r}")
        lines.append(f"FREEBUSY;FBTYPE={fbtype.upper()}:{_utc_text(begin)}/{_utc_text(finish)}")
    lines += ["END:VFREEBUSY", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


# --- the compiled filter -------------------------------------------------------------------


@dataclass(frozen=True)
class _TimeRange:
    start: dt.datetime | None
    end: dt.datetime | None

    @property
    def lo(self) -> dt.datetime:
        return _MIN if self.start is None else self.start

    @property
    def hi(self) -> dt.datetime:
        return _MAX if self.end is None else self.end


@dataclass(frozen=True)
class _TextMatch:
    text: str
    collation: str
    negate: bool

    def matches(self, value: str) -> bool:
        if self.collation == "i;octet":
            found = self.text in value
        else:
            found = self.text.translate(_ASCII_UPPER) in value.translate(_ASCII_UPPER)
        return found != self.negate


@dataclass(frozen=True)
class _ParamFilter:
    name: str
    is_not_defined: bool = False
    text_match: _TextMatch | None = None


@dataclass(frozen=True)
class _PropFilter:
    name: str
    is_not_defined: bool = False
    time_range: _TimeRange | None = None
    text_match: _TextMatch | None = None
    param_filters: tuple[_ParamFilter, ...] = ()


@dataclass(frozen=True)
class _CompFilter:
    name: str
    is_not_defined: bool = False
    time_range: _TimeRange | None = None
    prop_filters: tuple[_PropFilter, ...] = ()
    comp_filters: tuple[_CompFilter, ...] = ()


def _compile(filter_element: Element) -> _CompFilter:
    if filter_element.tag != f"{_C}filter":
        raise FilterError("Expected a CALDAV:filter element")
    children = _caldav_children(filter_element)
    if len(children) != 1 or _local(children[0]) != "comp-filter":
        raise FilterError("CALDAV:filter must hold exactly one CALDAV:comp-filter")
    top = _comp_filter(children[0])
    if top.name != "VCALENDAR":
        raise FilterError("The top-level comp-filter must name VCALENDAR")
    return top


def _comp_filter(element: Element) -> _CompFilter:
    name = _name(element)
    children = _children(element, {"is-not-defined", "time-range", "prop-filter", "comp-filter"})
    if _is_not_defined(children, name):
        return _CompFilter(name, is_not_defined=True)
    time_range = _single_time_range(children, name)
    if time_range is not None and name not in _TIME_RANGE_COMPONENTS:
        raise FilterError(f"time-range is not supported on {name}", "supported-filter")
    return _CompFilter(
        name,
        time_range=time_range,
        prop_filters=tuple(_prop_filter(c) for c in children if _local(c) == "prop-filter"),
        comp_filters=tuple(_comp_filter(c) for c in children if _local(c) == "comp-filter"),
    )


def _prop_filter(element: Element) -> _PropFilter:
    name = _name(element)
    children = _children(element, {"is-not-defined", "time-range", "text-match", "param-filter"})
    if _is_not_defined(children, name):
        return _PropFilter(name, is_not_defined=True)
    time_range = _single_time_range(children, name)
    text_match = _single_text_match(children, name)
    if time_range is not None and text_match is not None:
        raise FilterError(f"prop-filter {name} cannot hold both time-range and text-match")
    return _PropFilter(
        name,
        time_range=time_range,
        text_match=text_match,
        param_filters=tuple(_param_filter(c) for c in children if _local(c) == "param-filter"),
    )


def _param_filter(element: Element) -> _ParamFilter:
    name = _name(element)
    children = _children(element, {"is-not-defined", "text-match"})
    if _is_not_defined(children, name):
        return _ParamFilter(name, is_not_defined=True)
    return _ParamFilter(name, text_match=_single_text_match(children, name))


def _text_match(element: Element) -> _TextMatch:
    collation = element.get("collation", "i;ascii-casemap").strip()
    if collation not in SUPPORTED_COLLATIONS:
        raise FilterError(f"Unsupported collation: {collation!r}", "supported-collation")
    negate = element.get("negate-condition", "no").strip().lower()
    if negate not in ("yes", "no"):
        raise FilterError(f"negate-condition must be yes or no, not {negate!r}")
    return _TextMatch(element.text or "", collation, negate == "yes")


def _time_range(element: Element) -> _TimeRange:
    start_text, end_text = element.get("start"), element.get("end")
    if start_text is None and end_text is None:
        raise FilterError("time-range needs a start or an end attribute")
    start = None if start_text is None else parse_time(start_text)
    end = None if end_text is None else parse_time(end_text)
    if start is not None and end is not None and end <= start:
        raise FilterError("time-range end must be after its start")
    return _TimeRange(start, end)


def _caldav_children(element: Element) -> list[Element]:
    return [c for c in element if isinstance(c.tag, str) and c.tag.startswith(_C)]


def _local(element: Element) -> str:
    return element.tag[len(_C) :]


def _children(element: Element, allowed: set[str]) -> list[Element]:
    """The CalDAV children of a filter element (others are extensions and ignored)."""
    children = _caldav_children(element)
    for child in children:
        if _local(child) not in allowed:
            raise FilterError(f"Unexpected CALDAV:{_local(child)} in CALDAV:{_local(element)}")
    return children


def _name(element: Element) -> str:
    name = (element.get("name") or "").strip().upper()
    if not name:
        raise FilterError(f"CALDAV:{_local(element)} needs a name attribute")
    return name


def _is_not_defined(children: list[Element], name: str) -> bool:
    if not any(_local(c) == "is-not-defined" for c in children):
        return False
    if len(children) != 1:
        raise FilterError(f"is-not-defined must stand alone in the filter for {name}")
    return True


def _single_time_range(children: list[Element], name: str) -> _TimeRange | None:
    found = [c for c in children if _local(c) == "time-range"]
    if len(found) > 1:
        raise FilterError(f"More than one time-range in the filter for {name}")
    return _time_range(found[0]) if found else None


def _single_text_match(children: list[Element], name: str) -> _TextMatch | None:
    found = [c for c in children if _local(c) == "text-match"]
    if len(found) > 1:
        raise FilterError(f"More than one text-match in the filter for {name}")
    return _text_match(found[0]) if found else None


# --- evaluation (§9.7) ---------------------------------------------------------------------


@dataclass
class _Scope:
    """One resource under evaluation: its calendar, the floating zone, cached expansions."""

    calendar: Any
    tz: dt.tzinfo
    queries: dict[str, Any] = field(default_factory=dict)


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


def _props(component: Any, name: str) -> list[Any]:
    value = component.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _prop_text(prop: Any) -> str:
    if isinstance(prop, str):
        return str(prop)  # TEXT, CAL-ADDRESS, URI: already unescaped
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


# --- time-range (§9.9) ---------------------------------------------------------------------


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


# --- instances of a component --------------------------------------------------------------


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
        except _EXPANSION_ERRORS:
            yield anchor  # the series cannot be expanded: read it as its first instance alone
            return
        yield moment


def _expanded_starts(
    component: Any, scope: _Scope, lo: dt.datetime | None, hi: dt.datetime | None
) -> Iterator[_Moment]:
    query = scope.queries.get(component.name)
    if query is None:
        query = recurring_ical_events.CalendarQuery(scope.calendar, components=[component.name])
        scope.queries[component.name] = query
    uid = str(component.get("UID", ""))
    overridden = _override_keys(scope.calendar, component.name, uid)
    seen: set[str] = set()
    for window_start, window_end in _windows(component, scope.tz, lo, hi):
        for occurrence in query.between(window_start, window_end):
            if str(occurrence.get("UID", "")) != uid:
                continue
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


def _override_keys(calendar: Any, name: str, uid: str) -> set[str]:
    keys: set[str] = set()
    for component in calendar.subcomponents:
        if component.name == name and str(component.get("UID", "")) == uid:
            rid = _value(component, "RECURRENCE-ID")
            if rid is not None:
                keys.add(_instance_key(rid))
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


def _is_override(component: Any) -> bool:
    return component.name in _INSTANCE_TESTS and "RECURRENCE-ID" in component


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


# --- iCalendar values ----------------------------------------------------------------------


def _parse_calendar(text: str) -> Any:
    """Parse with icalendar; when a time zone definition is what it cannot read (it builds
    every VTIMEZONE while parsing, and refuses unknown properties in one), read the object
    again with its VTIMEZONEs cut down to the standard properties."""
    for candidate in (text, _standard_timezones(text)):
        if candidate is None:
            break
        try:
            calendar: Any = icalendar.Calendar.from_ical(candidate)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            continue
        return calendar if getattr(calendar, "name", None) == "VCALENDAR" else None
    return None


_TIMEZONE_PROPERTIES = {"TZID", "LAST-MODIFIED", "TZURL"}
_OBSERVANCE_PROPERTIES = {
    "DTSTART",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "RRULE",
    "RDATE",
    "TZNAME",
    "COMMENT",
}


def _standard_timezones(text: str) -> str | None:
    """The same object with only RFC 5545 §3.6.5 properties in its VTIMEZONEs."""
    try:
        roots = content_lines.parse(text)
    except content_lines.ContentError:
        return None
    if len(roots) != 1:
        return None
    calendar = roots[0]
    # An empty TZID (an Exchange quirk) names no zone: its times are floating.
    calendar.components = [
        c
        for c in calendar.components
        if c.name != "VTIMEZONE" or (c.get("TZID") is not None and c.get("TZID").value.strip())  # type: ignore[union-attr]
    ]
    for component in calendar.components:
        if component.name != "VTIMEZONE":
            for prop in component.properties:
                if prop.params.get("TZID", "x").strip('" ') == "":
                    del prop.params["TZID"]
            continue
        component.properties = [p for p in component.properties if p.name in _TIMEZONE_PROPERTIES]
        for observance in component.components:
            observance.properties = [
                p for p in observance.properties if p.name in _OBSERVANCE_PROPERTIES
            ]
    return calendar.serialize()


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


def _utc_text(moment: dt.datetime) -> str:
    return _aware(moment).strftime("%Y%m%dT%H%M%SZ")


def _serialize(calendar: Any) -> str:
    return str(calendar.to_ical().decode("utf-8"))


# --- expand and limit-recurrence-set (§9.6.5, §9.6.6) --------------------------------------


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


# --- free-busy (§7.10) ---------------------------------------------------------------------


def _busy_periods(component: Any, scope: _Scope, time_range: _TimeRange) -> Iterator[Period]:
    if str(component.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return
    status = str(component.get("STATUS", "")).upper()
    if status == "CANCELLED":
        return
    fbtype = "BUSY-TENTATIVE" if status == "TENTATIVE" else "BUSY"
    for moment in _instance_starts(component, scope, time_range.start, time_range.end):
        if moment is None or not _event_overlaps(component, moment, time_range, scope.tz):
            continue
        begin = max(_utc(moment, scope.tz), time_range.lo)
        finish = min(_event_end(component, moment, scope.tz), time_range.hi)
        if begin < finish:
            yield begin, finish, fbtype


def _merge(periods: list[Period]) -> list[Period]:
    """Merge overlapping or touching periods of one FBTYPE; sort by start."""
    merged: list[Period] = []
    for fbtype in sorted({p[2] for p in periods}):
        current: Period | None = None
        for begin, finish, _ in sorted(p for p in periods if p[2] == fbtype):
            if current is not None and begin <= current[1]:
                current = (current[0], max(current[1], finish), fbtype)
                continue
            if current is not None:
                merged.append(current)
            current = (begin, finish, fbtype)
        if current is not None:
            merged.append(current)
    return sorted(merged)
