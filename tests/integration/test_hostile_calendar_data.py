"""Odd but parseable calendar data, as real clients and careless or hostile senders write it:
a PUT is either refused with a CalDAV precondition, or repaired, or stored, and then every
reader succeeds on it: time-range queries with and without expand, multiget with expand,
free-busy, the bot's agenda, the reminder scan, the export and a verified rebuild. On SQLite
and PostgreSQL (the `app` fixture)."""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import re
from collections.abc import Callable
from functools import partial
from typing import NoReturn, TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.auth import Authenticator
from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Reply, Request
from televent.adapters.telegram.agenda import Agenda
from televent.application.reminders import due_reminders
from televent.application.televent import Televent
from televent.domain.ics_bundle import merged_calendar
from televent.projections.rebuild import Rebuilder
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.helpers import ACTOR, CLI, FIXTURE_CORPUS, NotEndedError, ended_within

CORPUS = FIXTURE_CORPUS / "calendars"
CALENDAR = "/dav/calendars/1/default/"
WINDOW = ("20260101T000000Z", "20270101T000000Z")

# Longer than any bounded walk takes on a loaded machine, far shorter than an unbounded one.
HANG_SECONDS = 300
T = TypeVar("T")


_DEVICES = itertools.count()
_HUNG: list[str] = []  # the text of an example whose work never ended


class HangError(AssertionError):
    """A writer or reader did not end in `HANG_SECONDS`."""


def _hung(text: str) -> NoReturn:
    # one place of raising, so that hypothesis takes the examples that fail at once after a
    # hang (their threads would wait behind the one left spinning) for the same failure
    raise HangError(f"A writer or reader did not end in {HANG_SECONDS} s, for:\n{text}")


def _ended(work: Callable[[], T], text: str) -> T:
    """What `work` gives, run on a thread for at most `HANG_SECONDS`: a hang guard, not a
    speed check (make bench measures speed). A writer or reader that walks without end fails
    the test instead of freezing the run; its thread is left behind, so every later example
    fails at once, naming the text that hung."""
    if _HUNG:
        _hung(_HUNG[0])
    try:
        return ended_within(work, HANG_SECONDS)
    except NotEndedError:
        _HUNG.append(text)
        _hung(text)


def _server(app: Televent) -> tuple[CalDavHandlers, str]:
    """CalDAV handlers on the app, and the credentials of a new device of account 1."""
    if app.queries.account_by_telegram_id(1) is None:
        app.register_account(1, name="A", timezone="Europe/Berlin", actor=ACTOR, source=CLI)
    device = f"p{next(_DEVICES)}"
    password = app.issue_device_password(1, device, actor=ACTOR, source=CLI).password
    server = CalDavHandlers(
        app,
        Authenticator(app.queries, lambda device: None),
        "televent.internal",
        1_000_000,
        ScheduleInbox(app.views),
    )
    return server, "Basic " + base64.b64encode(f"1:{password}".encode()).decode()


def _request(server: CalDavHandlers, auth: str, method: str, path: str, body: bytes) -> Reply:
    headers = {"authorization": auth, "depth": "1", "content-type": "text/calendar"}
    return server.handle(Request(method, path, headers, body))


def _calendar(*lines: str, method: str | None = None) -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Hostile//EN"]
    if method:
        head.append(f"METHOD:{method}")
    return "\r\n".join([*head, *lines, "END:VCALENDAR"]) + "\r\n"


def _event(uid: str, *lines: str) -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z", *lines, "END:VEVENT"]


def _query(expand: bool, start: str | None = WINDOW[0], end: str | None = WINDOW[1]) -> bytes:
    bounds = "".join(
        f' {name}="{value}"' for name, value in (("start", start), ("end", end)) if value
    )
    data = f"<c:calendar-data><c:expand{bounds}/></c:calendar-data>" if expand and end else ""
    return (
        '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
        f"<d:getetag/>{data or '<c:calendar-data/>'}</d:prop><c:filter>"
        '<c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">'
        f"<c:time-range{bounds}/></c:comp-filter></c:comp-filter></c:filter>"
        "</c:calendar-query>"
    ).encode()


