"""Availability, booking links and bookings: the commands (domain/schedule.py decides).

A booking is checked against the slots the page offers (the owner's availability less their
busy time, televent/projections/slot_reader.py), then decided by the owner's Schedule
aggregate, and saved together with its calendar event and that event's scheduling
consequences in one transaction: two visitors racing for one slot load the same schedule
version, and the second save fails on the event store's key (ConflictError, HTTP 409), so a
slot is never booked twice. The event then travels like any other: the visitor gets an iMIP
REQUEST (RFC 6047), CalDAV clients sync it, the owner's bot gets a card. Cancelling through the
visitor's manage link deletes the event (the visitor gets a CANCEL); rescheduling moves it (an
updated REQUEST). The owner deleting it from any client frees the slot.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.application import AggregateNotFoundError

from televent.application.calendar_objects import ObjectCommands
from televent.domain.availability import Availability
from televent.domain.booking_event import (
    BOOKED_WITH,
    booking_description,
    booking_event_text,
    booking_summary,
    booking_uid,
)
from televent.domain.booking_links import BookingLink, check_text, no_calendar
from televent.domain.errors import ConflictError, DomainError, ForbiddenError, NotFoundError
from televent.domain.event_fields import EventChanges, edited_text
from televent.domain.event_times import FieldError
from televent.domain.schedule import ACTIVE, Schedule, schedule_id_for, utc_text
from televent.domain.sharing import Action
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    calendar_event_id_for,
    internal_uri,
    normalize_address,
)
from televent.domain.zones import zone_named
from televent.projections.bookings_reader import BookingView
from televent.projections.queries import AccountView
from televent.projections.slot_reader import SlotReader

MAX_NAME = 200
MAX_ANSWER = 2000
MAX_EMAIL = 254


@dataclass(frozen=True)
class BookingRequest:
    """What a visitor sends to book a slot."""

    slug: str
    start: dt.datetime  # aware
    name: str
    email: str
    tz: str  # the visitor's IANA zone (their emails speak it)
    duration_minutes: int | None = None
    answers: dict[str, str] | None = None
    language: str | None = None  # the language of the visitor's page (their mails speak it)


class SlotTakenError(ConflictError):
    """The slot is no longer free (taken meanwhile, or never offered)."""


class BookingCommands(ObjectCommands):
    """Commands on availability, booking links and bookings."""

    @property
    def slot_reader(self) -> SlotReader:
        return SlotReader(self.queries, self.internal_domain)

    # --- the owner's settings ----------------------------------------------------------------

    def set_availability(
        self, account_id: UUID, availability: Availability, *, actor: str, source: str
    ) -> bool:
        """Replace the person's availability; returns whether it changed."""
        schedule = self._schedule(account_id, actor=actor, source=source)
        changed = schedule.set_availability(availability.as_json(), actor=actor, source=source)
        self.save_all(schedule)
        return changed

    def create_booking_link(
        self, account_id: UUID, link: BookingLink, *, actor: str, source: str
    ) -> BookingLink:
        """Add a link; a slug anyone already uses is refused, and so is a calendar to book
        into that the person may not add events to."""
        self._bookable(account_id, link)
        if self.queries.link(link.slug) is not None:
            raise ConflictError(
                f"The address /book/{link.slug} is taken; choose another slug."
            ).worded("refusal-booking-slug-taken", slug=link.slug)
        schedule = self._schedule(account_id, actor=actor, source=source)
        schedule.add_link(link, actor=actor, source=source)
        try:
            self.save_all(schedule)
        except ConflictError:
            if self.queries.link(link.slug) is not None:
                raise ConflictError(
                    f"The address /book/{link.slug} was just taken; choose another slug."
                ).worded("refusal-booking-slug-just-taken", slug=link.slug) from None
            raise
        return link

    def change_booking_link(
        self, account_id: UUID, slug: str, changes: dict[str, Any], *, actor: str, source: str
    ) -> BookingLink:
        """Change a link's settings (pause it with {"active": false})."""
        schedule = self._existing_schedule(account_id, slug)
        link = schedule.change_link(slug, changes, actor=actor, source=source)
        if "calendar_id" in changes:
            self._bookable(account_id, link)
        self.save_all(schedule)
        return link

    def delete_booking_link(self, account_id: UUID, slug: str, *, actor: str, source: str) -> None:
        """Delete a link (its bookings stay in the calendar)."""
        schedule = self._existing_schedule(account_id, slug)
        schedule.remove_link(slug, actor=actor, source=source)
        self.save_all(schedule)

    # --- bookings ------------------------------------------------------------------------------

    def book(
        self, request: BookingRequest, *, booking_id: str, token: str, source: str
    ) -> BookingView:
        """Book a slot for a visitor (`booking_id` and `token`, the manage link's secret, are
        made by the caller: the application holds no randomness)."""
        reader = self.slot_reader
        public, owner = reader.public_link(request.slug)
        link = public.link
        name, email, answers = _visitor(request, link)
        rules = link.rules(request.duration_minutes)
        start = request.start.astimezone(dt.UTC)
        end = start + dt.timedelta(minutes=rules.duration_minutes)
        now = self.clock()
        if not link.active:
            raise DomainError("This booking link is paused; it takes no bookings now.").worded(
                "refusal-booking-paused"
            )
        if not reader.is_free(link, owner, start, now=now, duration_minutes=rules.duration_minutes):
            raise _unavailable(link, start, now, moving=False)
        if email.endswith("@" + self.internal_domain.lower()):
            raise DomainError("Give your own email address: the invitation goes there.").worded(
                "refusal-booking-own-address"
            )
        if self.queries.account_for_address(email, self.internal_domain) is not None:
            partstat = "NEEDS-ACTION"  # a Televent user's calendar: they confirm it themselves
        else:
            partstat = "ACCEPTED"
        schedule = self._existing_schedule(owner.account_id, link.slug)
        zone = reader.availability(owner).timezone
        self._follow_calendar(schedule, zone, actor=f"booking:{link.slug}", source=source)
        actor = f"visitor {email} (booking link /{link.slug})"
        calendar_id = self._calendar_for(owner, link)
        uid = booking_uid(booking_id)
        _decided(
            schedule.book,
            booking={
                "booking_id": booking_id,
                "slug": link.slug,
                "title": link.title,
                "duration": rules.duration_minutes,
                **_times(start, end, link, zone),
                "event_uid": uid,
                "event_id": str(calendar_event_id_for(calendar_id, uid)),
                "name": name,
                "email": email,
                "tz": request.tz,
                "answers": answers,
                "token": token,
                **({"language": request.language} if request.language else {}),
            },
            actor=actor,
            source=source,
        )
        text = booking_event_text(
            uid=uid,
            stamp=now,
            summary=self.phrase(
                owner.language,
                "booking-event-summary",
                booking_summary(link.title, owner.name, name),
                title=link.title,
                visitor=name,
                owner=owner.name,
            ),
            start=start,
            end=end,
            zone_name=owner.timezone,
            organizer=(internal_uri(owner.telegram_id, self.internal_domain), owner.name),
            visitor=(email, name),
            visitor_partstat=partstat,
            description=booking_description(
                link.description,
                {q.id: q.label for q in link.questions},
                answers,
                self.phrase(owner.language, "booking-event-booked-with", BOOKED_WITH),
            ),
            location=link.location,
        )
        try:
            self.put_object(
                calendar_id, f"{uid}.ics", text, actor=actor, source=source, together=schedule
            )
        except ConflictError as exc:
            raise _just_taken() from exc
        booking = self.queries.booking_by_token(token)
        assert booking is not None
        return booking

    def cancel_booking(self, token: str, *, reason: str, source: str) -> BookingView:
        """Cancel through the visitor's manage link: the event is deleted (the visitor gets
        an iMIP CANCEL), the slot is free again."""
        booking = self._active_by_token(token)
        obj = self.queries.object_by_event_id(booking.event_id)
        if obj is not None:
            self._still_open(booking.account_id, obj.calendar_id)
        schedule = self._existing_schedule(booking.account_id, None)
        actor = f"visitor {booking.email} (manage link)"
        schedule.cancel(booking.booking_id, reason=reason[:500], actor=actor, source=source)
        if obj is None:
            self.save_all(schedule)
        else:
            self.delete_object(
                obj.calendar_id, obj.href, actor=actor, source=source, together=schedule
            )
        cancelled = self.queries.booking_by_token(token)
        assert cancelled is not None
        return cancelled

    def reschedule_booking(self, token: str, start: dt.datetime, *, source: str) -> BookingView:
        """Move a booking through the visitor's manage link to another offered slot: the
        event moves (the visitor gets the updated REQUEST)."""
        booking = self._active_by_token(token)
        reader = self.slot_reader
        public, owner = reader.public_link(booking.slug)
        if owner.account_id != booking.account_id:  # the slug was freed and taken by another
            raise NotFoundError("The booking link of this booking no longer exists.").worded(
                "refusal-booking-link-gone"
            )
        link = public.link
        duration = _minutes(booking)
        if duration not in link.lengths:
            duration = link.duration_minutes
        start = start.astimezone(dt.UTC)
        end = start + dt.timedelta(minutes=duration)
        now = self.clock()
        free = reader.is_free(
            link,
            owner,
            start,
            now=now,
            duration_minutes=duration,
            ignore_events=(booking.event_id,),
            ignore_bookings=(booking.booking_id,),
        )
        if not free:
            raise _unavailable(link, start, now, moving=True)
        obj = self.queries.object_by_event_id(booking.event_id)
        if obj is None:
            raise ConflictError("This booking's event is gone; book again instead.").worded(
                "refusal-booking-event-gone"
            )
        self._still_open(booking.account_id, obj.calendar_id)
        schedule = self._existing_schedule(booking.account_id, None)
        zone = reader.availability(owner).timezone
        self._follow_calendar(schedule, zone, actor=f"booking:{booking.slug}", source=source)
        actor = f"visitor {booking.email} (manage link)"
        _decided(
            schedule.reschedule,
            booking.booking_id,
            times=_times(start, end, link, zone),
            actor=actor,
            source=source,
        )
        changes = EventChanges(
            given=frozenset({"start", "end"}), start=start.isoformat(), end=end.isoformat()
        )
        text = edited_text(obj.ical, changes, occurrence=None, stamp=now, zone_name=owner.timezone)
        try:
            self.put_object(
                obj.calendar_id,
                obj.href,
                text,
                actor=actor,
                source=source,
                if_match=obj.etag,
                together=schedule,
            )
        except ConflictError as exc:
            raise _just_taken() from exc
        moved = self.queries.booking_by_token(token)
        assert moved is not None
        return moved

    # --- helpers -------------------------------------------------------------------------------

    def _schedule(self, account_id: UUID, *, actor: str, source: str) -> Schedule:
        """The person's schedule, opened on first use."""
        try:
            schedule: Schedule = self.repository.get(schedule_id_for(account_id))
        except AggregateNotFoundError:
            if self.queries.account_by_id(account_id) is None:
                raise NotFoundError("Account not found.") from None
            return Schedule(account_id=account_id, actor=actor, source=source)
        return schedule

    def _existing_schedule(self, account_id: UUID, slug: str | None) -> Schedule:
        what = "Booking link" if slug is not None else "Schedule"
        schedule: Schedule = self._get(schedule_id_for(account_id), Schedule, what)
        if slug is not None:
            schedule.link(slug)
        return schedule

    def _follow_calendar(self, schedule: Schedule, zone: str, *, actor: str, source: str) -> None:
        """Bring the schedule in step with the calendar before it decides: bookings whose
        events the owner deleted or cancelled are released, those the owner moved move."""
        views = {
            b.booking_id: b
            for b in self.queries.bookings_of(schedule.account_id, active_only=False)
        }
        gone: list[str] = []
        moves: dict[str, dict[str, str]] = {}
        for held in schedule.active_bookings():
            view = views.get(held["booking_id"])
            if view is None:
                continue
            if view.status != ACTIVE:
                gone.append(view.booking_id)
            elif (view.start, view.end) != (held["start"], held["end"]):
                stored = schedule.links.get(held["slug"])
                link = BookingLink.from_stored(stored) if stored else None
                moves[view.booking_id] = _times(
                    dt.datetime.fromisoformat(view.start),
                    dt.datetime.fromisoformat(view.end),
                    link,
                    zone,
                )
        schedule.release(gone, actor=actor, source=source)
        schedule.follow_calendar(moves, actor=actor, source=source)

    def _active_by_token(self, token: str) -> BookingView:
        booking = self.queries.booking_by_token(token) if token else None
        if booking is None:
            raise NotFoundError("This booking link is not valid.").worded(
                "refusal-booking-not-valid"
            )
        if booking.status != ACTIVE:
            raise ConflictError("This booking was already cancelled.").worded(
                "refusal-booking-cancelled-already"
            )
        if dt.datetime.fromisoformat(booking.start) <= self.clock():
            raise ConflictError("This booking has already begun; it cannot be changed now.").worded(
                "refusal-booking-begun"
            )
        return booking

    def _bookable(self, account_id: UUID, link: BookingLink) -> None:
        """The calendar the link books into is one the person may add events to (their own,
        a connected account's, one shared with them to edit), of events."""
        if link.calendar_id is None:
            return
        calendar_id = UUID(link.calendar_id)
        try:
            self.require_access(account_id, calendar_id, Action.WRITE)
        except (NotFoundError, ForbiddenError):
            raise no_calendar() from None
        calendar = self.queries.calendar(calendar_id)
        if calendar is None or (calendar.components and "VEVENT" not in calendar.components):
            raise no_calendar()

    def _still_open(self, account_id: UUID, calendar_id: UUID) -> None:
        """A manage link changes its booking's event with the link owner's rights: refused
        once they may no longer write in the calendar it is in (removed from a shared
        calendar, made a reader)."""
        try:
            self.require_access(account_id, calendar_id, Action.WRITE)
        except (NotFoundError, ForbiddenError):
            raise ForbiddenError(
                "This booking can no longer be changed here; write to the organizer."
            ).worded("refusal-booking-calendar-closed") from None

    def _calendar_for(self, owner: AccountView, link: BookingLink | None = None) -> UUID:
        """The calendar a booking goes into: the link's, while its owner may still add events
        to it; else their default calendar."""
        if link is not None and link.calendar_id is not None:
            try:
                self._bookable(owner.account_id, link)
                return UUID(link.calendar_id)
            except DomainError:
                pass  # gone or no longer theirs to write: the default, never a lost booking
        own = self.queries.calendars_of(owner.account_id)
        chosen = next((c for c in own if c.slug == DEFAULT_CALENDAR_SLUG), None)
        chosen = chosen or next(
            (c for c in own if c.components is None or "VEVENT" in c.components), None
        )
        if chosen is None:
            raise NotFoundError("This person has no calendar to book into.").worded(
                "refusal-booking-no-calendar", name=owner.name
            )
        return chosen.calendar_id


