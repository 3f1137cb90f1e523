"""Google Calendar's events and iCalendar, both ways (docs/adr/0034): pure rules, no I/O.

Google keeps a recurring event as a series (`recurrence`: RRULE, EXDATE, RDATE lines) and each
changed instance as an event of its own (`recurringEventId`, `originalStartTime`); a cancelled
instance is such an event with `status: cancelled` and nothing else. Televent keeps one
calendar object per UID, as CalDAV does: the series, its exceptions as overrides
(RECURRENCE-ID) and its cancelled instances as EXDATEs. `calendar_object` makes that object of
every Google event sharing one `iCalUID`; `google_series` makes Google's bodies of a Televent
object (only the fields Televent edits: what Google holds besides, such as attendees and
conferencing, stays as it is, since changes go as patches).

Ids: a Google event id is 5-1024 characters of base32hex (a-v, 0-9); an event made here gets
one derived from its UID (`google_event_id`), so a write repeated after a crash finds the first
one instead of making a second. An instance's id is the series' id, `_`, and its original start
(UTC, `YYYYMMDDTHHMMSSZ`, or the date of an all-day one).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Timezone

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import calendar_text
from televent.domain.content_lines import encode_utc

PRODID = "-//Televent//Google Calendar mirror//EN"
_STATUS_IN = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE"}
_STATUS_OUT = {"CONFIRMED": "confirmed", "TENTATIVE": "tentative"}
_PARTSTAT = {
    "accepted": "ACCEPTED",
    "declined": "DECLINED",
    "tentative": "TENTATIVE",
    "needsAction": "NEEDS-ACTION",
}

GoogleEvent = Mapping[str, Any]


def google_event_id(uid: str) -> str:
    """The Google event id of an event made in Televent: base32hex of its UID's digest."""
    digest = hashlib.sha256(uid.encode("utf-8")).digest()
    return base64.b32hexencode(digest).decode("ascii").rstrip("=").lower()


def series_key(item: GoogleEvent) -> str:
    """The id of the series an event belongs to (its own for a single event or a series)."""
    return str(item.get("recurringEventId") or item["id"])


def cancelled(item: GoogleEvent) -> bool:
    return item.get("status") == "cancelled"


def is_recurring(item: GoogleEvent) -> bool:
    """Part of a recurring event: the series itself or one of its instances."""
    return bool(item.get("recurrence")) or "recurringEventId" in item


def instance_suffix(original: dt.date | dt.datetime) -> str:
    """How an instance's id ends for its original start."""
    if isinstance(original, dt.datetime):
        return encode_utc(original)
    return f"{original.year:04d}{original:%m%d}"


# --- Google -> iCalendar -----------------------------------------------------------------------


def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    if name == "UTC":
        return dt.UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def when(value: Mapping[str, Any], default_zone: str | None = None) -> dt.date | dt.datetime:
    """A Google start or end (`{"date"}` or `{"dateTime", "timeZone"?}`) as a date or an aware
    datetime, in its own time zone when it names one (so a series keeps its wall-clock time
    across daylight-saving changes).

    Raises:
        ValueError: neither a date nor a date-time Google would write.
    """
    if "date" in value:
        return dt.date.fromisoformat(str(value["date"]))
    moment = dt.datetime.fromisoformat(str(value["dateTime"]).replace("Z", "+00:00"))
    zone = _zone(value.get("timeZone") or default_zone)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone or dt.UTC)
    return moment.astimezone(zone) if zone is not None else moment.astimezone(dt.UTC)


def _vevent(item: GoogleEvent, uid: str, default_zone: str | None) -> Event:
    vevent = Event()
    vevent.add("uid", uid)
    updated = item.get("updated") or item.get("created")
    stamp = (
        dt.datetime.fromisoformat(str(updated).replace("Z", "+00:00"))
        if updated
        else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    )
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    start = when(item["start"], default_zone)
    end = when(item["end"], default_zone) if "end" in item else None
    vevent.add("dtstart", start)
    if end is not None and end != start:
        vevent.add("dtend", end)
    original = item.get("originalStartTime")
    if original is not None:
        vevent.add("recurrence-id", when(original, default_zone))
    for name, key in (("summary", "summary"), ("description", "description"),
                      ("location", "location")):  # fmt: skip
        if item.get(key):
            vevent.add(name, str(item[key]))
    status = _STATUS_IN.get(str(item.get("status") or ""))
    if status:
        vevent.add("status", status)
    if item.get("transparency") == "transparent":
        vevent.add("transp", "TRANSPARENT")
    if "sequence" in item:
        vevent.add("sequence", int(item["sequence"]))
    organizer = item.get("organizer") or {}
    attendees = item.get("attendees") or []
    if attendees and organizer.get("email"):
        vevent.add("organizer", f"mailto:{organizer['email']}",
                   parameters={"CN": organizer["displayName"]} if organizer.get("displayName")
                   else {})  # fmt: skip
        for person in attendees:
            if not person.get("email"):
                continue
            parameters = {"PARTSTAT": _PARTSTAT.get(str(person.get("responseStatus")),
                                                    "NEEDS-ACTION")}  # fmt: skip
            if person.get("displayName"):
                parameters["CN"] = str(person["displayName"])
            vevent.add("attendee", f"mailto:{person['email']}", parameters=parameters)
    return vevent


