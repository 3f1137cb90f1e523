"""Sends the email queue over SMTP: iTIP messages as iMIP (RFC 6047), retried with backoff.

A row of the queue holds the event as it was at the revision that called for the message;
here it becomes the iTIP message (domain/itip/outbound.py: METHOD, ORGANIZER = the attendee's
reply address, DTSTAMP, VTIMEZONEs) and the MIME message Gmail, Outlook and Apple Mail show as
an invitation (outbound.py). A 4xx or a network failure is retried with exponential backoff; a
5xx (or the last retry) is reported to the application's delivery failures
(application/delivery_failures.py), which settles the row and tells the organizer.

A reminder, agenda or notice a person chose to get by mail (method NOTICE) becomes a text and
HTML mail to their own linked address (notices.py), with the event attached as a METHOD:PUBLISH
copy and a one-click List-Unsubscribe link (`<public URL>/unsubscribe/<token>`, unsubscribe.py);
one whose address was unlinked or whose kind was turned off since it was queued is skipped
(application/mail_notices.py).

Every mail is written in its recipient's language (the catalogue's `mail-*` messages): a
Televent user's (`AccountView.language`, with their clock and zone); for an address outside
Televent, the language of the user it is sent for (the organizer, the booking link's owner, the
attendee who answers); the times on the clock of that language. It says so in Content-Language.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any
from urllib.parse import quote
from uuid import UUID

from televent.adapters.i18n import current_language, speaking, t
from televent.adapters.mail.code_mail import code_message
from televent.adapters.mail.notices import Reader, notice_text, rsvp_text, when_text
from televent.adapters.mail.outbound import (
    MailSummary,
    NoticeMail,
    OutgoingMail,
    build_message,
    build_notice,
)
from televent.adapters.mail.smtp import (
    PermanentMailError,
    SmtpSettings,
    TemporaryMailError,
    send_message,
)
from televent.adapters.mail.unsubscribe import UNSUBSCRIBE_PATH
from televent.adapters.port import AppPort
from televent.application.delivery_failures import DeliveryFailures
from televent.application.mail_notices import MailNotices, NoLongerWantedError
from televent.application.televent import Televent
from televent.delivery.mail_queue import CODE, MailDelivery, MailQueue
from televent.delivery.telegram_queue import MAX_ATTEMPTS, SKIPPED, backoff
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.itip.outbound import outgoing
from televent.domain.languages import DEFAULT_LANGUAGE, supported
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import Source, SourceKind, internal_address
from televent.domain.zones import zone_or_utc
from televent.infrastructure.database import is_lock_contention
from televent.projections.bookings_reader import BookingView
from televent.projections.queries import AccountView

LOG = logging.getLogger(__name__)
MAIL_SOURCE = Source(SourceKind.SYSTEM, "mail").encode()


class MailSender:
    """Claims due messages and hands them to the SMTP relay."""

    def __init__(
        self,
        app: Televent,
        identity: MailIdentity,
        smtp: SmtpSettings,
        port: AppPort,
        *,
        queue: MailQueue,
        failures: DeliveryFailures,
        clock: Callable[[], dt.datetime] | None = None,
        poll_seconds: float = 1.0,
        public_url: str = "",
    ) -> None:
        """`queue` is the email queue it claims from; `failures` is told of every message
        given up; `clock` dates the messages (the application's by default); `public_url` is
        the server's public base URL, which the manage link of a booking's mail starts with
        (without it the mail has no manage link)."""
        self.app = app
        self.identity = identity
        self.smtp = smtp
        self.port = port
        self.queue = queue
        self.failures = failures
        self.clock = clock or app.clock
        self.poll_seconds = poll_seconds
        self.public_url = public_url.strip().rstrip("/")
        self.notices = MailNotices(app, queue)

    async def run_forever(self) -> None:
        """Send until cancelled; a failed round is logged and the next one tries again."""
        while True:
            try:
                sent = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if not is_lock_contention(exc):  # another process writing: the next round
                    LOG.exception("Mail delivery round failed")
                sent = 0
            if not sent:
                await asyncio.sleep(self.poll_seconds)

    async def run_once(self) -> int:
        """Send what is due now; returns how many rows were handled."""
        batch = await self.port.run(self.queue.claim_mail)
        for delivery in batch:
            try:
                await self._send(delivery)
            except asyncio.CancelledError:
                raise
            except Exception:  # one row never stops the others; its lease lapses, it is retried
                LOG.exception("Mail %s failed; sending the others", delivery.delivery_id)
        return len(batch)

    async def _send(self, delivery: MailDelivery) -> None:
        try:
            message, message_id = await self.port.run(self.compose, delivery)
        except NoLongerWantedError as exc:  # a notice whose address or consent went meanwhile
            await self.port.run(self.queue.give_up, delivery.delivery_id, str(exc), SKIPPED)
            return
        except Exception as exc:  # a row that cannot become a message will never send
            LOG.exception("Cannot compose mail %s", delivery.delivery_id)
            await self.port.run(self._fail, delivery, f"cannot compose: {exc}")
            return
        try:
            await send_message(
                self.smtp, message, envelope_from=self.identity.address,
                recipients=[delivery.recipient],
            )  # fmt: skip
        except PermanentMailError as exc:
            await self.port.run(self._fail, delivery, f"{exc.code or ''} {exc.detail}".strip())
        except TemporaryMailError as exc:
            error = f"{exc.code or ''} {exc.detail}".strip()
            if delivery.attempts + 1 >= MAX_ATTEMPTS:
                await self.port.run(self._fail, delivery, f"gave up: {error}")
            else:
                await self.port.run(
                    self.queue.retry, delivery.delivery_id, backoff(delivery.attempts + 1), error
                )
        else:
            await self.port.run(self.queue.sent, delivery.delivery_id, message_id)

    def _fail(self, delivery: MailDelivery, reason: str) -> None:
        LOG.warning("Giving up mail %s: %s", delivery.delivery_id, reason)
        self.failures.refused(delivery, reason)

    # --- composing ------------------------------------------------------------------------

    def compose(self, delivery: MailDelivery) -> tuple[EmailMessage, str]:
        """The MIME message for a row, and its Message-ID (stable across retries)."""
        if delivery.is_notice:
            return self._compose_notice(delivery)
        owner = self.app.queries.account_by_id(delivery.account_id) if delivery.account_id else None
        if delivery.method == CODE:  # to the address the account links: in the account's language
            language = owner.language if owner is not None else DEFAULT_LANGUAGE
            return code_message(
                delivery, self.identity, self._message_id(delivery), self.clock(), language=language
            )
        payload: dict[str, Any] = delivery.payload
        owner_name = owner.name if owner is not None else None
        stamp = dt.datetime.fromisoformat(payload["stamp"])
        method = delivery.method
        token = payload.get("token") or ""
        reply_to = self.identity.reply_address(token) if token else None
        organizer = (reply_to, owner_name) if reply_to and method != "REPLY" else None
        people = self._people(payload, delivery.account_id)
        ical = outgoing(
            payload["ical"],
            method,
            organizer=organizer,
            stamp=stamp,
            attendee=payload.get("attendee")
            or (delivery.recipient if method == "CANCEL" else None),
            partstat=payload.get("partstat"),
            instances=payload.get("instances") or None,
            people=people,
            hidden_domain=self.app.internal_domain,
        )
        facts = facts_of(parse_calendar_object(payload["ical"]))
        booking = self._booking_of(delivery)
        reader = self._reader(delivery, owner, booking)
        with speaking(reader.language):
            title = facts.get("summary") or t("mail-no-title")
            when = _when(facts, reader, payload.get("instances") or [])
            headline, subject = self._wording(delivery, owner_name, title, when)
            description = None
            if booking is not None:
                subject = _booking_subject(
                    method,
                    booking.title or title,
                    owner_name,
                    when,
                    subject,
                    updated=":s" in delivery.delivery_id,
                )
                if method == "REQUEST" and self.public_url:  # a mail has no base for a path
                    description = t("mail-visitor-manage", url=self._manage_url(booking))
        message_id = self._message_id(delivery)
        mail = OutgoingMail(
            method=method,
            ical=ical,
            to_address=delivery.recipient,
            to_name=payload.get("name") or None,
            from_address=self._from_address(method, payload.get("attendee")),
            from_name=owner_name or self.identity.name,
            reply_to=reply_to,
            subject=subject,
            summary=MailSummary(
                headline=headline,
                title=title,
                when=when,
                location=facts.get("location"),
                organizer=owner_name if method != "REPLY" else facts.get("organizer_name"),
                description=description,
                attendees=tuple(
                    _guest(a, people)
                    for a in facts.get("attendees", [])
                    if a["address"] in people
                    or not a["address"].endswith("@" + self.app.internal_domain.lower())
                ),
                language=reader.language,
            ),
            message_id=message_id,
            date=self.clock(),
            language=reader.language,
        )
        return build_message(mail), message_id

    def _reader(
        self, delivery: MailDelivery, owner: AccountView | None, booking: BookingView | None
    ) -> Reader:
        """Whom an iMIP message is written for. A Televent user (the address is theirs):
        their language, clock and zone. Anyone else: the language of the user it is sent
        for (`owner`: the organizer, the attendee who answers, the booking link's owner) and
        the clock of that language, in the owner's zone. A booking's visitor reads the
        language of the page they booked on (else the owner's), in the zone they chose there."""
        person = self.app.queries.account_for_address(delivery.recipient, self.app.internal_domain)
        if person is not None:
            language, hour_cycle = person.language, person.preferences.hour_cycle
            zone = person.timezone
        else:
            language = owner.language if owner is not None else DEFAULT_LANGUAGE
            hour_cycle, zone = None, owner.timezone if owner is not None else "UTC"
        if booking is not None:
            zone = booking.tz
            if person is None:
                language = supported(booking.language) or language
        return Reader(language, hour_cycle, zone_or_utc(zone))

    def _compose_notice(self, delivery: MailDelivery) -> tuple[EmailMessage, str]:
        """A reminder, agenda or notice for the person's own linked email (NoLongerWantedError
        when it is not to be sent any more: application/mail_notices.py)."""
        notice = self.notices.to_send(delivery)
        account = notice.account
        zone = zone_or_utc(account.timezone)
        unsubscribe = None
        if self.public_url:
            unsubscribe = f"{self.public_url}{UNSUBSCRIBE_PATH}/{notice.unsubscribe_token}"
        text = notice_text(
            notice.channel, notice.kind, notice.message, zone,
            language=account.language, hour_cycle=account.preferences.hour_cycle,
            event_id=delivery.event_id, app_url=self.public_url, unsubscribe_url=unsubscribe,
        )  # fmt: skip
        ical = None
        if notice.ical:
            ical = outgoing(
                notice.ical, "PUBLISH", organizer=None, stamp=self.clock(),
                hidden_domain=self.app.internal_domain,
            )  # fmt: skip
        message_id = self._message_id(delivery)
        mail = NoticeMail(
            to_address=delivery.recipient,
            to_name=notice.account.name,
            from_address=self.identity.address,
            from_name=self.identity.name,
            subject=text.subject,
            text=text.text,
            html=text.html,
            message_id=message_id,
            date=self.clock(),
            ical=ical,
            unsubscribe_url=unsubscribe,
            language=text.language,
        )
        return build_notice(mail), message_id

    def _message_id(self, delivery: MailDelivery) -> str:
        """The Message-ID of a row's message: the same on every retry."""
        digest = hashlib.sha256(delivery.delivery_id.encode()).hexdigest()[:32]
        return f"{digest}@{self.identity.domain}"

    def _booking_of(self, delivery: MailDelivery) -> BookingView | None:
        """The booking a message is about, when it goes to the booking's visitor: their mail
        speaks their zone and carries the manage link (the owner's mail stays as it was)."""
        if not delivery.event_id:
            return None
        booking = self.app.queries.booking_of_event(delivery.event_id)
        if booking is None or booking.email.strip().lower() != delivery.recipient.strip().lower():
            return None
        return booking

    def _manage_url(self, booking: BookingView) -> str:
        """Where the visitor cancels or reschedules (the public manage page)."""
        return f"{self.public_url}/book/{quote(booking.slug)}/manage/{quote(booking.token)}"

    def _people(
        self, payload: dict[str, Any], account_id: str | None
    ) -> dict[str, tuple[str, str | None]]:
        """How the Televent users the message names are shown to its recipient (the row's
        `people`, email_delivery.py): their linked email, else their alias address. A row
        queued without them (a REFRESH, a DECLINECOUNTER) names its sender the same way; any
        other internal address is left out of the message (domain/itip/outbound.py)."""
        people: dict[str, tuple[str, str | None]] = {}
        for address, person in (payload.get("people") or {}).items():
            shown = (
                person.get("email")
                or (self.identity.alias_address(person["alias"]) if person.get("alias") else None)
                or self._invite_address(person.get("account"))
            )  # "alias": a row queued before invitation addresses were events
            if shown:
                people[address] = (shown, person.get("name"))
        if "people" in payload or not account_id:
            return people
        owner = self.app.queries.account_by_id(UUID(account_id))
        if owner is not None:
            shown = owner.emails[0] if owner.emails else self._invite_address(account_id)
            if shown:
                internal = internal_address(owner.telegram_id, self.app.internal_domain)
                people.setdefault(internal.lower(), (shown, owner.name))
        return people

    def _invite_address(self, account_id: str | None) -> str | None:
        """The account's invitation address, made now if it has none yet (application/
        invite_addresses.py); None for an account that is gone."""
        owner = self.app.queries.account_by_id(UUID(account_id)) if account_id else None
        if owner is None:
            return None
        return self.app.invite_address(owner.telegram_id, actor="system:", source=MAIL_SOURCE)

    def _from_address(self, method: str, attendee: str | None) -> str:
        """The From of a message: Televent's own, but a REPLY that speaks for a user's
        invitation address comes from that address (it is Televent's too)."""
        if method == "REPLY" and attendee and self.identity.alias_in(attendee) is not None:
            return attendee
        return self.identity.address

    def _wording(
        self, delivery: MailDelivery, owner_name: str | None, title: str, when: str
    ) -> tuple[str, str]:
        """(headline, subject) of an iMIP message, in the current language (`speaking`)."""
        who = owner_name or t("mail-someone")
        if delivery.method == "CANCEL":
            if delivery.payload.get("instances"):
                title = t("mail-one-occurrence", text=title)
            return (
                t("mail-imip-cancel-headline", who=who, title=title),
                t("mail-cancelled-subject", title=title, when=when),
            )
        if delivery.method == "DECLINECOUNTER":
            return (
                t("mail-imip-declinecounter-headline", who=who, title=title),
                t("mail-imip-declinecounter-subject", title=title, when=when),
            )
        if delivery.method == "REPLY":
            answer = rsvp_text(current_language(), who, delivery.payload.get("partstat"))
            return answer, t("mail-rsvp-subject", answer=answer, title=title, when=when)
        if ":s" in delivery.delivery_id:
            return (
                t("mail-imip-update-headline", who=who, title=title),
                t("mail-invitation-update-subject", title=title, when=when),
            )
        return (
            t("mail-imip-invite-headline", who=who, title=title),
            t("mail-invitation-subject", title=title, when=when),
        )


def _booking_subject(
    method: str, title: str, owner_name: str | None, when: str, usual: str, *, updated: bool
) -> str:
    """The subject the visitor reads: "Booked: Intro call with Olga Owner @ <when>", "Moved:
    ..." after a reschedule, "Cancelled: ..." (in the current language, `speaking`)."""
    meeting = t("mail-booking-with", title=title, name=owner_name) if owner_name else title
    if method == "REQUEST":
        if updated:
            return t("mail-visitor-moved-subject", meeting=meeting, when=when)
        return t("mail-booked-subject", meeting=meeting, when=when)
    if method == "CANCEL":
        return t("mail-cancelled-subject", title=meeting, when=when)
    return usual


def _guest(attendee: dict[str, Any], people: dict[str, tuple[str, str | None]]) -> str:
    """An attendee as the text and HTML parts list them."""
    person = people.get(attendee["address"])
    if person is not None:
        return person[1] or attendee.get("cn") or person[0]
    return str(attendee.get("cn") or attendee["address"])


def _when(facts: dict[str, Any], reader: Reader, instances: list[str]) -> str:
    """The time as the reader reads it: "Tue, Dec 3, 2026, 3:00 PM to 4:00 PM (Europe/Berlin)"."""
    start = instances[0] if instances else facts.get("start")
    end = None if instances else facts.get("end")
    return when_text(
        start,
        end,
        reader.zone,
        all_day=bool(facts.get("all_day")),
        language=reader.language,
        hour_cycle=reader.hour_cycle,
    )
