"""Invitations from the interop corpus, re-addressed to a Televent user's invitation address.

The corpus (`../shared/corpus`, see its SOURCES.md) holds what Gmail, Outlook and Apple
Calendar really send. These helpers take the calendar of such a message, name the user's
invitation address where the original invitee was, and mail it there as the organizer, so
the tests see exactly those clients' iCalendar arrive at the address.
"""

from __future__ import annotations

import email
import email.policy
import re
import uuid
from dataclasses import dataclass
from email.message import EmailMessage

from televent.adapters.mail.sender import MailSender
from televent.adapters.mail.smtp import SmtpSettings
from televent.adapters.port import AppPort
from televent.application.delivery_failures import DeliveryFailures
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.mail_identity import MailIdentity
from tests.helpers import FIXTURE_CORPUS, calendar_email

CORPUS = FIXTURE_CORPUS
ALIAS = re.compile(r"calendar\+u[0-9a-f]{20}@cal\.example\.org")
MAIL_FROM = "Televent <calendar@cal.example.org>"
IDENTITY = MailIdentity.parse(MAIL_FROM)


@dataclass(frozen=True)
class Sample:
    """A REQUEST in the corpus: the invitee to replace, its organizer, UID and when it was
    sent (the moment a card is judged by: the meeting must not be over)."""

    file: str
    invitee: str
    organizer: str
    uid: str
    sent: str  # DTSTAMP, UTC


SAMPLES = {
    "gmail": Sample(
        "imip-eml/google-request-meet-qp-swedish.eml",
        "homer@example.com",
        "example@gmail.com",
        "65m17hsdolmotv3kvmrtg40ont@google.com",
        "20210322T091220Z",
    ),
    "outlook": Sample(
        "imip-eml/office365-request-teams-fle-tz-base64.eml",
        "homer@example.com",
        "marge@example.com",
        "056000008200E00074C5B7101A82E008000000001AF84C64CBC8D601000000000000000010000000"
        "403B5AC10A0EB444A947D2B499A4B98C",
        "20201202T165134Z",
    ),
    "apple": Sample(
        "imip-eml/apple-ical5-request-qp.eml",
        "unittest@tine20.org",
        "pwulf@tine20.org",
        "48560E48-9DE3-41F1-8F03-7607C67F7A8F",
        "20111124T082140Z",
    ),
}


def calendar_of(sample: Sample) -> str:
    """The sample's iCalendar object, unfolded (as the mail adapter reads it)."""
    message = email.message_from_bytes(
        (CORPUS / sample.file).read_bytes(), policy=email.policy.default
    )
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert isinstance(part, EmailMessage)
    return re.sub(r"\r?\n[ \t]", "", str(part.get_content()))


def readdressed(sample: Sample, to: str, *, years: int = 0) -> str:
    """The sample's calendar with `to` where its invitee was; with `years`, the meeting moved
    that many years on (its VEVENT's DTSTART and DTEND), so it is still ahead."""
    text = re.sub(re.escape(sample.invitee), to, calendar_of(sample), flags=re.IGNORECASE)
    if years:

        def later(match: re.Match[str]) -> str:
            return f"{match.group(1)}{int(match.group(2)) + years}"

        text = re.sub(r"^((?:DTSTART|DTEND)[^:\r\n]*:)(20\d\d)", later, text, flags=re.MULTILINE)
    return text


def as_mail(
    ical: str, *, sender: str, to: str, method: str = "REQUEST", message_id: str | None = None
) -> bytes:
    """An iTIP object as a mailer sends it: one text/calendar part."""
    return calendar_email(
        ical,
        method=method,
        sender=sender,
        to=to,
        message_id=f"{message_id or uuid.uuid4().hex}@mailer.example.net",
        subject=f"{method.title()}: a meeting",
    )


def request_to(sample: Sample, to: str, *, years: int = 0) -> bytes:
    """The sample's REQUEST, from its organizer, to `to` (named as the invitee)."""
    return as_mail(readdressed(sample, to, years=years), sender=sample.organizer, to=to)


def cancel_of(sample: Sample, to: str, *, sender: str, years: int = 0) -> bytes:
    """A CANCEL of the sample's meeting (a higher SEQUENCE), sent by `sender`."""
    text = readdressed(sample, to, years=years).replace("METHOD:REQUEST", "METHOD:CANCEL")
    text = re.sub(r"^SEQUENCE:(\d+)", lambda m: f"SEQUENCE:{int(m.group(1)) + 1}", text,
                  flags=re.MULTILINE)  # fmt: skip
    return as_mail(text, sender=sender, to=to, method="CANCEL")


def plain_mail(to: str) -> bytes:
    """Mail without calendar data (a "thanks!" sent to the address)."""
    message = EmailMessage()
    message["From"] = "someone@example.net"
    message["To"] = to
    message["Subject"] = "Hello"
    message["Message-ID"] = f"<{uuid.uuid4().hex}@example.net>"
    message.set_content("Looking forward to it!")
    return message.as_bytes()


def calendar_part_text(message: EmailMessage) -> str:
    """The unfolded text/calendar part of a message Televent sent."""
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return re.sub(r"\r?\n[ \t]", "", str(part.get_content()))


def attendee_lines(ical: str) -> list[str]:
    """The ATTENDEE lines of an unfolded calendar."""
    return [line for line in ical.splitlines() if line.startswith("ATTENDEE")]


def mail_sender(app: Televent, port: int) -> MailSender:
    """The SMTP sender `televent serve` runs, sending to a sink on loopback at `port`."""
    queue = MailQueue(app.views, app.clock)
    failures = DeliveryFailures(app, mail=queue, telegram=DeliveryQueue(app.views, app.clock))
    smtp = SmtpSettings.parse(f"smtp://127.0.0.1:{port}")
    return MailSender(app, IDENTITY, smtp, AppPort(2), queue=queue, failures=failures)
