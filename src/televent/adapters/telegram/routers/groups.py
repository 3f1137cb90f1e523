"""Telegram groups (docs/adr/0018): the group's calendar, made on first use.

With privacy mode on, the bot sees only commands and replies to it in a group. This router
comes first and takes every message and button of a group chat, so nothing meant for private
chats answers there: `/create` (the event goes into the group's calendar at once and its card
is posted with ✅ ❔ ❌), `/today`, `/tomorrow`, `/week`, `/list`, `/calendar` (with [Join this
calendar] and the admins' settings), `/start` and `/help`; `/cmd@botname` works as aiogram's
Command filter matches the bot's own username (a command for another bot is not ours and is
left alone). Whether someone is an admin is asked of Telegram when it matters (joining,
settings, adding events to a view-only calendar).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from uuid import UUID

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, ChatMemberUpdated, InlineKeyboardMarkup, Message

from televent.adapters.i18n import speaking
from televent.domain.languages import DEFAULT_LANGUAGE

from .. import group_service, group_texts
from ..context import GROUP_CHATS, BotContext, person_of, reading_language
from ..group_service import Group
from ..service import Person

router = Router(name="groups")
# On each handler (routers/__init__.py copies handlers, not a router's own filters).
IN_GROUP = F.chat.type.in_(GROUP_CHATS)
TAP_IN_GROUP = F.message.chat.type.in_(GROUP_CHATS)
LOG = logging.getLogger(__name__)
ADMINS = ("creator", "administrator")
GONE = ("left", "kicked")
# /today, /tomorrow, /week, /list: (first day from today, days; 0: the next ten events)
LISTINGS = {
    "today": (0, 1),
    "tomorrow": (1, 1),
    "week": (0, 7),
    "list": (0, 0),
}


def _group(message: Message) -> Group:
    return Group(message.chat.id, message.chat.title)


async def is_admin(bot: Bot, chat_id: int, user_id: int) -> bool:
    """Whether Telegram says the person is an admin of the group (False when it cannot say)."""
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError as exc:
        LOG.info("Could not ask Telegram whether %s is an admin of %s: %s", user_id, chat_id, exc)
        return False
    return member.status in ADMINS


async def _announce(
    message: Message, opened: group_service.Opened, ctx: BotContext, bot: Bot
) -> None:
    """The group is told its calendar was made, with [Join this calendar]."""
    await message.answer(
        group_texts.opened(opened.group.title, opened.owner_name),
        reply_markup=await _join_markup(message, opened, ctx, bot),
    )


async def _join_markup(
    message: Message, opened: group_service.Opened, ctx: BotContext, bot: Bot
) -> InlineKeyboardMarkup:
    """[Join this calendar], with [Open calendar] when the Mini App has a direct link."""
    link = None
    if ctx.mini_app is not None and ctx.mini_app.short_name:
        me = await bot.me()
        link = ctx.mini_app.calendar_link(me.username, opened.group.calendar_id)
    return group_texts.join_markup(message.chat.id, link)


# --- commands -------------------------------------------------------------------------------


@router.message(IN_GROUP, Command("create"))
async def create(
    message: Message, command: CommandObject, person: Person, ctx: BotContext, bot: Bot
) -> None:
    """`/create Team lunch, friday 13:00, 1h`: saved at once, and its card posted."""
    if not (command.args or "").strip():
        await message.answer(group_texts.create_usage())
        return
    chat_id = message.chat.id
    found = await ctx.port.run(ctx.service.queries.group_chat, chat_id)
    admin = False
    if found is not None and not found.members_edit and message.from_user is not None:
        admin = await is_admin(bot, chat_id, message.from_user.id)
    opened, event_id = await ctx.port.run(
        lambda: group_service.create(
            ctx.service, _group(message), person, command.args or "", admin=admin,
            now=ctx.clock(),
        )
    )  # fmt: skip
    if opened.opened:
        await _announce(message, opened, ctx, bot)
    # the card is in the group calendar owner's words (group_service.card_reader)
    text, markup = await ctx.port.run(group_service.posted_card, ctx.service, chat_id, event_id)
    await message.answer(text, reply_markup=markup)


@router.message(IN_GROUP, Command(*LISTINGS))
async def listing(
    message: Message, command: CommandObject, person: Person, ctx: BotContext, bot: Bot
) -> None:
    """What's on in the group's calendar, for every member of the group."""
    name = command.command.lower()
    first, days = LISTINGS[name]
    title = group_texts.listing_title(name)
    start = ctx.clock() + dt.timedelta(days=first)
    group = _group(message)
    opened = await ctx.port.run(group_service.ensure, ctx.service, group, person)
    if opened.opened:
        await _announce(message, opened, ctx, bot)
    text = await ctx.port.run(group_service.listing, ctx.service, group, person, title, start, days)
    await message.answer(text)


@router.message(IN_GROUP, Command("calendar", "calendars"))
async def calendar(
    message: Message, command: CommandObject, person: Person, ctx: BotContext, bot: Bot
) -> None:
    """`/calendar`: the group's calendar with [Join]; `/calendar edit|reminders on|off`: an
    admin's settings."""
    words = (command.args or "").lower().split()
    group = _group(message)
    if not words:
        opened, text = await ctx.port.run(group_service.about, ctx.service, group, person)
        await message.answer(text, reply_markup=await _join_markup(message, opened, ctx, bot))
        return
    setting = {"edit": "members_edit", "reminders": "reminders"}.get(words[0])
    if setting is None or len(words) != 2 or words[1] not in group_texts.ON_WORDS:
        await message.answer(group_texts.settings_usage())
        return
    value = group_texts.ON_WORDS[words[1]]
    admin = message.from_user is not None and await is_admin(
        bot, message.chat.id, message.from_user.id
    )
    await ctx.port.run(
        lambda: group_service.change_setting(
            ctx.service, group, person, setting, value, admin=admin
        )
    )
    await message.answer(group_texts.settings_changed(setting, value))