def _read_everything(app: Televent, server: CalDavHandlers, auth: str, name: str) -> None:
    """Every reader, over the whole calendar; none may fail."""
    for body in (
        _query(False),
        _query(True),
        _query(False, end=None),
        _query(False, start="00010101T000000Z", end="99991231T000000Z"),
        _query(True, start="00010101T000000Z", end="99991231T000000Z"),
    ):
        reply = _request(server, auth, "REPORT", CALENDAR, body)
        assert reply.status == 207, reply.body[:300]
    multiget = (
        '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
        f'<c:calendar-data><c:expand start="{WINDOW[0]}" end="{WINDOW[1]}"/></c:calendar-data>'
        f"</d:prop><d:href>{CALENDAR}{name}</d:href></c:calendar-multiget>"
    ).encode()
    assert _request(server, auth, "REPORT", CALENDAR, multiget).status == 207
    free_busy = (
        '<c:free-busy-query xmlns:c="urn:ietf:params:xml:ns:caldav"><c:time-range '
        f'start="{WINDOW[0]}" end="{WINDOW[1]}"/></c:free-busy-query>'
    ).encode()
    assert _request(server, auth, "REPORT", CALENDAR, free_busy).status == 200
    account = app.queries.account_by_telegram_id(1)
    assert account is not None
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    listing = Agenda(app.queries, "televent.internal").listing(
        account, start, start + dt.timedelta(days=366)
    )
    assert listing.unreadable == []
    texts = []
    for calendar in app.queries.calendars_of(account.account_id):
        for obj in app.queries.objects_overlapping(calendar.calendar_id, "VEVENT", 0, 2**40):
            texts.append(obj.ical)
            for now in (start, start + dt.timedelta(days=100)):
                list(due_reminders(obj.ical, now, dt.timedelta(minutes=15), dt.UTC))
    merged_calendar("export", texts, "Tests")


def _put(server: CalDavHandlers, auth: str, name: str, text: str) -> Reply:
    reply = _request(server, auth, "PUT", CALENDAR + name, text.encode())
    assert reply.status in (201, 204, 403), (reply.status, reply.body, text)
    if reply.status == 403:
        assert b"valid-calendar" in reply.body or b"supported-calendar" in reply.body, reply.body
    return reply


# --- the cases of the issue ----------------------------------------------------------------


def test_a_value_inside_a_quoted_tzid_is_repaired_and_answered_without_etag(app: Televent) -> None:
    server, auth = _server(app)
    text = _calendar(
        *_event(
            "quoted",
            'DTSTART;TZID="W. Europe Standard Time:20260609T090000"',
            "DURATION:PT1H",
        )
    )
    reply = _put(server, auth, "quoted.ics", text)
    assert reply.status == 201 and "etag" not in reply.headers
    got = _request(server, auth, "GET", CALENDAR + "quoted.ics", b"")
    assert b'DTSTART;TZID="W. Europe Standard Time":20260609T090000' in got.body
    found = _request(server, auth, "REPORT", CALENDAR, _query(False))
    assert b"quoted.ics" in found.body
    _read_everything(app, server, auth, "quoted.ics")


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ("FREQ=SECONDLY;COUNT=1000000000", b"FREQ=SECONDLY"),
        ("FREQ=SECONDLY", b"FREQ=SECONDLY"),
        ("FREQ=MINUTELY", b"FREQ=MINUTELY"),
        ("FREQ=MINUTELY;BYSECOND=" + ",".join(map(str, range(60))), b"FREQ=MINUTELY"),
        (  # every second of every hour
            "FREQ=HOURLY;BYMINUTE="
            + ",".join(map(str, range(60)))
            + ";BYSECOND="
            + ",".join(map(str, range(60))),
            b"more than 60 instances within an hour",
        ),
        ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", b"FREQ=SECONDLY"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", b"no instance"),
        ("FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31", b"no instance"),
        ("FREQ=WEEKLY;BYDAY=XX", b"cannot be read"),
    ],
)
def test_rules_that_would_hang_the_readers_are_refused_quickly(
    app: Televent, rule: str, why: bytes
) -> None:
    server, auth = _server(app)
    text = _calendar(*_event("fast", "DTSTART:20260301T090000Z", "DURATION:PT1M", f"RRULE:{rule}"))
    reply = _ended(partial(_put, server, auth, "fast.ics", text), text)
    assert reply.status == 403 and b"valid-calendar-data" in reply.body and why in reply.body


