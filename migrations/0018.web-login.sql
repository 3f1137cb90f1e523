-- depends: 0017.mail-aliases
-- Browser sign-in for the Mini App outside Telegram (application/web_login.py): the one-time
-- login links the bot's /app hands out, and the sessions they open. Operational tables, like
-- device_usage: written by the login service, not by a projection, and not rebuilt from the log
-- (a login is not a fact about calendars). Only SHA-256 digests of the tokens are kept, so a
-- copy of the database opens no session; times are Unix seconds.
CREATE TABLE web_login_links (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_login_links_expiry ON web_login_links (expires_at);

CREATE TABLE web_sessions (
    session_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_account ON web_sessions (account_id);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
