"""The morning agenda: once a day, at the local time a person chose, the day's events.

The time is stored as a local wall time plus the person's IANA zone (their account's time
zone, so `/timezone` moves it along); each day's moment is computed on that date
(domain/preferences.py: `agenda_window`), so it stays at 07:30 local across daylight-saving
changes, a moment in the spring-forward gap comes at the first instant after it, and one the
fall-back repeats comes once, at its first occurrence.

The agenda is queued, not sent, here, under the key `agenda:<account>:<local date>`: however
often the job runs, in however many processes, and after a restart in the middle of the hour,
one row per person and local day exists (the key is the queue's primary key). A run missed
while no process was up is made up for until local noon (or an hour after the chosen time
when that is later), never on another day. A day without events is recorded as a skipped row
(so adding an event later that day sends no late agenda), unless the person asked for empty
days too. It goes where the person chose (`channels`: Telegram, their linked email, or both;
projections/notifications.py), decided once with the row.

What it lists is what the bot's listings show (projections/agenda_reader.py): recurring
events occurrence by occurrence, invitations awaiting an answer flagged (the sender adds the
answer buttons), overlapping timed events marked as conflicts. One event that cannot be read
is left out and counted; one person whose agenda cannot be made at all is logged and skipped
(`MorningAgenda.failed`), and everyone else's goes out.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from televent.application.televent import Televent
from televent.delivery.telegram_queue import SKIPPED, DeliveryQueue
from televent.domain.preferences import agenda_day_due, day_bounds
from televent.domain.values import PartStat
from televent.domain.zones import zone_or_utc
from televent.projections.agenda_reader import AgendaReader, Occurrence, sort_key
from televent.projections.queries import AccountView

LOG = logging.getLogger(__name__)
AGENDA_KIND = "agenda"
AWAITING = (PartStat.NEEDS_ACTION.value,)


def agenda_key(account: AccountView, day: dt.date) -> str:
    """The queue key of one person's agenda for one local date."""
    return f"{AGENDA_KIND}:{account.account_id}:{day.isoformat()}"


class MorningAgenda:
    """Queues each person's morning agenda when its local moment has come."""

    def __init__(self, app: Televent, queue: DeliveryQueue) -> None:
        self.app = app
        self.queue = queue
        self.reader = AgendaReader(app.queries, app.internal_domain)
        self.failed: list[int] = []  # Telegram ids whose agenda the last run could not make

    def run_once(self, now: dt.datetime) -> int:
        """Queue every agenda due at `now`; returns how many rows were new."""
        queued = 0
        failed: list[int] = []
        for account in self.app.queries.agenda_subscribers():
            try:
                queued += self._queue_for(account, now)
            except Exception:  # one person's odd data never stops anyone else's agenda
                LOG.exception("Morning agenda: skipped Telegram user %s", account.telegram_id)
                failed.append(account.telegram_id)
        self.failed = failed
        return queued

    def _queue_for(self, account: AccountView, now: dt.datetime) -> int:
        at = account.preferences.agenda
        if at is None:
            return 0
        zone = zone_or_utc(account.timezone)
        day = agenda_day_due(now, at, zone)
        if day is None:
            return 0
        key = agenda_key(account, day)
        if self.queue.exists(key):
            return 0  # made already (by this process, another one, or before a restart)
        payload = self.agenda(account, day, zone)
        empty = not payload["items"] and not payload["unreadable"]
        skip = empty and not account.preferences.agenda_empty_days
        status = SKIPPED if skip else None
        new = self.queue.enqueue(
            key, account.telegram_id, AGENDA_KIND, None, payload, status=status, channel="agenda"
        )
        return int(new)

    def agenda(self, account: AccountView, day: dt.date, zone: dt.tzinfo) -> dict[str, Any]:
        """What the agenda of local date `day` shows (JSON values, rendered when sent)."""
        start, end = day_bounds(day, zone)
        listing = self.reader.listing(account, start, end)
        shown = [o for o in listing.occurrences if not o.cancelled]
        conflicts = _conflicts(shown, zone)
        items = []
        for index, occurrence in enumerate(shown):
            items.append(
                {
                    "event_id": str(occurrence.event_id),
                    "summary": occurrence.summary,
                    "start": _moment(occurrence.start, zone),
                    "end": None if occurrence.end is None else _moment(occurrence.end, zone),
                    "all_day": occurrence.all_day,
                    "location": occurrence.location,
                    "recurring": occurrence.recurring,
                    "awaiting": occurrence.my_answer in AWAITING,
                    "answer": occurrence.my_answer,
                    "conflict": index in conflicts,
                }
            )
        return {
            "date": day.isoformat(),
            "timezone": account.timezone,
            "items": items,
            "unreadable": len(listing.unreadable),
        }


def _conflicts(occurrences: list[Occurrence], zone: dt.tzinfo) -> set[int]:
    """The indexes of timed occurrences that overlap another one (all-day ones never do)."""
    spans = []
    for index, occurrence in enumerate(occurrences):
        if occurrence.all_day or not isinstance(occurrence.start, dt.datetime):
            continue
        begin = sort_key(occurrence.start, zone)
        finish = sort_key(occurrence.end, zone) if occurrence.end is not None else begin
        spans.append((begin, max(finish, begin), index))
    spans.sort()
    found: set[int] = set()
    latest_end: dt.datetime | None = None
    latest_index = -1
    for begin, finish, index in spans:
        if latest_end is not None and begin < latest_end:
            found.update((index, latest_index))
        if latest_end is None or finish > latest_end:
            latest_end, latest_index = finish, index
    return found


def _moment(value: dt.datetime | dt.date, zone: dt.tzinfo) -> str:
    """An ISO form: a date stays a date; a floating time is read in the person's zone."""
    if isinstance(value, dt.datetime):
        return sort_key(value, zone).isoformat()
    return value.isoformat()
