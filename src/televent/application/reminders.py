"""Reminders before events, occurrences of recurring events included.

Each person's lead time is their setting (default 15 minutes; 0 turns their reminders off);
an event's own VALARMs (RFC 5545 §3.8.6.3: triggers relative to its start or end, or absolute)
win unless the person turned event alarms off (preference `event_alarms`): each of an event's
alarms is a reminder of its own (the latest one due, when a scan finds several at once), and an
event whose only alarm is ACTION:NONE (RFC 9074: "no reminder", as the Mini App and Apple's
clients write it) gets none (domain/event_alarms.py). A
reminder that falls in the person's quiet hours comes at its moment when they keep reminders
(`quiet_reminders` "keep", the default), or waits until the quiet hours end when they hold
them ("hold"); a held reminder of an event that starts before then is not sent at all. Reminders are
queued, not sent, here: the delivery queue sends them, and its key (event, occurrence,
recipient) keeps a reminder from being queued twice however often the scheduler runs. A reminder
whose moment passed while the server was down is still sent if the event has not started yet.
It goes where the person chose (`channels`: Telegram, their linked email, or both), decided
once with its key (projections/notifications.py).

One event whose data cannot be read or expanded never stops the scan: it is skipped, logged
with its id and counted (`ReminderScheduler.failed`), and every other event's reminders are
queued as usual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import icalendar

from televent.application.televent import Televent
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.event_alarms import alarms_of, is_silent
from televent.domain.event_times import component_times
from televent.domain.occurrences import occurrences_between
from televent.domain.preferences import Preferences, quiet_until
from televent.domain.sharing import Status
from televent.domain.values import DEFAULT_REMINDER_MINUTES, PartStat, telegram_id_of
from televent.domain.zones import zone_or_utc
from televent.projections.directory_reader import preferences_of
from televent.projections.sql import Sql

LOG = logging.getLogger(__name__)
LOOK_AHEAD = dt.timedelta(days=7, minutes=5)  # the longest lead time a user can choose
REMINDERS = "reminders"  # their kind of channel (domain/preferences.py `channels`)


@dataclass(frozen=True)
class Due:
    """An occurrence whose reminder moment has come."""

    start: dt.datetime
    remind_at: dt.datetime
    summary: str
    location: str | None
    from_alarm: bool = False  # the moment is one of the event's own VALARMs


def due_reminders(
    ical: str, now: dt.datetime, lead: dt.timedelta, zone: dt.tzinfo, *, alarms: bool = True
) -> Iterator[Due]:
    """Occurrences of the object starting after `now` whose reminder moment is at or before
    `now` (floating times are read in `zone`); without `alarms`, VALARMs are ignored."""
    calendar = icalendar.Calendar.from_ical(ical)
    window_end = now + max(lead, dt.timedelta(0)) + LOOK_AHEAD
    for component in occurrences_between(calendar, now, window_end):
        if component.name != "VEVENT" or str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = component["DTSTART"].dt
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(9), tzinfo=zone)  # all day: 9:00 local
        elif start.tzinfo is None:
            start = start.replace(tzinfo=zone)
        if start <= now:
            continue
        moments = _alarm_moments(component, start) if alarms else None
        due = [m for m in (moments if moments is not None else [start - lead]) if m <= now]
        if due:
            location = component.get("LOCATION")
            yield Due(
                start,
                max(due),
                str(component.get("SUMMARY", "(no title)")),
                None if location is None else str(location),
                from_alarm=moments is not None,
            )


def _alarm_moments(component: Any, start: dt.datetime) -> list[dt.datetime] | None:
    """The moments of the occurrence's own VALARMs (None when it has none that says when: the
    lead time applies; [] when its only alarm is ACTION:NONE)."""
    moments: list[dt.datetime] = []
    silent = False
    for alarm in alarms_of(component):
        silent = silent or is_silent(alarm)
        trigger = None if is_silent(alarm) else alarm.get("TRIGGER")
        value = getattr(trigger, "dt", None)
        if isinstance(value, dt.timedelta):
            related = str(trigger.params.get("RELATED", "START")).upper()  # type: ignore[union-attr]
            moments.append((start if related == "START" else start + _length(component)) + value)
        elif isinstance(value, dt.datetime):
            moments.append(value if value.tzinfo else value.replace(tzinfo=dt.UTC))
    return moments if moments or silent else None


def _length(component: Any) -> dt.timedelta:
    """How long the occurrence lasts (for an alarm relative to its end)."""
    start, end = component_times(component)
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        return dt.timedelta(0)
    length = end - start  # type: ignore[operator]
    return length if isinstance(length, dt.timedelta) else dt.timedelta(0)


class ReminderScheduler:
    """Finds due reminders in the calendar view and queues them."""

    def __init__(self, app: Televent, queue: DeliveryQueue) -> None:
        self.app = app
        self.queue = queue
        self.failed: list[str] = []  # the events the last scan had to skip

    def run_once(self, now: dt.datetime) -> int:
        """Queue every reminder due at `now`; returns how many were new. An event that fails
        is skipped (logged, and listed in `failed`) and the scan goes on with the others."""
        queued = 0
        failed: list[str] = []
        low = int(now.timestamp())
        high = int((now + LOOK_AHEAD).timestamp())
        for row in self._candidates(low, high):
            try:
                queued += self._queue_event(row, now)
            except Exception:  # one event's odd data never stops anyone else's reminders
                LOG.exception("Reminder scan: skipped event %s", row.get("event_id"))
                failed.append(str(row.get("event_id")))
        self.failed = failed
        if failed:
            LOG.warning("Reminder scan at %s skipped %d event(s)", now.isoformat(), len(failed))
        return queued

    def _queue_event(self, row: dict[str, Any], now: dt.datetime) -> int:
        """Queue the event's due reminders for each recipient; returns how many were new."""
        queued = 0
        meeting = hashlib.sha256(str(row["uid"]).encode()).hexdigest()[:24]
        for chat_id, lead, zone, preferences in self._recipients(row):
            alarms = preferences.event_alarms
            for due in due_reminders(row["ical"], now, lead, zone, alarms=alarms):
                occurrence = f"{due.start.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
                # By the meeting (its UID), not the copy: an invitee is reminded by the
                # organizer's event and by their own copy of it, once.
                key = f"reminder:{meeting}:{occurrence}:{chat_id}"
                if due.from_alarm:  # each of the event's alarms is sent once
                    key += f":{int((due.start - due.remind_at).total_seconds() // 60)}"
                send_at = None
                if preferences.quiet_reminders == "hold":
                    send_at = quiet_until(now, preferences.quiet, zone)
                    if send_at is not None and send_at >= due.start:
                        continue  # held past the start: a reminder no longer helps
                minutes = max(int((due.start - (send_at or now)).total_seconds() // 60), 0)
                payload = {
                    "summary": due.summary,
                    "location": due.location,
                    "start": due.start.isoformat(),
                    "end": None,
                    "in": f"in {minutes} minutes" if minutes else "now",
                }
                event_id = row["event_id"]
                if self.queue.enqueue(
                    key, chat_id, "reminder", event_id, payload, due_at=send_at,
                    channel=REMINDERS,
                ):  # fmt: skip
                    queued += 1
        return queued

    def _candidates(self, low: int, high: int) -> list[dict[str, Any]]:
        with self.app.views.read() as db:
            return db.all(
                "SELECT o.event_id, o.uid, o.ical, o.calendar_id, c.account_id "
                "FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id "
                # a subscribed feed's events remind only if its subscriber turned that on
                "LEFT JOIN feed_subscriptions f ON f.calendar_id = o.calendar_id "
                "WHERE o.component = 'VEVENT' AND o.range_start <= ? "
                "AND (f.reminders IS NULL OR f.reminders = 1) "
                "AND (o.range_end IS NULL OR o.range_end >= ?)",
                (high, low),
            )

    def _recipients(
        self, row: dict[str, Any]
    ) -> list[tuple[int, dt.timedelta, dt.tzinfo, Preferences]]:
        """The owner (unless it is their copy of a meeting they declined), and every Televent
        user invited who has not declined; for a Telegram group's calendar, the group itself
        when its reminders are on and the bot is there (docs/adr/0018: its members answer on
        the group's cards, not as invited users)."""
        with self.app.views.read() as db:
            group = db.one(
                "SELECT g.chat_id, g.reminders, g.present, a.timezone FROM group_chats g "
                "LEFT JOIN accounts a ON a.account_id = g.owner_id WHERE g.calendar_id = ?",
                (str(row.get("calendar_id")),),
            )
            if group is not None:
                return self._group_recipients(db, row, group)
            owner = db.one(
                "SELECT telegram_id, reminder_minutes, timezone, preferences FROM accounts "
                "WHERE account_id = ?",
                (row["account_id"],),
            )
            invited = db.all(
                "SELECT a.telegram_id, a.reminder_minutes, a.timezone, a.preferences, i.address "
                "FROM telegram_invitations i JOIN accounts a ON a.account_id = i.account_id "
                "WHERE i.event_id = ?",
                (row["event_id"],),
            )
            declined = {
                r["address"]
                for r in db.all(
                    "SELECT address FROM attendees WHERE event_id = ? AND partstat = ?",
                    (row["event_id"], PartStat.DECLINED.value),
                )
            }
        people = [owner] if owner is not None and not self._declined(owner, declined) else []
        people += [p for p in invited if p["address"] not in declined]
        return _by_preferences(people)

    def _declined(self, owner: dict[str, Any], declined: set[str]) -> bool:
        """Whether the calendar's owner declined this meeting: it is their copy of someone
        else's invitation, and one of the addresses that declined is theirs."""
        for address in declined:
            account = self.app.queries.account_for_address(address, self.app.internal_domain)
            if account is not None and account.telegram_id == owner["telegram_id"]:
                return True
        return False

    def _group_recipients(
        self, db: Sql, row: dict[str, Any], group: dict[str, Any]
    ) -> list[tuple[int, dt.timedelta, dt.tzinfo, Preferences]]:
        """A group event's reminders: the group, when its reminders are on and the bot is
        there, and each attendee who answered yes or maybe and joined the group's calendar, by
        their own preferences (docs/adr/0018). Joining is their consent: an attendee the
        calendar's owner merely wrote into an event gets nothing."""
        found = []
        if group["reminders"] and group["present"]:
            lead = dt.timedelta(minutes=DEFAULT_REMINDER_MINUTES)
            zone = _zone({"timezone": group["timezone"] or "UTC"})
            found.append((int(group["chat_id"]), lead, zone, Preferences()))
        people = []
        for attendee in db.all(
            "SELECT address FROM attendees WHERE event_id = ? AND partstat IN (?, ?)",
            (row["event_id"], PartStat.ACCEPTED.value, PartStat.TENTATIVE.value),
        ):
            telegram_id = telegram_id_of(attendee["address"], self.app.internal_domain)
            person = (
                None
                if telegram_id is None
                else db.one(
                    "SELECT a.telegram_id, a.reminder_minutes, a.timezone, a.preferences "
                    "FROM accounts a JOIN calendar_members m ON m.account_id = a.account_id "
                    "WHERE a.telegram_id = ? AND m.calendar_id = ? AND m.status = ?",
                    (telegram_id, str(row["calendar_id"]), Status.ACTIVE.value),
                )
            )
            if person is not None:
                people.append(person)
        return found + _by_preferences(people)


def _by_preferences(
    people: list[dict[str, Any]],
) -> list[tuple[int, dt.timedelta, dt.tzinfo, Preferences]]:
    """Each person's reminder lead, zone and preferences (those who turned reminders off
    left out)."""
    found = []
    for person in people:
        minutes = int(person["reminder_minutes"])
        if minutes > 0:  # 0: the person turned reminders off
            lead = dt.timedelta(minutes=minutes)
            found.append((int(person["telegram_id"]), lead, _zone(person), preferences_of(person)))
    return found


def _zone(person: dict[str, Any]) -> dt.tzinfo:
    return zone_or_utc(person["timezone"])
