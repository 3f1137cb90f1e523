"""Free-busy answers for a CALDAV:free-busy-query (RFC 4791 §7.10).

`free_busy` collects the busy periods of the VEVENT instances overlapping a range (leaving out
transparent and cancelled ones, merging touching periods of one FBTYPE) and
`render_free_busy` writes them as a VCALENDAR holding one VFREEBUSY.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeAlias

from televent.adapters.caldav.query_compile import _TimeRange
from televent.adapters.caldav.query_instances import _event_end, _instance_starts, _Scope
from televent.adapters.caldav.query_time_range import _event_overlaps
from televent.adapters.caldav.query_values import _UTC, _aware, _parse_calendar, _utc
from televent.domain.content_lines import encode_utc

_LOG = logging.getLogger(__name__)
PRODID = "-//Televent//Televent//EN"
_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9-]+")
Period: TypeAlias = tuple[dt.datetime, dt.datetime, str]


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
    all are clipped to the range. Unparsable resources are skipped, and so is (logged) one
    whose instances cannot be computed.

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
    for index, text in enumerate(ical_texts):
        calendar = _parse_calendar(text)
        if calendar is None:
            continue
        try:
            scope = _Scope(calendar, default_tz)
            found = [
                period
                for component in calendar.subcomponents
                if component.name == "VEVENT"
                for period in _busy_periods(component, scope, time_range)
            ]
        except Exception:  # one resource's odd data never fails the whole answer
            _LOG.exception("Free-busy: skipped resource %d (UID %s)", index, _uid_of(calendar))
            continue
        periods.extend(found)
    return _merge(periods)


def _uid_of(calendar: Any) -> str:
    return next((str(c.get("UID")) for c in calendar.subcomponents if "UID" in c), "?")


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
        f"DTSTAMP:{encode_utc(stamp)}",
        f"DTSTART:{encode_utc(start)}",
        f"DTEND:{encode_utc(end)}",
    ]
    for begin, finish, fbtype in periods:
        if not _TOKEN_PATTERN.fullmatch(fbtype):
            raise ValueError(f"Not an FBTYPE token: {fbtype!r}")
        lines.append(f"FREEBUSY;FBTYPE={fbtype.upper()}:{encode_utc(begin)}/{encode_utc(finish)}")
    lines += ["END:VFREEBUSY", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


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
