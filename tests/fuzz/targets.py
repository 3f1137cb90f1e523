"""Fuzz targets: the three readers of untrusted input, and the only errors each may raise.

- the iCalendar reader: `content_lines.parse` (ContentError) and `ical.parse_calendar_object`
  (InvalidCalendarDataError), and for what it accepts, the facts and the indexed range every
  PUT derives from it;
- the WebDAV XML request parser `adapters/caldav/xml.parse` (XmlError), and the request
  readers built on it (which properties a PROPFIND or REPORT asks for, a sync token);
- the MIME reader `adapters/mail/inbound.parse_message` (MessageTooLargeError,
  UnreadableMessageError).

Inputs are random bytes, and seeds (valid documents; the shared interop corpus next to the
project when it is checked out) mutated: cut, spliced, bytes overwritten, hostile tokens
(NUL, lone CR, huge numbers, deep nesting, unknown encodings) inserted.
"""

from __future__ import annotations

import base64
import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from televent.adapters.caldav import xml
from televent.adapters.caldav.collection_methods import _requested
from televent.adapters.caldav.protocol import DavError, parse_sync_token
from televent.adapters.caldav.reports import wanted_properties
from televent.adapters.mail.inbound import (
    MessageTooLargeError,
    UnreadableMessageError,
    parse_message,
)
from televent.domain import calendar_import, content_lines, ical
from televent.domain.content_lines import ContentError
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.validation import accepted_calendar_object
from tests.helpers import FIXTURE_CORPUS, vevent

CORPUS = FIXTURE_CORPUS


def _corpus(folder: str, pattern: str, limit: int = 60) -> list[bytes]:
    directory = CORPUS / folder
    if not directory.is_dir():
        return []
    return [p.read_bytes() for p in sorted(directory.glob(pattern))[:limit]]


ICAL_SEEDS = [
    vevent().encode(),
    vevent(rrule="FREQ=WEEKLY;COUNT=3", attendees=[("bob@example.com", "ACCEPTED")]).encode(),
    vevent(tzid=None, start="20260305", end="20260306").encode(),
    (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VTODO\r\nUID:t\r\n"
        b"DTSTAMP:20260101T000000Z\r\nDUE;VALUE=DATE:20260310\r\nRRULE:FREQ=DAILY;UNTIL=20260320\r\n"
        b"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nREPEAT:2\r\nDURATION:PT5M\r\n"
        b"END:VALARM\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    ),
    *_corpus("calendars", "*.ics"),
    *_corpus("itip-ics", "*.ics", limit=5),
    # iTIP messages as calendar object resources would store them (without METHOD)
    *[re.sub(rb"(?m)^METHOD:[^\r\n]*\r?\n", b"", seed) for seed in _corpus("itip-ics", "*.ics")],
]
XML_SEEDS = [
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:displayname/></d:prop></d:propfind>',
    b'<d:propfind xmlns:d="DAV:"><d:allprop/><d:include><d:x/></d:include></d:propfind>',
    b'<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>'
    b"urn:televent:sync:12</d:sync-token><d:sync-level>1</d:sync-level><d:limit><d:nresults>2"
    b"</d:nresults></d:limit><d:prop><d:getetag/></d:prop></d:sync-collection>",
    b'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
    b'<c:calendar-data><c:expand start="20260301T000000Z" end="20260401T000000Z"/>'
    b'</c:calendar-data></d:prop><c:filter><c:comp-filter name="VCALENDAR">'
    b'<c:comp-filter name="VEVENT"><c:time-range start="20260301T000000Z"/>'
    b"</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>",
    b'<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
    b"<d:getetag/></d:prop><d:href>/dav/calendars/1/default/a.ics</d:href>"
    b"</c:calendar-multiget>",
    b'<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>x</d:displayname>'
    b"</d:prop></d:set><d:remove><d:prop><d:x/></d:prop></d:remove></d:propertyupdate>",
    b'<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
    b"<d:displayname>New</d:displayname></d:prop></d:set></c:mkcalendar>",
    b'<d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
    b"<d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop></d:set></d:mkcol>",
]
MAIL_SEEDS = [
    (
        b"From: Bob <bob@example.com>\r\nTo: tg_1@televent.internal\r\nSubject: Invitation\r\n"
        b"Message-ID: <1@example.com>\r\nDate: Thu, 05 Mar 2026 10:00:00 +0000\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n--XX\r\n"
        b"Content-Type: text/calendar; method=REQUEST; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(
            vevent().replace("BEGIN:VEVENT", "METHOD:REQUEST\r\nBEGIN:VEVENT", 1).encode()
        )
        + b"--XX--\r\n"
    ),
    b"From: a@b.c\r\nSubject: x\r\nContent-Type: text/calendar; method=REPLY\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n\r\nBEGIN:VCALENDAR=0D=0AEND:VCALENDAR\r\n",
    *_corpus("imip-eml", "*.eml"),
]

