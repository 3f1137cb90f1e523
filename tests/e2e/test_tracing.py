"""OpenTelemetry tracing of a real `televent serve`, exported over OTLP/HTTP to a receiver on
loopback: what an operator's collector gets, and that nothing is sent without the settings.

Tracing wraps the HTTP layer and the application's commands; it does not touch storage, so
these tests run on SQLite only, except `serve --workers`, which needs PostgreSQL.

The batch delay is set far above a test's length: the spans reach the receiver only because
the server exports what is left when it stops (SIGTERM), which is what these tests check.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import reset_postgres
from tests.e2e.conftest import ROOT, SERVER_SETTINGS, _free_port, running_serve, seed_accounts
from tests.helpers import vevent
from tests.otlp_receiver import SERVER_KIND, ReceivedSpan, otlp_receiver

CAL = "/dav/calendars/1/default/"
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
NEVER = "600000"  # ms: no batch is sent on schedule during a test


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'televent.sqlite3'}"


def stop(process: subprocess.Popen[bytes]) -> str:
    """SIGTERM, as an orchestrator stops a server; its output."""
    process.terminate()
    return process.communicate(timeout=30)[0].decode(errors="replace")


def server_spans(spans: list[ReceivedSpan], name: str) -> list[ReceivedSpan]:
    return [s for s in spans if s.name == name and s.kind == SERVER_KIND]


def test_requests_and_commands_are_traced_and_flushed_at_shutdown(tmp_path: Path) -> None:
    database_url = sqlite_url(tmp_path)
    users = seed_accounts(database_url)
    alice = ("1", users[1])
    with otlp_receiver() as receiver:
        settings = {
            **SERVER_SETTINGS,
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
            "OTEL_BSP_SCHEDULE_DELAY": NEVER,
            # one request without valid credentials per address: the second is refused
            "TELEVENT_RATE_ADDRESS_BURST": "1",
            "TELEVENT_RATE_ADDRESS_PER_MINUTE": "1",
        }
        with running_serve(database_url, tmp_path, settings) as (url, process):
            traceparent = f"00-{TRACE_ID}-{PARENT_ID}-01"
            propfind = httpx.request(
                "PROPFIND",
                url + CAL,
                auth=alice,
                headers={"Depth": "1", "traceparent": traceparent},
            )
            assert propfind.status_code == 207
            assert httpx.get(url + "/api/v1/me", auth=alice).json()["name"] == "Alice"
            assert httpx.get(url + "/api/v1/events/no-such-1", auth=alice).status_code == 404
            put = httpx.put(url + CAL + "t-1.ics", content=vevent(uid="t-1"), auth=alice)
            assert put.status_code == 201
            wrong = httpx.request("PROPFIND", url + CAL, auth=("1", "wrong"))
            assert wrong.status_code == 401
            assert httpx.get(url + "/api/v1/me").status_code == 429  # before the application
            login = httpx.get(url + "/app/login", params={"token": "one-time-s3cret"})
            assert login.status_code >= 400  # no such login link
            assert httpx.get(url + "/health").status_code == 200  # probes are left out
            assert receiver.received() == []  # nothing yet: the batch waits
            output = stop(process)
        spans = receiver.received()
        assert receiver.bad_requests == []
    assert "Tracing: on (OTLP/HTTP to " in output

    propfinds = server_spans(spans, "PROPFIND caldav")
    assert len(propfinds) == 2
    (traced,) = [s for s in propfinds if s.trace_id == TRACE_ID]
    assert traced.parent_span_id == PARENT_ID  # the client's trace continues
    assert traced.attributes["http.method"] == "PROPFIND"
    assert traced.attributes["http.status_code"] == 207
    assert traced.attributes["televent.surface"] == "caldav"
    assert traced.resource["service.name"] == "televent"
    (refused,) = [s for s in propfinds if s.trace_id != TRACE_ID]
    assert refused.attributes["http.status_code"] == 401
    assert refused.parent_span_id == ""  # a trace of its own

    (limited,) = server_spans(spans, "GET api")  # refused before routing: no template
    assert limited.attributes["http.status_code"] == 429

    (me,) = server_spans(spans, "GET /api/v1/me")  # the route template, not the raw path
    assert me.attributes["http.method"] == "GET"
    assert me.attributes["http.status_code"] == 200
    assert me.attributes["http.route"] == "/api/v1/me"
    assert me.attributes["televent.surface"] == "api"
    (unknown,) = [s for s in spans if s.attributes.get("http.status_code") == 404]
    assert unknown.name == "GET /api/v1/events/{event_id}"  # no id in the name

    (login_span,) = server_spans(spans, "GET /app/login")
    assert "one-time-s3cret" not in repr(login_span.attributes)  # a secret stays out of traces
    assert login_span.attributes["http.url"].endswith("/app/login?token=REDACTED")

    (put_span,) = server_spans(spans, "PUT caldav")
    assert put_span.attributes["http.status_code"] == 201
    (command,) = [s for s in spans if s.name == "command put_object"]
    assert (command.trace_id, command.parent_span_id) == (put_span.trace_id, put_span.span_id)
    assert command.attributes["televent.outcome"] == "ok"

    assert not [s for s in spans if "/health" in s.name or s.attributes.get("http.target") ==
                "/health"]  # fmt: skip
    assert all(s.resource["service.name"] == "televent" for s in spans)


def test_without_the_settings_nothing_is_sent_and_the_server_works(tmp_path: Path) -> None:
    database_url = sqlite_url(tmp_path)
    users = seed_accounts(database_url)
    with otlp_receiver() as receiver:
        # The receiver listens where the exporter would send by default if it were on.
        settings = {**SERVER_SETTINGS, "OTEL_BSP_SCHEDULE_DELAY": NEVER}
        with running_serve(database_url, tmp_path, settings) as (url, process):
            reply = httpx.request(
                "PROPFIND",
                url + CAL,
                auth=("1", users[1]),
                headers={"Depth": "1", "traceparent": f"00-{TRACE_ID}-{PARENT_ID}-01"},
            )
            assert reply.status_code == 207
            assert httpx.get(url + "/api/v1/me", auth=("1", users[1])).status_code == 200
            output = stop(process)
        assert receiver.received() == []
    assert "Tracing" not in output


def test_tracing_settings_without_the_packages_say_what_to_install(tmp_path: Path) -> None:
    """`make run` installs Televent without `televent[tracing]`: a server told to trace
    still serves, and says in one line what to install."""
    missing = tmp_path / "without-opentelemetry"
    (missing / "opentelemetry").mkdir(parents=True)
    # A regular package found first hides the installed namespace package: as if absent.
    (missing / "opentelemetry" / "__init__.py").write_text(
        "raise ImportError('No module named opentelemetry', name='opentelemetry')\n"
    )
    database_url = sqlite_url(tmp_path)
    users = seed_accounts(database_url)
    with otlp_receiver() as receiver:
        settings = {
            **SERVER_SETTINGS,
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
            "PYTHONPATH": f"{missing}:{ROOT / 'src'}",
        }
        with running_serve(database_url, tmp_path, settings) as (url, process):
            reply = httpx.request(
                "PROPFIND", url + CAL, auth=("1", users[1]), headers={"Depth": "1"}
            )
            assert reply.status_code == 207
            output = stop(process)
        assert receiver.received() == []
    (line,) = [line for line in output.splitlines() if line.startswith("Tracing")]
    assert "OTEL_EXPORTER_OTLP_ENDPOINT is set" in line
    assert "pip install 'televent[tracing]'" in line


def test_without_the_settings_opentelemetry_is_not_even_imported() -> None:
    probe = (
        "import os, sys\n"
        "for name in list(os.environ):\n"
        "    if name.startswith('OTEL_'): del os.environ[name]\n"
        "import televent.entrypoints.serve as serve\n"
        "assert serve.start_tracing('0') is None\n"
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "[]"


@pytest.fixture
def postgres(postgres_test_database: str) -> str:
    reset_postgres(postgres_test_database)
    return postgres_test_database


def test_every_worker_traces_and_flushes_its_spans(postgres: str, tmp_path: Path) -> None:
    users = seed_accounts(postgres)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "televent", "serve", "--port", str(port), "--workers", "2"]
    with otlp_receiver() as receiver:
        env = {
            **os.environ,
            **SERVER_SETTINGS,
            "TELEVENT_DATABASE_URL": postgres,
            "PYTHONPATH": str(ROOT / "src"),
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
            "OTEL_BSP_SCHEDULE_DELAY": NEVER,
        }
        parent = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)  # fmt: skip
        try:
            deadline = time.monotonic() + 40
            while True:  # both workers up: each has its line in the metrics
                try:
                    metrics = httpx.get(f"{url}/metrics", timeout=5).text
                    if len(re.findall(r"^televent_leader\{pid=", metrics, re.MULTILINE)) == 2:
                        break
                except httpx.HTTPError:
                    pass
                assert parent.poll() is None and time.monotonic() < deadline, "no workers"
                time.sleep(0.3)
            for n in range(8):  # a connection each: the kernel hands them to either worker
                reply = httpx.put(f"{url}{CAL}w{n}.ics", content=vevent(uid=f"w{n}"),
                                  auth=("1", users[1]))  # fmt: skip
                assert reply.status_code == 201
        finally:
            parent.send_signal(signal.SIGTERM)
            output = parent.communicate(timeout=60)[0].decode(errors="replace")
        spans = receiver.received()
    assert parent.returncode == 0, output
    assert output.count("Tracing: on") == 2  # each worker set up its own
    puts = server_spans(spans, "PUT caldav")
    assert len(puts) == 8 and {s.attributes["http.status_code"] for s in puts} == {201}
    assert len([s for s in spans if s.name == "command put_object"]) == 8
