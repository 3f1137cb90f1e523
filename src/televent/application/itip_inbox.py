"""Incoming iTIP email (RFC 6047 iMIP): turn a raw message into commands, once.

Every way in (`televent mail ingest`, `POST /inbound/email`, IMAP polling) hands the raw bytes
to `ItipInbox.receive`, which parses the MIME structure (adapters/mail/inbound.py), reads the
scheduling messages (domain/itip.py) and applies them as the Apple CalendarServer does:

- REQUEST / ADD to a Televent user (an attendee address that is a linked email or
  `tg_<id>@<internal domain>`): create or update their copy in their default calendar; stale
  versions are ignored; their own answer and alarms are kept. The projection sends them a card.
- REPLY: update only the PARTSTAT of the attendee it speaks for, and only when it came to that
  attendee's tokenized reply address or from that attendee's own address; older replies lose.
- CANCEL: the whole event or the named instances, if not older than the copy; only from the
  organizer's address or domain.
- COUNTER: kept for the organizer, who gets a Telegram card to accept or decline it.
- REFRESH: the attendee gets the current REQUEST again.
- A delivery-status bounce of a message Televent sent: recorded, the organizer is told.

Each message is processed once (by Message-ID); what became of it is recorded for operators.
"""

from __future__ import annotations

import contextlib
import json
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any
from uuid import UUID

from televent.adapters.mail.inbound import InboundMessage, parse_message
from televent.application.scheduling import resource_name
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.content_lines import unescape_text
from televent.domain.errors import DomainError, NotFoundError, TeleventError
from televent.domain.ical import parse_calendar_object
from televent.domain.itip import (
    ItipError,
    ItipMessage,
    answers_in,
    apply_cancel,
    apply_request,
    read_itip,
    reply_is_stale,
    stamp_text,
    with_proposed_time,
)
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    calendar_event_id_for,
    calendar_id_for,
    internal_address,
    normalize_address,
)
from televent.projections.queries import AccountView
from televent.projections.telegram_delivery import stamp

AUTOMATIC_SENDERS = ("mailer-daemon", "postmaster")


@dataclass(frozen=True)
class Outcome:
    """What one scheduling message did (or why it did nothing)."""

    method: str
    uid: str
    result: str  # created, updated, unchanged, stale, answered, refused, ignored, bounce
    detail: str = ""


