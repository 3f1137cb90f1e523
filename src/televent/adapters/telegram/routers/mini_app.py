"""/app: the calendar app (month, week, day and agenda views), inside Telegram or in a browser.

Over HTTPS the answer has an "Open calendar" `web_app` button and, for a computer's browser, a
one-time login link ("Open in a browser"). Over plain HTTP Telegram cannot open the app, so the
answer says how to fix that (TELEVENT_PUBLIC_URL) and gives the browser link as text: a button
to a local address would make Telegram refuse the message (see ../mini_app.py).
"""

from __future__ import annotations

import asyncio
import enum
import logging
from html import escape

from aiogram import Bot, Router
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.filters import Command
from aiogram.types import LinkPreviewOptions, MenuButtonDefault, Message
from babel.units import format_unit

from televent.adapters.i18n import current_language, t, translate
from televent.adapters.i18n.formatting import duration, locale_of
from televent.delivery.menu_buttons import EVERY_CHAT, LabelledChat, MenuButtons

from .. import keyboards
from ..context import BotContext
from ..mini_app import MiniApp
from ..service import Person

router = Router(name="mini_app")
LOG = logging.getLogger(__name__)
RELABEL_PAGE = 200  # chats read at once when relabelling moved buttons
MAX_RELABEL_PAGES = 10_000  # a bound on the loop: two million chats
RELABEL_PAUSE = 0.04  # seconds between two chats, well under the Bot API's limits
MAX_RETRY_AFTER = 60  # a longer wait asked for ends the round
RETRY_PAUSE = 0.5  # seconds before a chat's button is tried again after an error, doubled
MAX_REFUSED_IN_A_ROW = 5  # chats refused one after another that end the round


async def label_menu_button(bot: Bot | None, ctx: BotContext, chat_id: int) -> None:
    """Label the menu button of a person's own chat in the language spoken now (at /start and
    when they choose a language): the default every chat starts with is English. A
    convenience: when Telegram refuses, the log says so and the conversation goes on. The
    button is recorded, so that it is relabelled when the server moves (`relabel_moved`)."""
    button = None if ctx.mini_app is None else ctx.mini_app.menu_button(t("bot-menu-button"))
    if bot is None or button is None:
        return
    try:
        await bot.set_chat_menu_button(chat_id=chat_id, menu_button=button)
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        LOG.warning("Could not label the menu button of chat %s (%s)", chat_id, exc)
        return
    if ctx.menu_buttons is not None:
        try:
            url = button.web_app.url
            await ctx.port.run(ctx.menu_buttons.record, chat_id, url, current_language())
        except Exception:  # the button is set; only its relabelling after a move is missed
            LOG.exception("Could not record the menu button of chat %s", chat_id)


async def relabel_moved(bot: Bot, mini_app: MiniApp | None, buttons: MenuButtons) -> int:
    """At the bot's start: the buttons the bot set that open another address than the Mini
    App served now (the server moved, or no longer offers it over HTTPS) are set again: each
    person's chat labelled in the language it had, and the default of every chat
    (`EVERY_CHAT`), or Telegram's default buttons when the app is not offered. A chat Telegram
    says is gone (the person blocked the bot, deleted their account) is forgotten; when
    Telegram asks to wait, the bot waits, or, asked to wait long, ends the round; a chat it
    refuses is skipped, tried again at the next start, as is the rest of the round after
    several refusals in a row (a refusal of every chat, or Telegram unreachable). Returns how
    many were relabelled."""
    url = None if mini_app is None or not mini_app.secure else mini_app.home
    relabelled, refused, after = 0, 0, EVERY_CHAT - 1
    for _ in range(MAX_RELABEL_PAGES):
        chats = await asyncio.to_thread(buttons.opening_elsewhere, url, after, RELABEL_PAGE)
        for chat in chats:
            after = chat.chat_id
            outcome = await _relabel(bot, mini_app, buttons, chat)
            if outcome is _Outcome.STOP:
                return relabelled
            if outcome is _Outcome.DONE:
                relabelled, refused = relabelled + 1, 0
            else:
                refused += 1
                if refused >= MAX_REFUSED_IN_A_ROW:
                    LOG.warning("Relabelling the menu buttons stops; the next start goes on")
                    return relabelled
            await asyncio.sleep(RELABEL_PAUSE)
        if len(chats) < RELABEL_PAGE:
            break
    if relabelled:
        LOG.info("Relabelled the menu button of %s chats for %s", relabelled, url or "no app")
    return relabelled


