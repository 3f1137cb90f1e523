"""`televent account list|set` and `televent login-link`, run as the real program."""

from __future__ import annotations

import json
from typing import Any

from tests.integration.test_cli import Cli, cli

__all__ = ["cli"]  # the fixture running the real program


def _listing(cli: Cli) -> list[dict[str, Any]]:
    listed = cli("account", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows: list[dict[str, Any]] = json.loads(listed.stdout)
    return rows


def _changes(cli: Cli, telegram_id: int) -> list[tuple[str, str]]:
    """(kind, source) of the account's events after its registration, from the audit log."""
    audit = cli("audit", "account", str(telegram_id), "--json")
    assert audit.returncode == 0, audit.stderr
    entries = [e for e in json.loads(audit.stdout) if e["aggregate"] == "Account"]
    return [(e["kind"], e["source"]) for e in entries[3:]]


def test_accounts_are_listed_and_changed_as_events_in_the_log(cli: Cli) -> None:
    assert cli("db", "upgrade").returncode == 0
    for args in (
        ("--telegram-id", "42", "--name", "Alice", "--email", "alice@example.com"),
        ("--telegram-id", "7", "--name", "Bob", "--timezone", "Europe/Berlin"),
    ):
        assert cli("account", "create", *args).returncode == 0
    listed = _listing(cli)
    assert [(a["telegram_id"], a["name"], a["timezone"], a["emails"]) for a in listed] == [
        (7, "Bob", "Europe/Berlin", []),
        (42, "Alice", "UTC", ["alice@example.com"]),
    ]
    assert all(a["created"].startswith("20") and a["username"] is None for a in listed)
    table = cli("account", "list")
    assert table.returncode == 0
    header, bob, alice = table.stdout.splitlines()
    assert header.split()[:3] == ["TELEGRAM", "ID", "NAME"]
    assert bob.split()[:5] == ["7", "Bob", "-", "Europe/Berlin", "-"]
    assert alice.split()[:5] == ["42", "Alice", "-", "UTC", "alice@example.com"]

    changed = cli(
        "account",
        "set",
        "--telegram-id",
        "42",
        "--name",
        "Alice Liddell",
        "--timezone",
        "America/New_York",
        "--email",
        "Alice@Wonder.example",
        "--json",
    )
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["changed"] is True
    alice_now = next(a for a in _listing(cli) if a["telegram_id"] == 42)
    assert (alice_now["name"], alice_now["timezone"], alice_now["emails"]) == (
        "Alice Liddell",
        "America/New_York",
        ["alice@wonder.example"],
    )
    assert _changes(cli, 42) == [
        ("AccountSettingsChanged", "cli:operator"),
        ("EmailUnlinked", "cli:operator"),
        ("EmailLinked", "cli:operator"),
    ]
    again = cli("account", "set", "--telegram-id", "42", "--name", "Alice Liddell")
    assert again.returncode == 0 and again.stdout.startswith("Unchanged")
    assert len(_changes(cli, 42)) == 3, "no event for a change that changes nothing"


def test_a_bad_zone_or_email_changes_nothing_and_exits_2(cli: Cli) -> None:
    assert cli("account", "create", "--telegram-id", "5", "--name", "Eve").returncode == 0
    before = _listing(cli)
    zone = cli("account", "set", "--telegram-id", "5", "--name", "E", "--timezone", "Mars/Base")
    assert zone.returncode == 2
    assert "Unknown time zone 'Mars/Base'" in zone.stderr and "Nothing was changed" in zone.stderr
    email = cli("account", "set", "--telegram-id", "5", "--name", "E", "--email", "eve@")
    assert email.returncode == 2
    assert "'eve@' is not an email address" in email.stderr
    nothing = cli("account", "set", "--telegram-id", "5")
    assert nothing.returncode == 2 and "--name, --timezone or --email" in nothing.stderr
    assert _listing(cli) == before
    assert _changes(cli, 5) == []
    missing = cli("account", "set", "--telegram-id", "6", "--name", "Nobody")
    assert missing.returncode == 1 and "6 not found" in missing.stderr


def test_login_link_needs_an_account_and_the_public_url(cli: Cli) -> None:
    assert cli("account", "create", "--telegram-id", "9", "--name", "Ida").returncode == 0
    cli.env.pop("TELEVENT_PUBLIC_URL", None)
    unset = cli("login-link", "9")
    assert unset.returncode == 2 and "TELEVENT_PUBLIC_URL" in unset.stderr
    assert unset.stdout == ""
    cli.env["TELEVENT_PUBLIC_URL"] = "https://calendar.example.com/"
    nobody = cli("login-link", "10")
    assert nobody.returncode == 1
    assert "No account for Telegram id 10" in nobody.stderr and nobody.stdout == ""
    issued = cli("login-link", "9")
    assert issued.returncode == 0, issued.stderr
    (url,) = issued.stdout.splitlines()
    assert url.startswith("https://calendar.example.com/app/login?token=")
    assert "works once, within 10 minutes" in issued.stderr
    other = json.loads(cli("login-link", "9", "--json").stdout)
    assert other["url"].startswith("https://calendar.example.com/app/login?token=")
    assert other["url"] != url, "every link is a new one"
