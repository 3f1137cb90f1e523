"""Webhooks: the rules that need no I/O (docs/adr/0029).

Which triggers there are (`TRIGGERS`) and what a list a person sent means (`triggers_of`),
which triggers one calendar event's changes in one transaction call for (`event_triggers`),
how a delivery is signed as the Standard Webhooks specification says (`signed_content`,
`signature_header`: the HMAC itself is the standard library's), when a failed delivery is
tried again (`retry_delay`: the specification's suggested schedule, about a day in all) and
what a message's stable id is (`message_id`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from collections.abc import Iterable, Sequence

from televent.domain.errors import DomainError, NotFoundError

TRIGGERS = (
    "event.created",
    "event.updated",
    "event.cancelled",
    "event.deleted",
    "rsvp.changed",
    "booking.created",
    "booking.rescheduled",
    "booking.cancelled",
)
SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix Standard Webhooks gives secrets
SECRET_BYTES = 32
MAX_WEBHOOKS = 20  # per account
MAX_URL_CHARS = 2_000
# Standard Webhooks' suggested schedule: at once, then after 5 s, 5 min, 30 min, 2 h, 5 h,
# 10 h and 10 h again (a little over a day), then given up.
RETRY_SCHEDULE = (
    dt.timedelta(seconds=5),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=5),
    dt.timedelta(hours=10),
    dt.timedelta(hours=10),
)
TIMEOUT_SECONDS = 15.0  # one attempt's whole exchange
RESPONSE_EXCERPT_BYTES = 512  # what the deliveries listing keeps of an answer
MAX_RESPONSE_BYTES = 64_000  # what is read of an answer at most


def not_found() -> NotFoundError:
    """The refusal of a webhook that is not the caller's (or no longer exists)."""
    return NotFoundError("No such webhook.").worded("refusal-webhooks-not-found")


def triggers_of(asked: Iterable[str]) -> tuple[str, ...]:
    """The triggers asked for, in the canonical order, each once.

    Raises:
        DomainError: an unknown trigger, or none at all.
    """
    wanted = [str(name).strip().lower() for name in asked]
    unknown = [name for name in wanted if name not in TRIGGERS]
    if unknown:
        raise DomainError(
            f"Unknown trigger {unknown[0]!r}; the triggers are {', '.join(TRIGGERS)}."
        ).worded("refusal-webhooks-trigger", trigger=unknown[0], known=", ".join(TRIGGERS))
    if not wanted:
        raise DomainError("Name at least one trigger.").worded(
            "refusal-webhooks-no-trigger", known=", ".join(TRIGGERS)
        )
    return tuple(name for name in TRIGGERS if name in wanted)


def event_triggers(
    *, created: bool, deleted: bool, cancelled: bool, updated: bool, rsvp: bool
) -> tuple[str, ...]:
    """What one calendar event's changes in one transaction are called: made (whatever else
    happened to it then), deleted, cancelled or changed; an answer of an attendee is
    `rsvp.changed` as well as (or instead of) a change."""
    if created and deleted:
        return ()
    if created:
        return ("event.created",)
    if deleted:
        return ("event.deleted",)
    found = []
    if cancelled:
        found.append("event.cancelled")
    elif updated:
        found.append("event.updated")
    if rsvp:
        found.append("rsvp.changed")
    return tuple(found)


def message_id(webhook_id: str, position: int, trigger: str, subject: str) -> str:
    """The `webhook-id` of one message: the same for every attempt and every replay of the
    same change, different for anything else."""
    digest = hashlib.sha256(f"{webhook_id}|{position}|{trigger}|{subject}".encode()).hexdigest()
    return f"msg_{digest[:26]}"


def secret_bytes(secret: str) -> bytes:
    """The signing key of a `whsec_` secret (base64 after the prefix)."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signed_content(msg_id: str, timestamp: int, body: bytes) -> bytes:
    """What is signed: `<webhook-id>.<webhook-timestamp>.<body>` (Standard Webhooks)."""
    return f"{msg_id}.{timestamp}.".encode() + body


def signature_header(secrets: Sequence[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header: `v1,<base64 HMAC-SHA256>` for each secret (several
    while a secret is being rotated), separated by spaces."""
    content = signed_content(msg_id, timestamp, body)
    return " ".join(
        "v1," + base64.b64encode(hmac.digest(secret_bytes(s), content, "sha256")).decode()
        for s in secrets
    )


def retry_delay(attempts: int) -> dt.timedelta | None:
    """How long to wait after the `attempts`-th failed attempt, or None to give up."""
    if attempts < 1 or attempts > len(RETRY_SCHEDULE):
        return None
    return RETRY_SCHEDULE[attempts - 1]
