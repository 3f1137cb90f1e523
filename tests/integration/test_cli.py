"""The `televent` command line, run as a real program against both backends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import warm_processes
from tests.conftest import Backend

ROOT = Path(__file__).resolve().parents[2]


class Cli:
    def __init__(self, url: str, cwd: Path) -> None:
        self.env = {**os.environ, "TELEVENT_DATABASE_URL": url, "PYTHONPATH": str(ROOT / "src")}
        self.cwd = cwd

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        if warm_processes.suits(self.env):
            return warm_processes.run(list(args), env=self.env, cwd=self.cwd)
        return subprocess.run(
            [sys.executable, "-m", "televent", *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.fixture
def cli(backend: Backend, tmp_path: Path) -> Cli:
    return Cli(backend.fresh_url(), tmp_path)


def test_operator_journey(cli: Cli) -> None:
    assert cli("db", "upgrade").returncode == 0
    created = cli(
        "account",
        "create",
        "--telegram-id",
        "42",
        "--name",
        "Alice",
        "--email",
        "alice@example.com",
        "--timezone",
        "Europe/Berlin",
        "--json",
    )
    assert created.returncode == 0, created.stderr
    account = json.loads(created.stdout)
    assert (account["created"], account["telegram_id"], account["emails"]) == (
        True,
        42,
        ["alice@example.com"],
    )
    again = cli("account", "create", "--telegram-id", "42")
    assert again.returncode == 0 and "Already registered" in again.stdout

    device = json.loads(
        cli("device", "add", "--telegram-id", "42", "--name", "laptop", "--json").stdout
    )
    assert device["username"] == "42" and len(device["password"]) >= 20
    listing = json.loads(cli("device", "list", "--telegram-id", "42", "--json").stdout)
    assert [d["name"] for d in listing] == ["laptop"] and device["password"] not in json.dumps(
        listing
    )
    assert cli("device", "revoke", "--telegram-id", "42", "--name", "laptop").returncode == 0
    assert json.loads(cli("device", "list", "--telegram-id", "42", "--json").stdout)[0][
        "revoked_at"
    ]

    status = json.loads(cli("projections", "status", "--json").stdout)
    assert {s["name"] for s in status} == {
        "directory",
        "calendar_view",
        "attendee_index",
        "audit_index",
        "telegram_delivery",
        "email_delivery",
        "schedule_inbox",
        "counters",
        "bookings",
        "calendar_members",
        "group_chats",
        "calendar_feeds",
        "feed_subscriptions",
        "connections",
        "connection_writebacks",
        "push_delivery",
        "webhooks",
        "webhook_delivery",
        "occurrences",
    }
    assert all(s["lag"] == 0 for s in status)
    verify = cli("projections", "rebuild", "--verify")
    assert verify.returncode == 0 and "equal the rebuild" in verify.stdout
    rebuilt = json.loads(cli("projections", "rebuild", "--json").stdout)
    assert rebuilt["events"] >= 5 and rebuilt["matches"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("device", "add", "--telegram-id", "9", "--name", "x"),
            "Account for Telegram id 9 not found",
        ),
        (
            ("account", "create", "--telegram-id", "5", "--timezone", "Nowhere/City"),
            "Unknown time zone",
        ),
        (("account", "create", "--telegram-id", "-5"), "positive"),
        (("device", "list", "--telegram-id", "9"), "not found"),
        (("projections", "rebuild", "--only", "nonsense"), "Unknown read model"),
    ],
)
def test_errors_are_one_clear_line_and_a_failure_status(
    cli: Cli, args: tuple[str, ...], message: str
) -> None:
    assert cli("db", "upgrade").returncode == 0  # else a line says a new database was created
    result = cli(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr


def test_a_bad_database_url_is_one_line(tmp_path: Path) -> None:
    result = Cli("mysql://nowhere/db", tmp_path)("db", "upgrade")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: Unsupported database URL 'mysql://nowhere/db': expected sqlite:///… or postgresql://…"
    ]


def test_every_command_has_help(tmp_path: Path) -> None:
    cli = Cli("sqlite:///unused.db", tmp_path)
    for command in (
        ["serve"],
        ["db", "upgrade"],
        ["account", "create"],
        ["device", "add"],
        ["device", "list"],
        ["device", "revoke"],
        ["projections", "status"],
        ["projections", "rebuild"],
    ):
        result = cli(*command, "--help")
        assert result.returncode == 0 and "usage: televent" in result.stdout, command


def test_settings_come_from_a_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEVENT_DATABASE_URL=sqlite:///from-dotenv.db\n")
    env = {k: v for k, v in os.environ.items() if k != "TELEVENT_DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "-m", "televent", "db", "upgrade"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-dotenv.db").exists()


def test_a_secret_comes_from_its_file_and_is_never_printed(tmp_path: Path) -> None:
    """`<NAME>_FILE` (the container convention) names a file holding the secret: the program
    uses what the file says (its trailing line break dropped); a file it cannot read, or a
    secret given both ways, stops it with a message naming the setting, never the secret."""
    secret_dir = tmp_path / "secrets"
    secret_dir.mkdir()
    (secret_dir / "db").write_text(f"sqlite:///{tmp_path}/from-a-secret.db\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEVENT_")}
    env |= {"PYTHONPATH": str(ROOT / "src"), "TELEVENT_DATABASE_URL_FILE": str(secret_dir / "db")}

    def televent(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "televent", *args],
            cwd=tmp_path, env={**env, **extra}, capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip

    result = televent("db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-a-secret.db").exists()

    both = televent("db", "upgrade", TELEVENT_DATABASE_URL="sqlite:///other.db")
    assert both.returncode != 0
    assert "TELEVENT_DATABASE_URL or TELEVENT_DATABASE_URL_FILE" in both.stderr
    assert "Traceback" not in both.stderr and "from-a-secret" not in both.stderr

    missing = televent(
        "db", "upgrade", TELEGRAM_BOT_TOKEN_FILE=str(secret_dir / "absent"),
    )  # fmt: skip
    assert missing.returncode != 0
    assert "TELEGRAM_BOT_TOKEN_FILE" in missing.stderr and "absent" in missing.stderr
    assert "Traceback" not in missing.stderr
