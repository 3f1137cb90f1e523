"""A person's words come back as they wrote them wherever Televent writes a calendar: a
backslash before an "N" ("C:\\New folder") stays a backslash, on a new event, on an event
edited later, in a booking, an invitation and an export (icalendar's own writing turned it
into a line break)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from televent.domain.booking_event import booking_event_text
from televent.domain.calendar_reading import read_calendar
from televent.domain.content_lines import escape_text, unescape_text
from televent.domain.event_fields import edited_text, new_event_text, read_changes
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.ical_edits import render_event, with_partstat
from televent.domain.ics_bundle import merged_calendar
from televent.domain.itip.outbound import outgoing
from televent.domain.occurrences import occurrences_between
from televent.domain.values import PartStat

SOURCE = Path(__file__).resolve().parents[3] / "src" / "televent"
STAMP = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
TITLE = "Back up C:\\New folder\\Notes"
PLACE = "\\\\server\\Nordic room"
NOTES = "Line one\nC:\\N then \\n, both; kept"
ALICE = ("mailto:alice@example.com", "Alice")
CATEGORY = "C:\\Net"
CLIENT_NOTE = "D:\\Nightly"

STORED = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Some Client//EN
BEGIN:VEVENT
UID:backup@example.com
DTSTAMP:20260201T000000Z
DTSTART:20260302T090000Z
DTEND:20260302T100000Z
SUMMARY;LANGUAGE=en:{escape_text(TITLE)}
LOCATION:{escape_text(PLACE)}
DESCRIPTION:{escape_text(NOTES)}
CATEGORIES:{escape_text(CATEGORY)},plain
X-CLIENT-NOTE:{escape_text(CLIENT_NOTE)}
RESOURCES:Projector,Screen\\, big
REQUEST-STATUS:2.0;Success
ORGANIZER;CN=Alice:mailto:alice@example.com
ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com
END:VEVENT
END:VCALENDAR
"""


def _words(text: str) -> dict[str, object]:
    event = next(iter(read_calendar(text).walk("VEVENT")))
    return {
        "title": str(event.get("SUMMARY")),
        "location": str(event.get("LOCATION")) if "LOCATION" in event else None,
        "description": str(event.get("DESCRIPTION")) if "DESCRIPTION" in event else None,
    }


