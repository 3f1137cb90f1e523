"""Builds outgoing iMIP messages (RFC 6047) that common mail clients show as invitations.

The MIME layout follows what Gmail itself sends, which Gmail, Outlook and Apple Mail all
recognise::

    multipart/mixed
    +-- multipart/alternative
    |   +-- text/plain; charset=utf-8
    |   +-- text/html; charset=utf-8
    |   +-- text/calendar; method=<METHOD>; charset="UTF-8"    (RFC 6047 section 2.4)
    +-- application/ics; name="invite.ics"                      (attachment)

Both calendar parts carry the same iCalendar bytes, base64-encoded, so that no transport or
generator rewrites the CRLF line ends (RFC 5545 section 3.1) or the 75-octet folding. The
``method`` parameter of the text/calendar part matches the METHOD property of the object, as
RFC 6047 section 2.4 requires. Messages are marked ``Auto-Submitted: auto-generated``
(RFC 3834 section 5) so that vacation responders do not answer them.
"""

from __future__ import annotations

import datetime
import email.policy
import html
import re
from dataclasses import dataclass
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from televent.adapters.i18n import translate
from televent.domain.languages import DEFAULT_LANGUAGE, direction
from televent.domain.values import without_control_characters

__all__ = [
    "IMIP_METHODS",
    "MailSummary",
    "NoticeMail",
    "OutgoingMail",
    "build_message",
    "build_notice",
    "esc",
    "html_page",
    "multiline",
    "readable_text",
]

#: iTIP methods (RFC 5546 section 1.4) that iMIP carries.
IMIP_METHODS = frozenset(
    {"PUBLISH", "REQUEST", "REPLY", "ADD", "CANCEL", "REFRESH", "COUNTER", "DECLINECOUNTER"}
)
ATTACHMENT_NAME = "invite.ics"
NOTICE_ATTACHMENT_NAME = "event.ics"
MAILER = "Televent"
#: CRLF line ends, as SMTP wants them; ``bytes(message)`` uses it.
POLICY = email.policy.SMTP

_LINE_BREAKS = re.compile(r"[\r\n\t]+")
_METHOD_LINE = re.compile(r"^METHOD:(.*)$", re.MULTILINE | re.IGNORECASE)
# A web address in escaped text (no quote, angle bracket or space can be part of it).
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")
RIGHT_TO_LEFT_MARK = "\u200f"
# A web address the catalogue isolated (FSI ... PDI, in a right-to-left language): a mail
# client would take the closing mark for part of the address.
_ISOLATED_ADDRESS = re.compile("\u2068(https?://[^\u2068\u2069\\s]*)\u2069")


@dataclass(frozen=True)
class MailSummary:
    """The human-readable side of an invitation: what the text and HTML parts say."""

    headline: str
    title: str
    when: str
    location: str | None
    organizer: str | None
    description: str | None
    attendees: tuple[str, ...] = ()
    footer: str | None = None  # small print at the end (why the mail came, how to stop it)
    language: str = DEFAULT_LANGUAGE  # the recipient's (domain/languages.py): labels, direction


@dataclass(frozen=True)
class OutgoingMail:
    """One iMIP message for one recipient."""

    method: str
    ical: str
    to_address: str
    to_name: str | None
    from_address: str
    from_name: str | None
    reply_to: str | None
    subject: str
    summary: MailSummary
    message_id: str
    date: datetime.datetime
    language: str = DEFAULT_LANGUAGE  # the recipient's: Content-Language, the text's direction


