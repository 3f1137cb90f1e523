"""/api/v1/export.ics: every calendar of the caller as one iCalendar file (RFC 5545)."""

from __future__ import annotations

import logging

from litestar import Response, get

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.domain.ics_bundle import bundle_calendars
from televent.projections.queries import AccountView, Queries

LOG = logging.getLogger(__name__)


def export_calendars(queries: Queries, account: AccountView) -> tuple[bytes, int]:
    """The account's calendars in one VCALENDAR, and how many events could not be put in it
    (each is logged with its id; the others are all there), as the bot's /export does."""
    objects = {
        str(obj.event_id): obj.ical
        for calendar in queries.calendars_of(account.account_id)
        for obj in queries.objects_in(calendar.calendar_id)
    }
    bundle = bundle_calendars(f"{account.name} (Televent)", objects.items(), "Televent export")
    for skipped in bundle.skipped:
        LOG.warning("Event %s left out of an API export: %s", skipped.key, skipped.reason)
    return bundle.data, len(bundle.skipped)


@get(
    "/export.ics",
    summary="All your calendars as one iCalendar file",
    tags=["export"],
    media_type="text/calendar",
    responses=problem_responses(),
)
async def export_ics(caller: Caller, api: ApiContext) -> Response[bytes]:
    """`text/calendar`; the `Televent-Skipped` header counts events that could not be read."""
    data, skipped = await api.port.run(export_calendars, api.queries, caller.account)
    return Response(
        data,
        media_type="text/calendar",
        headers={
            "Content-Disposition": 'attachment; filename="televent.ics"',
            "Televent-Skipped": str(skipped),
        },
    )
