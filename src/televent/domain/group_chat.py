"""The GroupChat aggregate: a Telegram group and the calendar it shares (docs/adr/0018).

A group gets its calendar the first time someone uses the bot in it. That calendar is an
ordinary Calendar owned by that person (slug `group-<chat id digits>`, named after the group),
so CalDAV, the JSON API and the agenda see it through the sharing machinery (domain/sharing.py):
whoever taps [Join this calendar] becomes a member (the group's admins `manage`, everyone else
`write`, or `read` when the group is read-only). The GroupChat remembers which calendar that
is, the group's settings (whether members may add events; reminders posted in the group) and
whether the bot is in the group now; the bot leaving and coming back loses nothing.

Its events carry no `account_id`: the group's data is the group's, sealed with the group's own
key (docs/adr/0009), and it outlives any one person. When the calendar's owner is erased or
deletes the calendar, the next use in the group opens a new one (`reopen`).

Pure: ids, times and the facts Telegram vouches for (who is an admin) are passed in.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import icalendar
from eventsourcing.domain import Aggregate, event

from televent.domain.calendar_reading import read_calendar
from televent.domain.calendar_writing import calendar_text
from televent.domain.errors import DomainError, ForbiddenError
from televent.domain.sharing import Action, Role, Status, permits
from televent.domain.values import (
    TELEVENT_NAMESPACE,
    PartStat,
    Source,
    SourceKind,
    normalize_address,
)

GROUP_SLUG_PREFIX = "group-"
MAX_TITLE = 128
# The settings an admin may change, and their values when a group opens its calendar.
DEFAULT_SETTINGS: dict[str, bool] = {
    "members_edit": True,  # members may add events (and get `write`); False: view only
    "reminders": True,  # reminders before the group's events are posted in the group
}


def group_chat_id_for(chat_id: int) -> UUID:
    """The GroupChat aggregate id of a Telegram group (deterministic: one per chat id)."""
    return uuid.uuid5(TELEVENT_NAMESPACE, f"telegram-group:{chat_id}")


def group_slug(chat_id: int) -> str:
    """The URL segment of a group's calendar in its owner's calendar home."""
    return f"{GROUP_SLUG_PREFIX}{abs(chat_id)}"


def group_title(title: str | None, chat_id: int) -> str:
    """The group's name as a calendar name (a group without one is called by its id)."""
    text = " ".join((title or "").split())[:MAX_TITLE]
    return text or f"Group {abs(chat_id)}"


def is_group_chat(chat_id: int) -> bool:
    """Telegram's groups and supergroups have negative chat ids; users positive ones."""
    return chat_id < 0


def with_guest_answer(text: str, address: str, name: str | None, partstat: PartStat) -> str:
    """A group member's answer on a group event's card: their ATTENDEE (added on every
    component when missing) with that PARTSTAT. The group's card is where they answer, so the
    server sends them nothing (SCHEDULE-AGENT=CLIENT, RFC 6638 §7.1): no invitation cards, no
    copies in their own calendars."""
    calendar = read_calendar(text)
    key = normalize_address(address)
    for component in calendar.walk("VEVENT"):
        found = [a for a in _attendees(component) if normalize_address(str(a)) == key]
        for attendee in found:
            attendee.params["PARTSTAT"] = partstat.value
        if not found:
            attendee = icalendar.vCalAddress(address)
            if name:
                attendee.params["CN"] = name
            attendee.params["PARTSTAT"] = partstat.value
            attendee.params["SCHEDULE-AGENT"] = "CLIENT"
            component.add("ATTENDEE", attendee, encode=False)
    return calendar_text(calendar)


def _attendees(component: Any) -> list[Any]:
    value = component.get("ATTENDEE")
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def group_source(chat_id: int) -> str:
    """The source every change made in a group's chat records (the bot, the chat)."""
    return Source(SourceKind.BOT, str(chat_id)).encode()


_RANK = {Role.READ.value: 1, Role.WRITE.value: 2, Role.MANAGE.value: 3}


