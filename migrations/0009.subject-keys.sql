-- depends: 0007.mail
-- Crypto-shredding (GDPR Art. 17, see docs/adr/0009): one encryption key per person, kept
-- here, outside the event log. Erasing a person deletes their key (the row stays, with
-- erased_at, so the erasure is known and final); their events then decode as redacted.

CREATE TABLE subject_keys (
    subject_id TEXT PRIMARY KEY,
    key_hex TEXT,
    pseudonym TEXT NOT NULL,
    created_at TEXT NOT NULL,
    erased_at TEXT
);

-- Keyed digests (HMAC-SHA256 with the secret below) of an erased person's addresses, so their
-- address in other people's events is shown as their pseudonym, never in clear.
CREATE TABLE erased_addresses (
    digest TEXT PRIMARY KEY,
    pseudonym TEXT NOT NULL
);

-- The secret of those digests (created on first use).
CREATE TABLE shredding_secret (
    id INTEGER PRIMARY KEY,
    secret_hex TEXT NOT NULL
);