@pytest.mark.parametrize(
    "lines",
    [
        # A TZID longer than a file name: the zone database raised OSError, not "unknown".
        ('DTSTART;TZID="(UTC+' + "9" * 3000 + '07:00) Bangkok":20260301T090000', "DURATION:PT1H"),
        # A control character inside a parameter: the library drops the line, nameless.
        (
            "DTSTART:20260301T090000Z",
            "DURATION:PT1H",
            "ATTENDEE;CUTYPE=F\x06LIVIDUAL;ROLE=REQ-PARTICIPANT:mailto:u@example.org",
        ),
    ],
    ids=["tzid-too-long", "control-character-in-a-parameter"],
)
def test_data_the_readers_library_trips_on_is_refused_not_a_server_error(
    app: Televent, lines: tuple[str, ...]
) -> None:
    server, auth = _server(app)
    reply = _put(server, auth, "odd.ics", _calendar(*_event("odd", *lines)))
    assert reply.status == 403 and b"valid-calendar-data" in reply.body, reply.body


def test_hourly_rules_stay(app: Televent) -> None:
    server, auth = _server(app)
    text = _calendar(*_event("h", "DTSTART:20260301T090000Z", "DURATION:PT5M", "RRULE:FREQ=HOURLY"))
    assert _put(server, auth, "h.ics", text).status == 201
    _read_everything(app, server, auth, "h.ics")


def test_a_huge_duration_is_refused(app: Televent) -> None:
    server, auth = _server(app)
    for n, length in enumerate(("P99999999W", "P9999999999W")):
        text = _calendar(*_event(f"d{n}", "DTSTART:20260301T090000Z", f"DURATION:{length}"))
        reply = _put(server, auth, f"d{n}.ics", text)
        assert reply.status == 403 and b"valid-calendar-data" in reply.body


def test_an_exported_file_with_method_publish_is_stored_without_it(app: Televent) -> None:
    server, auth = _server(app)
    text = _calendar(*_event("pub", "DTSTART:20260301T090000Z"), method="PUBLISH")
    reply = _put(server, auth, "pub.ics", text)
    assert reply.status == 201 and "etag" not in reply.headers
    got = _request(server, auth, "GET", CALENDAR + "pub.ics", b"")
    assert got.body.decode() == text.replace("METHOD:PUBLISH\r\n", "")
    plain = _calendar(*_event("plain", "DTSTART:20260301T090000Z"))
    assert "etag" in _put(server, auth, "plain.ics", plain).headers  # kept as sent: an ETag
    request = _calendar(*_event("req", "DTSTART:20260301T090000Z"), method="REQUEST")
    assert _put(server, auth, "req.ics", request).status == 403


def test_every_single_uid_export_in_the_corpus_is_stored_as_exported(app: Televent) -> None:
    server, auth = _server(app)
    stored = 0
    for path in sorted(CORPUS.glob("*.ics")):
        text = path.read_text(encoding="utf-8", errors="replace")
        uids = set(re.findall(r"^UID:(.*?)\r?$", text, re.M))
        if len(uids) != 1:
            continue
        reply = _put(server, auth, path.name, text)
        assert reply.status == 201, (path.name, reply.body)
        stored += 1
    assert stored >= 17
    _read_everything(app, server, auth, "none.ics")


# --- property: whatever odd data is sent ---------------------------------------------------

_ZONES = [
    ("", "Z"),
    ("", ""),
    (";TZID=Europe/Berlin", ""),
    (";TZID=Nowhere/Unknown", ""),
    (';TZID=""', ""),
    (';TZID="W. Europe Standard Time"', ""),
    (";TZID=America/New_York", ""),
    (";TZID=Odd Zone", ""),  # defined in the calendar, with a rule from _ZONE_RULES
]
# the rules of a zone a calendar defines itself: dateutil walks them at every conversion
_ZONE_RULES = [
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=19900101T000000Z",
    "FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU",  # walked in place without end
    "FREQ=WEEKLY;INTERVAL=0;BYDAY=MO",
    "FREQ=DAILY",
    "FREQ=SECONDLY",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",  # never applies: walked to the year 9999
    "FREQ=MONTHLY;BYDAY=SU",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;BYSETPOS=" + ",".join(["1"] * 300),  # a year's pass each
]


def _odd_zone(
    name: str, rule: str, since: str, kind: str = "RRULE", observances: int = 1
) -> list[str]:
    """A zone with `rule` as the RRULE or the EXRULE (dateutil walks both) of its summer time,
    which it holds `observances` times (each walked from `since` at a reading)."""
    rules = [f"RRULE:{rule}"]
    if kind == "EXRULE":
        rules = ["RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", f"EXRULE:{rule}"]
    daylight = [
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        f"DTSTART:{since}T020000",
        *rules,
        "END:DAYLIGHT",
    ]
    return [
        "BEGIN:VTIMEZONE", f"TZID:{name}", *daylight * observances,
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]  # fmt: skip


