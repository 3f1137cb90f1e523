"""The bot's handlers, fed raw updates, on SQLite and PostgreSQL, replying to a Bot API stand-in."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

import icalendar
import pytest

from televent.adapters.telegram.service import Person
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for
from tests.bot_harness import BotHarness, at, run_scenario, texts_of

ACTOR, SOURCE = "system:", "cli:tests"


def plain(text: str) -> str:
    """A message with the narrow no-break space of English times ("3:00\u202fPM") as a space."""
    return text.replace("\u202f", " ")


def short_id_in(text: str) -> str:
    match = re.search(r"<code>([0-9a-f]{6})</code>", text) or re.search(r"id ([0-9a-f]{6})", text)
    assert match, text
    return match.group(1)


def default_calendar(telegram_id: int) -> object:
    return calendar_id_for(account_id_for(telegram_id), DEFAULT_CALENDAR_SLUG)


async def create_event(h: BotHarness, user_id: int, line: str) -> str:
    """Create through /create and the Save button; returns the short id."""
    confirm = await h.say(user_id, f"/create {line}")
    card = next(c for c in confirm if "Save this event?" in c.text)
    saved = await h.tap(user_id, "new:1", card)
    edit = next(c for c in saved if c.method == "editMessageText")
    return short_id_in(edit.text)


def test_start_registers_once_and_asks_for_the_zone(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        first = await h.say(1, "/start")
        assert any("Hi Alice" in t for t in texts_of(first))
        asking = next(c for c in first if "time zone" in c.text)
        buttons = [
            b["callback_data"]
            for row in asking.params["reply_markup"]["inline_keyboard"]
            for b in row
        ]
        assert "tz:Europe/Berlin" in buttons
        await h.say(1, "/start")
        assert app.queries.account_count() == 1
        chosen = await h.tap(1, "tz:Europe/Berlin", asking)
        assert any("Europe/Berlin" in c.text for c in chosen if c.method == "editMessageText")
        assert app.queries.account_by_telegram_id(1).timezone == "Europe/Berlin"
        await h.say(1, "/timezone")
        typed = await h.say(1, "new yrok")
        assert "America/New_York" in texts_of(typed)[0]
        assert app.queries.account_by_telegram_id(1).username == "alice"
        unknown = await h.say(1, "/timezone Atlantisland")
        assert texts_of(unknown) and "⚠️" not in texts_of(unknown)[0]

    run_scenario(app, api, clock, scenario)


def test_one_line_create_shows_a_card_then_saves_in_the_users_zone(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        sid = await create_event(h, 1, "Team sync, tomorrow 15:00, 1h, Room 4")
        objects = app.queries.objects_in(default_calendar(1))
        assert len(objects) == 1
        event = icalendar.Calendar.from_ical(objects[0].ical).walk("VEVENT")[0]
        start = event["DTSTART"].dt
        assert start.replace(tzinfo=None) == dt.datetime(2026, 3, 2, 15, 0)
        assert str(start.tzinfo) == "Europe/Berlin"
        assert str(event["LOCATION"]) == "Room 4"
        assert "tg_1@televent.internal" in str(event["ORGANIZER"])
        listing = plain(texts_of(await h.say(1, "/tomorrow"))[0])
        assert "3:00 PM–4:00 PM" in listing and "Team sync" in listing and sid in listing
        assert "Nothing planned" in texts_of(await h.say(1, "/today"))[0]

    run_scenario(app, api, clock, scenario)


def test_discarding_the_card_saves_nothing_and_bad_dates_get_help(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        confirm = await h.say(1, "/create Lunch, tmorrow 13:00")
        card = next(c for c in confirm if "Save this event?" in c.text)
        await h.tap(1, "new:0", card)
        assert app.queries.objects_in(default_calendar(1)) == []
        wrong = texts_of(await h.say(1, "/create Lunch, blorf"))
        assert wrong and "⚠️" in wrong[0] and "Traceback" not in wrong[0]

    run_scenario(app, api, clock, scenario)


def test_dialogue_creation_and_cancel(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        assert "called" in texts_of(await h.say(1, "/create"))[0]
        await h.say(1, "Dentist")
        assert "When is it?" in texts_of(await h.say(1, "nonsense words"))[0]
        await h.say(1, "fri 9:30")
        assert "How long is it?" in texts_of(await h.say(1, "an eternity"))[0]
        await h.say(1, "45m")
        assert "description" in texts_of(await h.say(1, "Main street 5"))[0]
        confirm = await h.say(1, "Bring the X-rays")
        card = next(c for c in confirm if "Save this event?" in c.text)
        assert "9:30 AM–10:15 AM" in plain(card.text) and "Main street 5" in card.text
        assert "📝 Bring the X-rays" in card.text
        await h.tap(1, "new:1", card)
        (saved,) = app.queries.objects_in(default_calendar(1))
        event = icalendar.Calendar.from_ical(saved.ical).walk("VEVENT")[0]
        assert str(event["DESCRIPTION"]) == "Bring the X-rays"
        assert str(event["LOCATION"]) == "Main street 5"
        await h.say(1, "/create")
        assert "cancelled" in texts_of(await h.say(1, "/cancel"))[0]
        assert "not sure" in texts_of(await h.say(1, "Some title"))[0]

    run_scenario(app, api, clock, scenario)


def test_week_listing_across_a_dst_change_keeps_local_times(app, api, clock) -> None:
    at(clock, dt.datetime(2026, 3, 26, 6, 0, tzinfo=dt.UTC))  # Thursday; Berlin moves on Sunday

    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        daily = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
            "UID:standup\r\nDTSTAMP:20260301T000000Z\r\n"
            "DTSTART;TZID=Europe/Berlin:20260302T093000\r\n"
            "DTEND;TZID=Europe/Berlin:20260302T094500\r\nRRULE:FREQ=DAILY\r\n"
            "SUMMARY:Stand-up\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        app.put_object(default_calendar(1), "standup.ics", daily, actor=ACTOR, source=SOURCE)
        week = plain(texts_of(await h.say(1, "/week"))[0])
        assert week.count("9:30 AM–9:45 AM") == 7, week
        for day in ("Sat, Mar 28", "Sun, Mar 29", "Mon, Mar 30"):
            assert day in week
        await h.say(1, "/timezone UTC")
        week_utc = plain(texts_of(await h.say(1, "/week"))[0])
        assert "8:30 AM–8:45 AM" in week_utc and "7:30 AM–7:45 AM" in week_utc

    run_scenario(app, api, clock, scenario)


def test_invitation_card_tap_and_organizer_notice(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Team sync, tomorrow 15:00, 1h")
        invited = texts_of(await h.say(1, f"/invite {sid} @bob stranger@example.com"))[0]
        assert "Bob invited" in invited and "stranger@example.com invited" in invited
        cards = [c for c in await h.deliver() if c.chat_id == 2]
        assert len(cards) == 1
        card = cards[0]
        assert "Invitation" in card.text and "Team sync" in card.text and "Alice" in card.text
        assert "Mon, Mar 2, 3:00 PM–4:00 PM" in plain(card.text)
        buttons = card.params["reply_markup"]["inline_keyboard"][0]
        assert [b["text"] for b in buttons] == ["✅ Accept", "❔ Tentative", "❌ Decline"]
        position_before = app.queries.calendar(default_calendar(1)).sync_position

        tapped = await h.tap(2, buttons[0]["callback_data"], card)
        edit = next(c for c in tapped if c.method == "editMessageText")
        assert "accepted" in edit.text
        assert any(c.method == "answerCallbackQuery" for c in tapped)
        assert edit.params["reply_markup"]["inline_keyboard"][0][0]["text"].startswith("• ✅")

        obj = app.queries.objects_in(default_calendar(1))[0]
        assert "PARTSTAT=ACCEPTED" in obj.ical.replace("\r\n ", "")
        assert app.queries.calendar(default_calendar(1)).sync_position > position_before
        notices = [plain(text) for text in texts_of(await h.deliver())]
        assert notices == ["✅ Bob accepted <b>Team sync</b>\n🕒 Mon, Mar 2, 3:00 PM–4:00 PM"]
        attendees = texts_of(await h.say(1, f"/attendees {sid}"))[0]
        assert "✅ accepted: Bob" in attendees and "stranger@example.com" in attendees

        again = await h.deliver()
        assert again == [], "nothing is sent twice"

    run_scenario(app, api, clock, scenario)


def test_a_forged_or_foreign_callback_cannot_answer_for_someone_else(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2, 3)
        sid = await create_event(h, 1, "Board meeting, tomorrow 10:00")
        await h.say(1, f"/invite {sid} @bob")
        event_id = h.service.resolve(_person(1), sid)
        refused = await h.tap(3, f"rsvp:{event_id.hex}:A")
        alert = next(c for c in refused if c.method == "answerCallbackQuery")
        assert "not invited" in alert.params["text"]
        refused = await h.tap(3, "rsvp:zzzz:A")
        assert any(c.method == "answerCallbackQuery" for c in refused)
        attendees = app.queries.attendees_of(event_id)
        assert [a["partstat"] for a in attendees] == ["NEEDS-ACTION"]

    run_scenario(app, api, clock, scenario)


def _person(telegram_id: int) -> Person:
    return Person(telegram_id, "x")


def test_cards_follow_changes_once_per_revision(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Planning, tomorrow 11:00")
        await h.say(1, f"/invite {sid} @bob")
        await h.say(1, f"/invite {sid} @bob")  # again: nothing new
        first = [c for c in await h.deliver() if c.chat_id == 2]
        assert len(first) == 1
        event_id = h.service.resolve(_person(1), sid)
        obj = app.queries.object_by_event_id(event_id)
        moved = obj.ical.replace("T110000", "T140000").replace("T120000", "T150000")
        app.put_object(obj.calendar_id, obj.href, moved, actor=ACTOR, source=SOURCE)
        app.put_object(obj.calendar_id, obj.href, moved, actor=ACTOR, source=SOURCE)  # no-op
        updated = [c for c in await h.deliver() if c.chat_id == 2]
        assert len(updated) == 1 and "updated" in updated[0].text
        assert "2:00 PM" in plain(updated[0].text)
        await h.say(1, f"/cancel {sid}")
        confirm = api.calls("sendMessage", chat_id=1)[-1]
        await h.tap(1, f"ev:{event_id.hex}:cancel_yes", confirm)
        cancelled = [c for c in await h.deliver() if c.chat_id == 2]
        assert len(cancelled) == 1 and "cancelled" in cancelled[0].text

    run_scenario(app, api, clock, scenario)


def test_a_meeting_deleted_from_a_calendar_app_is_named_in_the_notice(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Quarterly review, tomorrow 11:00")
        await h.say(1, f"/invite {sid} @bob")
        await h.deliver()
        obj = app.queries.object_by_event_id(h.service.resolve(_person(1), sid))
        app.delete_object(obj.calendar_id, obj.href, actor=ACTOR, source="caldav:laptop")
        notices = [c.text for c in await h.deliver() if c.chat_id == 2]
        assert len(notices) == 1
        assert "Quarterly review" in notices[0] and "was cancelled" in notices[0]

    run_scenario(app, api, clock, scenario)


def test_caldav_attendee_by_internal_address_or_linked_email_gets_a_card(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2, 3)
        app.link_email(3, "carol@example.com", actor=ACTOR, source=SOURCE)
        body = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple//t//EN\r\nBEGIN:VEVENT\r\n"
            "UID:from-ical\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260305T100000Z\r\n"
            "DTEND:20260305T110000Z\r\nSUMMARY:Review\r\n"
            "ORGANIZER;CN=Alice:mailto:tg_1@televent.internal\r\n"
            "ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED:mailto:tg_1@televent.internal\r\n"
            "ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION:mailto:tg_2@televent.internal\r\n"
            "ATTENDEE;CN=Carol;PARTSTAT=NEEDS-ACTION:mailto:Carol@Example.com\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        app.put_object(default_calendar(1), "review.ics", body, actor=ACTOR, source=SOURCE)
        sent = await h.deliver()
        assert sorted(c.chat_id for c in sent) == [2, 3], "the organizer gets no card"
        assert all("Review" in c.text and "11:00 AM–12:00 PM" in plain(c.text) for c in sent)

    run_scenario(app, api, clock, scenario)


def test_telegram_429_is_retried_after_retry_after_and_403_is_given_up(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2, 3)
        sid = await create_event(h, 1, "Retro, tomorrow 16:00")
        api.fail(
            "sendMessage", status=429, description="Too Many Requests", retry_after=3, chat_id=2
        )
        api.block(3)
        await h.say(1, f"/invite {sid} @bob @carol")
        first = await h.deliver()
        assert [c.failed for c in first if c.chat_id == 2] == [True]
        rows = {r["chat_id"]: r for r in h.queue.rows()}
        assert rows[3]["status"] == "failed" and "403" in rows[3]["last_error"]
        assert rows[2]["status"] == "pending" and rows[2]["attempts"] == 1
        assert await h.deliver() == [], "not before retry_after"
        clock.advance(seconds=3)
        retried = await h.deliver()
        assert [c.failed for c in retried if c.chat_id == 2] == [False]
        assert {r["chat_id"]: r["status"] for r in h.queue.rows()} == {2: "sent", 3: "failed"}

    run_scenario(app, api, clock, scenario)


WEEKLY = (  # 09:30 UTC every week from Sunday 1 March 2026
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
    "UID:weekly\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260301T093000Z\r\n"
    "DTEND:20260301T100000Z\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Weekly\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_reminders_before_events_and_recurring_occurrences_once(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        app.put_object(default_calendar(1), "weekly.ics", WEEKLY, actor=ACTOR, source=SOURCE)
        assert await h.remind() == 0, "09:00 is 30 minutes before: not yet"
        clock.advance(minutes=16)  # 09:16, 14 minutes before
        assert await h.remind() == 1
        assert await h.remind() == 0, "queued once"
        sent = texts_of(await h.deliver())
        assert len(sent) == 1 and "Weekly" in sent[0] and "in 14 minutes" in sent[0]
        clock.advance(days=7)
        assert await h.remind() == 1, "the next occurrence gets its own reminder"
        await h.say(1, "/reminder 0")
        clock.advance(days=7)
        assert await h.remind() == 0, "reminders off"

    run_scenario(app, api, clock, scenario)


def test_a_reminder_not_sent_before_the_event_began_is_dropped(app, api, clock) -> None:
    """The bot was off or unreachable until after the event began: the reminder saying "in 14
    minutes" is not sent late; the next occurrence's is."""

    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        app.put_object(default_calendar(1), "weekly.ics", WEEKLY, actor=ACTOR, source=SOURCE)
        clock.advance(minutes=16)  # 09:16, 14 minutes before
        assert await h.remind() == 1
        clock.advance(minutes=20)  # 09:36: the event has begun before anything was sent
        assert texts_of(await h.deliver()) == []
        assert [r["status"] for r in h.queue.rows()] == ["skipped"]
        clock.advance(days=7, minutes=-20)  # the next week, 14 minutes before
        assert await h.remind() == 1
        sent = texts_of(await h.deliver())
        assert len(sent) == 1 and "in 14 minutes" in sent[0]

    run_scenario(app, api, clock, scenario)