def build_message(mail: OutgoingMail) -> EmailMessage:
    """Returns the complete message; ``bytes(message)`` is ready for SMTP (CRLF line ends).

    Raises ValueError when the mail is inconsistent: an unknown method, a METHOD in the
    calendar that differs from ``mail.method``, a malformed Message-ID or a naive date.
    """
    method = _check(mail)
    calendar = mail.ical.encode("utf-8")

    message = EmailMessage(policy=POLICY)
    _head(message, mail)

    text = _part()
    text.set_content(
        readable_text(render_text(mail.summary), mail.language),
        subtype="plain",
        charset="utf-8",
        cte="quoted-printable",
    )
    page = _part()
    page.set_content(
        render_html(mail.summary), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    invitation = _part()
    invitation.set_content(calendar, maintype="text", subtype="calendar", cte="base64")
    # Written as Gmail writes it, with the method unquoted: a raw header is not re-serialised.
    del invitation["Content-Type"]
    invitation.set_raw("Content-Type", f'text/calendar; method={method}; charset="UTF-8"')
    attachment = _part()
    attachment.set_content(
        calendar,
        maintype="application",
        subtype="ics",
        cte="base64",
        disposition="attachment",
        filename=ATTACHMENT_NAME,
        params={"name": ATTACHMENT_NAME},
    )
    alternative = _part()
    alternative.make_alternative()
    for part in (text, page, invitation):
        del part["MIME-Version"]  # set_content adds one; it belongs to the top level only
        alternative.attach(part)
    del attachment["MIME-Version"]

    message["MIME-Version"] = "1.0"
    message.make_mixed()
    message.attach(alternative)
    message.attach(attachment)
    _say_language(message, mail.language)
    return message


@dataclass(frozen=True)
class NoticeMail:
    """A reminder, morning agenda or notice for a Televent user's own linked email: not an
    invitation (the calendar attachment, if any, is a METHOD:PUBLISH copy of the event)."""

    to_address: str
    from_address: str
    from_name: str | None
    subject: str
    text: str
    html: str
    message_id: str
    date: datetime.datetime
    ical: str | None = None  # the event, METHOD:PUBLISH, attached as event.ics
    unsubscribe_url: str | None = None  # List-Unsubscribe, one click (RFC 2369, RFC 8058)
    to_name: str | None = None
    reply_to: str | None = None
    language: str = DEFAULT_LANGUAGE  # the recipient's: Content-Language, the text's direction


def build_notice(mail: NoticeMail) -> EmailMessage:
    """The message: multipart/alternative (text, HTML) and, with an event, multipart/mixed
    with the event as ``event.ics``; List-Unsubscribe and List-Unsubscribe-Post (one click,
    RFC 8058) when there is an unsubscribe URL. Raises ValueError as ``build_message`` does,
    and for a calendar that is not METHOD:PUBLISH."""
    _check_head(mail)
    if mail.ical is not None:
        found = _METHOD_LINE.search(mail.ical)
        if found is None or found.group(1).strip().upper() != "PUBLISH":
            raise ValueError("a notice's calendar must be METHOD:PUBLISH")
    message = EmailMessage(policy=POLICY)
    _head(message, mail)
    if mail.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(
        readable_text(mail.text, mail.language),
        subtype="plain",
        charset="utf-8",
        cte="quoted-printable",
    )
    message.add_alternative(mail.html, subtype="html", charset="utf-8", cte="quoted-printable")
    if mail.ical is not None:
        message.add_attachment(
            mail.ical.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            cte="base64",
            filename=NOTICE_ATTACHMENT_NAME,
            params={"method": "PUBLISH", "charset": "UTF-8"},
        )
    _say_language(message, mail.language)
    return message


def render_text(summary: MailSummary) -> str:
    """The text/plain body, labelled in the summary's language."""
    language = summary.language
    lines = [summary.headline, ""]
    if summary.title:
        lines.append(summary.title)
    lines.append(_field(language, translate(language, "mail-label-when"), summary.when))
    if summary.location:
        lines.append(_field(language, translate(language, "mail-label-where"), summary.location))
    if summary.organizer:
        lines.append(
            _field(language, translate(language, "mail-label-organizer"), summary.organizer)
        )
    if summary.attendees:
        lines.append(
            translate(language, "mail-list-heading", label=translate(language, "mail-label-guests"))
        )
        lines.extend(f"  - {attendee}" for attendee in summary.attendees)
    if summary.description:
        lines.extend(["", summary.description.strip()])
    if summary.footer:
        lines.extend(["", "-- ", summary.footer.strip()])
    return "\n".join(lines) + "\n"


def render_html(summary: MailSummary) -> str:
    """The text/html body; every field is escaped."""
    language = summary.language
    rows = [(translate(language, "mail-label-when"), esc(summary.when))]
    if summary.location:
        rows.append((translate(language, "mail-label-where"), esc(summary.location)))
    if summary.organizer:
        rows.append((translate(language, "mail-label-organizer"), esc(summary.organizer)))
    if summary.attendees:
        rows.append(
            (
                translate(language, "mail-label-guests"),
                "<br>\n".join(esc(a) for a in summary.attendees),
            )
        )
    align = "right" if direction(language) == "rtl" else "left"
    table = "\n".join(
        f'<tr><th align="{align}" valign="top" style="padding:2px 12px">{esc(label)}</th>'
        f"<td>{value}</td></tr>"
        for label, value in rows
    )
    parts = [f"<p>{esc(summary.headline)}</p>"]
    if summary.title:
        parts.append(f"<h2>{esc(summary.title)}</h2>")
    parts.append(f"<table>\n{table}\n</table>")
    if summary.description:
        parts.append(f"<p>{multiline(summary.description)}</p>")
    return html_page(
        summary.title or summary.headline, parts, footer=summary.footer, language=language
    )


def html_page(
    title: str, parts: list[str], *, footer: str | None = None, language: str = DEFAULT_LANGUAGE
) -> str:
    """A whole HTML body around `parts` (HTML already escaped) under an escaped `title`; the
    `footer` text (escaped here, its web addresses made links) in small print. The page says
    its language and direction (right to left for Persian) on the document and again on its
    body, which is what a mail client that drops the document's element keeps."""
    lang = esc(language)
    way = direction(language)
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" dir="{way}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title></head>",
        f'<body lang="{lang}" dir="{way}" style="font-family:sans-serif">',
        *parts,
    ]
    if footer:
        page.append(f'<p style="color:#666;font-size:small">{multiline(footer)}</p>')
    page.append("</body></html>")
    return "\n".join(page) + "\n"


