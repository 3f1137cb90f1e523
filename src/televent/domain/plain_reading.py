"""Objects the readers' iCalendar library surely reads: the readability check's quick answer.

Before an object is stored, domain/validation.py has the `icalendar` library read it and
expand it (`_check_readable`), because later readers use that library; that costs about a
fifth of a CalDAV PUT. Most objects clients write are one event, alone or a plain series, in
a form the library cannot fail on. `plainly_readable` recognises that form from what the
fast content-line reader already parsed, and the library's reading is then skipped. It
answers True only when every line is one the library splits as this module does and every
value the library would refuse, or fail to expand, is ruled out:

- the text's lines are broken by CRLF or LF only, with no blank lines or control characters
  (the library and the content-line reader then see the same lines);
- every BEGIN/END is a known component's, every name a plain token, every parameter value
  quoted without quotes inside or unquoted without `,;:`; no backslash or caret anywhere in
  the parameters (their escapes are the one place the two readers differ);
- one VEVENT, alone (no RECURRENCE-ID) and without RDATE, EXDATE or EXRULE, with at most one
  plain RRULE (daily to yearly, a count or an end written as RFC 5545 asks, the common BY
  parts), and VTIMEZONEs of IANA zones only (the library then never builds a time zone from
  the definition);
- DTSTART, DTEND and DURATION written as RFC 5545 says, in years 1900-2200, DTEND in the
  same form as DTSTART; one UID and at most one SEQUENCE, a number (the expansion reads
  both); alarms with a well-formed TRIGGER;
- the components whose unreadable properties the library refuses outright (the calendar, time
  zones, alarms) hold only properties whose values are plain text or checked here.

Anything else is read by the library as before. The property test in
tests/unit/test_plain_reading.py holds this to the library: every object it generates that
this module calls plain is one the library's check accepts.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from functools import cache

from televent.domain.content_lines import Component, Property, unfold
from televent.domain.ical import CalendarObject

_COMPONENTS = "VCALENDAR|VEVENT|VTIMEZONE|STANDARD|DAYLIGHT|VALARM"
_PARAM_VALUE = r'(?:"[^"\x00-\x1f\x7f\\^]*"|[^"\x00-\x1f\x7f,:;\\^]*)'
_PLAIN_LINE = re.compile(
    rf"(?:BEGIN|END):(?:{_COMPONENTS})"
    rf"|(?!(?i:BEGIN|END)[;:])[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*"
    r":[^\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]*"
)
_BREAK = re.compile(r"\r?\n")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
_DURATION = re.compile(
    r"P(?:\d{1,6}W|\d{1,6}D(?:T(?:\d{1,6}H(?:\d{1,6}M)?(?:\d{1,6}S)?|\d{1,6}M(?:\d{1,6}S)?"
    r"|\d{1,6}S))?|T(?:\d{1,6}H(?:\d{1,6}M)?(?:\d{1,6}S)?|\d{1,6}M(?:\d{1,6}S)?|\d{1,6}S))"
)
_OFFSET = re.compile(r"[+-](?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?")
_WEEKDAY = r"(?:SU|MO|TU|WE|TH|FR|SA)"
_NUMBERS = r"[+-]?\d{1,3}(?:,[+-]?\d{1,3})*"
_ZONE_RULE = re.compile(
    rf"FREQ=YEARLY(?:;(?:BYMONTH=\d{{1,2}}(?:,\d{{1,2}})*|BYDAY=[+-]?\d?{_WEEKDAY}"
    rf"|BY(?:MONTHDAY|SETPOS|HOUR|MINUTE|SECOND|YEARDAY|WEEKNO)={_NUMBERS}"
    rf"|INTERVAL=\d{{1,2}}|WKST={_WEEKDAY}"
    r"|UNTIL=\d{8}T\d{6}Z?|COUNT=\d{1,3}))*"
)
_FIRST_YEAR, _LAST_YEAR = 1900, 2200
# What each component the library refuses outright on one unreadable property may hold (its
# X- properties never stop the library); None: anything, as in a VEVENT (the library notes an
# unreadable property there, and the check refuses only those every reader takes one of).
_OBSERVANCE = frozenset(
    {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "COMMENT", "RRULE", "RDATE"}
)
_HELD: dict[str, frozenset[str]] = {
    "VCALENDAR": frozenset({"VERSION", "PRODID", "CALSCALE"}),
    "VTIMEZONE": frozenset({"TZID", "TZURL", "LAST-MODIFIED"}),
    "STANDARD": _OBSERVANCE,
    "DAYLIGHT": _OBSERVANCE,
    "VALARM": frozenset(
        {
            "ACTION",
            "TRIGGER",
            "DESCRIPTION",
            "SUMMARY",
            "REPEAT",
            "DURATION",
            "UID",
            "ACKNOWLEDGED",
            "ATTENDEE",
        }
    ),
}
_LISTED = frozenset({"RDATE", "COMMENT", "TZNAME", "ATTENDEE"})
# what a VEVENT holds once (the expansion reads them; the library's check takes one of each)
_ONCE_IN_EVENT = frozenset({"UID", "SEQUENCE", "DTSTART", "DTEND", "DURATION"})
_RECURRENCE = frozenset({"RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID"})
_LIST = r"(?:{0})(?:,(?:{0}))*"
_MONTH_DAY = r"[1-9]|[12]\d|3[01]"
# The parts of a plain rule: a frequency of a day or more, a count or an end, days of the
# week (numbered only in a monthly rule), days of the month and months.
_RULE_PARTS: dict[str, re.Pattern[str]] = {
    "FREQ": re.compile("DAILY|WEEKLY|MONTHLY|YEARLY"),
    "INTERVAL": re.compile(r"[1-9]\d{0,2}"),
    "COUNT": re.compile(r"[1-9]\d{0,3}"),
    "UNTIL": re.compile(r"\d{8}(?:T\d{6}Z?)?"),
    "BYDAY": re.compile(_LIST.format(rf"[+-]?[1-4]?{_WEEKDAY}")),
    "BYMONTHDAY": re.compile(_LIST.format(_MONTH_DAY)),
    "BYMONTH": re.compile(_LIST.format(r"[1-9]|1[0-2]")),
    "WKST": re.compile(_WEEKDAY),
}


def plainly_readable(obj: CalendarObject) -> bool:
    """Whether the library surely reads and expands `obj` (False: ask the library)."""
    if obj.component_type != "VEVENT" or not _plain_lines(obj.text):
        return False
    root = obj.calendar
    if not _plain_properties(root) or "X-WR-TIMEZONE" in root:
        return False
    events = [c for c in root.components if c.name == "VEVENT"]
    zones = [c for c in root.components if c.name == "VTIMEZONE"]
    if len(events) != 1 or len(events) + len(zones) != len(root.components):
        return False
    return all(_plain_zone(z) for z in zones) and _plain_event(events[0])


def _plain_lines(text: str) -> bool:
    if text.startswith("\ufeff") or "\n\n" in text or "\n\r\n" in text:
        return False  # the library folds a line across blank lines, the other reader does not
    lines = _BREAK.split(unfold(text))
    if lines and lines[-1] == "":
        lines.pop()
    return all(_PLAIN_LINE.fullmatch(line) for line in lines)


def _plain_properties(component: Component) -> bool:
    """Only the properties the component may hold (`_HELD`), none twice but lists, no VALUE
    parameter but on times, and every value `_CHECKS` knows well-formed."""
    held = _HELD.get(component.name)
    once = _ONCE_IN_EVENT if held is None else held - _LISTED
    checks = _CHECKS.get(component.name, {})
    seen: set[str] = set()
    for prop in component.properties:
        if prop.name.startswith("X-"):
            continue
        if (held is not None and prop.name not in held) or (
            prop.name in seen and prop.name in once
        ):
            return False
        seen.add(prop.name)
        if "VALUE" in prop.params and prop.name not in ("DTSTART", "DTEND", "TRIGGER"):
            return False
        check = checks.get(prop.name)
        if check is not None and not check(prop):
            return False
    return True


def _plain_zone(zone: Component) -> bool:
    return (
        _plain_properties(zone)
        and "TZID" in zone
        and all(
            rule.name in ("STANDARD", "DAYLIGHT")
            and not rule.components
            and _plain_properties(rule)
            for rule in zone.components
        )
    )


def _plain_event(event: Component) -> bool:
    if not _plain_properties(event) or any(p.name in _RECURRENCE for p in event.properties):
        return False
    start, end, length = (event.get(n) for n in ("DTSTART", "DTEND", "DURATION"))
    if start is None or "UID" not in event or (end is not None and length is not None):
        return False
    form = _time_form(start)
    rules = event.all("RRULE")
    return (
        form is not None
        and (end is None or _time_form(end) == form)
        and len(rules) <= 1
        and all(_plain_rule(rule, form) for rule in rules)
        and all(
            alarm.name == "VALARM"
            and not alarm.components
            and "TRIGGER" in alarm
            and _plain_properties(alarm)
            for alarm in event.components
        )
    )


def _plain_rule(rule: Property, form: str) -> bool:
    """A rule the expansion surely reads: `_RULE_PARTS`, each once, a count or an end (in
    the form RFC 5545 asks for with this DTSTART), numbered weekdays only monthly, days of
    the month only monthly or yearly, months only yearly."""
    if rule.params:
        return False
    parts: dict[str, str] = {}
    for part in rule.value.split(";"):
        key, equals, value = part.partition("=")
        pattern = _RULE_PARTS.get(key)
        if not equals or key in parts or pattern is None or not pattern.fullmatch(value):
            return False
        parts[key] = value
    frequency = parts.get("FREQ")
    until = parts.get("UNTIL")
    wanted = "date" if form == "date" else "floating" if form == "floating" else "utc"
    return (
        frequency is not None
        and not ("COUNT" in parts and until is not None)
        and ("BYMONTH" not in parts or frequency == "YEARLY")
        and ("BYMONTHDAY" not in parts or frequency in ("MONTHLY", "YEARLY"))
        and (frequency == "MONTHLY" or not re.search(r"\d", parts.get("BYDAY", "")))
        and (until is None or _moment(until) == wanted)
    )


def _trigger(prop: Property) -> bool:
    if set(prop.params) - {"VALUE", "RELATED"}:
        return False
    if prop.params.get("RELATED", "START") not in ("START", "END"):
        return False
    value = prop.params.get("VALUE", "DURATION")
    if value == "DATE-TIME":
        return _utc_moment(prop)
    return value == "DURATION" and bool(_DURATION.fullmatch(prop.value.removeprefix("-")))


def _pattern(pattern: str | re.Pattern[str]) -> Callable[[Property], bool]:
    """A check: no parameters, and the value matches."""
    compiled = re.compile(pattern)
    return lambda prop: not prop.params and compiled.fullmatch(prop.value) is not None


def _zone_times(prop: Property) -> bool:
    """A time zone's own times are only parsed (the library reads the zone by its name)."""
    return not prop.params and all(
        _moment(item, 1, 9999) == "floating" for item in prop.value.split(",")
    )


