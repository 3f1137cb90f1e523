"""Who is calling the JSON API: the `caller` dependency of every handler that needs a user.

Three ways in, tried in this order:

- `Authorization: tma <initData>`: the Telegram Mini App's init data, signed by Telegram with
  the bot token (adapters/api/tma.py). The user must have registered with the bot (/start);
  their account is read on the event loop where that waits for nothing (docs/adr/0035).
- `Authorization: Basic ...`: a device password, as for CalDAV (RFC 7617), checked by the same
  authenticator, so failed logins are throttled the same way and count together; credentials
  verified a moment ago are signed in on the event loop (docs/adr/0035), others on a worker
  thread.
- the session cookie set by a one-time login link from the bot's /app
  (application/web_login.py), for the Mini App in a desktop browser.

Anything else is 401 with a `WWW-Authenticate` challenge (RFC 9110 §11.6.1). A script in a
browser (Sec-Fetch-Mode cors or same-origin) is not offered Basic, so that the browser does not
pop up a password dialog over the Mini App.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from litestar import Request

from televent.adapters.api.context import Caller
from televent.adapters.api.problems import ProblemError, remember_caller
from televent.adapters.api.tma import InitDataRefusedError, verify_init_data
from televent.adapters.i18n import t
from televent.adapters.port import AppPort
from televent.application.web_login import WebLogin
from televent.domain.values import Actor, Source, SourceKind
from televent.projections.queries import AccountView, Queries

SESSION_COOKIE = "televent_session"
BASIC_CHALLENGE = 'Basic realm="Televent", charset="UTF-8"'
TMA_CHALLENGE = "tma"


@dataclass(frozen=True)
class DeviceLogin:
    """A device password that matched: whose, the device's name, and the account as the
    directory held it when the password was checked (None: read it again)."""

    account_id: UUID
    device_name: str
    account: AccountView | None = None


class DeviceLoginRefusedError(Exception):
    """No, malformed or wrong Basic credentials."""


class DeviceLoginThrottledError(Exception):
    """Too many failed logins of this user from this address."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed logins; retry in {retry_after} s.")
        self.retry_after = retry_after


# (Authorization header, client address) -> the device login, or one of the two errors above.
# Blocking (Argon2 and throttling delays): called on a worker thread.
DeviceCheck = Callable[[str, str], DeviceLogin]
# The same for credentials verified a moment ago, answered on the event loop without waiting
# (docs/adr/0035); None when only the worker thread's way can answer (DeviceLoginThrottledError
# as above).
DeviceCheckAtOnce = Callable[[str, str], Awaitable[DeviceLogin | None]]
# A Telegram user's account read on the event loop: (whether it was read there, the account or
# None when they have not registered); not read there, the worker thread's way reads it.
AccountAtOnce = Callable[[int], Awaitable[tuple[bool, AccountView | None]]]


