"""`televent` commands forked from a warm interpreter: the servers of the end-to-end suites,
and the command lines the storage tests run.

Starting `python -m televent` imports the whole program, about a second of CPU, and `serve`
with a bot token imports aiogram too, two to four seconds more (it builds several hundred
pydantic models on import). The end-to-end suites start some five hundred servers and the
storage tests run the command line a few hundred times, so on a 2-core machine those imports
were close to half of the end-to-end suites' time. Here one helper process per test process
imports all of it once; each command is forked from it and then runs exactly what `python -m
televent` runs (`televent.entrypoints.cli.main` with the same arguments), with the test's
environment, working folder, input and output files, as a child of the helper.

What differs from a fresh interpreter is only what happened before the fork: the imports. A
command whose environment changes how an interpreter starts (another PYTHONPATH) gets a fresh
interpreter, and so do the tests that are about starting the program itself (a server's first
start, `--workers`, a reader that closes the pipe early, a terminal) and every command when
`TELEVENT_TEST_WARM_SERVE=0`.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
_MAIN = str(ROOT / "src" / "televent" / "__main__.py")  # what sys.argv[0] is under `-m`


def suits(env: dict[str, str]) -> bool:
    """Whether a server with this environment can be forked: not when warm starts are off, nor
    when it sets what a fresh interpreter reads as it starts (another PYTHONPATH, as a test
    that hides a package does), which a fork would not honour."""
    if os.environ.get("TELEVENT_TEST_WARM_SERVE", "1") == "0":
        return False

    def startup(variables: Mapping[str, str]) -> dict[str, str]:
        return {
            k: v for k, v in variables.items() if k.startswith("PYTHON") and k != "PYTHONUNBUFFERED"
        }

    ours = startup(os.environ)
    return startup(env) in (ours, {**ours, "PYTHONPATH": str(ROOT / "src")})


class WarmProcess:
    """A server forked by the helper: what the tests use of `subprocess.Popen` (pid,
    returncode, poll, wait, send_signal, terminate, kill). The helper is its parent, so it
    reaps it and tells its exit status."""

    def __init__(self, helper: _Helper, pid: int) -> None:
        self._helper = helper
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self._helper.status(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(["televent"], timeout or 0)
            time.sleep(0.02)
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, number: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, number)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class _Helper:
    """The warm interpreter of this test process, and the line protocol to it."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
        self._process = subprocess.Popen(
            [sys.executable, "-u", "-m", "tests.warm_processes"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
        )
        self._lock = threading.Lock()

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            stdin, stdout = self._process.stdin, self._process.stdout
            assert stdin is not None and stdout is not None
            stdin.write(json.dumps(request) + "\n")
            stdin.flush()
            line = stdout.readline()
        if not line:
            raise RuntimeError("the warm interpreter exited")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the warm interpreter could not start a server: {answer['error']}")
        return answer

    def start(
        self,
        arguments: list[str],
        env: Mapping[str, str],
        cwd: Path,
        output: Path,
        *,
        errors: Path | None = None,
        stdin: Path | None = None,
    ) -> int:
        request = {
            "start": arguments,
            "env": dict(env),
            "cwd": str(cwd),
            "output": str(output),
            "errors": None if errors is None else str(errors),
            "stdin": None if stdin is None else str(stdin),
        }
        return int(self.ask(request)["pid"])

    def status(self, pid: int) -> int | None:
        code = self.ask({"status": pid})["code"]
        return None if code is None else int(code)

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


_HELPERS: list[_Helper] = []
_HELPERS_LOCK = threading.Lock()


def start(
    arguments: list[str],
    env: Mapping[str, str],
    cwd: Path,
    output: Path,
    *,
    errors: Path | None = None,
    stdin: Path | None = None,
) -> WarmProcess:
    """Fork `televent <arguments>` from this test process's warm interpreter (made on first
    use): its output goes to `output` (and its errors too, or to `errors`), which must exist;
    it reads `stdin`, or nothing."""
    with _HELPERS_LOCK:
        if not _HELPERS:
            _HELPERS.append(_Helper())
            atexit.register(close)
        helper = _HELPERS[0]
    pid = helper.start(arguments, env, cwd, output, errors=errors, stdin=stdin)
    return WarmProcess(helper, pid)


def run(
    arguments: list[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    input: str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`subprocess.run([python, "-m", "televent", *arguments], capture_output=True,
    text=True)` (stdin from `input`, or nothing), forked from the warm interpreter."""
    with tempfile.TemporaryDirectory(prefix="televent-run-") as folder:
        out, err, given = (Path(folder, name) for name in ("out", "err", "in"))
        out.write_bytes(b"")
        err.write_bytes(b"")
        if input is not None:
            given.write_text(input)
        process = start(
            arguments, env, cwd, out, errors=err, stdin=given if input is not None else None
        )
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
        command = [sys.executable, "-m", "televent", *arguments]
        return subprocess.CompletedProcess(command, code, out.read_text(), err.read_text())


def close() -> None:
    """Stop the warm interpreter (the servers it forked are their tests' to stop)."""
    with _HELPERS_LOCK:
        while _HELPERS:
            _HELPERS.pop().close()


# --- the helper's side ---------------------------------------------------------------------


def _serve_requests(requests: IO[str], answers: IO[str]) -> None:
    """Answer each line: fork a server, or tell a forked server's exit status."""
    exited: dict[int, int] = {}
    for line in requests:
        request = json.loads(line)
        if "status" in request:
            pid = int(request["status"])
            if pid not in exited:
                try:
                    done, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done, status = pid, 0
                if done:
                    exited[pid] = os.waitstatus_to_exitcode(status)
            answer: dict[str, Any] = {"code": exited.get(pid)}
        else:
            try:
                pid = _fork(request)
            except OSError as exc:
                answer = {"error": str(exc)}
            else:
                exited.pop(pid, None)  # the number of a server that ended long ago, used again
                answer = {"pid": pid}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


def _fork(request: dict[str, Any]) -> int:
    output = os.open(request["output"], os.O_WRONLY | os.O_APPEND)
    errors = output if request.get("errors") is None else os.open(request["errors"], os.O_WRONLY)
    given = os.open(request.get("stdin") or os.devnull, os.O_RDONLY)
    pid = os.fork()
    if pid:
        for number in {output, errors, given}:
            os.close(number)
        return pid
    # The child: the standard streams go to the output file, nothing else of the helper's
    # stays open, and it runs as `python -m televent` would, then exits as it would (the
    # SystemExit unwinds the helper's loop: atexit handlers and threads as after any run).
    code: int | str | None = 1
    try:
        os.dup2(given, 0)
        os.dup2(output, 1)
        os.dup2(errors, 2)
        os.closerange(3, 65536)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - not the reader of the requests
        for number in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        random.seed()
        sys.argv = [_MAIN, *request["start"]]
        from televent.entrypoints.cli import main  # noqa: PLC0415 - imported before the fork

        code = main(request["start"])
    except SystemExit as exc:
        code = exc.code
    except BaseException:
        import traceback  # noqa: PLC0415

        traceback.print_exc()
    raise SystemExit(code)


def _warm_up() -> None:
    """Import everything a server imports, the bot included, before any fork."""
    import televent.adapters.telegram.bot  # noqa: PLC0415
    import televent.entrypoints.cli  # noqa: PLC0415
    import televent.entrypoints.serve  # noqa: F401, PLC0415

    if threading.active_count() != 1:  # a fork copies only the thread that forks
        raise RuntimeError("importing the server started a thread; it cannot be forked")


if __name__ == "__main__":
    _warm_up()
    gc.freeze()
    _serve_requests(sys.stdin, sys.stdout)
