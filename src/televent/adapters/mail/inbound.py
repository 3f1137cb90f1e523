"""Read one inbound email that carries iTIP (RFC 6047 iMIP) and pull out what the processor needs.

The input is the raw RFC 5322 message as delivered (SMTP DATA, an IMAP fetch, a Maildir file).
The result names who sent it and to whom, and every iCalendar object it carries, decoded to text:

* MIME structure (RFC 2045, RFC 2046) is walked to any depth: ``multipart/mixed`` >
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

The module is pure and synchronous: bytes in, data out. For any input it either returns an
:class:`InboundMessage` or raises :class:`UnreadableMessageError` or
:class:`MessageTooLargeError`.
"""

from __future__ import annotations

import binascii
import dataclasses
import email
import email.header
import email.policy
import email.utils
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.errors import InvalidBase64LengthDefect
from email.message import Message

from televent.domain.errors import DomainError

MAX_MESSAGE_BYTES = 10_000_000

CALENDAR_MEDIA_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar"})
CALENDAR_FILE_SUFFIXES = (".ics", ".ical", ".ifb")
RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")

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
# Returned originals in a DSN: the whole message, or only its header (RFC 3462, RFC 6533).
_ORIGINAL_MESSAGE_TYPES = frozenset({"message/rfc822", "message/global"})
_ORIGINAL_HEADERS_TYPES = frozenset({"text/rfc822-headers", "message/global-headers"})
_DELIVERY_STATUS = "message/delivery-status"
_MAX_NESTING = 64  # deeper MIME trees are hostile; their inner parts are ignored
_SNIFF_BYTES = 256
_CALENDAR_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*BEGIN:VCALENDAR[ \t]*(?:[\r\n]|$)", re.IGNORECASE
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_FOLD = re.compile(r"\r\n[ \t]")
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")
_BRACKETED = re.compile(r"<([^<>]*)>")
_BOM = "\ufeff"


class UnreadableMessageError(DomainError):
    """The input is not an email: it is empty or has no usable header."""


class MessageTooLargeError(DomainError):
    """The message is bigger than the configured limit and was not parsed."""


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


def parse_message(raw: bytes, *, max_bytes: int = MAX_MESSAGE_BYTES) -> InboundMessage:
    """Parse one raw RFC 5322 message.

    Args:
        raw: the message exactly as received.
        max_bytes: the largest message accepted.

    Raises:
        MessageTooLargeError: the message is larger than ``max_bytes``.
        UnreadableMessageError: the input is empty, has no header, or is not a message.
    """
    if len(raw) > max_bytes:
        raise MessageTooLargeError(
            f"the message is {len(raw)} bytes, more than the limit of {max_bytes} bytes"
        )
    message = _read_message(bytes(raw))
    try:
        return _inbound_message(message, bytes(raw))
    except RecursionError as error:  # a pathological MIME tree defeats the stdlib parser
        raise UnreadableMessageError("the message structure is nested too deeply") from error


def _read_message(raw: bytes) -> Message:
    if not raw.strip():
        raise UnreadableMessageError("the message is empty")
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        names = {name.lower() for name in message}
    except Exception as error:  # the stdlib parser has assorted bugs on hostile input
        raise UnreadableMessageError(f"the message cannot be parsed: {error!r}") from error
    if not names:
        raise UnreadableMessageError("the input has no header, so it is not an email message")
    if not names & _MESSAGE_HEADERS:
        raise UnreadableMessageError(
            "the input has no usable email header (no From, To, Subject, Date, Message-ID...)"
        )
    return message


def _inbound_message(message: Message, raw: bytes) -> InboundMessage:
    sender_name, sender = _first_address(_header_values(message, "From"))
    _, reply_to = _first_address(_header_values(message, "Reply-To"))
    bounce = _bounce(message) if _is_delivery_report(message) else None
    return InboundMessage(
        message_id=_message_id(message) or "sha256:" + hashlib.sha256(raw).hexdigest(),
        sender=sender,
        sender_name=sender_name,
        reply_to=reply_to,
        recipients=_recipients(message),
        subject=_first(_header_values(message, "Subject")),
        in_reply_to=_bracketed_id(_first(_header_values(message, "In-Reply-To"))),
        calendars=() if bounce is not None else _calendars(message),
        bounce=bounce,
    )