class GroupChat(Aggregate):
    """A Telegram group with a calendar (see the module docstring)."""

    @staticmethod
    def create_id(chat_id: int) -> UUID:
        """The id derives from the chat id, so one group has one GroupChat."""
        return group_chat_id_for(chat_id)

    @event("GroupCalendarOpened")
    def __init__(
        self, *, chat_id: int, title: str, calendar_id: UUID, owner: UUID, actor: str, source: str
    ) -> None:
        if not is_group_chat(chat_id):
            raise DomainError("Only a group chat has a group calendar.")
        self.chat_id = chat_id
        self.title = title
        self.calendar_id = calendar_id
        self.owner = owner
        self.settings = dict(DEFAULT_SETTINGS)
        self.present = True  # the bot is in the group

    # --- decisions ---------------------------------------------------------------------------

    def role_for_joiner(self, *, admin: bool) -> Role:
        """The role someone gets on the group's calendar by joining it: the group's admins
        manage it; everyone else may edit it, or only view it when the group is read-only."""
        if admin:
            return Role.MANAGE
        return Role.WRITE if self.settings["members_edit"] else Role.READ

    def joined_through_it(self, via: object) -> bool:
        """Whether a member of its calendar came to it through the group (by joining in the
        group's chat, the source every group command records), not by a share by hand: only
        they leave the calendar when they leave the group. A membership recorded before its
        way in was (`via` unknown) counts as through the group."""
        return via is None or via == group_source(self.chat_id)

    def role_follows_it(self, entry: Mapping[str, Any]) -> bool:
        """Whether a member's role on the calendar is the group's to set (when its settings
        change, when they join again or become an admin or no longer one): the group set it
        last, or they came through the group and nobody changed it since. A role a manager
        changed in a private chat, the app or the API stays as they set it."""
        role_via = entry.get("role_via")
        if role_via is not None:
            return bool(role_via == group_source(self.chat_id))
        return self.joined_through_it(entry.get("via"))

    def role_now(self, entry: Mapping[str, Any], *, admin: bool) -> Role | None:
        """The role the group gives a member of its calendar now (joining again, made an admin
        or no longer one), or None when it is not the group's to change: one a manager set by
        hand. Someone given the calendar by hand, their role unchanged since, may only be
        raised to the group's role (joining gives an editor's rights; a manager stays one)."""
        role = self.role_for_joiner(admin=admin)
        if self.role_follows_it(entry):
            return role
        if entry.get("role_via") is None and _RANK[role] > _RANK.get(entry["role"], 0):
            return role
        return None

    def may_add_events(
        self, *, by: UUID | None, admin: bool, entry: Mapping[str, Any] | None = None
    ) -> bool:
        """Whether someone may add events from the group (`/create` there); `entry`: their
        membership of the group's calendar, if any: a role set by hand (and accepted) that
        does not let them change its events holds in the group too."""
        if by is not None and by == self.owner:
            return True
        if (
            entry is not None
            and entry.get("status") == Status.ACTIVE.value
            and not self.role_follows_it(entry)
        ):
            return permits(Role(entry["role"]), Action.WRITE)
        return admin or bool(self.settings["members_edit"])

    def reopen(
        self, *, title: str, calendar_id: UUID, owner: UUID, actor: str, source: str
    ) -> None:
        """The group's calendar is gone (its owner deleted it or was erased): a new one,
        owned by the person using the bot now, with the group's settings kept."""
        self._reopened(
            chat_id=self.chat_id, title=title, calendar_id=calendar_id, owner=owner,
            actor=actor, source=source,
        )  # fmt: skip

    def rename(self, *, title: str, actor: str, source: str) -> None:
        """The group has a new title (seen on a message from it)."""
        if title != self.title:
            self._renamed(title=title, actor=actor, source=source)

    def change_settings(
        self, *, changes: dict[str, Any], by: UUID | None, admin: bool, actor: str, source: str
    ) -> None:
        """An admin of the group (or the calendar's owner) changes its settings; values equal
        to the current ones are dropped."""
        if not admin and by != self.owner:
            raise ForbiddenError(
                "Only the group's admins can change its calendar settings."
            ).worded("refusal-calendars-group-admins-only")
        unknown = set(changes) - set(DEFAULT_SETTINGS)
        if unknown:
            raise DomainError(f"Unknown group setting: {sorted(unknown)[0]}.")
        if any(not isinstance(value, bool) for value in changes.values()):
            raise DomainError("A group setting is on or off.")
        changed = {k: v for k, v in changes.items() if self.settings.get(k) != v}
        if changed:
            self._settings_changed(changes=changed, actor=actor, source=source)

    def bot_left(self, *, actor: str, source: str) -> None:
        """The bot was removed from the group (or the group was left): the calendar stays."""
        if self.present:
            self._bot_left(actor=actor, source=source)

    def bot_returned(self, *, actor: str, source: str) -> None:
        """The bot is in the group again: the same calendar, as it was."""
        if not self.present:
            self._bot_returned(actor=actor, source=source)

    # --- events ------------------------------------------------------------------------------

    @event("GroupCalendarReopened")
    def _reopened(
        self, *, chat_id: int, title: str, calendar_id: UUID, owner: UUID, actor: str, source: str
    ) -> None:
        self.title = title
        self.calendar_id = calendar_id
        self.owner = owner
        self.present = True

    @event("GroupRenamed")
    def _renamed(self, *, title: str, actor: str, source: str) -> None:
        self.title = title

    @event("GroupSettingsChanged")
    def _settings_changed(self, *, changes: dict[str, Any], actor: str, source: str) -> None:
        self.settings.update(changes)

    @event("BotLeftGroup")
    def _bot_left(self, *, actor: str, source: str) -> None:
        self.present = False

    @event("BotReturnedToGroup")
    def _bot_returned(self, *, actor: str, source: str) -> None:
        self.present = True
