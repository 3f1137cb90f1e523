"""Google Calendar's events as Televent's calendar objects and back (domain/google_events):
a series with a moved and a cancelled instance is one object with an override and an EXDATE;
all-day and time-zoned events keep their dates and wall-clock times; what Televent writes back
is Google's shape of the same event, and reading that back gives the same object."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from televent.domain.google_events import (
    calendar_object,
    google_event_id,
    google_series,
    instance_suffix,
)

BERLIN = ZoneInfo("Europe/Berlin")


def series() -> dict[str, Any]:
    return {
        "id": "abc12",
        "iCalUID": "abc12@google.com",
        "status": "confirmed",
        "summary": "Standup",
        "location": "Room 1",
        "updated": "2026-11-20T10:00:00.000Z",
        "start": {"dateTime": "2026-12-01T09:00:00+01:00", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": "2026-12-01T09:15:00+01:00", "timeZone": "Europe/Berlin"},
        "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=TU"],
        "sequence": 0,
    }


def events_of(text: str) -> list[Any]:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_a_series_with_a_moved_and_a_cancelled_instance_is_one_object() -> None:
    moved = {
        "id": "abc12_20261208T080000Z", "recurringEventId": "abc12", "status": "confirmed",
        "iCalUID": "abc12@google.com", "summary": "Standup (later)",
        "originalStartTime": {"dateTime": "2026-12-08T09:00:00+01:00",
                              "timeZone": "Europe/Berlin"},
        "start": {"dateTime": "2026-12-08T11:00:00+01:00", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": "2026-12-08T11:15:00+01:00", "timeZone": "Europe/Berlin"},
    }  # fmt: skip
    gone = {
        "id": "abc12_20261215T080000Z", "recurringEventId": "abc12", "status": "cancelled",
        "originalStartTime": {"dateTime": "2026-12-15T09:00:00+01:00",
                              "timeZone": "Europe/Berlin"},
    }  # fmt: skip
    text = calendar_object([gone, moved, series()])
    assert text is not None
    master, override = events_of(text)
    assert str(master["uid"]) == str(override["uid"]) == "abc12@google.com"
    assert master.decoded("dtstart") == dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN)
    assert master["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"
    assert [d.dt for d in master["exdate"].dts] == [dt.datetime(2026, 12, 15, 9, tzinfo=BERLIN)]
    assert override.decoded("recurrence-id") == dt.datetime(2026, 12, 8, 9, tzinfo=BERLIN)
    assert override.decoded("dtstart") == dt.datetime(2026, 12, 8, 11, tzinfo=BERLIN)
    assert str(override["summary"]) == "Standup (later)"
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Berlin" in text

    written = google_series(text)
    assert written.event["recurrence"] == [
        "RRULE:FREQ=WEEKLY;BYDAY=TU", "EXDATE;TZID=Europe/Berlin:20261215T090000"
    ]  # fmt: skip
    assert written.event["start"] == {"dateTime": "2026-12-01T09:00:00+01:00",
                                      "timeZone": "Europe/Berlin"}  # fmt: skip
    assert written.event["location"] == "Room 1"
    assert list(written.overrides) == ["20261208T080000Z"]
    assert written.overrides["20261208T080000Z"]["summary"] == "Standup (later)"


def test_a_cancelled_series_or_a_cancelled_event_leaves_nothing() -> None:
    assert calendar_object([{**series(), "status": "cancelled"}]) is None
    assert calendar_object([]) is None


def test_an_all_day_event_keeps_its_dates_both_ways() -> None:
    holiday = {"id": "day01", "iCalUID": "holiday@example.com", "summary": "Holiday",
               "transparency": "transparent",
               "start": {"date": "2026-12-24"}, "end": {"date": "2026-12-26"}}  # fmt: skip
    text = calendar_object([holiday])
    assert text is not None
    [event] = events_of(text)
    assert event.decoded("dtstart") == dt.date(2026, 12, 24)
    assert event.decoded("dtend") == dt.date(2026, 12, 26)
    assert str(event["transp"]) == "TRANSPARENT"
    back = google_series(text).event
    assert (back["start"], back["end"]) == ({"date": "2026-12-24"}, {"date": "2026-12-26"})
    assert back["transparency"] == "transparent" and back["iCalUID"] == "holiday@example.com"


def test_attendees_and_their_answers_are_shown() -> None:
    attendees = [
        {"email": "bob@example.com", "responseStatus": "accepted"},
        {"email": "eve@example.com", "responseStatus": "needsAction"},
    ]
    meeting = {**series(), "recurrence": [], "organizer": {"email": "anna@gmail.com"},
               "attendees": attendees}  # fmt: skip
    text = calendar_object([meeting])
    assert text is not None
    [event] = events_of(text)
    assert str(event["organizer"]) == "mailto:anna@gmail.com"
    answers = {str(a): a.params["PARTSTAT"] for a in event["attendee"]}
    assert answers == {
        "mailto:bob@example.com": "ACCEPTED",
        "mailto:eve@example.com": "NEEDS-ACTION",
    }
    assert "attendees" not in google_series(text).event  # Google keeps its own list


def test_a_utc_event_and_the_instance_ids_of_both_kinds() -> None:
    text = calendar_object([{"id": "u1", "summary": "Call",
                             "start": {"dateTime": "2026-12-01T08:00:00Z"},
                             "end": {"dateTime": "2026-12-01T08:30:00Z"}}])  # fmt: skip
    assert text is not None
    [event] = events_of(text)
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)
    assert str(event["uid"]) == "u1@google.com"
    assert instance_suffix(dt.datetime(2026, 12, 8, 9, tzinfo=BERLIN)) == "20261208T080000Z"
    assert instance_suffix(dt.date(2026, 12, 24)) == "20261224"


@given(st.text(min_size=1, max_size=200))
def test_an_event_made_here_gets_a_google_id_google_accepts_and_the_same_every_time(
    uid: str,
) -> None:
    made = google_event_id(uid)
    assert made == google_event_id(uid)
    assert 5 <= len(made) <= 1024 and set(made) <= set("0123456789abcdefghijklmnopqrstuv")


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80),
    st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
    st.integers(0, 23),
    st.integers(1, 600),
)
def test_what_is_written_to_google_reads_back_as_the_same_event(
    title: str, day: dt.date, hour: int, minutes: int
) -> None:
    start = dt.datetime.combine(day, dt.time(hour), BERLIN)
    end = start + dt.timedelta(minutes=minutes)
    google = {"id": "e1234", "iCalUID": "e@x", "summary": title,
              "start": {"dateTime": start.isoformat(), "timeZone": "Europe/Berlin"},
              "end": {"dateTime": end.isoformat(), "timeZone": "Europe/Berlin"}}  # fmt: skip
    text = calendar_object([google])
    assert text is not None
    back = google_series(text).event
    again = calendar_object([{**google, **{k: v for k, v in back.items() if v is not None}}])
    assert again is not None
    first, second = events_of(text)[0], events_of(again)[0]
    for name in ("dtstart", "dtend", "uid"):
        assert first.decoded(name) == second.decoded(name)
    assert str(first.get("summary", "")) == str(second.get("summary", "")) == (title or "")
