"""/app: the calendar app (month, week, day and agenda views), inside Telegram or in a browser.

Over HTTPS the answer has an "Open calendar" `web_app` button and, for a computer's browser, a
one-time login link ("Open in a browser"). Over plain HTTP Telegram cannot open the app, so the
answer says how to fix that (TELEVENT_PUBLIC_URL) and gives the browser link as text: a button
to a local address would make Telegram refuse the message (see ../mini_app.py).
"""

from __future__ import annotations

from html import escape

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import LinkPreviewOptions, Message

from .. import keyboards
from ..context import BotContext
from ..service import Person

router = Router(name="mini_app")

NOT_SERVED = "📅 The calendar app is not available on this server. /help lists what I can do here."
LINK_RULES = "The link works once and expires in {lifetime}; it logs you in, so don't share it."
NEEDS_HTTPS = (
    "Telegram opens the app only from an HTTPS address: the server's operator sets "
    "<code>TELEVENT_PUBLIC_URL</code> to its <code>https://</code> address for that."
)


@router.message(Command("app"))
async def open_app(message: Message, person: Person, ctx: BotContext) -> None:
    """The Mini App button and the browser login link."""
    mini_app = ctx.mini_app
    if mini_app is None:
        await message.answer(NOT_SERVED)
        return
    token = await ctx.port.run(ctx.service.login_token, person)
    login = None if token is None else mini_app.login_url(token)
    rules = LINK_RULES.format(lifetime=mini_app.login_link_lifetime)
    if mini_app.secure:
        lines = ["📅 Your calendar: month, week, day and agenda views. Tap <b>Open calendar</b>."]
        if login is not None:
            lines.append(f"🌐 On a computer? <b>Open in a browser</b> signs you in there. {rules}")
        await message.answer(
            "\n\n".join(lines), reply_markup=keyboards.open_app(mini_app.home, login)
        )
        return
    lines = [f"📅 The calendar app can't open inside Telegram here. {NEEDS_HTTPS}"]
    if login is None:
        lines.append("Browser links are not enabled on this server either.")
    else:
        lines.append(f"🌐 Open it in a browser with this link. {rules}\n{escape(login)}")
    # No preview: Telegram would fetch the one-time link to draw one (the server spares the
    # token for known preview fetchers, but the fetch is useless).
    await message.answer(
        "\n\n".join(lines), link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
