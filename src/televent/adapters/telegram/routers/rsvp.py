"""/rsvp and the card's ✅ ❔ ❌ buttons: answer as the user who tapped, never anyone else."""

from __future__ import annotations

from uuid import UUID

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from televent.adapters.i18n import t
from televent.domain.values import PartStat
from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext, edit
from ..parsing import word_list
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
    known = _words()
    answer = next((known[w] for w in words if w in known), None)
    references = [w for w in words if w not in known]
    if answer is None or not references:
        await message.answer(t("bot-rsvp-usage", command=texts.code("/rsvp accept a1b2c3")))
        return
    event_id = await ctx.port.run(ctx.service.resolve, person, references[0])
    details = await ctx.port.run(ctx.service.rsvp, person, event_id, answer)
    await message.answer(
        t(
            "bot-rsvp-done",
            answer=texts.answer_text(answer.value),
            title=texts.shown(details.summary),
        )
    )


def _words() -> dict[str, PartStat]:
    """The answers /rsvp understands: English, and the words of the person's language."""
    found = dict(WORDS)
    for message, partstat in (
        (t("bot-rsvp-words-accept"), PartStat.ACCEPTED),
        (t("bot-rsvp-words-tentative"), PartStat.TENTATIVE),
        (t("bot-rsvp-words-decline"), PartStat.DECLINED),
    ):
        for word in word_list(message):
            found.setdefault(word, partstat)
    return found


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
        await query.answer(t("bot-stale-button"), show_alert=True)
        return
    event_id = UUID(hex=callback_data.event)
    details = await ctx.port.run(ctx.service.rsvp, person, event_id, partstat)
    await query.answer(texts.answer_text(partstat.value))
    if isinstance(query.message, Message):
        tz = texts.zone(account.timezone)
        await edit(
            query.message,
            texts.details(details, tz, account.preferences.hour_cycle),
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
    title = texts.shown(summary) if summary else t("bot-no-title")
    done = (
        t("bot-counter-accepted", title=title)
        if callback_data.accept
        else t("bot-counter-declined", title=title)
    )
    await query.answer(t("bot-done-tapped"))
    if isinstance(query.message, Message):
        await edit(query.message, done, None)
