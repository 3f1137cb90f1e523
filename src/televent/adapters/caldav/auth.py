"""HTTP Basic authentication against device passwords (RFC 7617), with throttling.

The user name is the Telegram id or a linked email; the password is a device password, checked
against its Argon2id hash. A verified pair is remembered for a few minutes (keyed by a digest,
and re-checked against the live device list so a revoked device stops at once), because Argon2
is deliberately slow and CalDAV clients authenticate every request. Repeated failures from one
address or for one account are slowed down, then refused with 429 and Retry-After.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

import argon2

from televent.projections.queries import Queries

REMEMBER_SECONDS = 300
FAILURE_WINDOW_SECONDS = 600
SLOW_AFTER_FAILURES = 3
REFUSE_AFTER_FAILURES = 10
SLOWDOWN_SECONDS = 0.5
USAGE_RECORD_SECONDS = 60
_HASHER = argon2.PasswordHasher()


@dataclass(frozen=True)
class Principal:
    """Who is calling: the account and the device whose password was used."""

    account_id: UUID
    telegram_id: int
    device_id: str
    device_name: str


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
    ) -> None:
        self.queries = queries
        self.record_usage = record_usage
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._remembered: dict[bytes, tuple[Principal, float]] = {}
        self._failures: dict[str, deque[float]] = {}
        self._usage_recorded: dict[str, float] = {}

    def authenticate(self, authorization: str | None, client: str) -> Principal:
        """The principal for an Authorization header, or UnauthenticatedError / ThrottledError."""
        user, password = _credentials(authorization)
        keys = (f"ip:{client}", f"user:{user.lower()}")
        self._check_throttle(keys)
        digest = hashlib.sha256(f"{user}\0{password}".encode()).digest()
        principal = self._remembered_principal(digest)
        if principal is None:
            principal = self._verify(user, password)
            if principal is None:
                self._fail(keys)
                raise UnauthenticatedError("Wrong user name or device password.")
            with self._lock:
                self._remembered[digest] = (principal, self.clock() + REMEMBER_SECONDS)
        self._note_usage(principal.device_id)
        return principal

    def _remembered_principal(self, digest: bytes) -> Principal | None:
        with self._lock:
            entry = self._remembered.get(digest)
        if entry is None or entry[1] < self.clock():
            return None
        principal = entry[0]
        active = {d for d, _ in self.queries.active_password_hashes(principal.account_id)}
        return principal if principal.device_id in active else None

    def _verify(self, user: str, password: str) -> Principal | None:
        account = (
            self.queries.account_by_telegram_id(int(user))
            if user.isdigit()
            else self.queries.account_by_email(user)
        )
        if account is None:
            _HASHER.hash(password)  # spend the same time whether or not the account exists
            return None
        for device_id, name, stored in self.queries.active_devices(account.account_id):
            try:
                _HASHER.verify(stored, password)
            except (argon2.exceptions.VerifyMismatchError, argon2.exceptions.InvalidHashError):
                continue
            return Principal(account.account_id, account.telegram_id, device_id, name)
        return None

    def _check_throttle(self, keys: tuple[str, ...]) -> None:
        now = self.clock()
        worst = 0
        with self._lock:
            for key in keys:
                recent = self._failures.get(key)
                while recent and recent[0] < now - FAILURE_WINDOW_SECONDS:
                    recent.popleft()
                if recent:
                    worst = max(worst, len(recent))
                    if len(recent) >= REFUSE_AFTER_FAILURES:
                        retry = int(recent[0] + FAILURE_WINDOW_SECONDS - now) + 1
                        raise ThrottledError(max(retry, 1))
        if worst >= SLOW_AFTER_FAILURES:
            self.sleep(SLOWDOWN_SECONDS * (worst - SLOW_AFTER_FAILURES + 1))

    def _fail(self, keys: tuple[str, ...]) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

    def _note_usage(self, device_id: str) -> None:
        now = self.clock()
        with self._lock:
            if self._usage_recorded.get(device_id, 0.0) > now - USAGE_RECORD_SECONDS:
                return
            self._usage_recorded[device_id] = now
        self.record_usage(device_id)


def _credentials(authorization: str | None) -> tuple[str, str]:
    if not authorization or not authorization.lower().startswith("basic "):
        raise UnauthenticatedError("Authentication required.")
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise UnauthenticatedError("Malformed Basic credentials.") from None
    user, separator, password = decoded.partition(":")
    if not separator or not user or not password:
        raise UnauthenticatedError("Malformed Basic credentials.")
    return user.strip(), password
