"""Subscribing to calendar feeds (webcal:// or https:// ICS) and refreshing them
(docs/adr/0025).

A subscription is a calendar of its own whose owner is its subscriber (domain/sharing.py):
read-only for everyone, so only a refresh changes its events. A refresh is a command: the
feed's text is split per UID like an imported file (application/calendar_import.py), so only
what changed enters the log (new UIDs added, changed ones revised, UIDs the feed no longer has
deleted), with a FeedRefreshed event that says so for the audit, all in one transaction. The
changes are recorded under a `feed:` source, which the delivery queues leave alone: a feed is
not scheduling.

How fetching goes (the validators of a conditional GET, when a feed is next due, its failures
in a row and their back-off, the last outcome the subscriber is shown) is the operational
`feed_fetch_state` table, written here by the refresh job (adapters/subscriptions/refresher.py)
after each try; it is bookkeeping, not a fact about calendars, and is not rebuilt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.application.calendar_import import ImportCommands
from televent.application.calendars import CalendarCommands
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.calendar_import import Left, split_calendar
from televent.domain.errors import ConflictError, DomainError
from televent.domain.feed_subscriptions import (
    MAX_SUBSCRIPTIONS,
    SubscriptionOptions,
    backoff,
    feed_name,
    feed_slug,
    feed_url,
    not_subscribed,
    refresh_counts,
)
from televent.domain.ical import component_kinds
from televent.domain.sharing import Action
from televent.domain.values import Source, SourceKind, without_control_characters
from televent.projections.base import next_due_unless_asked, stamp
from televent.projections.queries import SubscriptionView

_ERROR_CHARS = 300  # how much of a failure's message is kept for the subscriber


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh did: events added, changed, removed, found the same, left out (why)."""

    added: int
    changed: int
    removed: int
    unchanged: int
    skipped: tuple[Left, ...]

    @property
    def outcome(self) -> str:
        """What the subscriber is shown of it ("unchanged", "3 added, 1 changed")."""
        counts = refresh_counts(self.added, self.changed, self.removed, len(self.skipped))
        return counts or "unchanged"


