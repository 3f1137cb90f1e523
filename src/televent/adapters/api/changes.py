"""/api/v1/changes: what changed in the caller's calendars (their own and those shared with
them) since a token, for clients that keep
a copy (the JSON counterpart of CalDAV's sync-collection, RFC 6578, on the same sync positions
and tombstones).

A token is opaque to clients. Inside it: the event-store position of the last change reported
and a short tag of each calendar it covered, after the number of restores from backups the
database went through when it was given, if any (docs/adr/0033). It stops working (410 Gone:
fetch everything again, without `since`) when a calendar it covered was deleted, when
tombstones after it were purged (`televent` keeps them TELEVENT_TOMBSTONE_RETENTION_DAYS),
when it was given before a restore, beyond the backup it loaded (in a history the restore
undid), or when it is not one of ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import get
from litestar.params import Parameter

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import ProblemError, problem_responses
from televent.adapters.i18n import t
from televent.domain.values import calendar_event_id_for, from_undone_history
from televent.projections.calendar_view_reader import CalendarView
from televent.projections.queries import AccountView, Queries, Reading

_TOKEN = re.compile(r"^(?:(\d{1,9})-)?(\d{1,18})((?:\.[0-9a-f]{8})*)$")


class Change(msgspec.Struct, omit_defaults=True):
    """An event that is new or changed (with its ETag), or deleted."""

    id: str
    calendar: str
    etag: str | None = None
    deleted: bool = False


class ChangesJson(msgspec.Struct):
    """The changes, oldest first, and the token to ask with next time."""

    changes: list[Change]
    token: str


@dataclass(frozen=True)
class _Token:
    position: int
    calendars: frozenset[str]
    epoch: int = 0


class TokenExpiredError(Exception):
    """The token cannot say what changed since (410 Gone)."""


def _tag(calendar_id: UUID) -> str:
    return calendar_id.hex[:8]


def _parse(token: str) -> _Token:
    match = _TOKEN.match(token.strip())
    if match is None:
        raise TokenExpiredError
    tags = frozenset(t for t in match.group(3).split(".") if t)
    return _Token(int(match.group(2)), tags, int(match.group(1) or 0))


def changes_of(queries: Queries, account: AccountView, since: str | None) -> ChangesJson:
    """What changed in the calendars the account reads after `since` (everything when None, without
    deletions); TokenExpiredError when the token cannot tell."""
    # Every calendar the account reads: its own and those shared with it (read first: see the
    # token below). A calendar that joins or leaves the set ends the token (410).
    calendars = [seen.view for seen in queries.seen_calendars(account.account_id)]
    token = _parse(since) if since is not None else None
    if token is not None:
        _check(queries, token, calendars)
    position = token.position if token is not None else 0
    items: list[tuple[int, Change]] = []
    for calendar in calendars:
        # A calendar the token did not cover (created, or shared with the account, since) is
        # reported whole.
        new = token is not None and _tag(calendar.calendar_id) not in token.calendars
        since_position = 0 if new else position
        changes = queries.changes_since(
            calendar.calendar_id, since_position, reading=Reading.WITHOUT_BODY
        )
        calendar_id = str(calendar.calendar_id)
        items += [
            (obj.position, Change(id=str(obj.event_id), calendar=calendar_id, etag=obj.etag))
            for obj in changes.changed
        ]
        if token is not None and not new and changes.deleted:
            uids = changes.deleted_uids
            items += [
                (
                    at,
                    Change(
                        id=str(calendar_event_id_for(calendar.calendar_id, uids[href])),
                        calendar=calendar_id,
                        deleted=True,
                    ),
                )
                for href, at in changes.deleted
                if href in uids
            ]
    items.sort(key=lambda item: item[0])
    # The token is where the calendars stood when read, before their changes: a change
    # committed in between is reported now and again next time (harmless), never missed.
    head = max([position, *(c.sync_position for c in calendars)])
    tags = "".join(f".{_tag(c.calendar_id)}" for c in calendars)
    epoch = queries.sync_epoch()
    given = f"{epoch}-{head}{tags}" if epoch else f"{head}{tags}"
    return ChangesJson([change for _, change in items], given)


def _check(queries: Queries, token: _Token, calendars: list[CalendarView]) -> None:
    current = {_tag(c.calendar_id): c for c in calendars}
    if token.calendars - current.keys():
        raise TokenExpiredError  # a calendar it covered is gone, with everything in it
    if token.position > max((c.sync_position for c in calendars), default=0):
        raise TokenExpiredError  # not a position this account has reached
    if from_undone_history(token.epoch, token.position, queries.restores()):
        raise TokenExpiredError  # given in a history a restore undid
    for tag, calendar in current.items():
        if tag not in token.calendars:
            continue  # new to the token (created or shared since): reported whole
        horizon = max(calendar.created_position, queries.sync_horizon(calendar.calendar_id))
        if token.position < horizon:
            raise TokenExpiredError


@get(
    "/changes",
    summary="What changed since a token",
    tags=["changes"],
    responses=problem_responses(410),
)
async def changes(
    caller: Caller,
    api: ApiContext,
    since: Annotated[
        str | None,
        Parameter(description="The token of the previous answer; none for everything."),
    ] = None,
) -> ChangesJson:
    """Events new, changed (with ETag) or deleted in any of your calendars after `since`;
    410 Gone when the token has expired (fetch everything again, without `since`)."""
    try:
        return await api.port.run(changes_of, api.queries, caller.account, since)
    except TokenExpiredError:
        raise ProblemError(
            410, lambda: t("api-detail-changes-expired"), name="changes-token-expired"
        ) from None
