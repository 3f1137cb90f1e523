"""Inline mode, "cards in any chat": `@bot <words>` offers the user's upcoming events and booking
links; a chosen event is recorded as a card; a tap on its ✅ ❔ ❌ adds the tapper.

Telegram sends inline queries and chosen results only when inline mode and inline feedback
are switched on with @BotFather (/setinline, /setinlinefeedback). Inline queries do not
register anyone: a user without an account is offered a button to start the bot. A tap on a
card comes from any chat member, who need not use Televent (the account middleware does not
register them either, see context.py).
"""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import (
    CallbackQuery,
    ChosenInlineResult,
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InlineQueryResultUnion,
    InputTextMessageContent,
)

from televent.adapters.i18n import speaking, t
from televent.domain.values import PartStat

from .. import inline_texts
from ..context import BotContext, person_of, reading_language
from ..inline_service import EVENT_RESULT, LINK_RESULT, InlineService, Offers, edit_card
from ..service import Person
from .booking import link_url

router = Router(name="inline")
LOG = logging.getLogger(__name__)
CACHE_SECONDS = 10  # personal results, short-lived: a new event shows at once
START_PARAMETER = "inline"


@router.inline_query()
async def offered(query: InlineQuery, bot: Bot, ctx: BotContext) -> None:
    """The user's events and booking links matching the words, as cards to post, in the
    user's language (the account middleware does not see inline queries: set here)."""
    person = person_of(query.from_user)
    inline = InlineService(ctx.service)
    try:
        offers = await ctx.port.run(inline.offers, person, query.query, ctx.clock())
    except Exception:
        LOG.exception("Inline query failed")
        await query.answer([], cache_time=0, is_personal=True)
        return
    if offers is None:
        with speaking(reading_language(None, person)):
            start = InlineQueryResultsButton(
                text=inline_texts.not_registered(), start_parameter=START_PARAMETER
            )
        await query.answer([], cache_time=0, is_personal=True, button=start)
        return
    with speaking(offers.language):
        results, button = _results(offers, ctx)
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True, button=button)


def _results(
    offers: Offers, ctx: BotContext
) -> tuple[list[InlineQueryResultUnion], InlineQueryResultsButton | None]:
    """The offered cards (in the language of the one who asks, who posts them), and the
    button to the bot when there are none."""
    results: list[InlineQueryResultUnion] = []
    for state in offers.events:
        text, markup = inline_texts.event_card(state)
        results.append(
            InlineQueryResultArticle(
                id=f"{EVENT_RESULT}{state.event_id.hex}",
                title=state.title,
                description=state.when,
                input_message_content=InputTextMessageContent(message_text=text),
                reply_markup=markup,
            )
        )
    for offer in offers.links:
        text, link_markup = inline_texts.link_card(offer, link_url(ctx, offer.slug))
        results.append(
            InlineQueryResultArticle(
                id=f"{LINK_RESULT}{offer.slug}",
                title=f"📆 {offer.title}",
                description=inline_texts.link_description(offer),
                input_message_content=InputTextMessageContent(message_text=text),
                reply_markup=link_markup,
            )
        )
    button: InlineQueryResultsButton | None = None
    if not results:
        button = InlineQueryResultsButton(
            text=inline_texts.nothing_yet(), start_parameter=START_PARAMETER
        )
    return results, button


@router.chosen_inline_result()
async def chosen(result: ChosenInlineResult, ctx: BotContext) -> None:
    """A card was posted: remember which event its inline message shows."""
    if result.inline_message_id is None:
        return  # no buttons, nothing to remember (a booking link's card)
    inline = InlineService(ctx.service)
    try:
        await ctx.port.run(
            inline.posted, person_of(result.from_user), result.result_id, result.inline_message_id
        )
    except Exception:
        LOG.exception("Could not record a posted card")


@router.callback_query(inline_texts.CardAnswer.filter())
async def tapped(
    query: CallbackQuery,
    callback_data: inline_texts.CardAnswer,
    bot: Bot,
    person: Person,
    ctx: BotContext,
) -> None:
    """A tap on a posted card: the tapper attends with that answer; the tally is redrawn."""
    code = inline_texts.CODES.get(callback_data.answer)
    if code is None or query.inline_message_id is None:
        await query.answer(t("inline-invalid-button"), show_alert=True)
        return
    partstat = PartStat(code)
    inline = InlineService(ctx.service)
    state = await ctx.port.run(
        inline.answer, person, query.inline_message_id, callback_data.event, partstat
    )
    # the tapper reads their own language; the card stays in its poster's (inline_texts.py)
    await query.answer(inline_texts.answered(partstat, state.title)[:200])
    text, markup = inline_texts.event_card(state)
    try:
        await edit_card(bot, query.inline_message_id, text, markup)
    except Exception:  # the edit the change queued draws it (delivery.py retries it)
        LOG.warning("Could not redraw card %s at once", query.inline_message_id, exc_info=True)
        return
    await ctx.port.run(inline.mark_shown, query.inline_message_id, text, markup)
