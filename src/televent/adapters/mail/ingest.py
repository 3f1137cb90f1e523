"""One raw email into the scheduling inbox: parse it here (the adapter), apply it there.

Every way in (`televent mail ingest`, `POST /inbound/email` and the providers' routes, IMAP
polling) calls `receive_email`, or hands `email_receiver(inbox)` to whatever yields raw
messages. Parsing is bounded (bounded.py), so no message holds any of them up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from televent.adapters.mail.inbound import (
    MessageTooLargeError,
    UnreadableMessageError,
    parse_message,
)
from televent.application.itip_inbox import ItipInbox
from televent.application.itip_outcomes import Receipt

LOG = logging.getLogger(__name__)


def receive_email(inbox: ItipInbox, raw: bytes, *, max_bytes: int | None = None) -> Receipt:
    """Parse one raw RFC 5322 message and apply it; the same message again changes nothing.

    `max_bytes` defaults to the inbox's configured limit.

    Raises:
        MessageTooLargeError: the message is larger than the limit.
        UnreadableMessageError: the bytes are not an email, or one over a structure limit.
    """
    limit = inbox.max_bytes if max_bytes is None else max_bytes
    return inbox.receive(parse_message(raw, max_bytes=limit))


def email_receiver(
    inbox: ItipInbox, *, max_bytes: int | None = None
) -> Callable[[bytes], Receipt | None]:
    """`receive_email` bound to an inbox: the handler IMAP polling calls for each message.

    A message Televent refuses to read is logged and counts as handled (None), so the poller
    marks it seen: it would be refused again on every poll. Other failures (the database is
    away) raise, and the message is offered again.
    """

    def receive(raw: bytes) -> Receipt | None:
        try:
            return receive_email(inbox, raw, max_bytes=max_bytes)
        except (MessageTooLargeError, UnreadableMessageError) as refused:
            LOG.warning("An IMAP message was refused and marked seen: %s", refused)
            return None

    return receive
