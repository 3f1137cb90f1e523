"""Splitting a calendar file into the objects an import stores (domain/calendar_import.py):
one object per UID with the zones it names, METHOD left out, long lines folded whole, a UID
derived the same way every time, what cannot be stored named with its reason, and the
refusals of a file as a whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.domain.calendar_import import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_OBJECTS,
    ImportRefusedError,
    ImportTooLargeError,
    decoded,
    same_content,
    split_calendar,
    too_large,
)
from televent.domain.validation import accepted_calendar_object
from tests.helpers import FOLDED_FILE, FOLDED_TITLE

ZONES = """BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VTIMEZONE\r
TZID:Asia/Tehran\r
BEGIN:STANDARD\r
DTSTART:19700101T000000\r
TZOFFSETFROM:+0330\r
TZOFFSETTO:+0330\r
END:STANDARD\r
END:VTIMEZONE\r
"""


def wrap(*parts: str, method: str = "METHOD:PUBLISH\r\n") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        + method
        + ZONES
        + "".join(parts)
        + "END:VCALENDAR\r\n"
    )


def event(
    uid: str | None, summary: str, *, extra: str = "", stamp: str = "20260101T000000Z"
) -> str:
    uid_line = f"UID:{uid}\r\n" if uid is not None else ""
    return (
        f"BEGIN:VEVENT\r\n{uid_line}DTSTAMP:{stamp}\r\n"
        f"DTSTART;TZID=Europe/Berlin:20261201T090000\r\nSUMMARY:{summary}\r\n{extra}END:VEVENT\r\n"
    )


def test_a_series_and_its_changed_occurrence_are_one_object_with_the_zone_they_name() -> None:
    text = wrap(
        event("a", "Maths", extra="RRULE:FREQ=WEEKLY\r\n"),
        event("b", "Art"),
        event("a", "Maths moved", extra="RECURRENCE-ID;TZID=Europe/Berlin:20261208T090000\r\n"),
    )
    split = split_calendar(text)
    assert [p.uid for p in split.pieces] == ["a", "b"]
    maths = split.pieces[0].text
    assert maths.count("BEGIN:VEVENT") == 2 and "RECURRENCE-ID" in maths
    assert "TZID:Europe/Berlin" in maths and "Asia/Tehran" not in maths
    assert "METHOD" not in maths
    for piece in split.pieces:
        assert accepted_calendar_object(piece.text).uid == piece.uid


def test_long_lines_are_folded_at_75_octets_never_inside_a_character() -> None:
    title = "Родительское собрание " * 8
    piece = split_calendar(wrap(event("long", title))).pieces[0]
    lines = piece.text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    summary = accepted_calendar_object(piece.text).components[0].get("SUMMARY")
    assert summary is not None and summary.value == title


@given(stamp=st.datetimes().map(lambda d: d.strftime("%Y%m%dT%H%M%SZ")))
def test_an_event_without_uid_gets_the_same_uid_from_every_export(stamp: str) -> None:
    first = split_calendar(wrap(event(None, "School closed"))).pieces[0]
    again = split_calendar(wrap(event(None, "School closed", stamp=stamp))).pieces[0]
    other = split_calendar(wrap(event(None, "School open"))).pieces[0]
    assert first.uid == again.uid != other.uid
    assert first.uid.startswith("televent-import-")
    assert same_content(first.text, again.text)
    assert not same_content(first.text, other.text)


def test_what_cannot_be_stored_is_named_with_its_reason_and_the_rest_is_kept() -> None:
    todo = "BEGIN:VTODO\r\nUID:t\r\nSUMMARY:Homework\r\nEND:VTODO\r\n"
    mixed = "BEGIN:VTODO\r\nUID:b\r\nSUMMARY:Art\r\nEND:VTODO\r\n"
    split = split_calendar(wrap(event("a", "Maths"), todo, event("b", "Art"), mixed), ["VEVENT"])
    assert [p.uid for p in split.pieces] == ["a", "b"]
    assert [(left.uid, left.summary, left.code) for left in split.left] == [
        ("t", "Homework", "kind"),
        ("b", "Art", "kind"),
    ]
    both = split_calendar(wrap(event("a", "Maths"), event("b", "Art"), mixed))
    assert [p.uid for p in both.pieces] == ["a"]
    assert [(left.uid, left.code) for left in both.left] == [("b", "mixed")]


def test_a_uid_in_two_calendars_of_one_file_is_imported_once_the_later_way() -> None:
    text = wrap(event("a", "First")) + wrap(event("a", "Second"))
    split = split_calendar(text)
    assert len(split.pieces) == 1 and "SUMMARY:Second" in split.pieces[0].text
    assert [left.code for left in split.left] == ["repeated"]


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("%PDF-1.7 not a calendar", "refusal-import-not-ics"),
        ("BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n", "refusal-import-not-ics"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", "refusal-import-not-ics"),
        (wrap(), "refusal-import-empty"),
    ],
)
def test_a_file_that_holds_nothing_to_import_is_refused_whole(text: str, wording: str) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        split_calendar(text)
    assert refused.value.wording is not None and refused.value.wording[0] == wording


def test_a_file_of_only_what_the_calendar_does_not_hold_is_refused_saying_why() -> None:
    with pytest.raises(ImportRefusedError) as refused:
        split_calendar(wrap("BEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\n"), ["VEVENT"])
    assert refused.value.wording is not None
    assert refused.value.wording[0] == "refusal-import-nothing"
    assert "a VTODO (this calendar holds VEVENT)" in str(refused.value)


def test_too_many_events_or_too_many_bytes_are_refused_with_the_limits() -> None:
    many = wrap(*(event(f"e{i}", "x") for i in range(MAX_IMPORT_OBJECTS + 1)))
    with pytest.raises(ImportRefusedError) as refused:
        split_calendar(many)
    assert refused.value.wording == (
        "refusal-import-too-many",
        {"count": MAX_IMPORT_OBJECTS + 1, "limit": MAX_IMPORT_OBJECTS},
    )
    assert too_large(MAX_IMPORT_BYTES) is None
    large = too_large(MAX_IMPORT_BYTES + 1)
    assert isinstance(large, ImportTooLargeError)
    assert "at most 10 MB" in str(large)


def test_a_file_is_read_as_utf8_with_or_without_bom_else_as_windows_1252() -> None:
    assert decoded("SUMMARY:Café".encode()) == "SUMMARY:Café"
    assert decoded(b"\xef\xbb\xbfBEGIN:VCALENDAR") == "BEGIN:VCALENDAR"
    assert decoded("SUMMARY:Café".encode("cp1252")) == "SUMMARY:Café"


def test_a_line_folded_inside_a_character_is_read_as_utf8() -> None:
    # RFC 5545 §3.1 allows the fold; the file was read as Windows-1252: every letter garbled
    text = decoded(FOLDED_FILE)
    assert f"SUMMARY:{FOLDED_TITLE}" in text and "LOCATION:München" in text
    assert decoded("SUMMARY:café\r\n".encode("cp1252")) == "SUMMARY:café\r\n"  # still read
