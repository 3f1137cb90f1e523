"""iCalendar content lines and values (RFC 5545 §3.1, §3.3): a small, fast, lossless reader.

Reading a calendar object resource is on the path of every CalDAV PUT and every rebuild of a
fact, so it must be cheap. This module unfolds and splits content lines into a tree of
components and properties, keeping every value as written (nothing is re-encoded), and decodes
the few value types the domain reasons about: DATE, DATE-TIME, DURATION, RECUR, TEXT and
CAL-ADDRESS parameters. Editing and time-zone definitions are left to the `icalendar` library.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field
from functools import lru_cache

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

_FOLD = re.compile(r"\r?\n[ \t]")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
# Names are letters, digits and "-" (RFC 5545 §3.1); Lotus Notes and Entourage also write "_".
_CONTENT_LINE = re.compile(
    rf"([A-Za-z0-9_-]+)((?:;[A-Za-z0-9_-]+={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*):(.*)", re.S
)
_PARAM = re.compile(rf";([A-Za-z0-9_-]+)=({_PARAM_VALUE}(?:,{_PARAM_VALUE})*)")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})Z?")  # Google writes DATE values with a "Z"
_DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
_DURATION = re.compile(r"([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
# "\\:" is no escape in RFC 5545, but some writers use it, and icalendar reads it as ":"
_TEXT_ESCAPE = re.compile(r"\\([\\;,:nN])")
_TEXT_ESCAPE_WITHOUT_COLON = re.compile(r"\\([\\;,nN])")  # a name in a parameter, as written
# Exchange 2010 sometimes quotes a parameter together with the value:
# DTSTART;TZID="W. Europe Standard Time:20200609T090000"
_VALUE_INSIDE_QUOTE = re.compile(r'(.*;[A-Za-z0-9-]+=)"([^":]*):([^"]*)"')


_CARET = re.compile(r"\^([n^'])")  # RFC 6868 §3: what a parameter value cannot hold as is


def _caret(match: re.Match[str]) -> str:
    return {"n": " ", "^": "^", "'": '"'}[match.group(1)]


class ContentError(ValueError):
    """The text is not well-formed iCalendar."""


@dataclass(slots=True)
class Property:
    """One property: upper-case name, parameters (upper-case names, raw values), raw value."""

    name: str
    params: dict[str, str]
    value: str

    def param(self, name: str) -> str | None:
        """A parameter's value with surrounding quotes removed and its RFC 6868 escapes read
        (`^'` a double quote, `^^` a caret: "Ann ^'Annie^' Lee"; `^n`, a line break, as a
        space: the values read are names and words of one line, as a mail header holds)."""
        raw = self.params.get(name)
        if raw is None:
            return None
        value = raw.strip('"')
        return _CARET.sub(_caret, value) if "^" in value else value

    def canonical(self) -> str:
        """The property as one normalised line (parameter order and case do not matter)."""
        params = "".join(f";{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.name}{params}:{self.value}"


@dataclass(slots=True)
class Component:
    """A component (VCALENDAR, VEVENT, VALARM, …) with its properties and subcomponents."""

    name: str
    properties: list[Property] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)

    def get(self, name: str) -> Property | None:
        """The first property with this name."""
        return next((p for p in self.properties if p.name == name), None)

    def all(self, name: str) -> list[Property]:
        """Every property with this name, in order."""
        return [p for p in self.properties if p.name == name]

    def __contains__(self, name: object) -> bool:
        return any(p.name == name for p in self.properties)

    def canonical(self) -> tuple[object, ...]:
        """A comparable normal form: equal exactly when the content is the same."""
        return (
            self.name,
            tuple(sorted(p.canonical() for p in self.properties)),
            tuple(sorted((c.canonical() for c in self.components), key=repr)),
        )

    def serialize(self) -> str:
        """Write the component back as (unfolded) content lines with CRLF endings."""
        lines = [f"BEGIN:{self.name}"]
        lines += [p.canonical() for p in self.properties]
        lines += [c.serialize().rstrip("\r\n") for c in self.components]
        lines.append(f"END:{self.name}")
        return "\r\n".join(lines) + "\r\n"


def unfold(text: str) -> str:
    """The text with its folded content lines joined again (RFC 5545 §3.1: a line break
    followed by one space or tab is removed); the text itself when nothing is folded."""
    if "\n " not in text and "\n\t" not in text:
        return text
    return _FOLD.sub("", text)


def parse(text: str) -> list[Component]:
    """Parse iCalendar text into its top-level components.

    Raises:
        ContentError: a line is not a content line, or BEGIN/END do not match.
    """
    roots: list[Component] = []
    stack: list[Component] = []
    for number, line in enumerate(_LINE_BREAK.split(unfold(text)), 1):
        if not line.strip():
            continue
        match = _CONTENT_LINE.fullmatch(line) or _recovered(line)
        if match is None:
            raise ContentError(f"Line {number} is not an iCalendar content line: {line[:60]!r}")
        name, raw_params, value = match.groups()
        name = name.upper()
        if name == "BEGIN":
            stack.append(Component(value.strip().upper()))
        elif name == "END":
            if not stack or stack[-1].name != value.strip().upper():
                raise ContentError(f"Line {number}: END:{value} does not close the open component.")
            done = stack.pop()
            (stack[-1].components if stack else roots).append(done)
        elif not stack:
            raise ContentError(f"Line {number}: property {name} outside any component.")
        else:
            params = {k.upper(): v for k, v in _PARAM.findall(raw_params)} if raw_params else {}
            stack[-1].properties.append(Property(name, params, value))
    if stack:
        raise ContentError(f"BEGIN:{stack[-1].name} is never closed.")
    return roots


def parse_one(text: str) -> Component | None:
    """The text's one top-level component, or None when it cannot be parsed or holds none or
    several (what a reader that only repairs or copies a stored object needs)."""
    try:
        roots = parse(text)
    except ContentError:
        return None
    return roots[0] if len(roots) == 1 else None


def split_line(line: str) -> tuple[str, str, str] | None:
    """An (unfolded) content line's name, raw parameters (each with its leading ";") and
    value, as written; None when it is not a content line."""
    match = _CONTENT_LINE.fullmatch(line)
    return None if match is None else (match.group(1), match.group(2), match.group(3))


def repaired_line(line: str) -> str | None:
    """An (unfolded) line whose value slipped inside a quoted parameter, written as RFC 5545
    writes it (`DTSTART;TZID="W. Europe Standard Time":20200609T090000`); None when the line
    is well-formed or not that quirk."""
    if _CONTENT_LINE.fullmatch(line):
        return None
    quirk = _VALUE_INSIDE_QUOTE.fullmatch(line)
    if quirk is None:
        return None
    head, param, value = quirk.groups()
    fixed = f'{head}"{param}":{value}'
    return fixed if _CONTENT_LINE.fullmatch(fixed) else None


def _recovered(line: str) -> re.Match[str] | None:
    """Read a line whose value slipped inside a quoted parameter (an Exchange 2010 quirk)."""
    quirk = _VALUE_INSIDE_QUOTE.fullmatch(line)
    if quirk is None:
        return None
    head, param, value = quirk.groups()
    return _CONTENT_LINE.fullmatch(f'{head}"{param}":{value}')


_BYTE_FOLD = re.compile(rb"\r?\n[ \t]")


def utf8_text(data: bytes) -> str | None:
    """iCalendar bytes as UTF-8 text (RFC 5545 §3.1.4; a byte order mark dropped), unfolded
    first when a line was folded inside a character (§3.1 lets a writer fold between the
    octets of one, and a reader joins them before decoding); None when not UTF-8 either way.
    The text is as sent unless the fold split a character."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return _BYTE_FOLD.sub(b"", data).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


