"""Time zones of a calendar object: IANA names, Windows names, and VTIMEZONE definitions.

RFC 5545 §3.2.19 lets a TZID name any zone the object defines in a VTIMEZONE. Televent reads
IANA names (and Mozilla's `/mozilla.org/…/Area/City`) from the system's zone database, maps
Windows names (Exchange, Outlook) to IANA through `icalendar`'s table, and builds any other
zone from the object's own VTIMEZONE rules.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterator
from functools import lru_cache

from televent.domain.calendar_reading import defined_zone
from televent.domain.content_lines import (
    Component,
    ContentError,
    decode_moment,
    decode_recur,
    iana_zone,
    parse,
    unescape_text,
)
from televent.domain.rule_walk import endless_rule, rule_interval, walk

Zones = dict[str, dt.tzinfo]
MAX_ZONE_NAME = 100  # the longest IANA name is 32 characters
# A zone's offset changes yearly, monthly at most: the frequencies of a VTIMEZONE's rules
ZONE_FREQUENCIES = ("YEARLY", "MONTHLY")
MAX_ZONE_CHANGES_A_YEAR = 24  # per rule (a monthly one changes 12 or 13 times in 366 days)


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
    """The object's own zone definitions, for TZIDs that are not IANA or Windows names (none
    whose rules `zone_rules_problem` refuses)."""
    zones: Zones = {}
    for tzid, text in _own_definitions(calendar):
        zone = defined_zone(text) if _text_rules_problem(text) is None else None
        if zone is not None:
            zones[tzid] = zone
    return zones


def _own_definitions(calendar: Component) -> Iterator[tuple[str, str]]:
    """Each VTIMEZONE read by its definition, as (its TZID, its text): not those named by
    the zone database, which are read from it (here and in `calendar_reading`)."""
    for definition in calendar.components:
        if definition.name != "VTIMEZONE":
            continue
        prop = definition.get("TZID")
        tzid = "" if prop is None else unescape_text(prop.value).strip().strip('"')
        if tzid and iana_zone(tzid) is None:
            yield tzid, definition.serialize()


def zone_rules_problem(calendar: Component) -> str | None:
    """Why a VTIMEZONE of the calendar cannot be read safely (a message), or None.

    dateutil, which reads a VTIMEZONE's rules (icalendar hands them to it, and every reader of
    a stored body reads it through icalendar), walks a rule from its DTSTART at each conversion
    of a time: a rule of `INTERVAL=0` never ends (a CalDAV PUT held its worker for good), a
    daily rule since 1601 costs seconds a conversion, and one that never applies walks to the
    year 9999. A zone's offset changes yearly, or monthly at most: its rules repeat yearly or
    monthly, by a whole interval, at most `MAX_ZONE_CHANGES_A_YEAR` times a year each (twice
    a month: BYxxx parts can make a yearly rule daily), and apply at least once."""
    for tzid, text in _own_definitions(calendar):
        problem = _text_rules_problem(text)
        if problem is not None:
            return f"VTIMEZONE {tzid[:80]}: {problem}"
    return None


@lru_cache(maxsize=256)
def _text_rules_problem(vtimezone: str) -> str | None:
    """`_rules_problem` of one VTIMEZONE's text (a client sends its zones with each object)."""
    return _rules_problem(parse(vtimezone)[0])


def _rules_problem(definition: Component) -> str | None:
    for observance in definition.components:
        for rule in observance.all("RRULE"):
            try:
                parts = decode_recur(rule.value)
            except ContentError as exc:
                return str(exc)
            frequency = parts["FREQ"].upper()
            if frequency not in ZONE_FREQUENCIES:
                return (
                    f"RRULE FREQ={frequency[:20]} is not read: a time zone's rules repeat "
                    "yearly or monthly."
                )
            if rule_interval(parts) is None:
                return (
                    f"RRULE INTERVAL={parts['INTERVAL'][:20]} is not read: an interval is a "
                    "whole number of at least 1."
                )
            problem = _trial_problem(observance, parts)
            if problem is not None:
                return problem
    return None


def _trial_problem(observance: Component, parts: dict[str, str]) -> str | None:
    """A rule's first instances from its observance's DTSTART, walked with bounded work: none
    (the rule never applies) or too many in a year is a problem."""
    start_prop = observance.get("DTSTART")
    if start_prop is None:
        return None  # icalendar refuses the zone itself
    try:
        rule = endless_rule(parts, decode_moment(start_prop.value, None, {}))
        first = list(itertools.islice(walk(rule), MAX_ZONE_CHANGES_A_YEAR + 1))
    except (ContentError, ValueError, TypeError, OverflowError):
        return None  # what dateutil cannot read, icalendar refuses
    if not first:
        return "an RRULE that never applies is not read."
    if len(first) > MAX_ZONE_CHANGES_A_YEAR and first[-1] - first[0] < dt.timedelta(days=366):
        return (
            f"an RRULE that changes the offset more than {MAX_ZONE_CHANGES_A_YEAR} times "
            "a year is not read."
        )
    return None


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
