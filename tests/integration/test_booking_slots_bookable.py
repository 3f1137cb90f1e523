"""A slot a booking page offers is a slot that books (both backends).

The slot listing and the Schedule aggregate's decision follow one rule (domain/slots.py,
`blocked_span` and `clash`): an offered slot never fails with "just booked by someone else",
whatever the buffers before and after of its link and of the links already booked, and
whatever else is in the owner's calendar.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID, uuid4

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.application.bookings import BookingRequest
from televent.application.televent import Televent
from televent.domain.booking_links import BookingLink
from tests.conftest import Backend, FakeClock

OWNER = 7070
# Monday 2 March 2026, 06:00 UTC (07:00 in Berlin, where the owner works 9 to 17).
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
MORNING = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin
BUFFERS = [0, 5, 10, 15, 30, 45]


def _owner(app: Televent) -> UUID:
    app.register_account(OWNER, name="Olga", timezone="Europe/Berlin", actor="t", source="cli")
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    return account.account_id


def _link(app: Televent, account_id: UUID, slug: str, **settings: int | None) -> None:
    app.create_booking_link(
        account_id,
        BookingLink.from_json(
            {"slug": slug, "title": slug.title(), "min_notice_minutes": 0, **settings}
        ),
        actor="t",
        source="api",
    )


def _offered(app: Televent, slug: str, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    public, owner = app.slot_reader.public_link(slug)
    spans = app.slot_reader.slots(public.link, owner, start=start, end=end, now=app.clock())
    return [low for low, _ in spans]


def _book(app: Televent, slug: str, start: dt.datetime) -> str:
    token = uuid4().hex
    app.book(
        BookingRequest(
            slug=slug, start=start, name="Vic Visitor", email="vic@example.org", tz="UTC"
        ),
        booking_id=uuid4().hex,
        token=token,
        source="booking",
    )
    return token


def _event(app: Televent, account_id: UUID, uid: str, start: dt.datetime, minutes: int) -> None:
    calendar = app.queries.calendars_of(account_id)[0]
    end = start + dt.timedelta(minutes=minutes)
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Slots//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T090000Z\r\n"
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\nDTEND:{end:%Y%m%dT%H%M%SZ}\r\n"
        f"SUMMARY:{uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    app.put_object(calendar.calendar_id, f"{uid}.ics", text, actor="t", source="caldav")


def test_a_slot_after_a_booking_with_a_buffer_after_is_not_offered(backend: Backend) -> None:
    """No buffer before, 30 minutes after: a booking 09:00-09:30 keeps 09:30-10:00 free, so
    09:30 is not offered (it was, and booking it failed with a false "just booked")."""
    with backend.fresh_app(FakeClock(NOW)) as app:
        account_id = _owner(app)
        _link(app, account_id, "chat", duration_minutes=30, buffer_after_minutes=30)
        _book(app, "chat", MORNING)
        offered = _offered(app, "chat", MORNING, MORNING + dt.timedelta(hours=3))
        assert offered[:3] == [MORNING + dt.timedelta(minutes=m) for m in (60, 90, 120)]
        _book(app, "chat", offered[0])


def test_another_links_buffer_before_keeps_its_booking_clear(backend: Backend) -> None:
    """A booking of a link with 45 minutes before it keeps them free from any other link's
    slots too, as the booking decision does."""
    with backend.fresh_app(FakeClock(NOW)) as app:
        account_id = _owner(app)
        _link(app, account_id, "quick", duration_minutes=15)
        _link(app, account_id, "deep", duration_minutes=60, buffer_before_minutes=45)
        deep = MORNING + dt.timedelta(hours=2)  # 11:00 in Berlin
        _book(app, "deep", deep)
        offered = _offered(app, "quick", MORNING, deep)
        assert offered[-1] == deep - dt.timedelta(minutes=60)  # 09:45-10:00; 10:15 is free
        for start in offered:
            token = _book(app, "quick", start)
            app.cancel_booking(token, reason="", source="booking")


events = st.lists(
    st.tuples(st.integers(-60, 300).map(lambda m: m - m % 5), st.sampled_from([10, 25, 45, 60])),
    max_size=4,
)
links = st.fixed_dictionaries(
    {
        "duration_minutes": st.sampled_from([15, 30, 45, 60]),
        "step_minutes": st.sampled_from([None, 15]),
        "buffer_before_minutes": st.sampled_from(BUFFERS),
        "buffer_after_minutes": st.sampled_from(BUFFERS),
    }
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first=links,
    second=links,
    busy=events,
    booked=st.lists(st.tuples(st.booleans(), st.integers(0, 50)), max_size=3),
    changed=st.none() | links,
)
def test_every_offered_slot_books(
    backend: Backend,
    first: dict[str, int | None],
    second: dict[str, int | None],
    busy: list[tuple[int, int]],
    booked: list[tuple[bool, int]],
    changed: dict[str, int | None] | None,
) -> None:
    """Random buffers on two links, random events in the calendar and random bookings of
    either link made before (and maybe the first link's settings changed since): each slot
    the first link then offers books."""
    end = MORNING + dt.timedelta(hours=5)
    with backend.fresh_app(FakeClock(NOW)) as app:
        account_id = _owner(app)
        _link(app, account_id, "first", **first)
        _link(app, account_id, "second", **second)
        for index, (minutes, length) in enumerate(busy):
            start = MORNING + dt.timedelta(minutes=minutes)
            _event(app, account_id, f"busy-{index}", start, length)
        for use_first, pick in booked:
            slug = "first" if use_first else "second"
            choices = _offered(app, slug, MORNING, end)
            if choices:
                _book(app, slug, choices[pick % len(choices)])
        if changed is not None:
            app.change_booking_link(account_id, "first", dict(changed), actor="t", source="api")
        for start in _offered(app, "first", MORNING, end):
            token = _book(app, "first", start)  # a false "just booked" would raise here
            booking = app.queries.booking_by_token(token)
            assert booking is not None and booking.active
            app.cancel_booking(token, reason="", source="booking")
