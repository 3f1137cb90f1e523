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

The scan reads the occurrence index (docs/adr/0030): what starts in the next week, across
every calendar, with each occurrence's title, location, status and own alarms, without parsing
(`indexed_due`); only the events the index leaves to readers (odd data) are parsed and
expanded (`due_reminders`). One event whose data cannot be read or expanded never stops the
scan: it is skipped, logged with its id and counted (`ReminderScheduler.failed`), and every
other event's reminders are queued as usual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import icalendar

from televent.application.televent import Televent
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.calendar_reading import read_calendar
from televent.domain.content_lines import encode_utc
from televent.domain.event_alarms import alarm_moments, alarms_of, is_silent, reminders_of
from televent.domain.event_times import component_times
from televent.domain.occurrences import Occurrences
from televent.domain.preferences import Preferences, quiet_until
from televent.domain.sharing import Status
from televent.domain.values import DEFAULT_REMINDER_MINUTES, PartStat, telegram_id_of
from televent.domain.zones import zone_or_utc
from televent.projections.directory_reader import preferences_of
from televent.projections.occurrences_reader import IndexedOccurrence
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
    ical: str | icalendar.Calendar | Occurrences,
    now: dt.datetime,
    lead: dt.timedelta,
    zone: dt.tzinfo,
    *,
    alarms: bool = True,
) -> Iterator[Due]:
    """Occurrences of the object starting after `now` whose reminder moment is at or before
    `now` (floating times are read in `zone`); without `alarms`, VALARMs are ignored. The
    object is its body, the body already parsed (the expansion repairs broken dates in it in
    place, the same each time), or its expansion, asked at many moments (its series read
    once)."""
    if isinstance(ical, Occurrences):
        expansion = ical
    else:
        calendar = read_calendar(ical) if isinstance(ical, str) else ical
        expansion = Occurrences(calendar)
    window_end = now + max(lead, dt.timedelta(0)) + LOOK_AHEAD
    for component in expansion.between(now, window_end):
        if component.name != "VEVENT" or str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = component["DTSTART"].dt
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(9), tzinfo=zone)  # all day: 9:00 local
        elif start.tzinfo is None:
            start = start.replace(tzinfo=zone)
        if start <= now:
            continue
        silent = any(is_silent(alarm) for alarm in alarms_of(component))
        end = start + _length(component)
        moments = alarm_moments(reminders_of(component), silent, start, end) if alarms else None
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


def indexed_due(
    occurrence: IndexedOccurrence,
    now: dt.datetime,
    lead: dt.timedelta,
    zone: dt.tzinfo,
    *,
    alarms: bool = True,
) -> Due | None:
    """What `due_reminders` finds for one occurrence the occurrence index holds, read from its
    fields without parsing: its reminder when it starts after `now` and its moment has come."""
    fields = occurrence.fields
    if fields.get("status") == "CANCELLED":
        return None
    start, end = _placed(occurrence.start, zone), _placed(occurrence.end, zone)
    if start <= now or start > now + max(lead, dt.timedelta(0)) + LOOK_AHEAD:
        return None
    silent = bool(fields.get("silent"))
    own = fields.get("reminders")
    moments = alarm_moments(own, silent, start, max(start, end)) if alarms else None
    due = [m for m in (moments if moments is not None else [start - lead]) if m <= now]
    if not due:
        return None
    title = str(fields.get("title") or "")
    return Due(
        start, max(due), title or "(no title)", fields.get("location"),
        from_alarm=moments is not None,
    )  # fmt: skip


def _placed(text: str, zone: dt.tzinfo) -> dt.datetime:
    """A stored start or end as the reminder counts it: a floating time in `zone`, a date at
    9:00 there."""
    if len(text) == 10:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(9), tzinfo=zone)
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


# Who is reminded of an event: a chat, its lead time, its zone and its preferences
Recipient = tuple[int, dt.timedelta, dt.tzinfo, Preferences]


@dataclass(frozen=True)
class _Known:
    """What the scan read to decide its events' recipients (ReminderScheduler._known)."""

    groups: dict[str, dict[str, Any]]  # by calendar
    accounts: dict[str, dict[str, Any]]  # by account
    invited: dict[str, list[dict[str, Any]]]  # by event
    answers: dict[str, list[tuple[str, str]]]  # by event: (address, PARTSTAT)
    members: dict[tuple[str, int], dict[str, Any]]  # by (calendar, Telegram id)


# What an event's due reminders are for one recipient (lead time, zone, whether event alarms
# count): read from the index, or parsed from the body the index leaves to readers.
Expand = Callable[[dt.timedelta, dt.tzinfo, bool], Iterable[Due]]
_CHUNK = 500  # ids per IN (...)


def _indexed_dues(occurrences: list[IndexedOccurrence], now: dt.datetime) -> Expand:
    def dues(lead: dt.timedelta, zone: dt.tzinfo, alarms: bool) -> Iterator[Due]:
        for occurrence in occurrences:
            due = indexed_due(occurrence, now, lead, zone, alarms=alarms)
            if due is not None:
                yield due

    return dues


