"""Who may do what to a calendar: the one rule every surface applies (docs/adr/0017).

A calendar has an owner and members. Each member has a role: `read` (see events and
free-busy), `write` (also create, change and delete events) or `manage` (also add, remove and
re-role members). The owner has every right, and alone may rename or delete the calendar for
everyone. The owner of a subscribed calendar (its events come from a feed, docs/adr/0025) is
its `subscriber`: every right of an owner but changing its events, which only the feed does;
its members can only be given `read`. A membership starts `invited`; it gives no right until
the member accepts it ("nobody gets a calendar they did not accept").

`permits(role, action)` is the rule; the Calendar aggregate applies it to membership changes,
and the application (application/access.py) applies it to every read and write an adapter asks
for, with the role read from the members read model at the moment of the request.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from televent.domain.errors import DomainError

MAX_MEMBERS = 500  # invitations included: a calendar is shared with at most this many people
SHARED_SLUG_PREFIX = "shared-"


class Role(StrEnum):
    """What a person is to a calendar."""

    READ = "read"
    WRITE = "write"
    MANAGE = "manage"
    OWNER = "owner"
    SUBSCRIBER = "subscriber"  # the owner of a calendar whose events come from a feed


class Action(StrEnum):
    """What a person asks to do to a calendar."""

    READ = "read"  # its events, free-busy, its members
    WRITE = "write"  # create, change and delete its events
    MANAGE = "manage"  # add, remove and re-role members
    ADMINISTER = "administer"  # rename it for everyone, delete it


class Status(StrEnum):
    """Where a membership stands."""

    INVITED = "invited"
    ACTIVE = "active"


MEMBER_ROLES = (Role.READ, Role.WRITE, Role.MANAGE)

_RIGHTS: dict[Role, frozenset[Action]] = {
    Role.READ: frozenset({Action.READ}),
    Role.WRITE: frozenset({Action.READ, Action.WRITE}),
    Role.MANAGE: frozenset({Action.READ, Action.WRITE, Action.MANAGE}),
    Role.OWNER: frozenset(Action),
    Role.SUBSCRIBER: frozenset(Action) - {Action.WRITE},
}

# What the bot and the Mini App say of a role ("Ann shares 'Family' with you — can edit").
ROLE_WORDS = {
    Role.READ: "can view",
    Role.WRITE: "can edit",
    Role.MANAGE: "can manage",
    Role.OWNER: "owner",
    Role.SUBSCRIBER: "owner (subscribed)",
}


def permits(role: Role | None, action: Action) -> bool:
    """Whether someone with this role (None: no role at all) may do this."""
    return role is not None and action in _RIGHTS[role]


def owner_role(*, subscribed: bool) -> Role:
    """What a calendar's owner is to it: OWNER, or SUBSCRIBER when its events come from a feed
    (read-only for everyone: only the feed's refresh changes them)."""
    return Role.SUBSCRIBER if subscribed else Role.OWNER


def is_owner(role: Role | None) -> bool:
    """Whether the role is the calendar's owner's (a subscribed feed's owner included)."""
    return role in (Role.OWNER, Role.SUBSCRIBER)


def member_role(text: str) -> Role:
    """A role a member can be given, from its name (any case); DomainError otherwise."""
    try:
        role = Role(text.strip().lower())
    except ValueError:
        role = None
    if role not in MEMBER_ROLES:
        raise DomainError(f"{text!r} is not a role: use read, write or manage.").worded(
            "refusal-calendars-not-a-role", role=text.strip()[:40]
        )
    assert role is not None
    return role


def default_busy(role: Role) -> bool:
    """Whether a calendar counts as busy time for its member's booking links unless they say:
    yes for calendars they can write (and their own, subscribed ones too), no for read-only
    ones shared with them."""
    return role is Role.SUBSCRIBER or permits(role, Action.WRITE)


def shared_slug(calendar_id: UUID) -> str:
    """The name under which a calendar shared with someone appears in their calendar home
    (the same for every member: it names the calendar, not the person)."""
    return f"{SHARED_SLUG_PREFIX}{calendar_id.hex}"


def calendar_id_of_shared_slug(slug: str) -> UUID | None:
    """The calendar a shared calendar's name stands for (None for any other name)."""
    if not slug.startswith(SHARED_SLUG_PREFIX):
        return None
    digits = slug[len(SHARED_SLUG_PREFIX) :]
    if len(digits) != 32 or any(c not in "0123456789abcdef" for c in digits):
        return None
    return UUID(digits)
