"""What the bot says about calendars people share: /share, /calendars, /unshare, /leave, the
invitee's card with [Add to my calendars] [Decline], and the owner's notices of the answer.

Every text is a message of the catalogue (locales/<language>/bot-sharing.ftl), rendered in the
current language: the person who wrote, or, for a card or notice sent through the delivery
queue, its recipient (delivery.py sets it). Roles are said as people understand them ("can
view", "can edit", "can manage"), in the reader's language. Texts raised as errors are plain
(the account middleware answers them without markup); everything else is Telegram HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from babel.lists import format_list

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import locale_of
from televent.domain.sharing import Role

from .texts import shown

MAX_CARDS = 5  # invitation cards /calendars shows again, at most


@dataclass(frozen=True)
class SharedCalendar:
    """A calendar shared with someone, as their messages name it."""

    calendar_name: str
    owner_name: str
    inviter_name: str
    role: Role


def role_words(role: Role) -> str:
    """ "can view", "can edit", "can manage" or "owner", in the current language."""
    return t("share-role", role=role.value)


def listed(items: list[str]) -> str:
    """Names as a list reads in the current language: "Calendar, Family and Work"."""
    if not items:
        return ""
    return str(format_list(items, style="standard", locale=locale_of(current_language())))


def someone() -> str:
    """The name of a person the bot no longer knows."""
    return t("share-someone")


# --- how to use the commands -----------------------------------------------------------------


def share_usage() -> str:
    return t("share-usage")


def unshare_usage() -> str:
    return t("share-unshare-usage")


def leave_usage() -> str:
    return t("share-leave-usage")


# --- refusals (plain text) --------------------------------------------------------------------


def not_registered() -> str:
    return t("share-not-registered")


def self_share() -> str:
    return t("share-self")


def owner_already() -> str:
    return t("share-owner-already")


def invitation_gone() -> str:
    return t("share-invitation-gone")


def leave_own() -> str:
    return t("share-leave-own")


def not_a_role(word: str) -> str:
    return t("share-not-a-role", word=word)


def not_a_person(word: str) -> str:
    return t("share-not-a-person", word=word)


def not_started(word: str) -> str:
    return t("share-not-started", word=word)


def no_such_calendar(name: str, names: list[str]) -> str:
    return t("share-no-such-calendar", name=name, names=listed(names))


def which_calendar(names: list[str]) -> str:
    return t(
        "share-which-calendar", count=len(names), names=listed(names), example=_word(names[-1])
    )


def not_yours(name: str, owner: str, role: Role) -> str:
    return t("share-not-yours", name=name, owner=owner, role=role.value)


def share_with_whom(name: str) -> str:
    return t("share-with-whom", name=name, example=_word(name))


def not_shared_with(name: str, calendar: str) -> str:
    return t("share-not-shared-with", name=name, calendar=calendar, example=_word(calendar))


def not_member_of(name: str) -> str:
    return t("share-not-member-of", name=name)


def already_added(name: str) -> str:
    return t("share-already-added", name=name, example=_word(name))


# --- answers to /share, /unshare, /leave -----------------------------------------------------


def shared(outcome: str, member: str, calendar: str, role: Role) -> str:
    """The answer to /share, by what it did (see sharing_service.share)."""
    args = {"member": shown(member), "calendar": shown(calendar), "role": role_words(role)}
    if outcome == "member":
        return t("share-done-member", **args)
    if outcome == "role_changed":
        return t("share-done-role-changed", **args)
    if outcome == "pending":
        return t("share-done-pending", **args)
    if outcome == "reinvited":
        return t("share-done-reinvited", **args)
    return t("share-done-invited", **args)


def unshared(member: str, calendar: str) -> str:
    return t("share-unshared", member=shown(member), calendar=shown(calendar))


def left(calendar: str) -> str:
    return t("share-left", calendar=shown(calendar))


# --- the invitee's card and its answers ------------------------------------------------------


def invitation_card(shared_calendar: SharedCalendar) -> str:
    """ "Ann shares 'Family' with you — can edit", and what adding it does."""
    s = shared_calendar
    args = {
        "inviter": shown(s.inviter_name),
        "calendar": shown(s.calendar_name),
        "role": role_words(s.role),
    }
    if s.inviter_name == s.owner_name:
        head = t("share-card", **args)
    else:
        head = t("share-card-of", owner=shown(s.owner_name), **args)
    return f"{head}\n{t('share-card-hint')}"


def added(shared_calendar: SharedCalendar) -> str:
    s = shared_calendar
    return t(
        "share-added",
        calendar=shown(s.calendar_name),
        owner=shown(s.owner_name),
        role=role_words(s.role),
    )


def declined(shared_calendar: SharedCalendar) -> str:
    s = shared_calendar
    return t("share-declined", calendar=shown(s.calendar_name), inviter=shown(s.inviter_name))


def tapped(accepted: bool) -> str:
    """The short answer to a tap on [Add to my calendars] or [Decline]."""
    return t("share-tap-added") if accepted else t("share-tap-declined")


def owner_notice(kind_accepted: bool, member: str, calendar: str) -> str:
    """The owner's message when the invitee answers (in the owner's language: delivery.py
    renders it for them)."""
    args = {"member": shown(member), "calendar": shown(calendar)}
    if kind_accepted:
        return t("share-owner-accepted", **args)
    return t("share-owner-declined", **args)


# --- /calendars -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarLine:
    """One calendar in /calendars."""

    name: str
    slug: str
    role: Role
    owner_name: str | None = None  # shared with the person: whose it is
    members: int = 0  # own: how many people have it or are invited


def overview(
    own: list[CalendarLine], shared_calendars: list[CalendarLine], invited: list[SharedCalendar]
) -> str:
    """Every calendar the person sees, with their role, and the invitations to answer."""
    lines = [t("share-overview-title")]
    for line in own:
        lines.append(t("share-overview-own", name=shown(line.name), count=line.members))
    if shared_calendars:
        lines.append("\n" + t("share-overview-shared-title"))
        for line in shared_calendars:
            lines.append(
                t(
                    "share-overview-shared",
                    name=shown(line.name),
                    owner=shown(line.owner_name or someone()),
                    role=role_words(line.role),
                )
            )
    if invited:
        lines.append("\n" + t("share-overview-invited-title"))
        for s in invited:
            lines.append(
                t(
                    "share-overview-invited",
                    name=shown(s.calendar_name),
                    inviter=shown(s.inviter_name),
                    role=role_words(s.role),
                )
            )
    lines.append("\n" + t("share-overview-hint"))
    return "\n".join(lines)


@dataclass(frozen=True)
class MemberLine:
    """One person in `/calendars <name>`."""

    name: str
    role: Role
    invited: bool = False


def members(calendar: str, people: list[MemberLine]) -> str:
    """Who has one calendar, with their role; invitations not answered yet are marked."""
    lines = [f"👥 <b>{shown(calendar)}</b>"]
    for person in people:
        args = {"name": shown(person.name), "role": role_words(person.role)}
        lines.append(
            t("share-member-invited", **args) if person.invited else t("share-member", **args)
        )
    if len(people) == 1:
        lines.append(t("share-members-alone", example=escape(_word(calendar))))
    return "\n".join(lines)


def _word(name: str) -> str:
    """What to type for a calendar in an example (its first word, lower case)."""
    return (name.split(maxsplit=1) or ["family"])[0].lower()
