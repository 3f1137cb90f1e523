-- depends: 0024.invite-addresses
-- Reminders, the morning agenda and notices by mail (docs/adr/0020): the secret token of each
-- person's unsubscribe link per kind of mail (`channel`: reminders, agenda, notices). The link
-- (List-Unsubscribe, RFC 8058) turns that kind's email channel off through a command, so the
-- change itself is an event in the log; the token is random, made the first time such a mail
-- is sent, and deleted when the person is erased. An operational table like the queues'
-- bookkeeping: not a read model, not rebuilt from the log.
CREATE TABLE mail_unsubscribe_tokens (
    token TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (account_id, channel)
);
