"""Time zones of a calendar object: IANA names, Windows names, and VTIMEZONE definitions.

RFC 5545 §3.2.19 lets a TZID name any zone the object defines in a VTIMEZONE. Televent reads
IANA names (and Mozilla's `/mozilla.org/…/Area/City`) from the system's zone database, maps
Windows names (Exchange, Outlook) to IANA through `icalendar`'s table, and builds any other
zone from the object's own VTIMEZONE rules.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

import icalendar

from televent.domain.content_lines import Component, iana_zone, unescape_text

Zones = dict[str, dt.tzinfo]
MAX_ZONE_NAME = 100  # the longest IANA name is 32 characters


def zone_named(name: object) -> zoneinfo.ZoneInfo | None:
    """The IANA zone of that name, or None for anything the zone database does not hold: an
    unknown name, a path, one too long to be a file name (the database raises OSError then,
    not ZoneInfoNotFoundError), or no text at all. Every place that reads a zone name someone
    typed or stored asks here."""
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_ZONE_NAME:
        return None
    try:
        return zoneinfo.ZoneInfo(name.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def zone_or_utc(name: object) -> zoneinfo.ZoneInfo:
    """The IANA zone of that name, UTC when there is none (a name stored before it was
    checked, or erased)."""
    return zone_named(name) or zoneinfo.ZoneInfo("UTC")


def calendar_zones(calendar: Component) -> Zones:
    """The object's own zone definitions, for TZIDs that are not IANA or Windows names."""
    zones: Zones = {}
    for definition in calendar.components:
        if definition.name != "VTIMEZONE":
            continue
        prop = definition.get("TZID")
        tzid = "" if prop is None else unescape_text(prop.value).strip().strip('"')
        if tzid and iana_zone(tzid) is None:
            zone = _defined_zone(definition.serialize())
            if zone is not None:
                zones[tzid] = zone
    return zones


@lru_cache(maxsize=256)
def _defined_zone(vtimezone: str) -> dt.tzinfo | None:
    try:
        definition = icalendar.Timezone.from_ical(vtimezone)
        if not isinstance(definition, icalendar.Timezone):
            return None
        zone: dt.tzinfo = definition.to_tz()
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    return zone


def instance_key(moment: dt.date | dt.datetime) -> str:
    """The one name of an instance (RECURRENCE-ID): its UTC instant, or as written when floating
    or a date. Equal for equal instants however the zone was written."""
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        try:
            return moment.astimezone(dt.UTC).isoformat()
        except OverflowError:  # at the edge of the calendar (year 1 east of UTC): as written
            return moment.isoformat()
    return moment.isoformat()


def in_series_form(
    moment: dt.date | dt.datetime, start: dt.date | dt.datetime
) -> dt.date | dt.datetime:
    """An override's RECURRENCE-ID in the form of its series' start `start`, as the expansion
    library matches them: a zoned (or UTC) one of a floating series is the occurrence at its
    local time as written, a floating one of a zoned series the occurrence at that local time
    in the series' zone; alike forms as they are."""
    if isinstance(moment, dt.datetime) and isinstance(start, dt.datetime):
        if start.tzinfo is None and moment.tzinfo is not None:
            return moment.replace(tzinfo=None)
        if start.tzinfo is not None and moment.tzinfo is None:
            return moment.replace(tzinfo=start.tzinfo)
    return moment


def series_instance_key(moment: dt.date | dt.datetime, start: dt.date | dt.datetime) -> str:
    """The instance key of an override's RECURRENCE-ID in a series starting at `start`
    (`in_series_form`)."""
    return instance_key(in_series_form(moment, start))


def normalize_instance_key(text: str) -> str:
    """The instance key of an ISO date or date-time given by a caller."""
    try:
        if len(text.strip()) == 10:
            return dt.date.fromisoformat(text.strip()).isoformat()
        return instance_key(dt.datetime.fromisoformat(text.strip()))
    except ValueError:
        return text.strip()
