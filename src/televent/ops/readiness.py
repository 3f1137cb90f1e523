"""What an operator's probes and scrapes read: readiness and an operational snapshot.

Readiness (`/ready`) is stricter than liveness (`/health`): the database answers, every
migration is applied, and every read model is at the head of the log (a process still
catching up after an upgrade, or whose projection failed, is taken out of a load balancer's
rotation instead of answering stale reads).

The snapshot feeds the metrics: projection positions and lag, the delivery queues' depth and
oldest due item, and the size of the event log. Each is one short read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from yoyo import get_backend, read_migrations

from televent.application.televent import Televent
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.infrastructure.schema import migrations_directory
from televent.ops.maintenance import projection_status
from televent.projections.base import stamp

QUEUE_TABLES = {"telegram": "telegram_outbox", "mail": "mail_outbox", "webhooks": "webhook_outbox"}
# The push queue holds one row per registration: it waits while it wants a newer position than
# it sent (docs/adr/0027).
PUSH_WAITING = "given_up = 0 AND (wanted > sent OR rotation IS NOT NULL)"
_MIGRATED: set[str] = set()  # databases found fully migrated (they stay so for this code)


@dataclass(frozen=True)
class Readiness:
    """The answer of /ready: ready or not, and each check's finding."""

    ready: bool
    checks: dict[str, Any] = field(default_factory=dict)


def check_readiness(app: Televent, url: DatabaseUrl) -> Readiness:
    """Database reachable, migrations applied, projections caught up."""
    checks: dict[str, Any] = {}
    try:
        statuses = projection_status(app)
    except Exception as exc:  # any failure to read means "not ready", with the reason
        return Readiness(False, {"database": f"unreachable: {type(exc).__name__}: {exc}"})
    checks["database"] = "ok"
    try:
        pending = [] if url.yoyo_url() in _MIGRATED else pending_migrations(url)
    except Exception as exc:
        return Readiness(False, {**checks, "migrations": f"unknown: {exc}"})
    if not pending:
        _MIGRATED.add(url.yoyo_url())
    checks["migrations"] = "ok" if not pending else {"pending": pending}
    behind = {s.name: s.lag for s in statuses if s.lag > 0}
    failed = {s.name: s.last_error for s in statuses if s.last_error}
    checks["projections"] = "ok" if not behind and not failed else {"behind": behind, **failed}
    ready = not pending and not behind and not failed
    return Readiness(ready, checks)


def pending_migrations(url: DatabaseUrl) -> list[str]:
    """The ids of the migrations this code has that the database has not applied."""
    backend = get_backend(url.yoyo_url())
    try:
        return [m.id for m in backend.to_apply(read_migrations(str(migrations_directory())))]
    finally:
        backend.connection.close()


@dataclass(frozen=True)
class QueueState:
    """One delivery channel's backlog."""

    depth: int  # pending rows (due now or later)
    due: int  # pending rows due now
    oldest_due_seconds: float  # how long the oldest due row has waited (0 when none)


@dataclass(frozen=True)
class Snapshot:
    """The database-side figures of the metrics."""

    head: int
    projections: dict[str, tuple[int, int]]  # name -> (position, lag)
    queues: dict[str, QueueState]
    events: int  # notifications in the log
    event_store_bytes: int | None  # on PostgreSQL: the event table's size on disk


def take_snapshot(app: Televent, clock: Callable[[], dt.datetime]) -> Snapshot:
    """Read the figures; each query is short and needs no lock."""
    statuses = projection_status(app)
    head = statuses[0].head if statuses else 0
    now = clock()
    queues: dict[str, QueueState] = {}
    with app.views.read() as db:
        for channel, table in QUEUE_TABLES.items():
            depth = int(db.scalar(f"SELECT COUNT(*) FROM {table} WHERE status = 'pending'") or 0)
            row = db.one(
                f"SELECT COUNT(*) AS n, MIN(due_at) AS oldest FROM {table} "
                "WHERE status = 'pending' AND due_at <= ?",
                (stamp(now),),
            )
            due = int(row["n"]) if row else 0
            oldest = _age(row["oldest"] if row else None, now)
            queues[channel] = QueueState(depth, due, oldest)
        depth = int(db.scalar(f"SELECT COUNT(*) FROM push_outbox WHERE {PUSH_WAITING}") or 0)
        row = db.one(
            f"SELECT COUNT(*) AS n, MIN(due_at) AS oldest FROM push_outbox WHERE {PUSH_WAITING} "
            "AND due_at <= ?",
            (stamp(now),),
        )
        queues["push"] = QueueState(
            depth, int(row["n"]) if row else 0, _age(row["oldest"] if row else None, now)
        )
        table = app.engine.events_table
        events = int(db.scalar(f"SELECT COUNT(*) FROM {table}") or 0)
        size = None
        if app.views.dialect is Dialect.POSTGRES:
            size = int(db.scalar("SELECT pg_total_relation_size(?)", (table,)) or 0)
    return Snapshot(
        head,
        {s.name: (s.position, s.lag) for s in statuses},
        queues,
        events,
        size,
    )


def _age(value: Any, now: dt.datetime) -> float:
    if not value:
        return 0.0
    try:
        since = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return 0.0
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return max(0.0, (now - since).total_seconds())
