"""The bot's ways into the Mini App, on SQLite and PostgreSQL, replying to a Bot API stand-in:
/app (the app button and the one-time browser login link), the chat menu button set at start-up,
and the "Open" button on every event card; over plain HTTP none of the Mini App buttons."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from televent.adapters.port import AppPort
from televent.adapters.telegram.bot import build_bot, create_dispatcher, running
from televent.adapters.telegram.context import BotContext
from televent.adapters.telegram.delivery import DeliverySender
from televent.adapters.telegram.mini_app import LoginLinks, MiniApp
from televent.adapters.telegram.service import BotService, Person
from televent.application.counters import Counters
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.application.web_login import WebLogin
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from televent.delivery.menu_buttons import MenuButtons
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import NotFoundError
from televent.domain.languages import LANGUAGES
from televent.domain.values import account_id_for
from tests.bot_harness import BotHarness, texts_of
from tests.botapi import Call, FakeBotApi
from tests.conftest import FakeClock
from tests.integration.test_bot_handlers import create_event, default_calendar

HTTPS = "https://calendar.example.com/"
HTTP = "http://127.0.0.1:8080/"


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


class IssuedLinks:
    """Stands in for the web login store: hands out distinct tokens and remembers for whom."""

    def __init__(self) -> None:
        self.issued: list[tuple[int, str]] = []

    def issue_link_token(self, telegram_id: int) -> str:
        token = f"t{len(self.issued) + 1}_{telegram_id}-x"
        self.issued.append((telegram_id, token))
        return token


def harness(
    app: Televent, api: FakeBotApi, clock: FakeClock, url: str, links: LoginLinks | None
) -> BotHarness:
    """The test harness's bot, wired as build_bot wires it for a server at `url`."""
    h = BotHarness(app, api, clock)
    mini_app = MiniApp.at(url)
    h.service = BotService(app, h.service.counters, caldav_url=url, web_login=links)
    h.ctx = BotContext(h.service, h.port, clock, url, mini_app)
    h.dispatcher = create_dispatcher(h.ctx)
    h.sender = DeliverySender(
        h.bot, h.queue, app.queries, h.port, ReminderScheduler(app, h.queue), clock,
        mini_app=mini_app,
    )  # fmt: skip
    return h


def run(
    app: Televent, api: FakeBotApi, clock: FakeClock, url: str, links: LoginLinks | None, scenario
) -> None:
    async def main() -> None:
        h = harness(app, api, clock, url, links)
        try:
            await scenario(h)
        finally:
            await h.close()

    asyncio.run(main())


def buttons(call: Call) -> list[dict[str, Any]]:
    markup = call.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def web_apps(call: Call) -> list[str]:
    return [b["web_app"]["url"] for b in buttons(call) if "web_app" in b]


def event_id_of(app: Televent, telegram_id: int) -> str:
    (obj,) = app.queries.objects_in(default_calendar(telegram_id))
    return str(obj.event_id)


def test_app_over_https_gives_the_app_button_and_a_one_time_browser_link(app, api, clock) -> None:
    links = IssuedLinks()

    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        (reply,) = [c for c in await h.say(1, "/app") if c.method == "sendMessage"]
        assert web_apps(reply) == ["https://calendar.example.com/app/"]
        assert links.issued == [(1, "t1_1-x")]
        (browser,) = [b for b in buttons(reply) if "url" in b]
        assert browser["url"] == "https://calendar.example.com/app/login?token=t1_1-x"
        assert "works once" in reply.text and "10 minutes" in reply.text
        assert "t1_1-x" not in reply.text, "the token travels in the button only"
        again = next(c for c in await h.say(1, "/app") if c.method == "sendMessage")
        assert [b["url"] for b in buttons(again) if "url" in b] == [
            "https://calendar.example.com/app/login?token=t2_1-x"
        ], "each /app issues a fresh link"

    run(app, api, clock, HTTPS, links, scenario)


