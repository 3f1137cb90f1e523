"""Reading inbound iMIP email (RFC 6047): real messages from many mailers, and hostile bytes."""

from __future__ import annotations

import base64
import hashlib
from email.message import EmailMessage
from typing import NamedTuple

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.mail.calendar_parts import calendars_in
from televent.adapters.mail.inbound import (
    MAX_MESSAGE_BYTES,
    Bounce,
    CalendarPart,
    InboundMessage,
    MessageTooLargeError,
    UnreadableMessageError,
    parse_message,
)
from tests.helpers import FIXTURE_CORPUS, FOLDED_FILE, FOLDED_TITLE

CORPUS = FIXTURE_CORPUS
EML = CORPUS / "imip-eml"


class Expected(NamedTuple):
    """What one corpus message must yield. ``method``/``mime_method`` are the first calendar's."""

    calendars: int
    method: str | None
    mime_method: str | None
    sender: str
    bounce: bool = False


EXPECTED = {
    "android-email-reply-accepted.eml": Expected(1, "REPLY", "REPLY", "david.phan@blue-mind.net"),
    "android-email-request-base64-tab-folding.eml": Expected(
        1, "REQUEST", "REQUEST", "david.phan@blue-mind.net"
    ),
    "apple-ical3-reply-qp-crlf-nested-mixed.eml": Expected(1, "REPLY", None, "xyzzy@example.com"),
    "apple-ical5-request-qp.eml": Expected(1, "REQUEST", None, "pwulf@tine20.org"),
    # A bounce: its own calendars are empty, the returned REQUEST is in bounce.original_calendars.
    "calendarserver-dsn-bounce-with-request.eml": Expected(
        0, None, None, "mailer-daemon@relay11.example.com", bounce=True
    ),
    "domino-request-reduced-no-vtimezone.eml": Expected(1, None, "REQUEST", "john@example.com"),
    "domino85-request-mixed-related-alternative.eml": Expected(
        1, "REQUEST", "REQUEST", "rkidai@mairie-saint-ouen.fr"
    ),
    "exchange-cdo-request-qp-lf.eml": Expected(1, "REQUEST", "REQUEST", "fernadel@viedemer.com"),
    "exchange-cdo-request-recurring-gmt-offset-tzid.eml": Expected(
        1, "REQUEST", "REQUEST", "mathieu.campbell2@urgences-sante.qc.ca"
    ),
    "exchange2003-cdo-request-8bit-no-charset.eml": Expected(
        1, "REQUEST", "REQUEST", "test.secretaire@urgences-sante.qc.ca"
    ),
    "exchange2007-request-w-europe-base64.eml": Expected(
        1, "REQUEST", "REQUEST", "user@telekom.ch"
    ),
    "exchange2010-request-recurring-weekly-romance.eml": Expected(
        1, "REQUEST", "REQUEST", "benoit.maurel@capgemini.com"
    ),
    # The inline part and invite.ics were anonymised differently, so they are two calendars.
    "google-counter-method-param-mismatch.eml": Expected(2, "COUNTER", "REPLY", "max@gmail.com"),
    "google-reply-accepted.eml": Expected(1, "REPLY", "REPLY", "tcataldo@gmail.com"),
    "google-reply-allday-valarm-qp.eml": Expected(1, "REPLY", "REPLY", "marieg@isynet.org"),
    "google-request-drive-attachments-meet-qp.eml": Expected(
        1, "REQUEST", "REQUEST", "mygoogle@googlemail.com"
    ),
    "google-request-meet-qp-swedish.eml": Expected(1, "REQUEST", "REQUEST", "example@gmail.com"),
    "google-request-mixed-alt-plus-application-ics.eml": Expected(
        1, "REQUEST", "REQUEST", "tcataldo@gmail.com"
    ),
    "ios-reply-accepted-qp.eml": Expected(1, "REPLY", "REPLY", "admin@willow.vmw"),
    "ios-request-qp.eml": Expected(1, "REQUEST", "REQUEST", "unittest@tine20.org"),
    "meetup-request-param-vs-publish-body.eml": Expected(
        1, "PUBLISH", "REQUEST", "info@meetup.com"
    ),
    "office365-request-related-inline-image.eml": Expected(
        1, "REQUEST", "REQUEST", "outlook_18fbe5ca4758e317@outlook.com"
    ),
    "office365-request-teams-fle-tz-base64.eml": Expected(
        1, "REQUEST", "REQUEST", "marge@example.com"
    ),
    "outlook-mac2011-cancel.eml": Expected(1, "CANCEL", "CANCEL", "admin@willow.vmw"),
    "outlook-mac2011-reply-accepted.eml": Expected(1, "REPLY", "REPLY", "admin@willow.vmw"),
    "outlook-mac2011-request-tzid-with-commas.eml": Expected(
        1, "REQUEST", "REQUEST", "admin@willow.vmw"
    ),
    "outlook2010-request-qp.eml": Expected(1, "REQUEST", "REQUEST", "mrobert@infhotep.com"),
    "outlook2010-request-toplevel-text-calendar.eml": Expected(
        1, "REQUEST", "REQUEST", "sylvain.garcia@blue-mind.net"
    ),
    "thunderbird-reply-accepted-8bit.eml": Expected(1, "REPLY", "REPLY", "tine20admin@caldav.net"),
    "thunderbird-request-qp-with-application-ics.eml": Expected(
        1, "REQUEST", "REQUEST", "pwulf@tine20.org"
    ),
    "tine20-cancel-qp.eml": Expected(1, "CANCEL", "CANCEL", "l.kneschke@caldav.org"),
}


