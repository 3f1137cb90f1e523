"""Telegram Mini App init data, signed the way Telegram signs it, for tests.

https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app:
secret_key = HMAC_SHA256(key="WebAppData", msg=bot_token); hash = hex(HMAC_SHA256(secret_key,
data_check_string)), where data_check_string is every received field except `hash`, as sorted
`key=value` lines joined by "\\n". Telegram also adds an Ed25519 `signature` field (for
validation by third parties without the token); it is one of the fields under the HMAC.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx


def data_check_string(fields: dict[str, str]) -> str:
    """The sorted `key=value` lines of every field except `hash`."""
    return "\n".join(f"{key}={value}" for key, value in sorted(fields.items()) if key != "hash")


def sign_init_data(
    bot_token: str, user: dict[str, object], *, auth_date: int, extra: dict[str, str] | None = None
) -> str:
    """URL-encoded init data for `user` (at least {"id": <telegram id>}), signed with `bot_token`.

    `extra` adds fields under the hash (e.g. {"query_id": "...", "signature": "..."}).
    """
    fields = {
        "auth_date": str(auth_date),
        "user": json.dumps(user, separators=(",", ":"), ensure_ascii=False),
        **(extra or {}),
    }
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    digest = hmac.new(secret, data_check_string(fields).encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


BOT_TOKEN = "123:ABC"


def tma_headers(
    telegram_id: int,
    *,
    bot_token: str = BOT_TOKEN,
    auth_date: int | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    """`Authorization: tma <initData>` for a Telegram user, signed now (or at `auth_date`)."""
    when = int(time.time()) if auth_date is None else auth_date
    user = {"id": telegram_id, "first_name": f"User {telegram_id}", "language_code": "en"}
    return {"Authorization": f"tma {sign_init_data(bot_token, user, auth_date=when, extra=extra)}"}


def tma_client(base_url: str, telegram_id: int, first_name: str) -> httpx.Client:
    """A client of the JSON API at `base_url`, signed in as the Mini App signs a user in (init
    data signed now with the test bot's token)."""
    init_data = sign_init_data(
        BOT_TOKEN, {"id": telegram_id, "first_name": first_name}, auth_date=int(time.time())
    )
    return httpx.Client(
        base_url=base_url, headers={"Authorization": f"tma {init_data}"}, timeout=30
    )


@dataclass
class ApiServer:
    """A running `televent serve` with the bot on (against a local Bot API stand-in), so the
    Mini App's init data is accepted; users 1 (Alice) and 2 (Bob) have a device password."""

    url: str
    database_url: str
    users: dict[int, str]  # telegram id -> device password
    bot_token: str = BOT_TOKEN

    def basic(self, telegram_id: int) -> tuple[str, str]:
        return str(telegram_id), self.users[telegram_id]

    def client(self, telegram_id: int | None = None) -> httpx.Client:
        """An HTTP client for the API, signed in with the Mini App's init data of a user."""
        headers = {} if telegram_id is None else tma_headers(telegram_id, bot_token=self.bot_token)
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


@contextmanager
def running_api_server(
    database_url: str, cwd: Path, extra: dict[str, str] | None = None, *, bot: bool = True
) -> Iterator[ApiServer]:
    """Seed Alice and Bob, then run `televent serve` (with the bot unless `bot` is False)."""
    from tests.botapi import FakeBotApi  # noqa: PLC0415 - keeps sign_init_data import-light
    from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts  # noqa: PLC0415

    users = seed_accounts(database_url)
    with FakeBotApi() as stand_in:
        env = {**SERVER_SETTINGS, **(extra or {})}
        if bot:
            env |= {"TELEGRAM_BOT_TOKEN": BOT_TOKEN, "TELEGRAM_API_BASE": stand_in.base_url}
        with running_serve(database_url, cwd, env) as (url, _):
            yield ApiServer(url, database_url, users)
