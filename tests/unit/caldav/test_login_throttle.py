"""The failed-login throttle (adapters/caldav/auth.py), with a fake clock and no real sleeping:
one user's failures from one address never lock out other users behind that address, nor the
user from other addresses; a stranger guessing from many addresses only slows the account."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID, uuid4

import argon2
import pytest

from televent.adapters import login_failures
from televent.adapters.caldav import auth
from televent.adapters.caldav.auth import Authenticator, ThrottledError, UnauthenticatedError
from televent.adapters.login_failures import MemoryFailureLog

HASH = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@dataclass
class Account:
    account_id: UUID
    telegram_id: int


@dataclass
class FakeQueries:
    """The directory reads the authenticator makes, for accounts 1 and 2."""

    passwords: dict[int, str]
    accounts: dict[int, Account] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.accounts = {t: Account(uuid4(), t) for t in self.passwords}
        self.hashes = {t: HASH.hash(p) for t, p in self.passwords.items()}

    def account_by_telegram_id(self, telegram_id: int) -> Account | None:
        assert telegram_id < 2**63  # what the database can hold
        return self.accounts.get(telegram_id)

    def account_by_email(self, email: str) -> Account | None:
        return None

    def _owner(self, account_id: UUID) -> int:
        return next(t for t, a in self.accounts.items() if a.account_id == account_id)

    def active_devices(self, account_id: UUID) -> list[tuple[str, str, str]]:
        owner = self._owner(account_id)
        return [(f"device-{owner}", "laptop", self.hashes[owner])]

    def account_with_device(self, telegram_id: int, device_id: str) -> Account | None:
        return self.accounts.get(telegram_id) if device_id == f"device-{telegram_id}" else None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def authenticator(clock: Clock) -> Authenticator:
    queries: Any = FakeQueries({1: "alice-pw", 2: "bob-pw"})
    return Authenticator(queries, lambda device: None, clock=clock, sleep=clock.sleep)


def fail(authenticator: Authenticator, user: str, client: str, times: int) -> list[str]:
    outcomes = []
    for n in range(times):
        try:
            authenticator.authenticate(basic(user, f"guess-{n}"), client)
        except UnauthenticatedError:
            outcomes.append("401")
        except ThrottledError:
            outcomes.append("429")
    return outcomes


def test_failures_for_one_user_do_not_lock_out_others_behind_the_address(
    authenticator: Authenticator, clock: Clock
) -> None:
    assert fail(authenticator, "2", "127.0.0.1", 12)[-2:] == ["429", "429"]
    clock.slept.clear()
    assert authenticator.authenticate(basic("1", "alice-pw"), "127.0.0.1").telegram_id == 1
    assert clock.slept == []  # not even slowed
    assert fail(authenticator, "1", "127.0.0.1", 1) == ["401"]


def test_the_user_is_not_locked_out_from_another_address(
    authenticator: Authenticator, clock: Clock
) -> None:
    fail(authenticator, "2", "127.0.0.1", 12)
    clock.slept.clear()
    assert authenticator.authenticate(basic("2", "bob-pw"), "127.0.0.2").telegram_id == 2
    assert sum(clock.slept) <= auth.MAX_ACCOUNT_DELAY_SECONDS  # slowed a little, not refused
    # The refused pair stays refused, even with the right password (no oracle for guesses).
    with pytest.raises(ThrottledError):
        authenticator.authenticate(basic("2", "bob-pw"), "127.0.0.1")


def test_a_stranger_guessing_from_many_addresses_only_slows_the_account(
    authenticator: Authenticator, clock: Clock
) -> None:
    for address in range(20):
        assert fail(authenticator, "2", f"10.0.0.{address}", 5) == ["401"] * 5
    clock.slept.clear()
    assert authenticator.authenticate(basic("2", "bob-pw"), "127.0.0.2").telegram_id == 2
    assert 0 < sum(clock.slept) <= auth.MAX_ACCOUNT_DELAY_SECONDS
    # Once verified, the credentials are remembered and no longer delayed.
    clock.slept.clear()
    authenticator.authenticate(basic("2", "bob-pw"), "127.0.0.2")
    assert clock.slept == []


def test_failures_expire_after_the_window(authenticator: Authenticator, clock: Clock) -> None:
    fail(authenticator, "2", "127.0.0.1", 10)
    assert fail(authenticator, "2", "127.0.0.1", 1) == ["429"]
    clock.now += auth.FAILURE_WINDOW_SECONDS + 1
    assert authenticator.authenticate(basic("2", "bob-pw"), "127.0.0.1").telegram_id == 2


def test_one_address_trying_many_accounts_is_slowed(
    authenticator: Authenticator, clock: Clock
) -> None:
    for n in range(auth.ADDRESS_SLOW_AFTER_FAILURES):
        fail(authenticator, f"user{n}@example.com", "127.0.0.9", 1)
    clock.slept.clear()
    assert fail(authenticator, "someone@example.com", "127.0.0.9", 1) == ["401"]
    assert clock.slept and clock.slept[0] <= auth.MAX_ACCOUNT_DELAY_SECONDS


@pytest.mark.parametrize("user", ["9" * 19, "9" * 25, "1" * 4_300, "1" * 5_000, "²³", "١٢"])
def test_numeric_user_names_that_fit_no_account_are_wrong_credentials(
    authenticator: Authenticator, user: str
) -> None:
    with pytest.raises(UnauthenticatedError):
        authenticator.authenticate(basic(user, "pw"), "127.0.0.1")


def test_forgotten_keys_do_not_pile_up(
    authenticator: Authenticator, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(login_failures, "MAX_TRACKED_KEYS", 30)
    fail(authenticator, "old@example.com", "127.0.0.1", 1)
    clock.now += auth.FAILURE_WINDOW_SECONDS + 1
    for n in range(40):
        fail(authenticator, f"u{n}@example.com", f"10.1.0.{n}", 1)
    failures = authenticator.failures
    assert isinstance(failures, MemoryFailureLog)
    assert not any("old@example.com" in key for key in failures._failures)
