"""A listing expands at most MAX_OCCURRENCES occurrences of one event that the index leaves to
the reader (an endless series beyond its horizon), on SQLite and PostgreSQL: the earliest of
them in the window, never ones from the day before it, and it says so (`Listing.cut`, the API's
`incomplete`) only when the window holds more than it lists: not for a window of exactly that
many, nor for a copy its person declined, of which nothing is shown."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.domain.occurrences import MAX_OCCURRENCES
from televent.projections.agenda_reader import AgendaReader, Listing
from tests.conftest import FakeClock

ACTOR, SOURCE = "account:tests", "caldav:phone"
JUNE = dt.datetime(2027, 6, 1, tzinfo=dt.UTC)  # beyond the index's horizon: read from bodies


def hourly(uid: str, first: str = "20270601T000000Z", extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{first}\r\nDURATION:PT30M\r\n"
        f"RRULE:FREQ=HOURLY\r\nSUMMARY:Every hour\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def listing_of(app: Televent, clock: FakeClock, body: str, hours: int) -> Listing:
    app.register_account(1, name="Ann", timezone="UTC", actor=ACTOR, source=SOURCE)
    ann = app.queries.account_by_telegram_id(1)
    assert ann is not None
    app.move_occurrence_horizon(clock())
    calendar: UUID = app.queries.calendars_of(ann.account_id)[0].calendar_id
    app.put_object(calendar, "h.ics", body, actor=ACTOR, source=SOURCE, by=ann.account_id)
    reader = AgendaReader(app.queries, app.internal_domain)
    return reader.listing(ann, JUNE, JUNE + dt.timedelta(hours=hours))


@pytest.mark.parametrize("hours", [MAX_OCCURRENCES - 10, MAX_OCCURRENCES])
def test_a_window_holding_no_more_than_a_listing_lists_them_all_and_says_nothing(
    app: Televent, clock: FakeClock, hours: int
) -> None:
    found = listing_of(app, clock, hourly("h"), hours)
    assert len(found.occurrences) == hours and found.cut == []


def test_more_are_said_and_the_earliest_in_the_window_are_listed(
    app: Televent, clock: FakeClock
) -> None:
    # the series began a month before: the day before the window takes none of the places
    found = listing_of(app, clock, hourly("h", first="20270501T000000Z"), 60 * 24)
    assert len(found.occurrences) == MAX_OCCURRENCES and len(found.cut) == 1
    assert found.occurrences[0].start == JUNE
    assert found.occurrences[-1].start == JUNE + dt.timedelta(hours=MAX_OCCURRENCES - 1)


def test_a_declined_copy_shows_nothing_and_says_nothing(app: Televent, clock: FakeClock) -> None:
    me = f"tg_1@{app.internal_domain}"
    answer = f"ORGANIZER:mailto:bob@example.com\r\nATTENDEE;PARTSTAT=DECLINED:mailto:{me}\r\n"
    found = listing_of(app, clock, hourly("d", extra=answer), 60 * 24)
    assert found.occurrences == [] and found.cut == []
