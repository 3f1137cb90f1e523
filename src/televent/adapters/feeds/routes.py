"""The address of a calendar published as a feed, mounted by adapters/http.py (docs/adr/0022).

`GET` (and `HEAD`) `/feeds/<token>.ics` answers the calendar as the person who published it
sees it now, as one iCalendar document (`text/calendar`), or with busy times only; 404 (plain
text) for an address that shows nothing: unknown, revoked, replaced by a newer one, a calendar
deleted or no longer readable by that person (the application checks the one rule of who may
read it, at every request). The ETag follows the calendar's sync position, so a subscriber
polling with If-None-Match gets a 304 until something changes.

The token is the address's only credential: it is left out of the request log
(operations_middleware.py), and the answer asks that it not be sent onward as a referrer.
Requests without credentials are rate-limited per client address like every other.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from litestar import MediaType, Request, Response, get, head

from televent.adapters.i18n import translate
from televent.adapters.port import AppPort
from televent.application.calendars import FEED_PATH, PublishedFeed
from televent.application.televent import Televent
from televent.domain.errors import NotFoundError
from televent.domain.feed_publishing import busy_objects
from televent.domain.ics_bundle import bundle_calendars
from televent.domain.languages import from_accept_language, language_for
from televent.projections.queries import Queries

LOG = logging.getLogger(__name__)
SUFFIX = ".ics"
CALENDAR_TYPE = "text/calendar; charset=utf-8"
HEADERS = {
    "Cache-Control": "private, max-age=300",  # subscribers poll far less often anyway
    "Referrer-Policy": "no-referrer",  # the address holds the token
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
}


def feed_etag(feed: PublishedFeed) -> str:
    """The feed's entity tag: its calendar's sync position (which moves with every change in
    it), whether busy times only, and what else the document says (the calendar's name as the
    person sees it, the language busy events are named in)."""
    kind = "busy" if feed.busy_only else "full"
    rest = hashlib.sha256(f"{feed.name}\n{feed.language}".encode()).hexdigest()[:12]
    return f'"{feed.sync_position}-{kind}-{rest}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names this entity tag (weakly compared, RFC 9110)."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


def feed_document(queries: Queries, feed: PublishedFeed) -> bytes:
    """The feed's iCalendar document (an object that cannot be read is left out and logged
    by its id, as exports do)."""
    objects: Any = ((str(obj.event_id), obj.ical) for obj in queries.objects_in(feed.calendar_id))
    if feed.busy_only:
        objects = busy_objects(objects, translate(feed.language, "feed-busy"))
    bundle = bundle_calendars(feed.name, objects, "Calendar feed")
    for skipped in bundle.skipped:
        LOG.warning("Event %s left out of a published feed: %s", skipped.key, skipped.reason)
    return bundle.data


def feed_handlers(app: Televent, port: AppPort) -> list[Any]:
    """The route handlers of published feeds."""

    async def found(name: str) -> PublishedFeed | None:
        if not name.endswith(SUFFIX):
            return None
        try:
            return await port.run(app.published_feed, name[: -len(SUFFIX)])
        except NotFoundError:
            return None

    @get(f"{FEED_PATH}/{{name:str}}", include_in_schema=False)
    async def feed(name: str, request: Request[Any, Any, Any]) -> Response[bytes]:
        published = await found(name)
        if published is None:
            return _not_found(request)
        etag = feed_etag(published)
        headers = {**HEADERS, "ETag": etag}
        if matches(request.headers.get("if-none-match"), etag):
            return Response(b"", status_code=304, headers=headers)
        data = await port.run(feed_document, app.queries, published)
        return Response(data, media_type=CALENDAR_TYPE, headers=headers)

    @head(f"{FEED_PATH}/{{name:str}}", include_in_schema=False)
    async def feed_head(name: str, request: Request[Any, Any, Any]) -> Response[None]:
        published = await found(name)
        if published is None:
            return Response(None, status_code=404, headers=HEADERS)
        etag = feed_etag(published)
        headers = {**HEADERS, "ETag": etag}
        status = 304 if matches(request.headers.get("if-none-match"), etag) else 200
        return Response(None, status_code=status, media_type=CALENDAR_TYPE, headers=headers)

    return [feed, feed_head]


def _not_found(request: Request[Any, Any, Any]) -> Response[bytes]:
    language = language_for(None, from_accept_language(request.headers.get("accept-language")))
    text = translate(language, "feed-not-found")
    return Response(
        text.encode("utf-8"),
        status_code=404,
        media_type=MediaType.TEXT,
        headers={**HEADERS, "Cache-Control": "no-store"},
    )
