"""Per-person encryption keys, kept outside the event log (GDPR Art. 17 crypto-shredding).

A person's key is created the first time an event about them is written and deleted when
they are erased; the row stays with `erased_at`, so an erasure is known and final. An erased
person's addresses are remembered only as keyed digests (HMAC-SHA256, RFC 2104, with a secret
kept here too), so other people's events that name them can show a pseudonym instead.

The store uses connections of its own, outside the event store's: events are decoded while the
projection engine holds the writers' lock, and key lookups must not wait for it. On SQLite each
lookup opens the file; on PostgreSQL a small pool keeps a few connections open (a new one costs
the server a process, and opening one for each lookup cost an account's registration nine).
Lookups are cached for a few seconds; an erasure made by another process is seen by everyone
within that time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from uuid import UUID

import psycopg
from psycopg_pool import ConnectionPool

from televent.domain.errors import DomainError
from televent.infrastructure.database import Dialect

Period = tuple[dt.datetime | None, dt.datetime | None, str]  # erased, reclaimed, pseudonym
CACHE_SECONDS = 5.0
ERASED_DOMAIN = "erased.invalid"
KEY_BYTES = 32  # AES-256


class ErasedSubjectError(DomainError):
    """Something was to be recorded about a person whose data has been erased."""


class SubjectKeys:
    """The key store: one AES-256 key per subject (account id), and erased addresses."""

    def __init__(
        self,
        connect: Callable[[], contextlib.AbstractContextManager[Any]],
        dialect: Dialect,
        clock: Callable[[], dt.datetime],
        close: Callable[[], None] = lambda: None,
    ) -> None:
        self._connect = connect
        self._close = close
        self._dialect = dialect
        self._clock = clock
        # Every key, loaded in one query and refreshed after CACHE_SECONDS: a replay of a big
        # log touches thousands of subjects and must not open a connection for each.
        self._keys: dict[UUID, bytes | None] = {}
        self._keys_until = 0.0
        # digest -> [(erased_at, reclaimed_at, pseudonym)], the earliest reclaim first
        self._erased: tuple[float, dict[str, list[Period]]] | None = None
        self._secret: bytes | None = None

    @classmethod
    def for_environment(
        cls, env: Mapping[str, str], dialect: Dialect, clock: Callable[[], dt.datetime]
    ) -> SubjectKeys:
        """The store in the database the event store's settings name."""
        if dialect is Dialect.SQLITE:
            path = env["SQLITE_DBNAME"]

            @contextlib.contextmanager
            def sqlite() -> Iterator[Any]:
                connection = sqlite3.connect(path, timeout=30)
                try:
                    with connection:
                        yield connection
                finally:
                    connection.close()

            return cls(sqlite, dialect, clock)

        # a connection is committed (or rolled back) when its block ends, as psycopg's own
        # `connect` block does, then kept; one broken meanwhile (a server restarted) is
        # replaced when it is next taken
        pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            kwargs={
                "host": env["POSTGRES_HOST"],
                "port": int(env.get("POSTGRES_PORT", "5432")),
                "dbname": env["POSTGRES_DBNAME"],
                "user": env["POSTGRES_USER"],
                "password": env.get("POSTGRES_PASSWORD") or None,
                "connect_timeout": 10,
            },
            min_size=1,
            max_size=4,
            timeout=10,
            check=ConnectionPool.check_connection,
            name="subject-keys",
            open=True,
        )
        return cls(pool.connection, dialect, clock, pool.close)

    def close(self) -> None:
        """Close the store's kept connections (PostgreSQL)."""
        self._close()

    # --- keys ------------------------------------------------------------------------------

    def key_for_writing(self, subject: UUID) -> bytes:
        """The subject's key, created on first use; an erased subject gets none."""
        key = self.key_for_reading(subject)
        if key is not None:
            return key
        with self._connect() as connection:
            row = self._one(
                connection, "SELECT key_hex, erased_at FROM subject_keys WHERE subject_id = ?",
                (str(subject),),
            )  # fmt: skip
            if row is not None and row[1] is not None:
                raise ErasedSubjectError(
                    "This person's data has been erased; nothing more is recorded about them."
                )
            if row is None:
                self._run(
                    connection,
                    "INSERT INTO subject_keys (subject_id, key_hex, pseudonym, created_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING",
                    (str(subject), secrets.token_hex(KEY_BYTES), _new_pseudonym(), self._now()),
                )
        self._keys_until = 0.0
        key = self.key_for_reading(subject)
        if key is None:
            raise ErasedSubjectError("This person's data has been erased.")
        return key

    def key_for_reading(self, subject: UUID) -> bytes | None:
        """The subject's key, or None when they were erased (or never had one)."""
        if self._keys_until <= time.monotonic() or subject not in self._keys:
            if self._keys_until > time.monotonic():  # a subject new since the last load
                with self._connect() as connection:
                    row = self._one(
                        connection, "SELECT key_hex FROM subject_keys WHERE subject_id = ?",
                        (str(subject),),
                    )  # fmt: skip
                self._keys[subject] = _key(row[0]) if row is not None else None
                return self._keys[subject]
            self._load_keys()
        return self._keys.get(subject)

    def _load_keys(self) -> None:
        with self._connect() as connection:
            rows = self._all(connection, "SELECT subject_id, key_hex FROM subject_keys")
        self._keys = {UUID(str(r[0])): _key(r[1]) for r in rows}
        self._keys_until = time.monotonic() + CACHE_SECONDS

    def erased_at(self, subject: UUID) -> str | None:
        """When the subject was erased, or None."""
        with self._connect() as connection:
            row = self._one(
                connection, "SELECT erased_at FROM subject_keys WHERE subject_id = ?",
                (str(subject),),
            )  # fmt: skip
        return None if row is None or row[0] is None else str(row[0])

    def erased_subjects(self) -> set[UUID]:
        """Every subject erased."""
        with self._connect() as connection:
            rows = self._all(
                connection, "SELECT subject_id FROM subject_keys WHERE erased_at IS NOT NULL"
            )
        return {UUID(str(r[0])) for r in rows}

    def erased_pseudonyms(self, subjects: Iterable[str]) -> dict[str, str]:
        """The pseudonym of each of `subjects` that was erased."""
        wanted = set(subjects)
        if not wanted:
            return {}
        with self._connect() as connection:
            rows = self._all(
                connection,
                "SELECT subject_id, pseudonym FROM subject_keys WHERE erased_at IS NOT NULL",
            )
        return {str(r[0]): str(r[1]) for r in rows if str(r[0]) in wanted}

    def erase(self, subject: UUID, addresses: Iterable[str]) -> str:
        """Delete the subject's key and remember their addresses as digests; return the
        pseudonym other people's events show for them. Erasing again changes nothing."""
        with self._connect() as connection:
            row = self._one(
                connection, "SELECT pseudonym FROM subject_keys WHERE subject_id = ?",
                (str(subject),),
            )  # fmt: skip
            pseudonym = str(row[0]) if row is not None else _new_pseudonym()
            if row is None:
                self._run(
                    connection,
                    "INSERT INTO subject_keys (subject_id, key_hex, pseudonym, created_at, "
                    "erased_at) VALUES (?, NULL, ?, ?, ?)",
                    (str(subject), pseudonym, self._now(), self._now()),
                )
            else:
                self._run(
                    connection,
                    "UPDATE subject_keys SET key_hex = NULL, "
                    "erased_at = COALESCE(erased_at, ?) WHERE subject_id = ?",
                    (self._now(), str(subject)),
                )
            secret = self._secret_in(connection)
            for address in addresses:
                self._run(
                    connection,
                    "INSERT INTO erased_addresses (digest, pseudonym, erased_at) "
                    "VALUES (?, ?, ?) ON CONFLICT (digest, pseudonym) DO NOTHING",
                    (_digest(secret, address), pseudonym, self._now()),
                )
        self.forget()
        return pseudonym

    def forget(self) -> None:
        """Drop the cache (after an erasure made here)."""
        self._keys.clear()
        self._keys_until = 0.0
        self._erased = None

    # --- keys of secrets ---------------------------------------------------------------------

    def secret_key_for_writing(self, secret: UUID) -> bytes:
        """The key of one secret a person handed over (a connection's password; infrastructure/
        sealed_secrets.py), created on first use."""
        with self._connect() as connection:
            self._run(
                connection,
                "INSERT INTO secret_keys (secret_id, key_hex, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (secret_id) DO NOTHING",
                (str(secret), secrets.token_hex(KEY_BYTES), self._now()),
            )
            row = self._one(
                connection, "SELECT key_hex FROM secret_keys WHERE secret_id = ?", (str(secret),)
            )
        assert row is not None
        return bytes.fromhex(str(row[0]))

    def secret_key(self, secret: UUID) -> bytes | None:
        """The secret's key, or None once it is forgotten."""
        with self._connect() as connection:
            row = self._one(
                connection, "SELECT key_hex FROM secret_keys WHERE secret_id = ?", (str(secret),)
            )
        return None if row is None else bytes.fromhex(str(row[0]))

    def forget_secrets(self, secrets_: Iterable[UUID]) -> None:
        """Delete the keys of these secrets: what they sealed can never be read again."""
        with self._connect() as connection:
            for secret in secrets_:
                self._run(connection, "DELETE FROM secret_keys WHERE secret_id = ?", (str(secret),))

    def secrets_made_before(self, instant: dt.datetime) -> list[UUID]:
        """The secrets whose keys were made before `instant` (and are not forgotten)."""
        with self._connect() as connection:
            rows = connection.execute(
                self._sql("SELECT secret_id FROM secret_keys WHERE created_at < ?"),
                (instant.isoformat(),),
            ).fetchall()
        return [UUID(str(r[0])) for r in rows]

    # --- erased addresses ------------------------------------------------------------------

    def pseudonym_lookup(self, written: dt.datetime) -> Callable[[str], str | None] | None:
        """address → the pseudonym of the erased person it stood for in an event `written`
        then; None when nobody has been erased (the common case: nothing to look for).

        An address stands for the pseudonym in events written up to its erasure (and, for
        erasures recorded before their time was kept, until it is reclaimed); an event written
        after the erasure that names it again shows it as written."""
        if self._erased is None or self._erased[0] <= time.monotonic():
            with self._connect() as connection:
                rows = self._all(
                    connection,
                    "SELECT digest, pseudonym, reclaimed_at, erased_at FROM erased_addresses",
                )
                secret = self._secret_in(connection) if rows else b""
            periods: dict[str, list[Period]] = {}
            for digest, pseudonym, reclaimed, erased_at in rows:
                periods.setdefault(digest, []).append(
                    (_instant(erased_at), _instant(reclaimed), pseudonym)
                )
            for spans in periods.values():  # the earliest reclaim first, the open one last
                spans.sort(key=lambda span: (span[1] is None, span[1] or written))
            self._secret = secret
            self._erased = (time.monotonic() + CACHE_SECONDS, periods)
        erased = self._erased[1]
        if not erased:
            return None
        secret = self._secret or b""

        def lookup(address: str) -> str | None:
            for erased_at, reclaimed, pseudonym in erased.get(_digest(secret, address), ()):
                if erased_at is not None and written > erased_at:
                    continue  # named again after the erasure
                if reclaimed is None or written < reclaimed:
                    return pseudonym
            return None

        return lookup

    def reclaim(self, addresses: Iterable[str]) -> None:
        """Addresses of an erased person are someone's again (a new registration, a linked
        email): events written from now on show them as they are."""
        with self._connect() as connection:
            secret = self._secret_in(connection)
            for address in addresses:
                self._run(
                    connection,
                    "UPDATE erased_addresses SET reclaimed_at = ? "
                    "WHERE digest = ? AND reclaimed_at IS NULL",
                    (self._now(), _digest(secret, address)),
                )
        self._erased = None

    def _secret_in(self, connection: Any) -> bytes:
        row = self._one(connection, "SELECT secret_hex FROM shredding_secret WHERE id = 1", ())
        if row is None:
            self._run(
                connection,
                "INSERT INTO shredding_secret (id, secret_hex) VALUES (1, ?) "
                "ON CONFLICT (id) DO NOTHING",
                (secrets.token_hex(32),),
            )
            row = self._one(connection, "SELECT secret_hex FROM shredding_secret WHERE id = 1", ())
        assert row is not None
        return bytes.fromhex(str(row[0]))

    def _sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self._dialect is Dialect.POSTGRES else statement

    def _run(self, connection: Any, statement: str, params: tuple[Any, ...]) -> None:
        connection.execute(self._sql(statement), params)

    def _one(self, connection: Any, statement: str, params: tuple[Any, ...]) -> Any:
        return connection.execute(self._sql(statement), params).fetchone()

    def _all(self, connection: Any, statement: str) -> list[Any]:
        return list(connection.execute(self._sql(statement)).fetchall())

    def _now(self) -> str:
        return self._clock().isoformat()


def _instant(text: Any) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(str(text))


def _key(hex_text: Any) -> bytes | None:
    return None if hex_text is None else bytes.fromhex(str(hex_text))


def _digest(secret: bytes, address: str) -> str:
    normalized = address.strip().lower().removeprefix("mailto:")
    return hmac.new(secret, normalized.encode(), hashlib.sha256).hexdigest()


def _new_pseudonym() -> str:
    return f"erased-{secrets.token_hex(4)}@{ERASED_DOMAIN}"
