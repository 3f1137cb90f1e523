"""Claiming a webhook's messages behind a backlog, on both backends.

Run from the repository root with the project's interpreter (`make bench` runs it too):

    .venv/bin/python -m benchmarks.webhook_backlog              # 1,000 and 20,000 messages
    .venv/bin/python -m benchmarks.webhook_backlog --quick      # SQLite, 1,000, 10 runs

One active webhook of user 1 has `size` messages waiting, all due (a resumed webhook's month,
or a `since` replay), beside as many delivered ones (kept 30 days); another, paused, has as
many waiting for it; and 200 more active webhooks (ten people's twenty) wait for nothing. What
is timed is
`WebhookQueue.claim`, which the leader's sender runs four times a second and which holds the
write lock of SQLite while it runs: it takes the webhook's oldest 20, in order, none behind
one that waits for its retry (each claim's leases are given back before the next run).

Medians of --runs after 3 warm-up runs.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.support import database, size_options, size_table
from televent.bootstrap import build_application
from televent.config import Settings
from televent.delivery.webhook_queue import PER_WEBHOOK, WebhookQueue
from televent.domain.webhooks import MAX_WEBHOOKS
from televent.projections.base import stamp

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
ACTOR, SOURCE = "system:", "cli:bench"
IDLE_PEOPLE = 10  # each with the most webhooks one may have, none with anything waiting


def run(kind: str, size: int, runs: int, folder: Path) -> dict[str, Any]:
    with database(kind, folder, f"webhooks-{size}") as url:
        app = build_application(Settings(database_url=url), clock=lambda: NOW)
        try:
            app.register_account(1, name="Alice", actor=ACTOR, source=SOURCE)
            account = app.queries.account_by_telegram_id(1)
            assert account is not None
            webhook_id, _ = app.add_webhook(
                account.account_id, "https://hooks.example.org/in", ["event.created"],
                actor=ACTOR, source=SOURCE,
            )  # fmt: skip
            paused, _ = app.add_webhook(
                account.account_id, "https://hooks.example.org/paused", ["event.created"],
                active=False, actor=ACTOR, source=SOURCE,
            )  # fmt: skip
            for person in range(2, 2 + IDLE_PEOPLE):
                app.register_account(person, name=f"P{person}", actor=ACTOR, source=SOURCE)
                other = app.queries.account_by_telegram_id(person)
                assert other is not None
                for n in range(MAX_WEBHOOKS):
                    app.add_webhook(
                        other.account_id, f"https://hooks.example.org/{person}/{n}",
                        ["event.created"], actor=ACTOR, source=SOURCE,
                    )  # fmt: skip
            at = stamp(NOW - dt.timedelta(days=1))
            rows = [
                (f"msg_{n:08d}", str(webhook_id), str(account.account_id), "event.created",
                 n, at, f"event-{n}", json.dumps({"kind": "event"}),
                 "pending" if n >= size else "delivered", at, at)
                for n in range(2 * size)
            ] + [
                (f"msg_p{n:08d}", str(paused), str(account.account_id), "event.created",
                 n, at, f"event-{n}", json.dumps({"kind": "event"}), "pending", at, at)
                for n in range(size)
            ]  # fmt: skip
            with app.views.write() as db:
                db.run_many(
                    "INSERT INTO webhook_outbox (message_id, webhook_id, account_id, trigger, "
                    "position, occurred_at, subject_id, subject, status, due_at, queued_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            if kind == "postgresql":  # as autovacuum would have by then
                with app.views.write() as db:
                    db.run("ANALYZE webhook_outbox")
                    db.run("ANALYZE webhooks")
            queue = WebhookQueue(app.views, lambda: NOW)
            times = []
            for attempt in range(runs + 3):
                started = time.perf_counter()
                claimed = queue.claim()
                elapsed = (time.perf_counter() - started) * 1000
                assert [m.position for m in claimed] == list(range(size, size + PER_WEBHOOK))
                queue.release(claimed)
                if attempt >= 3:
                    times.append(elapsed)
            return {"claim_ms": statistics.median(times)}
        finally:
            app.close()


def main(argv: list[str] | None = None) -> None:
    options = size_options(__doc__, argv)
    if options.sizes == [1000, 10000]:
        options.sizes = [1000, 20000]
    size_table(
        options,
        "Claiming a webhook's messages behind a backlog (medians)",
        ["claim"],
        run,
        lambda row: [f"{row['claim_ms']:.1f} ms"],
    )


if __name__ == "__main__":
    main()
