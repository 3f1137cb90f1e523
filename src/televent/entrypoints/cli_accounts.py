"""`televent account list|set` and `televent login-link`: accounts as an operator sees them.

`account set` changes an account through the application's command (application/accounts.py),
so each change is an event in the log like any other; every value is checked before anything
changes. `login-link` prints the one-time browser login link the bot's `/app` gives
(application/web_login.py), under the server's public URL (TELEVENT_PUBLIC_URL).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any
from urllib.parse import urlsplit

from televent.bootstrap import build_services
from televent.config import Settings
from televent.domain.errors import DomainError, NotFoundError
from televent.entrypoints.cli_support import (
    EXIT_USAGE,
    OPERATOR_ACTOR,
    OPERATOR_SOURCE,
    emit,
    json_flag,
    open_app,
)
from televent.projections.queries import AccountView


def add_account_actions(account: Any) -> None:
    """Add `list` and `set` to the `account` command group's actions."""
    listing = account.add_parser("list", help="list the accounts")
    json_flag(listing)
    listing.set_defaults(handler=_account_list)
    change = account.add_parser(
        "set", help="change an account's name, time zone or linked email (recorded in the log)"
    )
    change.add_argument(
        "--telegram-id",
        type=int,
        required=True,
        metavar="ID",
        help="the account's Telegram user id (a number)",
    )
    change.add_argument("--name", help="the name shown to others (e.g. 'Ann Lee')")
    change.add_argument("--timezone", help="IANA time zone for listings, e.g. Europe/Berlin")
    change.add_argument("--email", help="the email address to link, instead of the ones linked now")
    json_flag(change)
    change.set_defaults(handler=_account_set)


def add_login_link_command(commands: Any) -> None:
    """Add `login-link`: a one-time browser login link for the Mini App."""
    link = commands.add_parser(
        "login-link",
        help="print a one-time browser login link to the Mini App (as the bot's /app gives)",
    )
    link.add_argument("telegram_id", type=int, help="the account's Telegram user id")
    link.add_argument(
        "--public-url",
        metavar="URL",
        help="the server's public base URL (default: TELEVENT_PUBLIC_URL, as the bot uses)",
    )
    json_flag(link)
    link.set_defaults(handler=_login_link)


def account_data(account: AccountView) -> dict[str, Any]:
    """An account as `account list --json` and `account set --json` print it."""
    return {
        "telegram_id": account.telegram_id,
        "name": account.name,
        "username": account.username,
        "timezone": account.timezone,
        "emails": list(account.emails),
        "created": account.registered_at,
    }


def _account_list(settings: Settings, args: argparse.Namespace) -> int:
    app = open_app(settings)
    try:
        accounts = app.queries.all_accounts()
    finally:
        app.close()
    emit(args, [account_data(a) for a in accounts], lambda: _table(accounts))
    return 0


def _table(accounts: list[AccountView]) -> str:
    if not accounts:
        return "No accounts."
    header = ("TELEGRAM ID", "NAME", "USERNAME", "TIME ZONE", "EMAIL", "CREATED (UTC)")
    rows = [header] + [
        (
            str(a.telegram_id),
            a.name,
            f"@{a.username}" if a.username else "-",
            a.timezone,
            ", ".join(a.emails) or "-",
            a.registered_at[:16].replace("T", " "),
        )
        for a in accounts
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join([*(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)), row[-1]])
        for row in rows
    )


def _account_set(settings: Settings, args: argparse.Namespace) -> int:
    if args.name is None and args.timezone is None and args.email is None:
        return _usage("nothing to change: give --name, --timezone or --email")
    app = open_app(settings)
    try:
        try:
            changed = app.update_account(
                args.telegram_id,
                name=args.name,
                timezone=args.timezone,
                email=args.email,
                actor=OPERATOR_ACTOR,
                source=OPERATOR_SOURCE,
            )
        except DomainError as exc:  # a bad value: nothing was changed
            return _usage(f"{exc} Nothing was changed.")
        account = app.queries.account_by_telegram_id(args.telegram_id)
    finally:
        app.close()
    assert account is not None
    emit(
        args,
        {"changed": changed, **account_data(account)},
        lambda: (
            f"{'Changed' if changed else 'Unchanged'}: account {account.telegram_id} "
            f"({account.name}, {account.timezone}"
            + (f", email {', '.join(account.emails)}" if account.emails else "")
            + ")"
        ),
    )
    return 0


def _login_link(settings: Settings, args: argparse.Namespace) -> int:
    from televent.application.web_login import lifetime_words, login_url

    public_url = (args.public_url or settings.public_url or "").strip()
    if not public_url:
        return _usage(
            "no public URL: set TELEVENT_PUBLIC_URL to the server's public address (the bot's "
            "/app links use it too), or pass --public-url"
        )
    parts = urlsplit(public_url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return _usage(f"{public_url!r} is not an http:// or https:// address")
    app = open_app(settings)
    try:
        account = app.queries.account_by_telegram_id(args.telegram_id)
        if account is None:
            raise NotFoundError(
                f"No account for Telegram id {args.telegram_id}: the person sends /start to "
                "the bot first (or `televent account create` registers them)."
            )
        token = build_services(app, settings).web_login.issue_link_token(args.telegram_id)
    finally:
        app.close()
    url = login_url(public_url, token)
    lifetime = lifetime_words(settings.login_link_seconds)
    if args.json:
        emit(
            args,
            {
                "telegram_id": account.telegram_id,
                "url": url,
                "expires_in_seconds": settings.login_link_seconds,
            },
            str,
        )
        return 0
    print(url)
    print(
        f"A login link for {account.telegram_id} ({account.name}): it works once, within "
        f"{lifetime}, and signs whoever opens it in as them; give it to them only.",
        file=sys.stderr,
    )
    return 0


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE
