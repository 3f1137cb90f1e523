"""`televent gdpr export|erase`: a person's data for operators (see gdpr.py)."""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from televent.config import Settings
from televent.domain.errors import NotFoundError
from televent.entrypoints.cli_support import confirm, emit, json_flag, open_app, with_progress
from televent.ops.farewells import KEPT_DAYS


def add_gdpr_commands(commands: Any) -> None:
    """Add the `gdpr` command group to the CLI's subcommands."""

    gdpr = commands.add_parser("gdpr", help="export or erase a person's data").add_subparsers(
        metavar="ACTION"
    )
    export = gdpr.add_parser("export", help="write everything held about a person to a ZIP")
    export.add_argument("telegram_id", type=int, help="the person's Telegram user id")
    export.add_argument(
        "--out", required=True, type=Path, metavar="FILE.zip", help="the ZIP file to write"
    )
    _operator_flags(export, "subject access request")
    json_flag(export)
    export.set_defaults(handler=_gdpr_export)
    erase = gdpr.add_parser("erase", help="erase a person's data (crypto-shredding; final)")
    erase.add_argument("telegram_id", type=int, help="the person's Telegram user id")
    _operator_flags(erase, None)
    erase.add_argument(
        "--yes",
        action="store_true",
        help="do not ask for confirmation (required without a terminal, e.g. in scripts)",
    )
    json_flag(erase)
    erase.set_defaults(handler=_gdpr_erase)


def _operator_flags(parser: argparse.ArgumentParser, default_reason: str | None) -> None:
    parser.add_argument(
        "--operator",
        default=os.environ.get("USER") or "operator",
        help="who does it (recorded in the log; default: $USER, here %(default)s)",
    )
    parser.add_argument(
        "--reason",
        required=default_reason is None,
        default=default_reason,
        help="why (recorded in the log)" + ("" if default_reason else "; required"),
    )


def _gdpr_export(settings: Settings, args: argparse.Namespace) -> int:
    from televent.ops.gdpr import PersonalData

    if not args.out.parent.is_dir():  # said before the export is read and recorded
        raise NotFoundError(f"cannot write {args.out}: folder {args.out.parent} does not exist")
    summary = PersonalData(open_app(settings)).export(
        args.telegram_id, args.out, operator=args.operator, reason=args.reason
    )
    emit(
        args,
        {**asdict(summary), "path": str(summary.path)},
        lambda: (
            f"Wrote {summary.path}: {summary.events} logged changes, "
            f"{summary.calendars} calendar(s) with {summary.objects} object(s)"
            + _sharing(summary.memberships, summary.shared_calendars)
            + "."
            + "".join(f"\nWarning: {problem}" for problem in summary.problems)
        ),
    )
    return 0


def _sharing(memberships: int, shared_calendars: int) -> str:
    """ "; 2 calendar(s) shared with them, 1 of theirs shared with others" (nothing if none)."""
    parts = []
    if memberships:
        parts.append(f"{memberships} calendar(s) shared with them")
    if shared_calendars:
        parts.append(f"{shared_calendars} of theirs shared with others")
    return "; " + ", ".join(parts) if parts else ""


def _called_off(meetings: int, messages: int) -> str:
    if not meetings:
        return ""
    return (
        f"\n{meetings} meeting(s) they organised called off: {messages} message(s) tell the "
        f"attendees (sent by `televent serve`; deleted once sent, at the latest after "
        f"{KEPT_DAYS} days)."
    )


def _gdpr_erase(settings: Settings, args: argparse.Namespace) -> int:
    from televent.adapters.connections.google_client import google_endpoints
    from televent.adapters.connections.google_oauth import erasure_forgetter
    from televent.ops.erasure_journal import ErasureJournal
    from televent.ops.gdpr import PersonalData

    app = open_app(settings)
    account = app.queries.account_by_telegram_id(args.telegram_id)
    if account is not None:  # an unknown or erased id: erase() says so, asking first is moot
        confirm(
            f"Erase {account.name or 'the account'} (Telegram id {args.telegram_id})? "
            "This cannot be undone. Type the Telegram id to confirm:",
            str(args.telegram_id),
            assume_yes=args.yes,
        )
    personal = PersonalData(
        app,
        ErasureJournal(settings.erasure_journal),
        forget_google=erasure_forgetter(google_endpoints(settings)),
    )
    report = with_progress(
        not args.json,
        lambda progress: personal.erase(
            args.telegram_id, operator=args.operator, reason=args.reason, progress=progress
        ),
    )

    def text() -> str:
        done = "was already erased" if report.already_erased else "erased"
        return (
            f"Telegram id {report.telegram_id} {done}; others' events show "
            f"{report.pseudonym or 'a pseudonym'}; read models rebuilt "
            f"({', '.join(report.rebuilt)}); {report.purged_rows} queued row(s) purged."
            + (
                f"\nTaken out of {report.memberships_removed} calendar(s) others shared with them."
                if report.memberships_removed
                else ""
            )
            + _called_off(report.meetings_called_off, report.farewells_queued)
        )

    emit(args, asdict(report), text)
    return 0
