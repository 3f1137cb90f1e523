-- Read models built from the event log (the log itself is created by the event store).
-- Portable SQL: the same statements run on SQLite and PostgreSQL.

CREATE TABLE projection_positions (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    updated_at TEXT,
    last_error TEXT
);

INSERT INTO projection_positions (name, position) VALUES ('directory', 0);
INSERT INTO projection_positions (name, position) VALUES ('calendar_view', 0);
INSERT INTO projection_positions (name, position) VALUES ('attendee_index', 0);

CREATE TABLE accounts (
    account_id TEXT PRIMARY KEY,
    telegram_id BIGINT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    timezone TEXT NOT NULL,
    reminder_minutes INTEGER NOT NULL,
    registered_at TEXT NOT NULL,
    position BIGINT NOT NULL
);

CREATE TABLE account_emails (
    account_id TEXT NOT NULL,
    email TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (account_id, email)
);
CREATE INDEX account_emails_email ON account_emails (email);

CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX devices_account ON devices (account_id);

-- Written by authentication, not by a projection: usage is not a domain event.
CREATE TABLE device_usage (
    device_id TEXT PRIMARY KEY,
    last_used_at TEXT NOT NULL
);

CREATE TABLE calendars (
    calendar_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    display_name TEXT,
    color TEXT,
    description TEXT,
    timezone TEXT,
    created_position BIGINT NOT NULL,
    sync_position BIGINT NOT NULL,
    sync_time TEXT NOT NULL,
    UNIQUE (account_id, slug)
);

CREATE TABLE calendar_objects (
    calendar_id TEXT NOT NULL,
    href TEXT NOT NULL,
    uid TEXT NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    component TEXT NOT NULL,
    etag TEXT NOT NULL,
    ical TEXT NOT NULL,
    range_start BIGINT,
    range_end BIGINT,
    position BIGINT NOT NULL,
    modified_at TEXT NOT NULL,
    PRIMARY KEY (calendar_id, href),
    UNIQUE (calendar_id, uid)
);
CREATE INDEX calendar_objects_changes ON calendar_objects (calendar_id, position);
CREATE INDEX calendar_objects_range ON calendar_objects (calendar_id, range_start);

CREATE TABLE tombstones (
    calendar_id TEXT NOT NULL,
    href TEXT NOT NULL,
    uid TEXT NOT NULL,
    position BIGINT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (calendar_id, href)
);
CREATE INDEX tombstones_changes ON tombstones (calendar_id, position);
CREATE INDEX tombstones_age ON tombstones (deleted_at);

CREATE TABLE attendees (
    address TEXT NOT NULL,
    event_id TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    uid TEXT NOT NULL,
    partstat TEXT NOT NULL,
    role TEXT,
    cn TEXT,
    position BIGINT NOT NULL,
    PRIMARY KEY (event_id, address)
);
CREATE INDEX attendees_address ON attendees (address);
