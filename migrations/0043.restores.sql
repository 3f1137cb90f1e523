-- depends: 0042.menu-button-url-index
-- Each restore from a backup this database went through (docs/adr/0033): its number (the
-- epoch) and the log position the backup ended at. A sync token carries the epoch it was
-- given in; one from before a restore that names a position beyond that restore's backup was
-- given in a history the restore undid (its positions are given again to other changes), and
-- is refused (valid-sync-token), so the client syncs from scratch instead of missing changes.
CREATE TABLE restores (
    epoch INTEGER PRIMARY KEY,
    log_position BIGINT NOT NULL,
    backup_created_at TEXT NOT NULL,
    restored_at TEXT NOT NULL
);
