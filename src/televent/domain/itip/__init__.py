"""iTIP scheduling messages (RFC 5546) as the domain reads and applies them.

Pure functions over iCalendar text, used for messages that arrive by email (RFC 6047) and for
the ones Televent sends, split by what they do:

- `message`: reading a message (one per UID) and ordering versions by (SEQUENCE, DTSTAMP);
- `apply`: an organizer's REQUEST or CANCEL applied to an attendee's copy;
- `answers`: an attendee's REPLY (PARTSTATs) and COUNTER (a proposed time);
- `outbound`: the messages Televent sends, built from the stored object.
"""

from __future__ import annotations

from televent.domain.itip.answers import answers_in, reply_is_stale, stamp_text, with_proposed_time
from televent.domain.itip.apply import apply_cancel, apply_request, cancelled_instances
from televent.domain.itip.message import (
    SCHEDULING_METHODS,
    Answer,
    ItipError,
    ItipMessage,
    Version,
    instance_of,
    organizer_address,
    read_itip,
    sent_by,
    sequence_of,
    version_of,
)
from televent.domain.itip.outbound import SERVER_PARAMS, outgoing

__all__ = [
    "SCHEDULING_METHODS",
    "SERVER_PARAMS",
    "Answer",
    "ItipError",
    "ItipMessage",
    "Version",
    "answers_in",
    "apply_cancel",
    "apply_request",
    "cancelled_instances",
    "instance_of",
    "organizer_address",
    "outgoing",
    "read_itip",
    "reply_is_stale",
    "sent_by",
    "sequence_of",
    "stamp_text",
    "version_of",
    "with_proposed_time",
]
