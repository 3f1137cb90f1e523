"""The audit timeline: who changed what, when, and through which adapter, read from the log.

`Audit.account_timeline` and `Audit.event_timeline` answer an operator's "what happened to this
person / this event?". They ask the `audit_index` read model which aggregates matter, read only
those aggregates' events from the event store (by originator id, which is indexed), decode them
through the application's mapper, and walk each aggregate's events in order, describing every
event as a readable difference from the version before it ("SUMMARY 'Old' → 'New'",
"DTSTART moved 10:00 → 11:00", "PARTSTAT of bob@x NEEDS-ACTION → ACCEPTED").

An account's timeline holds its Account aggregate, its calendars and the events in them, and
events in other people's calendars that the person changed or that name one of their addresses
(`tg_<id>@<internal domain>`, or an email the account ever linked), and of the calendars shared
with them what concerns them ("Ann shared 'Family' with you (can edit)", "Ann removed you from
'Family'"). A change by a calendar's member names the role they had at that moment, replayed
from the calendar's member events (roles.py): "Bob (Telegram 2; member, can edit)". An event
whose person was erased (crypto-shredding decodes it as a redacted event: ids, version, time and
`account_id` only) is listed with its time and kind, and "erased" for who, through and the
difference; one the audit cannot decode at all (a kind this version does not know) is listed
with its kind and time, "(not readable: …)", and the timeline goes on.
"""

from televent.ops.audit.describe import AggregateState, describe
from televent.ops.audit.reading import Audit
from televent.ops.audit.timeline import TimelineEntry, TimeWindow, render_timeline
from televent.ops.audit.walk import Walk, describe_source

__all__ = [
    "AggregateState",
    "Audit",
    "TimeWindow",
    "TimelineEntry",
    "Walk",
    "describe",
    "describe_source",
    "render_timeline",
]
