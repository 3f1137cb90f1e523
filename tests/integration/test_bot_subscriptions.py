"""Feed subscriptions in the bot (docs/adr/0025), on SQLite and PostgreSQL, with a feed on a
loopback server: a webcal:// link sent alone and /subscribe both subscribe; /subscriptions
lists them with how fetching goes; pause, resume, rename and remove work by number; an event
of the feed cannot be cancelled from the bot, nor does its card offer to; the refusals (a link
that is no feed, a private address, a subscription that does not exist) are said in the
person's language."""

from __future__ import annotations

from typing import Any

from televent.adapters.outbound import Outbound
from televent.adapters.subscriptions.refresher import FeedRefresher
from televent.adapters.telegram.keyboards import EventAction
from tests.bot_harness import BotHarness, run_scenario, texts_of
from tests.feedserver import calendar_feed, feed_server

ALICE = 1
OPEN = Outbound(allow_private=True, timeout_seconds=2)
# within /list's 90 days of the tests' clock (1 March 2026)
HOLIDAYS = {"easter@x": ("Easter", "20260305T090000Z"), "xmas@x": ("Xmas", "20260310T090000Z")}


def test_subscribing_listing_and_changing_feeds_from_the_bot(
    app: Any, api: Any, clock: Any
) -> None:
    with feed_server() as feeds:
        feeds.put("/holidays.ics", calendar_feed(HOLIDAYS, extra_head="X-WR-CALNAME:Holidays\r\n"))
        feeds.put("/school.ics", calendar_feed({"maths@x": ("Maths", "20260306T080000Z")}))

        async def scenario(h: BotHarness) -> None:
            await h.register(ALICE)
            # a link alone subscribes (webcal:// means https://, which the stand-in does not
            # speak: its http://…/….ics link is what the test sends)
            answer = texts_of(await h.say(ALICE, feeds.url("/holidays.ics")))
            assert len(answer) == 1 and "Subscribed: <b>127.0.0.1</b>" in answer[0], answer
            answer = texts_of(await h.say(ALICE, f"/subscribe {feeds.url('/school.ics')} School"))
            assert "Subscribed: <b>School</b>" in answer[0]
            listing = texts_of(await h.say(ALICE, "/subscriptions"))[0]
            assert "1. 127.0.0.1 — waiting for its first refresh" in listing
            assert "2. School — waiting for its first refresh" in listing

            await FeedRefresher(h.app, OPEN).run_once()
            listing = texts_of(await h.say(ALICE, "/subscriptions"))[0]
            assert "1. Holidays — up to date" in listing, listing
            week = "\n".join(texts_of(await h.say(ALICE, "/list")))
            assert "Easter" in week and "Maths" in week

            assert (
                "Paused: <b>Holidays</b>"
                in texts_of(await h.say(ALICE, "/subscriptions pause 1"))[0]
            )
            assert "1. Holidays — paused" in texts_of(await h.say(ALICE, "/subscriptions"))[0]
            assert "Resumed" in texts_of(await h.say(ALICE, "/subscriptions resume Holidays"))[0]
            renamed = texts_of(await h.say(ALICE, "/subscriptions rename 2 Timetable"))[0]
            assert "Renamed: <b>Timetable</b>" in renamed
            removed = texts_of(await h.say(ALICE, "/subscriptions remove Timetable"))[0]
            assert "Unsubscribed: <b>Timetable</b>" in removed
            listing = texts_of(await h.say(ALICE, "/subscriptions"))[0]
            assert "Timetable" not in listing and "Holidays" in listing
            missing = texts_of(await h.say(ALICE, "/subscriptions remove 7"))[0]
            assert "There is no subscription “7”" in missing and "1 to 1" in missing

        run_scenario(app, api, clock, scenario, OPEN)


def test_refusals_are_said_in_the_persons_language(app: Any, api: Any, clock: Any) -> None:
    with feed_server() as feeds:
        feeds.put("/f.ics", calendar_feed(HOLIDAYS))

        async def scenario(h: BotHarness) -> None:
            await h.register(ALICE)
            await h.say(ALICE, "/language de")
            private = texts_of(await h.say(ALICE, f"/subscribe {feeds.url('/f.ics')}"))[0]
            assert "privaten oder lokalen Netz" in private, private
            ftp = texts_of(await h.say(ALICE, "/subscribe ftp://example.org/f.ics"))[0]
            assert "keine Adresse eines Kalender-Feeds" in ftp
            assert "noch keinem Kalender-Feed" in texts_of(await h.say(ALICE, "/subscriptions"))[0]
            assert feeds.count("/f.ics", 200) == 0

        run_scenario(app, api, clock, scenario)  # the default guard: no private addresses


def test_a_feeds_event_is_read_only_in_the_bot(app: Any, api: Any, clock: Any) -> None:
    with feed_server() as feeds:
        feeds.put("/f.ics", calendar_feed(HOLIDAYS))

        async def scenario(h: BotHarness) -> None:
            await h.register(ALICE)
            await h.say(ALICE, f"/subscribe {feeds.url('/f.ics')}")
            await FeedRefresher(h.app, OPEN).run_once()
            account = h.app.queries.account_by_telegram_id(ALICE)
            assert account is not None
            sub = h.app.queries.subscriptions_of(account.account_id)[0]
            event = next(o for o in h.app.queries.objects_in(sub.calendar_id) if o.uid == "xmas@x")
            short = event.event_id.hex[:6]
            card = [c for c in await h.say(ALICE, f"/event {short}") if c.method == "sendMessage"]
            assert "Xmas" in card[0].params["text"]
            buttons = [
                b["text"] for row in card[0].params["reply_markup"]["inline_keyboard"] for b in row
            ]
            # its card offers what may be done with it: no invitation, no cancelling
            assert buttons == ["📤 Export"], buttons
            refused = texts_of(await h.say(ALICE, f"/cancel {short}"))
            assert any("shows a feed" in text for text in refused), refused
            # nor by typing what the buttons would have sent, nor by inviting someone to it
            data = EventAction(event=event.event_id.hex, action="cancel_yes").pack()
            tapped = [c for c in await h.tap(ALICE, data) if c.method == "answerCallbackQuery"]
            assert any("shows a feed" in c.params.get("text", "") for c in tapped), tapped
            invited = texts_of(await h.say(ALICE, f"/invite {short} bob@example.com"))
            assert any("shows a feed" in text for text in invited), invited
            assert h.app.queries.objects_in(sub.calendar_id)  # still there
            stored = h.app.queries.object_by_event_id(event.event_id)
            assert stored is not None and stored.ical == event.ical  # unchanged
            with h.app.views.read() as db:
                assert db.one("SELECT 1 FROM mail_outbox") is None  # nobody was mailed

        run_scenario(app, api, clock, scenario, OPEN)
