"""/api/v1/calendars/{id}/import: an iCalendar file's events stored in a calendar
(docs/adr/0024).

`POST` with the file as the body, `Content-Type: text/calendar` (at most 10 MB and 5,000
events). 200 with what was done: `imported` (new), `updated` (changed), `unchanged` (already
there as the file says), `skipped` (each with its `uid`, `summary` and `reason`) and `message`,
the same in words of the caller's language. Importing the same file again imports nothing
new. Nobody is invited or told: an import is not scheduling. 404 for a calendar the caller
may not see, 403 when they may only read it, 413 for a file too large, 415 for a body that is
not text/calendar, 422 for one that is not iCalendar, holds too many events or nothing that
can be imported (then nothing is stored).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec
from litestar import Request, post

from televent.adapters.api.calendars import calendar_uuid
from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import ProblemError, problem_language, problem_responses
from televent.adapters.i18n import t
from televent.adapters.import_words import report_words
from televent.application.calendar_import import ImportReport
from televent.domain.calendar_import import MAX_IMPORT_BYTES, decoded, too_large

CALENDAR_TYPES = frozenset({"text/calendar"})


class SkippedJson(msgspec.Struct):
    """Something of the file that was not imported."""

    uid: str
    summary: str
    reason: str


class ImportJson(msgspec.Struct):
    """What an import did."""

    imported: int
    updated: int
    unchanged: int
    skipped: list[SkippedJson]
    message: str


async def require_calendar_body(request: Request[Any, Any, Any]) -> None:
    """415 for a body that is not text/calendar (a form post from another site never gets
    here: text/calendar is not a type a page may send without asking first)."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in CALENDAR_TYPES:
        raise ProblemError(
            415,
            lambda: t("api-detail-not-calendar"),
            headers={"Accept": "text/calendar"},
        )


def _import(api: ApiContext, caller: Caller, calendar_id: UUID, text: str) -> ImportReport:
    return api.app.import_calendar(
        calendar_id,
        text,
        by=caller.account.account_id,
        actor=caller.actor,
        source=caller.source,
    )


@post(
    "/calendars/{calendar_id:str}/import",
    status_code=200,
    summary="Import an iCalendar file into a calendar",
    tags=["calendars"],
    before_request=require_calendar_body,
    request_max_body_size=2 * MAX_IMPORT_BYTES,
    responses=problem_responses(403, 404, 413, 415, 422),
)
async def import_ics(
    caller: Caller, api: ApiContext, calendar_id: str, request: Request[Any, Any, Any]
) -> ImportJson:
    """The body is the file (`text/calendar`, at most 10 MB and 5,000 events). Events whose
    UID the calendar holds are updated, the others added; nobody is invited or told. The
    answer counts what was done and names what was skipped and why; `message` says it in
    your language."""
    target = calendar_uuid(calendar_id)
    data = await request.body()
    refusal = too_large(len(data))
    if refusal is not None:
        raise refusal
    report = await api.port.run(_import, api, caller, target, decoded(data))
    language = problem_language(request)
    return ImportJson(
        imported=report.imported,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped=[SkippedJson(left.uid, left.summary, left.reason) for left in report.skipped],
        message=report_words(report, language),
    )
