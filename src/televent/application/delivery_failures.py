"""Emails that could not be delivered: refused for good by the relay, or bounced back.

Whoever learns of it (the SMTP sender after a 5xx or its last retry, the inbox reading a
delivery status notification, RFC 3464) reports it here, and the failure is handled in one
place:

- the queued message is settled (`failed` or `bounced`) with the reason;
- SCHEDULE-STATUS 5.1 is recorded on the recipient in the event (a domain event: their CalDAV
  client shows it, RFC 6638 §3.2.9);
- the organizer (the message's sender) is told in Telegram.

A reminder, agenda or notice mailed to a person's own linked email is settled the same way,
and nothing more (projections/notifications.py).
"""

from __future__ import annotations

import contextlib
import logging
from uuid import UUID

from televent.application.itip_outcomes import Outcome, text_of
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailDelivery, MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import TeleventError
from televent.domain.ical import parse_calendar_object
from televent.domain.inbound_mail import Bounce
from televent.domain.values import normalize_address

LOG = logging.getLogger(__name__)


class DeliveryFailures:
    """Settles undeliverable emails and tells their senders."""

    def __init__(self, app: Televent, *, mail: MailQueue, telegram: DeliveryQueue) -> None:
        self.app = app
        self.mail = mail
        self.telegram = telegram

    def refused(self, delivery: MailDelivery, reason: str) -> None:
        """The relay refused the message for good (5xx), or it failed its last retry."""
        self.mail.failed_for_good(delivery.delivery_id, reason)
        self._notify(delivery, reason, source=f"smtp:{delivery.delivery_id}")

    def bounced(self, bounce: Bounce, *, source: str) -> Outcome:
        """A delivery status notification came back for a message (maybe one sent here)."""
        delivery = None
        if bounce.original_message_id:
            delivery = self.mail.by_message_id(bounce.original_message_id)
        if delivery is None:
            detail = ", ".join(bounce.failed_recipients) or "unknown recipient"
            return Outcome("", "", "ignored", f"a bounce for a message not sent here ({detail})")
        if normalize_address(delivery.recipient) not in bounce.failed_recipients:
            # anyone may write a report naming a Message-ID (ours can be worked out from what
            # an invitation shows): it counts only when it names the message's recipient
            detail = ", ".join(bounce.failed_recipients) or "no recipient"
            return Outcome(
                delivery.method,
                "",
                "ignored",
                f"a bounce that does not name the recipient ({detail})",
            )
        reason = bounce.reason
        self.mail.bounced(delivery.delivery_id, f"bounce: {reason}")
        self._notify(delivery, reason, source=source)
        return Outcome(delivery.method, "", "bounce", f"{delivery.recipient}: {reason}")

    def _notify(self, delivery: MailDelivery, reason: str, *, source: str) -> None:
        """SCHEDULE-STATUS 5.1 on the recipient in the event, and the sender told in Telegram.
        A reminder, agenda or notice mailed to the person's own address is only recorded (its
        recipient is no attendee, and telling them of every bounce would be noise)."""
        if delivery.is_notice:
            return
        if delivery.event_id:
            try:
                self.app.record_delivery_failure(
                    UUID(str(delivery.event_id)),
                    delivery.recipient,
                    delivery.method,
                    reason=reason,
                    actor="system:mail",
                    source=source,
                )
            except (ValueError, TeleventError):
                pass  # the event is gone or changed beyond this recipient: nothing to mark
            except Exception:
                # the mail is settled already: a mark that cannot be made (a read model that
                # cannot take it, a database that is busy) must not cost the sender the notice
                LOG.exception("Could not mark the failed delivery %s", delivery.delivery_id)
        owner = self.app.queries.account_by_id(delivery.account_id) if delivery.account_id else None
        if owner is None:
            return
        summary = None
        with contextlib.suppress(TeleventError):
            summary = text_of(parse_calendar_object(delivery.payload.get("ical", "")).lead)
        self.telegram.enqueue(
            f"mail_failed:{delivery.delivery_id}",
            owner.telegram_id,
            "mail_failed",
            delivery.event_id,
            {
                "summary": summary,
                "recipient": delivery.recipient,
                "method": delivery.method,
                "reason": reason[:300],
            },
        )
