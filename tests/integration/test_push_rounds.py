"""A round of WebDAV-Push messages (adapters/push/sender.py) when push resources never answer:
a push service that timed out is not asked again in the same round, and a round starts no push
after its time: the registrations it did not try wait for the next round with no failure
counted. Before, a round of 200 such registrations took 200 / 16 times the guard's time limit
(about 3 minutes), and every other registration waited behind it."""

from __future__ import annotations

import asyncio
import selectors
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from televent.adapters.outbound import Outbound
from televent.adapters.push.sender import AT_ONCE, PushSender
from televent.application.push_registrations import PushRegistrations
from televent.application.televent import Televent
from televent.delivery.push_queue import PushQueue
from televent.domain.web_push import Collection, Kind, registration
from tests.conftest import FakeClock
from tests.integration.test_push_queue import default_calendar, person, put, subscription_keys


class Silent:
    """TCP listeners on loopback that accept every connection and never say a word (a TLS
    handshake with them times out); `accepted` counts the connections."""

    def __init__(self, hosts: list[str]) -> None:
        self.selector = selectors.DefaultSelector()
        self.sockets: list[socket.socket] = []
        self.port = 0
        for host in hosts:
            listener = socket.create_server((host, self.port))
            self.port = listener.getsockname()[1]
            listener.setblocking(False)
            self.selector.register(listener, selectors.EVENT_READ)
            self.sockets.append(listener)
        self.accepted = 0
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self.stop.is_set():
            for key, _ in self.selector.select(timeout=0.05):
                listener = key.fileobj
                assert isinstance(listener, socket.socket)
                try:
                    connection, _ = listener.accept()
                except BlockingIOError:
                    continue
                self.held.append(connection)
                self.accepted += 1


@contextmanager
def silent(hosts: list[str]) -> Iterator[Silent]:
    server = Silent(hosts)
    server.thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.thread.join(timeout=5)
        for s in server.sockets + server.held:
            s.close()


def registrations_at(app: Televent, clock: FakeClock, resources: list[str]) -> None:
    """Alice's calendar with one registration at each push resource, each with a change to
    hear of (after the merge window)."""
    alice = person(app, 1, "Alice")
    calendar = default_calendar(app, alice)
    registrations = PushRegistrations(app.views, app.clock)
    collection = Collection(Kind.CALENDAR, str(calendar))
    for resource in resources:
        p256dh, auth = subscription_keys()
        wanted = registration(
            collection, push_resource=resource, p256dh=p256dh, auth_secret=auth,
            content_encoding=None, triggers=None,
        )  # fmt: skip
        registrations.register(str(alice), collection, wanted, requested_expiry=None)
    put(app, calendar, "e1", "Standup", alice)
    clock.advance(seconds=2)


def sender(app: Televent, *, round_seconds: float = 30.0) -> PushSender:
    guard = Outbound(allow_private=True, timeout_seconds=0.3, max_redirects=0)
    return PushSender(
        PushQueue(app.views, app.clock), PushRegistrations(app.views, app.clock), guard,
        "mailto:ops@example.org", round_seconds=round_seconds,
    )  # fmt: skip


def outbox(app: Televent) -> list[tuple[int, str]]:
    """(failures, due_at) of every registration's row."""
    with app.views.read() as db:
        rows = db.all("SELECT failures, due_at FROM push_outbox ORDER BY due_at")
    return [(int(r["failures"]), str(r["due_at"])) for r in rows]


def test_a_push_service_that_never_answers_is_asked_once_a_round(
    app: Televent, clock: FakeClock
) -> None:
    with silent(["127.0.0.1"]) as dead:
        registrations_at(app, clock, [f"https://127.0.0.1:{dead.port}/r{i}" for i in range(40)])
        assert asyncio.run(sender(app).run_once()) == 40
    assert dead.accepted == AT_ONCE, "one round's first pushes only"
    failures = [f for f, _ in outbox(app)]
    assert failures.count(1) == AT_ONCE and failures.count(0) == 40 - AT_ONCE
    with app.views.read() as db:
        leased = db.scalar("SELECT COUNT(*) FROM push_outbox WHERE leased_until IS NOT NULL")
    assert leased == 0, "the rest are not held for the lease's minute"


def test_a_round_starts_no_push_after_its_time(app: Televent, clock: FakeClock) -> None:
    """Forty push services on forty addresses, none answering: the round stops starting pushes
    at its time (0.5 s; each push gives up after 0.3 s, so a third batch of 16 would start
    at 0.6 s at the earliest)."""
    hosts = [f"127.0.0.{n}" for n in range(2, 42)]
    with silent(hosts) as dead:
        registrations_at(app, clock, [f"https://{h}:{dead.port}/r" for h in hosts])
        assert asyncio.run(sender(app, round_seconds=0.5).run_once()) == 40
    assert AT_ONCE <= dead.accepted <= 2 * AT_ONCE
    failures = [f for f, _ in outbox(app)]
    assert failures.count(1) == dead.accepted and failures.count(0) == 40 - dead.accepted
