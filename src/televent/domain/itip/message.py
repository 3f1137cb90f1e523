"""Reading iTIP messages (RFC 5546): one message per UID, and how versions are ordered.

Every component (the master, and each RECURRENCE-ID override) is versioned by
(SEQUENCE, DTSTAMP) as RFC 5546 §2.1.5 and Apple's CalendarServer order them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from televent.domain.content_lines import (
    Component,
    ContentError,
    Property,
    decode_moment,
    decode_property_moment,
    parse,
)
from televent.domain.errors import DomainError
from televent.domain.ical import COMPONENT_TYPES, CalendarObject
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
        """The organizer's address (normalised, `organizer_address`), if the message names one."""
        prop = self.lead.get("ORGANIZER")
        return None if prop is None else organizer_address(prop)

    def attendees(self) -> list[Property]:
        """Every ATTENDEE of every component (a REPLY names the one who answers)."""
        return [a for c in self.components for a in c.all("ATTENDEE")]


def organizer_address(prop: Property) -> str:
    """An ORGANIZER's address, normalised: its EMAIL parameter when it has one (CalendarServer,
    iCloud, write a principal URI with the address in EMAIL=), else its value."""
    email = (prop.param("EMAIL") or "").strip().strip('"')
    return normalize_address(email or prop.value)


def sent_by(prop: Property) -> str | None:
    """The SENT-BY address of an ORGANIZER (who may act for it, RFC 5545 §3.2.18), normalised."""
    value = (prop.param("SENT-BY") or "").strip().strip('"')
    return normalize_address(value) if value else None


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
    return sequence_of(component), stamp_moment(component.get("DTSTAMP"), zones)


def sequence_of(component: Component) -> int:
    """A component's SEQUENCE (RFC 5545 §3.8.7.4): 0 when it has none, or one that is not a
    number of ASCII digits (a "²" passed `isdigit` and then failed `int`)."""
    prop = component.get("SEQUENCE")
    text = "" if prop is None else prop.value.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else 0


def stamp_moment(prop: Property | None, zones: Zones) -> dt.datetime:
    """A DTSTAMP as a UTC moment (the earliest moment when it is absent or unreadable)."""
    if prop is None:
        return _NEVER
    try:
        moment = decode_moment(prop.value, prop.param("TZID"), zones)
    except ContentError:
        return _NEVER
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def stored_components(stored: CalendarObject | None) -> dict[str, Component]:
    """The stored object's components by instance key ("" for the master)."""
    if stored is None:
        return {}
    return {instance_of(c, stored.zones): c for c in stored.components}


def stored_version(component: Component, stored: CalendarObject | None) -> Version:
    """The version of a stored component, read with the stored object's time zones."""
    return version_of(component, stored.zones if stored is not None else {})
