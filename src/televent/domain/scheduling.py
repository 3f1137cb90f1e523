"""Implicit scheduling decisions of CalDAV Scheduling (RFC 6638 §3.2) that need no I/O.

The application decides who the calendar users are (televent/application/scheduling.py); these pure
functions read and edit the iCalendar text:

- a scheduling object resource is the organizer's when its ORGANIZER is one of the owner's
  addresses, and an attendee's when some ATTENDEE is (§3.1);
- an ATTENDEE whose SCHEDULE-AGENT is CLIENT or NONE is never sent anything (§7.1);
- SCHEDULE-STATUS is written back on each ATTENDEE the server scheduled for (§7.3), and
  SCHEDULE-FORCE-SEND is honoured once and never stored (§7.2);
- an attendee may change only what is theirs: their own PARTSTAT, alarms, TRANSP, personal
  X- properties, and EXDATEs that decline instances; anything the organizer owns is refused
  (§3.2.2.1, CALDAV:allowed-attendee-scheduling-object-change);
- with If-Schedule-Tag-Match, answers recorded since the client read the resource are kept
  (§3.2.10).
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from televent.domain.content_lines import Component, ContentError, Property, decode_property_moment
from televent.domain.ical import CalendarObject, facts_of, parse_calendar_object
from televent.domain.itip import instance_of
from televent.domain.values import normalize_address
from televent.domain.zones import Zones, instance_key

SCHEDULE_AGENT = "SCHEDULE-AGENT"
SCHEDULE_STATUS = "SCHEDULE-STATUS"
FORCE_SEND = "SCHEDULE-FORCE-SEND"
SERVER = "SERVER"
# RFC 5546 §3.6 request statuses the server writes as SCHEDULE-STATUS (RFC 6638 §3.2.9).
SENT = "1.1"  # handed to email (iMIP): delivery is not confirmed
DELIVERED = "1.2"  # stored in a Televent user's calendar
INVALID_USER = "3.7"  # not a calendar user address anything can be delivered to
DELIVERY_FAILED = "5.1"  # the last message to this address came back undelivered
# What only the organizer may change (RFC 6638 §3.2.2.1; RFC 5546 §2.1.4).
ORGANIZER_OWNED = (
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "DTSTART",
    "DTEND",
    "DURATION",
    "DUE",
    "RRULE",
    "RDATE",
    "EXRULE",
    "STATUS",
    "URL",
    "CONFERENCE",
    "GEO",
)
_MOMENTS = ("DTSTART", "DTEND", "DUE", "RDATE", "EXDATE")
_ANSWER_PARAMS = ("PARTSTAT", "RSVP", SCHEDULE_STATUS, "X-TELEVENT-REPLIED")
# What the owner of a calendar object resource is to it (RFC 6638 §3.1).
ORGANIZER_ROLE = "organizer"
ATTENDEE_ROLE = "attendee"


@dataclass(frozen=True)
class OwnAnswer:
    """An attendee's answer found in their copy: for the series ("") or one instance."""

    address: str
    partstat: str
    instance: str


def scheduling_role(
    organizer: str | None, attendees: Iterable[str], own: Collection[str]
) -> str | None:
    """What the owner (whose calendar user addresses are `own`) is to a calendar object
    resource: ORGANIZER_ROLE, ATTENDEE_ROLE, or None when it is not a scheduling object
    resource for them (RFC 6638 §3.1), and is stored as plain data.

    - its ORGANIZER is one of the owner's addresses: the organizer's object, the only kind
      from which invitations, updates and cancellations go out;
    - it has an ORGANIZER that is someone else and one of its ATTENDEEs is the owner: the
      attendee's object, from which only the owner's own answers (REPLY) go out;
    - no ORGANIZER (attendees or not: an imported export), or someone else's event the owner
      is not invited to: nothing is ever sent for it.

    This is the one rule every part that sends (implicit scheduling, the email and Telegram
    queues, the scheduling inbox) decides by; addresses compare as `normalize_address` does.
    """
    if organizer is None or not organizer.strip():
        return None
    keys = {normalize_address(address) for address in own}
    if normalize_address(organizer) in keys:
        return ORGANIZER_ROLE
    if any(normalize_address(address) in keys for address in attendees):
        return ATTENDEE_ROLE
    return None


