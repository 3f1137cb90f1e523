"""RFC 6638 scheduling collections over raw HTTP against `televent serve`: the principal's inbox
and outbox, their properties and reports, and free-busy requests POSTed to the outbox (§5).
Alice (1) asks for the busy time of Bob (2), which she may once they meet (either invited the
other); every bad request gets a deliberate status."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import httpx
import pytest

from tests.e2e.conftest import Server
from tests.helpers import vevent

DAV = "{DAV:}"
C = "{urn:ietf:params:xml:ns:caldav}"
CS = "{http://calendarserver.org/ns/}"
NAMESPACES = (
    'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" '
    'xmlns:cs="http://calendarserver.org/ns/"'
)
HOME = "/dav/calendars/1/"
INBOX = "/dav/calendars/1/inbox/"
OUTBOX = "/dav/calendars/1/outbox/"
DEFAULT = "/dav/calendars/1/default/"
BOB_HOME = "/dav/calendars/2/"


@pytest.fixture
def alice(server: Server) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=server.auth(1), timeout=30)


@pytest.fixture
def bob(server: Server) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=server.auth(2), timeout=30)


def propfind(client: httpx.Client, path: str, props: str, depth: str = "0") -> ET.Element:
    body = f"<d:propfind {NAMESPACES}><d:prop>{props}</d:prop></d:propfind>"
    reply = client.request("PROPFIND", path, content=body.encode(), headers={"Depth": depth})
    assert reply.status_code == 207, reply.text
    return ET.fromstring(reply.content)


def found(multistatus: ET.Element) -> dict[str, ET.Element]:
    """The properties answered with 200, by href."""
    return {
        response.findtext(f"{DAV}href", ""): response.find(
            f"{DAV}propstat[{DAV}status='HTTP/1.1 200 OK']/{DAV}prop"
        )
        for response in multistatus.iter(f"{DAV}response")
    }


def free_busy_request(
    attendees: tuple[str, ...] = ("mailto:bob@example.com",),
    organizer: str = "mailto:alice@example.com",
    method: str = "REQUEST",
    component: str = "VFREEBUSY",
    extra: str = "",
) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//Televent tests//EN",
        f"METHOD:{method}",
        f"BEGIN:{component}",
        "UID:fb-question-1",
        "DTSTAMP:20260301T090000Z",
        "DTSTART:20260305T000000Z",
        "DTEND:20260306T000000Z",
        f"ORGANIZER;CN=Alice:{organizer}",
        *(f"ATTENDEE:{a}" for a in attendees),
        *([extra] if extra else []),
        f"END:{component}",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def post(
    client: httpx.Client, body: str | bytes, path: str = OUTBOX, **headers: str
) -> httpx.Response:
    return client.post(
        path, content=body, headers={"Content-Type": "text/calendar; charset=utf-8", **headers}
    )


def schedule_answers(reply: httpx.Response) -> dict[str, tuple[str, str | None]]:
    """(request-status, calendar-data) of each recipient of a CALDAV:schedule-response."""
    assert reply.status_code == 200, reply.text
    root = ET.fromstring(reply.content)
    assert root.tag == f"{C}schedule-response"
    return {
        response.findtext(f"{C}recipient/{DAV}href", ""): (
            response.findtext(f"{C}request-status", ""),
            response.findtext(f"{C}calendar-data"),
        )
        for response in root.findall(f"{C}response")
    }


def busy_periods(calendar_data: str) -> set[tuple[str, str]]:
    """(FBTYPE, period) of every FREEBUSY line (unfolded)."""
    text = calendar_data.replace("\r\n ", "").replace("\n ", "")
    return set(re.findall(r"^FREEBUSY;[^:]*?FBTYPE=([A-Z-]+)[^:]*:(\S+)$", text, re.M))


def test_options_announce_automatic_scheduling_and_post(alice: httpx.Client) -> None:
    options = alice.request("OPTIONS", OUTBOX)
    assert options.status_code == 200
    assert "calendar-auto-schedule" in options.headers["dav"]
    assert "calendar-access" in options.headers["dav"]
    assert "POST" in options.headers["allow"]


def test_the_principal_names_its_inbox_outbox_and_user_type(alice: httpx.Client) -> None:
    props = found(
        propfind(
            alice,
            "/dav/principals/1/",
            "<c:schedule-inbox-URL/><c:schedule-outbox-URL/><c:calendar-user-type/>"
            "<c:calendar-user-address-set/>",
        )
    )["/dav/principals/1/"]
    assert props is not None
    assert props.findtext(f"{C}schedule-inbox-URL/{DAV}href") == INBOX
    assert props.findtext(f"{C}schedule-outbox-URL/{DAV}href") == OUTBOX
    assert props.findtext(f"{C}calendar-user-type") == "INDIVIDUAL"
    addresses = {h.text for h in props.iter(f"{DAV}href")}
    assert {"mailto:tg_1@televent.internal", "mailto:alice@example.com"} <= addresses


def test_the_home_lists_inbox_and_outbox_beside_the_calendars(alice: httpx.Client) -> None:
    listing = found(propfind(alice, HOME, "<d:resourcetype/><d:displayname/>", depth="1"))
    assert set(listing) == {HOME, DEFAULT, INBOX, OUTBOX}
    kinds = {
        href: {child.tag for child in prop.iterfind(f"{DAV}resourcetype/*")}
        for href, prop in listing.items()
        if prop is not None
    }
    assert kinds[INBOX] == {f"{DAV}collection", f"{C}schedule-inbox"}
    assert kinds[OUTBOX] == {f"{DAV}collection", f"{C}schedule-outbox"}
    assert f"{C}calendar" in kinds[DEFAULT]


def test_inbox_and_outbox_describe_themselves_and_hold_nothing(alice: httpx.Client) -> None:
    inbox = found(
        propfind(
            alice,
            INBOX,
            "<d:resourcetype/><c:schedule-default-calendar-URL/><cs:getctag/>"
            "<d:current-user-privilege-set/><d:supported-report-set/>",
            depth="1",
        )
    )
    assert list(inbox) == [INBOX]  # nothing delivered yet
    props = inbox[INBOX]
    assert props is not None
    assert props.findtext(f"{C}schedule-default-calendar-URL/{DAV}href") == DEFAULT
    assert props.findtext(f"{CS}getctag")
    privileges = {p.tag for p in props.iter() if p.tag.startswith(C)}
    assert f"{C}schedule-deliver" in privileges and f"{C}schedule-query-freebusy" in privileges
    assert props.find(f".//{DAV}report/{C}calendar-query") is not None
    assert props.find(f".//{DAV}report/{DAV}sync-collection") is None

    outbox = found(propfind(alice, OUTBOX, "<d:current-user-privilege-set/>", depth="1"))
    assert list(outbox) == [OUTBOX]
    assert outbox[OUTBOX] is not None
    assert outbox[OUTBOX].find(f".//{DAV}privilege/{C}schedule-send") is not None

    calendar = found(propfind(alice, DEFAULT, "<c:schedule-calendar-transp/>"))[DEFAULT]
    assert calendar is not None and calendar.find(f".//{C}opaque") is not None


def inbox_items(client: httpx.Client, inbox: str) -> dict[str, str]:
    """href → ETag of every item in an inbox (PROPFIND Depth 1), and the inbox's ctag."""
    listing = found(propfind(client, inbox, "<d:getetag/><cs:getctag/>", depth="1"))
    items = {href: props.findtext(f"{DAV}getetag", "") for href, props in listing.items()}
    items.pop(inbox)
    return items


