"""A person's notification preferences, and the local-time arithmetic they need.

The preferences are values on the Account aggregate, changed by `PreferencesChanged` events.
Times of day are stored as local wall times ("07:30") and read in the person's IANA zone on
the day they apply, never as a UTC offset: a morning agenda at 07:30 stays at 07:30 local
across daylight-saving changes and after `/timezone`.

Wall times that do not exist or exist twice (RFC 5545 §3.3.5 gives the same rule for
DTSTART): a time in the spring-forward gap means the first instant after the gap (02:30 on
the day Berlin jumps from 02:00 to 03:00 is 03:00 CEST); a time the fall-back repeats means
its first occurrence (`fold=0`).

Pure: no clock, no I/O; every moment is passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from televent.domain.errors import DomainError
from televent.domain.languages import LANGUAGES, NATIVE_NAMES, supported

MAX_REMINDER_MINUTES = 10080  # one week
ORGANIZER_NOTICES = ("all", "declines", "none")
QUIET_REMINDERS = ("keep", "hold")
# A morning agenda whose moment passed while no scheduler ran (a restart) is still sent until
# local noon, or for an hour after its time when that is later; never on another local day.
LATE_AGENDA_UNTIL = dt.time(12, 0)
LATE_AGENDA_AT_LEAST = dt.timedelta(hours=1)

# Where each kind of message goes (`channels`): Telegram, email (the account's linked
# addresses), both, or neither. Notices are the messages about the person's events (invitation
# cards, cancellations, answers, bookings: projections/telegram_delivery.py says which).
TELEGRAM, EMAIL = "telegram", "email"
CHANNELS = (TELEGRAM, EMAIL)
CHANNEL_KINDS = ("reminders", "agenda", "notices")

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_OFF = ("off", "none", "")
_AUTO = ("auto", "")
HOUR_CYCLES = ("12", "24")
WEEK_STARTS = ("mon", "sat", "sun")


@dataclass(frozen=True)
class Preferences:
    """What a person wants to be told, and when. The defaults are what everyone had before
    preferences existed (every card, every answer, reminders, no agenda, no quiet hours).

    - `event_alarms`: an event's own VALARM decides when its reminder comes (else the lead time);
    - `cards_telegram` / `cards_email`: messages about invitations from meetings organised in
      Televent / received by email (new, updated, cancelled, removed);
    - `organizer_notices`: which answers to the person's own meetings are told (all, declines,
      none);
    - `quiet_hours`: "HH:MM-HH:MM" local, messages falling in it wait until it ends;
      `quiet_reminders`: "keep" (reminders still come at their moment) or "hold";
    - `agenda_time`: "HH:MM" local for the morning agenda, None for none;
      `agenda_empty_days`: send it on days without events too;
    - `channels`: for reminders, the agenda and notices, where they go (`telegram`, `email`);
    - `language`: the language the person chose (domain/languages.py), None to follow their
      Telegram app; `hour_cycle`: "12" or "24" hours, None for their language's custom;
      `week_start`: the first day of their week ("mon", "sat", "sun"), None likewise.
    """

    event_alarms: bool = True
    cards_telegram: bool = True
    cards_email: bool = True
    organizer_notices: str = "all"
    quiet_hours: str | None = None
    quiet_reminders: str = "keep"
    agenda_time: str | None = None
    agenda_empty_days: bool = False
    language: str | None = None
    hour_cycle: str | None = None
    week_start: str | None = None
    # (left out of the hash, so an account's view stays hashable; equality still compares it)
    channels: dict[str, list[str]] = field(
        default_factory=lambda: _channels_with({}, {}), hash=False
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> Preferences:
        """The preferences a stored mapping holds (unknown keys ignored, missing ones default)."""
        known = {f.name for f in fields(cls)}
        return cls().merged({k: v for k, v in (values or {}).items() if k in known})

    def as_dict(self) -> dict[str, Any]:
        """The preferences as plain JSON values."""
        return asdict(self)

    def merged(self, changes: Mapping[str, Any]) -> Preferences:
        """These preferences with validated `changes` applied (unknown keys ignored); a
        `channels` change may name only the kinds it changes."""
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in self.completed(changes).items() if k in known})

    def completed(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """`changes` (validated) with a `channels` change made whole: every kind, those it
        does not name as they are now (so it compares with the current value)."""
        whole = dict(changes)
        if "channels" in whole:
            chosen = whole["channels"]
            whole["channels"] = _channels_with(
                self.channels, chosen if isinstance(chosen, Mapping) else {}
            )
        return whole

    def sends(self, kind: str, channel: str) -> bool:
        """Whether messages of `kind` (reminders, agenda, notices) go out on `channel`."""
        return channel in self.channels.get(kind, (TELEGRAM,))

    def unsent(self, *, email_linked: bool) -> list[str]:
        """The kinds (reminders, agenda, notices) that are not sent at all because they go by
        email alone and no address is linked (the agenda only when it is asked for)."""
        if email_linked:
            return []
        wanted = [kind for kind in CHANNEL_KINDS if kind != "agenda" or self.agenda is not None]
        return [kind for kind in wanted if self.channels.get(kind) == [EMAIL]]

    @property
    def quiet(self) -> tuple[dt.time, dt.time] | None:
        """Quiet hours as (start, end) local times, if any."""
        if self.quiet_hours is None:
            return None
        start, end = self.quiet_hours.split("-")
        return parse_time_of_day(start), parse_time_of_day(end)

    @property
    def agenda(self) -> dt.time | None:
        """The local time of the morning agenda, if any."""
        return None if self.agenda_time is None else parse_time_of_day(self.agenda_time)

    def wants_card(self, source: str) -> bool:
        """Whether messages about invitations from `source` ("telegram" or "email") are sent."""
        return self.cards_email if source == "email" else self.cards_telegram

    def wants_notice(self, partstat: str) -> bool:
        """Whether the organizer is told of an answer with this PARTSTAT."""
        if self.organizer_notices == "none":
            return False
        return self.organizer_notices == "all" or partstat.upper() == "DECLINED"


PREFERENCE_NAMES = (*(f.name for f in fields(Preferences)), "reminder_minutes")


# --- validation ---------------------------------------------------------------------------------


def validate_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalise requested preference changes; raise DomainError naming the first
    bad one. `reminder_minutes` (0 or "off" turns reminders off) is one of them."""
    if not isinstance(changes, Mapping) or not changes:
        raise DomainError("Name at least one preference to change.")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in PREFERENCE_NAMES:
            known = ", ".join(PREFERENCE_NAMES)
            raise DomainError(f"Unknown preference {name!r}; known ones: {known}.")
        clean[name] = _VALIDATORS[name](name, value)
    return clean


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise DomainError(f"{name} is true or false.")


