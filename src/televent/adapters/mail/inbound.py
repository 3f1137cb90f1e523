"""Read one inbound email that carries iTIP (RFC 6047 iMIP) and pull out what the processor needs.

The input is the raw RFC 5322 message as delivered (SMTP DATA, an IMAP fetch, a Maildir file).
The result names who sent it and to whom, and every iCalendar object it carries, decoded to text:

* MIME structure (RFC 2045, RFC 2046) is walked, nested as mailers nest it: ``multipart/mixed`` >
  ``related`` > ``alternative``, forwarded ``message/rfc822`` parts, or a bare top-level
  ``text/calendar`` body. A calendar part is found by its media type, by an ``.ics`` style
  file name, or by content that starts with ``BEGIN:VCALENDAR``.
* Content-Transfer-Encoding (RFC 2045 section 6) is undone, then the charset: the declared one
  when it decodes cleanly, otherwise UTF-8, otherwise Windows-1252, so decoding never fails.
* Encoded words in headers (RFC 2047) are decoded; addresses are lower-cased.
* A delivery status notification (``multipart/report; report-type=delivery-status``, RFC 3464)
  becomes a :class:`Bounce` that names the failed recipients and the returned invitation.

RFC 6047 section 2.4 asks the MIME ``method`` parameter to match the METHOD inside the body;
real mailers break that (Gmail sends COUNTER as ``method=REPLY``), so both values are returned
and the caller decides which one to trust.

The reading is split by what it reads: bounded.py (the bytes into a MIME tree, with bounded
work: too many lines, parts, levels or header bytes are refused), mime.py (header and MIME
structure, decoding),
calendar_parts.py (the iCalendar objects), dsn.py (delivery status notifications),
authentication.py (the MTA's Authentication-Results, RFC 8601). The result
types live in the domain (domain/inbound_mail.py); ingest.py hands the result to the inbox.

The module is pure and synchronous: bytes in, data out. For any input it either returns an
:class:`InboundMessage` or raises :class:`UnreadableMessageError` or
:class:`MessageTooLargeError`.
"""

from __future__ import annotations

import hashlib
from email.message import Message

from televent.adapters.mail.authentication import authentication_results_of
from televent.adapters.mail.bounded import UnreadableMessageError, read_message
from televent.adapters.mail.calendar_parts import calendars_in
from televent.adapters.mail.dsn import bounce_of, is_delivery_report
from televent.adapters.mail.mime import (
    bracketed_id,
    delivered_to_of,
    first_address,
    first_of,
    header_values,
    message_id_of,
    recipients_of,
)
from televent.domain.errors import DomainError
from televent.domain.inbound_mail import Bounce, CalendarPart, InboundMessage

__all__ = [
    "MAX_MESSAGE_BYTES",
    "Bounce",
    "CalendarPart",
    "InboundMessage",
    "MessageTooLargeError",
    "UnreadableMessageError",
    "parse_message",
]

MAX_MESSAGE_BYTES = 10_000_000

# A message has at least one of these; input without any is not an email.
_MESSAGE_HEADERS = frozenset(
    {
        "from",
        "sender",
        "reply-to",
        "to",
        "cc",
        "bcc",
        "subject",
        "date",
        "message-id",
        "in-reply-to",
        "references",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "received",
        "return-path",
        "delivered-to",
        "x-original-to",
        "envelope-to",
    }
)


class MessageTooLargeError(DomainError):
    """The message is bigger than the configured limit and was not parsed."""


def parse_message(raw: bytes, *, max_bytes: int = MAX_MESSAGE_BYTES) -> InboundMessage:
    """Parse one raw RFC 5322 message.

    Args:
        raw: the message exactly as received.
        max_bytes: the largest message accepted.

    Raises:
        MessageTooLargeError: the message is larger than ``max_bytes``.
        UnreadableMessageError: the input is empty, has no header, is not a message, or is
            over one of the structure limits of bounded.py.
    """
    if len(raw) > max_bytes:
        raise MessageTooLargeError(
            f"the message is {len(raw)} bytes, more than the limit of {max_bytes} bytes"
        )
    message = _read_message(bytes(raw), max_bytes)
    try:
        return _inbound_message(message, bytes(raw))
    except RecursionError:  # a safety net: bounded.py limits the depth well below this
        raise UnreadableMessageError("the message structure is nested too deeply") from None


def _read_message(raw: bytes, max_bytes: int) -> Message:
    if not raw.strip():
        raise UnreadableMessageError("the message is empty")
    message = read_message(raw, max_bytes=max_bytes)
    names = {name.lower() for name in message}
    if not names:
        raise UnreadableMessageError("the input has no header, so it is not an email message")
    if not names & _MESSAGE_HEADERS:
        raise UnreadableMessageError(
            "the input has no usable email header (no From, To, Subject, Date, Message-ID...)"
        )
    return message


def _inbound_message(message: Message, raw: bytes) -> InboundMessage:
    sender_name, sender = first_address(message, "From")
    _, reply_to = first_address(message, "Reply-To")
    bounce = bounce_of(message) if is_delivery_report(message) else None
    return InboundMessage(
        message_id=message_id_of(message) or "sha256:" + hashlib.sha256(raw).hexdigest(),
        sender=sender,
        sender_name=sender_name,
        reply_to=reply_to,
        recipients=recipients_of(message),
        delivered_to=delivered_to_of(message),
        subject=first_of(header_values(message, "Subject")),
        in_reply_to=bracketed_id(first_of(header_values(message, "In-Reply-To"))),
        calendars=() if bounce is not None else calendars_in(message),
        bounce=bounce,
        authentication=authentication_results_of(message),
    )