def _nested(zone: list[str], components: list[str]) -> list[str]:
    """The zone inside the first event, where RFC 5545 has no place for it (icalendar keeps it
    all the same)."""
    end = components.index("END:VEVENT")
    return [*components[:end], *zone, *components[end:]]


_DAYS = ["20260301", "20261231", "20250101", "20280229", "00010101", "99991230"]
_moments = st.tuples(st.sampled_from(_DAYS), st.sampled_from(["090000", "000000", "235959"]))
_rules = st.one_of(
    st.none(),
    st.builds(
        lambda freq, end, parts: ";".join(x for x in (f"FREQ={freq}", end, parts) if x),
        st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "SECONDLY"]),
        st.sampled_from(
            [
                "",
                "COUNT=1",
                "COUNT=1000000000",
                "COUNT=0",
                "UNTIL=20270101T000000Z",
                "UNTIL=20270101",
                "UNTIL=19000101T000000Z",
                "UNTIL=99991231T235959Z",
            ]
        ),
        st.sampled_from(
            [
                "",
                "INTERVAL=2",
                "INTERVAL=1000000",
                "INTERVAL=0",
                "BYDAY=MO,WE",
                "BYMONTH=2;BYMONTHDAY=30",
                "BYMONTH=2;BYMONTHDAY=29",
                "BYDAY=-1FR;BYSETPOS=1",
                "BYMONTHDAY=31",
                "BYYEARDAY=366",
                "BYWEEKNO=53",
            ]
        ),
    ),
)


@st.composite
def _odd_events(draw: st.DrawFn) -> str:
    zone, utc = draw(st.sampled_from(_ZONES))
    day, clock = draw(_moments)
    all_day = draw(st.booleans())
    start = f"DTSTART;VALUE=DATE:{day}" if all_day else f"DTSTART{zone}:{day}T{clock}{utc}"
    if not all_day and draw(st.booleans()):  # the Exchange 2010 quirk
        start = f'DTSTART;TZID="W. Europe Standard Time:{day}T{clock}"'
    lines = [start]
    ending = draw(
        st.sampled_from(
            ["", "DURATION:PT1H", "DURATION:P1D", "DURATION:-PT1H", "DURATION:P99999999W", "END"]
        )
    )
    if ending == "END":
        lines.append(f"DTEND;VALUE=DATE:{day}" if all_day else f"DTEND{zone}:{day}T235959{utc}")
    elif ending:
        lines.append(ending)
    rule = draw(_rules)
    if rule:
        lines.append(f"RRULE:{rule}")
    for name in draw(st.lists(st.sampled_from(["RDATE", "EXDATE"]), max_size=3)):
        value = draw(
            st.sampled_from(
                [
                    ";VALUE=DATE:20261210",
                    ":20131210Z",
                    ":20261210T100000Z",
                    ":20261210T100000",
                    ";TZID=Europe/Berlin:20261210T100000",
                    ";TZID=Nowhere/Unknown:20261210T100000",
                    ";VALUE=PERIOD:20261210T100000Z/PT1H",
                    ";VALUE=PERIOD:20261210T100000Z/P99999999W",
                ]
            )
        )
        lines.append(f"{name}{value}")
    if draw(st.booleans()):
        trigger = draw(
            st.sampled_from(
                [
                    "-PT15M",
                    "PT0S",
                    "-P99999999W",
                    ";VALUE=DATE-TIME:20261210T090000Z",
                    ";RELATED=END:PT5M",
                ]
            )
        )
        separator = "" if trigger.startswith(";") else ":"
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER{separator}{trigger}", "END:VALARM"]
    components = [] if draw(st.booleans()) and not rule else _event("odd", *lines)
    for rid in draw(
        st.lists(
            st.sampled_from(
                [
                    f"RECURRENCE-ID{zone}:{day}T{clock}{utc}",
                    f"RECURRENCE-ID;VALUE=DATE:{day}",
                    "RECURRENCE-ID:20261210T100000Z",
                ]
            ),
            unique=True,
            max_size=2,
        )
    ):
        components += _event("odd", rid, "DTSTART:20261211T100000Z", "DURATION:PT1H")
    if not components:
        components = _event("odd", *lines)
    if zone == ";TZID=Odd Zone":
        # a name of its own for each calendar: icalendar keeps the first definition of a name
        # for the whole process
        name = f"Odd Zone {draw(st.integers(0, 10**9))}"
        rule = draw(st.sampled_from(_ZONE_RULES))
        since = draw(st.sampled_from(["19810329", "16010325", "00010325"]))
        kind = draw(st.sampled_from(["RRULE", "EXRULE"]))
        defined = _odd_zone(name, rule, since, kind, draw(st.sampled_from([1, 1, 3, 400])))
        components = [line.replace(";TZID=Odd Zone", f";TZID={name}") for line in components]
        nested = draw(st.booleans())
        components = _nested(defined, components) if nested else [*defined, *components]
    method = draw(st.sampled_from([None, None, "PUBLISH"]))
    return _calendar(*components, method=method)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_odd_events(), min_size=1, max_size=2))
