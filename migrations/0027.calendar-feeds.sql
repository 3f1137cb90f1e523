-- depends: 0026.telegram-language
-- Calendars published as feeds (the Calendar aggregate's FeedPublished and FeedRevoked events,
-- docs/adr/0022), kept by the `calendar_feeds` read model and rebuilt from the log. One row per
-- person and calendar they published: the SHA-256 hash of the secret token of its address (the
-- token itself is nowhere), whether it shows busy times only, and when it was published. A
-- removed member's and a deleted calendar's rows go with the events that removed them; the
-- person's right to read the calendar is checked again on every request.
CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    calendar_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    busy_only INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_person ON calendar_feeds (calendar_id, account_id);

-- The Feed* events are new, so no event before this migration concerns the view.
INSERT INTO projection_positions (name, position) VALUES ('calendar_feeds', 0);
