"""Reading an email's header and MIME structure, without failing on hostile input.

* Encoded words in headers (RFC 2047) and raw 8-bit header text are decoded; addresses are
  lower-cased.
* The MIME tree (RFC 2045, RFC 2046), read by bounded.py, is walked to a bounded depth, into
  forwarded ``message/rfc822`` parts when asked.
* Content-Transfer-Encoding (RFC 2045 section 6) is undone, then the charset: the declared one
  when it decodes cleanly, otherwise UTF-8, otherwise Windows-1252, so decoding never fails.

The stdlib parser has assorted bugs on malformed input; every helper here falls back to a
harmless value instead of raising.
"""

from __future__ import annotations

import binascii
import email.header
import email.utils
import re
from collections.abc import Iterator
from email.errors import InvalidBase64LengthDefect
from email.message import Message

from televent.adapters.mail.bounded import UnreadableMessageError, read_message

ENVELOPE_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To")
RECIPIENT_HEADERS = ("To", "Cc", *ENVELOPE_HEADERS)
DELIVERY_STATUS = "message/delivery-status"
MAX_NESTING = 64  # deeper MIME trees are hostile; their inner parts are ignored
LINE_END = re.compile(r"\r\n|\r|\n")
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")
_BRACKETED = re.compile(r"<([^<>]*)>")


def raw_values(message: Message, name: str) -> list[str]:
    """Every value of the header ``name`` as written; raw 8-bit text (UTF-8 per RFC 6532, or a
    legacy charset) decoded, encoded words (RFC 2047) left as they are."""
    wanted = name.lower()
    return [valid_text(str(value)) for key, value in message.raw_items() if key.lower() == wanted]


def header_values(message: Message, name: str) -> list[str]:
    """Every value of the header ``name``, decoded (RFC 2047 or raw 8-bit), unfolded."""
    return [decode_encoded_words(value) for value in raw_values(message, name)]


def decode_encoded_words(value: str) -> str:
    unfolded = " ".join(value.split())
    try:
        return valid_text(str(email.header.make_header(email.header.decode_header(unfolded))))
    except Exception:  # a malformed encoded word: the undecoded text is still informative
        return unfolded


def valid_text(text: str) -> str:
    """``text`` with undecodable bytes (kept as surrogate escapes by the parser) decoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return decode_bytes(text.encode("utf-8", "surrogateescape"), None)
        except UnicodeEncodeError:  # a surrogate that does not stand for a byte
            return text.encode("utf-8", "replace").decode("utf-8")
    return text


def first_of(values: list[str]) -> str | None:
    return values[0] if values else None


def addresses_of(message: Message, name: str) -> list[tuple[str, str]]:
    """(display name, lower-cased address) pairs of the header ``name``; entries without a
    usable address are skipped.

    The list is split before encoded words are decoded (RFC 2047 section 5): a decoded
    display name may hold the comma or the angle brackets that separate addresses.
    """
    try:
        pairs = email.utils.getaddresses(raw_values(message, name))
    except Exception:  # getaddresses is not hardened against every malformed header
        return []
    result = []
    for display, address in pairs:
        cleaned = address.strip().strip("<>").strip().lower()
        if "@" in cleaned and not any(char.isspace() for char in cleaned):
            result.append((decode_encoded_words(display).strip(), cleaned))
    return result


def first_address(message: Message, name: str) -> tuple[str | None, str | None]:
    pairs = addresses_of(message, name)
    if not pairs:
        return None, None
    name, address = pairs[0]
    return name or None, address


def delivered_to_of(message: Message) -> tuple[str, ...]:
    """The mailbox this copy was delivered to, as the receiving servers wrote it
    (Delivered-To, X-Original-To, Envelope-To), lower-cased, without duplicates."""
    found: dict[str, None] = {}
    for header in ENVELOPE_HEADERS:
        for _, address in addresses_of(message, header):
            found.setdefault(address)
    return tuple(found)


def recipients_of(message: Message) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for header in RECIPIENT_HEADERS:
        for _, address in addresses_of(message, header):
            found.setdefault(address)
    return tuple(found)


def message_id_of(message: Message) -> str | None:
    return bracketed_id(first_of(header_values(message, "Message-ID")))


def bracketed_id(value: str | None) -> str | None:
    """The first ``<id>`` in ``value`` without brackets, or the whole stripped value."""
    if value is None:
        return None
    match = _BRACKETED.search(value)
    found = (match.group(1) if match else value).strip()
    return found or None


def content_type_of(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # an unparseable Content-Type reads as the RFC 2045 default
        return "text/plain"


def param_of(part: Message, name: str, header: str = "content-type") -> str | None:
    """A header parameter's value, unquoted and stripped; None when absent or empty."""
    try:
        value = part.get_param(name, header=header)
        text = email.utils.collapse_rfc2231_value(value) if value is not None else ""
    except Exception:  # a malformed parameter list: treat the parameter as absent
        return None
    return valid_text(text).strip().strip('"').strip() or None


