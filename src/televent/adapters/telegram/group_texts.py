"""What the bot says in a Telegram group, and the buttons of its group messages
(docs/adr/0018): the event card with ✅ ❔ ❌ and its tally, [Join this calendar], the group's
calendar and settings.

Every text is a message of the catalogue (locales/<language>/bot-groups.ftl) in the current
language. A group has no single reader: an answer to someone who wrote or tapped is in their
language (the account middleware sets it), while an event card posted to the group, and edited
later whoever taps, is written in the group calendar owner's language, clock and zone
(group_service.card_reader decides, group_service.posted_card renders).

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

from televent.adapters.i18n import t
from televent.domain.sharing import Role
from televent.domain.values import PartStat

from . import texts
from .keyboards import ANSWER_ICONS
from .sharing_texts import role_words

ANSWER_CODES = {"Y": PartStat.ACCEPTED, "M": PartStat.TENTATIVE, "N": PartStat.DECLINED}
ICONS = ANSWER_ICONS
MAX_ALERT = 200  # Telegram's limit on an alert's text
# what `/calendar edit|reminders on|off` reads (the words of the command, in any language)
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
    labels = {
        "Y": t("group-button-going"),
        "M": t("group-button-maybe"),
        "N": t("group-button-cant"),
    }
    answers = [
        InlineKeyboardButton(
            text=label, callback_data=GroupAnswer(event=event_id.hex, answer=code).pack()
        )
        for code, label in labels.items()
    ]
    who = InlineKeyboardButton(
        text=t("group-button-who"), callback_data=GroupWho(event=event_id.hex).pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[answers, [who]])


def join_markup(chat_id: int, open_link: str | None = None) -> InlineKeyboardMarkup:
    """[Join this calendar], and [Open calendar] (the Mini App on the group's calendar) when
    the app has a direct link."""
    button = InlineKeyboardButton(
        text=t("group-button-join"), callback_data=GroupJoin(chat=chat_id).pack()
    )
    rows = [[button]]
    if open_link is not None:
        rows.append([InlineKeyboardButton(text=t("group-button-open"), url=open_link)])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def tally(counts: dict[PartStat, int]) -> str:
    """ "✅ 4 · ❔ 1 · ❌ 2" (the numbers in the language's digits)."""
    return t(
        "group-tally",
        going=counts.get(PartStat.ACCEPTED, 0),
        maybe=counts.get(PartStat.TENTATIVE, 0),
        cant=counts.get(PartStat.DECLINED, 0),
    )


def no_title() -> str:
    return t("group-no-title")


def card(
    summary: str,
    start: dt.datetime | dt.date | None,
    end: dt.datetime | dt.date | None,
    location: str | None,
    counts: dict[PartStat, int],
    tz: zoneinfo.ZoneInfo,
    *,
    cancelled: bool = False,
    hour_cycle: str | None = None,
) -> str:
    """A group event's card: title, time, place and the tally of answers."""
    title = (
        t("group-card-cancelled", title=texts.shown(summary))
        if cancelled
        else f"<b>{texts.shown(summary)}</b>"
    )
    shown = texts.when(start, end, tz, hour_cycle=hour_cycle)
    lines = [f"📅 {title}", f"🕒 {escape(shown)}"]
    if location:
        lines.append(f"📍 {texts.shown(location)}")
    lines.append(tally(counts))
    return "\n".join(lines)


def who(names: dict[PartStat, list[str]]) -> str:
    """Who answered what, for an alert (cut to Telegram's limit)."""
    if not any(names.values()):
        return t("group-who-nobody")
    parts = [
        f"{icon} {', '.join(names[answer])}" for answer, icon in ICONS.items() if names.get(answer)
    ]
    text = "\n".join(parts)
    return text if len(text) <= MAX_ALERT else text[: MAX_ALERT - 1] + "…"


def noted(answer: PartStat) -> str:
    """The short answer to a tap on ✅ ❔ ❌."""
    return t("group-noted", icon=ICONS[answer])


# --- the group's calendar ---------------------------------------------------------------------


def help_text() -> str:
    """/start and /help in a group."""
    return t("group-help")


def create_usage() -> str:
    return t("group-create-usage")


def not_here() -> str:
    return t("group-not-here")


def wrong_group() -> str:
    return t("group-wrong-group")


def stale() -> str:
    return t("group-stale")


def settings_usage() -> str:
    return t("group-settings-usage")


def opened(title: str, owner: str) -> str:
    """Posted when the group's calendar is made."""
    return t("group-opened", title=texts.shown(title), owner=texts.shown(owner))


def about(title: str, owner: str, members: int, *, members_edit: bool, reminders: bool) -> str:
    """/calendar in a group."""
    head = t("group-about", title=texts.shown(title), owner=texts.shown(owner), count=members)
    settings = t(
        "group-about-settings",
        edit="members" if members_edit else "admins",
        reminders="on" if reminders else "off",
    )
    return f"{head}\n{settings}\n{settings_usage()}"


def joined(title: str, role: Role) -> str:
    """The alert of a join."""
    if role is Role.OWNER:
        return t("group-joined-owner", title=title)[:MAX_ALERT]
    return t("group-joined", title=title, role=role_words(role))[:MAX_ALERT]


def settings_changed(what: str, value: bool) -> str:
    """After `/calendar edit|reminders on|off`."""
    if what == "members_edit":
        return t("group-members-edit-on") if value else t("group-members-edit-off")
    return t("group-reminders-on") if value else t("group-reminders-off")


def welcome_back(title: str) -> str:
    """The bot is added to a group that had a calendar."""
    return t("group-welcome-back", title=texts.shown(title))


def welcome() -> str:
    """The bot is added to a group for the first time."""
    return t("group-welcome")


def listing_title(command: str) -> str:
    """The heading of /today, /tomorrow, /week or /list in a group."""
    return t("group-listing-title", command=command)


def someone() -> str:
    return t("group-someone")


def user(telegram_id: int) -> str:
    """A Telegram user the bot knows by their id alone."""
    return t("group-user", id=str(telegram_id))
