"""The `televent` command line: the server, schema, accounts, devices and read models.

Every error is one line on stderr and a non-zero exit status; `--json` prints data for scripts.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from eventsourcing.persistence import PersistenceError

from televent import __version__
from televent.bootstrap import build_application
from televent.config import ConfigurationError, Settings
from televent.domain.errors import NotFoundError, TeleventError
from televent.entrypoints.cli_accounts import add_account_actions, add_login_link_command
from televent.entrypoints.cli_backup import add_backup_commands
from televent.entrypoints.cli_gdpr import add_gdpr_commands
from televent.entrypoints.cli_push import add_push_commands
from televent.entrypoints.cli_support import (
    EXIT_USAGE,
    OPERATOR_ACTOR,
    Parser,
    emit,
    json_flag,
    open_app,
    with_progress,
)
from televent.entrypoints.cli_support import OPERATOR_SOURCE as OPERATOR
from televent.projections.engine import ProjectionError

EXIT_ERROR = 1
EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a process killed by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_USAGE
    try:
        settings = Settings.from_environment()
        result: int = args.handler(settings, args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _failure(exc)
    return result


def _failure(exc: Exception) -> int:
    """Say what went wrong in one line on stderr; return the exit status."""
    if isinstance(exc, BrokenPipeError):
        return _quiet_after_broken_pipe()
    if isinstance(exc, TeleventError | ProjectionError):
        message = str(exc)
    elif isinstance(exc, PersistenceError):
        message = f"storage failed: {_first_line(exc)}"
    elif isinstance(exc, OSError):
        message = _os_error(exc)
    else:
        if os.environ.get("TELEVENT_DEBUG"):
            raise exc
        print(
            f"error: internal failure ({type(exc).__name__}: {_first_line(exc)}); "
            "set TELEVENT_DEBUG=1 for details",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    print(f"error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _quiet_after_broken_pipe() -> int:
    """The reader went away (`televent … | head`): stop quietly, as other Unix tools do.

    Standard output is pointed at /dev/null so that the interpreter's final flush of what is
    still buffered does not fail again; the status is the shell's for a SIGPIPE death."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def _os_error(exc: OSError) -> str:
    """`missing.eml: No such file or directory`: the file, and why, as other tools say it."""
    reason = exc.strerror or _first_line(exc)
    if exc.filename is not None:
        return f"{exc.filename}: {reason}"
    return reason


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = Parser(
        prog="televent",
        description="Televent: a Telegram-first, event-sourced calendar server.",
        epilog="The database is TELEVENT_DATABASE_URL, by default "
        "$XDG_DATA_HOME/televent/televent.db (~/.local/share/televent/televent.db).",
    )
    parser.add_argument("--version", action="version", version=f"televent {__version__}")
    # Subcommands' parsers are Parsers too: each --help shows the options' defaults.
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the server (HTTP, CalDAV, projections, bot)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes sharing the port (PostgreSQL only; see docs/operations.md)",
    )
    serve.set_defaults(handler=_serve)

    db = commands.add_parser("db", help="database schema").add_subparsers(metavar="ACTION")
    upgrade = db.add_parser("upgrade", help="create the event store and apply migrations")
    upgrade.set_defaults(handler=_db_upgrade)

    _add_account_commands(commands)

    device = commands.add_parser("device", help="CalDAV device passwords").add_subparsers(
        metavar="ACTION"
    )
    add = device.add_parser("add", help="issue a device password (printed once)")
    _telegram_id_flag(add)
    add.add_argument("--name", required=True, help="a name for the device, e.g. laptop")
    json_flag(add)
    add.set_defaults(handler=_device_add)
    listing = device.add_parser("list", help="list an account's devices")
    _telegram_id_flag(listing)
    json_flag(listing)
    listing.set_defaults(handler=_device_list)
    revoke = device.add_parser("revoke", help="revoke a device password")
    _telegram_id_flag(revoke)
    revoke.add_argument("--name", required=True, help="the device's name (see `device list`)")
    revoke.set_defaults(handler=_device_revoke)

    mail = commands.add_parser("mail", help="email invitations (iMIP)").add_subparsers(
        metavar="ACTION"
    )
    ingest = mail.add_parser(
        "ingest", help="process one raw RFC 5322 message (for an MTA pipe): REQUEST/REPLY/CANCEL"
    )
    ingest.add_argument("file", nargs="?", default="-", help="the message file, or - for stdin")
    json_flag(ingest)
    ingest.set_defaults(handler=_mail_ingest)

    projections = commands.add_parser("projections", help="read models").add_subparsers(
        metavar="ACTION"
    )
    status = projections.add_parser("status", help="position, lag and last error of each view")
    json_flag(status)
    status.set_defaults(handler=_projections_status)
    rebuild = projections.add_parser("rebuild", help="rebuild read models from the log")
    rebuild.add_argument(
        "--verify",
        action="store_true",
        help="rebuild into shadow tables and compare with the live views",
    )
    rebuild.add_argument(
        "--only", action="append", metavar="NAME", help="only this read model (repeatable)"
    )
    json_flag(rebuild)
    rebuild.set_defaults(handler=_projections_rebuild)
    _add_audit_commands(commands)
    add_gdpr_commands(commands)
    add_push_commands(commands)
    add_backup_commands(commands)
    return parser


def _telegram_id_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--telegram-id",
        type=int,
        required=True,
        metavar="ID",
        help="the account's Telegram user id (a number)",
    )


def _add_account_commands(commands: Any) -> None:
    """`televent account create|list|set` and `televent login-link`."""
    account = commands.add_parser("account", help="accounts").add_subparsers(metavar="ACTION")
    create = account.add_parser("create", help="register a Telegram user")
    _telegram_id_flag(create)
    create.add_argument("--name", default="", help="the name shown to others (e.g. 'Ann Lee')")
    create.add_argument(
        "--email", help="an email address to link: invitations sent to it reach the account"
    )
    create.add_argument(
        "--timezone", default="UTC", help="IANA time zone for listings, e.g. Europe/Berlin"
    )
    json_flag(create)
    create.set_defaults(handler=_account_create)
    add_account_actions(account)
    add_login_link_command(commands)


def _add_audit_commands(commands: Any) -> None:
    """`televent audit event|account`: timelines of changes read from the event log."""
    audit = commands.add_parser(
        "audit", help="who changed what, when and through what (from the event log)"
    ).add_subparsers(metavar="ACTION")
    event = audit.add_parser("event", help="the history of an iCalendar UID, copy by copy")
    event.add_argument("uid", help="the event's iCalendar UID")
    event.add_argument(
        "--account", type=int, metavar="TELEGRAM_ID", help="only the copy in this user's calendars"
    )
    event.set_defaults(handler=_audit_event)
    account = audit.add_parser(
        "account", help="everything done to, by or concerning a Telegram user's account"
    )
    account.add_argument("telegram_id", type=int, help="the user's Telegram id")
    account.set_defaults(handler=_audit_account)
    for parser in (event, account):
        parser.add_argument("--since", help="from this ISO date or date-time (UTC unless given)")
        parser.add_argument("--until", help="up to this ISO date (the whole day) or date-time")
        json_flag(parser)


# --- handlers ------------------------------------------------------------------------------


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from televent.entrypoints.serve import run_server

    if args.workers < 1:
        raise ConfigurationError(f"--workers must be at least 1, not {args.workers}.")
    return run_server(settings, host=args.host, port=args.port, workers=args.workers)


def _db_upgrade(settings: Settings, args: argparse.Namespace) -> int:
    from televent.infrastructure.schema import apply_migrations

    applied = apply_migrations(settings.database)
    app = build_application(settings, migrate=False)
    app.close()
    print(
        f"{settings.database.describe()}: "
        + (f"applied {', '.join(applied)}" if applied else "schema is up to date")
    )
    return 0


def _account_create(settings: Settings, args: argparse.Namespace) -> int:
    app = open_app(settings)
    registration = app.register_account(
        args.telegram_id,
        name=args.name,
        timezone=args.timezone,
        email=args.email,
        actor=OPERATOR_ACTOR,
        source=OPERATOR,
    )
    account = app.queries.account_by_telegram_id(args.telegram_id)
    assert account is not None
    data = {"created": registration.created, **asdict(account)}
    emit(
        args,
        data,
        lambda: (
            f"{'Created' if registration.created else 'Already registered'}: account "
            f"{account.telegram_id} ({account.name}, {account.timezone})"
            + (f", email {', '.join(account.emails)}" if account.emails else "")
            + (f", invitation address {account.invite_address}" if account.invite_address else "")
        ),
    )
    return 0


def _device_add(settings: Settings, args: argparse.Namespace) -> int:
    app = open_app(settings)
    issued = app.issue_device_password(
        args.telegram_id, args.name, actor=OPERATOR_ACTOR, source=OPERATOR
    )
    data = {
        "telegram_id": args.telegram_id,
        "device": issued.name,
        "password": issued.password,
        "username": str(args.telegram_id),
    }
    emit(
        args,
        data,
        lambda: (
            f"Device {issued.name!r} for account {args.telegram_id}.\n"
            f"  user name: {args.telegram_id}\n  password:  {issued.password}\n"
            "The password is shown only this once."
        ),
    )
    return 0


