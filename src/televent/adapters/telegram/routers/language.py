"""/language: the language the bot, the Mini App and the mails speak to the person.

`/language` shows the languages as buttons (the current one ticked, and "automatic": as their
Telegram app); `/language ru` or a tap chooses. The choice is a preference
(domain/preferences.py), so it is an event in the log and the app and the mails follow it.
"""

from __future__ import annotations

from html import escape

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from televent.adapters.i18n import speaking, t
from televent.domain.languages import LANGUAGES, NATIVE_NAMES, language_for, supported
from televent.projections.queries import AccountView

from ..context import BotContext, edit
from ..service import Person
from .mini_app import label_menu_button

router = Router(name="language")
AUTO = "auto"


class LanguageChoice(CallbackData, prefix="lang"):
    """A tap on one of /language's buttons."""

    code: str  # a catalogue language, or "auto"


def _keyboard(chosen: str | None, automatic: str) -> InlineKeyboardMarkup:
    def mark(code: str | None) -> str:
        return "✓ " if code == chosen else ""

    rows = [
        [
            InlineKeyboardButton(
                text=f"{mark(code)}{NATIVE_NAMES[code]}",
                callback_data=LanguageChoice(code=code).pack(),
            )
            for code in LANGUAGES[start : start + 2]
        ]
        for start in range(0, len(LANGUAGES), 2)
    ]
    rows.append(
        [
            InlineKeyboardButton(
                text=f"{mark(None)}{t('language-auto', language=NATIVE_NAMES[automatic])}",
                callback_data=LanguageChoice(code=AUTO).pack(),
            )
        ]
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _choosing(account: AccountView, person: Person) -> tuple[str, InlineKeyboardMarkup]:
    chosen = account.preferences.language
    automatic = language_for(None, person.language_code or account.telegram_language)
    current = language_for(chosen, automatic)
    return (
        t("language-choose", language=NATIVE_NAMES[current]),
        _keyboard(chosen, automatic),
    )


async def _choose(
    ctx: BotContext, person: Person, code: str, bot: Bot | None, chat: Chat | None
) -> tuple[str, AccountView]:
    """Record the choice; the confirmation, in the language now chosen, which labels the menu
    button of the person's own chat too."""
    changed: AccountView = await ctx.port.run(
        ctx.service.set_preferences, person, {"language": None if code == AUTO else code}
    )
    language = language_for(changed.preferences.language, person.language_code)
    with speaking(language):
        if chat is not None and chat.type == "private":
            await label_menu_button(bot, ctx, chat.id)
        return t("language-chosen", language=NATIVE_NAMES[language]), changed


@router.message(Command("language"))
async def language_command(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """`/language` offers the languages; `/language pt-BR` (or `auto`) chooses at once."""
    wanted = (command.args or "").strip()
    if not wanted:
        text, keyboard = _choosing(account, person)
        await message.answer(text, reply_markup=keyboard)
        return
    code = AUTO if wanted.lower() in (AUTO, "automatic") else supported(wanted)
    if code is None:
        choices = ", ".join(f"{c} ({NATIVE_NAMES[c]})" for c in LANGUAGES)
        await message.answer(t("language-unknown", code=escape(wanted[:40]), choices=choices))
        return
    text, _ = await _choose(ctx, person, code, message.bot, message.chat)
    await message.answer(text)


@router.callback_query(LanguageChoice.filter())
async def language_tapped(
    query: CallbackQuery, callback_data: LanguageChoice, person: Person, ctx: BotContext
) -> None:
    """A tap on a language: chosen, and the message says so in that language."""
    code = callback_data.code if callback_data.code == AUTO else supported(callback_data.code)
    if code is None:
        await query.answer()
        return
    chat = query.message.chat if isinstance(query.message, Message) else None
    text, _ = await _choose(ctx, person, code, query.bot, chat)
    await query.answer()
    if query.message is not None and isinstance(query.message, Message):
        await edit(query.message, text)
