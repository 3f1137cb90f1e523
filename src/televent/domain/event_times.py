"""Times of events as JSON clients write them: RFC 3339 date-times with an offset, local times
in an IANA zone, and dates for all-day events (RFC 5545 §3.3.4, §3.3.5, §3.6.1).

A date-time with an offset keeps its instant and is expressed in the zone the event is written
in; a local time is read in that zone. A missing end follows from the start (an hour for a timed
event, a day for an all-day one), and a moved start keeps the event's length.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from televent.domain.content_lines import iana_zone
from televent.domain.errors import DomainError

Moment = dt.datetime | dt.date
YEARS = (1900, 2999)  # what calendars hold; beyond, date arithmetic would overflow


class FieldError(DomainError):
    """A field of a JSON event is missing or wrong; the message starts with its name (English,
    for logs, CalDAV and the CLI). Those the domain's event times and fields raise are also
    worded (`worded`) with the field and what was sent, so a person reads them in their
    language."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def zone_of(name: str, field: str = "timezone") -> dt.tzinfo:
    """An IANA time zone by name (UTC as the UTC zone, so times are written with a Z)."""
    if name.strip().upper() in ("UTC", "Z", "ETC/UTC"):
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise FieldError(field, f"{name!r} is not an IANA time zone (like Europe/Berlin).").worded(
            "refusal-calendars-event-time-zone", field=field, zone=name.strip()[:64]
        ) from None


def parse_moment(text: str, field: str, zone: dt.tzinfo) -> Moment:
    """A date (YYYY-MM-DD), or a date-time: RFC 3339 with an offset (expressed in `zone`), or
    a local time without one (read in `zone`)."""
    value = text.strip()
    try:
        moment: Moment = (
            dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
        )
    except ValueError:
        raise FieldError(
            field, f"{text!r} is not a date (YYYY-MM-DD) or an RFC 3339 date-time."
        ).worded("refusal-events-moment", field=field, given=value[:40]) from None
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise FieldError(field, f"{text!r} is outside the years {YEARS[0]} to {YEARS[1]}.").worded(
            "refusal-calendars-years",
            field=field,
            given=value[:40],
            first=str(YEARS[0]),
            last=str(YEARS[1]),
        )
    if not isinstance(moment, dt.datetime):
        return moment
    moment = moment.replace(microsecond=0)
    if moment.tzinfo is None:
        # a local time in the hour the clocks skip (02:30 on the night they go forward) does
        # not exist: it is the moment an hour later on the clock, as clocks and the Mini App
        # read it (03:30); any other local time is unchanged by this
        return moment.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)
    return moment.astimezone(zone)


def occurrence_moment(start: Moment, occurrence: str) -> Moment:
    """The RECURRENCE-ID a client named, in the form of its series' start `start` (a local
    time without an offset is read in the start's zone; a floating series takes the local
    time as written)."""
    zone = start.tzinfo if isinstance(start, dt.datetime) and start.tzinfo else dt.UTC
    moment = parse_moment(occurrence, "occurrence", zone)
    if isinstance(start, dt.datetime) != isinstance(moment, dt.datetime):
        timed = isinstance(start, dt.datetime)
        wanted = "a date and time" if timed else "a date (YYYY-MM-DD)"
        raise FieldError("occurrence", f"this series takes {wanted}.").worded(
            "refusal-events-occurrence-form", kind="time" if timed else "date"
        )
    if isinstance(start, dt.datetime) and start.tzinfo is None:
        # a floating series: the local time as written; an offset beside it is dropped, not
        # applied (the API shows a floating time placed in the reader's zone, with its offset)
        return dt.datetime.fromisoformat(occurrence.strip()).replace(tzinfo=None, microsecond=0)
    return moment


