"""The Mini App's init data check (adapters/api/tma.py), on data signed as Telegram signs it."""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlencode

import pytest

from televent.adapters.api.tma import InitDataRefusedError, verify_init_data
from tests.tma import data_check_string, sign_init_data

TOKEN = "123456:TEST-token"
NOW = 1_790_000_000
DAY = 86_400
ALICE = {"id": 279058397, "first_name": "Alice", "username": "alice", "language_code": "en"}


def verify(init_data: str, *, token: str = TOKEN, now: int = NOW, max_age: int = DAY) -> int:
    return verify_init_data(init_data, token, now=now, max_age=max_age).telegram_id


def test_a_signed_init_data_names_its_user() -> None:
    data = sign_init_data(TOKEN, ALICE, auth_date=NOW - 60, extra={"query_id": "AAHdF6IQ"})
    assert verify(data) == 279058397


def test_the_signature_field_is_under_the_hash_and_does_not_break_it() -> None:
    # Telegram adds `signature` (Ed25519, for third parties) and hashes it with the rest.
    extra = {"signature": "TjU1u5_X2d-7nsdF_I9PuoTyPCR0cCJoGzwRrzFV61bhDQ2FPvUguYPHoDzTuvBtD"}
    data = sign_init_data(TOKEN, ALICE, auth_date=NOW - 60, extra=extra)
    assert verify(data) == 279058397
    # ...so it cannot be added or changed afterwards without breaking the hash.
    with pytest.raises(InitDataRefusedError, match="not signed"):
        verify(data.replace("signature=TjU1", "signature=XjU1"))
    plain = sign_init_data(TOKEN, ALICE, auth_date=NOW - 60)
    with pytest.raises(InitDataRefusedError, match="not signed"):
        verify(f"{plain}&signature=abc")


def test_the_user_json_is_checked_as_received_not_re_serialised() -> None:
    # Telegram escapes "/" in photo_url and orders keys its own way: the hash covers the text.
    user_text = (
        '{"id":42,"photo_url":"https:\\/\\/t.me\\/i\\/userpic\\/320\\/x.svg","first_name":"Z"}'
    )
    fields = {"auth_date": str(NOW), "user": user_text, "chat_type": "sender"}
    secret = hmac.new(b"WebAppData", TOKEN.encode(), hashlib.sha256).digest()
    digest = hmac.new(secret, data_check_string(fields).encode(), hashlib.sha256).hexdigest()
    assert verify(urlencode({**fields, "hash": digest})) == 42


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (lambda d: d.replace("279058397", "279058398"), "not signed"),  # another user
        (lambda d: d[:-4] + "0000", "not signed"),  # a forged hash
        (lambda d: d.split("&hash=")[0], "no hash"),
        (lambda d: d + "&auth_date=1", "repeats"),
        (lambda d: "%%%", "not"),
        (lambda d: "", "no hash"),
    ],
)
def test_tampered_init_data_is_refused(tamper: object, reason: str) -> None:
    data = sign_init_data(TOKEN, ALICE, auth_date=NOW - 60)
    with pytest.raises(InitDataRefusedError, match=reason):
        verify(tamper(data))  # type: ignore[operator]


def test_another_bots_token_does_not_verify() -> None:
    data = sign_init_data("999:OTHER", ALICE, auth_date=NOW)
    with pytest.raises(InitDataRefusedError, match="not signed for this bot"):
        verify(data)


def test_old_init_data_is_refused_and_the_age_is_configurable() -> None:
    data = sign_init_data(TOKEN, ALICE, auth_date=NOW - DAY - 1)
    with pytest.raises(InitDataRefusedError, match="expired"):
        verify(data)
    assert verify(data, max_age=2 * DAY) == ALICE["id"]
    assert verify(sign_init_data(TOKEN, ALICE, auth_date=NOW - DAY + 5)) == ALICE["id"]


def test_init_data_dated_far_in_the_future_is_refused() -> None:
    assert verify(sign_init_data(TOKEN, ALICE, auth_date=NOW + 30)) == ALICE["id"]  # clock skew
    with pytest.raises(InitDataRefusedError, match="future"):
        verify(sign_init_data(TOKEN, ALICE, auth_date=NOW + 3600))


@pytest.mark.parametrize("user", [{"id": 0}, {"id": "7"}, {"id": True}, {"name": "x"}, []])
def test_init_data_without_a_user_id_is_refused(user: object) -> None:
    data = sign_init_data(TOKEN, user, auth_date=NOW)  # type: ignore[arg-type]
    with pytest.raises(InitDataRefusedError, match="no user"):
        verify(data)
