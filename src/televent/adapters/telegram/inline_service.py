"""Inline mode: cards of a user's events and booking links in any chat (synchronous calls, run
through the port like `service.BotService`'s).

`@bot <words>` offers the user's upcoming events they organise (the words matched in the
title; none: the next ones) and their active booking links. A chosen event becomes a card
whose inline message Telegram reports (`chosen_inline_result`); it is recorded with the
account that posted it (delivery/inline_cards.py). A tap on the card's ✅ ❔ ❌ makes the
tapper an attendee with that answer, by the application's ordinary commands (invite, then
answer) with the tapper's internal address, whether or not they use Televent: the organizer
chose to share the event by posting it. A tap acts only on the event recorded for the inline
message tapped, and only while the one who posted it still organises it; anything else (forged
data, an unknown card, a deleted or cancelled event) is refused with a clear answer and
changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardMarkup

from televent.adapters.i18n import current_language, speaking, t
from televent.adapters.port import AppPort
from televent.delivery.inline_cards import InlineCards
from televent.delivery.telegram_queue import Delivery
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.languages import language_for
from televent.domain.values import (
    Actor,
    PartStat,
    Source,
    SourceKind,
    account_id_for,
    found_in,
    internal_address,
    search_words,
)
from televent.projections.queries import AccountView, ObjectView, Queries
from televent.projections.view_reader import ViewReader

from . import inline_texts
from .inline_texts import CardState, LinkOffer
from .service import BotService, Person, _retrying

LOG = logging.getLogger(__name__)
EVENT_RESULT, LINK_RESULT = "e:", "b:"
NEXT_DAYS = 90  # an empty query lists the events of the next three months
SEARCH_DAYS = 366  # words search a year ahead
MAX_EVENTS = 20
MAX_LINKS = 10


@dataclass(frozen=True)
class Offers:
    """What an inline query offers: events (as their cards show them) and booking links."""

    events: list[CardState]
    links: list[LinkOffer]
    language: str  # the asker's language: the cards are theirs to post


class InlineService:
    """The reads and commands of inline mode, for one application."""

    def __init__(self, service: BotService) -> None:
        self.service = service
        self.app = service.app
        self.queries = service.queries
        self.domain = service.domain
        self.cards = InlineCards(self.app.views, self.app.clock)

    # --- offering ----------------------------------------------------------------------------

    def offers(self, person: Person, words: str, now: dt.datetime) -> Offers | None:
        """The user's upcoming events they organise and their active booking links matching
        `words` (every word, case-insensitively; none: the next ones); None when the user has
        no account."""
        account = self.service.account(person.telegram_id)
        if account is None:
            return None
        wanted = search_words(words)
        days = SEARCH_DAYS if wanted else NEXT_DAYS
        listing = self.service.reader.listing(account, now, now + dt.timedelta(days=days))
        events: list[CardState] = []
        seen: set[UUID] = set()
        for occurrence in listing.occurrences:
            if occurrence.event_id in seen or occurrence.cancelled:
                continue
            if not found_in(wanted, occurrence.summary, occurrence.location):
                continue
            seen.add(occurrence.event_id)
            obj = occurrence.resource or self.queries.object_by_event_id(occurrence.event_id)
            if obj is None:
                continue
            state = self._organised_by(account, obj)
            if state is not None:
                events.append(state)
            if len(events) >= MAX_EVENTS:
                break
        links = [
            LinkOffer(view.link.slug, view.link.title, view.link.duration_minutes, account.name)
            for view in self.queries.links_of(account.account_id)
            if view.link.active and found_in(wanted, view.link.slug, view.link.title)
        ]
        # as the bot answers them (context.reading_language): their choice, else their Telegram's
        language = language_for(
            account.preferences.language, person.language_code, account.telegram_language
        )
        return Offers(events, links[:MAX_LINKS], language)

    # --- posting and answering ---------------------------------------------------------------

    def posted(self, person: Person, result_id: str, inline_message_id: str) -> bool:
        """Record the card a user posted (Telegram's `chosen_inline_result`); only an event
        the user organises is recorded. Returns whether it was."""
        if not result_id.startswith(EVENT_RESULT):
            return False  # a booking link's card has no buttons to answer
        account = self.service.account(person.telegram_id)
        event_id = _event_id(result_id.removeprefix(EVENT_RESULT))
        obj = None if event_id is None else self.queries.object_by_event_id(event_id)
        if account is None or obj is None or self._organised_by(account, obj) is None:
            LOG.warning("An inline result %s was not recorded as a card", result_id)
            return False
        self.cards.record(inline_message_id, obj.event_id, account.account_id)
        return True

    def answer(
        self, person: Person, inline_message_id: str, event: str, partstat: PartStat
    ) -> CardState:
        """The tapper's answer on a posted card: added as an attendee (by their internal
        address) with that answer. Returns the card as it is now."""
        card = self.cards.card(inline_message_id)
        event_id = _event_id(event)
        if card is None or event_id is None or card.event_id != event_id:
            raise NotFoundError(t("inline-not-a-card"))
        obj = self.queries.object_by_event_id(event_id)
        if obj is None:
            raise NotFoundError(t("inline-gone"))
        poster = self.queries.account_by_id(card.account_id)
        state = None if poster is None else self._organised_by(poster, obj)
        if state is None:
            raise NotFoundError(t("inline-not-a-card"))
        if state.cancelled:
            raise DomainError(t("inline-was-cancelled"))
        assert poster is not None
        address = internal_address(person.telegram_id, self.domain)
        if person.telegram_id == poster.telegram_id:
            raise DomainError(t("inline-own-event"))
        actor = Actor(account_id=account_id_for(person.telegram_id)).encode()
        source = Source(SourceKind.BOT, str(person.telegram_id)).encode()
        _retrying(
            lambda: self.app.invite_attendee(
                event_id,
                f"mailto:{address}",
                person.name,
                actor=actor,
                source=source,
                by=poster.account_id,  # who posted the card lets people answer it
            )
        )
        _retrying(
            lambda: self.app.give_rsvp(event_id, address, partstat, actor=actor, source=source)
        )
        now = self.state(event_id, poster)
        if now is None:
            raise NotFoundError(t("inline-gone"))
        return now

    def state(self, event_id: UUID, poster: AccountView | None = None) -> CardState | None:
        """The event as its cards show it now, in the words of whoever posted the card
        (`poster`; None: its organizer's) (None: deleted)."""
        obj = self.queries.object_by_event_id(event_id)
        if obj is None:
            return None
        calendar = self.queries.calendar(obj.calendar_id)
        owner = None if calendar is None else self.queries.account_by_id(calendar.account_id)
        return None if owner is None else card_state(self.queries, owner, obj, poster=poster)

    def mark_shown(
        self, inline_message_id: str, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        """The card now shows this text and these buttons."""
        self.cards.mark_shown(inline_message_id, inline_texts.digest(text, markup))

    def _organised_by(self, account: AccountView, obj: ObjectView) -> CardState | None:
        """The event's card state when it is in the account's own calendar and the account
        organises it (or nobody does yet); None otherwise."""
        if not self.service.reader.owns(account, obj) or obj.component != "VEVENT":
            return None
        facts = facts_of(parse_calendar_object(obj.ical))
        organizer = facts.get("organizer")
        if organizer is not None and organizer not in self.service.reader.addresses(account):
            return None
        return card_state(self.queries, account, obj, facts)


def card_state(
    queries: Queries,
    owner: AccountView,
    obj: ObjectView,
    facts: dict[str, Any] | None = None,
    *,
    poster: AccountView | None = None,
) -> CardState:
    """An event as its cards show it, in its owner's (the organizer's) zone, in the language
    and clock of the person who posted the card (`poster`; None: the owner, who posts their
    own events)."""
    reader = poster if poster is not None else owner
    known = facts if facts is not None else facts_of(parse_calendar_object(obj.ical))
    organizer = known.get("organizer")
    counts: dict[str, int] = {}
    for row in queries.attendees_of(obj.event_id):
        if row["address"] != organizer:
            counts[str(row["partstat"])] = counts.get(str(row["partstat"]), 0) + 1
    return CardState(
        event_id=obj.event_id,
        summary=str(known.get("summary") or ""),
        start=_moment(known.get("start")),
        end=_moment(known.get("end")),
        location=None if not known.get("location") else str(known["location"]),
        recurring=bool(known.get("recurring")),
        cancelled=str(known.get("status") or "").upper() == "CANCELLED",
        organizer_name=owner.name,
        zone=owner.timezone,
        tally=counts,
        language=reader.language,
        hour_cycle=reader.preferences.hour_cycle,
    )


class CardEditor:
    """The delivery sender's side: draws a queued card edit and sends it by inline_message_id
    (projections/inline_card_edits.py queues them)."""

    def __init__(
        self, queries: Queries, views: ViewReader, clock: Callable[[], dt.datetime]
    ) -> None:
        self.queries = queries
        self.cards = InlineCards(views, clock)

    def render(self, delivery: Delivery) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """The card as it should look now; None when it shows that already (or is unknown)."""
        card = self.cards.card(str(delivery.payload.get("inline_message_id") or ""))
        if card is None:
            return None
        # a card is read by a whole chat: it stays in the words of the person who posted it
        poster = self.queries.account_by_id(card.account_id)
        obj = self.queries.object_by_event_id(card.event_id)
        calendar = None if obj is None else self.queries.calendar(obj.calendar_id)
        owner = None if calendar is None else self.queries.account_by_id(calendar.account_id)
        state = (
            None
            if obj is None or owner is None
            else card_state(self.queries, owner, obj, poster=poster)
        )
        reader = poster if poster is not None else owner
        with speaking(reader.language if reader is not None else current_language()):
            text, markup = inline_texts.event_card(state)
        if inline_texts.digest(text, markup) == card.shown:
            return None
        return text, markup

    async def edit(
        self,
        bot: Bot,
        port: AppPort,
        delivery: Delivery,
        text: str,
        markup: InlineKeyboardMarkup | None,
    ) -> None:
        """Edit the card in place; an edit that changes nothing is done already."""
        inline_message_id = str(delivery.payload["inline_message_id"])
        await edit_card(bot, inline_message_id, text, markup)
        await port.run(self.cards.mark_shown, inline_message_id, inline_texts.digest(text, markup))


async def edit_card(
    bot: Bot, inline_message_id: str, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit a posted card; "message is not modified" means it shows this already."""
    try:
        await bot.edit_message_text(
            text=text, inline_message_id=inline_message_id, reply_markup=markup
        )
    except TelegramBadRequest as exc:
        if "not modified" not in str(exc):
            raise


def _event_id(text: str) -> UUID | None:
    try:
        return UUID(hex=text)
    except ValueError:
        return None


def _moment(value: object) -> dt.datetime | dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value)
