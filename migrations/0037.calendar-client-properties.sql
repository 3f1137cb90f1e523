-- depends: 0036.unfinished-restores
-- What CalDAV clients store on a calendar that Televent does not act on (RFC 4918 §4.2 dead
-- properties: Apple Calendar's order, a client's own settings), as JSON: property name in
-- Clark notation -> the element as the client sent it. Rebuilt from the log like the rest.
ALTER TABLE calendars ADD COLUMN dead_properties TEXT;
