"""Time zones of a calendar object: IANA names, Windows names, and VTIMEZONE definitions.

RFC 5545 §3.2.19 lets a TZID name any zone the object defines in a VTIMEZONE. Televent reads
IANA names (and Mozilla's `/mozilla.org/…/Area/City`) from the system's zone database, maps
Windows names (Exchange, Outlook) to IANA through `icalendar`'s table, and builds any other
zone from the object's own VTIMEZONE rules.
"""

from __future__ import annotations

import datetime as dt
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
from televent.domain.rule_walk import first_instances, rule_interval, trial_rule

Zones = dict[str, dt.tzinfo]
MAX_ZONE_NAME = 100  # the longest IANA name is 32 characters
# A zone's offset changes yearly, monthly at most: the frequencies of a VTIMEZONE's rules
ZONE_FREQUENCIES = ("YEARLY", "MONTHLY")
MAX_ZONE_CHANGES_A_YEAR = 24  # per rule (a monthly one changes 12 or 13 times in 366 days)
# The months of calendar dateutil walks for all of a zone's rules, from their starts to
# ZONE_HORIZON (a yearly rule's period is twelve months, an observance counts one year, an
# RDATE one month): about 70 µs a year of a rule at the first reading after a start, a
# cached list of its changes after. Outlook's zones from 1601 take 12,600; a monthly rule
# since 1981 1,450; four hundred yearly rules since the year 1 ten million.
MAX_ZONE_MONTHS = 36_000
ZONE_HORIZON = dt.datetime(2100, 1, 1)
# The instances of a zone's observances up to ZONE_HORIZON: dateutil keeps them, and walks the
# list of those before a time at each reading of one (about 1.4 µs each). Outlook's zones from
# 1601 have 1,000; a monthly rule since 1981 1,430; a history of eras (tzurl) a few hundred.
MAX_ZONE_CHANGES = 2_000
# The changes a year of a zone's rules that go on past ZONE_HORIZON, together: a reader lists
# a zone's changes up to the times it reads, to the year 9999 at most (a zone's summer and
# winter time: 2)
MAX_ZONE_CHANGES_LATER = 4
# Parts of a rule no zone uses, which cost dateutil a walk of the whole year per value and
# step (BYSETPOS), or are its own (BYEASTER); and at most this many values of any part (a
# zone's rules have one to seven: BYMONTHDAY=8,9,10,11,12,13,14)
ZONE_UNREAD_PARTS = ("BYSETPOS", "BYEASTER")
MAX_ZONE_RULE_VALUES = 31


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
        if prop is not None and tzid and iana_zone(tzid) is None:
            yield tzid, definition.serialize()
            # a TZID parameter is no TEXT: My\:Zone there names the zone TZID:My\:Zone defines
            written = unescape_text(prop.value, colon=False).strip().strip('"')
            if written != tzid:
                yield written, definition.serialize()


def zone_rules_problem(calendar: Component) -> str | None:
    """Why a VTIMEZONE of the calendar cannot be read safely (a message), or None.

    dateutil, which reads a VTIMEZONE's rules (icalendar hands them to it, and every reader of
    a stored body reads it through icalendar), walks each of a zone's rules (RRULE and EXRULE)
    from its DTSTART at each conversion of a time: a rule of `INTERVAL=0` never ends (a CalDAV
    PUT held its worker for good), a daily rule since 1601 costs seconds a conversion, one
    that never applies walks to the year 9999, and four hundred yearly rules since the year 1
    cost seconds too. A zone's offset changes yearly, or monthly at most: its rules repeat
    yearly or monthly, by a whole interval, at most `MAX_ZONE_CHANGES_A_YEAR` times a year each
    (twice a month: BYxxx parts can make a yearly rule daily), and apply at least once; all of
    a zone's rules together walk at most `MAX_ZONE_MONTHS` of calendar up to `ZONE_HORIZON`.
    A zone's rules that go on past `ZONE_HORIZON` change the offset at most
    `MAX_ZONE_CHANGES_LATER` times a year together (`calendar_reading.ListedZone` lists a zone's
    changes up to the times read). And a VTIMEZONE stands at the top of the calendar (RFC 5545
    §3.6): icalendar keeps one nested in an event too, where no check would see it."""
    nested = _nested_zone(calendar)
    if nested is not None:
        return nested
    for tzid, text in _own_definitions(calendar):
        problem = _text_rules_problem(text)
        if problem is not None:
            return f"VTIMEZONE {tzid[:80]}: {problem}"
    return None


