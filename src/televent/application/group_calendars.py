"""Telegram group calendars (docs/adr/0018): opening a group's calendar on first use, joining
it, events posted from the group, the group members' answers on an event's card, the group's
settings, and the bot leaving and coming back.

The group's calendar is an ordinary Calendar owned by the first person who used the bot in
the group; joining is the sharing commands' share and accept decided together (by Televent for
the owner, with the role the GroupChat gives: domain/group_chat.py), so every surface sees the
calendar through the members read model (docs/adr/0017). Whether someone is an admin of the
group is a fact Telegram vouches for, passed in by the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.application.calendar_objects import ObjectCommands
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CANCELLED, CalendarEvent
from televent.domain.errors import ConflictError, DomainError, ForbiddenError, NotFoundError
from televent.domain.group_chat import GroupChat, group_chat_id_for, group_slug, with_guest_answer
from televent.domain.ical import parse_calendar_object
from televent.domain.sharing import Role, Status
from televent.domain.values import PartStat, calendar_id_for, internal_uri

ATTEMPTS = 3  # a concurrent tap on the same card is waited out this many times


@dataclass(frozen=True)
class GroupCalendar:
    """A group's calendar as a command left it."""

    calendar_id: UUID
    owner: UUID
    opened: bool  # made (or made again) by this command


