-- depends: 0029.feed-subscriptions-busy-once
-- Connected CalDAV accounts (docs/adr/0026).
--
-- `calendars.connection_id`: the connection whose remote calendar this calendar mirrors; such a
-- calendar is read-only (`subscribed = 1`) until changes are written back to the other server.
-- Kept by the calendar view from the Calendar aggregate's CalendarMirrored and MirroringStopped
-- events.
ALTER TABLE calendars ADD COLUMN connection_id TEXT;

-- The `connections` read model: one row per live connection, without its password (only the
-- event log holds that, sealed with the person's key); rebuilt from the log.
CREATE TABLE connections (
    connection_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    address TEXT NOT NULL,
    server TEXT NOT NULL,
    username TEXT NOT NULL,
    connected_at TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX connections_account ON connections (account_id);

-- The `mirrored_calendars` read model: which remote calendar each mirroring calendar shows.
CREATE TABLE mirrored_calendars (
    calendar_id TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    url TEXT NOT NULL,
    synced_at TEXT,
    position BIGINT NOT NULL
);
CREATE INDEX mirrored_calendars_connection ON mirrored_calendars (connection_id);

-- Operational (docs/adr/0011), written by the sync job, not rebuilt: how each mirrored
-- calendar's syncing goes (the server's sync token, when it is next due, failures in a row and
-- the last outcome), and which remote resource holds which UID with which ETag (what a sync
-- without a token compares against, and what a removal names).
CREATE TABLE connection_sync_state (
    calendar_id TEXT PRIMARY KEY,
    sync_token TEXT,
    next_due TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_tried TEXT,
    last_success TEXT,
    last_error TEXT,
    last_outcome TEXT
);
CREATE INDEX connection_sync_state_due ON connection_sync_state (next_due);

CREATE TABLE connection_resources (
    calendar_id TEXT NOT NULL,
    href TEXT NOT NULL,
    uid TEXT,
    etag TEXT,
    PRIMARY KEY (calendar_id, href)
);

-- The Connection* and Mirror* events are new, so no event before this migration concerns them.
INSERT INTO projection_positions (name, position) VALUES ('connections', 0);
