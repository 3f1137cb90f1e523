"""Importing a calendar file into a calendar (docs/adr/0024).

The file is split into one calendar object per UID (domain/calendar_import.py); each goes
through the repairs and checks of a CalDAV PUT (domain/validation.py), so a file holds no
more power over the readers than a client does. A UID the calendar holds is updated (or left
alone when the file says the same); a new one is stored; one deleted earlier comes back. All of
it is saved in one transaction: an import is whole or not at all, and importing the same file
again changes nothing. The person needs the right to write in the calendar (domain/sharing.py).

An import is not scheduling: the changes are recorded under an `import:` source, which the
delivery queues leave alone (projections/base.py), so nobody is mailed, carded or answered,
and no copy is made in another person's calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from televent.application.core import CommandCore
from televent.application.scheduling import resource_name
from televent.domain.calendar_event import CalendarEvent, new_calendar_event
from televent.domain.calendar_import import (
    Left,
    Piece,
    SplitFile,
    nothing_to_import,
    same_content,
    split_calendar,
)
from televent.domain.errors import InvalidCalendarDataError, NotFoundError
from televent.domain.ical import CalendarObject, component_kinds
from televent.domain.sharing import Action
from televent.domain.validation import accepted_calendar_object
from televent.domain.values import Source, calendar_event_id_for
from televent.projections.queries import ObjectView

_SUMMARY_CHARS = 80  # how much of a skipped event's title is named


@dataclass(frozen=True)
class ImportReport:
    """What an import did: events stored new, changed, found the same, and left out (why)."""

    imported: int
    updated: int
    unchanged: int
    skipped: tuple[Left, ...]


@dataclass(frozen=True)
class StoredPieces:
    """A file's pieces made into events of a calendar (not saved yet), and what was done."""

    changed: list[CalendarEvent]
    added: int
    updated: int
    unchanged: int
    skipped: tuple[Left, ...]


class ImportCommands(CommandCore):
    """Importing calendar files."""

    def import_calendar(
        self, calendar_id: UUID, text: str, *, by: UUID, actor: str, source: str
    ) -> ImportReport:
        """Store the events of an iCalendar file in the calendar, as `by` (who needs the right
        to write in it).

        Raises:
            NotFoundError: no such calendar, or one `by` may not see.
            ForbiddenError: `by` may only read it.
            ImportRefusedError: the file is not iCalendar, too large, holds too many events
                or nothing that can be imported (nothing is stored).
        """
        calendar = self.queries.calendar(calendar_id)
        if calendar is None:
            raise NotFoundError("Calendar not found.").worded("refusal-calendars-calendar-gone")
        self.require_access(
            by, calendar_id, Action.WRITE, owner=calendar.account_id, subscribed=calendar.subscribed
        )
        split = split_calendar(text, component_kinds(calendar.components))
        recorded = Source.decode(source).imported().encode()
        stored = {view.uid: view for view in self.queries.objects_in(calendar_id)}
        done = self._store_pieces(
            calendar_id, calendar.account_id, split, stored, actor=actor, source=recorded
        )
        if not done.changed and not done.unchanged:
            raise nothing_to_import(done.skipped)
        if done.changed:
            self.save_all(done.changed)
        return ImportReport(done.added, done.updated, done.unchanged, done.skipped)

    def _store_pieces(
        self,
        calendar_id: UUID,
        owner: UUID,
        split: SplitFile,
        stored: dict[str, ObjectView],
        *,
        actor: str,
        source: str,
    ) -> StoredPieces:
        """The events a file's pieces make of what the calendar holds (`stored`, by UID), not
        saved yet: each piece through the repairs and checks of a PUT, a UID held updated
        (or left alone when it says the same), a new one stored, one deleted earlier brought
        back. An import and a feed's refresh both store their files this way."""
        taken = {view.href for view in stored.values()}
        skipped = list(split.left)
        changed: list[CalendarEvent] = []
        added = updated = unchanged = 0
        for piece in split.pieces:
            current = stored.get(piece.uid)
            if current is not None and same_content(current.ical, piece.text):
                unchanged += 1  # what is stored passed the checks: no need to check it again
                continue
            try:
                obj = accepted_calendar_object(piece.text)
            except InvalidCalendarDataError as exc:
                skipped.append(_skipped(piece, "invalid", str(exc), exc.wording))
                continue
            if current is not None:
                if same_content(current.ical, obj.text):
                    unchanged += 1
                    continue
                event: CalendarEvent = self.repository.get(current.event_id)
                event.revise(
                    obj, href=current.href, actor=actor, source=source, organizer_copy=True
                )
                if not event.pending_events:
                    unchanged += 1
                    continue
                updated += 1
            else:
                href = _free_name(obj.uid, taken)
                if href is None:
                    skipped.append(_skipped(piece, "name", "its name is taken by another event"))
                    continue
                taken.add(href)
                event = self._new_event(calendar_id, owner, href, obj, actor=actor, source=source)
                added += 1
            changed.append(event)
        return StoredPieces(changed, added, updated, unchanged, tuple(skipped))

    def _new_event(
        self,
        calendar_id: UUID,
        owner: UUID,
        href: str,
        obj: CalendarObject,
        *,
        actor: str,
        source: str,
    ) -> CalendarEvent:
        """A new event for the UID, or the one deleted earlier brought back (one stored
        meanwhile by someone else makes the save a ConflictError)."""
        try:
            earlier: CalendarEvent = self.repository.get(
                calendar_event_id_for(calendar_id, obj.uid)
            )
        except AggregateNotFoundError:
            pass
        else:
            if earlier.deleted:
                earlier.recreate(obj, href=href, actor=actor, source=source)
                return earlier
        return new_calendar_event(calendar_id, owner, href, obj, actor=actor, source=source)


def _free_name(uid: str, taken: set[str]) -> str | None:
    """The resource name a new UID is stored under: as a server-made copy is named, or, when
    another event of the calendar has that name, a digest of the UID."""
    for name in (resource_name(uid), resource_name(f"{uid}\n")):  # the second: a digest
        if name not in taken:
            return name
    return None


def _skipped(
    piece: Piece, code: str, reason: str, wording: tuple[str, dict[str, object]] | None = None
) -> Left:
    summary = ""
    for line in piece.text.split("\r\n"):
        if line.upper().startswith("SUMMARY"):
            summary = line.partition(":")[2][:_SUMMARY_CHARS]
            break
    return Left(piece.uid, summary, code, reason, wording)