class GroupCalendarCommands(ObjectCommands):
    """Commands on Telegram groups and their calendars."""

    def open_group_calendar(
        self,
        chat_id: int,
        *,
        title: str,
        opener: UUID,
        timezone: str = "UTC",
        actor: str,
        source: str,
    ) -> GroupCalendar:
        """The group's calendar, opened now (owned by `opener`, a registered account) when the
        group has none or its calendar is gone; the group's new title is taken on the way."""
        group_id = group_chat_id_for(chat_id)
        group: GroupChat | None = None
        if group_id in self.repository:
            group = self._get(group_id, GroupChat, "Group")
            assert group is not None
            if self.queries.calendar(group.calendar_id) is not None:
                self._retitle(group, title, actor=actor, source=source)
                return GroupCalendar(group.calendar_id, group.owner, opened=False)
        if self.queries.account_by_id(opener) is None:
            raise NotFoundError("Account not found.").worded("refusal-calendars-no-account")
        calendar = self._new_calendar(chat_id, title, opener, timezone, actor, source)
        if group is None:
            group = GroupChat(
                chat_id=chat_id, title=title, calendar_id=calendar.id, owner=opener,
                actor=actor, source=source,
            )  # fmt: skip
        else:
            group.reopen(
                title=title, calendar_id=calendar.id, owner=opener, actor=actor, source=source
            )
        self.save_all(calendar, group)
        return GroupCalendar(calendar.id, opener, opened=True)

    def join_group_calendar(
        self, chat_id: int, *, member: UUID, admin: bool, actor: str, source: str
    ) -> Role:
        """A member of the group adds its calendar to theirs (a registered account): the
        group's admins manage it, others edit or view it as the group's settings say. Joining
        again changes nothing, or the role when it should now be another and is the group's
        to set (not one a manager set by hand: `GroupChat.role_now`); returns the role they
        have."""
        group = self.group_chat(chat_id)
        role = group.role_for_joiner(admin=admin)
        calendar = self._live_calendar(group)
        if member == calendar.account_id:
            return Role.OWNER
        if self.queries.account_by_id(member) is None:
            raise NotFoundError("Account not found.").worded("refusal-calendars-no-account")
        owner = calendar.account_id
        current = calendar.members.get(str(member))
        if current is not None and current["status"] == "active":
            now = group.role_now(current, admin=admin)
            if now is None:
                return Role(current["role"])
            if current["role"] != now.value:
                calendar.change_role(
                    by=owner, member=member, role=now.value, actor=actor, source=source
                )
            role = now
        else:
            calendar.share(by=owner, member=member, role=role.value, actor=actor, source=source)
            calendar.answer_invitation(by=member, accept=True, actor=actor, source=source)
        self.save_all(calendar)
        return role

    def group_member_changed(
        self, chat_id: int, *, member: UUID, admin: bool, actor: str, source: str
    ) -> Role | None:
        """Telegram made a member of the group an admin, or no longer one: if they have its
        calendar, they now have the role the group gives them (an admin who was demoted no
        longer manages it). None when they do not have it (nothing is added)."""
        group = self.group_chat(chat_id)
        calendar = self._live_calendar(group)
        if member == calendar.account_id:
            return Role.OWNER
        current = calendar.members.get(str(member))
        if current is None or current["status"] != "active":
            return None
        role = group.role_now(current, admin=admin)
        if role is None:
            return Role(current["role"])  # set by hand: the manager's to change
        if current["role"] != role.value:
            calendar.change_role(
                by=calendar.account_id, member=member, role=role.value, actor=actor, source=source
            )
            self.save_all(calendar)
        return role

    def add_group_event(
        self,
        chat_id: int,
        ical: str,
        *,
        by: UUID | None,
        admin: bool,
        actor: str,
        source: str,
    ) -> UUID:
        """An event posted from the group (`/create` there) into the group's calendar, by a
        member of the group (`by`: their account, if they have one); returns its id."""
        group = self.group_chat(chat_id)
        calendar = self._live_calendar(group)
        entry = None if by is None else calendar.members.get(str(by))
        if not group.may_add_events(by=by, admin=admin, entry=entry):
            if (
                entry is not None
                and entry.get("status") == Status.ACTIVE.value
                and not group.role_follows_it(entry)
            ):
                raise ForbiddenError(
                    "You can view this calendar but not change its events."
                ).worded("refusal-calendars-read-only")
            raise ForbiddenError(
                "This group's calendar is view-only: only admins add events."
            ).worded("refusal-calendars-group-view-only")
        uid = parse_calendar_object(ical).uid
        result = self.put_object(
            calendar.id, f"{uid}.ics", ical, actor=actor, source=source, if_none_match=True
        )
        return result.event_id

    def answer_group_event(
        self,
        chat_id: int,
        event_id: UUID,
        *,
        telegram_id: int,
        name: str | None,
        partstat: PartStat,
        actor: str,
        source: str,
    ) -> None:
        """A member of the group answers a group event's card: they become an attendee with
        that answer, as their internal address (an account is not needed). Only an event of
        this group's calendar can be answered from this group."""
        if partstat not in (PartStat.ACCEPTED, PartStat.TENTATIVE, PartStat.DECLINED):
            raise DomainError("Answer yes, maybe or no.")
        group = self.group_chat(chat_id)
        address = internal_uri(telegram_id, self.internal_domain)
        for attempt in range(ATTEMPTS):
            event = self._group_event(group, event_id)
            before = parse_calendar_object(event.ical)
            text = with_guest_answer(event.ical, address, name, partstat)
            event.revise(parse_calendar_object(text), href=event.href, actor=actor, source=source)
            if not event.pending_events:
                return
            try:
                self._save_scheduled(event, before, actor=actor, source=source)
                return
            except ConflictError:
                if attempt == ATTEMPTS - 1:
                    raise

    def change_group_settings(
        self,
        chat_id: int,
        changes: dict[str, Any],
        *,
        by: UUID | None,
        admin: bool,
        actor: str,
        source: str,
    ) -> None:
        """An admin of the group changes its settings (members may add events; reminders
        posted in the group). Making the calendar view-only makes its editing members viewers,
        and editing allowed again makes its viewers editors, in the same transaction (managers
        stay managers, and a role a manager set by hand stays as they set it)."""
        group = self.group_chat(chat_id)
        group.change_settings(changes=changes, by=by, admin=admin, actor=actor, source=source)
        calendar = self._live_calendar(group) if "members_edit" in changes else None
        if calendar is not None:
            before, after = (
                (Role.READ, Role.WRITE)
                if group.settings["members_edit"]
                else (Role.WRITE, Role.READ)
            )
            for member, entry in list(calendar.members.items()):
                if entry["role"] == before.value and group.role_follows_it(entry):
                    calendar.change_role(
                        by=calendar.account_id, member=UUID(member), role=after.value,
                        actor=actor, source=source,
                    )  # fmt: skip
        self.save_all(group, calendar)

    def leave_group_calendar(self, chat_id: int, *, member: UUID, actor: str, source: str) -> bool:
        """Someone left the group (or was removed from it): they leave its calendar too, if
        they came to it through the group. False when they were not such a member of it (or
        the group has no calendar)."""
        group = self._group_or_none(chat_id)
        if group is None:
            return False
        try:
            calendar = self._live_calendar(group)
        except NotFoundError:
            return False
        entry = calendar.members.get(str(member))
        if entry is None or not group.joined_through_it(entry.get("via")):
            return False  # shared by hand (in a private chat, the app, the API): theirs to keep
        calendar.remove_member(by=calendar.account_id, member=member, actor=actor, source=source)
        self.save_all(calendar)
        return True

    def group_bot_left(self, chat_id: int, *, actor: str, source: str) -> bool:
        """The bot was removed from the group; False when the group never had a calendar."""
        group = self._group_or_none(chat_id)
        if group is None:
            return False
        group.bot_left(actor=actor, source=source)
        self.save_all(group)
        return True

    def group_bot_returned(self, chat_id: int, *, actor: str, source: str) -> bool:
        """The bot is in the group again; False when the group never had a calendar."""
        group = self._group_or_none(chat_id)
        if group is None:
            return False
        group.bot_returned(actor=actor, source=source)
        self.save_all(group)
        return True

    # --- helpers -----------------------------------------------------------------------------

    def group_chat(self, chat_id: int) -> GroupChat:
        """The group's record, or NotFoundError when it has no calendar yet."""
        group = self._group_or_none(chat_id)
        if group is None:
            raise NotFoundError("This group has no calendar yet: send /calendar first.").worded(
                "refusal-calendars-group-no-calendar"
            )
        return group

    def _group_or_none(self, chat_id: int) -> GroupChat | None:
        group_id = group_chat_id_for(chat_id)
        if group_id not in self.repository:
            return None
        group = self._get(group_id, GroupChat, "Group")
        return group if isinstance(group, GroupChat) else None

    def _live_calendar(self, group: GroupChat) -> Calendar:
        try:
            calendar = self._get(group.calendar_id, Calendar, "Calendar")
        except NotFoundError:
            calendar = None
        if not isinstance(calendar, Calendar) or calendar.deleted:
            raise NotFoundError(
                "This group's calendar is gone: send /calendar to open a new one."
            ).worded("refusal-calendars-group-calendar-gone")
        return calendar

    def _group_event(self, group: GroupChat, event_id: UUID) -> CalendarEvent:
        try:
            event = self._get(event_id, CalendarEvent, "Event")
        except NotFoundError:
            event = None
        if (
            not isinstance(event, CalendarEvent)
            or event.deleted
            or event.calendar_id != group.calendar_id
        ):
            raise NotFoundError("That event is not in this group's calendar.").worded(
                "refusal-calendars-group-event-elsewhere"
            )
        if event.facts.get("status") == CANCELLED:
            raise DomainError("That event was cancelled.").worded(
                "refusal-calendars-event-cancelled"
            )
        return event

    def _retitle(self, group: GroupChat, title: str, *, actor: str, source: str) -> None:
        """The group's new title, and the calendar's name with it (for everyone)."""
        if title == group.title:
            return
        group.rename(title=title, actor=actor, source=source)
        calendar: Calendar = self._get(group.calendar_id, Calendar, "Calendar")
        calendar.update(properties={"display_name": title}, actor=actor, source=source)
        self.save_all(group, calendar)

    def _new_calendar(  # noqa: PLR0917 - internal
        self, chat_id: int, title: str, owner: UUID, timezone: str, actor: str, source: str
    ) -> Calendar:
        """The group's calendar in the owner's home (a deleted one of theirs comes back)."""
        slug = group_slug(chat_id)
        properties = {"display_name": title, "timezone": timezone}
        calendar_id = calendar_id_for(owner, slug)
        if calendar_id in self.repository:
            calendar: Calendar = self.repository.get(calendar_id)
            if calendar.deleted:
                calendar.recreate(properties=properties, actor=actor, source=source)
            return calendar
        return Calendar(
            account_id=owner, slug=slug, properties=properties, actor=actor, source=source
        )
