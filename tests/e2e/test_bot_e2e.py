"""`televent serve` with the bot on, against a Bot API stand-in over HTTP on loopback.

Covers the invitation journey end to end (registration, one-line creation, invitation, the card,
the tap, the organizer's notice, a CalDAV client seeing PARTSTAT=ACCEPTED), Bot API failures
(429, 403), a process killed between the event and the send, and webhook mode.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import caldav
import pytest

from tests.botapi import Call, FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import running_serve

ALICE, BOB, CAROL = 1, 2, 3
RUNNING: dict[str, subprocess.Popen[bytes]] = {}


@contextmanager
def serve(
    database_url: str, api: FakeBotApi, cwd: Path, extra: dict[str, str] | None = None
) -> Iterator[str]:
    """Run `televent serve` with the bot pointed at the stand-in; yields the base URL."""
    bot = {"TELEGRAM_BOT_TOKEN": "123:ABC", "TELEGRAM_API_BASE": api.base_url, **(extra or {})}
    with running_serve(database_url, cwd, bot) as (url, process):
        RUNNING[url] = process
        yield url


def kill(url: str) -> None:
    """SIGKILL the serve process listening on this URL: no shutdown, no cleanup."""
    process = RUNNING[url]
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


def say(api: FakeBotApi, user: int, text: str, expect: str) -> Call:
    """Send a message and wait for the bot's reply containing `expect`."""
    before = len(api.calls())
    names = {ALICE: ("Alice", "alice"), BOB: ("Bob", "bob"), CAROL: ("Carol", "carol")}
    first, username = names[user]
    api.push_message(user, text, username=username, first_name=first)
    return api.wait_for(
        "sendMessage",
        lambda c: c.chat_id == user and expect in c.text and api.calls().index(c) >= before,
    )


def register(api: FakeBotApi, *users: int) -> None:
    for user in users:
        say(api, user, "/start", "time zone")
        say(api, user, "/timezone Europe/Berlin", "Europe/Berlin")


def create(api: FakeBotApi, user: int, line: str) -> str:
    card = say(api, user, f"/create {line}", "Save this event?")
    api.push_callback(user, "new:1", message_id=card.message_id or 0)
    saved = api.wait_for("editMessageText", lambda c: c.chat_id == user and "Saved" in c.text)
    match = re.search(r"/invite ([0-9a-f]{6})", saved.text)
    assert match, saved.text
    return match.group(1)


def card_for(api: FakeBotApi, user: int, **kwargs: float) -> Call:
    return api.wait_for(
        "sendMessage",
        lambda c: c.chat_id == user and "Invitation" in c.text and not c.failed,
        **kwargs,
    )


