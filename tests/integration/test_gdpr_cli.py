"""`televent gdpr export|erase` as an operator runs them, on both backends."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.integration.test_cli import Cli, cli

__all__ = ["cli"]  # the fixture running the real program


def test_an_operator_exports_then_erases_a_person(cli: Cli, tmp_path: Path) -> None:
    assert cli("db", "upgrade").returncode == 0
    created = cli("account", "create", "--telegram-id", "77", "--name", "Zebulon Quark",
                  "--email", "zq@example.org")  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert cli("device", "add", "--telegram-id", "77", "--name", "tablet").returncode == 0

    out = tmp_path / "zq.zip"
    exported = cli("gdpr", "export", "77", "--out", str(out), "--operator", "dpo", "--json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["path"] == str(out)
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("account.json"))["name"] == "Zebulon Quark"
        assert [d["name"] for d in json.loads(archive.read("devices.json"))] == ["tablet"]

    refused = cli("gdpr", "erase", "77")  # the reason is required: it goes into the log
    assert refused.returncode != 0 and "--reason" in refused.stderr

    erased = cli(
        "gdpr", "erase", "77", "--reason", "ticket 4", "--operator", "dpo", "--json", "--yes"
    )
    assert erased.returncode == 0, erased.stderr
    report = json.loads(erased.stdout)
    assert report["telegram_id"] == 77 and report["pseudonym"].endswith("@erased.invalid")

    listed = cli("device", "list", "--telegram-id", "77")
    assert listed.returncode != 0 and "Traceback" not in listed.stderr
    again = cli("gdpr", "export", "77", "--out", str(tmp_path / "again.zip"))
    assert again.returncode != 0 and "was erased" in again.stderr
    unknown = cli("gdpr", "erase", "78", "--reason", "x", "--yes")
    assert unknown.returncode != 0 and "No account for Telegram id 78" in unknown.stderr
    verified = cli("projections", "rebuild", "--verify", "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["matches"] is True

    # The same Telegram user may come back: a new, empty account.
    back = cli("account", "create", "--telegram-id", "77", "--name", "Zeb")
    assert back.returncode == 0, back.stderr
    devices = cli("device", "list", "--telegram-id", "77", "--json")
    assert devices.returncode == 0 and json.loads(devices.stdout) == []  # not the old tablet