def object_role(obj: CalendarObject, own: Collection[str]) -> str | None:
    """`scheduling_role` of a parsed resource: its ORGANIZER (the first component naming one)
    and the ATTENDEEs of every component."""
    organizer = organizer_of(obj)
    return scheduling_role(
        None if organizer is None else organizer.value, attendee_addresses(obj), own
    )


def facts_role(facts: dict[str, object], own: Collection[str]) -> str | None:
    """`scheduling_role` of an event's facts (`domain.ical.facts_of`), as projections read
    them from domain events."""
    organizer = facts.get("organizer")
    attendees = facts.get("attendees")
    listed = (
        [str(a["address"]) for a in attendees if isinstance(a, dict) and "address" in a]
        if isinstance(attendees, list)
        else []
    )
    return scheduling_role(None if organizer is None else str(organizer), listed, own)


def is_scheduled(attendee: Property) -> bool:
    """Whether the server schedules for this ATTENDEE or ORGANIZER (SCHEDULE-AGENT=SERVER,
    the default)."""
    return (attendee.param(SCHEDULE_AGENT) or SERVER).upper() == SERVER


def organizer_of(obj: CalendarObject) -> Property | None:
    """The ORGANIZER of the resource (of its first component that names one)."""
    return next((c.get("ORGANIZER") for c in obj.components if "ORGANIZER" in c), None)


def attendee_addresses(obj: CalendarObject) -> set[str]:
    """Every attendee address of every component (normalised)."""
    return {normalize_address(a.value) for c in obj.components for a in c.all("ATTENDEE")}


def scheduled_attendees(obj: CalendarObject) -> dict[str, Property]:
    """address → ATTENDEE of the attendees the server sends messages to (not the organizer,
    not SCHEDULE-AGENT=CLIENT or NONE)."""
    organizer = organizer_of(obj)
    chair = None if organizer is None else normalize_address(organizer.value)
    found: dict[str, Property] = {}
    for component in obj.components:
        for attendee in component.all("ATTENDEE"):
            address = normalize_address(attendee.value)
            if address != chair and is_scheduled(attendee):
                found.setdefault(address, attendee)
    return found


def forced_sends(obj: CalendarObject) -> dict[str, str]:
    """address → method the client asked to send again (SCHEDULE-FORCE-SEND, §7.2)."""
    found: dict[str, str] = {}
    for component in obj.components:
        for prop in (*component.all("ATTENDEE"), *component.all("ORGANIZER")):
            method = prop.param(FORCE_SEND)
            if method:
                found[normalize_address(prop.value)] = method.upper()
    return found


def with_schedule_status(obj: CalendarObject, statuses: dict[str, str]) -> str:
    """The text with SCHEDULE-STATUS set on the listed attendees and SCHEDULE-FORCE-SEND
    removed everywhere; the same text when nothing changes."""
    changed = False
    for component in obj.components:
        for prop in (*component.all("ATTENDEE"), *component.all("ORGANIZER")):
            if prop.params.pop(FORCE_SEND, None) is not None:
                changed = True
            status = (
                statuses.get(normalize_address(prop.value)) if prop.name == "ATTENDEE" else None
            )
            if status is not None and prop.param(SCHEDULE_STATUS) != status:
                prop.params[SCHEDULE_STATUS] = status
                changed = True
    return obj.calendar.serialize() if changed else obj.text


def without_scheduling_params(text: str) -> str:
    """`text` without SCHEDULE-AGENT, SCHEDULE-STATUS and SCHEDULE-FORCE-SEND on any ATTENDEE
    or ORGANIZER: what an iTIP message and an attendee's copy carry (RFC 6638 §7.1-§7.3, the
    parameters are the organizer's server's business)."""
    if SCHEDULE_AGENT not in text and SCHEDULE_STATUS not in text and FORCE_SEND not in text:
        return text
    obj = parse_calendar_object(text)
    changed = False
    for component in obj.components:
        for prop in (*component.all("ATTENDEE"), *component.all("ORGANIZER")):
            for name in (SCHEDULE_AGENT, SCHEDULE_STATUS, FORCE_SEND):
                if prop.params.pop(name, None) is not None:
                    changed = True
    return obj.calendar.serialize() if changed else text