HOSTILE = [
    b"\x00",
    b"\r",
    b"\n",
    b"\r\n ",
    b"\r\n\t",
    b";",
    b":",
    b"=",
    b'"',
    b",",
    b"\\",
    b"9" * 5000,
    b"-" + b"9" * 30,
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"%00",
    b"%2F",
    b"&#0;",
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b'<?xml version="1.0" encoding="EBCDIC-US"?>',
    b'<?xml version="1.0" encoding="utf-16"?>',
    b"<a>" * 200,
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"BEGIN:VCALENDAR\r\n" * 50,
    b"BEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\n",
    b"RRULE:FREQ=SECONDLY;INTERVAL=0\r\n",
    b"RRULE:FREQ=YEARLY;BYSETPOS=-366;COUNT=99999999999999999999\r\n",
    b"DTSTART;TZID=Nowhere/Zone:99991231T235959\r\n",
    b"DTSTART:00000000T000000Z\r\n",
    b"DURATION:P99999999999W\r\n",
    b"TRIGGER;RELATED=END:-P9999999D\r\n",
    b'ATTENDEE;CN="a\\";b":mailto:x@y\r\n',
    b'Content-Type: multipart/mixed; boundary=""\r\n',
    b"Content-Transfer-Encoding: base64\r\n",
    b"Content-Type: text/calendar; charset=x-unknown\r\n",
    b"=?utf-8?b?////?=",
    b"\r\n\r\n--",
]


VALUES = [
    b"",
    b"0",
    b"-1",
    b"9" * 30,
    b"9" * 5000,
    b"20260230T250000Z",
    b"99991231T235959",
    b"00010101",
    b"20260305T150000Z/PT1H",
    b"20260305T150000Z/19700101T000000Z",
    b"FREQ=MINUTELY;BYSECOND=0,60;COUNT=100000",
    b"FREQ=MONTHLY;BYDAY=-5MO,+53SU;BYMONTHDAY=-31,31;UNTIL=20251231",
    b"FREQ=DAILY;UNTIL=2026",
    b"FREQ=WEEKLY;INTERVAL=-3",
    b"-P1W2D",
    b"P",
    b"PT99999999999H",
    b"mailto:",
    b"mailto:a@b\x00c",
    b"Europe/Nowhere",
    b"\\n\\,\\;\\",
    b"x\x00y",
    b"\xff\xfe\xfd",
    b"&amp;&#x0;&#xD800;",
    b"</d:prop>",
    b"<d:href>%2F%00</d:href>",
    b"urn:televent:sync:" + b"9" * 5000,
    b"=?utf-8?q?=00?=",
    b"multipart/mixed; boundary=",
    b"text/calendar; method=REQUEST; charset=utf-7",
]


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed changed in one to three places (cut, overwritten, a hostile token or a line of
    another seed inserted, often at a line or tag boundary so that the rest stays valid,
    spliced with another seed), or truncated. Positions are drawn uniformly (hypothesis would
    favour the start of the document, which breaks the first line every time)."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        rnd = draw(st.randoms(use_true_random=True))
        data = rnd.choice(seeds)
        for _ in range(rnd.choice((1, 1, 1, 2, 3))):
            at = rnd.randrange(len(data) + 1)
            if rnd.random() < 0.5:  # move to the next line or tag boundary
                found = [data.find(mark, at) for mark in (b"\n", b">")]
                at = min([f + 1 for f in found if f >= 0], default=len(data))
            kind = rnd.choice(("cut", "write", "insert", "line", "splice", "value", "value"))
            if kind == "cut":
                data = data[:at] + data[at + rnd.randrange(1, 200) :]
            elif kind == "write":
                extra = rnd.randbytes(rnd.randrange(1, 8))
                data = data[:at] + extra + data[at + len(extra) :]
            elif kind == "insert":
                data = data[:at] + rnd.choice(HOSTILE) + data[at:]
            elif kind == "value":  # a property or element keeps its name, gets a hostile value
                start = data.rfind(b"\n", 0, at) + 1
                end = data.find(b"\n", at)
                end = len(data) if end < 0 else end
                line = data[start:end].rstrip(b"\r")
                cut = max(line.find(b":"), line.find(b">"))
                if cut >= 0:
                    data = (
                        data[:start]
                        + line[: cut + 1]
                        + rnd.choice(VALUES)
                        + data[start + len(line) :]
                    )
            elif kind == "line":
                lines = rnd.choice(seeds).splitlines(keepends=True) or [b""]
                data = data[:at] + rnd.choice(lines) + data[at:]
            else:
                other = rnd.choice(seeds)
                data = data[:at] + other[rnd.randrange(len(other) + 1) :]
        if rnd.random() < 0.1:
            data = data[: rnd.randrange(len(data) + 1)]
        return data

    return build()


