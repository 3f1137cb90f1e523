-- depends: 0027.calendar-feeds
-- Calendars subscribed to a feed (docs/adr/0025).
--
-- `calendars.subscribed`: the calendar shows a feed, so its owner is its subscriber and nobody
-- changes its events but the feed's refresh (domain/sharing.py); `calendars.busy`: whether its
-- owner counts it as busy time (NULL: as the role says, domain/sharing.default_busy). Both are
-- kept by the calendar view from the Calendar aggregate's FeedSubscribed and
-- SubscriptionChanged events, like the rest of the row.
ALTER TABLE calendars ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calendars ADD COLUMN busy INTEGER;

-- The `feed_subscriptions` read model: one row per subscribed calendar, with the feed's address
-- and the subscriber's options; rebuilt from the log.
CREATE TABLE feed_subscriptions (
    calendar_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    url TEXT NOT NULL,
    paused INTEGER NOT NULL,
    reminders INTEGER NOT NULL,
    busy INTEGER NOT NULL,
    subscribed_at TEXT NOT NULL,
    refreshed_at TEXT,
    position BIGINT NOT NULL
);
CREATE INDEX feed_subscriptions_account ON feed_subscriptions (account_id);

-- An operational table (docs/adr/0011): how each feed's fetching goes, written by the refresh
-- job, not rebuilt from the log. The validators sent back for a conditional GET, when it is next
-- due and how often the feed asks to be fetched, the failures in a row (the back-off) and the
-- last outcome the subscriber is shown.
CREATE TABLE feed_fetch_state (
    calendar_id TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    next_due TEXT NOT NULL,
    interval_seconds INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    last_tried TEXT,
    last_success TEXT,
    last_error TEXT,
    last_outcome TEXT
);
CREATE INDEX feed_fetch_state_due ON feed_fetch_state (next_due);

-- The Feed* and Subscription* events are new, so no event before this migration concerns them.
INSERT INTO projection_positions (name, position) VALUES ('feed_subscriptions', 0);
