"""Operator queries over the log and the read models (status, purges)."""

from __future__ import annotations

import datetime as dt

from televent.application import Televent
from televent.queries import ProjectionStatus


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

    Sync tokens older than the window are refused (403 DAV:valid-sync-token), so no client can
    need them any more.
    """
    with app.views.write() as db:
        app.engine.lock_writers(db)  # serialised with writers, rebuilds and verifications
        db.run("DELETE FROM tombstones WHERE deleted_at < ?", (retention_cutoff(app, days),))
        return db.rowcount
