-- depends: 0005.exact-spans
-- The bot: Telegram user names (for /invite @name), scheduled erasure requests, and the
-- Telegram delivery queue fed by the telegram_delivery projection.

ALTER TABLE accounts ADD COLUMN username TEXT;
ALTER TABLE accounts ADD COLUMN erasure_due TEXT;
CREATE INDEX accounts_username ON accounts (username);

-- Position -1: start at the head of the log when first caught up, so upgrading an existing
-- installation does not send a card for every invitation ever made (see ADR 0007).
INSERT INTO projection_positions (name, position) VALUES ('telegram_delivery', -1);

-- One row per message to send; delivery_id is the de-duplication key (kind, event, recipient,
-- revision), so the same card is never queued twice for the same revision and recipient.
CREATE TABLE telegram_outbox (
    delivery_id TEXT PRIMARY KEY,
    chat_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    event_id TEXT,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    leased_until TEXT,
    message_id BIGINT,
    last_error TEXT,
    created_position BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX telegram_outbox_due ON telegram_outbox (status, due_at);
CREATE INDEX telegram_outbox_event ON telegram_outbox (event_id, chat_id);

-- Which Televent users are invited to which event, and the SEQUENCE their last card showed.
CREATE TABLE telegram_invitations (
    event_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    address TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    PRIMARY KEY (event_id, account_id)
);
CREATE INDEX telegram_invitations_account ON telegram_invitations (account_id);
