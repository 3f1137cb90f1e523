-- depends: 0028.feed-subscriptions
-- Whether a subscribed feed counts as busy time is kept once, in `calendars.busy` (the calendar
-- view keeps it for every calendar); the feed subscriptions read model reads it from there.
ALTER TABLE feed_subscriptions DROP COLUMN busy;
