"""Assembles the bot: aiogram Bot (pointed at TELEGRAM_API_BASE), dispatcher, routers, sender.

Long polling by default; with TELEGRAM_WEBHOOK_URL set, Telegram posts updates to the HTTP
server's /telegram/webhook, which checks the X-Telegram-Bot-Api-Secret-Token header.

At start-up the bot registers its command menu, in English for everyone and in each other
language for the people whose Telegram app speaks it, and, when the public URL is HTTPS, a chat
menu button opening the Mini App for every chat (see mini_app.py for what happens over plain
HTTP).
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

from televent.adapters.i18n import translate
from televent.adapters.outbound.feeds import feed_outbound
from televent.adapters.port import AppPort
from televent.application.counters import Counters
from televent.application.google_connections import GoogleConsents
from televent.application.morning_agenda import MorningAgenda
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.config import Settings
from televent.delivery.menu_buttons import EVERY_CHAT, MenuButtons
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.languages import DEFAULT_LANGUAGE, LANGUAGES

from .context import AccountMiddleware, BotContext
from .delivery import DeliverySender
from .mini_app import LoginLinks, MiniApp
from .routers import all_routers
from .routers.mini_app import relabel_moved
from .service import BotService
from .webhook import WEBHOOK_PATH

LOG = logging.getLogger(__name__)
REQUEST_TIMEOUT = 15  # seconds; shorter than the delivery queue's lease
# The command menu: each command and the message describing it (bot.ftl), in every language
COMMANDS = (
    ("today", "bot-cmd-today"),
    ("tomorrow", "bot-cmd-tomorrow"),
    ("week", "bot-cmd-week"),
    ("list", "bot-cmd-list"),
    ("app", "bot-cmd-app"),
    ("create", "bot-cmd-create"),
    ("event", "bot-cmd-event"),
    ("invite", "bot-cmd-invite"),
    ("attendees", "bot-cmd-attendees"),
    ("rsvp", "bot-cmd-rsvp"),
    ("cancel", "bot-cmd-cancel"),
    ("calendars", "bot-cmd-calendars"),
    ("share", "bot-cmd-share"),
    ("subscribe", "bot-cmd-subscribe"),
    ("google", "bot-cmd-google"),
    ("calendar", "bot-cmd-calendar"),
    ("timezone", "bot-cmd-timezone"),
    ("language", "bot-cmd-language"),
    ("reminder", "bot-cmd-reminder"),
    ("agenda", "bot-cmd-agenda"),
    ("settings", "bot-cmd-settings"),
    ("email", "bot-cmd-email"),
    ("availability", "bot-cmd-availability"),
    ("booking", "bot-cmd-booking"),
    ("device", "bot-cmd-device"),
    ("export", "bot-cmd-export"),
    ("deleteaccount", "bot-cmd-deleteaccount"),
    ("help", "bot-cmd-help"),
)


def command_menu(language: str) -> list[BotCommand]:
    """The command menu in a language."""
    return [
        BotCommand(command=command, description=translate(language, message))
        for command, message in COMMANDS
    ]


def menu_language_code(language: str) -> str:
    """The Bot API's `language_code` of a catalogue language: two letters of ISO 639-1 (the
    Brazilian Portuguese menu is the one Telegram shows every Portuguese speaker)."""
    return language.split("-", maxsplit=1)[0].lower()


async def set_command_menus(bot: Bot) -> None:
    """The command menu in English for everyone (no `language_code`), and in each other
    language for the people whose Telegram app speaks it."""
    await bot.set_my_commands(command_menu(DEFAULT_LANGUAGE))
    await set_translated_menus(bot)


async def set_translated_menus(bot: Bot) -> None:
    """The command menu of each language but English. Rendering one first reads that
    language's messages (parsing them is CPU work), so it is done off the event loop."""
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        menu = await asyncio.to_thread(command_menu, language)
        await bot.set_my_commands(menu, language_code=menu_language_code(language))


