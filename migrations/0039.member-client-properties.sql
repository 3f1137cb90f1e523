-- depends: 0038.secret-keys
-- What a member's CalDAV clients keep on a calendar shared with them (RFC 4918 §4.2 dead
-- properties: Apple Calendar's order of the calendars in their list), theirs alone, as JSON
-- like the owner's in `calendars.dead_properties`. Rebuilt from the log like the rest.
ALTER TABLE calendar_members ADD COLUMN dead_properties TEXT;
