"""Error reporting (adapters/error_reporting.py): with SENTRY_DSN, an unexpected error reaches
Sentry (a stand-in on loopback, tests/sentry_standin.py) without personal data; without it,
nothing of Sentry's is even imported."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import psycopg

from televent.adapters.error_reporting import scrubbed
from televent.infrastructure.database import DatabaseUrl, Dialect
from tests.conftest import Backend
from tests.e2e.conftest import ROOT, SERVER_SETTINGS, running_serve, seed_accounts
from tests.sentry_standin import SentryStandIn

PERSONAL = ("Liddell", "Dinner", "alice@example.com", "Alice", "bob@example.com")


def _drop(database_url: str, table: str) -> None:
    """A read model's table gone under a running server: its readers fail as a bug would."""
    url = DatabaseUrl.parse(database_url)
    if url.dialect is Dialect.SQLITE:
        with sqlite3.connect(url.path) as db:
            db.execute(f"DROP TABLE {table}")
    else:
        with psycopg.connect(database_url, autocommit=True) as db:
            db.execute(f"DROP TABLE {table} CASCADE")


def _scan(raw: list[bytes], secrets: tuple[str, ...]) -> None:
    text = b"\n".join(raw).decode("utf-8", "replace")
    found = [s for s in secrets if s.lower() in text.lower()]
    assert not found, f"personal data sent to Sentry: {found}"


