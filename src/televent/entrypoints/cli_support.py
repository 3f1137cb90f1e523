"""What every `televent` subcommand shares: `--json`, printing, opening the application."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.errors import TeleventError
from televent.domain.values import Source, SourceKind
from televent.infrastructure.database import Dialect

EXIT_USAGE = 2
OPERATOR_SOURCE = Source(SourceKind.CLI, "operator").encode()  # what the log says did it
OPERATOR_ACTOR = "system:"


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Help that shows each option's default, when it has one worth showing."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None or action.default == "" or isinstance(action.default, bool):
            return action.help
        return super()._get_help_string(action)


class Parser(argparse.ArgumentParser):
    """An argument parser whose --help shows defaults (its subcommands' parsers too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def json_flag(parser: argparse.ArgumentParser) -> None:
    """Give a subcommand the `--json` flag (machine-readable output for scripts)."""
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    """Print `data` as JSON under `--json`, else the human text."""
    print(json.dumps(data, indent=2, default=str) if args.json else text())


def open_app(settings: Settings) -> Televent:
    """The application for one command, built by the composition root.

    A command other than `serve` and `db upgrade` that finds no SQLite database file creates
    one, and says so on stderr: it is most likely not the database the server uses (another
    working directory with a relative URL, another TELEVENT_DATABASE_URL, another user)."""
    url = settings.database
    if url.dialect is Dialect.SQLITE and url.path != ":memory:":
        path = Path(url.path).expanduser().resolve()
        if not path.exists() or path.stat().st_size == 0:
            print(
                f"No database at {path}; created a new one. "
                "(Set TELEVENT_DATABASE_URL to use another; `televent serve` prints the one "
                "it uses.)",
                file=sys.stderr,
            )
    return build_application(settings)


class NotConfirmedError(TeleventError):
    """The operator did not confirm a final action (or could not be asked)."""


def confirm(question: str, expected: str, *, assume_yes: bool) -> None:
    """Ask on the terminal and go on only if the answer is `expected`; without a terminal,
    go on only with `--yes` (`assume_yes`). The question goes to stderr, so that `--json`
    output stays clean."""
    if assume_yes:
        return
    if not sys.stdin.isatty():
        raise NotConfirmedError(
            "not confirmed: no terminal to ask on; pass --yes to confirm from a script"
        )
    sys.stderr.write(f"{question} ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if answer.strip() != expected:
        raise NotConfirmedError("not confirmed; nothing was changed")


def with_progress(show: bool, work: Callable[[Callable[[int, int], None] | None], Any]) -> Any:
    """Run `work` with a progress bar on a terminal (a replay of the log can take minutes)."""
    if not show or not sys.stderr.isatty():
        return work(None)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Replaying the log", total=None)

        def advance(position: int, head: int) -> None:
            bar.update(task, completed=position, total=head)

        return work(advance)
