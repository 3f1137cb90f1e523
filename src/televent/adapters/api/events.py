"""/api/v1/events: occurrences in a window, one event, its answers and attendees.

- `GET /events?start=&end=&calendar=&q=&cursor=&limit=`: every occurrence overlapping
  [start, end) in the caller's calendars (their own and those shared with them that they
  accepted) and invitations, recurring events expanded (the expansion of CalDAV queries), a
  meeting once, declined invitations left out, in start order (ties by id, then occurrence).
  `start`/`end`: RFC 3339 with an offset, or a local time or a date read in the caller's time
  zone; the window is at most 366 days (422 beyond). `calendar`: a calendar id or slug (then
  invitations outside it are left out). `q`: words searched in title, location and
  description, ignoring case. `limit`: 1 to 500, default 100.
  `next_cursor` (opaque, tied to the query) fetches the next page; null on the last one.
  `unreadable` counts events whose data could not be shown, `incomplete` events with more
  occurrences in the window than one listing expands (their earliest 1,000 are listed; a
  narrower window lists the rest); `left_out` gives both by calendar.
- `POST /events`: `title`, `start` (required), `end` (a timed event lasts an hour without
  one, an all-day event a day), `all_day`, `timezone` (IANA), `location`, `description`,
  `recurrence` (RRULE), `calendar` (default: the default calendar; a shared calendar needs
  the `write` role, and its owner organises the event, with the caller as SENT-BY),
  `attendees` (invitees as in /attendees), `reminders` (the event's own VALARMs: minutes
  before the start, [] for none, null for the caller's lead time; domain/event_alarms.py; a
  PATCH with it replaces them). A time with an offset keeps its instant and is written in
  `timezone` (or the caller's zone); a time without one is read in that zone. 201 with
  Location and ETag.
- `GET/PATCH/DELETE /events/{id}[?occurrence=<recurrence_id>]`: one event or occurrence.
  PATCH changes only the fields sent (a moved start keeps the duration; a moved series takes
  its exceptions along); with `occurrence` it writes that occurrence's override; DELETE with
  `occurrence` cancels one occurrence (EXDATE). `&range=thisandfuture` beside `occurrence`
  changes or deletes that occurrence and every later one, as calendar clients do (RFC 5545
  RANGE=THISANDFUTURE, stored as two series: domain/series_split.py): the series ends just
  before it (an UNTIL), and PATCH starts a new series (a new id and UID) there with the
  changes, its `start`/`end` the occurrence's new times (the later ones move by as much); both
  are written in one transaction. At the series' first occurrence it is the whole series.
  `If-Match` (the ETag, as CalDAV's) is optional; when given, a stale tag is a 412. Only the
  organizer edits (403 for an attendee, who answers with /rsvp); an attendee may DELETE their
  own copy of a meeting (a decline).
  In a shared calendar, members with `write` or `manage` change its events; a `read` member
  gets 403 (the application's `require_access` decides, with the caller as `by`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Collection
from typing import Annotated, Any
from uuid import UUID, uuid4

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import Parameter, QueryParameter

from televent.adapters.api.attendees import AttendanceController, IfMatch, invitee_address
from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.event_access import EventAccess, etag_value, event_uuid
from televent.adapters.api.event_json import (
    EventJson,
    EventPage,
    LeftOutJson,
    event_json,
    indexed_event_json,
    recurrence_of,
)
from televent.adapters.api.problems import ProblemError
from televent.adapters.i18n import t
from televent.application.event_edits import EventEdits
from televent.domain.errors import DomainError, PreconditionFailedError
from televent.domain.event_fields import FieldError, parse_moment, read_changes
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    found_in,
    internal_uri,
    normalize_address,
    search_words,
)
from televent.domain.zones import instance_key
from televent.projections.agenda_reader import Listing, sort_key

MAX_WINDOW = dt.timedelta(days=366)
DEFAULT_LIMIT, MAX_LIMIT = 100, 500
MAX_ATTENDEES = 100
HANDLED_HERE = frozenset({"calendar", "attendees", "cancelled"})
Occurrence = Annotated[
    str | None, QueryParameter(name="occurrence", required=False, description="a recurrence_id")
]
Range = Annotated[
    str | None,
    QueryParameter(
        query="range",
        required=False,
        description="`thisandfuture`, with `occurrence`: that occurrence and every later one",
    ),
]
THIS_AND_FUTURE = "thisandfuture"
SortKey = tuple[int, str, str]
WINDOW_HELP = "RFC 3339 with an offset (a local time or a date is read in your time zone)"


# --- listing ----------------------------------------------------------------------------------


def _bound(text: str | None, field: str, zone: dt.tzinfo) -> dt.datetime:
    if text is None or not text.strip():
        raise FieldError(field, "is required (RFC 3339, like 2026-03-02T00:00:00Z).").worded(
            "refusal-events-window-bound", field=field
        )
    moment = parse_moment(text, field, zone)
    if not isinstance(moment, dt.datetime):
        return dt.datetime.combine(moment, dt.time(), tzinfo=zone)
    return moment


def _cursor(key: SortKey, query: str) -> str:
    raw = json.dumps([*key, query], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _after(cursor: str, query: str) -> SortKey:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        moment, event_id, rid, of = json.loads(raw)
        if of != query:
            raise FieldError(
                "cursor", "belongs to another query (start, end, calendar, q)."
            ).worded("refusal-events-cursor-other-query")
        return int(moment), str(event_id), str(rid)
    except (ValueError, TypeError, OverflowError, RecursionError):  # a cursor made by hand
        raise FieldError("cursor", "is not a cursor this listing gave.").worded(
            "refusal-events-cursor-unknown"
        ) from None


def _key(occurrence: Any, zone: dt.tzinfo, words: list[str]) -> SortKey | None:
    """Where an occurrence falls in the listing (start, event, instance), or None when the
    search's words are not in it."""
    indexed, component = occurrence.indexed, occurrence.component
    if indexed is not None:
        fields = indexed.fields
        texts = (str(fields.get(name) or "") for name in ("title", "location", "description"))
        if words and not found_in(words, *texts):
            return None
        instance = indexed.instance
    elif component is None or (
        words
        and not found_in(
            words,
            *(str(component.get(name, "")) for name in ("SUMMARY", "LOCATION", "DESCRIPTION")),
        )
    ):
        return None
    else:
        rid = component.get("RECURRENCE-ID")
        instance = "" if rid is None else instance_key(rid.dt)
    return int(sort_key(occurrence.start, zone).timestamp()), str(occurrence.event_id), instance


