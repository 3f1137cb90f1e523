"""icalendar's reading of a stored body, each zone it defines read by its own definition.

icalendar keeps a zone a calendar defines (VTIMEZONE) under its TZID for the whole process,
the first definition of a name winning (`tzp.cache_timezone_component`), and reads every later
time with that TZID by it. Two calendars that define one name differently (Outlook writes
"Customized Time Zone" for any zone it has no name for) would read the second one's times in
the first one's offsets, and which one came first would depend on what the process read
first. Every icalendar parse of a body goes through `read_calendar` (a test holds the modules
to it), which forgets the names a body defines before and after reading it, under one lock,
so each body's times are read in its own zones.

icalendar builds every VTIMEZONE while parsing and fails on one with a property it cannot read
(`DTSTAMP:garbage` in an observance, as some exporters write): such a body is read again with
its VTIMEZONEs cut down to the RFC 5545 §3.6.5 properties (`standard_timezones`), as the
validation of a PUT reads it, so every reader reads what was accepted.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from array import array
from bisect import bisect_right
from functools import lru_cache
from typing import Any

import icalendar
from dateutil.tz import tz as dateutil_zones
from icalendar.timezone import tzp

from televent.domain.content_lines import Component, iana_zone, parse_one, unescape_text, unfold

# icalendar reads RESOURCES and REQUEST-STATUS (RFC 5545 §3.8.1.10, §3.8.8.3) as one TEXT, so a
# calendar written again turned the list "Projector,Screen" into one resource,
# "Projector\\,Screen", and "2.0;Success" into "2.0\\;Success": both are kept as written
# (nothing here reads them).
icalendar.Component.types_factory.types_map.update(
    {"resources": "unknown", "request-status": "unknown"}
)

_LOCK = threading.Lock()
# what icalendar keeps, by name (a private attribute: tests/unit/domain/test_calendar_reading.py
# fails if a release renames it)
_KEPT: dict[str, Any] | None = getattr(tzp, "_TZP__tz_cache", None)
_ZONE_BLOCK = re.compile(
    r"^BEGIN:VTIMEZONE[ \t]*\r?$.*?^END:VTIMEZONE[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)
# A zone a calendar defines is read by lists of its observances' onsets, up to here at first
LISTED_UNTIL = dt.datetime(2100, 1, 1)
# onsets of one zone listed at most, 8 bytes each (the zone rules allow 2,000 up to 2100 and
# 4 a year after: 33,600 up to 9999; a zone of Outlook's from 1601 has 16,800)
MAX_LISTED = 40_000
# dateutil's zone of a VTIMEZONE (private: tests/unit/domain/test_calendar_reading.py fails
# if a release renames it)
_tzicalvtz: Any = dateutil_zones._tzicalvtz  # type: ignore[attr-defined]
_DEFINED = re.compile(r"^TZID(?:;[^:\r\n]*)?:([^\r\n]*)\r?$", re.IGNORECASE | re.MULTILINE)


def read_calendar(text: str | bytes) -> Any:
    """icalendar's `Calendar.from_ical(text)`, the zones the text defines read by their own
    definitions (each built once per definition, not per reading: dateutil's walk of a zone's
    rules from 1601 costs ten milliseconds), a VTIMEZONE icalendar cannot build read cut down
    to its standard properties. Raises what icalendar raises."""
    if not _defines_zones(text):
        return icalendar.Calendar.from_ical(text)
    try:
        return _read_with_zones(text)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        plain = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        standard = standard_timezones(plain)
        if standard is None or standard == plain:
            raise
        return _read_with_zones(standard)


_TIMEZONE_PROPERTIES = {"TZID", "LAST-MODIFIED", "TZURL"}
_OBSERVANCE_PROPERTIES = {
    "DTSTART",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "RRULE",
    "RDATE",
    "TZNAME",
    "COMMENT",
}


def standard_timezones(text: str) -> str | None:
    """The same object with only RFC 5545 §3.6.5 properties in its VTIMEZONEs (None when it
    does not parse as one object)."""
    calendar = parse_one(text)
    if calendar is None:
        return None
    # An empty TZID (an Exchange quirk) names no zone: its times are floating.
    calendar.components = [c for c in calendar.components if c.name != "VTIMEZONE" or tzid_of(c)]
    for component in calendar.components:
        if component.name != "VTIMEZONE":
            for prop in component.properties:
                if prop.params.get("TZID", "x").strip('" ') == "":
                    del prop.params["TZID"]
            continue
        component.properties = [p for p in component.properties if p.name in _TIMEZONE_PROPERTIES]
        for observance in component.components:
            observance.properties = [
                p for p in observance.properties if p.name in _OBSERVANCE_PROPERTIES
            ]
    return calendar.serialize()


def tzid_of(component: Component) -> str:
    """A VTIMEZONE's TZID as written, stripped (empty when it has none)."""
    prop = component.get("TZID")
    return "" if prop is None else prop.value.strip()