def test_devices_export_and_erasure_request(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        await create_event(h, 1, "Export me, tomorrow 8:00")
        added = texts_of(await h.say(1, "/device add iPhone"))[0]
        assert "User name: <code>1</code>" in added and "http://127.0.0.1:8080/" in added
        assert "iPhone" in texts_of(await h.say(1, "/device list"))[0]
        assert "no longer sync" in texts_of(await h.say(1, "/device revoke iPhone"))[0]
        export = next(c for c in await h.say(1, "/export") if c.method == "sendDocument")
        document = export.params["document"]
        assert document.filename.endswith(".ics") and b"SUMMARY:Export me" in document.content
        ask = next(c for c in await h.say(1, "/deleteaccount") if "Erase" in c.text)
        done = await h.tap(1, "erase:1", ask)
        assert any("Mar 31, 2026" in c.text for c in done if c.method == "editMessageText")
        assert app.queries.account_by_telegram_id(1).erasure_due == "2026-03-31"
        assert "cancelled" in texts_of(await h.say(1, "/keepaccount"))[0]
        assert app.queries.account_by_telegram_id(1).erasure_due is None

    run_scenario(app, api, clock, scenario)


def test_anything_not_understood_gets_a_helpful_answer(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        assert "Did you mean /today" in texts_of(await h.say(1, "/tday"))[0]
        assert "/create" in texts_of(await h.say(1, "hello there"))[0]
        for text in (
            "/event",
            "/event zzz",
            "/event abcdef",
            "/invite",
            "/rsvp",
            "/rsvp maybe 123456",
        ):
            replies = texts_of(await h.say(1, text))
            assert (
                len(replies) == 1
                and "Traceback" not in replies[0]
                and "went wrong" not in replies[0]
            ), text
        assert "Televent commands" in texts_of(await h.say(1, "/help"))[0]

    run_scenario(app, api, clock, scenario)


def test_replaying_the_log_into_the_queue_sends_nothing_again(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Offsite, tomorrow 9:00")
        await h.say(1, f"/invite {sid} @bob")
        assert len(await h.deliver()) == 1
        event_id = h.service.resolve(_person(1), sid)
        await h.say(1, f"/rsvp decline {sid}")  # not invited: refused, nothing queued
        app.remove_attendee(event_id, "tg_2@televent.internal", actor=ACTOR, source=SOURCE)
        app.invite_attendee(event_id, "tg_2@televent.internal", "Bob", actor=ACTOR, source=SOURCE)
        sent = texts_of(await h.deliver())
        assert len(sent) == 2 and "removed" in sent[0] and "Invitation" in sent[1]
        before = h.queue.rows()
        delivery = next(p for p in app.engine.projections if p.name == "telegram_delivery")
        with app.views.write() as db:  # forget who was told what, then replay everything
            db.run("DELETE FROM telegram_invitations")
            app.engine.catch_up(db, [delivery], 0)
        assert h.queue.rows() == before, "the same keys: nothing queued or reset"
        assert await h.deliver() == []

    run_scenario(app, api, clock, scenario)


def test_two_attendees_tapping_at_once_both_get_their_answer_recorded(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2, 3)
        sid = await create_event(h, 1, "All hands, tomorrow 12:00")
        await h.say(1, f"/invite {sid} @bob @carol")
        cards = {c.chat_id: c for c in await h.deliver()}
        event_id = h.service.resolve(_person(1), sid)
        await asyncio.gather(
            *(
                h.tap(user, f"rsvp:{event_id.hex}:A", cards[user])
                for user in (2, 3)
                for _ in range(3)
            )
        )
        answers = {a["address"]: a["partstat"] for a in app.queries.attendees_of(event_id)}
        assert set(answers.values()) == {"ACCEPTED"}, answers
        notices = [t for t in texts_of(await h.deliver()) if "accepted" in t]
        assert len(notices) == 2, "one notice per answer, repeated taps change nothing"

    run_scenario(app, api, clock, scenario)


@pytest.mark.parametrize("words", ["with a longish title", "🎉" * 60])
def test_a_busy_day_fits_one_telegram_message_and_single_events_are_not_marked_recurring(
    app, api, clock, words
) -> None:
    # an emoji is two of the 4,096 units Telegram counts: a day of them was one too long
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        for n in range(120):
            minute = 10 * 60 + n * 5
            body = (
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
                f"UID:busy-{n}\r\nDTSTAMP:20260301T000000Z\r\n"
                f"DTSTART:20260301T{minute // 60:02d}{minute % 60:02d}00Z\r\n"
                f"DURATION:PT5M\r\nSUMMARY:Slot number {n} {words}\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n"
            )
            app.put_object(default_calendar(1), f"busy-{n}.ics", body, actor=ACTOR, source=SOURCE)
        replies = await h.say(1, "/today")
        (reply,) = [c for c in replies if c.method == "sendMessage"]
        assert not reply.failed, "Telegram refuses messages over 4096 characters"
        assert "more. /list shows everything" in reply.text
        assert "🔁" not in reply.text

    run_scenario(app, api, clock, scenario)


def test_an_invited_user_sees_the_meeting_once_with_their_answer(app, api, clock) -> None:
    """Bob holds a copy of Alice's meeting (RFC 6638) and is an attendee of her event: his
    agenda lists it once, marked with his answer, and not at all once he declines."""

    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Design review, tomorrow 15:00, 1h")
        await h.say(1, f"/invite {sid} @bob")
        card = next(c for c in await h.deliver() if c.chat_id == 2)
        tomorrow = texts_of(await h.say(2, "/tomorrow"))[0]
        assert tomorrow.count("Design review") == 1, tomorrow
        assert "⏳" in tomorrow, tomorrow
        own = texts_of(await h.say(1, "/tomorrow"))[0]
        assert own.count("Design review") == 1, own
        await h.tap(2, card.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"], card)
        tomorrow = texts_of(await h.say(2, "/tomorrow"))[0]
        assert tomorrow.count("Design review") == 1 and "✅" in tomorrow, tomorrow
        decline = card.params["reply_markup"]["inline_keyboard"][0][2]["callback_data"]
        await h.tap(2, decline, card)
        tomorrow = texts_of(await h.say(2, "/tomorrow"))[0]
        assert "Design review" not in tomorrow, tomorrow

    run_scenario(app, api, clock, scenario)