def _page(
    api: ApiContext,
    caller: Caller,
    *,
    start: str | None,
    end: str | None,
    calendar: str | None,
    q: str | None,
    cursor: str | None,
    limit: int,
) -> EventPage:
    access = EventAccess(api, caller)
    zone = access.zone
    low, high = _bound(start, "start", zone), _bound(end, "end", zone)
    if high <= low:
        raise FieldError("end", "must be after start.").worded("refusal-events-window-backwards")
    if high - low > MAX_WINDOW:
        raise FieldError(
            "end", f"the window is at most {MAX_WINDOW.days} days; ask for the next one after."
        ).worded("refusal-events-window-too-long", days=MAX_WINDOW.days)
    chosen = seen_calendars = None  # without a choice, the listing reads them in its round trip
    if calendar:
        seen_calendars = api.queries.seen_calendars(caller.account.account_id)
        chosen = {
            c.calendar_id for c in seen_calendars if calendar in (str(c.calendar_id), c.view.slug)
        }
        if not chosen:
            raise _not_yours()
    query = hashlib.sha256(
        f"{low.isoformat()}|{high.isoformat()}|{calendar}|{q}".encode()
    ).hexdigest()[:16]
    after = None if not cursor else _after(cursor, query)
    listing = access.reader.listing(
        caller.account, low, high, calendars=chosen, seen=seen_calendars
    )
    words = search_words(q or "")
    rows: list[tuple[SortKey, Any]] = []
    for occurrence in listing.occurrences:
        key = _key(occurrence, zone, words)
        if key is None:
            continue
        if after is None or key > after:
            rows.append((key, occurrence))
    rows.sort(key=lambda row: row[0])
    page = rows[:limit]
    mine = access.mine
    seen_ids = {c.calendar_id for c in listing.seen}
    rules: dict[UUID, str | None] = {}
    items = []
    for _, occurrence in page:
        if occurrence.indexed is not None:
            owned = occurrence.indexed.calendar_id in seen_ids
            items.append(indexed_event_json(occurrence.indexed, mine=mine, zone=zone, owned=owned))
            continue
        resource = occurrence.resource
        assert resource is not None
        if occurrence.event_id not in rules:
            rules[occurrence.event_id] = recurrence_of(resource.ical)
        items.append(
            event_json(
                occurrence.component,
                resource,
                recurrence=rules[occurrence.event_id],
                mine=mine,
                zone=zone,
                owned=resource.calendar_id in seen_ids,
            )
        )
    more = len(rows) > limit
    return {
        "items": items,
        "next_cursor": _cursor(page[-1][0], query) if more else None,
        "unreadable": len(listing.unreadable),
        "incomplete": len(listing.cut),
        "left_out": _left_out(listing),
    }


