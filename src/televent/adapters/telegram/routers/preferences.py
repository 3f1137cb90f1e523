"""/agenda, /quiet and /settings: the morning agenda and notification preferences, and the
answer buttons under a morning agenda."""

from __future__ import annotations

from uuid import UUID

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from televent.adapters.i18n import t
from televent.domain.errors import DomainError
from televent.domain.values import PartStat
from televent.projections.queries import AccountView

from .. import email_service, email_texts, keyboards, settings_view, texts
from ..context import BotContext, edit
from ..service import Person

router = Router(name="preferences")


async def _set_from_argument(
    message: Message,
    command: CommandObject,
    account: AccountView,
    person: Person,
    ctx: BotContext,
    *,
    preference: str,
    how: str,
) -> AccountView | None:
    """Set one preference from the command's argument; the account as it is then, or None
    when the argument was refused (the user was told `how` to write it)."""
    args = (command.args or "").strip()
    if not args:
        return account
    try:
        changed: AccountView = await ctx.port.run(
            ctx.service.set_preferences, person, {preference: args}
        )
    except DomainError:
        await message.answer(f"⚠️ {how}")
        return None
    return changed


@router.message(Command("agenda"))
async def agenda_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/agenda 07:30` every morning at 07:30 local; `/agenda off`; `/agenda` says when."""
    current = await _set_from_argument(
        message, command, account, person, ctx,
        preference="agenda_time",
        how=t("bot-agenda-how"),
    )  # fmt: skip
    if current is not None:
        text = settings_view.agenda_status(current.preferences, current.timezone, ctx.clock())
        await message.answer(text)


@router.message(Command("quiet"))
async def quiet_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/quiet 22:00-07:00`: messages wait until the quiet hours end; `/quiet off`."""
    current = await _set_from_argument(
        message, command, account, person, ctx,
        preference="quiet_hours",
        how=t("bot-quiet-how"),
    )  # fmt: skip
    if current is None:
        return
    await message.answer(settings_view.quiet_status(current.preferences, current.timezone))


@router.message(Command("settings"))
async def settings_command(
    message: Message, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """The person's addresses (email_texts.py), then every notification preference as a
    button."""
    addresses = await ctx.port.run(email_service.status, ctx.service, person)
    await message.answer(email_texts.settings_text(addresses))
    await message.answer(
        settings_view.settings_text(account.timezone, account.preferences, account.emails),
        reply_markup=settings_view.settings_keyboard(account.preferences, account.reminder_minutes),
    )


@router.callback_query(settings_view.Pref.filter())
async def setting_tapped(
    query: CallbackQuery, callback_data: settings_view.Pref, person: Person, ctx: BotContext
) -> None:
    """A settings button: set what it shows, then show the keyboard again."""
    changes = settings_view.decode(callback_data)
    if not changes:
        await query.answer(t("bot-stale-button"), show_alert=True)
        return
    account = await ctx.port.run(ctx.service.set_preferences, person, changes)
    await query.answer(t("bot-saved-tapped"))
    if isinstance(query.message, Message):
        await edit(
            query.message,
            settings_view.settings_text(account.timezone, account.preferences, account.emails),
            settings_view.settings_keyboard(account.preferences, account.reminder_minutes),
        )


@router.callback_query(settings_view.AgendaAnswer.filter())
async def agenda_answered(
    query: CallbackQuery,
    callback_data: settings_view.AgendaAnswer,
    person: Person,
    ctx: BotContext,
) -> None:
    """An answer from the agenda: recorded, and that invitation's buttons removed."""
    partstat = PartStat(keyboards.ANSWER_CODES.get(callback_data.answer, "NEEDS-ACTION"))
    if partstat is PartStat.NEEDS_ACTION:
        await query.answer(t("bot-stale-button"), show_alert=True)
        return
    details = await ctx.port.run(ctx.service.rsvp, person, UUID(hex=callback_data.event), partstat)
    await query.answer(f"{details.summary[:150]}: {texts.answer_text(partstat.value)}")
    if isinstance(query.message, Message):
        markup = settings_view.without_event(query.message.reply_markup, callback_data.event)
        await query.message.edit_reply_markup(reply_markup=markup)
