"""CalDAV and WebDAV reports: calendar-multiget and calendar-query (RFC 4791 §7.8-7.9),
free-busy-query (§7.10) and sync-collection (RFC 6578)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

from televent.adapters.caldav import filters, properties, xml
from televent.adapters.caldav.protocol import DavError, Reply, parse_sync_token, sync_token
from televent.adapters.caldav.query_zone import calendar_zone, prefilter_margin, request_zone
from televent.adapters.caldav.resources import object_url
from televent.adapters.caldav.utc_copy import utc_copy, utc_instances
from televent.adapters.caldav.xml import CALDAV, DAV, tag
from televent.application.televent import Televent
from televent.domain.recurrence import decode
from televent.domain.sharing import Role
from televent.domain.values import from_undone_history
from televent.projections.queries import AccountView, CalendarView, ObjectView, Reading


class Reports:
    """Runs the reports a calendar collection supports."""

    def __init__(self, app: Televent) -> None:
        self.app = app

    def run(
        self,
        body: ET.Element,
        account: AccountView,
        view: CalendarView,
        depth: str | None,
        role: Role = Role.OWNER,
    ) -> Reply:
        """Dispatch on the report's root element (`role`: the account's on the calendar, for
        the objects' privileges; `depth`: the Depth header, None without one). Only
        calendar-query heeds the Depth (`searches_members`); calendar-multiget ignores it
        (RFC 4791 §7.9), and sync-collection, defined for Depth 0 (RFC 6578 §3.2), answers the
        Depth 1 that clients send as well (Thunderbird, python caldav)."""
        if body.tag == tag(CALDAV, "calendar-multiget"):
            return self.multiget(body, account, view, role)
        if body.tag == tag(CALDAV, "calendar-query"):
            return self.query(body, account, view, role, members=searches_members(depth))
        if body.tag == tag(DAV, "sync-collection"):
            return self.sync(body, account, view, role)
        if body.tag == tag(CALDAV, "free-busy-query"):
            return self.free_busy(body, view)
        raise DavError(403, f"Report {body.tag} is not supported.", "supported-report", DAV)

    # --- calendar-multiget -----------------------------------------------------------------------

    def multiget(
        self, body: ET.Element, account: AccountView, view: CalendarView, role: Role = Role.OWNER
    ) -> Reply:
        """RFC 4791 §7.9: the named resources of this calendar (looked up by name, so the cost
        follows the request, not the calendar's size)."""
        mode, names, data = wanted_properties(body)
        base = unquote(object_url(account.telegram_id, view.slug, ""))
        requested = [(node.text or "").strip() for node in body.findall(tag(DAV, "href"))]
        wanted = {href: name_in(href, base) for href in requested}
        found = self.app.queries.objects_named(
            view.calendar_id, sorted({n for n in wanted.values() if n})
        )
        responses = []
        for href, name in wanted.items():
            obj = found.get(name) if name else None
            if obj is None:
                responses.append(xml.Response(href, status=404))
            else:
                responses.append(
                    self._object_response(
                        account, view=view, obj=obj, mode=mode, names=names, data=data, role=role
                    )
                )
        return Reply.xml(207, xml.multistatus(responses))

    # --- calendar-query --------------------------------------------------------------------------

    def query(
        self,
        body: ET.Element,
        account: AccountView,
        view: CalendarView,
        role: Role = Role.OWNER,
        *,
        members: bool = True,
    ) -> Reply:
        """RFC 4791 §7.8: the objects matching the filter (time ranges across recurrences);
        without `members` (Depth 0) the collection alone is searched, and it matches nothing.
        Floating times and dates are read in the query's CALDAV:timezone, else the calendar's
        (§9.9); the index decides zoned events alone, whatever the zone."""
        mode, names, data = wanted_properties(body)
        condition = body.find(tag(CALDAV, "filter"))
        if condition is None:
            raise DavError(403, "A calendar-query needs a filter.", "valid-filter")
        zone = request_zone(body, calendar_zone(view.timezone))
        if not members:
            return Reply.xml(207, xml.multistatus([]))
        try:
            plain = plain_event_range(condition)
            matching = [
                o
                for o in self._candidates(condition, view, zone)
                if (
                    indexed_overlap(o, *plain)
                    if plain is not None and (o.span_exact or o.instances is not None)
                    else filters.matches(condition, o.ical, default_tz=zone)
                )
            ]
        except filters.FilterError as error:
            raise DavError(403, str(error), error.precondition) from error
        responses = [
            self._object_response(
                account, view=view, obj=o, mode=mode, names=names, data=data, role=role, zone=zone
            )
            for o in matching
        ]
        return Reply.xml(207, xml.multistatus(responses))

    def _candidates(
        self, condition: ET.Element, view: CalendarView, zone: dt.tzinfo
    ) -> list[ObjectView]:
        """Objects that can match: prefiltered by component type and indexed time span (its
        floating times and dates read in UTC, with a margin for `zone`'s offsets)."""
        span = filters.query_time_range(condition)
        if span is None:
            return self.app.queries.objects_in(view.calendar_id)
        component = next(
            (
                c.get("name")
                for c in condition.iter(tag(CALDAV, "comp-filter"))
                if c.find(tag(CALDAV, "time-range")) is not None
            ),
            None,
        )
        start, end = span
        margin = int(prefilter_margin(zone, start, end).total_seconds())
        return self.app.queries.objects_overlapping(
            view.calendar_id,
            (component or "").upper() or None,
            None if start is None else int(start.timestamp()) - margin,
            None if end is None else int(end.timestamp()) + margin,
        )

    # --- free-busy-query -------------------------------------------------------------------------

    def free_busy(self, body: ET.Element, view: CalendarView) -> Reply:
        """RFC 4791 §7.10: busy time in a range, as a VFREEBUSY; floating times and dates read
        in the calendar's zone (or a CALDAV:timezone the query holds, as a calendar-query's)."""
        time_range = body.find(tag(CALDAV, "time-range"))
        if time_range is None or time_range.get("start") is None:
            raise DavError(
                403, "A free-busy-query needs a time-range with a start.", "valid-filter"
            )
        try:
            start = filters.parse_time(time_range.get("start", ""))
            end = (
                filters.parse_time(time_range.get("end", ""))
                if time_range.get("end")
                else (start + dt.timedelta(days=1))
            )
        except filters.FilterError as error:
            raise DavError(403, str(error), error.precondition) from error
        zone = request_zone(body, calendar_zone(view.timezone))
        texts = [
            o.ical for o in self.app.queries.objects_in(view.calendar_id) if o.component == "VEVENT"
        ]
        periods = filters.free_busy(texts, start, end, default_tz=zone)
        body_text = filters.render_free_busy(periods, start, end, stamp=self.app.clock())
        return Reply(
            200, body_text.encode("utf-8"), {"content-type": "text/calendar; charset=utf-8"}
        )

    # --- sync-collection -------------------------------------------------------------------------

    def sync(
        self, body: ET.Element, account: AccountView, view: CalendarView, role: Role = Role.OWNER
    ) -> Reply:
        """RFC 6578: what changed since a token, with deletions; DAV:limit honoured (507)."""
        level = (body.findtext(tag(DAV, "sync-level")) or "1").strip()
        if level != "1":
            raise DavError(403, "Only sync-level 1 is supported.", "sync-traversal-supported", DAV)
        token_text = (body.findtext(tag(DAV, "sync-token")) or "").strip()
        since = self._token_position(token_text, view) if token_text else 0
        limit = _limit(body)
        mode, names, data = wanted_properties(body)
        reading = properties.reading_for(mode, names)
        changes = self.app.queries.changes_since(view.calendar_id, since, reading=reading)
        items: list[tuple[int, ObjectView | str]] = sorted(
            [(o.position, o) for o in changes.changed]
            + ([(p, href) for href, p in changes.deleted] if token_text else []),
            key=lambda item: item[0],
        )
        truncated = limit is not None and len(items) > limit
        if truncated:
            items = items[:limit]
        responses: list[xml.Response] = []
        for _, item in items:
            if isinstance(item, str):
                responses.append(
                    xml.Response(object_url(account.telegram_id, view.slug, item), status=404)
                )
            else:
                responses.append(
                    self._object_response(
                        account,
                        view=view,
                        obj=item,
                        mode=mode,
                        names=names,
                        data=data,
                        reading=reading,
                        role=role,
                    )
                )
        epoch = self.app.queries.sync_epoch()
        if truncated:
            last = items[-1][0] if items else since
            responses.append(xml.Response(properties.calendar_href(account, view), status=507))
            token = sync_token(last, epoch)
        else:
            token = sync_token(max(view.sync_position, since), epoch)
        return Reply.xml(207, xml.multistatus(responses, sync_token=token))

    def _token_position(self, token: str, view: CalendarView) -> int:
        epoch, position = parse_sync_token(token)
        purged = self.app.queries.sync_horizon(view.calendar_id)
        if (
            position > view.sync_position
            or position < max(view.created_position, purged)
            or from_undone_history(epoch, position, self.app.queries.restores())
        ):
            raise DavError(
                403,
                "The sync token is not valid any more; sync again from scratch.",
                "valid-sync-token",
                DAV,
            )
        return position

    # --- helpers ----------------------------------------------------------------------------------

    def _object_response(
        self,
        account: AccountView,
        *,
        view: CalendarView,
        obj: ObjectView,
        mode: str,
        names: list[str],
        data: ET.Element | None,
        reading: Reading = Reading.WHOLE,
        role: Role = Role.OWNER,
        zone: dt.tzinfo | None = None,
    ) -> xml.Response:
        """One object's properties; an expansion of its calendar-data reads floating times in
        `zone` (the query's), or else the calendar's."""
        provider = properties.calendar_object(account, obj, reading=reading, role=role)
        if data is not None:
            provider.extra[tag(CALDAV, "calendar-data")] = lambda: _calendar_data(
                obj, data, calendar_zone(view.timezone) if zone is None else zone
            )
        return properties.answer(
            object_url(account.telegram_id, view.slug, obj.href), provider, mode, names
        )


def searches_members(depth: str | None) -> bool:
    """Whether a calendar-query on a collection searches its members (RFC 4791 §7.8): not with
    `Depth: 0`, which names the collection itself, no calendar object. Without a Depth header
    the RFC assumes 0, but clients that send none expect the calendar's objects (Apple's
    CalDAVTester; Radicale answers so), as Televent always answered: they are searched."""
    return depth is None or depth.strip() != "0"


def plain_event_range(condition: ET.Element) -> tuple[int | None, int | None] | None:
    """(start, end) in epoch seconds when the filter is exactly VCALENDAR > VEVENT > time-range
    (what clients send to show a week), else None."""
    calendar = list(condition)
    if len(calendar) != 1 or calendar[0].tag != tag(CALDAV, "comp-filter"):
        return None
    if (calendar[0].get("name") or "").upper() != "VCALENDAR" or len(list(calendar[0])) != 1:
        return None
    event = next(iter(calendar[0]))
    if event.tag != tag(CALDAV, "comp-filter") or (event.get("name") or "").upper() != "VEVENT":
        return None
    children = list(event)
    if (
        len(children) != 1
        or children[0].tag != tag(CALDAV, "time-range")
        or children[0].attrib.keys() - {"start", "end"}
    ):
        return None
    try:
        bounds = [children[0].get(b) for b in ("start", "end")]
        start, end = (None if v is None else int(filters.parse_time(v).timestamp()) for v in bounds)
    except filters.FilterError:
        return None  # the full filter reports the error
    return start, end


def span_overlaps(obj: ObjectView, start: int | None, end: int | None) -> bool:
    """RFC 4791 §9.9 for a VEVENT whose indexed span is exact: start < DTEND and end > DTSTART."""
    if obj.range_start is None or obj.range_end is None:
        return True  # not indexed: let it through (callers only pass exact spans)
    return (start is None or start < obj.range_end) and (end is None or end > obj.range_start)


def indexed_overlap(obj: ObjectView, start: int | None, end: int | None) -> bool:
    """§9.9 from the index: the object's exact span, or any of its instances' exact spans."""
    spans = decode(obj.instances)
    if spans is None:
        return span_overlaps(obj, start, end)
    return any((start is None or start < e) and (end is None or end > s) for s, e in spans)


def name_in(href: str, base: str) -> str | None:
    """The resource name an href names inside the calendar at `base` (None if elsewhere)."""
    path = unquote(urlsplit(href).path)
    name = path[len(base) :] if path.startswith(base) else ""
    return name if name and "/" not in name and "\0" not in name else None


def wanted_properties(body: ET.Element) -> tuple[str, list[str], ET.Element | None]:
    """Which properties a report asks for, and its calendar-data request element."""
    prop = body.find(tag(DAV, "prop"))
    if body.find(tag(DAV, "allprop")) is not None:
        return "allprop", [], None
    if body.find(tag(DAV, "propname")) is not None:
        return "propname", [], None
    if prop is None:
        return "prop", [tag(DAV, "getetag")], None
    return "prop", [child.tag for child in prop], prop.find(tag(CALDAV, "calendar-data"))


def _limit(body: ET.Element) -> int | None:
    text = body.findtext(f"{tag(DAV, 'limit')}/{tag(DAV, 'nresults')}")
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        raise DavError(400, "DAV:nresults must be a number.") from None
    if value < 1:
        raise DavError(
            403, "DAV:nresults must be at least 1.", "number-of-matches-within-limits", DAV
        )
    return value


def _calendar_data(obj: ObjectView, request: ET.Element, zone: dt.tzinfo = dt.UTC) -> ET.Element:
    """calendar-data, expanded or limited as the request asks (RFC 4791 §9.6), floating times
    and dates read in `zone`."""
    text = obj.ical
    expand = request.find(tag(CALDAV, "expand"))
    limited = request.find(tag(CALDAV, "limit-recurrence-set"))
    try:
        if expand is not None:
            start = filters.parse_time(expand.get("start", ""))
            end = filters.parse_time(expand.get("end", ""))
            fast, lo, hi = None, int(start.timestamp()), int(end.timestamp())
            spans = decode(obj.instances)
            if obj.span_exact and span_overlaps(obj, lo, hi):
                fast = utc_copy(text)  # a single zoned event: no icalendar parse needed
            elif spans is not None:
                fast = utc_instances(text, spans, lo, hi)  # a series, from its indexed instances
            text = fast if fast is not None else filters.expand(text, start, end, default_tz=zone)
        elif limited is not None:
            text = filters.limit_recurrence_set(
                text,
                filters.parse_time(limited.get("start", "")),
                filters.parse_time(limited.get("end", "")),
                default_tz=zone,
            )
    except filters.FilterError as error:
        raise DavError(403, str(error), error.precondition) from error
    return xml.element(CALDAV, "calendar-data", text)