def test_app_over_http_sends_the_link_as_text_and_says_https_is_needed(app, api, clock) -> None:
    links = IssuedLinks()

    async def scenario(h: BotHarness) -> None:
        await h.register(2)
        (reply,) = [c for c in await h.say(2, "/app") if c.method == "sendMessage"]
        assert "http://127.0.0.1:8080/app/login?token=t1_2-x" in reply.text
        assert "TELEVENT_PUBLIC_URL" in reply.text and "HTTPS" in reply.text
        assert buttons(reply) == [], "Telegram refuses buttons to a local http address"

    run(app, api, clock, HTTP, links, scenario)


def test_the_link_from_app_logs_its_user_in_once(app, api, clock) -> None:
    links = WebLogin(app.views, app.queries, clock)

    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        tokens = {}
        for user in (1, 2):
            (reply,) = [c for c in await h.say(user, "/app") if c.method == "sendMessage"]
            (url,) = [b["url"] for b in buttons(reply) if "url" in b]
            prefix = "https://calendar.example.com/app/login?token="
            assert url.startswith(prefix)
            tokens[user] = url.removeprefix(prefix)
        session = links.redeem(tokens[1])
        assert session is not None
        assert links.account_for_session(session) == account_id_for(1)
        assert links.redeem(tokens[1]) is None, "a link works once"
        clock.advance(minutes=11)
        assert links.redeem(tokens[2]) is None, "and for 10 minutes"

    run(app, api, clock, HTTPS, links, scenario)


def test_the_link_lifetime_said_is_the_configured_one() -> None:
    assert MiniApp.at(HTTPS).login_link_lifetime == "10 minutes"
    assert MiniApp.at(HTTPS, login_link_seconds=60).login_link_lifetime == "1 minute"
    assert MiniApp.at(HTTPS, login_link_seconds=90).login_link_lifetime == "90 seconds"


