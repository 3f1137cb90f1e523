"""Rate limits of real `televent serve` processes sharing a real Redis server: an address's and
an account's allowance is one across processes, and a user behind an address that someone
else floods with wrong passwords still logs in.

Client addresses are given in X-Forwarded-For, which the server believes from loopback (as it
would from a reverse proxy on the same host)."""

from __future__ import annotations

import random
from contextlib import ExitStack
from pathlib import Path

import httpx

from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts
from tests.integration.test_ratelimit import redis_url  # noqa: F401 - a fixture

LIMITS = {
    **SERVER_SETTINGS,
    "TELEVENT_RATE_ADDRESS_BURST": "4",
    "TELEVENT_RATE_ADDRESS_PER_MINUTE": "1",
    "TELEVENT_RATE_ACCOUNT_BURST": "6",
    "TELEVENT_RATE_ACCOUNT_PER_MINUTE": "1",
}


def propfind(url: str, address: str, auth: tuple[str, str] | None = None) -> httpx.Response:
    """A PROPFIND of the user's own calendar (Alice's when anonymous)."""
    headers = {"Depth": "0", "X-Forwarded-For": address}
    path = f"/dav/calendars/{auth[0] if auth else 1}/default/"
    return httpx.request("PROPFIND", url + path, headers=headers, auth=auth, timeout=30)


def test_limits_are_shared_by_the_processes_and_spare_the_neighbours(
    backend: Backend,
    tmp_path: Path,
    redis_url: str,  # noqa: F811 - the fixture
) -> None:
    database_url = backend.fresh_url()
    users = seed_accounts(database_url)
    alice, bob = ("1", users[1]), ("2", users[2])
    count = 2 if backend.kind == "postgresql" else 1  # SQLite: one process
    settings = {**LIMITS, "TELEVENT_REDIS_URL": redis_url}
    net = f"198.51.{random.randint(0, 255)}"  # addresses no other run uses
    with ExitStack() as stack:
        urls = [stack.enter_context(running_serve(database_url, tmp_path, settings))[0]
                for _ in range(count)]  # fmt: skip

        def each(n: int) -> str:
            return urls[n % count]

        anonymous = [propfind(each(n), f"{net}.1").status_code for n in range(5)]
        assert anonymous == [401, 401, 401, 401, 429]  # 4 across all processes, then refused
        refused = propfind(each(1), f"{net}.1")
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert refused.headers["ratelimit-policy"] == '"address";q=4;w=240'
        assert propfind(each(0), f"{net}.2").status_code == 401  # another address is untouched

        office = f"{net}.3"  # Mallory floods Bob's name with wrong passwords from the office
        flood = {propfind(each(n), office, ("2", f"guess-{n}")).status_code for n in range(5)}
        assert flood <= {401, 429}
        assert propfind(each(0), office).status_code == 429  # the office's allowance is spent
        assert propfind(each(1), office, alice).status_code == 207  # Alice still gets in

        # Bob's own allowance was not spent by the guesses: six requests, then refused.
        statuses = [propfind(each(n), f"{net}.4", bob).status_code for n in range(7)]
        assert statuses == [207] * 6 + [429]
        metrics = httpx.get(urls[0] + "/metrics", timeout=10).text
        assert 'televent_rate_limited_total{bucket="account",surface="caldav"}' in metrics
        assert "televent_failed_logins_total" in metrics
