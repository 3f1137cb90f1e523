"""/availability and /booking: when people can book you, and your booking links.

`/availability` shows the weekly hours (the default Mon-Fri 09:00-17:00 in the user's zone until
set) and changes them one line at a time; `/booking new|list|pause|resume|delete` manages the
links whose public pages are `<public URL>/book/<slug>`. Deleting asks first, with buttons.
"""

from __future__ import annotations

from html import escape

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from televent.adapters.i18n import said, t
from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.projections.queries import AccountView

from .. import booking_service, booking_texts, texts
from ..context import BotContext, edit
from ..parsing import ParseProblem
from ..service import Person

router = Router(name="booking")


class DeleteLink(CallbackData, prefix="bkdel"):
    """The answer to "Delete this booking link?"."""

    slug: str
    confirm: bool


def public_base(ctx: BotContext) -> str:
    """The server's public URL (the one the Mini App is served under)."""
    if ctx.mini_app is not None:
        return ctx.mini_app.base_url
    return ctx.caldav_url.strip().rstrip("/")


def link_url(ctx: BotContext, slug: str) -> str:
    """The public booking page of a link."""
    return f"{public_base(ctx)}/book/{slug}"


@router.message(Command("availability", "hours"))
async def availability_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """Alone: the current hours and examples; with arguments: one change, then the hours."""
    args = (command.args or "").strip()
    clock = account.preferences.hour_cycle  # times in the person's clock, 12 or 24 hours
    examples = booking_texts.availability_examples(clock)
    if not args:
        current, is_default = await ctx.port.run(booking_service.availability, ctx.service, person)
        shown = booking_texts.availability_text(current, is_default=is_default, hour_cycle=clock)
        await message.answer(f"{shown}\n\n{t('booking-bot-change-them')}\n{examples}")
        return
    today = ctx.clock().astimezone(texts.zone(account.timezone)).date()
    try:
        change = booking_texts.parse_availability(args, today, clock)
        new = await ctx.port.run(booking_service.change_availability, ctx.service, person, change)
    except ParseProblem as exc:
        await message.answer(f"⚠️ {exc.message}")
        return
    except DomainError as exc:
        await message.answer(
            f"⚠️ {escape(said(exc))}\n\n{t('booking-bot-examples-title')}\n{examples}"
        )
        return
    shown = booking_texts.availability_text(new, is_default=False, hour_cycle=clock)
    await message.answer(f"{t('booking-bot-saved')}\n{shown}")


@router.message(Command("booking", "bookings"))
async def booking_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """Dispatch on the first word."""
    verb, _, rest = (command.args or "").strip().partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb in ("new", "add", "create"):
        await _new(message, rest, person, ctx)
    elif verb in ("list", "ls") or (command.command == "bookings" and not verb):
        await _list(message, person, ctx)
    elif verb in ("pause", "resume", "unpause") and rest:
        await _set_active(message, rest, verb != "pause", person, ctx)
    elif verb in ("delete", "remove") and rest:
        link = await ctx.port.run(booking_service.own_link, ctx.service, person, rest)
        await message.answer(
            t(
                "booking-bot-delete-ask",
                title=escape(link.title),
                url=escape(link_url(ctx, link.slug)),
            ),
            reply_markup=_confirm_delete(link.slug),
        )
    else:
        await message.answer(booking_texts.booking_usage())


async def _new(message: Message, rest: str, person: Person, ctx: BotContext) -> None:
    parts = rest.split(maxsplit=2)
    if len(parts) < 3 or not parts[1].isdigit():  # slug, minutes, title
        await message.answer(t("booking-bot-new-usage"))
        return
    slug, minutes, title = parts[0], int(parts[1]), parts[2]
    try:
        link = await ctx.port.run(
            booking_service.new_link, ctx.service, person, slug, minutes, title
        )
    except (DomainError, ConflictError) as exc:
        await message.answer(f"⚠️ {escape(said(exc))}")
        return
    await message.answer(
        t(
            "booking-bot-created",
            title=escape(link.title),
            length=booking_texts.duration_text(link.duration_minutes),
            url=escape(link_url(ctx, link.slug)),
            slug=escape(link.slug),
        )
    )


async def _list(message: Message, person: Person, ctx: BotContext) -> None:
    summaries = await ctx.port.run(booking_service.links, ctx.service, person, ctx.clock())
    if not summaries:
        await message.answer(f"{t('booking-bot-no-links')}\n\n{booking_texts.booking_usage()}")
        return
    lines = [t("booking-bot-list-title")]
    for item in summaries:
        link = item.link
        line = t(
            "booking-bot-list-item",
            title=escape(link.title),
            length=booking_texts.duration_text(link.duration_minutes),
            state="active" if link.active else "paused",
            count=item.upcoming,
        )
        lines.append(f"\n{line}\n{escape(link_url(ctx, link.slug))}")
    lines.append("\n" + t("booking-bot-list-footer"))
    await message.answer("\n".join(lines))


async def _set_active(
    message: Message, slug: str, active: bool, person: Person, ctx: BotContext
) -> None:
    link = await ctx.port.run(booking_service.set_active, ctx.service, person, slug, active)
    if active:
        await message.answer(
            t(
                "booking-bot-resumed",
                title=escape(link.title),
                url=escape(link_url(ctx, link.slug)),
            )
        )
    else:
        await message.answer(
            t("booking-bot-paused", title=escape(link.title), slug=escape(link.slug))
        )


@router.callback_query(DeleteLink.filter())
async def delete_answered(
    query: CallbackQuery, callback_data: DeleteLink, person: Person, ctx: BotContext
) -> None:
    """The answer to the confirmation."""
    message = query.message if isinstance(query.message, Message) else None
    if not callback_data.confirm:
        await query.answer(t("booking-bot-kept"))
        if message is not None:
            await edit(message, t("booking-bot-link-stays"))
        return
    try:
        await ctx.port.run(booking_service.delete_link, ctx.service, person, callback_data.slug)
    except NotFoundError:
        await query.answer(t("booking-bot-already-gone"), show_alert=True)
        return
    await query.answer(t("booking-bot-deleted"))
    if message is not None:
        await edit(message, t("booking-bot-deleted-text", slug=escape(callback_data.slug)))


def _confirm_delete(slug: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=t("booking-bot-delete-yes"),
                    callback_data=DeleteLink(slug=slug, confirm=True).pack(),
                ),
                InlineKeyboardButton(
                    text=t("booking-bot-delete-no"),
                    callback_data=DeleteLink(slug=slug, confirm=False).pack(),
                ),
            ]
        ]
    )
