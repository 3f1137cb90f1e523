"""The mail that carries a code to an address someone wants to link (application/email_links.py):
a short text and HTML message from the mail identity's From, saying who asked and what to do
with the code, and that nothing happens without it."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from televent.adapters.i18n import speaking, t
from televent.adapters.mail.outbound import NoticeMail, build_notice, esc, html_page
from televent.application.mail_notices import NoLongerWantedError
from televent.delivery.mail_queue import MailDelivery
from televent.domain.languages import DEFAULT_LANGUAGE
from televent.domain.mail_identity import MailIdentity


def code_message(
    delivery: MailDelivery,
    identity: MailIdentity,
    message_id: str,
    now: dt.datetime,
    *,
    language: str = DEFAULT_LANGUAGE,
) -> tuple[EmailMessage, str]:
    """The message for a queued code, in `language` (the account's that asked for it), and
    its Message-ID. NoLongerWantedError when the row no longer holds a code (it was withdrawn:
    a newer code replaced it) or the code has expired."""
    code = delivery.payload.get("code")
    if not code:
        raise NoLongerWantedError("the code was replaced by a newer one")
    expires_at = delivery.payload.get("expires_at")
    if expires_at is not None and now.timestamp() >= int(expires_at):
        raise NoLongerWantedError("the code expired before it could be sent")
    minutes = int(delivery.payload.get("minutes") or 15)
    with speaking(language) as speaks:
        who = str(delivery.payload.get("name") or t("mail-code-someone"))
        subject = t("mail-code-subject", code=str(code))
        asked = t(
            "mail-code-asked", who=who, address=delivery.recipient, code=str(code), minutes=minutes
        )
        ignore = t("mail-code-ignore")
    text = f"{subject}\n\n{asked}\n\n{ignore}\n"
    page = html_page(
        subject,
        [
            f'<p style="font-size:28px;letter-spacing:4px"><b>{esc(str(code))}</b></p>',
            f"<p>{esc(asked)}</p>",
            f"<p>{esc(ignore)}</p>",
        ],
        language=speaks,
    )
    mail = NoticeMail(
        to_address=delivery.recipient,
        from_address=identity.address,
        from_name=identity.name,
        subject=subject,
        text=text,
        html=page,
        message_id=message_id,
        date=now,
        language=speaks,
    )
    return build_notice(mail), message_id
