-- depends: 0039.member-client-properties
-- A paused webhook's messages wait for it to be resumed (docs/adr/0029): a message given up
-- is tried again then, with the retry schedule counted from the resumption (`retries_from`:
-- the attempts made before it), so its earlier attempts stay in the deliveries listing.
ALTER TABLE webhook_outbox ADD COLUMN retries_from INTEGER NOT NULL DEFAULT 0;
