"""Expansion of a single event (RFC 4791 §9.6.5) without parsing it with icalendar.

For one non-recurring VEVENT whose times are all zoned or UTC, "expanded" means the same event
with every DATE-TIME in UTC and no VTIMEZONE. This module writes that directly with the
project's content-line reader; anything it cannot do exactly returns None, and the caller falls
back to the full expansion.
"""

from __future__ import annotations

import datetime as dt
import re

from televent.domain.content_lines import (
    Component,
    ContentError,
    Property,
    decode_moment,
    encode_utc,
    parse_one,
)
from televent.domain.zones import Zones, calendar_zones

_FLOATING = re.compile(r"\d{8}T\d{6}")
_RECURRENCE = ("RRULE", "RDATE", "EXDATE", "EXRULE")


def utc_copy(text: str) -> str | None:
    """The event with its DATE-TIMEs in UTC and no VTIMEZONE, or None when not exact."""
    single = _single_event(text)
    if single is None:
        return None
    calendar, event, zones = single
    if any(name in event for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
        return None  # instances to expand: the full expansion's job
    if not _to_utc(event, zones):
        return None
    calendar.components = [event]
    return calendar.serialize()


def utc_instances(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str | None:
    """The expansion of a recurring event without overrides from its indexed instance spans
    (`instance_spans`): one copy of the master per instance overlapping [start, end), moved
    there, with a RECURRENCE-ID and no recurrence properties, all in UTC; None when not exact."""
    single = _single_event(text)
    if single is None:
        return None
    calendar, master, zones = single
    if "RECURRENCE-ID" in master or "DTSTART" not in master or "DTEND" not in master:
        return None
    if len({begin for begin, _ in spans}) != len(spans):
        return None  # two instances at one moment (an RDATE on a rule's date): not this copy
    master.properties = [p for p in master.properties if p.name not in _RECURRENCE]
    if not _to_utc(master, zones):
        return None
    calendar.components = [
        _moved(master, begin, finish) for begin, finish in spans if begin < end and finish > start
    ]
    return calendar.serialize()


def _single_event(text: str) -> tuple[Component, Component, Zones] | None:
    """(calendar, its one VEVENT, its zones) when the text holds exactly one VEVENT."""
    calendar = parse_one(text)
    if calendar is None:
        return None
    events = [c for c in calendar.components if c.name != "VTIMEZONE"]
    if len(events) != 1 or events[0].name != "VEVENT":
        return None
    return calendar, events[0], calendar_zones(calendar)


def _moved(master: Component, begin: int, finish: int) -> Component:
    """A copy of the master as the instance [begin, finish) (epoch seconds)."""
    times = {"DTSTART": _utc_text(begin), "DTEND": _utc_text(finish)}
    properties = [
        Property(p.name, dict(p.params), times[p.name]) if p.name in times else p
        for p in master.properties
    ]
    at = next(i for i, p in enumerate(properties) if p.name == "DTSTART")
    properties.insert(at + 1, Property("RECURRENCE-ID", {}, times["DTSTART"]))
    return Component(master.name, properties, master.components)


def _utc_text(epoch: int) -> str:
    return encode_utc(dt.datetime.fromtimestamp(epoch, dt.UTC))


def _to_utc(component: Component, zones: Zones) -> bool:
    for prop in component.properties:
        tzid = prop.param("TZID")
        if tzid is None:
            if _FLOATING.fullmatch(prop.value.strip()):
                return False  # a floating time: the full expansion decides its zone
            continue
        converted = []
        for item in prop.value.split(","):
            try:
                moment = decode_moment(item, tzid, zones)
            except ContentError:
                return False
            if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
                return False
            try:
                converted.append(encode_utc(moment))
            except OverflowError:  # 1 January of the year 1 east of UTC: the year 0 there
                return False
        prop.value = ",".join(converted)
        del prop.params["TZID"]
    return all(_to_utc(sub, zones) for sub in component.components)
