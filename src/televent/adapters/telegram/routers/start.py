"""/start, /help, /timezone and /reminder: registration and settings."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from televent.projections.queries import AccountView

from .. import email_service, email_texts, keyboards, texts
from ..context import BotContext
from ..parsing import ParseProblem, resolve_timezone
from ..service import Person

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
    welcome = texts.WELCOME.format(name=escape(account.name))
    await message.answer(f"{welcome}\n{email_texts.invite_line(address)}")
    await _ask_zone(message, account, state)


@router.message(Command("help"))
async def help_command(message: Message) -> None:
    """Every command with an example."""
    await message.answer(texts.HELP)


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
    await query.answer(f"Time zone: {zone}")
    if isinstance(query.message, Message):
        await query.message.edit_text(_zone_set_text(zone))


@router.message(Command("reminder"))
async def reminder_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/reminder 30`: remind 30 minutes before events (0 turns reminders off)."""
    args = (command.args or "").strip().lower().removesuffix("m").removesuffix("min").strip()
    if not args.isdigit():
        await message.answer(
            f"I remind you {account.reminder_minutes} minutes before events. "
            "Change it with <code>/reminder 30</code> (0 turns reminders off)."
        )
        return
    await ctx.port.run(ctx.service.set_reminder, person, int(args))
    minutes = int(args)
    await message.answer(
        "Reminders are off." if minutes == 0 else f"⏰ I'll remind you {minutes} minutes before."
    )


async def _ask_zone(message: Message, account: AccountView, state: FSMContext) -> None:
    await state.set_state(AskZone.typing)
    await message.answer(
        f"🌍 Your time zone is <b>{escape(account.timezone)}</b>. Tap yours, or type a "
        "city (e.g. <i>Berlin</i>, <i>New York</i>) or a zone name:",
        reply_markup=keyboards.zones(),
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
    return (
        f"✅ Time zone set to <b>{escape(zone)}</b>. "
        "Try <code>/create Lunch, tomorrow 13:00</code> or /help."
    )
