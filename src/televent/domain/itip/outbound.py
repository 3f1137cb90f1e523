"""Building the iTIP messages Televent sends (RFC 5546 §3) from a stored object.

The organizer's server's own parameters (RFC 6638 §7.1-§7.3) never leave; VTIMEZONEs are
added for every zone used, so the recipient needs no zone database.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from collections.abc import Mapping

import icalendar

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import calendar_text
from televent.domain.ical import COMPONENT_TYPES
from televent.domain.ical_edits import REPLIED_PARAM
from televent.domain.itip.message import PRODID
from televent.domain.values import normalize_address
from televent.domain.zones import instance_key

# The organizer's server's own parameters: never in an iTIP message (RFC 6638 §7.1-§7.3).
SERVER_PARAMS = ("SCHEDULE-AGENT", "SCHEDULE-STATUS", "SCHEDULE-FORCE-SEND")
# address (normalised) → (the address shown instead, the name shown): how Televent users are
# named in a message that leaves Televent (their internal address never does).
People = Mapping[str, tuple[str, str | None]]


def outgoing(
    stored_text: str,
    method: str,
    *,
    organizer: tuple[str, str | None] | None,
    stamp: dt.datetime,
    attendee: str | None = None,
    partstat: str | None = None,
    instances: list[str] | None = None,
    people: People | None = None,
    hidden_domain: str | None = None,
) -> str:
    """An iTIP message (RFC 5546 §3) built from the stored object.

    - REQUEST: the whole object, ORGANIZER replaced by `organizer` (address, name), no VALARMs;
    - CANCEL: for `attendee` (or everyone), the whole event or the given `instances`;
    - REPLY: only `attendee`, with `partstat`, for the series or the given `instances`.
    VTIMEZONEs are added for every zone used, so the recipient needs no zone database.

    `people` rewrites the ORGANIZER and ATTENDEEs that are Televent users to the address and
    name an outsider may see; any other address under `hidden_domain` (Televent's internal
    `tg_<id>@...` addresses) is left out, so none ever leaves in a message.
    """
    source = read_calendar(stored_text)
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
                people=people or {},
                hidden_domain=hidden_domain,
            )
        )
    for zone in source.subcomponents:
        if zone.name == "VTIMEZONE":
            calendar.add_component(zone)
    with contextlib.suppress(ValueError, KeyError):  # a zone no database knows stays floating
        calendar.add_missing_timezones()
    return calendar_text(calendar)


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
    people: People,
    hidden_domain: str | None,
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
    _show_people(out, people, hidden_domain)
    if method == "CANCEL":
        out.pop("STATUS", None)
        out.add("STATUS", "CANCELLED")
    return out


def _show_people(out: icalendar.cal.Component, people: People, hidden_domain: str | None) -> None:
    """The component's ORGANIZER and ATTENDEEs as an outsider may see them (`_shown`)."""
    attendees = out.get("ATTENDEE")
    listed = [] if attendees is None else attendees if isinstance(attendees, list) else [attendees]
    out.pop("ATTENDEE", None)
    for value in listed:
        shown = _shown(value, people, hidden_domain)
        if shown is not None:
            out.add("ATTENDEE", shown, encode=False)
    chair = out.get("ORGANIZER")
    if chair is not None:
        shown = _shown(chair, people, hidden_domain)
        if shown is not chair:
            out.pop("ORGANIZER", None)
            if shown is not None:
                out.add("ORGANIZER", shown, encode=False)


def _shown(value: object, people: People, hidden_domain: str | None) -> object | None:
    """A calendar address as an outsider sees it: a Televent user's by the address and name
    in `people`, another address under `hidden_domain` not at all (None), others unchanged."""
    key = normalize_address(str(value))
    params = getattr(value, "params", None)
    if hidden_domain and params is not None:
        marker = "@" + hidden_domain.lower()
        for param in [p for p, v in params.items() if marker in str(v).lower()]:
            params.pop(param)  # DELEGATED-TO, MEMBER, SENT-BY naming an internal address
    found = people.get(key)
    if found is not None:
        address, name = found
        shown = icalendar.vCalAddress(f"mailto:{address}")
        for param, param_value in (params or {}).items():
            if param.upper() not in ("CN", "EMAIL", "SENT-BY"):
                shown.params[param] = param_value
        cn = name or (params or {}).get("CN")
        if cn:
            shown.params["CN"] = cn
        return shown
    if hidden_domain and key.endswith("@" + hidden_domain.lower()):
        return None
    return value
