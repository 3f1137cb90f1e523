"""What a newcomer meets first, run as real programs: where the database is, a busy port,
output piped into `head`, a missing file, and `gdpr erase` asking before it erases."""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from televent.entrypoints.cli import build_parser
from tests import warm_processes
from tests.integration.test_cli import ROOT, Cli, cli

__all__ = ["cli"]  # the fixture running the real program


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The program with no terminal on stdin (as in a script)."""
    if warm_processes.suits(env):
        return warm_processes.run(args, env=env, cwd=cwd)
    return subprocess.run(
        [sys.executable, "-m", "televent", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def default_env(home: Path, data_home: Path | None) -> dict[str, str]:
    """The environment of a user who set no TELEVENT_DATABASE_URL."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HOME": str(home)}
    env.pop("TELEVENT_DATABASE_URL", None)
    env.pop("XDG_DATA_HOME", None)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return env


@pytest.mark.parametrize("xdg", [True, False], ids=["XDG_DATA_HOME", "home"])
def test_the_default_database_is_the_same_from_any_working_directory(
    tmp_path: Path, xdg: bool
) -> None:
    home, data_home = tmp_path / "home", tmp_path / "data"
    env = default_env(home, data_home if xdg else None)
    expected = (data_home if xdg else home / ".local" / "share") / "televent" / "televent.db"
    first, second = tmp_path / "one", tmp_path / "two" / "deeper"
    first.mkdir()
    second.mkdir(parents=True)

    # The first command on a machine creates the database, and says where.
    created = run(["account", "create", "--telegram-id", "5", "--name", "Ann"], first, env)
    assert created.returncode == 0, created.stderr
    assert f"No database at {expected}; created a new one" in created.stderr
    assert expected.exists()
    # From another folder, the same database: Ann is there, and nothing is created.
    listed = run(["device", "list", "--telegram-id", "5", "--json"], second, env)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == [] and listed.stderr == ""
    upgraded = run(["db", "upgrade"], second, env)
    assert upgraded.returncode == 0 and f"SQLite {expected}:" in upgraded.stdout
    assert not list(first.iterdir()) and not list(second.iterdir())


def test_a_command_on_a_database_that_exists_says_nothing_more(cli: Cli) -> None:
    assert cli("db", "upgrade").returncode == 0
    created = cli("account", "create", "--telegram-id", "6")
    assert created.returncode == 0 and created.stderr == ""


def test_serve_on_a_busy_port_fails_in_one_line_before_listening(tmp_path: Path) -> None:
    env = default_env(tmp_path, tmp_path / "data")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        served = run(["serve", "--port", str(port)], tmp_path, env)
    assert served.returncode != 0
    assert "Listening on" not in served.stdout
    assert served.stderr.count("\n") == 1 and "Traceback" not in served.stderr
    assert served.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}:")
    assert "in use" in served.stderr


def test_help_shows_defaults_and_explains_every_option() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    serve = run(["serve", "--help"], ROOT, env)
    assert "(default: 127.0.0.1)" in serve.stdout and "(default: 8080)" in serve.stdout
    assert "(default: UTC)" in run(["account", "create", "--help"], ROOT, env).stdout
    missing = [
        f"{name} {action.dest}"
        for name, parser in all_parsers(build_parser(), "televent")
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and not action.help
    ]
    assert missing == []


def all_parsers(
    parser: argparse.ArgumentParser, name: str
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                found.extend(all_parsers(child, f"{name} {sub}"))
    return found


def piped_into_a_closed_reader(cli: Cli, *args: str) -> subprocess.CompletedProcess[str]:
    """`televent … | head -0`: the reader is gone before anything is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "televent", *args],
            cwd=cli.cwd,
            env=cli.env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


def test_output_into_a_closed_pipe_ends_quietly(cli: Cli) -> None:
    assert cli("account", "create", "--telegram-id", "7", "--name", "Pipe").returncode == 0
    for args in (
        ("device", "list", "--telegram-id", "7", "--json"),
        ("audit", "account", "7"),
        ("projections", "status"),
    ):
        done = piped_into_a_closed_reader(cli, *args)
        assert done.returncode in (0, 141), (args, done.returncode)
        assert done.stderr == "", (args, done.stderr)


def test_a_missing_file_is_named_with_the_reason(cli: Cli, tmp_path: Path) -> None:
    assert cli("account", "create", "--telegram-id", "8").returncode == 0
    ingest = cli("mail", "ingest", "missing.eml")
    assert ingest.returncode == 1
    assert ingest.stderr == "error: missing.eml: No such file or directory\n"
    target = tmp_path / "nonexistent" / "dir" / "x.zip"
    export = cli("gdpr", "export", "8", "--out", str(target))
    assert export.returncode == 1 and "storage failed" not in export.stderr
    assert export.stderr == (
        f"error: cannot write {target}: folder {target.parent} does not exist\n"
    )


def test_erase_refuses_without_a_terminal_unless_told_yes(cli: Cli) -> None:
    assert cli("account", "create", "--telegram-id", "9", "--name", "Ida").returncode == 0
    refused = run(["gdpr", "erase", "9", "--reason", "r"], cli.cwd, cli.env)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert json.loads(cli("device", "list", "--telegram-id", "9", "--json").stdout) == []
    erased = run(["gdpr", "erase", "9", "--reason", "r", "--yes", "--json"], cli.cwd, cli.env)
    assert erased.returncode == 0, erased.stderr
    assert json.loads(erased.stdout)["telegram_id"] == 9
    assert cli("device", "list", "--telegram-id", "9").returncode != 0


def on_a_terminal(cli: Cli, args: list[str], answer: str) -> tuple[int, str]:
    """Run with a terminal as stdin, type `answer` once asked; (status, terminal + stderr)."""
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "televent", *args],
        cwd=cli.cwd,
        env=cli.env,
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(terminal)
    assert process.stderr is not None
    try:
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            # The question is on stderr; answer once the program waits for the terminal.
            if select.select([process.stderr], [], [], 0.2)[0]:
                break
        os.write(main, answer.encode() + b"\n")
        out, err = process.communicate(timeout=120)
    finally:
        os.close(main)
    return process.returncode, out + err


def test_erase_on_a_terminal_asks_for_the_telegram_id(cli: Cli) -> None:
    assert cli("account", "create", "--telegram-id", "10", "--name", "Tom").returncode == 0
    status, said = on_a_terminal(cli, ["gdpr", "erase", "10", "--reason", "r"], "11")
    assert status == 1 and "Erase Tom (Telegram id 10)? This cannot be undone." in said
    assert "not confirmed" in said
    assert cli("device", "list", "--telegram-id", "10").returncode == 0  # still there
    status, said = on_a_terminal(cli, ["gdpr", "erase", "10", "--reason", "r"], "10")
    assert status == 0 and "erased" in said
    assert cli("device", "list", "--telegram-id", "10").returncode != 0
