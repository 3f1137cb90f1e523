"""What the bot asks of Televent in a Telegram group (docs/adr/0018), as plain synchronous
calls run through the port: the group's calendar (opened on first use), events posted from the
group, answers on their cards, listings, joining, settings, and the bot leaving and coming back.

In a group nobody becomes a Televent user by writing or tapping: the person who first uses the
bot there is registered (they own the group's calendar), and so is whoever joins the calendar
(a membership needs an account); an answer on a card needs none (the internal address
`tg_<id>@<internal domain>` stands for the person). The identity is the Telegram user who sent
the update, and the group is the chat it came from, never anything typed or carried in a button.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from aiogram.types import InlineKeyboardMarkup

from televent.adapters.i18n import speaking, t
from televent.domain.calendar_reading import read_calendar
from televent.domain.errors import NotFoundError
from televent.domain.group_chat import group_source, group_title
from televent.domain.languages import DEFAULT_LANGUAGE
from televent.domain.sharing import Role
from televent.domain.values import (
    Actor,
    PartStat,
    internal_address,
    internal_uri,
    telegram_id_of,
)
from televent.projections.queries import AccountView, GroupChatView, ObjectView, Queries

from . import group_texts, texts
from .parsing import parse_create_line
from .service import BotService, Person, new_event_text


@dataclass(frozen=True)
class Group:
    """The group an update came from: its chat id and title (Telegram vouches for both)."""

    chat_id: int
    title: str | None

    @property
    def name(self) -> str:
        return group_title(self.title, self.chat_id)


@dataclass(frozen=True)
class Opened:
    """The group's calendar, and whether this call made it (then the group is told)."""

    group: GroupChatView
    opened: bool
    owner_name: str


@dataclass(frozen=True)
class CardReader:
    """Whose language, clock and time zone a group's posted cards are written in."""

    language: str
    hour_cycle: str | None
    timezone: str


def card_reader(queries: Queries, chat_id: int) -> CardReader:
    """The one answer, for everything posted to a group and edited later: a group has no
    single reader, so its event cards (edited in place whoever taps, reminders posted there)
    are written in the group calendar owner's language, clock and zone, and read the same after
    every edit. Answers to the person who wrote a command or tapped a button are in that
    person's own language (the account middleware sets it)."""
    group = queries.group_chat(chat_id)
    owner = None if group is None else queries.account_by_id(group.owner_id)
    if owner is None:
        return CardReader(DEFAULT_LANGUAGE, None, "UTC")
    return CardReader(owner.language, owner.preferences.hour_cycle, owner.timezone)


def group_zone(queries: Queries, chat_id: int) -> str:
    """The zone a group's times are shown and read in: its calendar owner's."""
    return card_reader(queries, chat_id).timezone


def group_language(queries: Queries, chat_id: int) -> str:
    """The language of what is posted to a group: its calendar owner's (see card_reader)."""
    return card_reader(queries, chat_id).language


def ensure(service: BotService, group: Group, person: Person) -> Opened:
    """The group's calendar; made now, owned by `person` (registered on the spot), when the
    group has none or its calendar is gone. A new group title renames it."""
    queries = service.queries
    found = queries.group_chat(group.chat_id)
    if found is not None and queries.calendar(found.calendar_id) is not None:
        if found.title != group.name:
            actor, source = _who(service, group, person)
            service.app.open_group_calendar(
                group.chat_id, title=group.name, opener=found.owner_id, actor=actor, source=source
            )
            found = _group(queries, group.chat_id)
        return Opened(found, False, _name(queries, found.owner_id))
    account, _ = service.register(person)
    actor, source = _who(service, group, person)
    service.app.open_group_calendar(
        group.chat_id, title=group.name, opener=account.account_id, timezone=account.timezone,
        actor=actor, source=source,
    )  # fmt: skip
    return Opened(_group(queries, group.chat_id), True, account.name)


def create(
    service: BotService, group: Group, person: Person, line: str, *, admin: bool, now: dt.datetime
) -> tuple[Opened, UUID]:
    """`/create <what, when…>` in the group: the event goes into the group's calendar at once
    (organised by the calendar's owner, as every event of a shared calendar is)."""
    opened = ensure(service, group, person)
    zone = group_zone(service.queries, group.chat_id)
    new = parse_create_line(line, zone, now)
    owner = service.queries.account_by_id(opened.group.owner_id)
    if owner is None:
        raise NotFoundError(t("group-gone"))
    _, text = new_event_text(
        new, (internal_uri(owner.telegram_id, service.domain), owner.name), now
    )
    account = service.account(person.telegram_id)
    actor, source = _who(service, group, person)
    event_id = service.app.add_group_event(
        group.chat_id, text, by=None if account is None else account.account_id, admin=admin,
        actor=actor, source=source,
    )  # fmt: skip
    return opened, event_id


