"""Compiling a CALDAV:filter element (RFC 4791 §9.7) into frozen dataclasses.

Checks the structure of comp-filter (§9.7.1), prop-filter (§9.7.2), param-filter (§9.7.3),
is-not-defined (§9.7.4), text-match (§9.7.5, with the collations of §7.5) and time-range
(§9.9, whose attributes are UTC date-times), raising `FilterError` with the precondition to
report when the filter is invalid or unsupported.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from televent.adapters.caldav.query_values import _MAX, _MIN, _UTC

CALDAV_NS = "urn:ietf:params:xml:ns:caldav"
SUPPORTED_COLLATIONS = ("i;ascii-casemap", "i;octet")
_C = "{" + CALDAV_NS + "}"
_TIME_RANGE_COMPONENTS = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VALARM"})
_TIME_PATTERN = re.compile(r"[0-9]{8}T[0-9]{6}Z")
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)


class FilterError(Exception):
    """The filter cannot be evaluated.

    Attributes:
        precondition: the CalDAV precondition element name to report, e.g. ``valid-filter``,
            ``supported-filter`` or ``supported-collation``.
    """

    def __init__(self, message: str, precondition: str = "valid-filter") -> None:
        super().__init__(message)
        self.precondition = precondition


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
