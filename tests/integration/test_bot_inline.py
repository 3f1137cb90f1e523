"""Inline mode, "cards in any chat": `@bot words` offers the user's events and booking links; a
posted event card adds whoever taps it as an attendee and keeps its tally, and follows the
event when the organizer moves or cancels it. On SQLite and PostgreSQL, against the Bot API
stand-in."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from televent.adapters.outbound import Outbound
from televent.adapters.subscriptions.refresher import FeedRefresher
from televent.adapters.telegram.bot import create_dispatcher
from televent.adapters.telegram.service import Person
from tests.bot_harness import BotHarness, run_scenario
from tests.botapi import Call, FakeBotApi
from tests.feedserver import calendar_feed, feed_server

ACTOR, SOURCE = "system:", "cli:tests"
ALICE, BOB, CAROL, DAVE = 1, 2, 3, 4  # Dave never talks to the bot
OPEN = Outbound(allow_private=True, timeout_seconds=2)


async def create_event(h: BotHarness, user_id: int, line: str) -> str:
    """Create through /create and the Save button; returns the short id."""
    confirm = await h.say(user_id, f"/create {line}")
    card = next(c for c in confirm if "Save this event?" in c.text)
    saved = await h.tap(user_id, "new:1", card)
    edit = next(c for c in saved if c.method == "editMessageText")
    match = re.search(r"<code>([0-9a-f]{6})</code>", edit.text)
    assert match, edit.text
    return match.group(1)


def answered(api: FakeBotApi, calls: list[Call], query_id: str) -> dict[str, Any]:
    call = next(c for c in calls if c.method == "answerInlineQuery")
    assert not call.failed, call.result
    answer = api.inline_answer(query_id)
    assert answer is not None
    return answer


def titles(answer: dict[str, Any]) -> list[str]:
    return [r["title"] for r in answer["results"]]


def buttons(markup: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [b for row in (markup or {}).get("inline_keyboard", []) for b in row]


def alert_of(calls: list[Call]) -> str:
    alert = next(c for c in calls if c.method == "answerCallbackQuery")
    assert alert.params.get("show_alert") is True, alert.params
    return str(alert.params["text"])


def event_id_of(h: BotHarness, short: str) -> Any:
    return h.service.resolve(Person(ALICE, "Alice"), short)


async def post_card(h: BotHarness, words: str, title: str) -> tuple[str, dict[str, Any]]:
    """Alice posts the card of her event `title`; returns its inline_message_id and result."""
    query_id, calls = await h.inline_query(ALICE, words)
    answer = answered(h.api, calls, query_id)
    result = next(r for r in answer["results"] if r["title"] == title)
    chosen = await h.choose(query_id, result["id"])
    return str(chosen["inline_message_id"]), result


def card_text(api: FakeBotApi, inline_message_id: str) -> str:
    message = api.inline_message(inline_message_id)
    assert message is not None
    return str(message["text"])


def test_inline_updates_are_asked_for() -> None:
    """Polling and the webhook ask Telegram for the update types the routers handle."""
    dispatcher = create_dispatcher(None)  # type: ignore[arg-type]
    used = dispatcher.resolve_used_update_types()
    assert {"inline_query", "chosen_inline_result", "callback_query"} <= set(used)


def test_a_query_offers_upcoming_events_and_booking_links(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        await create_event(h, ALICE, "Team sync, tomorrow 15:00, 1h")
        await create_event(h, ALICE, "Dentist, fri 9:30, 45m")
        gone = await create_event(h, ALICE, "Old plan, tomorrow 8:00")
        await h.say(ALICE, f"/cancel {gone}")
        confirm = api.calls("sendMessage", chat_id=ALICE)[-1]
        await h.tap(ALICE, f"ev:{event_id_of(h, gone).hex}:cancel_yes", confirm)
        await h.say(ALICE, "/booking new intro 30 Intro call")
        await create_event(h, BOB, "Bob's party, tomorrow 20:00")

        query_id, calls = await h.inline_query(ALICE, "")
        answer = answered(api, calls, query_id)
        assert answer["is_personal"] is True and 0 < answer["cache_time"] <= 60
        assert titles(answer) == ["Team sync", "Dentist", "📆 Intro call"]
        sync = answer["results"][0]
        assert sync["type"] == "article" and sync["id"].startswith("e:")
        content = sync["input_message_content"]["message_text"]
        assert "Team sync" in content
        assert "Mon, Mar 2, 3:00\u202fPM–4:00\u202fPM (Europe/Berlin)" in content  # Babel's spaces
        assert "✅ 0 · ❔ 0 · ❌ 0" in content
        assert [b["text"] for b in buttons(sync["reply_markup"])] == [
            "✅ Accept",
            "❔ Tentative",
            "❌ Decline",
        ]
        link = answer["results"][2]
        (book,) = buttons(link["reply_markup"])
        assert book["url"] == "http://127.0.0.1:8080/book/intro"
        assert "Intro call" in link["input_message_content"]["message_text"]

        query_id, calls = await h.inline_query(ALICE, "DENT")
        assert titles(answered(api, calls, query_id)) == ["Dentist"]
        query_id, calls = await h.inline_query(ALICE, "intro")
        assert titles(answered(api, calls, query_id)) == ["📆 Intro call"]
        query_id, calls = await h.inline_query(ALICE, "nothing like this")
        nothing = answered(api, calls, query_id)
        assert nothing["results"] == [] and nothing["button"]["start_parameter"]
        query_id, calls = await h.inline_query(BOB, "")
        assert titles(answered(api, calls, query_id)) == ["Bob's party"]

    run_scenario(app, api, clock, scenario)


def test_an_unregistered_user_is_pointed_to_start_and_not_registered(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        query_id, calls = await h.inline_query(DAVE, "anything")
        answer = answered(api, calls, query_id)
        assert answer["results"] == []
        assert answer["is_personal"] is True
        assert "Start" in answer["button"]["text"]
        assert answer["button"]["start_parameter"] == "inline"
        assert app.queries.account_by_telegram_id(DAVE) is None

    run_scenario(app, api, clock, scenario)


def test_taps_add_people_with_their_answers_and_the_tally_follows(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        short = await create_event(h, ALICE, "Team sync, tomorrow 15:00, 1h")
        event_id = event_id_of(h, short)
        card_id, result = await post_card(h, "sync", "Team sync")
        accept, maybe, decline = (b["callback_data"] for b in buttons(result["reply_markup"]))

        tapped = await h.tap_inline(BOB, card_id, accept)  # Bob uses Televent
        said = next(c for c in tapped if c.method == "answerCallbackQuery")
        assert not said.params.get("show_alert") and "accepted" in said.params["text"]
        edit = next(c for c in tapped if c.method == "editMessageText")
        assert edit.params["inline_message_id"] == card_id and edit.result is True
        assert "✅ 1 · ❔ 0 · ❌ 0" in card_text(api, card_id)

        await h.tap_inline(DAVE, card_id, maybe)  # Dave has no account
        assert "✅ 1 · ❔ 1 · ❌ 0" in card_text(api, card_id)
        assert app.queries.account_by_telegram_id(DAVE) is None
        await h.tap_inline(DAVE, card_id, decline)  # a change of mind
        assert "✅ 1 · ❔ 0 · ❌ 1" in card_text(api, card_id)

        answers = {a["address"]: a["partstat"] for a in app.queries.attendees_of(event_id)}
        assert answers == {
            "tg_2@televent.internal": "ACCEPTED",
            "tg_4@televent.internal": "DECLINED",
        }
        ical = app.queries.object_by_event_id(event_id).ical.replace("\r\n ", "")
        assert "CN=User4" in ical and "CN=Bob" in ical
        shown = await h.say(ALICE, f"/attendees {short}")
        listing = next(c.text for c in shown if c.method == "sendMessage")
        assert "✅ accepted: Bob" in listing and "❌ declined: User4" in listing

        # The queued edits find the card already showing this: nothing more is sent for it.
        sent = await h.deliver()
        assert not [c for c in sent if c.params.get("inline_message_id") == card_id]
        assert any(c.chat_id == ALICE and "Bob accepted" in c.text for c in sent)

    run_scenario(app, api, clock, scenario)


def test_moving_or_cancelling_the_event_edits_its_cards(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        short = await create_event(h, ALICE, "Planning, tomorrow 11:00")
        event_id = event_id_of(h, short)
        card_id, result = await post_card(h, "", "Planning")
        await h.tap_inline(BOB, card_id, buttons(result["reply_markup"])[0]["callback_data"])
        await h.deliver()

        obj = app.queries.object_by_event_id(event_id)
        moved = obj.ical.replace("T110000", "T140000").replace("T120000", "T150000")
        app.put_object(obj.calendar_id, obj.href, moved, actor=ACTOR, source=SOURCE)
        sent = await h.deliver()
        edits = [c for c in sent if c.params.get("inline_message_id") == card_id]
        assert len(edits) == 1 and edits[0].method == "editMessageText"
        assert "2:00\u202fPM–3:00\u202fPM (Europe/Berlin)" in card_text(api, card_id)
        # A reschedule asks the attendees again (RFC 6638: PARTSTAT reset): the tally says so.
        assert "✅ 0 · ❔ 0 · ❌ 0" in card_text(api, card_id)
        assert [a["partstat"] for a in app.queries.attendees_of(event_id)] == ["NEEDS-ACTION"]

        await h.say(ALICE, f"/cancel {short}")
        confirm = api.calls("sendMessage", chat_id=ALICE)[-1]
        await h.tap(ALICE, f"ev:{event_id.hex}:cancel_yes", confirm)
        api.fail("editMessageText", status=502, description="Bad Gateway")  # retried later
        first = await h.deliver()
        assert [c.failed for c in first if c.params.get("inline_message_id") == card_id] == [True]
        clock.now += dt.timedelta(minutes=5)
        await h.deliver()
        text = card_text(api, card_id)
        assert "CANCELLED: Planning" in text
        assert "reply_markup" not in api.inline_message(card_id)  # no buttons any more
        refused = await h.tap_inline(
            BOB, card_id, buttons(result["reply_markup"])[1]["callback_data"]
        )
        assert "cancelled" in alert_of(refused)

        app.delete_object(obj.calendar_id, obj.href, actor=ACTOR, source=SOURCE)
        await h.deliver()
        assert "deleted" in card_text(api, card_id)
        gone = await h.tap_inline(BOB, card_id, buttons(result["reply_markup"])[2]["callback_data"])
        assert "no longer exists" in alert_of(gone)

    run_scenario(app, api, clock, scenario)


def test_forged_or_unknown_taps_change_nothing(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB, CAROL)
        shared = await create_event(h, ALICE, "Open day, tomorrow 10:00")
        private = await create_event(h, ALICE, "Private talk, tomorrow 12:00")
        private_id = event_id_of(h, private)
        card_id, result = await post_card(h, "open", "Open day")
        # Carol's own event, posted by her: Alice's card cannot be turned into it.
        await create_event(h, CAROL, "Carol's thing, tomorrow 18:00")
        before = {str(e): app.queries.attendees_of(e) for e in (private_id, event_id_of(h, shared))}

        # The card's message, another event's id: refused (only the event posted there).
        forged = await h.tap_inline(BOB, card_id, f"ic:{private_id.hex}:A")
        assert "not on a card its organizer posted" in alert_of(forged)
        # An inline message nobody recorded (no chosen_inline_result): refused.
        unknown = await h.tap_inline(BOB, "AgAAAnever-posted", f"ic:{private_id.hex}:A")
        assert "not on a card its organizer posted" in alert_of(unknown)
        # Garbage ids and answers.
        junk = await h.tap_inline(BOB, card_id, "ic:zzzz:A")
        assert alert_of(junk)
        odd = await h.tap_inline(BOB, card_id, f"ic:{event_id_of(h, shared).hex}:X")
        assert "no longer valid" in alert_of(odd)
        # The organizer tapping her own card.
        own = await h.tap_inline(
            ALICE, card_id, buttons(result["reply_markup"])[0]["callback_data"]
        )
        assert "You organise this event" in alert_of(own)
        # A card result someone else chose cannot be recorded for Alice's event.
        query_id, calls = await h.inline_query(CAROL, "")
        carols = answered(api, calls, query_id)["results"][0]["id"]
        stolen = api.choose_inline_result(query_id, carols)
        stolen["result_id"] = f"e:{private_id.hex}"
        await h.dispatcher.feed_raw_update(
            h.bot, {"update_id": 9_000, "chosen_inline_result": stolen}
        )
        theft = await h.tap_inline(BOB, stolen["inline_message_id"], f"ic:{private_id.hex}:A")
        assert "not on a card its organizer posted" in alert_of(theft)

        after = {str(e): app.queries.attendees_of(e) for e in (private_id, event_id_of(h, shared))}
        assert after == before
        assert not any(c.method == "editMessageText" and not c.failed for c in forged + junk)

    run_scenario(app, api, clock, scenario)


def test_a_card_of_a_feeds_event_adds_nobody(app, api, clock) -> None:
    """A feed's events are the feed's: a tap on a posted card of one would have written an
    attendee into the subscribed calendar (the one rule refuses it, for the poster)."""
    with feed_server() as feeds:
        feeds.put("/f.ics", calendar_feed({"xmas@x": ("Xmas party", "20260310T090000Z")}))

        async def scenario(h: BotHarness) -> None:
            await h.register(ALICE, BOB)
            await h.say(ALICE, f"/subscribe {feeds.url('/f.ics')}")
            await FeedRefresher(h.app, OPEN).run_once()
            card_id, result = await post_card(h, "xmas", "Xmas party")
            accept = buttons(result["reply_markup"])[0]["callback_data"]
            refused = alert_of(await h.tap_inline(BOB, card_id, accept))
            assert "shows a feed" in refused, refused
            account = h.app.queries.account_by_telegram_id(ALICE)
            assert account is not None
            sub = h.app.queries.subscriptions_of(account.account_id)[0]
            [event] = h.app.queries.objects_in(sub.calendar_id)
            assert "ATTENDEE" not in event.ical

        run_scenario(app, api, clock, scenario, OPEN)