def _parsed_dues(ical: str, now: dt.datetime) -> Expand:
    def dues(lead: dt.timedelta, zone: dt.tzinfo, alarms: bool) -> Iterator[Due]:
        return due_reminders(ical, now, lead, zone, alarms=alarms)

    return dues


def _length(component: Any) -> dt.timedelta:
    """How long the occurrence lasts (for an alarm relative to its end)."""
    start, end = component_times(component)
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        return dt.timedelta(0)
    length = end - start  # type: ignore[operator]
    return length if isinstance(length, dt.timedelta) else dt.timedelta(0)


class ReminderScheduler:
    """Finds due reminders in the occurrence index (docs/adr/0030) and queues them; only the
    events the index leaves to readers are parsed and expanded here."""

    def __init__(self, app: Televent, queue: DeliveryQueue) -> None:
        self.app = app
        self.queue = queue
        self.failed: list[str] = []  # the events the last scan had to skip

    def run_once(self, now: dt.datetime) -> int:
        """Queue every reminder due at `now`; returns how many were new. An event that fails
        is skipped (logged, and listed in `failed`) and the scan goes on with the others."""
        queued = 0
        failed: list[str] = []
        window = self.app.queries.starting_between(now, now + LOOK_AHEAD)
        listed: dict[UUID, list[IndexedOccurrence]] = {}
        for occurrence in window.occurrences:
            listed.setdefault(occurrence.event_id, []).append(occurrence)
        calendars = self._calendars({o.calendar_id for o in window.occurrences})
        work: list[tuple[dict[str, Any], Expand]] = []
        for event_id, occurrences in listed.items():
            calendar = calendars.get(occurrences[0].calendar_id)
            if calendar is not None:
                row = {"event_id": str(event_id), "uid": occurrences[0].uid, **calendar}
                work.append((row, _indexed_dues(occurrences, now)))
        low, high = int(now.timestamp()), int((now + LOOK_AHEAD).timestamp())
        for row in self._expanded(window.on_read, low, high):
            work.append((row, _parsed_dues(str(row["ical"]), now)))
        known = self._known([row for row, _ in work])
        for row, dues in work:
            try:
                queued += self._queue_event(row, self._recipients(row, known), dues, now)
            except Exception:  # one event's odd data never stops anyone else's reminders
                LOG.exception("Reminder scan: skipped event %s", row.get("event_id"))
                failed.append(str(row.get("event_id")))
        self.failed = failed
        if failed:
            LOG.warning("Reminder scan at %s skipped %d event(s)", now.isoformat(), len(failed))
        return queued

    def _queue_event(
        self, row: dict[str, Any], recipients: list[Recipient], dues: Expand, now: dt.datetime
    ) -> int:
        """Queue the event's due reminders for each recipient; returns how many were new."""
        queued = 0
        meeting = hashlib.sha256(str(row["uid"]).encode()).hexdigest()[:24]
        for chat_id, lead, zone, preferences in recipients:
            alarms = preferences.event_alarms
            for due in dues(lead, zone, alarms):
                occurrence = encode_utc(due.start)
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

    def _calendars(self, ids: set[UUID]) -> dict[UUID, dict[str, Any]]:
        """Whose each calendar is, for those whose events remind (a subscribed feed's only
        if its subscriber turned that on)."""
        with self.app.views.read() as db:
            rows = _chunked(
                db,
                "SELECT c.calendar_id, c.account_id FROM calendars c "
                "LEFT JOIN feed_subscriptions f ON f.calendar_id = c.calendar_id "
                "WHERE c.calendar_id IN ({}) AND (f.reminders IS NULL OR f.reminders = 1)",
                sorted(str(i) for i in ids),
            )
        return {
            UUID(str(row["calendar_id"])): {
                "calendar_id": str(row["calendar_id"]),
                "account_id": row["account_id"],
            }
            for row in rows
        }

    def _expanded(self, ids: set[UUID], low: int, high: int) -> list[dict[str, Any]]:
        """The stored bodies of the events the index leaves to readers, among those that may
        remind between `low` and `high`."""
        with self.app.views.read() as db:
            return _chunked(
                db,
                "SELECT o.event_id, o.uid, o.ical, o.calendar_id, c.account_id "
                "FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id "
                "LEFT JOIN feed_subscriptions f ON f.calendar_id = o.calendar_id "
                "WHERE o.event_id IN ({}) "
                "AND o.component = 'VEVENT' AND o.range_start <= ? "
                "AND (f.reminders IS NULL OR f.reminders = 1) "
                "AND (o.range_end IS NULL OR o.range_end >= ?)",
                sorted(str(i) for i in ids),
                (high, low),
            )

    def _known(self, rows: list[dict[str, Any]]) -> _Known:
        """What deciding the events' recipients needs, read for all of them at once (a
        handful of queries, not a few per event)."""
        events = sorted({str(r["event_id"]) for r in rows})
        calendars = sorted({str(r["calendar_id"]) for r in rows})
        owners = sorted({str(r["account_id"]) for r in rows})
        with self.app.views.read() as db:
            groups = {
                str(g["calendar_id"]): g
                for g in _chunked(
                    db,
                    "SELECT g.calendar_id, g.chat_id, g.reminders, g.present, a.timezone "
                    "FROM group_chats g LEFT JOIN accounts a ON a.account_id = g.owner_id "
                    "WHERE g.calendar_id IN ({})",
                    calendars,
                )
            }
            accounts = {
                str(a["account_id"]): a
                for a in _chunked(
                    db,
                    "SELECT account_id, telegram_id, reminder_minutes, timezone, preferences "
                    "FROM accounts WHERE account_id IN ({})",
                    owners,
                )
            }
            invited: dict[str, list[dict[str, Any]]] = {}
            for person in _chunked(
                db,
                "SELECT i.event_id, a.telegram_id, a.reminder_minutes, a.timezone, "
                "a.preferences, i.address FROM telegram_invitations i "
                "JOIN accounts a ON a.account_id = i.account_id WHERE i.event_id IN ({})",
                events,
            ):
                invited.setdefault(str(person["event_id"]), []).append(person)
            answers: dict[str, list[tuple[str, str]]] = {}
            for answer in _chunked(
                db,
                "SELECT event_id, address, partstat FROM attendees WHERE event_id IN ({}) "
                "AND partstat IN (?, ?, ?)",
                events,
                (PartStat.DECLINED.value, PartStat.ACCEPTED.value, PartStat.TENTATIVE.value),
            ):
                answers.setdefault(str(answer["event_id"]), []).append(
                    (str(answer["address"]), str(answer["partstat"]))
                )
            members = {
                (str(m["calendar_id"]), int(m["telegram_id"])): m
                for m in _chunked(
                    db,
                    "SELECT m.calendar_id, a.telegram_id, a.reminder_minutes, a.timezone, "
                    "a.preferences FROM accounts a "
                    "JOIN calendar_members m ON m.account_id = a.account_id "
                    "WHERE m.calendar_id IN ({}) AND m.status = ?",
                    sorted(groups),
                    (Status.ACTIVE.value,),
                )
            }
        return _Known(groups, accounts, invited, answers, members)

    def _recipients(self, row: dict[str, Any], known: _Known) -> list[Recipient]:
        """The owner (unless it is their copy of a meeting they declined), and every Televent
        user invited who has not declined; for a Telegram group's calendar, the group itself
        when its reminders are on and the bot is there (docs/adr/0018: its members answer on
        the group's cards, not as invited users)."""
        event_id, calendar_id = str(row["event_id"]), str(row["calendar_id"])
        said = known.answers.get(event_id, [])
        group = known.groups.get(calendar_id)
        if group is not None:
            return self._group_recipients(calendar_id, group, said, known.members)
        declined = {address for address, answer in said if answer == PartStat.DECLINED.value}
        owner = known.accounts.get(str(row["account_id"]))
        people = [owner] if owner is not None and not self._declined(owner, declined) else []
        people += [p for p in known.invited.get(event_id, []) if p["address"] not in declined]
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
        self,
        calendar_id: str,
        group: dict[str, Any],
        answers: list[tuple[str, str]],
        members: dict[tuple[str, int], dict[str, Any]],
    ) -> list[Recipient]:
        """A group event's reminders: the group, when its reminders are on and the bot is
        there, and each attendee who answered yes or maybe and joined the group's calendar, by
        their own preferences (docs/adr/0018). Joining is their consent: an attendee the
        calendar's owner merely wrote into an event gets nothing."""
        found: list[Recipient] = []
        if group["reminders"] and group["present"]:
            lead = dt.timedelta(minutes=DEFAULT_REMINDER_MINUTES)
            zone = _zone({"timezone": group["timezone"] or "UTC"})
            found.append((int(group["chat_id"]), lead, zone, Preferences()))
        people = []
        for address, partstat in answers:
            if partstat not in (PartStat.ACCEPTED.value, PartStat.TENTATIVE.value):
                continue
            telegram_id = telegram_id_of(address, self.app.internal_domain)
            person = None if telegram_id is None else members.get((calendar_id, telegram_id))
            if person is not None:
                people.append(person)
        return found + _by_preferences(people)


def _chunked(
    db: Sql, sql: str, ids: list[str], extra: tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    """The rows of `sql` (its `{}` the marks of an IN list) for every id, _CHUNK at a time."""
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows += db.all(sql.format(", ".join("?" for _ in chunk)), (*chunk, *extra))
    return rows


def _by_preferences(people: list[dict[str, Any]]) -> list[Recipient]:
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
