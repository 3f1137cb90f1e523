"""Which occurrences are due for a reminder at a given moment (pure, no storage)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from televent.application.reminders import due_reminders

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LEAD = dt.timedelta(minutes=15)


def body(extra: str = "", start: str = "DTSTART:20260301T100000Z", alarm: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:r\r\n"
        f"DTSTAMP:20260201T000000Z\r\n{start}\r\nDURATION:PT1H\r\nSUMMARY:Call\r\n{extra}"
        f"{alarm}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def at(hour: int, minute: int, day: int = 1) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)


def test_due_from_the_lead_time_until_the_start() -> None:
    assert list(due_reminders(body(), at(9, 44), LEAD, BERLIN)) == []
    (due,) = due_reminders(body(), at(9, 45), LEAD, BERLIN)
    assert due.start == at(10, 0) and due.summary == "Call"
    assert list(due_reminders(body(), at(10, 0), LEAD, BERLIN)) == [], "not once it started"


def test_the_events_own_valarm_wins_over_the_users_lead_time() -> None:
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n"
    (due,) = due_reminders(body(alarm=alarm), at(9, 0), LEAD, BERLIN)
    assert due.remind_at == at(9, 0)
    assert list(due_reminders(body(alarm=alarm), at(8, 59), LEAD, BERLIN)) == []


def test_each_occurrence_of_a_recurring_event_is_due_on_its_own_day() -> None:
    daily = body("RRULE:FREQ=DAILY\r\n")
    (due,) = due_reminders(daily, at(9, 50, day=5), LEAD, BERLIN)
    assert due.start == at(10, 0, day=5)


def test_floating_and_cancelled_events() -> None:
    floating = body(start="DTSTART:20260301T100000")
    assert list(due_reminders(floating, at(8, 44), LEAD, BERLIN)) == []
    (due,) = due_reminders(floating, at(8, 45), LEAD, BERLIN)  # 10:00 Berlin = 09:00 UTC
    assert due.start.astimezone(dt.UTC) == at(9, 0)
    assert list(due_reminders(body("STATUS:CANCELLED\r\n"), at(9, 50), LEAD, BERLIN)) == []
