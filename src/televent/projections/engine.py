"""Applying domain events to every read model, exactly once, in the writer's transaction.

The event store's recorders call `apply_recorded` inside the transaction that inserts the
events, so a command commits its events, every view change and every view's new position
atomically: a crash at any point leaves either all of it or none of it, and a read that follows
a write sees the write without waiting. If a view is behind (a projection added by a migration,
or rebuilt), the same transaction first catches it up from the log.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from uuid import UUID

import psycopg
from eventsourcing.persistence import Mapper, StoredEvent

from televent.domain.errors import ConflictError
from televent.infrastructure.database import Dialect
from televent.projections.attendee_index import AttendeeIndexProjection
from televent.projections.audit_index import AuditIndexProjection
from televent.projections.base import Projection
from televent.projections.bookings import BookingsProjection
from televent.projections.calendar_feeds import CalendarFeedsProjection
from televent.projections.calendar_members import CalendarMembersProjection
from televent.projections.calendar_view import CalendarViewProjection
from televent.projections.connection_writebacks import ConnectionWritebacksProjection
from televent.projections.connections import ConnectionsProjection
from televent.projections.counters import CounterProjection
from televent.projections.directory import DirectoryProjection
from televent.projections.email_delivery import EmailDeliveryProjection
from televent.projections.feed_subscriptions import FeedSubscriptionsProjection
from televent.projections.group_chats import GroupChatsProjection
from televent.projections.occurrences import OccurrencesProjection
from televent.projections.push_delivery import PushDeliveryProjection
from televent.projections.schedule_inbox import ScheduleInboxProjection
from televent.projections.sql import Sql
from televent.projections.telegram_delivery import TelegramDeliveryProjection
from televent.projections.webhook_delivery import WebhookDeliveryProjection
from televent.projections.webhooks import WebhooksProjection

CATCH_UP_BATCH = 1000
DEFAULT_INTERNAL_DOMAIN = "televent.internal"
Clock = Callable[[], dt.datetime]


class ProjectionError(RuntimeError):
    """A read model cannot be brought up to date (schema missing, or a handler failed).

    Not a TeleventError: its message names tables and the database's words, and nobody but
    the operator can do anything about it, so a request that meets it is a server failure
    (500, logged with its traceback, the bot's apology); the CLI says it in one line.

    Args:
        message: what failed.
        projection: the read model's name.
    """

    def __init__(self, message: str, projection: str = "") -> None:
        super().__init__(message)
        self.projection = projection


class ViewConflictError(ConflictError):
    """A read model's integrity rule refused a command: a concurrent change won."""


def all_projections(
    prefix: str = "", internal_domain: str = DEFAULT_INTERNAL_DOMAIN
) -> list[Projection]:
    """Every read model, bound to tables with this prefix (the delivery queue reads the
    directory and calendar view, so it comes last; the push queue reads the calendar view as the
    transaction leaves it and the members as it found them)."""
    return [
        DirectoryProjection(prefix),
        CalendarViewProjection(prefix),
        OccurrencesProjection(prefix),
        PushDeliveryProjection(prefix),
        CalendarMembersProjection(prefix),
        AttendeeIndexProjection(prefix),
        AuditIndexProjection(prefix),
        CounterProjection(prefix),
        BookingsProjection(prefix),
        GroupChatsProjection(prefix),
        CalendarFeedsProjection(prefix),
        FeedSubscriptionsProjection(prefix),
        ConnectionsProjection(prefix),
        ConnectionWritebacksProjection(prefix),
        WebhooksProjection(prefix),
        WebhookDeliveryProjection(prefix),
        TelegramDeliveryProjection(prefix, internal_domain),
        EmailDeliveryProjection(prefix, internal_domain),
        ScheduleInboxProjection(prefix, internal_domain),
    ]


def notification_id_column(dialect: Dialect) -> str:
    """The event store's notification position column."""
    return "notification_id" if dialect is Dialect.POSTGRES else "rowid"


class ProjectionEngine:
    """Feeds recorded domain events to the read models and records their positions."""

    def __init__(
        self,
        dialect: Dialect,
        mapper: Mapper[UUID],
        clock: Clock,
        events_table: str,
        internal_domain: str = DEFAULT_INTERNAL_DOMAIN,
    ) -> None:
        self.dialect = dialect
        self.events_table = events_table
        self.mapper = mapper
        self.clock = clock
        self.projections = all_projections(internal_domain=internal_domain)

    def apply_recorded(
        self,
        cursor: Any,
        stored_events: Sequence[StoredEvent],
        notification_ids: Sequence[int],
        domain_events: Sequence[Any] | None,
    ) -> None:
        """Apply just-inserted events in the inserting transaction (called by the recorder)."""
        if not notification_ids:
            return
        db = Sql(cursor, self.dialect)
        db.log = functools.partial(self.read_log, db)
        events = (
            list(domain_events)
            if domain_events is not None
            else [self.mapper.to_domain_event(s) for s in stored_events]
        )
        first, last = notification_ids[0], notification_ids[-1]
        positions = self.positions(db)
        applied: list[str] = []
        current: Projection | None = None
        try:
            with db.pipeline():
                for current in self.projections:
                    position = positions.get(current.name)
                    if position is None:
                        raise ProjectionError(
                            f"Read model {current.name!r} is not set up: "
                            "run `televent db upgrade`.",
                            current.name,
                        )
                    if position >= first:
                        continue
                    if position < first - 1:
                        self.catch_up(db, [current], position, first - 1)
                    for event, notification_id in zip(events, notification_ids, strict=True):
                        current.apply(db, event, notification_id)
                    current.flush(db)
                    applied.append(current.name)
                if applied:
                    marks = ", ".join("?" for _ in applied)
                    db.run(
                        "UPDATE projection_positions SET position = ?, updated_at = ?, "
                        f"last_error = NULL WHERE name IN ({marks})",
                        (last, self.clock().isoformat(), *applied),
                    )
        except ProjectionError:
            raise
        except (sqlite3.IntegrityError, psycopg.IntegrityError) as exc:
            # A view's key or integrity rule refused the change: another writer got there
            # first (the same name stored twice, a calendar deleted meanwhile).
            raise ViewConflictError(
                "Someone else changed this calendar at the same time; reload and try again."
            ).worded("refusal-calendars-changed-meanwhile") from exc
        except Exception as exc:
            # Pipelined statements fail when the pipeline syncs, so name the read model
            # by the table the error mentions, or else the one that was being applied.
            culprit = self._owner_of(str(exc)) or (current.name if current else "")
            raise ProjectionError(
                f"Projection {culprit} failed on events {first}..{last}: {exc}", culprit
            ) from exc

    def _owner_of(self, message: str) -> str | None:
        for projection in self.projections:
            if any(re.search(rf"\b{table}\b", message) for table in projection.tables):
                return projection.name
        return None

    def positions(self, db: Sql) -> dict[str, int]:
        """Every read model's position, by name."""
        rows = db.all("SELECT name, position FROM projection_positions")
        return {row["name"]: int(row["position"]) for row in rows}

    def position(self, db: Sql, name: str, table: str = "projection_positions") -> int:
        """The notification position a read model has applied up to."""
        value = db.scalar(f"SELECT position FROM {table} WHERE name = ?", (name,))
        if value is None:
            raise ProjectionError(f"Read model {name!r} is not set up: run `televent db upgrade`.")
        return int(value)

    def set_position(
        self, db: Sql, name: str, position: int, table: str = "projection_positions"
    ) -> None:
        """Record the position in the same transaction as the view writes."""
        db.run(
            f"UPDATE {table} SET position = ?, updated_at = ?, last_error = NULL WHERE name = ?",
            (position, self.clock().isoformat(), name),
        )

    def catch_up(
        self,
        db: Sql,
        projections: Iterable[Projection],
        after: int,
        upto: int | None = None,
        on_batch: Callable[[int], None] | None = None,
    ) -> int:
        """Apply logged events after `after` (up to `upto`) to the projections; return the end.

        Positions are not written here: the caller records them with the same transaction.
        """
        targets = list(projections)
        position = after
        while upto is None or position < upto:
            batch = self.read_log(db, position, CATCH_UP_BATCH, upto)
            if not batch:
                break
            for notification_id, event in batch:
                for projection in targets:
                    projection.apply(db, event, notification_id)
            for projection in targets:
                projection.flush(db)
            position = batch[-1][0]
            if on_batch is not None:
                on_batch(position)
        for projection in targets:
            if projection.prefix == "":
                self.set_position(db, projection.name, position)
        return position

    def read_log(
        self, db: Sql, after: int, limit: int, upto: int | None = None
    ) -> list[tuple[int, Any]]:
        """Read and decode up to `limit` logged events after position `after`."""
        column = notification_id_column(self.dialect)
        bound = f" AND {column} <= ?" if upto is not None else ""
        params: tuple[int, ...] = (after, upto, limit) if upto is not None else (after, limit)
        rows = db.all(
            f"SELECT {column} AS position, originator_id, originator_version, topic, state "
            f"FROM {self.events_table} WHERE {column} > ?{bound} ORDER BY {column} LIMIT ?",
            params,
        )
        return [(int(row["position"]), self.decode(row)) for row in rows]

    def decode(self, row: dict[str, Any]) -> Any:
        """Turn one stored row into its domain event."""
        originator_id = row["originator_id"]
        if not isinstance(originator_id, UUID):
            originator_id = UUID(str(originator_id))
        return self.mapper.to_domain_event(
            StoredEvent(
                originator_id=originator_id,
                originator_version=int(row["originator_version"]),
                topic=row["topic"],
                state=bytes(row["state"]),
            )
        )

    def lock_writers(self, db: Sql) -> None:
        """Block other writers until this transaction ends (the lock the recorders take)."""
        if self.dialect is Dialect.POSTGRES:
            db.run(f"LOCK TABLE {self.events_table} IN EXCLUSIVE MODE")
        else:
            # A write as the first statement takes SQLite's write lock, waiting for it.
            db.run("UPDATE projection_positions SET position = position")

    def head(self, db: Sql) -> int:
        """The newest notification position in the log (0 when empty)."""
        column = notification_id_column(self.dialect)
        return int(db.scalar(f"SELECT MAX({column}) AS head FROM {self.events_table}") or 0)
