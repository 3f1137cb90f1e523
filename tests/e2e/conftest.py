"""A real `televent serve` process per test module and backend, with one account and device."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.projections.rebuild import Rebuilder
from tests import warm_processes
from tests.conftest import Backend

ROOT = Path(__file__).resolve().parents[2]
ACTOR, SOURCE = "system:", "cli:tests"


@dataclass
class Server:
    url: str
    database_url: str
    users: dict[int, str]  # telegram id -> device password

    def auth(self, telegram_id: int = 1) -> tuple[str, str]:
        return str(telegram_id), self.users[telegram_id]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServeProcess:
    """A `televent serve` whose output (stdout and stderr) goes to a file, so that however much
    it logs it never blocks on a full pipe nobody reads. `communicate()` waits and returns that
    output; `stdout` follows the file (like `tail -f`) and ends once the process has exited.

    `python -m televent …` is forked from the test process's warm interpreter
    (tests/warm_processes.py: the same program without importing it all again) unless its
    environment changes how an interpreter starts; any other command, or every one with
    TELEVENT_TEST_WARM_SERVE=0, is a fresh process."""

    def __init__(self, command: list[str], output: Path, *, cwd: Path, env: dict[str, str]) -> None:
        self.output_path = output
        self._process: subprocess.Popen[bytes] | warm_processes.WarmProcess
        if command[:3] == [sys.executable, "-m", "televent"] and warm_processes.suits(env):
            output.write_bytes(b"")
            self._process = warm_processes.start(command[3:], env, cwd, output)
        else:
            with output.open("wb") as sink:
                self._process = subprocess.Popen(
                    command, stdout=sink, stderr=subprocess.STDOUT, cwd=cwd, env=env
                )
        self.stdout = cast(IO[bytes], _FollowedFile(output, self))

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.returncode

    def poll(self) -> int | None:
        return self._process.poll()

    def wait(self, timeout: float | None = None) -> int:
        return self._process.wait(timeout)

    def send_signal(self, number: int) -> None:
        self._process.send_signal(number)

    def terminate(self) -> None:
        self._process.terminate()

    def kill(self) -> None:
        self._process.kill()

    def output(self) -> str:
        """Everything the process printed so far."""
        return self.output_path.read_bytes().decode(errors="replace")

    def communicate(self, input: Any = None, timeout: float | None = None) -> tuple[Any, Any]:
        self.wait(timeout)
        return self.output_path.read_bytes(), None


class _FollowedFile:
    """Reads a growing file line by line, waiting for more until its writer has exited."""

    def __init__(self, path: Path, writer: ServeProcess) -> None:
        self._file = path.open("rb")
        self._writer = writer

    def readline(self) -> bytes:
        pending = b""
        while True:
            exited = self._writer.poll() is not None  # before reading: nothing written after
            pending += self._file.readline()
            if pending.endswith(b"\n") or exited:
                return pending
            time.sleep(0.05)

    def close(self) -> None:
        self._file.close()


def _started(process: ServeProcess, url: str, port: int, *, last: bool) -> bool:
    """Wait until this process (not another test's server that held the port a moment ago)
    says it listens and /health answers. False when the port was taken meanwhile (try
    another); any other failure to start fails the test with the server's output."""
    deadline = time.monotonic() + 180  # a loaded 2-core machine starts a server slowly
    listening = f"Listening on http://127.0.0.1:{port}/"
    while True:
        if process.poll() is None and listening in process.output():
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):
                    return True
            except OSError:
                pass
        if process.poll() is not None or time.monotonic() > deadline:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
            assert process.stdout is not None
            process.stdout.close()
            if "address already in use" in process.output().lower() and not last:
                return False
            pytest.fail(f"televent serve did not start:\n{process.output()}")
        time.sleep(0.2)


@contextmanager
def running_serve(
    database_url: str, cwd: Path, extra: dict[str, str] | None = None
) -> Iterator[tuple[str, ServeProcess]]:
    """Run `televent serve` on a free port until it listens there and /health answers; yields
    (base URL, process).

    The output goes to `serve-<port>.log` in `cwd` (see ServeProcess). The process is stopped
    afterwards (unless the test already killed it). `{port}` in a value of `extra` is the
    port it listens on (TELEVENT_PUBLIC_URL of a server that must know its own address).
    """
    env = {
        **os.environ,
        "TELEVENT_DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONUNBUFFERED": "1",
        # A test's client keeps its connection while a browser or another client works for
        # longer than the default 5 s. A request sent as the server's idle timer fires is
        # closed unanswered (uvloop runs due timers before reading the socket, and a loaded
        # machine makes that window long); HTTP clients retry only methods they know to be
        # idempotent, not REPORT or PROPFIND. test_slow_clients sets its own.
        "TELEVENT_KEEP_ALIVE_TIMEOUT": "120",
        **(extra or {}),
    }
    for attempt in range(3):
        port = _free_port()
        own = {key: value.replace("{port}", str(port)) for key, value in (extra or {}).items()}
        process = ServeProcess(
            [sys.executable, "-m", "televent", "serve", "--port", str(port)],
            cwd / f"serve-{port}.log",
            cwd=cwd,
            env={**env, **own},
        )
        url = f"http://127.0.0.1:{port}"
        if _started(process, url, port, last=attempt == 2):
            break
    try:
        yield url, process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=30)
        assert process.stdout is not None
        process.stdout.close()


SERVER_SETTINGS = {"TELEVENT_MAX_RESOURCE_BYTES": "200000"}


def seed_accounts(database_url: str) -> dict[int, str]:
    """Accounts 1 (Alice) and 2 (Bob) with one device each: telegram id -> device password."""
    app = build_application(Settings(database_url=database_url))
    users = {}
    for telegram_id, name in ((1, "Alice"), (2, "Bob")):
        app.register_account(
            telegram_id,
            name=name,
            timezone="Europe/Berlin",
            email=f"{name.lower()}@example.com",
            actor=ACTOR,
            source=SOURCE,
        )
        users[telegram_id] = app.issue_device_password(
            telegram_id, "tests", actor=ACTOR, source=SOURCE
        ).password
    app.close()
    return users


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[Server]:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, SERVER_SETTINGS) as (url, _):
        yield Server(url, database_url, users)


def queued(database_url: str) -> tuple[list[tuple[str, str]], list[tuple[str, int]]]:
    """What the server queued: (method, recipient) emails and (kind, chat id) Telegram cards."""
    app = build_application(Settings(database_url=database_url))
    try:
        with app.views.read() as db:
            mail = db.all("SELECT method, recipient FROM mail_outbox ORDER BY created_position")
            cards = db.all("SELECT kind, chat_id FROM telegram_outbox ORDER BY created_position")
    finally:
        app.close()
    return (
        [(r["method"], r["recipient"]) for r in mail],
        [(r["kind"], int(r["chat_id"])) for r in cards],
    )


def with_mail(smtp_port: int) -> dict[str, str]:
    """SERVER_SETTINGS with email sent through an SMTP server on loopback."""
    return {
        **SERVER_SETTINGS,
        "TELEVENT_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
        "TELEVENT_MAIL_FROM": "Televent <calendar@cal.example.org>",
    }


def until(check: Callable[[], Any], what: str, seconds: float = 20.0) -> Any:
    """Poll `check` (bounded) until it returns something true; what it returned."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def rebuilds_equal(database_url: str) -> None:
    """Every read model of the database equals a rebuild from its log."""
    app = build_application(Settings(database_url=database_url))
    try:
        report = Rebuilder(app.engine, app.views).run(verify=True)
        assert report.matches, report.differences
    finally:
        app.close()
