"""The bot and email together: an emailed invitation becomes a card whose tap sends a REPLY, and
an attendee's emailed COUNTER becomes the organizer's card with accept/decline buttons."""

from __future__ import annotations

import json
from email.message import EmailMessage

from televent.adapters.mail.ingest import receive_email
from televent.application.itip_inbox import ItipInbox
from televent.delivery.mail_queue import MailQueue
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.mail_identity import MailIdentity
from tests.bot_harness import BotHarness, texts_of
from tests.bot_harness import run_scenario as run
from tests.integration.test_bot_handlers import create_event, default_calendar

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")


def email_with(ical: str, method: str, sender: str, to: str, message_id: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = f"{method.title()}: Budget"
    message["Message-ID"] = f"<{message_id}@example.net>"
    message.set_content(ical, subtype="calendar", params={"method": method})
    return bytes(message)


def test_an_emailed_invitation_is_a_card_and_the_tap_replies_by_email(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(2)
        app.link_email(2, "bob@example.org", actor="system:", source="cli:tests")
        ical = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REQUEST\r\n"
            "BEGIN:VEVENT\r\nUID:budget-1@example.net\r\nDTSTAMP:20260301T080000Z\r\n"
            "DTSTART:20260303T090000Z\r\nDTEND:20260303T100000Z\r\n"
            "SUMMARY:<i>Budget</i> & plans\r\nORGANIZER;CN=Erin <E>:mailto:erin@example.net\r\n"
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        raw = email_with(ical, "REQUEST", "erin@example.net", "bob@example.org", "r1")
        assert receive_email(ItipInbox(app, IDENTITY), raw).outcomes[0].result == "created"
        [card] = [c for c in await h.deliver() if c.chat_id == 2]
        # Everything from the email is escaped: no markup of the sender's reaches Telegram.
        assert "&lt;i&gt;Budget&lt;/i&gt; &amp; plans" in card.text
        assert "Erin &lt;E&gt;" in card.text
        accept = card.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        tapped = await h.tap(2, accept, card)
        assert any(c.method == "editMessageText" and "accepted" in c.text for c in tapped)
        rows = MailQueue(app.views, app.clock).mail_rows()
        assert [(r["method"], r["recipient"]) for r in rows] == [("REPLY", "erin@example.net")]
        payload = json.loads(rows[0]["payload"])
        assert (payload["attendee"], payload["partstat"]) == ("bob@example.org", "ACCEPTED")

    run(app, api, clock, scenario)


def test_a_counter_proposal_is_accepted_from_telegram(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        sid = await create_event(h, 1, "Team sync, tomorrow 15:00, 1h")
        await h.say(1, f"/invite {sid} dan@example.org")
        [request] = MailQueue(app.views, app.clock).mail_rows()
        token = json.loads(request["payload"])["token"]
        obj = app.queries.objects_in(default_calendar(1))[0]
        counter = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//EN\r\nMETHOD:COUNTER\r\n"
            f"BEGIN:VEVENT\r\nUID:{obj.uid}\r\nDTSTAMP:20260301T100000Z\r\n"
            "DTSTART:20260302T160000Z\r\nDTEND:20260302T170000Z\r\nSEQUENCE:0\r\n"
            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:dan@example.org\r\n"
            "COMMENT:Can we do an hour later?\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        raw = email_with(
            counter, "REPLY", "dan@example.org", IDENTITY.reply_address(token), "c1"
        )  # Gmail labels a COUNTER method=REPLY; the body wins
        assert receive_email(ItipInbox(app, IDENTITY), raw).outcomes[0].result == "proposed"
        [card] = [c for c in await h.deliver() if c.chat_id == 1]
        assert "dan@example.org proposes a new time" in card.text
        assert "Mon, Mar 2, 5:00\u202fPM" in card.text and "an hour later" in card.text
        buttons = card.params["reply_markup"]["inline_keyboard"][0]
        tapped = await h.tap(1, buttons[0]["callback_data"], card)
        assert any("moved to the proposed time" in c.text for c in tapped if c.text)
        facts = facts_of(parse_calendar_object(app.queries.objects_in(default_calendar(1))[0].ical))
        assert facts["start"].startswith("2026-03-02T16:00:00") and facts["sequence"] == 1
        methods = [(r["method"], r["delivery_id"].split(":")[-1]) for r in
                   MailQueue(app.views, app.clock).mail_rows()]  # fmt: skip
        assert methods[-1] == ("REQUEST", "s1"), "everyone gets the new time"
        again = await h.tap(1, buttons[0]["callback_data"], card)
        assert any("already answered" in t for t in texts_of(again, "answerCallbackQuery") + [
            c.text for c in again if c.text
        ])  # fmt: skip

    run(app, api, clock, scenario)