def ctag_of(client: httpx.Client, inbox: str) -> str:
    props = found(propfind(client, inbox, "<cs:getctag/>"))[inbox]
    assert props is not None
    return props.findtext(f"{CS}getctag", "")


def meeting(start: str = "20260305T150000", sequence: int = 0) -> str:
    return vevent(
        "team-meeting", start=start, end=start[:9] + "160000", tzid=None, sequence=sequence,
        organizer="mailto:alice@example.com",
        attendees=[("alice@example.com", "ACCEPTED"), ("bob@example.com", "NEEDS-ACTION")],
    )  # fmt: skip


def test_scheduling_messages_arrive_in_the_inbox_and_leave_when_deleted(
    alice: httpx.Client, bob: httpx.Client
) -> None:
    """RFC 6638 §4.1: besides applying them, the server delivers each message to the
    recipient's inbox; the client reads it and deletes it."""
    bobs_inbox, bobs_copy = BOB_HOME + "inbox/", BOB_HOME + "default/team-meeting.ics"
    empty_ctag = ctag_of(bob, bobs_inbox)
    assert alice.put(DEFAULT + "meeting.ics", content=meeting()).status_code == 201

    [(request_href, request_etag)] = inbox_items(bob, bobs_inbox).items()
    assert ctag_of(bob, bobs_inbox) != empty_ctag
    request = bob.get(request_href)
    assert request.status_code == 200
    assert "method=REQUEST" in request.headers["content-type"]
    assert request.headers["etag"] == request_etag
    text = request.text.replace("\r\n ", "")
    assert "METHOD:REQUEST" in text and "UID:team-meeting" in text
    assert "SCHEDULE-STATUS" not in text and "BEGIN:VALARM" not in text
    assert inbox_items(alice, INBOX) == {}  # the organizer got nothing

    # Reports find it; sync-collection is not offered on the inbox.
    query = (
        f"<c:calendar-query {NAMESPACES}><d:prop><d:getetag/><c:calendar-data/></d:prop>"
        '<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/>'
        "</c:comp-filter></c:filter></c:calendar-query>"
    )
    queried = bob.request("REPORT", bobs_inbox, content=query.encode(), headers={"Depth": "1"})
    assert queried.status_code == 207 and b"UID:team-meeting" in queried.content
    multiget = (
        f"<c:calendar-multiget {NAMESPACES}><d:prop><d:getetag/></d:prop>"
        f"<d:href>{request_href}</d:href><d:href>{bobs_inbox}missing.ics</d:href>"
        "</c:calendar-multiget>"
    )
    got = bob.request("REPORT", bobs_inbox, content=multiget.encode())
    assert got.status_code == 207
    assert request_etag.encode() in got.content and b"404" in got.content
    sync = (
        f"<d:sync-collection {NAMESPACES}><d:sync-token/><d:sync-level>1</d:sync-level>"
        "<d:prop><d:getetag/></d:prop></d:sync-collection>"
    )
    refused = bob.request("REPORT", bobs_inbox, content=sync.encode())
    assert refused.status_code == 403 and b"supported-report" in refused.content
    assert bob.request("PROPPATCH", request_href, content=b"<x/>").status_code == 405

    # Bob accepts in his calendar: Alice's inbox gets his REPLY.
    copy = bob.get(bobs_copy)
    accepted = copy.text.replace("\r\n ", "").replace(
        "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@", "PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:bob@"
    )
    assert accepted != copy.text
    assert (
        bob.put(bobs_copy, content=accepted, headers={"If-Match": copy.headers["etag"]}).status_code
        == 204
    )
    [reply_href] = inbox_items(alice, INBOX)
    reply = alice.get(reply_href).text.replace("\r\n ", "")
    assert "METHOD:REPLY" in reply and "PARTSTAT=ACCEPTED" in reply and "bob@example.com" in reply
    assert len(inbox_items(bob, bobs_inbox)) == 1  # his own answer is no message to him

    # Alice moves it: a second REQUEST for Bob. Then she deletes it: a CANCEL.
    assert (
        alice.put(DEFAULT + "meeting.ics", content=meeting("20260306T150000", 1)).status_code == 204
    )
    assert alice.delete(DEFAULT + "meeting.ics").status_code == 204
    methods = sorted(
        re.search(r"METHOD:(\w+)", bob.get(href).text).group(1)  # type: ignore[union-attr]
        for href in inbox_items(bob, bobs_inbox)
    )
    assert methods == ["CANCEL", "REQUEST", "REQUEST"]

    # Bob's client deletes what it has shown (a stale If-Match is refused).
    before = ctag_of(bob, bobs_inbox)
    assert bob.delete(request_href, headers={"If-Match": '"stale"'}).status_code == 412
    assert bob.delete(request_href, headers={"If-Match": request_etag}).status_code == 204
    assert bob.get(request_href).status_code == 404
    assert bob.delete(request_href).status_code == 404
    assert request_href not in inbox_items(bob, bobs_inbox)
    assert ctag_of(bob, bobs_inbox) != before
    assert alice.get(request_href).status_code == 403  # nobody else's inbox is readable