def _times(
    start: dt.datetime, end: dt.datetime, link: BookingLink | None, zone: str
) -> dict[str, str]:
    """A booking's times as the schedule keeps them; `day` is the date in the availability's
    zone, where the link's cap per day counts."""
    before = dt.timedelta(minutes=link.buffer_before_minutes if link else 0)
    after = dt.timedelta(minutes=link.buffer_after_minutes if link else 0)
    return {
        "start": utc_text(start),
        "end": utc_text(end),
        "guard_start": utc_text(start - before),
        "guard_end": utc_text(end + after),
        "day": start.astimezone(ZoneInfo(zone)).date().isoformat(),
    }


def _decided(decide: Callable[..., None], *args: Any, **kwargs: Any) -> None:
    """Let the schedule decide; its refusal (an overlap, a full day) is a taken slot, said as
    the schedule words it."""
    try:
        decide(*args, **kwargs)
    except SlotTakenError:
        raise
    except ConflictError as exc:
        taken = SlotTakenError(str(exc))
        taken.wording = exc.wording
        raise taken from exc


def _just_taken() -> SlotTakenError:
    """Another booking was saved first (the event store's version key refused this one)."""
    return SlotTakenError("That time was just booked by someone else.").worded(
        "refusal-booking-slot-just-taken"
    )


