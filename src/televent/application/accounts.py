"""Accounts and device passwords: registering a Telegram user, linking an email address,
settings, and the CalDAV device passwords (RFC 7617 Basic authentication checks them).

An erased account's id is never used again: registering after an erasure opens the next
generation of the user's account ids (docs/adr/0009).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import argon2

from televent.application.invite_addresses import InviteAddressCommands
from televent.domain.account import Account
from televent.domain.calendar import Calendar
from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.languages import DEFAULT_LANGUAGE
from televent.domain.preferences import MAX_REMINDER_MINUTES, Preferences, validate_changes
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    account_id_for,
    internal_address,
    is_valid_device_name,
    is_valid_email,
)
from televent.domain.zones import zone_named

# Device passwords: Argon2id at the library's recommended costs (RFC 9106's second choice, for
# less memory). Issuing hashes with it, and CalDAV's check reads it (a hash carries its costs).
PASSWORD_HASHER = argon2.PasswordHasher()


@dataclass(frozen=True)
class Registration:
    """The outcome of registering: the account id and whether it was new."""

    account_id: UUID
    created: bool


@dataclass(frozen=True)
class IssuedPassword:
    """A device password, shown once; only its hash is kept."""

    device_id: str
    name: str
    password: str


class AccountCommands(InviteAddressCommands):
    """Commands on accounts, their addresses and their device passwords."""

    def register_account(
        self,
        telegram_id: int,
        *,
        name: str,
        timezone: str = "UTC",
        email: str | None = None,
        language: str = DEFAULT_LANGUAGE,
        actor: str,
        source: str,
    ) -> Registration:
        """Register a Telegram user with a default calendar (named in `language`: the bot
        gives the one their Telegram reports) and an invitation address (docs/adr/0019);
        registering again changes nothing.

        A given email is linked (also for an existing account): an operator's word, no code.
        """
        if telegram_id <= 0:
            raise DomainError("A Telegram id is a positive number.")
        check_timezone(timezone)
        generation, account_id = self._next_account(telegram_id)
        if email is not None:
            self._check_email_free(email, account_id)
        if account_id in self.repository:
            if email is not None:
                self.link_email(telegram_id, email, actor=actor, source=source)
            return Registration(account_id, created=False)
        if generation:  # back after an erasure: their address names them again from now on
            self.keys.reclaim([internal_address(telegram_id, self.internal_domain)])
        account = Account(
            telegram_id=telegram_id,
            name=name.strip() or f"User {telegram_id}",
            timezone=timezone,
            actor=actor,
            source=source,
            generation=generation,
        )
        if email is not None:
            self.keys.reclaim([email.strip().lower()])
            account.link_email(email, actor=actor, source=source)
        account.assign_invite_address(address=self.new_invite_address(), actor=actor, source=source)
        calendar = Calendar(
            account_id=account.id,
            slug=DEFAULT_CALENDAR_SLUG,
            properties={
                "display_name": self.phrase(language, "calendar-default-name", "Calendar"),
                "timezone": timezone,
            },
            actor=actor,
            source=source,
        )
        self.save_all(account, calendar)
        return Registration(account.id, created=True)

    def link_email(
        self, telegram_id: int, email: str, *, actor: str, source: str, verified_by: str = ""
    ) -> None:
        """Link an email address to the account (it must not belong to another account, nor
        be one of Televent's own). `verified_by` says how the person proved it is theirs
        (email_links.py; it then replaces the address linked before); an operator links
        without."""
        account = self._account(telegram_id)
        self._check_email_free(email, account.id)
        if email.strip().lower() not in account.emails:
            self.keys.reclaim([email.strip().lower()])
        account.link_email(email, actor=actor, source=source, verified_by=verified_by)
        self.save_all(account)

    def unlink_email(
        self, telegram_id: int, email: str | None = None, *, actor: str, source: str
    ) -> list[str]:
        """Unlink one linked address, or (None) every one; returns those unlinked. Nothing is
        sent to them from then on, and invitations sent there no longer reach the account."""
        account = self._account(telegram_id)
        chosen = list(account.emails) if email is None else [email.strip().lower()]
        if not chosen:
            raise NotFoundError("No email address is linked to this account.").worded(
                "refusal-no-address"
            )
        for address in chosen:
            account.unlink_email(address, actor=actor, source=source)
        self.save_all(account)
        return chosen

    def change_account_settings(
        self, telegram_id: int, changes: dict[str, Any], *, actor: str, source: str
    ) -> None:
        """Change display name, time zone or reminder lead time."""
        if "timezone" in changes:
            check_timezone(str(changes["timezone"]))
        minutes = changes.get("reminder_minutes", 0)
        if not 0 <= int(minutes) <= MAX_REMINDER_MINUTES:
            raise DomainError("A reminder lead time is between 0 and 10080 minutes.").worded(
                "refusal-calendars-reminder-minutes", most=MAX_REMINDER_MINUTES
            )
        account = self._account(telegram_id)
        account.change_settings(changes=changes, actor=actor, source=source)
        self.save_all(account)

    def update_account(
        self,
        telegram_id: int,
        *,
        name: str | None = None,
        timezone: str | None = None,
        email: str | None = None,
        actor: str,
        source: str,
    ) -> bool:
        """An operator's change of an account's name, time zone or linked email (None: keep
        it). A given email becomes the one linked address (those linked before are
        unlinked); an operator's word, no code. Every value is checked before anything
        changes (DomainError for a blank name, an unknown zone or a bad address, ConflictError
        for another account's address); the changes are then saved together, as the usual
        events. Whether anything changed."""
        changes: dict[str, Any] = {}
        if name is not None:
            if not name.strip():
                raise DomainError("A name cannot be blank.")
            changes["name"] = name.strip()
        if timezone is not None:
            check_timezone(timezone)
            changes["timezone"] = timezone
        address = None if email is None else email.strip().lower()
        if address is not None and not is_valid_email(address):
            raise DomainError(f"{email!r} is not an email address.").worded(
                "refusal-not-an-address", address=str(email)[:80]
            )
        account = self._account(telegram_id)
        if address is not None:
            self._check_email_free(address, account.id)
        account.change_settings(changes=changes, actor=actor, source=source)
        if address is not None:
            for other in [e for e in account.emails if e != address]:
                account.unlink_email(other, actor=actor, source=source)
            if address not in account.emails:
                self.keys.reclaim([address])
                account.link_email(address, actor=actor, source=source)
        changed = bool(account.pending_events)
        self.save_all(account)
        return changed

    def change_preferences(
        self, telegram_id: int, changes: dict[str, Any], *, actor: str, source: str
    ) -> Preferences:
        """Change notification preferences (domain/preferences.py names them): reminder lead
        time, event alarms, invitation cards per source, organizer notices, quiet hours, the
        morning agenda. Values are checked first (DomainError names the first bad one); the
        change is one `PreferencesChanged` event, none when nothing differs. Returns the
        preferences now in force."""
        clean = validate_changes(changes)
        account = self._account(telegram_id)
        account.change_preferences(changes=clean, actor=actor, source=source)
        self.save_all(account)
        return account.preferences

    def issue_device_password(
        self, telegram_id: int, name: str, *, actor: str, source: str
    ) -> IssuedPassword:
        """Create a device password; the clear text is returned once and never stored."""
        if not is_valid_device_name(name):
            raise DomainError(
                "A device name is 1-64 letters, digits, spaces or . @ ' ( ) + - _ characters."
            ).worded("refusal-calendars-device-name")
        account = self._account(telegram_id)
        password = "-".join(secrets.token_hex(3) for _ in range(4))
        device_id = secrets.token_hex(8)
        account.issue_device_password(
            device_id=device_id,
            name=name,
            password_hash=PASSWORD_HASHER.hash(password),
            at=self.clock(),
            actor=actor,
            source=source,
        )
        self.save_all(account)
        return IssuedPassword(device_id, name, password)

    def revoke_device_password(
        self, telegram_id: int, name: str, *, actor: str, source: str
    ) -> None:
        """Revoke the active device password with this name."""
        account = self._account(telegram_id)
        account.revoke_device_password(name=name, at=self.clock(), actor=actor, source=source)
        self.save_all(account)

    def last_erasure(self, telegram_id: int) -> tuple[UUID, str] | None:
        """The Telegram user's most recently erased account and when, if any."""
        generation, _ = self._next_account(telegram_id)
        if generation == 0:
            return None
        account_id = account_id_for(telegram_id, generation - 1)
        return account_id, self.keys.erased_at(account_id) or ""

    def _check_email_free(self, email: str, account_id: UUID) -> None:
        """Refuse an address that is not one, that is Televent's own (its From, reply and
        invitation addresses, internal addresses), or that another account linked (without
        saying which)."""
        address = email.strip().lower()
        if not is_valid_email(address):
            raise DomainError(f"{email!r} is not an email address.").worded(
                "refusal-not-an-address", address=str(email)[:80]
            )
        if self.mail_identity.is_ours(address) or address.endswith(
            "@" + self.internal_domain.lower()
        ):
            raise DomainError(f"{address} is one of Televent's own addresses, not yours.").worded(
                "refusal-address-ours", address=address
            )
        owner = self.queries.account_by_email(address)
        if owner is not None and owner.account_id != account_id:
            raise ConflictError(f"{address} is linked to another account.").worded(
                "refusal-address-taken", address=address
            )


def check_timezone(name: str) -> None:
    """Refuse a time zone name the IANA database does not know."""
    if zone_named(name) is None:
        message = f"Unknown time zone {name!r}; use an IANA name such as Europe/Berlin."
        raise DomainError(message).worded(
            "refusal-calendars-time-zone", zone=name.strip()[:64]
        ) from None
