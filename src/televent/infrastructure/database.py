"""The database URL (`TELEVENT_DATABASE_URL`) and what each backend needs from it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from eventsourcing.persistence import PersistenceError
from psycopg.conninfo import make_conninfo

from televent.domain.errors import TeleventError


class Dialect(StrEnum):
    """The two supported SQL backends."""

    SQLITE = "sqlite"
    POSTGRES = "postgresql"


class DatabaseUrlError(TeleventError):
    """The database URL cannot be understood."""


# SQLite's answers when another connection holds the lock a statement needs. A transaction that
# read first and then writes gets one at once, without waiting, when another process (the CLI
# erasing someone, say) writes meanwhile: the statement must be retried in a new transaction.
_SQLITE_LOCKED = ("database is locked", "database table is locked", "database schema is locked")
# PostgreSQL: lock_not_available (lock timeout), deadlock_detected, serialization_failure.
_POSTGRES_LOCKED = {"55P03", "40P01", "40001"}


def is_lock_contention(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) says another writer held a lock: a condition to retry
    later, not a failure to report with a traceback."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (sqlite3.Error, PersistenceError)) and any(
            text in str(current).lower() for text in _SQLITE_LOCKED
        ):
            return True
        if getattr(current, "sqlstate", None) in _POSTGRES_LOCKED:
            return True
        current = current.__cause__ or current.__context__
    return False


@dataclass(frozen=True)
class DatabaseUrl:
    """A parsed `sqlite:///path` or `postgresql://user:password@host:port/dbname` URL."""

    dialect: Dialect
    path: str = ""
    host: str = ""
    port: int = 5432
    user: str = ""
    password: str = ""
    dbname: str = ""

    @classmethod
    def parse(cls, url: str) -> DatabaseUrl:
        """Parse the URL; raise DatabaseUrlError with a clear message if it is not usable."""
        parts = urlsplit(url.strip())
        if parts.scheme == "sqlite":
            path = unquote(parts.path)
            if parts.netloc or not path or path == "/":
                raise DatabaseUrlError(
                    f"Bad SQLite URL {url!r}: use sqlite:///relative/file.db or "
                    "sqlite:////absolute/file.db"
                )
            return cls(Dialect.SQLITE, path=path[1:])
        if parts.scheme in ("postgresql", "postgres", "postgresql+psycopg"):
            dbname = unquote(parts.path.lstrip("/"))
            if not parts.hostname or not dbname:
                raise DatabaseUrlError(
                    f"Bad PostgreSQL URL {url!r}: use postgresql://user@host:port/dbname"
                )
            try:
                port = parts.port or 5432
            except ValueError as exc:
                raise DatabaseUrlError(f"Bad port in database URL {url!r}.") from exc
            return cls(
                Dialect.POSTGRES,
                host=parts.hostname,
                port=port,
                user=unquote(parts.username or "postgres"),
                password=unquote(parts.password or ""),
                dbname=dbname,
            )
        raise DatabaseUrlError(
            f"Unsupported database URL {url!r}: expected sqlite:///… or postgresql://…"
        )

    def ensure_directory(self) -> None:
        """Create the folder of an SQLite file (the default's is ~/.local/share/televent)."""
        if self.dialect is Dialect.SQLITE and self.path != ":memory:":
            Path(self.path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)

    def yoyo_url(self) -> str:
        """The same database in the form the migration library expects."""
        if self.dialect is Dialect.SQLITE:
            return f"sqlite:///{Path(self.path).expanduser().resolve()}"
        auth = self.user + (f":{self.password}" if self.password else "")
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{self.dbname}"

    def conninfo(self) -> str:
        """The PostgreSQL database as libpq's connection string (psycopg.connect takes it)."""
        return make_conninfo(
            host=self.host, port=self.port, user=self.user, password=self.password or None,
            dbname=self.dbname,
        )  # fmt: skip

    def describe(self) -> str:
        """A human description without the password."""
        if self.dialect is Dialect.SQLITE:
            return f"SQLite {Path(self.path).expanduser().resolve()}"
        return f"PostgreSQL {self.user}@{self.host}:{self.port}/{self.dbname}"