def _unavailable(
    link: BookingLink, start: dt.datetime, now: dt.datetime, *, moving: bool
) -> SlotTakenError:
    """The refusal of a time the page does not offer (now): one that has passed, is sooner
    than the link's notice or beyond its horizon says so, with the link's numbers, so the
    visitor knows which times to look at; any other (taken meanwhile, outside the hours) is
    simply not free."""
    if moving:
        error = SlotTakenError("That time is not available; pick another slot.")
    else:
        error = SlotTakenError("That time is no longer available; pick another slot.")
    if start < now:
        return error.worded("refusal-booking-past")
    if start < now + dt.timedelta(minutes=link.min_notice_minutes):
        return _too_soon(error, link.min_notice_minutes)
    if start >= now + dt.timedelta(days=link.horizon_days):
        return error.worded("refusal-booking-too-far", count=link.horizon_days)
    if moving:
        return error.worded("refusal-booking-slot-not-free")
    return error.worded("refusal-booking-slot-gone")


def _too_soon(error: SlotTakenError, notice: int) -> SlotTakenError:
    """`error`, said as a time sooner than the link's notice (in days, hours or minutes,
    whichever says it in a whole number)."""
    day = 24 * 60
    if notice % day == 0:
        return error.worded("refusal-booking-too-soon-days", count=notice // day)
    if notice % 60 == 0:
        return error.worded("refusal-booking-too-soon-hours", count=notice // 60)
    return error.worded("refusal-booking-too-soon-minutes", count=notice)


def _minutes(booking: BookingView) -> int:
    start = dt.datetime.fromisoformat(booking.start)
    end = dt.datetime.fromisoformat(booking.end)
    return int((end - start).total_seconds() // 60)


def _visitor(request: BookingRequest, link: BookingLink) -> tuple[str, str, dict[str, str]]:
    """The visitor's name, email and answers, checked."""
    if zone_named(request.tz) is None:
        raise DomainError(
            f"Unknown time zone {str(request.tz)[:64]!r}; use an IANA name like Europe/Berlin."
        )
    name = " ".join(check_text("Your name", str(request.name or "")).split())
    if not name or len(name) > MAX_NAME:
        raise DomainError(f"Your name is needed (at most {MAX_NAME} characters).").worded(
            "refusal-booking-name", count=MAX_NAME
        )
    email = normalize_address(check_text("The email address", str(request.email or "")))
    local, _, domain = email.partition("@")
    if (
        not local
        or "." not in domain
        or len(email) > MAX_EMAIL
        or any(c.isspace() or c in "<>,;:\"'" for c in email)
    ):
        raise DomainError("A valid email address is needed: the invitation goes there.").worded(
            "refusal-booking-email"
        )
    answers: dict[str, str] = {}
    given = request.answers or {}
    asked = [question.id for question in link.questions]
    for key in given:
        if key not in asked:
            raise FieldError(
                "answers",
                f"this booking page has no question {key[:64]!r} "
                + (f"(its questions: {', '.join(asked)})." if asked else "(it asks none)."),
            ).worded(
                "refusal-booking-no-question",
                question=key[:64],
                asked=", ".join(asked),
                count=len(asked),
            )
    for question in link.questions:
        value = _answer(str(given.get(question.id, "") or "")) if question.id in given else ""
        check_text(f"The answer to {question.label!r}", value)
        if len(value) > MAX_ANSWER:
            raise DomainError(f"The answer to {question.label!r} is too long.").worded(
                "refusal-booking-answer-long", question=question.label, count=MAX_ANSWER
            )
        if question.required and not value:
            raise DomainError(f"Please answer: {question.label}").worded(
                "refusal-booking-answer-missing", question=question.label
            )
        if value:
            answers[question.id] = value
    return name, email, answers


def _answer(raw: str) -> str:
    """An answer as the visitor wrote it in the page's text box, its lines kept (an address,
    an agenda), each line's spaces and the blank lines between them made single."""
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines).strip())