# --- headers -------------------------------------------------------------------------------


def _header_values(message: Message, name: str) -> list[str]:
    """Every value of the header ``name``, decoded (RFC 2047 or raw 8-bit), unfolded."""
    wanted = name.lower()
    return [
        _header_text(message, key, str(value))
        for key, value in message.raw_items()
        if key.lower() == wanted
    ]


def _header_text(message: Message, name: str, raw: str) -> str:
    if _has_escaped_bytes(raw):  # raw 8-bit text: UTF-8 (RFC 6532) or a legacy charset
        return _decode_encoded_words(_valid_text(raw))
    try:
        return _valid_text(str(message.policy.header_fetch_parse(name, raw)))
    except Exception:  # the structured-header parser can fail on garbage: use the raw text
        return _decode_encoded_words(raw)


def _has_escaped_bytes(text: str) -> bool:
    """Whether ``text`` holds bytes the parser could not decode (kept as surrogate escapes)."""
    return any("\udc80" <= char <= "\udcff" for char in text)


def _decode_encoded_words(value: str) -> str:
    unfolded = " ".join(value.split())
    try:
        return _valid_text(str(email.header.make_header(email.header.decode_header(unfolded))))
    except Exception:  # a malformed encoded word: the undecoded text is still informative
        return unfolded


def _valid_text(text: str) -> str:
    """``text`` with undecodable bytes (kept as surrogate escapes by the parser) decoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return _decode_bytes(text.encode("utf-8", "surrogateescape"), None)
        except UnicodeEncodeError:  # a surrogate that does not stand for a byte
            return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _addresses(values: Iterable[str]) -> list[tuple[str, str]]:
    """(display name, lower-cased address) pairs; entries without a usable address are skipped."""
    try:
        pairs = email.utils.getaddresses(list(values))
    except Exception:  # getaddresses is not hardened against every malformed header
        return []
    result = []
    for name, address in pairs:
        cleaned = address.strip().strip("<>").strip().lower()
        if "@" in cleaned and not any(char.isspace() for char in cleaned):
            result.append((name.strip(), cleaned))
    return result


def _first_address(values: list[str]) -> tuple[str | None, str | None]:
    pairs = _addresses(values)
    if not pairs:
        return None, None
    name, address = pairs[0]
    return name or None, address


def _recipients(message: Message) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for header in RECIPIENT_HEADERS:
        for _, address in _addresses(_header_values(message, header)):
            found.setdefault(address)
    return tuple(found)


def _message_id(message: Message) -> str | None:
    return _bracketed_id(_first(_header_values(message, "Message-ID")))


def _bracketed_id(value: str | None) -> str | None:
    """The first ``<id>`` in ``value`` without brackets, or the whole stripped value."""
    if value is None:
        return None
    match = _BRACKETED.search(value)
    found = (match.group(1) if match else value).strip()
    return found or None


# --- MIME structure ------------------------------------------------------------------------


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # an unparseable Content-Type reads as the RFC 2045 default
        return "text/plain"


def _param(part: Message, name: str, header: str = "content-type") -> str | None:
    """A header parameter's value, unquoted and stripped; None when absent or empty."""
    try:
        value = part.get_param(name, header=header)
        text = email.utils.collapse_rfc2231_value(value) if value is not None else ""
    except Exception:  # a malformed parameter list: treat the parameter as absent
        return None
    return _valid_text(text).strip().strip('"').strip() or None


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # a malformed Content-Disposition: fall back to Content-Type's name
        name = None
    return name or _param(part, "name")


def _children(part: Message) -> list[Message]:
    """The parts one level below ``part``: body parts of a multipart, or an encapsulated message.

    The header blocks of a ``message/delivery-status`` part are not parts and are not returned.
    """
    if _content_type(part) == _DELIVERY_STATUS or not part.is_multipart():
        return []
    payload = part.get_payload()
    if not isinstance(payload, list):
        return []
    return [child for child in payload if isinstance(child, Message)]


def _walk(root: Message, *, enter_messages: bool) -> Iterator[Message]:
    """Every part below and including ``root`` in document order, to a bounded depth.

    With ``enter_messages`` false, encapsulated messages (``message/rfc822``) are returned but
    not entered.
    """
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        yield part
        if depth >= _MAX_NESTING:
            continue
        if not enter_messages and part is not root and _is_encapsulated(part):
            continue
        stack.extend((child, depth + 1) for child in reversed(_children(part)))