def _left_out(listing: Listing) -> list[LeftOutJson]:
    """`unreadable` and `incomplete` by calendar, in the order first met."""
    counts: dict[UUID | None, list[int]] = {}
    for slot, events in enumerate((listing.unreadable, listing.cut)):
        for event_id in events:
            counts.setdefault(listing.where.get(event_id), [0, 0])[slot] += 1
    return [
        {"calendar": None if calendar is None else str(calendar), "unreadable": u, "incomplete": i}
        for calendar, (u, i) in counts.items()
    ]


# --- writing ----------------------------------------------------------------------------------


def _calendar_for(api: ApiContext, caller: Caller, value: Any) -> UUID:
    """The calendar a new event goes in: the caller's default, or one they name by id or
    slug among their own and those shared with them (any other id is the application's to
    refuse: 404 for a calendar they do not see, 403 when their role does not let them write)."""
    seen = [c.view for c in api.queries.seen_calendars(caller.account.account_id)]
    if value is None:
        own = [c for c in seen if c.account_id == caller.account.account_id]
        default = next((c for c in own if c.slug == DEFAULT_CALENDAR_SLUG), None)
        chosen = default or next(iter(own), None)
        if chosen is None:
            raise DomainError("You have no calendar to put the event in.").worded(
                "refusal-events-no-calendar"
            )
        return chosen.calendar_id
    if not isinstance(value, str):
        raise FieldError("calendar", "must be a calendar id or slug.").worded(
            "refusal-events-calendar-form"
        )
    for candidate in seen:
        if value in (str(candidate.calendar_id), candidate.slug):
            return candidate.calendar_id
    try:
        return UUID(value)
    except ValueError:
        raise _not_yours() from None


def _not_yours() -> FieldError:
    """A calendar the request names that is none of those the caller sees."""
    return FieldError("calendar", "is not one of your calendars (an id or a slug).").worded(
        "refusal-events-calendar-not-yours"
    )


def _invitees(
    api: ApiContext, organizer: Collection[str], value: Any
) -> list[tuple[str, str | None]]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ATTENDEES:
        raise FieldError(
            "attendees", f"must be a list of at most {MAX_ATTENDEES} invitees."
        ).worded("refusal-events-attendees-list", most=MAX_ATTENDEES)
    found: dict[str, tuple[str, str | None]] = {}
    for item in value:
        text = item.get("address") if isinstance(item, dict) else item
        if not isinstance(text, str):
            raise FieldError(
                "attendees", "each is an @username, a Telegram id or an email."
            ).worded("refusal-events-attendees-item")
        address, name = invitee_address(api.queries, api.internal_domain, text, field="attendees")
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            name = name or item["name"]
        if normalize_address(address) not in organizer:
            found.setdefault(normalize_address(address), (address, name))
    return list(found.values())


def _create(api: ApiContext, caller: Caller, body: dict[str, Any]) -> EventJson:
    changes = read_changes(body, extra=HANDLED_HERE)
    access = EventAccess(api, caller)
    calendar_id = _calendar_for(api, caller, body.get("calendar"))
    account = caller.account
    result = EventEdits(api.app).create(
        calendar_id,
        changes,
        uid=f"{uuid4().hex}@televent",
        zone_name=access.zone_name,
        # In a calendar shared with the caller, the application makes its owner the
        # ORGANIZER, with the caller as SENT-BY (docs/adr/0017).
        organizer=(internal_uri(account.telegram_id, api.internal_domain), account.name),
        attendees=_invitees(api, access.calendar_organizers(calendar_id), body.get("attendees")),
        now=dt.datetime.now(dt.UTC),
        actor=caller.actor,
        source=caller.source,
        by=access.account_id,
    )
    return access.event_by_id(result.event_id)


def _following(range_: str | None, occurrence: str | None) -> bool:
    """Whether a write is to an occurrence and every later one (`range=thisandfuture`)."""
    if range_ is None or not range_.strip():
        return False
    if range_.strip().lower() != THIS_AND_FUTURE:
        raise FieldError("range", f"is {THIS_AND_FUTURE} or left out.").worded(
            "refusal-events-range-value"
        )
    if occurrence is None:
        raise FieldError("range", "needs the occurrence it starts at (?occurrence=).").worded(
            "refusal-events-range-occurrence"
        )
    return True


