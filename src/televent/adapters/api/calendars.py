"""/api/v1/calendars: the calendars the caller sees, and the people they share them with.

- `GET /calendars`: `{"items": [...]}`, the caller's own calendars (by slug), then those shared
  with them, the invitations they have not answered yet among them (`"status": "invited"`).
  `kind` is `group` for a Telegram group's calendar (docs/adr/0018), whoever owns it.
- `GET /calendars/{id}`: one calendar the caller sees (their own, or one they accepted).
- `PATCH /calendars/{id}`: `name`, `color` (and `busy` for a shared calendar). The owner
  changes the calendar for everyone; a member changes how it is called and coloured for them
  alone, and whether its events count as their busy time (`null`: back to the default).
- `POST /calendars/{id}/accept`, `/decline`: the answer to an invitation (no body).
- `GET/POST /calendars/{id}/members`, `PATCH/DELETE /calendars/{id}/members/{telegram_id}`:
  the owner first, then members and open invitations; inviting someone (`{"member": <Telegram
  id or @username>, "role"}`, 201), another role, removing someone (one's own id: leaving).

A calendar the caller may not see (a guess, another user's, an invitation they declined, one
they were removed from) is 404, so ids reveal nothing. Whether the caller's role allows a change
is the application's to decide (`by=`: domain/sharing.py is the rule), answered with 403.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, Response, delete, get, patch, post

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.event_fields import FieldError
from televent.domain.ical import component_kinds
from televent.domain.sharing import Role, Status
from televent.domain.values import holds_control_characters, sync_version, telegram_id_in
from televent.projections.queries import AccountView, MemberView, SeenCalendar

MAX_NAME_LENGTH = 100
COLOR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
NOT_FOUND = "Calendar not found."


class OwnerJson(msgspec.Struct):
    """Whose calendar it is."""

    telegram_id: int
    name: str


class CalendarJson(msgspec.Struct):
    """A calendar as the caller sees it: `ctag` changes whenever anything in it changes."""

    id: str  # the same for the owner and every member
    slug: str  # its name in the caller's CalDAV home (/dav/calendars/<telegram id>/<slug>/)
    name: str
    color: str | None
    timezone: str | None
    ctag: str
    kind: str  # "own", "shared" (with the caller) or "group" (a Telegram group's)
    role: str  # "owner", "manage", "write" or "read"
    owner: OwnerJson | None
    busy: bool  # whether its events count as the caller's busy time (booking links)
    status: str  # "active", or "invited" until the caller accepts
    # the caller's connected account whose calendar it mirrors (/connections, ADR 0026)
    connection: str | None = None
    events: bool = True  # whether it takes events (a CalDAV client may make one for tasks)


class CalendarList(msgspec.Struct):
    """The calendars the caller sees."""

    items: list[CalendarJson]


class MemberJson(msgspec.Struct):
    """A person a calendar is shared with (or its owner)."""

    telegram_id: int
    name: str
    role: str  # "owner", "manage", "write" or "read"
    status: str  # "active", or "invited" until they accept


class MemberList(msgspec.Struct):
    """A calendar's owner, then its members and open invitations."""

    items: list[MemberJson]


class Invitation(msgspec.Struct, forbid_unknown_fields=True):
    """Whom to share the calendar with, and their role."""

    member: int | Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    role: str = Role.WRITE.value


class RoleChange(msgspec.Struct, forbid_unknown_fields=True):
    """A member's new role."""

    role: str


def calendar_uuid(text: str) -> UUID:
    """The calendar id of a path; anything else is a calendar not found."""
    try:
        return UUID(text)
    except ValueError:
        raise calendar_not_found() from None


def calendar_not_found() -> NotFoundError:
    """A calendar the caller does not see (or that is not there)."""
    return NotFoundError(NOT_FOUND).worded("refusal-calendars-calendar-gone")


def calendar_of(
    seen: SeenCalendar, owner: AccountView | None, *, group: bool = False, epoch: int = 0
) -> CalendarJson:
    """The JSON form of a calendar as one person sees it (`group`: a Telegram group's;
    `epoch`: the restores the database went through, which its ctag carries)."""
    view = seen.view
    kind = "group" if group else "own" if seen.owned else "shared"
    return CalendarJson(
        id=str(view.calendar_id),
        slug=view.slug,
        name=view.display_name or view.slug,
        color=view.color,
        timezone=view.timezone,
        ctag=sync_version(view.sync_position, epoch),
        kind=kind,
        role=seen.role.value,
        owner=None if owner is None else OwnerJson(owner.telegram_id, owner.name),
        busy=seen.busy,
        status=seen.status.value,
        connection=str(view.connection_id) if seen.owned and view.connection_id else None,
        events="VEVENT" in component_kinds(view.components),
    )


