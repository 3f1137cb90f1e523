"""The feed refresh job against a real feed server on loopback (tests/feedserver.py), on
SQLite and PostgreSQL (docs/adr/0025): an unchanged feed costs one 304 and writes nothing; a
changed one writes its difference; the feed's X-PUBLISHED-TTL sets when it is fetched next;
each way a feed fails (a status, HTML, too many redirects, too large, too slow, a private
address) is noted for the subscriber with its reason and backs off, keeps what the calendar
held, and never holds up another feed; a paused feed is not fetched."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest

from televent.adapters.outbound import Outbound
from televent.adapters.subscriptions.refresher import FeedRefresher
from televent.application.televent import Televent
from televent.domain.calendar_import import MAX_IMPORT_OBJECTS
from televent.projections.base import stamp
from tests.conftest import FakeClock
from tests.feedserver import FeedServer, calendar_feed, feed_server

ACTOR, SOURCE = "account:tests", "api:tma"
HOLIDAYS = {"easter@x": ("Easter", "20261201T090000Z"), "xmas@x": ("Xmas", "20261225T090000Z")}
OPEN = Outbound(allow_private=True, timeout_seconds=2, max_bytes=200_000)
OPEN_LARGE = Outbound(allow_private=True, timeout_seconds=30, max_bytes=10_000_000)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def subscribed(app: Televent, url: str) -> UUID:
    account = app.queries.account_by_telegram_id(1)
    if account is None:
        app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
        account = app.queries.account_by_telegram_id(1)
    assert account is not None
    return app.subscribe_feed(account.account_id, url, actor=ACTOR, source=SOURCE)


def run(refresher: FeedRefresher) -> int:
    return asyncio.run(refresher.run_once())


def titles(app: Televent, calendar: UUID) -> set[str]:
    return {
        next(x for x in o.ical.split("\r\n") if x.startswith("SUMMARY:"))[8:]
        for o in app.queries.objects_in(calendar)
    }


def log_length(app: Televent) -> int:
    with app.views.read() as db:
        return int(db.scalar(f"SELECT COUNT(*) FROM {app.events_table}") or 0)


def test_an_unchanged_feed_costs_one_304_and_a_changed_one_its_difference(
    app: Televent, clock: FakeClock, server: FeedServer
) -> None:
    server.put("/holidays.ics", calendar_feed(HOLIDAYS, extra_head="X-PUBLISHED-TTL:PT4H\r\n"))
    calendar = subscribed(app, server.url("/holidays.ics"))
    refresher = FeedRefresher(app, OPEN)
    assert run(refresher) == 1
    assert titles(app, calendar) == {"Easter", "Xmas"}
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.last_outcome == "2 added" and sub.failures == 0
    assert sub.next_due == stamp(clock.now + dt.timedelta(hours=4))  # the feed's own TTL

    assert run(refresher) == 0  # not due yet: nothing is fetched
    clock.advance(hours=4)
    before = log_length(app)
    assert run(refresher) == 1
    assert server.count("/holidays.ics", 304) == 1
    assert log_length(app) == before
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.last_outcome == "unchanged"

    server.put(
        "/holidays.ics",
        calendar_feed({"xmas@x": ("Christmas", "20261225T090000Z")}),
    )
    clock.advance(hours=4)
    assert run(refresher) == 1
    assert titles(app, calendar) == {"Christmas"}
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.last_outcome == "1 changed, 1 removed"
    assert sub.next_due == stamp(clock.now + dt.timedelta(hours=1))  # no TTL: hourly


def test_a_refresh_asked_for_while_the_feed_is_read_is_not_lost(
    app: Televent, clock: FakeClock, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed changes after a fetch has read it, and the subscriber asks for a refresh
    while that fetch is still being taken in: the next round fetches it at once, not an hour
    later."""
    server.put("/holidays.ics", calendar_feed(HOLIDAYS))
    calendar = subscribed(app, server.url("/holidays.ics"))
    account = app.queries.account_by_telegram_id(1)
    assert account is not None
    refresher = FeedRefresher(app, OPEN)

    class Meanwhile:
        """The job's outbound, with the feed changed and a refresh asked for once a fetch has
        read it."""

        async def fetch(self, *args: Any, **kwargs: Any) -> Any:
            answer = await OPEN.fetch(*args, **kwargs)
            clock.advance(seconds=1)
            server.put(
                "/holidays.ics", calendar_feed({"xmas@x": ("Christmas", "20261225T090000Z")})
            )
            app.refresh_soon(calendar, by=account.account_id)
            return answer

    monkeypatch.setattr(refresher, "outbound", Meanwhile())
    assert run(refresher) == 1
    monkeypatch.setattr(refresher, "outbound", OPEN)
    assert titles(app, calendar) == {"Easter", "Xmas"}
    clock.advance(seconds=1)
    assert run(refresher) == 1  # at once, not after the hour
    assert titles(app, calendar) == {"Christmas"}
    clock.advance(seconds=1)
    assert run(refresher) == 0  # then hourly, as ever


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda s: s.put("/f.ics", b"down", status=503), "http-503"),
        (lambda s: s.put("/f.ics", "<html>Sign in</html>", content_type="text/html"),
         "not-a-calendar"),
        (lambda s: [s.put(f"/f{i}.ics" if i else "/f.ics", b"", redirect_to=f"/f{i + 1}.ics")
                    for i in range(7)], "redirects"),
        (lambda s: s.put("/f.ics", b"BEGIN:VCALENDAR\r\n" + b"X" * 300_000), "too-large"),
        (lambda s: s.put("/f.ics", b"late", delay=4), "timeout"),
    ],
    ids=["status", "html", "redirects", "too-large", "slow"],
)  # fmt: skip
def test_a_failing_feed_says_why_backs_off_and_keeps_the_calendar(
    app: Televent, clock: FakeClock, server: FeedServer, setup: object, reason: str
) -> None:
    server.put("/f.ics", calendar_feed(HOLIDAYS))
    calendar = subscribed(app, server.url("/f.ics"))
    refresher = FeedRefresher(app, OPEN)
    run(refresher)
    assert titles(app, calendar) == {"Easter", "Xmas"}
    setup(server)  # type: ignore[operator]
    clock.advance(hours=1)
    run(refresher)
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.failures == 1
    assert sub.last_error is not None and sub.last_error.startswith(reason), sub.last_error
    assert sub.next_due == stamp(clock.now + dt.timedelta(minutes=5))
    assert titles(app, calendar) == {"Easter", "Xmas"}  # what it held stays
    clock.advance(minutes=5)
    run(refresher)
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.failures == 2
    assert sub.next_due == stamp(clock.now + dt.timedelta(minutes=10))  # twice as long


