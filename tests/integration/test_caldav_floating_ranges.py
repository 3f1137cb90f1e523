"""Floating times and dates in CalDAV time ranges (RFC 4791 §9.9, §7.10): read in the zone of
the query's CALDAV:timezone (§9.8; RFC 7809's timezone-id), else in the calendar's
CALDAV:calendar-timezone, else in UTC; they were always read in UTC.

The calendar is in Pacific/Auckland (UTC+13 in January). Its objects, and their UTC spans read
in Auckland:

- ``a``: all day on 10 January: 9 Jan 11:00Z - 10 Jan 11:00Z;
- ``b``: floating 10 Jan 23:30-00:30: 10 Jan 10:30Z-11:30Z;
- ``c``: Berlin 10 Jan 12:30-13:30 (zoned, the same everywhere): 10 Jan 11:30Z-12:30Z;
- ``d``: floating 11 Jan 00:30-01:30: 10 Jan 11:30Z-12:30Z;
- ``e``: all day on 11 January: 10 Jan 11:00Z - 11 Jan 11:00Z;
- ``f``: floating, daily 00:15-00:45 from 9 January, five times: 11:15Z-11:45Z of 8-12 Jan.
"""

from __future__ import annotations

import base64
import re

import pytest

from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Reply, Request
from televent.application.televent import Televent
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, caldav_handlers

CALENDAR = "/dav/calendars/1/default/"
NS = 'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"'


def _zone(tzid: str, standard: str, daylight: str, rules: tuple[str, str, str, str]) -> str:
    """A VCALENDAR holding one VTIMEZONE with yearly daylight and standard rules."""
    dst_start, dst_rule, std_start, std_rule = rules
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//Televent tests//EN",
            "BEGIN:VTIMEZONE",
            f"TZID:{tzid}",
            "BEGIN:DAYLIGHT",
            f"TZOFFSETFROM:{standard}",
            f"TZOFFSETTO:{daylight}",
            f"DTSTART:{dst_start}",
            f"RRULE:{dst_rule}",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            f"TZOFFSETFROM:{daylight}",
            f"TZOFFSETTO:{standard}",
            f"DTSTART:{std_start}",
            f"RRULE:{std_rule}",
            "END:STANDARD",
            "END:VTIMEZONE",
            "END:VCALENDAR",
            "",
        ]
    )


_NZ_RULES = (
    "19700927T020000",
    "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU",
    "19700405T030000",
    "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
)
_US_RULES = (
    "19700308T020000",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "19701101T020000",
    "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
)
AUCKLAND = _zone("Pacific/Auckland", "+1200", "+1300", _NZ_RULES)
# the same rules under a name the zone database does not know: read from the definition
CUSTOM_AUCKLAND = _zone("Kiwi Time (custom)", "+1200", "+1300", _NZ_RULES)
NEW_YORK = _zone("America/New_York", "-0500", "-0400", _US_RULES)
CUSTOM_NEW_YORK = _zone("Eastern (custom)", "-0500", "-0400", _US_RULES)
_AUCKLAND_ZONE = AUCKLAND[AUCKLAND.index("BEGIN:VTIMEZONE") :].rstrip()

EVENTS = {
    "a": "DTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270111",
    "b": "DTSTART:20270110T233000\r\nDTEND:20270111T003000",
    "c": "DTSTART;TZID=Europe/Berlin:20270110T123000\r\nDTEND;TZID=Europe/Berlin:20270110T133000",
    "d": "DTSTART:20270111T003000\r\nDTEND:20270111T013000",
    "e": "DTSTART;VALUE=DATE:20270111\r\nDTEND;VALUE=DATE:20270112",
    "f": "DTSTART:20270109T001500\r\nDTEND:20270109T004500\r\nRRULE:FREQ=DAILY;COUNT=5",
}
# 10 Jan 11:00Z-12:00Z: 11 January 00:00-01:00 in Auckland
NEAR_MIDNIGHT = ("20270110T110000Z", "20270110T120000Z")


