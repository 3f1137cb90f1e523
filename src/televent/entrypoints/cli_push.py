"""`televent push status|rotate-key`: WebDAV-Push for operators (docs/adr/0027)."""

from __future__ import annotations

import argparse
from typing import Any

from televent.config import Settings
from televent.entrypoints.cli_support import emit, json_flag, open_app


def add_push_commands(commands: Any) -> None:
    """Add the `push` command group to the CLI's subcommands."""
    push = commands.add_parser("push", help="WebDAV-Push to phones").add_subparsers(
        metavar="ACTION"
    )
    status = push.add_parser(
        "status", help="the VAPID key, registrations and messages waiting or given up"
    )
    json_flag(status)
    status.set_defaults(handler=_status)
    rotate = push.add_parser(
        "rotate-key",
        help="make a new VAPID key; every registration is told to register again",
    )
    json_flag(rotate)
    rotate.set_defaults(handler=_rotate)


def _status(settings: Settings, args: argparse.Namespace) -> int:
    from televent.application.push_registrations import PushRegistrations
    from televent.delivery.push_queue import PushQueue

    app = open_app(settings)
    registrations = PushRegistrations(app.views, app.clock)
    key = registrations.current_key()
    with app.views.read() as db:
        live = db.scalar("SELECT COUNT(*) FROM push_registrations")
        given_up = db.scalar("SELECT COUNT(*) FROM push_outbox WHERE given_up = 1")
    report = {
        "vapid_key": key.key_id,
        "registrations": int(live or 0),
        "waiting": PushQueue(app.views, app.clock).waiting(),
        "given_up": int(given_up or 0),
    }
    emit(
        args,
        report,
        lambda: (
            f"VAPID key {report['vapid_key']}: {report['registrations']} registrations, "
            f"{report['waiting']} waiting for a message, {report['given_up']} given up"
        ),
    )
    return 0


def _rotate(settings: Settings, args: argparse.Namespace) -> int:
    from televent.application.push_registrations import PushRegistrations

    app = open_app(settings)
    key, told = PushRegistrations(app.views, app.clock).rotate_key()
    emit(
        args,
        {"vapid_key": key.key_id, "rotation_messages": told},
        lambda: (
            f"New VAPID key {key.key_id}; {told} registrations will be told to register again "
            "(a running `televent serve` sends it)."
        ),
    )
    return 0