def _choice(options: tuple[str, ...]) -> Any:
    def check(name: str, value: Any) -> str:
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        raise DomainError(f"{name} is one of: {', '.join(options)}.")

    return check


def _reminder_minutes(name: str, value: Any) -> int:
    if value is None or (isinstance(value, str) and value.strip().lower() in _OFF):
        return 0
    refusal = DomainError(
        f"{name} is a number of minutes from 0 to {MAX_REMINDER_MINUTES}."
    ).worded("refusal-calendars-reminder-minutes", most=MAX_REMINDER_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise refusal
    try:
        minutes = int(value)
    except ValueError:
        minutes = -1
    if not 0 <= minutes <= MAX_REMINDER_MINUTES:
        raise refusal
    return minutes


def _time_or_off(name: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in _OFF):
        return None
    if not isinstance(value, str) or _HHMM.match(value.strip()) is None:
        raise DomainError(f"{name} is a time of day as HH:MM (24-hour), or off.").worded(
            "refusal-calendars-agenda-time"
        )
    return f"{parse_time_of_day(value.strip()):%H:%M}"


def _quiet_hours(name: str, value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = f"{value.get('start', '')}-{value.get('end', '')}"
    if value is None or (isinstance(value, str) and value.strip().lower() in _OFF):
        return None
    parts = value.replace(" ", "").split("-") if isinstance(value, str) else []
    if len(parts) != 2 or not all(_HHMM.match(p) for p in parts):
        raise DomainError(f"{name} are a start and an end as HH:MM-HH:MM, or off.").worded(
            "refusal-calendars-quiet-hours"
        )
    start, end = (f"{parse_time_of_day(p):%H:%M}" for p in parts)
    if start == end:
        raise DomainError(f"{name} start and end at different times.").worded(
            "refusal-calendars-quiet-hours-equal"
        )
    return f"{start}-{end}"


def _channels(name: str, value: Any) -> dict[str, list[str]]:
    """{"reminders": ["telegram", "email"], ...}: the kinds to change, each with the channels
    it goes out on (a subset of telegram and email; empty: none)."""
    kinds, channels = ", ".join(CHANNEL_KINDS), " and ".join(CHANNELS)
    if not isinstance(value, Mapping) or not value:
        raise _channels_refused(f"{name} maps {kinds} each to a list of {channels}.")
    clean: dict[str, list[str]] = {}
    for kind, chosen in value.items():
        if kind not in CHANNEL_KINDS:
            raise _channels_refused(f"{name} has no kind {kind!r}; the kinds are {kinds}.")
        if not isinstance(chosen, list | tuple) or not all(isinstance(c, str) for c in chosen):
            raise _channels_refused(f"{name}.{kind} is a list of {channels} (or empty).")
        picked = {c.strip().lower() for c in chosen}
        unknown = sorted(picked - set(CHANNELS))
        if unknown:
            raise DomainError(
                f"{name}.{kind} has {unknown[0]!r}; the channels are {channels}."
            ).worded("refusal-calendars-channel-unknown", channel=unknown[0][:40])
        clean[kind] = [c for c in CHANNELS if c in picked]
    return clean


def _channels_refused(message: str) -> DomainError:
    """A refused `channels` value: one wording says what every kind may go by."""
    return DomainError(message).worded("refusal-calendars-channels")


def _channels_with(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, list[str]]:
    """Every kind's channels: `changes`, else `current`, else Telegram alone. What a stored
    value holds that is not a kind or a channel is left out."""
    whole: dict[str, list[str]] = {}
    for kind in CHANNEL_KINDS:
        chosen = changes.get(kind, current.get(kind, [TELEGRAM]))
        listed = chosen if isinstance(chosen, list | tuple) else [TELEGRAM]
        whole[kind] = [c for c in CHANNELS if c in listed]
    return whole


def _language(name: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in _AUTO):
        return None
    code = supported(value) if isinstance(value, str) else None
    if code is None:
        raise DomainError(f"{name} is one of: {', '.join(LANGUAGES)} (or auto).").worded(
            "refusal-calendars-language",
            value=str(value)[:40],
            languages=", ".join(f"{NATIVE_NAMES[tag]} ({tag})" for tag in LANGUAGES),
        )
    return code


def _choice_or_auto(options: tuple[str, ...]) -> Any:
    def check(name: str, value: Any) -> str | None:
        if value is None or (isinstance(value, str) and value.strip().lower() in _AUTO):
            return None
        if isinstance(value, int | str) and str(value).strip().lower() in options:
            return str(value).strip().lower()
        raise DomainError(f"{name} is one of: {', '.join(options)} (or auto).")

    return check


_VALIDATORS: dict[str, Any] = {
    "reminder_minutes": _reminder_minutes,
    "event_alarms": _boolean,
    "cards_telegram": _boolean,
    "cards_email": _boolean,
    "organizer_notices": _choice(ORGANIZER_NOTICES),
    "quiet_hours": _quiet_hours,
    "quiet_reminders": _choice(QUIET_REMINDERS),
    "agenda_time": _time_or_off,
    "agenda_empty_days": _boolean,
    "channels": _channels,
    "language": _language,
    "hour_cycle": _choice_or_auto(HOUR_CYCLES),
    "week_start": _choice_or_auto(WEEK_STARTS),
}


def parse_time_of_day(text: str) -> dt.time:
    """ "7:30" or "07:30" as a time of day."""
    match = _HHMM.match(text.strip())
    if match is None:
        raise DomainError(f"{text!r} is not a time of day as HH:MM.")
    return dt.time(int(match.group(1)), int(match.group(2)))


# --- local times in a zone -----------------------------------------------------------------------


def local_instant(day: dt.date, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The instant (UTC) the wall time `at` on `day` means in `zone`: its first occurrence when
    the fall-back repeats it, the first instant after the gap when the spring-forward skips it."""
    wall = dt.datetime.combine(day, at)
    first = wall.replace(tzinfo=zone, fold=0)
    utc = first.astimezone(dt.UTC)
    if utc.astimezone(zone).replace(tzinfo=None) == wall:
        return utc
    # In a gap: fold=1 reads it with the offset after the change (the earlier instant), fold=0
    # with the offset before (the later one); the change happened between them.
    low = int(wall.replace(tzinfo=zone, fold=1).timestamp())
    high = int(utc.timestamp())
    low, high = min(low, high), max(low, high)
    after = first.replace(fold=1).utcoffset()
    while high - low > 1:
        middle = (low + high) // 2
        offset = dt.datetime.fromtimestamp(middle, dt.UTC).astimezone(zone).utcoffset()
        if offset == after:
            high = middle
        else:
            low = middle
    return dt.datetime.fromtimestamp(high, dt.UTC)


def next_agenda_run(now: dt.datetime, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The first agenda moment (UTC) at or after `now`: `at` local on today's or a later
    local date, computed on that date (so it follows daylight-saving changes)."""
    day = now.astimezone(zone).date()
    for offset in range(3):  # today, tomorrow; a zone that skips a whole day: the day after
        moment = local_instant(day + dt.timedelta(days=offset), at, zone)
        if moment >= now:
            return moment
    raise AssertionError("unreachable: a local time exists within three days")


def agenda_window(day: dt.date, at: dt.time, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """When the agenda of local date `day` may be queued: from its moment until local noon
    (or an hour after the moment, when later), never past the end of that local day."""
    start = local_instant(day, at, zone)
    noon = local_instant(day, LATE_AGENDA_UNTIL, zone)
    day_end = local_instant(day + dt.timedelta(days=1), dt.time(0), zone)
    return start, min(max(noon, start + LATE_AGENDA_AT_LEAST), day_end)


def agenda_day_due(now: dt.datetime, at: dt.time, zone: dt.tzinfo) -> dt.date | None:
    """The local date whose agenda is due at `now`, or None (before its moment, or too late)."""
    today = now.astimezone(zone).date()
    start, end = agenda_window(today, at, zone)
    return today if start <= now < end else None


def day_bounds(day: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The local day as [start, end) instants in UTC (23 or 25 hours on a change day)."""
    return (
        local_instant(day, dt.time(0), zone),
        local_instant(day + dt.timedelta(days=1), dt.time(0), zone),
    )


def quiet_until(
    moment: dt.datetime, quiet: tuple[dt.time, dt.time] | None, zone: dt.tzinfo
) -> dt.datetime | None:
    """When the quiet hours `moment` falls in end (UTC), or None when it falls outside them.
    Quiet hours that start later than they end run past midnight (22:00-07:00)."""
    if quiet is None:
        return None
    start, end = quiet
    local = moment.astimezone(zone)
    wall, day = local.time().replace(tzinfo=None), local.date()
    if start < end:
        inside, end_day = start <= wall < end, day
    else:
        inside = wall >= start or wall < end
        end_day = day + dt.timedelta(days=1) if wall >= start else day
    if not inside:
        return None
    until = local_instant(end_day, end, zone)
    return until if until > moment else None
