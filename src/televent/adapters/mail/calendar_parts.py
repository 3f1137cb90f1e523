"""The iCalendar objects an email carries, decoded to text, duplicates removed.

A calendar part is found by its media type, by an ``.ics`` style file name, or by content that
starts with ``BEGIN:VCALENDAR``. RFC 6047 section 2.4 asks the MIME ``method`` parameter to
match the METHOD inside the body; real mailers break that (Gmail sends COUNTER as
``method=REPLY``), so both values are kept and the application decides which one to trust.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from email.message import Message

from televent.adapters.mail.mime import (
    LINE_END,
    charset_of,
    content_type_of,
    decode_bytes,
    filename_of,
    is_encapsulated,
    param_of,
    payload_bytes,
    walk_parts,
)
from televent.domain.content_lines import utf8_text
from televent.domain.inbound_mail import CalendarPart

CALENDAR_MEDIA_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar"})
CALENDAR_FILE_SUFFIXES = (".ics", ".ical", ".ifb")
_SNIFF_BYTES = 256
_CALENDAR_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*BEGIN:VCALENDAR[ \t]*(?:[\r\n]|$)", re.IGNORECASE
)
FOLD = re.compile(r"\r\n[ \t]")
_BOM = "\ufeff"


def calendars_in(root: Message) -> tuple[CalendarPart, ...]:
    found = (_calendar_part(part) for part in walk_parts(root, enter_messages=True))
    return _deduplicated(part for part in found if part is not None)


def _calendar_part(part: Message) -> CalendarPart | None:
    if part.is_multipart() or is_encapsulated(part):
        return None
    data = payload_bytes(part)
    if not (_declared_calendar(part) or _looks_like_calendar(data)):
        return None
    text = _calendar_text(data, charset_of(part))
    if not text:
        return None
    mime_method = param_of(part, "method")
    return CalendarPart(
        method=_body_method(text),
        mime_method=mime_method.upper() if mime_method else None,
        text=text,
    )


def _declared_calendar(part: Message) -> bool:
    if content_type_of(part) in CALENDAR_MEDIA_TYPES:
        return True
    filename = filename_of(part)
    return filename is not None and filename.strip().lower().endswith(CALENDAR_FILE_SUFFIXES)


def _looks_like_calendar(data: bytes) -> bool:
    """Whether the first line (after a BOM and blank space) is ``BEGIN:VCALENDAR``."""
    return _CALENDAR_START.match(data[:_SNIFF_BYTES]) is not None


def _calendar_text(data: bytes, charset: str | None) -> str:
    """Decoded iCalendar text: no BOM, CRLF line ends, one CRLF after the last line; UTF-8 as
    `utf8_text` reads it (a line folded inside a character joined), else as declared."""
    utf8 = utf8_text(data) if (charset or "utf-8").lower() in ("utf-8", "utf8") else None
    text = (decode_bytes(data, charset) if utf8 is None else utf8).removeprefix(_BOM).strip()
    return LINE_END.sub("\r\n", text) + "\r\n" if text else ""


def _body_method(text: str) -> str | None:
    """The METHOD property of the VCALENDAR itself (not of a nested component), upper-case."""
    depth = 0
    for line in FOLD.sub("", text).split("\r\n"):
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].strip().upper()
        if name == "BEGIN":
            depth += 1
        elif name == "END":
            depth -= 1
        elif name == "METHOD" and depth <= 1:
            return value.strip().upper() or None
    return None


def _deduplicated(parts: Iterable[CalendarPart]) -> tuple[CalendarPart, ...]:
    """The first of each group of equal calendars, keeping a MIME method a later copy had.

    Inline ``text/calendar`` plus an ``invite.ics`` attachment of the same object is common.
    """
    kept: dict[str, CalendarPart] = {}
    for part in parts:
        key = _comparison_key(part.text)
        first = kept.get(key)
        if first is None:
            kept[key] = part
        elif first.mime_method is None and part.mime_method is not None:
            kept[key] = dataclasses.replace(first, mime_method=part.mime_method)
    return tuple(kept.values())


def _comparison_key(text: str) -> str:
    """``text`` unfolded, without whitespace at line ends and without blank lines."""
    lines = (line.rstrip() for line in FOLD.sub("", text).split("\r\n"))
    return "\n".join(line for line in lines if line)
