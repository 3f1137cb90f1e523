-- depends: 0006.telegram-delivery
-- Email (iMIP): the outgoing mail queue fed by the email_delivery projection, the external
-- attendees each event has written to (with the token of their reply address), the inbound
-- messages already processed (by Message-ID), and COUNTER proposals awaiting the organizer.

-- Position -1: start at the head of the log when first caught up (as telegram_delivery), so
-- upgrading does not email every invitation ever made.
INSERT INTO projection_positions (name, position) VALUES ('email_delivery', -1);

-- One row per message to send; delivery_id is the de-duplication key (kind, event, recipient,
-- revision). The payload holds the event as it was at that revision.
CREATE TABLE mail_outbox (
    delivery_id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    method TEXT NOT NULL,
    event_id TEXT,
    account_id TEXT,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    leased_until TEXT,
    message_id TEXT,
    last_error TEXT,
    created_position BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, due_at);
CREATE INDEX mail_outbox_message ON mail_outbox (message_id);

-- External attendees (email addresses) of events organised here: the SEQUENCE their last
-- REQUEST carried, the instances already cancelled for them, and the secret token of the
-- reply address that identifies (event, attendee) when their answer comes back.
CREATE TABLE mail_invitations (
    event_id TEXT NOT NULL,
    address TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL,
    cancelled TEXT NOT NULL,
    PRIMARY KEY (event_id, address)
);

-- The last body of each event that has external attendees (a CANCEL after deletion needs it).
CREATE TABLE mail_events (
    event_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    ical TEXT NOT NULL
);

-- Every inbound message processed, so the same message (an IMAP re-poll, an MTA retry) is
-- applied once, and what became of it (for operators: spoofed or uninvited replies).
CREATE TABLE mail_inbound (
    message_id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    sender TEXT,
    outcome TEXT NOT NULL
);

-- COUNTER proposals (RFC 5546 §3.2.7) shown to the organizer with accept/decline buttons.
CREATE TABLE mail_counters (
    counter_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    address TEXT NOT NULL,
    proposal TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
