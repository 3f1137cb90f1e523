"""JSON event fields to iCalendar: what a Mini App or script writes is what a CalDAV client
reads, and an edit changes only what was named."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest

from televent.domain.errors import NotFoundError
from televent.domain.event_fields import (
    FieldError,
    edited_text,
    event_times,
    instance_component,
    new_event_text,
    read_changes,
    without_occurrence,
    zone_of,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
ALICE = ("mailto:tg_1@televent.internal", "Alice")

STORED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Some Client//EN
X-WR-CALNAME:Work
BEGIN:VEVENT
UID:standup@example.com
DTSTAMP:20260201T000000Z
DTSTART;TZID=Europe/Berlin:20260302T090000
DTEND;TZID=Europe/Berlin:20260302T091500
RRULE:FREQ=DAILY;COUNT=5
EXDATE;TZID=Europe/Berlin:20260305T090000
SUMMARY:Standup
LOCATION:Room 1
X-CLIENT-COLOUR:teal
ORGANIZER;CN=Alice:mailto:tg_1@televent.internal
ATTENDEE;CN=Bob;PARTSTAT=ACCEPTED:mailto:bob@example.com
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Standup
TRIGGER:-PT10M
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:standup@example.com
DTSTAMP:20260201T000000Z
RECURRENCE-ID;TZID=Europe/Berlin:20260303T090000
DTSTART;TZID=Europe/Berlin:20260303T100000
DTEND;TZID=Europe/Berlin:20260303T101500
SUMMARY:Standup (late)
END:VEVENT
END:VCALENDAR
"""


def _events(text: str) -> list[icalendar.cal.Component]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def _master(text: str) -> icalendar.cal.Component:
    return next(e for e in _events(text) if "RECURRENCE-ID" not in e)


def _new(**fields: object) -> str:
    return new_event_text(
        read_changes(fields), uid="u1@televent", stamp=STAMP, zone_name="UTC", organizer=ALICE
    )


def test_a_local_time_with_a_zone_is_stored_with_its_tzid_and_vtimezone() -> None:
    text = _new(title="Lunch", start="2026-03-02T12:00:00", timezone="Europe/Berlin")
    event = _master(text)
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 2, 12, tzinfo=BERLIN)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTEND") == dt.datetime(2026, 3, 2, 13, tzinfo=BERLIN)  # an hour
    assert "BEGIN:VTIMEZONE" in text
    assert str(event["ORGANIZER"]) == ALICE[0]


def test_an_offset_time_keeps_its_instant_in_the_zone_it_is_written_in() -> None:
    text = _new(title="Call", start="2026-03-02T11:00:00Z", end="2026-03-02T11:30:00+00:00")
    assert _master(text).decoded("DTSTART") == dt.datetime(2026, 3, 2, 11, tzinfo=dt.UTC)
    moved = new_event_text(
        read_changes({"title": "Call", "start": "2026-03-02T11:00:00Z"}),
        uid="u2",
        stamp=STAMP,
        zone_name="Europe/Berlin",
        organizer=ALICE,
    )
    start = _master(moved)["DTSTART"]
    assert start.params["TZID"] == "Europe/Berlin"
    assert start.dt.hour == 12 and start.dt.astimezone(dt.UTC).hour == 11


def _length(text: str) -> dt.timedelta:
    event = _master(text)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    return end.astimezone(dt.UTC) - start.astimezone(dt.UTC)