def _is_encapsulated(part: Message) -> bool:
    try:
        return part.get_content_maintype() == "message"
    except Exception:  # an unparseable Content-Type is text/plain, not a message
        return False


def _payload_bytes(part: Message) -> bytes:
    """The body of a leaf part with its Content-Transfer-Encoding undone."""
    try:
        data = part.get_payload(decode=True)
        if any(isinstance(defect, InvalidBase64LengthDefect) for defect in part.defects):
            data = _lenient_base64(part.get_payload())  # the stdlib gave back the base64 text
    except Exception:  # a broken transfer encoding: nothing usable in this part
        return b""
    return data if isinstance(data, bytes) else b""


def _lenient_base64(encoded: object) -> bytes:
    """Decode base64 whose length is off by one character (a line cut short): drop it."""
    if not isinstance(encoded, str):
        return b""
    alphabet = _NOT_BASE64.sub(b"", encoded.encode("ascii", "surrogateescape"))
    usable = alphabet[:-1] if len(alphabet) % 4 == 1 else alphabet
    return binascii.a2b_base64(usable + b"=" * (-len(usable) % 4))


# --- calendars -----------------------------------------------------------------------------


def _calendars(root: Message) -> tuple[CalendarPart, ...]:
    found = (_calendar_part(part) for part in _walk(root, enter_messages=True))
    return _deduplicated(part for part in found if part is not None)


def _calendar_part(part: Message) -> CalendarPart | None:
    if part.is_multipart() or _is_encapsulated(part):
        return None
    data = _payload_bytes(part)
    if not (_declared_calendar(part) or _looks_like_calendar(data)):
        return None
    text = _calendar_text(data, _charset(part))
    if not text:
        return None
    mime_method = _param(part, "method")
    return CalendarPart(
        method=_body_method(text),
        mime_method=mime_method.upper() if mime_method else None,
        text=text,
    )


def _declared_calendar(part: Message) -> bool:
    if _content_type(part) in CALENDAR_MEDIA_TYPES:
        return True
    filename = _filename(part)
    return filename is not None and filename.strip().lower().endswith(CALENDAR_FILE_SUFFIXES)


def _looks_like_calendar(data: bytes) -> bool:
    """Whether the first line (after a BOM and blank space) is ``BEGIN:VCALENDAR``."""
    return _CALENDAR_START.match(data[:_SNIFF_BYTES]) is not None


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # a malformed charset parameter is treated as absent
        return None


def _calendar_text(data: bytes, charset: str | None) -> str:
    """Decoded iCalendar text: no BOM, CRLF line ends, one CRLF after the last line."""
    text = _decode_bytes(data, charset).removeprefix(_BOM).strip()
    return _LINE_END.sub("\r\n", text) + "\r\n" if text else ""


def _decode_bytes(data: bytes, charset: str | None) -> str:
    """``data`` as text: the declared charset if it fits, else UTF-8, else Windows-1252."""
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
            text.encode("utf-8")  # some codecs (UTF-7) yield lone surrogates
        except (LookupError, ValueError):  # unknown charset, or bytes that do not fit it
            continue
        return text
    return data.decode("cp1252", "replace")


def _body_method(text: str) -> str | None:
    """The METHOD property of the VCALENDAR itself (not of a nested component), upper-case."""
    depth = 0
    for line in _FOLD.sub("", text).split("\r\n"):
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].strip().upper()
        if name == "BEGIN":
            depth += 1
        elif name == "END":
            depth -= 1
        elif name == "METHOD" and depth <= 1:
            return value.strip().upper() or None
    return None


def _deduplicated(parts: Iterable[CalendarPart]) -> tuple[CalendarPart, ...]:
    """The first of each group of equal calendars, keeping a MIME method a later copy had.

    Inline ``text/calendar`` plus an ``invite.ics`` attachment of the same object is common.
    """
    kept: dict[str, CalendarPart] = {}
    for part in parts:
        key = _comparison_key(part.text)
        first = kept.get(key)
        if first is None:
            kept[key] = part
        elif first.mime_method is None and part.mime_method is not None:
            kept[key] = dataclasses.replace(first, mime_method=part.mime_method)
    return tuple(kept.values())


