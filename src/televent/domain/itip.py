"""iTIP scheduling messages (RFC 5546) as the domain reads and applies them.

Pure functions over iCalendar text, used for messages that arrive by email (RFC 6047) and for
the replies Televent sends. The ordering rules follow RFC 5546 §2.1.5 and Apple's CalendarServer:

- every component (the master, and each RECURRENCE-ID override) is versioned by
  (SEQUENCE, DTSTAMP); a message component older than the stored one is stale and ignored;
- a REQUEST for one instance merges into the stored series; a full REQUEST drops the stored
  overrides it no longer lists, when they are older than it;
- the attendee's own properties survive an update: their PARTSTAT (unless the component was
  rescheduled), their VALARMs and TRANSP;
- a CANCEL marks the whole event or the named instances STATUS:CANCELLED.

Each component's final content is the newest version seen, so applying the same messages in
any order ends in the same state, and applying a message twice changes nothing.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import hashlib
from dataclasses import dataclass

import icalendar

from televent.domain.content_lines import (
    Component,
    ContentError,
    Property,
    decode_moment,
    decode_property_moment,
    parse,
)
from televent.domain.errors import DomainError
from televent.domain.ical import COMPONENT_TYPES, TIMING_PROPERTIES, CalendarObject
from televent.domain.ical_edits import REPLIED_PARAM
from televent.domain.values import normalize_address
from televent.domain.zones import Zones, calendar_zones, instance_key

SCHEDULING_METHODS = ("REQUEST", "REPLY", "CANCEL", "COUNTER", "REFRESH", "ADD", "DECLINECOUNTER")
ATTENDEE_OWNED = ("TRANSP",)
PRODID = "-//Televent//Televent//EN"
_NEVER = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


class ItipError(DomainError):
    """The message is not a usable iTIP message (no component, no method, unreadable data)."""


Version = tuple[int, dt.datetime]


@dataclass(frozen=True)
class ItipMessage:
    """The components of one UID in an iTIP message, with the method that applies to them."""

    method: str
    uid: str
    component_type: str
    components: tuple[Component, ...]
    timezones: tuple[Component, ...]
    zones: Zones
    prodid: str

    def by_instance(self) -> dict[str, Component]:
        """Components by instance key ("" for the master)."""
        return {instance_of(c, self.zones): c for c in self.components}

    @property
    def lead(self) -> Component:
        """The master, or the first instance when the message names instances only."""
        return self.by_instance().get("", self.components[0])

    @property
    def organizer(self) -> str | None:
        """The organizer's address (normalised), if the message names one."""
        prop = self.lead.get("ORGANIZER")
        return None if prop is None else normalize_address(prop.value)

    def attendees(self) -> list[Property]:
        """Every ATTENDEE of every component (a REPLY names the one who answers)."""
        return [a for c in self.components for a in c.all("ATTENDEE")]


@dataclass(frozen=True)
class Answer:
    """One attendee's answer in a REPLY, for the series ("" ) or one instance."""

    address: str
    partstat: str
    instance: str
    version: Version
    comment: str | None


def read_itip(text: str, mime_method: str | None = None) -> list[ItipMessage]:
    """Read the scheduling messages in an iCalendar text, one per UID.

    METHOD comes from the body; the MIME `method=` parameter is used only when the body has
    none (RFC 6047 §2.4 says they agree; when they do not, the body is what was meant).
    A component without UID (old Exchange) gets one derived from its content, so the same
    invitation received twice names the same event.
    """
    try:
        roots = [r for r in parse(text) if r.name == "VCALENDAR"]
    except ContentError as exc:
        raise ItipError(f"The calendar data cannot be read: {exc}") from exc
    messages: list[ItipMessage] = []
    for root in roots:
        method_prop = root.get("METHOD")
        method = (method_prop.value if method_prop else mime_method or "").strip().upper()
        if not method:
            raise ItipError("The calendar has no METHOD, so it is not an invitation or a reply.")
        zones = calendar_zones(root)
        timezones = tuple(c for c in root.components if c.name == "VTIMEZONE")
        prodid = root.get("PRODID")
        groups: dict[tuple[str, str], list[Component]] = {}
        for component in root.components:
            if component.name not in COMPONENT_TYPES:
                continue
            uid = _uid_of(component)
            groups.setdefault((component.name, uid), []).append(component)
        for (kind, uid), components in groups.items():
            messages.append(
                ItipMessage(
                    method,
                    uid,
                    kind,
                    tuple(components),
                    timezones,
                    zones,
                    prodid.value if prodid else "",
                )
            )
    if not messages:
        raise ItipError("The calendar holds no VEVENT or VTODO to schedule.")
    return messages


