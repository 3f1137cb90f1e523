"""iMIP messages (RFC 6047) have the MIME layout that mail clients show as invitations."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from dataclasses import replace
from email.message import EmailMessage, MIMEPart
from email.utils import parsedate_to_datetime

import icalendar
import pytest

from televent.adapters.mail.outbound import MailSummary, OutgoingMail, build_message

ICAL = (
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Televent//Televent//EN\r\n"
    "METHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:0f6c4a8e-1@televent.example\r\n"
    "DTSTAMP:20261101T120000Z\r\n"
    "DTSTART:20261203T140000Z\r\n"
    "DTEND:20261203T150000Z\r\n"
    "SUMMARY:<script>alert('x')</script> Größe & Co\r\n"
    "ORGANIZER;CN=Zoë Ärger:mailto:zoe@televent.example\r\n"
    "ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org\r\n"
    "DESCRIPTION:A long description that needs folding because it goes on and o\r\n"
    " n for more than seventy-five octets.\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
TITLE = "<script>alert('x')</script> Größe & Co"


def request_mail(**changes: object) -> OutgoingMail:
    mail = OutgoingMail(
        method="REQUEST",
        ical=ICAL,
        to_address="bob@example.org",
        to_name="Bob",
        from_address="zoe@televent.example",
        from_name="Zoë Ärger",
        reply_to="zoe@example.com",
        subject=f"Invitation: {TITLE}",
        summary=MailSummary(
            headline=f"Zoë Ärger invites you to {TITLE}",
            title=TITLE,
            when="Thu 3 Dec 2026, 15:00–16:00 (Europe/Berlin)",
            location="<b>Room</b> 1",
            organizer="Zoë Ärger",
            description="First line\n<img src=x onerror=alert(1)>",
            attendees=("Bob <bob@example.org>", "Zoë Ärger"),
        ),
        message_id="imip.42.bob@televent.example",
        date=dt.datetime(2026, 11, 1, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )
    return replace(mail, **changes)  # type: ignore[arg-type]


def parsed(mail: OutgoingMail) -> EmailMessage:
    raw = bytes(build_message(mail))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def tree(part: MIMEPart) -> object:
    if part.is_multipart():
        return (part.get_content_type(), [tree(child) for child in part.iter_parts()])
    return part.get_content_type()


def parts(message: EmailMessage) -> tuple[EmailMessage, ...]:
    alternative, attachment = message.iter_parts()
    text, page, calendar = alternative.iter_parts()
    return tuple(p for p in (text, page, calendar, attachment) if isinstance(p, EmailMessage))


def test_the_mime_tree_is_what_gmail_sends() -> None:
    message = parsed(request_mail())

    assert tree(message) == (
        "multipart/mixed",
        [
            ("multipart/alternative", ["text/plain", "text/html", "text/calendar"]),
            "application/ics",
        ],
    )
    text, page, calendar, attachment = parts(message)
    assert text.get_content_charset() == "utf-8"
    assert page.get_content_charset() == "utf-8"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_content_charset() == "utf-8"
    assert calendar["Content-Transfer-Encoding"] == "base64"
    assert calendar.get_content_disposition() is None
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_param("name") == "invite.ics"
    assert attachment["Content-Transfer-Encoding"] == "base64"


def test_the_calendar_bytes_arrive_unchanged_in_both_copies() -> None:
    message = parsed(request_mail())
    _, _, calendar, attachment = parts(message)

    inline = calendar.get_payload(decode=True)
    attached = attachment.get_payload(decode=True)
    assert inline == ICAL.encode("utf-8")
    assert attached == inline
    assert b"\r\n" in inline and b"\n" not in inline.replace(b"\r\n", b"")

    parsed_calendar = icalendar.Calendar.from_ical(inline)
    assert str(parsed_calendar["METHOD"]) == "REQUEST"
    event = parsed_calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == TITLE


def test_the_headers() -> None:
    message = parsed(request_mail())

    assert message["Message-ID"] == "<imip.42.bob@televent.example>"
    assert parsedate_to_datetime(message["Date"]) == dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
    sender = message["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("Zoë Ärger", "zoe@televent.example")
    recipient = message["To"].addresses[0]
    assert (recipient.display_name, recipient.addr_spec) == ("Bob", "bob@example.org")
    assert message["Reply-To"].addresses[0].addr_spec == "zoe@example.com"
    assert message["Subject"] == f"Invitation: {TITLE}"
    assert message["MIME-Version"] == "1.0"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["X-Mailer"]
    assert message.get_all("MIME-Version") == ["1.0"]
    assert all("MIME-Version" not in part for part in message.walk() if part is not message)


def test_the_wire_form_is_ascii_with_crlf_lines() -> None:
    raw = bytes(build_message(request_mail()))

    raw.decode("ascii")  # 7-bit clean: no 8BITMIME needed
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    assert b"Content-Type: text/calendar; method=REQUEST;" in raw


def test_html_is_escaped_and_text_is_plain() -> None:
    message = parsed(request_mail())
    text, page, _, _ = parts(message)

    html = page.get_content()
    assert "<script>" not in html and "<img" not in html and "<b>Room" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Größe &amp; Co" in html
    assert "&lt;b&gt;Room&lt;/b&gt; 1" in html
    assert "Zoë Ärger" in html
    plain = text.get_content()
    assert TITLE in plain
    assert "Thu 3 Dec 2026, 15:00–16:00 (Europe/Berlin)" in plain
    assert "<b>Room</b> 1" in plain
    assert "Bob <bob@example.org>" in plain
    assert "&lt;" not in plain


def test_without_reply_to_or_names() -> None:
    message = parsed(request_mail(reply_to=None, from_name=None, to_name=None))

    assert message["Reply-To"] is None
    assert message["From"].addresses[0].display_name == ""
    assert str(message["From"]) == "zoe@televent.example"


def test_a_cancel_names_its_method() -> None:
    ical = ICAL.replace("METHOD:REQUEST", "METHOD:CANCEL")
    message = parsed(request_mail(method="CANCEL", ical=ical))

    assert parts(message)[2].get_param("method") == "CANCEL"


def test_line_breaks_cannot_inject_headers() -> None:
    message = parsed(request_mail(subject="Hi\r\nBcc: eve@example.org", from_name="A\nB"))

    assert message["Bcc"] is None
    assert message["Subject"] == "Hi Bcc: eve@example.org"
    assert message["From"].addresses[0].display_name == "A B"


def test_a_subject_that_looks_like_an_encoded_word_arrives_as_written() -> None:
    # an ASCII subject was written as is, and a reader decoded "=?...?=" in it
    subject = "Invitation: =?UTF-8?B?SGFja2Vk?= report"
    assert parsed(request_mail(subject=subject))["Subject"] == subject


def test_control_characters_in_a_title_do_not_stop_the_mail() -> None:
    # an outside organizer's "Lunch<FF>note": the mail could not be written, never sent
    message = parsed(request_mail(subject="Accepted: Lunch\x0cnote\x00", from_name="A\x0bB"))
    assert message["Subject"] == "Accepted: Lunch note"
    assert message["From"].addresses[0].display_name == "A B"


def test_a_name_that_looks_like_an_encoded_word_arrives_as_written() -> None:
    # a person named "=?UTF-8?B?WW91ciBCYW5r?=" arrived as "Your Bank"
    name = "=?UTF-8?B?WW91ciBCYW5r?= (Mallory)"
    message = parsed(request_mail(from_name=name, to_name="=?utf-8?q?Boss?=\nBcc: x@y.example"))
    shown = message["From"].addresses[0].display_name
    assert shown.replace("\u2060", "") == name  # as written, an invisible joiner apart
    assert message["From"].addresses[0].addr_spec == "zoe@televent.example"
    to = message["To"].addresses[0].display_name
    assert to.replace("\u2060", "") == "=?utf-8?q?Boss?= Bcc: x@y.example"
    assert message["Bcc"] is None


@pytest.mark.parametrize(
    "changes",
    [
        {"method": "CANCEL"},  # the calendar says REQUEST
        {"method": "INVITE"},
        {"message_id": "<imip.42@televent.example>"},
        {"message_id": "no-at-sign"},
        {"date": dt.datetime(2026, 11, 1, 12, 0)},  # naive
    ],
)
def test_inconsistent_mail_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        build_message(request_mail(**changes))
