"""/email: the invitation address, and linking one's own email with a mailed code."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from televent.application.email_links import code_in

from .. import email_service, email_texts
from ..context import BotContext
from ..service import Person

router = Router(name="email")
REMOVE_WORDS = ("remove", "unlink", "off", "delete")


@router.message(Command("email"))
async def email_command(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """`/email` shows the addresses; `/email you@example.com` mails a code; `/email 123456`
    links the address; `/email remove` unlinks it. Refusals (a wrong code, an address linked
    to someone else, too many codes) come back as the application words them."""
    argument = (command.args or "").strip()
    if not argument:
        status = await ctx.port.run(email_service.status, ctx.service, person)
        await message.answer(email_texts.status_text(status))
    elif argument.lower() in REMOVE_WORDS:
        removed, unsent = await ctx.port.run(email_service.remove, ctx.service, person)
        await message.answer(email_texts.removed(removed, unsent))
    elif code_in(argument) is not None:
        address = await ctx.port.run(email_service.verify_code, ctx.service, person, argument)
        await message.answer(email_texts.linked(address))
    else:
        sent = await ctx.port.run(email_service.request_code, ctx.service, person, argument)
        await message.answer(email_texts.code_sent(sent))