class SubscriptionCommands(ImportCommands, CalendarCommands):
    """Feed subscriptions: adding, changing, removing and refreshing them."""

    def subscribe_feed(
        self,
        account_id: UUID,
        url: str,
        *,
        name: str | None = None,
        options: SubscriptionOptions | None = None,
        actor: str,
        source: str,
    ) -> UUID:
        """Make a new calendar that shows the feed at `url` (webcal:// is https://) and return
        its id; it is filled by the first refresh. Whether the address may be reached is the
        adapter's to check first (the outbound guard).

        Raises:
            DomainError: not a feed's address, or the person has too many subscriptions.
            ConflictError: they already subscribe to this address.
        """
        address = feed_url(url)
        if self.queries.subscription_count(account_id) >= MAX_SUBSCRIPTIONS:
            raise DomainError(f"You can subscribe to at most {MAX_SUBSCRIPTIONS} feeds.").worded(
                "refusal-subscriptions-too-many", most=MAX_SUBSCRIPTIONS
            )
        chosen = without_control_characters(name or "").strip()[:200]
        properties = {"display_name": chosen or feed_name(address)}
        try:
            calendar = self._calendar_to_make(
                account_id, feed_slug(address), properties, actor=actor, source=source
            )
        except ConflictError:  # the feed's calendar is there, live
            raise ConflictError("You already subscribe to this feed.").worded(
                "refusal-subscriptions-already"
            ) from None
        calendar.subscribe_feed(
            url=address, options=options or SubscriptionOptions(), actor=actor, source=source
        )
        self.save_all(calendar)
        with self.views.write() as db:  # the same feed's calendar deleted before, and made
            # again (the same id): what its fetch knew (its ETag) is of the old one, emptied
            db.run("DELETE FROM feed_fetch_state WHERE calendar_id = ?", (str(calendar.id),))
        return calendar.id

    def change_subscription(
        self, calendar_id: UUID, changes: dict[str, Any], *, by: UUID, actor: str, source: str
    ) -> None:
        """Pause or resume a feed, turn its reminders or busy time on or off, rename its
        calendar (`name`); only its subscriber."""
        changes = dict(changes)
        name = changes.pop("name", None)
        calendar: Calendar = self._subscribed(calendar_id, by)
        calendar.change_subscription(by=by, changes=changes, actor=actor, source=source)
        if name is not None:
            if not isinstance(name, str) or not name.strip():
                raise DomainError("A calendar's name is not empty.").worded(
                    "refusal-subscriptions-empty-name"
                )
            calendar.update(
                properties={"display_name": without_control_characters(name).strip()[:200]},
                actor=actor,
                source=source,
            )
        self.save_all(calendar)

    def unsubscribe_feed(self, calendar_id: UUID, *, by: UUID, actor: str, source: str) -> None:
        """Stop showing the feed: its calendar and the events it brought are deleted, in one
        transaction and without scheduling (application/calendars.py)."""
        self._subscribed(calendar_id, by)  # `by` may: no second check in the deletion
        self.delete_calendar(calendar_id, actor=actor, source=source)
        with self.views.write() as db:
            db.run("DELETE FROM feed_fetch_state WHERE calendar_id = ?", (str(calendar_id),))

    def _subscribed(self, calendar_id: UUID, by: UUID) -> Calendar:
        """The subscribed calendar whose subscription `by` may change: its subscriber's
        (NotFoundError for one they cannot see or that shows no feed, ForbiddenError for a
        member's)."""
        self.require_access(by, calendar_id, Action.ADMINISTER, what="subscription")
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        if calendar.subscription is None:
            raise not_subscribed()
        return calendar

    # --- refreshing --------------------------------------------------------------------------

    def refresh_feed(self, calendar_id: UUID, text: str, *, actor: str) -> RefreshReport:
        """Make the calendar hold what the feed's `text` says, per UID, in one transaction.

        A piece the checks refuse is skipped, and an event the calendar already holds under
        its UID is kept rather than deleted for it (one bad event in a feed never empties the
        calendar of it).

        Raises:
            NotFoundError: the calendar is gone or shows no feed.
            ImportRefusedError: the text is not iCalendar or holds too much (nothing changes).
        """
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        if calendar.subscription is None:  # a deleted calendar's subscription ended with it
            raise not_subscribed()
        kinds = component_kinds(calendar.properties.get("components"))
        split = split_calendar(text, kinds, empty_ok=True)
        source = Source(SourceKind.FEED, str(calendar_id)).encode()
        stored = {obj.uid: obj for obj in self.queries.objects_in(calendar_id)}
        done = self._store_pieces(
            calendar_id, calendar.account_id, split, stored, actor=actor, source=source
        )
        kept = {piece.uid for piece in split.pieces} | {left.uid for left in done.skipped}
        removed: list[CalendarEvent] = []
        for uid, obj in stored.items():
            if uid not in kept:
                event: CalendarEvent = self.repository.get(obj.event_id)
                event.delete(actor=actor, source=source)
                removed.append(event)
        url = calendar.subscription["url"]
        if split.name and calendar.properties.get("display_name") == feed_name(url):
            # named after its host until the feed says its own name (X-WR-CALNAME)
            calendar.update(
                properties={"display_name": feed_name(url, split.name)}, actor=actor, source=source
            )
        calendar.record_refresh(
            added=done.added, changed=done.updated, removed=len(removed), actor=actor,
            source=source,
        )  # fmt: skip
        if done.changed or removed or calendar.pending_events:
            self.save_all(done.changed, removed, calendar)
        return RefreshReport(done.added, done.updated, len(removed), done.unchanged, done.skipped)

    # --- how fetching goes (the operational feed_fetch_state table) -------------------------

    def feed_fetched(
        self,
        calendar_id: UUID,
        *,
        now: dt.datetime,
        interval: dt.timedelta,
        etag: str | None,
        last_modified: str | None,
        outcome: str,
        began: dt.datetime | None = None,
    ) -> None:
        """Note a fetch that worked (a 304 too): validators kept, next fetch after `interval`
        — or sooner, when the subscriber asked for one after the fetch `began`: the feed may
        have changed after it was read."""
        self._note_fetch(
            calendar_id,
            began=began or now,
            next_due=now + interval,
            failures=0,
            now=now,
            success=True,
            etag=etag,
            last_modified=last_modified,
            error=None,
            outcome=outcome,
            interval=interval,
        )

    def feed_failed(
        self, calendar_id: UUID, *, now: dt.datetime, error: str, began: dt.datetime | None = None
    ) -> int:
        """Note a fetch that failed: it is tried again after a back-off that doubles with each
        failure in a row (or sooner when asked for after it `began`); returns how many
        failures in a row that makes."""
        current = self.queries.subscription(calendar_id)
        if current is None:
            return 0  # unsubscribed meanwhile: nothing to note
        failures = current.failures + 1
        self._note_fetch(
            calendar_id,
            began=began or now,
            next_due=now + backoff(failures),
            failures=failures,
            now=now,
            success=False,
            etag=current.etag,
            last_modified=current.last_modified,
            error=error[:_ERROR_CHARS],
            outcome=current.last_outcome,
            interval=None,
        )
        return failures

    def refresh_soon(self, calendar_id: UUID, *, by: UUID) -> SubscriptionView:
        """Have the feed fetched at the job's next round (its subscriber asked for it)."""
        self._subscribed(calendar_id, by)
        with self.views.write() as db:
            db.run(  # a first fetch may be under way: its row is made
                "INSERT INTO feed_fetch_state (calendar_id, next_due) VALUES (?, ?) "
                "ON CONFLICT (calendar_id) DO UPDATE SET next_due = excluded.next_due",
                (str(calendar_id), stamp(self.clock())),
            )
        found = self.queries.subscription(calendar_id)
        assert found is not None
        return found

    def _note_fetch(
        self,
        calendar_id: UUID,
        *,
        began: dt.datetime,
        next_due: dt.datetime,
        failures: int,
        now: dt.datetime,
        success: bool,
        etag: str | None,
        last_modified: str | None,
        error: str | None,
        outcome: str | None,
        interval: dt.timedelta | None,
    ) -> None:
        seconds = None if interval is None else int(interval.total_seconds())
        with self.views.write() as db:  # a failure keeps the last success and the interval
            db.run(
                "INSERT INTO feed_fetch_state (calendar_id, etag, last_modified, next_due, "
                "interval_seconds, failures, last_tried, last_success, last_error, last_outcome) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (calendar_id) DO UPDATE SET "
                "etag = excluded.etag, last_modified = excluded.last_modified, "
                f"next_due = {next_due_unless_asked('feed_fetch_state')}, interval_seconds = "
                "COALESCE(excluded.interval_seconds, feed_fetch_state.interval_seconds), "
                "failures = excluded.failures, last_tried = excluded.last_tried, last_success = "
                "COALESCE(excluded.last_success, feed_fetch_state.last_success), "
                "last_error = excluded.last_error, last_outcome = excluded.last_outcome",
                (
                    str(calendar_id),
                    etag,
                    last_modified,
                    stamp(next_due),
                    seconds,
                    failures,
                    stamp(now),
                    stamp(now) if success else None,
                    error,
                    outcome,
                    stamp(began),
                ),
            )
