"""/rsvp and the card's ✅ ❔ ❌ buttons: answer as the user who tapped, never anyone else."""

from __future__ import annotations

from html import escape
from uuid import UUID

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from televent.domain.values import PartStat
from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext, edit
from ..service import Person

router = Router(name="rsvp")
WORDS = {
    "accept": PartStat.ACCEPTED,
    "yes": PartStat.ACCEPTED,
    "accepted": PartStat.ACCEPTED,
    "tentative": PartStat.TENTATIVE,
    "maybe": PartStat.TENTATIVE,
    "decline": PartStat.DECLINED,
    "no": PartStat.DECLINED,
    "declined": PartStat.DECLINED,
}


@router.message(Command("rsvp"))
async def rsvp(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/rsvp accept a1b2c3` (either order)."""
    words = (command.args or "").lower().split()
    answer = next((WORDS[w] for w in words if w in WORDS), None)
    references = [w for w in words if w not in WORDS]
    if answer is None or not references:
        await message.answer(
            "Answer how, and to what? e.g. <code>/rsvp accept a1b2c3</code> "
            "(accept, tentative or decline)."
        )
        return
    event_id = await ctx.port.run(ctx.service.resolve, person, references[0])
    details = await ctx.port.run(ctx.service.rsvp, person, event_id, answer)
    await message.answer(
        f"{texts.ANSWERS[answer.value]}: <b>{escape(details.summary)}</b>. "
        "The organizer has been told."
    )


@router.callback_query(keyboards.Rsvp.filter())
async def tapped(
    query: CallbackQuery,
    callback_data: keyboards.Rsvp,
    account: AccountView,
    person: Person,
    ctx: BotContext,
) -> None:
    """A tap on a card: record the answer, show it on the card, keep the buttons."""
    partstat = PartStat(keyboards.ANSWER_CODES.get(callback_data.answer, "NEEDS-ACTION"))
    if partstat is PartStat.NEEDS_ACTION:
        await query.answer("That button is no longer valid.", show_alert=True)
        return
    event_id = UUID(hex=callback_data.event)
    details = await ctx.port.run(ctx.service.rsvp, person, event_id, partstat)
    await query.answer(texts.ANSWERS[partstat.value])
    if isinstance(query.message, Message):
        tz = texts.zone(account.timezone)
        await edit(
            query.message,
            texts.details(details, tz),
            keyboards.rsvp(event_id, partstat.value, open_url=ctx.open_url(event_id)),
        )


@router.callback_query(keyboards.Counter.filter())
async def counter_answered(
    query: CallbackQuery,
    callback_data: keyboards.Counter,
    account: AccountView,
    person: Person,
    ctx: BotContext,
) -> None:
    """The organizer accepts or declines a proposed new time (an email COUNTER)."""
    summary = await ctx.port.run(
        ctx.service.answer_counter, person, callback_data.counter, callback_data.accept
    )
    done = (
        f"✅ <b>{escape(summary)}</b> moved to the proposed time; everyone is told."
        if callback_data.accept
        else f"👌 <b>{escape(summary)}</b> keeps its time; the proposer is told."
    )
    await query.answer("Done")
    if isinstance(query.message, Message):
        await edit(query.message, done, None)
