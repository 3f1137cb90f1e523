"""`televent serve` as a real process: migrations at start, /health over HTTP, first-run help."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import Backend

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_health_and_explains_the_first_steps(
    backend: Backend, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "TELEVENT_DATABASE_URL": backend.fresh_url(),
        "PYTHONPATH": str(ROOT / "src"),
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "televent", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/health", timeout=2
                ) as response:
                    assert response.status == 200
                    body = json.loads(response.read())
            except OSError:
                time.sleep(0.2)
        assert body is not None, "serve did not answer /health within 30 s"
        assert body["status"] == "ok"
        assert set(body["projections"]) == {
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
        }
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Telegram bot: off" in output
    assert "televent account create --telegram-id" in output
    assert "televent device add" in output