def _time_form(prop: Property) -> str | None:
    """ "date", "utc", "floating" or the IANA zone of a plainly written DTSTART or DTEND."""
    if set(prop.params) - {"VALUE", "TZID"}:
        return None
    value, tzid = prop.params.get("VALUE"), prop.params.get("TZID")
    form = _moment(prop.value)
    if form == "date":
        return form if value in (None, "DATE") and tzid is None else None
    if form is None or value not in (None, "DATE-TIME"):
        return None
    if tzid is None:
        return form
    zone = _tzid(prop)
    return zone if form == "floating" and zone in _iana_names() else None


def _utc_moment(prop: Property) -> bool:
    return not set(prop.params) - {"VALUE"} and _moment(prop.value) == "utc"


def _moment(value: str, first: int = _FIRST_YEAR, last: int = _LAST_YEAR) -> str | None:
    """ "date", "utc" or "floating" for a valid DATE or DATE-TIME in the years given."""
    date = _DATE.fullmatch(value)
    if date is not None:
        parts = [int(p) for p in date.groups()]
        form = "date"
    else:
        moment = _DATE_TIME.fullmatch(value)
        if moment is None:
            return None
        parts = [int(p) for p in moment.groups()[:6]]
        form = "utc" if moment.group(7) else "floating"
    year, month, day, hour, minute, second = (*parts, 0, 0, 0)[:6]
    if not first <= year <= last:
        return None
    try:  # only whether the fields make a time
        dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return form


