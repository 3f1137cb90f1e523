"""Edits of the cards posted in any chat through the bot's inline mode, queued when their event
changes (called by the telegram_delivery projection, in the transaction of the change).

Which inline messages show which event is recorded by the bot (`telegram_inline_cards`,
delivery/inline_cards.py). One queue row per card and change: the sender renders the event as
it is when it sends (moved, renamed, cancelled, deleted, or answered anew), so a later change
never shows an older state, and a row whose card would not change is settled without a call.
An edit changes no one's notifications, so quiet hours do not apply; it goes to Telegram by
the card's inline_message_id, the row's chat being the organizer who posted it. Like every row
of the queue, an edit is retried with backoff until Telegram takes it or refuses it for good.
"""

from __future__ import annotations

import json

from televent.projections.sql import Sql

INLINE_CARD = "inline_card"
CARDS_TABLE = "telegram_inline_cards"
PENDING = "pending"  # the queue's status of a row to send (delivery/telegram_queue.py)


def queue_card_edits(db: Sql, outbox: str, event_id: str, position: int, at: str) -> int:
    """Queue an edit of each card of the event (keyed by card and log position, so the same
    change never queues twice); returns how many were queued."""
    queued = 0
    for row in db.all(
        f"SELECT inline_message_id, account_id FROM {CARDS_TABLE} WHERE event_id = ?",
        (event_id,),
    ):
        db.run(
            f"INSERT INTO {outbox} (delivery_id, chat_id, kind, event_id, payload, status, "
            "attempts, due_at, created_position, created_at) "
            "SELECT ?, telegram_id, ?, ?, ?, ?, 0, ?, ?, ? FROM accounts "
            "WHERE account_id = ? ON CONFLICT (delivery_id) DO NOTHING",
            (
                f"{INLINE_CARD}:{row['inline_message_id']}:{position}",
                INLINE_CARD,
                event_id,
                json.dumps({"inline_message_id": row["inline_message_id"]}),
                PENDING,
                at,
                position,
                at,
                str(row["account_id"]),
            ),
        )
        queued += max(db.rowcount, 0)
    return queued
