"""/api/v1/me: the caller's account and its settings."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, get, patch

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import ProblemError, problem_responses
from televent.adapters.i18n import t
from televent.domain.languages import direction
from televent.domain.preferences import validate_changes
from televent.domain.values import holds_control_characters
from televent.projections.queries import AccountView

MAX_NAME_LENGTH = 100


class Me(msgspec.Struct):
    """The caller's account."""

    telegram_id: int
    name: str
    username: str | None
    timezone: str  # IANA name
    reminder_minutes: int  # how long before an event the bot reminds
    emails: list[str]
    registered_at: str
    # notification preferences (domain/preferences.py): event_alarms, cards_telegram,
    # cards_email, organizer_notices, quiet_hours, quiet_reminders, agenda_time, ..., and
    # channels ({"reminders": ["telegram", "email"], "agenda": [...], "notices": [...]})
    preferences: dict[str, Any]
    # where anyone can invite the caller (docs/adr/0019); their own email (the linked one, else
    # one a code was mailed to) and whether it is verified (linked)
    invite_address: str | None = None
    email: str | None = None
    email_verified: bool = False
    # the kinds of message (reminders, agenda, notices) chosen by email alone that are not
    # sent while no address is linked
    unsent: list[str] = msgspec.field(default_factory=list)
    # the language the caller reads (their choice in preferences.language, else their
    # Telegram app's; domain/languages.py) and its writing direction, "ltr" or "rtl"
    language: str = "en"
    direction: str = "ltr"


class MeChanges(msgspec.Struct, forbid_unknown_fields=True):
    """What PATCH /me may change; fields left out stay as they are."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME_LENGTH)] | None = None
    timezone: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    reminder_minutes: int | None = None
    preferences: dict[str, Any] | None = None  # only the preferences to change
    # the same as preferences.language / hour_cycle / week_start (null: automatic)
    language: str | msgspec.UnsetType | None = msgspec.UNSET
    hour_cycle: str | msgspec.UnsetType | None = msgspec.UNSET
    week_start: str | msgspec.UnsetType | None = msgspec.UNSET


def me_of(account: AccountView, awaiting: str | None = None) -> Me:
    """The JSON form of an account (`awaiting`: an address a code was mailed to)."""
    return Me(
        telegram_id=account.telegram_id,
        name=account.name,
        username=account.username,
        timezone=account.timezone,
        reminder_minutes=account.reminder_minutes,
        emails=list(account.emails),
        registered_at=account.registered_at,
        preferences=account.preferences.as_dict(),
        invite_address=account.invite_address,
        email=account.emails[0] if account.emails else awaiting,
        email_verified=bool(account.emails),
        unsent=account.preferences.unsent(email_linked=bool(account.emails)),
        language=account.language,
        direction=direction(account.language),
    )


def current_me(api: ApiContext, caller: Caller) -> Me:
    """The caller's account as it is now (run on the port): its invitation address made if it
    has none yet, and an address awaiting its code shown unverified."""
    telegram_id = caller.account.telegram_id
    api.app.invite_address(telegram_id, actor=caller.actor, source=caller.source)
    account = api.queries.account_by_id(caller.account.account_id) or caller.account
    return me_of(account, api.app.email_awaiting_code(account.account_id))


class MeController(Controller):
    """The caller's own account."""

    path = "/me"
    tags = ["me"]

    @get(summary="Your account", responses=problem_responses())
    async def read(self, caller: Caller, api: ApiContext) -> Me:
        return await api.port.run(current_me, api, caller)

    @patch(
        summary="Change your name, time zone, language, reminder lead time or preferences",
        responses=problem_responses(400, 415, 422),
    )
    async def change(self, caller: Caller, api: ApiContext, data: MeChanges) -> Me:
        """Time zones are IANA names (422 otherwise); the reminder lead time is 0-10080 minutes;
        `preferences` names only those to change (422 for an unknown one or a bad value).
        Everything is checked before anything is changed."""
        wanted = dict(data.preferences or {})
        for name in ("language", "hour_cycle", "week_start"):
            value = getattr(data, name)
            if value is not msgspec.UNSET:
                wanted[name] = value
        preferences = validate_changes(wanted) if wanted else None
        changes: dict[str, object] = {}
        if data.name is not None:
            name = data.name.strip()
            if not name:
                raise ProblemError(422, lambda: t("api-detail-blank-name"), name="unprocessable")
            if holds_control_characters(name):
                raise ProblemError(
                    422, lambda: t("api-detail-control-characters"), name="unprocessable"
                )
            changes["name"] = name
        if data.timezone is not None:
            changes["timezone"] = data.timezone.strip()
        if data.reminder_minutes is not None:
            changes["reminder_minutes"] = data.reminder_minutes
        if changes:
            await api.port.run(
                api.app.change_account_settings,
                caller.account.telegram_id,
                changes,
                actor=caller.actor,
                source=caller.source,
            )
        if preferences:
            await api.port.run(
                api.app.change_preferences,
                caller.account.telegram_id,
                preferences,
                actor=caller.actor,
                source=caller.source,
            )
        return await api.port.run(current_me, api, caller)
