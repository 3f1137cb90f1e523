"""Senders in several processes claim queue rows without ever taking the same one (on
PostgreSQL with FOR UPDATE SKIP LOCKED), on both queues."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

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
