"""The occurrence index lists every real-world calendar of the corpus as the old reader did
(docs/adr/0030): each corpus file stored as a client's import stores it (one resource per UID;
what today's validation refuses stored as an older server stored it), then the listing read from
the index equals the listing made by parsing and expanding every stored body, in the week of each
event's first start, in the weeks around now and in a year's span, on SQLite and PostgreSQL.

One difference is deliberate: a time written in UTC in a calendar that names a zone in
X-WR-TIMEZONE was shown by the old reader in that zone, and the index shows it as written; the
instant is the same, so times are compared as instants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import televent.application.calendar_objects as calendar_objects
from televent.application.televent import Televent
from televent.domain.content_lines import decode_property_moment
from televent.domain.errors import DomainError
from televent.domain.ical import parse_calendar_object
from televent.projections.agenda_reader import AgendaReader
from tests.conftest import Backend, FakeClock
from tests.e2e.test_corpus_roundtrip import resources
from tests.helpers import FIXTURE_CORPUS
from tests.integration.test_occurrence_index import fresh, shown

FILES = sorted((FIXTURE_CORPUS / "calendars").glob("*.ics"))
ACTOR, SOURCE = "account:tests", "caldav:import"
WINDOWS_PER_FILE = 25


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
