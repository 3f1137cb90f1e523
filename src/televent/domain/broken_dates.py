"""Dates as Google writes them on all-day events: `RDATE:20131210Z` (Google Contacts' birthdays).

RFC 5545 has no UTC marker on a DATE, so icalendar cannot read such a value and keeps it as a
broken property, and an expansion that reaches it fails. On an all-day event (DTSTART is a
DATE) the intent is plain: the day. `repair_broken_dates` rewrites those values of a parsed
calendar in place as DATE lists, so the series expands with its extra days; anything else broken
is left as it is (the readers' bulkheads skip what still cannot be read).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from icalendar.prop import vDDDLists
from icalendar.prop.broken import vBroken

_DATE_WITH_ZONE = re.compile(r"(\d{8})(?:T000000)?Z?")
NAMES = ("RDATE", "EXDATE")


def repair_broken_dates(calendar: Any) -> int:
    """Rewrite the unreadable RDATE and EXDATE values of all-day components that are days with
    a UTC marker (`20131210Z`) as DATE values; returns how many properties were rewritten."""
    repaired = 0
    for component in calendar.walk():
        start = component.get("DTSTART")
        if start is None or isinstance(getattr(start, "dt", None), dt.datetime):
            continue
        for name in NAMES:
            value = component.get(name)
            if value is None:
                continue
            items = value if isinstance(value, list) else [value]
            fixed = [_as_dates(item) for item in items]
            if all(f is None for f in fixed):
                continue
            del component[name]
            for item, replacement in zip(items, fixed, strict=True):
                component.add(name, item if replacement is None else replacement, encode=False)
                repaired += replacement is not None
    return repaired


def _as_dates(item: Any) -> Any:
    """The DATE list a broken value stands for, or None when it is not days."""
    if not isinstance(item, vBroken):
        return None
    days = []
    for text in str(item).split(","):
        match = _DATE_WITH_ZONE.fullmatch(text.strip())
        if match is None:
            return None
        try:
            days.append(dt.datetime.strptime(match.group(1), "%Y%m%d").date())
        except ValueError:
            return None
    value = vDDDLists(days)
    value.params = item.params.copy()
    value.params["VALUE"] = "DATE"
    return value
