"""Why an import leaves an event out is said in the reader's language, naming what of the event
cannot be stored, and never in the English of the check that refused it (that stays for
CalDAV's error bodies and the log)."""

from __future__ import annotations

import pytest

from televent.adapters.import_words import skipped_words
from televent.domain.calendar_import import Left
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.validation import accepted_calendar_object


def body(*lines: str) -> str:
    event = "\r\n".join(("UID:odd@example.com", "DTSTAMP:20260101T000000Z", *lines))
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"{event}\r\nSUMMARY:Odd one\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


OVERRIDE = "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:odd@example.com\r\nDTSTAMP:20260101T000000Z\r\n"
TWICE = body(
    "DTSTART:20261205T090000Z",
    "RRULE:FREQ=DAILY;COUNT=3",
    f"{OVERRIDE}RECURRENCE-ID:20261206T090000Z\r\nDTSTART:20261206T100000Z",
    f"SUMMARY:x\r\n{OVERRIDE}RECURRENCE-ID:20261206T090000Z\r\nDTSTART:20261206T110000Z",
)

CASES = [
    (body("DTSTART:2026-12-05 09:00"), "its DTSTART cannot be read.", "sein DTSTART ist nicht"),
    (body("DTSTART:20261205T090000Z", "DTEND:tomorrow"), "its DTEND cannot be read.", "DTEND"),
    (
        body("DTSTART:20261205T090000Z", "DURATION:P50000W"),
        "its DURATION is longer than the 100 years Televent stores.",
        "länger als die 100 Jahre",
    ),
    (
        body("DTSTART:20261205T090000Z", "DESCRIPTION:a\x00b"),
        "it holds a NUL character",
        "NUL-Zeichen",
    ),
    (TWICE, "two of its parts change the same occurrence (RECURRENCE-ID).", "dasselbe Vorkommen"),
    (
        body("DTSTART:20261205T090000Z", "RRULE:FREQ=DAILY", "EXDATE:20261206T09"),
        "its EXDATE cannot be read.",
        "sein EXDATE ist nicht lesbar",
    ),
    (
        body("DTSTART:20261205T090000Z", "RDATE;VALUE=PERIOD:20261206T090000Z/soon"),
        "its RDATE cannot be read.",
        "sein RDATE ist nicht lesbar",
    ),
    (
        body("DTSTART:20261205T090000Z", "BEGIN:VALARM", "ACTION:DISPLAY", "END:VALARM"),
        "one of its reminders (VALARM) has no TRIGGER.",
        "eine seiner Erinnerungen (VALARM) hat keinen TRIGGER",
    ),
    (
        body(
            "DTSTART:20261205T090000Z", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:xx", "END:VALARM"
        ),
        "one of its values cannot be read.",
        "einer seiner Werte ist nicht lesbar",
    ),
    (
        body("DTSTART:20261205T090000Z", "SEQUENCE:abc"),  # no repetition to speak of
        "one of its values cannot be read.",
        "einer seiner Werte ist nicht lesbar",
    ),
]


@pytest.mark.parametrize(("text", "english", "german"), CASES)
def test_a_skipped_events_reason_names_what_cannot_be_stored(
    text: str, english: str, german: str
) -> None:
    with pytest.raises(InvalidCalendarDataError) as refused:
        accepted_calendar_object(text)
    left = Left("odd@example.com", "Odd one", "invalid", str(refused.value), refused.value.wording)
    assert skipped_words(left, "en").startswith(f"“Odd one” skipped: {english}")
    said = skipped_words(left, "de")
    assert german in said
    assert str(refused.value) not in said, "the check's English stays out of German"
    assert "nicht lesbar (" not in said, "said by itself, not in brackets"


def test_a_reason_without_words_of_its_own_is_quoted_in_brackets() -> None:
    left = Left("odd@example.com", "Odd one", "invalid", "Something new.")
    assert (
        skipped_words(left, "en") == "“Odd one” skipped: its data cannot be read (Something new.)"
    )
