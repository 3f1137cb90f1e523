-- depends: 0033.occurrence-index
-- The occurrence index now keeps each component's own start, end and RECURRENCE-ID, and whether
-- it silences its alarms (docs/adr/0030), so one event's JSON and the reminder scan are read
-- without parsing. The index is built again from the log at the next start (position 0: the
-- engine catches it up, as when it was made).
DELETE FROM occurrences;
DELETE FROM occurrence_events;
DELETE FROM occurrence_horizon;
UPDATE projection_positions SET position = 0 WHERE name = 'occurrences';

-- The reminder scan asks every calendar what starts in the next week: by start alone.
CREATE INDEX occurrences_start ON occurrences (start_ts);
