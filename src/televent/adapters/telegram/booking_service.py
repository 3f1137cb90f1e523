"""What the booking commands ask of Televent: the person's availability and booking links, as
plain synchronous calls run through the port (like `service.BotService`'s).

The identity is the Telegram user who sent the update; the application decides and checks
(`televent.application.bookings`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from televent.adapters.i18n import t
from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from televent.domain.errors import NotFoundError
from televent.domain.schedule import utc_text
from televent.domain.values import Actor, Source, SourceKind
from televent.projections.queries import AccountView

from .booking_texts import AvailabilityChange
from .service import BotService, Person


@dataclass(frozen=True)
class LinkSummary:
    """A link as `/booking list` shows it."""

    link: BookingLink
    upcoming: int  # active bookings from now on


def availability(service: BotService, person: Person) -> tuple[Availability, bool]:
    """The person's availability, and whether it is the default (never set)."""
    account = _account(service, person)
    stored = service.queries.availability_of(account.account_id)
    if stored is None:
        return Availability.default(account.timezone), True
    return stored, False


def change_availability(
    service: BotService, person: Person, change: AvailabilityChange
) -> Availability:
    """Apply one `/availability` change (in the person's zone); returns the new hours."""
    account = _account(service, person)
    current, _ = availability(service, person)
    new = change.applied_to(current, account.timezone)
    actor, source = _who(account, person)
    service.app.set_availability(account.account_id, new, actor=actor, source=source)
    return new


def links(service: BotService, person: Person, now: dt.datetime) -> list[LinkSummary]:
    """The person's links, oldest first, with their upcoming bookings counted."""
    account = _account(service, person)
    upcoming: dict[str, int] = {}
    for booking in service.queries.bookings_of(account.account_id, start=utc_text(now)):
        upcoming[booking.slug] = upcoming.get(booking.slug, 0) + 1
    return [
        LinkSummary(view.link, upcoming.get(view.link.slug, 0))
        for view in service.queries.links_of(account.account_id)
    ]


def new_link(
    service: BotService, person: Person, slug: str, minutes: int, title: str
) -> BookingLink:
    """Create a link (the domain checks slug, title and duration; a taken slug conflicts)."""
    account = _account(service, person)
    link = BookingLink.from_json({"slug": slug, "title": title, "duration_minutes": minutes})
    actor, source = _who(account, person)
    return service.app.create_booking_link(account.account_id, link, actor=actor, source=source)


def set_active(service: BotService, person: Person, slug: str, active: bool) -> BookingLink:
    """Pause or resume one of the person's links."""
    account = _account(service, person)
    actor, source = _who(account, person)
    return service.app.change_booking_link(
        account.account_id, _own_slug(service, account, slug), {"active": active},
        actor=actor, source=source,
    )  # fmt: skip


def delete_link(service: BotService, person: Person, slug: str) -> None:
    """Delete one of the person's links (its bookings stay in the calendar)."""
    account = _account(service, person)
    actor, source = _who(account, person)
    service.app.delete_booking_link(
        account.account_id, _own_slug(service, account, slug), actor=actor, source=source
    )


def own_link(service: BotService, person: Person, slug: str) -> BookingLink:
    """One of the person's links by slug (NotFoundError naming it otherwise)."""
    account = _account(service, person)
    slug = _own_slug(service, account, slug)
    view = service.queries.link(slug)
    assert view is not None
    return view.link


def _own_slug(service: BotService, account: AccountView, slug: str) -> str:
    slug = slug.strip().lower().lstrip("/")
    view = service.queries.link(slug) if slug else None
    if view is None or view.account_id != account.account_id:
        raise NotFoundError(t("booking-bot-no-such-link", slug=slug))
    return slug


def _account(service: BotService, person: Person) -> AccountView:
    account = service.account(person.telegram_id)
    if account is None:
        raise NotFoundError(t("booking-bot-not-registered"))
    return account


def _who(account: AccountView, person: Person) -> tuple[str, str]:
    actor = Actor(account_id=account.account_id).encode()
    return actor, Source(SourceKind.BOT, str(person.telegram_id)).encode()