WRITERS: dict[str, Callable[[], str]] = {
    "a new event from the Mini App or the API": lambda: new_event_text(
        read_changes(
            {
                "title": TITLE,
                "location": PLACE,
                "description": NOTES,
                "start": START.isoformat(),
                "reminders": [10],
            }
        ),
        uid="u1@televent",
        stamp=STAMP,
        zone_name="UTC",
        organizer=ALICE,
    ),
    "an event the bot makes": lambda: render_event(
        uid="u2@televent",
        summary=TITLE,
        location=PLACE,
        description=NOTES,
        start=START,
        end=START + dt.timedelta(hours=1),
        stamp=STAMP,
    ),
    "a booking": lambda: booking_event_text(
        uid="u3@televent",
        stamp=STAMP,
        summary=TITLE,
        start=START,
        end=START + dt.timedelta(hours=1),
        zone_name="Europe/Berlin",
        organizer=ALICE,
        visitor=("visitor@example.com", "Vera"),
        description=NOTES,
        location=PLACE,
    ),
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_new_event_keeps_a_backslash_before_an_n(writer: str) -> None:
    text = WRITERS[writer]()
    assert _words(text) == {"title": TITLE, "location": PLACE, "description": NOTES}
    # the reader every projection uses agrees
    assert facts_of(parse_calendar_object(text))["summary"] == TITLE


EDITS: dict[str, Callable[[str], str]] = {
    "moved in the Mini App": lambda text: edited_text(
        text,
        read_changes({"start": "2026-03-02T11:00:00Z", "end": "2026-03-02T12:00:00Z"}),
        occurrence=None,
        stamp=STAMP,
        zone_name="UTC",
    ),
    "answered by a guest": lambda text: with_partstat(
        text, "mailto:bob@example.com", PartStat.ACCEPTED
    ),
    "exported": lambda text: merged_calendar("Work", [text], "Export").decode("utf-8"),
    "sent as an invitation": lambda text: outgoing(text, "REQUEST", organizer=ALICE, stamp=STAMP),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_event_a_client_wrote_keeps_its_words_when_written_again(edit: str) -> None:
    text = EDITS[edit](STORED)
    assert _words(text) == {"title": TITLE, "location": PLACE, "description": NOTES}
    event = next(iter(read_calendar(text).walk("VEVENT")))
    assert [str(c) for c in event["CATEGORIES"].cats] == [CATEGORY, "plain"]
    assert str(event["SUMMARY"].params["LANGUAGE"]) == "en"
    # a list and a structured value icalendar reads as one TEXT are kept as written
    assert "RESOURCES:Projector,Screen\\, big\r\n" in text
    assert "REQUEST-STATUS:2.0;Success\r\n" in text
    if "X-CLIENT-NOTE" in event:  # a property icalendar does not know is kept as written
        assert f"X-CLIENT-NOTE:{escape_text(CLIENT_NOTE)}\r\n" in text


def test_an_event_written_again_and_again_does_not_drift() -> None:
    text = STORED
    for hour in range(10, 14):
        changes = read_changes({"start": f"2026-03-02T{hour}:00:00Z"})
        text = edited_text(text, changes, occurrence=None, stamp=STAMP, zone_name="UTC")
    assert _words(text)["title"] == TITLE


def test_an_export_is_named_as_the_person_named_the_calendar() -> None:
    # a line break in the name failed the whole export; a backslash before an N became one
    name = "Work\nHome C:\\New, a;b"
    text = merged_calendar(name, [STORED], "Export").decode("utf-8")
    written = re.search(r"^X-WR-CALNAME:(.*)\r$", text, re.MULTILINE)
    assert written is not None and unescape_text(written.group(1)) == name
    assert _words(text)["title"] == TITLE


GOOGLE_BIRTHDAY = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Google Inc//Google Calendar 70.9054//EN
BEGIN:VEVENT
UID:birthday@google.com
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:20141210
DTEND;VALUE=DATE:20141211
RRULE:FREQ=YEARLY
EXDATE;VALUE=DATE:20151210Z,20161210Z
SUMMARY:Birthday
ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com
END:VEVENT
END:VCALENDAR
"""


def test_a_value_icalendar_cannot_read_is_written_back_as_it_came() -> None:
    # Google's days with a UTC marker: written as TEXT, "20151210Z\\,20161210Z" (no list)
    text = with_partstat(GOOGLE_BIRTHDAY, "mailto:bob@example.com", PartStat.ACCEPTED)
    assert "EXDATE;VALUE=DATE:20151210Z,20161210Z\r\n" in text
    years = [
        o.start.year
        for o in occurrences_between(
            read_calendar(text), dt.date(2014, 1, 1), dt.date(2019, 1, 1), limit=10
        )
    ]
    assert years == [2014, 2017, 2018]  # the excluded birthdays stay excluded


# What may write with icalendar outside calendar_writing: one value each, never a component
# (a rule, a time, a property matched as text, Google's recurrence lines)
VALUE_WRITES = {
    ("domain/series_split.py", 'text = rule.to_ical().decode("utf-8")'),
    ("domain/ical_edits.py", 'raw = prop.to_ical().decode("utf-8")'),
    ("adapters/caldav/query_match.py", "raw = to_ical() if callable(to_ical) else str(prop)"),
    ("domain/google_events.py", "found.append(str(Event().content_line(name, value)).rstrip())"),
}


def test_no_module_writes_a_calendar_with_icalendar_but_through_calendar_writing() -> None:
    writes = re.compile(r"to_ical\(|content_line\(|Contentline|from_parts\(")
    found = {
        (str(path.relative_to(SOURCE)), line.split("#")[0].strip())
        for path in SOURCE.rglob("*.py")
        if path.name != "calendar_writing.py"
        for line in path.read_text(encoding="utf-8").splitlines()
        if writes.search(line)
    }
    assert found == VALUE_WRITES
