"""The HTTP ways in for email, mounted by adapters/http.py; each ends in the same intake
(ingest.py `receive_email`, then the scheduling inbox) as `televent mail ingest` and IMAP:

* ``POST /inbound/email``: the raw RFC 5322 message as the body, from an MTA or a script;
  the inbound secret as ``X-Televent-Secret`` or a Bearer token.
* ``POST /inbound/mailgun`` (and ``/inbound/mailgun/mime``, the URL a Mailgun route must
  forward to for the raw message): Mailgun's signature with the webhook signing key.
* ``POST /inbound/sendgrid``: SendGrid Inbound Parse; HTTP Basic, the inbound secret as
  the password.
* ``POST /inbound/postmark``: Postmark's inbound webhook; HTTP Basic likewise.

How each provider's request is verified and read is providers.py's. A route whose secret is
not set answers 404; a wrong or missing secret or signature 403, and nothing is read; a
message over the size limit 413; a request or message that cannot be read 4xx with the
reason. The answer to a message taken in is its receipt (JSON): what became of each
calendar object, and whether the message had been processed already (by any route: the
intake knows a Message-ID once).
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from typing import Any

from litestar import Request, Response, post

from televent.adapters.mail.inbound import MessageTooLargeError
from televent.adapters.mail.ingest import receive_email
from televent.adapters.mail.providers import (
    MailgunSignatures,
    ProviderRequestError,
    basic_password_matches,
    form_fields,
    postmark_message,
    sendgrid_message,
)
from televent.adapters.port import AppPort
from televent.application.itip_inbox import ItipInbox
from televent.domain.errors import TeleventError

INBOUND_EMAIL_PATH = "/inbound/email"
MAILGUN_PATHS = ("/inbound/mailgun", "/inbound/mailgun/mime")
SENDGRID_PATH = "/inbound/sendgrid"
POSTMARK_PATH = "/inbound/postmark"
INBOUND_PATHS = frozenset({INBOUND_EMAIL_PATH, *MAILGUN_PATHS, SENDGRID_PATH, POSTMARK_PATH})
# A provider's request carries more than the message: Postmark's JSON has the message, its
# parsed text and HTML, and every attachment again (base64); a form may be URL-encoded.
PROVIDER_BODY_FACTOR = 4
OFF = "Inbound email is off ({} is not set)."
BASIC_REFUSED = "Wrong or missing password (HTTP Basic; the password is TELEVENT_INBOUND_SECRET)."


def inbound_handlers(
    port: AppPort,
    inbox: ItipInbox | None,
    *,
    inbound_secret: str | None,
    mailgun_signing_key: str | None,
    max_message_bytes: int,
) -> list[Any]:
    """The route handlers of the inbound email routes."""
    provider_body = PROVIDER_BODY_FACTOR * max_message_bytes + 1_000_000
    mailgun = MailgunSignatures(mailgun_signing_key) if mailgun_signing_key else None

    async def intake(raw: bytes) -> Response[dict[str, Any]]:
        assert inbox is not None
        try:
            receipt = await port.run(receive_email, inbox, raw)
        except MessageTooLargeError as exc:
            return _error(413, str(exc))
        except TeleventError as exc:
            return _error(400, str(exc))
        return Response(receipt.as_dict(), status_code=200)

    @post(
        INBOUND_EMAIL_PATH,
        status_code=200,
        request_max_body_size=max_message_bytes + 1,
        include_in_schema=False,
    )
    async def inbound_email(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
        """Receive one raw RFC 5322 message (an MTA, a script, a mail service's raw hook)."""
        if inbox is None or not inbound_secret:
            return _error(404, OFF.format("TELEVENT_INBOUND_SECRET"))
        given = request.headers.get("x-televent-secret", "")
        bearer = request.headers.get("authorization", "")
        if bearer.lower().startswith("bearer "):
            given = given or bearer[7:].strip()
        if not hmac.compare_digest(given.encode(), inbound_secret.encode()):
            return _error(403, "Wrong or missing inbound secret.")
        return await intake(await request.body())

    @post(
        list(MAILGUN_PATHS),
        status_code=200,
        request_max_body_size=provider_body,
        include_in_schema=False,
    )
    async def inbound_mailgun(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
        """Receive a message from a Mailgun route (forward, or store and notify)."""
        if inbox is None or mailgun is None:
            return _error(404, OFF.format("TELEVENT_MAILGUN_SIGNING_KEY"))
        content_type, body = request.headers.get("content-type", ""), await request.body()
        try:  # reading a form of tens of megabytes is work for a thread, not the event loop
            fields = await port.run(form_fields, content_type, body)
            delivery = mailgun.delivery(fields, time.time())
        except ProviderRequestError as exc:
            return _error(exc.status, exc.reason)
        answer = await intake(delivery.raw)
        mailgun.used(delivery, time.time())  # taken in, or refused for what it holds
        return answer

    def behind_basic(path: str, message_of: Callable[[str, bytes], bytes]) -> Any:
        """A provider's route behind HTTP Basic with the inbound secret as the password;
        `message_of(content type, body)` takes the raw message out of the request."""

        @post(path, status_code=200, request_max_body_size=provider_body, include_in_schema=False)
        async def inbound_provider(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
            if inbox is None or not inbound_secret:
                return _error(404, OFF.format("TELEVENT_INBOUND_SECRET"))
            authorization = request.headers.get("authorization", "")
            if not basic_password_matches(authorization, inbound_secret):
                return _error(403, BASIC_REFUSED)
            content_type, body = request.headers.get("content-type", ""), await request.body()
            try:
                raw = await port.run(message_of, content_type, body)
            except ProviderRequestError as exc:
                return _error(exc.status, exc.reason)
            return await intake(raw)

        return inbound_provider

    inbound_sendgrid = behind_basic(
        SENDGRID_PATH, lambda content_type, body: sendgrid_message(form_fields(content_type, body))
    )
    inbound_postmark = behind_basic(POSTMARK_PATH, lambda _, body: postmark_message(body))
    return [inbound_email, inbound_mailgun, inbound_sendgrid, inbound_postmark]


def _error(status: int, message: str) -> Response[dict[str, Any]]:
    return Response({"error": message}, status_code=status)