def test_an_unexpected_error_in_a_request_reaches_sentry_without_personal_data(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.fresh_url()
    passwords = seed_accounts(database_url)
    with SentryStandIn() as sentry:
        settings = {**SERVER_SETTINGS, "SENTRY_DSN": sentry.dsn}
        with running_serve(database_url, tmp_path, settings) as (url, process):
            client = httpx.Client(base_url=f"{url}/api/v1", auth=("1", passwords[1]), timeout=30)
            made = client.post("/events", json={
                "title": "Dinner with Alice Liddell", "location": "alice@example.com",
                "start": "2026-03-02T19:00:00+01:00", "end": "2026-03-02T21:00:00+01:00",
            })  # fmt: skip
            assert made.status_code == 201, made.text
            _drop(database_url, "occurrences")
            failed = client.get("/events", params={
                "start": "2026-03-01T00:00:00+01:00", "end": "2026-03-08T00:00:00+01:00",
                "q": "Dinner with Alice Liddell",
            })  # fmt: skip
            assert failed.status_code == 500
            assert "Liddell" not in failed.text
            events = sentry.wait_for_events(1)
            # A write its read model cannot take is our failure too: 500, never the
            # database's words as if the request were wrong.
            refused = client.post("/events", json={
                "title": "Lunch", "start": "2026-03-03T12:00:00+01:00",
                "end": "2026-03-03T13:00:00+01:00",
            })  # fmt: skip
            assert refused.status_code == 500, refused.text
            assert "occurrences" not in refused.text and "Projection" not in refused.text
        assert "Error reporting: on" in process.output()
    assert events, "the error reached Sentry"
    event = events[0]
    assert event["logentry"] == {"message": "Unexpected error on %s %s"}
    chain = event["exception"]["values"]  # the error and those it was raised from
    assert {"OperationalError", "UndefinedTable"} & {e["type"] for e in chain}, chain
    assert all("value" not in e for e in chain)
    frames = [f for e in chain for f in e.get("stacktrace", {}).get("frames", [])]
    assert any(f["function"] == "seen_window" for f in frames)  # where the listing reads
    assert all("vars" not in f for f in frames)
    assert event["release"].startswith("televent@")
    # the listing's query string (…&q=…) is not sent either
    _scan(sentry.raw, (*PERSONAL, passwords[1], "Authorization", "/api/v1/events", "&q="))


def test_jobs_and_threads_report_without_their_arguments_or_messages(tmp_path: Path) -> None:
    """A job's logged failure (its arguments and the exception's message name a person) and
    an exception escaping a thread: both reported, neither message nor argument sent."""
    script = textwrap.dedent(
        """
        import logging, sys, threading
        import sentry_sdk
        from televent.adapters.error_reporting import start_error_reporting
        print(start_error_reporting(sys.argv[1], "0-test"))
        log = logging.getLogger("televent.application.reminders")
        try:
            raise ValueError("cannot remind alice@example.com of Dinner with Alice Liddell")
        except ValueError:
            log.exception("Reminder scan: skipped event %s of %s", "Dinner", "alice@example.com")
        def sender():
            raise RuntimeError("mail to bob@example.com refused")
        thread = threading.Thread(target=sender)
        thread.start()
        thread.join()
        sentry_sdk.flush(10)
        """
    )
    with SentryStandIn() as sentry:
        done = subprocess.run(
            [sys.executable, "-c", script, sentry.dsn],
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "Error reporting: on" in done.stdout
        events = sentry.wait_for_events(2)
    kinds = sorted(e["exception"]["values"][-1]["type"] for e in events)
    assert kinds == ["RuntimeError", "ValueError"]
    logged = next(e for e in events if "logentry" in e)
    assert logged["logentry"] == {"message": "Reminder scan: skipped event %s of %s"}
    assert logged["logger"] == "televent.application.reminders"
    _scan(sentry.raw, PERSONAL)


def test_nothing_of_sentry_is_imported_without_the_setting() -> None:
    script = (
        "import sys\n"
        "from televent.entrypoints import cli, serve\n"
        "from televent.adapters.error_reporting import start_error_reporting\n"
        "assert start_error_reporting(None, 'x') == ''\n"
        "print(sorted(m for m in sys.modules if m.startswith('sentry_sdk')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_librarys_log_message_is_not_sent() -> None:
    """Only Televent's own log templates are kept: another logger's message may be an f-string
    or an exception's repr (asyncio's "Task exception was never retrieved" is)."""
    event = {
        "logger": "asyncio", "level": "error",
        "logentry": {"message": "Task exception: ValueError('alice@example.com')"},
    }  # fmt: skip
    assert scrubbed(event) == {"logger": "asyncio", "level": "error"}


def test_only_chosen_fields_of_an_event_are_sent() -> None:
    event = {
        "event_id": "abc", "level": "error", "logger": "televent.x", "release": "televent@1",
        "logentry": {"message": "Cannot list event %s", "params": ["alice@example.com"],
                     "formatted": "Cannot list event alice@example.com"},
        "message": "Dinner",
        "exception": {"values": [{
            "type": "KeyError", "module": None, "value": "'alice@example.com'",
            "mechanism": {"type": "logging", "handled": True, "data": {"x": "Dinner"}},
            "stacktrace": {"frames": [{"function": "f", "lineno": 3, "filename": "a.py",
                                       "vars": {"title": "Dinner with Alice Liddell"}}]},
        }]},
        "request": {"url": "https://t.example/feeds/secret-token.ics",
                    "headers": {"Authorization": "Basic YWxpY2U6cHc="}, "data": "Dinner"},
        "user": {"id": "1", "email": "alice@example.com"},
        "breadcrumbs": {"values": [{"message": "Dinner with Alice Liddell"}]},
        "extra": {"sys.argv": ["televent", "gdpr", "erase", "alice@example.com"]},
        "contexts": {"trace": {"trace_id": "t"}},
        "tags": {"email": "alice@example.com"},
    }  # fmt: skip
    sent = scrubbed(event)
    assert sent == {
        "event_id": "abc", "level": "error", "logger": "televent.x", "release": "televent@1",
        "logentry": {"message": "Cannot list event %s"},
        "exception": {"values": [{
            "type": "KeyError", "module": None,
            "mechanism": {"type": "logging", "handled": True},
            "stacktrace": {"frames": [{"function": "f", "lineno": 3, "filename": "a.py"}]},
        }]},
    }  # fmt: skip
    _scan([json.dumps(sent).encode()], (*PERSONAL, "secret-token", "YWxpY2U6cHc="))
