"""Calendars: creating (MKCALENDAR, RFC 4791 §5.3.1), changing (PROPPATCH, RFC 4918 §9.2) and
deleting them; deleting one deletes every object in it with its scheduling consequences.
Publishing one as a feed at a secret address, and what that address shows (docs/adr/0022)."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.calendar import Calendar
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import DomainError, ForbiddenError, NotFoundError
from televent.domain.ical import parse_calendar_object
from televent.domain.sharing import Action, calendar_id_of_shared_slug
from televent.domain.values import Source, SourceKind, calendar_id_for, is_valid_slug

FEED_PATH = "/feeds"  # a feed's address: <public URL>/feeds/<token>.ics
FEED_TOKEN_BYTES = 32  # the secret of a feed's address: 256 random bits
_FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")
FEED_NOT_FOUND = "Feed not found."


def feed_token_hash(token: str) -> str:
    """What is kept of a feed's token: its SHA-256 hash, in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PublishedFeed:
    """What a feed's address shows now: the calendar as the person who published it sees it."""

    calendar_id: UUID
    account_id: UUID  # who published it
    name: str  # the calendar's name as that person sees it
    sync_position: int  # moves with every change in the calendar
    busy_only: bool
    language: str  # the language that person reads (the word busy-only events are called)


class CalendarCommands(CommandCore):
    """Commands on calendar collections."""

    def create_calendar(
        self, account_id: UUID, slug: str, properties: dict[str, Any], *, actor: str, source: str
    ) -> UUID:
        """Create a calendar (MKCALENDAR), or bring back a deleted one with the same slug."""
        if not is_valid_slug(slug) or calendar_id_of_shared_slug(slug) is not None:
            raise DomainError(f"{slug!r} cannot name a calendar.")
        calendar = self._calendar_to_make(account_id, slug, properties, actor=actor, source=source)
        self.save_all(calendar)
        return calendar.id

    def _calendar_to_make(
        self, account_id: UUID, slug: str, properties: dict[str, Any], *, actor: str, source: str
    ) -> Calendar:
        """A new calendar under the slug, or the deleted one brought back, not saved yet
        (ConflictError when a live one has the slug)."""
        if account_id not in self.repository:
            raise NotFoundError("Account not found.").worded("refusal-calendars-no-account")
        calendar_id = calendar_id_for(account_id, slug)
        if calendar_id in self.repository:
            calendar: Calendar = self.repository.get(calendar_id)
            calendar.recreate(properties=properties, actor=actor, source=source)
            return calendar
        return Calendar(
            account_id=account_id, slug=slug, properties=properties, actor=actor, source=source
        )

    def update_calendar(
        self,
        calendar_id: UUID,
        properties: dict[str, Any],
        *,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> None:
        """Change a calendar's properties for everyone (PROPPATCH by its owner; `by`, the
        person asking, needs that right: domain/sharing.py)."""
        if by is not None:
            self.require_access(by, calendar_id, Action.ADMINISTER)
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        calendar.update(properties=properties, actor=actor, source=source)
        self.save_all(calendar)

    def delete_calendar(
        self, calendar_id: UUID, *, actor: str, source: str, by: UUID | None = None
    ) -> None:
        """Delete a calendar and every object in it, atomically, for every member (`by`: see
        `update_calendar`); a subscribed feed's or a connected account's calendar without any
        scheduling."""
        if by is not None:
            self.require_access(by, calendar_id, Action.ADMINISTER)
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        self.save_all(*self._calendar_deletion(calendar, actor=actor, source=source))

    def _calendar_deletion(
        self, calendar: Calendar, *, actor: str, source: str
    ) -> list[Calendar | CalendarEvent]:
        """The calendar and its objects deleted, with what that tells their attendees, not
        saved yet."""
        events: list[CalendarEvent] = []
        consequences: list[CalendarEvent] = []
        mirrored = calendar.mirrored is not None
        owner = self.queries.account_by_id(calendar.account_id)  # read once for every event
        for obj in self.queries.objects_in(calendar.id):
            event: CalendarEvent = self.repository.get(obj.event_id)
            if calendar.subscription is not None or mirrored:
                # a feed's events were never invitations; a connected account's are the other
                # server's to schedule: deleted quietly (docs/adr/0025, 0026)
                quiet = Source(SourceKind.CONNECTION, str(calendar.id)).encode()
                event.delete(actor=actor, source=quiet if mirrored else source)
                events.append(event)
                continue
            before = parse_calendar_object(event.ical)
            self._decline_before_deleting(event, before, actor=actor, source=source, owner=owner)
            event.delete(actor=actor, source=source)
            events.append(event)
            consequences += self.scheduler.consequences(
                event, before, actor=actor, source=source, owner_account=owner
            )
        calendar.delete(actor=actor, source=source)
        return [*events, calendar, *_distinct(consequences, events)]

    def publish_calendar_feed(
        self, calendar_id: UUID, *, by: UUID, busy_only: bool, actor: str, source: str
    ) -> str:
        """Publish the calendar as a feed for `by` (anyone who may read it) and return the
        secret token of its address; a person's previous address of the calendar stops."""
        self.require_access(by, calendar_id, Action.READ)
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        token = secrets.token_urlsafe(FEED_TOKEN_BYTES)
        calendar.publish_feed(
            by=by, token_hash=feed_token_hash(token), busy_only=busy_only, actor=actor,
            source=source,
        )  # fmt: skip
        self.save_all(calendar)
        return token

    def revoke_calendar_feed(self, calendar_id: UUID, *, by: UUID, actor: str, source: str) -> None:
        """Stop the person's feed of the calendar (NotFoundError when there is none)."""
        self.require_access(by, calendar_id, Action.READ)
        calendar: Calendar = self._get(calendar_id, Calendar, "Calendar")
        calendar.revoke_feed(by=by, actor=actor, source=source)
        self.save_all(calendar)

    def published_feed(self, token: str) -> PublishedFeed:
        """What the address with this token shows, if the feed is published and the person who
        published it may still read the calendar now (the rule of every read); NotFoundError
        otherwise, whatever the reason (nothing is revealed)."""
        if not _FEED_TOKEN.fullmatch(token):
            raise NotFoundError(FEED_NOT_FOUND)
        feed = self.queries.feed_by_hash(feed_token_hash(token))
        if feed is None:
            raise NotFoundError(FEED_NOT_FOUND)
        account = self.queries.account_by_id(feed.account_id)
        if account is None:
            raise NotFoundError(FEED_NOT_FOUND)
        try:
            self.require_access(feed.account_id, feed.calendar_id, Action.READ)
        except (NotFoundError, ForbiddenError):
            raise NotFoundError(FEED_NOT_FOUND) from None
        seen = self.queries.seen_calendar(feed.account_id, feed.calendar_id)
        if seen is None:
            raise NotFoundError(FEED_NOT_FOUND)
        return PublishedFeed(
            calendar_id=feed.calendar_id,
            account_id=feed.account_id,
            name=seen.view.display_name or seen.view.slug,
            sync_position=seen.view.sync_position,
            busy_only=feed.busy_only,
            language=account.language,
        )


def _distinct(found: list[CalendarEvent], saved: list[CalendarEvent]) -> list[CalendarEvent]:
    """Consequences not already among the aggregates being saved (one instance per id)."""
    seen = {e.id for e in saved}
    kept: list[CalendarEvent] = []
    for event in found:
        if event.id not in seen:
            seen.add(event.id)
            kept.append(event)
    return kept
