"""Input that once made `televent serve` answer 500, over raw HTTP on both databases: unknown
XML encodings, huge numeric user names and sync tokens, NUL characters, `%2F` in names, the
wrong MKCALENDAR body; and extended MKCOL (RFC 5689), which creates a calendar. Each gets a
deliberate status and a message."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import Server
from tests.helpers import vevent

CAL = "/dav/calendars/1/default/"
EBCDIC = b'<?xml version="1.0" encoding="EBCDIC-US"?>'
DEPTH_0 = {"Depth": "0"}
PROPFIND = b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'


@pytest.fixture
def http(server: Server) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=server.auth(1), timeout=60)


UNKNOWN_ENCODING = [
    ("PROPFIND", CAL, b'<d:propfind xmlns:d="DAV:"><d:allprop/></d:propfind>'),
    ("REPORT", CAL, b'<d:sync-collection xmlns:d="DAV:"><d:sync-token/></d:sync-collection>'),
    ("PROPPATCH", CAL, b'<d:propertyupdate xmlns:d="DAV:"/>'),
    (
        "MKCALENDAR",
        "/dav/calendars/1/x/",
        b'<c:mkcalendar xmlns:c="urn:ietf:params:xml:ns:caldav"/>',
    ),
    ("MKCOL", "/dav/calendars/1/x/", b'<d:mkcol xmlns:d="DAV:"/>'),
]


def test_an_unknown_xml_encoding_is_400(http: httpx.Client) -> None:
    for method, path, root in UNKNOWN_ENCODING:
        reply = http.request(method, path, content=EBCDIC + root, headers=DEPTH_0)
        assert reply.status_code == 400, (method, reply.text)
        assert "EBCDIC-US" in reply.text


def test_a_huge_numeric_user_name_is_401(server: Server) -> None:
    for digits in (19, 20, 40, 4_300, 5_000):
        reply = httpx.request(
            "PROPFIND", server.url + CAL, auth=("9" * digits, "whatever"), timeout=60
        )
        assert reply.status_code == 401, (digits, reply.text)


def test_a_huge_telegram_id_in_a_path_is_not_found(http: httpx.Client) -> None:
    for digits in (19, 20, 5_000):
        reply = http.request("PROPFIND", f"/dav/calendars/{'9' * digits}/", headers={"Depth": "0"})
        assert reply.status_code in (403, 404), reply.text


def test_a_sync_token_of_5000_digits_is_an_invalid_token(http: httpx.Client) -> None:
    token = "urn:televent:sync:" + "7" * 5_000
    body = (
        f'<d:sync-collection xmlns:d="DAV:"><d:sync-token>{token}</d:sync-token>'
        "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
    ).encode()
    reply = http.request("REPORT", CAL, content=body)
    assert reply.status_code == 403 and "valid-sync-token" in reply.text


@pytest.mark.parametrize(
    "ical",
    [
        vevent(uid="nul-summary", summary="Lunch\x00with Bob"),
        vevent(uid="nul\x00uid"),
    ],
)
def test_a_nul_character_in_calendar_data_is_refused(http: httpx.Client, ical: str) -> None:
    reply = http.put(CAL + "nul.ics", content=ical.encode())
    assert reply.status_code == 403 and "valid-calendar-data" in reply.text
    assert http.get(CAL + "nul.ics").status_code == 404


def test_a_nul_character_in_a_path_is_400(http: httpx.Client) -> None:
    put = http.put(CAL + "a%00b.ics", content=vevent(uid="nul-name").encode())
    assert put.status_code == 400 and "NUL" in put.text
    for method in ("GET", "DELETE", "PROPFIND"):
        assert http.request(method, CAL + "a%00b.ics").status_code == 400
    assert http.request("PROPFIND", "/dav/calendars/1/x%00y/").status_code == 400
    assert http.request("MKCALENDAR", "/dav/calendars/1/x%00y/").status_code == 400
    multiget = (
        '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        f"<d:prop><d:getetag/></d:prop><d:href>{CAL}a%00b.ics</d:href></c:calendar-multiget>"
    ).encode()
    reply = http.request("REPORT", CAL, content=multiget)
    assert reply.status_code == 207 and "404" in reply.text


def test_a_name_with_an_encoded_slash_is_refused_at_put(http: httpx.Client) -> None:
    reply = http.put(CAL + "a%2Fb.ics", content=vevent(uid="slash").encode())
    assert reply.status_code == 400 and "%2F" in reply.text
    assert http.put(CAL + "a%2fb.ics", content=vevent(uid="slash").encode()).status_code == 400
    # What is stored can always be fetched again by multiget.
    assert http.put(CAL + "a%20b.ics", content=vevent(uid="space").encode()).status_code == 201
    multiget = (
        '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        f"<d:prop><d:getetag/></d:prop><d:href>{CAL}a%20b.ics</d:href></c:calendar-multiget>"
    ).encode()
    reply = http.request("REPORT", CAL, content=multiget)
    assert reply.status_code == 207 and "200 OK" in reply.text


def test_mkcalendar_needs_a_mkcalendar_body(http: httpx.Client) -> None:
    wrong = http.request("MKCALENDAR", "/dav/calendars/1/wrong/", content=PROPFIND)
    assert wrong.status_code == 400 and "mkcalendar" in wrong.text
    assert http.request("PROPFIND", "/dav/calendars/1/wrong/", headers=DEPTH_0).status_code == 404
    right = http.request(
        "MKCALENDAR",
        "/dav/calendars/1/right/",
        content=b'<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
        b"<d:set><d:prop><d:displayname>Right</d:displayname></d:prop></d:set></c:mkcalendar>",
    )
    assert right.status_code == 201
    assert http.request("MKCALENDAR", "/dav/calendars/1/empty/").status_code == 201


EXTENDED_MKCOL = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" '
    b'xmlns:ical="http://apple.com/ns/ical/"><d:set><d:prop>'
    b"<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"
    b"<d:displayname>Work</d:displayname>"
    b"<c:calendar-description>Office hours</c:calendar-description>"
    b"<c:supported-calendar-component-set>"
    b'<c:comp name="VTODO"/>'
    b"</c:supported-calendar-component-set>"
    b"<ical:calendar-color>#FF0000</ical:calendar-color>"
    b"</d:prop></d:set></d:mkcol>"
)


def test_extended_mkcol_creates_a_calendar(http: httpx.Client) -> None:
    assert "extended-mkcol" in http.request("OPTIONS", "/").headers["dav"]
    created = http.request("MKCOL", "/dav/calendars/1/work/", content=EXTENDED_MKCOL)
    assert created.status_code == 201, created.text
    listing = http.request(
        "PROPFIND",
        "/dav/calendars/1/work/",
        headers={"Depth": "0"},
        content=b'<d:propfind xmlns:d="DAV:"><d:allprop/></d:propfind>',
    ).text
    for expected in ("Work", "Office hours", "VTODO", "#FF0000", "calendar"):
        assert expected in listing
    again = http.request("MKCOL", "/dav/calendars/1/work/", content=EXTENDED_MKCOL)
    assert again.status_code == 403 and "resource-must-be-null" in again.text


def test_mkcol_of_anything_but_a_calendar_is_refused(http: httpx.Client) -> None:
    plain = http.request("MKCOL", "/dav/calendars/1/folder/")
    assert plain.status_code == 403 and "MKCALENDAR" in plain.text
    collection = EXTENDED_MKCOL.replace(b"<c:calendar/>", b"")
    refused = http.request("MKCOL", "/dav/calendars/1/folder/", content=collection)
    assert refused.status_code == 403 and "valid-resourcetype" in refused.text
    wrong_root = http.request("MKCOL", "/dav/calendars/1/folder/", content=PROPFIND)
    assert wrong_root.status_code == 400
    in_a_calendar = http.request("MKCOL", CAL + "inner/", content=EXTENDED_MKCOL)
    assert in_a_calendar.status_code in (403, 404)
    inbox = http.request("MKCOL", "/dav/calendars/1/inbox/", content=EXTENDED_MKCOL)
    assert inbox.status_code == 403
    assert http.request("PROPFIND", "/dav/calendars/1/folder/", headers=DEPTH_0).status_code == 404
