"""The Bot API stand-in speaks well enough for a real aiogram Bot."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from tests.botapi import BOT_USERNAME, FakeBotApi, UploadedFile

T = TypeVar("T")

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nEND:VCALENDAR\r\n"


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake


def run_with_bot(api: FakeBotApi, scenario: Callable[[Bot], Awaitable[T]]) -> T:
    """Run a coroutine against the stand-in with a real Bot, closing its session afterwards."""

    async def main() -> T:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
        bot = Bot("123:ABC", session=session)
        try:
            return await scenario(bot)
        finally:
            await bot.session.close()

    return asyncio.run(main())


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data)] for text, data in pairs
        ]
    )


def test_get_me(api: FakeBotApi) -> None:
    me = run_with_bot(api, lambda bot: bot.get_me())
    assert me.is_bot and me.id == 123 and me.username == BOT_USERNAME
    assert api.tokens == ["123:ABC"]
    assert [call.method for call in api.calls()] == ["getMe"]


def test_send_then_edit_records_params_and_returns_messages(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> tuple[int, int, str | None]:
        sent = await bot.send_message(42, "Pick one", reply_markup=keyboard(("Yes", "y:1")))
        second = await bot.send_message(42, "Another")
        edited = await bot.edit_message_text(
            text="Picked",
            chat_id=42,
            message_id=sent.message_id,
            reply_markup=keyboard(("Undo", "u:1"), ("Done", "d:1")),
        )
        assert not isinstance(edited, bool)
        return sent.message_id, second.message_id, edited.text

    first_id, second_id, edited_text = run_with_bot(api, scenario)
    assert (first_id, second_id, edited_text) == (1, 2, "Picked")

    send = api.calls("sendMessage", chat_id=42)[0]
    assert send.params["chat_id"] == 42 and send.params["text"] == "Pick one"
    buttons = send.params["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in buttons] == ["y:1"]

    edit = api.wait_for("editMessageText")
    assert edit.params["chat_id"] == 42 and edit.params["message_id"] == first_id
    assert edit.params["text"] == "Picked"
    rows = edit.params["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in rows] == ["u:1", "d:1"]
    assert api.messages_to(42) == ["Pick one", "Another"]
    assert api.messages_to(7) == []


def test_edit_errors_like_the_real_api(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> None:
        sent = await bot.send_message(42, "Same")
        with pytest.raises(TelegramBadRequest, match="not modified"):
            await bot.edit_message_text(text="Same", chat_id=42, message_id=sent.message_id)
        with pytest.raises(TelegramBadRequest, match="not found"):
            await bot.edit_message_text(text="x", chat_id=42, message_id=99)

    run_with_bot(api, scenario)
    assert [call.failed for call in api.calls("editMessageText")] == [True, True]


def test_send_document_records_file_bytes_and_name(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> str | None:
        message = await bot.send_document(
            42, BufferedInputFile(ICS, filename="calendar.ics"), caption="Your calendar"
        )
        assert message.document is not None
        return message.document.file_name

    assert run_with_bot(api, scenario) == "calendar.ics"
    call = api.wait_for("sendDocument")
    document = call.params["document"]
    assert isinstance(document, UploadedFile)
    assert document.filename == "calendar.ics" and document.content == ICS
    assert call.params["caption"] == "Your calendar" and call.chat_id == 42


def test_set_my_commands_records_the_list(api: FakeBotApi) -> None:
    commands = [
        BotCommand(command="start", description="Start"),
        BotCommand(command="today", description="Today's events"),
    ]

    async def scenario(bot: Bot) -> list[str]:
        assert await bot.set_my_commands(commands) is True
        return [command.command for command in await bot.get_my_commands()]

    assert run_with_bot(api, scenario) == ["start", "today"]
    call = api.wait_for("setMyCommands")
    assert call.params["commands"] == [
        {"command": "start", "description": "Start"},
        {"command": "today", "description": "Today's events"},
    ]


def test_command_lists_are_kept_per_language_and_scope(api: FakeBotApi) -> None:
    english = [BotCommand(command="today", description="Today's events")]
    russian = [BotCommand(command="today", description="События сегодня")]

    async def scenario(bot: Bot) -> tuple[list[str], ...]:
        await bot.set_my_commands(english)
        await bot.set_my_commands(russian, language_code="ru")
        await bot.set_my_commands(english, scope=BotCommandScopeAllGroupChats())
        await bot.delete_my_commands(scope=BotCommandScopeAllGroupChats())
        return (
            [c.description for c in await bot.get_my_commands()],
            [c.description for c in await bot.get_my_commands(language_code="ru")],
            [c.description for c in await bot.get_my_commands(language_code="de")],
            [
                c.description
                for c in await bot.get_my_commands(scope=BotCommandScopeAllGroupChats())
            ],
        )

    default, ru, de, groups = run_with_bot(api, scenario)
    assert default == ["Today's events"] and ru == ["События сегодня"]
    assert de == [], "no list of its own: Telegram shows the default one, getMyCommands says []"
    assert groups == [], "deleted"
    assert api.commands("ru") == [{"command": "today", "description": "События сегодня"}]


def test_command_lists_are_refused_as_the_bot_api_refuses_them(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> None:
        fine = [BotCommand(command="today", description="Today")]
        with pytest.raises(TelegramBadRequest, match="invalid language code"):
            await bot.set_my_commands(fine, language_code="pt-BR")
        with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
            await bot.set_my_commands([BotCommand(command="Today", description="Today")])
        with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_DESCRIPTION_INVALID"):
            await bot.set_my_commands([BotCommand(command="today", description="x" * 257)])
        too_many = [BotCommand(command=f"c{n}", description="d") for n in range(101)]
        with pytest.raises(TelegramBadRequest, match="BOT_COMMANDS_TOO_MUCH"):
            await bot.set_my_commands(too_many)
        with pytest.raises(TelegramBadRequest, match="invalid language code"):
            await bot.get_my_commands(language_code="english")

    run_with_bot(api, scenario)
    assert api.commands() == [], "nothing refused was kept"


def test_get_updates_delivers_pushed_message_and_callback(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> None:
        sent = await bot.send_message(42, "Choose", reply_markup=keyboard(("A", "pick:a")))
        message_update = api.push_message(42, "/start hello", username="alice")
        callback_id = api.push_callback(42, "pick:a", message_id=sent.message_id)

        updates = await bot.get_updates(timeout=1)
        assert [update.update_id for update in updates] == [message_update, message_update + 1]
        message = updates[0].message
        assert message is not None and message.text == "/start hello"
        assert message.from_user is not None and message.from_user.username == "alice"
        assert message.entities is not None and message.entities[0].type == "bot_command"
        assert message.entities[0].length == len("/start")
        assert message.message_id == 2  # message ids count per chat, both directions

        query = updates[1].callback_query
        assert query is not None and query.id == callback_id and query.data == "pick:a"
        assert query.from_user.username == "alice"
        assert query.message is not None and query.message.message_id == sent.message_id
        assert query.message.reply_markup == sent.reply_markup  # type: ignore[union-attr]

        assert await bot.answer_callback_query(callback_id, text="ok") is True

        # Updates stay until an offset confirms them.
        assert len(await bot.get_updates()) == 2
        assert await bot.get_updates(offset=updates[-1].update_id + 1) == []
        assert await bot.get_updates() == []

    run_with_bot(api, scenario)
    answer = api.wait_for("answerCallbackQuery")
    assert answer.params["text"] == "ok"


def test_callback_carries_the_edited_message(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> None:
        sent = await bot.send_message(5, "v1", reply_markup=keyboard(("Go", "go")))
        await bot.edit_message_text(
            text="v2", chat_id=5, message_id=sent.message_id, reply_markup=keyboard(("Back", "b"))
        )
        api.push_callback(5, "b", message_id=sent.message_id)
        updates = await bot.get_updates(limit=1)
        query = updates[0].callback_query
        assert query is not None and query.message is not None
        assert query.message.text == "v2"  # type: ignore[union-attr]
        markup = query.message.reply_markup  # type: ignore[union-attr]
        assert markup is not None and markup.inline_keyboard[0][0].callback_data == "b"

    run_with_bot(api, scenario)
    with pytest.raises(ValueError, match="no message"):
        api.push_callback(5, "x", message_id=404)


def test_long_poll_wakes_on_push_and_is_bounded(api: FakeBotApi) -> None:
    async def scenario(bot: Bot) -> tuple[int, float, int]:
        started = time.monotonic()
        empty = await bot.get_updates(timeout=30)
        waited = time.monotonic() - started
        timer = threading.Timer(0.2, api.push_message, args=(9, "hi"))
        timer.start()
        try:
            updates = await bot.get_updates(timeout=30)
        finally:
            timer.join()
        return len(empty), waited, len(updates)

    empty, waited, delivered = run_with_bot(api, scenario)
    assert empty == 0 and waited < 5 and delivered == 1


def test_limit_and_negative_offset(api: FakeBotApi) -> None:
    for n in range(5):
        api.push_message(1, f"m{n}")

    async def scenario(bot: Bot) -> tuple[list[str | None], list[str | None]]:
        first_two = await bot.get_updates(limit=2)
        last = await bot.get_updates(offset=-1)
        return (
            [u.message.text if u.message else None for u in first_two],
            [u.message.text if u.message else None for u in last],
        )

    assert run_with_bot(api, scenario) == (["m0", "m1"], ["m4"])


def test_scripted_retry_after(api: FakeBotApi) -> None:
    api.fail(
        "sendMessage", status=429, description="Too Many Requests: retry after 3", retry_after=3
    )

    async def scenario(bot: Bot) -> int:
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(42, "first")
        assert caught.value.retry_after == 3
        return (await bot.send_message(42, "second")).message_id

    assert run_with_bot(api, scenario) == 1
    attempts = api.calls("sendMessage")
    assert [call.failed for call in attempts] == [True, False]
    assert api.messages_to(42) == ["second"]


def test_scripted_failure_only_for_one_chat(api: FakeBotApi) -> None:
    api.fail(
        "sendMessage", status=400, description="Bad Request: chat not found", chat_id=7, times=2
    )

    async def scenario(bot: Bot) -> None:
        await bot.send_message(8, "fine")
        for _ in range(2):
            with pytest.raises(TelegramBadRequest, match="chat not found"):
                await bot.send_message(7, "nope")
        await bot.send_message(7, "now fine")

    run_with_bot(api, scenario)
    assert api.messages_to(7) == ["now fine"] and api.messages_to(8) == ["fine"]
    assert len(api.wait_for_count("sendMessage", 2, lambda call: call.failed)) == 2


def test_blocked_chat_is_forbidden(api: FakeBotApi) -> None:
    api.block(42)

    async def scenario(bot: Bot) -> None:
        with pytest.raises(TelegramForbiddenError, match="blocked by the user"):
            await bot.send_message(42, "hello?")
        with pytest.raises(TelegramForbiddenError):
            await bot.send_document(42, BufferedInputFile(ICS, filename="calendar.ics"))
        await bot.send_message(43, "still works")

    run_with_bot(api, scenario)
    assert [call.failed for call in api.calls(chat_id=42)] == [True, True]
    assert api.messages_to(43) == ["still works"]


def test_wait_for_times_out_with_recorded_methods(api: FakeBotApi) -> None:
    run_with_bot(api, lambda bot: bot.get_me())
    with pytest.raises(AssertionError, match=r"sendMessage.*\['getMe'\]"):
        api.wait_for("sendMessage", timeout=0.1)


def test_plain_json_and_query_requests(api: FakeBotApi) -> None:
    request = urllib.request.Request(
        f"{api.base_url}/botXYZ/sendMessage",
        data=json.dumps(
            {"chat_id": 3, "text": "json", "reply_markup": {"inline_keyboard": []}}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        body = json.load(response)
    assert body["ok"] and body["result"]["text"] == "json"

    with urllib.request.urlopen(f"{api.base_url}/botXYZ/getUpdates?offset=5", timeout=5) as resp:
        assert json.load(resp) == {"ok": True, "result": []}
    assert api.calls("getUpdates")[0].params == {"offset": 5}
    assert api.messages_to(3) == ["json"]


def test_stop_is_fast_with_a_long_poll_in_flight() -> None:
    api = FakeBotApi().start()
    url = f"{api.base_url}/bot1:A/getUpdates?timeout=50"
    answers: list[object] = []

    def poll() -> None:
        with urllib.request.urlopen(url, timeout=10) as response:
            answers.append(json.load(response))

    poller = threading.Thread(target=poll)
    poller.start()
    time.sleep(0.2)  # let the request reach the server
    started = time.monotonic()
    api.stop()
    poller.join(timeout=5)
    assert not poller.is_alive() and time.monotonic() - started < 3
    assert answers == [{"ok": True, "result": []}]
