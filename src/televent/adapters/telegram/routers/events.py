"""/event, /invite, /attendees and /cancel <id>: one event and the people in it."""

from __future__ import annotations

from html import escape
from uuid import UUID

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext
from ..service import Person

router = Router(name="events")


@router.message(Command("event"))
async def event(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """The details card with its buttons."""
    if not command.args:
        await message.answer("Which event? e.g. <code>/event a1b2c3</code> — ids are in /list.")
        return
    details = await ctx.port.run(ctx.service.event, person, command.args.split()[0])
    await message.answer(
        texts.details(details, texts.zone(account.timezone)),
        reply_markup=keyboards.event_actions(
            details.event_id,
            owned=details.owned,
            invited=details.my_address is not None,
            open_url=ctx.open_url(details.event_id),
        ),
    )


@router.message(Command("invite"))
async def invite(message: Message, command: CommandObject, person: Person, ctx: BotContext) -> None:
    """`/invite <id> @username 123456 someone@example.com`."""
    words = (command.args or "").replace(",", " ").split()
    if len(words) < 2:
        await message.answer(
            "Invite whom to what? e.g. <code>/invite a1b2c3 @anna bob@example.com</code>"
        )
        return
    outcome = await ctx.port.run(ctx.service.invite, person, words[0], words[1:])
    await message.answer("\n".join(escape(line) for line in outcome))


@router.message(Command("attendees"))
async def attendees(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """Who accepted, declined, or hasn't answered."""
    if not command.args:
        await message.answer("Which event? e.g. <code>/attendees a1b2c3</code>")
        return
    details = await ctx.port.run(ctx.service.event, person, command.args.split()[0])
    await message.answer(texts.attendees_summary(details))


@router.message(Command("cancel"))
async def cancel_event(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/cancel <id>`: ask, then cancel the user's own event."""
    reference = (command.args or "").split()[0]
    details = await ctx.port.run(ctx.service.event, person, reference)
    if not details.owned:
        await message.answer(
            "You can only cancel your own events; to say you won't come, use "
            f"<code>/rsvp decline {details.short_id}</code>."
        )
        return
    await message.answer(
        f"Cancel <b>{escape(details.summary)}</b> "
        f"({escape(texts.when(details.start, details.end, texts.zone(account.timezone)))})? "
        "Everyone invited will be told.",
        reply_markup=keyboards.confirm_cancel(details.event_id),
    )


@router.callback_query(keyboards.EventAction.filter())
async def event_button(
    query: CallbackQuery,
    callback_data: keyboards.EventAction,
    account: AccountView,
    person: Person,
    ctx: BotContext,
) -> None:
    """Invite / cancel / export buttons under an event."""
    event_id = UUID(hex=callback_data.event)
    message = query.message if isinstance(query.message, Message) else None
    tz = texts.zone(account.timezone)
    if callback_data.action == "invite":
        details = await ctx.port.run(ctx.service.event_by_id, person, event_id)
        await query.answer()
        if message is not None:
            await message.answer(
                f"Send <code>/invite {details.short_id} @username</code> "
                "(or a Telegram id or an email address; several at once are fine)."
            )
    elif callback_data.action == "cancel":
        details = await ctx.port.run(ctx.service.event_by_id, person, event_id)
        await query.answer()
        if message is not None:
            await message.answer(
                f"Cancel <b>{escape(details.summary)}</b>? Everyone invited will be told.",
                reply_markup=keyboards.confirm_cancel(event_id),
            )
    elif callback_data.action == "cancel_yes":
        details = await ctx.port.run(ctx.service.cancel, person, event_id.hex)
        await query.answer("Cancelled")
        if message is not None:
            await message.edit_text(
                f"❌ <b>{escape(details.summary)}</b> "
                f"({escape(texts.when(details.start, details.end, tz))}) is cancelled."
            )
    elif callback_data.action == "keep":
        await query.answer("Kept")
        if message is not None:
            await message.edit_text("👍 Kept as it is.")
    elif callback_data.action == "export":
        data = await ctx.port.run(ctx.service.event_ics, person, event_id)
        await query.answer()
        if message is not None:
            await message.answer_document(
                BufferedInputFile(data, filename=f"event-{event_id.hex[:6]}.ics"),
                caption="Open it to add the event to another calendar.",
            )
    else:
        await query.answer("That button is no longer valid.", show_alert=True)
