"""Drives the bot in-process: raw updates fed to the dispatcher, replies to a Bot API stand-in.

The dispatcher, the service and the delivery sender are the ones `televent serve` builds; only
the clock is the test's, so listings and reminders are deterministic.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import time
from collections.abc import Awaitable, Callable
from typing import Any

from televent.adapters.outbound import Outbound
from televent.adapters.port import AppPort
from televent.adapters.telegram.bot import create_bot, create_dispatcher
from televent.adapters.telegram.context import BotContext
from televent.adapters.telegram.delivery import DeliverySender
from televent.adapters.telegram.service import BotService
from televent.application.counters import Counters
from televent.application.google_connections import GoogleConsents
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from tests.botapi import Call, FakeBotApi

CALDAV_URL = "http://127.0.0.1:8080/"
NAMES = {1: ("Alice", "alice"), 2: ("Bob", "bob"), 3: ("Carol", "carol")}


class BotHarness:
    """One bot against one application and one stand-in; use inside a running event loop."""

    def __init__(
        self,
        app: Televent,
        api: FakeBotApi,
        clock: Any,
        outbound: Outbound | None = None,
        google: GoogleConsents | None = None,
    ) -> None:
        self.app = app
        self.api = api
        self.clock = clock
        self.port = AppPort()
        self.queue = DeliveryQueue(app.views, clock)
        mail = MailQueue(app.views, clock)
        self.service = BotService(
            app, Counters(app, mail=mail, telegram=self.queue), caldav_url=CALDAV_URL
        )
        self.ctx = BotContext(
            self.service, self.port, clock, CALDAV_URL, outbound=outbound or Outbound(),
            google=google,
        )  # fmt: skip
        self.dispatcher = create_dispatcher(self.ctx)
        self.bot = create_bot(
            Settings(telegram_bot_token="123:ABC", telegram_api_base=api.base_url)
        )
        self.sender = DeliverySender(
            self.bot, self.queue, app.queries, self.port, ReminderScheduler(app, self.queue), clock
        )
        self._update_ids = itertools.count(1)
        # the language_code each user's Telegram app reports (none: Telegram sent none)
        self.languages: dict[int, str] = {}

    async def close(self) -> None:
        await self.bot.session.close()

    def _user(self, user_id: int) -> dict[str, Any]:
        name, username = NAMES.get(user_id, (f"User{user_id}", None))
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": name}
        if username:
            user["username"] = username
        if user_id in self.languages:
            user["language_code"] = self.languages[user_id]
        return user

    async def say(self, user_id: int, text: str) -> list[Call]:
        """Feed a private text message; returns the bot's calls it caused."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self._private(user_id, content)

    async def send_file(
        self,
        user_id: int,
        data: bytes,
        file_name: str | None,
        mime_type: str | None,
        caption: str | None = None,
    ) -> list[Call]:
        """Feed a private message carrying a document (kept by the stand-in, which serves it
        through getFile as the Bot API does), with its caption; returns the bot's calls it
        caused."""
        document = self.api.add_file(data, file_name=file_name, mime_type=mime_type)
        content: dict[str, Any] = {"document": document}
        if caption is not None:
            content["caption"] = caption
        return await self._private(user_id, content)

    async def _private(self, user_id: int, content: dict[str, Any]) -> list[Call]:
        before = len(self.api.calls())
        message: dict[str, Any] = {
            "message_id": next(self._update_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": self._user(user_id),
            **content,
        }
        await self.dispatcher.feed_raw_update(
            self.bot, {"update_id": next(self._update_ids), "message": message}
        )
        return self.api.calls()[before:]

    async def tap(self, user_id: int, data: str, message: Call | None = None) -> list[Call]:
        """Feed a button press on a message the bot sent (or a forged one)."""
        before = len(self.api.calls())
        shown = {
            "message_id": message.message_id if message is not None else 999,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "text": message.text if message is not None else "old message",
        }
        query = {
            "id": f"q{next(self._update_ids)}",
            "from": self._user(user_id),
            "chat_instance": "ci",
            "data": data,
            "message": shown,
        }
        await self.dispatcher.feed_raw_update(
            self.bot, {"update_id": next(self._update_ids), "callback_query": query}
        )
        return self.api.calls()[before:]

    async def inline_query(self, user_id: int, words: str) -> tuple[str, list[Call]]:
        """Feed an inline query (`@bot words` typed in some chat); returns its id and calls."""
        before = len(self.api.calls())
        query = self.api.new_inline_query(self._user(user_id), words)
        await self.dispatcher.feed_raw_update(
            self.bot, {"update_id": next(self._update_ids), "inline_query": query}
        )
        return str(query["id"]), self.api.calls()[before:]

    async def choose(self, query_id: str, result_id: str) -> dict[str, Any]:
        """Post one of the answered results in a chat and feed the chosen_inline_result
        Telegram reports (inline feedback on); returns that ChosenInlineResult."""
        chosen = self.api.choose_inline_result(query_id, result_id)
        await self.dispatcher.feed_raw_update(
            self.bot, {"update_id": next(self._update_ids), "chosen_inline_result": chosen}
        )
        return chosen

    async def tap_inline(self, user_id: int, inline_message_id: str, data: str) -> list[Call]:
        """Feed a button press on an inline message (a posted card), as any chat member."""
        before = len(self.api.calls())
        query = self.api.inline_callback(self._user(user_id), inline_message_id, data)
        await self.dispatcher.feed_raw_update(
            self.bot, {"update_id": next(self._update_ids), "callback_query": query}
        )
        return self.api.calls()[before:]

    async def deliver(self) -> list[Call]:
        """Run the sender until nothing is due; returns the calls it made."""
        before = len(self.api.calls())
        for _ in range(20):
            if not await self.sender.run_once():
                break
        return self.api.calls()[before:]

    async def remind(self) -> int:
        """One reminder scan at the test clock's time."""
        return await self.port.run(self.sender.reminders.run_once, self.clock())  # type: ignore[union-attr]

    async def register(self, *user_ids: int, zone: str = "Europe/Berlin") -> None:
        for user_id in user_ids:
            await self.say(user_id, "/start")
            await self.say(user_id, f"/timezone {zone}")


def texts_of(calls: list[Call], method: str = "sendMessage") -> list[str]:
    return [c.text for c in calls if c.method == method and not c.failed]


def at(clock: Any, moment: dt.datetime) -> None:
    clock.now = moment


Scenario = Callable[[BotHarness], Awaitable[None]]


def run_scenario(
    app: Televent,
    api: FakeBotApi,
    clock: Any,
    scenario: Scenario,
    outbound: Outbound | None = None,
    google: GoogleConsents | None = None,
) -> None:
    """Run a scenario against a fresh harness (feeds' addresses checked with `outbound`;
    Google's consent screen `google`), closing it afterwards."""

    async def main() -> None:
        harness = BotHarness(app, api, clock, outbound, google)
        try:
            await scenario(harness)
        finally:
            await harness.close()

    asyncio.run(main())
