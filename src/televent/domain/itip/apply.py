"""Applying an organizer's REQUEST or CANCEL to an attendee's copy (RFC 5546 §3.2.2, §3.2.5).

- a message component older than the stored one is stale and ignored;
- a REQUEST for one instance merges into the stored series; a full REQUEST drops the stored
  overrides it no longer lists, when they are older than it;
- the attendee's own properties survive an update: their PARTSTAT (unless the component was
  rescheduled), their VALARMs and TRANSP;
- a CANCEL marks the whole event or the named instances STATUS:CANCELLED; one of an instance
  with RANGE=THISANDFUTURE ends the series before it, as "delete this and following" does.

Each component's final content is the newest version seen, so applying the same messages in
any order ends in the same state, and applying a message twice changes nothing.
"""

from __future__ import annotations

import copy
import datetime as dt

from televent.domain.content_lines import (
    Component,
    ContentError,
    Property,
    decode_property_moment,
)
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.ical import TIMING_PROPERTIES, CalendarObject
from televent.domain.ical_edits import REPLIED_PARAM
from televent.domain.itip.message import (
    ATTENDEE_OWNED,
    PRODID,
    ItipMessage,
    instance_of,
    stamp_moment,
    stored_components,
    stored_version,
    version_of,
)
from televent.domain.series_split import ended_before
from televent.domain.values import normalize_address


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
    current = stored_components(stored)
    incoming = message.by_instance()
    if addressed_to is not None:
        incoming = {k: _with_attendee(c, addressed_to, own) for k, c in incoming.items()}
    result = dict(current)
    applied: set[str] = set()
    stored_series, sent_series = current.get(""), incoming.get("")
    # the series as the attendee answered it, when this message does not move it
    answered_series = (
        stored_series
        if stored_series is not None
        and (sent_series is None or _timing(sent_series) == _timing(stored_series))
        else None
    )
    for key, component in incoming.items():
        before = current.get(key) or (current.get("") if key else None)
        if before is not None and version_of(component, message.zones) < stored_version(
            before, stored
        ):
            continue
        series = answered_series if key else None
        result[key] = _keep_attendee_owned(component, current.get(key), own, series)
        applied.add(key)
    if "" in applied:
        master = version_of(incoming[""], message.zones)
        for key in list(result):
            if key and key not in incoming and stored_version(result[key], stored) <= master:
                del result[key]  # the organizer's newer series no longer has this exception
    return _changed_text(stored, result, message)


def apply_cancel(stored: CalendarObject | None, message: ItipMessage) -> str | None:
    """The copy after a CANCEL: the whole event, or the named instances, STATUS:CANCELLED.

    A CANCEL for an event never seen is kept as a cancelled event, so that an older
    invitation arriving later cannot bring the meeting back."""
    current = stored_components(stored)
    incoming = message.by_instance()
    result = dict(current)
    whole = "" in incoming or not any(incoming)
    if whole:
        lead = incoming.get("") or next(iter(incoming.values()))
        version = version_of(lead, message.zones)
        master = current.get("")
        if master is not None and version < stored_version(master, stored):
            return None
        stamp = lead.get("DTSTAMP")
        if not current:
            result = {"": _cancelled(lead, version[0], stamp)}
        else:
            result = {
                k: _cancelled(
                    _overlaid(c, lead) if k == "" else c,
                    max(version[0], stored_version(c, stored)[0]),
                    stamp,
                )
                for k, c in current.items()
            }
            if "" not in result:  # only instances were known: the series itself is cancelled
                result[""] = _cancelled(lead, version[0], stamp)
    else:
        applied: set[str] = set()
        for key, component in incoming.items():
            before = current.get(key) or current.get("")
            version = version_of(component, message.zones)
            if before is not None and version < stored_version(before, stored):
                continue
            result[key] = _cancelled(component, version[0], component.get("DTSTAMP"))
            applied.add(key)
        following = sorted(k for k, c in incoming.items() if k in applied and _and_after(c))
        if following:
            return _ended(stored, result, message, following[0])
    return _changed_text(stored, result, message)


