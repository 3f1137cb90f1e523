-- depends: 0034.occurrence-index-own-times
-- A Google account being connected (docs/adr/0034): between the consent link and Google's
-- answer, the person and the PKCE verifier, by a digest of the state the link carries. Used
-- once, and worth nothing after ten minutes.
CREATE TABLE google_consents (
    state_digest TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    verifier TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX google_consents_account ON google_consents (account_id);

-- Google's push channels (events.watch), one per mirrored Google calendar at most: Google
-- POSTs to <public URL>/webhooks/google with the channel's id and token when the calendar
-- changes; the token is kept as a digest.
CREATE TABLE google_channels (
    calendar_id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL UNIQUE,
    resource_id TEXT NOT NULL,
    token_digest TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
