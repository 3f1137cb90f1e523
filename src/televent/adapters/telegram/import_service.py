"""An .ics document sent to the bot, imported (docs/adr/0024): into the calendar its caption
names (one the person may add events to), else into their default calendar."""

from __future__ import annotations

from televent.application.calendar_import import ImportReport
from televent.domain.calendar_import import decoded
from televent.domain.errors import NotFoundError
from televent.domain.sharing import Action, permits
from televent.domain.values import DEFAULT_CALENDAR_SLUG, Actor, Source, SourceKind

from . import sharing_texts
from .service import BotService, Person
from .sharing_service import calendar_name, find_calendar


def import_file(
    service: BotService, person: Person, data: bytes, name: str | None
) -> tuple[str, ImportReport]:
    """Import the file's events; returns the calendar's name (as the person sees it) and what
    was done. A caption that names no calendar the person may add events to is refused with
    the names they may use."""
    account = service.account(person.telegram_id)
    if account is None:
        raise NotFoundError(sharing_texts.not_registered())
    seen = service.queries.seen_calendars(account.account_id)
    writable = [c for c in seen if permits(c.role, Action.WRITE)]
    wanted = (name or "").strip() or DEFAULT_CALENDAR_SLUG
    calendar = find_calendar(writable, wanted)
    if calendar is None:
        names = [calendar_name(c) for c in writable]
        raise NotFoundError(sharing_texts.no_such_calendar(wanted, names))
    actor = Actor(account_id=account.account_id).encode()
    source = Source(SourceKind.BOT, str(person.telegram_id)).encode()
    report = service.app.import_calendar(
        calendar.calendar_id, decoded(data), by=account.account_id, actor=actor, source=source
    )
    return calendar_name(calendar), report
