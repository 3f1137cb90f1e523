"""Before a person is erased, the meetings they organise are called off (GDPR Art. 17).

Without this, everyone they invited would keep a meeting that silently never happens: the
erasure makes the organizer's events unreadable, so no later change could ever reach the
attendees. Which meetings are called off is recorded in the log first
(`Account.MeetingsCalledOff`, application/farewells.py, readable after the erasure); then each
meeting that is not over and has attendees is deleted through the ordinary command, so the
delivery projections queue what any deletion queues: an iTIP CANCEL (RFC 5546 §3.2.5) to each
external attendee and a Telegram notice to each Televent attendee.

Those messages name the person and the event, so the erasure's purge spares them while they
wait; the email queue deletes each as soon as it is sent or given up (MailQueue settles it),
and `release` deletes the others once delivered or given up, and after `KEPT_DAYS` whatever
happened (no mail relay configured, a bot that is off), so nothing outlives the erasure by
more than a few days. That bookkeeping of queue rows is delivery/erasure.py's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from televent.application.televent import Televent
from televent.delivery.erasure import KEPT_DAYS, keep_farewells, release_farewells
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.values import normalize_address
from televent.projections.directory_reader import AccountView

__all__ = ["KEPT_DAYS", "CalledOff", "Farewells"]


@dataclass(frozen=True)
class CalledOff:
    """What calling off a person's meetings did."""

    meetings: int
    messages: int


class Farewells:
    """Calls off an erased person's meetings and keeps the messages that say so until sent."""

    def __init__(self, app: Televent) -> None:
        self.app = app

    def call_off_meetings(
        self, account: AccountView, addresses: list[str], *, actor: str, source: str
    ) -> CalledOff:
        """Delete every meeting the person organises that is not over and has attendees."""
        head = self.app.recorder.max_notification_id() or 0
        meetings = self._meetings(account, {normalize_address(a) for a in addresses})
        self.app.record_meetings_called_off(
            account.account_id, meetings, actor=actor, source=source
        )
        for event_id in meetings:
            self.app.delete_event(event_id, actor=actor, source=source)
        kept = keep_farewells(self.app.views, meetings, head, self.app.clock().isoformat())
        return CalledOff(len(meetings), kept)

    def _meetings(self, account: AccountView, own: set[str]) -> list[UUID]:
        now = int(self.app.clock().timestamp())
        with self.app.views.read() as db:
            rows = db.all(
                "SELECT o.event_id, o.ical FROM calendar_objects o "
                "JOIN calendars c ON c.calendar_id = o.calendar_id "
                "WHERE c.account_id = ? AND (o.range_end IS NULL OR o.range_end >= ?) "
                "AND EXISTS (SELECT 1 FROM attendees a WHERE a.event_id = o.event_id) "
                "ORDER BY o.position",
                (str(account.account_id), now),
            )
        meetings = []
        for row in rows:
            facts = facts_of(parse_calendar_object(str(row["ical"])))
            organizer = facts.get("organizer")
            others = {a["address"] for a in facts["attendees"]} - own
            if (organizer is None or organizer in own) and others:
                meetings.append(UUID(str(row["event_id"])))
        return meetings

    def release(self) -> int:
        """Delete the kept messages that were delivered or given up, or kept too long;
        returns how many rows went."""
        cutoff = (self.app.clock() - dt.timedelta(days=KEPT_DAYS)).isoformat()
        return release_farewells(self.app.views, cutoff)