def _edit(
    api: ApiContext,
    caller: Caller,
    event_id: str,
    *,
    body: dict[str, Any],
    occurrence: str | None,
    following: bool = False,
    if_match: str | None,
) -> EventJson:
    """The edit of an event, an occurrence, or (`following`) an occurrence and every later one;
    answers the event as changed (for `following`, the series that now holds the occurrence)."""
    changes = read_changes(body, extra=HANDLED_HERE)
    access = EventAccess(api, caller)
    obj = access.organised(event_uuid(event_id))
    current = access.event(obj, occurrence)
    if body.get("calendar", current["calendar"]) != current["calendar"]:
        raise FieldError("calendar", "an event cannot move to another calendar here.").worded(
            "refusal-events-calendar-move"
        )
    if "attendees" in body and body["attendees"] != current["attendees"]:
        raise FieldError("attendees", "change them with /api/v1/events/{id}/attendees.").worded(
            "refusal-events-attendees-elsewhere"
        )
    if not changes.given:  # nothing to change: no new revision
        if etag_value(if_match) not in (None, obj.etag):
            raise PreconditionFailedError("The event changed since you read it (If-Match).").worded(
                "refusal-calendars-event-changed"
            )
        return current
    if following:
        assert occurrence is not None
        result = EventEdits(api.app).edit_following(
            obj.event_id,
            changes,
            occurrence=occurrence,
            uid=f"{uuid4().hex}@televent",
            zone_name=access.zone_name,
            now=dt.datetime.now(dt.UTC),
            if_match=etag_value(if_match),
            actor=caller.actor,
            source=caller.source,
            by=access.account_id,
        )
        return access.event_by_id(result.event_id)
    EventEdits(api.app).edit(
        obj.event_id,
        changes,
        occurrence=occurrence,
        zone_name=access.zone_name,
        now=dt.datetime.now(dt.UTC),
        if_match=etag_value(if_match),
        actor=caller.actor,
        source=caller.source,
        by=access.account_id,
    )
    return access.event_by_id(obj.event_id, occurrence)


def _delete(
    api: ApiContext,
    caller: Caller,
    event_id: str,
    occurrence: str | None,
    if_match: str | None,
    *,
    following: bool = False,
) -> str | None:
    access = EventAccess(api, caller)
    uuid = event_uuid(event_id)
    if following:
        assert occurrence is not None
        ended = EventEdits(api.app).delete_following(
            access.organised(uuid).event_id,
            occurrence=occurrence,
            now=dt.datetime.now(dt.UTC),
            if_match=etag_value(if_match),
            actor=caller.actor,
            source=caller.source,
            by=access.account_id,
        )
        return None if ended is None else ended.etag
    if occurrence is None:
        obj = access.visible(uuid)
        if not access.owns(obj):
            raise ProblemError(403, lambda: t("api-detail-decline-instead"), name="organizer-only")
    else:
        obj = access.organised(uuid)
    result = EventEdits(api.app).delete(
        obj.event_id,
        occurrence=occurrence,
        if_match=etag_value(if_match),
        actor=caller.actor,
        source=caller.source,
        by=access.account_id,
    )
    return None if result is None else result.etag


