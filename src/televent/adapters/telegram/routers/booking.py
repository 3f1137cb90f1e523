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
    if not args:
        current, is_default = await ctx.port.run(booking_service.availability, ctx.service, person)
        await message.answer(
            booking_texts.availability_text(current, is_default=is_default)
            + "\n\n<b>Change them</b>\n"
            + booking_texts.AVAILABILITY_EXAMPLES
        )
        return
    today = ctx.clock().astimezone(texts.zone(account.timezone)).date()
    try:
        change = booking_texts.parse_availability(args, today)
        new = await ctx.port.run(booking_service.change_availability, ctx.service, person, change)
    except ParseProblem as exc:
        await message.answer(f"⚠️ {exc.message}")
        return
    except DomainError as exc:
        await message.answer(
            f"⚠️ {escape(str(exc))}\n\n<b>Examples</b>\n{booking_texts.AVAILABILITY_EXAMPLES}"
        )
        return
    await message.answer("✅ Saved.\n" + booking_texts.availability_text(new, is_default=False))


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
            f"🗑 Delete the booking link <b>{escape(link.title)}</b> "
            f"({escape(link_url(ctx, link.slug))})? Its page stops working; bookings already "
            "made stay in your calendar.",
            reply_markup=_confirm_delete(link.slug),
        )
    else:
        await message.answer(booking_texts.BOOKING_USAGE)


async def _new(message: Message, rest: str, person: Person, ctx: BotContext) -> None:
    parts = rest.split(maxsplit=2)
    if len(parts) < 3 or not parts[1].isdigit():  # slug, minutes, title
        await message.answer(
            "⚠️ Give a short name for the address, the minutes and a title, like "
            "<code>/booking new intro 30 Intro call</code>."
        )
        return
    slug, minutes, title = parts[0], int(parts[1]), parts[2]
    try:
        link = await ctx.port.run(
            booking_service.new_link, ctx.service, person, slug, minutes, title
        )
    except (DomainError, ConflictError) as exc:
        await message.answer(f"⚠️ {escape(str(exc))}")
        return
    await message.answer(
        f"🔗 <b>{escape(link.title)}</b> ({booking_texts.duration_text(link.duration_minutes)}) "
        f"is ready. Share this address:\n{escape(link_url(ctx, link.slug))}\n"
        "People can book within your /availability, around your events. "
        f"<code>/booking pause {escape(link.slug)}</code> stops it for a while."
    )


async def _list(message: Message, person: Person, ctx: BotContext) -> None:
    summaries = await ctx.port.run(booking_service.links, ctx.service, person, ctx.clock())
    if not summaries:
        await message.answer("You have no booking links yet.\n\n" + booking_texts.BOOKING_USAGE)
        return
    lines = ["🔗 <b>Your booking links</b>"]
    for item in summaries:
        link = item.link
        state = "active" if link.active else "⏸ paused"
        count = f"{item.upcoming} upcoming booking{'s' if item.upcoming != 1 else ''}"
        lines.append(
            f"\n<b>{escape(link.title)}</b> — {booking_texts.duration_text(link.duration_minutes)}"
            f", {state}, {count}\n{escape(link_url(ctx, link.slug))}"
        )
    lines.append("\n/availability sets when people can book you.")
    await message.answer("\n".join(lines))


async def _set_active(
    message: Message, slug: str, active: bool, person: Person, ctx: BotContext
) -> None:
    link = await ctx.port.run(booking_service.set_active, ctx.service, person, slug, active)
    if active:
        await message.answer(
            f"▶️ <b>{escape(link.title)}</b> takes bookings again: "
            f"{escape(link_url(ctx, link.slug))}"
        )
    else:
        await message.answer(
            f"⏸ <b>{escape(link.title)}</b> is paused: its page shows no free times until "
            f"<code>/booking resume {escape(link.slug)}</code>."
        )


@router.callback_query(DeleteLink.filter())
async def delete_answered(
    query: CallbackQuery, callback_data: DeleteLink, person: Person, ctx: BotContext
) -> None:
    """The answer to the confirmation."""
    message = query.message if isinstance(query.message, Message) else None
    if not callback_data.confirm:
        await query.answer("Kept")
        if message is not None:
            await edit(message, "👍 The link stays.")
        return
    try:
        await ctx.port.run(booking_service.delete_link, ctx.service, person, callback_data.slug)
    except NotFoundError:
        await query.answer("That link is already gone.", show_alert=True)
        return
    await query.answer("Deleted")
    if message is not None:
        await edit(
            message,
            f"🗑 The booking link /book/{escape(callback_data.slug)} is deleted. Bookings already "
            "made stay in your calendar.",
        )


def _confirm_delete(slug: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text="Yes, delete it", callback_data=DeleteLink(slug=slug, confirm=True).pack()
                ),
                InlineKeyboardButton(
                    text="No, keep it", callback_data=DeleteLink(slug=slug, confirm=False).pack()
                ),
            ]
        ]
    )
