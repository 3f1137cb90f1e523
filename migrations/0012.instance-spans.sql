-- depends: 0011.reclaimed-addresses
-- The exact UTC span of every instance of a finite recurring event ("start-end,..."), so a
-- plain time-range query decides it without parsing it; NULL when not indexed.
-- The calendar view is emptied and rebuilt from the log at the next start (catch-up).
ALTER TABLE calendar_objects ADD COLUMN instances TEXT;
DELETE FROM calendar_objects;
DELETE FROM tombstones;
DELETE FROM calendars;
UPDATE projection_positions SET position = 0 WHERE name = 'calendar_view';
