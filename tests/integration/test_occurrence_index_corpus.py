"""The occurrence index lists every real-world calendar of the corpus as the old reader did
(docs/adr/0030): each corpus file stored as a client's import stores it (one resource per UID;
what today's validation refuses stored as an older server stored it), then the listing read from
the index equals the listing made by parsing and expanding every stored body, in the week of each
event's first start, in the weeks around now and in a year's span, on SQLite and PostgreSQL.

One difference is deliberate: a time written in UTC in a calendar that names a zone in
X-WR-TIMEZONE was shown by the old reader in that zone, and the index shows it as written; the
instant is the same, so times are compared as instants.

The same holds for what else reads the index instead of a body: each event's own JSON (the
API's `GET /events/{id}`) and the reminder scan's due reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

import televent.application.calendar_objects as calendar_objects
from televent.adapters.api.event_json import (
    event_json,
    indexed_event_json,
    lead_component,
    recurrence_of,
)
from televent.application.reminders import LOOK_AHEAD, Due, due_reminders, indexed_due
from televent.application.televent import Televent
from televent.domain.content_lines import decode_property_moment
from televent.domain.errors import DomainError
from televent.domain.event_fields import instance_component
from televent.domain.ical import parse_calendar_object
from televent.domain.occurrences import Occurrences
from televent.projections.agenda_reader import AgendaReader
from televent.projections.queries import ObjectView
from tests.conftest import Backend, FakeClock
from tests.e2e.test_corpus_roundtrip import resources
from tests.helpers import FIXTURE_CORPUS
from tests.integration.test_occurrence_index import ZONES, body, fresh, shown

FILES = sorted((FIXTURE_CORPUS / "calendars").glob("*.ics"))
ACTOR, SOURCE = "account:tests", "caldav:import"
WINDOWS_PER_FILE = 25
YEAR = dt.timedelta(days=365)
EVER = (dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(2200, 1, 1, tzinfo=dt.UTC))


def _instant(text: str) -> str:
    moment = dt.datetime.fromisoformat(text) if "T" in text or " " in text else None
    if moment is None or moment.tzinfo is None:
        return text
    return moment.astimezone(dt.UTC).isoformat()


def _same(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A listed occurrence (tests.integration.test_occurrence_index.shown) with its start and
    end as instants."""
    return (row[0], _instant(row[1]), _instant(row[2]), *row[3:])


def _store(app: Televent, calendar: object, href: str, text: str) -> bool:
    """Store a resource as a client's PUT does, or as a server without write-time validation
    did when today's validation refuses it; False when neither takes it."""
    try:
        app.put_object(calendar, href, text, actor=ACTOR, source=SOURCE)  # type: ignore[arg-type]
        return True
    except DomainError:
        pass
    original = calendar_objects.accepted_calendar_object
    calendar_objects.accepted_calendar_object = parse_calendar_object  # type: ignore[assignment]
    try:
        app.put_object(calendar, href, text, actor=ACTOR, source=SOURCE)  # type: ignore[arg-type]
        return True
    except Exception:  # not even an older server took it: nothing stored
        return False
    finally:
        calendar_objects.accepted_calendar_object = original