def _calendars(api: ApiContext, caller: Caller) -> CalendarList:
    owners: dict[UUID, AccountView | None] = {caller.account.account_id: caller.account}
    items = []
    for seen in api.queries.seen_calendars(caller.account.account_id, invited=True):
        owner_id = seen.view.account_id
        if owner_id not in owners:
            owners[owner_id] = api.queries.account_by_id(owner_id)
        items.append(
            calendar_of(
                seen,
                owners[owner_id],
                group=_is_group(api, seen),
                epoch=api.queries.sync_epoch(),
            )
        )
    return CalendarList(items)


def _is_group(api: ApiContext, seen: SeenCalendar) -> bool:
    """Whether the calendar is a Telegram group's (docs/adr/0018)."""
    return api.queries.group_of_calendar(seen.calendar_id) is not None


def _seen(api: ApiContext, caller: Caller, calendar_id: UUID) -> SeenCalendar:
    """A calendar the caller sees (their own, or one they accepted); 404 for any other."""
    seen = api.queries.seen_calendar(caller.account.account_id, calendar_id)
    if seen is None:
        raise calendar_not_found()
    return seen


def _calendar(api: ApiContext, caller: Caller, calendar_id: UUID) -> CalendarJson:
    seen = _seen(api, caller, calendar_id)
    owner = api.queries.account_by_id(seen.view.account_id)
    return calendar_of(seen, owner, group=_is_group(api, seen), epoch=api.queries.sync_epoch())


def _properties(body: dict[str, Any]) -> dict[str, Any]:
    """`name`, `color` and `busy` of a PATCH, checked, under the names the commands take."""
    unknown = sorted(set(body) - {"name", "color", "busy"})
    if unknown:
        raise FieldError(unknown[0], "cannot be changed here (name, color, busy).").worded(
            "refusal-calendars-field-fixed", field=unknown[0][:64]
        )
    changes: dict[str, Any] = {}
    if "name" in body:
        name = body["name"]
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise FieldError("name", "must be a name that is not blank, or null.").worded(
                "refusal-calendars-name-blank"
            )
        if isinstance(name, str) and holds_control_characters(name):
            raise FieldError("name", "contains control characters.").worded(
                "refusal-calendars-name-control-characters"
            )
        if isinstance(name, str) and len(name.strip()) > MAX_NAME_LENGTH:
            raise FieldError("name", f"is at most {MAX_NAME_LENGTH} characters.").worded(
                "refusal-calendars-name-long", most=MAX_NAME_LENGTH
            )
        changes["display_name"] = name.strip() if isinstance(name, str) else None
    if "color" in body:
        color = body["color"]
        if color is not None and (not isinstance(color, str) or not COLOR.fullmatch(color)):
            raise FieldError("color", "must be a colour like #1E88E5, or null.").worded(
                "refusal-calendars-color"
            )
        changes["color"] = color
    if "busy" in body:
        if body["busy"] is not None and not isinstance(body["busy"], bool):
            raise FieldError("busy", "must be true, false or null.").worded(
                "refusal-calendars-busy-value"
            )
        changes["busy"] = body["busy"]
    return changes


def _change(
    api: ApiContext, caller: Caller, calendar_id: UUID, body: dict[str, Any]
) -> CalendarJson:
    seen = _seen(api, caller, calendar_id)
    changes = _properties(body)
    by = caller.account.account_id
    if seen.owned:
        if "busy" in changes:
            raise FieldError(
                "busy", "is for calendars shared with you; yours are busy time."
            ).worded("refusal-calendars-busy-own")
        if "display_name" in changes and changes["display_name"] is None:
            # null is "back to the calendar's own name", which only a shared one has
            raise FieldError("name", "your own calendar keeps a name: give one, not null.").worded(
                "refusal-calendars-name-kept"
            )
        if changes:
            api.app.update_calendar(
                calendar_id, changes, actor=caller.actor, source=caller.source, by=by
            )
    elif changes:
        api.app.set_member_properties(
            calendar_id, by=by, changes=changes, actor=caller.actor, source=caller.source
        )
    return _calendar(api, caller, calendar_id)


def _answer(api: ApiContext, caller: Caller, calendar_id: UUID, *, accept: bool) -> None:
    api.app.answer_calendar_invitation(
        calendar_id,
        by=caller.account.account_id,
        accept=accept,
        actor=caller.actor,
        source=caller.source,
    )


def _member_json(account: AccountView | None, member: MemberView) -> MemberJson:
    return MemberJson(
        telegram_id=0 if account is None else account.telegram_id,
        name="" if account is None else account.name,
        role=member.role.value,
        status=member.status.value,
    )


