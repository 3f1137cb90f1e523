"""Email for every user over the JSON API against `televent serve` (docs/adr/0019): the
invitation address in GET /api/v1/me and a new one on demand; linking an email with a code
that arrives by SMTP; wrong codes, another user's address, rate limits and bad input."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.invite_mail import ALIAS, MAIL_FROM
from tests.smtpsink import Recorder, messages
from tests.tma import ApiServer, running_api_server

ME = "/api/v1/me"
CODE = re.compile(r"Your Televent code: (\d{6})")


@pytest.fixture
def server(backend: Backend, tmp_path: Path, sink: tuple[Recorder, int]) -> Iterator[ApiServer]:
    extra = {"TELEVENT_SMTP_URL": f"smtp://127.0.0.1:{sink[1]}", "TELEVENT_MAIL_FROM": MAIL_FROM}
    with running_api_server(backend.migrated_url(), tmp_path, extra) as running:
        yield running


def problem(reply: httpx.Response, status: int) -> str:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    return str(reply.json()["detail"])


def code_mailed(handler: Recorder, to: str, count: int) -> str:
    """The code in the `count`-th mail that reached `to` (waiting for it)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        mails = [m for recipients, m in messages(handler) if recipients == [to]]
        if len(mails) >= count:
            found = CODE.search(str(mails[count - 1]["Subject"]))
            assert found is not None
            assert mails[count - 1]["From"].addresses[0].addr_spec == "calendar@cal.example.org"
            return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no code reached {to}")


def test_linking_an_email_with_the_mailed_code(
    server: ApiServer, sink: tuple[Recorder, int]
) -> None:
    handler, _ = sink
    with server.client(2) as bob:
        me = bob.get(ME).json()
        assert ALIAS.fullmatch(me["invite_address"])
        assert (me["email"], me["email_verified"]) == ("bob@example.com", True)  # the operator's
        chosen = {"channels": {"reminders": ["email"]}}
        assert bob.patch(ME, json={"preferences": chosen}).status_code == 200
        assert bob.get(ME).json()["unsent"] == []
        unlinked = bob.delete(f"{ME}/email")
        assert unlinked.status_code == 200
        assert (unlinked.json()["email"], unlinked.json()["email_verified"]) == (None, False)
        assert unlinked.json()["unsent"] == ["reminders"]  # by email alone, and no address now
        problem(bob.delete(f"{ME}/email"), 404)

        asked = bob.post(f"{ME}/email", json={"email": "Bob@New.example"})
        assert asked.status_code == 202, asked.text
        assert (asked.json()["email"], asked.json()["email_verified"]) == ("bob@new.example", False)
        code = code_mailed(handler, "bob@new.example", 1)
        wrong = "000000" if code != "000000" else "111111"
        for left in (4, 3, 2, 1):
            detail = problem(bob.post(f"{ME}/email/verify", json={"code": wrong}), 422)
            assert f"{left} {'try' if left == 1 else 'tries'} left" in detail
        assert "last try" in problem(bob.post(f"{ME}/email/verify", json={"code": wrong}), 429)
        locked = problem(bob.post(f"{ME}/email/verify", json={"code": code}), 429)
        assert "ask for a new code" in locked
        assert bob.get(ME).json()["email"] is None, "a locked code is no longer waiting"

        assert bob.post(f"{ME}/email", json={"email": "bob@new.example"}).status_code == 202
        fresh = code_mailed(handler, "bob@new.example", 2)
        linked = bob.post(f"{ME}/email/verify", json={"code": fresh})
        assert linked.status_code == 200, linked.text
        assert (linked.json()["email"], linked.json()["email_verified"]) == (
            "bob@new.example",
            True,
        )
        assert bob.get(ME).json()["email_verified"] is True
        problem(bob.post(f"{ME}/email/verify", json={"code": fresh}), 404)


def test_refusals_name_nobody_and_never_answer_500(
    server: ApiServer, sink: tuple[Recorder, int]
) -> None:
    handler, _ = sink
    with server.client(2) as bob:
        detail = problem(bob.post(f"{ME}/email", json={"email": "alice@example.com"}), 409)
        assert "linked to another account" in detail and "Alice" not in detail
        assert "not an email address" in problem(
            bob.post(f"{ME}/email", json={"email": "no-at-sign"}), 422
        )
        problem(bob.post(f"{ME}/email", json={"email": 5}), 400)
        problem(bob.post(f"{ME}/email", json={"address": "x@example.org"}), 400)
        problem(
            bob.post(f"{ME}/email", content=b"email=x", headers={"Content-Type": "text/plain"}), 415
        )
        problem(bob.post(f"{ME}/email/verify", json={"code": "abc"}), 422)
        problem(bob.post(f"{ME}/email/verify", json={"code": "123456"}), 404)
        # Three codes an hour, the address linked to Alice's asked about above counted too:
        # the third is refused, saying when to try again.
        for n in range(2):
            assert bob.post(f"{ME}/email", json={"email": f"b{n}@example.org"}).status_code == 202
        refused = bob.post(f"{ME}/email", json={"email": "b2@example.org"})
        assert "try again in" in problem(refused, 429)
        assert 3000 < int(refused.headers["retry-after"]) <= 3600
        # a signed-in caller's quota, not a failed login: no warning, no count, no penalty
        metrics = httpx.get(f"{server.url}/metrics", timeout=10).text
        assert "televent_failed_logins_total{" not in metrics
    code_mailed(handler, "b1@example.org", 1)  # the last code asked for is mailed


def test_a_new_invitation_address_replaces_the_old(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob:
        old = alice.get(ME).json()["invite_address"]
        assert alice.get(ME).json()["invite_address"] == old  # stable
        renewed = alice.post(f"{ME}/invite-address")
        assert renewed.status_code == 200, renewed.text
        new = renewed.json()["invite_address"]
        assert ALIAS.fullmatch(new) and new != old
        assert alice.get(ME).json()["invite_address"] == new
        assert bob.get(ME).json()["invite_address"] not in (old, new)
        spec = httpx.get(f"{server.url}/api/v1/openapi.json").json()
        for path in (f"{ME}/email", f"{ME}/email/verify", f"{ME}/invite-address"):
            assert path in spec["paths"], path