def test_invitation_journey_through_the_running_server(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    with serve(backend.migrated_url(), api, tmp_path) as url:
        commands = api.wait_for("setMyCommands")
        assert {"today", "create", "invite", "rsvp"} <= {
            c["command"] for c in commands.params["commands"]
        }
        register(api, ALICE, BOB)
        sid = create(api, ALICE, "Team sync, tomorrow 15:00, 1h, Room 4")
        assert "3:00\u202fPM–4:00\u202fPM" in say(api, ALICE, "/tomorrow", "Team sync").text
        device = say(api, ALICE, "/device add laptop", "Password for")
        password = re.search(r"<code>([0-9a-f-]{27})</code>", device.text).group(1)

        say(api, ALICE, f"/invite {sid} @bob", "Bob invited")
        card = card_for(api, BOB)
        assert "Team sync" in card.text and "3:00\u202fPM–4:00\u202fPM" in card.text
        assert "Alice" in card.text
        accept = card.params["reply_markup"]["inline_keyboard"][0][0]
        assert accept["text"] == "✅ Accept"
        api.push_callback(BOB, accept["callback_data"], message_id=card.message_id or 0)
        edited = api.wait_for("editMessageText", lambda c: c.chat_id == BOB)
        assert "accepted" in edited.text
        notice = api.wait_for("sendMessage", lambda c: c.chat_id == ALICE and "accepted" in c.text)
        assert notice.text.startswith("✅ Bob accepted <b>Team sync</b>")

        client = caldav.DAVClient(url=f"{url}/", username=str(ALICE), password=password)
        calendar = client.principal().calendars()[0]
        (event,) = calendar.events()
        data = re.sub(r"\r?\n[ \t]", "", event.data)
        assert re.search(r"PARTSTAT=ACCEPTED[^\r\n]*tg_2@televent.internal", data), data
        time.sleep(1)
        cards = [c for c in api.calls("sendMessage", chat_id=BOB) if "Invitation" in c.text]
        assert len(cards) == 1, "one card, never twice"


def test_429_is_retried_and_a_blocked_user_is_given_up(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    with serve(backend.migrated_url(), api, tmp_path):
        register(api, ALICE, BOB, CAROL)
        sid = create(api, ALICE, "Retro, tomorrow 16:00")
        api.fail(
            "sendMessage", status=429, description="Too Many Requests", retry_after=2, chat_id=BOB
        )
        api.block(CAROL)
        say(api, ALICE, f"/invite {sid} @bob @carol", "Carol invited")
        first = api.wait_for("sendMessage", lambda c: c.chat_id == BOB and c.failed)
        card = card_for(api, BOB, timeout=20)
        assert card.at - first.at >= 1.9, "retry_after was respected"
        blocked = api.wait_for("sendMessage", lambda c: c.chat_id == CAROL and c.failed)
        assert blocked.failed
        time.sleep(1.5)
        assert (
            len([c for c in api.calls("sendMessage", chat_id=CAROL) if "Invitation" in c.text]) == 1
        )


def test_a_process_killed_before_sending_still_delivers_the_card_once(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    with serve(database_url, api, tmp_path) as url:
        register(api, ALICE, BOB)
        sid = create(api, ALICE, "Launch, tomorrow 10:00")
        api.fail(
            "sendMessage", status=429, description="Too Many Requests", retry_after=4, chat_id=BOB
        )
        say(api, ALICE, f"/invite {sid} @bob", "Bob invited")
        api.wait_for("sendMessage", lambda c: c.chat_id == BOB and c.failed)
        kill(url)  # the invitation is in the log and the queue; the card is not sent
    assert not [
        c for c in api.calls("sendMessage", chat_id=BOB) if "Invitation" in c.text and not c.failed
    ]
    with serve(database_url, api, tmp_path):
        card_for(api, BOB, timeout=60)  # at most the lease of a row the killed process held
        time.sleep(1.5)
    delivered = [
        c for c in api.calls("sendMessage", chat_id=BOB) if "Invitation" in c.text and not c.failed
    ]
    assert len(delivered) == 1


def test_webhook_mode_checks_the_secret_token(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    extra = {
        "TELEGRAM_WEBHOOK_URL": "https://calendar.example.com",
        "TELEGRAM_WEBHOOK_SECRET": "s3cret",
    }
    with serve(backend.migrated_url(), api, tmp_path, extra) as url:
        registered = api.wait_for("setWebhook")
        assert registered.params["url"] == "https://calendar.example.com/telegram/webhook"
        assert registered.params["secret_token"] == "s3cret"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": ALICE, "type": "private"},
                "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"},
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        body = json.dumps(update).encode()

        def post(secret: str | None) -> int:
            headers = {"Content-Type": "application/json"}
            if secret is not None:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            request = urllib.request.Request(f"{url}/telegram/webhook", body, headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return int(response.status)
            except urllib.error.HTTPError as error:
                return int(error.code)

        assert post(None) == 403
        assert post("wrong") == 403
        assert api.calls("sendMessage") == []
        assert post("s3cret") == 200
        api.wait_for("sendMessage", lambda c: c.chat_id == ALICE and "Hi Alice" in c.text)
        assert api.calls("getUpdates") == [], "no polling in webhook mode"