def corpus_message(name: str) -> InboundMessage:
    return parse_message((EML / name).read_bytes())


def all_calendars(message: InboundMessage) -> tuple[CalendarPart, ...]:
    returned = message.bounce.original_calendars if message.bounce else ()
    return message.calendars + returned


def calendar_body(*lines: str, end: str = "\r\n") -> str:
    return end.join(["BEGIN:VCALENDAR", *lines, "END:VCALENDAR"]) + end


INVITE = calendar_body(
    "VERSION:2.0",
    "PRODID:-//t//t//EN",
    "METHOD:REQUEST",
    "BEGIN:VEVENT",
    "UID:u1",
    "DTSTAMP:20260101T000000Z",
    "DTSTART:20260301T100000Z",
    "SUMMARY:Café",
    "END:VEVENT",
)


def invitation(**headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Org <org@example.com>"
    message["To"] = "guest@example.com"
    message["Subject"] = "Invitation"
    message["Message-ID"] = "<m1@example.com>"
    for name, value in headers.items():
        del message[name.replace("_", "-")]
        message[name.replace("_", "-")] = value
    return message


# --- the corpus ----------------------------------------------------------------------------


def test_the_table_names_every_corpus_message() -> None:
    assert sorted(path.name for path in EML.glob("*.eml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_message_yields_the_expected_calendars(name: str) -> None:
    expected = EXPECTED[name]
    message = corpus_message(name)
    assert len(message.calendars) == expected.calendars
    if message.calendars:
        assert message.calendars[0].method == expected.method
        assert message.calendars[0].mime_method == expected.mime_method
    assert message.sender == expected.sender
    assert (message.bounce is not None) == expected.bounce
    assert message.message_id and "<" not in message.message_id and ">" not in message.message_id


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_calendar_text_is_crlf_icalendar_that_parses(name: str) -> None:
    calendars = all_calendars(corpus_message(name))
    assert calendars
    for part in calendars:
        assert part.text.startswith("BEGIN:VCALENDAR\r\n")
        assert part.text.endswith("END:VCALENDAR\r\n")
        assert "\ufeff" not in part.text
        assert part.text.count("\n") == part.text.count("\r\n") == part.text.count("\r")
        parsed = icalendar.Calendar.from_ical(part.text)
        assert parsed.walk("VEVENT")


def test_gmail_counter_says_reply_in_mime_but_counter_in_the_body() -> None:
    inline, attachment = corpus_message("google-counter-method-param-mismatch.eml").calendars
    assert (inline.method, inline.mime_method) == ("COUNTER", "REPLY")
    assert (attachment.method, attachment.mime_method) == ("COUNTER", None)
    # Not deduplicated: the two copies were anonymised differently by the corpus contributors.
    assert "ORGANIZER;CN=Max Mustermann" in inline.text
    assert "ORGANIZER;CN=Nicolas Lascombes" in attachment.text


def test_meetup_publishes_in_the_body_but_requests_in_mime() -> None:
    (part,) = corpus_message("meetup-request-param-vs-publish-body.eml").calendars
    assert (part.method, part.mime_method) == ("PUBLISH", "REQUEST")


def test_exchange_2003_8bit_part_without_charset_decodes_utf8() -> None:
    message = corpus_message("exchange2003-cdo-request-8bit-no-charset.eml")
    (part,) = message.calendars
    assert "SUMMARY:Rencontre EX2003 du canada acentuéee\r\n" in part.text
    assert "DESCRIPTION:Op là boum €\\N\r\n" in part.text
    assert message.subject == "Rencontre EX2003 du canada acentuéee"


def test_android_base64_calendar_keeps_its_tab_folding() -> None:
    (part,) = corpus_message("android-email-request-base64-tab-folding.eml").calendars
    assert ';CN="Thomas\r\n\t Cataldo":MAILTO:thomas.cataldo@blue-mind.net\r\n' in part.text
    event = icalendar.Calendar.from_ical(part.text).walk("VEVENT")[0]
    names = sorted(str(attendee.params["CN"]) for attendee in event["ATTENDEE"])
    assert names == ["Nicolas Lascombes", "Thomas Cataldo"]


def test_dsn_bounce_names_the_failed_recipient_and_returns_the_original_invitation() -> None:
    message = corpus_message("calendarserver-dsn-bounce-with-request.eml")
    assert message.calendars == ()
    assert message.bounce is not None
    bounce = message.bounce
    assert bounce.failed_recipients == ("nonexistant@example.com",)
    assert bounce.status == "5.0.0"  # the DSN Status field; 5.1.1 appears only in the text
    assert bounce.diagnostic == (
        "host elderberry.example.com[17.128.115.181] said: 550 5.1.1 unknown or illegal"
        " alias: nonexistant@example.com (in reply to RCPT TO command)"
    )
    assert bounce.original_message_id == "20080812191939.51369.1538816694.0@plugh.example.com"
    (original,) = bounce.original_calendars
    assert (original.method, original.mime_method) == ("REQUEST", None)
    assert "UID:1E71F9C8-AEDA-48EB-98D0-76E898F6BB5C\r\n" in original.text
    assert message.message_id == "20080812191940.15BA528084@relay11.example.com"
    assert message.subject == "Undelivered Mail Returned to Sender"


def test_outlook_message_whose_whole_body_is_text_calendar() -> None:
    message = corpus_message("outlook2010-request-toplevel-text-calendar.eml")
    (part,) = message.calendars
    assert (part.method, part.mime_method) == ("REQUEST", "REQUEST")
    assert "SUMMARY;LANGUAGE=fr:Rdv depuis OTK 2010\r\n" in part.text
    assert message.sender_name == "Sylvain Garcia"
    assert message.recipients == ("david.phan@blue-mind.net", "thomas.cataldo@blue-mind.net")


def test_domino_mixed_related_alternative_and_octet_stream_copy_are_one_calendar() -> None:
    message = corpus_message("domino85-request-mixed-related-alternative.eml")
    (part,) = message.calendars
    assert "UID:354EFA3054F1F02FC1257A56003AB3AD-Lotus_Notes_Generated\r\n" in part.text
    assert message.sender_name == "Rachid KIDAI"
    assert message.subject == "Invitation : test agenda BM (14 Août 11:00 CEDT)"


def test_domino_ics_attachment_sent_as_text_plain_is_a_calendar() -> None:
    raw = (EML / "domino-request-reduced-no-vtimezone.eml").read_bytes()
    (merged,) = parse_message(raw).calendars
    assert (merged.method, merged.mime_method) == (None, "REQUEST")
    # Make the text/plain c141520.ics copy differ from the inline part: both are then found.
    head, separator, attachment = raw.rpartition(b"SEQUENCE:0")
    inline, attached = parse_message(head + b"SEQUENCE:1" + attachment).calendars
    assert separator and inline.mime_method == "REQUEST" and attached.mime_method is None
    assert "SEQUENCE:1\r\n" in attached.text


def test_corpus_headers_are_decoded() -> None:
    apple = corpus_message("apple-ical5-request-qp.eml")
    assert apple.sender_name == "Cornelius Weiß"
    exchange = corpus_message("exchange-cdo-request-qp-lf.eml")
    assert exchange.subject == "Mis(e) à jour: Réunion RH de rentrée"
    assert exchange.recipients == ("llaurent@vardert.com", "l.fayette@blue-mind.com")
    gmail = corpus_message("google-request-mixed-alt-plus-application-ics.eml")
    assert gmail.reply_to == "tcataldo@gmail.com"
    assert gmail.recipients == ("tom@bluejob.fr", "thomas.cataldo@blue-mind.net")
    tine = corpus_message("exchange2007-request-w-europe-base64.eml")
    assert tine.recipients == ("oliver@example.org",)  # To, X-Original-To, Delivered-To: one
    thunderbird = corpus_message("thunderbird-reply-accepted-8bit.eml")
    assert thunderbird.recipients == ("l.kneschke@caldav.org", "tine20admin@caldav.org")


def test_lf_only_quoted_printable_calendar_becomes_crlf() -> None:
    raw = (EML / "exchange-cdo-request-qp-lf.eml").read_bytes()
    assert b"\r\n" not in raw
    (part,) = parse_message(raw).calendars
    assert "SUMMARY:Mis(e) à jour: Réunion RH de rentrée\r\n" in part.text


# --- synthetic messages --------------------------------------------------------------------


def test_missing_message_id_becomes_the_sha256_of_the_raw_bytes() -> None:
    message = invitation()
    del message["Message-ID"]
    message.set_content(INVITE, subtype="calendar", params={"method": "REQUEST"})
    raw = message.as_bytes()
    assert parse_message(raw).message_id == "sha256:" + hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("cte", ["base64", "quoted-printable", "8bit"])
def test_latin1_bytes_declared_utf8_still_decode(cte: str) -> None:
    message = invitation()
    message.set_content(INVITE.encode("latin-1"), "text", "calendar", cte=cte)
    message.set_param("charset", "utf-8")
    (part,) = parse_message(message.as_bytes()).calendars
    assert "SUMMARY:Café\r\n" in part.text


def test_unknown_declared_charset_falls_back_to_utf8() -> None:
    message = invitation()
    message.set_content(INVITE.encode("utf-8"), "text", "calendar", cte="base64")
    message.set_param("charset", "x-no-such-charset")
    (part,) = parse_message(message.as_bytes()).calendars
    assert part.text == INVITE


def test_declared_charset_wins_when_it_fits() -> None:
    message = invitation()
    message.set_content(INVITE.encode("cp1252"), "text", "calendar", cte="base64")
    message.set_param("charset", "windows-1252")
    (part,) = parse_message(message.as_bytes()).calendars
    assert part.text == INVITE


@pytest.mark.parametrize("end", ["\n", "\r", "\r\n"])
def test_line_ends_become_crlf_and_a_bom_is_dropped(end: str) -> None:
    body = calendar_body("METHOD:request ", "X-LONG:a", " b", "\tc", end=end)
    message = invitation()
    message.set_content(("\ufeff" + body).encode(), "text", "calendar", cte="base64")
    (part,) = parse_message(message.as_bytes()).calendars
    assert part.text == calendar_body("METHOD:request ", "X-LONG:a", " b", "\tc")
    assert part.method == "REQUEST"


def test_method_of_a_nested_component_is_not_the_calendars_method() -> None:
    body = calendar_body("BEGIN:X-THING", "METHOD:CANCEL", "END:X-THING")
    message = invitation()
    message.set_content(body, subtype="calendar")
    (part,) = parse_message(message.as_bytes()).calendars
    assert part.method is None and part.mime_method is None


def test_duplicate_keeps_the_first_part_and_a_later_mime_method() -> None:
    message = invitation()
    message.set_content("See the invitation.")
    message.add_attachment(INVITE.encode(), "application", "ics", filename="invite.ics")
    folded_copy = INVITE.replace("\r\n", "  \r\n").replace("SUMMARY:Café", "SUMMARY:Ca\r\n fé")
    message.add_attachment(folded_copy, subtype="calendar", params={"method": "request"})
    (part,) = parse_message(message.as_bytes()).calendars
    assert part.text == INVITE
    assert part.mime_method == "REQUEST"


@pytest.mark.parametrize(
    ("maintype", "subtype", "filename"),
    [
        ("application", "octet-stream", "meeting.ICS"),
        ("application", "octet-stream", "busy.ifb"),
        ("text", "plain", None),  # found by its content alone
        ("text", "x-vcalendar", None),
    ],
)
def test_calendar_parts_are_found_by_type_name_or_content(
    maintype: str, subtype: str, filename: str | None
) -> None:
    message = invitation()
    message.set_content("Hello")
    message.add_attachment(INVITE.encode(), maintype, subtype, filename=filename)
    (part,) = parse_message(message.as_bytes()).calendars
    assert part.method == "REQUEST"


def test_other_attachments_are_not_calendars() -> None:
    message = invitation()
    message.set_content("BEGIN:VCALENDAR is how a calendar starts, said the text.\n", "html")
    message.add_attachment(b"\x89PNG\r\n", "image", "png", filename="logo.png")
    message.add_attachment(b"", "text", "calendar", filename="empty.ics")
    assert parse_message(message.as_bytes()).calendars == ()


def test_forwarded_invitation_in_message_rfc822_counts() -> None:
    inner = invitation()
    inner.set_content(INVITE, subtype="calendar", params={"method": "REQUEST"})
    outer = invitation(Subject="Fwd: Invitation", Message_ID="<fwd@example.com>")
    outer.set_content("Forwarding this.")
    outer.add_attachment(inner)
    message = parse_message(outer.as_bytes())
    (part,) = message.calendars
    assert (part.method, part.mime_method) == ("REQUEST", "REQUEST")
    assert message.bounce is None and message.message_id == "fwd@example.com"


def test_headers_are_decoded_lower_cased_and_deduplicated() -> None:
    message = invitation(
        From="=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.COM>",
        Cc='"Doe, Jane" <JANE@example.com>, , guest@example.com, undisclosed-recipients:;',
        Delivered_To="guest@EXAMPLE.com",
        X_Original_To="alias@example.com",
        Reply_To="Secretary <Sec@Example.com>",
        In_Reply_To=" <earlier@example.com> ",
    )
    message.set_content(INVITE, subtype="calendar")
    parsed = parse_message(message.as_bytes())
    assert parsed.sender == "juergen@example.com"
    assert parsed.sender_name == "Jürgen Müller"
    assert parsed.reply_to == "sec@example.com"
    assert parsed.recipients == ("guest@example.com", "jane@example.com", "alias@example.com")
    assert parsed.in_reply_to == "earlier@example.com"


def test_raw_8bit_headers_are_decoded_not_left_as_surrogates() -> None:
    raw = (
        "From: Jürgen <j@example.com>\r\nSubject: Réunion\r\nMessage-ID: <é@example.com>\r\n"
        "Content-Type: text/calendar\r\n\r\n"
    ).encode() + INVITE.encode()
    parsed = parse_message(raw)
    assert (parsed.sender_name, parsed.subject, parsed.message_id) == (
        "Jürgen",
        "Réunion",
        "é@example.com",
    )
    latin = parse_message(raw.replace("Réunion".encode(), "Réunion".encode("latin-1")))
    assert latin.subject == "Réunion"


def test_an_encoded_display_name_with_a_comma_stays_one_address() -> None:
    raw = (
        b"From: =?utf-8?q?Doe=2C_John?= <John@Example.com>\r\n"
        b"To: =?utf-8?q?M=C3=BCller=2C_Anna?= <anna@example.com>, bob@example.com\r\n"
        b"Content-Type: text/calendar\r\n\r\n"
    ) + INVITE.encode()
    parsed = parse_message(raw)
    assert (parsed.sender_name, parsed.sender) == ("Doe, John", "john@example.com")
    assert parsed.recipients == ("anna@example.com", "bob@example.com")


def test_unreadable_sender_is_none() -> None:
    message = parse_message(b"From: nobody in particular\r\nSubject: hi\r\n\r\nbody\r\n")
    assert (message.sender, message.sender_name, message.recipients) == (None, None, ())
    assert message.calendars == () and message.bounce is None


def test_headers_only_dsn_with_mixed_recipient_outcomes() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example.com\r\nTo: org@example.com\r\n"
        b"Subject: Delivery Status Notification\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type="Delivery-Status"; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nSome mail could not be delivered.\r\n"
        b"--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.com\r\n\r\n"
        b"Final-Recipient: rfc822; ok@example.com\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n"
        b"Original-Recipient: rfc822;Alias@Example.com\r\n"
        b"Final-Recipient: RFC822; <Gone@Example.com>\r\nAction: failed (bad address)\r\n"
        b"Status: 5.1.1 (user unknown)\r\n\r\n"
        b"Final-Recipient: x400; /c=us/\r\nAction: failed\r\nStatus: 5.1.2\r\n"
        b"Diagnostic-Code: smtp; 550 5.1.2\r\n  no such domain\r\n\r\n"
        b"--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        b"From: org@example.com\r\nMessage-ID: <sent-1@example.com>\r\nSubject: Invitation\r\n"
        b"--b--\r\n"
    )
    message = parse_message(raw)
    assert message.bounce == Bounce(
        failed_recipients=("gone@example.com", "alias@example.com"),
        status="5.1.1",
        diagnostic="550 5.1.2 no such domain",
        original_message_id="sent-1@example.com",
        original_calendars=(),
    )
    assert message.calendars == ()


def test_a_report_that_is_not_a_delivery_status_is_no_bounce() -> None:
    raw = (
        b"From: guest@example.com\r\nTo: org@example.com\r\n"
        b"Content-Type: multipart/report; report-type=disposition-notification; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nRead.\r\n--b--\r\n"
    )
    assert parse_message(raw).bounce is None


def test_oversized_message_is_refused_with_the_limit_in_the_message() -> None:
    raw = b"From: a@example.com\r\n\r\n" + b"x" * 100
    assert parse_message(raw, max_bytes=len(raw)).sender == "a@example.com"
    with pytest.raises(MessageTooLargeError, match=f"limit of {len(raw) - 1} bytes"):
        parse_message(raw, max_bytes=len(raw) - 1)
    assert MAX_MESSAGE_BYTES == 10_000_000


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b" \r\n\r\n ",
        b"hello world\r\n",
        b"\r\nFrom: a@example.com\r\n",  # a body without any header
        b'{"json": "no"}',
        INVITE.encode(),  # a bare .ics file: its lines look like headers, none is an email's
    ],
)
def test_input_that_is_not_an_email_is_unreadable(raw: bytes) -> None:
    with pytest.raises(UnreadableMessageError):
        parse_message(raw)


