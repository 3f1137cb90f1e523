"""Writing back to a connected account what was changed in Televent (docs/adr/0026).

A change made here to an event of a mirrored calendar (the bot, the Mini App, the API, a
booking, a Televent CalDAV client) is queued in its own transaction by the
connection_writebacks projection. The leader's sync job asks `write_backs_due` what to send:
each queued event as it is now, with the remote resource it is written to and the ETag last seen
there. It sends them with `If-Match` (`If-None-Match: *` for a new one) and notes the outcome:

- `written_back_all`: the server took them (a round's, in one transaction); each new ETag is
  kept for the next sync, and each queue row goes (unless a newer change arrived meanwhile,
  which is sent next);
- `write_back_failed`: the server could not be reached or refused; tried again after a back-off,
  the reason shown to the person with the connection;
- a conflict (the resource changed or went on the other server since it was last seen): the job
  fetches the other server's version and hands it to `sync_mirror`, which stores it over
  Televent's and tells the person (`Calendar.write_back_overruled`), then `write_back_resolved`
  notes it. Televent's version stays in the log as the revision it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin
from uuid import UUID

from televent.application.connections import ConnectionCommands, SyncReport
from televent.domain.calendar_event import CalendarEvent
from televent.domain.connections import remote_name
from televent.domain.feed_subscriptions import backoff
from televent.projections.base import stamp
from televent.projections.queries import WriteBackView

_ERROR_CHARS = 300  # how much of a failure's message is kept for the person


@dataclass(frozen=True)
class WriteBack:
    """One change to send: `data` PUT at `url` (None: DELETE it), only if the resource is
    still version `etag` (a `new` one: only if nothing is there yet). `url` None: nothing to
    send (an event made and deleted here before it ever reached the other server)."""

    calendar_id: UUID
    event_id: UUID
    position: int  # of the change sent: a newer one keeps the queue row
    uid: str
    url: str | None
    etag: str | None
    data: str | None
    new: bool = False  # not on the other server yet: written only if nothing is there


class WriteBackCommands(ConnectionCommands):
    """The write-back queue of connected accounts: what to send, and how it went."""

    def write_backs_due(
        self, calendar_id: UUID, calendar_url: str, limit: int, kind: str = "caldav"
    ) -> list[WriteBack]:
        """The calendar's changes due to be written back, oldest first, at most `limit`; an
        event new there is named as connections of `kind` name them (domain/connections)."""
        due = self.queries.writebacks(calendar_id, due=stamp(self.clock()))[:limit]
        if not due:
            return []
        by_uid = {
            uid: (href, etag)
            for href, (uid, etag) in self.queries.remote_resources(calendar_id).items()
            if uid
        }
        return [self._write_back(row, calendar_url, by_uid, kind) for row in due]

    def _write_back(
        self,
        row: WriteBackView,
        calendar_url: str,
        by_uid: dict[str, tuple[str, str | None]],
        kind: str,
    ) -> WriteBack:
        event: CalendarEvent = self.repository.get(row.event_id)
        known = by_uid.get(event.uid)
        here = not event.deleted and event.calendar_id == row.calendar_id
        if known is not None:
            url, etag = known
        elif here:
            url, etag = urljoin(calendar_url, remote_name(kind, event.uid)), None
        else:
            url, etag = None, None  # never written there: nothing to delete
        data = event.ical if here else None
        return WriteBack(
            row.calendar_id, row.event_id, row.position, event.uid, url, etag, data,
            new=known is None,
        )  # fmt: skip

    def written_back_all(self, written: Sequence[tuple[WriteBack, str | None]]) -> None:
        """The other server took these changes (a round's, noted in one transaction): keep each
        resource's new ETag (unknown when it gave none: the next sync reads it), and each
        queue row goes unless a newer change arrived meanwhile."""
        with self.views.write() as db:
            for item, etag in written:
                calendar_id = str(item.calendar_id)
                if item.url is not None and item.data is not None:
                    db.run(
                        "INSERT INTO connection_resources (calendar_id, href, uid, etag) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (calendar_id, href) DO UPDATE SET "
                        "uid = excluded.uid, etag = excluded.etag",
                        (calendar_id, item.url, item.uid, etag),
                    )
                elif item.url is not None:
                    db.run(
                        "DELETE FROM connection_resources WHERE calendar_id = ? AND href = ?",
                        (calendar_id, item.url),
                    )
                db.run(
                    "DELETE FROM connection_writebacks WHERE calendar_id = ? AND event_id = ? "
                    "AND position = ?",
                    (calendar_id, str(item.event_id), item.position),
                )

    def write_back_resolved(self, item: WriteBack, report: SyncReport) -> None:
        """A conflict settled by storing the other server's version (`sync_mirror`): the
        resources as that left them, and the change that lost is no longer to be sent."""
        settled = SyncReport(
            report.added, report.changed, report.removed, report.unchanged, report.skipped,
            report.resources, report.gone, ((item.event_id, item.position),),
        )  # fmt: skip
        with self.views.write() as db:
            self._note_resources(db, item.calendar_id, settled)

    def write_back_failed(self, item: WriteBack, *, error: str, now: dt.datetime) -> int:
        """The change could not be written back: tried again after a back-off that doubles
        with each failure in a row; returns how many failures in a row that makes."""
        with self.views.write() as db:
            attempts = db.scalar(
                "SELECT attempts FROM connection_writebacks WHERE calendar_id = ? "
                "AND event_id = ? AND position = ?",
                (str(item.calendar_id), str(item.event_id), item.position),
            )
            if attempts is None:
                return 0  # a newer change replaced it: sent afresh
            failures = int(attempts) + 1
            db.run(
                "UPDATE connection_writebacks SET attempts = ?, next_attempt = ?, "
                "last_error = ? WHERE calendar_id = ? AND event_id = ? AND position = ?",
                (
                    failures,
                    stamp(now + backoff(failures)),
                    error[:_ERROR_CHARS],
                    str(item.calendar_id),
                    str(item.event_id),
                    item.position,
                ),
            )
        return failures
