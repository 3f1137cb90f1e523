"""/create: one line or a short dialogue, then a confirmation card before saving.

The dialogue asks for the title, the time, the length, the place and a description (the
event's DESCRIPTION); the last three can be skipped with a word of the person's language
("skip", "нет", "omitir", ...). Dates are read in the person's language and English
(parsing.py); the card shows them in their language, zone and clock.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import duration as duration_words
from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext
from ..parsing import (
    DEFAULT_DURATION,
    NewEvent,
    ParseProblem,
    parse_create_line,
    parse_duration,
    parse_when_detailed,
    word_list,
)
from ..service import Person

router = Router(name="create")
SKIP_WORDS = {"-", "–", "no", "none", "skip", "nothing", "/skip"}
MAX_DESCRIPTION = 2000


def _skipped(text: str) -> bool:
    """Whether the answer skips an optional step, in English or the person's language."""
    said = " ".join(text.lower().split())
    return said in SKIP_WORDS or said in word_list(t("bot-create-skip-words"))


class Creating(StatesGroup):
    """The /create dialogue."""

    title = State()
    when = State()
    duration = State()
    location = State()
    description = State()
    confirm = State()


class Confirm(CallbackData, prefix="new"):
    """Save or discard the event being created."""

    save: bool


@router.message(Command("cancel"), ~F.text.regexp(r"^/cancel(@\w+)?\s+\S"))
async def leave_dialogue(message: Message, state: FSMContext) -> None:
    """`/cancel` alone leaves whatever dialogue is going on."""
    left = await state.get_state() is not None
    await state.clear()
    await message.answer(t("bot-dialogue-left") if left else t("bot-dialogue-none"))


@router.message(Command("create"))
async def create(
    message: Message,
    command: CommandObject,
    account: AccountView,
    ctx: BotContext,
    state: FSMContext,
) -> None:
    """With arguments: parse the line; without: start the dialogue."""
    await state.clear()
    if not command.args:
        await state.set_state(Creating.title)
        await message.answer(t("bot-create-ask-title"))
        return
    new = parse_create_line(command.args, account.timezone, ctx.clock())
    await _confirm(message, new, account, state)


@router.message(Creating.title, F.text, ~F.text.startswith("/"))
async def got_title(message: Message, state: FSMContext) -> None:
    title = (message.text or "").strip()
    if not title or len(title) > 200:
        await message.answer(t("bot-create-title-length"))
        return
    await state.update_data(title=title)
    await state.set_state(Creating.when)
    await message.answer(t("bot-create-ask-when"))


@router.message(Creating.when, F.text, ~F.text.startswith("/"))
async def got_when(
    message: Message, account: AccountView, ctx: BotContext, state: FSMContext
) -> None:
    try:
        start, has_time = parse_when_detailed(message.text or "", account.timezone, ctx.clock())
    except ParseProblem as problem:
        await message.answer(f"{escape(str(problem))}\n{t('bot-create-when-again')}")
        return
    await state.update_data(start=start.isoformat(), has_time=has_time)
    await state.set_state(Creating.duration)
    default = DEFAULT_DURATION if has_time else dt.timedelta(days=1)
    length = duration_words(round(default.total_seconds() / 60), current_language())
    await message.answer(t("bot-create-ask-duration", default=length))


@router.message(Creating.duration, F.text, ~F.text.startswith("/"))
async def got_duration(message: Message, state: FSMContext) -> None:
    text = (message.text or "").strip()
    data = await state.get_data()
    if _skipped(text):
        duration = DEFAULT_DURATION if data["has_time"] else dt.timedelta(days=1)
    else:
        try:
            duration = parse_duration(text, bare_minutes=True)
        except ParseProblem as problem:
            await message.answer(f"{escape(str(problem))}\n{t('bot-create-duration-again')}")
            return
    await state.update_data(minutes=duration.total_seconds() / 60)
    await state.set_state(Creating.location)
    await message.answer(t("bot-create-ask-location"))


@router.message(Creating.location, F.text, ~F.text.startswith("/"))
async def got_location(message: Message, state: FSMContext) -> None:
    text = (message.text or "").strip()
    await state.update_data(location=None if _skipped(text) else text[:500])
    await state.set_state(Creating.description)
    await message.answer(t("bot-create-ask-description"))