@router.message(IN_GROUP, Command("start", "help"))
async def help_command(message: Message) -> None:
    """What the bot does in a group."""
    await message.answer(group_texts.help_text())


@router.message(IN_GROUP, F.left_chat_member)
async def member_left(message: Message, ctx: BotContext) -> None:
    """Someone left the group or was removed from it (a service message the bot sees even in
    privacy mode): they no longer have the group's calendar."""
    gone = message.left_chat_member
    if gone is None or gone.is_bot:
        return
    await ctx.port.run(group_service.member_left, ctx.service, message.chat.id, person_of(gone))


@router.chat_member(IN_GROUP)
async def member_status(update: ChatMemberUpdated, ctx: BotContext) -> None:
    """A member left or was banned (told when the bot is an admin): as `member_left`; one
    made an admin, or no longer one: their role in the calendar follows."""
    new, old = update.new_chat_member, update.old_chat_member
    if new.user.is_bot:
        return
    person = person_of(new.user)
    if new.status in GONE:
        await ctx.port.run(group_service.member_left, ctx.service, update.chat.id, person)
    elif (new.status in ADMINS) != (old.status in ADMINS):
        admin = new.status in ADMINS
        await ctx.port.run(
            group_service.member_changed, ctx.service, update.chat.id, person, admin=admin
        )


@router.message(IN_GROUP)
async def anything_else(message: Message, bot: Bot) -> None:
    """Other commands: a hint when they name this bot (`/share@botname`); commands for other
    bots, and replies, are left alone."""
    text = (message.text or "").strip()
    match = re.match(r"^/\w+@(\w+)", text)
    if match is None:
        return
    me = await bot.me()
    if (me.username or "").lower() == match.group(1).lower():
        await message.answer(group_texts.not_here())


# --- buttons --------------------------------------------------------------------------------


@router.callback_query(TAP_IN_GROUP, group_texts.GroupAnswer.filter())
async def answered(
    query: CallbackQuery,
    callback_data: group_texts.GroupAnswer,
    person: Person,
    ctx: BotContext,
    bot: Bot,
) -> None:
    """✅ ❔ ❌: the tapper is an attendee with that answer; the card's tally follows."""
    event_id = _event_id(callback_data.event)
    message = query.message
    if event_id is None or message is None:
        await query.answer(group_texts.stale(), show_alert=True)
        return
    group = Group(message.chat.id, message.chat.title)
    partstat = await ctx.port.run(
        group_service.answer, ctx.service, group, person, event_id, callback_data.answer
    )
    await query.answer(group_texts.noted(partstat))  # the tapper's language
    chat_id, message_id = message.chat.id, message.message_id

    async def edit() -> None:
        # the card stays in the group calendar owner's words, whoever tapped
        text, markup = await ctx.port.run(group_service.posted_card, ctx.service, chat_id, event_id)
        try:
            await bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=message_id, reply_markup=markup
            )
        except TelegramBadRequest as exc:
            if "not modified" not in str(exc):
                raise

    ctx.group_cards.request((chat_id, message_id), edit)


