"""The composition root: builds the application and its read side from settings."""

from __future__ import annotations

from pathlib import Path

from televent.application.televent import Clock, Televent, utc_now
from televent.config import Settings
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.infrastructure.schema import apply_migrations


def event_store_environment(url: DatabaseUrl) -> dict[str, str]:
    """The eventsourcing library's settings for the chosen backend."""
    if url.dialect is Dialect.SQLITE:
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(Path(url.path).expanduser().resolve()),
            "SQLITE_LOCK_TIMEOUT": "30",
            "CREATE_TABLE": "true",
        }
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": url.dbname,
        "POSTGRES_HOST": url.host,
        "POSTGRES_PORT": str(url.port),
        "POSTGRES_USER": url.user,
        "POSTGRES_PASSWORD": url.password,
        "POSTGRES_LOCK_TIMEOUT": "30",
        "POSTGRES_POOL_SIZE": "8",
        "POSTGRES_MAX_OVERFLOW": "8",
        "CREATE_TABLE": "true",
    }


def build_application(
    settings: Settings, *, clock: Clock = utc_now, migrate: bool = True
) -> Televent:
    """Create the schema if needed, then the application (which catches up its read models)."""
    url = settings.database
    url.ensure_directory()
    if migrate:
        apply_migrations(url)
    app = Televent(
        event_store_environment(url),
        dialect=url.dialect,
        clock=clock,
        internal_domain=settings.internal_domain,
    )
    catch_up(app)
    return app


def catch_up(app: Televent) -> int:
    """Bring every read model up to the head of the log (after a crash or an upgrade)."""
    with app.views.write() as db:
        app.engine.lock_writers(db)
        head = app.engine.head(db)
        for projection in app.engine.projections:
            position = app.engine.position(db, projection.name)
            if position < 0:
                # Added to an existing log: it starts now (a delivery queue must not replay
                # the past); see migrations 0006.
                app.engine.set_position(db, projection.name, head)
                continue
            if position < head:
                app.engine.catch_up(db, [projection], position, head)
        return head
