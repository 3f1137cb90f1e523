"""Cards posted in any chat through the bot's inline mode: which inline message shows which event.

Telegram tells the bot which result a user chose and the id of the message it became
(`chosen_inline_result`, with inline feedback switched on); the bot records it here, with the
account that posted it. A tap on a card's buttons acts only on the event recorded for that
inline message, and the telegram_delivery projection queues an edit of every card of an event
that changed (projections/inline_card_edits.py). `shown` is a digest of what a card shows now:
whoever edits a card (the bot at a tap, the sender for a queued edit) records it, so an edit
that would change nothing is not sent.

An operational table (`telegram_inline_cards`, migration 0023), like the queues' bookkeeping:
where a message went is not a fact about calendars, so it is not an event and not rebuilt
from the log; an erasure deletes the person's rows (delivery/erasure.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from televent.projections.base import stamp
from televent.projections.view_reader import ViewReader

TABLE = "telegram_inline_cards"


@dataclass(frozen=True)
class InlineCard:
    """One posted card."""

    inline_message_id: str
    event_id: UUID
    account_id: UUID  # who posted it (the event's organizer when it was posted)
    shown: str | None


class InlineCards:
    """Records posted cards and what each shows."""

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock

    def record(self, inline_message_id: str, event_id: UUID, account_id: UUID) -> None:
        """Remember a posted card (Telegram may report a choice twice: the first one stays)."""
        with self.views.write() as db:
            db.run(
                f"INSERT INTO {TABLE} (inline_message_id, event_id, account_id, posted_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (inline_message_id) DO NOTHING",
                (inline_message_id, str(event_id), str(account_id), stamp(self.clock())),
            )

    def card(self, inline_message_id: str) -> InlineCard | None:
        """The card an inline message is, if one was recorded."""
        with self.views.read() as db:
            row = db.one(
                f"SELECT inline_message_id, event_id, account_id, shown FROM {TABLE} "
                "WHERE inline_message_id = ?",
                (inline_message_id,),
            )
        if row is None:
            return None
        return InlineCard(
            str(row["inline_message_id"]),
            UUID(str(row["event_id"])),
            UUID(str(row["account_id"])),
            None if row["shown"] is None else str(row["shown"]),
        )

    def cards_of(self, event_id: UUID) -> list[InlineCard]:
        """Every card of an event, oldest first."""
        with self.views.read() as db:
            rows = db.all(
                f"SELECT inline_message_id, event_id, account_id, shown FROM {TABLE} "
                "WHERE event_id = ? ORDER BY posted_at, inline_message_id",
                (str(event_id),),
            )
        return [
            InlineCard(
                str(row["inline_message_id"]),
                UUID(str(row["event_id"])),
                UUID(str(row["account_id"])),
                None if row["shown"] is None else str(row["shown"]),
            )
            for row in rows
        ]

    def mark_shown(self, inline_message_id: str, digest: str) -> None:
        """The card now shows what `digest` stands for."""
        with self.views.write() as db:
            db.run(
                f"UPDATE {TABLE} SET shown = ? WHERE inline_message_id = ?",
                (digest, inline_message_id),
            )
