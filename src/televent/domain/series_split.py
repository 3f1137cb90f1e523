"""A series split at one of its occurrences: "this and following" as calendar clients store it
(RFC 5545 §3.8.4.4 RANGE=THISANDFUTURE, written as two series, the way Apple Calendar and
Google Calendar write it).

The first part keeps the series' UID and ends just before the occurrence: each RRULE loses its
COUNT and gets an UNTIL one second (one day, for an all-day series) before it, in the value type
§3.3.10 asks for: a UTC date-time for a series in a time zone, a local time for a floating one,
a date for an all-day one. Its RDATEs, EXDATEs and overridden instances from the occurrence on
leave it. They go with the second part: a new series, with a new UID, that starts at the
occurrence and repeats by the same rule (its COUNT less the instances before the split; a day
the rule took from the old DTSTART written out when the occurrence lies off the rule's grid),
with everything else of the master (attendees, alarms, a client's own properties). So every
occurrence before the split stays as it was, and every one from it on is in the new series:
none lost, none doubled.

When nothing of the series comes before the occurrence, there is nothing to split: the whole
series is the part from the occurrence on (`Split.ended` is None), changed in place (it starts
at the occurrence when the instances before it were all cancelled).

An edit of "this and following" (`edited_from`) is the split with the changes made to the new
series as a whole: the times a client sends are the occurrence's new times, and every following
occurrence moves by as much and takes the new length, its exceptions along with it.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

import icalendar
from dateutil.rrule import rrulestr

from televent.domain.calendar_writing import calendar_text
from televent.domain.errors import DomainError
from televent.domain.event_fields import (
    EventChanges,
    component_times,
    edited_text,
    event_calendar,
    event_times,
    instance_moment,
    instance_of,
    master_of,
    not_repeating,
    overrides_of,
    zone_name_of,
    zone_of,
)
from televent.domain.event_times import Moment
from televent.domain.ical import facts_of, parse_calendar_object, timing_moved
from televent.domain.ical_edits import with_partstats_reset
from televent.domain.occurrences import EXPANSION_ERRORS, occurrences_between
from televent.domain.rule_walk import walk

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COMPARED = 1_000  # instances `series_shortened` compares at most
HORIZON = dt.timedelta(days=100 * 366)  # how far it looks for them
_UNREADABLE: tuple[type[Exception], ...] = (DomainError, *EXPANSION_ERRORS)
# Rule parts that name the days of a period; without them a rule takes the day from DTSTART.
_DAY_PARTS = frozenset({"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO"})


@dataclass(frozen=True)
class Split:
    """A stored series cut at one occurrence."""

    ended: str | None  # the series before the occurrence; None when nothing comes before it
    following: str  # the series from the occurrence on: a new UID, unless `ended` is None


def split_at(text: str, occurrence: str, *, uid: str, stamp: dt.datetime) -> Split:
    """The stored series `text` cut at `occurrence` (a recurrence id as the JSON API names it;
    not an occurrence of the series: NotFoundError). `uid` names the new series."""
    calendar = event_calendar(text)
    master, moment = _series_at(calendar, occurrence)
    if not _anything_before(calendar, master, moment):
        zone = _zone(master)
        if _order(master.decoded("DTSTART"), zone) == _order(moment, zone):
            return Split(None, text)
        _start_at(calendar, moment, None, stamp)  # earlier instances all cancelled: trimmed
        return Split(None, calendar_text(calendar))
    ended = copy.deepcopy(calendar)
    _end_before(ended, moment, stamp)
    following = calendar
    _start_at(following, moment, uid, stamp)
    return Split(calendar_text(ended), calendar_text(following))


def ended_before(text: str, occurrence: str, *, stamp: dt.datetime) -> str | None:
    """The series without `occurrence` and the ones after it ("delete this and following");
    None when nothing of it comes before (the whole event goes)."""
    calendar = event_calendar(text)
    master, moment = _series_at(calendar, occurrence)
    if not _anything_before(calendar, master, moment):
        return None
    _end_before(calendar, moment, stamp)
    return calendar_text(calendar)


def edited_from(
    text: str,
    changes: EventChanges,
    *,
    occurrence: str,
    uid: str,
    stamp: dt.datetime,
    zone_name: str,
) -> Split:
    """The series split at `occurrence`, the changes made to the part from it on ("edit this
    and following"). `start` and `end` are the occurrence's new times: the following ones move
    by as much and take that length; `recurrence` is the new part's rule."""
    split = split_at(text, occurrence, uid=uid, stamp=stamp)
    following = _edited(split.following, changes, occurrence, stamp=stamp, zone_name=zone_name)
    return Split(split.ended, following)


def series_shortened(old: str, new: str) -> bool:
    """Whether the series' master of `new` repeats only on instances `old` repeats on, from the
    same start at the same times: a series ended earlier (as a split ends one) moves none of
    its occurrences, so its guests' answers still hold. False whenever that cannot be told
    (no series, an endless or very long new series, data the expansion cannot read)."""
    try:
        before, after = event_calendar(old), event_calendar(new)
        masters = (master_of(before), master_of(after))
        if not _same_rule_ending(*masters):
            return False
        kept = _master_starts(after, masters[1], None)
        if not kept:
            return False
        last = max(kept, key=lambda moment: _order(moment, _zone(masters[1])))
        return kept <= (_master_starts(before, masters[0], last) or set())
    except _UNREADABLE:
        return False


def _same_rule_ending(old: Any, new: Any) -> bool:
    """Both masters start and end alike and repeat by one rule, the same but for its end, and
    the new one ends."""
    if old is None or new is None or component_times(old) != component_times(new):
        return False
    rules = [_as_list(m.get("RRULE")) for m in (old, new)]
    if [len(r) for r in rules] != [1, 1] or not {"UNTIL", "COUNT"} & set(rules[1][0]):
        return False
    return _without_end(rules[0][0]) == _without_end(rules[1][0])


def _without_end(rule: icalendar.vRecur) -> dict[str, Any]:
    return {name: value for name, value in rule.items() if name not in ("UNTIL", "COUNT")}


def _master_starts(
    calendar: icalendar.Calendar, master: Any, until: Moment | None
) -> set[Moment] | None:
    """The starts of the master's own instances (its overrides left aside) up to `until`
    (None: all of them, when there are at most `MAX_COMPARED`; else None)."""
    alone = icalendar.Calendar()
    for component in calendar.subcomponents:
        if component.name != "VEVENT":
            alone.add_component(component)
    alone.add_component(master)
    start = master.decoded("DTSTART")
    if until is None:
        end: Moment = start + HORIZON
    elif isinstance(until, dt.datetime):
        end = until + dt.timedelta(seconds=1)
    else:
        end = until + dt.timedelta(days=1)
    found = {
        occurrence.decoded("DTSTART")
        for occurrence in occurrences_between(alone, start, end, limit=MAX_COMPARED + 1)
    }
    return None if len(found) > MAX_COMPARED else found


# --- the cut ----------------------------------------------------------------------------------


def _series_at(calendar: icalendar.Calendar, occurrence: str) -> tuple[Any, Moment]:
    """The master of a repeating resource and the instance moment a client named (refused
    when the event does not repeat, not found when there is no occurrence at that moment)."""
    master = master_of(calendar)
    if master is None or not {"RRULE", "RDATE"} & set(master):
        raise not_repeating()
    instance_of(calendar, occurrence, create=False)  # NotFoundError for a moment off the series
    return master, instance_moment(master, occurrence)


def _anything_before(calendar: icalendar.Calendar, master: Any, moment: Moment) -> bool:
    """Whether the series has an occurrence (overridden or not) before `moment`."""
    zone = _zone(master)
    limit = _order(moment, zone)
    if any(_order(o.decoded("RECURRENCE-ID"), zone) < limit for o in overrides_of(calendar)):
        return True
    try:
        for component in occurrences_between(calendar, master.decoded("DTSTART"), moment):
            rid = component.get("RECURRENCE-ID")
            if rid is not None and _order(rid.dt, zone) < limit:
                return True
    except EXPANSION_ERRORS as exc:
        raise DomainError(f"This series cannot be split: {exc}").worded(
            "refusal-calendars-series-unsplittable"
        ) from None
    return False


def _end_before(calendar: icalendar.Calendar, moment: Moment, stamp: dt.datetime) -> None:
    """Keep what comes before `moment`: rules end there, later dates and overrides go."""
    master = master_of(calendar)
    zone = _zone(master)
    limit = _order(moment, zone)
    for rule in _as_list(master.get("RRULE")):
        rule.pop("COUNT", None)
        rule["UNTIL"] = [_until(master.decoded("DTSTART"), moment)]
    _keep_dates(master, lambda value: _order(value, zone) < limit)
    for override in overrides_of(calendar):
        if _order(override.decoded("RECURRENCE-ID"), zone) >= limit:
            calendar.subcomponents.remove(override)
    _stamp(master, stamp, ("DTSTAMP", "LAST-MODIFIED"))


def _start_at(
    calendar: icalendar.Calendar, moment: Moment, uid: str | None, stamp: dt.datetime
) -> None:
    """Make the resource the series from `moment` on: a new one under `uid`, or (None) the
    same one, starting later."""
    master = master_of(calendar)
    zone = _zone(master)
    limit = _order(moment, zone)
    start = master.decoded("DTSTART")
    for rule in _as_list(master.get("RRULE")):
        _continued(rule, start, moment)
    _keep_dates(master, lambda value: _order(value, zone) >= limit)
    for override in overrides_of(calendar):
        if _order(override.decoded("RECURRENCE-ID"), zone) < limit:
            calendar.subcomponents.remove(override)
    for component in [master, *overrides_of(calendar)] if uid is not None else []:
        component.pop("UID", None)
        component.add("UID", uid)
        component.pop("SEQUENCE", None)
        component.add("SEQUENCE", 0)
        _stamp(component, stamp, ("DTSTAMP", "CREATED", "LAST-MODIFIED"))
    if uid is None:
        _stamp(master, stamp, ("DTSTAMP", "LAST-MODIFIED"))
    length = master.decoded("DTEND") - start if "DTEND" in master else None
    master.pop("DTSTART")
    master.add("DTSTART", moment)
    if length is not None:
        master.pop("DTEND")
        master.add("DTEND", moment + length)


def _continued(rule: icalendar.vRecur, start: Moment, moment: Moment) -> None:
    """A rule of the series as the new series from `moment` repeats it: the instances left
    of a COUNT, and the day the rule took from the old start when the new one differs."""
    if "COUNT" in rule:
        before = _instances_before(rule, start, moment)
        rule["COUNT"] = [max(1, int(rule["COUNT"][0]) - before)]
    freq = str(rule.get("FREQ", [""])[0]).upper()
    named = set(rule)
    if freq == "WEEKLY" and "BYDAY" not in named and start.weekday() != moment.weekday():
        rule["BYDAY"] = [WEEKDAYS[start.weekday()]]
    elif freq == "MONTHLY" and not named & _DAY_PARTS and start.day != moment.day:
        rule["BYMONTHDAY"] = [start.day]
    elif (
        freq == "YEARLY"
        and not named & (_DAY_PARTS | {"BYMONTH"})
        and ((start.month, start.day) != (moment.month, moment.day))
    ):
        rule["BYMONTH"] = [start.month]
        rule["BYMONTHDAY"] = [start.day]


def _instances_before(rule: icalendar.vRecur, start: Moment, moment: Moment) -> int:
    """How many instances the rule makes from `start` before `moment` (as dateutil counts
    them for COUNT)."""
    anchor, limit = _naive_days(start), _naive_days(moment)
    try:
        text = rule.to_ical().decode("utf-8")  # type: ignore[no-untyped-call]
        walked = rrulestr(text, dtstart=anchor)
        count = 0
        for found in walk(walked):
            if found >= limit:
                break
            count += 1
    except EXPANSION_ERRORS as exc:
        raise DomainError(f"This series' rule cannot be split: {exc}").worded(
            "refusal-calendars-series-unsplittable"
        ) from None
    return count


def _until(start: Moment, moment: Moment) -> Moment:
    """The UNTIL that ends a rule just before `moment`, in the type of the series' DTSTART."""
    if not isinstance(moment, dt.datetime):
        return moment - dt.timedelta(days=1)
    last = moment - dt.timedelta(seconds=1)
    if isinstance(start, dt.datetime) and start.tzinfo is None:
        return last.replace(tzinfo=None)  # a floating series ends at a local time
    return last.astimezone(dt.UTC)


def _keep_dates(master: Any, keep: Any) -> None:
    """Keep only the RDATE and EXDATE values `keep` accepts (a property left empty goes)."""
    for name in ("RDATE", "EXDATE"):
        kept = []
        for prop in _as_list(master.get(name)):
            prop.dts = [value for value in prop.dts if keep(_first(value.dt))]
            if prop.dts:
                kept.append(prop)
        master.pop(name, None)
        if kept:
            master[name] = kept if len(kept) > 1 else kept[0]


# --- the edit ---------------------------------------------------------------------------------


def _edited(
    text: str, changes: EventChanges, occurrence: str, *, stamp: dt.datetime, zone_name: str
) -> str:
    """The new series with the changes made from its first occurrence (named `occurrence`)."""
    calendar = event_calendar(text)
    master = master_of(calendar)
    current = instance_of(calendar, occurrence, create=False)
    overridden = any(current is override for override in overrides_of(calendar))
    series = changes
    first = master.decoded("DTSTART")
    if changes.touches_times():
        zone = zone_of(changes.timezone or zone_name_of(current) or zone_name)
        before = component_times(current)
        start, end = event_times(changes, zone, before)
        first = start
        if overridden and isinstance(start, dt.datetime) == isinstance(before[0], dt.datetime):
            first = master.decoded("DTSTART") + (start - before[0])  # type: ignore[operator]
        series = dataclasses.replace(
            changes,
            given=changes.given | {"start", "end", "all_day"},
            start=first.isoformat(),
            end=(first + (end - start)).isoformat(),  # type: ignore[operator]
            all_day=not isinstance(start, dt.datetime),
        )
    edited = edited_text(text, series, occurrence=None, stamp=stamp, zone_name=zone_name)
    own = dataclasses.replace(changes, given=changes.given - {"recurrence"})
    if overridden and own.given and _still_overridden(edited, first):
        edited = edited_text(
            edited, own, occurrence=first.isoformat(), stamp=stamp, zone_name=zone_name
        )
    moved = timing_moved(_facts(text), _facts(edited))
    return with_partstats_reset(edited, moved) if moved else edited


def _still_overridden(text: str, first: Moment) -> bool:
    """Whether the new series' first occurrence still has its override (a change between
    dates and times, or a series made single, drops the overrides)."""
    calendar = event_calendar(text)
    master = master_of(calendar)
    zone = _zone(master)
    return any(
        _order(o.decoded("RECURRENCE-ID"), zone) == _order(first, zone)
        for o in overrides_of(calendar)
    )


def _facts(text: str) -> dict[str, Any]:
    return facts_of(parse_calendar_object(text))


# --- helpers ----------------------------------------------------------------------------------


def _zone(master: Any) -> dt.tzinfo:
    start = master.decoded("DTSTART")
    return start.tzinfo if isinstance(start, dt.datetime) and start.tzinfo else dt.UTC


def _order(value: Moment, zone: dt.tzinfo) -> dt.datetime:
    """A moment as an instant to compare with others of the series (a date at its midnight, a
    floating time in the series' zone)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(), zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _naive_days(value: Moment) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time())


def _first(value: Any) -> Moment:
    """The start of an RDATE or EXDATE value (a PERIOD is a pair)."""
    return value[0] if isinstance(value, tuple) else value  # type: ignore[no-any-return]


def _stamp(component: Any, stamp: dt.datetime, names: tuple[str, ...]) -> None:
    for name in names:
        component.pop(name, None)
        component.add(name, stamp.astimezone(dt.UTC))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
