"""What a calendar object resource must be before it is stored (CalDAV PUT, RFC 4791 §5.3.2):
decided once, at write time, so that every later reader (time-range queries with and without
expand, free-busy, the bot's listings, reminders, exports, rebuilds) can rely on it.

An object is either repaired, when what it means is clear, or refused with the CalDAV
precondition and a message saying why; it is never stored to fail later. Repairs change the
stored text, so the PUT answers without an ETag (RFC 4791 §5.3.4):

- `METHOD:PUBLISH`, which Google, Outlook and Apple write into every exported file, is removed:
  a resource holds no METHOD (RFC 4791 §4.1). Other methods (REQUEST, REPLY, …) are iTIP
  messages and stay refused.
- a value swallowed by a quoted parameter, an Exchange 2010 quirk
  (`DTSTART;TZID="W. Europe Standard Time:20200609T090000"`), is moved back out of the quote;
- an empty TZID (Exchange: `TZID:` on a VTIMEZONE, `TZID=""` on a time) is left out: the
  times are floating, as every reader already read them;
- spaces inside a recurrence rule (Exchange CDO: `BYDAY=MO, TU, WE`) are removed.

Refused (`valid-calendar-data`, 403):

- recurrence rules with FREQ=SECONDLY or FREQ=MINUTELY: no calendar application writes them
  (Google, Apple and Outlook offer daily at most, some hourly), and each instance would be an
  event; FREQ=HOURLY and slower stay, unless their BYSECOND values give more than
  `MAX_AN_HOUR` instances within an hour (one every second of every hour, which the readers'
  bounded walk showed nothing of a few days on);
- recurrence rules the expansion cannot read, and rules without any instance within
  `rule_walk.MAX_IDLE` months of DTSTART (a rule that never matches, as
  `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`);
- durations (DURATION, a PERIOD's length, an alarm's TRIGGER or repetition) longer than
  `MAX_LENGTH`, which would carry a time past the calendar's last year;
- objects whose times the iCalendar library the readers use cannot read, or that its
  expansion cannot expand.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from televent.domain.calendar_reading import read_calendar, tzid_of
from televent.domain.content_lines import (
    Component,
    ContentError,
    decode_duration,
    decode_property_moment,
    decode_recur,
    parse,
    repaired_line,
    split_line,
    unfold,
)
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.ical import CalendarObject, indexed_range, parse_calendar_object
from televent.domain.occurrences import EXPANSION_ERRORS, Occurrences
from televent.domain.plain_reading import plainly_readable
from televent.domain.rule_walk import rule_interval, trial_rule, walk

MAX_LENGTH = dt.timedelta(days=100 * 366)
REFUSED_FREQUENCIES = ("SECONDLY", "MINUTELY")
MAX_AN_HOUR = 60  # instances of a rule within one hour (BYSECOND can give 3,600)
# Properties every reader takes the one value of: unreadable, they fail every reader. Lists
# (RDATE, EXDATE; Google writes `RDATE:20131210Z` on an all-day event) are left to the trial
# expansion below, which reads them as the readers do.
_READ_AS_ONE = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "DURATION", "RRULE", "TRIGGER")
_SPACES = re.compile(r"\s+")
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")
_TRIAL_OCCURRENCES = 50
_FIRST_SECOND = int(dt.datetime(1, 1, 2, tzinfo=dt.UTC).timestamp())
_LAST_SECOND = int(dt.datetime(9999, 12, 30, tzinfo=dt.UTC).timestamp())


def accepted_calendar_object(text: str) -> CalendarObject:
    """The calendar object a PUT stores for `text`: repaired where its meaning is clear
    (then `.text` differs from `text`), validated for every reader.

    Raises:
        InvalidCalendarDataError: with the CalDAV precondition the data violates.
    """
    if "\x00" in text:  # no reader shows it, and PostgreSQL cannot store it
        raise InvalidCalendarDataError(
            "Calendar data may not contain NUL characters.", "valid-calendar-data"
        ).worded("refusal-data-nul")
    obj = parse_calendar_object(repaired(text))
    for component in obj.components:
        _check_rules(component)
        _check_lengths(component)
    _check_readable(obj)
    return obj


# What a repair looks for, searched in the text with its lines unfolded and in capitals: a
# text without any of it is its own repair, returned without walking its lines (most texts
# clients send). Each alternative matches wherever its repair could apply, and in more places:
# METHOD; a TZID property whose value is blank or quotes (`TZID:`); a blank TZID parameter
# (`TZID=""`, `TZID=;`, compared as `_BLANK_TZID` compares); a quoted parameter value holding
# a colon (the value it swallowed); RRULE with white space after it.
_MAY_NEED_REPAIR = re.compile(
    r'METHOD|TZID[^\r\n]*:(?:[^\S\r\n]|")*(?:[\r\n]|\Z)|(?i:;TZID=(?:"\s*"|\s*[;:]))'
    r'|="[^":\r\n]*:[^"\r\n]*"|RRULE[^\r\n]*[^\S\r\n]'
)


def repaired(text: str) -> str:
    """The text with METHOD:PUBLISH removed, values swallowed by a quoted parameter put back,
    and empty TZIDs (an Exchange quirk: `TZID:` on a VTIMEZONE, `TZID=""` on a time) left out,
    so the times are floating, as every reader already read them; every other line exactly as
    sent."""
    if _MAY_NEED_REPAIR.search(unfold(text).upper()) is None:
        return text
    return repaired_lines(text)


def repaired_lines(text: str) -> str:
    """`repaired`, line by line (what it does when the text may need a repair)."""
    out: list[str] = []
    timezone: list[str] | None = None  # the lines of an open top-level VTIMEZONE
    depth = 0
    for group in _logical_lines(text):
        unfolded = group[0].rstrip("\r\n") + "".join(c[1:].rstrip("\r\n") for c in group[1:])
        name, _, value = unfolded.partition(":")
        upper = name.strip().upper()
        target = out if timezone is None else timezone
        if upper == "BEGIN":
            depth += 1
            if depth == 2 and value.strip().upper() == "VTIMEZONE":
                timezone = target = []
        elif upper == "END":
            depth -= 1
            if depth == 1 and timezone is not None:
                timezone.extend(group)
                if not _blank_timezone("".join(timezone)):
                    out.extend(timezone)
                timezone = None
                continue
        elif depth == 1 and upper == "METHOD" and value.strip().upper() == "PUBLISH":
            continue
        fixed = repaired_line(unfolded)
        fixed = _without_blank_tzid(fixed or unfolded) or fixed
        if upper == "RRULE" and fixed is None and _SPACES.search(value.strip()):
            fixed = name + ":" + _SPACES.sub("", value)  # Exchange CDO: "BYDAY=MO, TU"
        if fixed is None:
            target.extend(group)
        else:
            ending = group[-1][len(group[-1].rstrip("\r\n")) :] or "\r\n"
            target.append(fixed + ending)
    return "".join(out if timezone is None else out + timezone)


_BLANK_TZID = re.compile(r';TZID=(?:"\s*"|\s*(?=[;]|$))', re.IGNORECASE)


def _without_blank_tzid(line: str) -> str | None:
    """The line without an empty TZID parameter; None when it has none (or is no property)."""
    parts = split_line(line)
    if parts is None or not _BLANK_TZID.search(parts[1]):
        return None
    name, params, value = parts
    return f"{name}{_BLANK_TZID.sub('', params)}:{value}"


def _blank_timezone(text: str) -> bool:
    """Whether a VTIMEZONE's TZID is empty (it then names no zone)."""
    try:
        [timezone] = parse(text)
    except (ContentError, ValueError):
        return False
    return not tzid_of(timezone).strip('"')


