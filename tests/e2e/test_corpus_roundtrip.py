"""Real calendars from Gmail, Outlook/Exchange, Apple, Thunderbird and others (the shared corpus):
each object survives a PUT/GET round trip byte for byte (or as repaired on PUT:
televent/domain/validation.py) and is found by a time-range query."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import httpx

from televent.domain.content_lines import Component, Property, decode_property_moment, parse
from televent.domain.validation import repaired
from televent.domain.zones import Zones, calendar_zones
from tests.e2e.conftest import Server
from tests.helpers import FIXTURE_CORPUS

CORPUS = FIXTURE_CORPUS
FILES = (
    sorted([*CORPUS.glob("calendars/*.ics"), *CORPUS.glob("itip-ics/*.ics")])
    if CORPUS.is_dir()
    else []
)
KINDS = ("VEVENT", "VTODO", "VJOURNAL")


def resources(path: Path) -> list[tuple[str, str, Component, Zones]]:
    """Split a calendar file into calendar object resources, one per UID, as a client's import
    does: its components with that UID plus the file's time zones, without METHOD."""
    [calendar] = parse(path.read_text(encoding="utf-8", errors="replace"))
    zones = [c for c in calendar.components if c.name == "VTIMEZONE"]
    by_uid: dict[str, list[Component]] = {}
    for index, component in enumerate(calendar.components):
        if component.name in KINDS:
            uid_prop = component.get("UID")
            if uid_prop is None:  # an Exchange quirk: no UID; a client assigns one on import
                component.properties.append(Property("UID", {}, f"no-uid-{path.stem}-{index}"))
                uid_prop = component.get("UID")
            assert uid_prop is not None
            by_uid.setdefault(uid_prop.value, []).append(component)
    out = []
    headers = [p for p in calendar.properties if p.name != "METHOD"]
    for uid, components in by_uid.items():
        single = Component("VCALENDAR", list(headers), [*zones, *components])
        lead = next((c for c in components if "RECURRENCE-ID" not in c), components[0])
        out.append((uid, single.serialize(), lead, calendar_zones(single)))
    return out


def window(component: Component, zones: Zones) -> tuple[str, str] | None:
    """A 28-hour UTC window around the component's first start, or None without DTSTART."""
    prop = component.get("DTSTART")
    if prop is None:
        return None
    start = decode_property_moment(prop, zones)
    if not isinstance(start, dt.datetime):
        start = dt.datetime(start.year, start.month, start.day, 12, tzinfo=dt.UTC)
    elif start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    begin = start.astimezone(dt.UTC) - dt.timedelta(hours=14)
    fmt = "%Y%m%dT%H%M%SZ"
    return begin.strftime(fmt), (begin + dt.timedelta(hours=28)).strftime(fmt)


def query(http: httpx.Client, calendar: str, component: str, start: str, end: str) -> bytes:
    body = (
        f'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
        f'<d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter '
        f'name="{component}"><c:time-range start="{start}" end="{end}"/></c:comp-filter>'
        "</c:comp-filter></c:filter></c:calendar-query>"
    )
    response = http.request("REPORT", calendar, content=body.encode(), headers={"Depth": "1"})
    assert response.status_code == 207, response.text
    return response.content


def test_every_corpus_object_round_trips_and_is_found(server: Server) -> None:
    http = httpx.Client(base_url=server.url, auth=server.auth(1), timeout=60)
    stored = 0
    for path in FILES:
        # One calendar per file: some files are updates of another file's invitation (same UID).
        calendar = f"/dav/calendars/1/{path.stem}/"
        assert http.request("MKCALENDAR", calendar).status_code == 201
        for n, (uid, text, lead, zones) in enumerate(resources(path)):
            name = f"{path.stem}-{n}.ics"
            put = http.put(
                calendar + quote(name),
                content=text.encode("utf-8"),
                headers={"Content-Type": "text/calendar"},
            )
            assert put.status_code == 201, (path.name, uid, put.status_code, put.text)
            # Exchange quirks are repaired on PUT, and then answered without ETag (§5.3.4).
            stored_text = repaired(text)
            assert ("etag" in put.headers) == (stored_text == text), (path.name, uid)
            got = http.get(calendar + quote(name))
            assert got.status_code == 200 and got.text == stored_text, (path.name, uid)
            stored += 1
            span = window(lead, zones)
            if span is not None and lead.name in ("VEVENT", "VTODO"):
                found = query(http, calendar, lead.name, *span)
                assert quote(name).encode() in found, (path.name, uid, span, found.decode())
    assert stored >= len(FILES)
