"""The access log of a real `televent serve` with default settings: one line per request
(method, path, status, duration, surface) and per delivery, as key=value text or as JSON
(TELEVENT_LOG_FORMAT=json), without secrets; TELEVENT_ACCESS_LOG=off turns it off."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx

from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts
from tests.e2e.test_api_auth import link_token
from tests.e2e.test_bot_e2e import ALICE, BOB, card_for, create, register, say, serve

CAL = "/dav/calendars/1/default/"
PAIR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)')


def vevent(uid: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260301T100000Z\r\n"
        "DURATION:PT1H\r\nSUMMARY:Logged\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def text_lines(output: str, logger: str) -> list[dict[str, Any]]:
    """The key=value fields of the text lines of one logger."""
    found = []
    for line in output.splitlines():
        if f" {logger}: " in line:
            fields = line.split(f" {logger}: ", 1)[1]
            found.append({
                key: json.loads(value) if value.startswith('"') else value
                for key, value in PAIR.findall(fields)
            })  # fmt: skip
    return found


def json_lines(output: str, logger: str) -> list[dict[str, Any]]:
    """The JSON lines of one logger (every line that starts with "{" must parse)."""
    parsed = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return [line for line in parsed if line["logger"] == logger]


MANAGE_SECRET = "Zq7manageSecret4u9Xw"


def make_requests(url: str, database_url: str, password: str) -> tuple[str, str]:
    """A PUT, a wrong password, an API call and a login link; returns (token, password)."""
    put = httpx.put(url + CAL + "logged.ics", content=vevent("logged"), auth=("1", password))
    assert put.status_code == 201
    wrong = httpx.get(url + CAL + "logged.ics", auth=("1", "not-the-password"))
    assert wrong.status_code == 401
    assert httpx.get(url + "/api/v1/me", auth=("1", password)).status_code == 200
    token = link_token(database_url, 1)
    opened = httpx.get(url + "/app/login", params={"token": token})
    assert opened.status_code == 303
    # A booking's manage page: its address holds a secret, which the log leaves out.
    assert httpx.get(url + f"/book/some-link/manage/{MANAGE_SECRET}").status_code == 200
    return token, password


def assert_no_secrets(output: str, token: str, password: str) -> None:
    assert token not in output and MANAGE_SECRET not in output
    assert password not in output and "not-the-password" not in output
    assert "Basic " not in output and "authorization" not in output.lower()


def check_requests(requests: list[dict[str, Any]]) -> None:
    seen = [(r["method"], r["path"], int(r["status"]), r["surface"]) for r in requests]
    for expected in (
        ("PUT", CAL + "logged.ics", 201, "caldav"),
        ("GET", CAL + "logged.ics", 401, "caldav"),
        ("GET", "/api/v1/me", 200, "api"),
        ("GET", "/app/login", 303, "webapp"),
        ("GET", "/book/some-link/manage/-", 200, "webapp"),
    ):
        assert seen.count(expected) == 1, (expected, seen)  # one line per request
    assert all(float(r["ms"]) >= 0 for r in requests)


def test_each_request_is_one_text_line_by_default(backend: Backend, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, SERVER_SETTINGS) as (url, process):
        token, password = make_requests(url, database_url, users[1])
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    check_requests(text_lines(output, "televent.request"))
    assert_no_secrets(output, token, password)


def test_each_request_is_one_json_line_with_the_json_format(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    settings = {**SERVER_SETTINGS, "TELEVENT_LOG_FORMAT": "json"}
    with running_serve(database_url, tmp_path, settings) as (url, process):
        token, password = make_requests(url, database_url, users[1])
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    requests = json_lines(output, "televent.request")
    check_requests(requests)
    assert all(r["level"] == "info" and r["message"] == "request" for r in requests)
    assert_no_secrets(output, token, password)


def test_the_access_log_can_be_turned_off(backend: Backend, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    settings = {**SERVER_SETTINGS, "TELEVENT_ACCESS_LOG": "off"}
    with running_serve(database_url, tmp_path, settings) as (url, process):
        make_requests(url, database_url, users[1])
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    assert "televent.request" not in output
    assert "failed login" in output  # warnings are still written


def test_a_telegram_delivery_is_one_line(backend: Backend, tmp_path: Path) -> None:
    json_format = {"TELEVENT_LOG_FORMAT": "json"}
    with FakeBotApi() as api, serve(backend.migrated_url(), api, tmp_path, json_format) as url:
        register(api, ALICE, BOB)
        sid = create(api, ALICE, "Logged sync, tomorrow 15:00")
        say(api, ALICE, f"/invite {sid} @bob", "Bob invited")
        card = card_for(api, BOB)
        assert "Logged sync" in card.text
        assert httpx.get(url + "/health").status_code == 200
    output = "".join(path.read_text() for path in sorted(tmp_path.glob("serve-*.log")))
    deliveries = json_lines(output, "televent.delivery")
    sent = [d for d in deliveries if d["outcome"] == "sent" and d["channel"] == "telegram"]
    invitations = [d for d in sent if d["delivery_id"].startswith("invitation:")]
    assert len(invitations) == 1, deliveries  # one line per delivery
    assert invitations[0]["level"] == "info"
    assert "Logged sync" not in json.dumps(deliveries)  # no message text
