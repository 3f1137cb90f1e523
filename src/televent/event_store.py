"""The event store's two backends, extended to update the read models in the same transaction.

eventsourcing 9.5's recorders insert a command's events in one transaction. These subclasses
hand the inserted events and their notification positions to the projection engine before that
transaction commits (see docs/adr/0002). They are selected through the library's
APPLICATION_RECORDER_TOPIC setting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
        with self.datastore.transaction(commit=True) as curs:
            self._lock_table(curs)
            self._notify_channel(curs)
            PostgresAggregateRecorder._insert_stored_events(self, curs, stored_events)
            notification_ids = self._fetch_ids_after_insert_events(curs, stored_events)
            self.engine.apply_recorded(
                curs, stored_events, notification_ids or [], kwargs.get("decoded_events")
            )
        return notification_ids
