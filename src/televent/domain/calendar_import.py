"""A calendar file split into the calendar objects it holds, for an import (docs/adr/0024).

An .ics file (an export of another calendar, a school timetable, an attachment) is one or
more VCALENDARs holding many events. A calendar stores one object per UID (RFC 4791 §4.1):
every component with that UID (a series and its changed occurrences) together, with the time
zones they name. `split_calendar` makes those objects from the file, each value as the file
wrote it (nothing is re-encoded; parameters come in a fixed order); METHOD, which a stored
object must not have, is left out.
A component without a UID gets one derived from its content, so importing the same file again
names the same events. What cannot become an object (a kind of component the calendar does not
hold, one UID given to a VEVENT and a VTODO) is skipped with its reason, and the rest is still
imported; a file that is not iCalendar, or holds nothing to import, is refused whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from televent.domain.content_lines import Component, ContentError, Property, parse, utf8_text
from televent.domain.errors import DomainError, Words
from televent.domain.ical import COMPONENT_TYPES

MAX_IMPORT_BYTES = 10_000_000  # the largest file one import reads
MAX_IMPORT_OBJECTS = 5_000  # the most events (UIDs) one import stores
_FOLD_OCTETS = 75  # RFC 5545 §3.1


class ImportRefusedError(DomainError):
    """The file as a whole cannot be imported (nothing of it is stored)."""


class ImportTooLargeError(ImportRefusedError):
    """The file is larger than one import reads."""


@dataclass(frozen=True)
class Piece:
    """One calendar object made from the file: its UID, kind and iCalendar text."""

    uid: str
    kind: str  # VEVENT, VTODO or VJOURNAL
    text: str


@dataclass(frozen=True)
class Left:
    """Something of the file that is not imported, and why (`reason` in English; `code`
    selects the catalogue's words for it, `wording` the catalogue's for the reason when the
    refusal had some: TeleventError.worded)."""

    uid: str
    summary: str
    code: str
    reason: str
    wording: tuple[str, dict[str, object]] | None = field(default=None, compare=False)

    @property
    def words(self) -> Words:
        """Why, in the catalogue's words: a refusal's own wording says it by itself, the code's
        message otherwise (which quotes the English reason it has no words for)."""
        if self.wording is None:
            return Words(f"import-left-{self.code}", {"detail": self.reason})
        said = Words(*self.wording)
        return (
            said if self.code == "invalid" else Words(f"import-left-{self.code}", {"detail": said})
        )


@dataclass(frozen=True)
class SplitFile:
    """The objects a file holds, what was left out, and the name it gives itself."""

    pieces: tuple[Piece, ...]
    left: tuple[Left, ...]
    name: str | None  # X-WR-CALNAME


def too_large(size: int) -> ImportTooLargeError | None:
    """The refusal of a file of `size` bytes, or None when it may be read."""
    if size <= MAX_IMPORT_BYTES:
        return None
    return ImportTooLargeError(
        f"The file is {size / 1_000_000:.1f} MB; at most "
        f"{MAX_IMPORT_BYTES // 1_000_000} MB can be imported at once."
    ).worded("refusal-import-too-large", size=round(size / 1_000_000, 1), limit=10)


def decoded(data: bytes) -> str:
    """The text of a file as sent: UTF-8 (RFC 5545 §3.1.4), with or without a byte order
    mark, a line folded inside a character joined (`utf8_text`); a file that is not UTF-8 is
    read as Windows-1252, as old Outlook wrote it."""
    text = utf8_text(data)
    return data.decode("cp1252", "replace") if text is None else text


def split_calendar(
    text: str, kinds: Iterable[str] = COMPONENT_TYPES, *, empty_ok: bool = False
) -> SplitFile:
    """The calendar objects in `text`, one per UID, of the component `kinds` the calendar
    holds.

    Raises:
        ImportRefusedError: the text is not iCalendar, holds no VCALENDAR or (unless
            `empty_ok`: a feed with no events says its calendar is empty) nothing that could
            be imported, or more than MAX_IMPORT_OBJECTS events.
    """
    refusal = too_large(len(text.encode("utf-8", "surrogatepass")))
    if refusal is not None:
        raise refusal
    try:
        roots = [root for root in parse(text) if root.name == "VCALENDAR"]
    except ContentError as exc:
        raise _not_a_calendar(str(exc)) from None
    if not roots:
        raise _not_a_calendar("it holds no VCALENDAR")
    wanted = frozenset(kinds)
    pieces: dict[str, Piece] = {}
    left: list[Left] = []
    name: str | None = None
    for root in roots:
        name = name or _text_of(root.get("X-WR-CALNAME"))
        made, skipped = _objects(root, wanted)
        left.extend(skipped)
        for piece in made:
            if piece.uid in pieces:  # the same UID in two VCALENDARs: the later one wins
                left.append(_left(piece.uid, "", "repeated", "its UID came again later"))
            pieces[piece.uid] = piece
    if not pieces and not empty_ok:
        raise nothing_to_import(left)
    if len(pieces) > MAX_IMPORT_OBJECTS:
        raise ImportRefusedError(
            f"The file holds {len(pieces)} events; at most {MAX_IMPORT_OBJECTS} can be "
            "imported at once."
        ).worded("refusal-import-too-many", count=len(pieces), limit=MAX_IMPORT_OBJECTS)
    return SplitFile(tuple(pieces.values()), tuple(left), name)


def same_content(stored: str, new: str) -> bool:
    """Whether two versions of an object say the same thing: DTSTAMP aside (many exporters
    and feeds write the moment of the export there), and whatever the order of lines."""
    try:
        return _content(stored) == _content(new)
    except ContentError:
        return False


def _content(text: str) -> tuple[object, ...]:
    return tuple(sorted((repr(_undated(c).canonical()) for c in parse(text)), key=str))


def _undated(component: Component) -> Component:
    return Component(
        component.name,
        [p for p in component.properties if p.name != "DTSTAMP"],
        [_undated(c) for c in component.components],
    )


def nothing_to_import(left: Sequence[Left]) -> ImportRefusedError:
    """The refusal of a file none of whose events can be stored (`left` says why; the
    refusal names the first and its reason)."""
    if left:
        first = left[0]
        return ImportRefusedError(f"Nothing in the file can be imported: {first.reason}.").worded(
            "refusal-import-nothing",
            summary=first.summary or first.uid[:80],
            reason=first.words,
        )
    return ImportRefusedError("The file holds no events.").worded("refusal-import-empty")


def _objects(root: Component, wanted: frozenset[str]) -> tuple[list[Piece], list[Left]]:
    zones = {
        tzid: zone
        for zone in root.components
        if zone.name == "VTIMEZONE" and (tzid := _text_of(zone.get("TZID")))
    }
    head = [p for p in root.properties if p.name in ("PRODID", "CALSCALE")]
    groups: dict[str, list[Component]] = {}
    left: list[Left] = []
    for component in root.components:
        if component.name == "VTIMEZONE":
            continue
        if component.name not in COMPONENT_TYPES:
            continue  # VFREEBUSY, VAVAILABILITY, X- components: nothing a calendar stores
        uid = _uid_of(component)
        if component.name not in wanted:
            left.append(
                _left(
                    uid,
                    _text_of(component.get("SUMMARY")) or "",
                    "kind",
                    f"a {component.name} (this calendar holds {', '.join(sorted(wanted))})",
                )
            )
            continue
        groups.setdefault(uid, []).append(component)
    pieces: list[Piece] = []
    for uid, components in groups.items():
        kinds = {c.name for c in components}
        if len(kinds) > 1:
            left.append(_left(uid, "", "mixed", f"its UID names a {' and a '.join(sorted(kinds))}"))
            continue
        pieces.append(Piece(uid, components[0].name, _object_text(head, zones, components)))
    return pieces, left


def _object_text(
    head: list[Property], zones: dict[str, Component], components: list[Component]
) -> str:
    named = {tzid for c in components for tzid in _tzids(c)}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    lines += [p.canonical() for p in head] or ["PRODID:-//Televent//Import//EN"]
    body = [zones[tzid].serialize() for tzid in sorted(named) if tzid in zones]
    body += [c.serialize() for c in components]
    lines += [line for chunk in body for line in chunk.rstrip("\r\n").split("\r\n")]
    lines.append("END:VCALENDAR")
    return "".join(_folded(line) for line in lines)


def _tzids(component: Component) -> Iterable[str]:
    for prop in component.properties:
        tzid = prop.param("TZID")
        if tzid:
            yield tzid
    for sub in component.components:
        yield from _tzids(sub)


def _uid_of(component: Component) -> str:
    prop = component.get("UID")
    if prop is not None and prop.value.strip():
        return prop.value.strip()
    # DTSTAMP is left out: many exporters write the moment of the export there.
    seed = "\n".join(sorted(p.canonical() for p in component.properties if p.name != "DTSTAMP"))
    uid = "televent-import-" + hashlib.sha256(seed.encode()).hexdigest()[:32]
    component.properties.insert(0, Property("UID", {}, uid))
    return uid


def _folded(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1)."""
    data = line.encode("utf-8", "surrogatepass")
    if len(data) <= _FOLD_OCTETS:
        return line + "\r\n"
    parts: list[str] = []
    start, limit = 0, _FOLD_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8", "surrogatepass"))
        start, limit = end, _FOLD_OCTETS - 1  # a continuation line starts with a space
    return "\r\n ".join(parts) + "\r\n"


def _text_of(prop: Property | None) -> str | None:
    if prop is None:
        return None
    value = prop.value.replace("\\n", " ").replace("\\N", " ").replace("\\", "").strip()
    return value or None


def _left(uid: str, summary: str, code: str, reason: str) -> Left:
    return Left(uid, summary, code, reason)


def _not_a_calendar(why: str) -> ImportRefusedError:
    return ImportRefusedError(f"The file is not an iCalendar (.ics) file: {why}.").worded(
        "refusal-import-not-ics"
    )
