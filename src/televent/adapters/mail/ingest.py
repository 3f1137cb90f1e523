"""One raw email into the scheduling inbox: parse it here (the adapter), apply it there.

Every way in (`televent mail ingest`, `POST /inbound/email`, IMAP polling) calls
`receive_email`, or hands `email_receiver(inbox)` to whatever yields raw messages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from televent.adapters.mail.inbound import parse_message
from televent.application.itip_inbox import ItipInbox
from televent.application.itip_outcomes import Receipt


def receive_email(inbox: ItipInbox, raw: bytes, *, max_bytes: int | None = None) -> Receipt:
    """Parse one raw RFC 5322 message and apply it; the same message again changes nothing.

    `max_bytes` defaults to the inbox's configured limit.

    Raises:
        MessageTooLargeError: the message is larger than the limit.
        UnreadableMessageError: the bytes are not an email.
    """
    limit = inbox.max_bytes if max_bytes is None else max_bytes
    return inbox.receive(parse_message(raw, max_bytes=limit))


def email_receiver(inbox: ItipInbox, *, max_bytes: int | None = None) -> Callable[[bytes], Receipt]:
    """`receive_email` bound to an inbox: the handler IMAP polling calls for each message."""
    return functools.partial(receive_email, inbox, max_bytes=max_bytes)
