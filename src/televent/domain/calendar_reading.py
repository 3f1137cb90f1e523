"""icalendar's reading of a stored body, each zone it defines read by its own definition.

icalendar keeps a zone a calendar defines (VTIMEZONE) under its TZID for the whole process,
the first definition of a name winning (`tzp.cache_timezone_component`), and reads every later
time with that TZID by it. Two calendars that define one name differently (Outlook writes
"Customized Time Zone" for any zone it has no name for) would read the second one's times in
the first one's offsets, and which one came first would depend on what the process read
first. Every icalendar parse of a body goes through `read_calendar` (a test holds the modules
to it), which forgets the names a body defines before and after reading it, under one lock,
so each body's times are read in its own zones.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

import icalendar
from icalendar.timezone import tzp

from televent.domain.content_lines import iana_zone, unfold

_LOCK = threading.Lock()
# what icalendar keeps, by name (a private attribute: tests/unit/domain/test_calendar_reading.py
# fails if a release renames it)
_KEPT: dict[str, Any] | None = getattr(tzp, "_TZP__tz_cache", None)
_ZONE_BLOCK = re.compile(
    r"^BEGIN:VTIMEZONE[ \t]*\r?$.*?^END:VTIMEZONE[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)
_DEFINED = re.compile(r"^TZID(?:;[^:\r\n]*)?:([^\r\n]*)\r?$", re.IGNORECASE | re.MULTILINE)


def read_calendar(text: str | bytes) -> Any:
    """icalendar's `Calendar.from_ical(text)`, the zones the text defines read by their own
    definitions (each built once per definition, not per reading: dateutil's walk of a zone's
    rules from 1601 costs ten milliseconds). Raises what icalendar raises."""
    if not _defines_zones(text):
        return icalendar.Calendar.from_ical(text)
    plain = unfold(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
    names: set[str] = set()
    own: dict[str, Any] = {}
    for block in _ZONE_BLOCK.findall(plain):
        defined = _names(block)
        names |= defined
        # a name of the zone database (IANA, Mozilla's, Windows') is read from the database,
        # as `zones.calendar_zones` reads it; icalendar would read it by whichever came
        # first, the database or a body's definition
        known = next((zone for zone in map(iana_zone, sorted(defined)) if zone), None)
        zone = known or defined_zone(block)
        if zone is not None:
            own.update(dict.fromkeys(defined, zone))
    with _LOCK:
        _forget(names)
        if _KEPT is not None:
            _KEPT.update(own)  # icalendar reads the text's times by these, and keeps no other
        try:
            return icalendar.Calendar.from_ical(text)
        finally:
            _forget(names)


def read_zone(vtimezone: str) -> Any:
    """A zone built from one VTIMEZONE's text by its own definition, not a kept one of the
    same name (an `icalendar.Timezone`'s `to_tz`); None when the text is no VTIMEZONE."""
    names = _names(unfold(vtimezone))
    with _LOCK:
        _forget(names)
        try:
            definition = icalendar.Timezone.from_ical(vtimezone)
            if not isinstance(definition, icalendar.Timezone):
                return None
            return definition.to_tz(lookup_tzid=False)
        finally:
            _forget(names)


@lru_cache(maxsize=256)
def defined_zone(vtimezone: str) -> Any:
    """`read_zone`, once per definition's text; None for a definition icalendar cannot build
    (its times are then read as they would be without it)."""
    try:
        return read_zone(vtimezone if vtimezone.endswith("\n") else vtimezone + "\r\n")
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _defines_zones(text: str | bytes) -> bool:
    if isinstance(text, bytes):
        return b"VTIMEZONE" in text.upper()
    return "VTIMEZONE" in text.upper()


def _names(unfolded: str) -> set[str]:
    """The TZID property values of an unfolded text (not TZID parameters), as icalendar keys
    them."""
    names = set()
    for value in _DEFINED.findall(unfolded):
        name = value.strip()
        names |= {name, name.strip('"'), tzp.clean_timezone_id(name.strip('"'))}
    return names


def _forget(names: set[str]) -> None:
    if _KEPT is None:
        return
    for name in names:
        _KEPT.pop(name, None)
