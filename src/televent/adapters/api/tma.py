"""Telegram Mini App init data: checking that Telegram signed it for this bot.

https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app:
secret_key = HMAC_SHA256(key="WebAppData", msg=bot_token), and the `hash` field must be the hex
HMAC_SHA256(secret_key, data_check_string), where data_check_string is every received field
except `hash`, as `key=value` lines (values URL-decoded, exactly as received: the `user` JSON is
never re-serialised) sorted by key and joined by "\\n".

Telegram also adds a `signature` field: an Ed25519 signature for third parties that do not
have the token (they check it over the same lines without `hash` and `signature`). For the
bot's own check it is just another received field, so it stays in data_check_string, as
Telegram's own clients and the reference libraries do; dropping it would refuse every
init data that carries it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from urllib.parse import parse_qsl

MAX_INIT_DATA_LENGTH = 8192  # Telegram's init data is a few hundred bytes
FUTURE_TOLERANCE_SECONDS = 300  # clocks disagree a little; more than this is not Telegram's


class InitDataRefusedError(Exception):
    """The init data is not Telegram's, is too old, or names no user (the message says which)."""


@dataclass(frozen=True)
class MiniAppUser:
    """Who Telegram says opened the Mini App."""

    telegram_id: int
    auth_date: int


def secret_key(bot_token: str) -> bytes:
    """The key of the init data's HMAC, derived from the bot token."""
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def verify_init_data(init_data: str, bot_token: str, *, now: int, max_age: int) -> MiniAppUser:
    """The user of a Mini App's init data, after checking Telegram's hash (in constant time)
    and the age of `auth_date`; InitDataRefusedError otherwise."""
    if len(init_data) > MAX_INIT_DATA_LENGTH:
        raise InitDataRefusedError("The Telegram init data is too long.")
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise InitDataRefusedError("The Telegram init data is not URL-encoded fields.") from None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise InitDataRefusedError("The Telegram init data repeats a field.")
    received = fields.pop("hash", "")
    if not received:
        raise InitDataRefusedError("The Telegram init data has no hash.")
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    expected = hmac.new(secret_key(bot_token), check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), received.lower().encode()):
        raise InitDataRefusedError("The Telegram init data is not signed for this bot.")
    auth_date = _int(fields.get("auth_date"))
    if auth_date is None:
        raise InitDataRefusedError("The Telegram init data has no auth_date.")
    if auth_date < now - max_age:
        raise InitDataRefusedError("The Telegram init data has expired; open the Mini App again.")
    if auth_date > now + FUTURE_TOLERANCE_SECONDS:
        raise InitDataRefusedError("The Telegram init data is dated in the future.")
    telegram_id = _user_id(fields.get("user"))
    if telegram_id is None:
        raise InitDataRefusedError("The Telegram init data names no user.")
    return MiniAppUser(telegram_id, auth_date)


def _int(text: str | None) -> int | None:
    if text is None or not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    return int(text)


def _user_id(user: str | None) -> int | None:
    if not user:
        return None
    try:
        value = json.loads(user)
    except ValueError:
        return None
    identifier = value.get("id") if isinstance(value, dict) else None
    if isinstance(identifier, bool) or not isinstance(identifier, int) or identifier <= 0:
        return None
    return identifier