@router.message(Creating.description, F.text, ~F.text.startswith("/"))
async def got_description(message: Message, account: AccountView, state: FSMContext) -> None:
    text = (message.text or "").strip()
    data = await state.get_data()
    start = dt.datetime.fromisoformat(data["start"])
    duration = dt.timedelta(minutes=data["minutes"])
    all_day = not data["has_time"]
    if all_day:
        days = max(1, round(duration / dt.timedelta(days=1)))
        end = (start + dt.timedelta(days=days)).replace(tzinfo=start.tzinfo)
    else:
        end = (start.astimezone(dt.UTC) + duration).astimezone(start.tzinfo)
    new = NewEvent(
        title=data["title"],
        start=start,
        end=end,
        location=data.get("location"),
        all_day=all_day,
        description=None if _skipped(text) else text[:MAX_DESCRIPTION],
    )
    await _confirm(message, new, account, state)


@router.callback_query(Confirm.filter())
async def confirmed(
    query: CallbackQuery,
    callback_data: Confirm,
    account: AccountView,
    person: Person,
    ctx: BotContext,
    state: FSMContext,
) -> None:
    """Save (or drop) the event shown on the confirmation card."""
    data = await state.get_data()
    pending = data.get("pending")
    await state.clear()
    message = query.message if isinstance(query.message, Message) else None
    if not callback_data.save or pending is None:
        await query.answer(t("bot-create-discarded") if pending else t("bot-create-expired"))
        if message is not None:
            await message.edit_text(t("bot-create-not-saved"))
        return
    new = _decode(pending)
    event = await ctx.port.run(ctx.service.create_event, person, new, now=ctx.clock())
    await query.answer(t("bot-create-saved-tap"))
    tz = texts.zone(account.timezone)
    if message is not None:
        card = texts.details(event, tz, account.preferences.hour_cycle)
        invite = texts.code(f"/invite {event.short_id} @username")
        await message.edit_text(
            t("bot-create-saved", card=card, command=invite),
            reply_markup=keyboards.event_actions(
                event.event_id, owned=True, invited=False, open_url=ctx.open_url(event.event_id)
            ),
        )


@router.message(Creating.confirm, F.text, ~F.text.startswith("/"))
async def pending_confirmation(message: Message) -> None:
    await message.answer(t("bot-create-pending"))


async def _confirm(
    message: Message, new: NewEvent, account: AccountView, state: FSMContext
) -> None:
    tz = texts.zone(account.timezone)
    cycle = account.preferences.hour_cycle
    if new.all_day:
        moment = texts.when(new.start.date(), new.end.date(), tz)
    else:
        minutes = round((new.end - new.start).total_seconds() / 60)
        moment = t(
            "bot-create-when-long",
            when=texts.when(new.start, new.end, tz, hour_cycle=cycle),
            length=duration_words(minutes, current_language()),
        )
    lines = [t("bot-create-confirm"), f"<b>{texts.shown(new.title)}</b>", f"🕒 {escape(moment)}"]
    if new.location:
        lines.append(f"📍 {texts.shown(new.location)}")
    if new.description:
        lines.append(f"📝 {texts.shown(new.description, texts.NOTE_SHOWN)}")
    lines.append(f"🌍 {escape(account.timezone)}")
    await state.set_state(Creating.confirm)
    await state.update_data(pending=_encode(new))
    await message.answer(
        "\n".join(lines),
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(
                        text=t("bot-button-save"), callback_data=Confirm(save=True).pack()
                    ),
                    InlineKeyboardButton(
                        text=t("bot-button-discard"), callback_data=Confirm(save=False).pack()
                    ),
                ]
            ]
        ),
    )


def _encode(new: NewEvent) -> dict[str, Any]:
    return {
        "title": new.title,
        "start": new.start.isoformat(),
        "end": new.end.isoformat(),
        "zone": str(new.start.tzinfo),
        "location": new.location,
        "all_day": new.all_day,
        "description": new.description,
    }


def _decode(data: dict[str, Any]) -> NewEvent:
    zone = texts.zone(data["zone"])
    return NewEvent(
        title=data["title"],
        start=dt.datetime.fromisoformat(data["start"]).astimezone(zone),
        end=dt.datetime.fromisoformat(data["end"]).astimezone(zone),
        location=data["location"],
        all_day=data["all_day"],
        description=data.get("description"),
    )
