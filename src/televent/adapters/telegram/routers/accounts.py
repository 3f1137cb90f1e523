"""/export (the calendar as .ics) and /deleteaccount (scheduled erasure, cancellable)."""

from __future__ import annotations

import datetime as dt

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import day_with_year
from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext, edit
from ..service import Person

router = Router(name="accounts")


@router.message(Command("export"))
async def export(message: Message, account: AccountView, person: Person, ctx: BotContext) -> None:
    """Send the whole calendar as one .ics document."""
    data, left_out = await ctx.port.run(ctx.service.export, person)
    stamp = ctx.clock().date().isoformat()
    await message.answer_document(
        BufferedInputFile(data, filename=f"televent-{stamp}.ics"),
        caption=t("bot-export-caption") + texts.left_out(left_out, exported=True),
    )


@router.message(Command("deleteaccount"))
async def delete_account(message: Message, account: AccountView) -> None:
    """Ask first; erasure happens after the grace period and can be cancelled until then."""
    if account.erasure_due:
        await message.answer(t("bot-erase-already", day=_day(account.erasure_due)))
        return
    await message.answer(t("bot-erase-ask"), reply_markup=keyboards.confirm_erasure())


def _day(iso: str) -> str:
    """An erasure's day (ISO) as the person reads dates: "Mar 31, 2026"."""
    try:
        return day_with_year(dt.date.fromisoformat(iso[:10]), current_language())
    except ValueError:
        return iso


@router.callback_query(keyboards.Erase.filter())
async def erase_confirmed(
    query: CallbackQuery, callback_data: keyboards.Erase, person: Person, ctx: BotContext
) -> None:
    """The answer to the confirmation."""
    message = query.message if isinstance(query.message, Message) else None
    if not callback_data.confirm:
        await query.answer(t("bot-kept-tapped"))
        if message is not None:
            await edit(message, t("bot-erase-kept"))
        return
    due = await ctx.port.run(ctx.service.request_erasure, person)
    await query.answer(t("bot-erase-scheduled-tapped"))
    if message is not None:
        await edit(message, t("bot-erase-scheduled", day=_day(due)))


@router.message(Command("keepaccount"))
async def keep_account(
    message: Message, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """Withdraw a scheduled erasure."""
    if not account.erasure_due:
        await message.answer(t("bot-erase-nothing"))
        return
    await ctx.port.run(ctx.service.cancel_erasure, person)
    await message.answer(t("bot-erase-cancelled"))
