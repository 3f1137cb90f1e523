"""Senders in several processes claim queue rows without ever taking the same one (on
PostgreSQL with FOR UPDATE SKIP LOCKED), on both queues."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait

import pytest

from televent.application.televent import Televent
from televent.bootstrap import assemble, event_store_environment
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.infrastructure.database import is_lock_contention
from tests.conftest import Backend, FakeClock

ROWS = 60


@pytest.mark.parametrize("kind", ["telegram", "mail"])
def test_concurrent_claims_share_the_rows_out_once(
    backend: Backend, clock: FakeClock, kind: str
) -> None:
    with backend.fresh_app(clock) as app:
        settings = Settings(database_url=database_url_of(app, backend))
        first = make_queue(kind, app, clock)
        for n in range(ROWS):
            if kind == "telegram":
                first.enqueue(f"d{n}", 1, "reminder", None, {"n": n})
            else:
                assert isinstance(first, MailQueue)
                first.enqueue_mail(f"d{n}", "x@example.org", "REQUEST", None, None, {"n": n})
        # a second process: its own connections to the same database
        other = assemble(
            event_store_environment(settings.database), dialect=settings.database.dialect
        )
        try:
            queues = [first, make_queue(kind, other, clock)] * 3

            def drain(queue: DeliveryQueue) -> list[str]:
                taken: list[str] = []
                while True:
                    try:
                        batch = queue._claim_rows(5)
                    except Exception as exc:  # SQLite: another writer; the sender tries again
                        if not is_lock_contention(exc):
                            raise
                        continue
                    if not batch:
                        return taken
                    taken.extend(row["delivery_id"] for row in batch)

            with ThreadPoolExecutor(max_workers=len(queues)) as pool:
                claimed = [d for taken in pool.map(drain, queues) for d in taken]
        finally:
            other.close()
    assert sorted(claimed) == sorted(f"d{n}" for n in range(ROWS))  # each row exactly once


def make_queue(kind: str, app: Televent, clock: FakeClock) -> DeliveryQueue:
    return (DeliveryQueue if kind == "telegram" else MailQueue)(app.views, clock)


def database_url_of(app: Televent, backend: Backend) -> str:
    if backend.kind == "sqlite":
        return f"sqlite:///{backend.tmp_path}/televent-{backend.count}.db"
    assert backend.postgres_url is not None
    return backend.postgres_url


def test_a_lease_waits_for_another_process_that_writes_meanwhile(
    backend: Backend, clock: FakeClock
) -> None:
    """A lease reads the due rows, then marks them. Another process (a bot worker beside
    `televent serve`) that queues a message between the two waits for the lease to end,
    and both are stored: on SQLite the lease used to fail at once with "database is locked"
    when the other process had committed between its read and its write."""
    with backend.fresh_app(clock) as app:
        settings = Settings(database_url=database_url_of(app, backend))
        queue = make_queue("telegram", app, clock)
        queue.enqueue("first", 1, "reminder", None, {"n": 1})
        other = assemble(
            event_store_environment(settings.database), dialect=settings.database.dialect
        )
        try:
            beside = make_queue("telegram", other, clock)
            with ThreadPoolExecutor(max_workers=1) as pool:
                with app.views.write() as db:
                    due = db.all("SELECT delivery_id FROM telegram_outbox")
                    queued = pool.submit(beside.enqueue, "second", 1, "reminder", None, {})
                    wait([queued], timeout=0.5)  # SQLite: it waits for this lease to end
                    db.run("UPDATE telegram_outbox SET leased_until = ?", ("2999",))
                queued.result(timeout=60)
            with other.views.read() as db:
                rows = db.all("SELECT delivery_id, leased_until FROM telegram_outbox")
        finally:
            other.close()
    assert [row["delivery_id"] for row in due] == ["first"]
    stored = {row["delivery_id"]: row["leased_until"] for row in rows}
    assert set(stored) == {"first", "second"}
    assert stored["first"] == "2999"