def _read_with_zones(text: str | bytes) -> Any:
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
            zone = definition.to_tz(lookup_tzid=False)
            if type(zone) is _tzicalvtz:  # what icalendar's zoneinfo provider builds
                return ListedZone(zone._tzid, zone._comps)
            return zone
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
    them: decoded as TEXT (Outlook's "Amsterdam\\, Berlin") and as written."""
    names = set()
    for value in _DEFINED.findall(unfolded):
        for name in {value.strip(), unescape_text(value.strip())}:
            names |= {name, name.strip('"'), tzp.clean_timezone_id(name.strip('"'))}
    return names


def _forget(names: set[str]) -> None:
    if _KEPT is None:
        return
    for name in names:
        _KEPT.pop(name, None)


class ListedZone(_tzicalvtz):  # type: ignore[misc]
    """dateutil's zone of a VTIMEZONE, which finds the observance of a time as dateutil does
    (the latest onset at or before it, each observance's onsets the instances of its DTSTART,
    RRULE, RDATE, EXRULE and EXDATE), by a search of lists of the onsets, made up to the years
    read: dateutil walks every observance's onsets from its start at each reading of a time (a
    cache of its last ten times aside), a cost as large as the zone's history for every time
    read (a zone from 1601: 1.4 ms a time, 15 ms in the year 9999). A zone of more than
    `MAX_LISTED` onsets up to a time read is left to dateutil from there."""

    def __init__(self, tzid: str, comps: list[Any]) -> None:
        super().__init__(tzid, comps)
        # each observance's onsets, as whole seconds of wall clock (`_seconds`): 8 bytes each
        self._onsets = [array("q") for _ in comps]
        # each observance's walk without dateutil's cache, and its next onset not listed yet,
        # begun at the first listing (building a zone walks nothing, as dateutil's does not)
        self._walks: list[Any] = []
        self._next: list[dt.datetime | None] = []
        self._through: dt.datetime | None = None  # every onset before it is listed
        self._spent = False  # more than MAX_LISTED: dateutil's own walk from `_through` on
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[type[ListedZone], tuple[str, list[Any]]]:
        # pickled as icalendar pickles dateutil's zone (its lists and lock are made anew)
        return (ListedZone, (self._tzid, self._comps))

    def __copy__(self) -> ListedZone:
        return self  # a zone does not change: a copy of a component keeps the same one

    def __deepcopy__(self, memo: dict[int, Any]) -> ListedZone:
        return self

    def _find_comp(self, moment: dt.datetime) -> Any:
        if len(self._comps) == 1:
            return self._comps[0]
        naive = moment.replace(tzinfo=None)
        if not self._listed_past(naive):
            return super()._find_comp(moment)
        folded = self._fold(moment)
        last: tuple[int, Any] | None = None
        for comp, listed in zip(self._comps, self._onsets, strict=True):
            wall = naive - comp.tzoffsetdiff if folded and comp.tzoffsetdiff < _ZERO else naive
            found = bisect_right(listed, _seconds(wall))
            if found and (last is None or last[0] < listed[found - 1]):
                last = (listed[found - 1], comp)
        if last is not None:
            return last[1]
        # before every onset: dateutil's choice, the first standard observance (or its own
        # failure when there is none)
        standard = next((comp for comp in self._comps if not comp.isdst), None)
        return standard if standard is not None else super()._find_comp(moment)

    def _listed_past(self, naive: dt.datetime) -> bool:
        """Whether every onset up to two days after `naive` is listed (a fold moves a time
        by an offset's change), listing them up to the decade after it when not."""
        if self._covers(naive):
            return True
        with self._lock:
            if not self._covers(naive) and not self._spent:
                self._list_to(_decade_after(naive, self._through is None))
            return self._covers(naive)

    def _list_to(self, through: dt.datetime) -> None:
        """List every onset before `through`, or, past `MAX_LISTED` onsets, none at all (the
        zone is then read by dateutil's own walk)."""
        if not self._walks:
            self._walks = [comp.rrule._iter() for comp in self._comps]
            self._next = [next(walk, None) for walk in self._walks]
        left = MAX_LISTED - sum(map(len, self._onsets))
        for index, walk in enumerate(self._walks):
            pending, listed = self._next[index], self._onsets[index]
            while pending is not None and pending < through:
                left -= 1
                if left < 0:
                    self._spent, self._through = True, None
                    self._onsets = [array("q") for _ in self._comps]
                    self._walks, self._next = [], []
                    return
                listed.append(_seconds(pending))
                pending = next(walk, None)
            self._next[index] = pending
        self._through = through

    def _covers(self, naive: dt.datetime) -> bool:
        through = self._through
        if through is None:
            return False
        return through == dt.datetime.max or naive < through - _MARGIN


def _seconds(naive: dt.datetime) -> int:
    """A wall-clock time as whole seconds from the calendar's first (its fraction left out: an
    onset is a whole second, so a time's latest onset is the same)."""
    return (naive - dt.datetime.min) // _SECOND


def _decade_after(naive: dt.datetime, first: bool) -> dt.datetime:
    """Where a listing that covers `naive` ends: the first decade two days after it (not
    before `LISTED_UNTIL` at the first listing), the calendar's last moment at most."""
    if naive >= dt.datetime.max - _MARGIN:
        return dt.datetime.max
    year = (naive + _MARGIN).year // 10 * 10 + 10
    if first:
        year = max(year, LISTED_UNTIL.year)
    return dt.datetime.max if year > 9999 else dt.datetime(year, 1, 1)


_ZERO = dt.timedelta(0)
_MARGIN = dt.timedelta(days=2)
_SECOND = dt.timedelta(seconds=1)
