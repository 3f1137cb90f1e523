"""CalDAV over raw HTTP against `televent serve`: authentication, isolation, preconditions and
bad input. Every answer must be a deliberate status, never a 500."""

from __future__ import annotations

import re

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from tests.e2e.conftest import Server
from tests.helpers import vevent

CAL = "/dav/calendars/1/default/"
BOB_CAL = "/dav/calendars/2/default/"
PROPFIND_ETAGS = (
    b'<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


def sync_body(token: str = "", limit: int | None = None) -> bytes:
    limit_xml = f"<d:limit><d:nresults>{limit}</d:nresults></d:limit>" if limit else ""
    return (
        f'<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>{token}'
        f"</d:sync-token><d:sync-level>1</d:sync-level>{limit_xml}<d:prop><d:getetag/>"
        "</d:prop></d:sync-collection>"
    ).encode()


@pytest.fixture
def http(server: Server) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=server.auth(1), timeout=30)


def test_options_and_well_known(http: httpx.Client) -> None:
    options = http.request("OPTIONS", "/")
    assert "calendar-access" in options.headers["dav"]
    redirect = http.request("PROPFIND", "/.well-known/caldav", follow_redirects=False)
    assert redirect.status_code == 301 and redirect.headers["location"] == "/dav/"


def test_authentication_is_required_and_checked(server: Server) -> None:
    anonymous = httpx.request("PROPFIND", server.url + CAL)
    assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"].startswith(
        "Basic"
    )
    wrong = httpx.request("PROPFIND", server.url + CAL, auth=("1", "not-the-password"))
    assert wrong.status_code == 401
    by_email = httpx.request(
        "PROPFIND",
        server.url + CAL,
        auth=("alice@example.com", server.users[1]),
        headers={"Depth": "0"},
    )
    assert by_email.status_code == 207


def test_repeated_failures_are_refused_with_retry_after(server: Server) -> None:
    statuses = [
        httpx.request(
            "PROPFIND", server.url + CAL, auth=("2", f"guess-{n}"), timeout=60
        ).status_code
        for n in range(12)
    ]
    assert statuses[:3] == [401, 401, 401]
    assert statuses[-1] == 429
    refused = httpx.request("PROPFIND", server.url + CAL, auth=("2", "guess-x"), timeout=60)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PROPFIND", BOB_CAL, PROPFIND_ETAGS),
        ("REPORT", BOB_CAL, sync_body()),
        ("GET", BOB_CAL + "x.ics", b""),
        ("PUT", BOB_CAL + "x.ics", vevent().encode()),
        ("DELETE", BOB_CAL + "x.ics", b""),
        ("DELETE", BOB_CAL, b""),
        ("MKCALENDAR", "/dav/calendars/2/mine/", b""),
        (
            "PROPPATCH",
            BOB_CAL,
            b'<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>x'
            b"</d:displayname></d:prop></d:set></d:propertyupdate>",
        ),
        ("PROPFIND", "/dav/principals/2/", PROPFIND_ETAGS),
    ],
)
def test_one_user_never_touches_another_users_calendar(
    http: httpx.Client, method: str, path: str, body: bytes
) -> None:
    response = http.request(method, path, content=body, headers={"Depth": "1"})
    assert response.status_code == 403
    assert b"need-privileges" in response.content


def test_put_get_and_etag_preconditions(http: httpx.Client) -> None:
    created = http.put(
        CAL + "team.ics",
        content=vevent(),
        headers={"If-None-Match": "*", "Content-Type": "text/calendar"},
    )
    assert created.status_code == 201
    etag = created.headers["etag"]
    fetched = http.get(CAL + "team.ics")
    assert fetched.text == vevent() and fetched.headers["etag"] == etag
    again = http.put(CAL + "team.ics", content=vevent(), headers={"If-None-Match": "*"})
    assert again.status_code == 412
    changed = http.put(
        CAL + "team.ics", content=vevent(summary="Moved"), headers={"If-Match": etag}
    )
    assert changed.status_code == 204
    stale = http.put(CAL + "team.ics", content=vevent(summary="Lost"), headers={"If-Match": etag})
    assert stale.status_code == 412
    assert http.delete(CAL + "team.ics", headers={"If-Match": etag}).status_code == 412
    assert "Moved" in http.get(CAL + "team.ics").text


@pytest.mark.parametrize(
    ("body", "precondition"),
    [
        ("BEGIN:VCALENDAR\r\nthis is not icalendar", "valid-calendar-data"),
        (
            vevent().replace("BEGIN:VEVENT", "METHOD:REQUEST\r\nBEGIN:VEVENT"),
            "valid-calendar-object-resource",
        ),
        (vevent().replace("VEVENT", "VAVAILABILITY"), "supported-calendar-component"),
    ],
)
def test_bad_calendar_data_is_refused_with_its_precondition(
    http: httpx.Client, body: str, precondition: str
) -> None:
    response = http.put(CAL + "bad.ics", content=body)
    assert response.status_code == 403
    assert precondition.encode() in response.content
    assert http.get(CAL + "bad.ics").status_code == 404


