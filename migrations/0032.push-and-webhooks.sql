-- depends: 0031.connection-writebacks
-- Changes reach people as they happen: WebDAV-Push (docs/adr/0027), the live stream of the
-- JSON API (docs/adr/0028) and webhooks (docs/adr/0029).

-- Operational (docs/adr/0011): the server's own keys, made on first use and kept with the
-- database's backups. `purpose` 'vapid': the P-256 key push messages are signed with
-- (RFC 8292), PEM; a retired key still signs for the registrations made under it.
CREATE TABLE server_keys (
    key_id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    material TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
);

-- Operational: WebDAV-Push registrations, made and renewed by clients (DAVx5 every few days),
-- removed by them, by the push service (404/410) or when they expire. `collection` is
-- 'calendar:<calendar id>', 'home:<account id>' or 'inbox:<account id>'.
CREATE TABLE push_registrations (
    registration_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    collection TEXT NOT NULL,
    push_resource TEXT NOT NULL,
    p256dh TEXT NOT NULL,
    auth_secret TEXT NOT NULL,
    content_update INTEGER NOT NULL,
    property_update INTEGER NOT NULL,
    vapid_key_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    UNIQUE (account_id, collection, push_resource)
);
CREATE INDEX push_registrations_collection ON push_registrations (collection);
CREATE INDEX push_registrations_account ON push_registrations (account_id);

-- The push queue, fed by the log in the writer's transaction (the push_delivery projection):
-- one row per registration, `wanted` the newest log position of a change it must hear of and
-- `sent` the one its last message carried; a burst of changes is one message. Not rebuildable.
CREATE TABLE push_outbox (
    registration_id TEXT PRIMARY KEY,
    wanted BIGINT NOT NULL,
    sent BIGINT NOT NULL,
    properties INTEGER NOT NULL DEFAULT 0,
    rotation TEXT,
    urgent INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    leased_until TEXT,
    last_error TEXT,
    last_sent_at TEXT,
    given_up INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX push_outbox_due ON push_outbox (due_at);

-- The `webhooks` read model: one row per live webhook, without its secret (only the sealed
-- log holds that); rebuilt from the log.
CREATE TABLE webhooks (
    webhook_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    url TEXT NOT NULL,
    triggers TEXT NOT NULL,
    active INTEGER NOT NULL,
    paused_reason TEXT,
    created_at TEXT NOT NULL,
    since BIGINT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX webhooks_account ON webhooks (account_id);

-- The webhook queue, fed by the log (the webhook_delivery projection): one row per message,
-- `message_id` its stable webhook-id, `subject` what the payload is made from (frozen when the
-- change happened; `subject_id` the event's or booking's id), `body` the payload as first
-- sent. Not rebuildable.
CREATE TABLE webhook_outbox (
    message_id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    trigger TEXT NOT NULL,
    position BIGINT NOT NULL,
    occurred_at TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    leased_until TEXT,
    last_error TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (status, due_at);
CREATE INDEX webhook_outbox_webhook ON webhook_outbox (webhook_id, position);
CREATE INDEX webhook_outbox_subject ON webhook_outbox (subject_id);
CREATE INDEX webhook_outbox_account ON webhook_outbox (account_id);

-- Operational: every attempt, for GET /api/v1/webhooks/{id}/deliveries (the newest kept).
CREATE TABLE webhook_attempts (
    webhook_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    trigger TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status_code INTEGER,
    duration_ms INTEGER NOT NULL,
    at TEXT NOT NULL,
    response_excerpt TEXT,
    error TEXT,
    PRIMARY KEY (message_id, attempt)
);
CREATE INDEX webhook_attempts_webhook ON webhook_attempts (webhook_id, at);

-- A deleted event's message names its UID (the audit index keeps it after the view let it go).
CREATE INDEX audit_uids_originator ON audit_uids (originator_id);

-- The live stream asks which calendars changed after a position (docs/adr/0028).
CREATE INDEX calendars_sync_position ON calendars (sync_position);

-- The Webhook* events are new; the queues start at the head of the log.
INSERT INTO projection_positions (name, position) VALUES ('webhooks', 0);
INSERT INTO projection_positions (name, position) VALUES ('push_delivery', -1);
INSERT INTO projection_positions (name, position) VALUES ('webhook_delivery', -1);
