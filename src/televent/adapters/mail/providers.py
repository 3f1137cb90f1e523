"""The inbound webhooks of mail services: each request verified the way its provider signs it,
and the raw RFC 5322 message taken out of it for the one intake (ingest.py), so a message
that comes by a provider's webhook is read exactly as one from an MTA pipe or IMAP.

* **Mailgun** (a route whose action forwards, or stores and notifies, to a URL ending in
  ``mime``): form fields with ``body-mime`` (the message) and ``timestamp``, ``token``,
  ``signature``, the hex HMAC-SHA256 of timestamp and token under the webhook signing key.
  Mailgun signs only those two, so a signature is also refused when its timestamp is more
  than :data:`MAILGUN_MAX_AGE_SECONDS` away from now, and a token is taken once
  (:class:`MailgunSignatures`).
* **SendGrid** Inbound Parse with "POST the raw, full MIME message": multipart/form-data with
  ``email`` (the message) and ``envelope`` (JSON); HTTP Basic, the password the operator's
  inbound secret.
* **Postmark** inbound webhook: JSON with ``RawEmail`` (when "Include raw email content in
  JSON payload" is on) and ``OriginalRecipient``; HTTP Basic likewise.

Form fields are read as bytes, exactly as sent: a raw message may hold 8-bit text in any
charset. The envelope recipient the provider names is added to the message as an
``X-Original-To`` field, as an MTA's delivery adds one, so a message the address got as Bcc
is recognised as the pipe would recognise it.

Every refusal is a :class:`ProviderRequestError` with the HTTP status to answer and a reason
for the operator; the module does no I/O.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

import multipart  # type: ignore[import-untyped]  # litestar's own multipart parser

MAILGUN_MAX_AGE_SECONDS = 15 * 60
MAX_FORM_FIELDS = 200  # a provider's form has a few dozen fields (SendGrid: one per attachment)
_ADDRESS = re.compile(r"[^\s<>\"(),;:\\\[\]@]+@[^\s<>\"(),;:\\\[\]@]+")

__all__ = [
    "MAILGUN_MAX_AGE_SECONDS",
    "MailgunSignatures",
    "ProviderRequestError",
    "basic_password_matches",
    "form_fields",
    "postmark_message",
    "sendgrid_message",
]


class ProviderRequestError(Exception):
    """A provider's request is refused: ``status`` is the HTTP answer, the message says why."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


# --- verification ----------------------------------------------------------------------------


def basic_password_matches(authorization: str, secret: str) -> bool:
    """Whether an ``Authorization: Basic`` header carries ``secret`` as its password (any user
    name), compared in constant time."""
    scheme, _, encoded = authorization.strip().partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return False
    _, colon, password = decoded.partition(":")
    return bool(colon) and hmac.compare_digest(password.encode(), secret.encode())


@dataclass(frozen=True)
class MailgunDelivery:
    """A verified Mailgun request: the message, and the token to mark used once taken in."""

    raw: bytes
    token: str


class MailgunSignatures:
    """Mailgun's webhook signature checked (timing-safe), its age bounded, each token taken
    once by this process.

    The token is marked used (``used``) once the message was taken in or refused for its
    content, not before: a retry after a failure of our own must be let in again. Another
    process's tokens are not known here; the same message twice changes nothing anyway
    (the intake processes a Message-ID once).
    """

    def __init__(self, signing_key: str, *, max_age: int = MAILGUN_MAX_AGE_SECONDS) -> None:
        self._key = signing_key.encode()
        self._max_age = max_age
        self._used: dict[str, float] = {}  # token -> its timestamp

    def delivery(self, fields: Mapping[str, bytes], now: float) -> MailgunDelivery:
        """The message of a Mailgun request, if its signature holds.

        Raises:
            ProviderRequestError: 403 for a missing, wrong, stale or replayed signature;
                422 when the form has no raw message (the route's URL does not end in mime).
        """
        timestamp, token, signature = (
            _ascii(fields.get(name)) for name in ("timestamp", "token", "signature")
        )
        if not (timestamp and token and signature):
            raise ProviderRequestError(
                403, "No Mailgun signature (the timestamp, token and signature fields)."
            )
        expected = hmac.new(self._key, (timestamp + token).encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected.encode(), signature.strip().lower().encode()):
            raise ProviderRequestError(
                403, "Wrong Mailgun signature (check TELEVENT_MAILGUN_SIGNING_KEY)."
            )
        try:
            age = now - int(timestamp)
        except ValueError:
            raise ProviderRequestError(403, "The Mailgun timestamp is not a number.") from None
        if abs(age) > self._max_age:
            raise ProviderRequestError(
                403,
                f"The Mailgun signature is {int(abs(age))} s {'old' if age > 0 else 'ahead'}, "
                f"more than {self._max_age} s: a replayed request, or a clock that is off.",
            )
        self._forget_before(now - self._max_age)
        if token in self._used:
            raise ProviderRequestError(403, "This Mailgun token was used already (a replay).")
        raw = fields.get("body-mime")
        if not raw:
            raise ProviderRequestError(
                422,
                "The Mailgun request has no body-mime field: the route's URL must end in mime "
                "(https://<host>/inbound/mailgun/mime).",
            )
        recipients = (_text(fields.get("recipient")) or "").split(",")
        return MailgunDelivery(_with_recipients(raw, recipients), token)

    def used(self, delivery: MailgunDelivery, now: float) -> None:
        """Remember that ``delivery``'s token was taken in."""
        self._used[delivery.token] = now

    def _forget_before(self, moment: float) -> None:
        for token in [t for t, at in self._used.items() if at < moment]:
            del self._used[token]