def readable_text(text: str, language: str) -> str:
    """A text/plain body as its reader's mail client should lay it out: in a right-to-left
    language every line starts with a RIGHT-TO-LEFT MARK, so that each paragraph reads from
    the right even when it begins with a Latin title or a web address (Unicode's
    bidirectional algorithm takes a paragraph's direction from its first strong letter)."""
    if direction(language) != "rtl":
        return text
    return "\n".join(
        RIGHT_TO_LEFT_MARK + line if line.strip() and line != "-- " else line
        for line in bare_addresses(text).split("\n")
    )


def bare_addresses(text: str) -> str:
    """`text` with the isolation marks around its web addresses taken off."""
    return _ISOLATED_ADDRESS.sub(r"\1", text)


def esc(value: str) -> str:
    """Text as HTML (quotes too, so it may stand in an attribute)."""
    return html.escape(value, quote=True)


def multiline(value: str) -> str:
    """Escaped lines joined by line breaks; web addresses in them become links."""
    return "<br>\n".join(
        _WEB_ADDRESS.sub(r'<a href="\g<0>">\g<0></a>', esc(line))
        for line in bare_addresses(value).strip().splitlines()
    )


def _check(mail: OutgoingMail) -> str:
    method = mail.method.upper()
    if method not in IMIP_METHODS:
        raise ValueError(f"unknown iMIP method {mail.method!r}")
    found = _METHOD_LINE.search(mail.ical)
    if found is None or found.group(1).strip().upper() != method:
        raise ValueError(f"the calendar's METHOD does not match the mail's method {method}")
    _check_head(mail)
    return method


def _check_head(mail: OutgoingMail | NoticeMail) -> None:
    message_id = mail.message_id
    if "@" not in message_id or any(c in message_id for c in "<> \t\r\n"):
        raise ValueError(f"malformed Message-ID {message_id!r} (want left@right, no brackets)")
    if mail.date.tzinfo is None or mail.date.utcoffset() is None:
        raise ValueError("the Date of a mail must be time zone aware")


def _head(message: EmailMessage, mail: OutgoingMail | NoticeMail) -> None:
    """The header fields every message Televent sends has."""
    _named(message, "From", mail.from_name, mail.from_address)
    _named(message, "To", mail.to_name, mail.to_address)
    if mail.reply_to:
        message["Reply-To"] = _address(None, mail.reply_to)
    _subject(message, _one_line(mail.subject))
    message["Date"] = format_datetime(mail.date)
    message["Message-ID"] = f"<{mail.message_id}>"
    message["Auto-Submitted"] = "auto-generated"
    message["X-Mailer"] = MAILER


def _subject(message: EmailMessage, subject: str) -> None:
    """The Subject; one that is not ASCII as whole RFC 2047 encoded words (the standard
    library's own folding of text that mixes ASCII and other letters can double a space where
    it breaks the line, and "Mon, Mar 2, 4:00 PM" has a no-break space in English too); so
    too one that holds "=?", which a reader would decode as an encoded word of its own (a
    title "=?UTF-8?B?SGFja2Vk?= report" arrived as "Hacked report")."""
    if subject.isascii() and "=?" not in subject:
        message["Subject"] = subject
        return
    encoded = Header(subject, "utf-8", header_name="Subject").encode(linesep="\r\n")
    message.set_raw("Subject", encoded)


def _say_language(message: EmailMessage, language: str) -> None:
    """Content-Language (RFC 3282) of the whole message: the reader's language. Set once the
    parts are made (making them moves the top level's Content-* fields into the first)."""
    message["Content-Language"] = language


def _part() -> EmailMessage:
    return EmailMessage(policy=POLICY)


def _field(language: str, label: str, value: str) -> str:
    """A labelled line of the text body: "When: ..."."""
    return translate(language, "mail-field", label=label, value=value)


def _one_line(value: str) -> str:
    """Header text: no line breaks (they would end the header), no other control characters
    (a form feed in an outside organizer's title made the mail impossible to write, and the
    answer was never sent), single spaces."""
    return _LINE_BREAKS.sub(" ", without_control_characters(value)).strip()


def _named(message: EmailMessage, field: str, name: str | None, address: str) -> None:
    """An address field with its display name. In a name that holds "=?" an invisible word
    joiner (U+2060) follows each "=": written as it is, readers decode what looks like an
    encoded word (the standard library too, when it writes the field, and again when it reads
    one, even from inside an encoded word), so a person named "=?UTF-8?B?WW91ciBCYW5r?="
    arrived as "Your Bank"."""
    message[field] = _address((name or "").replace("=?", "=\u2060?"), address)


def _address(name: str | None, address: str) -> Address:
    """An address with an optional display name; non-ASCII names are RFC 2047 encoded."""
    return Address(display_name=_one_line(name or ""), addr_spec=address.strip())
