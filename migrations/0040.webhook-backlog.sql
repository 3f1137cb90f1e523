-- depends: 0039.member-client-properties
-- A paused webhook's messages wait for it to be resumed (docs/adr/0029): a message given up
-- is tried again then, with the retry schedule counted from the resumption (`retries_from`:
-- the attempts made before it), so its earlier attempts stay in the deliveries listing; a
-- message waits at most 30 days from when it was queued (`queued_at`; a replay queues old
-- changes now).
ALTER TABLE webhook_outbox ADD COLUMN retries_from INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_outbox ADD COLUMN queued_at TEXT;
-- Messages given up before a resumption tried them again, of webhooks resumed since: they
-- were abandoned then, and stay so (kept 30 days like the rest, never sent).
UPDATE webhook_outbox SET status = 'expired' WHERE status = 'failed'
    AND webhook_id IN (SELECT webhook_id FROM webhooks WHERE active = 1);
-- A claim reads the head of each webhook's waiting messages in order, past its delivered
-- ones, and finds its given-up one at once.
CREATE INDEX webhook_outbox_waiting ON webhook_outbox (webhook_id, status, position, message_id);
