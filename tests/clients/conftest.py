"""Fixtures for the real-client tests: a `televent serve` whose output the test can read, and the
skip-or-fail rule for missing clients (TELEVENT_REQUIRE_CLIENTS=1 turns a skip into a failure)."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, Server, running_serve, seed_accounts


def require_client(problem: str | None) -> None:
    """Skip the test when a client is missing, or fail if TELEVENT_REQUIRE_CLIENTS is set."""
    if problem is None:
        return
    if os.environ.get("TELEVENT_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{problem} (TELEVENT_REQUIRE_CLIENTS=1: the real clients must be tested)")
    pytest.skip(problem)


@dataclass
class ServerOutput:
    """Everything the server process printed (stdout and stderr), collected by a thread."""

    process: subprocess.Popen[bytes]
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in iter(self.process.stdout.readline, b""):
            self.lines.append(raw.decode(errors="replace"))

    def text(self) -> str:
        return "".join(self.lines)

    def stop(self) -> str:
        """Stop the server and return its whole output."""
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.thread.join(timeout=10)
        return self.text()


@dataclass
class LoggedServer:
    server: Server
    output: ServerOutput


@pytest.fixture
def logged_server(backend: Backend, tmp_path: Path) -> Iterator[LoggedServer]:
    """Like tests/e2e's `server` (accounts 1 Alice and 2 Bob, a device password each), but the
    test can read the process output; a traceback or a 5xx in it fails the test."""
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, SERVER_SETTINGS) as (url, process):
        output = ServerOutput(process)
        yield LoggedServer(Server(url, database_url, users), output)
        text = output.stop()
    assert "Traceback" not in text, f"the server printed a traceback:\n{text}"
    assert " 500 " not in text and "Internal Server Error" not in text, text
