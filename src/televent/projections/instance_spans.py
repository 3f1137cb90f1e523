"""The exact UTC spans of every instance of a finite recurring event (RFC 5545 §3.8.5), stored
with the object so that a time-range query (RFC 4791 §9.9) decides it without parsing it.

Only series whose answer cannot depend on the reader are indexed: VEVENTs whose every start and
end is a zoned or UTC DATE-TIME with DTEND after DTSTART (no floating times, dates, DURATION,
PERIOD RDATEs or EXRULE), whose rules end (COUNT or UNTIL), with at most `MAX_INDEXED`
instances. Anything else gets None, and the
query falls back to the full RFC 4791 filter. A property test checks that both answer alike.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import icalendar
import recurring_ical_events

MAX_INDEXED = 100  # each instance costs the expansion library ~0.1 ms when the object is stored
Spans = list[tuple[int, int]]


def instance_spans(ical: str) -> Spans | None:
    """[(start, end)] in epoch seconds, one per instance in time order; None when not exact."""
    try:
        calendar = icalendar.Calendar.from_ical(ical)
        events = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
        if not events or not all(_indexable(c) for c in events):
            return None
        occurrences = itertools.islice(recurring_ical_events.of(calendar).all(), MAX_INDEXED + 1)
        spans = [_span(o) for o in occurrences]
        # An override counts where it is, even for an instance the rule does not have (which
        # the expansion leaves out, while a query tests each component on its own).
        spans += [_span(c) for c in events if "RECURRENCE-ID" in c]
    except Exception:
        return None
    if len(spans) > MAX_INDEXED or any(s is None for s in spans):
        return None  # [] is exact too: every instance is excluded, nothing ever matches
    return sorted({s for s in spans if s is not None})


def encode(spans: Spans | None) -> str | None:
    """The column value: `start-end` pairs separated by commas."""
    return None if spans is None else ",".join(f"{start}-{end}" for start, end in spans)


def decode(column: str | None) -> Spans | None:
    """The spans of an `encode`d column value (None stays None)."""
    if column is None:
        return None
    pairs = (item.split("-") for item in column.split(",") if item)
    return [(int(start), int(end)) for start, end in pairs]


def _indexable(component: Any) -> bool:
    if component.name != "VEVENT" or "DURATION" in component or "EXRULE" in component:
        return False
    if not all(_finite(rule) for rule in _listed(component.get("RRULE"))):
        return False  # an endless series is never expanded here (that alone costs ~50 ms)
    if "RANGE" in getattr(component.get("RECURRENCE-ID"), "params", {}):
        return False  # THISANDFUTURE moves later instances: the full filter's business
    return _exact_times(component)


def _exact_times(component: Any) -> bool:
    """Every time zoned, and DTEND after DTSTART in the same zone (an end in another zone moves
    differently across a daylight-saving change)."""
    start, end = component.get("DTSTART"), component.get("DTEND")
    if start is None or end is None or not _zoned(start.dt) or not _zoned(end.dt):
        return False
    if end.dt.tzinfo != start.dt.tzinfo or end.dt <= start.dt:
        return False
    return all(
        _zoned(value)
        for name in ("RDATE", "EXDATE", "RECURRENCE-ID")
        for prop in _listed(component.get(name))
        for value in _moments(prop)
    )


def _finite(rule: Any) -> bool:
    """Whether an RRULE ends: a COUNT within the limit, or an UNTIL."""
    count = rule.get("COUNT")
    if count:
        return int(count[0]) <= MAX_INDEXED
    return bool(rule.get("UNTIL"))


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _moments(prop: Any) -> list[Any]:
    """The values of a date list (RDATE/EXDATE) or of a single date property."""
    if hasattr(prop, "dts"):
        return [item.dt for item in prop.dts]
    return [prop.dt]


def _zoned(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def _span(occurrence: Any) -> tuple[int, int] | None:
    """An instance's UTC span; None where a reading could differ: a time that a daylight-saving
    change skips or repeats, or an instance that spans such a change."""
    start, end = occurrence.get("DTSTART"), occurrence.get("DTEND")
    if start is None or end is None or not _zoned(start.dt) or not _zoned(end.dt):
        return None
    if not (_unambiguous(start.dt) and _unambiguous(end.dt)):
        return None
    if start.dt.utcoffset() != end.dt.utcoffset():
        return None
    begin, finish = int(start.dt.timestamp()), int(end.dt.timestamp())
    return (begin, finish) if finish > begin else None


def _unambiguous(moment: dt.datetime) -> bool:
    """Whether a zoned local time exists exactly once (not in a gap or a fold)."""
    if moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset():
        return False
    there_and_back = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    return there_and_back.replace(tzinfo=None) == moment.replace(tzinfo=None)