class Authentication:
    """Turns a request's credentials into a Caller; shared by every request."""

    def __init__(
        self,
        port: AppPort,
        queries: Queries,
        web_login: WebLogin,
        check_device: DeviceCheck,
        *,
        bot_token: str | None,
        tma_max_age: int,
        clock: Callable[[], float] = time.time,
        check_device_at_once: DeviceCheckAtOnce | None = None,
        account_at_once: AccountAtOnce | None = None,
    ) -> None:
        self.port = port
        self.queries = queries
        self.web_login = web_login
        self.check_device = check_device
        self.check_device_at_once = check_device_at_once
        self.account_at_once = account_at_once
        self.bot_token = bot_token
        self.tma_max_age = tma_max_age
        self.clock = clock

    async def caller(self, request: Request[Any, Any, Any]) -> Caller:
        """The `caller` dependency: the authenticated user, or a 401/403/429 problem."""
        found = await self._caller(request)
        remember_caller(request, found.account)  # the language of this request's problems
        return found

    async def _caller(self, request: Request[Any, Any, Any]) -> Caller:
        authorization = request.headers.get("authorization", "").strip()
        scheme, _, credentials = authorization.partition(" ")
        scheme = scheme.lower()
        if scheme == "tma":
            return await self._mini_app(credentials.strip())
        if scheme == "basic":
            return await self._device(authorization, request)
        if authorization:
            raise self._unauthenticated(
                request, lambda: t("api-detail-unknown-scheme", scheme=scheme)
            )
        session = request.cookies.get(SESSION_COOKIE)
        if session:
            return await self._session(session, request)
        raise self._unauthenticated(request, lambda: t("api-detail-sign-in"))

    async def _mini_app(self, init_data: str) -> Caller:
        if not self.bot_token:
            raise ProblemError(
                401,
                lambda: t("api-detail-mini-app-off"),
                name="mini-app-sign-in-off",
                headers={"WWW-Authenticate": BASIC_CHALLENGE},
            )
        try:
            user = verify_init_data(
                init_data, self.bot_token, now=int(self.clock()), max_age=self.tma_max_age
            )
        except InitDataRefusedError as exc:
            raise ProblemError(
                401, str(exc), name="unauthenticated", headers={"WWW-Authenticate": TMA_CHALLENGE}
            ) from None
        read, account = (
            (False, None)
            if self.account_at_once is None
            else await self.account_at_once(user.telegram_id)
        )
        if not read:
            account = await self.port.run(self.queries.account_by_telegram_id, user.telegram_id)
        if account is None:
            raise ProblemError(403, lambda: t("api-detail-not-registered"), name="not-registered")
        return _caller(account, "tma")

    async def _device(self, authorization: str, request: Request[Any, Any, Any]) -> Caller:
        client = request.client.host if request.client else ""
        try:
            at_once = self.check_device_at_once
            login = None if at_once is None else await at_once(authorization, client)
            if login is None:  # not verified a moment ago: the worker thread's way
                login = await self.port.run(self.check_device, authorization, client)
        except DeviceLoginThrottledError as exc:
            seconds = exc.retry_after
            raise ProblemError(
                429,
                lambda: t("api-detail-too-many-logins", seconds=seconds),
                name="too-many-failed-logins",
                headers={"Retry-After": str(exc.retry_after)},
            ) from None
        except DeviceLoginRefusedError as exc:
            raise self._unauthenticated(request, str(exc)) from None
        account = login.account or await self.port.run(self.queries.account_by_id, login.account_id)
        if account is None:  # erased between the check and now
            raise self._unauthenticated(request, lambda: t("api-detail-wrong-password"))
        return _caller(account, f"device:{login.device_name}")

    async def _session(self, session: str, request: Request[Any, Any, Any]) -> Caller:
        account_id = await self.port.run(self.web_login.account_for_session, session)
        account = (
            None
            if account_id is None
            else await self.port.run(self.queries.account_by_id, account_id)
        )
        if account is None:
            raise self._unauthenticated(request, lambda: t("api-detail-session-ended"))
        return _caller(account, "session")

    def _unauthenticated(
        self, request: Request[Any, Any, Any], detail: str | Callable[[], str]
    ) -> ProblemError:
        return ProblemError(
            401, detail, name="unauthenticated", headers={"WWW-Authenticate": _challenge(request)}
        )


def _challenge(request: Request[Any, Any, Any]) -> str:
    """The schemes offered: Basic and tma, or tma alone to a script in a browser."""
    mode = request.headers.get("sec-fetch-mode", "").lower()
    if mode in ("cors", "same-origin", "no-cors"):
        return TMA_CHALLENGE
    return f"{TMA_CHALLENGE}, {BASIC_CHALLENGE}"


def _caller(account: AccountView, detail: str) -> Caller:
    return Caller(
        account=account,
        actor=Actor(account_id=account.account_id).encode(),
        source=Source(SourceKind.API, detail).encode(),
    )
