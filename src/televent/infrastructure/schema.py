"""Database schema: the event store's tables and the versioned read-model migrations."""

from __future__ import annotations

from pathlib import Path

from yoyo import get_backend, read_migrations

from televent.infrastructure.database import DatabaseUrl


def migrations_directory() -> Path:
    """Where the SQL migrations are: packaged in a wheel, or at the top of a source checkout."""
    package = Path(__file__).resolve().parents[1]  # src/televent, or televent in a wheel
    packaged = package / "_migrations"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "migrations"


def apply_migrations(url: DatabaseUrl) -> list[str]:
    """Apply pending read-model migrations (under the migration library's lock); return ids."""
    url.ensure_directory()
    backend = get_backend(url.yoyo_url())
    try:
        with backend.lock():
            todo = backend.to_apply(read_migrations(str(migrations_directory())))
            backend.apply_migrations(todo)
        return [m.id for m in todo]
    finally:
        backend.connection.close()
