"""The mail that carries a code to an address someone wants to link (application/email_links.py):
a short text and HTML message from the mail identity's From, saying who asked and what to do
with the code, and that nothing happens without it."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from televent.adapters.mail.outbound import NoticeMail, build_notice, esc, html_page
from televent.application.mail_notices import NoLongerWantedError
from televent.delivery.mail_queue import MailDelivery
from televent.domain.mail_identity import MailIdentity


def code_message(
    delivery: MailDelivery, identity: MailIdentity, message_id: str, now: dt.datetime
) -> tuple[EmailMessage, str]:
    """The message for a queued code, and its Message-ID. NoLongerWantedError when the row no
    longer holds a code (it was withdrawn: a newer code replaced it) or the code has expired."""
    code = delivery.payload.get("code")
    if not code:
        raise NoLongerWantedError("the code was replaced by a newer one")
    expires_at = delivery.payload.get("expires_at")
    if expires_at is not None and now.timestamp() >= int(expires_at):
        raise NoLongerWantedError("the code expired before it could be sent")
    minutes = int(delivery.payload.get("minutes") or 15)
    who = delivery.payload.get("name") or "A Televent user"
    text = (
        f"Your Televent code: {code}\n\n"
        f"{who} asked to link {delivery.recipient} to their Televent account. "
        f"To do it, give this code back to Televent (in the bot: /email {code}) within "
        f"{minutes} minutes.\n\n"
        "If it was not you, ignore this mail: nothing is linked without the code.\n"
    )
    page = html_page(
        f"Your Televent code: {code}",
        [
            f'<p style="font-size:28px;letter-spacing:4px"><b>{esc(code)}</b></p>',
            f"<p>{esc(who)} asked to link {esc(delivery.recipient)} to their Televent account. "
            f"To do it, give this code back to Televent (in the bot: "
            f"<code>/email {esc(code)}</code>) within {minutes} minutes.</p>",
            "<p>If it was not you, ignore this mail: nothing is linked without the code.</p>",
        ],
    )
    mail = NoticeMail(
        to_address=delivery.recipient,
        from_address=identity.address,
        from_name=identity.name,
        subject=f"Your Televent code: {code}",
        text=text,
        html=page,
        message_id=message_id,
        date=now,
    )
    return build_notice(mail), message_id
