-- depends: 0035.google-consents
-- A restore that has loaded a backup and not yet erased again the people the erasure journal
-- names (docs/adr/0033): `televent restore` run again finishes it, and `televent serve`
-- refuses to start on the database until then, so nobody erased is served. Never in a backup.
CREATE TABLE unfinished_restores (
    backup_created_at TEXT NOT NULL,
    log_position BIGINT NOT NULL,
    started_at TEXT NOT NULL,
    PRIMARY KEY (backup_created_at, log_position)
);