def _device_list(settings: Settings, args: argparse.Namespace) -> int:
    app = open_app(settings)
    account = app.queries.account_by_telegram_id(args.telegram_id)
    if account is None:
        raise NotFoundError(f"Account for Telegram id {args.telegram_id} not found.")
    devices = app.queries.devices_of(account.account_id)
    emit(
        args,
        [asdict(d) for d in devices],
        lambda: (
            "\n".join(
                f"{d.name}\tissued {d.issued_at}\t"
                + (f"revoked {d.revoked_at}" if d.revoked_at else "active")
                + (f"\tlast used {d.last_used_at}" if d.last_used_at else "")
                for d in devices
            )
            or "No devices."
        ),
    )
    return 0


def _device_revoke(settings: Settings, args: argparse.Namespace) -> int:
    app = open_app(settings)
    app.revoke_device_password(args.telegram_id, args.name, actor=OPERATOR_ACTOR, source=OPERATOR)
    print(f"Revoked device {args.name!r} of account {args.telegram_id}.")
    return 0


def _mail_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from pathlib import Path

    from televent.adapters.mail.ingest import receive_email
    from televent.application.itip_inbox import ItipInbox
    from televent.domain.mail_identity import MailIdentity

    raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    identity = MailIdentity.parse(settings.mail_from)
    app = open_app(settings)
    try:
        inbox = ItipInbox(app, identity, max_bytes=settings.max_message_bytes)
        receipt = receive_email(inbox, raw)
    finally:
        app.close()

    def text() -> str:
        done = " already processed, nothing changed" if receipt.duplicate else ""
        lines = [f"{receipt.message_id}:{done}"]
        for outcome in receipt.outcomes:
            what = " ".join(p for p in (outcome.method, outcome.uid) if p) or "message"
            lines.append(
                f"  {what}: {outcome.result}" + (f" ({outcome.detail})" if outcome.detail else "")
            )
        return "\n".join(lines)

    emit(args, receipt.as_dict(), text)
    return 0


def _projections_status(settings: Settings, args: argparse.Namespace) -> int:
    from televent.ops.maintenance import projection_status

    statuses = projection_status(open_app(settings))
    emit(
        args,
        [{**asdict(s), "lag": s.lag} for s in statuses],
        lambda: "\n".join(
            f"{s.name:16} position {s.position:>10}  lag {s.lag:>8}  "
            f"updated {s.updated_at or '-'}  error {s.last_error or '-'}"
            for s in statuses
        ),
    )
    return 0


def _projections_rebuild(settings: Settings, args: argparse.Namespace) -> int:
    from televent.ops.maintenance import retention_cutoff
    from televent.projections.rebuild import Rebuilder

    app = open_app(settings)
    rebuilder = Rebuilder(app.engine, app.views)

    def cutoff() -> str:
        return retention_cutoff(app, settings.tombstone_retention_days)

    try:
        report = with_progress(
            not args.json,
            lambda progress: rebuilder.run(
                args.only, verify=args.verify, retention_cutoff=cutoff, progress=progress
            ),
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    data = {
        "projections": report.projections,
        "position": report.position,
        "events": report.events,
        "verified": report.verified,
        "matches": report.matches,
        "differences": [asdict(d) for d in report.differences],
        "index_processes": report.index_processes,
    }
    emit(args, data, lambda: _rebuild_text(report))
    return 0 if report.matches else EXIT_ERROR


def _rebuild_text(report: Any) -> str:
    verb = "Verified" if report.verified else "Rebuilt"
    lines = [
        f"{verb} {', '.join(report.projections)} from {report.events} events "
        f"(position {report.position})."
    ]
    if report.verified:
        lines.append(
            "Live views equal the rebuild."
            if report.matches
            else "Live views DIFFER from the rebuild:"
        )
    for difference in report.differences:
        lines.append(
            f"  {difference.table}: {difference.count_only_live} row(s) only live, "
            f"{difference.count_only_rebuilt} only in the rebuild"
        )
        lines.extend(f"    live:    {row}" for row in difference.only_live)
        lines.extend(f"    rebuilt: {row}" for row in difference.only_rebuilt)
    return "\n".join(lines)


def _audit_event(settings: Settings, args: argparse.Namespace) -> int:
    from televent.ops.audit import TimeWindow

    window = TimeWindow.parse(args.since, args.until)
    return _print_timeline(
        settings, args, lambda audit: audit.event_timeline(args.uid, args.account, window)
    )


def _audit_account(settings: Settings, args: argparse.Namespace) -> int:
    from televent.ops.audit import TimeWindow

    window = TimeWindow.parse(args.since, args.until)
    return _print_timeline(
        settings, args, lambda audit: audit.account_timeline(args.telegram_id, window)
    )


def _print_timeline(
    settings: Settings, args: argparse.Namespace, read: Callable[[Any], list[Any]]
) -> int:
    from televent.ops.audit import Audit, render_timeline

    app = open_app(settings)
    try:
        entries = read(Audit(app))
    finally:
        app.close()
    emit(args, [entry.as_dict() for entry in entries], lambda: render_timeline(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
