"""When the owner of a booking link can be booked: weekly hours in their IANA zone, with dates
that differ (a day off, extra hours).

Times of day are local wall times read in the owner's zone on the date they apply, never as a
fixed UTC offset: 09:00 in Europe/Berlin is 08:00Z in winter and 07:00Z in summer. A range is
[start, end) on one local date; an end of None is 24:00, the end of that day, which touches the
next day's 00:00 (open intervals merge there, so a slot may cross local midnight).

Wall times that do not exist or exist twice follow the rule RFC 5545 §3.3.5 gives for DTSTART,
extended to ends so that a range covers its whole wall-clock span:

- a start or an end in the spring-forward gap means the first instant after the gap (02:30 on
  the day Berlin jumps from 02:00 to 03:00 is 03:00 CEST);
- a start the fall-back repeats means its first occurrence (`fold=0`), an end its second
  occurrence (`fold=1`): 01:00-03:00 on the day Berlin falls back from 03:00 to 02:00 lasts
  three real hours; an end exactly where the repeat begins (02:00 there) is its first
  occurrence, since every wall time from it on has already been shown by then.

The JSON form (`as_json`, `from_json`) is the public API's:
`{"timezone": "Europe/Berlin", "weekly": {"mon": [["09:00", "17:00"]], ...},
"overrides": [{"date": "2026-12-24", "ranges": []}]}`; "24:00" is the only way to write the end
of a day.

Pure: no clock, no I/O; every moment is passed in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from televent.domain.errors import DomainError
from televent.domain.preferences import local_instant

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_RANGES_PER_DAY = 12
MAX_OVERRIDES = 366

Range = tuple[dt.time, dt.time | None]
Ranges = tuple[Range, ...]
# The day a refusal names in the person's words: a weekday's key ("mon") or a date.
Day = str | dt.date

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_KEYS = {
    **{key: key for key in WEEKDAYS},
    **{name.lower(): key for name, key in zip(_DAY_NAMES, WEEKDAYS, strict=True)},
}
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_END_OF_DAY = "24:00"
_DEFAULT_HOURS: Ranges = ((dt.time(9), dt.time(17)),)


@dataclass(frozen=True)
class DateOverride:
    """The ranges of one local date, replacing the weekly ones (an empty tuple: a day off)."""

    date: dt.date
    ranges: Ranges

    def __post_init__(self) -> None:
        if not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime):
            raise DomainError("An override's date is a calendar date (YYYY-MM-DD).")
        object.__setattr__(
            self, "ranges", _checked_ranges(self.date.isoformat(), self.ranges, self.date)
        )


@dataclass(frozen=True)
class Availability:
    """Weekly ranges per weekday (keys of `WEEKDAYS`; a missing day is unavailable) in the IANA
    zone `timezone`, and date overrides (kept sorted by date, one per date)."""

    timezone: str
    weekly: Mapping[str, Ranges]
    overrides: tuple[DateOverride, ...] = ()
    _zone: zoneinfo.ZoneInfo = field(init=False, repr=False, compare=False)
    _by_date: dict[dt.date, Ranges] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_zone", _zone(self.timezone))
        if not isinstance(self.weekly, Mapping):
            raise DomainError("Weekly hours are an object with a list of ranges per weekday.")
        weekly: dict[str, Ranges] = {}
        for name, ranges in self.weekly.items():
            key = _day_key(name)
            if key in weekly:
                raise DomainError(f"{_label(key)} is given twice in the weekly hours.")
            weekly[key] = _checked_ranges(_label(key), ranges, key)
        object.__setattr__(self, "weekly", {key: weekly.get(key, ()) for key in WEEKDAYS})
        overrides = tuple(sorted(self.overrides, key=lambda o: o.date))
        if len(overrides) > MAX_OVERRIDES:
            raise _too_many_dates()
        for before, after in itertools.pairwise(overrides):
            if before.date == after.date:
                raise _date_twice(after.date)
        object.__setattr__(self, "overrides", overrides)
        object.__setattr__(self, "_by_date", {o.date: o.ranges for o in overrides})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The owner's zone."""
        return self._zone

    def __hash__(self) -> int:
        return hash((self.timezone, tuple(self.weekly.items()), self.overrides))

    @classmethod
    def default(cls, timezone: str) -> Availability:
        """Monday to Friday, 09:00-17:00 in `timezone`."""
        return cls(timezone, dict.fromkeys(WEEKDAYS[:5], _DEFAULT_HOURS))

    @classmethod
    def from_json(cls, data: Any) -> Availability:
        """The availability a JSON body describes; raise DomainError naming the first bad value.
        Missing "weekly" or "overrides" mean none."""
        if not isinstance(data, Mapping):
            raise DomainError(
                'Availability is a JSON object: {"timezone": ..., "weekly": ..., "overrides": ...}.'
            )
        timezone = data.get("timezone")
        if not isinstance(timezone, str) or not timezone.strip():
            raise DomainError('Availability needs a "timezone", an IANA name like "Europe/Berlin".')
        _zone(timezone.strip())
        weekly_data = data.get("weekly")
        if weekly_data is None:
            weekly_data = {}
        if not isinstance(weekly_data, Mapping):
            raise DomainError(
                '"weekly" is an object with a list of ranges per weekday, '
                'like {"mon": [["09:00", "17:00"]]}.'
            )
        weekly: dict[str, Ranges] = {}
        for name, ranges in weekly_data.items():
            key = _day_key(name)
            if key in weekly:
                raise DomainError(f"{_label(key)} is given twice in the weekly hours.")
            weekly[key] = _parse_ranges(_label(key), ranges, key)
        overrides_data = data.get("overrides")
        if overrides_data is None:
            overrides_data = []
        if not isinstance(overrides_data, list):
            raise DomainError('"overrides" is a list like [{"date": "2026-12-24", "ranges": []}].')
        if len(overrides_data) > MAX_OVERRIDES:
            raise _too_many_dates()
        overrides: list[DateOverride] = []
        seen: set[dt.date] = set()
        for index, item in enumerate(overrides_data, start=1):
            override = _parse_override(index, item)
            if override.date in seen:
                raise _date_twice(override.date)
            seen.add(override.date)
            overrides.append(override)
        return cls(timezone.strip(), weekly, tuple(overrides))

    def as_json(self) -> dict[str, Any]:
        """The public API's JSON form (all seven weekdays, [] for none); `from_json` reads it back
        to an equal value."""
        return {
            "timezone": self.timezone,
            "weekly": {day: _ranges_json(self.weekly.get(day, ())) for day in WEEKDAYS},
            "overrides": [
                {"date": o.date.isoformat(), "ranges": _ranges_json(o.ranges)}
                for o in self.overrides
            ],
        }

    def ranges_on(self, day: dt.date) -> Ranges:
        """The local ranges of date `day`: its override if any, else its weekday's."""
        if day in self._by_date:
            return self._by_date[day]
        return self.weekly.get(WEEKDAYS[day.weekday()], ())

    def open_intervals(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[dt.datetime, dt.datetime]]:
        """The available time within [start, end) as aware UTC datetimes, sorted, merged where
        they overlap or touch (24:00 meets the next day's 00:00), clipped to [start, end).
        Each local date is read with the zone's rules on that date."""
        _require_aware(start, end)
        start, end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        if end <= start:
            return []
        zone = self._zone
        first = start.astimezone(zone).date() - dt.timedelta(days=1)
        last = end.astimezone(zone).date() + dt.timedelta(days=1)
        merged: list[tuple[dt.datetime, dt.datetime]] = []
        day = first
        while day <= last:
            for range_start, range_end in self.ranges_on(day):
                low = max(local_instant(day, range_start, zone), start)
                high = min(range_end_instant(day, range_end, zone), end)
                if low >= high:
                    continue
                if merged and low <= merged[-1][1]:
                    if high > merged[-1][1]:
                        merged[-1] = (merged[-1][0], high)
                else:
                    merged.append((low, high))
            day += dt.timedelta(days=1)
        return merged


