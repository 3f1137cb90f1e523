"""/today, /tomorrow, /week and /list: what's on, in the user's zone, recurring events expanded."""

from __future__ import annotations

import datetime as dt

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from televent.adapters.i18n import t
from televent.projections.queries import AccountView

from .. import keyboards, texts
from ..context import BotContext
from ..service import Person

router = Router(name="listing")
PAGE_SIZE = 10
LIST_HORIZON_DAYS = 90


def _midnight(day: dt.date, account: AccountView) -> dt.datetime:
    """Local midnight of `day` as an aware moment (correct on DST change days)."""
    tz = texts.zone(account.timezone)
    return dt.datetime.combine(day, dt.time(), tzinfo=tz)


async def _show_days(
    message: Message,
    account: AccountView,
    person: Person,
    ctx: BotContext,
    first: int,
    days: int,
    title: str,
) -> None:
    tz = texts.zone(account.timezone)
    today = ctx.clock().astimezone(tz).date()
    start = _midnight(today + dt.timedelta(days=first), account)
    end = _midnight(today + dt.timedelta(days=first + days), account)
    listing = await ctx.port.run(ctx.service.agenda, person, start, end)
    await message.answer(
        texts.agenda(
            title,
            listing.occurrences,
            tz,
            unreadable=len(listing.unreadable),
            hour_cycle=account.preferences.hour_cycle,
        )
    )


@router.message(Command("today"))
async def today(message: Message, account: AccountView, person: Person, ctx: BotContext) -> None:
    """Today's events."""
    await _show_days(message, account, person, ctx, 0, 1, t("bot-list-today"))


@router.message(Command("tomorrow"))
async def tomorrow(message: Message, account: AccountView, person: Person, ctx: BotContext) -> None:
    """Tomorrow's events."""
    await _show_days(message, account, person, ctx, 1, 1, t("bot-list-tomorrow"))


@router.message(Command("week"))
async def week(message: Message, account: AccountView, person: Person, ctx: BotContext) -> None:
    """The next seven days."""
    await _show_days(message, account, person, ctx, 0, 7, t("bot-list-week"))


async def _page(
    account: AccountView, person: Person, ctx: BotContext, offset: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    tz = texts.zone(account.timezone)
    now = ctx.clock()
    listing = await ctx.port.run(
        ctx.service.agenda, person, now, now + dt.timedelta(days=LIST_HORIZON_DAYS)
    )
    occurrences = listing.occurrences
    shown = occurrences[offset : offset + PAGE_SIZE]
    title = t("bot-list-coming-up", days=LIST_HORIZON_DAYS)
    if occurrences:
        title = t(
            "bot-list-page",
            title=title,
            first=offset + 1,
            last=offset + len(shown),
            total=len(occurrences),
        )
    text = texts.agenda(
        title,
        shown,
        tz,
        unreadable=len(listing.unreadable),
        hour_cycle=account.preferences.hour_cycle,
    )
    return text, keyboards.pages(offset, PAGE_SIZE, offset + PAGE_SIZE < len(occurrences))


@router.message(Command("list"))
async def list_events(
    message: Message, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """Everything coming up, ten at a time."""
    text, markup = await _page(account, person, ctx, 0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(keyboards.Page.filter())
async def turn_page(
    query: CallbackQuery,
    callback_data: keyboards.Page,
    account: AccountView,
    person: Person,
    ctx: BotContext,
) -> None:
    """◀️ / ▶️ under /list."""
    text, markup = await _page(account, person, ctx, max(callback_data.offset, 0))
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=markup)