def posted_card(
    service: BotService, chat_id: int, event_id: UUID
) -> tuple[str, InlineKeyboardMarkup]:
    """A group event's card and its buttons as they are now, in the words of the group's
    calendar owner (card_reader), whoever asked for it (NotFoundError: not this group's
    event)."""
    reader = card_reader(service.queries, chat_id)
    text = _card(service, chat_id, event_id, reader)
    with speaking(reader.language):
        return text, group_texts.card_markup(event_id)


def card(service: BotService, chat_id: int, event_id: UUID) -> str:
    """A group event's card as it is now, in the group calendar owner's language, clock and
    zone (NotFoundError: not this group's event)."""
    return _card(service, chat_id, event_id, card_reader(service.queries, chat_id))


def _card(service: BotService, chat_id: int, event_id: UUID, reader: CardReader) -> str:
    """The card's text, written for `reader`; a refusal in the current language (the
    tapper's)."""
    queries = service.queries
    obj = _object(queries, chat_id, event_id)
    calendar = read_calendar(obj.ical)
    lead = next((c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" not in c), None)
    if lead is None:
        raise NotFoundError(t("group-not-an-event"))
    counts = dict.fromkeys(group_texts.ICONS, 0)
    for row in queries.attendees_of(event_id):  # the Telegram users' answers, as `who` lists
        answer = _partstat(row["partstat"])
        if answer in counts and telegram_id_of(str(row["address"]), service.domain) is not None:
            counts[answer] += 1
    start, end = lead.get("DTSTART"), lead.get("DTEND")
    location = lead.get("LOCATION")
    with speaking(reader.language):
        return group_texts.card(
            str(lead.get("SUMMARY") or group_texts.no_title()),
            None if start is None else start.dt,
            None if end is None else end.dt,
            None if location is None else str(location),
            counts,
            texts.zone(reader.timezone),
            cancelled=str(lead.get("STATUS", "")).upper() == "CANCELLED",
            hour_cycle=reader.hour_cycle,
        )


def answer(
    service: BotService, group: Group, person: Person, event_id: UUID, code: str
) -> PartStat:
    """✅ ❔ ❌ on a card: the tapper is an attendee with that answer."""
    partstat = group_texts.ANSWER_CODES.get(code)
    if partstat is None:
        raise NotFoundError(group_texts.stale())
    _object(service.queries, group.chat_id, event_id)
    actor, source = _who(service, group, person)
    service.app.answer_group_event(
        group.chat_id, event_id, telegram_id=person.telegram_id, name=person.name,
        partstat=partstat, actor=actor, source=source,
    )  # fmt: skip
    return partstat


def who(service: BotService, chat_id: int, event_id: UUID) -> str:
    """Who answered what among the Telegram users (names as they gave them on the card, else
    their Televent names); invitees outside Telegram (email addresses) are not shown to the
    group."""
    queries = service.queries
    _object(queries, chat_id, event_id)
    names: dict[PartStat, list[str]] = {answer: [] for answer in group_texts.ICONS}
    for row in queries.attendees_of(event_id):
        answer = _partstat(row["partstat"])
        telegram_id = telegram_id_of(str(row["address"]), service.domain)
        if answer not in names or telegram_id is None:
            continue
        name = row["cn"]
        if not name:
            known = service.account(telegram_id)
            name = known.name if known is not None else group_texts.user(telegram_id)
        names[answer].append(str(name))
    return group_texts.who(names)


def listing(
    service: BotService, group: Group, person: Person, title: str, start: dt.datetime, days: int
) -> str:
    """The group calendar's events from local midnight of `start`'s day, for `days` days
    (`days` 0: the next 90 days, at most ten), in the group's zone."""
    opened = ensure(service, group, person)
    queries = service.queries
    owner = queries.account_by_id(opened.group.owner_id)
    if owner is None:
        raise NotFoundError(t("group-gone"))
    tz = texts.zone(group_zone(queries, group.chat_id))
    if days:
        first = dt.datetime.combine(start.astimezone(tz).date(), dt.time(), tzinfo=tz)
        end = dt.datetime.combine(first.date() + dt.timedelta(days=days), dt.time(), tzinfo=tz)
    else:
        first, end = start, start + dt.timedelta(days=90)
    found = service.reader.listing(owner, first, end, calendars={opened.group.calendar_id})
    occurrences = [dataclasses.replace(o, my_answer=None) for o in found.occurrences]
    if not days:
        occurrences = occurrences[:10]
    # an answer to whoever asked: their language (the middleware's) and clock, the group's zone
    asker = service.account(person.telegram_id)
    cycle = None if asker is None else asker.preferences.hour_cycle
    return texts.agenda(title, occurrences, tz, unreadable=len(found.unreadable), hour_cycle=cycle)


def join(service: BotService, group: Group, person: Person, *, admin: bool) -> tuple[str, Role]:
    """[Join this calendar]: the tapper (registered on the spot) becomes a member."""
    found = service.queries.group_chat(group.chat_id)
    if found is None or service.queries.calendar(found.calendar_id) is None:
        raise NotFoundError(t("group-no-calendar"))
    account, _ = service.register(person)
    actor, source = _who(service, group, person)
    role = service.app.join_group_calendar(
        group.chat_id, member=account.account_id, admin=admin, actor=actor, source=source
    )
    return found.title, role


def about(service: BotService, group: Group, person: Person) -> tuple[Opened, str]:
    """/calendar: the group's calendar (opened now if need be) and its settings."""
    opened = ensure(service, group, person)
    found = opened.group
    members = sum(1 for m in service.queries.members_of(found.calendar_id) if m.active)
    text = group_texts.about(
        found.title, opened.owner_name, members, members_edit=found.members_edit,
        reminders=found.reminders,
    )  # fmt: skip
    return opened, text


def change_setting(
    service: BotService, group: Group, person: Person, what: str, value: bool, *, admin: bool
) -> None:
    """`/calendar edit|reminders on|off` by an admin of the group."""
    account = service.account(person.telegram_id)
    actor, source = _who(service, group, person)
    service.app.change_group_settings(
        group.chat_id, {what: value}, by=None if account is None else account.account_id,
        admin=admin, actor=actor, source=source,
    )  # fmt: skip


def bot_left(service: BotService, chat_id: int, person: Person | None) -> None:
    """The bot was removed from the group: its calendar stays as it is."""
    actor, source = _who(service, Group(chat_id, None), person)
    service.app.group_bot_left(chat_id, actor=actor, source=source)


def member_left(service: BotService, chat_id: int, person: Person) -> bool:
    """Someone left the group or was removed from it: they leave its calendar too (the
    calendar's owner stays its owner). False when they were not a member of it."""
    account = service.account(person.telegram_id)
    if account is None:
        return False
    actor, source = _who(service, Group(chat_id, None), None)
    return service.app.leave_group_calendar(
        chat_id, member=account.account_id, actor=actor, source=source
    )


def member_changed(service: BotService, chat_id: int, person: Person, *, admin: bool) -> None:
    """Someone became an admin of the group, or stopped being one: their role in its
    calendar follows (nothing when they do not have it, or the group has no calendar)."""
    account = service.account(person.telegram_id)
    if account is None:
        return
    actor, source = _who(service, Group(chat_id, None), None)
    try:
        service.app.group_member_changed(
            chat_id, member=account.account_id, admin=admin, actor=actor, source=source
        )
    except NotFoundError:
        return


def members_to_check(service: BotService, chat_id: int, limit: int = 200) -> list[int]:
    """The Telegram ids of the people who have the group's calendar (its owner apart), at most
    `limit`: whose membership of the group to ask Telegram about when the bot comes back,
    since it heard nothing while it was away."""
    found = service.queries.group_chat(chat_id)
    if found is None:
        return []
    ids = []
    for member in service.queries.members_of(found.calendar_id):
        if member.active:
            account = service.queries.account_by_id(member.account_id)
            if account is not None:
                ids.append(account.telegram_id)
    return ids[:limit]


def bot_returned(service: BotService, chat_id: int, person: Person | None) -> GroupChatView | None:
    """The bot is in the group (again): the group's calendar, if it had one."""
    actor, source = _who(service, Group(chat_id, None), person)
    if not service.app.group_bot_returned(chat_id, actor=actor, source=source):
        return None
    found = service.queries.group_chat(chat_id)
    if found is None or service.queries.calendar(found.calendar_id) is None:
        return None
    return found


# --- helpers --------------------------------------------------------------------------------


def _object(queries: Queries, chat_id: int, event_id: UUID) -> ObjectView:
    """An event of this group's calendar (a forged or another group's button: not found)."""
    found = queries.group_chat(chat_id)
    obj = queries.object_by_event_id(event_id)
    if found is None or obj is None or obj.calendar_id != found.calendar_id:
        raise NotFoundError(t("group-not-in-calendar"))
    return obj


def _group(queries: Queries, chat_id: int) -> GroupChatView:
    found = queries.group_chat(chat_id)
    if found is None:
        raise NotFoundError(t("group-no-calendar"))
    return found


def _name(queries: Queries, account_id: UUID) -> str:
    owner: AccountView | None = queries.account_by_id(account_id)
    return owner.name if owner is not None else group_texts.someone()


def _partstat(value: object) -> PartStat | None:
    try:
        return PartStat(str(value).upper())
    except ValueError:
        return None


def _who(service: BotService, group: Group, person: Person | None) -> tuple[str, str]:
    """The actor (the person's account, or their internal address when they have none) and
    the source (the group's chat)."""
    source = group_source(group.chat_id)
    if person is None:
        return Actor().encode(), source
    account = service.account(person.telegram_id)
    if account is not None:
        return Actor(account_id=account.account_id).encode(), source
    return Actor(address=internal_address(person.telegram_id, service.domain)).encode(), source