@router.callback_query(TAP_IN_GROUP, group_texts.GroupWho.filter())
async def who(query: CallbackQuery, callback_data: group_texts.GroupWho, ctx: BotContext) -> None:
    """👥: who answered what, as an alert."""
    event_id = _event_id(callback_data.event)
    if event_id is None or query.message is None:
        await query.answer(group_texts.stale(), show_alert=True)
        return
    text = await ctx.port.run(group_service.who, ctx.service, query.message.chat.id, event_id)
    await query.answer(text, show_alert=True)


@router.callback_query(TAP_IN_GROUP, group_texts.GroupJoin.filter())
async def join(
    query: CallbackQuery,
    callback_data: group_texts.GroupJoin,
    person: Person,
    ctx: BotContext,
    bot: Bot,
) -> None:
    """[Join this calendar]: the group's calendar in the tapper's calendars."""
    message = query.message
    if message is None or callback_data.chat != message.chat.id:
        await query.answer(group_texts.wrong_group(), show_alert=True)
        return
    admin = await is_admin(bot, message.chat.id, person.telegram_id)
    group = Group(message.chat.id, message.chat.title)
    title, role = await ctx.port.run(
        lambda: group_service.join(ctx.service, group, person, admin=admin)
    )
    await query.answer(group_texts.joined(title, role), show_alert=True)


@router.callback_query(TAP_IN_GROUP)
async def other_button(query: CallbackQuery) -> None:
    """Any other button in a group (an old one, or forged data): nothing happens."""
    await query.answer(group_texts.stale(), show_alert=True)


# --- the bot added to or removed from a group --------------------------------------------


@router.my_chat_member(IN_GROUP)
async def membership(update: ChatMemberUpdated, ctx: BotContext, bot: Bot) -> None:
    """Removed: the calendar stays. Added (again): the same calendar, as it was."""
    new, old = update.new_chat_member.status, update.old_chat_member.status
    person = None if update.from_user.is_bot else person_of(update.from_user)
    chat_id = update.chat.id
    try:
        if new in GONE:
            await ctx.port.run(group_service.bot_left, ctx.service, chat_id, person)
        elif old in GONE:
            found = await ctx.port.run(group_service.bot_returned, ctx.service, chat_id, person)
            if found is None:  # nothing of the group's yet: in the words of who added the bot
                account = None
                if person is not None:
                    account = await ctx.port.run(ctx.service.account, person.telegram_id)
                language = DEFAULT_LANGUAGE if person is None else reading_language(account, person)
            else:  # posted to the whole group: its calendar owner's words (card_reader)
                language = await ctx.port.run(
                    group_service.group_language, ctx.service.queries, chat_id
                )
            with speaking(language):
                if found is None:
                    text = group_texts.welcome()
                else:
                    text = group_texts.welcome_back(found.title)
            await bot.send_message(chat_id, text)
            if found is not None:
                await _who_is_still_here(ctx, bot, chat_id)
    except Exception:  # a failure here must not stop the bot; nothing was half-done
        LOG.exception("Handling the bot's membership of group %s failed", chat_id)


async def _who_is_still_here(ctx: BotContext, bot: Bot, chat_id: int) -> None:
    """Back in the group: those who left it while the bot was away leave its calendar
    (Telegram told the bot nothing meanwhile). Roles stay as they are: the owner may have
    changed some by hand, and a change of admins reaches the bot as it happens."""
    for telegram_id in await ctx.port.run(group_service.members_to_check, ctx.service, chat_id):
        try:
            status = (await bot.get_chat_member(chat_id, telegram_id)).status
        except TelegramAPIError as exc:  # cannot say: they keep it
            LOG.info("Could not ask Telegram about %s in group %s: %s", telegram_id, chat_id, exc)
            continue
        if status in GONE:
            person = Person(telegram_id, "")
            await ctx.port.run(group_service.member_left, ctx.service, chat_id, person)


def _event_id(text: str) -> UUID | None:
    try:
        return UUID(hex=text)
    except ValueError:
        return None
