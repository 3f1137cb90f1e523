"""Whatever a client sends, the CalDAV handlers answer with a deliberate status: never an
unhandled exception (a 500). Random methods, paths, headers and bodies, including mutilated
versions of valid XML and iCalendar."""

from __future__ import annotations

import base64

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Request
from televent.application.televent import Televent
from televent.domain.values import account_id_for, calendar_id_for
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, caldav_handlers, vevent

VALID_XML = [
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:displayname/></d:prop></d:propfind>',
    b'<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level>'
    b"<d:limit><d:nresults>2</d:nresults></d:limit><d:prop><d:getetag/></d:prop></d:sync-collection>",
    b'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
    b'<c:calendar-data><c:expand start="20260301T000000Z" end="20260401T000000Z"/>'
    b"</c:calendar-data>"
    b'</d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">'
    b'<c:time-range start="20260301T000000Z" end="20260401T000000Z"/></c:comp-filter>'
    b"</c:comp-filter></c:filter></c:calendar-query>",
    b'<c:free-busy-query xmlns:c="urn:ietf:params:xml:ns:caldav"><c:time-range '
    b'start="20260301T000000Z" end="20260302T000000Z"/></c:free-busy-query>',
    b'<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>x</d:displayname></d:prop>'
    b"</d:set></d:propertyupdate>",
]
VALID_ICAL = vevent(
    rrule="FREQ=WEEKLY;COUNT=3", attendees=[("bob@example.com", "ACCEPTED")]
).encode()
PATHS = [
    "/",
    "/dav/",
    "/dav/principals/1/",
    "/dav/calendars/1/",
    "/dav/calendars/1/default/",
    "/dav/calendars/1/default/a.ics",
    "/dav/calendars/1/new/",
    "/dav/calendars/1/default/x/y",
    "/dav/calendars/2/default/",
    "/dav/calendars/x/",
    "/dav/calendars/1/%ZZ/a.ics",
    "/.well-known/caldav",
    "/dav/calendars/1/default/%2e%2e/a.ics",
]
METHODS = [
    "GET",
    "HEAD",
    "PUT",
    "DELETE",
    "PROPFIND",
    "PROPPATCH",
    "REPORT",
    "MKCALENDAR",
    "OPTIONS",
    "POST",
    "MOVE",
]


def mutilated(source: bytes) -> st.SearchStrategy[bytes]:
    """A valid document with a slice cut out, or bytes overwritten, or truncated."""
    return st.tuples(st.integers(0, len(source)), st.integers(0, 40), st.binary(max_size=8)).map(
        lambda cut: source[: cut[0]] + cut[2] + source[cut[0] + cut[1] :]
    )


bodies = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(VALID_XML).flatmap(mutilated),
    st.just(VALID_ICAL).flatmap(mutilated),
    st.sampled_from([*VALID_XML, VALID_ICAL]),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "depth": st.sampled_from(["0", "1", "infinity", "banana", ""]),
        "if-match": st.sampled_from(['"x"', "*", "", 'W/"1"']),
        "if-none-match": st.sampled_from(["*", '"y"']),
        "content-type": st.sampled_from(
            ["text/calendar", "application/json", "", "text/calendar; charset=latin-1"]
        ),
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    requests=st.lists(
        st.tuples(st.sampled_from(METHODS), st.sampled_from(PATHS), headers, bodies),
        min_size=1,
        max_size=6,
    )
)
def test_nothing_a_client_sends_raises(backend: Backend, requests: list) -> None:  # type: ignore[type-arg]
    with backend.fresh_app() as app:
        app.register_account(1, name="A", actor=ACTOR, source=CLI)
        app.register_account(2, name="B", actor=ACTOR, source=CLI)
        password = app.issue_device_password(1, "p", actor=ACTOR, source=CLI).password
        server = caldav_handlers(app, 100_000)
        auth = "Basic " + base64.b64encode(f"1:{password}".encode()).decode()
        for method, path, extra, body in requests:
            reply = server.handle(Request(method, path, {"authorization": auth, **extra}, body))
            assert 200 <= reply.status < 500, (method, path, extra, body, reply.status, reply.body)


def _signed_in(app: Televent) -> tuple[CalDavHandlers, dict[str, str]]:
    """Account 1 with a device password, the CalDAV handlers, and its Authorization header."""
    app.register_account(1, name="A", actor=ACTOR, source=CLI)
    password = app.issue_device_password(1, "p", actor=ACTOR, source=CLI).password
    auth = "Basic " + base64.b64encode(f"1:{password}".encode()).decode()
    return caldav_handlers(app, 100_000), {"authorization": auth}


def test_a_line_folded_inside_a_character_is_stored_and_read_whole(backend: Backend) -> None:
    # RFC 5545 §3.1 lets a writer fold between the octets of one character: the PUT was
    # refused as not UTF-8
    title = "Встреча с командой по планированию квартала"
    line = f"SUMMARY:{title}".encode()
    cut = len(b"SUMMARY:") + 1  # inside the two octets of its first letter
    body = vevent(summary="x").encode().replace(b"SUMMARY:x", line[:cut] + b"\r\n " + line[cut:])
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        path = "/dav/calendars/1/default/folded.ics"
        stored = server.handle(
            Request("PUT", path, {**auth, "content-type": "text/calendar"}, body)
        )
        assert stored.status == 201, stored.body
        served = server.handle(Request("GET", path, auth, b""))
        assert f"SUMMARY:{title}".encode() in served.body.replace(b"\r\n ", b"")


