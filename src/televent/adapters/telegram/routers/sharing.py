"""/share, /calendars, /unshare, /leave and the [Add to my calendars] [Decline] buttons:
calendars people share (docs/adr/0017; roles in domain/sharing.py).

`/share family @anna [read|write|manage]` invites a Televent user (the role is `write` unless
given); they get a card through the delivery queue and nothing is shared until they add it.
`/calendars` lists the person's calendars with their role and shows the open invitations
again, with their buttons; `/calendars family` lists who has one calendar. The buttons answer
for the person who tapped, never for anyone the button names.
"""

from __future__ import annotations

import logging
from uuid import UUID

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from televent.adapters.i18n import said
from televent.domain.errors import TeleventError

from .. import keyboards, sharing_service, sharing_texts
from ..context import BotContext, edit
from ..service import Person

router = Router(name="sharing")
LOG = logging.getLogger(__name__)


@router.message(Command("share"))
async def share(message: Message, command: CommandObject, person: Person, ctx: BotContext) -> None:
    """`/share <calendar> <@username|telegram id> [read|write|manage]`."""
    words = (command.args or "").split()
    if not words:
        await message.answer(sharing_texts.share_usage())
        return
    result = await ctx.port.run(sharing_service.share, ctx.service, person, words)
    await message.answer(
        sharing_texts.shared(result.outcome, result.member_name, result.calendar_name, result.role)
    )


@router.message(Command("calendars"))
async def calendars(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """Alone: every calendar with the person's role, then the invitations' cards again; with a
    name: who has that calendar."""
    name = (command.args or "").strip()
    if name:
        shown, people = await ctx.port.run(sharing_service.members, ctx.service, person, name)
        await message.answer(sharing_texts.members(shown, people))
        return
    found = await ctx.port.run(sharing_service.overview, ctx.service, person)
    await message.answer(
        sharing_texts.overview(found.own, found.shared, [s for _, s in found.invited])
    )
    for calendar_id, shared in found.invited[: sharing_texts.MAX_CARDS]:
        await message.answer(
            sharing_texts.invitation_card(shared),
            reply_markup=keyboards.calendar_invitation(calendar_id),
        )


@router.message(Command("unshare"))
async def unshare(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """`/unshare <calendar> <@username|telegram id>`: a member or an open invitation goes."""
    words = (command.args or "").split()
    if not words:
        await message.answer(sharing_texts.unshare_usage())
        return
    member, calendar = await ctx.port.run(sharing_service.unshare, ctx.service, person, words)
    await message.answer(sharing_texts.unshared(member, calendar))


@router.message(Command("leave"))
async def leave(message: Message, command: CommandObject, person: Person, ctx: BotContext) -> None:
    """`/leave <calendar>`: a calendar someone shares with the person goes from theirs."""
    name = (command.args or "").strip()
    if not name:
        await message.answer(sharing_texts.leave_usage())
        return
    calendar = await ctx.port.run(sharing_service.leave, ctx.service, person, name)
    await message.answer(sharing_texts.left(calendar))


@router.callback_query(keyboards.CalendarAnswer.filter())
async def answered(
    query: CallbackQuery,
    callback_data: keyboards.CalendarAnswer,
    person: Person,
    ctx: BotContext,
) -> None:
    """A tap on [Add to my calendars] or [Decline]: the card then shows the outcome. A tap
    nobody may answer (another person's card, an answered or withdrawn invitation) gets an
    alert and changes nothing."""
    try:
        calendar_id = UUID(hex=callback_data.calendar)
    except ValueError:
        await query.answer(sharing_texts.invitation_gone(), show_alert=True)
        return
    try:
        done = await ctx.port.run(
            sharing_service.answer, ctx.service, person, calendar_id, callback_data.accept
        )
    except TeleventError as exc:
        await query.answer(said(exc)[:200], show_alert=True)
        return
    await query.answer(sharing_texts.tapped(done.accepted))
    if isinstance(query.message, Message):
        text = (
            sharing_texts.added(done.calendar)
            if done.accepted
            else sharing_texts.declined(done.calendar)
        )
        try:
            await edit(query.message, text)
        except TelegramBadRequest as exc:  # the card is gone: the answer stands all the same
            LOG.info("Could not show the answer on the card: %s", exc)