def test_lengths_are_kept_as_time_passes_across_the_clocks_changing() -> None:
    """Times were added on the clock: an event at 02:30 on the night the clocks go back
    lasted two hours, a local time in the hour they skip made an event of no length, and a
    three-hour event moved onto that night lasted two."""
    back = _new(title="Night", start="2026-10-25T02:30:00+02:00", timezone="Europe/Berlin")
    assert _length(back) == dt.timedelta(hours=1)
    skipped = _new(title="Gap", start="2026-03-29T02:30:00", timezone="Europe/Berlin")
    assert _master(skipped).decoded("DTSTART") == dt.datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)
    assert _length(skipped) == dt.timedelta(hours=1)
    long = _new(title="Long", start="2026-03-28T01:00:00", end="2026-03-28T04:00:00",
                timezone="Europe/Berlin")  # fmt: skip
    moved = edited_text(long, read_changes({"start": "2026-03-29T01:00:00"}), occurrence=None,
                        stamp=STAMP, zone_name="Europe/Berlin")  # fmt: skip
    assert _length(moved) == dt.timedelta(hours=3)
    # the second 02:30 of that night, start and end: said in UTC, not as the first one
    second = _new(title="Late", start="2026-10-25T02:30:00+01:00", end="2026-10-25T02:50:00+01:00",
                  timezone="Europe/Berlin")  # fmt: skip
    event = _master(second)
    assert event.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(
        2026, 10, 25, 1, 30, tzinfo=dt.UTC
    )
    assert _length(second) == dt.timedelta(minutes=20)


def test_all_day_events_are_dates_and_end_the_day_after() -> None:
    event = _master(_new(title="Holiday", start="2026-03-02", recurrence="FREQ=YEARLY"))
    assert event.decoded("DTSTART") == dt.date(2026, 3, 2)
    assert event.decoded("DTEND") == dt.date(2026, 3, 3)
    assert event["RRULE"].to_ical() == b"FREQ=YEARLY"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"start": "2026-03-02T10:00:00Z"}, "title"),
        ({"title": "x"}, "start"),
        ({"title": "  ", "start": "2026-03-02"}, "title"),
        ({"title": "x", "start": "next tuesday"}, "start"),
        ({"title": "x", "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T09:00:00Z"}, "end"),
        ({"title": "x", "start": "2026-03-02", "end": "2026-03-02T12:00:00Z"}, "end"),
        ({"title": "x", "start": "2026-03-02", "all_day": "yes"}, "all_day"),
        ({"title": "x", "start": "2026-03-02T10:00:00", "timezone": "Mars/Olympus"}, "timezone"),
        ({"title": "x", "start": "2026-03-02", "recurrence": "EVERY=DAY"}, "recurrence"),
        # rules that end before the event starts: stored, the event showed nowhere
        (
            {
                "title": "x",
                "start": "2026-05-02T09:00:00",
                "recurrence": "FREQ=DAILY;UNTIL=20260501T000000Z",
            },
            "recurrence",
        ),
        (
            {"title": "x", "start": "2026-05-02", "recurrence": "FREQ=DAILY;UNTIL=20260501"},
            "recurrence",
        ),
        ({"title": "x", "start": "2026-05-02", "recurrence": "FREQ=DAILY;COUNT=0"}, "recurrence"),
        ({"title": "x", "start": "2026-03-02", "colour": "red"}, "colour"),
        ({"title": 5, "start": "2026-03-02"}, "title"),
        ({"title": "x", "start": "0001-01-01T00:00:00+05:00"}, "start"),
        ({"title": "x", "start": "2026-03-02", "end": "99999-01-01"}, "end"),
    ],
)
def test_bad_fields_are_refused_by_name(fields: dict[str, object], field: str) -> None:
    with pytest.raises(FieldError) as caught:
        _new(**fields)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}:")


def test_an_edit_changes_only_the_named_fields() -> None:
    text = edited_text(
        STORED,
        read_changes({"title": "Daily", "location": None}),
        occurrence=None,
        stamp=STAMP,
        zone_name="UTC",
    )
    master = _master(text)
    assert str(master["SUMMARY"]) == "Daily"
    assert "LOCATION" not in master
    assert str(master["X-CLIENT-COLOUR"]) == "teal"
    assert [c.name for c in master.subcomponents] == ["VALARM"]
    assert "X-WR-CALNAME:Work" in text
    assert master.decoded("DTSTART") == dt.datetime(2026, 3, 2, 9, tzinfo=BERLIN)
    assert str(master["ATTENDEE"]) == "mailto:bob@example.com"
    assert len(_events(text)) == 2  # the override is kept


