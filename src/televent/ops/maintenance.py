"""Operator queries over the log and the read models (status, purges), and the device-use
counter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from televent.application.televent import Televent
from televent.projections.queries import ProjectionStatus, ViewReader


def projection_status(app: Televent) -> list[ProjectionStatus]:
    """Each read model's position, the log head, and the last error."""
    with app.views.read() as db:
        head = app.engine.head(db)
        rows = db.all(
            "SELECT name, position, updated_at, last_error FROM projection_positions ORDER BY name"
        )
    return [
        ProjectionStatus(
            row["name"], int(row["position"]), head, row["updated_at"], row["last_error"]
        )
        for row in rows
    ]


def retention_cutoff(app: Televent, days: int) -> str:
    """The ISO time before which tombstones (and sync tokens) have expired."""
    return (app.clock() - dt.timedelta(days=days)).isoformat()


def purge_tombstones(app: Televent, days: int) -> int:
    """Forget deleted-resource tombstones older than the retention window; return how many.

    Each calendar's sync horizon moves to the newest purged position: tokens before it are
    refused (403 DAV:valid-sync-token), so no client is told less than what changed.
    """
    cutoff = retention_cutoff(app, days)
    with app.views.write() as db:
        app.engine.lock_writers(db)  # serialised with writers, rebuilds and verifications
        db.run(
            "INSERT INTO sync_horizons (calendar_id, position) "
            "SELECT calendar_id, MAX(position) FROM tombstones WHERE deleted_at < ? "
            "GROUP BY calendar_id ON CONFLICT (calendar_id) DO UPDATE "
            "SET position = excluded.position WHERE sync_horizons.position < excluded.position",
            (cutoff,),
        )
        db.run("DELETE FROM tombstones WHERE deleted_at < ?", (cutoff,))
        return db.rowcount


def record_device_use(views: ViewReader, clock: Callable[[], dt.datetime], device_id: str) -> None:
    """Remember when a device password was last used: an operational counter in the
    device_usage table, not a domain event (every authenticated request would append one)."""
    with views.write() as db:
        db.run(
            "INSERT INTO device_usage (device_id, last_used_at) VALUES (?, ?) "
            "ON CONFLICT (device_id) DO UPDATE SET last_used_at = excluded.last_used_at",
            (device_id, clock().isoformat()),
        )
