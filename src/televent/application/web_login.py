"""Browser sign-in for the Mini App outside Telegram: one-time login links and sessions.

The bot's `/app` asks for a link token (`issue_link_token`); the link works once, for a few
minutes, and opens a session (`redeem`) kept in a cookie; every API request with that cookie
finds its account (`account_for_session`) until the session expires or the user logs out.

Tokens are random (256 bits) and only their SHA-256 digests are stored, so the tables open no
session to whoever reads them. They are operational records (docs/adr/0013), like a device's
last use: a login is not a fact about calendars, so it is not an event and the tables are not
rebuilt from the log. Expired rows are deleted whenever a link is issued.

A link is `<public URL>/app/login?token=...` (`login_url`): the bot's `/app` and the operator's
`televent login-link` give the same one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from urllib.parse import quote
from uuid import UUID

from televent.domain.errors import NotFoundError
from televent.projections.queries import Queries
from televent.projections.view_reader import ViewReader

LINK_SECONDS = 600
SESSION_SECONDS = 30 * 86_400
LOGIN_PATH = "/app/login"  # where a login link's token is redeemed (adapters/api/login.py)


def digest(token: str) -> str:
    """What is stored for a token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def login_url(public_url: str, token: str) -> str:
    """The browser login link carrying a one-time token, under the server's public base URL
    (with a trailing slash or none)."""
    return f"{public_url.strip().rstrip('/')}{LOGIN_PATH}?token={quote(token, safe='')}"


def lifetime_words(seconds: int) -> str:
    """How long a login link works, in words ("10 minutes", "90 seconds")."""
    minutes, rest = divmod(seconds, 60)
    if rest or not minutes:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


class WebLogin:
    """Issues and redeems login links, and answers which account a session belongs to."""

    def __init__(
        self,
        views: ViewReader,
        queries: Queries,
        clock: Callable[[], dt.datetime],
        *,
        link_seconds: int = LINK_SECONDS,
        session_seconds: int = SESSION_SECONDS,
    ) -> None:
        self.views = views
        self.queries = queries
        self.clock = clock
        self.link_seconds = link_seconds
        self.session_seconds = session_seconds

    def issue_link_token(self, telegram_id: int) -> str:
        """A token for a login link of the Telegram user's account (NotFoundError when the user
        has not registered): valid once, for `link_seconds`."""
        account = self.queries.account_by_telegram_id(telegram_id)
        if account is None:
            raise NotFoundError(
                "Send /start to the bot first: there is no account to log in to."
            ).worded("refusal-calendars-login-no-account")
        token = secrets.token_urlsafe(32)
        now = self._now()
        with self.views.write() as db:
            db.run("DELETE FROM web_login_links WHERE expires_at <= ?", (now,))
            db.run("DELETE FROM web_sessions WHERE expires_at <= ?", (now,))
            db.run(
                "INSERT INTO web_login_links (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
                (digest(token), str(account.account_id), now + self.link_seconds),
            )
        return token

    def redeem(self, token: str) -> str | None:
        """Use a link token once: the token of a new session, or None when the link is
        unknown, already used or expired. Two browsers racing with one link: one wins."""
        now = self._now()
        with self.views.write() as db:
            row = db.one(
                "SELECT account_id, expires_at FROM web_login_links WHERE token_hash = ?",
                (digest(token),),
            )
            if row is None:
                return None
            db.run("DELETE FROM web_login_links WHERE token_hash = ?", (digest(token),))
            if db.rowcount != 1 or int(row["expires_at"]) <= now:
                return None
            session = secrets.token_urlsafe(32)
            db.run(
                "INSERT INTO web_sessions (session_hash, account_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (digest(session), row["account_id"], now, now + self.session_seconds),
            )
        return session

    def account_for_session(self, session_token: str) -> UUID | None:
        """The account a live session belongs to, or None (unknown, expired or logged out)."""
        with self.views.read() as db:
            row = db.one(
                "SELECT account_id, expires_at FROM web_sessions WHERE session_hash = ?",
                (digest(session_token),),
            )
        if row is None or int(row["expires_at"]) <= self._now():
            return None
        return UUID(row["account_id"])

    def logout(self, session_token: str) -> None:
        """End a session (nothing happens for an unknown one)."""
        with self.views.write() as db:
            db.run("DELETE FROM web_sessions WHERE session_hash = ?", (digest(session_token),))

    def _now(self) -> int:
        return int(self.clock().timestamp())