def _nested_zone(calendar: Component) -> str | None:
    """A message naming the component a VTIMEZONE stands in, when one stands anywhere but at
    the top of the calendar."""
    for component in calendar.components:
        for inner in component.components:
            for holder, held in _held(component, inner):
                if held.name == "VTIMEZONE":
                    return (
                        f"a VTIMEZONE inside a {holder.name[:40]} is not read: a calendar's "
                        "zones stand at its top level (RFC 5545 §3.6)."
                    )
    return None


def _held(holder: Component, component: Component) -> Iterator[tuple[Component, Component]]:
    yield holder, component
    for inner in component.components:
        yield from _held(component, inner)


@lru_cache(maxsize=256)
def _text_rules_problem(vtimezone: str) -> str | None:
    """`_rules_problem` of one VTIMEZONE's text (a client sends its zones with each object)."""
    return _rules_problem(parse(vtimezone)[0])


def _rules_problem(definition: Component) -> str | None:
    months = 0  # of calendar dateutil walks for the zone (MAX_ZONE_MONTHS)
    changes = 0  # instances of its observances up to ZONE_HORIZON (MAX_ZONE_CHANGES)
    later = 0.0  # changes a year of its rules from ZONE_HORIZON on (MAX_ZONE_CHANGES_LATER)
    for observance in definition.components:
        if len(observance.all("DTSTART")) > 1:  # dateutil reads the last, the check the first
            return f"a {observance.name[:20]} with more than one DTSTART is not read."
        start = _start(observance)
        dates = sum(len(rdate.value.split(",")) for rdate in observance.all("RDATE"))
        months += 12 + dates
        changes += 1 + dates
        for name in ("RRULE", "EXRULE"):  # dateutil walks both
            for rule in observance.all(name):
                parts, problem = _zone_rule(name, rule.value)
                if problem is None and parts is not None and start is not None:
                    problem, walked, a_year = _trial(name, parts, start, MAX_ZONE_MONTHS - months)
                    to_horizon = _months_to_horizon(parts, start)
                    months += walked + to_horizon
                    before = None
                    if months <= MAX_ZONE_MONTHS:
                        before = _changes(parts, start, to_horizon, MAX_ZONE_CHANGES - changes)
                        changes += before
                    if name == "RRULE" and _runs_past_horizon(parts, before):  # EXRULE takes away
                        later += a_year
                if problem is not None:
                    return problem
        if months > MAX_ZONE_MONTHS or changes > MAX_ZONE_CHANGES:
            break
    if months > MAX_ZONE_MONTHS:
        return (
            "its rules are not read: together they change the offset more often than a "
            "reader can walk (more than "
            f"{MAX_ZONE_MONTHS // 12} years of rules from their starts to {ZONE_HORIZON.year})."
        )
    if changes > MAX_ZONE_CHANGES:  # before `later`: past it, counted rules are not counted out
        return (
            f"its rules are not read: they change the offset more than {MAX_ZONE_CHANGES} "
            f"times up to {ZONE_HORIZON.year}, and every reading of a time walks them all."
        )
    if later > MAX_ZONE_CHANGES_LATER + 0.01:
        return (
            f"its rules are not read: together they change the offset {later:.0f} times a year "
            f"on and on, more than the {MAX_ZONE_CHANGES_LATER} a reader lists."
        )
    return None


