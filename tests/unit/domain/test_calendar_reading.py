"""Each body's times are read in the zones it defines itself, even when another body of the
same process defined the same name otherwise (icalendar keeps the first definition of a name
for the whole process; `calendar_reading` forgets it around each reading)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import pickle
import re
import threading
from pathlib import Path

import icalendar
import pytest
from dateutil import tz as dateutil_tz

from televent.domain import calendar_reading
from televent.domain.calendar_reading import read_calendar
from televent.domain.ical import facts_of, parse_calendar_object
from tests.helpers import ended_within

SOURCE = Path(__file__).resolve().parents[3] / "src" / "televent"


def _body(
    offset: str, uid: str, name: str = "Customized Time Zone", param: str | None = None
) -> str:
    """An event at 09:00 in a zone of one fixed `offset` that the body defines as `name` (its
    TZID property, TEXT) and names `param` (its TZID parameter; `name` when None)."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN",
        "BEGIN:VTIMEZONE", f"TZID:{name}",
        "BEGIN:STANDARD", f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}",
        "DTSTART:16010101T000000", "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z",
        f"DTSTART;TZID={param or name}:20260301T090000", "DURATION:PT1H", "END:VEVENT",
        "END:VCALENDAR",
    ]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def _offset(text: str) -> dt.timedelta | None:
    event = read_calendar(text).walk("VEVENT")[0]
    return event["DTSTART"].dt.utcoffset()  # type: ignore[no-any-return]


def test_icalendar_still_keeps_zones_where_this_module_forgets_them() -> None:
    # a release that renamed what icalendar keeps would bring back first-definition-wins
    assert calendar_reading._KEPT is not None


@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("Customized Time Zone", None),
        # a name with a comma, escaped in the property (TEXT) and quoted in the parameter, as
        # Outlook writes its "(UTC+01:00) Amsterdam, Berlin, ..."
        ("Custom\\, Zone", '"Custom, Zone"'),
    ],
)
def test_two_bodies_defining_one_name_otherwise_each_read_their_own(
    name: str, param: str | None
) -> None:
    moscow, new_york = _body("+0300", "a", name, param), _body("-0500", "b", name, param)
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


# --- a zone a body defines, read by lists of its onsets ----------------------------------

_OUTLOOK = (  # Outlook's custom zone: two rules from 1601
    "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\n"
    "DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
    "DTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
)
_ERAS = (  # a history of eras and single changes, as zone generators write them
    "BEGIN:VTIMEZONE\r\nTZID:Eras\r\nBEGIN:STANDARD\r\nDTSTART:18831118T120358\r\n"
    "TZOFFSETFROM:-045602\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
    "DTSTART:19670430T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1SU;UNTIL=19730429T070000Z\r\n"
    "RDATE:19740106T020000,19750223T020000\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n"
    "DTSTART:19671029T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z\r\n"
    "EXDATE:19741027T020000\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:20070311T020000\r\n"
    "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
    "END:DAYLIGHT\r\nBEGIN:STANDARD\r\nDTSTART:20071104T020000\r\nTZOFFSETFROM:-0400\r\n"
    "TZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


def _times() -> list[dt.datetime]:
    """Times across the calendar, and each half hour of the nights of the changes (the last
    Sunday of March, April and October, the second of March, the first of November) in 1970,
    1974, 2026 and 2150, in both folds."""
    times = [dt.datetime(year, 7, 1, 12) for year in (1, 1600, 1850, 1969, 2026, 2099, 9998)]
    for year in (1970, 1974, 2026, 2150):
        for month, nth in ((3, -1), (4, -1), (10, -1), (3, 2), (11, 1)):
            sundays = [
                day
                for day in (dt.date(year, month, 1) + dt.timedelta(days=n) for n in range(31))
                if day.month == month and day.weekday() == 6
            ]
            night = dt.datetime.combine(sundays[nth - 1 if nth > 0 else nth], dt.time())
            for half_hours in range(12):
                moment = night + dt.timedelta(minutes=30 * half_hours)
                times += [moment, moment.replace(fold=1)]
    return times


@pytest.mark.parametrize("definition", [_OUTLOOK, _ERAS])
def test_a_listed_zone_reads_every_time_as_dateutil_reads_it(definition: str) -> None:
    ours = calendar_reading.read_zone(definition)
    assert isinstance(ours, calendar_reading.ListedZone)  # what icalendar builds is listed
    theirs = dateutil_tz.tzical(io.StringIO(definition.replace("\r\n", "\n"))).get()
    for moment in _times():
        mine, its = moment.replace(tzinfo=ours), moment.replace(tzinfo=theirs)
        assert (mine.utcoffset(), mine.dst(), mine.tzname()) == (
            its.utcoffset(),
            its.dst(),
            its.tzname(),
        ), moment
        if moment.year > 1:
            assert mine.astimezone(dt.UTC) == its.astimezone(dt.UTC), moment
            utc = its.astimezone(dt.UTC)
            assert utc.astimezone(ours).replace(tzinfo=None) == utc.astimezone(theirs).replace(
                tzinfo=None
            )


def test_a_listed_zone_reads_a_time_without_dateutils_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    # dateutil walked every rule from 1601 at each time read: 1.4 ms a time
    zone = calendar_reading.read_zone(_OUTLOOK)

    def walked(self: object, moment: dt.datetime) -> None:
        raise AssertionError(f"dateutil walked the rules for {moment}")

    monkeypatch.setattr(calendar_reading._tzicalvtz, "_find_comp", walked)
    for year in (2026, 2150, 9998):
        summer, winter = dt.datetime(year, 7, 1, tzinfo=zone), dt.datetime(year, 1, 1, tzinfo=zone)
        assert (summer.utcoffset(), winter.utcoffset()) == (
            dt.timedelta(hours=2),
            dt.timedelta(hours=1),
        )


def test_a_zone_of_more_onsets_than_are_listed_is_read_by_dateutil(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calendar_reading, "MAX_LISTED", 50)
    zone = calendar_reading.read_zone(_OUTLOOK.replace("Customized", "Spent"))
    theirs = dateutil_tz.tzical(io.StringIO(_OUTLOOK.replace("\r\n", "\n"))).get()
    for year in (1620, 2026):  # listed up to the limit, then dateutil's own walk
        moment = dt.datetime(year, 7, 1, 12)
        assert moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=theirs).utcoffset()


