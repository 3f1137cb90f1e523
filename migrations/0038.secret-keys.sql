-- depends: 0037.calendar-client-properties
-- One key per secret a person handed Televent to act for them elsewhere (a connected server's
-- password, a Google refresh token; docs/adr/0026). The secret is sealed with its own key inside
-- the person's sealed event, so forgetting it (the connection removed) deletes this row and the
-- log keeps only ciphertext nobody can open, while the person's other events stay readable.
CREATE TABLE secret_keys (
    secret_id TEXT PRIMARY KEY,
    key_hex TEXT NOT NULL,
    created_at TEXT NOT NULL
);