def test_absurd_nesting_is_refused_with_a_reason_not_a_crash() -> None:
    depth = 3000
    raw = b"From: a@example.com\r\n" + b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (level, level)
        for level in range(depth)
    )
    with pytest.raises(UnreadableMessageError, match=r"^the MIME structure is nested more"):
        parse_message(raw + INVITE.encode())


# --- never crash ---------------------------------------------------------------------------


def seed_messages() -> list[bytes]:
    message = invitation(Cc="=?bogus?x?zz?= <c@example.com>")
    message.set_content("Hi")
    message.add_attachment(INVITE.encode(), "application", "ics", filename="invite.ics")
    seeds = [message.as_bytes()]
    if EML.is_dir():
        seeds += [path.read_bytes() for path in sorted(EML.glob("*.eml"))]
    return seeds


SEEDS = seed_messages()
TOKENS = [
    b"\r\n",
    b"\n",
    b"\r",
    b"\x00",
    b"\xff\xfe",
    b"--",
    b"=?utf-8?q?=C3=A9?=",
    b"=?x?b?@@?=",
    b"Content-Type: multipart/mixed; boundary=",
    b"Content-Type: message/rfc822\r\n\r\n",
    b"Content-Type: message/delivery-status\r\n\r\n",
    b"Content-Type: multipart/report; report-type=delivery-status; boundary=",
    b"; charset=utf-7",
    b"; charset*=''%ff",
    b"; method*0*=utf-8''%C3",
    b"filename*=",
    b"base64",
    b"quoted-printable",
    b"BEGIN:VCALENDAR",
    b"METHOD:",
    b'<>,;:@"()\\\t',
]