def filename_of(part: Message) -> str | None:
    """The part's file name; an encoded word in it (Outlook writes them) decoded."""
    try:
        name = part.get_filename()
    except Exception:  # a malformed Content-Disposition: fall back to Content-Type's name
        name = None
    found = name or param_of(part, "name")
    return decode_encoded_words(found) if found else None


def children_of(part: Message) -> list[Message]:
    """The parts one level below ``part``: body parts of a multipart, or an encapsulated message.

    The header blocks of a ``message/delivery-status`` part are not parts and are not returned.
    """
    if content_type_of(part) == DELIVERY_STATUS or not part.is_multipart():
        return []
    payload = part.get_payload()
    if not isinstance(payload, list):
        return []
    return [child for child in payload if isinstance(child, Message)]


def walk_parts(root: Message, *, enter_messages: bool) -> Iterator[Message]:
    """Every part below and including ``root`` in document order, to a bounded depth.

    With ``enter_messages`` false, encapsulated messages (``message/rfc822``) are returned but
    not entered.
    """
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        yield part
        if depth >= MAX_NESTING:
            continue
        if not enter_messages and part is not root and is_encapsulated(part):
            continue
        stack.extend((child, depth + 1) for child in reversed(children_of(part)))


def is_encapsulated(part: Message) -> bool:
    try:
        return part.get_content_maintype() == "message"
    except Exception:  # an unparseable Content-Type is text/plain, not a message
        return False


def payload_bytes(part: Message) -> bytes:
    """The body of a leaf part with its Content-Transfer-Encoding undone."""
    try:
        data = part.get_payload(decode=True)
        if any(isinstance(defect, InvalidBase64LengthDefect) for defect in part.defects):
            data = lenient_base64(part.get_payload())  # the stdlib gave back the base64 text
    except Exception:  # a broken transfer encoding: nothing usable in this part
        return b""
    return data if isinstance(data, bytes) else b""


def lenient_base64(encoded: object) -> bytes:
    """Decode base64 whose length is off by one character (a line cut short): drop it."""
    if not isinstance(encoded, str):
        return b""
    alphabet = _NOT_BASE64.sub(b"", encoded.encode("ascii", "surrogateescape"))
    usable = alphabet[:-1] if len(alphabet) % 4 == 1 else alphabet
    return binascii.a2b_base64(usable + b"=" * (-len(usable) % 4))


def charset_of(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # a malformed charset parameter is treated as absent
        return None


def decode_bytes(data: bytes, charset: str | None) -> str:
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


def header_block(chunk: str) -> Message:
    """A block of header fields (a DSN's per-recipient fields, a returned message's header)."""
    data = (chunk.strip() + "\n").encode("utf-8", "surrogateescape")
    try:
        return read_message(data, max_bytes=len(data))
    except UnreadableMessageError:  # an unreadable block carries no recipient
        return Message()
