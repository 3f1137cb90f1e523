"""Connected CalDAV accounts (docs/adr/0026): connecting one, removing it, and mirroring its
calendars.

Connecting records a Connection (the password sealed with a key of its own inside the event
the person's key seals, only in the log: infrastructure/sealed_secrets.py) and one calendar per
remote calendar, each mirroring it (Calendar.mirror), in one transaction.
Until changes made in Televent are written back, a mirroring calendar is read-only for everyone
(domain/calendar.role_of), so nothing typed here can be lost to the next sync.

A sync is a command: what the other server says changed, resource by resource, is split per
UID like an imported file (application/calendar_import.py), so only what changed enters the
log, with a CalendarSynced event that says so for the audit, all in one transaction, under a
`connection:` source that the delivery queues leave alone (the other server's own clients
schedule its meetings). The server's sync token, which resource holds which UID with which
ETag, when the calendar is next due and its failures are the operational
`connection_sync_state` and `connection_resources` tables, written after the command: a crash
between the two asks the same changes again, and storing them again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from uuid import UUID

from eventsourcing.domain import Aggregate

from televent.application.calendar_import import ImportCommands
from televent.application.calendars import CalendarCommands
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.calendar_import import (
    ImportRefusedError,
    Left,
    Piece,
    SplitFile,
    split_calendar,
)
from televent.domain.connection import Connection
from televent.domain.connections import (
    MAX_CALENDARS,
    MAX_CONNECTIONS,
    SYNC_INTERVAL,
    checked_password,
    checked_username,
    connection_id_for,
    mirror_slug,
    not_connected,
    server_host,
)
from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.feed_subscriptions import backoff, refresh_counts
from televent.domain.ical import component_kinds
from televent.domain.values import Source, SourceKind, without_control_characters
from televent.infrastructure.sealed_secrets import SealedSecrets
from televent.projections.base import next_due_unless_asked, stamp
from televent.projections.queries import ConnectionView
from televent.projections.sql import Sql

LOG = logging.getLogger(__name__)
_ERROR_CHARS = 300  # how much of a failure's message is kept for the person
# How old a secret's key must be before the sweep may take it for one whose connection never
# came to be: far longer than connecting takes (the key is made just before the log is written).
SECRET_SWEEP_AGE = dt.timedelta(hours=1)


@dataclass(frozen=True)
class RemoteCalendarFound:
    """A calendar discovery found on the other server: its URL, name and colour."""

    url: str
    name: str
    color: str | None = None


@dataclass(frozen=True)
class DiscoveredAccount:
    """What discovery found behind what a person typed: the principal, the calendar home and
    the calendars of events in it."""

    principal_url: str
    home_url: str
    calendars: tuple[RemoteCalendarFound, ...]


# Discovery of an account, as the composition root hands it to the adapters that connect one:
# (what the person typed, user name, password) → the account, or DomainError, OutboundError.
Discover = Callable[[str, str, str], Awaitable[DiscoveredAccount]]


@dataclass(frozen=True)
class RemoteChange:
    """A resource of the remote calendar that is new or changed: URL, ETag and data."""

    href: str
    etag: str | None
    data: str


@dataclass(frozen=True)
class SyncReport:
    """What a sync did, and what the job keeps of the remote resources: `resources` (href →
    (UID, ETag)) for the changed ones, `gone` the hrefs no longer there."""

    added: int
    changed: int
    removed: int
    unchanged: int
    skipped: tuple[Left, ...]
    resources: dict[str, tuple[str | None, str | None]]
    gone: tuple[str, ...]
    # Write-backs the other server's version overruled (docs/adr/0026): (event id, log position
    # of the change that lost); their queue rows go once the sync is noted.
    overruled: tuple[tuple[UUID, int], ...] = ()
    # Changed resources the other server did not give (URL, why: "too-large", "status 500"),
    # named in the outcome: one too large is read again once it changes, another next sync.
    unread: tuple[tuple[str, str], ...] = ()

    @property
    def outcome(self) -> str:
        counts = refresh_counts(self.added, self.changed, self.removed, len(self.skipped))
        said = counts or "unchanged"
        if self.unread:
            named = ", ".join(f"{_resource_name(url)} ({why})" for url, why in self.unread[:3])
            more = f" and {len(self.unread) - 3} more" if len(self.unread) > 3 else ""
            said += f"; not read: {named}{more}"
        return said


def _resource_name(url: str) -> str:
    """What a person may recognise of a remote resource: the last segment of its path."""
    name = unquote(urlsplit(url).path).rstrip("/").rpartition("/")[2] or url
    return without_control_characters(name)[:60]


class ConnectionCommands(ImportCommands, CalendarCommands):
    """Connected accounts: connecting, removing and syncing their calendars."""

    def connect_account(
        self,
        account_id: UUID,
        *,
        kind: str,
        address: str,
        principal_url: str,
        home_url: str,
        username: str,
        password: str,
        calendars: Sequence[RemoteCalendarFound],
        actor: str,
        source: str,
    ) -> UUID:
        """Record the connection the adapter discovered and make one calendar that mirrors
        each of its calendars (at most MAX_CALENDARS); returns the connection's id.

        Raises:
            DomainError: no user name or password, no calendar found, too many connections.
            ConflictError: the person is connected to this account already.
        """
        checked_username(username)
        checked_password(password)
        if self.queries.connection_count(account_id) >= MAX_CONNECTIONS:
            raise DomainError(f"You can connect at most {MAX_CONNECTIONS} accounts.").worded(
                "refusal-connections-too-many", most=MAX_CONNECTIONS
            )
        if self.queries.connection_to(account_id, server_host(principal_url), username):
            raise ConflictError("You are connected to this account already.").worded(
                "refusal-connections-already"
            )
        if not calendars:
            raise DomainError("The account has no calendar of events to show.").worded(
                "refusal-connections-no-calendars"
            )
        key = str(uuid.uuid4())
        connection_id = connection_id_for(account_id, key)
        made: list[Calendar] = []
        for remote in calendars[:MAX_CALENDARS]:
            name = without_control_characters(remote.name).strip()[:200]
            properties = {"display_name": name or server_host(remote.url)}
            if remote.color:
                properties["color"] = remote.color[:20]
            calendar = self._calendar_to_make(
                account_id, mirror_slug(connection_id, remote.url), properties, actor=actor,
                source=source,
            )  # fmt: skip
            calendar.mirror(connection_id=connection_id, url=remote.url, actor=actor, source=source)
            made.append(calendar)
        connection = Connection(
            account_id=account_id,
            key=key,
            kind=kind,
            address=address[:2000],
            principal_url=principal_url,
            home_url=home_url,
            username=username,
            password=self._secrets.seal(connection_id, password),
            calendars={r.url: str(c.id) for r, c in zip(calendars, made, strict=False)},
            actor=actor,
            source=source,
        )
        assert connection.id == connection_id
        self.save_all(connection, *made)
        return connection_id

    def remove_connection(
        self, connection_id: UUID, *, by: UUID, keep_events: bool, actor: str, source: str
    ) -> None:
        """Forget the connection's password and delete its calendars, or keep them (with their
        events) as ordinary calendars, in one transaction; only its person."""
        connection = self._connection_of(connection_id, by)
        calendars = [UUID(c) for c in connection.calendars.values()]
        changed: list[Aggregate] = []
        for calendar_id in calendars:
            calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
            if calendar.deleted:
                continue
            if keep_events:
                calendar.stop_mirroring(actor=actor, source=source)
                changed.append(calendar)
            else:
                changed += self._calendar_deletion(calendar, actor=actor, source=source)
        connection.remove(keep_events=keep_events, actor=actor, source=source)
        self.save_all(*changed, connection)  # all of it, or nothing
        with self.views.write() as db:
            for calendar_id in calendars:
                db.run(
                    "DELETE FROM connection_sync_state WHERE calendar_id = ?", (str(calendar_id),)
                )
                db.run(
                    "DELETE FROM connection_resources WHERE calendar_id = ?", (str(calendar_id),)
                )
                db.run(  # nothing more is written back once the connection is gone
                    "DELETE FROM connection_writebacks WHERE calendar_id = ?", (str(calendar_id),)
                )
                db.run(  # Google's notifications for it are answered as unknown from now on
                    "DELETE FROM google_channels WHERE calendar_id = ?", (str(calendar_id),)
                )
        # The log keeps the sealed password; without its key nobody can open it again. A key
        # left by a crash or a failure here goes with the next sweep (forget_removed_secrets):
        # the removal stands either way.
        try:
            self._secrets.forget(connection_id)
        except Exception:
            LOG.exception("Could not forget the password of connection %s yet", connection_id)

    def connection_of(self, connection_id: UUID, *, by: UUID) -> ConnectionView:
        """The live connection as its person sees it (NotFoundError for anyone else's)."""
        found = self.queries.connection(connection_id)
        if found is None or found.account_id != by:
            raise not_connected()
        return found

    def credentials_of(self, connection_id: UUID) -> tuple[str, str]:
        """The user name and password the sync job connects with (read from the log, where
        only they are kept; NotFoundError once the connection is removed)."""
        connection: Connection = self._get(connection_id, Connection, "Connection")
        if connection.removed or connection.password is None:
            raise not_connected()
        password = self._secrets.open(connection_id, connection.password)
        if password is None:  # its key is gone: the connection was being removed
            raise not_connected()
        return connection.username, password

    def forget_removed_secrets(self) -> int:
        """Delete the keys of secrets whose connection is removed, erased or never came to be
        (a crash between removing a connection and forgetting its password, or while
        connecting); returns how many. Asks the log, not a read model, which ones are gone."""
        gone: list[UUID] = []
        for secret in self.keys.secrets_made_before(self.clock() - SECRET_SWEEP_AGE):
            try:
                connection: Connection = self._get(secret, Connection, "Connection")
            except NotFoundError:
                gone.append(secret)
                continue
            except Exception:  # one odd record never stops the sweep for the others
                LOG.exception("Cannot tell whether connection %s is gone", secret)
                continue
            if connection.removed:
                gone.append(secret)
        self._secrets.forget(*gone)
        return len(gone)

    @property
    def _secrets(self) -> SealedSecrets:
        return SealedSecrets(self.keys)

    def _connection_of(self, connection_id: UUID, by: UUID) -> Connection:
        self.connection_of(connection_id, by=by)
        connection: Connection = self._get(connection_id, Connection, "Connection")
        if connection.removed:
            raise not_connected()
        return connection

    # --- syncing -------------------------------------------------------------------------------

    def sync_mirror(
        self,
        calendar_id: UUID,
        changed: Sequence[RemoteChange],
        removed: Sequence[str],
        *,
        complete: bool,
        actor: str,
        passed: Mapping[str, str] | None = None,
    ) -> SyncReport:
        """Make the calendar hold what the remote calendar's changes say, in one transaction.

        `changed` are new or changed resources with their data, `removed` the hrefs gone.
        `complete`: the changes are measured against everything there is (a first sync, or a
        listing by ETag), so an event held here under a UID no remote resource has any more
        is deleted too (what a crash between a sync and its bookkeeping could leave).
        A resource that is not iCalendar, or that the checks refuse, is skipped; the event
        it held is kept (one bad resource never empties the calendar of it). `passed` (href →
        ETag) are resources left unread for good (too large, refused): a new one is noted with
        its ETag, so that a listing asks for it again only once it changes; one known already
        keeps the ETag of the version held here, so that a change made here is written back
        only over that version (`If-Match`), never over the newer one nobody read.

        Raises:
            NotFoundError: the calendar is gone or mirrors nothing.
        """
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        if calendar.deleted or calendar.mirrored is None:
            raise not_connected()
        kinds = component_kinds(calendar.properties.get("components"))
        source = Source(SourceKind.CONNECTION, str(calendar_id)).encode()
        known = self.queries.remote_resources(calendar_id)
        pieces, left, resources = _split_resources(changed, kinds, known)
        for href, etag in (passed or {}).items():
            if href not in known:  # new: nothing of it here to write back over a newer version
                resources.setdefault(href, (None, etag))
        stored = {obj.uid: obj for obj in self.queries.objects_in(calendar_id)}
        waiting = {w.event_id: w for w in self.queries.writebacks(calendar_id)}
        mine: dict[UUID, CalendarEvent] = {e: self.repository.get(e) for e in waiting}
        theirs = {event_id: _shown(event) for event_id, event in mine.items()}  # before the sync
        done = self._store_pieces(
            calendar_id, calendar.account_id, SplitFile(tuple(pieces), tuple(left), None), stored,
            actor=actor, source=source,
        )  # fmt: skip
        gone = set(removed) - set(resources)
        untouched = [uid for href, (uid, _) in known.items() if href not in gone | set(resources)]
        present = {uid for uid, _ in resources.values() if uid} | set(untouched)
        present |= {left.uid for left in done.skipped}
        # Made here and not written back yet: the other server cannot have them, so a complete
        # listing without them says nothing about them.
        sent_before = {uid for uid, _ in known.values()}
        present |= {e.uid for e in mine.values() if e.uid not in sent_before}
        if complete:
            doomed = list(stored)
        else:  # what the removed resources held, and what a changed one held before
            doomed = [known[href][0] or "" for href in [*gone, *resources] if href in known]
        deleted: list[CalendarEvent] = []
        for uid in dict.fromkeys(doomed):
            obj = stored.get(uid)
            if obj is None or uid in present:
                continue
            event: CalendarEvent = self.repository.get(obj.event_id)
            event.delete(actor=actor, source=source)
            deleted.append(event)
        calendar.record_sync(
            added=done.added, changed=done.updated, removed=len(deleted), actor=actor,
            source=source,
        )  # fmt: skip
        # Both sides changed these events since they last met: the other server's version
        # wins, Televent's stays in the log as the revision it was, and the person is told.
        overruled: list[tuple[UUID, int]] = []
        for lost, remote in [(e, "changed") for e in done.changed] + [
            (e, "deleted") for e in deleted
        ]:
            if lost.id in waiting:
                calendar.write_back_overruled(
                    event_id=lost.id, shown=theirs[lost.id], remote=remote, actor=actor,
                    source=source,
                )  # fmt: skip
                overruled.append((lost.id, waiting[lost.id].position))
        if done.changed or deleted or calendar.pending_events:
            self.save_all(done.changed, deleted, calendar)
        return SyncReport(
            done.added, done.updated, len(deleted), done.unchanged, done.skipped, resources,
            tuple(gone), tuple(overruled),
        )  # fmt: skip

    # --- how syncing goes (the operational tables) ----------------------------------------------

    def mirror_synced(
        self,
        calendar_id: UUID,
        report: SyncReport,
        *,
        token: str | None,
        now: dt.datetime,
        began: dt.datetime | None = None,
    ) -> None:
        """Note a sync that worked: the token to ask from next, the resources as they are now,
        the next sync after SYNC_INTERVAL — or sooner, when it was asked for (the person, a
        Google notification) after the sync `began`: what changed then may not be in it."""
        with self.views.write() as db:
            # The calendar's sync state first, as remove_connection takes it first: whichever
            # comes second waits there, before either holds a resource row (no deadlock).
            self._note_sync(
                db, calendar_id, token=token, next_due=now + SYNC_INTERVAL, failures=0, now=now,
                error=None, outcome=report.outcome, began=began or now,
            )  # fmt: skip
            self._note_resources(db, calendar_id, report)

    @staticmethod
    def _note_resources(db: Sql, calendar_id: UUID, report: SyncReport) -> None:
        """The remote resources as a sync left them, and the write-backs it overruled gone
        (unless a newer change to the event arrived meanwhile)."""
        for href in report.gone:
            db.run(
                "DELETE FROM connection_resources WHERE calendar_id = ? AND href = ?",
                (str(calendar_id), href),
            )
        for href, (uid, etag) in report.resources.items():
            db.run(
                "INSERT INTO connection_resources (calendar_id, href, uid, etag) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (calendar_id, href) DO UPDATE SET "
                "uid = excluded.uid, etag = excluded.etag",
                (str(calendar_id), href, uid, etag),
            )
        for event_id, position in report.overruled:
            db.run(
                "DELETE FROM connection_writebacks WHERE calendar_id = ? AND event_id = ? "
                "AND position = ?",
                (str(calendar_id), str(event_id), position),
            )

    def mirror_failed(
        self,
        calendar_id: UUID,
        *,
        now: dt.datetime,
        error: str,
        began: dt.datetime | None = None,
        write_backs: bool = False,
    ) -> int:
        """Note a sync that failed: tried again after a back-off that doubles with each failure
        in a row (as a feed's), or sooner when asked for after it `began`; returns how many
        failures in a row that makes. With `write_backs`, the changes waiting to be written
        back wait as long (each makes the calendar due: after a failure of the sync as a
        whole, they would have it taken again at every round), saying why."""
        current = self.queries.mirror(calendar_id)
        if current is None:
            return 0  # removed meanwhile
        failures = current.failures + 1
        next_due = now + backoff(failures)
        with self.views.write() as db:
            self._note_sync(
                db, calendar_id, token=current.sync_token, next_due=next_due,
                failures=failures, now=now, error=error[:_ERROR_CHARS],
                outcome=current.last_outcome, began=began or now,
            )  # fmt: skip
            if write_backs:
                db.run(
                    "UPDATE connection_writebacks SET next_attempt = ?, last_error = ? "
                    "WHERE calendar_id = ? AND (next_attempt IS NULL OR next_attempt < ?)",
                    (stamp(next_due), error[:_ERROR_CHARS], str(calendar_id), stamp(next_due)),
                )
        return failures

    def sync_soon(self, connection_id: UUID, *, by: UUID) -> ConnectionView:
        """Have the connection's calendars synced at the job's next round (its person asked)."""
        found = self.connection_of(connection_id, by=by)
        with self.views.write() as db:
            for mirror in found.calendars:  # a first sync may be under way: its row is made
                db.run(
                    "INSERT INTO connection_sync_state (calendar_id, next_due) VALUES (?, ?) "
                    "ON CONFLICT (calendar_id) DO UPDATE SET next_due = excluded.next_due",
                    (str(mirror.calendar_id), stamp(self.clock())),
                )
        return self.connection_of(connection_id, by=by)

    @staticmethod
    def _note_sync(
        db: Sql,
        calendar_id: UUID,
        *,
        token: str | None,
        next_due: dt.datetime,
        failures: int,
        now: dt.datetime,
        error: str | None,
        outcome: str | None,
        began: dt.datetime,
    ) -> None:
        """Note a sync's outcome. A sync asked for after it `began` (`sync_soon`, a Google
        notification: `next_due` moved after `began`) is kept when it is sooner than
        `next_due`: a change made while the sync ran may not be in what it read."""
        success = error is None
        db.run(
            "INSERT INTO connection_sync_state (calendar_id, sync_token, next_due, failures, "
            "last_tried, last_success, last_error, last_outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (calendar_id) DO UPDATE SET sync_token = excluded.sync_token, "
            f"next_due = {next_due_unless_asked('connection_sync_state')}, "
            "failures = excluded.failures, "
            "last_tried = excluded.last_tried, last_success = "
            "COALESCE(excluded.last_success, connection_sync_state.last_success), "
            "last_error = excluded.last_error, last_outcome = excluded.last_outcome",
            (
                str(calendar_id),
                token,
                stamp(next_due),
                failures,
                stamp(now),
                stamp(now) if success else None,
                error,
                outcome,
                stamp(began),
            ),
        )


def _shown(event: CalendarEvent) -> dict[str, object]:
    """What a person is told of their version of an event that lost to the other server's: its
    title and when it was."""
    facts = event.facts or {}
    return {key: facts.get(key) for key in ("summary", "start", "end", "all_day")}


def known_hrefs(resources: Mapping[str, tuple[str | None, str | None]]) -> dict[str, str | None]:
    """href → ETag, what the client compares a listing against."""
    return {href: etag for href, (_, etag) in resources.items()}


def _split_resources(
    changed: Sequence[RemoteChange],
    kinds: tuple[str, ...],
    known: Mapping[str, tuple[str | None, str | None]],
) -> tuple[list[Piece], list[Left], dict[str, tuple[str | None, str | None]]]:
    """The calendar objects the changed resources hold, what is skipped and why, and each
    resource's (UID, ETag). A resource that is not iCalendar keeps the UID it held before."""
    resources: dict[str, tuple[str | None, str | None]] = {}
    pieces: list[Piece] = []
    seen: set[str] = set()
    left: list[Left] = []
    for change in changed:
        try:
            split = split_calendar(change.data, kinds, empty_ok=True)
        except ImportRefusedError as exc:
            before = known.get(change.href, (None, None))[0]
            left.append(Left(before or "", "", "invalid", str(exc), exc.wording))
            resources[change.href] = (before, change.etag)
            continue
        for piece in split.pieces:
            if piece.uid in seen:
                # One UID under two resources (the other server's bug): the first is kept, so
                # the calendar still syncs; the copy is skipped and says why.
                left.append(Left(piece.uid, "", "repeated", "another resource has its UID"))
            else:
                seen.add(piece.uid)
                pieces.append(piece)
        left.extend(split.left)
        resources[change.href] = (split.pieces[0].uid if split.pieces else None, change.etag)
    return pieces, left, resources
