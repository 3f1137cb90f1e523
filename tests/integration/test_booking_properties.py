"""Invariants of bookings over random histories, on SQLite and PostgreSQL (hypothesis).

For any history of visitors booking, cancelling and rescheduling through their manage links,
the owner deleting booked events from a client, and changes to the link's buffers and cap:
(a) active bookings never overlap each other, their buffers included, and never exceed the
    cap on one local day;
(b) every active booking has exactly one event in the owner's calendar, at its time, and no
    other booking has one;
(c) every slot still offered is clear of every active booking (with buffers);
(d) the bookings read model rebuilt from the log equals the live one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.application.bookings import BookingRequest
from televent.application.televent import Televent
from televent.domain.booking_links import BookingLink
from televent.domain.errors import TeleventError
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock

OWNER = 5150
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
BERLIN = ZoneInfo("Europe/Berlin")
# Starts on the link's 30-minute grid over two days of Berlin office hours (and some outside).
STARTS = [NOW + dt.timedelta(hours=1, minutes=30 * k) for k in range(0, 80, 3)]

book = st.tuples(st.just("book"), st.sampled_from(STARTS), st.integers(0, 3))
cancel = st.tuples(st.just("cancel"), st.integers(0, 9))
move = st.tuples(st.just("move"), st.integers(0, 9), st.sampled_from(STARTS))
owner_deletes = st.tuples(st.just("owner_deletes"), st.integers(0, 9))
rules = st.tuples(st.just("rules"), st.sampled_from([0, 15, 30]), st.sampled_from([None, 1, 2, 3]))
histories = st.lists(st.one_of(book, cancel, move, owner_deletes, rules), min_size=1, max_size=12)


def _setup(app: Televent) -> UUID:
    app.register_account(OWNER, name="Olga", timezone="Europe/Berlin", actor="t", source="cli")
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    app.create_booking_link(
        account.account_id,
        BookingLink.from_json(
            {"slug": "prop", "title": "Chat", "duration_minutes": 30, "min_notice_minutes": 0}
        ),
        actor="t",
        source="api",
    )
    return account.account_id


def _perform(app: Televent, account_id: UUID, tokens: list[str], step: tuple[Any, ...]) -> None:
    kind = step[0]
    if kind == "book":
        token = f"token-{len(tokens)}"
        app.book(
            BookingRequest(
                slug="prop",
                start=step[1],
                name=f"Visitor {step[2]}",
                email=f"v{step[2]}@example.org",
                tz="Asia/Kolkata",
            ),
            booking_id=f"b{len(tokens)}",
            token=token,
            source="booking",
        )
        tokens.append(token)
    elif kind == "cancel" and tokens:
        app.cancel_booking(tokens[step[1] % len(tokens)], reason="", source="booking")
    elif kind == "move" and tokens:
        app.reschedule_booking(tokens[step[1] % len(tokens)], step[2], source="booking")
    elif kind == "owner_deletes" and tokens:
        booking = app.queries.booking_by_token(tokens[step[1] % len(tokens)])
        assert booking is not None
        obj = app.queries.object_by_event_id(booking.event_id)
        if obj is not None:
            app.delete_object(obj.calendar_id, obj.href, actor="owner", source="caldav")
    elif kind == "rules":
        app.change_booking_link(
            account_id,
            "prop",
            {
                "buffer_before_minutes": step[1],
                "buffer_after_minutes": step[1],
                "max_per_day": step[2],
            },
            actor="t",
            source="api",
        )


def link_cap(app: Televent) -> int | None:
    link = app.queries.link("prop")
    assert link is not None
    return link.link.max_per_day


def _check(app: Televent, account_id: UUID) -> None:
    link = app.queries.link("prop")
    assert link is not None
    bookings = app.queries.bookings_of(account_id, active_only=False)
    active = [b for b in bookings if b.active]
    times = sorted(
        (dt.datetime.fromisoformat(b.start), dt.datetime.fromisoformat(b.end)) for b in active
    )
    for (_, first_end), (second_start, _) in itertools.pairwise(times):
        assert first_end <= second_start, "two active bookings overlap"
    for booking in bookings:
        obj = app.queries.object_by_event_id(booking.event_id)
        if booking.active:
            assert obj is not None, "an active booking lost its event"
            assert obj.range_start == int(dt.datetime.fromisoformat(booking.start).timestamp())
        else:
            assert obj is None, "a cancelled booking kept its event"
    _, owner = app.slot_reader.public_link("prop")
    offered = app.slot_reader.slots(
        link.link, owner, start=NOW, end=NOW + dt.timedelta(days=3), now=NOW
    )
    before = dt.timedelta(minutes=link.link.buffer_before_minutes)
    after = dt.timedelta(minutes=link.link.buffer_after_minutes)
    for slot_start, slot_end in offered:
        for start, end in times:
            assert slot_end + after <= start or end <= slot_start - before, "slot over a booking"


def _day_counts(app: Televent, account_id: UUID) -> dict[str, int]:
    counts: dict[str, int] = {}
    for booking in app.queries.bookings_of(account_id):
        day = dt.datetime.fromisoformat(booking.start).astimezone(BERLIN).date().isoformat()
        counts[day] = counts.get(day, 0) + 1
    return counts


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories)
def test_bookings_stay_consistent_over_any_history(
    backend: Backend, history: list[tuple[Any, ...]]
) -> None:
    with backend.fresh_app(FakeClock(NOW)) as app:
        account_id = _setup(app)
        tokens: list[str] = []
        for step in history:
            counts = _day_counts(app, account_id)
            # A refused step (taken, cancelled, not offered) is checked like any other.
            with contextlib.suppress(TeleventError):
                _perform(app, account_id, tokens, step)
            _check(app, account_id)
            cap = link_cap(app)
            if step[0] == "book" and cap is not None:
                for day, count in _day_counts(app, account_id).items():
                    assert count <= max(cap, counts.get(day, 0)), "a booking over the cap"
        assert Rebuilder(app.engine, app.views).run(["bookings"], verify=True).matches