def resolve_times(
    given: tuple[str | None, str | None, bool | None],
    zone: dt.tzinfo,
    current: tuple[Moment, Moment] | None,
) -> tuple[Moment, Moment]:
    """Start and end after the changes, over the `current` ones (None for a new event).

    `all_day` follows the form of `start` when not given. A moved start keeps the duration;
    a missing end is one hour after a timed start, the next day after an all-day one (the
    end of an all-day event is the day after its last day, RFC 5545 §3.6.1)."""
    start_text, end_text, all_day_given = given
    start = None if start_text is None else parse_moment(start_text, "start", zone)
    end = None if end_text is None else parse_moment(end_text, "end", zone)
    if all_day_given is not None:
        all_day = all_day_given
    elif start is not None:
        all_day = not isinstance(start, dt.datetime)
    elif end is not None:
        all_day = not isinstance(end, dt.datetime)
    else:
        all_day = current is not None and not isinstance(current[0], dt.datetime)
    for name, value in (("start", start), ("end", end)):
        if value is not None and isinstance(value, dt.datetime) == all_day:
            wanted = "a date (YYYY-MM-DD)" if all_day else "a date and time"
            raise FieldError(
                name, f"{'an all-day' if all_day else 'a timed'} event takes {wanted}."
            ).worded("refusal-events-moment-form", field=name, kind="date" if all_day else "time")
    if start is None:
        if current is None:
            raise FieldError("start", "is required.").worded(
                "refusal-events-start-required", field="start"
            )
        start = _as_kind(current[0], all_day, zone)
    if end is None:
        end = _later(start, _length(current, all_day))
    if _instant(end) <= _instant(start):  # both dates, or both date-times of one kind
        raise FieldError("end", "must be after start.").worded(
            "refusal-calendars-end-before-start", field="end"
        )
    return _writable(start), _writable(end)


def _writable(moment: Moment) -> Moment:
    """A moment as a calendar can say it: a local time the clocks show twice (02:30 on the
    night they go back) means its first showing in iCalendar (RFC 5545 §3.3.5), so the second
    is said in UTC."""
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None and moment.fold:
        first = moment.replace(fold=0)
        if first.utcoffset() != moment.utcoffset():
            return moment.astimezone(dt.UTC)
    return moment


def _instant(moment: Moment) -> Moment:
    """A moment as time passes: an aware date-time in UTC (two in one zone compare by their
    clock times, so 03:15 after the clocks went back came before 02:30 before it)."""
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        return moment.astimezone(dt.UTC)
    return moment


def _later(start: Moment, length: dt.timedelta) -> Moment:
    """`length` after `start` as time passes (an hour after 02:30 on the night the clocks go
    back is 02:30 again, an hour later; clock arithmetic made it two hours), in its zone."""
    if isinstance(start, dt.datetime) and start.tzinfo is not None:
        return (start.astimezone(dt.UTC) + length).astimezone(start.tzinfo)
    return start + length


def _as_kind(moment: Moment, all_day: bool, zone: dt.tzinfo) -> Moment:
    if all_day:
        return moment.astimezone(zone).date() if isinstance(moment, dt.datetime) else moment
    if not isinstance(moment, dt.datetime):
        raise FieldError("start", "is required when an all-day event gets a time.").worded(
            "refusal-events-start-for-time", field="start"
        )
    return moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _length(current: tuple[Moment, Moment] | None, all_day: bool) -> dt.timedelta:
    if current is not None and isinstance(current[0], dt.datetime) != all_day:
        length = _instant(current[1]) - _instant(current[0])
        if isinstance(length, dt.timedelta) and length > dt.timedelta(0):
            return length
    return dt.timedelta(days=1) if all_day else dt.timedelta(hours=1)


def component_times(component: Any) -> tuple[Moment, Moment]:
    """A VEVENT's start and end (from DTEND or DURATION; RFC 5545 §3.6.1 when neither)."""
    start = component.decoded("DTSTART")
    if "DTEND" in component:
        return start, component.decoded("DTEND")
    if "DURATION" in component:
        return start, start + component.decoded("DURATION")
    return start, start + (dt.timedelta(0) if isinstance(start, dt.datetime) else dt.timedelta(1))


def zone_name_of(component: Any) -> str | None:
    """The IANA name a VEVENT's start is written in ("UTC" for UTC, None for dates and
    floating times)."""
    start = component.decoded("DTSTART") if "DTSTART" in component else None
    if not isinstance(start, dt.datetime) or start.tzinfo is None:
        return None
    key = getattr(start.tzinfo, "key", None)
    if start.tzinfo is dt.UTC or key in ("UTC", "Etc/UTC"):
        return "UTC"
    if key:
        return str(key)
    tzid = component["DTSTART"].params.get("TZID")
    if tzid is None:
        return None
    # a Windows or Mozilla name by its IANA one, as the occurrence index reads it
    zone = iana_zone(str(tzid))
    return str(getattr(zone, "key", None) or tzid)
