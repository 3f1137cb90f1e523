"""/event, /invite, /attendees and /cancel <id>: one event and the people in it."""

from __future__ import annotations

from html import escape
from uuid import UUID

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from televent.adapters.i18n import t
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
        await message.answer(t("bot-event-which", command=texts.code("/event a1b2c3")))
        return
    details = await ctx.port.run(ctx.service.event, person, command.args.split()[0])
    await message.answer(
        texts.details(details, texts.zone(account.timezone), account.preferences.hour_cycle),
        reply_markup=keyboards.event_actions(
            details.event_id,
            owned=details.owned and details.changeable,
            invited=details.my_address is not None,
            open_url=ctx.open_url(details.event_id),
        ),
    )


@router.message(Command("invite"))
async def invite(message: Message, command: CommandObject, person: Person, ctx: BotContext) -> None:
    """`/invite <id> @username 123456 someone@example.com`."""
    words = (command.args or "").replace(",", " ").split()
    if len(words) < 2:
        example = texts.code("/invite a1b2c3 @anna bob@example.com")
        await message.answer(t("bot-invite-usage", command=example))
        return
    outcome = await ctx.port.run(ctx.service.invite, person, words[0], words[1:])
    await message.answer("\n".join(escape(line) for line in outcome))


@router.message(Command("attendees"))
async def attendees(
    message: Message, command: CommandObject, person: Person, ctx: BotContext
) -> None:
    """Who accepted, declined, or hasn't answered."""
    if not command.args:
        await message.answer(t("bot-event-which", command=texts.code("/attendees a1b2c3")))
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
        decline = texts.code(f"/rsvp decline {details.short_id}")
        await message.answer(t("bot-cancel-not-yours", command=decline))
        return
    await ctx.port.run(ctx.service.require_change, person, details.event_id)
    tz, cycle = texts.zone(account.timezone), account.preferences.hour_cycle
    moment = texts.when(details.start, details.end, tz, hour_cycle=cycle)
    await message.answer(
        t("bot-cancel-ask-when", title=texts.shown(details.summary), when=escape(moment)),
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
    tz, cycle = texts.zone(account.timezone), account.preferences.hour_cycle
    if callback_data.action == "invite":
        details = await ctx.port.run(ctx.service.event_by_id, person, event_id)
        await query.answer()
        if message is not None:
            command = texts.code(f"/invite {details.short_id} @username")
            await message.answer(t("bot-invite-how", command=command))
    elif callback_data.action == "cancel":
        details = await ctx.port.run(ctx.service.event_by_id, person, event_id)
        await query.answer()
        if message is not None:
            await message.answer(
                t("bot-cancel-ask", title=texts.shown(details.summary)),
                reply_markup=keyboards.confirm_cancel(event_id),
            )
    elif callback_data.action == "cancel_yes":
        details = await ctx.port.run(ctx.service.cancel, person, event_id.hex)
        await query.answer(t("bot-cancel-tapped"))
        if message is not None:
            moment = texts.when(details.start, details.end, tz, hour_cycle=cycle)
            await message.edit_text(
                t("bot-cancel-done", title=texts.shown(details.summary), when=escape(moment))
            )
    elif callback_data.action == "keep":
        await query.answer(t("bot-kept-tapped"))
        if message is not None:
            await message.edit_text(t("bot-cancel-kept"))
    elif callback_data.action == "export":
        data = await ctx.port.run(ctx.service.event_ics, person, event_id)
        await query.answer()
        if message is not None:
            await message.answer_document(
                BufferedInputFile(data, filename=f"event-{event_id.hex[:6]}.ics"),
                caption=t("bot-event-ics-caption"),
            )
    else:
        await query.answer(t("bot-stale-button"), show_alert=True)