def with_delivery_status(
    obj: CalendarObject, address: str, status: str, *, organizer: bool = False
) -> str | None:
    """The text with SCHEDULE-STATUS `status` on every ATTENDEE that is `address` (on the
    ORGANIZER instead, for a reply sent to them); None when the address is not there or
    already says so."""
    key = normalize_address(address)
    name = "ORGANIZER" if organizer else "ATTENDEE"
    found = changed = False
    for component in obj.components:
        for prop in component.all(name):
            if normalize_address(prop.value) != key:
                continue
            found = True
            if prop.param(SCHEDULE_STATUS) != status:
                prop.params[SCHEDULE_STATUS] = status
                changed = True
    return obj.calendar.serialize() if found and changed else None


def with_failures_kept(
    new: CalendarObject, stored: CalendarObject, resent: Collection[str] = ()
) -> str:
    """`new` with a delivery failure (5.x) recorded on `stored` kept for each attendee that
    `new` marks as sent (1.1) although nothing is sent again: nothing significant changed,
    SEQUENCE did not move and the client did not force a send to them (`resent`). SCHEDULE-
    STATUS is the status of the last message (RFC 6638 §3.2.9)."""
    failed: dict[str, str] = {}
    for component in stored.components:
        for attendee in component.all("ATTENDEE"):
            status = attendee.param(SCHEDULE_STATUS) or ""
            if status.startswith("5."):
                failed[normalize_address(attendee.value)] = status
    if not failed:
        return new.text  # the common case: no facts are read
    before, after = facts_of(stored), facts_of(new)
    if before["significant"] != after["significant"] or after["sequence"] > before["sequence"]:
        return new.text
    changed = False
    for component in new.components:
        for attendee in component.all("ATTENDEE"):
            address = normalize_address(attendee.value)
            kept = None if address in resent else failed.get(address)
            if kept is not None and attendee.param(SCHEDULE_STATUS) == SENT:
                attendee.params[SCHEDULE_STATUS] = kept
                changed = True
    return new.calendar.serialize() if changed else new.text


def attendee_change_refusal(old: CalendarObject, new: CalendarObject, own: set[str]) -> str | None:
    """Why an attendee may not store `new` over their copy `old`, or None when every change
    is theirs to make."""
    old_parts = _by_instance(old)
    new_parts = _by_instance(new)
    old_master = old_parts.get("")
    for key, component in new_parts.items():
        before = old_parts.get(key)
        if before is None:
            if old_master is None:
                return f"the instance {key} is not part of the organizer's event"
            reason = _instance_refusal(old_master, component, old.zones, new.zones)
        else:
            reason = _component_refusal(before, component, old.zones, new.zones, own)
        if reason is not None:
            return reason
    for key, before in old_parts.items():
        if key not in new_parts and (
            old_master is None
            or key == ""
            or _instance_refusal(old_master, before, old.zones, old.zones) is not None
        ):
            return "an occurrence the organizer changed cannot be removed; decline it instead"
    return None


def own_answers(old: CalendarObject | None, new: CalendarObject, own: set[str]) -> list[OwnAnswer]:
    """The answers an attendee gave by storing `new` over `old` (None: a deleted copy is
    handled by the caller): each own PARTSTAT that differs, per instance, and DECLINED for
    each instance an added EXDATE removes (RFC 6638 §3.2.2.2)."""
    old_parts = {} if old is None else _by_instance(old)
    answers: list[OwnAnswer] = []
    for key, component in _by_instance(new).items():
        before = old_parts.get(key) or old_parts.get("")
        for attendee in component.all("ATTENDEE"):
            address = normalize_address(attendee.value)
            if address not in own:
                continue
            partstat = (attendee.param("PARTSTAT") or "NEEDS-ACTION").upper()
            if _partstat_of(before, address) != partstat:
                answers.append(OwnAnswer(address, partstat, key))
    if old is not None:
        old_master, new_master = old_parts.get(""), _by_instance(new).get("")
        if old_master is not None and new_master is not None:
            added = _moments(new_master, "EXDATE", new.zones) - _moments(
                old_master, "EXDATE", old.zones
            )
            mine = [
                normalize_address(a.value)
                for a in new_master.all("ATTENDEE")
                if normalize_address(a.value) in own
            ]
            answers += [OwnAnswer(a, "DECLINED", key) for key in sorted(added) for a in mine[:1]]
    return answers