def _event(uid: str, times: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Televent tests//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T090000Z\r\n{times}\r\nSUMMARY:Event {uid}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def _signed_in(app: Televent, timezone: str = "UTC") -> tuple[CalDavHandlers, dict[str, str]]:
    app.register_account(1, name="A", timezone=timezone, actor=ACTOR, source=CLI)
    password = app.issue_device_password(1, "p", actor=ACTOR, source=CLI).password
    auth = "Basic " + base64.b64encode(f"1:{password}".encode()).decode()
    return caldav_handlers(app, 100_000), {"authorization": auth}


def _set_zone(server: CalDavHandlers, auth: dict[str, str], zone: str) -> None:
    body = (
        f"<d:propertyupdate {NS}><d:set><d:prop><c:calendar-timezone><![CDATA[{zone}]]>"
        "</c:calendar-timezone></d:prop></d:set></d:propertyupdate>"
    )
    reply = server.handle(Request("PROPPATCH", CALENDAR, auth, body.encode()))
    assert reply.status == 207 and b"200" in reply.body, reply.body


def _fill(server: CalDavHandlers, auth: dict[str, str], collection: str = CALENDAR) -> None:
    for uid, times in EVENTS.items():
        reply = server.handle(
            Request(
                "PUT",
                f"{collection}{uid}.ics",
                {**auth, "content-type": "text/calendar"},
                _event(uid, times),
            )
        )
        assert reply.status == 201, reply.body


def _query(
    server: CalDavHandlers,
    auth: dict[str, str],
    span: tuple[str, str],
    *,
    data: str = "",
    extra: str = "",
) -> Reply:
    body = (
        f"<c:calendar-query {NS}><d:prop><d:getetag/>{data}</d:prop>"
        '<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">'
        f'<c:time-range start="{span[0]}" end="{span[1]}"/>'
        f"</c:comp-filter></c:comp-filter></c:filter>{extra}</c:calendar-query>"
    )
    return server.handle(Request("REPORT", CALENDAR, {**auth, "depth": "1"}, body.encode()))


def _found(reply: Reply) -> set[str]:
    assert reply.status == 207, reply.body
    return {name.decode() for name in re.findall(rb"/([a-z])\.ics</", reply.body)}


def _query_zone(zone: str) -> str:
    return f"<c:timezone><![CDATA[{zone}]]></c:timezone>"


@pytest.mark.parametrize("zone", [AUCKLAND, CUSTOM_AUCKLAND], ids=["iana", "custom"])
def test_a_time_range_reads_floating_times_and_dates_in_the_calendar_timezone(
    backend: Backend, zone: str
) -> None:
    # in UTC the all-day event of the 10th ran to midnight UTC (a), and b, d, e, f lay hours
    # away: the answer was {a, c}
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        _set_zone(server, auth, zone)
        _fill(server, auth)
        assert _found(_query(server, auth, NEAR_MIDNIGHT)) == {"b", "c", "d", "e", "f"}
        # 10 Jan 00:00Z-11:00Z: only a (its last eleven hours) and nothing else
        assert _found(_query(server, auth, ("20270110T000000Z", "20270110T103000Z"))) == {"a"}


def test_a_default_calendar_is_read_in_its_own_zone(backend: Backend) -> None:
    # an account's default calendar takes the account's zone (no calendar-timezone set)
    with backend.fresh_app() as app:
        server, auth = _signed_in(app, timezone="Pacific/Auckland")
        _fill(server, auth)
        assert _found(_query(server, auth, NEAR_MIDNIGHT)) == {"b", "c", "d", "e", "f"}


@pytest.mark.parametrize(
    "extra",
    [
        _query_zone(NEW_YORK),
        _query_zone(CUSTOM_NEW_YORK),
        "<c:timezone-id>America/New_York</c:timezone-id>",
    ],
    ids=["iana", "custom", "timezone-id"],
)
def test_the_query_timezone_overrides_the_calendar_timezone(backend: Backend, extra: str) -> None:
    # 11 Jan 04:00Z-05:00Z is 23:00-24:00 on the 10th in New York: the all-day event of the
    # 10th (a) and b, which starts 23:30 there; in Auckland (and in UTC) only e matches
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        _set_zone(server, auth, AUCKLAND)
        _fill(server, auth)
        span = ("20270111T040000Z", "20270111T050000Z")
        assert _found(_query(server, auth, span)) == {"e"}
        assert _found(_query(server, auth, span, extra=extra)) == {"a", "b"}


def test_an_expanded_answer_moves_floating_times_by_the_calendar_timezone(
    backend: Backend,
) -> None:
    data = (
        f'<c:calendar-data><c:expand start="{NEAR_MIDNIGHT[0]}" end="{NEAR_MIDNIGHT[1]}"/>'
        "</c:calendar-data>"
    )
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        _set_zone(server, auth, AUCKLAND)
        _fill(server, auth)
        reply = _query(server, auth, NEAR_MIDNIGHT, data=data)
        assert _found(reply) == {"b", "c", "d", "e", "f"}
        text = reply.body.replace(b"&#13;", b"").replace(b"\r", b"")
        assert b"DTSTART:20270110T103000Z" in text  # b: 23:30 in Auckland
        assert b"DTSTART:20270110T113000Z" in text  # c (Berlin) and d (00:30 in Auckland)
        assert b"DTSTART;VALUE=DATE:20270111" in text  # e: a DATE stays a DATE
        # f: the one instance in range, 11 January 00:15 in Auckland
        assert b"RECURRENCE-ID:20270110T111500Z" in text
        assert text.count(b"RECURRENCE-ID") == 1


FAR_EAST = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//Televent tests//EN",
        "BEGIN:VTIMEZONE",
        "TZID:Far East (custom)",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+2000",
        "TZOFFSETTO:+2000",
        "DTSTART:19700101T000000",
        "END:STANDARD",
        "END:VTIMEZONE",
        "END:VCALENDAR",
        "",
    ]
)


