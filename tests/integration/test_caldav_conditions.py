"""What a CalDAV client sees of entity-tag preconditions (RFC 9110 §13.1.1, §13.1.2), of the
size limit a calendar names (RFC 4791 §5.2.5) and of the Depth of a REPORT (RFC 4791 §7.8,
§7.9, RFC 6578 §3.2)."""

from __future__ import annotations

import base64
import re
from uuid import UUID

from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Reply, Request
from televent.application.televent import Televent
from televent.domain.values import account_id_for, calendar_id_for
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, caldav_handlers, vevent
from tests.integration.test_scheduling import meeting, people, put_as

__all__ = ["people"]  # the fixture, shared with test_scheduling.py

CAL = "/dav/calendars/1/default/"
HREF = re.compile(r"<[^>]*href>([^<]*)</[^>]*href>")
QUERY = (
    b'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
    b'<d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR">'
    b'<c:comp-filter name="VEVENT"/></c:comp-filter></c:filter></c:calendar-query>'
)
MULTIGET = (
    b'<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
    b"<d:getetag/></d:prop><d:href>" + CAL.encode() + b"d.ics</d:href></c:calendar-multiget>"
)
SYNC = (
    b'<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level>'
    b"<d:prop><d:getetag/></d:prop></d:sync-collection>"
)


def _signed_in(app: Televent, limit: int = 100_000) -> tuple[CalDavHandlers, dict[str, str]]:
    """Account 1 with a device password, the CalDAV handlers, and its Authorization header."""
    app.register_account(1, name="A", actor=ACTOR, source=CLI)
    return caldav_handlers(app, limit), _auth(app, 1)


def _auth(app: Televent, telegram_id: int) -> dict[str, str]:
    password = app.issue_device_password(telegram_id, "p", actor=ACTOR, source=CLI).password
    token = base64.b64encode(f"{telegram_id}:{password}".encode()).decode()
    return {"authorization": f"Basic {token}"}


def _hrefs(reply: Reply) -> list[str]:
    assert reply.status == 207, (reply.status, reply.body)
    return HREF.findall(reply.body.decode())


# --- If-Match is strong, If-None-Match weak (RFC 9110 §13.1.1, §13.1.2) ---------------------


def test_a_weak_tag_never_satisfies_if_match(backend: Backend) -> None:
    """If-Match compares strongly: `W/"<current tag>"` was taken for the current version, so a
    PUT or DELETE went through where the client had to get 412. If-None-Match compares weakly,
    `*` and lists keep working."""
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        path = f"{CAL}w.ics"

        def put(summary: str, **headers: str) -> int:
            body = vevent(uid="w", summary=summary).encode()
            sent = {**auth, "content-type": "text/calendar", **headers}
            return server.handle(Request("PUT", path, sent, body)).status

        def delete(if_match: str) -> int:
            return server.handle(
                Request("DELETE", path, {**auth, "if-match": if_match}, b"")
            ).status

        def tag() -> str:
            stored = app.queries.object_at(calendar_id_for(account_id_for(1), "default"), "w.ics")
            assert stored is not None
            return stored.etag

        assert put("One") == 201
        current = tag()
        assert put("Two", **{"if-match": f"W/{current}"}) == 412
        assert put("Two", **{"if-match": f'"zzz", W/{current}'}) == 412
        assert delete(f"W/{current}") == 412
        assert delete(f'W/"zzz", W/{current}') == 412
        assert tag() == current  # nothing was written
        assert put("Two", **{"if-none-match": f"W/{current}"}) == 412  # weak: it matches
        assert put("Two", **{"if-match": current}) == 204
        assert put("Three", **{"if-match": f'W/"zzz", {tag()}'}) == 204
        assert put("Four", **{"if-match": "*"}) == 204
        assert delete(tag()) == 204
        assert server.handle(Request("GET", path, auth, b"")).status == 404


