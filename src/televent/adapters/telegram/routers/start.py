"""/start, /help, /timezone and /reminder: registration and settings."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from televent.adapters.i18n import t
from televent.projections.queries import AccountView

from .. import email_service, email_texts, keyboards, texts
from ..context import BotContext
from ..parsing import (
    ParseProblem,
    ascii_digits,
    is_bare_minutes,
    looks_like_duration,
    parse_duration,
    resolve_timezone,
)
from ..service import Person
from .mini_app import label_menu_button

router = Router(name="start")


class AskZone(StatesGroup):
    """Waiting for the user to type a city or zone name."""

    typing = State()


@router.message(CommandStart())
async def start(
    message: Message, account: AccountView, person: Person, ctx: BotContext, state: FSMContext
) -> None:
    """Welcome (again), and ask for the time zone."""
    await state.clear()
    address = await ctx.port.run(email_service.invite_address, ctx.service, person)
    welcome = texts.welcome(account.name)
    await message.answer(f"{welcome}\n{email_texts.invite_line(address)}")
    await _ask_zone(message, account, state)
    if message.chat.type == "private":
        await label_menu_button(message.bot, ctx, message.chat.id)


@router.message(Command("help"))
async def help_command(message: Message) -> None:
    """Every command with an example."""
    await message.answer(texts.help_text())


@router.message(Command("timezone"))
async def timezone_command(
    message: Message,
    command: CommandObject,
    account: AccountView,
    person: Person,
    ctx: BotContext,
    state: FSMContext,
) -> None:
    """`/timezone Berlin` sets it; `/timezone` alone asks."""
    if command.args:
        await _set_zone(message, person, ctx, command.args, state)
    else:
        await _ask_zone(message, account, state)


@router.message(AskZone.typing, F.text, ~F.text.startswith("/"))
async def zone_typed(message: Message, person: Person, ctx: BotContext, state: FSMContext) -> None:
    """A city or zone name typed after being asked."""
    await _set_zone(message, person, ctx, message.text or "", state)


@router.callback_query(keyboards.Zone.filter())
async def zone_chosen(
    query: CallbackQuery,
    callback_data: keyboards.Zone,
    person: Person,
    ctx: BotContext,
    state: FSMContext,
) -> None:
    """A zone button."""
    zone = resolve_timezone(callback_data.name)
    await ctx.port.run(ctx.service.set_timezone, person, zone)
    await state.clear()
    await query.answer(t("bot-zone-tapped", zone=zone))
    if isinstance(query.message, Message):
        await query.message.edit_text(_zone_set_text(zone))


@router.message(Command("reminder"))
async def reminder_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/reminder 30`: remind 30 minutes before events (0 turns reminders off)."""
    minutes = _minutes((command.args or "").strip())
    if minutes is None:
        await message.answer(t("bot-reminder-current", minutes=account.reminder_minutes))
        return
    await ctx.port.run(ctx.service.set_reminder, person, minutes)
    await message.answer(t("bot-reminder-set", minutes=minutes))


def _minutes(text: str) -> int | None:
    """ "30", "30m", "30 мин", "1h" as minutes (0 too: reminders off); None for anything else."""
    if is_bare_minutes(text):
        return int(ascii_digits(text))
    if not looks_like_duration(text):
        return None
    try:
        return round(parse_duration(text).total_seconds() / 60)
    except ParseProblem:
        return None


async def _ask_zone(message: Message, account: AccountView, state: FSMContext) -> None:
    await state.set_state(AskZone.typing)
    await message.answer(
        t("bot-zone-ask", zone=escape(account.timezone)), reply_markup=keyboards.zones()
    )


async def _set_zone(
    message: Message, person: Person, ctx: BotContext, text: str, state: FSMContext
) -> None:
    try:
        zone = resolve_timezone(text)
    except ParseProblem as problem:
        markup = None
        if problem.suggestions:
            markup = keyboards.zones([(name, name) for name in problem.suggestions])
        await message.answer(escape(str(problem)), reply_markup=markup)
        return
    await ctx.port.run(ctx.service.set_timezone, person, zone)
    await state.clear()
    await message.answer(_zone_set_text(zone))


def _zone_set_text(zone: str) -> str:
    return t("bot-zone-set", zone=escape(zone))
