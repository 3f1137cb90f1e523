"""No message can stall the intake: hostile MIME structure is refused early with a reason a
person can read, and the invitations real mailers send still go through."""

from __future__ import annotations

import pytest

from televent.adapters.mail.bounded import (
    BOUNDARY_CHECKS_PER_LINE,
    MAX_DEPTH,
    MAX_FIELDS,
    MAX_HEADER_BYTES,
    MAX_LINES,
    MAX_MIME_PARAMETERS,
    MAX_PARTS,
)
from televent.adapters.mail.inbound import UnreadableMessageError, parse_message
from tests.helpers import FIXTURE_CORPUS

EML = FIXTURE_CORPUS / "imip-eml"
HEAD = b"From: Erin <erin@example.net>\r\nTo: carol@example.org\r\nMessage-ID: <m@example.net>\r\n"
CALENDAR = (
    b"Content-Type: text/calendar; method=REQUEST; charset=utf-8\r\n\r\n"
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nMETHOD:REQUEST\r\n"
    b"BEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260301T100000Z\r\n"
    b"SUMMARY:Budget\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def siblings(count: int) -> bytes:
    """A multipart/mixed of `count` text/plain parts, then the invitation."""
    part = b"--B\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    return (
        HEAD
        + b"Content-Type: multipart/mixed; boundary=B\r\n\r\n"
        + part * count
        + b"--B\r\n"
        + CALENDAR
        + b"--B--\r\n"
    )


def nested(depth: int) -> bytes:
    """The invitation `depth` multipart levels below the message."""
    levels = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (level, level)
        for level in range(depth)
    )
    return HEAD + levels + CALENDAR


def refusal(raw: bytes) -> str:
    with pytest.raises(UnreadableMessageError) as refused:
        parse_message(raw)
    reason = str(refused.value)
    assert "Error" not in reason and "Traceback" not in reason  # never Python's own text
    return reason


def test_the_measured_message_of_260000_parts_is_refused_for_its_lines() -> None:
    raw = siblings(260_000)
    assert 9_000_000 < len(raw) < 10_000_000  # under the size limit
    assert f"more than the {MAX_LINES} Televent reads" in refusal(raw)


def test_many_lines_deep_in_multiparts_are_refused_but_not_in_a_few() -> None:
    lines = b"\r\n" * (MAX_LINES * BOUNDARY_CHECKS_PER_LINE // MAX_DEPTH + 10)
    reason = refusal(nested(MAX_DEPTH) + lines)
    assert f"lines and {MAX_DEPTH} multipart boundaries: more lines in multiparts" in reason
    few = b"\r\n" * (MAX_LINES - 100)
    (calendar,) = parse_message(nested(BOUNDARY_CHECKS_PER_LINE) + few).calendars
    assert "UID:u1" in calendar.text


def test_too_many_parts_are_refused_and_the_limit_itself_is_read() -> None:
    most = MAX_PARTS - 2  # the message (the multipart) and the invitation are parts too
    (calendar,) = parse_message(siblings(most)).calendars
    assert calendar.method == "REQUEST" and "UID:u1" in calendar.text
    assert refusal(siblings(most + 1)) == f"the message has more than {MAX_PARTS} MIME parts"


def test_a_deep_mime_bomb_is_refused_with_the_nesting_limit() -> None:
    assert refusal(nested(3000)) == f"the MIME structure is nested more than {MAX_DEPTH} levels"
    assert refusal(nested(MAX_DEPTH + 1)).startswith("the MIME structure is nested")


def test_an_invitation_nested_as_deep_as_allowed_is_found() -> None:
    (calendar,) = parse_message(nested(MAX_DEPTH)).calendars
    assert "SUMMARY:Budget" in calendar.text


def test_a_forwarded_message_counts_as_a_level() -> None:
    forwarded = b"Content-Type: message/rfc822\r\n\r\n" + HEAD
    raw = HEAD + forwarded * (MAX_DEPTH + 1) + CALENDAR
    assert refusal(raw).startswith("the MIME structure is nested")
    (calendar,) = parse_message(HEAD + forwarded * MAX_DEPTH + CALENDAR).calendars
    assert "UID:u1" in calendar.text


def test_a_header_beyond_the_limit_is_refused_with_the_field_named() -> None:
    recipients = b", ".join(b"guest%d@example.org" % n for n in range(4000))
    raw = HEAD.replace(b"To: carol@example.org", b"To: " + recipients) + CALENDAR
    assert len(recipients) > MAX_HEADER_BYTES
    assert refusal(raw) == f"a header is longer than {MAX_HEADER_BYTES} bytes (at the To field)"


def test_a_long_but_reasonable_recipient_list_is_read() -> None:
    recipients = b",\r\n ".join(b"guest%d@example.org" % n for n in range(1000))
    raw = HEAD.replace(b"To: carol@example.org", b"To: " + recipients) + CALENDAR
    message = parse_message(raw)
    assert len(message.recipients) == 1000 and message.calendars


def test_a_content_type_with_absurd_parameters_is_refused() -> None:
    parameters = b"".join(b"; p%d=v" % n for n in range(MAX_MIME_PARAMETERS + 1))
    raw = HEAD + CALENDAR.replace(b"charset=utf-8", b"charset=utf-8" + parameters)
    assert "Content-Type field" in refusal(raw)


def test_too_many_header_fields_are_refused() -> None:
    fields = b"".join(b"X%d: y\r\n" % n for n in range(MAX_FIELDS))  # in under 64 KB
    assert refusal(HEAD + fields + CALENDAR) == (
        f"the message has more than {MAX_FIELDS} header fields"
    )


@pytest.mark.parametrize(
    "name",
    [
        "google-request-meet-qp-swedish.eml",
        "outlook2010-request-qp.eml",
        "office365-request-teams-fle-tz-base64.eml",
        "ios-request-qp.eml",
        "apple-ical5-request-qp.eml",
    ],
)
def test_invitations_from_real_mailers_still_go_through(name: str) -> None:
    message = parse_message((EML / name).read_bytes())
    assert [c.method for c in message.calendars] == ["REQUEST"]
    assert "BEGIN:VEVENT" in message.calendars[0].text and message.sender