def _uid_of(component: Component) -> str:
    prop = component.get("UID")
    if prop is not None and prop.value.strip():
        return prop.value.strip()
    seed = "|".join(
        (p.value if p else "")
        for p in (component.get("ORGANIZER"), component.get("DTSTART"), component.get("SUMMARY"))
    )
    uid = "televent-derived-" + hashlib.sha256(seed.encode()).hexdigest()[:32]
    component.properties.insert(0, Property("UID", {}, uid))
    return uid


def instance_of(component: Component, zones: Zones) -> str:
    """The instance key of a component: "" for the master, else its RECURRENCE-ID instant."""
    prop = component.get("RECURRENCE-ID")
    if prop is None:
        return ""
    try:
        return instance_key(decode_property_moment(prop, zones))
    except ContentError:
        return prop.value.strip()


def version_of(component: Component, zones: Zones) -> Version:
    """(SEQUENCE, DTSTAMP): how RFC 5546 §2.1.5 orders two versions of a component."""
    sequence = component.get("SEQUENCE")
    try:
        number = int(sequence.value.strip()) if sequence is not None else 0
    except ValueError:
        number = 0
    return number, _stamp(component.get("DTSTAMP"), zones)


def _stamp(prop: Property | None, zones: Zones) -> dt.datetime:
    if prop is None:
        return _NEVER
    try:
        moment = decode_moment(prop.value, prop.param("TZID"), zones)
    except ContentError:
        return _NEVER
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


# --- applying a REQUEST or CANCEL to an attendee's copy ---------------------------------------


def apply_request(
    stored: CalendarObject | None,
    message: ItipMessage,
    own: set[str],
    addressed_to: str | None = None,
) -> str | None:
    """The attendee's copy after an organizer's REQUEST, or None when it is stale or changes
    nothing. `own` holds the attendee's addresses (normalised).

    `addressed_to` is the address the invitation was mailed to when no ATTENDEE names the
    user (Exchange sends these to mailing lists): the copy then lists that address as an
    attendee who has not answered yet, so the user can answer it like any invitation."""
    current = _stored_components(stored)
    incoming = message.by_instance()
    if addressed_to is not None:
        incoming = {k: _with_attendee(c, addressed_to, own) for k, c in incoming.items()}
    result = dict(current)
    applied: set[str] = set()
    for key, component in incoming.items():
        before = current.get(key) or (current.get("") if key else None)
        if before is not None and version_of(component, message.zones) < _version(before, stored):
            continue
        result[key] = _keep_attendee_owned(component, current.get(key), own)
        applied.add(key)
    if "" in applied:
        master = version_of(incoming[""], message.zones)
        for key in list(result):
            if key and key not in incoming and _version(result[key], stored) <= master:
                del result[key]  # the organizer's newer series no longer has this exception
    return _changed_text(stored, result, message)


def apply_cancel(stored: CalendarObject | None, message: ItipMessage) -> str | None:
    """The copy after a CANCEL: the whole event, or the named instances, STATUS:CANCELLED.

    A CANCEL for an event never seen is kept as a cancelled event, so that an older
    invitation arriving later cannot bring the meeting back."""
    current = _stored_components(stored)
    incoming = message.by_instance()
    result = dict(current)
    whole = "" in incoming or not any(incoming)
    if whole:
        lead = incoming.get("") or next(iter(incoming.values()))
        version = version_of(lead, message.zones)
        master = current.get("")
        if master is not None and version < _version(master, stored):
            return None
        stamp = lead.get("DTSTAMP")
        if not current:
            result = {"": _cancelled(lead, version[0], stamp)}
        else:
            result = {
                k: _cancelled(
                    _overlaid(c, lead) if k == "" else c,
                    max(version[0], _version(c, stored)[0]),
                    stamp,
                )
                for k, c in current.items()
            }
            if "" not in result:  # only instances were known: the series itself is cancelled
                result[""] = _cancelled(lead, version[0], stamp)
    else:
        for key, component in incoming.items():
            before = current.get(key) or current.get("")
            version = version_of(component, message.zones)
            if before is not None and version < _version(before, stored):
                continue
            result[key] = _cancelled(component, version[0], component.get("DTSTAMP"))
    return _changed_text(stored, result, message)