def test_a_listed_zone_is_copied_and_pickled_as_dateutils_zone_is() -> None:
    # the schedule inbox keeps a parsed message, copied and pickled with its zones: a listed
    # zone's lock made every inbound invitation in such a zone fail its projection
    zone = calendar_reading.read_zone(_ERAS)
    summer = dt.datetime(2026, 7, 1, 12)
    zone_read = summer.replace(tzinfo=zone).utcoffset()  # listed, with its lock
    assert copy.copy(zone) is zone and copy.deepcopy(zone) is zone
    again = pickle.loads(pickle.dumps(zone))
    assert isinstance(again, calendar_reading.ListedZone)
    assert summer.replace(tzinfo=again).utcoffset() == zone_read == dt.timedelta(hours=-4)
    calendar = read_calendar(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        + _ERAS
        + "BEGIN:VEVENT\r\nUID:e\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART;TZID=Eras:20260701T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for copied in (copy.deepcopy(calendar), pickle.loads(pickle.dumps(calendar))):
        assert copied.walk("VEVENT")[0]["DTSTART"].dt.utcoffset() == dt.timedelta(hours=-4)


def test_a_zone_is_built_without_walking_its_rules() -> None:
    # dateutil walks nothing until a time is read, and a zone of one observance never: a
    # rule of INTERVAL=0 (in a body stored before zone rules were checked) hung the building
    # of the listed zone, under the lock every reading of a zone takes
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Stuck\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n"
        "RRULE:FREQ=YEARLY;INTERVAL=0;BYMONTH=2;BYMONTHDAY=30\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" + zone + "BEGIN:VEVENT\r\n"
        "UID:e\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Stuck:99990101T120000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )

    def read() -> dt.timedelta | None:
        offset: dt.timedelta | None = (
            read_calendar(text).walk("VEVENT")[0]["DTSTART"].dt.utcoffset()
        )
        return offset

    assert ended_within(read, seconds=60) == dt.timedelta(hours=1)


def test_a_zone_of_more_onsets_than_listed_stops_listing_there() -> None:
    # two hourly observances from 2090: 175,000 onsets up to 2100 were listed before the
    # limit was asked; now the listing stops at it, keeps nothing, and dateutil reads
    definition = (
        _OUTLOOK.replace("Customized Time Zone", "Hourly")
        .replace("FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "FREQ=HOURLY")
        .replace("DTSTART:16010101T030000", "DTSTART:20900101T003000")
    )
    zone = calendar_reading.read_zone(definition)
    theirs = dateutil_tz.tzical(io.StringIO(definition.replace("\r\n", "\n"))).get()
    moment = dt.datetime(2090, 3, 1, 12)
    assert moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=theirs).utcoffset()
    assert zone._spent and sum(map(len, zone._onsets)) == 0
