"""An event's own reminders: its VALARMs (RFC 5545 §3.6.6) as the JSON API lists and writes them.

`reminders` is a list, one entry per VALARM, in the order they are stored:

- an int: minutes before the start (a TRIGGER relative to the start in whole minutes: `-PT15M`
  is 15, `PT0S` is 0 "at the start", `PT5M` is -5, five minutes after it);
- a text for any other trigger, as the iCalendar TRIGGER has it (parameter, colon, value):
  `"RELATED=END:-PT15M"` (relative to the end), `"VALUE=DATE-TIME:20260302T090000Z"` (an absolute
  moment, in UTC), `"RELATED=START:-PT30S"` (not whole minutes).

An event without VALARMs has `null`: it has no reminders of its own, so the person's lead time
applies. An empty list means "no reminder" on purpose: it is stored as the alarm that never
fires (ACTION:NONE with the trigger Apple's clients write for it, RFC 9074 §7), which keeps
both a default lead time and a client's own default alarm away.

Writing `reminders` replaces the VALARMs: an entry equal to one an existing VALARM lists keeps
that VALARM as it is (its action, sound, UID and whatever a client put in it); each other entry
becomes a new DISPLAY alarm whose DESCRIPTION is the event's title; VALARMs no entry names go.

Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import icalendar

from televent.domain.content_lines import encode_utc
from televent.domain.event_times import FieldError

Reminder = int | str
MAX_REMINDERS = 10
# the furthest an alarm may be from the start, either way (four weeks); the scheduler looks a
# week ahead, so a reminder further ahead than that comes a week before the event
MAX_REMINDER_OFFSET = 4 * 7 * 24 * 60
# ACTION:NONE is "an alarm that never fires" (RFC 9074 §7); the trigger is the one Apple writes
NONE_ACTION = "NONE"
NONE_TRIGGER = dt.datetime(1976, 4, 1, 0, 55, 45, tzinfo=dt.UTC)
_TEXT_FORM = re.compile(r"^(RELATED=(?:START|END)|VALUE=DATE-TIME):(\S+)$", re.IGNORECASE)
_DURATION = re.compile(
    r"^([+-])?P(?:(\d{1,5})W|(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?(?:(\d{1,9})S)?)?)$",
    re.IGNORECASE,
)


def alarms_of(component: Any) -> list[Any]:
    """The VALARMs directly inside a VEVENT."""
    return [sub for sub in component.subcomponents if sub.name == "VALARM"]


def is_silent(alarm: Any) -> bool:
    """Whether a VALARM is the one that never fires (ACTION:NONE)."""
    return str(alarm.get("ACTION", "")).strip().upper() == NONE_ACTION


def reminder_of(alarm: Any) -> Reminder | None:
    """One VALARM as a reminders entry (None for ACTION:NONE or an unreadable TRIGGER)."""
    trigger = None if is_silent(alarm) else alarm.get("TRIGGER")
    value = getattr(trigger, "dt", None)
    if isinstance(value, dt.timedelta):
        related = str(trigger.params.get("RELATED", "START")).upper()  # type: ignore[union-attr]
        seconds = int(value.total_seconds())
        if related == "START" and seconds % 60 == 0:
            return -seconds // 60
        return f"RELATED={related}:{duration_text(value)}"
    if isinstance(value, dt.datetime):
        return f"VALUE=DATE-TIME:{encode_utc(value)}"
    return None


def duration_text(value: dt.timedelta) -> str:
    """A duration as iCalendar writes it (RFC 5545 §3.3.6): -PT15M, P1D, PT0S."""
    seconds = int(value.total_seconds())
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    if days and not rest and not hours:
        return f"{sign}P{days // 7}W" if days % 7 == 0 else f"{sign}P{days}D"
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return f"{sign}P{f'{days}D' if days else ''}T{time or '0S'}"


def _duration(text: str) -> dt.timedelta:
    match = _DURATION.match(text)
    if match is None or text.upper() in ("P", "PT", "+P", "-P", "+PT", "-PT"):
        raise ValueError(text)
    sign, weeks, days, hours, minutes, seconds = match.groups()
    value = dt.timedelta(
        weeks=int(weeks or 0),
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=int(seconds or 0),
    )
    return -value if sign == "-" else value


def reminders_of(component: Any) -> list[Reminder] | None:
    """The VEVENT's reminders (module docstring): None without VALARMs, [] for "none"."""
    alarms = alarms_of(component)
    if not alarms:
        return None
    found = [reminder_of(alarm) for alarm in alarms]
    return [entry for entry in found if entry is not None]


