"""The Telegram delivery queue, fed by the log: invitation cards, answers, cancellations.

Whatever adapter made the change (the bot's /invite, a CalDAV PUT naming
`tg_<id>@<internal domain>` or a linked email, an email invitation), the domain events are the
same, so one projection decides who is told what:

- an invited Televent user gets a card (new invitation), and a new card whenever the event's
  SEQUENCE goes up (a significant change, RFC 5546 §2.1.4); removed attendees are told;
- everyone invited is told when the event is cancelled or deleted;
- the organizer (the calendar's owner) is told of every answer someone else gave;
- the owner of a booking link is told when someone books it, and when the visitor cancels or
  moves the booking through their manage link (Schedule events, domain/schedule.py; the texts
  show the time in the owner's zone when sent);
- a Televent user invited to someone's calendar (Calendar.MemberInvited, domain/sharing.py)
  gets a card to add it or decline it, unless the invitation was answered or withdrawn by the
  time the row is decided (a catch-up batch reads the members as they are now); the owner is
  told when the invitee accepts or declines;
- every card of the event posted in a chat through the bot's inline mode is edited when the
  event changes (inline_card_edits.py);
- only scheduling objects are announced (`domain.scheduling.scheduling_role`): the owner's
  own meeting tells its Televent attendees, the owner's copy of a meeting organised elsewhere
  tells the owner; an imported event with attendees and no ORGANIZER tells nobody.

The recipient's preferences (domain/preferences.py, read from the directory) are applied
here, when a row is made: messages about invitations from a source they turned off (meetings
organised in Televent, or invitations received by email) and answers they do not want to hear
of (`organizer_notices`: all, declines, none) get no row at all, and a message whose moment
falls in their quiet hours gets the end of the quiet hours (in their zone) as its due time.
Deciding when the row is made keeps the queue a plain record of what will be sent; a change of
preferences applies to messages from then on (rows already queued are not revisited). The
notices in `MAIL_NOTICE_KINDS` go out on the channels the person chose for notices (Telegram,
their linked email, or both: notifications.py queues the mail copies in the same transaction).

Rows are written in the transaction that appends the events, so nothing is sent inside a
command and nothing is lost if the process dies before sending. The key of each row names the
kind, the event, the recipient and the revision, so the same card is never queued twice. The
queue is not rebuildable: replaying it would send every message again (ADR 0007).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.preferences import Preferences, quiet_until
from televent.domain.scheduling import ATTENDEE_ROLE, ORGANIZER_ROLE
from televent.domain.sharing import Status
from televent.domain.zones import zone_or_utc
from televent.projections.base import (
    EventChanges,
    QueueProjection,
    handles,
    organized_in_televent,
    stamp,
)
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.directory_reader import preferences_of
from televent.projections.inline_card_edits import queue_card_edits
from televent.projections.notifications import Notification, queue_notification
from televent.projections.sql import Sql

# `stamp` is the queues' one form of a moment (delivery/ and the iMIP inbox import it here).
__all__ = [
    "BOOKED",
    "BOOKING_CANCELLED",
    "BOOKING_MOVED",
    "CALENDAR_INVITATION",
    "MAIL_NOTICE_KINDS",
    "PENDING",
    "SHARE_ACCEPTED",
    "SHARE_DECLINED",
    "STATUS_CANCELLED",
    "WEBHOOK_PAUSED",
    "WRITE_BACK_OVERRULED",
    "TelegramDeliveryProjection",
    "stamp",
]

PENDING = "pending"
# The owner's messages about bookings of their links (rendered by the bot, in their zone).
BOOKED = "booked"
BOOKING_CANCELLED = "booking_cancelled"
BOOKING_MOVED = "booking_moved"
STATUS_CANCELLED = "CANCELLED"
# Sharing a calendar (domain/sharing.py): the invitee's card, and the owner's notices of the
# answer. Their rows carry the calendar's id in `event_id`; names are read when sent.
CALENDAR_INVITATION = "calendar_invitation"
SHARE_ACCEPTED = "share_accepted"
SHARE_DECLINED = "share_declined"
WRITE_BACK_OVERRULED = "write_back_overruled"  # a change lost to a connected account's version
WEBHOOK_PAUSED = "webhook_paused"  # a webhook's deliveries kept failing (docs/adr/0029)
# The notices that also go by mail when the person chose email for notices (domain/preferences
# `channels`): about their events (invitations new, updated, cancelled, withdrawn; answers to
# their meetings) and the bookings of their links. Calendar invitations, COUNTER proposals
# (answered with buttons) and reports of undeliverable mail stay in Telegram.
NOTICES = "notices"
MAIL_NOTICE_KINDS = frozenset(
    {
        "invitation", "invitation_update", "cancelled", "uninvited", "rsvp",
        BOOKED, BOOKING_CANCELLED, BOOKING_MOVED,
    }
)  # fmt: skip


@dataclass
class _EventChanges(EventChanges):
    """What one transaction (or catch-up batch) did to one calendar event."""

    facts: dict[str, Any] | None = None
    deleted: bool = False
    may_have_dropped: bool = False  # attendees removed, cancelled or deleted: look at the rows
    answers: list[dict[str, Any]] = field(default_factory=list)
    forced: set[str] = field(default_factory=set)  # SCHEDULE-FORCE-SEND=REQUEST addresses
    # Sharing: (kind, member account id, role or None, log position) per Calendar event, in
    # log order (these changes are keyed by the calendar's id, not a calendar event's).
    sharing: list[tuple[str, str, str | None, int]] = field(default_factory=list)


class TelegramDeliveryProjection(QueueProjection[_EventChanges]):
    """Queues the Telegram messages that domain events call for (see the module docstring)."""

    name = "telegram_delivery"
    tables = ("telegram_outbox", "telegram_invitations")
    rebuildable = False

    def new_changes(self, owner: str) -> _EventChanges:
        """An empty record of one event's changes."""
        return _EventChanges(owner)

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS)
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        changes = self.changes(db, event, position)
        kind = type(event).__name__
        if kind in ("AttendeeRemoved", "EventCancelled"):
            changes.may_have_dropped = True
        if kind == "RsvpGiven":
            changes.answers.append(
                {
                    "address": event.address,
                    "partstat": event.partstat,
                    "recurrence_id": event.recurrence_id,
                    "actor": event.actor,
                    "position": position,
                }
            )
        if event.facts is not None:
            changes.facts = event.facts
            changes.deleted = False

    @handles("CalendarEvent.SchedulingForced")
    def _forced(self, db: Sql, event: Any, position: int) -> None:
        if event.method == "REQUEST":
            self.changes(db, event, position).forced.update(event.addresses)

    @handles("CalendarEvent.EventDeleted")
    def _deleted(self, db: Sql, event: Any, position: int) -> None:
        changes = self.changes(db, event, position)
        changes.deleted = changes.may_have_dropped = True

    # --- bookings of the owner's links (Schedule aggregate, domain/schedule.py) -------------

    @handles("Schedule.Booked")
    def _booked(self, db: Sql, event: Any, position: int) -> None:
        booking = event.booking
        payload = {
            **_booking_payload(booking),
            "email": booking.get("email"),
            "answers": self._answers(db, booking),
        }
        self._tell_owner(db, event, position, BOOKED, booking, payload, key=booking["booking_id"])

    @handles("Schedule.BookingCancelled")
    def _booking_cancelled(self, db: Sql, event: Any, position: int) -> None:
        booking = self._booking(db, event.booking_id)
        if booking is None:
            return
        payload = {**_booking_payload(booking), "reason": event.reason or None}
        self._tell_owner(
            db, event, position, BOOKING_CANCELLED, booking, payload, key=event.booking_id
        )

    @handles("Schedule.BookingRescheduled")
    def _booking_moved(self, db: Sql, event: Any, position: int) -> None:
        booking = self._booking(db, event.booking_id)
        if booking is None:
            return
        payload = {**_booking_payload({**booking, **event.times})}
        shown = self._last_shown(db, str(booking["event_id"]))
        if shown is not None and shown.get("start") != event.times["start"]:
            payload.update(old_start=shown.get("start"), old_end=shown.get("end"))
        self._tell_owner(
            db, event, position, BOOKING_MOVED, booking, payload,
            key=f"{event.booking_id}:{position}",
        )  # fmt: skip

    def _tell_owner(  # noqa: PLR0917 - internal, one shape for the three messages
        self,
        db: Sql,
        event: Any,
        position: int,
        kind: str,
        booking: dict[str, Any],
        payload: dict[str, Any],
        *,
        key: str,
    ) -> None:
        """Queue a message about a booking for the link's owner (quiet hours apply; the key
        makes it once per booking, or per move)."""
        changes = _EventChanges(str(event.account_id), position, event.timestamp)
        if _ended_before({"range_end": _epoch(payload.get("end"))}, changes.epoch):
            return  # a replayed batch: nobody needs news of a booking that is over
        self._enqueue(
            db, f"{kind}:{key}", changes.owner, kind, str(booking.get("event_id") or ""),
            payload, changes,
        )  # fmt: skip

    def _booking(self, db: Sql, booking_id: str) -> dict[str, Any] | None:
        """A booking as the bookings read model holds it (its first form, with the current
        times)."""
        row = db.one(
            "SELECT event_id, start_at, end_at, data FROM bookings WHERE booking_id = ?",
            (booking_id,),
        )
        if row is None:
            return None
        stored: dict[str, Any] = json.loads(row["data"] or "{}")
        return {
            **stored,
            "event_id": row["event_id"],
            "start": row["start_at"],
            "end": row["end_at"],
        }

    def _answers(self, db: Sql, booking: dict[str, Any]) -> list[list[str]]:
        """The visitor's answers as [question, answer] pairs (the link's labels)."""
        answers = booking.get("answers") or {}
        if not answers:
            return []
        data = db.scalar("SELECT data FROM booking_links WHERE slug = ?", (booking["slug"],))
        questions = json.loads(data).get("questions", []) if data else []
        labels = {q["id"]: q["label"] for q in questions if isinstance(q, dict) and "id" in q}
        return [[labels.get(k, k), str(v)] for k, v in answers.items() if str(v).strip()]

    def _last_shown(self, db: Sql, event_id: str) -> dict[str, Any] | None:
        """The times the owner's last message about this booking showed."""
        row = db.one(
            f"SELECT payload FROM {self.t['telegram_outbox']} WHERE event_id = ? "
            "AND kind IN (?, ?) ORDER BY created_position DESC LIMIT 1",
            (event_id, BOOKED, BOOKING_MOVED),
        )
        return None if row is None else dict(json.loads(row["payload"]))

    # --- calendars shared with people (Calendar aggregate, domain/sharing.py) --------------

    @handles("Calendar.MemberInvited")
    def _member_invited(self, db: Sql, event: Any, position: int) -> None:
        entry = (CALENDAR_INVITATION, str(event.member), event.role, position)
        self.changes(db, event, position).sharing.append(entry)

    @handles("Calendar.MembershipAccepted")
    def _membership_accepted(self, db: Sql, event: Any, position: int) -> None:
        entry = (SHARE_ACCEPTED, str(event.member), None, position)
        self.changes(db, event, position).sharing.append(entry)

    @handles("Calendar.MemberRemoved")
    def _member_removed(self, db: Sql, event: Any, position: int) -> None:
        if event.reason == "declined":
            entry = (SHARE_DECLINED, str(event.member), None, position)
            self.changes(db, event, position).sharing.append(entry)

    def _share_messages(self, db: Sql, calendar_id: str, changes: _EventChanges) -> None:
        """The invitee's card for each invitation still open now (answered or withdrawn ones,
        in the same transaction or by the end of a catch-up, get none), and the owner's
        notice of each answer."""
        for kind, member, role, position in changes.sharing:
            if kind == CALENDAR_INVITATION:
                status = db.scalar(
                    "SELECT status FROM calendar_members WHERE calendar_id = ? "
                    "AND account_id = ? AND role = ?",
                    (calendar_id, member, role),
                )
                if status != Status.INVITED.value:
                    continue
                recipient = member
            elif kind == SHARE_ACCEPTED and _is_group_calendar(db, calendar_id):
                continue  # joining a Telegram group's calendar (docs/adr/0018): no notice
            else:
                recipient = changes.owner
            payload = {"calendar_id": calendar_id, "member": member, "role": role}
            self._enqueue(
                db, f"{kind}:{calendar_id}:{member}:{position}", recipient, kind, calendar_id,
                payload, changes,
            )  # fmt: skip

    # --- a change made here that lost to a connected account's version (docs/adr/0026) -----

    @handles("Calendar.WriteBackOverruled")
    def _write_back_overruled(self, db: Sql, event: Any, position: int) -> None:
        """Tell the calendar's owner that their change lost to the other server's version,
        naming the event as they had it (their version stays in the log)."""
        changes = self.new_changes(str(event.account_id))
        changes.position, changes.moment = position, event.timestamp
        shown = dict(event.shown)
        payload = {
            "summary": shown.get("summary"),
            "start": shown.get("start"),
            "end": shown.get("end"),
            "all_day": bool(shown.get("all_day")),
            "remote": event.remote,
            "calendar_id": str(event.originator_id),
        }
        self._enqueue(
            db, f"{WRITE_BACK_OVERRULED}:{event.event_id}:{position}", str(event.account_id),
            WRITE_BACK_OVERRULED, str(event.event_id), payload, changes,
        )  # fmt: skip

    # --- a webhook Televent paused (docs/adr/0029) -------------------------------------------

    @handles("Webhook.WebhookPaused")
    def _webhook_paused(self, db: Sql, event: Any, position: int) -> None:
        """Tell the webhook's owner that its deliveries kept failing, and where it pointed."""
        changes = self.new_changes(str(event.account_id))
        changes.position, changes.moment = position, event.timestamp
        url = db.scalar(
            "SELECT url FROM webhooks WHERE webhook_id = ?", (str(event.originator_id),)
        )
        self._enqueue(
            db, f"{WEBHOOK_PAUSED}:{event.originator_id}:{position}", str(event.account_id),
            WEBHOOK_PAUSED, str(event.originator_id), {"url": url, "reason": event.reason},
            changes,
        )  # fmt: skip

    # --- deciding -------------------------------------------------------------------------

    def deliver(  # noqa: PLR0912 - one decision table, easier to read in one place
        self, db: Sql, event_id: str, changes: _EventChanges
    ) -> None:
        """Decide the Telegram messages for one event's changes."""
        if (changes.facts is not None or changes.deleted) and not changes.born:
            # cards posted in inline mode (none yet of an event this transaction began)
            queue_card_edits(db, self.t["telegram_outbox"], event_id, changes.position, changes.at)
        if changes.sharing:
            self._share_messages(db, event_id, changes)
        facts = changes.facts
        if facts is None and not changes.deleted and not changes.answers and not changes.forced:
            return
        if facts is None and (changes.answers or changes.forced):
            facts = self._stored_facts(db, event_id)
        if facts is not None and self._is_attendee_copy(db, facts, changes.owner):
            return  # the organizer's own event tells everyone (RFC 6638 attendee copy)
        # Only a scheduling object resource tells anyone (domain.scheduling.scheduling_role):
        # plain data (an imported export, someone else's event) is never announced.
        role = None if facts is None else self.role_of(db, facts, changes.owner)
        if facts is not None and role is None:
            return
        if role == ORGANIZER_ROLE and not (changes.answers and _in_group_calendar(db, event_id)):
            for answer in changes.answers:  # (a group event's answers show on its group card)
                self._tell_organizer(db, event_id, changes, facts, answer)
        invited = [] if facts is None else facts["attendees"]
        if not invited and not changes.may_have_dropped:
            return  # the common case: no attendees before or now, nothing to read
        known = {
            row["account_id"]: row
            for row in db.all(
                "SELECT account_id, address, sequence, shown "
                f"FROM {self.t['telegram_invitations']} WHERE event_id = ?",
                (event_id,),
            )
        }
        if changes.deleted or facts is None:
            for account_id, invitation in known.items():
                self._tell(db, "cancelled", account_id, event_id, changes, facts, invitation)
            db.run(f"DELETE FROM {self.t['telegram_invitations']} WHERE event_id = ?", (event_id,))
            return
        current = self._televent_attendees(db, facts, changes.owner, role)
        sequence = int(facts["sequence"])
        cancelled = (facts.get("status") or "").upper() == STATUS_CANCELLED
        for account_id, address in current.items():
            row = known.get(account_id)
            if cancelled:
                if row is not None:
                    self._tell(db, "cancelled", account_id, event_id, changes, facts, row)
                continue
            if row is None:
                invitation = {"address": address, "sequence": sequence}
                self._tell(db, "invitation", account_id, event_id, changes, facts, invitation)
            elif sequence > int(row["sequence"]):
                self._tell(db, "invitation_update", account_id, event_id, changes, facts, row)
            elif address in changes.forced:
                self._tell(
                    db, "invitation_update", account_id, event_id, changes, facts, row,
                    revision=f"f{changes.position}",
                )  # fmt: skip
            shown = json.dumps({**_event_payload(facts), "range_end": facts.get("range_end")})
            db.run(
                f"INSERT INTO {self.t['telegram_invitations']} "
                "(event_id, account_id, address, sequence, shown) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (event_id, account_id) DO UPDATE SET address = ?, sequence = ?, "
                "shown = ?",
                (event_id, account_id, address, sequence, shown, address, sequence, shown),
            )
        for account_id, row in known.items():
            if account_id not in current:
                self._tell(db, "uninvited", account_id, event_id, changes, facts, row)
                db.run(
                    f"DELETE FROM {self.t['telegram_invitations']} "
                    "WHERE event_id = ? AND account_id = ?",
                    (event_id, account_id),
                )

    def _tell(  # noqa: PLR0917 - internal, called with the same shape everywhere
        self,
        db: Sql,
        kind: str,
        account_id: str,
        event_id: str,
        changes: _EventChanges,
        facts: dict[str, Any] | None,
        row: dict[str, Any] | None,
        *,
        revision: str | int | None = None,
    ) -> None:
        # Deleted: what the invitee was last shown names the event.
        shown = json.loads((row or {}).get("shown") or "{}") if facts is None else {}
        if _ended_before(facts or shown, changes.epoch):
            return  # nobody needs a card or a cancellation for a meeting that is over
        sequence = facts["sequence"] if facts is not None else (row or {}).get("sequence", 0)
        # A new invitation, a removal or a cancellation happens at a log position; an updated
        # card belongs to a revision (SEQUENCE). Replaying the same events gives the same keys.
        revision = revision or (sequence if kind == "invitation_update" else changes.position)
        payload = _event_payload(facts) if facts is not None else shown
        payload.pop("range_end", None)
        if account_id == changes.owner:  # organised elsewhere: name the organizer
            payload["organizer_name"] = (facts or {}).get("organizer_name") or (facts or {}).get(
                "organizer"
            )
        else:
            payload["organizer_name"] = self._name_of(db, changes.owner)
        if row is not None:
            payload["address"] = row["address"]
        # The owner's own copy of a meeting organised elsewhere came by email; anyone else is
        # told about a meeting a Televent user organises.
        source = "email" if account_id == changes.owner else "telegram"
        preferences, _ = self._preferences(db, account_id)
        if not preferences.wants_card(source):
            return
        self._enqueue(
            db, f"{kind}:{event_id}:{account_id}:{revision}", account_id, kind, event_id, payload,
            changes,
        )  # fmt: skip

    def _tell_organizer(
        self,
        db: Sql,
        event_id: str,
        changes: _EventChanges,
        facts: dict[str, Any] | None,
        answer: dict[str, Any],
    ) -> None:
        if answer["actor"] == f"account:{changes.owner}":
            return  # the organizer's own client recorded it: nothing new for them
        attendee = self.account_for(db, answer["address"])
        if attendee is not None and attendee[0] == changes.owner:
            return
        preferences, _ = self._preferences(db, changes.owner)
        if not preferences.wants_notice(str(answer["partstat"])):
            return
        payload = _event_payload(facts) if facts is not None else {}
        attendees = (facts or {}).get("attendees", [])
        cn = next((a["cn"] for a in attendees if a["address"] == answer["address"]), None)
        payload.update(
            attendee_name=(self._name_of(db, attendee[0]) if attendee else None)
            or cn
            or answer["address"],
            partstat=answer["partstat"],
            recurrence_id=answer["recurrence_id"],
        )
        key = f"rsvp:{event_id}:{answer['address']}:{answer['position']}"
        self._enqueue(db, key, changes.owner, "rsvp", event_id, payload, changes)

    def _enqueue(  # noqa: PLR0917
        self,
        db: Sql,
        delivery_id: str,
        account_id: str,
        kind: str,
        event_id: str,
        payload: dict[str, Any],
        changes: _EventChanges,
    ) -> None:
        """Queue a message for an account, on the channels it chose for notices when the kind
        is one of them (notifications.py), else on Telegram; quiet hours set when it is due."""
        telegram_id = db.scalar("SELECT telegram_id FROM accounts WHERE account_id = ?",
                                (account_id,))  # fmt: skip
        if telegram_id is None:
            return
        preferences, zone = self._preferences(db, account_id)
        due = quiet_until(changes.moment, preferences.quiet, zone)
        message = Notification(
            key=delivery_id,
            chat_id=int(telegram_id),
            kind=kind,
            event_id=event_id,
            payload=payload,
            due_at=changes.at if due is None else stamp(due),
            created_at=changes.at,
            position=changes.position,
            channel=NOTICES if kind in MAIL_NOTICE_KINDS else None,
        )
        queue_notification(db, message, table=self.t["telegram_outbox"], answer=False)

    # --- lookups -------------------------------------------------------------------------

    def _televent_attendees(
        self, db: Sql, facts: dict[str, Any], owner: str, role: str | None
    ) -> dict[str, str]:
        """account id → the address it was invited as, for attendees who use Televent.

        On the owner's own meeting, every Televent attendee but the owner; on the owner's copy
        of a meeting organised elsewhere (an invitation that came by email), only the owner:
        the other Televent attendees hold copies of their own, which tell them."""
        found: dict[str, str] = {}
        for attendee in facts["attendees"]:
            if attendee.get("schedule_agent", "SERVER") != "SERVER":
                continue  # the organizer's client schedules this one (RFC 6638 §7.1)
            account = self.account_for(db, attendee["address"])
            if account is None or account[0] in found:
                continue
            if (role == ORGANIZER_ROLE and account[0] != owner) or (
                role == ATTENDEE_ROLE and account[0] == owner
            ):
                found[account[0]] = attendee["address"]
        return found

    def _is_attendee_copy(self, db: Sql, facts: dict[str, Any], owner: str) -> bool:
        """Whether the event is the owner's copy of an event another Televent user organises."""
        organizer = facts.get("organizer")
        if organizer is None:
            return False
        return organized_in_televent(db, organizer, facts["uid"], owner, self.internal)

    def _preferences(self, db: Sql, account_id: str) -> tuple[Preferences, dt.tzinfo]:
        """The account's notification preferences and time zone (defaults when unknown)."""
        row = db.one(
            "SELECT preferences, timezone FROM accounts WHERE account_id = ?", (account_id,)
        )
        if row is None:
            return Preferences(), dt.UTC
        return preferences_of(row), zone_or_utc(row["timezone"])

    def _name_of(self, db: Sql, account_id: str) -> str | None:
        value = db.scalar("SELECT name FROM accounts WHERE account_id = ?", (account_id,))
        return None if value is None else str(value)

    def _stored_facts(self, db: Sql, event_id: str) -> dict[str, Any] | None:
        """The event as the calendar view holds it (an answer whose command's last event,
        carrying the body, fell into the next catch-up batch)."""
        ical = db.scalar("SELECT ical FROM calendar_objects WHERE event_id = ?", (event_id,))
        return None if ical is None else facts_of(parse_calendar_object(str(ical)))