def test_conditional_writes_take_star_and_lists_of_tags(backend: Backend) -> None:
    """RFC 9110 §13.1: `If-Match: *` on DELETE matches what exists (it was a 412), a list
    matches when any of its tags does (it was a 412), and `If-None-Match` with the current
    tag refuses the PUT (it overwrote)."""
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        path = "/dav/calendars/1/default/c.ics"

        def put(summary: str, **headers: str) -> int:
            body = vevent(uid="c", summary=summary).encode()
            sent = {**auth, "content-type": "text/calendar", **headers}
            return server.handle(Request("PUT", path, sent, body)).status

        def tag() -> str:
            stored = app.queries.object_at(calendar_id_for(account_id_for(1), "default"), "c.ics")
            assert stored is not None
            return stored.etag

        assert put("One") == 201
        assert put("Two", **{"if-match": f'"zzz", {tag()}'}) == 204
        assert put("Three", **{"if-match": '"zzz", "yyy"'}) == 412
        assert put("Three", **{"if-none-match": tag()}) == 412
        assert put("Three", **{"if-none-match": '"zzz"'}) == 204
        gone = server.handle(Request("DELETE", path, {**auth, "if-match": "*"}, b""))
        assert gone.status == 204
        again = server.handle(Request("DELETE", path, {**auth, "if-match": "*"}, b""))
        assert again.status == 412  # nothing there for `*`


APPLE_MKCALENDAR = b"""<?xml version="1.0" encoding="UTF-8"?>
<B:mkcalendar xmlns:B="urn:ietf:params:xml:ns:caldav"><A:set xmlns:A="DAV:"><A:prop>
<D:calendar-order xmlns:D="http://apple.com/ns/ical/">3</D:calendar-order>
<B:supported-calendar-component-set><B:comp name="VEVENT"/></B:supported-calendar-component-set>
<D:calendar-color xmlns:D="http://apple.com/ns/ical/" symbolic-color="blue"
>#1BADF8</D:calendar-color>
<A:displayname>Work</A:displayname>
<B:calendar-free-busy-set><B:YES/></B:calendar-free-busy-set>
</A:prop></A:set></B:mkcalendar>"""


def test_apple_calendar_makes_and_orders_calendars(backend: Backend) -> None:
    """Apple Calendar's MKCALENDAR sets its own calendar-order (and the old draft's
    calendar-free-busy-set): refused as protected, no calendar could be made from it. They are
    kept as the client's (RFC 4918 §4.2 dead properties), returned, changed and removed."""
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        path = "/dav/calendars/1/apple1/"
        made = server.handle(Request("MKCALENDAR", path, auth, APPLE_MKCALENDAR))
        assert made.status == 201, made.body
        order = b'<D:calendar-order xmlns:D="http://apple.com/ns/ical/"/>'
        ask = (
            b'<A:propfind xmlns:A="DAV:"><A:prop><A:displayname/>'
            + order
            + b"</A:prop></A:propfind>"
        )
        found = server.handle(Request("PROPFIND", path, {**auth, "depth": "0"}, ask))
        assert b">3</" in found.body and b">Work</" in found.body and b"404" not in found.body
        moved = b"""<A:propertyupdate xmlns:A="DAV:"><A:set><A:prop>
<D:calendar-order xmlns:D="http://apple.com/ns/ical/">7</D:calendar-order>
<A:displayname>Work stuff</A:displayname></A:prop></A:set></A:propertyupdate>"""
        changed = server.handle(Request("PROPPATCH", path, auth, moved))
        assert changed.status == 207 and b"200" in changed.body and b"403" not in changed.body
        found = server.handle(Request("PROPFIND", path, {**auth, "depth": "0"}, ask))
        assert b">7</" in found.body and b">Work stuff</" in found.body
        dropped = b"""<A:propertyupdate xmlns:A="DAV:"><A:remove><A:prop>
<D:calendar-order xmlns:D="http://apple.com/ns/ical/"/></A:prop></A:remove></A:propertyupdate>"""
        assert server.handle(Request("PROPPATCH", path, auth, dropped)).status == 207
        found = server.handle(Request("PROPFIND", path, {**auth, "depth": "0"}, ask))
        assert b"404" in found.body and b">7</" not in found.body
        # the server's own properties stay the server's
        protected = b"""<A:propertyupdate xmlns:A="DAV:"><A:set><A:prop>
<A:getctag>x</A:getctag></A:prop></A:set></A:propertyupdate>"""
        refused = server.handle(Request("PROPPATCH", path, auth, protected))
        assert b"403" in refused.body
        assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_a_calendar_timezone_that_is_no_time_zone_is_refused(backend: Backend) -> None:
    """RFC 4791 §5.2.2: garbage was answered 200, stored, and then never shown (404)."""
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        garbage = (
            b'<A:propertyupdate xmlns:A="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            b"<A:set><A:prop><C:calendar-timezone>garbage</C:calendar-timezone></A:prop>"
            b"</A:set></A:propertyupdate>"
        )
        refused = server.handle(Request("PROPPATCH", "/dav/calendars/1/default/", auth, garbage))
        assert refused.status == 403 and b"valid-calendar-data" in refused.body
        made = server.handle(
            Request(
                "MKCALENDAR",
                "/dav/calendars/1/tz/",
                auth,
                garbage.replace(b"A:propertyupdate", b"C:mkcalendar"),
            )
        )
        assert made.status == 403
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        calendars = app.queries.calendars_of(account.account_id)
        assert [c.slug for c in calendars] == ["default"]
        assert calendars[0].timezone != "garbage"
