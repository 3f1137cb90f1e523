"""Delivery status notifications (RFC 3464): which recipients failed, and why.

A ``multipart/report; report-type=delivery-status`` message names the failed recipients in its
``message/delivery-status`` part and may return the original (or only its header, RFC 3462,
RFC 6533), whose Message-ID tells which message we sent came back.
"""

from __future__ import annotations

import re
from email.message import Message

from televent.adapters.mail.calendar_parts import calendars_in
from televent.adapters.mail.mime import (
    DELIVERY_STATUS,
    LINE_END,
    charset_of,
    children_of,
    content_type_of,
    decode_bytes,
    first_of,
    header_block,
    header_values,
    message_id_of,
    param_of,
    payload_bytes,
    walk_parts,
)
from televent.domain.inbound_mail import Bounce

# Returned originals in a DSN: the whole message, or only its header (RFC 3462, RFC 6533).
_ORIGINAL_MESSAGE_TYPES = frozenset({"message/rfc822", "message/global"})
_ORIGINAL_HEADERS_TYPES = frozenset({"text/rfc822-headers", "message/global-headers"})
MAX_BLOCKS = 100  # field blocks read from an encoded delivery-status body (one per recipient)


def is_delivery_report(message: Message) -> bool:
    if content_type_of(message) != "multipart/report":
        return False
    report_type = param_of(message, "report-type")
    return report_type is not None and report_type.lower() == "delivery-status"


def bounce_of(report: Message) -> Bounce:
    parts = list(walk_parts(report, enter_messages=False))[1:]
    fields = next(
        (_status_fields(part) for part in parts if content_type_of(part) == DELIVERY_STATUS),
        [],
    )
    failed = [block for block in fields if _action(block) == "failed"]
    original = next((found for part in parts if (found := _original(part)) is not None), None)
    return Bounce(
        failed_recipients=_failed_recipients(failed),
        status=next((s for block in failed if (s := _status(block))), None),
        diagnostic=next((d for block in failed if (d := _diagnostic(block))), None),
        original_message_id=message_id_of(original) if original is not None else None,
        original_calendars=calendars_in(original) if original is not None else (),
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
        text = decode_bytes(payload_bytes(part), charset_of(part))
        chunks = re.split(r"\n\s*\n", LINE_END.sub("\n", text), maxsplit=MAX_BLOCKS)
        blocks = [header_block(chunk) for chunk in chunks[:MAX_BLOCKS]]
    return [_block_fields(block) for block in blocks]


def _block_fields(block: Message) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name in ("Final-Recipient", "Original-Recipient", "Action", "Status", "Diagnostic-Code"):
        value = first_of(header_values(block, name))
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
    content_type = content_type_of(part)
    if content_type in _ORIGINAL_MESSAGE_TYPES | _ORIGINAL_HEADERS_TYPES:
        children = children_of(part)
        if children:
            return children[0]
        return header_block(decode_bytes(payload_bytes(part), charset_of(part)))
    return None