def sendgrid_message(fields: Mapping[str, bytes]) -> bytes:
    """The message of a SendGrid Inbound Parse request (its Basic password checked already).

    Raises:
        ProviderRequestError: 422 when raw delivery is off (no ``email`` field).
    """
    raw = fields.get("email")
    if not raw:
        raise ProviderRequestError(
            422,
            "The SendGrid request has no raw message (the email field): turn on "
            '"POST the raw, full MIME message" in the Inbound Parse settings.',
        )
    try:
        envelope = json.loads(fields.get("envelope") or b"{}")
    except ValueError:
        envelope = {}
    recipients = envelope.get("to") if isinstance(envelope, dict) else None
    return _with_recipients(raw, recipients if isinstance(recipients, list) else [])


def postmark_message(body: bytes) -> bytes:
    """The message of a Postmark inbound webhook (its Basic password checked already).

    Raises:
        ProviderRequestError: 400 for a body that is not a Postmark JSON object, 422 when
            the raw message is not included.
    """
    try:
        payload = json.loads(body)
    except ValueError:  # also undecodable bytes (UnicodeDecodeError)
        payload = None
    if not isinstance(payload, dict):
        raise ProviderRequestError(400, "Not a Postmark inbound webhook (a JSON object).")
    raw = payload.get("RawEmail")
    if raw is not None and not isinstance(raw, str):
        raise ProviderRequestError(400, "RawEmail of the Postmark webhook is not a string.")
    if not raw:
        raise ProviderRequestError(
            422,
            'The Postmark webhook has no RawEmail: turn on "Include raw email content in '
            "JSON payload\" in the inbound stream's settings.",
        )
    return _with_recipients(_utf8(raw), [payload.get("OriginalRecipient")])


# --- reading a form --------------------------------------------------------------------------


def form_fields(content_type: str, body: bytes) -> dict[str, bytes]:
    """The fields of an HTML form (URL-encoded or multipart/form-data) as bytes, exactly as
    sent; the first of fields with the same name.

    Raises:
        ProviderRequestError: 415 for another media type, 400 for a malformed form.
    """
    media, options = multipart.parse_options_header(content_type or "")
    if media == "application/x-www-form-urlencoded":
        return _urlencoded(body)
    if media == "multipart/form-data" and options.get("boundary"):
        return _multipart(body, options["boundary"])
    raise ProviderRequestError(
        415, "Expected form data (multipart/form-data or application/x-www-form-urlencoded)."
    )


def _urlencoded(body: bytes) -> dict[str, bytes]:
    pairs = [pair for pair in body.split(b"&") if pair]
    if len(pairs) > MAX_FORM_FIELDS:
        raise ProviderRequestError(400, f"The form has more than {MAX_FORM_FIELDS} fields.")
    fields: dict[str, bytes] = {}
    for pair in pairs:
        name, _, value = pair.partition(b"=")
        key = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace")
        fields.setdefault(key, unquote_to_bytes(value.replace(b"+", b" ")))
    return fields


def _multipart(body: bytes, boundary: str) -> dict[str, bytes]:
    fields: dict[str, bytes] = {}
    try:
        parser = multipart.MultipartParser(
            io.BytesIO(body),
            boundary,
            content_length=len(body),
            part_limit=MAX_FORM_FIELDS,
            spool_limit=len(body) + 1,  # everything in memory: the body is in memory already
            memory_limit=len(body) + 1,
        )
        for part in parser:
            fields.setdefault(str(part.name), bytes(part.raw))
    except multipart.MultipartError:
        raise ProviderRequestError(
            400,
            "The multipart/form-data body cannot be read (malformed or truncated, or more "
            f"than {MAX_FORM_FIELDS} fields).",
        ) from None
    return fields


# --- helpers ---------------------------------------------------------------------------------


def _with_recipients(raw: bytes, recipients: Iterable[Any]) -> bytes:
    """``raw`` with an ``X-Original-To`` field first for each envelope recipient named (an
    address alone: anything else is dropped, so nothing can be smuggled into the header)."""
    found = [r.strip() for r in recipients if isinstance(r, str)]
    fields = b"".join(
        b"X-Original-To: " + r.encode() + b"\r\n"
        for r in dict.fromkeys(found)
        if _ADDRESS.fullmatch(r) and r.isascii()
    )
    return fields + raw if raw.strip() else raw


def _ascii(value: bytes | None) -> str:
    try:
        return (value or b"").decode("ascii").strip()
    except UnicodeDecodeError:
        return ""


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode("utf-8", "replace")


def _utf8(text: str) -> bytes:
    """A JSON string as the bytes of a message: UTF-8 (Postmark sends the message decoded)."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate escaped in the JSON
        return text.encode("utf-8", "replace")
