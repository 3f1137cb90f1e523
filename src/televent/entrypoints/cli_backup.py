"""`televent backup --out FILE` and `televent restore FILE` (ops/backup.py, docs/adr/0033)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from televent import __version__
from televent.config import Settings
from televent.entrypoints.cli_support import emit, json_flag, open_app, with_progress

EXIT_MISMATCH = 1


def add_backup_commands(commands: Any) -> None:
    """Add `backup` and `restore` to the CLI's subcommands."""
    backup = commands.add_parser(
        "backup", help="write a backup of the database (while the server runs)"
    )
    backup.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the backup file to write"
    )
    json_flag(backup)
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser(
        "restore", help="load a backup into an empty database, then rebuild and verify"
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a file `televent backup` wrote")
    restore.add_argument(
        "--without-erasure-journal",
        action="store_true",
        help="restore although the erasure journal (TELEVENT_ERASURE_JOURNAL) is missing or "
        "does not name the people erased before the backup: only when nobody was ever erased, "
        "or the journal is truly lost",
    )
    json_flag(restore)
    restore.set_defaults(handler=_restore)


def _backup(settings: Settings, args: argparse.Namespace) -> int:
    from televent.ops.backup import BackupError, take_backup
    from televent.ops.erasure_journal import ErasureJournal

    journal = ErasureJournal(settings.erasure_journal)
    app = open_app(settings)
    try:
        erased = app.keys.erased_subjects()
        if erased and not journal.path.exists():
            # `serve` writes its journal elsewhere: an empty one made here would be trusted
            raise BackupError(
                f"No erasure journal at {journal.path}, but {len(erased)} "
                f"{'person was' if len(erased) == 1 else 'people were'} erased in this "
                "database: the server writes its journal elsewhere. Set "
                "TELEVENT_ERASURE_JOURNAL as `televent serve` has it (if the journal was lost, "
                "make an empty file there)."
            )
        journal.ensure()  # the journal a restore will ask for
        unnamed = len(journal.unnamed(erased))
        manifest = take_backup(
            app, settings.database, args.out, version=__version__, now=app.clock()
        )
    finally:
        app.close()
    data = {"file": str(args.out), **asdict(manifest), "erasures_not_in_journal": unnamed}
    warning = (
        f" Warning: the erasure journal does not name {unnamed} of the people erased in this "
        "database; is it the one `televent serve` writes (TELEVENT_ERASURE_JOURNAL)?"
        if unnamed
        else ""
    )
    emit(args, data, lambda: (
        f"Backup of {settings.database.describe()} written to {args.out}: {manifest.events} "
        f"events (log position {manifest.log_position}), {len(manifest.tables)} tables, "
        f"{len(manifest.migrations)} migrations. It holds every person's key: keep it as safe "
        f"as the database, and keep the erasure journal ({settings.erasure_journal}) with it."
        f"{warning}"
    ))  # fmt: skip
    return 0


def _restore(settings: Settings, args: argparse.Namespace) -> int:
    from yoyo import read_migrations

    from televent.bootstrap import build_application
    from televent.infrastructure.schema import migrations_directory
    from televent.ops.backup import (
        AlreadyLoadedError,
        BackupError,
        check_restorable,
        erased_in_backup,
        finish_restore,
        load_backup,
        read_manifest,
    )
    from televent.ops.erasure_journal import ErasureJournal
    from televent.ops.gdpr import PersonalData
    from televent.projections.rebuild import Rebuilder

    manifest = read_manifest(args.file)  # before anything is written: a newer one is refused
    check_restorable(manifest, [m.id for m in read_migrations(str(migrations_directory()))])
    journal = ErasureJournal(settings.erasure_journal)
    if not journal.path.exists() and not args.without_erasure_journal:
        raise BackupError(
            f"No erasure journal at {journal.path}: without it, people erased after the backup "
            "would come back. Copy the newest journal from where the backups are kept (or set "
            "TELEVENT_ERASURE_JOURNAL to it); if nobody was ever erased, pass "
            "--without-erasure-journal."
        )
    if journal.path.exists() and not args.without_erasure_journal:
        unnamed = journal.unnamed(erased_in_backup(args.file))
        if unnamed:
            raise BackupError(
                f"The erasure journal at {journal.path} does not name {len(unnamed)} of the "
                "people erased before this backup was taken: it is not the journal the server "
                "wrote, and people erased after the backup would come back. Point "
                "TELEVENT_ERASURE_JOURNAL at the server's journal; if it is truly lost, pass "
                "--without-erasure-journal."
            )
    app = build_application(settings)  # migrates the empty database
    resumed = False
    try:
        load_backup(app, settings.database, args.file)
    except AlreadyLoadedError:  # an interrupted restore, run again: its erasures are still to do
        resumed = True
    finally:
        app.close()
    app = build_application(settings)  # builds every read model from the restored log
    try:
        erased = _erase_again(app, PersonalData(app), journal)
        report = with_progress(
            not args.json, lambda progress: Rebuilder(app.engine, app.views).run(
                verify=True, progress=progress
            ),
        )  # fmt: skip
        finish_restore(app)
    finally:
        app.close()
    data = {
        "file": str(args.file),
        "events": manifest.events,
        "log_position": manifest.log_position,
        "backup_created_at": manifest.created_at,
        "erased_again": erased,
        "resumed": resumed,
        "journal_lines_unreadable": journal.unreadable,
        "verified": report.matches,
        "differences": [asdict(d) for d in report.differences],
    }
    emit(
        args,
        data,
        lambda: _restore_text(
            settings, manifest, erased, report, journal.unreadable, resumed=resumed
        ),
    )
    return 0 if report.matches else EXIT_MISMATCH


def _erase_again(app: Any, personal: Any, journal: Any) -> list[int]:
    """Erase again every account the erasure journal names that the restored database holds
    unerased (an erasure made after the backup). A later account of the same person (a new
    registration after an erasure) has another id and is left alone."""
    erased = []
    for entry in journal.entries():
        account = app.queries.account_by_telegram_id(entry.telegram_id)
        if account is None or account.account_id != entry.account_id:
            continue
        if app.keys.erased_at(entry.account_id) is not None:
            continue
        personal.erase(
            entry.telegram_id,
            operator="restore",
            reason=f"erased again after a restore (erased on {entry.at}: {entry.reason})",
            source="cli:restore",
        )
        erased.append(entry.telegram_id)
    return erased


def _restore_text(
    settings: Settings,
    manifest: Any,
    erased: list[int],
    report: Any,
    unreadable: int,
    *,
    resumed: bool = False,
) -> str:
    lines = [
        f"Restored {manifest.events} events (log position {manifest.log_position}) and "
        f"{len(manifest.tables)} tables from the backup of {manifest.created_at} into "
        f"{settings.database.describe()}."
        if not resumed
        else f"{settings.database.describe()} already held the backup of {manifest.created_at} "
        "(a restore that was interrupted); its erasures and rebuild are done now.",
    ]
    if erased:
        lines.append(
            f"Erased again, as the erasure journal says: {len(erased)} account(s) "
            f"(Telegram ids {', '.join(map(str, erased))})."
        )
    if unreadable:
        lines.append(
            f"WARNING: {unreadable} line(s) of the erasure journal could not be read (see the "
            "log); check that nobody they name is back."
        )
    lines.append(
        "Read models rebuilt from the log; they equal a fresh rebuild."
        if report.matches
        else "Read models DIFFER from a fresh rebuild: see `televent projections rebuild --verify`."
    )
    return "\n".join(lines)