def test_app_without_login_links_offers_the_app_only(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        (reply,) = [c for c in await h.say(1, "/app") if c.method == "sendMessage"]
        assert web_apps(reply) == ["https://calendar.example.com/app/"]
        assert [b for b in buttons(reply) if "url" in b] == []
        assert "login" not in reply.text

    run(app, api, clock, HTTPS, None, scenario)


def test_only_a_registered_user_gets_a_login_token(app, clock) -> None:
    links = IssuedLinks()
    service = BotService(app, Counters(app, mail=MailQueue(app.views, clock),
                                       telegram=DeliveryQueue(app.views, clock)),
                         web_login=links)  # fmt: skip
    with pytest.raises(NotFoundError, match="/start"):
        service.login_token(Person(77, "Nobody"))
    assert links.issued == []
    service.register(Person(77, "Somebody"))
    assert service.login_token(Person(77, "Somebody")) == "t1_77-x"


def test_help_and_a_typo_point_to_app(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        assert "/app" in texts_of(await h.say(1, "/help"))[0]
        assert "Did you mean /app?" in texts_of(await h.say(1, "/ap"))[0]

    run(app, api, clock, HTTPS, None, scenario)


def test_event_cards_carry_an_open_button_over_https(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        confirm = await h.say(1, "/create Design review, tomorrow 15:00, 1h")
        card = next(c for c in confirm if "Save this event?" in c.text)
        assert web_apps(card) == [], "nothing to open before it is saved"
        saved = next(c for c in await h.tap(1, "new:1", card) if c.method == "editMessageText")
        event_id = event_id_of(app, 1)
        url = f"https://calendar.example.com/app/#event={event_id}"
        assert web_apps(saved) == [url]
        sid = event_id.replace("-", "")[:6]
        shown = next(c for c in await h.say(1, f"/event {sid}") if c.method == "sendMessage")
        assert web_apps(shown) == [url]
        assert [b["text"] for b in buttons(shown)][:3] == [
            "➕ Invite",
            "🗑 Cancel event",
            "📤 Export",
        ]

        await h.say(1, f"/invite {sid} @bob")
        (invitation,) = [c for c in await h.deliver() if c.chat_id == 2]
        rows = invitation.params["reply_markup"]["inline_keyboard"]
        assert [b["text"] for b in rows[0]] == ["✅ Accept", "❔ Tentative", "❌ Decline"]
        assert rows[1] == [{"text": "📅 Open", "web_app": {"url": url}}]
        assert all(len(b["callback_data"].encode()) <= 64 for b in rows[0])

        tapped = await h.tap(2, rows[0][0]["callback_data"], invitation)
        edit = next(c for c in tapped if c.method == "editMessageText")
        assert "accepted" in edit.text and web_apps(edit) == [url], "the answer keeps Open"

    run(app, api, clock, HTTPS, None, scenario)


def test_a_card_refused_for_its_open_button_goes_without_it(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Offsite, tomorrow 10:00")
        await h.say(1, f"/invite {sid} @bob")
        api.fail(
            "sendMessage", status=400, description="Bad Request: BUTTON_TYPE_INVALID", chat_id=2
        )
        refused, card = [c for c in await h.deliver() if c.chat_id == 2]
        assert refused.failed and web_apps(refused)
        assert not card.failed and "Offsite" in card.text and web_apps(card) == []
        assert [b["text"] for b in buttons(card)] == ["✅ Accept", "❔ Tentative", "❌ Decline"]
        assert await h.deliver() == [], "sent once"

    run(app, api, clock, HTTPS, None, scenario)


def test_no_open_button_over_http(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        sid = await create_event(h, 1, "Standup, tomorrow 9:00")
        shown = next(c for c in await h.say(1, f"/event {sid}") if c.method == "sendMessage")
        await h.say(1, f"/invite {sid} @bob")
        (invitation,) = [c for c in await h.deliver() if c.chat_id == 2]
        for call in (shown, invitation):
            assert buttons(call) and all("web_app" not in b and "url" not in b
                                         for b in buttons(call))  # fmt: skip

    run(app, api, clock, HTTP, None, scenario)


async def start_bot(app: Televent, api: FakeBotApi, url: str) -> contextlib.AsyncExitStack:
    """The bot as `televent serve` composes and starts it, polling the stand-in."""
    services = MailQueue(app.views, app.clock), DeliveryQueue(app.views, app.clock)
    telegram = build_bot(
        app,
        Settings(telegram_bot_token="123:ABC", telegram_api_base=api.base_url),
        AppPort(),
        queue=services[1],
        reminders=ReminderScheduler(app, services[1]),
        counters=Counters(app, mail=services[0], telegram=services[1]),
        caldav_url=url,
    )
    stack = contextlib.AsyncExitStack()
    await stack.enter_async_context(running(telegram))
    return stack


def test_start_up_sets_the_menu_button_over_https(app, api) -> None:
    async def scenario() -> None:
        async with await start_bot(app, api, HTTPS):
            await asyncio.to_thread(api.wait_for, "getUpdates")
        (menu,) = api.calls("setChatMenuButton")
        assert menu.params["menu_button"] == {
            "type": "web_app",
            "text": "Calendar",
            "web_app": {"url": "https://calendar.example.com/app/"},
        }
        assert "chat_id" not in menu.params, "the default for every chat"
        commands = {c["command"] for c in api.calls("setMyCommands")[0].params["commands"]}
        assert "app" in commands

    asyncio.run(scenario())


def test_each_persons_menu_button_speaks_their_language(app, api) -> None:
    """The default says "Calendar"; /start labels a German speaker's own chat in German, and
    choosing another language relabels it."""

    async def scenario() -> None:
        async with await start_bot(app, api, HTTPS):
            api.push_message(6, "/start", first_name="Greta", language_code="de")
            own = await asyncio.to_thread(
                api.wait_for, "setChatMenuButton", lambda c: c.params.get("chat_id") == 6
            )
            assert own.params["menu_button"] == {
                "type": "web_app",
                "text": "Kalender",
                "web_app": {"url": "https://calendar.example.com/app/"},
            }
            api.push_message(6, "/language uk", first_name="Greta", language_code="de")
            await asyncio.to_thread(
                api.wait_for, "sendMessage", lambda c: c.chat_id == 6 and "Українська" in c.text
            )
        labels = [
            (c.params.get("chat_id"), c.params["menu_button"]["text"])
            for c in api.calls("setChatMenuButton")
        ]
        assert labels == [(None, "Calendar"), (6, "Kalender"), (6, "Календар")]

    asyncio.run(scenario())


def test_start_up_over_http_sets_no_menu_button(app, api) -> None:
    async def scenario() -> None:
        async with await start_bot(app, api, HTTP):
            await asyncio.to_thread(api.wait_for, "getUpdates")
            api.push_message(6, "/start", first_name="Greta", language_code="de")
            await asyncio.to_thread(
                api.wait_for, "sendMessage", lambda c: c.chat_id == 6 and "Greta" in c.text
            )
        assert api.calls("setMyCommands")
        assert api.calls("setChatMenuButton") == []

    asyncio.run(scenario())


def test_a_refused_menu_button_does_not_stop_the_bot(app, api) -> None:
    api.fail(
        "setChatMenuButton", status=400, description="Bad Request: WEBAPP_URL_INVALID", times=2
    )

    async def scenario() -> None:
        async with await start_bot(app, api, HTTPS):
            api.push_message(5, "/start", first_name="Dora")
            await asyncio.to_thread(
                api.wait_for, "sendMessage", lambda c: c.chat_id == 5 and "Hi Dora" in c.text
            )
            await asyncio.to_thread(api.wait_for_count, "setChatMenuButton", 2)
            api.push_message(5, "/help", first_name="Dora")
            await asyncio.to_thread(
                api.wait_for, "sendMessage", lambda c: c.chat_id == 5 and "/create" in c.text
            )
        default, own = api.calls("setChatMenuButton")
        assert default.failed and own.failed and own.params["chat_id"] == 5
        assert not any("⚠️" in text for text in api.messages_to(5)), "no error shown to Dora"

    asyncio.run(scenario())


MOVED = "https://cal.moved.example/"


def menu_buttons_set(api: FakeBotApi, since: int) -> list[tuple[Any, Any]]:
    """The chats' own setChatMenuButton calls that went through after the first `since`
    calls: (chat, what its button opens)."""
    return [
        (c.params["chat_id"], c.params["menu_button"])
        for c in api.calls("setChatMenuButton")[since:]
        if "chat_id" in c.params and not c.failed
    ]


async def label_chats(app: Televent, api: FakeBotApi, chats: dict[int, str]) -> None:
    """People start the bot served at HTTPS, each in their language, and the bot records the
    buttons it labelled."""
    buttons = MenuButtons(app.views, app.clock)
    async with await start_bot(app, api, HTTPS):
        for chat_id, language in chats.items():
            api.push_message(chat_id, "/start", first_name=f"P{chat_id}", language_code=language)
        for _ in range(200):
            if len(buttons.opening_elsewhere(MOVED, 0, 10)) == len(chats):
                break
            await asyncio.sleep(0.05)


def _own(call: Call) -> bool:
    return "chat_id" in call.params


async def started_again(
    app: Televent, api: FakeBotApi, url: str, chats: int, *, left: int = 0, settle: bool = False
) -> int:
    """The bot started at `url` until it has set every language's menu, then made `chats`
    calls to set a chat's own button (none, or `settle`: then had time for more) and recorded
    them, so that `left` chats' buttons open another address than its app; returns the calls
    made before."""
    buttons = MenuButtons(app.views, app.clock)
    home = f"{url}app/" if url.startswith("https:") else None
    before = len(api.calls("setChatMenuButton"))
    menus = len(api.calls("setMyCommands")) + len(LANGUAGES)
    owns = len([c for c in api.calls("setChatMenuButton") if _own(c)]) + chats
    async with await start_bot(app, api, url):
        await asyncio.to_thread(api.wait_for_count, "setMyCommands", menus)
        await asyncio.to_thread(api.wait_for_count, "setChatMenuButton", owns, _own)
        if not chats or settle:
            await asyncio.sleep(0.5)
        for _ in range(200):
            if len(buttons.opening_elsewhere(home, 0, 10)) == left:
                break
            await asyncio.sleep(0.05)
    return before


def test_when_the_server_moves_each_chats_button_opens_the_new_address(app, api) -> None:
    """A person's chat keeps the button the bot labelled for it until the bot sets it again:
    after the server moves, the bot relabels each such chat, in the language it had, once."""

    async def scenario() -> None:
        await label_chats(app, api, {6: "de", 7: "uk"})
        before = await started_again(app, api, MOVED, 2)
        moved = {"url": "https://cal.moved.example/app/"}
        assert sorted(menu_buttons_set(api, before)) == [
            (6, {"type": "web_app", "text": "Kalender", "web_app": moved}),
            (7, {"type": "web_app", "text": "Календар", "web_app": moved}),
        ]
        before = await started_again(app, api, MOVED, 0)
        assert menu_buttons_set(api, before) == [], "relabelled once"

    asyncio.run(scenario())


def test_over_http_chats_get_the_default_button_back_and_gone_chats_are_forgotten(app, api) -> None:
    async def scenario() -> None:
        await label_chats(app, api, {6: "de", 7: "en"})
        api.fail("setChatMenuButton", status=400, description="Bad Request: chat not found",
                 chat_id=7)  # fmt: skip
        before = await started_again(app, api, HTTP, 2)
        assert menu_buttons_set(api, before) == [(6, {"type": "default"})]
        calls = [
            (c.params.get("chat_id"), c.params["menu_button"]["type"])
            for c in api.calls("setChatMenuButton")[before:]
        ]
        assert calls == [(None, "default"), (6, "default"), (7, "default")], (
            "every chat's default, which opened the app, is Telegram's own again"
        )
        before = await started_again(app, api, MOVED, 0)
        assert menu_buttons_set(api, before) == [], "neither chat is labelled any more"

    asyncio.run(scenario())


def test_a_chat_refused_is_skipped_and_taken_up_at_the_next_start(app, api) -> None:
    """Telegram failing for one chat (a server error, three times) or refusing it (a 400) does
    not stop the others; a chat closed to the bot (403) is forgotten; the next start
    relabels what was skipped."""

    async def scenario() -> None:
        await label_chats(app, api, {6: "de", 7: "uk", 8: "en", 9: "es"})
        api.fail("setChatMenuButton", status=500, description="Internal Server Error",
                 chat_id=6, times=3)  # fmt: skip
        api.fail("setChatMenuButton", status=400, description="Bad Request: BUTTON_INVALID",
                 chat_id=7)  # fmt: skip
        api.fail("setChatMenuButton", status=403, description="Forbidden: bot was blocked by "
                 "the user", chat_id=8)  # fmt: skip
        before = await started_again(app, api, MOVED, 6, left=2)
        assert [chat for chat, _ in menu_buttons_set(api, before)] == [9]
        before = await started_again(app, api, MOVED, 2)
        assert [chat for chat, _ in menu_buttons_set(api, before)] == [6, 7]

    asyncio.run(scenario())


def test_a_relabel_never_overwrites_a_choice_made_meanwhile(app) -> None:
    """The round read a chat's row, then its person chose another language (or was erased)
    before the round recorded the new address: what they did stays, to be relabelled again."""
    buttons = MenuButtons(app.views, app.clock)
    old, new = f"{HTTPS}app/", f"{MOVED}app/"
    buttons.record(6, old, "de")
    buttons.record(7, old, "en")
    six, seven = buttons.opening_elsewhere(new, 0, 10)
    buttons.record(6, old, "uk")  # /language uk, while the round was on its way
    assert buttons.current(6) != six, "read again before the button is set"
    buttons.moved(six, new)
    buttons.forget(seven)
    (left,) = buttons.opening_elsewhere(new, 0, 10)
    assert (left.chat_id, left.url, left.language) == (6, old, "uk")
    buttons.moved(left, new)
    assert buttons.opening_elsewhere(new, 0, 10) == []


def test_telegram_asking_to_wait_long_ends_the_round(app, api) -> None:
    """Flood control is the whole bot's: asked to wait two minutes, the round stops rather
    than go on to the next chats, and the next start takes them all up."""

    async def scenario() -> None:
        await label_chats(app, api, {6: "de", 7: "uk"})
        api.fail("setChatMenuButton", status=429, description="Too Many Requests: retry after "
                 "120", retry_after=120, chat_id=6)  # fmt: skip
        before = await started_again(app, api, MOVED, 1, left=2, settle=True)
        assert [c.params["chat_id"] for c in api.calls("setChatMenuButton")[before:]
                if "chat_id" in c.params] == [6], "chat 7 not tried meanwhile"  # fmt: skip
        before = await started_again(app, api, MOVED, 2)
        assert [chat for chat, _ in menu_buttons_set(api, before)] == [6, 7]

    asyncio.run(scenario())
