"""The event store's two backends, extended to update the read models in the same transaction.

eventsourcing 9.5's recorders insert a command's events in one transaction. These subclasses
hand the inserted events and their notification positions to the projection engine before that
transaction commits (see docs/adr/0002). They are selected through the library's
APPLICATION_RECORDER_TOPIC setting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor
from eventsourcing.utils import retry

from televent.projections.engine import ProjectionEngine


class ProjectingSQLiteRecorder(SQLiteApplicationRecorder):
    """SQLite recorder that applies projections inside the insert transaction."""

    engine: ProjectionEngine | None = None

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        notification_ids = super()._insert_events(c, stored_events, **kwargs)
        if self.engine is not None and notification_ids:
            self.engine.apply_recorded(
                c, stored_events, notification_ids, kwargs.get("decoded_events")
            )
        return notification_ids


class ProjectingPostgresRecorder(PostgresApplicationRecorder):
    """PostgreSQL recorder that applies projections inside the insert transaction.

    Like the library's recorder it takes the EXCLUSIVE lock on the events table first, so
    notification positions commit in order and read models are updated by one writer at a time.
    """

    engine: ProjectionEngine | None = None

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        if self.engine is None or not stored_events:
            inserted: Sequence[int] | None = super().insert_events(stored_events, **kwargs)
            return inserted
        failure: Exception | None = None
        notification_ids: Sequence[int] | None = None
        with self.datastore.get_connection() as conn:
            with conn.pipeline() as pipeline, conn.transaction(), conn.cursor() as curs:
                try:
                    self._lock_table(curs)
                    self._notify_channel(curs)
                    PostgresAggregateRecorder._insert_stored_events(self, curs, stored_events)
                    # Sync here, so a version conflict is raised as IntegrityError now.
                    pipeline.sync()
                    notification_ids = self._fetch_ids_after_insert_events(curs, stored_events)
                    self.engine.apply_recorded(
                        curs, stored_events, notification_ids or [], kwargs.get("decoded_events")
                    )
                except Exception as exc:
                    # Roll back explicitly (a Python-side failure leaves the transaction
                    # healthy, and leaving the block normally would commit), then raise
                    # outside the pipeline, as the library does, to avoid psycopg's warning.
                    failure = exc
                    raise psycopg.Rollback from None
            if failure is not None:
                raise failure
        return notification_ids
