"""`/metrics` of a real `televent serve`: what an operator scrapes, and who may scrape it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, Server, running_serve, seed_accounts
from tests.helpers import vevent

CAL = "/dav/calendars/1/default/"


def value(metrics: str, name: str) -> float:
    match = re.search(rf"^{re.escape(name)} (\S+)$", metrics, re.MULTILINE)
    assert match, f"{name} not in the metrics"
    return float(match.group(1))


def test_metrics_count_requests_commands_queues_and_read_models(server: Server) -> None:
    alice = server.auth(1)
    bob = [("bob@example.com", "NEEDS-ACTION")]
    invite = vevent(uid="m-1", start="20271205T150000", end="20271205T160000", attendees=bob)
    assert httpx.put(server.url + CAL + "m-1.ics", content=invite, auth=alice).status_code == 201
    assert httpx.request("PROPFIND", server.url + CAL, auth=("1", "wrong")).status_code == 401
    scraped = httpx.get(server.url + "/metrics", timeout=10)
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain; version=0.0.4")
    remote = httpx.get(server.url + "/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert remote.status_code == 403 and "TELEVENT_METRICS_TOKEN" in remote.text  # no token
    metrics = scraped.text
    assert (
        value(metrics, 'televent_http_requests_total{method="PUT",status="201",surface="caldav"}')
        == 1
    )
    assert (
        'televent_http_request_duration_seconds_bucket{le="0.5",method="PUT",surface="caldav"}'
        in metrics
    )
    assert value(metrics, 'televent_commands_total{command="put_object",outcome="ok"}') == 1
    assert value(metrics, 'televent_failed_logins_total{surface="caldav"}') == 1
    assert value(metrics, 'televent_queue_depth{channel="telegram"}') == 1  # Bob's card waits
    assert value(metrics, 'televent_queue_due{channel="telegram"}') == 1
    assert value(metrics, 'televent_projection_lag_events{projection="calendar_view"}') == 0
    head = value(metrics, "televent_event_log_head")
    assert value(metrics, 'televent_projection_position{projection="calendar_view"}') == head
    assert value(metrics, "televent_event_log_events") >= 5  # 2 accounts, 2 devices, 1 event
    assert value(metrics, "televent_leader") == 1  # one process: it runs the once-only jobs


def test_with_a_token_metrics_need_it_and_logs_are_json_lines(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    settings = {
        **SERVER_SETTINGS,
        "TELEVENT_METRICS_TOKEN": "s3cret-scrape",
        "TELEVENT_LOG_FORMAT": "json",
        "TELEVENT_LOG_LEVEL": "info",
    }
    with running_serve(database_url, tmp_path, settings) as (url, process):
        assert httpx.get(url + "/metrics").status_code == 401  # loopback is not enough now
        wrong = httpx.get(url + "/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
        right = httpx.get(
            url + "/metrics",
            headers={"Authorization": "Bearer s3cret-scrape", "X-Forwarded-For": "203.0.113.9"},
        )
        assert right.status_code == 200 and "televent_http_requests_total" in right.text
        put = httpx.put(url + CAL + "l.ics", content=vevent(uid="l"), auth=("1", users[1]))
        assert put.status_code == 201
        assert httpx.get(url + CAL + "l.ics", auth=("1", "wrong")).status_code == 401
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line["logger"] == "televent.request"]
    assert {(r["method"], r["status"], r["surface"]) for r in requests} >= {
        ("GET", 401, "ops"),
        ("PUT", 201, "caldav"),
        ("GET", 401, "caldav"),
    }
    assert all(r["path"] and r["ms"] >= 0 for r in requests)
    (failed,) = [line for line in lines if line["logger"] == "televent.login"]
    assert (failed["level"], failed["user"], failed["status"]) == ("warning", "1", 401)