def _comparison_key(text: str) -> str:
    """``text`` unfolded, without whitespace at line ends and without blank lines."""
    lines = (line.rstrip() for line in _FOLD.sub("", text).split("\r\n"))
    return "\n".join(line for line in lines if line)


# --- delivery status notifications (RFC 3464) ----------------------------------------------


def _is_delivery_report(message: Message) -> bool:
    if _content_type(message) != "multipart/report":
        return False
    report_type = _param(message, "report-type")
    return report_type is not None and report_type.lower() == "delivery-status"


def _bounce(report: Message) -> Bounce:
    parts = list(_walk(report, enter_messages=False))[1:]
    fields = next(
        (_status_fields(part) for part in parts if _content_type(part) == _DELIVERY_STATUS),
        [],
    )
    failed = [block for block in fields if _action(block) == "failed"]
    original = next((found for part in parts if (found := _original(part)) is not None), None)
    return Bounce(
        failed_recipients=_failed_recipients(failed),
        status=next((s for block in failed if (s := _status(block))), None),
        diagnostic=next((d for block in failed if (d := _diagnostic(block))), None),
        original_message_id=_message_id(original) if original is not None else None,
        original_calendars=_calendars(original) if original is not None else (),
    )


def _status_fields(part: Message) -> list[dict[str, str]]:
    """The DSN field blocks (per-message, then one per recipient) as lower-cased name -> value.

    The stdlib parses each block as a header-only message; an encoded delivery-status body
    (rare) is parsed from its decoded text instead.
    """
    payload = part.get_payload() if part.is_multipart() else None
    if isinstance(payload, list):
        blocks = [block for block in payload if isinstance(block, Message)]
    else:
        text = _decode_bytes(_payload_bytes(part), _charset(part))
        blocks = [_header_block(chunk) for chunk in re.split(r"\n\s*\n", _LINE_END.sub("\n", text))]
    return [_block_fields(block) for block in blocks]


def _header_block(chunk: str) -> Message:
    try:
        return email.message_from_string(chunk.strip() + "\n", policy=email.policy.default)
    except Exception:  # an unreadable block carries no recipient
        return Message()


def _block_fields(block: Message) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name in ("Final-Recipient", "Original-Recipient", "Action", "Status", "Diagnostic-Code"):
        value = _first(_header_values(block, name))
        if value is not None:
            fields[name.lower()] = " ".join(value.split())
    return fields


def _action(block: dict[str, str]) -> str | None:
    words = block.get("action", "").split()
    return words[0].lower() if words else None


def _status(block: dict[str, str]) -> str | None:
    words = block.get("status", "").split()
    return words[0] if words else None


def _diagnostic(block: dict[str, str]) -> str | None:
    """The Diagnostic-Code text without its type (``smtp; 550 5.1.1 ...`` -> ``550 5.1.1 ...``)."""
    value = block.get("diagnostic-code", "")
    kind, separator, text = value.partition(";")
    return (text if separator else kind).strip() or None


def _failed_recipients(blocks: list[dict[str, str]]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for block in blocks:
        for field in ("final-recipient", "original-recipient"):
            address = _recipient_address(block.get(field))
            if address is not None:
                found.setdefault(address)
    return tuple(found)


def _recipient_address(value: str | None) -> str | None:
    """The address of an ``rfc822; user@example.com`` recipient field, lower-cased."""
    if value is None:
        return None
    kind, separator, address = value.partition(";")
    if separator and kind.strip().lower() not in {"rfc822", "utf-8"}:
        return None  # an X.400 or other non-Internet address type
    cleaned = (address if separator else kind).strip().strip("<>").strip().lower()
    return cleaned if "@" in cleaned else None


def _original(part: Message) -> Message | None:
    """The returned original message (or only its header) carried by a DSN part."""
    content_type = _content_type(part)
    if content_type in _ORIGINAL_MESSAGE_TYPES | _ORIGINAL_HEADERS_TYPES:
        children = _children(part)
        if children:
            return children[0]
        return _header_block(_decode_bytes(_payload_bytes(part), _charset(part)))
    return None