def _members(api: ApiContext, caller: Caller, calendar_id: UUID) -> MemberList:
    seen = _seen(api, caller, calendar_id)
    owner = api.queries.account_by_id(seen.view.account_id)
    items = []
    if owner is not None:
        owned = MemberJson(owner.telegram_id, owner.name, Role.OWNER.value, Status.ACTIVE.value)
        items.append(owned)
    for member in api.queries.members_of(calendar_id):
        account = api.queries.account_by_id(member.account_id)
        if account is not None:  # an erased person is removed from every calendar
            items.append(_member_json(account, member))
    return MemberList(items)


def _person(api: ApiContext, value: int | str) -> AccountView:
    """The Televent user a `member` names: a Telegram id (a number, or digits) or an
    @username; 422 when nobody has that id or name."""
    text = str(value).strip()
    number = value if isinstance(value, int) else telegram_id_in(text)
    if number is not None:
        account = api.queries.account_by_telegram_id(number)
        if account is None:
            raise FieldError(
                "member", "that Telegram user has not started the bot yet, so has no calendar."
            ).worded("refusal-calendars-member-not-started")
        return account
    if text.startswith("@") and len(text) > 1:
        account = api.queries.account_by_username(text)
        if account is None:
            raise FieldError(
                "member", f"no Televent user is called {text}; ask them to open the bot first."
            ).worded("refusal-calendars-member-unknown", name=text[:64])
        return account
    raise FieldError("member", "give a Telegram id or an @username.").worded(
        "refusal-calendars-member-form"
    )


def _share(
    api: ApiContext, caller: Caller, calendar_id: UUID, invitation: Invitation
) -> MemberJson:
    _seen(api, caller, calendar_id)  # a calendar the caller cannot see is not revealed
    person = _person(api, invitation.member)
    api.app.share_calendar(
        calendar_id,
        by=caller.account.account_id,
        member=person.account_id,
        role=invitation.role,
        actor=caller.actor,
        source=caller.source,
    )
    return _member_now(api, calendar_id, person)


def _not_a_member() -> NotFoundError:
    """Someone the calendar is not shared with (or nobody)."""
    return NotFoundError("That person is not a member of this calendar.").worded(
        "refusal-calendars-not-member"
    )


def _member_account(api: ApiContext, seen: SeenCalendar, telegram_id: int) -> AccountView:
    """A member of the calendar by Telegram id (404 for anyone else; 422 for its owner)."""
    account = api.queries.account_by_telegram_id(telegram_id)
    if account is None:
        raise _not_a_member()
    if account.account_id == seen.view.account_id:
        raise DomainError("The owner's role cannot change; they own the calendar.").worded(
            "refusal-calendars-owner-role"
        )
    return account


def _change_role(
    api: ApiContext, caller: Caller, calendar_id: UUID, telegram_id: int, change: RoleChange
) -> MemberJson:
    person = _member_account(api, _seen(api, caller, calendar_id), telegram_id)
    api.app.change_member_role(
        calendar_id,
        by=caller.account.account_id,
        member=person.account_id,
        role=change.role,
        actor=caller.actor,
        source=caller.source,
    )
    return _member_now(api, calendar_id, person)


def _member_now(api: ApiContext, calendar_id: UUID, person: AccountView) -> MemberJson:
    """The member as the change left them (404 if a removal raced it: as good as not shared)."""
    member = api.queries.membership(calendar_id, person.account_id)
    if member is None:
        raise _not_a_member()
    return _member_json(person, member)


def _remove(api: ApiContext, caller: Caller, calendar_id: UUID, telegram_id: int) -> None:
    """Remove a member or an invitation; the caller's own id leaves (or declines)."""
    if telegram_id == caller.account.telegram_id:
        person: AccountView | None = caller.account  # leaving, or declining an invitation
    else:
        _seen(api, caller, calendar_id)  # a calendar the caller cannot see is not revealed
        person = api.queries.account_by_telegram_id(telegram_id)
    if person is None:
        raise _not_a_member()
    api.app.remove_member(
        calendar_id,
        by=caller.account.account_id,
        member=person.account_id,
        actor=caller.actor,
        source=caller.source,
    )