def range_end_instant(day: dt.date, at: dt.time | None, zone: dt.tzinfo) -> dt.datetime:
    """The instant (UTC) a range ending at wall time `at` (None: 24:00) on `day` ends: the second
    occurrence of a repeated wall time, the first instant after a skipped one."""
    if at is None:
        return local_instant(day + dt.timedelta(days=1), dt.time(0), zone)
    wall = dt.datetime.combine(day, at)
    later = wall.replace(tzinfo=zone, fold=1).astimezone(dt.UTC)
    if later.astimezone(zone).replace(tzinfo=None) == wall:
        # Where the repeat begins (01:00 when 02:00 falls back to 01:00), the clock already
        # showed every wall time from `at` on before the second occurrence: end at the first.
        just_before = (later - dt.timedelta(microseconds=1)).astimezone(zone).replace(tzinfo=None)
        if just_before < wall:
            return later
    return local_instant(day, at, zone)


# --- validation ---------------------------------------------------------------------------------


def _zone(name: Any) -> zoneinfo.ZoneInfo:
    if isinstance(name, str) and name and not name.startswith("/") and ".." not in name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            pass
    raise DomainError(
        f"{name!r} is not a time zone; use an IANA name like 'Europe/Berlin'."
    ).worded("refusal-booking-not-a-zone", zone=str(name))


def _day_key(name: Any) -> str:
    key = _DAY_KEYS.get(name.strip().lower()) if isinstance(name, str) else None
    if key is None:
        raise DomainError(f"{name!r} is not a weekday; use one of: {', '.join(WEEKDAYS)}.")
    return key