def test_inbox_and_outbox_cannot_be_made_written_or_deleted(alice: httpx.Client) -> None:
    made = alice.request("MKCALENDAR", INBOX)
    assert made.status_code == 403 and b"resource-must-be-null" in made.content
    assert alice.request("MKCALENDAR", OUTBOX.rstrip("/")).status_code == 403
    stored = alice.put(INBOX + "invite.ics", content=vevent())
    assert stored.status_code == 405 and b"inbox" in stored.content
    assert alice.put(OUTBOX + "request.ics", content=vevent()).status_code == 405
    assert alice.delete(INBOX).status_code == 405
    assert alice.delete(OUTBOX).status_code == 405
    renamed = alice.request(
        "PROPPATCH",
        OUTBOX,
        content=(
            b'<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>x'
            b"</d:displayname></d:prop></d:set></d:propertyupdate>"
        ),
    )
    assert renamed.status_code == 405
    assert alice.get(INBOX + "invite.ics").status_code == 404
    assert alice.request("PROPFIND", INBOX, headers={"Depth": "0"}).status_code == 207


def _event(uid: str, start: str, end: str, extra: str = "", tzid: str | None = None) -> str:
    return vevent(uid, start=start, end=end, tzid=tzid, organizer=None, extra=extra)


def _bob_has_a_busy_day(bob: httpx.Client) -> None:
    """5 March 2026 (UTC): busy 10-11, transparent 12-13, cancelled 14-15, tentative 16-17, and
    19-20 Berlin time (18-19 UTC) in a second calendar; another event on 7 March."""
    cal = BOB_HOME + "default/"
    events = {
        cal + "busy.ics": _event("busy", "20260305T100000", "20260305T110000"),
        cal + "free.ics": _event(
            "free", "20260305T120000", "20260305T130000", extra="TRANSP:TRANSPARENT"
        ),
        cal + "off.ics": _event("off", "20260305T140000", "20260305T150000", "STATUS:CANCELLED"),
        cal + "maybe.ics": _event(
            "maybe", "20260305T160000", "20260305T170000", "STATUS:TENTATIVE"
        ),
        cal + "later.ics": _event("later", "20260307T100000", "20260307T110000"),
        BOB_HOME + "work/dinner.ics": _event(
            "dinner", "20260305T190000", "20260305T200000", tzid="Europe/Berlin"
        ),
    }
    assert bob.request("MKCALENDAR", BOB_HOME + "work/").status_code == 201
    for path, body in events.items():
        assert bob.put(path, content=body).status_code == 201, path


