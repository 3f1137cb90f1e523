"""What every `televent` subcommand shares: `--json`, printing, opening the application."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings


def json_flag(parser: argparse.ArgumentParser) -> None:
    """Give a subcommand the `--json` flag (machine-readable output for scripts)."""
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    """Print `data` as JSON under `--json`, else the human text."""
    print(json.dumps(data, indent=2, default=str) if args.json else text())


def open_app(settings: Settings) -> Televent:
    """The application for one command, built by the composition root."""
    return build_application(settings)


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