def _logical_lines(text: str) -> list[list[str]]:
    """The physical lines (with their line ends) of each content line."""
    groups: list[list[str]] = []
    for match in _PHYSICAL_LINE.finditer(text):
        line = match.group(0)
        if line[:1] in (" ", "\t") and groups and groups[-1][-1].endswith("\n"):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _refuse(component: Component, message: str) -> InvalidCalendarDataError:
    uid = component.get("UID")
    where = component.name if uid is None else f"{component.name} {uid.value.strip()[:80]}"
    return InvalidCalendarDataError(f"{where}: {message}", "valid-calendar-data")


def _shown(rule: str) -> str:
    """A recurrence rule as a refusal quotes it to a person (its start, when it is long)."""
    text = rule.strip()
    return text if len(text) <= 80 else text[:79] + "…"


def _check_rules(component: Component) -> None:
    """Rules faster than hourly are refused; the others must find their first instance."""
    start_prop = component.get("DTSTART")
    for rule in component.all("RRULE"):
        parts = decode_recur(rule.value)
        frequency = parts["FREQ"].upper()
        if frequency in REFUSED_FREQUENCIES:
            raise _refuse(
                component,
                f"RRULE FREQ={frequency} is not stored: recurrences repeat hourly at most "
                "(every instance of a faster rule would be an event).",
            ).worded("refusal-events-rule-too-often", rule=_shown(rule.value))
        if rule_interval(parts) is None:
            raise _refuse(
                component,
                f"RRULE INTERVAL={parts['INTERVAL'][:20]} is not stored: an interval is a whole "
                "number of at least 1.",
            ).worded("refusal-events-rule-interval", rule=_shown(rule.value))
        if start_prop is None:
            continue
        try:
            start = decode_property_moment(start_prop, {})
        except ContentError:
            continue  # the parse already refused what it cannot read
        try:
            trial = trial_rule(parts, start)
            first = next(walk(trial))
        except StopIteration:
            first = None
        except EXPANSION_ERRORS as exc:
            raise _refuse(component, f"RRULE {rule.value.strip()} cannot be read: {exc}").worded(
                "refusal-calendars-recurrence", rule=_shown(rule.value)
            ) from exc
        if first is None:
            raise _refuse(
                component,
                f"RRULE {rule.value.strip()} has no instance within a hundred years of "
                "DTSTART (its parts never match together).",
            ).worded("refusal-events-rule-never-matches", rule=_shown(rule.value))
        if "," not in parts.get("BYSECOND", ""):
            continue  # at most one instance a minute
        if "BYSETPOS" in parts:
            # BYSETPOS picks unevenly within a period: the first instances show no dense hour
            raise _refuse(
                component,
                f"RRULE {rule.value.strip()[:200]}: BYSETPOS with several BYSECOND values is "
                "not stored (no calendar application writes it).",
            ).worded("refusal-events-rule-setpos-seconds", rule=_shown(rule.value))
        if _denser_than_an_hour_allows(trial):
            raise _refuse(
                component,
                f"RRULE {rule.value.strip()[:200]} gives more than {MAX_AN_HOUR} instances "
                "within an hour: recurrences are not stored finer than that (every instance "
                "would be an event).",
            ).worded("refusal-events-rule-too-dense", rule=_shown(rule.value), most=MAX_AN_HOUR)


