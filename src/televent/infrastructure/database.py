"""The database URL (`TELEVENT_DATABASE_URL`) and what each backend needs from it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from televent.domain.errors import TeleventError


class Dialect(StrEnum):
    """The two supported SQL backends."""

    SQLITE = "sqlite"
    POSTGRES = "postgresql"


class DatabaseUrlError(TeleventError):
    """The database URL cannot be understood."""


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
        """Create the folder of an SQLite file (the default lives under ./var/)."""
        if self.dialect is Dialect.SQLITE and self.path != ":memory:":
            Path(self.path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)

    def yoyo_url(self) -> str:
        """The same database in the form the migration library expects."""
        if self.dialect is Dialect.SQLITE:
            return f"sqlite:///{Path(self.path).expanduser().resolve()}"
        auth = self.user + (f":{self.password}" if self.password else "")
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{self.dbname}"

    def describe(self) -> str:
        """A human description without the password."""
        if self.dialect is Dialect.SQLITE:
            return f"SQLite {Path(self.path).expanduser().resolve()}"
        return f"PostgreSQL {self.user}@{self.host}:{self.port}/{self.dbname}"