async def _menus_meanwhile(telegram: TelegramBot) -> None:
    """While the bot already answers: the translated menus (one failing is logged: the English
    menu is there for everyone), then the chats' own menu buttons that still open an address
    the server left (routers/mini_app.relabel_moved)."""
    try:
        await set_translated_menus(telegram.bot)
    except asyncio.CancelledError:
        raise
    except Exception:
        LOG.exception("Could not set the command menus in other languages")
    if telegram.menu_buttons is None:
        return
    try:
        await relabel_moved(telegram.bot, telegram.mini_app, telegram.menu_buttons)
    except asyncio.CancelledError:
        raise
    except Exception:
        LOG.exception("Could not relabel the chats' menu buttons; the next start tries again")


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
    mini_app: MiniApp | None = None
    menu_buttons: MenuButtons | None = None  # the chats' own buttons, relabelled at start


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
    web_login: LoginLinks | None = None,
    app_url: str | None = None,
    google: GoogleConsents | None = None,
) -> TelegramBot:
    """Compose the bot from the application, the Telegram delivery queue, the reminder
    scheduler and the COUNTER service (called by the composition root).

    `app_url` is the public base URL the Mini App is served under (`<app_url>/app/`); it
    defaults to `caldav_url`, the server's public URL. `web_login` issues the tokens of the
    browser login links `/app` gives; without it `/app` offers the Mini App only. `google`:
    Google's consent screen for `/google` (None: the operator set up no Google OAuth client).
    """
    now = clock or app.clock
    mini_app = MiniApp.at(
        app_url or caldav_url,
        login_link_seconds=settings.login_link_seconds,
        short_name=settings.telegram_mini_app_name,
    )
    service = BotService(app, counters, caldav_url=caldav_url, web_login=web_login)
    menu_buttons = MenuButtons(app.views, now)
    ctx = BotContext(
        service=service,
        port=port,
        clock=now,
        caldav_url=caldav_url,
        mini_app=mini_app,
        outbound=feed_outbound(settings),
        google=google,
        menu_buttons=menu_buttons,
    )
    bot = create_bot(settings)
    sender = DeliverySender(
        bot,
        queue,
        app.queries,
        port,
        reminders,
        now,
        mini_app=mini_app,
        agenda=MorningAgenda(app, queue),
    )
    return TelegramBot(
        bot,
        create_dispatcher(ctx),
        sender,
        settings.telegram_webhook_url,
        settings.telegram_webhook_secret,
        mini_app,
        menu_buttons,
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
            await bot.set_my_commands(command_menu(DEFAULT_LANGUAGE))
            if telegram.webhook_url:
                await bot.set_webhook(
                    telegram.webhook_url.rstrip("/") + WEBHOOK_PATH,
                    secret_token=telegram.webhook_secret,
                    allowed_updates=dispatcher.resolve_used_update_types(),
                )
                LOG.info("Telegram webhook registered")
            else:
                await bot.delete_webhook()
            break
        except asyncio.CancelledError:
            raise
        except Exception:
            LOG.exception("Could not reach the Telegram Bot API; retrying in 5 s")
            await asyncio.sleep(5)
    await _set_menu_button(telegram)
    menus = asyncio.create_task(_menus_meanwhile(telegram), name="telegram-menus")
    try:
        if telegram.webhook_url:
            await menus
            return
        await dispatcher.start_polling(
            bot, handle_signals=False, close_bot_session=False, polling_timeout=10
        )
    finally:
        menus.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await menus


async def _set_menu_button(telegram: TelegramBot) -> None:
    """The menu button of every chat opens the Mini App (HTTPS only). It is a convenience:
    when Telegram refuses it, the bot runs on and the log says why."""
    if telegram.mini_app is None:
        return
    # every chat's; each person's own chat is labelled in their language (routers/mini_app.py)
    button = telegram.mini_app.menu_button(translate(DEFAULT_LANGUAGE, "bot-menu-button"))
    if button is None:
        LOG.warning(
            "No Mini App menu button: Telegram opens Mini Apps only over HTTPS, and the public "
            "URL is %s (set TELEVENT_PUBLIC_URL to the server's https:// address); /app gives "
            "a browser login link instead",
            telegram.mini_app.base_url,
        )
        return
    try:
        await telegram.bot.set_chat_menu_button(menu_button=button)
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        LOG.warning("Could not set the Mini App menu button (%s); the bot runs without it", exc)
        return
    if telegram.menu_buttons is not None:  # so that it is reset when the app is not offered
        try:
            await asyncio.to_thread(
                telegram.menu_buttons.record, EVERY_CHAT, button.web_app.url, DEFAULT_LANGUAGE
            )
        except Exception:
            LOG.exception("Could not record the default menu button")
