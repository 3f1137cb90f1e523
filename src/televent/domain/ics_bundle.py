"""Many calendar objects as one iCalendar document (RFC 5545), for exports."""

from __future__ import annotations

from collections.abc import Iterable

import icalendar


def merged_calendar(name: str, texts: Iterable[str], product: str) -> bytes:
    """One VCALENDAR holding every component of `texts`, each VTIMEZONE once."""
    merged = icalendar.Calendar()
    merged.add("PRODID", f"-//Televent//{product}//EN")
    merged.add("VERSION", "2.0")
    merged.add("X-WR-CALNAME", name)
    zones: set[str] = set()
    for text in texts:
        for component in icalendar.Calendar.from_ical(text).subcomponents:
            if component.name == "VTIMEZONE":
                tzid = str(component.get("TZID"))
                if tzid in zones:
                    continue
                zones.add(tzid)
            merged.add_component(component)
    return bytes(merged.to_ical())