def test_a_zone_further_than_the_index_allows_for_still_finds_its_floating_times(
    backend: Backend,
) -> None:
    # a client's VTIMEZONE may declare UTC+20:00: d (11 Jan 00:30 there) is 10 Jan 04:30Z, 20
    # hours before the index's UTC reading and beyond its 14 hours of slack
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        _set_zone(server, auth, FAR_EAST)
        _fill(server, auth)
        found = _found(_query(server, auth, ("20270110T040000Z", "20270110T050000Z")))
        # b: 10 Jan 03:30Z-04:30Z; e: all day from 10 Jan 04:00Z; f: daily at 04:15Z
        assert found == {"b", "d", "e", "f"}


def _free_busy(
    server: CalDavHandlers, auth: dict[str, str], collection: str, extra: str = ""
) -> bytes:
    body = (
        f'<c:free-busy-query {NS}><c:time-range start="20270110T000000Z" '
        f'end="20270111T000000Z"/>{extra}</c:free-busy-query>'
    )
    reply = server.handle(Request("REPORT", collection, {**auth, "depth": "1"}, body.encode()))
    assert reply.status == 200, reply.body
    return reply.body.replace(b"\r\n", b"\n")


def test_free_busy_reads_floating_times_and_dates_in_the_calendar_timezone(
    backend: Backend,
) -> None:
    # the all-day event of the 10th (a) and the floating b in a calendar made in Auckland:
    # busy from the start to 11:30Z; read in UTC, the whole day was busy
    collection = "/dav/calendars/1/nz/"
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        made = server.handle(
            Request(
                "MKCALENDAR",
                collection,
                auth,
                (
                    f"<c:mkcalendar {NS}><d:set><d:prop><c:calendar-timezone><![CDATA["
                    f"{AUCKLAND}]]></c:calendar-timezone></d:prop></d:set></c:mkcalendar>"
                ).encode(),
            )
        )
        assert made.status == 201, made.body
        for uid in ("a", "b"):
            put = server.handle(
                Request(
                    "PUT",
                    f"{collection}{uid}.ics",
                    {**auth, "content-type": "text/calendar"},
                    _event(uid, EVENTS[uid]),
                )
            )
            assert put.status == 201, put.body
        busy = _free_busy(server, auth, collection)
        assert b"FREEBUSY;FBTYPE=BUSY:20270110T000000Z/20270110T113000Z\n" in busy
        assert busy.count(b"FREEBUSY;") == 1
        # a CALDAV:timezone in the query (as in a calendar-query) wins: New York, where a
        # starts at 05:00Z and b at 04:30Z on the 11th
        busy = _free_busy(server, auth, collection, _query_zone(NEW_YORK))
        assert b"FREEBUSY;FBTYPE=BUSY:20270110T050000Z/20270111T000000Z\n" in busy
        assert busy.count(b"FREEBUSY;") == 1


@pytest.mark.parametrize(
    ("extra", "precondition"),
    [
        ("<c:timezone>not a calendar</c:timezone>", b"valid-calendar-data"),
        ("<c:timezone/>", b"valid-calendar-data"),
        (_query_zone(NEW_YORK.replace("END:VCALENDAR", _AUCKLAND_ZONE)), b"valid-calendar-data"),
        (_query_zone(_event("x", EVENTS["b"]).decode()), b"valid-calendar-data"),
        ("<c:timezone-id>Mars/Olympus_Mons</c:timezone-id>", b"valid-timezone"),
        ("<c:timezone-id>../../etc/passwd</c:timezone-id>", b"valid-timezone"),
    ],
    ids=["text", "empty", "two-zones", "no-zone", "unknown-id", "path-id"],
)
def test_a_query_timezone_that_is_no_zone_is_refused(
    backend: Backend, extra: str, precondition: bytes
) -> None:
    # RFC 4791 §7.8: 403 valid-calendar-data (RFC 7809 §5.2: valid-timezone); it was ignored
    with backend.fresh_app() as app:
        server, auth = _signed_in(app)
        _fill(server, auth)
        reply = _query(server, auth, NEAR_MIDNIGHT, extra=extra)
        assert reply.status == 403, reply.body
        assert precondition in reply.body
