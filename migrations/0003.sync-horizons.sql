-- depends: 0002.calendar-integrity
-- Per calendar: the newest position whose tombstone was purged (maintenance, not a projection).
-- A sync token older than this cannot be answered completely: 403 DAV:valid-sync-token.
CREATE TABLE sync_horizons (
    calendar_id TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);
