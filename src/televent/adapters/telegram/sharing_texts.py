"""What the bot says about calendars people share: /share, /calendars, /unshare, /leave, the
invitee's card with [Add to my calendars] [Decline], and the owner's notices of the answer.

Roles are said in the words of `domain.sharing.ROLE_WORDS` ("can view", "can edit", "can
manage"). Texts raised as errors are plain (the account middleware answers them without
markup); everything else is Telegram HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from televent.domain.sharing import ROLE_WORDS, Role

MAX_CARDS = 5  # invitation cards /calendars shows again, at most

SHARE_USAGE = (
    "<b>Share a calendar</b>\n"
    "<code>/share family @anna</code> — Anna can see and edit its events\n"
    "<code>/share family @anna read</code> — she can only see them\n"
    "<code>/share family 123456789 manage</code> — by Telegram id; she can also share it\n"
    "With just your default calendar, <code>/share @anna</code> is enough. "
    "They get a card to add it or decline it. /calendars lists your calendars."
)
UNSHARE_USAGE = (
    "Stop sharing a calendar with someone: <code>/unshare family @anna</code>. "
    "/calendars family shows who has it."
)
LEAVE_USAGE = (
    "Remove a calendar someone shares with you: <code>/leave family</code>. /calendars lists them."
)

# Plain texts of refusals (raised as errors, answered as they are).
NOT_REGISTERED = "You are not registered yet: send /start first."
SELF = "That is you: your own calendars are yours already. Share with someone else."
OWNER = "That person owns this calendar already."
INVITATION_GONE = (
    "This invitation is no longer open: it was answered, withdrawn, or was never yours."
)
LEAVE_OWN = (
    "That calendar is yours, so you cannot leave it. To stop sharing it with someone: "
    "/unshare <calendar> @username."
)


@dataclass(frozen=True)
class SharedCalendar:
    """A calendar shared with someone, as their messages name it."""

    calendar_name: str
    owner_name: str
    inviter_name: str
    role: Role


def role_words(role: Role) -> str:
    """ "can view", "can edit", "can manage" or "owner"."""
    return ROLE_WORDS[role]


def quoted(name: str) -> str:
    """A calendar's name as a message shows it: 'Family' (HTML)."""
    return f"‘{escape(name)}’"


# --- refusals (plain text) --------------------------------------------------------------------


def not_a_role(word: str) -> str:
    return f"“{word}” is not a role: use read (can view), write (can edit) or manage."


def not_a_person(word: str) -> str:
    return f"“{word}” is not a person: give their @username or their Telegram id."


def not_started(word: str) -> str:
    return (
        f"{word} has not started the bot yet. Ask them to open it and press Start, "
        "then share again."
    )


def no_such_calendar(name: str, names: list[str]) -> str:
    mine = ", ".join(names)
    return f"You have no calendar “{name}”. Yours: {mine}. /calendars lists them."


def which_calendar(names: list[str]) -> str:
    return (
        f"Which calendar? You have {len(names)}: {', '.join(names)}. "
        f"Name it first, like /share {_word(names[-1])} @username."
    )


def not_yours(name: str, owner: str, role: Role) -> str:
    return (
        f"“{name}” is {owner}’s calendar and you {role_words(role)} it: only its owner, or "
        "someone who can manage it, shares it."
    )


def share_with_whom(name: str) -> str:
    return f"Share “{name}” with whom? Like /share {_word(name)} @username [read|write|manage]."


def not_shared_with(name: str, calendar: str) -> str:
    return f"{name} does not have “{calendar}”. /calendars {_word(calendar)} shows who has it."


def not_member_of(name: str) -> str:
    return f"Nobody shares a calendar “{name}” with you. /calendars lists yours."


def already_added(name: str) -> str:
    return f"You already added “{name}”. To remove it: /leave {_word(name)}."


# --- answers to /share, /unshare, /leave -----------------------------------------------------


