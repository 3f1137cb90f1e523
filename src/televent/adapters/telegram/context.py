"""What every handler receives: the user, their account, the service, the port and the clock.

An outer middleware registers whoever writes to the bot (idempotently, keeping the @username
current) and turns every failure into a short answer: expected ones (bad input, not found,
not allowed) with their message, unexpected ones with an apology and a log entry. The user
never sees silence or a stack trace.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, TelegramObject, User

from televent.adapters.i18n import current_language, said, speaking, translate
from televent.adapters.outbound import Outbound
from televent.adapters.port import AppPort
from televent.application.google_connections import GoogleConsents
from televent.delivery.menu_buttons import MenuButtons
from televent.domain.errors import TeleventError
from televent.domain.languages import language_for
from televent.projections.queries import AccountView

from .group_cards import CardEdits
from .mini_app import MiniApp, open_url
from .parsing import ParseProblem
from .service import BotService, Person

LOG = logging.getLogger(__name__)
GROUP_CHATS = ("group", "supergroup")


@dataclass(frozen=True)
class BotContext:
    """The application side of the bot, shared by every handler (as `ctx`)."""

    service: BotService
    port: AppPort
    clock: Callable[[], dt.datetime]
    caldav_url: str
    mini_app: MiniApp | None = None  # where the Mini App is served, when the bot knows it
    group_cards: CardEdits = field(default_factory=CardEdits)  # group cards' edits, coalesced
    # the guard a feed's address is checked with when someone subscribes (adapters/outbound)
    outbound: Outbound = field(default_factory=Outbound)
    # Google's consent screen, when the operator set up a Google OAuth client (docs/adr/0034)
    google: GoogleConsents | None = None
    # the chats' own menu buttons, recorded so the bot relabels them when the server moves
    menu_buttons: MenuButtons | None = None

    def open_url(self, event_id: UUID) -> str | None:
        """The address of an event card's "Open" button (None: no button, see mini_app.py)."""
        return open_url(self.mini_app, event_id)


def person_of(user: User) -> Person:
    """The identity of an update's sender (Telegram vouches for it)."""
    name = " ".join(p for p in (user.first_name, user.last_name) if p) or f"User {user.id}"
    return Person(user.id, name, user.username, user.language_code)


class AccountMiddleware(BaseMiddleware):
    """Registers the sender and passes `person` and `account` to handlers; answers failures."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        ctx: BotContext = data["ctx"]
        if user is None or user.is_bot:
            return None
        # Until the account is read, the sender's Telegram language (a failure's apology too)
        with speaking(language_for(None, user.language_code)):
            chosen: str | None = None  # the reader's language, once their account is read
            try:
                person = person_of(user)
                account, created = await self._identify(event, data, ctx, person)
                data.update(person=person, account=account, newly_registered=created)
                chosen = reading_language(account, person)
                with speaking(chosen):
                    return await handler(event, data)
            except (TeleventError, ParseProblem) as exc:
                await _answer(event, f"⚠️ {said(exc, chosen)}")
            except Exception:
                LOG.exception("Bot handler failed")
                await _answer(event, translate(chosen or current_language(), "bot-sorry"))
        return None

    @staticmethod
    async def _identify(
        event: TelegramObject, data: dict[str, Any], ctx: BotContext, person: Person
    ) -> tuple[Any, bool]:
        """The sender's account (registered now if need be) and whether it is new."""
        if isinstance(event, CallbackQuery) and event.inline_message_id is not None:
            # A tap on a card posted in some chat (inline mode): the tapper need not use
            # Televent, and tapping does not make them a user (routers/inline.py).
            return await ctx.port.run(ctx.service.account, person.telegram_id), False
        chat: Chat | None = data.get("event_chat")
        if chat is not None and chat.type in GROUP_CHATS:
            # Writing or tapping in a group makes nobody a user (routers/groups.py
            # registers whoever needs an account there: the calendar's owner, who joins).
            return await ctx.port.run(ctx.service.account, person.telegram_id), False
        account, created = await ctx.port.run(ctx.service.register, person)
        return account, created


def reading_language(account: AccountView | None, person: Person) -> str:
    """The language the bot answers `person` in: their account's (their choice, else what
    Telegram reported when they registered), else their Telegram app's now."""
    if account is not None:
        return language_for(account.preferences.language, person.language_code)
    return language_for(None, person.language_code)


async def edit(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit a message the bot sent; an edit that changes nothing is not a failure."""
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as exc:
        if "not modified" not in str(exc):
            raise


async def _answer(event: TelegramObject, text: str) -> None:
    try:
        if isinstance(event, Message):
            await event.answer(text, parse_mode=None)
        elif isinstance(event, CallbackQuery):
            await event.answer(text[:200], show_alert=True)
    except Exception:
        LOG.exception("Could not tell the user about a failure")
