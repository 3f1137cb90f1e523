"""COUNTER proposals awaiting the organizer, and how they were answered (`mail_counters`).

Fed by the CounterProposal aggregate's events (domain/counter.py), so a rebuild reproduces the
table; the organizer's card and the DECLINECOUNTER email are side effects the application
queues, not rows of this view.
"""

from __future__ import annotations

import json
from typing import Any

from televent.domain.counter import ACCEPTED, DECLINED, OPEN
from televent.projections.base import Projection, handles
from televent.projections.sql import Sql
from televent.projections.telegram_delivery import stamp
from televent.projections.view_reader import ViewReader


class CounterProjection(Projection):
    """One row per proposal: the event, the attendee, what they proposed, its status."""

    name = "counters"
    tables = ("mail_counters",)

    @handles("CounterProposal.CounterProposed")
    def _proposed(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['mail_counters']} (counter_id, event_id, address, proposal, "
            "status, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (counter_id) DO NOTHING",
            (
                event.counter_id,
                str(event.event_id),
                event.address,
                json.dumps(event.proposal, sort_keys=True),
                OPEN,
                stamp(event.timestamp),
            ),
        )

    @handles("CounterProposal.CounterAnswered")
    def _answered(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['mail_counters']} SET status = ? WHERE counter_id = ?",
            (ACCEPTED if event.accepted else DECLINED, event.counter_id),
        )


class LegacyCounters:
    """Proposals kept before they were events (`mail_counters_legacy`, migration 0015)."""

    def __init__(self, views: ViewReader) -> None:
        self.views = views

    def open_proposal(self, counter_id: str) -> dict[str, Any] | None:
        """A legacy proposal not answered yet: event_id, address and the proposal dict."""
        with self.views.read() as db:
            row = db.one(
                "SELECT event_id, address, proposal FROM mail_counters_legacy "
                "WHERE counter_id = ? AND status = ?",
                (counter_id, OPEN),
            )
        if row is None:
            return None
        return {**row, "proposal": json.loads(str(row["proposal"]))}
