"""The event store's two backends, extended to update the read models in the same transaction.

eventsourcing 9.5's recorders insert a command's events in one transaction. These subclasses
hand the inserted events and their notification positions to a `Projector` (the projection
engine, attached by the composition root) before that transaction commits (see docs/adr/0002).
They are selected through the library's APPLICATION_RECORDER_TOPIC setting.

`open_event_store` builds the pieces eventsourcing's Application would build for itself (the
infrastructure factory, the sealing mapper, the recorder), so the composition root can hand the
same mapper and database to the read side before the application exists.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

import psycopg
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    InfrastructureFactory,
    InterfaceError,
    JSONTranscoder,
    Mapper,
    OperationalError,
    StoredEvent,
    UUIDAsHex,
)
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore
from eventsourcing.utils import Environment, retry

from televent.infrastructure.crypto_shredding import SubjectMapper
from televent.infrastructure.database import Dialect
from televent.infrastructure.sqlite_pool import keep_statements
from televent.infrastructure.subject_keys import SubjectKeys


class Projector(Protocol):
    """What the recorders call inside the inserting transaction (the projection engine)."""

    def apply_recorded(
        self,
        cursor: Any,
        stored_events: Sequence[StoredEvent],
        notification_ids: Sequence[int],
        domain_events: Sequence[Any] | None,
    ) -> None:
        """Apply just-inserted events to the read models, or raise to roll the insert back."""


class ProjectingSQLiteRecorder(SQLiteApplicationRecorder):
    """SQLite recorder that applies projections inside the insert transaction."""

    engine: Projector | None = None

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        notification_ids = super()._insert_events(c, stored_events, **kwargs)
        if self.engine is not None and notification_ids:
            self.engine.apply_recorded(
                c, stored_events, notification_ids, kwargs.get("decoded_events")
            )
        return notification_ids


PIPELINED_EVENTS = 200  # a batch of more events is sent statement by statement


class ProjectingPostgresRecorder(PostgresApplicationRecorder):
    """PostgreSQL recorder that applies projections inside the insert transaction.

    Like the library's recorder it takes the EXCLUSIVE lock on the events table first, so
    notification positions commit in order and read models are updated by one writer at a time.
    """

    engine: Projector | None = None

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        if self.engine is None or not stored_events:
            inserted: Sequence[int] | None = super().insert_events(stored_events, **kwargs)
            return inserted
        failure: Exception | None = None
        notification_ids: Sequence[int] | None = None
        # A large batch (a file imported, a calendar deleted) is sent without pipeline mode:
        # one statement of megabytes in a pipeline stalled the connection for good (the server
        # waiting for the rest of the statement, the client for the server).
        pipelined = len(stored_events) <= PIPELINED_EVENTS
        with self.datastore.get_connection() as conn:
            with (
                conn.pipeline() if pipelined else contextlib.nullcontext() as pipeline,
                conn.transaction(),
                conn.cursor() as curs,
            ):
                try:
                    self._lock_table(curs)
                    self._notify_channel(curs)
                    PostgresAggregateRecorder._insert_stored_events(self, curs, stored_events)
                    # Sync here, so a version conflict is raised as IntegrityError now.
                    if pipeline is not None:
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


ProjectingRecorder = ProjectingSQLiteRecorder | ProjectingPostgresRecorder


@dataclass(frozen=True)
class EventStoreParts:
    """The event store's infrastructure, built before the application that uses it."""

    env: Environment
    factory: InfrastructureFactory[Any]
    mapper: Mapper[UUID]
    recorder: ProjectingRecorder

    @property
    def events_table(self) -> str:
        """The name of the table the events (and their notification positions) are in."""
        return str(self.recorder.events_table_name)

    @property
    def datastore(self) -> Any:
        """The recorder's connection pool, shared with the read models' readers."""
        return self.recorder.datastore

    def attach(self, projector: Projector) -> None:
        """Have every insert update the read models in its transaction."""
        self.recorder.engine = projector


def open_event_store(
    name: str,
    env: Mapping[str, str],
    dialect: Dialect,
    keys: SubjectKeys,
    *,
    sealed: bool = True,
) -> EventStoreParts:
    """The factory, mapper and recorder eventsourcing's Application `name` would construct from
    `env` (the process environment underneath, as the library reads it), with the projecting
    recorder of `dialect` and, when `sealed`, events sealed per person (docs/adr/0009)."""
    recorder_class = (
        ProjectingPostgresRecorder if dialect is Dialect.POSTGRES else ProjectingSQLiteRecorder
    )
    settings = {**os.environ, **env}
    settings["APPLICATION_RECORDER_TOPIC"] = (
        f"{recorder_class.__module__}:{recorder_class.__qualname__}"
    )
    environment = Environment(name, settings)
    factory: InfrastructureFactory[Any] = InfrastructureFactory.construct(environment)
    try:
        datastore = getattr(factory, "datastore", None)
        if isinstance(datastore, SQLiteDatastore):
            keep_statements(datastore)  # before the recorder opens a connection
        transcoder = factory.transcoder()
        if isinstance(transcoder, JSONTranscoder):  # what Application.register_transcodings adds
            transcoder.register(UUIDAsHex())
            transcoder.register(DecimalAsStr())
            transcoder.register(DatetimeAsISO())
        mapper: Mapper[UUID] = (
            SubjectMapper(transcoder, keys) if sealed else Mapper(transcoder=transcoder)
        )
        recorder = factory.application_recorder()
        if not isinstance(recorder, ProjectingSQLiteRecorder | ProjectingPostgresRecorder):
            raise TypeError(f"Expected a projecting recorder, got {type(recorder).__name__}.")
    except BaseException:
        factory.close()  # its pool's connections (PostgreSQL), when the store cannot open
        raise
    return EventStoreParts(environment, factory, mapper, recorder)