def outcome(raw: bytes) -> None:
    """Parse ``raw``: a result whose text is valid Unicode, or one of the two errors, whose
    reason is Televent's own words (never a Python exception's text)."""
    try:
        message = parse_message(raw)
    except (UnreadableMessageError, MessageTooLargeError) as refused:
        reason = str(refused)
    else:
        reason = ""
    if reason:
        assert "Error(" not in reason and "Traceback" not in reason
        return
    fields = [message.message_id, message.sender, message.sender_name, message.subject]
    fields += [part.text for part in all_calendars(message)] + list(message.recipients)
    for text in fields:
        if text is not None:
            text.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    outcome(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_messages_never_crash(data: st.DataObject) -> None:
    raw = bytearray(data.draw(st.sampled_from(SEEDS), label="seed"))
    edits = data.draw(st.integers(min_value=1, max_value=12), label="edits")
    for _ in range(edits):
        at = data.draw(st.integers(min_value=0, max_value=len(raw)), label="at")
        kind = data.draw(st.sampled_from(["cut", "token", "bytes", "truncate"]), label="kind")
        if kind == "cut":
            del raw[at : at + data.draw(st.integers(1, 80))]
        elif kind == "token":
            raw[at:at] = data.draw(st.sampled_from(TOKENS))
        elif kind == "bytes":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        else:
            del raw[at:]
    outcome(bytes(raw))


HEADER_NAMES = ["From", "To", "Cc", "Reply-To", "Subject", "Message-ID", "In-Reply-To"]
HEADER_NAMES += ["Content-Type", "Content-Transfer-Encoding", "Content-Disposition"]
HEADER_ATOMS = [b"=?utf-8?q?", b"?=", b"<", b">", b"@", b'"', b"\\", b"(", b")", b",", b";"]
HEADER_ATOMS += [b":", b"=", b"*", b"'", b"%", b"\r\n ", b"\r\n\t", b"\xc3\xa9", b"\xe9", b"\x00"]
HEADER_ATOMS += [b"text/calendar", b"multipart/mixed", b"boundary", b"charset", b"method"]
HEADER_ATOMS += [b"filename*0*", b"utf-8''", b"a", b"b@c.d", b" "]
header_values = st.lists(
    st.one_of(st.sampled_from(HEADER_ATOMS), st.binary(max_size=3)), max_size=25
).map(b"".join)
header_lines = st.tuples(st.sampled_from(HEADER_NAMES), header_values).map(
    lambda pair: pair[0].encode() + b": " + pair[1]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(header_lines, min_size=1, max_size=8))
def test_garbled_headers_never_crash(headers: list[bytes]) -> None:
    outcome(b"\r\n".join(headers) + b"\r\n\r\n" + INVITE.encode())


def test_base64_garbage_in_a_calendar_part_does_not_crash() -> None:
    body = base64.b64encode(INVITE.encode())[:-7] + b"!!*\r\n"
    raw = (
        b"From: a@example.com\r\nContent-Type: text/calendar; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + body
    )
    (part,) = parse_message(raw).calendars
    assert part.text.startswith("BEGIN:VCALENDAR\r\n")


def test_an_invitation_folded_inside_a_character_is_read_whole() -> None:
    # the mail's calendar was read as Windows-1252: "ÐÑÑ..." and "MÃ¼nchen"
    message = EmailMessage()
    message["Subject"] = "Invitation"
    message.set_content("See the invitation.")
    message.add_attachment(
        FOLDED_FILE.replace(b"VERSION:2.0", b"VERSION:2.0\r\nMETHOD:REQUEST"),
        maintype="text",
        subtype="calendar",
        params={"method": "REQUEST", "charset": "utf-8"},
    )
    [part] = calendars_in(message)
    assert f"SUMMARY:{FOLDED_TITLE}" in part.text and "LOCATION:München" in part.text
