"""Tokens after a restore from a backup (docs/adr/0033), on both databases: a token given
before the restore names a position in the log; the restored log gives the positions beyond
its backup again to other changes, so a token given beyond the backup (in the history the
restore undid) is refused by the JSON API's /changes (410) and by CalDAV (valid-sync-token),
while one given before the backup's end still says what changed since, and new tokens carry
the restore's number."""

from __future__ import annotations

import pytest

from televent.adapters.api.changes import TokenExpiredError, changes_of
from televent.adapters.caldav.protocol import DavError, parse_sync_token
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    account_id_for,
    calendar_id_for,
    from_undone_history,
    sync_token,
)
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, vevent


def put(app: Televent, uid: str) -> None:
    calendar = calendar_id_for(account_id_for(1), DEFAULT_CALENDAR_SLUG)
    app.put_object(calendar, f"{uid}.ics", vevent(uid=uid, summary=uid), actor=ACTOR, source=CLI)


def test_a_token_of_a_history_a_restore_undid_is_refused(backend: Backend) -> None:
    url = backend.migrated_url()
    before = build_application(Settings(database_url=url))
    try:
        before.register_account(1, name="Alice", actor=ACTOR, source=CLI)
        alice = before.queries.account_by_telegram_id(1)
        assert alice is not None and before.queries.sync_epoch() == 0
        put(before, "a")
        kept = changes_of(before.queries, alice, None).token  # at the backup's end
        put(before, "b")
        undone = changes_of(before.queries, alice, None).token  # after the backup
        backed_up = int(kept.split(".")[0])
        with before.views.write() as db:  # what `televent restore` of that backup records
            db.run(
                "INSERT INTO restores (epoch, restore_id, log_position, backup_created_at, "
                "restored_at) VALUES (?, ?, ?, ?, ?)",
                (1, 4711, backed_up, "2026-11-01T00:00:00+00:00", "2026-11-02T00:00:00+00:00"),
            )
    finally:
        before.close()

    after = build_application(Settings(database_url=url))
    try:
        alice = after.queries.account_by_telegram_id(1)
        assert alice is not None and after.queries.sync_epoch() == 4711
        for n in range(3):  # the log goes past the undone token's position
            put(after, f"later-{n}")
        with pytest.raises(TokenExpiredError):
            changes_of(after.queries, alice, undone)
        since = changes_of(after.queries, alice, kept)  # from before the backup's end: valid
        assert {c.id for c in since.changes}, "what changed since"
        assert since.token.startswith("4711-")
        assert changes_of(after.queries, alice, since.token).changes == []
    finally:
        after.close()


def test_caldav_tokens_carry_the_restore_and_refuse_an_undone_history() -> None:
    assert sync_token(42) == "urn:televent:sync:42"  # as ever, before any restore
    assert sync_token(42, 4711) == "urn:televent:sync:4711.42"
    assert parse_sync_token("urn:televent:sync:42") == (0, 42)
    assert parse_sync_token(" urn:televent:sync:4711.42 ") == (4711, 42)
    for malformed in ("urn:televent:sync:.42", "urn:televent:sync:1.2.3", "urn:televent:sync:x"):
        with pytest.raises(DavError):
            parse_sync_token(malformed)
    restores = [(4711, 100), (815, 150)]  # oldest first: ids are random, their order is not
    assert not from_undone_history(0, 100, restores)  # before the first backup's end
    assert from_undone_history(0, 101, restores)  # beyond it: undone by the first restore
    assert not from_undone_history(4711, 140, restores)  # after it, before the second's end
    assert from_undone_history(4711, 151, restores)
    assert not from_undone_history(815, 10_000, restores)  # given since the latest restore
    # The same backup restored twice is two histories: a token of the other is refused.
    assert from_undone_history(999, 5, restores)
    assert from_undone_history(4711, 5, [(999, 100)])
