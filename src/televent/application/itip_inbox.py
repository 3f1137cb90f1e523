"""Incoming iTIP email (RFC 6047 iMIP): turn a parsed message into commands, once.

Every way in (`televent mail ingest`, `POST /inbound/email`, IMAP polling) parses the raw bytes
in the mail adapter (adapters/mail/inbound.py) and hands the `InboundMessage` to
`ItipInbox.receive`, which reads the scheduling messages (domain/itip/) and applies them as the
Apple CalendarServer does:

- REQUEST / ADD to a Televent user (an attendee address that is a linked email, their
  invitation address `<local>+u<alias>@<domain>` or `tg_<id>@<internal domain>`; else the
  address it was mailed to, when that is one of these): create their copy in their default
  calendar, or update it where it is; stale versions are ignored; their own answer and alarms
  are kept. The projection sends them a card. Mail to an invitation address its owner replaced
  is ignored, and says so.
- REPLY: update only the PARTSTAT of the attendee it speaks for, and only when it came to the
  tokenized reply address of that attendee's invitation to that event; older replies lose.
- CANCEL: the whole event or the named instances, if not older than the copy.
- COUNTER: recorded for the organizer, who gets a Telegram card to accept or decline it
  (counters.py).
- REFRESH: the attendee gets the current REQUEST again.
- A delivery-status bounce of a message Televent sent: recorded, the organizer is told
  (delivery_failures.py).

Whom a message is believed to come from (itip_trust.py): a REQUEST, ADD or CANCEL never
changes a meeting organised in Televent, and updates an attendee copy of a meeting organised
elsewhere only when it comes from that copy's ORGANIZER; an attendee's REPLY, COUNTER or
REFRESH is believed by the tokenized reply address it came to, never by its From header. When
the operator names the MTAs it trusts (TELEVENT_TRUSTED_AUTHSERV_IDS), their topmost
Authentication-Results (RFC 8601) judge the From domain of an organizer's message: a DMARC
fail (or a DKIM/SPF fail with no pass) is refused, a pass is recorded in the outcome and in the
source of the change, which the audit shows. Headers from other authserv-ids are ignored: the
sender may have written them. Refusals are outcomes ("refused", and why), recorded like the rest.

Each message is processed once (by Message-ID); what became of it is recorded for operators.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from televent.application.counters import Counters
from televent.application.delivery_failures import DeliveryFailures
from televent.application.itip_outcomes import Outcome, Receipt
from televent.application.itip_trust import MeetingOwnership
from televent.application.scheduling import resource_name
from televent.application.televent import Televent
from televent.delivery.mail_queue import InboundLog, MailQueue, itip_payload
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import DomainError, ForbiddenError, NotFoundError
from televent.domain.ical import parse_calendar_object
from televent.domain.inbound_mail import InboundMessage, SenderCheck, check_sender
from televent.domain.itip import (
    ItipError,
    ItipMessage,
    answers_in,
    apply_cancel,
    apply_request,
    read_itip,
    reply_is_stale,
    stamp_text,
)
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    Source,
    SourceKind,
    calendar_id_for,
    normalize_address,
)
from televent.projections.queries import AccountView, ObjectView
from televent.projections.telegram_delivery import stamp

__all__ = ["ItipInbox", "Outcome", "Receipt"]

AUTOMATIC_SENDERS = ("mailer-daemon", "postmaster")

LOG = logging.getLogger(__name__)


ORGANIZER_METHODS = ("REQUEST", "ADD", "CANCEL")


@dataclass
class _Copy:
    """Whom one processing of a message is for (`only`: these accounts; None: everyone it
    names), and whom it applied an invitation to (`served`)."""

    only: frozenset[UUID] | None = None
    served: set[UUID] = field(default_factory=set)


class ItipInbox:
    """Applies inbound iMIP messages through the application's commands."""

    def __init__(
        self,
        app: Televent,
        identity: MailIdentity,
        *,
        mail: MailQueue | None = None,
        telegram: DeliveryQueue | None = None,
        counters: Counters | None = None,
        failures: DeliveryFailures | None = None,
        max_bytes: int = 10_000_000,
        trusted_authserv_ids: Collection[str] = (),
    ) -> None:
        """`mail` and `telegram` default to the queues on the application's read models;
        `counters` and `failures` to services on those queues. `max_bytes` is the size limit
        the mail adapter parses to (adapters/mail/ingest.py reads it here).
        `trusted_authserv_ids` name the MTAs whose Authentication-Results are believed."""
        self.app = app
        self.identity = identity
        self.max_bytes = max_bytes
        self.trusted_authserv_ids = frozenset(i.strip().lower() for i in trusted_authserv_ids)
        self.mail = mail or MailQueue(app.views, app.clock)
        self.telegram = telegram or DeliveryQueue(app.views, app.clock)
        self.counters = counters or Counters(app, mail=self.mail, telegram=self.telegram)
        self.failures = failures or DeliveryFailures(app, mail=self.mail, telegram=self.telegram)
        self.processed = InboundLog(app.views, app.clock)
        self.ownership = MeetingOwnership(app, identity)

    def receive(self, message: InboundMessage) -> Receipt:
        """Process one parsed email; the same message (by Message-ID) again changes nothing,
        but for a Televent user it was delivered to whom no copy of it reached before (one
        invitation to a mailing list reaches each member's invitation address as a copy of
        its own): their invitation is applied."""
        earlier = self.processed.outcomes_of(message.message_id)
        if earlier is None:
            copy = _Copy()
            outcomes = self._process(message, copy)
            as_dicts = [o.as_dict() for o in outcomes]
            self.processed.record(message.message_id, message.sender, as_dicts)
            for account_id in copy.served:
                self.processed.record(_served_key(message, account_id), message.sender, as_dicts)
            return Receipt(message.message_id, message.sender, False, outcomes)
        refused = any(o.get("result") == "refused" for o in earlier)  # suspect: to no one
        newcomers = [] if refused else self._not_yet_served(message)
        if not newcomers:
            outcomes = [Outcome(**o) for o in earlier]
            return Receipt(message.message_id, message.sender, True, outcomes)
        outcomes = self._process(message, _Copy(only=frozenset(newcomers)))
        for account_id in newcomers:  # whatever came of it: a copy again is a duplicate
            self.processed.record(
                _served_key(message, account_id), message.sender, [o.as_dict() for o in outcomes]
            )
        return Receipt(message.message_id, message.sender, False, outcomes)

    def _not_yet_served(self, message: InboundMessage) -> list[UUID]:
        """The Televent users this copy was delivered to (its envelope's mailboxes) whom no
        earlier copy of the message served."""
        found: dict[UUID, None] = {}
        for address in message.delivered_to:
            account = self.app.queries.account_for_address(address, self.app.internal_domain)
            if account is None or account.account_id in found:
                continue
            if self.processed.outcomes_of(_served_key(message, account.account_id)) is None:
                found[account.account_id] = None
        return list(found)

    def _process(self, message: InboundMessage, copy: _Copy) -> list[Outcome]:
        if copy.only is not None and (message.bounce is not None or not message.calendars):
            return []  # a later copy: only invitations are for its own recipients
        if message.bounce is not None:
            return [self.failures.bounced(message.bounce, source=f"email:{message.message_id}")]
        if not message.calendars:
            return [Outcome("", "", "ignored", "the message carries no calendar data")]
        if (message.sender or "").partition("@")[0] in AUTOMATIC_SENDERS:
            # A bounce not in RFC 3464 form returns our own invitation: never apply it.
            return [Outcome("", "", "ignored", f"an automatic message from {message.sender}")]
        check = check_sender(message, self.trusted_authserv_ids)
        outcomes: list[Outcome] = []
        for part in message.calendars:
            try:
                itips = read_itip(part.text, part.mime_method)
            except ItipError as exc:
                outcomes.append(Outcome(part.method or "", "", "ignored", str(exc)))
                continue
            for itip in itips:
                if copy.only is None or itip.method in ORGANIZER_METHODS:
                    outcomes.append(self._apply(message, itip, check, copy))
        return outcomes

    def _apply(
        self, message: InboundMessage, itip: ItipMessage, check: SenderCheck, copy: _Copy
    ) -> Outcome:
        handlers = {
            "REQUEST": lambda: self._organizer_message(message, itip, check, copy, cancel=False),
            "ADD": lambda: self._organizer_message(message, itip, check, copy, cancel=False),
            "CANCEL": lambda: self._organizer_message(message, itip, check, copy, cancel=True),
            "REPLY": lambda: self._reply(message, itip),
            "COUNTER": lambda: self._counter(message, itip),
            "REFRESH": lambda: self._refresh(message, itip),
        }
        handler = handlers.get(itip.method)
        if handler is None:
            return Outcome(itip.method, itip.uid, "ignored", f"{itip.method} is not acted on")
        try:
            return handler()
        except (DomainError, NotFoundError, ForbiddenError) as exc:  # refused by a rule (a
            # feed's event: Forbidden); a conflict with a concurrent write is tried again
            return Outcome(itip.method, itip.uid, "refused", str(exc))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            # odd data this code did not foresee: this message is refused and recorded, so it
            # is not taken again at every poll, ahead of everyone else's mail
            LOG.exception("Could not apply %s %s of %s", itip.method, itip.uid, message.message_id)
            return Outcome(itip.method, itip.uid, "refused", "its data could not be applied")

    # --- from an organizer elsewhere ------------------------------------------------------

    def _organizer_message(
        self,
        message: InboundMessage,
        itip: ItipMessage,
        check: SenderCheck,
        copy: _Copy,
        *,
        cancel: bool,
    ) -> Outcome:
        organizer = itip.organizer
        if organizer is not None and self.ownership.organised_here(organizer, itip.uid):
            return Outcome(
                itip.method,
                itip.uid,
                "refused",
                f"the meeting is organised in Televent by {organizer}: mail cannot change it",
            )
        if check.failed:
            return Outcome(
                itip.method,
                itip.uid,
                "refused",
                f"the sender {message.sender} failed authentication: {check.detail}",
            )
        accounts = self._invited_accounts(itip, message, copy.only)
        if not accounts:
            return Outcome(itip.method, itip.uid, "ignored", self._nobody_invited(itip, message))
        copies = [self._copy_of(account, itip) for account, _ in accounts]
        for (account, _), current in zip(accounts, copies, strict=True):
            refusal = self.ownership.refusal(message, itip, account, current)
            if refusal is not None:  # nothing is applied, to anyone: the message is suspect
                return Outcome(
                    itip.method, itip.uid, "refused", f"tg:{account.telegram_id}: {refusal}"
                )
        source = _source(message, check.detail)
        results: list[str] = []
        for (account, addressed_to), current in zip(accounts, copies, strict=True):
            results.append(
                self._update_copy(
                    message,
                    itip,
                    account,
                    current,
                    addressed_to=addressed_to,
                    cancel=cancel,
                    source=source,
                )
            )
        copy.served.update(account.account_id for account, _ in accounts)
        result = results[0] if len(set(results)) == 1 else ",".join(results)
        names = _names([account for account, _ in accounts])
        detail = names + (f" ({check.detail})" if check.detail else "")
        return Outcome(itip.method, itip.uid, result, detail)

    def _copy_of(self, account: AccountView, itip: ItipMessage) -> ObjectView | None:
        """The account's resource with the message's UID, in whichever calendar it is."""
        return self.app.queries.object_with_uid(account.account_id, itip.uid)

    def _update_copy(
        self,
        message: InboundMessage,
        itip: ItipMessage,
        account: AccountView,
        current: ObjectView | None,
        *,
        addressed_to: str | None,
        cancel: bool,
        source: str,
    ) -> str:
        stored = None if current is None else parse_calendar_object(current.ical)
        own = self.ownership.addresses(account)
        if cancel:
            text = apply_cancel(stored, itip)
        else:
            text = apply_request(stored, itip, own, addressed_to=addressed_to)
        if text is None:
            return "unchanged" if stored is not None else "ignored"
        result = self.app.put_object(
            current.calendar_id
            if current is not None
            else calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG),
            current.href if current is not None else resource_name(itip.uid),
            text,
            actor=_actor(message),
            source=source,
            organizer_copy=True,
        )
        if cancel:
            return "cancelled"
        return "created" if result.created else "updated" if result.changed else "unchanged"

    def _invited_accounts(
        self, itip: ItipMessage, message: InboundMessage, only: frozenset[UUID] | None = None
    ) -> list[tuple[AccountView, str | None]]:
        """Televent users the message is for, each with the address it was mailed to when no
        ATTENDEE names them (a CANCEL often lists nobody; Exchange invites mailing lists that
        way).
        Whose an address is, is the directory's one answer (`account_for_address`): an
        internal address, a linked email or a current invitation address.
        `only` keeps these accounts alone: a later copy of the message is read as if it came
        first, for its own recipients."""
        found: dict[UUID, AccountView] = {}
        for attendee in itip.attendees():
            account = self.app.queries.account_for_address(attendee.value, self.app.internal_domain)
            if account is not None:
                found.setdefault(account.account_id, account)
        invited: list[tuple[AccountView, str | None]] = [(a, None) for a in found.values()]
        if not found:
            for address in message.recipients:
                account = self.app.queries.account_for_address(address, self.app.internal_domain)
                if account is not None and account.account_id not in found:
                    found[account.account_id] = account
                    invited.append((account, address))
        return [(a, to) for a, to in invited if only is None or a.account_id in only]

    def _nobody_invited(self, itip: ItipMessage, message: InboundMessage) -> str:
        """Why a message for nobody in Televent is ignored (said in the outcome)."""
        addresses = [a.value for a in itip.attendees()] + list(message.recipients)
        if any(self.app.queries.replaced_invite_address(a) for a in addresses):
            return "it was sent to an invitation address its owner replaced; it takes no mail"
        if any(self.identity.alias_in(a) is not None for a in addresses):
            return "no Televent user has this invitation address"
        return "no Televent user is invited"

    # --- from an attendee of an event organised here ----------------------------------------

    def _reply(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        answers = answers_in(itip)
        if not answers:
            return Outcome("REPLY", itip.uid, "ignored", "the reply names no attendee answer")
        # Only the answers the reply address may speak for count (a client may list the other
        # attendees too, the organizer among them); each is checked before any is recorded.
        checked: list[tuple[Any, UUID, PartStat, bool]] = []
        refusal = ""
        for answer in answers:
            event_id, why = self._event_answered(message, itip, answer.address)
            if event_id is None:
                refusal = refusal or why
                continue
            current = self.app.queries.object_by_event_id(event_id)
            if current is None:
                return Outcome("REPLY", itip.uid, "refused", "the event no longer exists")
            stored = parse_calendar_object(current.ical)
            if not _invited(answer.address, stored.components):
                return Outcome("REPLY", itip.uid, "refused", f"{answer.address} is not invited")
            try:
                partstat = PartStat(answer.partstat)
            except ValueError:
                return Outcome("REPLY", itip.uid, "refused", f"unknown PARTSTAT {answer.partstat}")
            checked.append((answer, event_id, partstat, reply_is_stale(stored, answer)))
        if not checked:
            return Outcome("REPLY", itip.uid, "refused", refusal)
        results: list[str] = []
        for answer, event_id, partstat, stale in checked:
            if stale:
                results.append("stale")
                continue
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
        addresses = ", ".join(sorted({answer.address for answer, *_ in checked}))
        return Outcome("REPLY", itip.uid, result, f"{addresses} (by the reply address)")

    def _invitation(
        self, message: InboundMessage, itip: ItipMessage, address: str | None = None
    ) -> tuple[UUID, str] | str:
        """(event id, attendee address) of the invitation whose reply address the message came
        to (the one for `address`, when given and the message came to several), if it is one
        of an event with the message's UID; else why not. The From header proves nothing:
        anyone can write any address there."""
        tokens = [t for t in (self.identity.token_in((r,)) for r in message.recipients) if t]
        if not tokens:
            return (
                f"the message did not come to the reply address of an invitation "
                f"({self.identity.local}+<token>@{self.identity.domain})"
            )
        found: list[tuple[UUID, str] | str] = [self._invited_by(t, itip) for t in tokens]
        fitting = [f for f in found if isinstance(f, tuple) and f[1] == address]
        return fitting[0] if fitting else found[0]

    def _invited_by(self, token: str, itip: ItipMessage) -> tuple[UUID, str] | str:
        invitation = self.mail.invitation_by_token(token)
        if invitation is None:
            return "the reply address is unknown or expired"
        event_id, invited = UUID(invitation[0]), normalize_address(invitation[1])
        current = self.app.queries.object_by_event_id(event_id)
        if current is None:
            return "the event no longer exists"
        if current.uid != itip.uid:
            return f"the reply address belongs to another event than {itip.uid}"
        return event_id, invited

    def _event_answered(
        self, message: InboundMessage, itip: ItipMessage, address: str
    ) -> tuple[UUID | None, str]:
        """The event a reply is about, if the reply may speak for `address`."""
        found = self._invitation(message, itip, address)
        if isinstance(found, str):
            return None, found
        event_id, invited = found
        if invited != address:
            return None, f"the reply speaks for {address}, not for the invited {invited}"
        return event_id, ""

    def _answering(self, message: InboundMessage, itip: ItipMessage) -> str:
        """Who a COUNTER or REFRESH speaks for: the attendee whose reply address it came to,
        when it names them or no one (a COUNTER may list every attendee, the organizer
        first, as RFC 5546 §3.2.7 writes it); else its first answering ATTENDEE."""
        answers = answers_in(itip)
        found = self._invitation(message, itip)
        if isinstance(found, tuple) and (
            not answers or any(a.address == found[1] for a in answers)
        ):
            return found[1]
        if answers:
            return answers[0].address
        return found[1] if isinstance(found, tuple) else normalize_address(message.sender or "")

    def _counter(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        """Record a proposal for the organizer, who is asked in Telegram (RFC 5546 §3.2.7)."""
        address = self._answering(message, itip)
        event_id, refusal = self._event_answered(message, itip, address)
        if event_id is None:
            return Outcome("COUNTER", itip.uid, "refused", refusal)
        self.counters.propose(
            event_id, address, itip, message_id=message.message_id,
            source=f"email:{message.message_id}",
        )  # fmt: skip
        return Outcome("COUNTER", itip.uid, "proposed", address)

    def _refresh(self, message: InboundMessage, itip: ItipMessage) -> Outcome:
        address = self._answering(message, itip)
        event_id, refusal = self._event_answered(message, itip, address)
        if event_id is None:
            return Outcome("REFRESH", itip.uid, "refused", refusal)
        current = self.app.queries.object_by_event_id(event_id)
        token = self.mail.invitation_token(str(event_id), address)
        if current is None or token is None:
            return Outcome("REFRESH", itip.uid, "refused", f"{address} is not invited")
        owner = self._owner_of(current.calendar_id)
        self.mail.enqueue_mail(
            f"request:{event_id}:{address}:refresh:{message.message_id}",
            address,
            "REQUEST",
            str(event_id),
            None if owner is None else str(owner.account_id),
            itip_payload(current.ical, token, stamp(self.app.clock())),
        )
        return Outcome("REFRESH", itip.uid, "resent", address)

    # --- helpers ----------------------------------------------------------------------------

    def _owner_of(self, calendar_id: UUID) -> AccountView | None:
        calendar = self.app.queries.calendar(calendar_id)
        return None if calendar is None else self.app.queries.account_by_id(calendar.account_id)


def _source(message: InboundMessage, trusted: str) -> str:
    """The source of a change an email makes: its Message-ID, and what vouched for its sender
    when a trusted MTA said something (the audit shows it)."""
    detail = f"{message.message_id} ({trusted})" if trusted else message.message_id
    return Source(SourceKind.EMAIL, detail).encode()


def _invited(address: str, components: list[Any]) -> bool:
    return any(normalize_address(a.value) == address for c in components for a in c.all("ATTENDEE"))


def _actor(message: InboundMessage) -> str:
    return f"address:{message.sender}" if message.sender else "system:"


def _names(accounts: list[AccountView]) -> str:
    return ", ".join(f"tg:{a.telegram_id}" for a in accounts)


def _served_key(message: InboundMessage, account_id: UUID) -> str:
    """What `mail_inbound` records a message's invitation under, once for each account it
    served (beside the message's own Message-ID)."""
    return f"{message.message_id} for {account_id}"
