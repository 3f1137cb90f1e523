"""The exact UTC span of every instance of a finite recurring VEVENT (RFC 5545 §3.8.5), kept in
the event's facts so that a time-range query (RFC 4791 §9.9) decides it without parsing it, and
neither the projections nor a rebuild ever expand anything.

Only series whose answer cannot depend on the reader are indexed: every start and end a
DATE-TIME in UTC or in an IANA zone, DTEND after DTSTART in the same zone, no DURATION, no
PERIOD or DATE values, no RDATE, EXRULE or RANGE, daily or longer rules that end (COUNT or UNTIL)
within `MAX_INDEXED` instances, EXDATEs that are instances, and no instance at a local time
that a daylight-saving change skips or repeats or that spans such a change. Anything else gets
None, and queries use the full filter. The
expansion is dateutil's, as in `recurring-ical-events`, which the full filter uses; a property
test checks that both answer alike over random series.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from televent.domain.content_lines import Component, ContentError, Property, decode_moment
from televent.domain.rule_walk import walk
from televent.domain.zones import Zones

MAX_INDEXED = 100
Spans = list[tuple[int, int]]


class _NotExactError(Exception):
    """The series cannot be indexed exactly."""


def instance_spans(components: list[Component], zones: Zones) -> Spans | None:
    """[(start, end)] in epoch seconds, in time order, of a recurring VEVENT's master and
    overrides; None when the series is not recurring or cannot be indexed exactly."""
    masters = [c for c in components if "RECURRENCE-ID" not in c]
    if len(masters) != 1 or not ("RRULE" in masters[0] or "RDATE" in masters[0]):
        return None
    try:
        if any(c.name != "VEVENT" for c in components):
            raise _NotExactError
        overrides = [c for c in components if "RECURRENCE-ID" in c]
        replaced = {_instant(p, zones) for c in overrides for p in c.all("RECURRENCE-ID")}
        spans = [s for s in _series(masters[0], zones) if s[0] not in replaced]
        spans += [_own_span(c, zones) for c in overrides]
    except (_NotExactError, ContentError, ValueError, OverflowError):
        return None
    return sorted(set(spans))


def encode(spans: Spans | None) -> str | None:
    """The stored form: `start-end` pairs separated by commas ("" when no instance is left)."""
    return None if spans is None else ",".join(f"{start}-{end}" for start, end in spans)


# an instant before 1970 is negative: "-100--40" is the span from -100 to -40
_PAIR = re.compile(r"(-?\d+)-(-?\d+)")


def decode(stored: str | None) -> Spans | None:
    """The spans of an `encode`d value (None stays None)."""
    if stored is None:
        return None
    spans = []
    for item in filter(None, stored.split(",")):
        pair = _PAIR.fullmatch(item)
        if pair is None:
            raise ValueError(f"Not a stored span: {item!r}")
        spans.append((int(pair[1]), int(pair[2])))
    return spans


def _series(master: Component, zones: Zones) -> list[tuple[int, int]]:
    """The master's own instances: its rules, less its EXDATEs."""
    start, length = _start_and_length(master, zones)
    if "EXRULE" in master or "RDATE" in master:
        raise _NotExactError  # the expansion library drops RDATEs beside a COUNT at times
    starts: set[dt.datetime] = set()
    for rule in master.all("RRULE"):
        starts.update(_rule_starts(rule.value, start))
    starts.add(start)  # DTSTART is the first instance even when the rule misses it
    excluded = {_moment(v, p, zones) for p in master.all("EXDATE") for v in _values(p)}
    if not excluded <= starts:
        raise _NotExactError  # an EXDATE off the series: the expansion library drops more than it
    kept = sorted(s for s in starts if s not in excluded)
    if len(kept) > MAX_INDEXED:
        raise _NotExactError
    return [_span(s, length) for s in kept]


def _rule_starts(value: str, start: dt.datetime) -> list[dt.datetime]:
    parts = dict(part.split("=", 1) for part in value.strip().upper().split(";") if "=" in part)
    if parts.get("FREQ") not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        raise _NotExactError  # the expansion library miscounts some hourly series
    count, until = parts.get("COUNT"), parts.get("UNTIL")
    if count is None and (until is None or not until.endswith("Z")):
        raise _NotExactError  # endless, or an UNTIL that is not a UTC DATE-TIME
    if count is not None and int(count) > MAX_INDEXED:
        raise _NotExactError
    rule = rrulestr(f"RRULE:{value.strip()}", dtstart=start)
    found = list(itertools.islice(walk(rule), MAX_INDEXED + 1))
    if len(found) > MAX_INDEXED:
        raise _NotExactError
    return found


def _start_and_length(component: Component, zones: Zones) -> tuple[dt.datetime, dt.timedelta]:
    """DTSTART, and the wall-clock length to DTEND (instances keep it, as the library does)."""
    if "DURATION" in component:
        raise _NotExactError
    start_prop, end_prop = component.get("DTSTART"), component.get("DTEND")
    if start_prop is None or end_prop is None:
        raise _NotExactError
    start, end = (
        _moment(start_prop.value, start_prop, zones),
        _moment(end_prop.value, end_prop, zones),
    )
    if end.tzinfo is not start.tzinfo:
        raise _NotExactError
    length = end.replace(tzinfo=None) - start.replace(tzinfo=None)
    if length <= dt.timedelta(0):
        raise _NotExactError
    return start, length


def _own_span(override: Component, zones: Zones) -> tuple[int, int]:
    rid = override.get("RECURRENCE-ID")
    if rid is not None and "RANGE" in rid.params:
        raise _NotExactError  # THISANDFUTURE moves later instances: the full filter's business
    start, length = _start_and_length(override, zones)
    return _span(start, length)


def _span(start: dt.datetime, length: dt.timedelta) -> tuple[int, int]:
    end = (start.replace(tzinfo=None) + length).replace(tzinfo=start.tzinfo)
    if not (_unambiguous(start) and _unambiguous(end)) or start.utcoffset() != end.utcoffset():
        raise _NotExactError
    return int(start.timestamp()), int(end.timestamp())


def _unambiguous(moment: dt.datetime) -> bool:
    """Whether a zoned local time exists exactly once (not in a gap or a fold)."""
    if moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset():
        return False
    there_and_back = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    return there_and_back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def _instant(prop: Property, zones: Zones) -> int:
    return int(_moment(prop.value, prop, zones).timestamp())


def _values(prop: Property) -> list[str]:
    if (prop.param("VALUE") or "DATE-TIME").upper() != "DATE-TIME":
        raise _NotExactError  # DATE or PERIOD values
    return prop.value.split(",")


def _moment(value: str, prop: Property, zones: Zones) -> dt.datetime:
    """A DATE-TIME in UTC or an IANA zone; anything else cannot be indexed."""
    moment = decode_moment(value, prop.param("TZID"), zones)
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        raise _NotExactError
    if moment.tzinfo is not dt.UTC and not isinstance(moment.tzinfo, ZoneInfo):
        raise _NotExactError  # a zone built from the calendar's VTIMEZONE: icalendar's may differ
    return moment