def _alice_invites_bob(alice: httpx.Client, bob_said: str = "NEEDS-ACTION") -> None:
    """A meeting on 7 March, Bob's answer on his line as Alice wrote it."""
    meeting = vevent(
        "lunch", start="20260307T120000", end="20260307T130000", tzid=None,
        organizer="mailto:alice@example.com",
        attendees=[("alice@example.com", "ACCEPTED"), ("bob@example.com", bob_said)],
    )  # fmt: skip
    assert alice.put(DEFAULT + "lunch.ics", content=meeting).status_code == 201


def _bob_answers(bob: httpx.Client, partstat: str) -> None:
    path = BOB_HOME + "default/lunch.ics"
    copy = bob.get(path)
    assert copy.status_code == 200, copy.text
    text = copy.text.replace("\r\n ", "")
    answered = re.sub(r"PARTSTAT=[A-Z-]+(;RSVP=TRUE)?:mailto:bob@",
                      f"PARTSTAT={partstat}\\1:mailto:bob@", text)  # fmt: skip
    assert answered != text
    put = bob.put(path, content=answered, headers={"If-Match": copy.headers["etag"]})
    assert put.status_code == 204, put.text


def test_alice_sees_when_bob_is_busy_once_he_said_yes_to_her(
    alice: httpx.Client, bob: httpx.Client
) -> None:
    """Bob's week is his: knowing his address or Telegram id is not enough, nor is inviting
    him, nor writing his "yes" on his line; once he accepts an invitation of hers, Alice
    sees when he is busy. Alice invited Bob, so Bob sees when she is."""
    _bob_has_a_busy_day(bob)
    asked = ("MAILTO:Bob@Example.com", "mailto:tg_2@televent.internal", "mailto:nobody@example.org")
    refused = {
        asked[0]: ("3.8;No authority", None),
        asked[1]: ("3.8;No authority", None),
        asked[2]: ("3.7;Invalid calendar user", None),
    }
    assert schedule_answers(post(alice, free_busy_request(asked))) == refused  # strangers
    _alice_invites_bob(alice, bob_said="ACCEPTED")  # his answer typed in by her
    assert "PARTSTAT=NEEDS-ACTION" in bob.get(BOB_HOME + "default/lunch.ics").text.replace(
        "\r\n ", ""
    )  # his copy: not answered
    assert schedule_answers(post(alice, free_busy_request(asked))) == refused

    # Bob may read Alice's busy time: she invited him.
    of_alice = free_busy_request(("mailto:alice@example.com",), organizer="mailto:bob@example.com")
    status, _ = schedule_answers(post(bob, of_alice, path=BOB_HOME + "outbox/"))[
        "mailto:alice@example.com"
    ]
    assert status == "2.0;Success"

    _bob_answers(bob, "DECLINED")
    assert schedule_answers(post(alice, free_busy_request(asked))) == refused
    _bob_answers(bob, "ACCEPTED")
    answers = schedule_answers(post(alice, free_busy_request(asked)))
    assert set(answers) == set(asked)  # each recipient as it was sent

    assert answers["mailto:nobody@example.org"] == ("3.7;Invalid calendar user", None)
    for address in asked[:2]:
        status, data = answers[address]
        assert status == "2.0;Success" and data is not None
        assert "METHOD:REPLY" in data and "UID:fb-question-1" in data
        assert "DTSTART:20260305T000000Z" in data and "DTEND:20260306T000000Z" in data
        assert "ORGANIZER:mailto:alice@example.com" in data
        assert f"ATTENDEE:{address}" in data
        assert busy_periods(data) == {
            ("BUSY", "20260305T100000Z/20260305T110000Z"),
            ("BUSY-TENTATIVE", "20260305T160000Z/20260305T170000Z"),
            ("BUSY", "20260305T180000Z/20260305T190000Z"),
        }


