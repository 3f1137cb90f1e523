"""Signing in to the JSON API over HTTP against `televent serve`, on both databases: the Mini
App's init data, device passwords, and the bot's one-time login links with their sessions."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from televent.application.web_login import WebLogin
from televent.bootstrap import build_application
from televent.config import Settings
from televent.infrastructure.database import is_lock_contention
from tests.conftest import Backend
from tests.e2e.conftest import ROOT
from tests.tma import ApiServer, running_api_server, sign_init_data, tma_headers

ME = "/api/v1/me"
SIGNATURE = "TjU1u5_X2d-7nsdF_I9PuoTyPCR0cCJoGzwRrzFV61bhDQ2FPvUguYPHoDzTuvBtDrx2t72ZXcpIH5BJyKv4Bw"


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def link_token(
    database_url: str, telegram_id: int, *, issued_ago: float = 0, redeem: bool = False
) -> str:
    """A login link token as the bot's /app issues it (`issued_ago` seconds ago), or the
    session token it opened then, if `redeem`."""
    app = build_application(Settings(database_url=database_url))
    try:

        def clock() -> dt.datetime:
            return dt.datetime.now(dt.UTC) - dt.timedelta(seconds=issued_ago)

        login = WebLogin(app.views, app.queries, clock)
        token = login.issue_link_token(telegram_id)
        if redeem:
            # This process writes beside the running server: SQLite refuses a transaction
            # that read while the server wrote meanwhile ("database is locked"); try again.
            for attempt in range(20):
                try:
                    session = login.redeem(token)
                    break
                except Exception as exc:
                    if attempt == 19 or not is_lock_contention(exc):
                        raise
                    time.sleep(0.25)
            assert session is not None
            return session
        return token
    finally:
        app.close()


def assert_problem(reply: httpx.Response, status: int) -> dict[str, object]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    body = reply.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    return dict(body)


def test_the_mini_apps_init_data_signs_in_its_user(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        alice = http.get(ME, headers=tma_headers(1))
        assert alice.status_code == 200 and alice.json()["name"] == "Alice"
        # With Telegram's Ed25519 `signature` field among the hashed fields: still Alice.
        signed = tma_headers(1, extra={"signature": SIGNATURE, "query_id": "AAHdF6IQ"})
        assert http.get(ME, headers=signed).json()["telegram_id"] == 1
        # Bob's init data is Bob, whatever Alice's client sends besides.
        assert http.get(ME, headers=tma_headers(2)).json()["name"] == "Bob"


def test_forged_expired_or_missing_init_data_is_refused(server: ApiServer) -> None:
    now = int(time.time())
    alice = {"id": 1, "first_name": "Alice"}
    with httpx.Client(base_url=server.url, timeout=60) as http:
        forged = sign_init_data("123:WRONG", alice, auth_date=now)
        body = assert_problem(http.get(ME, headers={"Authorization": f"tma {forged}"}), 401)
        assert "not signed" in str(body["detail"])
        edited = tma_headers(2)["Authorization"].replace("%22id%22%3A2", "%22id%22%3A1")
        assert_problem(http.get(ME, headers={"Authorization": edited}), 401)
        old = tma_headers(1, auth_date=now - 86_400 - 120)
        assert "expired" in str(assert_problem(http.get(ME, headers=old), 401)["detail"])
        future = tma_headers(1, auth_date=now + 3600)
        assert "future" in str(assert_problem(http.get(ME, headers=future), 401)["detail"])
        missing = assert_problem(http.get(ME), 401)
        assert missing["type"] == "urn:televent:problem:unauthenticated"
        assert "tma" in http.get(ME).headers["www-authenticate"]
        assert "Basic" in http.get(ME).headers["www-authenticate"]
        # A script in a browser is not offered Basic (no password dialog over the Mini App).
        in_browser = http.get(ME, headers={"Sec-Fetch-Mode": "cors"})
        assert in_browser.headers["www-authenticate"] == "tma"
        assert_problem(http.get(ME, headers={"Authorization": "Bearer abc"}), 401)


def test_a_telegram_user_without_an_account_is_told_to_start_the_bot(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        body = assert_problem(http.get(ME, headers=tma_headers(777)), 403)
    assert body["type"] == "urn:televent:problem:not-registered"
    assert "/start" in str(body["detail"])


def test_device_passwords_sign_in_and_wrong_ones_do_not(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        assert http.get(ME, auth=server.basic(2)).json()["name"] == "Bob"
        wrong = http.get(ME, auth=("2", "not-the-password"))
        assert_problem(wrong, 401)
        assert wrong.headers["www-authenticate"].count("Basic") == 1
        assert_problem(http.get(ME, auth=("2", server.users[1])), 401)  # Alice's password


def test_failed_device_logins_are_throttled_like_caldav(server: ApiServer) -> None:
    transport = httpx.HTTPTransport(local_address="127.0.0.3")
    with httpx.Client(base_url=server.url, transport=transport, timeout=60) as http:
        statuses = [http.get(ME, auth=("2", f"guess-{n}")).status_code for n in range(11)]
        assert statuses[:3] == [401] * 3 and statuses[-1] == 429
        refused = http.get(ME, auth=server.basic(2))
        assert_problem(refused, 429)
        assert int(refused.headers["retry-after"]) > 0
        # One throttle for both protocols: CalDAV refuses Bob from this address too.
        propfind = http.request(
            "PROPFIND", "/dav/calendars/2/default/", auth=server.basic(2), headers={"Depth": "0"}
        )
        assert propfind.status_code == 429
        # Alice, behind the same address, is not affected.
        assert http.get(ME, auth=server.basic(1)).status_code == 200


def test_a_login_link_opens_a_session_once(server: ApiServer) -> None:
    token = link_token(server.database_url, 1)
    # Telegram fetches the link for its preview when the bot sends it: that is not a login.
    preview = httpx.get(
        f"{server.url}/app/login",
        params={"token": token},
        headers={"User-Agent": "TelegramBot (like TwitterBot)"},
        timeout=60,
    )
    assert preview.status_code == 200 and "set-cookie" not in preview.headers
    with httpx.Client(base_url=server.url, timeout=60) as browser:
        opened = browser.get("/app/login", params={"token": token})
        assert opened.status_code == 303 and opened.headers["location"] == "/app/"
        cookie = opened.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
        assert "secure" not in cookie  # the server is plain http here
        me = browser.get(ME)  # the cookie is sent back
        assert me.status_code == 200 and me.json()["name"] == "Alice"
        # The link works once.
        again = browser.get("/app/login", params={"token": token})
        assert again.status_code == 410 and "/app" in again.text
        assert again.headers["content-type"].startswith("text/html")
        # Logging out ends the session, also for a copy of the cookie kept elsewhere.
        session = browser.cookies.get("televent_session")
        assert browser.post("/api/v1/logout").status_code == 204
    with httpx.Client(base_url=server.url, timeout=60) as thief:
        thief.cookies.set("televent_session", str(session))
        assert_problem(thief.get(ME), 401)


def test_expired_unknown_or_incomplete_login_links_are_refused(server: ApiServer) -> None:
    expired = link_token(server.database_url, 2, issued_ago=11 * 60)
    with httpx.Client(base_url=server.url, timeout=60) as browser:
        refused = browser.get("/app/login", params={"token": expired})
        assert refused.status_code == 410 and "no longer works" in refused.text
        assert "set-cookie" not in refused.headers
        assert browser.get("/app/login", params={"token": "made-up"}).status_code == 410
        assert browser.get("/app/login").status_code == 400
        browser.cookies.set("televent_session", "made-up")
        assert_problem(browser.get(ME), 401)
        # A session opened 31 days ago has expired (TELEVENT_SESSION_DAYS, 30 by default).
        old = link_token(server.database_url, 2, issued_ago=31 * 86_400, redeem=True)
        browser.cookies.set("televent_session", old)
        assert "expired" in str(assert_problem(browser.get(ME), 401)["detail"])
        recent = link_token(server.database_url, 2, issued_ago=29 * 86_400, redeem=True)
        browser.cookies.set("televent_session", recent)
        assert browser.get(ME).json()["name"] == "Bob"
    with pytest.raises(Exception, match="/start"):
        link_token(server.database_url, 777)  # no account: nothing to log in to


def test_api_writes_are_in_the_audit_with_how_the_caller_signed_in(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        changed = http.patch(ME, json={"reminder_minutes": 45}, headers=tma_headers(1))
        assert changed.status_code == 200
        http.post("/api/v1/devices", json={"name": "script"}, auth=server.basic(1))
    audit = subprocess.run(
        [sys.executable, "-m", "televent", "audit", "account", "1"],
        env={
            **os.environ,
            "TELEVENT_DATABASE_URL": server.database_url,
            "PYTHONPATH": str(ROOT / "src"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "Mini App (JSON API)" in audit
    assert "JSON API, device 'tests'" in audit


def test_without_a_bot_token_mini_app_sign_in_is_off(backend: Backend, tmp_path: Path) -> None:
    with (
        running_api_server(backend.migrated_url(), tmp_path, bot=False) as server,
        httpx.Client(base_url=server.url, timeout=60) as http,
    ):
        body = assert_problem(http.get(ME, headers=tma_headers(1)), 401)
        assert "TELEGRAM_BOT_TOKEN" in str(body["detail"])
        assert http.get(ME, auth=server.basic(1)).status_code == 200
