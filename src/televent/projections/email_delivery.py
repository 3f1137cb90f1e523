"""The outgoing email queue, fed by the log: iTIP over iMIP (RFC 5546, RFC 6047).

Whatever adapter made the change (the bot, a CalDAV client, the CLI), the domain events say
what external attendees (email addresses that are not Televent users) must be told:

- organised here: a REQUEST to each new attendee and to everyone again when SEQUENCE goes up;
  a CANCEL to a removed attendee, to everyone when the event is cancelled or deleted, and for
  each newly cancelled instance (an override with STATUS:CANCELLED);
- organised elsewhere (an invitation that came by email): a REPLY to the organizer when the
  Televent user answers, from the bot or from their own CalDAV client.

Which of the two an event is, or neither, is `domain.scheduling.scheduling_role`: an event
with attendees and no ORGANIZER (an imported export), or someone else's event the owner is not
invited to, is plain data and never emails anyone, stored, changed or deleted.

Rows are written in the transaction that appends the events and carry the event as it was
then, so what is sent is exactly that revision; the key of a row (kind, event, recipient,
revision) means the same message is never queued twice. The sender (adapters/mail/sender.py)
turns a row into a message. `tg_<id>@<internal domain>` addresses are never emailed, nor shown:
each row names the Televent users in its message with how an outsider sees them (`people`:
their name, their linked email or else their invitation address, docs/adr/0019).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.itip import cancelled_instances
from televent.domain.scheduling import (
    ATTENDEE_ROLE,
    ORGANIZER_ROLE,
    attendee_addresses,
    organizer_of,
)
from televent.domain.values import normalize_address
from televent.projections.base import (
    EventChanges,
    QueueProjection,
    handles,
    invite_address_of,
    organized_in_televent,
)
from televent.projections.calendar_view import BODY_EVENTS
from televent.projections.sql import Sql

PENDING = "pending"
STATUS_CANCELLED = "CANCELLED"


@dataclass
class _EventChanges(EventChanges):
    ical: str | None = None
    facts: dict[str, Any] | None = None
    deleted: bool = False
    answers: list[dict[str, Any]] = field(default_factory=list)
    forced: dict[str, str] = field(default_factory=dict)  # address → REQUEST or REPLY


class EmailDeliveryProjection(QueueProjection[_EventChanges]):
    """Queues the iMIP messages that domain events call for (see the module docstring)."""

    name = "email_delivery"
    tables = ("mail_outbox", "mail_invitations", "mail_events")
    rebuildable = False

    def new_changes(self, owner: str) -> _EventChanges:
        """An empty record of one event's changes."""
        return _EventChanges(owner)

    @handles("CalendarEvent.EventCreated", "CalendarEvent.EventRecreated", *BODY_EVENTS)
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        changes = self.changes(db, event, position)
        if type(event).__name__ == "RsvpGiven":
            changes.answers.append(
                {
                    "address": event.address,
                    "partstat": event.partstat,
                    "recurrence_id": event.recurrence_id,
                    "actor": event.actor,
                    "source": event.source,
                    "position": position,
                }
            )
        if event.ical is not None:
            changes.ical = event.ical
            changes.facts = event.facts
            changes.deleted = False

    @handles("CalendarEvent.EventDeleted")
    def _deleted(self, db: Sql, event: Any, position: int) -> None:
        self.changes(db, event, position).deleted = True

    @handles("CalendarEvent.SchedulingForced")
    def _forced(self, db: Sql, event: Any, position: int) -> None:
        changes = self.changes(db, event, position)
        changes.forced.update(dict.fromkeys(event.addresses, event.method))
        if changes.ical is None:  # the client sent the stored version again
            ical = db.scalar(
                "SELECT ical FROM calendar_objects WHERE event_id = ?", (str(event.originator_id),)
            )
            if ical is not None:
                changes.ical = str(ical)
                changes.facts = facts_of(parse_calendar_object(changes.ical))

    # --- deciding ---------------------------------------------------------------------------

    def deliver(self, db: Sql, event_id: str, changes: _EventChanges) -> None:
        """Decide the emails for one event's changes.

        Only a scheduling object resource sends anything (`domain.scheduling.scheduling_role`):
        the owner's own meeting (ORGANIZER is theirs) tells its attendees, the owner's copy
        of someone else's meeting (the owner is an ATTENDEE) answers its organizer, and
        anything else (an imported export with ATTENDEEs and no ORGANIZER, someone else's
        event) is plain data: no mail when stored, changed or deleted."""
        previous = (
            None  # an event this transaction began was never sent
            if changes.born
            else db.one(f"SELECT ical FROM {self.t['mail_events']} WHERE event_id = ?", (event_id,))
        )
        facts = changes.facts or {}
        organizer = facts.get("organizer")
        role = self.role_of(db, changes.facts, changes.owner)
        if role == ATTENDEE_ROLE and organizer is not None and changes.ical is not None:
            # An answer, also the DECLINED an attendee gives by deleting their copy.
            self._reply(db, event_id, changes, organizer)
        if changes.deleted or changes.ical is None:
            if previous is not None and changes.deleted:
                self._cancel_all(db, event_id, changes, str(previous["ical"]))
            return
        if role != ORGANIZER_ROLE:
            return
        external = self._external_attendees(db, facts, organizer)
        if not external and previous is None:
            return  # the common case: nobody outside Televent is invited
        self._organize(db, event_id, changes, external)

    def _organize(
        self, db: Sql, event_id: str, changes: _EventChanges, external: dict[str, str]
    ) -> None:
        ical = changes.ical or ""
        facts = changes.facts or {}
        sequence = int(facts.get("sequence", 0))
        cancelled_event = (facts.get("status") or "").upper() == STATUS_CANCELLED
        instances = cancelled_instances(parse_calendar_object(ical))
        known = {
            row["address"]: row
            for row in db.all(
                f"SELECT address, token, sequence, cancelled FROM {self.t['mail_invitations']} "
                "WHERE event_id = ?",
                (event_id,),
            )
        }
        for address, row in known.items():
            if address not in external:
                self._enqueue(db, "cancel", event_id, address, row["token"], changes, ical)
                db.run(
                    f"DELETE FROM {self.t['mail_invitations']} WHERE event_id = ? AND address = ?",
                    (event_id, address),
                )
        for address, name in external.items():
            invited = known.get(address)
            if cancelled_event:
                if invited is not None and int(invited["sequence"]) < sequence:
                    self._enqueue(db, "cancel", event_id, address, invited["token"], changes, ical)
                    self._remember(db, event_id, address, invited["token"], sequence, instances)
                continue
            if invited is None:
                token = secrets.token_hex(12)
                self._enqueue(db, "request", event_id, address, token, changes, ical, name=name)
                self._remember(db, event_id, address, token, sequence, instances)
                continue
            newly = sorted(set(instances) - set(json.loads(invited["cancelled"])))
            if newly:
                self._enqueue(
                    db,
                    "cancel",
                    event_id,
                    address,
                    invited["token"],
                    changes,
                    ical,
                    instances=newly,
                )
            elif sequence > int(invited["sequence"]) or changes.forced.get(address) == "REQUEST":
                revision = f"s{sequence}" if sequence > int(invited["sequence"]) else None
                self._enqueue(
                    db, "request", event_id, address, invited["token"], changes, ical,
                    name=name, revision=revision,
                )  # fmt: skip
            self._remember(db, event_id, address, invited["token"], sequence, instances)
        db.run(
            f"INSERT INTO {self.t['mail_events']} (event_id, owner, ical) VALUES (?, ?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET ical = ?",
            (event_id, changes.owner, ical, ical),
        )

    def _cancel_all(self, db: Sql, event_id: str, changes: _EventChanges, ical: str) -> None:
        # Only the owner's meetings are remembered here; what was remembered before that rule
        # held (an imported event with attendees and no ORGANIZER was taken for the owner's
        # meeting) is forgotten without a CANCEL.
        organised = facts_of(parse_calendar_object(ical)).get("organizer") is not None
        for row in db.all(
            f"SELECT address, token FROM {self.t['mail_invitations']} WHERE event_id = ?",
            (event_id,),
        ):
            if organised:
                self._enqueue(db, "cancel", event_id, row["address"], row["token"], changes, ical)
        db.run(f"DELETE FROM {self.t['mail_invitations']} WHERE event_id = ?", (event_id,))
        db.run(f"DELETE FROM {self.t['mail_events']} WHERE event_id = ?", (event_id,))

    def _reply(self, db: Sql, event_id: str, changes: _EventChanges, organizer: str) -> None:
        """The owner answered an invitation organised elsewhere: tell the organizer (by email
        when the organizer is not a Televent user: scheduling delivers to those directly)."""
        facts = changes.facts or {}
        if (
            not self._is_email(organizer)
            or facts.get("organizer_agent", "SERVER") != "SERVER"
            or organized_in_televent(db, organizer, facts["uid"], changes.owner, self.internal)
        ):
            return
        for answer in changes.answers:
            if answer["actor"] != f"account:{changes.owner}":
                continue  # an answer that came by email, or an update from the organizer
            if not self._is_owner(db, answer["address"], changes.owner):
                continue
            instances = [answer["recurrence_id"]] if answer["recurrence_id"] else []
            self._enqueue(
                db, "reply", event_id, organizer, "", changes, changes.ical or "",
                revision=f"p{answer['position']}", instances=instances,
                attendee=answer["address"], partstat=answer["partstat"],
            )  # fmt: skip
        if "REPLY" in changes.forced.values() and not changes.answers:
            for attendee in facts.get("attendees", []):
                if self._is_owner(db, attendee["address"], changes.owner):
                    self._enqueue(
                        db, "reply", event_id, organizer, "", changes, changes.ical or "",
                        attendee=attendee["address"], partstat=attendee["partstat"],
                    )  # fmt: skip
                    break

    def _enqueue(  # noqa: PLR0917 - one row shape, written in one place
        self,
        db: Sql,
        method: str,
        event_id: str,
        recipient: str,
        token: str,
        changes: _EventChanges,
        ical: str,
        *,
        name: str | None = None,
        revision: str | None = None,
        instances: list[str] | None = None,
        attendee: str | None = None,
        partstat: str | None = None,
    ) -> None:
        suffix = revision or f"p{changes.position}"
        if instances:
            suffix += ":" + ",".join(instances)
        payload = {
            "ical": ical,
            "people": self._people(db, ical),
            "token": token,
            "name": name,
            "instances": instances or [],
            "attendee": attendee,
            "partstat": partstat,
            "stamp": changes.at,
        }
        db.run(
            f"INSERT INTO {self.t['mail_outbox']} (delivery_id, recipient, method, event_id, "
            "account_id, payload, status, attempts, due_at, created_position, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING",
            (
                f"{method}:{event_id}:{recipient}:{suffix}",
                recipient,
                method.upper(),
                event_id,
                changes.owner,
                json.dumps(payload, sort_keys=True),
                PENDING,
                changes.at,
                changes.position,
                changes.at,
            ),
        )

    def _remember(  # noqa: PLR0917
        self, db: Sql, event_id: str, address: str, token: str, sequence: int, instances: list[str]
    ) -> None:
        cancelled = json.dumps(sorted(instances))
        db.run(
            f"INSERT INTO {self.t['mail_invitations']} "
            "(event_id, address, token, sequence, cancelled) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (event_id, address) DO UPDATE SET sequence = ?, cancelled = ?",
            (event_id, address, token, sequence, cancelled, sequence, cancelled),
        )

    # --- lookups ------------------------------------------------------------------------------

    def _people(self, db: Sql, ical: str) -> dict[str, dict[str, str | None]]:
        """The Televent users the message names (as ORGANIZER or ATTENDEE), by the address the
        object uses for them → how an outsider is shown them: their name, and their first
        linked email or else their invitation address (domain/mail_identity.py; `account`
        lets the sender have one made for an account that has none yet). Their internal
        `tg_<id>@...` address never leaves."""
        if not ical:
            return {}
        obj = parse_calendar_object(ical)
        chair = organizer_of(obj)
        addresses = attendee_addresses(obj)
        if chair is not None:
            addresses.add(normalize_address(chair.value))
        people: dict[str, dict[str, str | None]] = {}
        for address in sorted(addresses):
            account = self.account_for(db, address)
            if account is None:
                continue
            email = (
                db.scalar(
                    "SELECT email FROM account_emails WHERE account_id = ? "
                    "ORDER BY linked_at LIMIT 1",
                    (account[0],),
                )
                if self.internal.fullmatch(address)
                else address  # a linked email: already an address the user reads
            )
            name = db.scalar("SELECT name FROM accounts WHERE account_id = ?", (account[0],))
            people[address] = {
                "name": None if name is None else str(name),
                "email": str(email or invite_address_of(db, account[0]) or "") or None,
                "account": account[0],
            }
        return people

    def _external_attendees(
        self, db: Sql, facts: dict[str, Any], organizer: str | None
    ) -> dict[str, str]:
        """address → display name of the attendees reached by email only: mailto: addresses
        that are neither the organizer, nor internal, nor a Televent user's (a linked email
        or an invitation address: they hear through Televent)."""
        found: dict[str, str] = {}
        for attendee in facts.get("attendees", []):
            address = attendee["address"]
            value = str(attendee.get("value", ""))
            if address == organizer or not value.lower().startswith("mailto:"):
                continue
            if attendee.get("schedule_agent", "SERVER") != "SERVER":
                continue  # the organizer's client sends this one its messages (RFC 6638 §7.1)
            if not self._is_email(address) or self.account_for(db, address) is not None:
                continue
            found[address] = attendee.get("cn") or ""
        return found

    def _is_email(self, address: str) -> bool:
        return "@" in address and not address.endswith("@" + self.internal_domain)

    def _is_owner(self, db: Sql, address: str, owner: str) -> bool:
        """Whether a calendar address is the owner's (their tg_ address, a linked email, or an
        invitation address they had: an invitation received there is still answered)."""
        return address.lower() in self.owner_addresses(db, owner)