@dataclass(frozen=True)
class Receipt:
    """What became of one inbound email."""

    message_id: str
    sender: str | None
    duplicate: bool
    outcomes: list[Outcome] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-able form (CLI --json, the HTTP answer)."""
        return {
            "message_id": self.message_id,
            "sender": self.sender,
            "duplicate": self.duplicate,
            "outcomes": [asdict(o) for o in self.outcomes],
        }


class ItipInbox:
    """Applies inbound iMIP messages through the application's commands."""

    def __init__(
        self,
        app: Televent,
        identity: MailIdentity,
        *,
        max_bytes: int = 10_000_000,
    ) -> None:
        self.app = app
        self.identity = identity
        self.max_bytes = max_bytes
        self.mail = MailQueue(app.views, app.clock)
        self.telegram = DeliveryQueue(app.views, app.clock)

    def receive(self, raw: bytes) -> Receipt:
        """Process one raw RFC 5322 message; the same message again changes nothing.

        Raises:
            DomainError: the bytes are not a readable message, or too large.
        """
        message = parse_message(raw, max_bytes=self.max_bytes)
        earlier = self._recorded(message.message_id)
        if earlier is not None:
            return Receipt(message.message_id, message.sender, True, earlier)
        outcomes = self._process(message)
        self._record(message, outcomes)
        return Receipt(message.message_id, message.sender, False, outcomes)

    def _process(self, message: InboundMessage) -> list[Outcome]:
        if message.bounce is not None:
            return [self._bounce(message)]
        if not message.calendars:
            return [Outcome("", "", "ignored", "the message carries no calendar data")]
        if (message.sender or "").partition("@")[0] in AUTOMATIC_SENDERS:
            # A bounce not in RFC 3464 form returns our own invitation: never apply it.
            return [Outcome("", "", "ignored", f"an automatic message from {message.sender}")]
        outcomes: list[Outcome] = []
        for part in message.calendars:
            try:
                itips = read_itip(part.text, part.mime_method)
            except ItipError as exc:
                outcomes.append(Outcome(part.method or "", "", "ignored", str(exc)))
                continue
            for itip in itips:
                outcomes.append(self._apply(message, itip))
        return outcomes

    def _apply(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        handlers = {
            "REQUEST": lambda: self._organizer_message(message, itip, cancel=False),
            "ADD": lambda: self._organizer_message(message, itip, cancel=False),
            "CANCEL": lambda: self._organizer_message(message, itip, cancel=True),
            "REPLY": lambda: self._reply(message, itip),
            "COUNTER": lambda: self._counter(message, itip),
            "REFRESH": lambda: self._refresh(message, itip),
        }
        handler = handlers.get(itip.method)
        if handler is None:
            return Outcome(itip.method, itip.uid, "ignored", f"{itip.method} is not acted on")
        try:
            return handler()
        except (DomainError, NotFoundError) as exc:
            return Outcome(itip.method, itip.uid, "refused", str(exc))

    # --- from an organizer elsewhere ------------------------------------------------------

    def _organizer_message(
        self, message: InboundMessage, itip: ItipMessage, *, cancel: bool
    ) -> Outcome:
        organizer = itip.organizer
        if organizer is not None and self._is_televent_address(organizer):
            return Outcome(itip.method, itip.uid, "ignored", "the event is organised here")
        accounts = self._invited_accounts(itip, message)
        if not accounts:
            return Outcome(itip.method, itip.uid, "ignored", "no Televent user is invited")
        results: list[str] = []
        for account, addressed_to in accounts.items():
            results.append(
                self._update_copy(message, itip, account, addressed_to=addressed_to, cancel=cancel)
            )
        result = results[0] if len(set(results)) == 1 else ",".join(results)
        return Outcome(itip.method, itip.uid, result, _names(list(accounts)))

    def _update_copy(
        self,
        message: InboundMessage,
        itip: ItipMessage,
        account: AccountView,
        *,
        addressed_to: str | None,
        cancel: bool,
    ) -> str:
        calendar_id = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)
        current = self.app.queries.object_by_event_id(calendar_event_id_for(calendar_id, itip.uid))
        stored = None if current is None else parse_calendar_object(current.ical)
        if stored is not None and not _from_organizer(message, stored.lead, itip):
            raise DomainError("the message does not come from the event's organizer")
        own = self._addresses(account)
        if cancel:
            text = apply_cancel(stored, itip)
        else:
            text = apply_request(stored, itip, own, addressed_to=addressed_to)
        if text is None:
            return "unchanged" if stored is not None else "ignored"
        result = self.app.put_object(
            calendar_id,
            current.href if current is not None else resource_name(itip.uid),
            text,
            actor=_actor(message),
            source=f"email:{message.message_id}",
            organizer_copy=True,
        )
        if cancel:
            return "cancelled"
        return "created" if result.created else "updated" if result.changed else "unchanged"

    def _invited_accounts(
        self, itip: ItipMessage, message: InboundMessage
    ) -> dict[AccountView, str | None]:
        """Televent users the message is for → the address it was mailed to when no ATTENDEE
        names them (a CANCEL often lists nobody; Exchange invites mailing lists that way)."""
        found: dict[UUID, AccountView] = {}
        for attendee in itip.attendees():
            account = self.app.queries.account_for_address(attendee.value, self.app.internal_domain)
            if account is not None:
                found.setdefault(account.account_id, account)
        if found:
            return dict.fromkeys(found.values())
        by_recipient: dict[AccountView, str | None] = {}
        for address in message.recipients:
            account = self.app.queries.account_by_email(address)
            if account is not None and account.account_id not in found:
                found[account.account_id] = account
                by_recipient[account] = address
        return by_recipient

    # --- from an attendee of an event organised here ----------------------------------------

    def _reply(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        answers = answers_in(itip)
        if not answers:
            return Outcome("REPLY", itip.uid, "ignored", "the reply names no attendee answer")
        results: list[str] = []
        for answer in answers:
            event_id, refusal = self._event_answered(message, itip, answer.address)
            if event_id is None:
                return Outcome("REPLY", itip.uid, "refused", refusal)
            current = self.app.queries.object_by_event_id(event_id)
            if current is None:
                return Outcome("REPLY", itip.uid, "refused", "the event no longer exists")
            stored = parse_calendar_object(current.ical)
            if not _invited(answer.address, stored.components):
                return Outcome("REPLY", itip.uid, "refused", f"{answer.address} is not invited")
            if reply_is_stale(stored, answer):
                results.append("stale")
                continue
            try:
                partstat = PartStat(answer.partstat)
            except ValueError:
                return Outcome("REPLY", itip.uid, "refused", f"unknown PARTSTAT {answer.partstat}")
            self.app.give_rsvp(
                event_id,
                answer.address,
                partstat,
                recurrence_id=answer.instance or None,
                replied=stamp_text(answer.version[1]),
                actor=f"address:{answer.address}",
                source=f"email:{message.message_id}",
            )
            results.append("answered")
        result = "answered" if "answered" in results else "stale"
        return Outcome("REPLY", itip.uid, result, ", ".join(a.address for a in answers))

    def _event_answered(
        self, message: InboundMessage, itip: ItipMessage, address: str
    ) -> tuple[UUID | None, str]:
        """The event a reply is about, if the reply may speak for `address`."""
        token = self.identity.token_in(message.recipients)
        if token is not None:
            with self.app.views.read() as db:
                row = db.one(
                    "SELECT event_id, address FROM mail_invitations WHERE token = ?", (token,)
                )
            if row is None:
                return None, "the reply address is unknown or expired"
            if row["address"] != address:
                return None, f"the reply speaks for {address}, not for the invited {row['address']}"
            return UUID(row["event_id"]), ""
        if (message.sender or "") != address:
            return None, f"the reply for {address} was sent by {message.sender}"
        for row in self.app.queries.invitations_for(address):
            if row["uid"] == itip.uid:
                return UUID(row["event_id"]), ""
        return None, f"{address} is not invited to {itip.uid}"

    def _counter(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        """Keep a proposal for the organizer, who is asked in Telegram (RFC 5546 §3.2.7)."""
        answers = answers_in(itip) or []
        address = answers[0].address if answers else (message.sender or "")
        event_id, refusal = self._event_answered(message, itip, address)
        if event_id is None:
            return Outcome("COUNTER", itip.uid, "refused", refusal)
        current = self.app.queries.object_by_event_id(event_id)
        if current is None:
            return Outcome("COUNTER", itip.uid, "refused", "the event no longer exists")
        lead = itip.lead
        start = lead.get("DTSTART")
        proposal = {
            "start": None if start is None else start.value,
            "start_tzid": None if start is None else start.param("TZID"),
            "text": itip_text(itip),
            "comment": _summary_of(lead, "COMMENT"),
        }
        counter_id = secrets.token_hex(6)
        owner = self._owner_of(current.calendar_id)
        with self.app.views.write() as db:
            db.run(
                "INSERT INTO mail_counters (counter_id, event_id, address, proposal, status, "
                "created_at) VALUES (?, ?, ?, ?, 'open', ?)",
                (counter_id, str(event_id), address, json.dumps(proposal), stamp(self.app.clock())),
            )
        if owner is not None:
            facts = parse_calendar_object(current.ical)
            payload = {
                "counter_id": counter_id,
                "summary": _summary(facts.lead),
                "attendee_name": address,
                "proposed": proposal["start"],
                "comment": proposal["comment"],
            }
            self.telegram.enqueue(
                f"counter:{counter_id}", owner.telegram_id, "counter", str(event_id), payload
            )
        return Outcome("COUNTER", itip.uid, "proposed", address)

    def _refresh(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        answers = answers_in(itip)
        address = answers[0].address if answers else (message.sender or "")
        event_id, refusal = self._event_answered(message, itip, address)
        if event_id is None:
            return Outcome("REFRESH", itip.uid, "refused", refusal)
        current = self.app.queries.object_by_event_id(event_id)
        with self.app.views.read() as db:
            row = db.one(
                "SELECT token FROM mail_invitations WHERE event_id = ? AND address = ?",
                (str(event_id), address),
            )
        if current is None or row is None:
            return Outcome("REFRESH", itip.uid, "refused", f"{address} is not invited")
        owner = self._owner_of(current.calendar_id)
        self.mail.enqueue_mail(
            f"request:{event_id}:{address}:refresh:{message.message_id}",
            address,
            "REQUEST",
            str(event_id),
            None if owner is None else str(owner.account_id),
            {
                "ical": current.ical,
                "token": row["token"],
                "name": None,
                "instances": [],
                "attendee": None,
                "partstat": None,
                "stamp": stamp(self.app.clock()),
            },
        )
        return Outcome("REFRESH", itip.uid, "resent", address)

    # --- bounces ----------------------------------------------------------------------------

    def _bounce(self, message: InboundMessage) -> Outcome:
        bounce = message.bounce
        assert bounce is not None
        row = None
        if bounce.original_message_id:
            row = self.mail.by_message_id(bounce.original_message_id)
        if row is None:
            detail = ", ".join(bounce.failed_recipients) or "unknown recipient"
            return Outcome("", "", "ignored", f"a bounce for a message not sent here ({detail})")
        reason = (
            " ".join(part for part in (bounce.status, bounce.diagnostic) if part)
            or "returned undelivered"
        )
        self.mail.bounced(row["delivery_id"], f"bounce: {reason}")
        notify_mail_failure(
            self.app, self.telegram, row, reason, source=f"email:{message.message_id}"
        )
        return Outcome(row["method"], "", "bounce", f"{row['recipient']}: {reason}")

    # --- helpers ----------------------------------------------------------------------------

    def _recorded(self, message_id: str) -> list[Outcome] | None:
        with self.app.views.read() as db:
            value = db.scalar(
                "SELECT outcome FROM mail_inbound WHERE message_id = ?", (message_id,)
            )
        if value is None:
            return None
        return [Outcome(**o) for o in json.loads(str(value))]

    def _record(self, message: InboundMessage, outcomes: list[Outcome]) -> None:
        with self.app.views.write() as db:
            db.run(
                "INSERT INTO mail_inbound (message_id, received_at, sender, outcome) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING",
                (
                    message.message_id,
                    stamp(self.app.clock()),
                    message.sender,
                    json.dumps([asdict(o) for o in outcomes]),
                ),
            )

    def _addresses(self, account: AccountView) -> set[str]:
        return {
            internal_address(account.telegram_id, self.app.internal_domain).lower(),
            *account.emails,
        }

    def _is_televent_address(self, address: str) -> bool:
        return self.identity.is_ours(address) or address.endswith(
            "@" + self.app.internal_domain.lower()
        )

    def _owner_of(self, calendar_id: UUID) -> AccountView | None:
        calendar = self.app.queries.calendar(calendar_id)
        return None if calendar is None else self.app.queries.account_by_id(calendar.account_id)


def settle_counter(
    app: Televent, counter_id: str, account: AccountView, *, accept: bool, source: str
) -> str:
    """The organizer's answer to a COUNTER: move the event to the proposed time (a new
    REQUEST goes to everyone), or send the attendee a DECLINECOUNTER (RFC 5546 §3.2.8).
    Returns the event's summary."""
    with app.views.read() as db:
        row = db.one("SELECT * FROM mail_counters WHERE counter_id = ?", (counter_id,))
    if row is None:
        raise NotFoundError("That proposal is not known.")
    current = app.queries.object_by_event_id(UUID(row["event_id"]))
    calendar = None if current is None else app.queries.calendar(current.calendar_id)
    if current is None or calendar is None or calendar.account_id != account.account_id:
        raise NotFoundError("That proposal is not for one of your events.")
    if row["status"] != "open":
        raise DomainError(f"You already answered this proposal ({row['status']}).")
    stored = parse_calendar_object(current.ical)
    proposal = json.loads(row["proposal"])
    actor = f"account:{account.account_id}"
    if accept:
        text = with_proposed_time(stored, str(proposal.get("text", "")))
        app.put_object(current.calendar_id, current.href, text, actor=actor, source=source)
    else:
        with app.views.read() as db:
            token = db.scalar(
                "SELECT token FROM mail_invitations WHERE event_id = ? AND address = ?",
                (row["event_id"], row["address"]),
            )
        MailQueue(app.views, app.clock).enqueue_mail(
            f"declinecounter:{row['event_id']}:{row['address']}:{counter_id}",
            row["address"],
            "DECLINECOUNTER",
            row["event_id"],
            str(account.account_id),
            {
                "ical": current.ical,
                "token": token or "",
                "name": None,
                "instances": [],
                "attendee": row["address"],
                "partstat": None,
                "stamp": stamp(app.clock()),
            },
        )
    with app.views.write() as db:
        db.run(
            "UPDATE mail_counters SET status = ? WHERE counter_id = ?",
            ("accepted" if accept else "declined", counter_id),
        )
    return _summary(stored.lead) or "the event"


def notify_mail_failure(
    app: Televent, telegram: DeliveryQueue, row: dict[str, Any], reason: str, *, source: str
) -> None:
    """An email could not be delivered: SCHEDULE-STATUS 5.1 on the recipient in the event
    (their CalDAV client shows it), and the sender is told in Telegram."""
    if row.get("event_id"):
        with contextlib.suppress(ValueError, TeleventError):
            app.record_delivery_failure(
                UUID(str(row["event_id"])),
                row["recipient"],
                str(row["method"]),
                reason=reason,
                actor="system:mail",
                source=source,
            )
    owner = app.queries.account_by_id(row["account_id"]) if row.get("account_id") else None
    if owner is None:
        return
    payload = json.loads(row["payload"]) if isinstance(row["payload"], str) else row["payload"]
    summary = None
    try:
        summary = _summary(parse_calendar_object(payload.get("ical", "")).lead)
    except TeleventError:
        summary = None
    telegram.enqueue(
        f"mail_failed:{row['delivery_id']}",
        owner.telegram_id,
        "mail_failed",
        row.get("event_id"),
        {
            "summary": summary,
            "recipient": row["recipient"],
            "method": row["method"],
            "reason": reason[:300],
        },
    )


def itip_text(itip: ItipMessage) -> str:
    """The message's components as iCalendar text (kept with a COUNTER proposal)."""
    return "".join(c.serialize() for c in itip.components)


def _summary(component: Any) -> str | None:
    return _summary_of(component, "SUMMARY")


def _summary_of(component: Any, name: str) -> str | None:
    prop = component.get(name)
    return None if prop is None else unescape_text(str(prop.value))


def _from_organizer(message: InboundMessage, stored_lead: Any, itip: ItipMessage) -> bool:
    """Whether an update may come from this sender: the stored organizer (or its domain,
    for assistants and Exchange "on behalf of"), as the message itself names it."""
    prop = stored_lead.get("ORGANIZER")
    if prop is None:
        return True
    # CalendarServer (iCloud) writes a principal URI with the address in EMAIL=.
    organizer = (prop.param("EMAIL") or prop.value).lower().removeprefix("mailto:")
    named = itip.lead.get("ORGANIZER")
    if named is not None:
        address = (named.param("EMAIL") or named.value).lower().removeprefix("mailto:")
        if address != organizer:
            return False
    sender = message.sender or ""
    sent_by = (prop.param("SENT-BY") or "").lower().removeprefix("mailto:")
    return (
        sender in (organizer, sent_by) or sender.rpartition("@")[2] == organizer.rpartition("@")[2]
    )


def _invited(address: str, components: list[Any]) -> bool:
    return any(normalize_address(a.value) == address for c in components for a in c.all("ATTENDEE"))


def _actor(message: InboundMessage) -> str:
    return f"address:{message.sender}" if message.sender else "system:"


def _names(accounts: list[AccountView]) -> str:
    return ", ".join(f"tg:{a.telegram_id}" for a in accounts)
