"""What reminders, agendas and notices say by mail: the reader's zone, everything from users
escaped in the HTML, the link that stops them, and a message a mail client takes apart."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import zoneinfo

import pytest

from televent.adapters.mail.notices import notice_text
from televent.adapters.mail.outbound import NoticeMail, build_notice
from televent.adapters.operations_middleware import logged_path

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
STOP = "https://cal.example.org/unsubscribe/abc"
HOSTILE = "<script>alert(1)</script> & co"


def test_a_booking_names_the_visitor_and_their_answers_escaped() -> None:
    booked = notice_text(
        "notices",
        "booked",
        {
            "title": "Intro",
            "name": HOSTILE,
            "email": "v@example.com",
            "answers": [["Topic", "<b>pricing</b>"]],
            "start": "2026-03-03T14:00:00+00:00",
            "end": "2026-03-03T14:30:00+00:00",
        },
        TOKYO,
        unsubscribe_url=STOP,
    )
    assert booked.subject.startswith("Booked: Intro with <script>")
    assert "Tue, Mar 3, 2026, 11:00\u202fPM–11:30\u202fPM (Asia/Tokyo)" in booked.subject
    assert "<script>" not in booked.html and "&lt;b&gt;pricing&lt;/b&gt;" in booked.html
    assert "Topic: <b>pricing</b>" in booked.text
    assert f'<a href="{STOP}">' in booked.html and f"Stop these emails: {STOP}" in booked.text


@pytest.mark.parametrize(
    ("kind", "extra", "subject"),
    [
        ("booking_cancelled", {"reason": "ill"}, "Booking cancelled: Intro with Vi"),
        ("booking_moved", {"old_start": "2026-03-02T14:00:00+00:00"}, "Booking moved: Intro"),
        ("cancelled", {}, "Cancelled: Intro"),
        ("uninvited", {}, "Removed: Intro"),
        ("invitation_update", {"organizer_name": "Olga"}, "Updated invitation: Intro"),
        ("rsvp", {"attendee_name": "Vi", "partstat": "TENTATIVE"}, "Vi tentatively accepted"),
    ],
)
def test_each_notice_has_its_subject(kind: str, extra: dict[str, str], subject: str) -> None:
    message = {"summary": "Intro", "title": "Intro", "name": "Vi", **extra}
    message["start"] = "2026-03-03T14:00:00+00:00"
    text = notice_text("notices", kind, message, TOKYO)
    assert text.subject.startswith(subject)
    assert "Change it with /settings" in text.text  # no public URL: no link to give


def test_an_all_day_agenda_item_and_a_conflict() -> None:
    agenda = notice_text(
        "agenda",
        "agenda",
        {
            "date": "2026-03-03",
            "items": [
                {"summary": "Holiday", "all_day": True, "start": "2026-03-03"},
                {"summary": HOSTILE, "start": "2026-03-03T01:00:00+00:00", "conflict": True},
            ],
            "unreadable": 1,
        },
        TOKYO,
    )
    assert agenda.subject == "Your day: Tuesday, March 3"
    assert "- all day · Holiday" in agenda.text and "(!) 10:00\u202fAM · <script>" in agenda.text
    assert "<script>" not in agenda.html and "1 event could not be shown" in agenda.text


def test_the_message_has_the_one_click_unsubscribe_and_a_publish_calendar() -> None:
    ics = "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
    mail = NoticeMail(
        to_address="ann@example.com",
        from_address="calendar@cal.example.org",
        from_name="Televent",
        subject="Reminder:\r\nBcc: x@example.com",
        text="hello",
        html="<p>hello</p>",
        message_id="abc@cal.example.org",
        date=dt.datetime(2026, 3, 3, tzinfo=dt.UTC),
        ical=ics,
        unsubscribe_url=STOP,
    )
    parsed = email.message_from_bytes(bytes(build_notice(mail)), policy=email.policy.default)
    assert parsed["Bcc"] is None and parsed["Subject"] == "Reminder: Bcc: x@example.com"
    assert str(parsed["List-Unsubscribe"]).strip() == f"<{STOP}>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["Auto-Submitted"] == "auto-generated"
    (attached,) = parsed.iter_attachments()  # type: ignore[attr-defined]
    assert attached.get_content().replace("\r\n", "\n") == ics.replace("\r\n", "\n")
    with pytest.raises(ValueError, match="METHOD:PUBLISH"):
        build_notice(NoticeMail(**{**mail.__dict__, "ical": ics.replace("PUBLISH", "REQUEST")}))


def test_the_unsubscribe_token_stays_out_of_the_logs() -> None:
    assert logged_path("/unsubscribe/s3cret") == "/unsubscribe/-"
    assert logged_path("/book/intro/manage/s3cret") == "/book/intro/manage/-"
    assert logged_path("/api/v1/unsubscribe/x") == "/api/v1/unsubscribe/x"
