"""The time zone a query reads floating times and dates in (RFC 4791 §9.9).

RFC 4791 §9.9: floating DATE-TIME and DATE values of a time-range (and of a free-busy-query,
§7.10, and an expansion, §9.6.5) are read in the zone of the query's CALDAV:timezone element
(§9.8; RFC 7809's CALDAV:timezone-id names one instead), else in the calendar's
CALDAV:calendar-timezone, else (Televent's choice) in UTC. A calendar's stored time zone is
either a VCALENDAR with one VTIMEZONE (a client's PROPPATCH or MKCALENDAR) or an IANA name (an
account's default calendar takes the account's zone).

A VTIMEZONE whose TZID the zone database knows is read from the database, as the TZIDs of
stored objects are (`domain.zones`); any other is built from its own rules, once checked as
every stored definition is (`zones.zone_rules_problem`).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zoneinfo
from functools import lru_cache

from televent.adapters.caldav.protocol import DavError
from televent.adapters.caldav.xml import CALDAV, tag
from televent.domain.calendar_reading import defined_zone
from televent.domain.content_lines import iana_zone, parse_one, unescape_text
from televent.domain.ical import FLOATING_SLACK
from televent.domain.zones import zone_named, zone_rules_problem

UTC: dt.tzinfo = dt.UTC
_ZERO = dt.timedelta(0)
_ONE_DAY = dt.timedelta(days=1)
# A VTIMEZONE may declare any offset up to ±23:59 (RFC 5545 §3.3.14), the index only allows for
# FLOATING_SLACK (14 hours, the widest offset of the zone database today): the rest
_DEFINED_ZONE_MARGIN = dt.timedelta(hours=24) - FLOATING_SLACK


def calendar_zone(stored: str | None) -> dt.tzinfo:
    """The zone of a calendar's stored time zone (a VCALENDAR text or an IANA name); UTC
    when it has none, or one that cannot be read (its floating times read as before)."""
    if stored is None or not stored.strip():
        return UTC
    if stored.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        return _zone_of_text(stored.strip()) or UTC
    return zone_named(stored) or UTC


def request_zone(body: ET.Element, fallback: dt.tzinfo) -> dt.tzinfo:
    """The zone a report's body names in CALDAV:timezone (RFC 4791 §9.8) or CALDAV:timezone-id
    (RFC 7809 §5.2), `fallback` when it names none.

    Raises:
        DavError: 403 CALDAV:valid-calendar-data for a CALDAV:timezone that is not an iCalendar
            object holding one readable VTIMEZONE (RFC 4791 §7.8); 403 CALDAV:valid-timezone
            for a timezone-id the zone database does not know; 400 for both elements.
    """
    text_element = body.find(tag(CALDAV, "timezone"))
    id_element = body.find(tag(CALDAV, "timezone-id"))
    if text_element is not None and id_element is not None:
        raise DavError(400, "A query takes CALDAV:timezone or CALDAV:timezone-id, not both.")
    if text_element is not None:
        zone = _zone_of_text((text_element.text or "").strip())
        if zone is None:
            raise DavError(
                403,
                "CALDAV:timezone must be an iCalendar object holding one readable VTIMEZONE.",
                "valid-calendar-data",
            )
        return zone
    if id_element is not None:
        named = zone_named(id_element.text or "")
        if named is None:
            raise DavError(403, "CALDAV:timezone-id names no known time zone.", "valid-timezone")
        return named
    return fallback


def prefilter_margin(
    zone: dt.tzinfo, start: dt.datetime | None, end: dt.datetime | None
) -> dt.timedelta:
    """How much wider than ``[start, end)`` a search of the index must look for objects with
    floating times or dates read in `zone`: the index places them at their times read in UTC,
    widened by FLOATING_SLACK, which holds every offset of the zone database but those of
    local mean time in some zones before 1900 (up to 15:56) and a client's own VTIMEZONE's."""
    if zone is UTC:
        return _ZERO
    if not isinstance(zone, zoneinfo.ZoneInfo):
        return _DEFINED_ZONE_MARGIN
    largest = _ZERO
    for bound in (b for b in (start, end) if b is not None):
        for step in (-_ONE_DAY, _ZERO, _ONE_DAY):
            try:  # the offsets near the bound: those of the times an instance there has
                offset = (bound + step).astimezone(zone).utcoffset() or _ZERO
            except (OverflowError, ValueError):  # the first or last day of the calendar
                return _DEFINED_ZONE_MARGIN
            largest = max(largest, abs(offset))
    return max(largest - FLOATING_SLACK, _ZERO)


@lru_cache(maxsize=64)
def _zone_of_text(text: str) -> dt.tzinfo | None:
    """The zone of a VCALENDAR holding exactly one VTIMEZONE, or None."""
    calendar = parse_one(text) if text else None
    if calendar is None or calendar.name != "VCALENDAR":
        return None
    zones = [c for c in calendar.components if c.name == "VTIMEZONE"]
    if len(zones) != 1:
        return None
    prop = zones[0].get("TZID")
    tzid = "" if prop is None else unescape_text(prop.value).strip().strip('"')
    if not tzid:
        return None
    known = iana_zone(tzid)
    if known is not None:
        return known
    if zone_rules_problem(calendar) is not None:
        return None
    zone: dt.tzinfo | None = defined_zone(zones[0].serialize())
    return zone
