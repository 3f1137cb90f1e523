-- depends: 0013.schedule-tags
-- The scheduling inbox of each Televent user (RFC 6638 §2.2, §4.1): the iTIP messages
-- delivered to them, kept until their client deletes them. Fed by the schedule_inbox
-- projection; a client's DELETE removes an item and moves the inbox's version (its ctag).
CREATE TABLE schedule_inbox (
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    event_id TEXT NOT NULL,
    uid TEXT NOT NULL,
    method TEXT NOT NULL,
    component TEXT NOT NULL,
    ical TEXT NOT NULL,
    etag TEXT NOT NULL,
    position BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, name)
);
CREATE INDEX schedule_inbox_uid ON schedule_inbox (uid);

CREATE TABLE schedule_inboxes (
    account_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);

-- What each attendee copy was last delivered as (a REQUEST per SEQUENCE, one CANCEL).
CREATE TABLE schedule_inbox_sequences (
    event_id TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL,
    cancelled INTEGER NOT NULL
);

-- Position -1: start at the head of the log, so upgrading does not deliver every invitation
-- ever made into the inboxes.
INSERT INTO projection_positions (name, position) VALUES ('schedule_inbox', -1);
