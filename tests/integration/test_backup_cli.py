"""`televent backup` and `televent restore` through the real program (docs/adr/0033): a person
erased after the backup stays erased after a restore (the erasure journal), a later account of
someone erased before it is left alone, and a backup of a newer schema, a database already in
use or a file that is no backup are refused with one line, nothing written."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

from televent.bootstrap import build_application
from televent.config import Settings
from televent.ops.backup import load_backup, refuse_unfinished_restore
from tests.caldav_peers import event
from tests.conftest import Backend
from tests.e2e.conftest import ACTOR, SOURCE
from tests.e2e.test_backup_restore import televent

SECRET = "Dinner with the Liddells"


def _people(url: str) -> None:
    """Alice (1), Bob (2) with an event of his own, and Carol (3), erased and back again."""
    app = build_application(Settings(database_url=url))
    try:
        for telegram_id, name in ((1, "Alice"), (2, "Bob"), (3, "Carol")):
            app.register_account(
                telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=SOURCE
            )
        bob = app.queries.account_by_telegram_id(2)
        assert bob is not None
        calendar = app.queries.calendars_of(bob.account_id)[0].calendar_id
        app.put_object(calendar, "dinner.ics", event("dinner", SECRET), actor=ACTOR, source=SOURCE)
    finally:
        app.close()


def test_a_person_erased_after_the_backup_stays_erased(backend: Backend, tmp_path: Path) -> None:
    source = backend.fresh_url()
    _people(source)
    erased = televent(source, tmp_path, "gdpr", "erase", "3", "--yes", "--reason", "asked")
    assert erased.returncode == 0, erased.stderr
    again = build_application(Settings(database_url=source))
    try:
        again.register_account(3, name="Carol", timezone="UTC", actor=ACTOR, source=SOURCE)
        carol = again.queries.account_by_telegram_id(3)
        bob = again.queries.account_by_telegram_id(2)
        assert carol is not None and bob is not None
    finally:
        again.close()
    backup = tmp_path / "before-erasure.backup"
    assert televent(source, tmp_path, "backup", "--out", str(backup)).returncode == 0
    erased = televent(source, tmp_path, "gdpr", "erase", "2", "--yes", "--reason", "Art. 17")
    assert erased.returncode == 0, erased.stderr
    journal = (tmp_path / "erasures.jsonl").read_text()
    assert str(bob.account_id) in journal and "Bob" not in journal, "ids only, on disk"

    target = f"sqlite:///{tmp_path}/restored.db"
    restored = televent(target, tmp_path, "restore", str(backup), "--json")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    said = json.loads(restored.stdout)
    assert said["erased_again"] == [2] and said["verified"] is True

    app = build_application(Settings(database_url=target))
    try:
        assert app.queries.account_by_telegram_id(2) is None, "Bob stays erased"
        assert app.keys.erased_at(bob.account_id) is not None
        with app.views.read() as db:
            bodies = [str(r["ical"]) for r in db.all("SELECT ical FROM calendar_objects")]
        assert not any(SECRET in body for body in bodies)
        back = app.queries.account_by_telegram_id(3)
        assert back is not None and back.account_id == carol.account_id, "Carol's new account"
        assert app.queries.account_by_telegram_id(1) is not None
    finally:
        app.close()


def test_a_newer_backup_a_database_in_use_and_a_stranger_file_are_refused(
    backend: Backend, tmp_path: Path
) -> None:
    source = backend.fresh_url()
    _people(source)
    backup = tmp_path / "televent.backup"
    assert televent(source, tmp_path, "backup", "--out", str(backup)).returncode == 0

    newer = tmp_path / "newer.backup"
    with zipfile.ZipFile(backup) as old, zipfile.ZipFile(newer, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"].append("9999.from-the-future")
                data = json.dumps(manifest).encode()
            new.writestr(item, data)
    target = tmp_path / "target.db"
    refused = televent(f"sqlite:///{target}", tmp_path, "restore", str(newer))
    assert refused.returncode != 0
    assert "newer Televent" in refused.stderr and "Traceback" not in refused.stderr
    assert not target.exists(), "nothing written"

    in_use = televent(source, tmp_path, "restore", str(backup))
    assert in_use.returncode != 0
    assert "empty database" in in_use.stderr and "Traceback" not in in_use.stderr
    app = build_application(Settings(database_url=source))
    try:
        assert app.queries.account_by_telegram_id(2) is not None, "the database is untouched"
    finally:
        app.close()

    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a backup")
    refused = televent(f"sqlite:///{target}", tmp_path, "restore", str(stranger))
    assert refused.returncode != 0 and "not a Televent backup" in refused.stderr

    damaged = tmp_path / "damaged.backup"
    with zipfile.ZipFile(backup) as old, zipfile.ZipFile(damaged, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "events.jsonl":
                data = data[: len(data) // 2] + b"\n{not json\n"
            new.writestr(item, data)
    refused = televent(f"sqlite:///{target}", tmp_path, "restore", str(damaged))
    assert refused.returncode != 0, refused.stdout
    assert "damaged" in refused.stderr and "Traceback" not in refused.stderr
    app = build_application(Settings(database_url=f"sqlite:///{target}"))
    try:
        assert app.queries.account_by_telegram_id(1) is None, "nothing half-restored"
    finally:
        app.close()


def test_a_restore_without_the_erasure_journal_is_refused_unless_said(
    backend: Backend, tmp_path: Path
) -> None:
    """On a new host the journal may not have been copied: people erased after the backup
    would come back, so the restore stops and says what to do."""
    source = backend.fresh_url()
    _people(source)
    backup = tmp_path / "televent.backup"
    assert televent(source, tmp_path, "backup", "--out", str(backup)).returncode == 0
    assert (tmp_path / "erasures.jsonl").exists(), "a backup makes the journal it needs"
    new_host = tmp_path / "new-host"
    new_host.mkdir()
    target = f"sqlite:///{new_host}/restored.db"
    refused = televent(target, new_host, "restore", str(backup))
    assert refused.returncode != 0 and "No erasure journal" in refused.stderr
    assert not (new_host / "restored.db").exists(), "nothing written"
    done = televent(target, new_host, "restore", str(backup), "--without-erasure-journal")
    assert done.returncode == 0, done.stderr


def test_an_interrupted_restore_is_finished_by_running_it_again_and_not_served_before(
    backend: Backend, tmp_path: Path
) -> None:
    """A restore killed after loading the backup, before erasing again the people erased
    since: run again, it said the database was not empty, and the erased person stayed
    readable (and was served by `televent serve`)."""
    source = backend.fresh_url()
    _people(source)
    backup = tmp_path / "televent.backup"
    assert televent(source, tmp_path, "backup", "--out", str(backup)).returncode == 0
    erased = televent(source, tmp_path, "gdpr", "erase", "2", "--yes", "--reason", "Art. 17")
    assert erased.returncode == 0, erased.stderr

    target = f"sqlite:///{tmp_path}/restored.db"
    app = build_application(Settings(database_url=target))
    try:  # the restore's first step alone: then it was killed
        load_backup(app, Settings(database_url=target).database, backup)
        assert app.queries.account_by_telegram_id(2) is None  # nothing rebuilt yet
    finally:
        app.close()
    served = televent(target, tmp_path, "serve", "--port", "0")
    assert served.returncode != 0
    assert "did not finish" in served.stderr and "Traceback" not in served.stderr

    finished = televent(target, tmp_path, "restore", str(backup), "--json")
    assert finished.returncode == 0, finished.stdout + finished.stderr
    said = json.loads(finished.stdout)
    assert said["resumed"] is True and said["erased_again"] == [2] and said["verified"]
    app = build_application(Settings(database_url=target))
    try:
        assert app.queries.account_by_telegram_id(2) is None, "Bob stays erased"
        assert app.queries.account_by_telegram_id(1) is not None
        refuse_unfinished_restore(app)  # served now
    finally:
        app.close()
    again = televent(target, tmp_path, "restore", str(backup))
    assert again.returncode != 0 and "empty database" in again.stderr  # finished is finished


def test_a_killed_backups_copy_of_the_database_does_not_stay_beside_the_backups(
    tmp_path: Path,
) -> None:
    """A SQLite backup copies the database beside the backup file first; a backup killed
    meanwhile left that copy (every key, erased people's too) to be rotated and sent off
    with the backups. The next backup removes one a day old, and leaves a fresh one."""
    source = f"sqlite:///{tmp_path}/live.db"
    _people(source)
    folder = tmp_path / "backups"
    stale, fresh = folder / ".televent-backup-old", folder / ".televent-backup-new"
    for made in (stale, fresh):
        made.mkdir(parents=True)
        (made / "snapshot.db").write_bytes(b"keys")
    day_ago = time.time() - 2 * 86_400
    os.utime(stale, (day_ago, day_ago))
    done = televent(source, tmp_path, "backup", "--out", str(folder / "televent.backup"))
    assert done.returncode == 0, done.stderr
    assert not stale.exists() and fresh.exists()
    assert (folder / "televent.backup").exists()


def test_a_backup_and_a_restore_with_another_journal_than_the_servers_are_refused(
    backend: Backend, tmp_path: Path
) -> None:
    """`backup` run with another TELEVENT_ERASURE_JOURNAL than the server's made an empty
    journal there, and `restore` then trusted it: people erased after the backup came back."""
    source = backend.fresh_url()
    _people(source)
    erased = televent(source, tmp_path, "gdpr", "erase", "3", "--yes", "--reason", "asked")
    assert erased.returncode == 0, erased.stderr
    elsewhere = tmp_path / "cron"
    elsewhere.mkdir()
    backup = tmp_path / "televent.backup"
    refused = televent(source, elsewhere, "backup", "--out", str(backup))
    assert refused.returncode != 0 and "1 person was erased" in refused.stderr
    assert not backup.exists() and not (elsewhere / "erasures.jsonl").exists(), "nothing made"

    assert televent(source, tmp_path, "backup", "--out", str(backup)).returncode == 0
    (elsewhere / "erasures.jsonl").write_text("")  # a journal begun again elsewhere
    taken = televent(source, elsewhere, "backup", "--out", str(tmp_path / "b2"), "--json")
    assert taken.returncode == 0 and json.loads(taken.stdout)["erasures_not_in_journal"] == 1

    target = f"sqlite:///{elsewhere}/restored.db"
    refused = televent(target, elsewhere, "restore", str(backup))
    assert refused.returncode != 0 and "does not name 1 of the people" in refused.stderr
    assert not (elsewhere / "restored.db").exists(), "nothing written"
    restored = televent(target, tmp_path, "restore", str(backup), "--json")
    assert restored.returncode == 0, restored.stderr
    done = televent(f"sqlite:///{elsewhere}/other.db", elsewhere, "restore", str(backup),
                    "--without-erasure-journal")  # fmt: skip
    assert done.returncode == 0, done.stderr