def _tzid(prop: Property) -> str:
    """A time's TZID parameter (quotes removed), or a VTIMEZONE's TZID: as written, since the
    library looks up the name as written."""
    return prop.value if prop.name == "TZID" else prop.param("TZID") or ""


@cache
def _iana_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


# Values of the properties the library refuses outright when unreadable (and SEQUENCE and
# DURATION, which the expansion reads), by component.
_RULE_CHECKS: dict[str, Callable[[Property], bool]] = {
    "DTSTART": _zone_times,
    "RDATE": _zone_times,
    "TZOFFSETFROM": _pattern(_OFFSET),
    "TZOFFSETTO": _pattern(_OFFSET),
    "RRULE": _pattern(_ZONE_RULE),
}
_CHECKS: dict[str, dict[str, Callable[[Property], bool]]] = {
    "VCALENDAR": {"CALSCALE": _pattern("GREGORIAN")},
    "VTIMEZONE": {
        "TZID": lambda prop: not prop.params and _tzid(prop) in _iana_names(),
        "LAST-MODIFIED": _utc_moment,
    },
    "STANDARD": _RULE_CHECKS,
    "DAYLIGHT": _RULE_CHECKS,
    "VALARM": {
        "TRIGGER": _trigger,
        "REPEAT": _pattern(r"\d{1,4}"),
        "DURATION": _pattern(_DURATION),
        "ACKNOWLEDGED": _utc_moment,
    },
    "VEVENT": {"SEQUENCE": _pattern(r"\d{1,9}"), "DURATION": _pattern(_DURATION)},
}
