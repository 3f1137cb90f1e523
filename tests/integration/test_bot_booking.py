"""Booking links in the bot, on SQLite and PostgreSQL: /availability shows and changes the hours,
/booking creates, lists, pauses, resumes and deletes links, and the owner is told in their own
zone when someone books, cancels or moves a booking (quiet hours respected)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from uuid import uuid4

import pytest

from televent.adapters.telegram.mini_app import MiniApp
from televent.application.bookings import BookingRequest
from televent.application.televent import Televent
from televent.domain.errors import DomainError
from televent.domain.values import account_id_for
from tests.bot_harness import CALDAV_URL, BotHarness, at, run_scenario, texts_of

OWNER = 1  # Alice, Europe/Berlin
# Tuesday 3 March 2026, 13:00 UTC: 14:00 in Berlin, 08:00 in New York.
SLOT = dt.datetime(2026, 3, 3, 13, 0, tzinfo=dt.UTC)


def stored_availability(app: Televent) -> dict[str, Any] | None:
    found = app.queries.availability_of(account_id_for(OWNER))
    return None if found is None else found.as_json()


async def one_text(h: BotHarness, user_id: int, line: str) -> str:
    """The one answer, its narrow spaces ("9:00\u202fAM", as Babel writes it) plain."""
    answers = texts_of(await h.say(user_id, line))
    assert len(answers) == 1, answers
    return plain(answers[0])


def plain(text: str) -> str:
    return text.replace("\u202f", " ")


def book(app: Televent, start: dt.datetime, *, answers: dict[str, str] | None = None) -> str:
    token = uuid4().hex
    app.book(
        BookingRequest(
            slug="intro",
            start=start,
            name="Ann Visitor",
            email="ann@example.org",
            tz="America/New_York",
            answers=answers,
        ),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )
    return token


# --- /availability ---------------------------------------------------------------------------


def test_availability_shows_the_default_then_changes_day_by_day(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER)
        shown = await one_text(h, OWNER, "/availability")
        assert "the default" in shown and "Europe/Berlin" in shown
        assert "Mon  9:00 AM–5:00 PM" in shown and "Sat  off" in shown  # English: 12 hours
        assert "/availability mon-fri 09:00-12:00 13:00-17:00" in shown  # the examples
        assert stored_availability(app) is None  # showing stores nothing

        saved = await one_text(h, OWNER, "/availability mon-fri 09:00-12:00 13:00-17:00")
        assert "Saved" in saved and "Fri  9:00 AM–12:00 PM, 1:00 PM–5:00 PM" in saved
        await one_text(h, OWNER, "/availability sat 10-14")
        await one_text(h, OWNER, "/availability fri off")
        await one_text(h, OWNER, "/availability 2026-12-24 off")
        last = await one_text(h, OWNER, "/availability 2026-12-27 10:00-14:00")
        assert "Thu, Dec 24, 2026  off" in last and "Sun, Dec 27, 2026  10:00 AM–2:00 PM" in last
        assert stored_availability(app) == {
            "timezone": "Europe/Berlin",
            "weekly": {
                **{d: [["09:00", "12:00"], ["13:00", "17:00"]] for d in ("mon", "tue", "wed")},
                "thu": [["09:00", "12:00"], ["13:00", "17:00"]],
                "fri": [],
                "sat": [["10:00", "14:00"]],
                "sun": [],
            },
            "overrides": [
                {"date": "2026-12-24", "ranges": []},
                {"date": "2026-12-27", "ranges": [["10:00", "14:00"]]},
            ],
        }
        again = await one_text(h, OWNER, "/availability")
        assert "the default" not in again and "Sat  10:00 AM–2:00 PM" in again

        await one_text(h, OWNER, "/availability 2026-12-24 weekly")
        stored = stored_availability(app)
        assert stored is not None and [o["date"] for o in stored["overrides"]] == ["2026-12-27"]
        await one_text(h, OWNER, "/availability default")
        stored = stored_availability(app)
        assert stored is not None and stored["weekly"]["mon"] == [["09:00", "17:00"]]
        assert stored["overrides"] == []

    run_scenario(app, api, clock, scenario)


def test_availability_typed_in_the_users_zone_moves_the_slots(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER, zone="America/New_York")
        await h.say(OWNER, "/booking new intro 30 Intro call")
        await one_text(h, OWNER, "/availability tue 08:00-09:00")
        link, owner = app.slot_reader.public_link("intro")
        slots = app.slot_reader.slots(
            link.link,
            owner,
            start=dt.datetime(2026, 3, 3, tzinfo=dt.UTC),
            end=dt.datetime(2026, 3, 4, tzinfo=dt.UTC),
            now=clock(),
        )
        # 08:00 in New York is 13:00 UTC in March (before the switch to summer time).
        assert [s for s, _ in slots] == [SLOT, SLOT + dt.timedelta(minutes=30)]

    run_scenario(app, api, clock, scenario)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/availability funday 09:00-17:00", "I don't know the day “funday”"),
        ("/availability mon", "Give the hours after the day"),
        ("/availability mon 9am-5pm", "“9am-5pm” is not a range of hours"),
        ("/availability mon 17:00-09:00", "Monday"),
        ("/availability mon 25:00-26:00", "Monday"),
        ("/availability 2026-02-01 off", "Sun, Feb 1, 2026 is in the past"),
        ("/availability 2026-02-30 off", "2026-02-30 is not a date"),
        ("/availability fri-mon 9-17", "the first day comes after the last"),
    ],
)
def test_availability_mistakes_get_a_clear_answer(app, api, clock, line, says) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER)
        answer = await one_text(h, OWNER, line)
        assert answer.startswith("⚠️") and says in answer, answer
        assert "Traceback" not in answer
        assert stored_availability(app) is None

    run_scenario(app, api, clock, scenario)


# --- /booking ---------------------------------------------------------------------------------


def test_booking_links_new_list_pause_resume_delete(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER, 2)
        usage = await one_text(h, OWNER, "/booking")
        assert "/booking new intro 30 Intro call" in usage

        made = await one_text(h, OWNER, "/booking new intro 30 Intro call")
        url = CALDAV_URL.rstrip("/") + "/book/intro"
        assert "Intro call" in made and url in made
        view = app.queries.link("intro")
        assert view is not None and view.account_id == account_id_for(OWNER)
        assert view.link.duration_minutes == 30 and view.link.active

        taken = await one_text(h, 2, "/booking new intro 15 Mine")
        assert taken.startswith("⚠️") and "/book/intro is taken" in taken
        bad = await one_text(h, OWNER, "/booking new Intro_Call! 30 Intro")
        assert bad.startswith("⚠️") and "slug" in bad
        short = await one_text(h, OWNER, "/booking new demo 2 Demo")
        assert short.startswith("⚠️") and "duration_minutes" in short
        missing = await one_text(h, OWNER, "/booking new demo Demo call")
        assert missing.startswith("⚠️") and "/booking new intro 30 Intro call" in missing
        await one_text(h, OWNER, "/booking new demo 45 Product demo")

        listing = await one_text(h, OWNER, "/booking list")
        assert "<b>Intro call</b>" in listing and "<b>Product demo</b>" in listing
        assert "30 minutes, active, 0 upcoming bookings" in listing
        assert "45 minutes, active" in listing and url in listing

        book(app, SLOT)
        listing = await one_text(h, OWNER, "/booking list")
        assert "30 minutes, active, 1 upcoming booking\n" in listing

        paused = await one_text(h, OWNER, "/booking pause intro")
        assert "paused" in paused
        view = app.queries.link("intro")
        assert view is not None and not view.link.active
        assert "30 minutes, ⏸ paused" in await one_text(h, OWNER, "/booking list")
        with pytest.raises(DomainError):  # the visitor's page refuses it
            book(app, SLOT + dt.timedelta(hours=1))
        resumed = await one_text(h, OWNER, "/booking resume intro")
        assert "takes bookings again" in resumed and url in resumed
        view = app.queries.link("intro")
        assert view is not None and view.link.active

        # Somebody else's link, or none: a clear answer, nothing changes.
        foreign = await one_text(h, 2, "/booking pause intro")
        assert foreign.startswith("⚠️") and "no booking link" in foreign
        assert "no booking link" in await one_text(h, OWNER, "/booking delete nope")

        asked = next(c for c in await h.say(OWNER, "/booking delete demo") if "Delete" in c.text)
        kept = await h.tap(OWNER, "bkdel:demo:0", asked)
        assert any("stays" in c.text for c in kept if c.method == "editMessageText")
        assert app.queries.link("demo") is not None
        done = await h.tap(OWNER, "bkdel:demo:1", asked)
        assert any("deleted" in c.text for c in done if c.method == "editMessageText")
        assert app.queries.link("demo") is None
        again = await h.tap(OWNER, "bkdel:demo:1", asked)
        assert any(c.method == "answerCallbackQuery" for c in again)
        # Another person's tap on a forged button deletes nothing.
        await h.tap(2, "bkdel:intro:1")
        assert app.queries.link("intro") is not None
        assert "Product demo" not in await one_text(h, OWNER, "/booking list")

    run_scenario(app, api, clock, scenario)


def test_the_new_commands_are_in_the_help(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER)
        helped = await one_text(h, OWNER, "/help")
        assert "/availability" in helped and "/booking new" in helped
        typo = await one_text(h, OWNER, "/bookin")
        assert "/booking" in typo

    run_scenario(app, api, clock, scenario)


# --- the owner's messages ---------------------------------------------------------------------


def test_the_owner_is_told_of_a_booking_in_their_zone_then_of_the_move_and_cancel(
    app, api, clock
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER)
        await h.say(OWNER, "/booking new intro 30 Intro call")
        link = app.queries.link("intro")
        assert link is not None
        app.change_booking_link(
            link.account_id,
            "intro",
            {"questions": [{"id": "q1", "label": "What about?", "required": False}]},
            actor="test",
            source="api",
        )
        h.sender.mini_app = MiniApp.at("https://cal.example.org")
        await h.deliver()

        token = book(app, SLOT, answers={"q1": "Televent <demo>"})
        sent = [c for c in await h.deliver() if c.method == "sendMessage"]
        assert len(sent) == 1 and sent[0].chat_id == OWNER
        card = plain(sent[0].text)
        assert card.startswith(
            "📅 Ann Visitor booked 30 minutes with you: <b>Intro call</b>, "
            "Tue, Mar 3, 2:00 PM–2:30 PM"
        )
        assert "ann@example.org" in card and "What about?: Televent &lt;demo&gt;" in card
        booking = app.queries.booking_by_token(token)
        assert booking is not None
        buttons = sent[0].params["reply_markup"]["inline_keyboard"]
        opened = buttons[0][0]["web_app"]["url"]
        assert opened == f"https://cal.example.org/app/#event={booking.event_id}"

        app.reschedule_booking(token, SLOT + dt.timedelta(days=1, hours=1), source="booking")
        moved = [plain(text) for text in texts_of(await h.deliver())]
        assert moved == [
            "🔄 Ann Visitor moved <b>Intro call</b> to Wed, Mar 4, 3:00 PM–3:30 PM "
            "(was Tue, Mar 3, 2:00 PM–2:30 PM)."
        ]
        app.cancel_booking(token, reason="Something came up", source="booking")
        cancelled = [plain(text) for text in texts_of(await h.deliver())]
        assert cancelled == [
            "❌ Ann Visitor cancelled <b>Intro call</b>, Wed, Mar 4, 3:00 PM–3:30 PM "
            "(Something came up). The time is free again."
        ]
        assert texts_of(await h.deliver()) == []  # each message once
        kinds = [r["kind"] for r in h.queue.rows(OWNER) if r["kind"].startswith("book")]
        assert sorted(kinds) == ["booked", "booking_cancelled", "booking_moved"]

    run_scenario(app, api, clock, scenario)


def test_the_owner_reads_the_booking_in_their_current_zone_and_after_quiet_hours(
    app, api, clock
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(OWNER)
        await h.say(OWNER, "/booking new intro 30 Intro call")
        await h.say(OWNER, "/quiet 09:00-12:00")  # it is 10:00 in Berlin
        await h.deliver()
        book(app, SLOT)
        assert texts_of(await h.deliver()) == []  # held until the quiet hours end
        rows = [r for r in h.queue.rows(OWNER) if r["kind"] == "booked"]
        assert len(rows) == 1 and rows[0]["due_at"].startswith("2026-03-01T11:00:00")
        assert json.loads(rows[0]["payload"])["email"] == "ann@example.org"
        await h.say(OWNER, "/timezone Asia/Tokyo")
        at(clock, dt.datetime(2026, 3, 1, 11, 0, 1, tzinfo=dt.UTC))
        sent = [plain(text) for text in texts_of(await h.deliver())]
        assert len(sent) == 1 and "Tue, Mar 3, 10:00 PM–10:30 PM" in sent[0]  # 13:00 UTC, Tokyo

    run_scenario(app, api, clock, scenario)
