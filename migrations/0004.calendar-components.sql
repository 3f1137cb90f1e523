-- depends: 0003.sync-horizons
-- The component types a calendar takes (RFC 4791 §5.2.3), comma-separated; NULL means all.
ALTER TABLE calendars ADD COLUMN components TEXT;
