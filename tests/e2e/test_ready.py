"""`/ready` (database, migrations, read models) and a graceful shutdown (SIGTERM finishes the
requests in flight) of a real `televent serve`."""

from __future__ import annotations

import base64
import signal
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from televent.bootstrap import build_application
from televent.config import Settings
from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, Server, running_serve, seed_accounts
from tests.helpers import vevent


def test_ready_says_what_is_checked_and_503_while_a_read_model_is_behind(server: Server) -> None:
    ready = httpx.get(server.url + "/ready", timeout=10)
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "database": "ok",
        "migrations": "ok",
        "projections": "ok",
    }
    app = build_application(Settings(database_url=server.database_url), migrate=False)
    try:
        app.register_account(3, name="Carol", actor="system:", source="cli:tests")
        with app.views.write() as db:  # as if the calendar view had not caught up
            db.run("UPDATE projection_positions SET position = position - 1 WHERE name = ?",
                   ("calendar_view",))  # fmt: skip
    finally:
        app.close()
    behind = httpx.get(server.url + "/ready", timeout=10)
    assert behind.status_code == 503
    assert behind.json()["status"] == "not ready"
    assert behind.json()["projections"]["behind"] == {"calendar_view": 1}
    assert httpx.get(server.url + "/health", timeout=10).status_code == 200  # still alive


def test_sigterm_lets_the_request_in_flight_finish(backend: Backend, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, SERVER_SETTINGS) as (url, process):
        parts = urlsplit(url)
        body = vevent(uid="in-flight").encode()
        token = "Basic " + base64.b64encode(f"1:{users[1]}".encode()).decode()
        head = (
            f"PUT /dav/calendars/1/default/in-flight.ics HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Authorization: {token}\r\nContent-Type: text/calendar\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as client:
            client.sendall(head + body[:100])  # the request has started, its body has not ended
            time.sleep(0.3)
            process.send_signal(signal.SIGTERM)
            time.sleep(0.5)  # the server is shutting down meanwhile
            client.sendall(body[100:])
            answer = b""
            while chunk := client.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 201"), answer[:200]
        # a clean exit: uvicorn ends by the signal it was stopped with, after the shutdown
        assert process.wait(timeout=30) in (0, -signal.SIGTERM)
    app = build_application(Settings(database_url=database_url), migrate=False)
    try:
        assert app.queries.account_count() == 2
        with app.views.read() as db:
            stored = db.scalar("SELECT COUNT(*) FROM calendar_objects")
        assert stored == 1
    finally:
        app.close()
