"""An inbound email as the scheduling inbox reads it: who sent it, to whom, what it carries.

The mail adapter (adapters/mail/inbound.py) parses the raw RFC 5322 bytes into these values;
the application (application/itip_inbox.py) decides what they mean. Nothing here knows MIME.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarPart:
    """One iCalendar object found in the message.

    Attributes:
        method: the METHOD property of the iCalendar body, upper-case; None when absent.
        mime_method: the ``method`` parameter of the part's Content-Type, upper-case, or None.
        text: the iCalendar text, decoded, with CRLF line ends; folded lines are kept folded.
    """

    method: str | None
    mime_method: str | None
    text: str


@dataclass(frozen=True)
class Bounce:
    """What a delivery status notification (RFC 3464) says about a message we sent.

    Attributes:
        failed_recipients: lower-cased addresses of the recipients whose Action is ``failed``,
            from Final-Recipient and Original-Recipient (both, when they differ).
        status: the Status code (``5.1.1``) of the first failed recipient that has one.
        diagnostic: the Diagnostic-Code text (without its type) of the first failed recipient
            that has one, unfolded.
        original_message_id: the Message-ID of the returned original, without angle brackets.
        original_calendars: the calendars inside the returned original, when it was included.
    """

    failed_recipients: tuple[str, ...]
    status: str | None
    diagnostic: str | None
    original_message_id: str | None
    original_calendars: tuple[CalendarPart, ...]

    @property
    def reason(self) -> str:
        """Status and diagnostic as one line, for the sender and the operator."""
        return (
            " ".join(part for part in (self.status, self.diagnostic) if part)
            or "returned undelivered"
        )


@dataclass(frozen=True)
class AuthResult:
    """One method's result in an Authentication-Results header (RFC 8601 §2.2), such as
    ``dkim=pass header.d=example.org``.

    Attributes:
        method: the method, lower-case, without its version (``dkim``, ``spf``, ``dmarc``).
        result: the result, lower-case (``pass``, ``fail``, ``softfail``, ``none``...).
        properties: (``ptype.property`` lower-case, value) pairs, in order
            (``("header.from", "example.org")``, ``("smtp.mailfrom", "erin@example.org")``).
    """

    method: str
    result: str
    properties: tuple[tuple[str, str], ...] = ()

    def prop(self, name: str) -> str | None:
        """The first value of a property (``header.d``), or None."""
        return next((value for key, value in self.properties if key == name), None)

    def text(self) -> str:
        """The result as the header writes it: ``dmarc=pass header.from=example.org``."""
        return " ".join([f"{self.method}={self.result}", *(f"{k}={v}" for k, v in self.properties)])


@dataclass(frozen=True)
class AuthenticationResults:
    """One Authentication-Results header: the authserv-id that added it and its results.

    Any sender can write such a header into its message; only one added by an MTA the
    operator trusts (TELEVENT_TRUSTED_AUTHSERV_IDS) means anything (RFC 8601 §5)."""

    authserv_id: str  # lower-case
    results: tuple[AuthResult, ...]


@dataclass(frozen=True)
class InboundMessage:
    """The parts of an inbound email that iTIP processing needs.

    Attributes:
        message_id: the Message-ID without angle brackets, or ``sha256:<hex>`` of the raw
            bytes when the message has none.
        sender: the From address, lower-cased, or None when it cannot be read.
        sender_name: the From display name, RFC 2047 decoded, or None.
        reply_to: the first Reply-To address, lower-cased, or None.
        recipients: lower-cased addresses from To, Cc, Delivered-To, X-Original-To and
            Envelope-To, without duplicates, in the order they appear.
        subject: the Subject, RFC 2047 decoded, or None.
        in_reply_to: the In-Reply-To message id without angle brackets, or None.
        calendars: every calendar part, duplicates removed; empty for a bounce.
        bounce: set for ``multipart/report; report-type=delivery-status`` messages.
        authentication: every Authentication-Results header (RFC 8601), topmost (the last
            added) first; whether one may be believed is the reader's decision.
        delivered_to: the mailboxes this copy was delivered to (Delivered-To, X-Original-To,
            Envelope-To), lower-cased.
    """

    message_id: str
    sender: str | None
    sender_name: str | None
    reply_to: str | None
    recipients: tuple[str, ...]
    subject: str | None
    in_reply_to: str | None
    calendars: tuple[CalendarPart, ...]
    bounce: Bounce | None
    authentication: tuple[AuthenticationResults, ...] = ()
    delivered_to: tuple[str, ...] = ()


PASS, FAIL, NONE = "pass", "fail", "none"


@dataclass(frozen=True)
class SenderCheck:
    """What the trusted MTA says about the From address's domain.

    Attributes:
        verdict: ``pass`` (DMARC, or an aligned DKIM or SPF, passed), ``fail`` (DMARC failed,
            or DKIM/SPF failed with nothing passing), ``none`` (a trusted MTA is configured but
            said nothing usable), or None when no trusted authserv-id is configured.
        detail: what the verdict rests on, for the operator: ``dmarc=pass header.from=x.org
            by mx.example.org``; empty when nothing is configured.
    """

    verdict: str | None
    detail: str = ""

    @property
    def failed(self) -> bool:
        """Whether the trusted MTA says the From address is forged."""
        return self.verdict == FAIL


def check_sender(message: InboundMessage, trusted: Collection[str]) -> SenderCheck:
    """Judge the From address by the Authentication-Results an MTA of `trusted` (authserv-ids,
    lower-case) added; the topmost such header counts, the others (which the sender may have
    written) are ignored. DMARC decides when it judged the From domain; otherwise an aligned
    DKIM signature or SPF pass is a pass, and a DKIM or SPF fail with no pass is a fail."""
    if not trusted:
        return SenderCheck(None)
    header = next((h for h in message.authentication if h.authserv_id in trusted), None)
    if header is None:
        return SenderCheck(NONE, f"no Authentication-Results from {', '.join(sorted(trusted))}")
    domain = (message.sender or "").rpartition("@")[2]
    by = f"by {header.authserv_id}"
    for result in header.results:
        dmarc = result.method == "dmarc" and _about(result.prop("header.from"), domain)
        if dmarc and result.result in (PASS, FAIL):
            return SenderCheck(result.result, f"{result.text()} {by}")
    aligned = [
        r
        for r in header.results
        if (r.method == "dkim" and _about(r.prop("header.d") or r.prop("header.i"), domain))
        or (r.method == "spf" and _about(r.prop("smtp.mailfrom") or r.prop("smtp.helo"), domain))
    ]
    for verdict in (PASS, FAIL):
        found = [r for r in aligned if r.result == verdict]
        if found:
            return SenderCheck(verdict, f"{'; '.join(r.text() for r in found)} {by}")
    return SenderCheck(NONE, f"no DMARC, DKIM or SPF result for {domain or 'the sender'} {by}")


def _about(identifier: str | None, domain: str) -> bool:
    """Whether a result's identifier (a domain, ``@domain`` or ``user@domain``) is the From
    domain, a parent or a subdomain of it (relaxed alignment, RFC 7489 §3.1); a result that
    names no identifier is taken to be about the message."""
    if identifier is None:
        return True
    named = identifier.rpartition("@")[2].strip().strip(".").lower()
    return "." in named and (
        named == domain or named.endswith("." + domain) or domain.endswith("." + named)
    )
