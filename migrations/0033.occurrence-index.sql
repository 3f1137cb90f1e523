-- depends: 0032.push-and-webhooks
-- The occurrence index (docs/adr/0030): what each occurrence of an event shows to readers,
-- written when the event changes, so listings, searches, the bot, the morning agenda, busy time
-- and reminders read rows instead of parsing and expanding iCalendar. Rebuilt from the log.

-- One row per VEVENT object: its series' fields (JSON), what listing its instances again needs
-- (`recipe`, for an endless series), the instants between which its rows are every instance
-- (NULL: no bound that side), and `on_read` = 1 for data readers expand themselves.
CREATE TABLE occurrence_events (
    event_id TEXT PRIMARY KEY,
    calendar_id TEXT NOT NULL,
    uid TEXT NOT NULL,
    etag TEXT NOT NULL,
    fields TEXT NOT NULL,
    recipe TEXT,
    from_ts BIGINT,
    until_ts BIGINT,
    on_read INTEGER NOT NULL,
    partial INTEGER NOT NULL,
    position BIGINT NOT NULL
);
-- `partial` = 1: the rows are not every instance everywhere (expanded on read, or an endless
-- series listed in a window); readers check those few against the window they ask for.
CREATE INDEX occurrence_events_partial ON occurrence_events (calendar_id, partial);

-- One row per occurrence: its instance key ('' for a single event), its RECURRENCE-ID, start
-- and end as the API writes them and as instants (a floating time or a date as if UTC), and an
-- override's own fields.
CREATE TABLE occurrences (
    event_id TEXT NOT NULL,
    instance TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    recurrence_id TEXT,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    start_ts BIGINT NOT NULL,
    end_ts BIGINT NOT NULL,
    floating INTEGER NOT NULL,
    long INTEGER NOT NULL,
    fields TEXT,
    PRIMARY KEY (event_id, instance)
);
-- A window is found by start (an instance lasts at most a week, `long` = 0) and, for the few
-- that last longer, by end.
CREATE INDEX occurrences_window ON occurrences (calendar_id, start_ts);
CREATE INDEX occurrences_long ON occurrences (calendar_id, long, end_ts);

-- How far ahead endless series are listed (moved by the leader's maintenance, an event in the
-- log, so a rebuild lists the same).
CREATE TABLE occurrence_horizon (
    name TEXT PRIMARY KEY,
    until_ts BIGINT NOT NULL
);

-- Built from the whole log at the next start (position 0: the engine catches it up).
INSERT INTO projection_positions (name, position) VALUES ('occurrences', 0);
