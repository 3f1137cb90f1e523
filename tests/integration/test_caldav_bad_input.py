"""Whatever a client sends, the CalDAV handlers answer with a deliberate status: never an
unhandled exception (a 500). Random methods, paths, headers and bodies, including mutilated
versions of valid XML and iCalendar."""

from __future__ import annotations

import base64

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.protocol import Request
from televent.domain.values import account_id_for, calendar_id_for
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
        app.register_account(1, name="A", actor=ACTOR, source=CLI)
        password = app.issue_device_password(1, "p", actor=ACTOR, source=CLI).password
        server = caldav_handlers(app, 100_000)
        auth = {"authorization": "Basic " + base64.b64encode(f"1:{password}".encode()).decode()}
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
        app.register_account(1, name="A", actor=ACTOR, source=CLI)
        password = app.issue_device_password(1, "p", actor=ACTOR, source=CLI).password
        server = caldav_handlers(app, 100_000)
        auth = {"authorization": "Basic " + base64.b64encode(f"1:{password}".encode()).decode()}
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
