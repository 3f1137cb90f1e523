-- depends: 0007.mail
-- The audit index (projection audit_index): which aggregates belong to, were changed by, or
-- concern each account and calendar address, and where each iCalendar UID is stored, so that
-- `televent audit` reads a person's history by originator id instead of scanning the log.

-- Position 0: the next start (or the next write) builds it from the whole log.
INSERT INTO projection_positions (name, position) VALUES ('audit_index', 0);

-- relation: owner (the account, its calendars, the events in them) or actor (changed by it).
CREATE TABLE audit_account_aggregates (
    account_id TEXT NOT NULL,
    originator_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (account_id, originator_id, relation)
);

-- relation: attendee, organizer or actor; addresses are normalized (lower case, no mailto:).
CREATE TABLE audit_address_aggregates (
    address TEXT NOT NULL,
    originator_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (address, originator_id, relation)
);

-- Every calendar event aggregate stored under a UID (organizer's and attendees' copies).
CREATE TABLE audit_uids (
    uid TEXT NOT NULL,
    originator_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (uid, originator_id)
);
