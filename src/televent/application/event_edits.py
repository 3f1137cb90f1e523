"""Events written from fields (the JSON API), as calendar object resources.

A new event is stored like a CalDAV client's PUT with If-None-Match; an edit reads the stored
resource, changes only the fields named (televent/domain/event_fields.py) and stores it with
If-Match on the version it read, so a concurrent change is never overwritten: with the
client's own If-Match that is a 412, without one the edit is applied again to the newer
version. Scheduling consequences (invitations, updates, cancellations; RFC 6638 implicit
scheduling) follow from the store, exactly as for CalDAV and the bot. `by` is the person
asking: the store checks their right to write in the calendar (domain/sharing.py), so a member
of a shared calendar writes only as their role allows.

"This and following" (an edit or a deletion from one occurrence of a series on) splits the
series as calendar clients do (domain/series_split.py): the series ends before the occurrence,
and a new series with a new UID starts at it. Both are stored in one transaction
(`put_continued`), so neither is ever stored without the other; the client's If-Match is the
series' ETag, as for any edit of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from uuid import UUID

from televent.application.calendar_objects import PutResult
from televent.application.televent import Televent
from televent.domain.errors import ConflictError, NotFoundError, PreconditionFailedError
from televent.domain.event_fields import (
    EventChanges,
    edited_text,
    new_event_text,
    without_occurrence,
)
from televent.domain.series_split import edited_from, ended_before
from televent.projections.queries import ObjectView

ATTEMPTS = 3


class EventEdits:
    """Create, edit and delete events from fields, on behalf of one caller per call."""

    def __init__(self, app: Televent) -> None:
        self.app = app

    def create(
        self,
        calendar_id: UUID,
        changes: EventChanges,
        *,
        uid: str,
        zone_name: str,
        organizer: tuple[str, str | None],
        attendees: Sequence[tuple[str, str | None]],
        now: dt.datetime,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> PutResult:
        """Store a new event organised by `organizer`, inviting `attendees` (`by`: the person
        asking, who needs the right to write in the calendar; see `put_object`)."""
        text = new_event_text(
            changes,
            uid=uid,
            stamp=now,
            zone_name=zone_name,
            organizer=organizer,
            attendees=attendees,
        )
        return self.app.put_object(
            calendar_id,
            f"{uid}.ics",
            text,
            actor=actor,
            source=source,
            if_none_match=True,
            by=by,
        )

    def edit(
        self,
        event_id: UUID,
        changes: EventChanges,
        *,
        occurrence: str | None,
        zone_name: str,
        now: dt.datetime,
        if_match: str | None,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> PutResult:
        """Change the named fields of the series, or of one occurrence (its override)."""
        return self._rewrite(
            event_id,
            lambda text: edited_text(
                text, changes, occurrence=occurrence, stamp=now, zone_name=zone_name
            ),
            if_match=if_match,
            actor=actor,
            source=source,
            by=by,
        )

    def delete(
        self,
        event_id: UUID,
        *,
        occurrence: str | None,
        if_match: str | None,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> PutResult | None:
        """Delete the event, or cancel one occurrence of its series (an EXDATE)."""
        if occurrence is not None:
            return self._rewrite(
                event_id,
                lambda text: without_occurrence(text, occurrence),
                if_match=if_match,
                actor=actor,
                source=source,
                by=by,
            )
        current = self._current(event_id, if_match)
        self.app.delete_object(
            current.calendar_id,
            current.href,
            actor=actor,
            source=source,
            if_match=if_match,
            by=by,
        )
        return None

    def edit_following(
        self,
        event_id: UUID,
        changes: EventChanges,
        *,
        occurrence: str,
        uid: str,
        zone_name: str,
        now: dt.datetime,
        if_match: str | None,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> PutResult:
        """Change an occurrence and every one after it: the series ends before it and a new
        series (`uid`) starts at it with the changes, in one transaction. At the series' first
        occurrence the whole series changes in place. Answers the result of the series that
        holds the occurrence now (the new one, or the changed one)."""
        for _ in range(ATTEMPTS):
            current = self._current(event_id, if_match)
            split = edited_from(
                current.ical,
                changes,
                occurrence=occurrence,
                uid=uid,
                stamp=now,
                zone_name=zone_name,
            )
            try:
                if split.ended is None:
                    return self._put(
                        current,
                        split.following,
                        if_match=if_match,
                        actor=actor,
                        source=source,
                        by=by,
                    )
                _, started = self.app.put_continued(
                    current.calendar_id,
                    current.href,
                    split.ended,
                    new_href=f"{uid}.ics",
                    new_ical=split.following,
                    actor=actor,
                    source=source,
                    if_match=if_match or current.etag,
                    by=by,
                )
                return started
            except PreconditionFailedError:
                if if_match is not None:
                    raise
        raise ConflictError("The event kept changing while it was being saved; try again.").worded(
            "refusal-calendars-kept-changing"
        )

    def delete_following(
        self,
        event_id: UUID,
        *,
        occurrence: str,
        now: dt.datetime,
        if_match: str | None,
        actor: str,
        source: str,
        by: UUID | None = None,
    ) -> PutResult | None:
        """Delete an occurrence and every one after it: the series ends before it (None when
        nothing came before it: then the whole event is deleted)."""
        current = self._current(event_id, if_match)
        if ended_before(current.ical, occurrence, stamp=now) is None:
            return self.delete(
                event_id, occurrence=None, if_match=if_match, actor=actor, source=source, by=by
            )

        def ended(text: str) -> str:
            rest = ended_before(text, occurrence, stamp=now)
            if rest is None:  # what came before was taken out meanwhile
                raise ConflictError(
                    "The series changed while it was being saved; try again."
                ).worded("refusal-calendars-kept-changing")
            return rest

        return self._rewrite(event_id, ended, if_match=if_match, actor=actor, source=source, by=by)

    def _put(
        self,
        current: ObjectView,
        text: str,
        *,
        if_match: str | None,
        actor: str,
        source: str,
        by: UUID | None,
    ) -> PutResult:
        return self.app.put_object(
            current.calendar_id,
            current.href,
            text,
            actor=actor,
            source=source,
            if_match=if_match or current.etag,
            by=by,
        )

    def _rewrite(
        self,
        event_id: UUID,
        change: Callable[[str], str],
        *,
        if_match: str | None,
        actor: str,
        source: str,
        by: UUID | None,
    ) -> PutResult:
        for _ in range(ATTEMPTS):
            current = self._current(event_id, if_match)
            text = change(current.ical)
            try:
                return self._put(
                    current, text, if_match=if_match, actor=actor, source=source, by=by
                )
            except PreconditionFailedError:
                if if_match is not None:
                    raise
        raise ConflictError("The event kept changing while it was being saved; try again.").worded(
            "refusal-calendars-kept-changing"
        )

    def _current(self, event_id: UUID, if_match: str | None) -> ObjectView:
        current = self.app.queries.object_by_event_id(event_id)
        if current is None:
            raise NotFoundError("That event no longer exists.").worded(
                "refusal-calendars-event-gone"
            )
        if if_match is not None and current.etag != if_match:
            raise PreconditionFailedError("The event changed since you read it (If-Match).").worded(
                "refusal-calendars-event-changed"
            )
        return current