@example(  # a series in year 1: instants before 1970 are negative, in the time index too
    texts=[
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Hostile//EN\r\nBEGIN:VEVENT\r\n"
        "UID:odd\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:00010101T090000Z\r\n"
        "DTEND:00010101T235959Z\r\nRRULE:FREQ=DAILY;COUNT=1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ]
)
@example(  # an hourly series of the year 1 in a zone with summer time: its walk to today
    # reaches the walk's bound (the occurrence index left it to readers, not failing the PUT)
    texts=[
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Hostile//EN\r\nBEGIN:VEVENT\r\n"
        'UID:odd\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID="W. Europe Standard Time:'
        '00010101T090000"\r\nDURATION:PT1H\r\nRRULE:FREQ=HOURLY\r\nEND:VEVENT\r\n'
        "END:VCALENDAR\r\n"
    ]
)
@example(  # INTERVAL=0: the occurrence index divided by it (the write failed); refused now
    texts=[
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Hostile//EN\r\nBEGIN:VEVENT\r\n"
        "UID:odd\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20250101T090000Z\r\n"
        "DURATION:PT1H\r\nRRULE:FREQ=DAILY;INTERVAL=0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ]
)
@example(  # a zone the calendar defines with a rule of INTERVAL=0: dateutil walked it in
    # place for good at the first time read in that zone, and the PUT never answered
    texts=[
        _calendar(
            *_odd_zone("Odd Zone", "FREQ=YEARLY;INTERVAL=0;BYMONTH=3;BYDAY=-1SU", "19810329"),
            *_event("odd", "DTSTART;TZID=Odd Zone:20260301T090000", "DURATION:PT1H"),
        )
    ]
)
@example(  # the same rule as the zone's EXRULE, which dateutil walks beside its RRULE
    texts=[
        _calendar(
            *_odd_zone("Odd Zone", "FREQ=YEARLY;INTERVAL=0;BYMONTH=3", "19810329", "EXRULE"),
            *_event("odd", "DTSTART;TZID=Odd Zone:20260301T090000", "DURATION:PT1H"),
        )
    ]
)
@example(  # the same zone inside the event: no check asked it, and icalendar read it
    texts=[
        _calendar(
            *_nested(
                _odd_zone("Odd Zone", "FREQ=YEARLY;INTERVAL=0;BYMONTH=3", "19810329"),
                _event("odd", "DTSTART;TZID=Odd Zone:20260301T090000", "DURATION:PT1H"),
            )
        )
    ]
)
@example(  # four hundred rules since the year 1: each walked from there at every reading
    texts=[
        _calendar(
            *_odd_zone("Odd Zone", "FREQ=YEARLY;BYMONTH=3", "00010325", observances=400),
            *_event("odd", "DTSTART;TZID=Odd Zone:20260301T090000", "DURATION:PT1H"),
        )
    ]
)
@example(  # midnight of 1 January of the year 1 in Berlin is in the year 0 in UTC: CalDAV's
    # expansion of a single event into UTC overflowed (a 500) instead of leaving it to the
    # full expansion
    texts=[
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Hostile//EN\r\nBEGIN:VEVENT\r\n"
        "UID:odd\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Berlin:00010101T000000\r\n"
        "DURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ]
)
def test_odd_data_is_refused_or_every_reader_succeeds(app: Televent, texts: list[str]) -> None:
    server, auth = _server(app)
    for n, text in enumerate(texts):
        name = f"odd-{n}.ics"
        _request(server, auth, "DELETE", CALENDAR + name, b"")
        body = text.replace("UID:odd", f"UID:odd-{n}")
        reply = _ended(partial(_put, server, auth, name, body), text)
        if reply.status == 403:
            continue
        _ended(partial(_read_everything, app, server, auth, name), text)
    assert Rebuilder(app.engine, app.views).run(verify=True).matches