def _label(key: str) -> str:
    return _DAY_NAMES[WEEKDAYS.index(key)]


def _hhmm(at: dt.time | None) -> str:
    return _END_OF_DAY if at is None else f"{at:%H:%M}"


def _ranges_json(ranges: Ranges) -> list[list[str]]:
    return [[_hhmm(start), _hhmm(end)] for start, end in ranges]


def _parse_time(label: str, text: Any, on: Day, *, end: bool) -> dt.time | None:
    if isinstance(text, str):
        text = text.strip()
        if end and text == _END_OF_DAY:
            return None
        match = _HHMM.match(text)
        if match is not None:
            return dt.time(int(match.group(1)), int(match.group(2)))
    latest = _END_OF_DAY if end else "23:59"
    raise DomainError(
        f"{label}: {text!r} is not a time of day as HH:MM (00:00 to {latest})."
    ).worded("refusal-booking-not-a-time", day=on, text=str(text), latest=latest)


def _parse_ranges(label: str, data: Any, on: Day) -> Ranges:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise DomainError(f'{label}: give a list of ranges like [["09:00", "17:00"]].')
    if len(data) > MAX_RANGES_PER_DAY:
        raise _too_many_ranges(label, on)
    ranges: list[Range] = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise DomainError(
                f'{label}: range {index} is a start and an end, like ["09:00", "17:00"].'
            )
        start = _parse_time(f"{label}, range {index}", item[0], on, end=False)
        assert start is not None  # a start is never 24:00
        ranges.append((start, _parse_time(f"{label}, range {index}", item[1], on, end=True)))
    return _checked_ranges(label, ranges, on)


def _parse_override(index: int, data: Any) -> DateOverride:
    if not isinstance(data, Mapping):
        raise DomainError(
            f'Override {index} is an object like {{"date": "2026-12-24", "ranges": []}}.'
        )
    text = data.get("date")
    day: dt.date | None = None
    if isinstance(text, str) and _ISO_DATE.match(text.strip()):
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            day = None
    if day is None:
        raise DomainError(f"Override {index}: {text!r} is not a date as YYYY-MM-DD.")
    return DateOverride(day, _parse_ranges(day.isoformat(), data.get("ranges"), day))


def _checked_ranges(label: str, ranges: Iterable[Any], on: Day) -> Ranges:
    """`ranges` as a sorted tuple, each start before its end, none overlapping; `label` names
    the day in the English message, `on` in the wording (a weekday's key or a date)."""
    try:
        items = list(ranges)
    except TypeError:
        raise DomainError(f"{label}: the ranges are a list of (start, end) pairs.") from None
    if len(items) > MAX_RANGES_PER_DAY:
        raise _too_many_ranges(label, on)
    checked: list[Range] = []
    for item in items:
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise DomainError(f"{label}: each range is a (start, end) pair.")
        start, end = item
        if not _is_minute(start) or not (end is None or _is_minute(end)):
            raise DomainError(f"{label}: range times are whole minutes of a day (HH:MM).")
        if end is not None and end <= start:
            low, high = _hhmm(start), _hhmm(end)
            raise DomainError(f"{label}: the range {low}-{high} ends before it starts.").worded(
                "refusal-booking-range-backwards", day=on, start=low, end=high
            )
        checked.append((start, end))
    checked.sort(key=lambda r: r[0])
    for (start_a, end_a), (start_b, end_b) in itertools.pairwise(checked):
        if end_a is None or end_a > start_b:
            first, second = f"{_hhmm(start_a)}-{_hhmm(end_a)}", f"{_hhmm(start_b)}-{_hhmm(end_b)}"
            raise DomainError(f"{label}: the ranges {first} and {second} overlap.").worded(
                "refusal-booking-ranges-overlap", day=on, first=first, second=second
            )
    return tuple(checked)


def _too_many_ranges(label: str, on: Day) -> DomainError:
    return DomainError(f"{label}: at most {MAX_RANGES_PER_DAY} ranges per day.").worded(
        "refusal-booking-too-many-ranges", day=on, count=MAX_RANGES_PER_DAY
    )


def _too_many_dates() -> DomainError:
    return DomainError(f"At most {MAX_OVERRIDES} dates can have their own hours.").worded(
        "refusal-booking-too-many-dates", count=MAX_OVERRIDES
    )


def _date_twice(day: dt.date) -> DomainError:
    return DomainError(f"The date {day.isoformat()} has its own hours twice.").worded(
        "refusal-booking-date-twice", date=day
    )


def _is_minute(at: Any) -> bool:
    return isinstance(at, dt.time) and at.tzinfo is None and at.second == 0 and at.microsecond == 0


def _require_aware(*moments: dt.datetime) -> None:
    for moment in moments:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise DomainError("Moments are aware datetimes (with a time zone).")