def shared(outcome: str, member: str, calendar: str, role: Role) -> str:
    """The answer to /share, by what it did (see sharing_service.share)."""
    who, what, words = escape(member), quoted(calendar), role_words(role)
    if outcome == "member":
        return f"👌 {who} already has {what} — {words}. Nothing changed."
    if outcome == "role_changed":
        return f"✅ {who} now {words} {what}."
    if outcome == "pending":
        return (
            f"⏳ {who} is already invited to {what} ({words}) and has not answered yet. "
            "The card is in their chat."
        )
    if outcome == "reinvited":
        return f"📨 {who}’s invitation to {what} now says: {words}. A new card is on its way."
    return (
        f"📨 {who} is invited to {what} — {words}. They get a card to add it to their "
        "calendars or decline it; nothing is shared until they add it."
    )


def unshared(member: str, calendar: str) -> str:
    return f"➖ {escape(member)} no longer has {quoted(calendar)}."


def left(calendar: str) -> str:
    return f"👋 {quoted(calendar)} is no longer in your calendars."


# --- the invitee's card and its answers ------------------------------------------------------


def invitation_card(shared_calendar: SharedCalendar) -> str:
    """ "Ann shares 'Family' with you — can edit", and what adding it does."""
    s = shared_calendar
    whose = "" if s.inviter_name == s.owner_name else f" ({escape(s.owner_name)}’s calendar)"
    return (
        f"📅 <b>{escape(s.inviter_name)}</b> shares {quoted(s.calendar_name)}{whose} with you — "
        f"{role_words(s.role)}\n"
        "Add it to see its events here, in the app and in your calendar apps."
    )


def added(shared_calendar: SharedCalendar) -> str:
    s = shared_calendar
    return (
        f"✅ {quoted(s.calendar_name)} ({escape(s.owner_name)}’s) is in your calendars — "
        f"{role_words(s.role)}. /calendars lists them."
    )


def declined(shared_calendar: SharedCalendar) -> str:
    s = shared_calendar
    return f"➖ You declined {quoted(s.calendar_name)} from {escape(s.inviter_name)}."


def owner_notice(kind_accepted: bool, member: str, calendar: str) -> str:
    """The owner's message when the invitee answers."""
    if kind_accepted:
        return f"✅ {escape(member)} added {quoted(calendar)} to their calendars."
    return f"➖ {escape(member)} declined {quoted(calendar)}."


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
    lines = ["📅 <b>Your calendars</b>"]
    for line in own:
        with_whom = f", shared with {line.members}" if line.members else ""
        lines.append(f"• <b>{escape(line.name)}</b> — yours{with_whom}")
    if shared_calendars:
        lines.append("\n<b>Shared with you</b>")
        for line in shared_calendars:
            lines.append(
                f"• <b>{escape(line.name)}</b> — {escape(line.owner_name or 'someone')}’s, "
                f"{role_words(line.role)}"
            )
    if invited:
        lines.append("\n<b>Waiting for your answer</b>")
        for s in invited:
            lines.append(
                f"• <b>{escape(s.calendar_name)}</b> — from {escape(s.inviter_name)}, "
                f"{role_words(s.role)}"
            )
    lines.append(
        "\n<code>/calendars family</code> shows who has a calendar; "
        "<code>/share family @anna</code> shares one."
    )
    return "\n".join(lines)


@dataclass(frozen=True)
class MemberLine:
    """One person in `/calendars <name>`."""

    name: str
    role: Role
    invited: bool = False


def members(calendar: str, people: list[MemberLine]) -> str:
    """Who has one calendar, with their role; invitations not answered yet are marked."""
    lines = [f"👥 <b>{escape(calendar)}</b>"]
    for person in people:
        state = " (invited, no answer yet)" if person.invited else ""
        lines.append(f"• {escape(person.name)} — {role_words(person.role)}{state}")
    if len(people) == 1:
        lines.append(f"Nobody else yet: /share {escape(_word(calendar))} @username")
    return "\n".join(lines)


def _word(name: str) -> str:
    """What to type for a calendar in an example (its first word, lower case)."""
    return (name.split(maxsplit=1) or ["family"])[0].lower()
