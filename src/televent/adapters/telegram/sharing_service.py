"""What the sharing commands ask of Televent: sharing one's calendars, answering invitations,
listing calendars and their members, removing members and leaving, as plain synchronous calls
run through the port (like `booking_service`'s).

The identity is the Telegram user who sent the update, never anything typed or carried in a
button; the Calendar aggregate decides each change with the rule of `domain.sharing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from televent.domain.errors import DomainError, NotFoundError
from televent.domain.sharing import Action, Role, Status, permits
from televent.domain.values import Actor, Source, SourceKind, telegram_id_in
from televent.projections.queries import AccountView, Queries, SeenCalendar

from . import sharing_texts as texts
from .service import BotService, Person

DEFAULT_ROLE = Role.WRITE
ROLE_NAMES = {
    "read": Role.READ,
    "view": Role.READ,
    "write": Role.WRITE,
    "edit": Role.WRITE,
    "manage": Role.MANAGE,
}


@dataclass(frozen=True)
class ShareResult:
    """What `/share` did: `outcome` is invited, reinvited (an open invitation's role changed),
    pending (already invited with that role), member (already has it with that role) or
    role_changed (a member's role changed)."""

    outcome: str
    member_name: str
    calendar_name: str
    role: Role


@dataclass(frozen=True)
class Answered:
    """The invitee's answer, and the calendar as their card names it."""

    accepted: bool
    calendar: texts.SharedCalendar


@dataclass(frozen=True)
class Overview:
    """`/calendars`: the person's own calendars, those shared with them, open invitations."""

    own: list[texts.CalendarLine]
    shared: list[texts.CalendarLine]
    invited: list[tuple[UUID, texts.SharedCalendar]]


def role_of_word(word: str) -> Role:
    """A member's role from what the person typed (read/view, write/edit, manage)."""
    role = ROLE_NAMES.get(word.strip().lower())
    if role is None:
        raise DomainError(texts.not_a_role(word))
    return role


def calendar_name(seen: SeenCalendar) -> str:
    """The calendar's name as the person sees it."""
    return seen.view.display_name or seen.view.slug


def describe(queries: Queries, calendar_id: UUID, member: UUID) -> texts.SharedCalendar | None:
    """How a card names a calendar shared with `member` (None: no invitation nor membership,
    or no such calendar any more)."""
    membership = queries.membership(calendar_id, member)
    view = queries.calendar(calendar_id)
    if membership is None or view is None:
        return None
    owner = queries.account_by_id(view.account_id)
    inviter = queries.account_by_id(membership.invited_by)
    owner_name = owner.name if owner is not None else texts.someone()
    return texts.SharedCalendar(
        calendar_name=view.display_name or view.slug,
        owner_name=owner_name,
        inviter_name=inviter.name if inviter is not None else owner_name,
        role=membership.role,
    )


def open_invitation(queries: Queries, calendar_id: UUID, member: UUID) -> texts.SharedCalendar:
    """The calendar of an invitation still to answer (for its card), or NotFoundError."""
    membership = queries.membership(calendar_id, member)
    found = describe(queries, calendar_id, member)
    if membership is None or membership.status is not Status.INVITED or found is None:
        raise NotFoundError(texts.invitation_gone())
    return found


def share(service: BotService, person: Person, words: list[str]) -> ShareResult:
    """`/share <calendar> <@username|telegram id> [read|write|manage]` (role `write` unless
    given; the calendar may be left out while the person has only their default one)."""
    account = account_of(service, person)
    seen = service.queries.seen_calendars(account.account_id)
    own = [s for s in seen if s.owned]
    if words and _is_person(words[0]) and find_calendar(seen, words[0]) is None:
        if len(own) != 1:
            raise DomainError(texts.which_calendar([calendar_name(s) for s in own]))
        calendar, rest = own[0], words
    else:
        calendar, rest = _to_share(service, seen, words[0]), words[1:]
    if len(rest) == 2 and not _is_person(rest[0]) and _is_person(rest[1]):
        rest = [rest[1], rest[0]]  # the role first: "/share family read @anna"
    if not rest or len(rest) > 2:
        raise DomainError(texts.share_with_whom(calendar_name(calendar)))
    role = role_of_word(rest[1]) if len(rest) == 2 else DEFAULT_ROLE
    member = _person(service, rest[0])
    if member.account_id == account.account_id:
        raise DomainError(texts.self_share())
    if member.account_id == calendar.view.account_id:
        raise DomainError(texts.owner_already())
    calendar_id = calendar.calendar_id
    current = service.queries.membership(calendar_id, member.account_id)
    actor, source = who(account, person)
    outcome = "invited"
    if current is not None and current.role is role:
        outcome = "member" if current.active else "pending"
    elif current is not None and current.active:
        service.app.change_member_role(
            calendar_id, by=account.account_id, member=member.account_id, role=role.value,
            actor=actor, source=source,
        )  # fmt: skip
        outcome = "role_changed"
    else:
        service.app.share_calendar(
            calendar_id, by=account.account_id, member=member.account_id, role=role.value,
            actor=actor, source=source,
        )  # fmt: skip
        outcome = "invited" if current is None else "reinvited"
    return ShareResult(outcome, member.name, calendar_name(calendar), role)


def answer(service: BotService, person: Person, calendar_id: UUID, accept: bool) -> Answered:
    """The invitee adds the calendar to theirs, or declines it. Only an invitation made to
    the person who tapped counts: anyone else's tap (a forged or old button) changes nothing."""
    account = account_of(service, person)
    membership = service.queries.membership(calendar_id, account.account_id)
    found = describe(service.queries, calendar_id, account.account_id)
    if membership is None or found is None:
        raise NotFoundError(texts.invitation_gone())
    if membership.active:  # answered already (a second tap, another device)
        if accept:
            return Answered(True, found)
        raise DomainError(texts.already_added(found.calendar_name))
    actor, source = who(account, person)
    service.app.answer_calendar_invitation(
        calendar_id, by=account.account_id, accept=accept, actor=actor, source=source
    )
    return Answered(accept, found)


def overview(service: BotService, person: Person) -> Overview:
    """Every calendar the person sees, with their role, and the invitations to answer."""
    account = account_of(service, person)
    queries = service.queries
    own: list[texts.CalendarLine] = []
    shared: list[texts.CalendarLine] = []
    invited: list[tuple[UUID, texts.SharedCalendar]] = []
    for seen in queries.seen_calendars(account.account_id, invited=True):
        if seen.owned:
            count = len(queries.members_of(seen.calendar_id))
            own.append(
                texts.CalendarLine(calendar_name(seen), seen.view.slug, seen.role, None, count)
            )
        elif seen.status is Status.ACTIVE:
            owner = queries.account_by_id(seen.view.account_id)
            owner_name = owner.name if owner is not None else None
            shared.append(
                texts.CalendarLine(calendar_name(seen), seen.view.slug, seen.role, owner_name)
            )
        else:
            described = describe(queries, seen.calendar_id, account.account_id)
            if described is not None:
                invited.append((seen.calendar_id, described))
    return Overview(own, shared, invited)


def members(service: BotService, person: Person, name: str) -> tuple[str, list[texts.MemberLine]]:
    """Who has one of the calendars the person sees: the owner first, then members and open
    invitations in the order they were invited."""
    account = account_of(service, person)
    seen = find_calendar(service.queries.seen_calendars(account.account_id), name)
    if seen is None:
        raise NotFoundError(texts.no_such_calendar(name, _names(service, account)))
    queries = service.queries
    owner = queries.account_by_id(seen.view.account_id)
    people = [texts.MemberLine(owner.name if owner is not None else texts.someone(), Role.OWNER)]
    for member in queries.members_of(seen.calendar_id):
        found = queries.account_by_id(member.account_id)
        people.append(
            texts.MemberLine(
                found.name if found is not None else texts.someone(), member.role, not member.active
            )
        )
    return calendar_name(seen), people


def unshare(service: BotService, person: Person, words: list[str]) -> tuple[str, str]:
    """`/unshare <calendar> <@username|id>`: the member (or the open invitation) goes;
    returns (member's name, calendar's name)."""
    account = account_of(service, person)
    seen = service.queries.seen_calendars(account.account_id)
    own = [s for s in seen if s.owned]
    if len(words) == 1 and _is_person(words[0]) and len(own) == 1:
        words = [own[0].view.slug, words[0]]
    if len(words) != 2:
        raise DomainError(texts.unshare_usage())
    calendar = find_calendar(seen, words[0])
    if calendar is None:
        raise NotFoundError(texts.no_such_calendar(words[0], _names(service, account)))
    member = _person(service, words[1])
    if member.account_id == account.account_id:
        raise DomainError(texts.leave_own() if calendar.owned else texts.self_share())
    name = calendar_name(calendar)
    if service.queries.membership(calendar.calendar_id, member.account_id) is None:
        raise NotFoundError(texts.not_shared_with(member.name, name))
    actor, source = who(account, person)
    service.app.remove_member(
        calendar.calendar_id, by=account.account_id, member=member.account_id,
        actor=actor, source=source,
    )  # fmt: skip
    return member.name, name


def leave(service: BotService, person: Person, name: str) -> str:
    """`/leave <calendar>`: a calendar shared with the person (or an invitation) goes from
    their calendars; returns its name."""
    account = account_of(service, person)
    seen = service.queries.seen_calendars(account.account_id, invited=True)
    calendar = find_calendar(seen, name)
    if calendar is None:
        raise NotFoundError(texts.not_member_of(name))
    if calendar.owned:
        raise DomainError(texts.leave_own())
    actor, source = who(account, person)
    service.app.remove_member(
        calendar.calendar_id, by=account.account_id, member=account.account_id,
        actor=actor, source=source,
    )  # fmt: skip
    return calendar_name(calendar)


# --- helpers --------------------------------------------------------------------------------


def _to_share(service: BotService, seen: list[SeenCalendar], name: str) -> SeenCalendar:
    """The calendar the person may share by that name: one of their own, or one shared with
    them that they can manage."""
    calendar = find_calendar(seen, name)
    if calendar is None:
        own = [calendar_name(s) for s in seen if s.owned]
        raise NotFoundError(texts.no_such_calendar(name, own))
    if not permits(calendar.role, Action.MANAGE):
        owner = service.queries.account_by_id(calendar.view.account_id)
        owner_name = owner.name if owner is not None else texts.someone()
        raise DomainError(texts.not_yours(calendar_name(calendar), owner_name, calendar.role))
    return calendar


def find_calendar(seen: list[SeenCalendar], name: str) -> SeenCalendar | None:
    """A calendar by slug or name, any case: the person's own first, then shared ones."""
    wanted = name.strip().lower()
    for calendar in sorted(seen, key=lambda s: not s.owned):
        names = {calendar.view.slug.lower(), calendar_name(calendar).lower()}
        if wanted in names:
            return calendar
    return None


def _names(service: BotService, account: AccountView) -> list[str]:
    return [calendar_name(s) for s in service.queries.seen_calendars(account.account_id)]


def _is_person(word: str) -> bool:
    return word.startswith("@") or telegram_id_in(word) is not None


def _person(service: BotService, word: str) -> AccountView:
    """The Televent user someone means by an @username or a Telegram id."""
    if word.startswith("@") and len(word) > 1:
        found = service.queries.account_by_username(word)
    elif (number := telegram_id_in(word)) is not None:
        found = service.queries.account_by_telegram_id(number)
    else:
        raise DomainError(texts.not_a_person(word))
    if found is None:
        raise DomainError(texts.not_started(word))
    return found


def account_of(service: BotService, person: Person) -> AccountView:
    """The person's account (NotFoundError, worded, when they have not started the bot)."""
    account = service.account(person.telegram_id)
    if account is None:
        raise NotFoundError(texts.not_registered())
    return account


def who(account: AccountView, person: Person) -> tuple[str, str]:
    """The actor and source a change the person asks the bot for is recorded under."""
    actor = Actor(account_id=account.account_id).encode()
    return actor, Source(SourceKind.BOT, str(person.telegram_id)).encode()
