"""`televent serve` as a real process: migrations at start, /health over HTTP, first-run help."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import Backend
from tests.e2e.conftest import running_serve


def test_serve_answers_health_and_explains_the_first_steps(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It waits for the process to say it listens (however long a loaded machine takes to
    start it), then asks /health."""
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    with running_serve(backend.fresh_url(), tmp_path) as (url, server):
        with urllib.request.urlopen(f"{url}/health", timeout=10) as response:
            assert response.status == 200
            body = json.loads(response.read())
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
            "occurrences",
        }
    output = server.output()
    assert "Telegram bot: off" in output
    assert "televent account create --telegram-id" in output
    assert "televent device add" in output