def _recurrence(vevent: Event, lines: Iterable[str]) -> None:
    """Google's recurrence lines (content lines of RRULE, EXRULE, RDATE, EXDATE) onto `vevent`."""
    for line in lines:
        parsed = Event.from_ical(f"BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT\r\n")
        for name, value in parsed.property_items(recursive=False):
            if name in {"RRULE", "EXRULE", "RDATE", "EXDATE"}:
                vevent.add(name, value, encode=False)


def calendar_object(items: Sequence[GoogleEvent], default_zone: str | None = None) -> str | None:
    """The iCalendar object of the Google events of one series (or one single event): the
    series or event itself, its changed instances as overrides, its cancelled instances as
    EXDATEs. None when there is nothing left to show (the series is cancelled, or every item).

    Raises:
        ValueError, KeyError: an event without the start Google always gives.
    """
    if not items:
        return None
    masters = [i for i in items if "recurringEventId" not in i]
    master = masters[0] if masters else None
    if master is not None and cancelled(master):
        return None
    uid = str(next((i.get("iCalUID") for i in items if i.get("iCalUID")), None)
              or f"{series_key(items[0])}@google.com")  # fmt: skip
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    main: Event | None = None
    if master is not None:
        main = _vevent(master, uid, default_zone)
        _recurrence(main, master.get("recurrence") or [])
        calendar.add_component(main)
    instances = sorted((i for i in items if "recurringEventId" in i),
                       key=lambda i: instance_suffix(when(i["originalStartTime"])))  # fmt: skip
    for item in instances:
        if cancelled(item):
            if main is not None:
                main.add("exdate", when(item["originalStartTime"], default_zone))
            continue
        calendar.add_component(_vevent(item, uid, default_zone))
    if not calendar.subcomponents:
        return None
    zones = {
        str(value.params["TZID"])
        for component in calendar.subcomponents
        for _, value in component.property_items(recursive=False, sorted=False)
        if hasattr(value, "params") and "TZID" in value.params
    }
    text = calendar_text(calendar)
    definitions = "".join(_vtimezone(zone) for zone in sorted(zones))
    at = text.index("BEGIN:VEVENT")
    return text[:at] + definitions + text[at:]


@lru_cache(maxsize=128)
def _vtimezone(tzid: str) -> str:
    """The VTIMEZONE of an IANA zone as text, made once per process (what CalDAV clients read
    the times with); nothing for a zone the system does not know."""
    try:
        return calendar_text(Timezone.from_tzid(tzid))
    except (ValueError, KeyError, ZoneInfoNotFoundError):
        return ""


# --- iCalendar -> Google -----------------------------------------------------------------------


@dataclass(frozen=True)
class GoogleSeries:
    """What Televent's object says, in Google's terms: the event's fields (a patch), and each
    override as the fields of the instance it changes, by its id's suffix."""

    uid: str
    event: dict[str, Any]
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)


def _google_when(value: dt.date | dt.datetime) -> dict[str, Any]:
    if not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if value.tzinfo is None:  # floating: read as UTC, as Google has no floating times
        return {"dateTime": value.replace(tzinfo=dt.UTC).isoformat(), "timeZone": "UTC"}
    key = getattr(value.tzinfo, "key", None)
    if value.utcoffset() == dt.timedelta(0) and key is None:
        return {"dateTime": value.astimezone(dt.UTC).isoformat(), "timeZone": "UTC"}
    return {"dateTime": value.isoformat(), **({"timeZone": key} if key else {})}


def _fields(vevent: Any) -> dict[str, Any]:
    start = vevent.decoded("dtstart")
    if "DTEND" in vevent:
        end = vevent.decoded("dtend")
    elif "DURATION" in vevent:
        end = start + vevent.decoded("duration")
    else:
        end = start + dt.timedelta(days=1) if not isinstance(start, dt.datetime) else start
    body: dict[str, Any] = {"start": _google_when(start), "end": _google_when(end)}
    for name in ("summary", "description", "location"):
        body[name] = str(vevent.get(name)) if vevent.get(name) is not None else None
    status = _STATUS_OUT.get(str(vevent.get("status") or "CONFIRMED").upper())
    body["status"] = status or "confirmed"
    body["transparency"] = (
        "transparent" if str(vevent.get("transp") or "").upper() == "TRANSPARENT" else "opaque"
    )
    return body


def _lines(vevent: Any) -> list[str]:
    """The recurrence of `vevent` as Google's `recurrence` lines."""
    found: list[str] = []
    for name in ("RRULE", "EXRULE", "RDATE", "EXDATE"):
        values = vevent.get(name)
        if values is None:
            continue
        for value in values if isinstance(values, list) else [values]:
            found.append(str(Event().content_line(name, value)).rstrip())
    return found


def google_series(text: str) -> GoogleSeries:
    """Google's bodies for Televent's object `text` (one UID).

    Raises:
        ValueError: the object has no event, or an event without a start.
    """
    calendar = read_calendar(text)
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise ValueError("no event in the calendar object")
    masters = [e for e in events if e.get("recurrence-id") is None]
    uid = str(events[0].get("uid"))
    event: dict[str, Any] = {}
    if masters:
        event = {"iCalUID": uid, **_fields(masters[0])}
        lines = _lines(masters[0])
        if lines:
            event["recurrence"] = lines
    overrides = {
        instance_suffix(e.decoded("recurrence-id")): _fields(e)
        for e in events
        if e.get("recurrence-id") is not None
    }
    return GoogleSeries(uid, event, overrides)
