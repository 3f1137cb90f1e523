-- depends: 0042.menu-button-url-index
-- Each restore from a backup this database went through (docs/adr/0033), in order (`epoch`):
-- a random number naming it (`restore_id`, what sync tokens given after it carry) and the log
-- position the backup ended at. A token from before a restore that names a position beyond
-- that restore's backup was given in a history the restore undid (its positions are given
-- again to other changes), and so is one naming a restore this database never went through:
-- both are refused (valid-sync-token), and the client syncs from scratch instead of missing
-- changes.
CREATE TABLE restores (
    epoch INTEGER PRIMARY KEY,
    restore_id BIGINT NOT NULL UNIQUE,
    log_position BIGINT NOT NULL,
    backup_created_at TEXT NOT NULL,
    restored_at TEXT NOT NULL
);