# --- values ---------------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """Encode a TEXT value (RFC 5545 §3.3.11): the inverse of `unescape_text`, a backslash
    kept as one wherever it stands (icalendar's own reads `\\N` in a value as a line break)."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def unescape_text(value: str, *, colon: bool = True) -> str:
    """Decode a TEXT value (RFC 5545 §3.3.11); "\\:" kept as written unless `colon`."""
    escape = _TEXT_ESCAPE if colon else _TEXT_ESCAPE_WITHOUT_COLON
    return escape.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def decode_duration(value: str) -> dt.timedelta:
    """Decode a DURATION value (RFC 5545 §3.3.6)."""
    match = _DURATION.fullmatch(value.strip())
    if match is None or value.strip() in ("P", "PT", "+P", "-P"):
        raise ContentError(f"{value!r} is not a duration.")
    sign, weeks, days, hours, minutes, seconds = match.groups()
    try:
        span = dt.timedelta(
            weeks=int(weeks or 0),
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=int(seconds or 0),
        )
    except OverflowError as exc:
        raise ContentError(f"{value!r} is longer than any calendar.") from exc
    return -span if sign == "-" else span


def decode_moment(
    value: str, tzid: str | None, zones: dict[str, dt.tzinfo], *, date_only: bool = False
) -> dt.date | dt.datetime:
    """Decode a DATE or DATE-TIME value (RFC 5545 §3.3.4-5) in its zone.

    `zones` maps the TZIDs the calendar defines to tzinfo. An unknown TZID gives a floating
    (naive) time, read in the viewer's zone, as most clients do.
    """
    text = value.strip()
    try:
        match = _DATE_TIME.fullmatch(text)
        if match is not None and not date_only:
            year, month, day, hour, minute, second, utc = match.groups()
            moment = dt.datetime(
                int(year), int(month), int(day), int(hour), int(minute), min(int(second), 59)
            )
            if utc:
                return moment.replace(tzinfo=dt.UTC)
            zone = resolve_zone(tzid, zones) if tzid else None
            return moment.replace(tzinfo=zone) if zone is not None else moment
        match = _DATE.fullmatch(text)
        if match is not None:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as exc:
        raise ContentError(f"{value!r} is not a valid date or time: {exc}") from exc
    raise ContentError(f"{value!r} is not a date or date-time.")


def encode_utc(moment: dt.datetime) -> str:
    """A DATE-TIME in UTC as RFC 5545 writes it (§3.3.5, form 2: 20260301T090000Z), a naive
    moment taken as UTC. The year has its four digits: `strftime` writes the year 1 as "1"."""
    utc = (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    return f"{utc.year:04d}{utc:%m%dT%H%M%S}Z"


def decode_property_moment(prop: Property, zones: dict[str, dt.tzinfo]) -> dt.date | dt.datetime:
    """Decode a DTSTART/DTEND/DUE/RECURRENCE-ID property."""
    date_only = (prop.param("VALUE") or "").upper() == "DATE"
    return decode_moment(prop.value, prop.param("TZID"), zones, date_only=date_only)


def decode_recur(value: str) -> dict[str, str]:
    """Split a RECUR value (RFC 5545 §3.3.10) into its upper-case parts."""
    parts: dict[str, str] = {}
    for part in value.strip().split(";"):
        key, sep, item = part.partition("=")
        if not sep or not key:
            raise ContentError(f"{value!r} is not a recurrence rule.")
        parts[key.strip().upper()] = item.strip()
    if "FREQ" not in parts:
        raise ContentError(f"Recurrence rule {value!r} has no FREQ.")
    return parts


def resolve_zone(tzid: str, zones: dict[str, dt.tzinfo]) -> dt.tzinfo | None:
    """The tzinfo for a TZID: the calendar's own VTIMEZONE first, then the IANA database."""
    key = tzid.strip().strip('"')
    if key in zones:
        return zones[key]
    return iana_zone(key)


@lru_cache(maxsize=1024)
def iana_zone(name: str) -> dt.tzinfo | None:
    """An IANA zone by name (also Mozilla's `/mozilla.org/…/Area/City` and Windows names)."""
    candidates = [name]
    if name.startswith("/"):
        candidates.append("/".join(name.split("/")[-2:]))
    # Windows names; Lotus Notes also writes them short ("FLE" for "FLE Standard Time").
    windows = WINDOWS_TO_OLSON.get(name) or WINDOWS_TO_OLSON.get(f"{name} Standard Time")
    if windows is not None:
        candidates.append(windows)
    for candidate in candidates:
        if not candidate or candidate.startswith("/") or ".." in candidate:
            continue
        try:
            return zoneinfo.ZoneInfo(candidate)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None
