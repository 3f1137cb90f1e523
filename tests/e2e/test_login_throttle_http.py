"""The failed-login throttle over HTTP, from two client addresses (127.0.0.1 and 127.0.0.2,
both loopback): ten wrong passwords for Bob from one address refuse Bob from that address only.
Alice behind the same address, and Bob from another, log in."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import Server

CAL = "/dav/calendars/{}/default/"


def client(server: Server, address: str) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.url, transport=transport, timeout=60)


def propfind(http: httpx.Client, telegram_id: int, password: str) -> int:
    reply = http.request(
        "PROPFIND",
        CAL.format(telegram_id),
        auth=(str(telegram_id), password),
        headers={"Depth": "0"},
    )
    return reply.status_code


def test_one_users_failures_lock_out_nobody_else(server: Server) -> None:
    first, second = client(server, "127.0.0.1"), client(server, "127.0.0.2")
    statuses = [propfind(first, 2, f"guess-{n}") for n in range(11)]
    assert statuses[:3] == [401] * 3 and statuses[-1] == 429
    # Alice, behind the same address, with her right password: never throttled.
    assert propfind(first, 1, server.users[1]) == 207
    assert propfind(first, 1, "alice-typo") == 401
    # Bob from another address: slowed a little at most, never refused.
    assert propfind(second, 2, server.users[2]) == 207
    assert propfind(second, 2, "bob-typo") == 401
    # From the address that failed, Bob stays refused until the window passes.
    assert propfind(first, 2, server.users[2]) == 429
