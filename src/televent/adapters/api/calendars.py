"""/api/v1/calendars: the caller's calendars."""

from __future__ import annotations

import msgspec
from litestar import Controller, get

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.projections.calendar_view_reader import CalendarView


class CalendarJson(msgspec.Struct):
    """A calendar: `ctag` changes whenever anything in it changes."""

    id: str
    slug: str  # its name in CalDAV URLs (/dav/calendars/<telegram id>/<slug>/)
    name: str
    color: str | None
    timezone: str | None
    ctag: str


def calendar_of(view: CalendarView) -> CalendarJson:
    """The JSON form of a calendar."""
    return CalendarJson(
        id=str(view.calendar_id),
        slug=view.slug,
        name=view.display_name or view.slug,
        color=view.color,
        timezone=view.timezone,
        ctag=str(view.sync_position),
    )


class CalendarsController(Controller):
    """The caller's calendars."""

    path = "/calendars"
    tags = ["calendars"]

    @get(summary="Your calendars", responses=problem_responses())
    async def list_calendars(self, caller: Caller, api: ApiContext) -> list[CalendarJson]:
        views = await api.port.run(api.queries.calendars_of, caller.account.account_id)
        return [calendar_of(view) for view in views]
