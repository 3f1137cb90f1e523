-- depends: 0030.connections
-- Changes made in Televent to a connected account's calendar are written back to the other
-- server (docs/adr/0026), so a mirrored calendar is no longer read-only: its owner owns it.
UPDATE calendars SET subscribed = 0 WHERE connection_id IS NOT NULL;

-- The write-back queue, fed by the log in the writer's transaction (the connection_writebacks
-- projection): one row per event of a mirrored calendar changed in Televent and not yet sent,
-- `position` the log position of its last change (a row sent while a newer change arrived stays
-- for the next round). Not rebuildable: a replay would send every change again.
CREATE TABLE connection_writebacks (
    calendar_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt TEXT,
    last_error TEXT,
    PRIMARY KEY (calendar_id, event_id)
);

-- Position -1: start at the head of the log (nothing before this migration was written in a
-- mirrored calendar, which was read-only).
INSERT INTO projection_positions (name, position) VALUES ('connection_writebacks', -1);
