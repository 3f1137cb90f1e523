"""Small builders shared by tests."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar, cast

from televent.adapters.caldav.auth import Authenticator
from televent.adapters.caldav.handlers import CalDavHandlers
from televent.application.televent import Televent
from televent.domain.ical import parse_calendar_object
from televent.domain.values import Source, SourceKind
from televent.projections.schedule_inbox_reader import ScheduleInbox

# Real invitations and calendars from Gmail, Outlook, Apple, Thunderbird and others, copied
# byte for byte with their sources and licences (tests/fixtures/corpus/SOURCES.md).
FIXTURE_CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"

ACTOR = "system:"
CLI = Source(SourceKind.CLI, "test").encode()
CALDAV = Source(SourceKind.CALDAV, "iPhone").encode()


def vevent(
    uid: str = "event-1",
    summary: str = "Team sync",
    start: str = "20260305T150000",
    end: str = "20260305T160000",
    tzid: str | None = "Europe/Berlin",
    sequence: int | None = None,
    attendees: list[tuple[str, str]] | None = None,
    extra: str = "",
    rrule: str | None = None,
    organizer: str | None = "mailto:alice@example.com",
) -> str:
    """A realistic single VEVENT calendar object (CRLF line endings, as clients send)."""
    tz = f";TZID={tzid}" if tzid else ""
    suffix = "" if tzid else "Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//Televent tests//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260301T090000Z",
        f"DTSTART{tz}:{start}{suffix}",
        f"DTEND{tz}:{end}{suffix}",
        f"SUMMARY:{summary}",
    ]
    if sequence is not None:
        lines.append(f"SEQUENCE:{sequence}")
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if organizer:
        lines.append(f"ORGANIZER;CN=Alice:{organizer}")
    for address, partstat in attendees or []:
        lines.append(
            f"ATTENDEE;CN={address.split('@')[0]};PARTSTAT={partstat};RSVP=TRUE:mailto:{address}"
        )
    if extra:
        lines.extend(extra.strip().splitlines())
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def attendee_params(ical: str, address: str) -> dict[str, str]:
    """The parameters of one ATTENDEE (of the first component), quotes removed."""
    lead = parse_calendar_object(ical).lead
    for prop in lead.all("ATTENDEE"):
        if prop.value.lower() == f"mailto:{address}":
            return {k: v.strip('"') for k, v in prop.params.items()}
    raise AssertionError(f"{address} is not an attendee:\n{ical}")


def calendar_email(
    ical: str, *, method: str, sender: str, to: str, message_id: str, subject: str
) -> bytes:
    """An iMIP message (RFC 6047) carrying `ical` as its text/calendar body."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = f"<{message_id}>"
    message.set_content(ical, subtype="calendar", params={"method": method})
    return bytes(message)


def overruled_notices(app: Any) -> list[dict[str, object]]:
    """What the person was told of their changes that lost to a connected account's version
    (the Telegram queue's `write_back_overruled` messages), oldest first."""
    with app.views.read() as db:
        rows = db.all(
            "SELECT payload FROM telegram_outbox WHERE kind = 'write_back_overruled' "
            "ORDER BY created_position"
        )
    return [json.loads(row["payload"]) for row in rows]


T = TypeVar("T")


class NotEndedError(AssertionError):
    """The work given to `ended_within` did not end in time."""


def ended_within(work: Callable[[], T], seconds: float) -> T:
    """What `work` gives, or raises, run on a thread for at most `seconds`: a hang guard, not a
    speed check. A test of a hang fails with `NotEndedError` instead of freezing the run (the
    thread is left behind, a daemon)."""
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed back to the test's thread
            outcome.append((False, exc))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    if worker.is_alive():
        raise NotEndedError(f"The work did not end in {seconds} s.")
    done, value = outcome[0]
    if not done:
        raise value
    return cast(T, value)


# A calendar file whose SUMMARY line is folded inside a character (RFC 5545 §3.1 allows it)
FOLDED_TITLE = "Встреча по бюджету"  # a fold splits its first letter's two octets below
FOLDED_FILE = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:f\r\n"
    b"DTSTAMP:20260101T000000Z\r\nDTSTART:20260301T090000Z\r\n"
    + b"SUMMARY:"
    + FOLDED_TITLE.encode()[:1]
    + b"\r\n "
    + FOLDED_TITLE.encode()[1:]
    + "\r\nLOCATION:München\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode()
)


def caldav_handlers(app: Televent, max_resource_bytes: int = 1_000_000) -> CalDavHandlers:
    """The CalDAV handlers `televent serve` puts on `app`, without a socket."""
    return CalDavHandlers(
        app,
        Authenticator(app.queries, lambda device: None),
        "televent.internal",
        max_resource_bytes,
        ScheduleInbox(app.views),
    )