def _changes(
    parts: dict[str, str], start: dt.date | dt.datetime, to_horizon: int, most: int
) -> int:
    """The instances of a zone rule (with its UNTIL and COUNT) from its observance's DTSTART
    to `ZONE_HORIZON`, walking its `to_horizon` months (`_months_to_horizon`), more than `most`
    when so: dateutil keeps them, and walks the list of those before a time at each reading of
    a time."""
    steps = 2 * (to_horizon // _period(parts)) + 4  # two for ordinal BYDAY
    try:
        rule = trial_rule(parts, start, keep_ends=True)
        found, _ = first_instances(rule, max(most, 0) + 1, steps, before=ZONE_HORIZON)
    except (ContentError, ValueError, TypeError, OverflowError):
        return 0  # what dateutil cannot read, icalendar refuses
    return len(found)


def _start(observance: Component) -> dt.date | dt.datetime | None:
    start_prop = observance.get("DTSTART")
    if start_prop is None:
        return None  # icalendar refuses the zone itself
    try:
        return decode_moment(start_prop.value, None, {})
    except (ContentError, ValueError, OverflowError):
        return None  # what dateutil cannot read, icalendar refuses


def _zone_rule(name: str, value: str) -> tuple[dict[str, str] | None, str | None]:
    """A zone rule's parts as icalendar reads them (it passes over a part that is not one
    NAME=VALUE pair, as the stray `;` some clients end a rule with), or why it is refused."""
    try:
        parts = decode_recur(";".join(p for p in value.split(";") if p.count("=") == 1))
    except ContentError as exc:
        return None, f"{name} {exc}"
    frequency = parts["FREQ"].upper()
    if frequency not in ZONE_FREQUENCIES:
        return None, (
            f"{name} FREQ={frequency[:20]} is not read: a time zone's rules repeat "
            "yearly or monthly."
        )
    if rule_interval(parts) is None:
        return None, (
            f"{name} INTERVAL={parts['INTERVAL'][:20]} is not read: an interval is a "
            "whole number of at least 1."
        )
    for key, values in parts.items():
        if key in ZONE_UNREAD_PARTS:
            return None, f"{name} {key[:20]} is not read in a time zone's rule."
        if values.count(",") >= MAX_ZONE_RULE_VALUES:  # dateutil keeps repeated values
            return None, (
                f"{name} {key[:20]} with more than {MAX_ZONE_RULE_VALUES} values is not read "
                "in a time zone's rule."
            )
    return parts, None


def _trial(
    name: str, parts: dict[str, str], start: dt.date | dt.datetime, months: int
) -> tuple[str | None, int, float]:
    """A rule's first instances from its observance's DTSTART, walked with at most `months`
    of calendar: none (the rule never applies) or too many in a year is a problem; and the
    months walked, and its instances in the year from its first."""
    period = _period(parts)
    try:
        first, steps = first_instances(
            trial_rule(parts, start), MAX_ZONE_CHANGES_A_YEAR + 1, max(months // period, 0)
        )
    except (ContentError, ValueError, TypeError, OverflowError):
        return None, 0, 0.0  # what dateutil cannot read, icalendar refuses
    walked = steps * period
    a_year = _a_year(first)
    if walked > months:
        return None, walked, a_year  # the zone's walk is spent: refused for that
    if not first:
        return f"an {name} that never applies is not read.", walked, 0.0
    if len(first) > MAX_ZONE_CHANGES_A_YEAR and first[-1] - first[0] < dt.timedelta(days=366):
        return (
            (
                f"an {name} that changes the offset more than {MAX_ZONE_CHANGES_A_YEAR} times "
                "a year is not read."
            ),
            walked,
            a_year,
        )
    return None, walked, a_year


def _a_year(first: list[dt.datetime]) -> float:
    """A rule's instances a year, from its first ones (a yearly one's fall 364 or 371 days
    apart: one a year)."""
    if len(first) < 2 or first[-1] <= first[0]:
        return float(len(first))
    span = (first[-1] - first[0]) / dt.timedelta(days=365.25)
    return (len(first) - 1) / span if span >= 1 else float(len(first))


def _runs_past_horizon(parts: dict[str, str], before: int | None) -> bool:
    """Whether a zone rule may have instances from `ZONE_HORIZON` on: one without an UNTIL
    before it, unless it has a COUNT that its `before` instances up to it (`_changes`; None
    when not counted) use up."""
    if _until(parts) < ZONE_HORIZON:
        return False
    try:
        count = int(parts["COUNT"])
    except (KeyError, ValueError):
        return True
    return before is None or before < count


def _until(parts: dict[str, str]) -> dt.datetime:
    """A zone rule's UNTIL as the wall clock dateutil reads it as, `ZONE_HORIZON` when it has
    none or when it cannot be read (icalendar refuses the rule then, and the zone)."""
    until = parts.get("UNTIL")
    if until is None:
        return ZONE_HORIZON
    try:
        moment = decode_moment(until, None, {})
    except (ContentError, ValueError, OverflowError):
        return ZONE_HORIZON
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day)
    return moment.replace(tzinfo=None)


def _period(parts: dict[str, str]) -> int:
    """The months of a zone rule's period: twelve for a yearly one, one for a monthly one."""
    return 12 if parts["FREQ"].upper() == "YEARLY" else 1


def _months_to_horizon(parts: dict[str, str], start: dt.date | dt.datetime) -> int:
    """The months of calendar dateutil walks for a zone rule from its observance's DTSTART to
    its UNTIL or `ZONE_HORIZON` (whole periods, by its INTERVAL; COUNT is not counted, so this
    is at most what it walks)."""
    end = min(ZONE_HORIZON, _until(parts))
    months = (end.year - start.year) * 12 + end.month - start.month
    step = _period(parts) * (rule_interval(parts) or 1)
    return (max(months, 0) // step + 1) * _period(parts)


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
