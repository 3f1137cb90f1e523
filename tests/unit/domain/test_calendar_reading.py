"""Each body's times are read in the zones it defines itself, even when another body of the
same process defined the same name otherwise (icalendar keeps the first definition of a name
for the whole process; `calendar_reading` forgets it around each reading)."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

import icalendar

from televent.domain import calendar_reading
from televent.domain.calendar_reading import read_calendar
from televent.domain.ical import facts_of, parse_calendar_object

SOURCE = Path(__file__).resolve().parents[3] / "src" / "televent"


def _body(offset: str, uid: str, name: str = "Customized Time Zone") -> str:
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN",
        "BEGIN:VTIMEZONE", f"TZID:{name}",
        "BEGIN:STANDARD", f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}",
        "DTSTART:16010101T000000", "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z",
        f"DTSTART;TZID={name}:20260301T090000", "DURATION:PT1H", "END:VEVENT",
        "END:VCALENDAR",
    ]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def _offset(text: str) -> dt.timedelta | None:
    event = read_calendar(text).walk("VEVENT")[0]
    return event["DTSTART"].dt.utcoffset()  # type: ignore[no-any-return]


def test_icalendar_still_keeps_zones_where_this_module_forgets_them() -> None:
    # a release that renamed what icalendar keeps would bring back first-definition-wins
    assert calendar_reading._KEPT is not None


def test_two_bodies_defining_one_name_otherwise_each_read_their_own() -> None:
    moscow, new_york = _body("+0300", "a"), _body("-0500", "b")
    assert _offset(moscow) == dt.timedelta(hours=3)
    assert _offset(new_york) == dt.timedelta(hours=-5)
    assert _offset(moscow) == dt.timedelta(hours=3)
    # the facts stored for each (the index, the listings) too
    starts = [
        dt.datetime.fromisoformat(facts_of(parse_calendar_object(body))["start"])
        for body in (moscow, new_york)
    ]
    assert starts == [
        dt.datetime(2026, 3, 1, 6, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 1, 14, tzinfo=dt.UTC),
    ]


def test_a_folded_name_is_forgotten_too() -> None:
    name = "Zone with a very long name that a client folds across two content lines"
    first = _body("+0300", "a", name)
    folded = _body("-0500", "b", name).replace(f"TZID:{name}", f"TZID:{name[:40]}\r\n {name[40:]}")
    assert _offset(first) == dt.timedelta(hours=3)
    # a parse that bypassed `read_calendar` (a library's own) left the first definition kept
    # under the whole name: the folded one must still be read by its own
    icalendar.Calendar.from_ical(first)
    assert _offset(folded) == dt.timedelta(hours=-5)


def test_bodies_read_at_once_on_threads_each_read_their_own() -> None:
    bodies = {
        dt.timedelta(hours=3): _body("+0300", "a"),
        dt.timedelta(hours=-5): _body("-0500", "b"),
    }
    wrong: list[tuple[dt.timedelta, dt.timedelta | None]] = []

    def read(expected: dt.timedelta) -> None:
        for _ in range(30):
            found = _offset(bodies[expected])
            if found != expected:
                wrong.append((expected, found))

    threads = [threading.Thread(target=read, args=(offset,)) for offset in bodies for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_no_module_reads_a_calendar_with_icalendar_but_through_calendar_reading() -> None:
    direct = re.compile(r"\b(?:Calendar|Timezone)\.from_ical\(")
    offenders = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if path.name != "calendar_reading.py" and direct.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_name_of_the_zone_database_is_read_from_it_whatever_a_body_defines() -> None:
    # as zones.calendar_zones reads it: icalendar read it by whichever it met first, the
    # database or a body's definition
    for name in (
        "W. Europe Standard Time",
        "Europe/Berlin",
        "/mozilla.org/20050126_1/Europe/Berlin",
    ):
        body = _body("+0500", "a", name)
        assert _offset(body) == dt.timedelta(hours=1), name
        start = facts_of(parse_calendar_object(body))["start"]
        assert dt.datetime.fromisoformat(start) == dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC)
