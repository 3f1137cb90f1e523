"""`televent serve` with the bot on and the Mini App: what the bot offers, followed over HTTP.

Over HTTPS (TELEVENT_PUBLIC_URL) the chat menu button opens the app, /app answers with the app
button and a browser login link, and event cards carry "Open"; over plain HTTP there is no menu
button and /app's link, followed by a browser, logs its user in once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.botapi import Call, FakeBotApi
from tests.conftest import Backend
from tests.e2e.test_bot_e2e import ALICE, BOB, create, register, say, serve

PUBLIC = "https://calendar.example.com"


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


def buttons(call: Call) -> list[dict[str, str | dict[str, str]]]:
    markup = call.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def session_cookie(response: httpx.Response) -> str | None:
    """The session cookie a response sets, as `name=value` (sent back by hand: the cookie is
    Secure behind an HTTPS public URL, and this client talks plain HTTP to the server)."""
    for header in response.headers.get_list("set-cookie"):
        pair = header.split(";", 1)[0].strip()
        if pair.startswith("televent_session=") and pair != "televent_session=":
            return pair
    return None


def log_in(url: str, token: str) -> str:
    """Follow a login link as a browser would; the session cookie it set."""
    with httpx.Client(base_url=url, follow_redirects=False, timeout=10) as client:
        response = client.get("/app/login", params={"token": token})
        assert response.status_code == 303, response.text
        assert response.headers["location"].endswith("/app/")
        cookie = session_cookie(response)
        assert cookie is not None, response.headers
        return cookie


def test_over_https_the_menu_button_app_and_open_buttons_lead_to_the_app(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    with serve(backend.migrated_url(), api, tmp_path, {"TELEVENT_PUBLIC_URL": f"{PUBLIC}/"}) as url:
        menu = api.wait_for("setChatMenuButton")
        assert menu.params["menu_button"] == {
            "type": "web_app",
            "text": "Calendar",
            "web_app": {"url": f"{PUBLIC}/app/"},
        }
        register(api, ALICE, BOB)
        reply = say(api, ALICE, "/app", "Open calendar")
        assert {"text": "📅 Open calendar", "web_app": {"url": f"{PUBLIC}/app/"}} in buttons(reply)
        (link,) = [str(b["url"]) for b in buttons(reply) if "url" in b]
        token = link.removeprefix(f"{PUBLIC}/app/login?token=")
        assert token != link and "expires in 10 minutes" in reply.text
        cookie = log_in(url, token)  # the public URL's proxy would pass it on to the server
        with httpx.Client(base_url=url, timeout=10) as client:
            me = client.get("/api/v1/me", headers={"Cookie": cookie})
            assert me.status_code == 200, me.text
            assert (me.json()["telegram_id"], me.json()["name"]) == (ALICE, "Alice")

        sid = create(api, ALICE, "Planning, tomorrow 11:00")
        saved = api.wait_for("editMessageText", lambda c: c.chat_id == ALICE and sid in c.text)
        (open_url,) = [b["web_app"]["url"] for b in buttons(saved) if "web_app" in b]  # type: ignore[index]
        assert re.fullmatch(
            rf"{re.escape(PUBLIC)}/app/#event={sid}[0-9a-f]{{2}}-[0-9a-f-]{{27}}", open_url
        )
        say(api, ALICE, f"/invite {sid} @bob", "Bob invited")
        card = api.wait_for("sendMessage", lambda c: c.chat_id == BOB and "Invitation" in c.text)
        rows = card.params["reply_markup"]["inline_keyboard"]
        assert rows[0][0]["text"] == "✅ Accept"
        assert rows[1] == [{"text": "📅 Open", "web_app": {"url": open_url}}]


def test_over_http_no_menu_button_and_the_link_from_app_works_once(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    with serve(backend.migrated_url(), api, tmp_path) as url:
        api.wait_for("getUpdates")  # started: the menu button's turn is past
        assert api.calls("setChatMenuButton") == []
        register(api, ALICE)
        reply = say(api, ALICE, "/app", "TELEVENT_PUBLIC_URL")
        assert not any("web_app" in b for b in buttons(reply))
        match = re.search(rf"{re.escape(url)}/app/login\?token=([A-Za-z0-9_%-]+)", reply.text)
        assert match, reply.text
        cookie = log_in(url, match.group(1))
        with httpx.Client(base_url=url, follow_redirects=False, timeout=10) as client:
            me = client.get("/api/v1/me", headers={"Cookie": cookie})
            assert me.status_code == 200, me.text
            assert me.json()["telegram_id"] == ALICE
            again = client.get("/app/login", params={"token": match.group(1)})
            assert again.status_code == 410, "a link works once"
            assert session_cookie(again) is None
            assert client.get("/api/v1/me").status_code == 401, "no session without the cookie"