def with_answers_kept(new: CalendarObject, stored: CalendarObject, keep_own: set[str]) -> str:
    """`new` with the answer parameters of every attendee taken from `stored`, except those of
    `keep_own` (the writer's own): what If-Schedule-Tag-Match merges (RFC 6638 §3.2.10), and
    what an attendee's client may not overwrite in its copy."""
    stored_parts = _by_instance(stored)
    changed = False
    for key, component in _by_instance(new).items():
        before = stored_parts.get(key) or stored_parts.get("")
        if before is None:
            continue
        answers = {normalize_address(a.value): a for a in before.all("ATTENDEE")}
        for attendee in component.all("ATTENDEE"):
            address = normalize_address(attendee.value)
            source = answers.get(address)
            if address in keep_own or source is None:
                continue
            for name in _ANSWER_PARAMS:
                value = source.params.get(name)
                if attendee.params.get(name) != value:
                    changed = True
                    if value is None:
                        attendee.params.pop(name, None)
                    else:
                        attendee.params[name] = value
    return new.calendar.serialize() if changed else new.text


# --- helpers -----------------------------------------------------------------------------


def _by_instance(obj: CalendarObject) -> dict[str, Component]:
    return {instance_of(c, obj.zones): c for c in obj.components}


def _partstat_of(component: Component | None, address: str) -> str | None:
    if component is None:
        return None
    for attendee in component.all("ATTENDEE"):
        if normalize_address(attendee.value) == address:
            return (attendee.param("PARTSTAT") or "NEEDS-ACTION").upper()
    return None


def _component_refusal(
    before: Component, after: Component, old_zones: Zones, new_zones: Zones, own: set[str]
) -> str | None:
    for name in ORGANIZER_OWNED:
        if _values(before, name, old_zones) != _values(after, name, new_zones):
            return f"{name} belongs to the organizer"
    organizer_before, organizer_after = before.get("ORGANIZER"), after.get("ORGANIZER")
    if (organizer_before is None) != (organizer_after is None) or (
        organizer_before is not None
        and organizer_after is not None
        and normalize_address(organizer_before.value) != normalize_address(organizer_after.value)
    ):
        return "ORGANIZER belongs to the organizer"
    if {normalize_address(a.value) for a in before.all("ATTENDEE")} != {
        normalize_address(a.value) for a in after.all("ATTENDEE")
    }:
        return "the attendee list belongs to the organizer"
    removed = _moments(before, "EXDATE", old_zones) - _moments(after, "EXDATE", new_zones)
    if removed:
        return "an EXDATE the organizer set cannot be removed"
    return None


def _instance_refusal(
    master: Component, instance: Component, master_zones: Zones, zones: Zones
) -> str | None:
    """An override the attendee added (to answer for one occurrence) must say what the
    organizer's series says, apart from its timing."""
    for name in ORGANIZER_OWNED:
        if name in ("DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE", "EXRULE"):
            continue
        if _values(master, name, master_zones) != _values(instance, name, zones):
            return f"{name} of an occurrence belongs to the organizer"
    if {normalize_address(a.value) for a in master.all("ATTENDEE")} != {
        normalize_address(a.value) for a in instance.all("ATTENDEE")
    }:
        return "the attendee list belongs to the organizer"
    start = instance.get("DTSTART")
    recurrence = instance.get("RECURRENCE-ID")
    if start is not None and recurrence is not None:
        with contextlib.suppress(ContentError):
            if decode_property_moment(start, zones) != decode_property_moment(recurrence, zones):
                return "only the organizer can move an occurrence"
    return None


def _values(component: Component, name: str, zones: Zones) -> list[str]:
    """A property's values compared by meaning: moments as instants, text as sent."""
    props = component.all(name)
    if name in _MOMENTS:
        return sorted(_moments(component, name, zones))
    return sorted(p.value for p in props)


def _moments(component: Component, name: str, zones: Zones) -> set[str]:
    found: set[str] = set()
    for prop in component.all(name):
        for part in prop.value.split(","):
            piece = Property(prop.name, prop.params, part.strip())
            try:
                found.add(instance_key(decode_property_moment(piece, zones)))
            except ContentError:
                found.add(part.strip())
    return found
