-- depends: 0004.calendar-components
-- Whether an object's indexed UTC span is exact (one non-recurring VEVENT with a zoned start
-- and a positive length), so a plain time-range query can be answered without parsing it.
-- The calendar view is emptied and rebuilt from the log at the next start (catch-up).
ALTER TABLE calendar_objects ADD COLUMN span_exact INTEGER NOT NULL DEFAULT 0;
DELETE FROM calendar_objects;
DELETE FROM tombstones;
DELETE FROM calendars;
UPDATE projection_positions SET position = 0 WHERE name = 'calendar_view';