def _stored_components(stored: CalendarObject | None) -> dict[str, Component]:
    if stored is None:
        return {}
    return {instance_of(c, stored.zones): c for c in stored.components}


def _version(component: Component, stored: CalendarObject | None) -> Version:
    return version_of(component, stored.zones if stored is not None else {})


def _cancelled(component: Component, sequence: int, stamp: Property | None) -> Component:
    """The component marked cancelled, versioned as the CANCEL (so older messages lose)."""
    done = copy.deepcopy(component)
    _set(done, "STATUS", "CANCELLED")
    _set(done, "SEQUENCE", str(sequence))
    if stamp is not None:
        _set(done, "DTSTAMP", stamp.value)
    return done


def _overlaid(stored: Component, cancel: Component) -> Component:
    """The stored master with what the CANCEL says about the event (its newer SUMMARY,
    DTSTART…) taking precedence; attendee lists and alarms stay the stored ones."""
    merged = copy.deepcopy(stored)
    names = {p.name for p in cancel.properties} - {"ATTENDEE", "ORGANIZER", "UID"}
    merged.properties = [p for p in merged.properties if p.name not in names] + [
        copy.deepcopy(p) for p in cancel.properties if p.name in names
    ]
    return merged


def _with_attendee(component: Component, address: str, own: set[str]) -> Component:
    """The component with `address` invited, unless one of `own` is already an attendee."""
    if any(normalize_address(a.value) in own for a in component.all("ATTENDEE")):
        return component
    added = copy.deepcopy(component)
    params = {"PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
    added.properties.append(Property("ATTENDEE", params, f"mailto:{address}"))
    return added


def _keep_attendee_owned(incoming: Component, before: Component | None, own: set[str]) -> Component:
    """The organizer's component with the attendee's own choices kept (RFC 5546 §3.2.2.1)."""
    merged = copy.deepcopy(incoming)
    if before is None:
        return merged
    rescheduled = _timing(before) != _timing(incoming)
    answers = {normalize_address(a.value): a for a in before.all("ATTENDEE") if a.param("PARTSTAT")}
    for attendee in merged.all("ATTENDEE"):
        address = normalize_address(attendee.value)
        if address in own and address in answers and not rescheduled:
            old = answers[address]
            for name in ("PARTSTAT", "RSVP", REPLIED_PARAM):  # exactly as the attendee left them
                if name in old.params:
                    attendee.params[name] = old.params[name]
                else:
                    attendee.params.pop(name, None)
    alarms = [c for c in before.components if c.name == "VALARM"]
    if alarms:
        merged.components = [c for c in merged.components if c.name != "VALARM"] + [
            copy.deepcopy(a) for a in alarms
        ]
    for name in ATTENDEE_OWNED:
        kept = before.get(name)
        if kept is not None:
            _set(merged, name, kept.value)
    return merged


def _timing(component: Component) -> list[str]:
    return sorted(p.canonical() for p in component.properties if p.name in TIMING_PROPERTIES)


def _changed_text(
    stored: CalendarObject | None, components: dict[str, Component], message: ItipMessage
) -> str | None:
    ordered = [components[k] for k in sorted(components, key=lambda k: (k != "", k))]
    if not ordered:
        return None
    if stored is not None and [c.canonical() for c in ordered] == [
        c.canonical() for c in sorted(stored.components, key=lambda c: instance_of(c, stored.zones))
    ]:
        return None
    calendar = Component("VCALENDAR")
    calendar.properties = [
        Property("VERSION", {}, "2.0"),
        Property("PRODID", {}, message.prodid or PRODID),
    ]
    calendar.components = [*_zones_for(stored, message), *ordered]
    return calendar.serialize()


def _zones_for(stored: CalendarObject | None, message: ItipMessage) -> list[Component]:
    """The message's VTIMEZONEs, plus stored ones it does not redefine."""
    zones = {_tzid(z): z for z in message.timezones}
    if stored is not None:
        for zone in stored.calendar.components:
            if zone.name == "VTIMEZONE":
                zones.setdefault(_tzid(zone), zone)
    return list(zones.values())


def _tzid(zone: Component) -> str:
    prop = zone.get("TZID")
    return "" if prop is None else prop.value


def _set(component: Component, name: str, value: str) -> None:
    for index, prop in enumerate(component.properties):
        if prop.name == name:
            component.properties[index] = Property(name, {}, value)
            component.properties = [
                p for i, p in enumerate(component.properties) if p.name != name or i == index
            ]
            return
    component.properties.append(Property(name, {}, value))


def cancelled_instances(obj: CalendarObject) -> list[str]:
    """Instance keys of the overrides marked STATUS:CANCELLED (cancelled occurrences)."""
    return sorted(
        instance_of(c, obj.zones)
        for c in obj.components
        if "RECURRENCE-ID" in c and (_value(c, "STATUS")).upper() == "CANCELLED"
    )


def _value(component: Component, name: str) -> str:
    prop = component.get(name)
    return "" if prop is None else prop.value.strip()


def with_proposed_time(stored: CalendarObject, proposal: str) -> str:
    """The organizer's object moved to the time a COUNTER proposed (its DTSTART, DTEND or
    DURATION replace the master's; everything else stays the organizer's)."""
    try:
        proposed = parse(f"BEGIN:VCALENDAR\r\n{proposal}END:VCALENDAR\r\n")[0].components[0]
    except (ContentError, IndexError) as exc:
        raise ItipError("The proposal holds no readable time.") from exc
    calendar = copy.deepcopy(stored.calendar)
    master = next(
        c for c in calendar.components if c.name in COMPONENT_TYPES and "RECURRENCE-ID" not in c
    )
    timing = [p for p in proposed.properties if p.name in ("DTSTART", "DTEND", "DURATION")]
    if not any(p.name == "DTSTART" for p in timing):
        raise ItipError("The proposal names no start time.")
    master.properties = [
        p for p in master.properties if p.name not in ("DTSTART", "DTEND", "DURATION")
    ] + [copy.deepcopy(p) for p in timing]
    for zone in proposed.components:
        if zone.name == "VTIMEZONE":
            calendar.components.insert(0, zone)
    return calendar.serialize()


# --- reading a REPLY ------------------------------------------------------------------------


def answers_in(message: ItipMessage) -> list[Answer]:
    """Every attendee answer a REPLY carries (usually one attendee, maybe several instances)."""
    found: list[Answer] = []
    for key, component in message.by_instance().items():
        comment = component.get("COMMENT")
        for attendee in component.all("ATTENDEE"):
            partstat = (attendee.param("PARTSTAT") or "").upper()
            if not partstat:
                continue
            found.append(
                Answer(
                    normalize_address(attendee.value),
                    partstat,
                    key,
                    version_of(component, message.zones),
                    None if comment is None else comment.value,
                )
            )
    return found


def reply_is_stale(stored: CalendarObject, answer: Answer) -> bool:
    """Whether an answer is older than what the organizer's copy already holds.

    A reply to an older SEQUENCE answers a version that no longer exists; of two replies to the
    same version, the one with the later DTSTAMP wins (its stamp is kept on the ATTENDEE)."""
    components = _stored_components(stored)
    target = components.get(answer.instance) or components.get("")
    if target is None:
        return True
    sequence = version_of(target, stored.zones)[0]
    if answer.version[0] < sequence:
        return True
    for attendee in target.all("ATTENDEE"):
        if normalize_address(attendee.value) == answer.address:
            replied = attendee.param(REPLIED_PARAM)
            if replied is not None and answer.version[0] == sequence:
                return _stamp(Property("DTSTAMP", {}, replied), {}) > answer.version[1]
    return False


def stamp_text(moment: dt.datetime) -> str:
    """A DTSTAMP value (UTC, RFC 5545 §3.3.5 form 2)."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


# --- building outgoing messages -----------------------------------------------------------------


# The organizer's server's own parameters: never in an iTIP message (RFC 6638 §7.1-§7.3).
SERVER_PARAMS = ("SCHEDULE-AGENT", "SCHEDULE-STATUS", "SCHEDULE-FORCE-SEND")


def outgoing(
    stored_text: str,
    method: str,
    *,
    organizer: tuple[str, str | None] | None,
    stamp: dt.datetime,
    attendee: str | None = None,
    partstat: str | None = None,
    instances: list[str] | None = None,
) -> str:
    """An iTIP message (RFC 5546 §3) built from the stored object.

    - REQUEST: the whole object, ORGANIZER replaced by `organizer` (address, name), no VALARMs;
    - CANCEL: for `attendee` (or everyone), the whole event or the given `instances`;
    - REPLY: only `attendee`, with `partstat`, for the series or the given `instances`.
    VTIMEZONEs are added for every zone used, so the recipient needs no zone database.
    """
    source = icalendar.Calendar.from_ical(stored_text)
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", method)
    components = [c for c in source.subcomponents if c.name in COMPONENT_TYPES]
    for component in _pick(components, method, instances):
        calendar.add_component(
            _outgoing_component(
                component,
                method,
                organizer=organizer,
                stamp=stamp,
                attendee=attendee,
                partstat=partstat,
            )
        )
    for zone in source.subcomponents:
        if zone.name == "VTIMEZONE":
            calendar.add_component(zone)
    with contextlib.suppress(ValueError, KeyError):  # a zone no database knows stays floating
        calendar.add_missing_timezones()
    return str(calendar.to_ical().decode("utf-8"))


def _pick(
    components: list[icalendar.cal.Component], method: str, instances: list[str] | None
) -> list[icalendar.cal.Component]:
    master = next((c for c in components if "RECURRENCE-ID" not in c), None)
    if not instances:
        return components if method == "REQUEST" else [master or components[0]]
    picked: list[icalendar.cal.Component] = []
    for key in instances:
        match = next((c for c in components if _rid_key(c) == key), None)
        if match is None and master is not None:
            match = _derived_instance(master, key)
        if match is not None:
            picked.append(match)
    return picked


def _rid_key(component: icalendar.cal.Component) -> str:
    value = component.decoded("RECURRENCE-ID", None)
    if value is None:
        return ""
    return instance_key(value)


def _derived_instance(master: icalendar.cal.Component, key: str) -> icalendar.cal.Component:
    instance = copy.deepcopy(master)
    for name in ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "DTSTART", "DTEND", "DURATION"):
        instance.pop(name, None)
    start = master.decoded("DTSTART")
    moment: dt.date | dt.datetime
    if isinstance(start, dt.datetime):
        moment = dt.datetime.fromisoformat(key)
        if moment.tzinfo is not None and start.tzinfo is not None:
            moment = moment.astimezone(start.tzinfo)
    else:
        moment = dt.date.fromisoformat(key[:10])
    instance.add("RECURRENCE-ID", moment)
    instance.add("DTSTART", moment)
    return instance


def _outgoing_component(
    component: icalendar.cal.Component,
    method: str,
    *,
    organizer: tuple[str, str | None] | None,
    stamp: dt.datetime,
    attendee: str | None,
    partstat: str | None,
) -> icalendar.cal.Component:
    out = copy.deepcopy(component)
    out.subcomponents = [c for c in out.subcomponents if c.name != "VALARM"]
    out.pop("DTSTAMP", None)
    out.add("DTSTAMP", stamp.astimezone(dt.UTC))
    if "SEQUENCE" not in out:
        out.add("SEQUENCE", 0)  # optional at 0 (RFC 5546 §3.2.2), but clients compare it
    if organizer is not None:
        out.pop("ORGANIZER", None)
        address = icalendar.vCalAddress(f"mailto:{organizer[0]}")
        if organizer[1]:
            address.params["CN"] = organizer[1]
        out.add("ORGANIZER", address, encode=False)
    chair = out.get("ORGANIZER")
    if chair is not None and hasattr(chair, "params"):
        for name in SERVER_PARAMS:
            chair.params.pop(name, None)
    attendees = out.get("ATTENDEE")
    listed = [] if attendees is None else attendees if isinstance(attendees, list) else [attendees]
    kept = []
    for value in listed:
        for name in (REPLIED_PARAM, *SERVER_PARAMS):
            value.params.pop(name, None)
        if method == "REPLY" and normalize_address(str(value)) != normalize_address(attendee or ""):
            continue
        if method == "REPLY" and partstat is not None:
            value.params["PARTSTAT"] = partstat
            value.params.pop("RSVP", None)
        if (
            method in ("CANCEL", "DECLINECOUNTER")
            and attendee is not None
            and normalize_address(str(value)) != normalize_address(attendee)
        ):
            continue
        kept.append(value)
    out.pop("ATTENDEE", None)
    for value in kept:
        out.add("ATTENDEE", value, encode=False)
    if method == "CANCEL":
        out.pop("STATUS", None)
        out.add("STATUS", "CANCELLED")
    return out
