"""/app: the calendar app (month, week, day and agenda views), inside Telegram or in a browser.

Over HTTPS the answer has an "Open calendar" `web_app` button and, for a computer's browser, a
one-time login link ("Open in a browser"). Over plain HTTP Telegram cannot open the app, so the
answer says how to fix that (TELEVENT_PUBLIC_URL) and gives the browser link as text: a button
to a local address would make Telegram refuse the message (see ../mini_app.py).
"""

from __future__ import annotations

import asyncio
import logging
from html import escape

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import LinkPreviewOptions, Message
from babel.units import format_unit

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import duration, locale_of

from .. import keyboards
from ..context import BotContext
from ..service import Person

router = Router(name="mini_app")
LOG = logging.getLogger(__name__)


async def label_menu_button(bot: Bot | None, ctx: BotContext, chat_id: int) -> None:
    """Label the menu button of a person's own chat in the language spoken now (at /start and
    when they choose a language): the default every chat starts with is English. A
    convenience: when Telegram refuses, the log says so and the conversation goes on."""
    button = None if ctx.mini_app is None else ctx.mini_app.menu_button(t("bot-menu-button"))
    if bot is None or button is None:
        return
    try:
        await bot.set_chat_menu_button(chat_id=chat_id, menu_button=button)
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        LOG.warning("Could not label the menu button of chat %s (%s)", chat_id, exc)


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