class EventsController(Controller):
    """The caller's events: listing, creating, reading, editing and deleting."""

    path = "/events"
    tags = ["events"]

    @get("/", summary="Occurrences in a window")
    async def list_events(
        self,
        *,
        caller: Caller,
        api: ApiContext,
        start: Annotated[str | None, Parameter(description=WINDOW_HELP)] = None,
        end: Annotated[str | None, Parameter(description=WINDOW_HELP)] = None,
        calendar: Annotated[
            str | None, Parameter(description="a calendar id or slug: only that calendar")
        ] = None,
        q: Annotated[
            str | None, Parameter(description="words in title, location or description")
        ] = None,
        cursor: Annotated[str | None, Parameter(description="next_cursor of a page")] = None,
        limit: Annotated[int, Parameter(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    ) -> EventPage:
        """Every occurrence overlapping [start, end) in your calendars and invitations,
        recurring events expanded, a meeting once, declined invitations left out, in start
        order. The window is at most 366 days (422 beyond); 422 names a missing or invalid
        field. Pages of `limit` (default 100, at most 500) follow `next_cursor`."""
        return await api.port.run(
            _page,
            api,
            caller,
            start=start,
            end=end,
            calendar=calendar,
            q=q,
            cursor=cursor,
            limit=limit,
        )

    @post("/", status_code=201, summary="Create an event")
    async def create_event(
        self, caller: Caller, api: ApiContext, request: Request[Any, Any, Any], data: dict[str, Any]
    ) -> Response[EventJson]:
        """`title` and `start` are required; `end` (an hour later, or the next day for an
        all-day event, when left out), `all_day`, `timezone` (IANA; default yours),
        `location`, `description`, `recurrence` (an RRULE like `FREQ=WEEKLY;BYDAY=MO`),
        `calendar` (id or slug; default your default calendar) and `attendees` (a list of
        @usernames, Telegram ids or email addresses, invited at once) are optional. A time
        with an offset keeps its instant and is written in `timezone`; a time without one is
        read in it; a date (YYYY-MM-DD) makes an all-day event. 201 with Location and ETag."""
        event = await api.port.run(_create, api, caller, data)
        location = f"{request.url.path.rstrip('/')}/{event['id']}"
        return Response(
            event, status_code=201, headers={"ETag": event["etag"], "Location": location}
        )

    @get("/{event_id:str}", summary="One event, or one occurrence of it")
    async def get_event(
        self, caller: Caller, api: ApiContext, event_id: str, occurrence: Occurrence = None
    ) -> Response[EventJson]:
        """The event (its series, with `recurrence`), or with `?occurrence=` one occurrence
        of it; its ETag in the header. Another user's event is 404."""
        event = await api.port.run(
            lambda: EventAccess(api, caller).event_by_id(event_uuid(event_id), occurrence)
        )
        return Response(event, headers={"ETag": event["etag"]})

    @patch(
        "/{event_id:str}",
        summary="Change an event, one occurrence, or one and all later ones (organizer only)",
    )
    async def edit_event(
        self,
        *,
        caller: Caller,
        api: ApiContext,
        event_id: str,
        data: dict[str, Any],
        occurrence: Occurrence = None,
        range_: Range = None,
        if_match: IfMatch = None,
    ) -> Response[EventJson]:
        """Only the fields sent change (the others and anything a CalDAV client stored stay);
        `null` clears location or description. A moved start keeps the length; a moved series
        takes its exceptions along. With `?occurrence=`, that occurrence alone (`recurrence`
        belongs to the series). With `?occurrence=&range=thisandfuture`, that occurrence and
        every later one: the series is split, as calendar clients split one (RFC 5545
        RANGE=THISANDFUTURE): it ends just before the occurrence, and a new series (new id and
        UID) starts there with the changes, in one transaction; `start`/`end` are the
        occurrence's new times (the later occurrences move by as much), `recurrence` the new
        series' rule. The answer is the new series, its address in `Content-Location` (at the
        series' first occurrence, the whole series is changed instead). `If-Match` is the
        series' ETag and optional; a stale one is 412. Only the organizer edits: 403 for an
        attendee (answer with /rsvp)."""
        following = _following(range_, occurrence)
        event = await api.port.run(
            lambda: _edit(
                api,
                caller,
                event_id,
                body=data,
                occurrence=occurrence,
                following=following,
                if_match=if_match,
            )
        )
        headers = {"ETag": event["etag"]}
        if following:
            headers["Content-Location"] = f"/api/v1/events/{event['id']}"
        return Response(event, headers=headers)

    @delete(
        "/{event_id:str}",
        status_code=204,
        summary="Delete an event, one occurrence, or one and all later ones",
    )
    async def delete_event(
        self,
        *,
        caller: Caller,
        api: ApiContext,
        event_id: str,
        occurrence: Occurrence = None,
        range_: Range = None,
        if_match: IfMatch = None,
    ) -> Response[None]:
        """The event, and the attendees are told; with `?occurrence=` that occurrence alone
        (an EXDATE; the series' new ETag in the header); with `?occurrence=&range=thisandfuture`
        that occurrence and every later one (the series ends just before it: an UNTIL; its
        new ETag in the header; at the series' first occurrence the whole event goes). An
        attendee may delete their own copy of a meeting (it declines); `If-Match` as for
        PATCH."""
        following = _following(range_, occurrence)
        etag = await api.port.run(
            lambda: _delete(api, caller, event_id, occurrence, if_match, following=following)
        )
        return Response(None, status_code=204, headers={} if etag is None else {"ETag": etag})


EVENT_HANDLERS: list[Any] = [EventsController, AttendanceController]  # mounted under /api/v1