def test_a_feed_on_a_private_address_is_refused_unless_the_operator_allows_it(
    app: Televent, server: FeedServer
) -> None:
    server.put("/f.ics", calendar_feed(HOLIDAYS))
    calendar = subscribed(app, server.url("/f.ics"))
    run(FeedRefresher(app, Outbound(timeout_seconds=2)))
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.last_error is not None
    assert sub.last_error.startswith("private-address")
    assert server.count("/f.ics", 200) == 0  # never connected
    assert titles(app, calendar) == set()


def test_a_slow_feed_does_not_hold_up_the_others_and_a_paused_one_is_not_fetched(
    app: Televent, server: FeedServer
) -> None:
    server.put("/slow.ics", calendar_feed(HOLIDAYS), delay=4)
    server.put("/quick.ics", calendar_feed(HOLIDAYS))
    server.put("/paused.ics", calendar_feed(HOLIDAYS))
    slow = subscribed(app, server.url("/slow.ics"))
    quick = subscribed(app, server.url("/quick.ics"))
    paused = subscribed(app, server.url("/paused.ics"))
    alice = app.queries.account_by_telegram_id(1)
    assert alice is not None
    app.change_subscription(paused, {"paused": True}, by=alice.account_id, actor=ACTOR,
                            source=SOURCE)  # fmt: skip
    assert run(FeedRefresher(app, OPEN)) == 2
    assert titles(app, quick) == {"Easter", "Xmas"}
    assert titles(app, slow) == set()
    slow_sub = app.queries.subscription(slow)
    assert slow_sub is not None and slow_sub.last_error is not None
    assert slow_sub.last_error.startswith("timeout")
    assert server.count("/paused.ics", 200) == 0


def test_an_error_of_televents_own_backs_that_feed_off_and_the_others_refresh(
    app: Televent, clock: FakeClock, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A feed whose refresh meets an error nobody expected: it was logged and left due, so it
    was taken again at every round, first (the oldest due), with no back-off."""
    server.put("/a.ics", calendar_feed(HOLIDAYS))
    server.put("/b.ics", calendar_feed(HOLIDAYS))
    broken, fine = subscribed(app, server.url("/a.ics")), subscribed(app, server.url("/b.ics"))
    real = app.refresh_feed

    def refresh_feed(calendar_id: UUID, text: str, **kwargs: Any) -> Any:
        if calendar_id == broken:
            raise RuntimeError("a defect met by one feed's data")
        return real(calendar_id, text, **kwargs)

    monkeypatch.setattr(app, "refresh_feed", refresh_feed)
    assert run(FeedRefresher(app, OPEN)) == 2
    failed, done = app.queries.subscription(broken), app.queries.subscription(fine)
    assert failed is not None and failed.failures == 1
    assert failed.last_error is not None and failed.last_error.startswith("internal: RuntimeError")
    assert failed.next_due > stamp(clock.now)
    assert done is not None and done.last_outcome == "2 added"


def test_a_feed_of_more_events_than_a_calendar_takes_says_so(
    app: Televent, server: FeedServer
) -> None:
    """A feed over the limit of events was noted as "not-a-calendar": the subscriber was
    told their feed was no calendar."""
    many = {f"e{n}@x": (f"Event {n}", "20261201T090000Z") for n in range(MAX_IMPORT_OBJECTS + 1)}
    server.put("/big.ics", calendar_feed(many))
    calendar = subscribed(app, server.url("/big.ics"))
    assert run(FeedRefresher(app, OPEN_LARGE)) == 1
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.failures == 1
    assert (sub.last_error or "").startswith("too-many-events: ")
    assert str(MAX_IMPORT_OBJECTS) in (sub.last_error or "")
