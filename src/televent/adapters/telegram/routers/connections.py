"""`/google` in the bot (docs/adr/0034): the Google accounts connected already, and a one-time
link to Google's consent screen that connects another; Google then sends the browser back to
`/oauth/google/callback`, which makes the connection, as from the Mini App."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import LinkPreviewOptions, Message

from .. import connection_service, connection_texts, keyboards
from ..context import BotContext
from ..service import Person

router = Router(name="connections")


@router.message(Command("google"))
async def google(message: Message, person: Person, ctx: BotContext) -> None:
    """The consent link, as a button when it is https (Telegram takes no other)."""
    if ctx.google is None:
        await message.answer(connection_texts.off())
        return
    url, connected = await ctx.port.run(
        connection_service.google_consent, ctx.service, person, ctx.google, ctx.caldav_url
    )
    button = url.startswith("https://")
    markup = keyboards.link(connection_texts.button_label(), url) if button else None
    # No preview: the link works once, and a preview would fetch it.
    await message.answer(
        connection_texts.connect(url, button=button, connected=connected),
        reply_markup=markup,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
