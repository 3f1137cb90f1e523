"""Expansion of a single event (RFC 4791 §9.6.5) without parsing it with icalendar.

For one non-recurring VEVENT whose times are all zoned or UTC, "expanded" means the same event
with every DATE-TIME in UTC and no VTIMEZONE. This module writes that directly with the
project's content-line reader; anything it cannot do exactly returns None, and the caller falls
back to the full expansion.
"""

from __future__ import annotations

import datetime as dt
import re

from televent.domain.content_lines import Component, ContentError, decode_moment, parse
from televent.domain.zones import Zones, calendar_zones

_FLOATING = re.compile(r"\d{8}T\d{6}")
_UTC_FORMAT = "%Y%m%dT%H%M%SZ"


def utc_copy(text: str) -> str | None:
    """The event with its DATE-TIMEs in UTC and no VTIMEZONE, or None when not exact."""
    try:
        roots = parse(text)
    except ContentError:
        return None
    if len(roots) != 1:
        return None
    calendar = roots[0]
    zones = calendar_zones(calendar)
    events = [c for c in calendar.components if c.name != "VTIMEZONE"]
    if len(events) != 1 or events[0].name != "VEVENT":
        return None
    if any(name in events[0] for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
        return None  # instances to expand: the full expansion's job
    if not _to_utc(events[0], zones):
        return None
    calendar.components = events
    return calendar.serialize()


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
            converted.append(moment.astimezone(dt.UTC).strftime(_UTC_FORMAT))
        prop.value = ",".join(converted)
        del prop.params["TZID"]
    return all(_to_utc(sub, zones) for sub in component.components)