def _is_group_calendar(db: Sql, calendar_id: str) -> bool:
    """Whether the calendar is a Telegram group's (docs/adr/0018)."""
    return db.scalar("SELECT 1 FROM group_chats WHERE calendar_id = ?", (calendar_id,)) is not None


def _in_group_calendar(db: Sql, event_id: str) -> bool:
    """Whether the event is in a Telegram group's calendar."""
    found = db.scalar(
        "SELECT 1 FROM calendar_objects o JOIN group_chats g ON g.calendar_id = o.calendar_id "
        "WHERE o.event_id = ?",
        (event_id,),
    )
    return found is not None


def _event_payload(facts: dict[str, Any]) -> dict[str, Any]:
    """What a message about the event shows (rendered in the recipient's zone when sent)."""
    return {
        "uid": facts["uid"],
        "summary": facts.get("summary"),
        "start": facts.get("start"),
        "end": facts.get("end"),
        "all_day": facts.get("all_day", False),
        "location": facts.get("location"),
        "recurring": facts.get("recurring", False),
        "organizer": facts.get("organizer"),
        "sequence": facts.get("sequence", 0),
    }


def _ended_before(facts: dict[str, Any], epoch: float) -> bool:
    end = facts.get("range_end")
    return end is not None and int(end) < epoch


def _booking_payload(booking: dict[str, Any]) -> dict[str, Any]:
    """What the owner's message about a booking shows (times as ISO UTC texts)."""
    return {
        "booking_id": booking.get("booking_id"),
        "slug": booking.get("slug"),
        "title": booking.get("title"),
        "name": booking.get("name"),
        "duration": booking.get("duration"),
        "start": booking.get("start"),
        "end": booking.get("end"),
    }


def _epoch(moment: str | None) -> int | None:
    return None if not moment else int(dt.datetime.fromisoformat(moment).timestamp())