def test_moving_a_series_keeps_its_length_and_takes_its_exceptions_along() -> None:
    text = edited_text(
        STORED,
        read_changes({"start": "2026-03-02T10:00:00+01:00"}),
        occurrence=None,
        stamp=STAMP,
        zone_name="UTC",
    )
    master = _master(text)
    assert master.decoded("DTEND") == dt.datetime(2026, 3, 2, 10, 15, tzinfo=BERLIN)
    assert [d.dt for d in master["EXDATE"].dts] == [dt.datetime(2026, 3, 5, 10, tzinfo=BERLIN)]
    override = next(e for e in _events(text) if "RECURRENCE-ID" in e)
    assert override.decoded("RECURRENCE-ID") == dt.datetime(2026, 3, 3, 10, tzinfo=BERLIN)


def test_an_override_that_kept_its_time_moves_with_the_series() -> None:
    text = edited_text(
        STORED,
        read_changes({"location": "Room 2"}),
        occurrence="2026-03-04T09:00:00+01:00",
        stamp=STAMP,
        zone_name="UTC",
    )
    moved = edited_text(
        text,
        read_changes({"start": "2026-03-02T10:00:00+01:00"}),
        occurrence=None,
        stamp=STAMP,
        zone_name="UTC",
    )
    overrides = {
        e.decoded("RECURRENCE-ID"): (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in _events(moved)
        if "RECURRENCE-ID" in e
    }
    assert overrides == {
        # moved to 10:00 on its own: it stays there
        dt.datetime(2026, 3, 3, 10, tzinfo=BERLIN): (
            dt.datetime(2026, 3, 3, 10, tzinfo=BERLIN),
            dt.datetime(2026, 3, 3, 10, 15, tzinfo=BERLIN),
        ),
        # changed in its place only: it moves with the series
        dt.datetime(2026, 3, 4, 10, tzinfo=BERLIN): (
            dt.datetime(2026, 3, 4, 10, tzinfo=BERLIN),
            dt.datetime(2026, 3, 4, 10, 15, tzinfo=BERLIN),
        ),
    }


def test_editing_one_occurrence_writes_its_override_only() -> None:
    text = edited_text(
        STORED,
        read_changes({"title": "Standup with guests", "start": "2026-03-04T11:00:00"}),
        occurrence="2026-03-04T08:00:00Z",
        stamp=STAMP,
        zone_name="UTC",
    )
    events = _events(text)
    assert len(events) == 3
    override = next(
        e
        for e in events
        if "RECURRENCE-ID" in e
        and e.decoded("RECURRENCE-ID") == dt.datetime(2026, 3, 4, 9, tzinfo=BERLIN)
    )
    assert str(override["SUMMARY"]) == "Standup with guests"
    assert override.decoded("DTSTART") == dt.datetime(2026, 3, 4, 11, tzinfo=BERLIN)
    assert override.decoded("DTEND") == dt.datetime(2026, 3, 4, 11, 15, tzinfo=BERLIN)
    assert [c.name for c in override.subcomponents] == ["VALARM"]  # derived from the master
    assert "RRULE" not in override
    assert str(_master(text)["SUMMARY"]) == "Standup"


def test_an_existing_override_is_edited_in_place() -> None:
    text = edited_text(
        STORED,
        read_changes({"location": "Room 2"}),
        occurrence="2026-03-03T09:00:00",  # local time in the series' zone
        stamp=STAMP,
        zone_name="UTC",
    )
    overrides = [e for e in _events(text) if "RECURRENCE-ID" in e]
    assert len(overrides) == 1
    assert str(overrides[0]["LOCATION"]) == "Room 2"
    assert str(overrides[0]["SUMMARY"]) == "Standup (late)"


def test_an_occurrence_the_series_does_not_have_is_not_found() -> None:
    for missing in ("2026-03-05T09:00:00+01:00", "2026-03-09T09:00:00+01:00", "2026-03-02T09:30"):
        with pytest.raises(NotFoundError):
            edited_text(
                STORED,
                read_changes({"title": "x"}),
                occurrence=missing,
                stamp=STAMP,
                zone_name="UTC",
            )
    with pytest.raises(FieldError) as caught:
        instance_component(STORED, "2026-03-04")  # the series has times, not dates
    assert caught.value.field == "occurrence"


FLOATING = (
    STORED.replace("DTSTART;TZID=Europe/Berlin:", "DTSTART:")
    .replace("DTEND;TZID=Europe/Berlin:", "DTEND:")
    .replace("EXDATE;TZID=Europe/Berlin:", "EXDATE:")
    .replace("RECURRENCE-ID;TZID=Europe/Berlin:", "RECURRENCE-ID:")
)


@pytest.mark.parametrize(
    "named",
    [
        "2026-03-04T09:00:00",  # as stored
        "2026-03-04T09:00:00+09:00",  # as the API writes it for a reader in Tokyo
        "2026-03-04T09:00:00-05:00",  # in New York
        "2026-03-04T09:00:00Z",  # in UTC
    ],
)
def test_a_floating_series_is_named_by_its_local_time_as_written(named: str) -> None:
    """A floating time is shown placed in the reader's zone (its wall clock with that zone's
    offset); asked for again, the occurrence is the one at that wall clock, wherever the
    reader is, and not the wall clock of that instant in UTC."""
    component = instance_component(FLOATING, named)
    assert component.decoded("DTSTART") == dt.datetime(2026, 3, 4, 9)
    late = instance_component(FLOATING, named.replace("04T09", "03T09"))
    assert str(late["SUMMARY"]) == "Standup (late)"


def test_the_rule_belongs_to_the_series() -> None:
    with pytest.raises(FieldError) as caught:
        edited_text(
            STORED,
            read_changes({"recurrence": "FREQ=WEEKLY"}),
            occurrence="2026-03-04T09:00:00+01:00",
            stamp=STAMP,
            zone_name="UTC",
        )
    assert caught.value.field == "recurrence"
    single = edited_text(
        STORED, read_changes({"recurrence": None}), occurrence=None, stamp=STAMP, zone_name="UTC"
    )
    assert len(_events(single)) == 1
    assert "RRULE" not in _master(single) and "EXDATE" not in _master(single)


def test_deleting_one_occurrence_adds_an_exdate_and_drops_its_override() -> None:
    text = without_occurrence(STORED, "2026-03-03T08:00:00Z")
    master = _master(text)
    excluded = [d.dt for value in master["EXDATE"] for d in value.dts]
    assert dt.datetime(2026, 3, 3, 9, tzinfo=BERLIN) in excluded
    assert all("RECURRENCE-ID" not in e for e in _events(text))
    with pytest.raises(NotFoundError):
        without_occurrence(text, "2026-03-03T08:00:00Z")  # already gone


def test_times_follow_the_form_of_start_and_keep_the_duration() -> None:
    current = (
        dt.datetime(2026, 3, 2, 9, tzinfo=BERLIN),
        dt.datetime(2026, 3, 2, 10, tzinfo=BERLIN),
    )
    start, end = event_times(read_changes({"start": "2026-03-03"}), BERLIN, current)
    assert (start, end) == (dt.date(2026, 3, 3), dt.date(2026, 3, 4))
    start, end = event_times(read_changes({"end": "2026-03-02T11:00:00"}), BERLIN, current)
    assert end - start == dt.timedelta(hours=2)  # type: ignore[operator]
    with pytest.raises(FieldError):
        event_times(read_changes({"all_day": False}), BERLIN, (start.date(), start.date()))  # type: ignore[union-attr]
    assert zone_of("UTC") is dt.UTC
