-- depends: 0012.instance-spans
-- CalDAV Scheduling (RFC 6638 §3.2.10): the Schedule-Tag of each calendar object, which changes
-- with the owner's and the organizer's changes but not when a reply only updates an answer.
-- Attendee copies are found by UID across calendars.
-- The calendar view is emptied and rebuilt from the log at the next start (catch-up).
ALTER TABLE calendar_objects ADD COLUMN schedule_tag TEXT;
CREATE INDEX calendar_objects_uid ON calendar_objects (uid);
DELETE FROM calendar_objects;
DELETE FROM tombstones;
DELETE FROM calendars;
UPDATE projection_positions SET position = 0 WHERE name = 'calendar_view';