def _windows(path: Path, now: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """The week of each event's first start (at most WINDOWS_PER_FILE), the weeks around now
    and a year from the first start."""
    starts: list[dt.datetime] = []
    for _uid, _text, lead, zones in resources(path):
        prop = lead.get("DTSTART")
        if prop is None:
            continue
        try:
            moment = decode_property_moment(prop, zones)
        except Exception:  # an unreadable start: the listing of other weeks still counts
            continue
        if not isinstance(moment, dt.datetime):
            moment = dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        starts.append(moment.astimezone(dt.UTC))
    windows = {(s - dt.timedelta(days=3), s + dt.timedelta(days=4)) for s in starts}
    chosen = sorted(windows)[:WINDOWS_PER_FILE]
    chosen.append((now - dt.timedelta(days=7), now + dt.timedelta(days=7)))
    if starts:
        first = min(starts)
        chosen.append((first, first + dt.timedelta(days=365)))
    return chosen


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_index_lists_each_corpus_calendar_as_the_bodies_say(
    backend: Backend, clock: FakeClock, path: Path
) -> None:
    with backend.fresh_app(clock) as app:
        app.register_account(1, name="Ann", timezone="Asia/Tokyo", actor=ACTOR, source=SOURCE)
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        calendar = app.queries.calendars_of(account.account_id)[0].calendar_id
        app.move_occurrence_horizon(clock())
        stored = sum(
            _store(app, calendar, f"{index}.ics", text)
            for index, (_uid, text, _lead, _zones) in enumerate(resources(path))
        )
        assert stored, f"{path.name}: nothing of it could be stored"
        reader = AgendaReader(app.queries, app.internal_domain)
        listed_any = False
        for low, high in _windows(path, clock()):
            occurrences = reader.listing(account, low, high).occurrences
            listed = sorted(_same(shown(o)) for o in occurrences)
            expected = sorted(_same(row) for row in fresh(reader, app, account, low, high))
            assert listed == expected, (path.name, low, high)
            listed_any = listed_any or bool(listed)
        assert listed_any, f"{path.name}: no window listed anything"
        objects = app.queries.objects_in(calendar)
        on_read = app.queries.starting_between(clock(), clock()).on_read
        events = [o for o in objects if o.component == "VEVENT" and o.event_id not in on_read]
        assert _events_read_alike(app, account, objects) == len(events), path.name
        occurrences_read_alike(app, account, objects, path.name, clock())
        # (an object the index leaves to readers is reminded of by parsing it, as before)
        reminded, instances = _reminders_alike(app, objects, clock())
        assert reminded or not (events and instances), f"{path.name}: nothing reminded"


def _differences(got: Any, expected: Any) -> dict[str, tuple[Any, Any]]:
    """The keys on which an event's JSON read from the index differs from the one made by
    parsing its body (got, expected), times compared as instants."""
    times = ("start", "end", "recurrence_id")
    got = {**got, **{key: _instant(got[key] or "") for key in times}}
    expected = {**expected, **{key: _instant(expected[key] or "") for key in times}}
    return {k: (v, expected.get(k)) for k, v in got.items() if v != expected.get(k)}


def _events_read_alike(app: Televent, account: Any, objects: list[ObjectView]) -> int:
    """Each event's JSON (GET /api/v1/events/{id}) read from the index equals the one made
    by parsing its body, times compared as instants; returns how many the index answered."""
    mine = set(AgendaReader(app.queries, app.internal_domain).addresses(account))
    zone = ZoneInfo(account.timezone)
    answered = 0
    for obj in objects:
        indexed = app.queries.lead_of(obj.event_id)
        if indexed is None:
            continue
        answered += 1
        got = indexed_event_json(indexed, mine=mine, zone=zone, owned=True)
        lead = lead_component(obj.ical)
        expected = event_json(
            lead, obj, recurrence=recurrence_of(obj.ical), mine=mine, zone=zone, owned=True
        )
        assert _differences(got, expected) == {}
    return answered


def test_one_occurrence_of_a_series_in_every_form_is_read_from_the_index(
    backend: Backend, clock: FakeClock
) -> None:
    """Series in a zone, in UTC, floating and of dates, one with an override, asked for as a
    reader far from any of them names an occurrence (a floating time placed in Tokyo, with
    Tokyo's offset): the index answers each, as the body would."""
    with backend.fresh_app(clock) as app:
        app.register_account(1, name="Ann", timezone="Asia/Tokyo", actor=ACTOR, source=SOURCE)
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        calendar = app.queries.calendars_of(account.account_id)[0].calendar_id
        for index, zone in enumerate(ZONES):
            text = body(f"s{index}", f"S{index}", zone, 2 + index, "FREQ=WEEKLY;COUNT=6")
            app.put_object(calendar, f"s{index}.ics", text, actor=ACTOR, source=SOURCE)
            objects = [o for o in app.queries.objects_in(calendar) if o.href == f"s{index}.ics"]
            assert occurrences_read_alike(app, account, objects, zone, clock()) == 5, zone

        def stored(href: str, text: str) -> list[ObjectView]:
            app.put_object(calendar, href, text, actor=ACTOR, source=SOURCE)
            return [o for o in app.queries.objects_in(calendar) if o.href == href]

        floating_times = "DTSTART:20260309T120000\r\nDTEND:20260309T130000"
        moved = _moved_series("m", "floating", "RECURRENCE-ID:20260309T093000", floating_times)
        objects = stored("m.ics", moved)
        assert occurrences_read_alike(app, account, objects, "moved", clock()) == 5
        event_id = objects[0].event_id
        override = app.queries.occurrence_of(event_id, "2026-03-09T09:30:00+09:00")
        assert override is not None and override.fields["title"] == "Moved"
        assert override.start == "2026-03-09T12:00:00"
        assert app.queries.occurrence_of(event_id, "2026-03-10T09:30:00+09:00") is None
        # a local time without an offset: the series' own (floating: as written)
        plain = app.queries.occurrence_of(event_id, "2026-03-16T09:30:00")
        assert plain is not None and plain.start == "2026-03-16T09:30:00"
        # the override of a floating series written with a zone (as some clients write it):
        # the occurrence at 9:30 local time is the one moved, listed once and read either way
        zoned_rid = "RECURRENCE-ID;TZID=Europe/Berlin:20260309T093000"
        objects = stored("z.ics", _moved_series("z", "floating", zoned_rid, floating_times))
        assert occurrences_read_alike(app, account, objects, "zoned", clock()) == 5
        event_id = objects[0].event_id
        listed = app.queries.occurrences_in([], *EVER, ZoneInfo("Asia/Tokyo"), events=[event_id])
        assert sorted(o.fields["title"] for o in listed.occurrences) == ["M"] * 5 + ["Moved"]
        override = app.queries.occurrence_of(event_id, "2026-03-09T09:30:00+01:00")
        assert override is not None and override.fields["title"] == "Moved"
        # and a floating override of a series in Berlin: the occurrence at 9:30 in Berlin,
        # named (recurrence_id) as the series' other occurrences are
        berlin_times = (
            "DTSTART;TZID=Europe/Berlin:20260309T120000\r\nDTEND;TZID=Europe/Berlin:20260309T130000"
        )
        objects = stored(
            "f.ics",
            _moved_series("f", "Europe/Berlin", "RECURRENCE-ID:20260309T093000", berlin_times),
        )
        assert occurrences_read_alike(app, account, objects, "floating", clock()) == 5
        listed = app.queries.occurrences_in(
            [], *EVER, ZoneInfo("Asia/Tokyo"), events=[objects[0].event_id]
        )
        named = {o.fields["title"]: o.recurrence_id for o in listed.occurrences}
        assert named["Moved"] == "2026-03-09T09:30:00+01:00"
        # a local time without an offset is read in the series' zone (Berlin, summer time)
        plain = app.queries.occurrence_of(objects[0].event_id, "2026-04-06T09:30:00")
        assert plain is not None and plain.start == "2026-04-06T09:30:00+02:00"
        assert app.queries.occurrence_of(objects[0].event_id, "2026-04-06T08:30:00") is None


def _moved_series(uid: str, zone: str, recurrence_id: str, times: str) -> str:
    """A weekly series "M" of six from March 2 at 9:30 in `zone` (tests.integration.
    test_occurrence_index.body), one occurrence moved ("Moved": `recurrence_id`, `times`)."""
    return body(uid, "M", zone, 2, "FREQ=WEEKLY;COUNT=6").replace(
        "END:VCALENDAR",
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n{recurrence_id}\r\n"
        f"{times}\r\nSUMMARY:Moved\r\nEND:VEVENT\r\nEND:VCALENDAR",
    )


def occurrences_read_alike(
    app: Televent, account: Any, objects: list[ObjectView], name: str, now: dt.datetime
) -> int:
    """Each occurrence of each series the index holds, asked for as the Mini App asks for it
    (`GET /api/v1/events/{id}?occurrence=` with the listing's `recurrence_id`), read from the
    index equals the one made by parsing the body, times compared as instants; a series with
    a rule always answers from the index. Returns how many the index answered."""
    mine = set(AgendaReader(app.queries, app.internal_domain).addresses(account))
    zone = ZoneInfo(account.timezone)
    ever = EVER
    # where the index lists an endless series (around when it was stored; not its whole life)
    indexed_span = (now - dt.timedelta(days=30), now + dt.timedelta(days=180))
    answered = 0
    for obj in objects:
        listed_here: list[Any] = []
        for window in (ever, indexed_span):
            found = app.queries.occurrences_in([], *window, zone, events=[obj.event_id])
            listed_here = listed_here or sorted(
                found.occurrences, key=lambda o: (o.start_ts, o.instance)
            )
        for occurrence in listed_here[:3] + listed_here[-2:]:
            if not occurrence.instance:  # a single event: no occurrence to ask for
                continue
            listed = indexed_event_json(occurrence, mine=mine, zone=zone, owned=True)
            asked = listed["recurrence_id"]
            if asked is None:  # an RDATE alone: the listing names no occurrence to ask for
                continue
            indexed = app.queries.occurrence_of(obj.event_id, asked)
            if indexed is None:  # left to the body: only what no rule repeats (overrides alone)
                assert occurrence.series.get("recurrence") is None, (name, obj.href, asked)
                continue
            answered += 1
            got = indexed_event_json(indexed, mine=mine, zone=zone, owned=True)
            expected = event_json(
                instance_component(obj.ical, asked),
                obj,
                recurrence=recurrence_of(obj.ical),
                mine=mine,
                zone=zone,
                owned=True,
            )
            assert _differences(got, expected) == {}, (name, obj.href, asked)
    return answered


def _reminders_alike(app: Televent, objects: list[ObjectView], now: dt.datetime) -> tuple[int, int]:
    """The reminders the scan reads from the index (for a person in Berlin with the default
    lead, with and without the events' own alarms) are those a parse of every stored body
    gives, ten minutes before each of the first instances of every event (or of 9:00, when
    it is a date) and a day before; returns how many were due, and at how many instances."""
    zone, lead = ZoneInfo("Europe/Berlin"), dt.timedelta(minutes=15)
    moments: set[dt.datetime] = {now}
    instances = 0
    for obj in objects:
        listed = [  # every instance of a finite event; an endless one's in the index's window
            o
            for low, high in ((dt.datetime(1990, 1, 1, tzinfo=dt.UTC), now + YEAR),
                              (now - dt.timedelta(days=30), now + dt.timedelta(days=150)))
            for o in app.queries.occurrences_in(
                [obj.calendar_id], low, high, zone, events=[obj.event_id]
            ).occurrences
        ]  # fmt: skip
        for occurrence in sorted(listed, key=lambda o: o.start_ts)[:2]:
            instances += 1
            start = dt.datetime.fromtimestamp(occurrence.start_ts, dt.UTC)
            moments |= {start - dt.timedelta(minutes=10), start - dt.timedelta(days=1)}
            if len(occurrence.start) == 10:  # a date reminds at 9:00 in Berlin (07/08 UTC)
                moments |= {start + dt.timedelta(hours=h, minutes=50) for h in (6, 7)}
            elif occurrence.floating:  # a floating time is Berlin's: one or two hours earlier
                moments |= {start - dt.timedelta(hours=h, minutes=10) for h in (1, 2)}
    parsed: dict[Any, Occurrences] = {}  # each body read once, asked at every moment
    due = 0
    for moment in sorted(moments)[:60]:
        window = app.queries.starting_between(moment, moment + LOOK_AHEAD)
        for alarms in (True, False):
            got = {
                (str(o.event_id), *_due(d))
                for o in window.occurrences
                if (d := indexed_due(o, moment, lead, zone, alarms=alarms)) is not None
            }
            expected = set()
            for obj in objects:
                if obj.event_id in window.on_read or obj.component != "VEVENT":
                    continue
                if obj.event_id not in parsed:
                    parsed[obj.event_id] = Occurrences(icalendar.Calendar.from_ical(obj.ical))
                expected |= {
                    (str(obj.event_id), *_due(d))
                    for d in due_reminders(parsed[obj.event_id], moment, lead, zone, alarms=alarms)
                }
            assert got == expected, (moment, alarms)
            due += len(got)
    return due, instances


def _due(due: Due) -> tuple[Any, ...]:
    return (due.start.timestamp(), due.remind_at.timestamp(), due.summary, due.location,
            due.from_alarm)  # fmt: skip
