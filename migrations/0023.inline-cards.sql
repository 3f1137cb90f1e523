-- depends: 0022.group-chats
-- Cards posted in any chat through the bot's inline mode (adapters/telegram/inline_service.py):
-- which inline message shows which event, and who posted it (the event's organizer, recorded
-- from Telegram's chosen_inline_result). An operational table, like the delivery queue's
-- bookkeeping: written by the bot, not by a projection, and not rebuilt from the log (where a
-- Telegram message went is not a fact about calendars). A tap on a card acts only on an event
-- recorded here for that inline message; the telegram_delivery projection reads it to queue
-- the edit of every card of an event that changed. `shown` is a digest of what the card shows
-- now, so an edit that would change nothing is not sent.
CREATE TABLE telegram_inline_cards (
    inline_message_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    shown TEXT
);
CREATE INDEX telegram_inline_cards_event ON telegram_inline_cards (event_id);
CREATE INDEX telegram_inline_cards_account ON telegram_inline_cards (account_id);