def _denser_than_an_hour_allows(rule: Any) -> bool:
    """Whether more than `MAX_AN_HOUR` of a rule's instances fall within one hour: BYSECOND
    with several values, in an hourly or slower rule, can give one every second (the
    readers' bounded walk then shows nothing a few days after DTSTART). Each hour the rule
    selects holds as many as the next, so twice as many first instances as the limit show
    one whole hour after a first one cut short by DTSTART."""
    try:
        first = list(itertools.islice(walk(rule), 2 * MAX_AN_HOUR + 2))
    except EXPANSION_ERRORS:
        return False  # the walk's own check refuses what it cannot read
    hour = dt.timedelta(hours=1)
    return any(
        later - earlier < hour for earlier, later in zip(first, first[MAX_AN_HOUR:], strict=False)
    )


def _check_lengths(component: Component) -> None:
    """No duration long enough to carry a time past the calendar's last year."""
    lengths: list[tuple[str, str]] = []
    if "DURATION" in component:
        lengths.append(("DURATION", component.all("DURATION")[0].value))
    for prop in component.all("RDATE"):
        for item in prop.value.split(","):
            end = item.partition("/")[2]
            if end.lstrip("+-").startswith("P"):
                lengths.append(("RDATE period", end))
    for alarm in component.components:
        for name in ("TRIGGER", "DURATION"):
            found = alarm.get(name)
            if found is not None and found.value.strip().lstrip("+-").startswith("P"):
                lengths.append((f"{alarm.name} {name}", found.value))
    for name, value in lengths:
        try:
            length = decode_duration(value)
        except ContentError:
            continue  # not a duration: the parse decides
        if abs(length) > MAX_LENGTH:
            raise _refuse(
                component,
                f"{name} {value.strip()} is longer than Televent stores (at most 100 years).",
            ).worded("refusal-data-too-long", property=name)