def test_an_inbox_item_is_deleted_under_a_strong_if_match_or_star(
    app: Televent, people: dict[str, UUID]
) -> None:
    """DELETE of a scheduling inbox item: a weak tag was taken for the item's, and `*` or a
    list of tags never matched (412 for a message that was there). A calendar-query of
    Depth 0 searches the inbox itself, as on a calendar."""
    put_as(app, people["alice"], meeting())
    put_as(app, people["alice"], meeting(start="20260306T150000", sequence=1))
    first, second = ScheduleInbox(app.views).items(people["bob"])
    server, auth = caldav_handlers(app), _auth(app, 200)
    inbox = "/dav/calendars/200/inbox/"

    def delete(name: str, if_match: str) -> int:
        sent = {**auth, "if-match": if_match}
        return server.handle(Request("DELETE", f"{inbox}{name}", sent, b"")).status

    def query(depth: str) -> list[str]:
        sent = {**auth, "depth": depth}
        return _hrefs(server.handle(Request("REPORT", inbox, sent, QUERY)))

    assert query("0") == []  # the inbox itself (it answered every item)
    assert len(query("1")) == 2
    assert delete(first.name, f"W/{first.etag}") == 412
    assert delete(first.name, f'"zzz", {first.etag}') == 204
    assert delete(second.name, "*") == 204
    assert delete(second.name, "*") == 412  # nothing there for `*`
    assert ScheduleInbox(app.views).items(people["bob"]) == []


# --- CALDAV:max-resource-size (RFC 4791 §5.2.5) ----------------------------------------------


def _padded(size: int) -> bytes:
    """An event of exactly `size` octets, filled up with X- lines of 8 to 70 octets."""
    body = vevent(uid="big").encode()
    room = size - len(body)
    assert room >= 16
    sizes = []
    while room > 140:
        sizes.append(70)
        room -= 70
    sizes += [room // 2, room - room // 2]
    lines = b"".join(b"X-PAD:" + b"a" * (n - 8) + b"\r\n" for n in sizes)
    padded = body.replace(b"END:VEVENT", lines + b"END:VEVENT")
    assert len(padded) == size
    return padded


MAX_SIZE = (
    b'<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
    b"<c:max-resource-size/></d:prop></d:propfind>"
)
ALLPROP = b'<d:propfind xmlns:d="DAV:"><d:allprop/></d:propfind>'


def test_a_calendar_names_the_size_a_put_may_have(backend: Backend) -> None:
    """RFC 4791 §5.2.5: PROPFIND of CALDAV:max-resource-size was 404 on every calendar; it is
    the limit a PUT is held to (one octet more is refused with that precondition), and not
    part of allprop."""
    with backend.fresh_app() as app:
        server, auth = _signed_in(app, limit=3_000)
        found = server.handle(Request("PROPFIND", CAL, {**auth, "depth": "0"}, MAX_SIZE))
        assert found.status == 207
        value = re.search(rb"max-resource-size[^>]*>(\d+)</", found.body)
        assert value is not None and b"404" not in found.body, found.body
        limit = int(value.group(1))
        assert limit == 3_000
        listed = server.handle(
            Request("PROPFIND", "/dav/calendars/1/", {**auth, "depth": "1"}, MAX_SIZE)
        )
        assert listed.body.count(b">3000</") == 1  # the calendar; the home has none

        sent = {**auth, "content-type": "text/calendar"}
        too_big = server.handle(Request("PUT", f"{CAL}big.ics", sent, _padded(limit + 1)))
        assert too_big.status == 413 and b"max-resource-size" in too_big.body
        fits = server.handle(Request("PUT", f"{CAL}big.ics", sent, _padded(limit)))
        assert fits.status == 201, fits.body

        everything = server.handle(Request("PROPFIND", CAL, {**auth, "depth": "0"}, ALLPROP))
        assert everything.status == 207 and b"displayname" in everything.body
        assert b"max-resource-size" not in everything.body


# --- the Depth of a REPORT (RFC 4791 §7.8, §7.9; RFC 6578 §3.2) ------------------------------


def test_a_calendar_query_of_depth_0_searches_the_collection_only(backend: Backend) -> None:
    """RFC 4791 §7.8: `Depth: 0` on a calendar searches the collection itself, which is no
    calendar object: nothing matches (every object was answered). Depth 1, and no Depth
    (which clients that omit it rely on), search its objects; multiget ignores Depth (§7.9),
    and sync-collection answers with Depth 0 and the Depth 1 that clients send."""
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        sent = {**auth, "content-type": "text/calendar"}
        body = vevent(uid="d").encode()
        assert server.handle(Request("PUT", f"{CAL}d.ics", sent, body)).status == 201
        wanted = [f"{CAL}d.ics"]

        def report(body: bytes, depth: str | None) -> list[str]:
            headers = auth if depth is None else {**auth, "depth": depth}
            return _hrefs(server.handle(Request("REPORT", CAL, headers, body)))

        assert report(QUERY, "0") == []
        assert report(QUERY, "1") == wanted
        assert report(QUERY, "infinity") == wanted
        assert report(QUERY, None) == wanted
        for depth in ("0", "1", None):
            assert report(MULTIGET, depth) == wanted
        for depth in ("0", "1"):
            assert report(SYNC, depth) == wanted
