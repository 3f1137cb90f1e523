"""An .ics document sent to the bot: its events imported into the calendar its caption names,
else the user's default calendar (docs/adr/0024). Nobody is invited or told; the answer
counts what was done and names what was skipped and why."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.types import Document, Message

from televent.adapters.i18n import current_language, t
from televent.adapters.import_words import report_words
from televent.domain.calendar_import import too_large

from .. import import_service
from ..context import BotContext
from ..service import Person

router = Router(name="imports")

CALENDAR_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar"})
CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar", ".ifb", ".vcs")


def is_calendar_file(document: Document) -> bool:
    """Whether a document is a calendar file, by its type or its name."""
    name = (document.file_name or "").lower()
    kind = (document.mime_type or "").lower()
    return kind in CALENDAR_TYPES or name.endswith(CALENDAR_SUFFIXES)


@router.message(F.document)
async def import_document(message: Message, person: Person, ctx: BotContext) -> None:
    """Import a calendar file; any other document is answered with what the bot can do."""
    document = message.document
    assert document is not None
    if not is_calendar_file(document):
        await message.answer(t("bot-import-not-ics"))
        return
    refusal = too_large(document.file_size or 0)
    if refusal is not None:
        raise refusal
    bot = message.bot
    assert bot is not None
    received = await bot.download(document)
    assert received is not None
    data = received.read()
    refusal = too_large(len(data))
    if refusal is not None:
        raise refusal
    name, report = await ctx.port.run(
        import_service.import_file, ctx.service, person, data, message.caption
    )
    await message.answer(
        t("bot-import-done", calendar=escape(name))
        + "\n"
        + escape(report_words(report, current_language()))
    )
