"""The JSON API signs a request with remembered credentials in on the event loop (adapters/
http.device_check_at_once; docs/adr/0035), as CalDAV's GET of one's own object does: the one
read that says the device is still active and brings the account, from the local SQLite file or
awaited from PostgreSQL, so the request hops to a worker thread once (its handler) instead of
twice. The first request still verifies the password on a worker thread, a device revoked
since is refused at once, and the answers are the worker thread's way's. The Mini App's
sign-in (init data signed by Telegram) reads its account on the event loop the same way."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from televent.adapters.http import create_http_app
from televent.application.televent import Televent
from televent.bootstrap import build_application, build_services
from televent.config import Settings
from tests.conftest import Backend, FakeClock
from tests.helpers import ACTOR, CLI, vevent
from tests.integration.test_caldav_get_at_once import CountingPort
from tests.tma import BOT_TOKEN, tma_headers

Call = Callable[..., tuple[int, dict[str, Any]]]
# Building the HTTP application in this process shows the web framework's notes on its next
# major version (the server's own process shows them too): not this test's subject.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def served(backend: Backend, clock: FakeClock) -> Iterator[tuple[Televent, Call, CountingPort]]:
    settings = Settings(database_url=backend.migrated_url(), telegram_bot_token=BOT_TOKEN)
    app = build_application(settings, clock=clock)
    services = build_services(app, settings)
    port = CountingPort()
    http = create_http_app(
        app,
        port,
        settings,
        schedule_inbox=services.schedule_inbox,
        record_device_use=services.record_device_use,
        projection_status=services.projection_status,
        web_login=services.web_login,
        push=services.push_registrations,
    )

    def call(path: str, authorization: str | None = None) -> tuple[int, dict[str, Any]]:
        headers = [] if authorization is None else [(b"authorization", authorization.encode())]
        scope = {
            "type": "http", "http_version": "1.1", "method": "GET", "path": path,
            "raw_path": path.encode(), "query_string": b"", "root_path": "", "scheme": "http",
            "server": ("127.0.0.1", 8080), "client": ("127.0.0.1", 50000), "headers": headers,
        }  # fmt: skip
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        asyncio.run(http(scope, receive, send))
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return int(sent[0]["status"]), json.loads(body or b"{}")

    try:
        yield app, call, port
    finally:
        for close in http.litestar.on_shutdown:  # PostgreSQL's reads on the event loop
            asyncio.run(close())  # type: ignore[arg-type]
        app.close()


def test_remembered_credentials_sign_in_without_a_worker_thread(
    served: tuple[Televent, Call, CountingPort],
) -> None:
    app, call, port = served
    app.register_account(1, name="Ann", timezone="UTC", actor=ACTOR, source=CLI)
    account = app.queries.account_by_telegram_id(1)
    assert account is not None
    calendar = app.queries.calendars_of(account.account_id)[0].calendar_id
    app.put_object(calendar, "dentist.ics", vevent(uid="dentist", summary="Dentist"),
                   actor=ACTOR, source=CLI)  # fmt: skip
    issued = app.issue_device_password(1, "phone", actor=ACTOR, source=CLI)
    basic = "Basic " + base64.b64encode(f"1:{issued.password}".encode()).decode()

    status, first = call("/api/v1/me", basic)  # the password is verified on a worker thread
    assert status == 200 and first["telegram_id"] == 1
    verified = port.calls
    assert verified >= 2  # the check, then the handler

    port.calls = 0
    status, again = call("/api/v1/me", basic)
    assert (status, again) == (200, first)
    assert port.calls == verified - 1  # signed in on the event loop: the handler's hop alone

    status, _ = call("/api/v1/me", "Basic " + base64.b64encode(b"1:wrong").decode())
    assert status == 401

    app.revoke_device_password(1, "phone", actor=ACTOR, source=CLI)
    status, refused = call("/api/v1/me", basic)  # remembered, but the device is gone
    assert status == 401, refused


def test_the_mini_apps_sign_in_reads_the_account_without_a_worker_thread(
    served: tuple[Televent, Call, CountingPort],
) -> None:
    app, call, port = served
    app.register_account(1, name="Ann", timezone="UTC", actor=ACTOR, source=CLI)
    status, me = call("/api/v1/me", tma_headers(1)["Authorization"])
    assert status == 200 and me["telegram_id"] == 1
    assert port.calls == 1  # the handler's hop alone: the account was read on the event loop

    port.calls = 0
    status, refused = call("/api/v1/me", tma_headers(2)["Authorization"])
    assert status == 403 and refused["title"], refused  # not registered with the bot
    assert port.calls == 0
