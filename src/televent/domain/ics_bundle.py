"""Many calendar objects as one iCalendar document (RFC 5545), for exports.

Each object is read and written on its own: one that cannot be (a time zone without a TZID, a
value no parser reads, a failure nobody foresaw) is left out of the document and named in
`Bundle.skipped`, and every other object is still exported. The caller says so to whoever asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import icalendar
from icalendar.prop import vText

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import component_bytes


@dataclass(frozen=True)
class Skipped:
    """An object left out of a bundle, and why."""

    key: str
    reason: str


@dataclass(frozen=True)
class Bundle:
    """The document, and the objects left out of it."""

    data: bytes
    skipped: tuple[Skipped, ...]


def bundle_calendars(name: str, objects: Iterable[tuple[str, str]], product: str) -> Bundle:
    """One VCALENDAR holding every component of the `(key, text)` objects, each VTIMEZONE once;
    an object that cannot be read or written whole is left out and named by its key."""
    header = icalendar.Calendar()
    header.add("PRODID", f"-//Televent//{product}//EN")
    header.add("VERSION", "2.0")
    header.add("X-WR-CALNAME", vText(name))  # TEXT, as clients read it (a name is anyone's)
    head = component_bytes(header)
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    parts = [head[: -len(end)]]
    zones: set[str] = set()
    skipped: list[Skipped] = []
    for key, text in objects:
        try:
            chunks, tzids = _components(text, zones)
        except Exception as exc:  # one object never stops the export
            skipped.append(Skipped(key, f"{type(exc).__name__}: {exc}"[:300]))
            continue
        zones |= tzids
        parts.extend(chunks)
    parts.append(end)
    return Bundle(b"".join(parts), tuple(skipped))


def merged_calendar(name: str, texts: Iterable[str], product: str) -> bytes:
    """One VCALENDAR holding every component of `texts`, each VTIMEZONE once (objects that
    cannot be read are left out: see `bundle_calendars`)."""
    return bundle_calendars(name, ((str(n), t) for n, t in enumerate(texts)), product).data


def _components(text: str, zones: set[str]) -> tuple[list[bytes], set[str]]:
    """The serialized components of one object, leaving out time zones already written."""
    calendar = read_calendar(text)
    if getattr(calendar, "name", None) != "VCALENDAR":
        raise ValueError("not a VCALENDAR")
    chunks: list[bytes] = []
    tzids: set[str] = set()
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            tzid = str(component.get("TZID") or "")
            if not tzid.strip():
                raise ValueError("a VTIMEZONE without a TZID")
            if tzid in zones or tzid in tzids:
                continue
            tzids.add(tzid)
        chunks.append(component_bytes(component))
    return chunks, tzids
