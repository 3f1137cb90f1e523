"""HTTP Basic authentication against device passwords (RFC 7617), with throttling.

The user name is the Telegram id or a linked email; the password is a device password, checked
against its Argon2id hash. A verified pair is remembered for a few minutes (keyed by a digest,
and re-checked against the live device list so a revoked device stops at once), because Argon2
is deliberately slow and CalDAV clients authenticate every request. The most frequent request,
a GET of an object in one's own calendar, makes that re-check in the statement that reads the
object (`remembered`, then handlers._own_object): one round trip instead of two.

Failed logins are counted three ways, so that nobody's mistakes or attacks lock out anyone else:

- per (client address, user name): slowed after 3 failures, refused with 429 and Retry-After
  after 10. Only that user from that address is refused: other users behind the same address
  (a household or office NAT) log in as usual.
- per user name (the account), from every address: slowed after 10 failures, by at most
  `MAX_ACCOUNT_DELAY_SECONDS`, never refused, so a stranger guessing from many addresses is
  slowed down but cannot lock the owner out.
- per client address, across user names: slowed (never refused) after 30 failures, against
  one address trying many accounts.

The counts live in a failure log (adapters/login_failures.py): this process's memory, or Redis
when TELEVENT_REDIS_URL is set, so that every process of a deployment counts the same failures.

Credentials already verified (remembered) are never delayed; a refused pair stays refused even
with the right password, so that a refusal does not tell a right guess from a wrong one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from uuid import UUID

import argon2

from televent.adapters.caldav.resources import parse_telegram_id
from televent.adapters.login_failures import FailureLog, MemoryFailureLog
from televent.application import accounts
from televent.projections.queries import AccountView, Queries

REMEMBER_SECONDS = 300
FAILURE_WINDOW_SECONDS = 600
SLOW_AFTER_FAILURES = 3
REFUSE_AFTER_FAILURES = 10
SLOWDOWN_SECONDS = 0.5
ACCOUNT_SLOW_AFTER_FAILURES = 10
ADDRESS_SLOW_AFTER_FAILURES = 30
MAX_ACCOUNT_DELAY_SECONDS = 2.0
MAX_USER_NAME_LENGTH = 320  # the longest email address (RFC 5321 §4.5.3.1)
USAGE_RECORD_SECONDS = 60


@dataclass(frozen=True)
class Principal:
    """Who is calling: the account and the device whose password was used (and the account
    as the directory holds it now, read with the device's check)."""

    account_id: UUID
    telegram_id: int
    device_id: str
    device_name: str
    account: AccountView | None = None


class UnauthenticatedError(Exception):
    """No or wrong credentials (401)."""


class ThrottledError(Exception):
    """Too many failures (429)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed logins; retry in {retry_after} s.")
        self.retry_after = retry_after


class Authenticator:
    """Checks Basic credentials; safe to share between worker threads."""

    def __init__(
        self,
        queries: Queries,
        record_usage: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        failures: FailureLog | None = None,
    ) -> None:
        self.queries = queries
        self.record_usage = record_usage
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._remembered: dict[bytes, tuple[Principal, float]] = {}
        self.failures = failures or MemoryFailureLog(FAILURE_WINDOW_SECONDS, clock)
        self._usage_recorded: dict[str, float] = {}

    def authenticate(self, authorization: str | None, client: str) -> Principal:
        """The principal for an Authorization header, or UnauthenticatedError / ThrottledError."""
        user, password = _credentials(authorization)
        keys, digest = _attempt(user, password, client)
        delay = self._check_throttle(keys)
        principal = self._remembered_principal(digest)
        if principal is None:
            if delay > 0:
                self.sleep(delay)
            principal = self._verify(user, password)
            if principal is None:
                self._fail(keys)
                raise UnauthenticatedError("Wrong user name or device password.")
            with self._lock:
                self._remembered[digest] = (principal, self.clock() + REMEMBER_SECONDS)
        self._note_usage(principal.device_id)
        return principal

    def remembered(self, authorization: str | None, client: str) -> Principal | None:
        """The principal of credentials verified a moment ago, without reading whether their
        device is still active: for a caller that reads that together with its answer, in the
        same statement (a GET of one's own calendar object), and calls `authenticate` when it
        is not (a revoked device is then refused as ever). Throttling applies as in
        `authenticate`; None for anything but remembered credentials."""
        try:
            user, password = _credentials(authorization)
        except UnauthenticatedError:
            return None
        keys, digest = _attempt(user, password, client)
        self._check_throttle(keys)
        with self._lock:
            entry = self._remembered.get(digest)
        if entry is None or entry[1] < self.clock():
            return None
        return entry[0]

    def remembered_without_waiting(
        self, authorization: str | None, client: str
    ) -> Principal | None:
        """`remembered`, for a caller on the event loop, which must not wait: None also when
        the failure counts are kept elsewhere (Redis) or the device's use is due to be noted
        (a write); the caller then takes the full way on a worker thread."""
        if not self.failures.in_memory:
            return None
        principal = self.remembered(authorization, client)
        if principal is None:
            return None
        with self._lock:
            due = self._usage_due(principal.device_id, self.clock())
        return None if due else principal

    def used(self, principal: Principal) -> None:
        """A remembered principal's device was found active and answered for."""
        self._note_usage(principal.device_id)

    def _remembered_principal(self, digest: bytes) -> Principal | None:
        """Credentials verified a moment ago, while their device is still active: one read
        says both and brings the account along."""
        with self._lock:
            entry = self._remembered.get(digest)
        if entry is None or entry[1] < self.clock():
            return None
        principal = entry[0]
        account = self.queries.account_with_device(principal.telegram_id, principal.device_id)
        return None if account is None else replace(principal, account=account)

    def _verify(self, user: str, password: str) -> Principal | None:
        telegram_id = parse_telegram_id(user)
        if telegram_id is not None:
            account = self.queries.account_by_telegram_id(telegram_id)
        elif user.isascii() and user.isdigit():
            account = None  # digits, but more than a telegram id can be
        else:
            account = self.queries.account_by_email(user)
        if account is None:
            # the same time whether or not the account exists: a hash at the stored ones' costs
            accounts.PASSWORD_HASHER.hash(password)
            return None
        for device_id, name, stored in self.queries.active_devices(account.account_id):
            try:
                accounts.PASSWORD_HASHER.verify(stored, password)
            except (argon2.exceptions.VerifyMismatchError, argon2.exceptions.InvalidHashError):
                continue
            return Principal(account.account_id, account.telegram_id, device_id, name, account)
        return None

    def _check_throttle(self, keys: _Keys) -> float:
        """ThrottledError (429) when this user has failed too often from this address, even
        with the right password (else the refusal would tell a right guess from a wrong one);
        otherwise the delay before a password is checked, growing with the failures of the
        pair, of the account and of the address."""
        recent = self.failures.recent([keys.pair, keys.account, keys.address])
        pair, account, address = (found.count for found in recent)
        if pair >= REFUSE_AFTER_FAILURES:
            raise ThrottledError(max(int(recent[0].oldest_expires_in) + 1, 1))
        delay = 0.0
        if pair >= SLOW_AFTER_FAILURES:
            delay = SLOWDOWN_SECONDS * (pair - SLOW_AFTER_FAILURES + 1)
        for count, threshold in (
            (account, ACCOUNT_SLOW_AFTER_FAILURES),
            (address, ADDRESS_SLOW_AFTER_FAILURES),
        ):
            if count >= threshold:
                extra = SLOWDOWN_SECONDS * (count - threshold + 1)
                delay = max(delay, min(extra, MAX_ACCOUNT_DELAY_SECONDS))
        return delay

    def _fail(self, keys: _Keys) -> None:
        self.failures.record([keys.pair, keys.account, keys.address])

    def _note_usage(self, device_id: str) -> None:
        now = self.clock()
        with self._lock:
            if not self._usage_due(device_id, now):
                return
            self._usage_recorded[device_id] = now
        self.record_usage(device_id)

    def _usage_due(self, device_id: str, now: float) -> bool:
        """Whether the device's use is to be noted again (not noted within the last
        USAGE_RECORD_SECONDS); the caller holds the lock."""
        return self._usage_recorded.get(device_id, float("-inf")) <= now - USAGE_RECORD_SECONDS


@dataclass(frozen=True)
class _Keys:
    """What a login attempt's failures are counted under."""

    pair: str  # client address and user name
    account: str  # user name, from every address
    address: str  # client address, every user name


def _attempt(user: str, password: str, client: str) -> tuple[_Keys, bytes]:
    """What a login attempt's failures are counted under, and the digest its credentials are
    remembered by."""
    name = user.lower()
    keys = _Keys(pair=f"pair:{client}\0{name}", account=f"user:{name}", address=f"ip:{client}")
    return keys, hashlib.sha256(f"{user}\0{password}".encode()).digest()


def _credentials(authorization: str | None) -> tuple[str, str]:
    if not authorization or not authorization.lower().startswith("basic "):
        raise UnauthenticatedError("Authentication required.")
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise UnauthenticatedError("Malformed Basic credentials.") from None
    user, separator, password = decoded.partition(":")
    user = user.strip()
    if not separator or not user or not password:
        raise UnauthenticatedError("Malformed Basic credentials.")
    if len(user) > MAX_USER_NAME_LENGTH or "\0" in user or "\0" in password:
        raise UnauthenticatedError("Wrong user name or device password.")
    return user, password
