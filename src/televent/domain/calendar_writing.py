"""A calendar parsed by icalendar (or built with it) written as iCalendar text.

icalendar writes a TEXT value (RFC 5545 §3.3.11) by first turning every backslash followed
by an "N" into a line break (`icalendar.parser.escape_char`), so a title such as
"C:\\New folder" came back as "C:", a line break and "ew folder": on a new event, and on
every event a later edit wrote again, whoever wrote it first. Every writing of a parsed
calendar goes through `calendar_text` or `component_bytes` (a test holds the modules to it),
which write each TEXT value as `content_lines.escape_text` encodes it: a backslash kept as one
wherever it stands, the inverse of how every reader here decodes it; and a value icalendar
could not read as its type as it was read (icalendar writes it as TEXT, escaping its commas).
"""

from __future__ import annotations

from typing import Any

from icalendar.prop import vCategory, vText
from icalendar.prop.broken import vBroken

from televent.domain.content_lines import escape_text


class WrittenText(vText):
    """A TEXT value written as `escape_text` encodes it."""

    def to_ical(self) -> bytes:
        return escape_text(str(self)).encode("utf-8")


class WrittenAsRead(vBroken):
    """A value icalendar could not read as its type (Google's `EXDATE;VALUE=DATE:20151210Z,
    20161210Z`), written back as it was read: icalendar writes it as TEXT, so its commas came
    back as "\\," on every answer, edit or export, which no client reads as a list."""

    def to_ical(self) -> bytes:
        return str(self).encode("utf-8")


def calendar_text(calendar: Any, *, ordered: bool = True) -> str:
    """A parsed calendar (or any component) as iCalendar text."""
    return component_bytes(calendar, ordered=ordered).decode("utf-8")


def component_bytes(component: Any, *, ordered: bool = True) -> bytes:
    """A parsed component and what it holds, written (its properties in icalendar's order,
    or as they were added when not `ordered`); a TEXT value icalendar would write wrongly
    becomes `WrittenText` (the same words: only how they are written changes)."""
    for part in component.walk():
        for name in list(part.keys()):
            value = part[name]
            written = _written(value)
            if written is not value:
                part[name] = written
    return bytes(component.to_ical(sorted=ordered))


def _written(value: Any) -> Any:
    if isinstance(value, list):
        items = [_written(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, vBroken):
        if isinstance(value, WrittenAsRead):
            return value
        return WrittenAsRead(
            str(value),
            params=value.params,
            expected_type=value.expected_type,
            property_name=value.property_name,
            parse_error=value.parse_error,
        )
    if isinstance(value, vText) and not isinstance(value, WrittenText) and _differs(value):
        return WrittenText(str(value), params=value.params)
    if isinstance(value, vCategory):
        value.cats = [_written(item) for item in value.cats]
    return value


def _differs(text: str) -> bool:
    """Whether icalendar would write `text` otherwise than `escape_text` (only when it holds a
    backslash before an "N"): the others are left to it, at no cost."""
    return "\\N" in text
