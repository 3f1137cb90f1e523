"""/export (the calendar as .ics) and /deleteaccount (scheduled erasure, cancellable)."""

from __future__ import annotations

import datetime as dt

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

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
        caption="📤 Your calendar. Open it in any calendar app to import it."
        + texts.left_out(left_out, "could not be exported"),
    )


@router.message(Command("deleteaccount"))
async def delete_account(message: Message, account: AccountView) -> None:
    """Ask first; erasure happens after the grace period and can be cancelled until then."""
    if account.erasure_due:
        await message.answer(
            f"Your data is already scheduled for erasure on {account.erasure_due}. "
            "Send /keepaccount to cancel that."
        )
        return
    await message.answer(
        "⚠️ Erase your account? Your calendar, devices and answers will be erased after a "
        "30-day grace period; until then you can change your mind with /keepaccount.",
        reply_markup=keyboards.confirm_erasure(),
    )


@router.callback_query(keyboards.Erase.filter())
async def erase_confirmed(
    query: CallbackQuery, callback_data: keyboards.Erase, person: Person, ctx: BotContext
) -> None:
    """The answer to the confirmation."""
    message = query.message if isinstance(query.message, Message) else None
    if not callback_data.confirm:
        await query.answer("Kept")
        if message is not None:
            await edit(message, "👍 Nothing will be erased.")
        return
    due = await ctx.port.run(ctx.service.request_erasure, person)
    await query.answer("Scheduled")
    day = dt.date.fromisoformat(due)
    if message is not None:
        await edit(
            message,
            f"🗑 Your data will be erased on <b>{day:%d %B %Y}</b>. "
            "Changed your mind? Send /keepaccount before then.",
        )


@router.message(Command("keepaccount"))
async def keep_account(
    message: Message, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """Withdraw a scheduled erasure."""
    if not account.erasure_due:
        await message.answer("Nothing is scheduled for erasure. 👍")
        return
    await ctx.port.run(ctx.service.cancel_erasure, person)
    await message.answer("✅ Erasure cancelled; your account stays.")