def reminder_moments(
    reminders: Sequence[Reminder], start: dt.datetime, end: dt.datetime
) -> list[dt.datetime]:
    """When an occurrence from `start` to `end` reminds, by its `reminders` entries (as
    `reminders_of` lists them; an absolute one in UTC); an entry that cannot be read is left
    out, as a VALARM whose TRIGGER cannot be read is."""
    moments: list[dt.datetime] = []
    for entry in reminders:
        if isinstance(entry, int):
            moments.append(start - dt.timedelta(minutes=entry))
            continue
        match = _TEXT_FORM.match(str(entry))
        if match is None:
            continue
        parameter, value = match.group(1).upper(), match.group(2)
        try:
            if parameter == "VALUE=DATE-TIME":
                at = dt.datetime.strptime(value.upper(), "%Y%m%dT%H%M%SZ")
                moments.append(at.replace(tzinfo=dt.UTC))
            else:
                moments.append((end if parameter == "RELATED=END" else start) + _duration(value))
        except (ValueError, OverflowError):
            continue
    return moments


def alarm_moments(
    reminders: Sequence[Reminder] | None, silent: bool, start: dt.datetime, end: dt.datetime
) -> list[dt.datetime] | None:
    """When an occurrence reminds by its own alarms (`reminders` as `reminders_of` lists them;
    `silent`: one of them is ACTION:NONE): None when none says when (the person's lead time
    applies), [] when they are silenced. The one reading of this for every reminder scan."""
    if reminders is None:
        return None
    moments = reminder_moments(reminders, start, end)
    return moments if moments or silent else None


def checked_reminders(name: str, value: Any) -> list[Reminder] | None:
    """A `reminders` value a client sent: null, or a list of at most MAX_REMINDERS entries
    (whole minutes, or the texts the module docstring shows); repeated entries count once."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > MAX_REMINDERS:
        raise FieldError(name, f"is a list of at most {MAX_REMINDERS} reminders, or null.").worded(
            "refusal-events-reminders-list", field=name, most=MAX_REMINDERS
        )
    entries: list[Reminder] = []
    for entry in value:
        if isinstance(entry, bool) or not isinstance(entry, int | str):
            raise FieldError(
                name, "each is minutes before the start, or a TRIGGER as listed."
            ).worded("refusal-events-reminders-item", field=name)
        checked = entry if isinstance(entry, int) else _trigger_text(name, entry)
        if isinstance(checked, int) and abs(checked) > MAX_REMINDER_OFFSET:
            raise FieldError(
                name, f"a reminder is at most {MAX_REMINDER_OFFSET} minutes away."
            ).worded("refusal-events-reminder-too-far", field=name, most=MAX_REMINDER_OFFSET)
        if checked not in entries:
            entries.append(checked)
    return entries


def with_reminders(component: Any, reminders: Sequence[Reminder] | None, title: str) -> None:
    """Replace the VEVENT's VALARMs by `reminders` (checked; module docstring)."""
    current = alarms_of(component)
    kept: list[Any] = []
    if reminders is not None and not reminders:
        silent = next((alarm for alarm in current if is_silent(alarm)), None)
        kept.append(silent if silent is not None else _silent_alarm())
    for entry in reminders or ():
        same = next(
            (a for a in current if all(a is not k for k in kept) and reminder_of(a) == entry),
            None,
        )
        kept.append(same if same is not None else _display_alarm(entry, title))
    others = [sub for sub in component.subcomponents if sub.name != "VALARM"]
    component.subcomponents[:] = [*others, *kept]


def _trigger_text(name: str, text: str) -> Reminder:
    """A reminder written as text, in the one form reminder_of lists it (whole minutes before
    the start as an int)."""
    match = _TEXT_FORM.match(text.strip())
    if match is None:
        raise _not_a_trigger(name, text)
    try:
        alarm = _display_alarm(text.strip(), "")
    except (ValueError, TypeError):
        raise _not_a_trigger(name, text) from None
    listed = reminder_of(alarm)
    assert listed is not None
    return listed


def _not_a_trigger(name: str, text: str) -> FieldError:
    """A reminder sent as a text that is no TRIGGER, with what was sent."""
    return FieldError(name, f"{text!r} is not a trigger like RELATED=END:-PT15M.").worded(
        "refusal-events-reminder-trigger", field=name, given=text.strip()[:40]
    )


def _display_alarm(entry: Reminder, title: str) -> Any:
    alarm = icalendar.Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", title or "Reminder")
    if isinstance(entry, int):
        alarm.add("TRIGGER", dt.timedelta(minutes=-entry))
        return alarm
    match = _TEXT_FORM.match(entry)
    if match is None:
        raise ValueError(entry)
    parameter, value = match.group(1).upper(), match.group(2)
    if parameter == "VALUE=DATE-TIME":
        moment = dt.datetime.strptime(value.upper(), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        alarm.add("TRIGGER", moment, parameters={"VALUE": "DATE-TIME"})
        return alarm
    alarm.add("TRIGGER", _duration(value), parameters={"RELATED": parameter.split("=")[1]})
    return alarm


def _silent_alarm() -> Any:
    alarm = icalendar.Alarm()
    alarm.add("ACTION", NONE_ACTION)
    alarm.add("TRIGGER", NONE_TRIGGER, parameters={"VALUE": "DATE-TIME"})
    return alarm
