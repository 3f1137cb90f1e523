-- depends: 0015.counters
-- An erased person's address stands for their pseudonym in the events written until the
-- erasure: an event written afterwards that names the address (someone invites it again)
-- shows it as written, in the live views and in a rebuild alike. Rows of erasures made before
-- this migration have no time and keep standing for the pseudonym until reclaimed.
ALTER TABLE erased_addresses ADD COLUMN erased_at TEXT;
