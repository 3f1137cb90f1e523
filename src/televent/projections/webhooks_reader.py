"""Questions about webhooks (docs/adr/0029): a person's webhooks, one of them, and how its
recent deliveries went."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from televent.projections.view_reader import Reader

RECENT_ATTEMPTS = 100  # what the deliveries listing shows at most


@dataclass(frozen=True)
class WebhookView:
    """A webhook as its owner sees it (never its secret)."""

    webhook_id: UUID
    account_id: UUID
    url: str
    triggers: tuple[str, ...]
    active: bool
    paused_reason: str | None
    created_at: str
    since: int
    waiting: int  # messages not delivered yet (a given-up one is tried again when resumed)


@dataclass(frozen=True)
class AttemptView:
    """One attempt to deliver a message."""

    webhook_id: str
    message_id: str
    trigger: str
    attempt: int
    status_code: int | None
    duration_ms: int
    at: str
    response_excerpt: str | None
    error: str | None


class WebhooksReader(Reader):
    def webhooks_of(self, account_id: UUID) -> list[WebhookView]:
        """The account's webhooks, oldest first."""
        with self.reader.read() as db:
            rows = db.all(
                f"{_SELECT} WHERE w.account_id = ? ORDER BY w.created_at, w.webhook_id",
                (str(account_id),),
            )
        return [_view(row) for row in rows]

    def webhook(self, webhook_id: UUID) -> WebhookView | None:
        with self.reader.read() as db:
            row = db.one(f"{_SELECT} WHERE w.webhook_id = ?", (str(webhook_id),))
        return None if row is None else _view(row)

    def webhook_count(self, account_id: UUID) -> int:
        with self.reader.read() as db:
            return int(
                db.scalar("SELECT COUNT(*) FROM webhooks WHERE account_id = ?", (str(account_id),))
                or 0
            )

    def attempts_of(self, webhook_id: UUID, limit: int = RECENT_ATTEMPTS) -> list[AttemptView]:
        """The webhook's most recent attempts, newest first."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT * FROM webhook_attempts WHERE webhook_id = ? ORDER BY at DESC, "
                "attempt DESC LIMIT ?",
                (str(webhook_id), limit),
            )
        return [
            AttemptView(
                str(r["webhook_id"]),
                str(r["message_id"]),
                str(r["trigger"]),
                int(r["attempt"]),
                None if r["status_code"] is None else int(r["status_code"]),
                int(r["duration_ms"]),
                str(r["at"]),
                r["response_excerpt"],
                r["error"],
            )
            for r in rows
        ]


_SELECT = (
    "SELECT w.*, (SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id = w.webhook_id "
    "AND o.status IN ('pending', 'failed')) AS waiting FROM webhooks w"
)


def _view(row: dict[str, object]) -> WebhookView:
    return WebhookView(
        webhook_id=UUID(str(row["webhook_id"])),
        account_id=UUID(str(row["account_id"])),
        url=str(row["url"]),
        triggers=tuple(t for t in str(row["triggers"]).split(",") if t),
        active=bool(row["active"]),
        paused_reason=None if row["paused_reason"] is None else str(row["paused_reason"]),
        created_at=str(row["created_at"]),
        since=int(str(row["since"])),
        waiting=int(str(row["waiting"] or 0)),
    )
