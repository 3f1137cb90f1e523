"""/create: one line or a short dialogue, then a confirmation card before saving."""

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

from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext
from ..parsing import (
    CREATE_EXAMPLE,
    DEFAULT_DURATION,
    NewEvent,
    ParseProblem,
    format_duration,
    parse_create_line,
    parse_duration,
    parse_when_detailed,
)
from ..service import Person

router = Router(name="create")
SKIP_WORDS = {"-", "no", "none", "skip", "nothing", "/skip"}


class Creating(StatesGroup):
    """The /create dialogue."""

    title = State()
    when = State()
    duration = State()
    location = State()
    confirm = State()


class Confirm(CallbackData, prefix="new"):
    """Save or discard the event being created."""

    save: bool


@router.message(Command("cancel"), ~F.text.regexp(r"^/cancel(@\w+)?\s+\S"))
async def leave_dialogue(message: Message, state: FSMContext) -> None:
    """`/cancel` alone leaves whatever dialogue is going on."""
    left = await state.get_state() is not None
    await state.clear()
    await message.answer(
        "OK, cancelled. 👍" if left else "Nothing to cancel. /help lists commands."
    )


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
        await message.answer("📝 What's the event called? (/cancel to stop)")
        return
    new = parse_create_line(command.args, account.timezone, ctx.clock())
    await _confirm(message, new, account, state)


@router.message(Creating.title, F.text, ~F.text.startswith("/"))
async def got_title(message: Message, state: FSMContext) -> None:
    title = (message.text or "").strip()
    if not title or len(title) > 200:
        await message.answer("A title is 1 to 200 characters. What's the event called?")
        return
    await state.update_data(title=title)
    await state.set_state(Creating.when)
    await message.answer(
        "🕒 When? e.g. <i>tomorrow 15:00</i>, <i>fri 9:30</i>, <i>25.12</i> (all day)"
    )


@router.message(Creating.when, F.text, ~F.text.startswith("/"))
async def got_when(
    message: Message, account: AccountView, ctx: BotContext, state: FSMContext
) -> None:
    try:
        start, has_time = parse_when_detailed(message.text or "", account.timezone, ctx.clock())
    except ParseProblem as problem:
        await message.answer(f"{escape(str(problem))}\nWhen is it?")
        return
    await state.update_data(start=start.isoformat(), has_time=has_time)
    await state.set_state(Creating.duration)
    hint = "1h" if has_time else "1 day"
    await message.answer(f"⏱ How long? e.g. <i>1h</i>, <i>45m</i> — or <i>skip</i> for {hint}")


@router.message(Creating.duration, F.text, ~F.text.startswith("/"))
async def got_duration(message: Message, state: FSMContext) -> None:
    text = (message.text or "").strip()
    data = await state.get_data()
    if text.lower() in SKIP_WORDS:
        duration = DEFAULT_DURATION if data["has_time"] else dt.timedelta(days=1)
    else:
        try:
            duration = parse_duration(text)
        except ParseProblem as problem:
            await message.answer(f"{escape(str(problem))}\nHow long is it?")
            return
    await state.update_data(minutes=duration.total_seconds() / 60)
    await state.set_state(Creating.location)
    await message.answer("📍 Where? (or <i>skip</i>)")


@router.message(Creating.location, F.text, ~F.text.startswith("/"))
async def got_location(message: Message, account: AccountView, state: FSMContext) -> None:
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
        location=None if text.lower() in SKIP_WORDS else text[:500],
        all_day=all_day,
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
        await query.answer("Discarded" if pending else "That card has expired")
        if message is not None:
            await message.edit_text("✖️ Not saved.")
        return
    new = _decode(pending)
    event = await ctx.port.run(ctx.service.create_event, person, new, now=ctx.clock())
    await query.answer("Saved ✅")
    tz = texts.zone(account.timezone)
    if message is not None:
        await message.edit_text(
            f"✅ Saved!\n{texts.details(event, tz)}\n\n"
            f"Invite people: <code>/invite {event.short_id} @username</code>",
            reply_markup=keyboards.event_actions(
                event.event_id, owned=True, invited=False, open_url=ctx.open_url(event.event_id)
            ),
        )


@router.message(Creating.confirm, F.text, ~F.text.startswith("/"))
async def pending_confirmation(message: Message) -> None:
    await message.answer("Tap ✅ Save or ✖️ Discard on the card above (or /cancel).")


async def _confirm(
    message: Message, new: NewEvent, account: AccountView, state: FSMContext
) -> None:
    tz = texts.zone(account.timezone)
    if new.all_day:
        moment = texts.when(new.start.date(), new.end.date(), tz)
    else:
        moment = f"{texts.when(new.start, new.end, tz)} ({format_duration(new.end - new.start)})"
    lines = ["Save this event?", f"<b>{escape(new.title)}</b>", f"🕒 {escape(moment)}"]
    if new.location:
        lines.append(f"📍 {escape(new.location)}")
    lines.append(f"🌍 {escape(account.timezone)}")
    await state.set_state(Creating.confirm)
    await state.update_data(pending=_encode(new))
    await message.answer(
        "\n".join(lines),
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(text="✅ Save", callback_data=Confirm(save=True).pack()),
                    InlineKeyboardButton(
                        text="✖️ Discard", callback_data=Confirm(save=False).pack()
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
    }


def _decode(data: dict[str, Any]) -> NewEvent:
    zone = texts.zone(data["zone"])
    return NewEvent(
        title=data["title"],
        start=dt.datetime.fromisoformat(data["start"]).astimezone(zone),
        end=dt.datetime.fromisoformat(data["end"]).astimezone(zone),
        location=data["location"],
        all_day=data["all_day"],
    )


__all__ = ["CREATE_EXAMPLE", "router"]
