"""An inbound email as the scheduling inbox reads it: who sent it, to whom, what it carries.

The mail adapter (adapters/mail/inbound.py) parses the raw RFC 5322 bytes into these values;
the application (application/itip_inbox.py) decides what they mean. Nothing here knows MIME.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarPart:
    """One iCalendar object found in the message.

    Attributes:
        method: the METHOD property of the iCalendar body, upper-case; None when absent.
        mime_method: the ``method`` parameter of the part's Content-Type, upper-case, or None.
        text: the iCalendar text, decoded, with CRLF line ends; folded lines are kept folded.
    """

    method: str | None
    mime_method: str | None
    text: str


@dataclass(frozen=True)
class Bounce:
    """What a delivery status notification (RFC 3464) says about a message we sent.

    Attributes:
        failed_recipients: lower-cased addresses of the recipients whose Action is ``failed``,
            from Final-Recipient and Original-Recipient (both, when they differ).
        status: the Status code (``5.1.1``) of the first failed recipient that has one.
        diagnostic: the Diagnostic-Code text (without its type) of the first failed recipient
            that has one, unfolded.
        original_message_id: the Message-ID of the returned original, without angle brackets.
        original_calendars: the calendars inside the returned original, when it was included.
    """

    failed_recipients: tuple[str, ...]
    status: str | None
    diagnostic: str | None
    original_message_id: str | None
    original_calendars: tuple[CalendarPart, ...]

    @property
    def reason(self) -> str:
        """Status and diagnostic as one line, for the sender and the operator."""
        return (
            " ".join(part for part in (self.status, self.diagnostic) if part)
            or "returned undelivered"
        )


@dataclass(frozen=True)
class InboundMessage:
    """The parts of an inbound email that iTIP processing needs.

    Attributes:
        message_id: the Message-ID without angle brackets, or ``sha256:<hex>`` of the raw
            bytes when the message has none.
        sender: the From address, lower-cased, or None when it cannot be read.
        sender_name: the From display name, RFC 2047 decoded, or None.
        reply_to: the first Reply-To address, lower-cased, or None.
        recipients: lower-cased addresses from To, Cc, Delivered-To, X-Original-To and
            Envelope-To, without duplicates, in the order they appear.
        subject: the Subject, RFC 2047 decoded, or None.
        in_reply_to: the In-Reply-To message id without angle brackets, or None.
        calendars: every calendar part, duplicates removed; empty for a bounce.
        bounce: set for ``multipart/report; report-type=delivery-status`` messages.
    """

    message_id: str
    sender: str | None
    sender_name: str | None
    reply_to: str | None
    recipients: tuple[str, ...]
    subject: str | None
    in_reply_to: str | None
    calendars: tuple[CalendarPart, ...]
    bounce: Bounce | None
