"""Assembles the bot: aiogram Bot (pointed at TELEGRAM_API_BASE), dispatcher, routers, sender.

Long polling by default; with TELEGRAM_WEBHOOK_URL set, Telegram posts updates to the HTTP
server's /telegram/webhook, which checks the X-Telegram-Bot-Api-Secret-Token header.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import BotCommand

from televent.adapters.port import AppPort
from televent.application.counters import Counters
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.config import Settings
from televent.delivery.telegram_queue import DeliveryQueue

from .context import AccountMiddleware, BotContext
from .delivery import DeliverySender
from .routers import all_routers
from .service import BotService
from .webhook import WEBHOOK_PATH

LOG = logging.getLogger(__name__)
REQUEST_TIMEOUT = 15  # seconds; shorter than the delivery queue's lease
COMMANDS = [
    ("today", "What's on today"),
    ("tomorrow", "What's on tomorrow"),
    ("week", "The next seven days"),
    ("list", "Everything coming up"),
    ("create", "New event: /create Team sync, tomorrow 15:00, 1h"),
    ("event", "Details of an event: /event a1b2c3"),
    ("invite", "Invite people: /invite a1b2c3 @anna"),
    ("attendees", "Who is coming: /attendees a1b2c3"),
    ("rsvp", "Answer: /rsvp accept a1b2c3"),
    ("cancel", "Cancel an event, or leave a dialogue"),
    ("timezone", "Your time zone"),
    ("reminder", "Minutes before events to remind you"),
    ("device", "CalDAV passwords: add, list, revoke"),
    ("export", "Your calendar as an .ics file"),
    ("deleteaccount", "Erase your data (after 30 days)"),
    ("help", "All commands with examples"),
]


def create_bot(settings: Settings) -> Bot:
    """The Bot API client, talking to TELEGRAM_API_BASE (the public API by default)."""
    assert settings.telegram_bot_token is not None
    session = AiohttpSession(
        api=TelegramAPIServer.from_base(settings.telegram_api_base), timeout=REQUEST_TIMEOUT
    )
    return Bot(
        settings.telegram_bot_token,
        session=session,
        default=DefaultBotProperties(parse_mode="HTML", link_preview_is_disabled=True),
    )


def create_dispatcher(ctx: BotContext) -> Dispatcher:
    """The dispatcher with every router and the account middleware."""
    dispatcher = Dispatcher(storage=MemoryStorage(), ctx=ctx)
    middleware = AccountMiddleware()
    dispatcher.message.outer_middleware(middleware)
    dispatcher.callback_query.outer_middleware(middleware)
    dispatcher.include_routers(*all_routers())
    return dispatcher


@dataclass
class TelegramBot:
    """Everything the bot needs at run time."""

    bot: Bot
    dispatcher: Dispatcher
    sender: DeliverySender
    webhook_url: str | None
    webhook_secret: str | None


def build_bot(
    app: Televent,
    settings: Settings,
    port: AppPort,
    *,
    queue: DeliveryQueue,
    reminders: ReminderScheduler,
    counters: Counters,
    caldav_url: str,
    clock: Callable[[], dt.datetime] | None = None,
) -> TelegramBot:
    """Compose the bot from the application, the Telegram delivery queue, the reminder
    scheduler and the COUNTER service (called by the composition root)."""
    now = clock or app.clock
    service = BotService(app, counters, caldav_url=caldav_url)
    ctx = BotContext(service=service, port=port, clock=now, caldav_url=caldav_url)
    bot = create_bot(settings)
    sender = DeliverySender(bot, queue, app.queries, port, reminders, now)
    return TelegramBot(
        bot,
        create_dispatcher(ctx),
        sender,
        settings.telegram_webhook_url,
        settings.telegram_webhook_secret,
    )


@contextlib.asynccontextmanager
async def running(telegram: TelegramBot) -> AsyncIterator[None]:
    """Run the bot (polling, or webhook registration) and the sender while the block runs."""
    tasks = [asyncio.create_task(_start(telegram), name="telegram-bot")]
    tasks.append(asyncio.create_task(telegram.sender.run_forever(), name="telegram-delivery"))
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            await telegram.dispatcher.stop_polling()
        await telegram.bot.session.close()


async def _start(telegram: TelegramBot) -> None:
    bot, dispatcher = telegram.bot, telegram.dispatcher
    while True:
        try:
            await bot.set_my_commands([BotCommand(command=c, description=d) for c, d in COMMANDS])
            if telegram.webhook_url:
                await bot.set_webhook(
                    telegram.webhook_url.rstrip("/") + WEBHOOK_PATH,
                    secret_token=telegram.webhook_secret,
                    allowed_updates=dispatcher.resolve_used_update_types(),
                )
                LOG.info("Telegram webhook registered")
                return
            await bot.delete_webhook()
            break
        except asyncio.CancelledError:
            raise
        except Exception:
            LOG.exception("Could not reach the Telegram Bot API; retrying in 5 s")
            await asyncio.sleep(5)
    await dispatcher.start_polling(
        bot, handle_signals=False, close_bot_session=False, polling_timeout=10
    )
