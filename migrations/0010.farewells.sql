-- depends: 0009.subject-keys
-- What an invited Televent user was last shown of an event (JSON), so that a cancellation
-- notice can still name the event once it is deleted.
ALTER TABLE telegram_invitations ADD COLUMN shown TEXT;

-- Messages an erasure queued to tell attendees that the erased person's meetings are off
-- (docs/adr/0009): they are spared by the erasure's purge, and deleted once delivered or
-- given up, or after a few days whatever happened.
CREATE TABLE erasure_farewells (
    delivery_id TEXT PRIMARY KEY,
    queue TEXT NOT NULL,
    kept_since TEXT NOT NULL
);