def test_uid_conflict_size_and_media_type(http: httpx.Client) -> None:
    assert http.put(CAL + "a.ics", content=vevent(uid="same")).status_code == 201
    conflict = http.put(CAL + "b.ics", content=vevent(uid="same"))
    assert conflict.status_code == 403 and b"no-uid-conflict" in conflict.content
    assert b"a.ics" in conflict.content
    huge = vevent(extra="DESCRIPTION:" + "x" * 300_000)
    assert http.put(CAL + "huge.ics", content=huge).status_code == 413
    wrong_type = http.put(
        CAL + "c.ics", content=b"{}", headers={"Content-Type": "application/json"}
    )
    assert wrong_type.status_code == 415


def test_hostile_xml_is_refused(http: httpx.Client) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><d:propfind xmlns:d="DAV:">'
        b"<d:prop><d:displayname>&lol2;</d:displayname></d:prop></d:propfind>"
    )
    assert http.request("PROPFIND", CAL, content=bomb, headers={"Depth": "0"}).status_code == 400
    external = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<d:propfind xmlns:d="DAV:"><d:prop><d:displayname>&e;</d:displayname></d:prop>'
        b"</d:propfind>"
    )
    assert (
        http.request("PROPFIND", CAL, content=external, headers={"Depth": "0"}).status_code == 400
    )
    broken = http.request("REPORT", CAL, content=b"<d:sync-collection xmlns:d='DAV:'>")
    assert broken.status_code == 400
    infinite = http.request("PROPFIND", CAL, content=PROPFIND_ETAGS, headers={"Depth": "infinity"})
    assert infinite.status_code == 403 and b"propfind-finite-depth" in infinite.content


def test_sync_tokens_limits_and_expiry(http: httpx.Client) -> None:
    for n in range(5):
        http.put(CAL + f"{n}.ics", content=vevent(uid=f"u{n}"))
    first = http.request("REPORT", CAL, content=sync_body(limit=2))
    assert first.status_code == 207
    assert first.content.count(b"<d:response>") == 3  # two results and the 507 for the collection
    assert b"507" in first.content
    token = re.search(rb"<d:sync-token>([^<]+)</d:sync-token>", first.content).group(1).decode()
    rest = http.request("REPORT", CAL, content=sync_body(token))
    assert rest.content.count(b".ics</d:href>") == 3  # resumes without losing anything
    bogus = http.request("REPORT", CAL, content=sync_body("urn:televent:sync:999999999"))
    assert bogus.status_code == 403 and b"valid-sync-token" in bogus.content
    malformed = http.request("REPORT", CAL, content=sync_body("http://example.com/nope"))
    assert malformed.status_code == 403 and b"valid-sync-token" in malformed.content


def test_calendars_can_be_made_renamed_and_deleted(http: httpx.Client) -> None:
    made = http.request(
        "MKCALENDAR",
        "/dav/calendars/1/work/",
        content=(
            b'<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
            b"<d:displayname>Work</d:displayname></d:prop></d:set></c:mkcalendar>"
        ),
    )
    assert made.status_code == 201
    assert http.request("MKCALENDAR", "/dav/calendars/1/work/").status_code == 403
    patched = http.request(
        "PROPPATCH",
        "/dav/calendars/1/work/",
        content=(
            b'<d:propertyupdate xmlns:d="DAV:" xmlns:i="http://apple.com/ns/ical/"><d:set><d:prop>'
            b"<d:displayname>Job</d:displayname><i:calendar-color>#FF0000</i:calendar-color>"
            b"</d:prop></d:set></d:propertyupdate>"
        ),
    )
    assert patched.status_code == 207 and b"200" in patched.content
    listing = http.request("PROPFIND", "/dav/calendars/1/", headers={"Depth": "1"})
    assert b"Job" in listing.content and b"#FF0000" in listing.content
    assert http.delete("/dav/calendars/1/work/").status_code == 204
    assert http.delete("/dav/calendars/1/default/").status_code == 403  # the default stays
    assert (
        b"Job" not in http.request("PROPFIND", "/dav/calendars/1/", headers={"Depth": "1"}).content
    )