def inputs(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """Random bytes, hostile tokens glued together, or mutated seeds (mostly)."""
    return st.one_of(
        st.binary(max_size=400),
        st.lists(st.sampled_from(HOSTILE), max_size=12).map(b"".join),
        *[mutated(seeds)] * 6,
    )


def check_ical(data: bytes) -> None:
    """The iCalendar reader raises only its documented errors."""
    text = data.decode("utf-8", errors="replace")
    with contextlib.suppress(ContentError):
        content_lines.parse(text)
    try:
        obj = ical.parse_calendar_object(text)
    except InvalidCalendarDataError:
        return
    ical.facts_of(obj)
    ical.indexed_range(obj)


def check_xml(data: bytes) -> None:
    """The XML request parser raises only XmlError; readers of a parsed body only DavError or
    XmlError."""
    try:
        root = xml.parse(data)
    except xml.XmlError:
        return
    if root is None:
        return
    with contextlib.suppress(xml.XmlError, DavError):
        _requested(root)
    try:
        wanted_properties(root)
        for node in root.iter(xml.tag(xml.DAV, "sync-token")):
            parse_sync_token(node.text or "")
    except DavError:
        pass


def check_mime(data: bytes) -> None:
    """The MIME reader raises only its documented errors."""
    with contextlib.suppress(MessageTooLargeError, UnreadableMessageError):
        parse_message(data, max_bytes=200_000)


def check_import(data: bytes) -> None:
    """A file to import is refused whole (ImportRefusedError) or split into objects that the
    line reader reads back, each the same as itself, each stored or refused as a PUT is."""
    try:
        split = calendar_import.split_calendar(calendar_import.decoded(data))
    except calendar_import.ImportRefusedError:
        return
    for piece in split.pieces:
        content_lines.parse(piece.text)
        assert calendar_import.same_content(piece.text, piece.text)
        with contextlib.suppress(InvalidCalendarDataError):
            accepted_calendar_object(piece.text)


@dataclass(frozen=True)
class Target:
    name: str
    check: Callable[[bytes], None]
    strategy: st.SearchStrategy[bytes]


TARGETS = [
    Target("ical", check_ical, inputs(ICAL_SEEDS)),
    Target("xml", check_xml, inputs(XML_SEEDS)),
    Target("mime", check_mime, inputs(MAIL_SEEDS)),
    Target("import", check_import, inputs(ICAL_SEEDS)),
]
