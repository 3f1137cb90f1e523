"""Feed subscriptions in the bot (docs/adr/0025): `/subscribe <url> [name]`, a webcal:// link
(or an https:// link to an .ics) sent on its own, and `/subscriptions` to list them, with
`pause`, `resume`, `rename` and `remove` followed by a number or a name."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from televent.adapters.outbound.feeds import checked_feed_url

from .. import subscription_service, subscription_texts
from ..context import BotContext
from ..service import Person

router = Router(name="subscriptions")

# A message that is only a feed's link: webcal://..., or https://... ending in .ics.
FEED_LINK = re.compile(r"^\s*(webcals?://\S+|https?://\S+\.ics(?:\?\S*)?)\s*$", re.IGNORECASE)
ACTIONS = ("pause", "resume", "rename", "remove")


async def _subscribe(message: Message, person: Person, ctx: BotContext, text: str) -> None:
    url, _, name = text.strip().partition(" ")
    address = await checked_feed_url(ctx.outbound, url)
    sub = await ctx.port.run(
        subscription_service.subscribe, ctx.service, person, address, name.strip() or None
    )
    await message.answer(subscription_texts.subscribed(sub))


@router.message(Command("subscribe"))
async def subscribe(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """`/subscribe <url> [name]`."""
    if not (command.args or "").strip():
        await message.answer(subscription_texts.usage())
        return
    await _subscribe(message, person, ctx, command.args or "")


@router.message(F.text.regexp(FEED_LINK))
async def feed_link(message: Message, person: Person, ctx: BotContext) -> None:
    """A feed's link sent on its own: subscribed to, as /subscribe would."""
    await _subscribe(message, person, ctx, message.text or "")


@router.message(Command("subscriptions"))
async def subscriptions(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """Alone: the list; `pause|resume|remove <n>`, `rename <n> <name>`: a change."""
    words = (command.args or "").split(maxsplit=2)
    if not words:
        found = await ctx.port.run(subscription_service.listing, ctx.service, person)
        await message.answer(subscription_texts.listing(found))
        return
    action = words[0].lower()
    if action not in ACTIONS or len(words) < 2 or (action == "rename" and len(words) < 3):
        await message.answer(subscription_texts.usage())
        return
    name = words[2] if len(words) > 2 else ""
    shown = await ctx.port.run(
        subscription_service.change, ctx.service, person, action, words[1], name
    )
    await message.answer(subscription_texts.changed(action, shown))