def test_changes_record_the_device_and_its_last_use(server: Server, http: httpx.Client) -> None:
    assert http.put(CAL + "dev.ics", content=vevent(uid="dev")).status_code == 201
    app = build_application(Settings(database_url=server.database_url))
    try:
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        [device] = app.queries.devices_of(account.account_id)
        assert device.last_used_at is not None
        with app.views.read() as db:
            rows = db.all(
                "SELECT originator_id, originator_version, topic, state "
                f"FROM {app.events_table} ORDER BY 1"
            )
        created = [r for r in rows if r["topic"].endswith("CalendarEvent.EventCreated")]
        assert app.engine.decode(created[-1]).source == "caldav:tests"
        assert b"caldav:tests" not in bytes(created[-1]["state"])  # sealed at rest (ADR 0009)
    finally:
        app.close()


def test_a_task_calendar_takes_tasks_only(http: httpx.Client) -> None:
    made = http.request(
        "MKCALENDAR",
        "/dav/calendars/1/tasks/",
        content=(
            b'<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
            b'<c:supported-calendar-component-set><c:comp name="VTODO"/>'
            b"</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>"
        ),
    )
    assert made.status_code == 201
    shown = http.request("PROPFIND", "/dav/calendars/1/tasks/", headers={"Depth": "0"})
    assert b'name="VTODO"' in shown.content and b'name="VEVENT"' not in shown.content
    event = http.put("/dav/calendars/1/tasks/e.ics", content=vevent())
    assert event.status_code == 403 and b"supported-calendar-component" in event.content
    task = vevent().replace("VEVENT", "VTODO").replace("DTEND", "DUE")
    assert http.put("/dav/calendars/1/tasks/t.ics", content=task).status_code == 201


def test_principal_search_finds_only_oneself(http: httpx.Client) -> None:
    def search(text: str) -> bytes:
        body = (
            f'<d:principal-property-search xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            f"<d:property-search><d:prop><d:displayname/></d:prop><d:match>{text}</d:match>"
            "</d:property-search><d:prop><d:displayname/><c:calendar-home-set/></d:prop>"
            "</d:principal-property-search>"
        )
        response = http.request("REPORT", "/", content=body.encode(), headers={"Depth": "0"})
        assert response.status_code == 207
        return response.content

    mine = search("alice")
    assert b"/dav/principals/1/" in mine and b"/dav/calendars/1/" in mine
    assert b"/dav/principals/2/" not in search("Bob")  # another user is never disclosed


def test_time_range_queries_keep_what_the_index_cannot_bound(http: httpx.Client) -> None:
    undated = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VTODO\r\nUID:todo\r\n"
        "DTSTAMP:20260301T090000Z\r\nSUMMARY:Someday\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    assert http.put(CAL + "todo.ics", content=undated).status_code == 201
    point = vevent(uid="point", start="20260310T100000", end="X", tzid=None).replace(
        "DTEND:XZ\r\n", ""
    )  # DTSTART only: a point in time (RFC 4791 §9.9: start <= DTSTART < end)
    assert http.put(CAL + "point.ics", content=point).status_code == 201

    def query(component: str) -> bytes:
        body = (
            f'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
            f'<d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter '
            f'name="{component}"><c:time-range start="20260310T100000Z" end="20260310T110000Z"/>'
            "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>"
        )
        return http.request("REPORT", CAL, content=body.encode(), headers={"Depth": "1"}).content

    assert b"todo.ics" in query("VTODO")  # RFC 4791 §9.9: an undated task matches any range
    assert b"point.ics" in query("VEVENT")  # a point in time at the range's very start


def test_multiget_answers_each_href(http: httpx.Client) -> None:
    for n in range(3):
        assert http.put(CAL + f"m{n}.ics", content=vevent(uid=f"m{n}")).status_code == 201
    hrefs = [CAL + "m0.ics", CAL + "m2.ics", CAL + "missing.ics", BOB_CAL + "m1.ics"]
    body = (
        '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        "<d:prop><d:getetag/><c:calendar-data/></d:prop>"
        + "".join(f"<d:href>{h}</d:href>" for h in hrefs)
        + "</c:calendar-multiget>"
    )
    reply = http.request("REPORT", CAL, content=body.encode(), headers={"Depth": "1"})
    assert reply.status_code == 207
    responses = dict(re.findall(r"<d:href>([^<]+)</d:href>(.*?)</d:response>", reply.text, re.S))
    assert set(responses) == set(hrefs)
    assert "UID:m0" in responses[CAL + "m0.ics"] and "UID:m2" in responses[CAL + "m2.ics"]
    assert "404" in responses[CAL + "missing.ics"] and "404" in responses[BOB_CAL + "m1.ics"]