class _Outcome(enum.Enum):
    DONE = "done"  # set again, forgotten, or changed meanwhile by its person
    SKIPPED = "skipped"  # refused or failing: tried again at the next start
    STOP = "stop"  # Telegram asks the bot to wait long: the round ends


async def _relabel(
    bot: Bot, mini_app: MiniApp | None, buttons: MenuButtons, chat: LabelledChat
) -> _Outcome:
    """One chat's button set again, or forgotten when the chat is gone; or why not logged.
    The row is read again first, and what is recorded changes only if it is still what was
    read: a person who chose another language meanwhile, or was erased, keeps what that did."""
    if await asyncio.to_thread(buttons.current, chat.chat_id) != chat:
        return _Outcome.DONE  # labelled again or erased since the page was read
    label = translate(chat.language, "bot-menu-button")
    button = None if mini_app is None else mini_app.menu_button(label)
    where = {} if chat.chat_id == EVERY_CHAT else {"chat_id": chat.chat_id}
    for attempt in range(3):
        try:
            await bot.set_chat_menu_button(**where, menu_button=button or MenuButtonDefault())
        except TelegramRetryAfter as exc:
            if exc.retry_after > MAX_RETRY_AFTER:
                LOG.warning("Telegram asks to wait %s s to relabel menu buttons", exc.retry_after)
                return _Outcome.STOP
            await asyncio.sleep(exc.retry_after)
            continue
        except (TelegramForbiddenError, TelegramBadRequest) as exc:
            return await _refused(buttons, chat, exc)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a server error, the network: tried again, then skipped
            LOG.warning("Could not relabel the menu button of chat %s (%s)", chat.chat_id, exc)
            if attempt < 2:
                await asyncio.sleep(RETRY_PAUSE * 2**attempt)
            continue
        if button is None:
            await asyncio.to_thread(buttons.forget, chat)
        else:
            await asyncio.to_thread(buttons.moved, chat, button.web_app.url)
        return _Outcome.DONE
    return _Outcome.SKIPPED


async def _refused(buttons: MenuButtons, chat: LabelledChat, exc: TelegramAPIError) -> _Outcome:
    """A person's chat closed to the bot (403) or gone ("chat not found") is forgotten; any
    other refusal skips the chat."""
    gone = isinstance(exc, TelegramForbiddenError) or "chat not found" in exc.message.lower()
    if gone and chat.chat_id != EVERY_CHAT:
        LOG.info("Chat %s is closed to the bot (%s); its button is forgotten", chat.chat_id, exc)
        await asyncio.to_thread(buttons.forget, chat)
        return _Outcome.DONE
    LOG.warning("Could not relabel the menu button of chat %s (%s)", chat.chat_id, exc)
    return _Outcome.SKIPPED


@router.message(Command("app"))
async def open_app(message: Message, person: Person, ctx: BotContext) -> None:
    """The Mini App button and the browser login link."""
    mini_app = ctx.mini_app
    if mini_app is None:
        await message.answer(t("bot-app-not-served"))
        return
    token = await ctx.port.run(ctx.service.login_token, person)
    login = None if token is None else mini_app.login_url(token)
    rules = t("bot-app-link-rules", lifetime=_lifetime(mini_app.login_link_seconds))
    if mini_app.secure:
        lines = [t("bot-app-open")]
        if login is not None:
            lines.append(t("bot-app-browser", rules=rules))
        await message.answer(
            "\n\n".join(lines), reply_markup=keyboards.open_app(mini_app.home, login)
        )
        return
    lines = [t("bot-app-needs-https")]
    if login is None:
        lines.append(t("bot-app-no-links"))
    else:
        lines.append(f"{t('bot-app-browser-link', rules=rules)}\n{escape(login)}")
    # No preview: Telegram would fetch the one-time link to draw one (the server spares the
    # token for known preview fetchers, but the fetch is useless).
    await message.answer(
        "\n\n".join(lines), link_preview_options=LinkPreviewOptions(is_disabled=True)
    )


def _lifetime(seconds: int) -> str:
    """How long a login link works, in the reader's words ("10 minutes", "90 секунд")."""
    language = current_language()
    if seconds % 60 == 0 and seconds:
        return duration(seconds // 60, language)
    locale = locale_of(language)
    for length in ("long", "short"):  # CLDR lacks the long form in some languages
        text = str(format_unit(seconds, "duration-second", length=length, locale=locale))
        if "duration" not in text:
            return text
    return f"{seconds} s"
