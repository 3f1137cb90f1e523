-- depends: 0016.erased-addresses-since
-- The address a Televent user without a linked email goes by in the iMIP messages sent to
-- people outside Televent (`<local>+u<token>@<TELEVENT_MAIL_FROM's domain>`): their internal
-- address (`tg_<id>@...`) would tell outsiders their Telegram id and could not be answered.
-- The token is random, written by the email_delivery projection the first time the user is
-- named in a message, and maps back to the account; erasure deletes the row.
CREATE TABLE mail_aliases (
    account_id TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE
);
