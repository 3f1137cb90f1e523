"""What the bot asks of Televent about the person's addresses: the invitation address anyone
can invite them at, and linking their own email with a mailed code (docs/adr/0019), as plain
synchronous calls run through the port (like `booking_service`'s).

The identity is the Telegram user who sent the update; the application decides and checks
(`televent.application.invite_addresses`, `televent.application.email_links`).
"""

from __future__ import annotations

from dataclasses import dataclass

from televent.application.email_links import CodeSent

from .service import BotService, Person


@dataclass(frozen=True)
class MailStatus:
    """What /email shows: where people can invite the person, and their own email."""

    invite_address: str
    emails: tuple[str, ...]
    awaiting: str | None  # an address a code was mailed to and not given back yet


def invite_address(service: BotService, person: Person) -> str:
    """The person's invitation address (made the first time it is needed)."""
    actor, source = service.who(person)
    return service.app.invite_address(person.telegram_id, actor=actor, source=source)


def status(service: BotService, person: Person) -> MailStatus:
    """The person's addresses as /email and /settings show them."""
    address = invite_address(service, person)
    account = service.registered(person)
    awaiting = service.app.email_awaiting_code(account.account_id)
    return MailStatus(address, account.emails, awaiting)


def request_code(service: BotService, person: Person, email: str) -> CodeSent:
    """Mail a code to `email` (the application refuses what it must: see email_links.py)."""
    actor, source = service.who(person)
    return service.app.request_email_code(person.telegram_id, email, actor=actor, source=source)


def verify_code(service: BotService, person: Person, code: str) -> str:
    """Link the address the code was mailed to; returns it."""
    actor, source = service.who(person)
    return service.app.verify_email_code(person.telegram_id, code, actor=actor, source=source)


def remove(service: BotService, person: Person) -> tuple[list[str], list[str]]:
    """Unlink the person's email (and drop a code still waiting); the addresses unlinked, and
    the kinds of message chosen by email alone that are now not sent."""
    actor, source = service.who(person)
    removed = service.app.remove_email(person.telegram_id, actor=actor, source=source)
    account = service.app.queries.account_by_telegram_id(person.telegram_id)
    if not removed or account is None:
        return removed, []
    return removed, account.preferences.unsent(email_linked=bool(account.emails))
