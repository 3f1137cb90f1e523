-- depends: 0019.preferences
-- Availability, booking links and bookings (the Schedule aggregate, domain/schedule.py), kept
-- by the `bookings` read model and rebuilt from the log. `booking_links.slug` is the public
-- address /book/<slug>: its primary key keeps a slug unique across the server (a second
-- person's link with the same slug is refused in the writing transaction). `bookings.token` is
-- the visitor's manage link (/book/<slug>/manage/<token>), a capability like a reply token.
CREATE TABLE availability (
    account_id TEXT PRIMARY KEY,
    timezone TEXT NOT NULL,
    data TEXT NOT NULL,
    position BIGINT NOT NULL
);

CREATE TABLE booking_links (
    slug TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    data TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX booking_links_account ON booking_links (account_id);

CREATE TABLE bookings (
    booking_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    event_id TEXT NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    status TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    tz TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX bookings_account ON bookings (account_id, start_at);
CREATE INDEX bookings_event ON bookings (event_id);

-- Nothing to read before: the Schedule aggregate is new, so the view starts at the beginning.
INSERT INTO projection_positions (name, position) VALUES ('bookings', 0);