def test_an_event_naming_someone_that_was_never_sent_reads_nothing_of_their_week(
    alice: httpx.Client, bob: httpx.Client
) -> None:
    """Alice writes Bob into an event of hers long past, not sent (SCHEDULE-AGENT=CLIENT) and
    with his "yes" typed in: nothing reaches Bob, and his week stays his."""
    _bob_has_a_busy_day(bob)
    forged = vevent(
        "forged",
        start="19900101T120000",
        end="19900101T130000",
        tzid=None,
        organizer="mailto:alice@example.com",
        attendees=[("alice@example.com", "ACCEPTED")],
    ).replace(
        "END:VEVENT",
        "ATTENDEE;SCHEDULE-AGENT=CLIENT;PARTSTAT=ACCEPTED:mailto:tg_2@televent.internal\r\n"
        "END:VEVENT",
    )
    assert alice.put(DEFAULT + "forged.ics", content=forged).status_code == 201
    asked = ("mailto:tg_2@televent.internal",)
    assert schedule_answers(post(alice, free_busy_request(asked))) == {
        asked[0]: ("3.8;No authority", None)
    }


def test_one_can_ask_for_ones_own_busy_time(alice: httpx.Client) -> None:
    assert alice.put(DEFAULT + "mine.ics", content=vevent(tzid=None)).status_code == 201
    answers = schedule_answers(
        post(
            alice,
            free_busy_request(("mailto:ALICE@example.com",), organizer="MAILTO:Alice@Example.COM"),
        )
    )
    status, data = answers["mailto:ALICE@example.com"]
    assert status == "2.0;Success" and data is not None
    assert busy_periods(data) == {("BUSY", "20260305T150000Z/20260305T160000Z")}


def test_bad_free_busy_requests_are_refused(alice: httpx.Client) -> None:
    def refused(reply: httpx.Response, status: int, precondition: str = "") -> None:
        assert reply.status_code == status, reply.text
        assert precondition.encode() in reply.content, reply.text

    refused(
        post(alice, free_busy_request(), **{"Content-Type": "application/json"}),
        415,
        "supported-calendar-data",
    )
    refused(
        post(alice, vevent().replace("VERSION:2.0", "VERSION:2.0\r\nMETHOD:REQUEST")),
        403,
        "valid-scheduling-message",
    )
    refused(post(alice, free_busy_request(method="REPLY")), 403, "valid-scheduling-message")
    refused(
        post(alice, free_busy_request(organizer="mailto:bob@example.com")), 403, "organizer-allowed"
    )
    refused(post(alice, "BEGIN:VCALENDAR\r\nthis is not icalendar"), 403, "valid-calendar-data")
    refused(post(alice, b"\xff\xfe not text"), 403, "supported-calendar-data")
    refused(post(alice, free_busy_request(attendees=())), 403, "valid-scheduling-message")
    no_end = free_busy_request().replace("DTEND:20260306T000000Z\r\n", "")
    refused(post(alice, no_end), 403, "valid-scheduling-message")
    backwards = free_busy_request().replace("DTEND:20260306", "DTEND:20260304")
    refused(post(alice, backwards), 403, "valid-scheduling-message")
    huge = free_busy_request(extra="COMMENT:" + "x" * 210_000)
    refused(post(alice, huge), 413, "max-resource-size")
    refused(post(alice, free_busy_request(), path=DEFAULT), 405)
    refused(post(alice, free_busy_request(), path=INBOX), 405)
    refused(post(alice, free_busy_request(), path=OUTBOX + "request.ics"), 404)
    refused(
        post(alice, free_busy_request(), path="/dav/calendars/2/outbox/"), 403, "need-privileges"
    )