class CalendarsController(Controller):
    """The calendars the caller sees, and their members."""

    path = "/calendars"
    tags = ["calendars"]

    @get(summary="Your calendars, and those shared with you", responses=problem_responses())
    async def list_calendars(self, caller: Caller, api: ApiContext) -> CalendarList:
        """Your own calendars, then those shared with you (`kind`: own, shared or group, a
        Telegram group's; `role`: owner, subscriber (a feed you subscribed to, read-only), manage,
        write or read), with invitations still to
        answer (`status`: invited). A shared calendar's `slug` is its name in your CalDAV
        home."""
        return await api.port.run(_calendars, api, caller)

    @get(
        "/{calendar_id:str}",
        summary="One of your calendars, or one shared with you",
        responses=problem_responses(404),
    )
    async def get_calendar(self, caller: Caller, api: ApiContext, calendar_id: str) -> CalendarJson:
        """The calendar as you see it; 404 for a calendar you may not see (an invitation you
        have not accepted yet is listed by GET /calendars)."""
        return await api.port.run(_calendar, api, caller, calendar_uuid(calendar_id))

    @patch(
        "/{calendar_id:str}",
        summary="Rename or recolour a calendar (for you, if it is shared with you)",
        responses=problem_responses(400, 404, 422),
    )
    async def change_calendar(
        self, caller: Caller, api: ApiContext, calendar_id: str, data: dict[str, Any]
    ) -> CalendarJson:
        """`name`, `color` (#RRGGBB) and, for a calendar shared with you, `busy`. The owner
        changes the calendar for everyone; a member for themselves (`null`: back to the
        calendar's own name or colour, or to the role's default for `busy`)."""
        return await api.port.run(_change, api, caller, calendar_uuid(calendar_id), data)

    @post(
        "/{calendar_id:str}/accept",
        status_code=200,
        summary="Accept a calendar shared with you",
        responses=problem_responses(404),
    )
    async def accept(self, caller: Caller, api: ApiContext, calendar_id: str) -> CalendarJson:
        """The invitation becomes a calendar of yours with the role it gave; returns it. 404
        when there is no invitation to answer."""
        uuid = calendar_uuid(calendar_id)
        await api.port.run(lambda: _answer(api, caller, uuid, accept=True))
        return await api.port.run(_calendar, api, caller, uuid)

    @post(
        "/{calendar_id:str}/decline",
        status_code=204,
        summary="Decline a calendar shared with you",
        responses=problem_responses(404, 409),
    )
    async def decline(self, caller: Caller, api: ApiContext, calendar_id: str) -> None:
        """The invitation goes, leaving nothing; 404 when there is none, 409 when you already
        accepted (leave with DELETE /calendars/{id}/members/{your telegram id})."""
        uuid = calendar_uuid(calendar_id)
        await api.port.run(lambda: _answer(api, caller, uuid, accept=False))

    @get(
        "/{calendar_id:str}/members",
        summary="Who shares a calendar",
        responses=problem_responses(404),
    )
    async def list_members(self, caller: Caller, api: ApiContext, calendar_id: str) -> MemberList:
        """The owner first, then the members and open invitations in the order they were
        invited: `telegram_id`, `name`, `role`, `status` (active or invited)."""
        return await api.port.run(_members, api, caller, calendar_uuid(calendar_id))

    @post(
        "/{calendar_id:str}/members",
        status_code=201,
        summary="Share a calendar with someone",
        responses=problem_responses(400, 404, 409, 422),
    )
    async def share(
        self, caller: Caller, api: ApiContext, calendar_id: str, data: Invitation
    ) -> MemberJson:
        """`{"member": <Telegram id, as a number or a string, or "@username">, "role": "read"
        | "write" | "manage"}` (default write): they are invited, and get a role once they
        accept. 403 unless you own the calendar or manage it; 422 for someone without an
        account, a role that is not one, or yourself; 409 for someone already a member."""
        return await api.port.run(_share, api, caller, calendar_uuid(calendar_id), data)

    @patch(
        "/{calendar_id:str}/members/{telegram_id:int}",
        summary="Give a member another role",
        responses=problem_responses(400, 404, 422),
    )
    async def change_role(
        self, caller: Caller, api: ApiContext, calendar_id: str, telegram_id: int, data: RoleChange
    ) -> MemberJson:
        """`{"role": "read" | "write" | "manage"}`; 403 unless you own or manage the calendar."""
        uuid = calendar_uuid(calendar_id)
        return await api.port.run(_change_role, api, caller, uuid, telegram_id, data)

    @delete(
        "/{calendar_id:str}/members/{telegram_id:int}",
        status_code=204,
        summary="Remove a member, or leave",
        responses=problem_responses(404, 422),
    )
    async def remove(
        self, caller: Caller, api: ApiContext, calendar_id: str, telegram_id: int
    ) -> Response[None]:
        """Removes the member or the invitation (403 unless you own or manage the calendar);
        your own Telegram id leaves the calendar (the owner cannot: 422)."""
        uuid = calendar_uuid(calendar_id)
        await api.port.run(_remove, api, caller, uuid, telegram_id)
        return Response(None, status_code=204)
