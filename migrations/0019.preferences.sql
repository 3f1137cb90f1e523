-- depends: 0018.web-login
-- Notification preferences (Account `PreferencesChanged` events, domain/preferences.py), kept
-- by the directory read model: `preferences` holds them as JSON (NULL: the defaults), and
-- `agenda_time` repeats the local HH:MM of the morning agenda so the agenda job finds the
-- people who asked for one without reading every row. Both are rebuilt from the log.
ALTER TABLE accounts ADD COLUMN preferences TEXT;
ALTER TABLE accounts ADD COLUMN agenda_time TEXT;
CREATE INDEX accounts_agenda_time ON accounts (agenda_time);