def _check_readable(obj: CalendarObject) -> None:
    """The readers' iCalendar library reads every time of the object, and expands it: asked,
    unless the object is in a form it surely reads (domain/plain_reading.py)."""
    if not plainly_readable(obj):
        check_library_reads(obj)


def check_library_reads(obj: CalendarObject) -> None:
    """Have the readers' iCalendar library read every time of the object, and expand it.

    Raises:
        InvalidCalendarDataError: it cannot.
    """
    calendar = library_calendar(obj.text)
    if calendar is None:
        raise InvalidCalendarDataError("The iCalendar data cannot be read as a calendar.").worded(
            "refusal-data-some-value"
        )
    for component in calendar.walk():
        for name, problem in getattr(component, "errors", []):
            if name is None:  # a line the library could not split into a property at all
                raise InvalidCalendarDataError(
                    f"{component.name} has a line that cannot be read: {problem}",
                    "valid-calendar-data",
                ).worded("refusal-data-line")
            if name.upper() in _READ_AS_ONE:
                raise InvalidCalendarDataError(
                    f"{component.name} {name} cannot be read: {problem}", "valid-calendar-data"
                ).worded("refusal-data-value", property=name.upper())
    start, end = indexed_range(obj)
    if start is None:
        return
    day = 86_400
    last = start + 400 * day if end is None else min(start + 400 * day, end + day)
    begin, finish = (
        dt.datetime.fromtimestamp(max(bound, _FIRST_SECOND), dt.UTC)
        for bound in (start - day, min(last, _LAST_SECOND))
    )
    # Readers that honour X-WR-TIMEZONE and readers that leave it aside read the same calendar
    # when it has none: one trial is enough then.
    readings = (True, False) if calendar.get("X-WR-TIMEZONE") is not None else (False,)
    try:
        for x_wr_timezone in readings:
            found = Occurrences(calendar, [obj.component_type], x_wr_timezone=x_wr_timezone)
            for _ in found.between(begin, finish, limit=_TRIAL_OCCURRENCES):
                pass
    except EXPANSION_ERRORS as exc:
        repeats = any(
            name in component
            for component in obj.components
            for name in ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
        )  # else a value the expansion reads of a single event (as SEQUENCE) is at fault
        raise InvalidCalendarDataError(
            f"The recurrence of {obj.component_type} {obj.uid[:80]} cannot be expanded: {exc}",
            "valid-calendar-data",
        ).worded(
            "refusal-events-rule-unexpandable" if repeats else "refusal-data-some-value"
        ) from exc


def library_calendar(text: str) -> Any:
    """Parse as every reader does (`calendar_reading.read_calendar`: a VTIMEZONE the library
    cannot build is read cut down to the RFC 5545 §3.6.5 properties). None when it does not
    read as one VCALENDAR."""
    try:
        calendar: Any = read_calendar(text)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OSError):
        return None  # OSError: a TZID too long to be a zone file's name
    return calendar if getattr(calendar, "name", None) == "VCALENDAR" else None
