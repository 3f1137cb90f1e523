"""The webhooks read model (`webhooks`): each live webhook's owner, address, triggers, whether it
is active and why Televent paused it (docs/adr/0029). Never its secret: only the sealed log
holds that. Rebuilt from the log like every view; an erased owner's webhooks no longer open,
so a rebuild drops them (and the erasure deletes them at once).
"""

from __future__ import annotations

from typing import Any

from televent.projections.base import Projection, handles
from televent.projections.sql import Sql


class WebhooksProjection(Projection):
    """One row per webhook that is not removed."""

    name = "webhooks"
    tables = ("webhooks",)

    @handles("Webhook.WebhookAdded")
    def _added(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['webhooks']} (webhook_id, account_id, url, triggers, active, "
            "paused_reason, created_at, since, position) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            (
                str(event.originator_id),
                str(event.account_id),
                event.url,
                ",".join(event.triggers),
                int(bool(event.active)),
                event.timestamp.isoformat(),
                int(event.since),
                position,
            ),
        )

    @handles("Webhook.WebhookChanged")
    def _changed(self, db: Sql, event: Any, position: int) -> None:
        changes = dict(event.changes)
        assignments: list[str] = ["position = ?"]
        values: list[object] = [position]
        if "url" in changes:
            assignments.append("url = ?")
            values.append(changes["url"])
        if "triggers" in changes:
            assignments.append("triggers = ?")
            values.append(",".join(changes["triggers"]))
        if "active" in changes:
            assignments += ["active = ?", "paused_reason = NULL"]
            values.append(int(bool(changes["active"])))
        db.run(
            f"UPDATE {self.t['webhooks']} SET {', '.join(assignments)} WHERE webhook_id = ?",
            (*values, str(event.originator_id)),
        )

    @handles("Webhook.WebhookPaused")
    def _paused(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['webhooks']} SET active = 0, paused_reason = ?, position = ? "
            "WHERE webhook_id = ?",
            (event.reason, position, str(event.originator_id)),
        )

    @handles("Webhook.WebhookRemoved")
    def _removed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['webhooks']} WHERE webhook_id = ?", (str(event.originator_id),)
        )
