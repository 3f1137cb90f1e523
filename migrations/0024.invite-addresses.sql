-- depends: 0023.inline-cards
-- Email for every user (docs/adr/0019).
--
-- `invite_addresses`: the directory read model's map of invitation addresses to accounts,
-- rebuilt from the Account aggregate's InviteAddressAssigned events. Each account has one
-- current address (`replaced_at` NULL); the ones it replaced stay, so mail still sent to them
-- is recognised and ignored with a clear outcome. Addresses are stored lower-case.
CREATE TABLE invite_addresses (
    address TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    replaced_at TEXT
);
CREATE INDEX invite_addresses_account ON invite_addresses (account_id);

-- `email_codes`: the codes mailed to an address a person wants to link (application/
-- email_links.py). Operational, like the login links: a code is a short-lived secret, not a
-- fact about calendars (the link itself is the EmailLinked event), so only a salted SHA-256
-- of it is kept, and the rows are not rebuilt from the log. One row per code mailed; rows of
-- the last day count towards the rate limits, older ones are deleted when a code is asked
-- for. Times are Unix seconds.
CREATE TABLE email_codes (
    code_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    address TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX email_codes_account ON email_codes (account_id, requested_at);
CREATE INDEX email_codes_address ON email_codes (address, requested_at);
-- At most one code of an account is waiting: a new one replaces it in the same transaction.
CREATE UNIQUE INDEX email_codes_waiting ON email_codes (account_id) WHERE status = 'pending';
