"""An event's own reminders: VALARMs listed and written as the JSON API's `reminders`, and the
reminders the scheduler finds due from them (pure, no storage)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import icalendar
import pytest

from televent.application.reminders import due_reminders
from televent.domain.event_alarms import checked_reminders, reminders_of, with_reminders
from televent.domain.event_fields import FieldError, edited_text, new_event_text, read_changes

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
LEAD = dt.timedelta(minutes=15)
EDIT: dict[str, Any] = {"occurrence": None, "stamp": STAMP, "zone_name": "Europe/Berlin"}


def alarm(trigger: str, action: str = "DISPLAY", extra: str = "") -> str:
    return f"BEGIN:VALARM\r\nACTION:{action}\r\n{extra}{trigger}\r\nEND:VALARM\r\n"


def event_text(*alarms: str, rule: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DTSTAMP:20260201T000000Z\r\nDTSTART:20260301T100000Z\r\nDTEND:20260301T110000Z\r\n"
        f"SUMMARY:Call\r\n{rule}{''.join(alarms)}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def vevent(text: str) -> Any:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")[0]


def at(hour: int, minute: int, day: int = 1) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)


def test_valarms_are_listed_as_minutes_before_or_as_their_trigger() -> None:
    text = event_text(
        alarm("TRIGGER:-PT15M"),
        alarm("TRIGGER;RELATED=START:PT0S", "AUDIO"),
        alarm("TRIGGER:-P1D", "EMAIL", "SUMMARY:x\r\nDESCRIPTION:y\r\n"),
        alarm("TRIGGER;RELATED=END:-PT5M"),
        alarm("TRIGGER;VALUE=DATE-TIME:20260301T080000Z"),
        alarm("TRIGGER:-PT30S"),
    )
    assert reminders_of(vevent(text)) == [
        15,
        0,
        1440,
        "RELATED=END:-PT5M",
        "VALUE=DATE-TIME:20260301T080000Z",
        "RELATED=START:-PT30S",
    ]
    assert reminders_of(vevent(event_text())) is None, "none of its own: the lead time applies"
    silent = alarm("TRIGGER;VALUE=DATE-TIME:19760401T005545Z", "NONE")
    assert reminders_of(vevent(event_text(silent))) == [], "no reminder, on purpose"


def test_a_new_event_gets_display_alarms_named_after_it() -> None:
    changes = read_changes(
        {"title": "Dentist", "start": "2026-03-02T10:00:00+01:00", "reminders": [10, 60, 10]}
    )
    text = new_event_text(
        changes, uid="u", stamp=STAMP, zone_name="Europe/Berlin", organizer=("mailto:a@b", "A")
    )
    component = vevent(text)
    assert reminders_of(component) == [10, 60], "repeated entries count once"
    alarms = component.walk("VALARM")
    assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY", "DISPLAY"]
    assert [str(a["DESCRIPTION"]) for a in alarms] == ["Dentist", "Dentist"]
    assert "TRIGGER:-PT10M" in text and "TRIGGER:-PT1H" in text


def test_replacing_keeps_the_alarms_named_again_as_they_were() -> None:
    apple = alarm("TRIGGER:-PT15M", "AUDIO", "UID:apple-1\r\nATTACH;VALUE=URI:Chord\r\n")
    absolute = alarm("TRIGGER;VALUE=DATE-TIME:20260301T080000Z")
    text = event_text(apple, absolute, alarm("TRIGGER:-PT1H"))
    edited = edited_text(
        text,
        read_changes({"reminders": [15, "VALUE=DATE-TIME:20260301T080000Z", 5]}),
        occurrence=None,
        stamp=STAMP,
        zone_name="Europe/Berlin",
    )
    component = vevent(edited)
    assert reminders_of(component) == [15, "VALUE=DATE-TIME:20260301T080000Z", 5]
    kept = component.walk("VALARM")[0]
    assert str(kept["UID"]) == "apple-1" and str(kept["ACTION"]) == "AUDIO", "kept intact"
    assert "TRIGGER:-PT1H" not in edited, "the hour before was not named again: gone"
    assert "VALUE=DATE-TIME:20260301T080000Z" in edited


def test_null_removes_them_and_an_empty_list_writes_the_alarm_that_never_fires() -> None:
    text = event_text(alarm("TRIGGER:-PT15M"))
    none = vevent(edited_text(text, read_changes({"reminders": []}), **EDIT))
    assert reminders_of(none) == []
    [silent] = none.walk("VALARM")
    assert str(silent["ACTION"]) == "NONE"
    cleared = vevent(edited_text(text, read_changes({"reminders": None}), **EDIT))
    assert cleared.walk("VALARM") == []
    assert reminders_of(cleared) is None


def test_one_occurrence_gets_its_own_reminders() -> None:
    text = event_text(alarm("TRIGGER:-PT15M"), rule="RRULE:FREQ=DAILY\r\n")
    edited = edited_text(
        text, read_changes({"reminders": [120]}), **{**EDIT, "occurrence": "2026-03-03T10:00:00Z"}
    )
    calendar = icalendar.Calendar.from_ical(edited)
    master, override = calendar.walk("VEVENT")
    assert reminders_of(master) == [15]
    assert reminders_of(override) == [120]


@pytest.mark.parametrize(
    "value",
    [5, "15", [True], ["soon"], ["RELATED=END:5 minutes"], [40321], list(range(11))],
)
def test_bad_reminders_are_refused(value: Any) -> None:
    with pytest.raises(FieldError):
        checked_reminders("reminders", value)


def test_text_forms_are_read_as_listed() -> None:
    assert checked_reminders("reminders", ["RELATED=START:-PT2H", "related=end:PT0S"]) == [
        120,
        "RELATED=END:PT0S",
    ]
    component = vevent(event_text())
    with_reminders(component, ["VALUE=DATE-TIME:20260301T093000Z"], "Call")
    assert component.walk("VALARM")[0]["TRIGGER"].params["VALUE"] == "DATE-TIME"


def test_each_alarm_is_due_at_its_own_moment() -> None:
    text = event_text(alarm("TRIGGER:-PT1H"), alarm("TRIGGER:-PT10M"))
    assert list(due_reminders(text, at(8, 59), LEAD, BERLIN)) == []
    (first,) = due_reminders(text, at(9, 0), LEAD, BERLIN)
    assert first.remind_at == at(9, 0) and first.from_alarm
    (second,) = due_reminders(text, at(9, 50), LEAD, BERLIN)
    assert second.remind_at == at(9, 50), "the latest one due, not both at once"
    lead_only = due_reminders(event_text(), at(9, 45), LEAD, BERLIN)
    assert [d.from_alarm for d in lead_only] == [False]


def test_an_alarm_relative_to_the_end_and_the_alarm_that_never_fires() -> None:
    ending = event_text(alarm("TRIGGER;RELATED=END:-PT90M"))  # 09:30, before the 10:00 start
    (due,) = due_reminders(ending, at(9, 30), LEAD, BERLIN)
    assert due.remind_at == at(9, 30)
    silent = event_text(alarm("TRIGGER;VALUE=DATE-TIME:19760401T005545Z", "NONE"))
    assert list(due_reminders(silent, at(9, 55), LEAD, BERLIN)) == [], "no reminder at all"
    (lead,) = due_reminders(silent, at(9, 55), LEAD, BERLIN, alarms=False)
    assert lead.remind_at == at(9, 45), "event alarms off: the lead time"