def test_listings_with_and_without_bodies_agree(http: httpx.Client) -> None:
    """A PROPFIND or sync asking only for ETags (and content types) reads names and ETags
    only; asking for the modification time reads more, and for the length or the data the
    bodies. Every kind of answer names the same resources with the same ETags."""
    body = vevent(uid="länge", summary="Grüße aus Köln")  # non-ASCII: bytes ≠ characters
    assert http.put(CAL + "laenge.ics", content=body).status_code == 201
    got = http.get(CAL + "laenge.ics")

    def answer(method: str, xml_body: str, depth: str) -> dict[str, dict[str, str]]:
        reply = http.request(method, CAL, content=xml_body.encode(), headers={"Depth": depth})
        assert reply.status_code == 207
        found: dict[str, dict[str, str]] = {}
        for response in re.findall(r"<d:response>(.*?)</d:response>", reply.text, re.S):
            href = re.search(r"<d:href>(.*?)</d:href>", response, re.S)
            assert href is not None
            props = dict(
                re.findall(
                    r"<d:(getetag|getcontentlength|getcontenttype|getlastmodified)>(.*?)</d:",
                    response,
                    re.S,
                )
            )
            if "calendar-data" in response:
                props["data"] = "yes"
            found[href.group(1)] = props
        return found

    etags_only = answer("PROPFIND", PROPFIND_ETAGS.decode(), "1")
    with_length = answer(
        "PROPFIND",
        '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getcontentlength/></d:prop>'
        "</d:propfind>",
        "1",
    )
    synced = answer(
        "REPORT",
        '<d:sync-collection xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        "<d:sync-token/><d:sync-level>1</d:sync-level><d:prop><d:getetag/><c:calendar-data/>"
        "</d:prop></d:sync-collection>",
        "0",
    )
    href = CAL + "laenge.ics"
    assert etags_only[href] == {"getetag": got.headers["etag"]}
    assert with_length[href] == {
        "getetag": got.headers["etag"],
        "getcontentlength": str(len(got.content)),
    }
    assert synced[href] == {"getetag": got.headers["etag"], "data": "yes"}
    assert answer("REPORT", sync_body().decode(), "0")[href] == {"getetag": got.headers["etag"]}

    def sync_of(*names: str) -> dict[str, str]:
        wanted = "".join(f"<d:{name}/>" for name in names)
        return answer(
            "REPORT",
            '<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level>'
            f"<d:prop>{wanted}</d:prop></d:sync-collection>",
            "0",
        )[href]

    typed = sync_of("getetag", "getcontenttype")
    assert typed == {
        "getetag": got.headers["etag"],
        "getcontenttype": "text/calendar; charset=utf-8; component=vevent",
    }
    dated = sync_of("getetag", "getcontenttype", "getlastmodified")
    assert {k: v for k, v in dated.items() if k != "getlastmodified"} == typed
    assert dated["getlastmodified"].endswith(" GMT")


def test_a_finite_series_is_found_by_its_instances_only(http: httpx.Client) -> None:
    """Mondays 10:00 Berlin, three times from 2 March 2026, the second one cancelled: found in
    the weeks of the first and third, not in the second's, not after the last; expanded to
    the instance in UTC with its RECURRENCE-ID."""
    series = vevent(uid="standup", start="20260302T100000", end="20260302T103000").replace(
        "END:VEVENT",
        "RRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;TZID=Europe/Berlin:20260309T100000\r\nEND:VEVENT",
    )
    assert http.put(CAL + "standup.ics", content=series).status_code == 201

    def week(start: str, end: str, *, expand: bool = False) -> str:
        data = f'<c:calendar-data><c:expand start="{start}" end="{end}"/></c:calendar-data>'
        body = (
            '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
            f"<d:getetag/>{data if expand else ''}</d:prop><c:filter><c:comp-filter "
            'name="VCALENDAR"><c:comp-filter name="VEVENT">'
            f'<c:time-range start="{start}" end="{end}"/></c:comp-filter></c:comp-filter>'
            "</c:filter></c:calendar-query>"
        )
        reply = http.request("REPORT", CAL, content=body.encode(), headers={"Depth": "1"})
        assert reply.status_code == 207
        return reply.text

    assert "standup.ics" in week("20260302T000000Z", "20260309T000000Z")
    assert "standup.ics" not in week("20260309T000000Z", "20260316T000000Z")  # the EXDATE
    assert "standup.ics" in week("20260316T000000Z", "20260323T000000Z")
    assert "standup.ics" not in week("20260323T000000Z", "20260330T000000Z")  # after COUNT
    expanded = week("20260316T000000Z", "20260323T000000Z", expand=True)
    assert "RECURRENCE-ID:20260316T090000Z" in expanded
    assert "DTSTART:20260316T090000Z" in expanded and "DTEND:20260316T093000Z" in expanded
    assert "RRULE" not in expanded and "20260302T" not in expanded
