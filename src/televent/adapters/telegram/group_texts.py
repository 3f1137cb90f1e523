"""What the bot says in a Telegram group, and the buttons of its group messages
(docs/adr/0018): the event card with ✅ ❔ ❌ and its tally, [Join this calendar], the group's
calendar and settings.

Callback data never carries an identity nor a group: a tap is made as the person who tapped,
in the chat the button is in (Telegram vouches for both). The join button names the chat it
was posted in, and a tap in any other chat is refused.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from html import escape
from uuid import UUID

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from televent.domain.sharing import ROLE_WORDS, Role
from televent.domain.values import PartStat

from . import texts
from .keyboards import ANSWER_ICONS

ANSWER_CODES = {"Y": PartStat.ACCEPTED, "M": PartStat.TENTATIVE, "N": PartStat.DECLINED}
ICONS = ANSWER_ICONS
ANSWER_BUTTONS = (("Y", "✅ Going"), ("M", "❔ Maybe"), ("N", "❌ Can't"))
WHO_BUTTON = "👥 Who"
JOIN_BUTTON = "📅 Join this calendar"
OPEN_BUTTON = "🗓 Open calendar"
MAX_ALERT = 200  # Telegram's limit on an alert's text

GROUP_HELP = (
    "📅 <b>This group's calendar</b>\n"
    "/create <i>what, when[, how long][, where]</i> — add an event, e.g. "
    "<code>/create Team lunch, friday 13:00, 1h</code>\n"
    "/today, /tomorrow, /week, /list — what's on\n"
    "/calendar — the calendar, [Join this calendar] and its settings\n"
    "Tap ✅ ❔ ❌ on an event to answer. For everything else, talk to me privately."
)
CREATE_USAGE = (
    "📝 Say what and when, e.g. <code>/create Team lunch, friday 13:00, 1h, Cafe Central</code>"
)
NOT_HERE = "That works in a private chat with me; in a group I handle /create, /week and /calendar."
WRONG_GROUP = "This button belongs to another group."
STALE = "That button does not work here any more."
JOINED_ALREADY = "It is in your calendars already."
SETTINGS_USAGE = (
    "Admins: <code>/calendar edit on|off</code> (members may add events) and "
    "<code>/calendar reminders on|off</code> (reminders before events, posted here)."
)
ON_WORDS = {"on": True, "yes": True, "true": True, "off": False, "no": False, "false": False}


class GroupAnswer(CallbackData, prefix="ga"):
    """✅ ❔ ❌ on a group event's card."""

    event: str  # the event id, 32 hex digits
    answer: str  # Y, M or N


class GroupWho(CallbackData, prefix="gw"):
    """Who answered what, as an alert."""

    event: str


class GroupJoin(CallbackData, prefix="gj"):
    """[Join this calendar]: the chat it was posted in."""

    chat: int


def card_markup(event_id: UUID) -> InlineKeyboardMarkup:
    """The answer buttons and [Who] under a group event's card."""
    answers = [
        InlineKeyboardButton(
            text=label, callback_data=GroupAnswer(event=event_id.hex, answer=code).pack()
        )
        for code, label in ANSWER_BUTTONS
    ]
    who = InlineKeyboardButton(text=WHO_BUTTON, callback_data=GroupWho(event=event_id.hex).pack())
    return InlineKeyboardMarkup(inline_keyboard=[answers, [who]])


def join_markup(chat_id: int, open_link: str | None = None) -> InlineKeyboardMarkup:
    """[Join this calendar], and [Open calendar] (the Mini App on the group's calendar) when
    the app has a direct link."""
    button = InlineKeyboardButton(text=JOIN_BUTTON, callback_data=GroupJoin(chat=chat_id).pack())
    rows = [[button]]
    if open_link is not None:
        rows.append([InlineKeyboardButton(text=OPEN_BUTTON, url=open_link)])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def tally(counts: dict[PartStat, int]) -> str:
    """ "✅ 4 · ❔ 1 · ❌ 2"."""
    return " · ".join(f"{icon} {counts.get(answer, 0)}" for answer, icon in ICONS.items())


def card(
    summary: str,
    start: dt.datetime | dt.date | None,
    end: dt.datetime | dt.date | None,
    location: str | None,
    counts: dict[PartStat, int],
    tz: zoneinfo.ZoneInfo,
    *,
    cancelled: bool = False,
) -> str:
    """A group event's card: title, time, place and the tally of answers."""
    title = f"<s>{escape(summary)}</s> (cancelled)" if cancelled else f"<b>{escape(summary)}</b>"
    lines = [f"📅 {title}", f"🕒 {escape(texts.when(start, end, tz))}"]
    if location:
        lines.append(f"📍 {escape(location)}")
    lines.append(tally(counts))
    return "\n".join(lines)


def who(names: dict[PartStat, list[str]]) -> str:
    """Who answered what, for an alert (cut to Telegram's limit)."""
    if not any(names.values()):
        return "Nobody has answered yet."
    parts = [
        f"{icon} {', '.join(names[answer])}" for answer, icon in ICONS.items() if names.get(answer)
    ]
    text = "\n".join(parts)
    return text if len(text) <= MAX_ALERT else text[: MAX_ALERT - 1] + "…"


def opened(title: str, owner: str) -> str:
    """Posted when the group's calendar is made."""
    return (
        f"📅 This group now has a calendar: <b>{escape(title)}</b> (kept by {escape(owner)}).\n"
        "Tap [Join this calendar] to see it in your own calendars, phone and apps."
    )


def about(title: str, owner: str, members: int, *, members_edit: bool, reminders: bool) -> str:
    """/calendar in a group."""
    edit = "members add events" if members_edit else "view-only: admins add events"
    remind = "on" if reminders else "off"
    return (
        f"📅 <b>{escape(title)}</b> — kept by {escape(owner)}, {members} joined\n"
        f"⚙️ {edit}; reminders here {remind}\n{SETTINGS_USAGE}"
    )


def joined(title: str, role: Role) -> str:
    """The alert of a join."""
    if role is Role.OWNER:
        return f"‘{title}’ is yours: it is in your calendars."
    return f"‘{title}’ is in your calendars now — {ROLE_WORDS[role]}."[:MAX_ALERT]


def settings_changed(what: str, value: bool) -> str:
    """After `/calendar edit|reminders on|off`."""
    if what == "members_edit":
        return "✅ Members may add events." if value else "✅ View-only: admins add events."
    return "✅ Reminders are posted here." if value else "✅ No reminders here."


def welcome_back(title: str) -> str:
    """The bot is added to a group that had a calendar."""
    return f"👋 Back again: <b>{escape(title)}</b> is here as it was. /week shows what's on."


WELCOME = "👋 Hi! /create adds an event to this group's calendar; /calendar shows it."