def _and_after(component: Component) -> bool:
    """Whether the instance's RECURRENCE-ID says RANGE=THISANDFUTURE (RFC 5545 §3.2.13): the
    CANCEL is of it and every later one."""
    prop = component.get("RECURRENCE-ID")
    return prop is not None and (prop.param("RANGE") or "").upper() == "THISANDFUTURE"


def _ended(
    stored: CalendarObject | None,
    result: dict[str, Component],
    message: ItipMessage,
    key: str,
) -> str | None:
    """The copy whose series ends before instance `key` (cancelled with all that follow), as
    "delete this and following" ends it; the whole copy cancelled when nothing comes before.
    A series that cannot be cut there keeps the one instance cancelled."""
    text = _changed_text(stored, result, message)
    master = result.get("")
    if text is None or master is None:
        return text
    stamp = stamp_moment(result[key].get("DTSTAMP"), message.zones)
    try:
        ended = ended_before(text, key, stamp=stamp)
    except (DomainError, NotFoundError):
        return text
    if ended is not None:
        return ended
    version = version_of(result[key], message.zones)
    whole = {k: _cancelled(c, version[0], result[key].get("DTSTAMP")) for k, c in result.items()}
    return _changed_text(stored, whole, message)


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


def _keep_attendee_owned(
    incoming: Component, before: Component | None, own: set[str], series: Component | None = None
) -> Component:
    """The organizer's component with the attendee's own choices kept (RFC 5546 §3.2.2.1).

    The attendee's answer is theirs alone: a new invitation, or one that moves the event,
    says they have not answered yet whatever the organizer wrote on their line (an answer
    written there by the organizer would read as theirs: to the person, and to the rules
    that trust an answer, such as who may see their busy time). An occurrence the copy had
    no component of (`before` None) and that is not moved from where the `series` puts it
    (someone else answered it alone, its place changed) keeps the answer given to the
    series."""
    merged = copy.deepcopy(incoming)
    rescheduled = before is not None and _timing(before) != _timing(incoming)
    answered = before
    if before is None and series is not None and _unmoved(incoming, series):
        answered = series
    answers = (
        {}
        if answered is None
        else {
            normalize_address(a.value): a for a in answered.all("ATTENDEE") if a.param("PARTSTAT")
        }
    )
    for attendee in merged.all("ATTENDEE"):
        address = normalize_address(attendee.value)
        if address not in own:
            continue
        if address in answers and not rescheduled:
            old = answers[address]
            for name in ("PARTSTAT", "RSVP", REPLIED_PARAM):  # exactly as the attendee left them
                if name in old.params:
                    attendee.params[name] = old.params[name]
                else:
                    attendee.params.pop(name, None)
        elif (attendee.param("PARTSTAT") or "NEEDS-ACTION").upper() != "NEEDS-ACTION":
            attendee.params["PARTSTAT"] = "NEEDS-ACTION"
            attendee.params.pop(REPLIED_PARAM, None)
    if before is None:
        return merged
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


def _unmoved(component: Component, series: Component) -> bool:
    """Whether an occurrence's component is where and as long as the series puts it: it
    starts at its RECURRENCE-ID (the same value, in the same zone) and lasts as the series'
    occurrences do."""
    rid, start = component.get("RECURRENCE-ID"), component.get("DTSTART")
    return (
        rid is not None
        and start is not None
        and rid.value == start.value
        and rid.param("TZID") == start.param("TZID")
        and _length(component) is not None
        and _length(component) == _length(series)
    )


def _length(component: Component) -> dt.timedelta | str | None:
    """How long a component lasts: its DURATION as written, else DTEND less DTSTART when
    both are written alike (None when it cannot be told)."""
    duration = component.get("DURATION")
    if duration is not None:
        return duration.value.strip().upper()
    start, end = component.get("DTSTART"), component.get("DTEND")
    if start is None or end is None or start.param("TZID") != end.param("TZID"):
        return None
    try:  # read alike (the same zone, or none): their difference is the length
        length = decode_property_moment(end, {}) - decode_property_moment(start, {})
    except (ContentError, TypeError):  # unreadable, or a DATE against a DATE-TIME
        return None
    return length


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
