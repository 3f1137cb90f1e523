"""The Account aggregate: a Telegram user, their addresses, devices and preferences."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.preferences import Preferences
from televent.domain.values import DEFAULT_REMINDER_MINUTES, account_id_for

# `telegram_language`: the language_code the person's Telegram app last reported
SETTINGS = ("name", "timezone", "reminder_minutes", "username", "telegram_language")


class Account(Aggregate):
    """A person using Televent, keyed by their Telegram id.

    Device passwords are stored as Argon2id hashes computed by the application (hashing uses
    a random salt, so it cannot happen inside the aggregate).
    """

    @staticmethod
    def create_id(telegram_id: int, generation: int = 0) -> UUID:
        """One account per Telegram user at a time: the id derives from the Telegram id and
        the number of the user's erased accounts before it."""
        return account_id_for(telegram_id, generation)

    @event("AccountRegistered")
    def __init__(
        self,
        *,
        telegram_id: int,
        name: str,
        timezone: str,
        actor: str,
        source: str,
        generation: int = 0,
    ) -> None:
        self.telegram_id = telegram_id
        self.generation = generation
        self.name = name
        self.timezone = timezone
        self.reminder_minutes = DEFAULT_REMINDER_MINUTES
        self.emails: list[str] = []
        self.devices: dict[str, dict[str, Any]] = {}
        self.username: str | None = None
        self.telegram_language: str | None = None
        self.erasure_due: str | None = None
        self.preferences = Preferences()
        self.invite_address: str | None = None
        self.replaced_invite_addresses: list[str] = []

    # --- commands ------------------------------------------------------------------------

    def link_email(self, email: str, *, actor: str, source: str, verified_by: str = "") -> None:
        """Link an email address (stored lower-case); linking it again changes nothing.
        `verified_by` says how the person proved the address is theirs ("code": a code mailed
        to it came back); empty when an operator linked it. An address the person proved
        replaces the ones linked before (they are unlinked first): one address of their own."""
        address = email.strip().lower()
        if verified_by:
            for other in [e for e in self.emails if e != address]:
                self._email_unlinked(address=other, actor=actor, source=source)
        if address not in self.emails:
            self._email_linked(address=address, actor=actor, source=source, verified_by=verified_by)

    def unlink_email(self, email: str, *, actor: str, source: str) -> None:
        """Remove a linked email address."""
        address = email.strip().lower()
        if address not in self.emails:
            raise NotFoundError(f"{address} is not linked to this account.").worded(
                "refusal-calendars-email-not-linked", address=address
            )
        self._email_unlinked(address=address, actor=actor, source=source)

    def change_settings(self, *, changes: dict[str, Any], actor: str, source: str) -> None:
        """Change name, time zone or reminder lead time; unchanged values are dropped."""
        unknown = set(changes) - set(SETTINGS)
        if unknown:
            raise DomainError(f"Unknown account setting: {sorted(unknown)[0]}.")
        effective = {k: v for k, v in changes.items() if getattr(self, k, None) != v}
        if effective:
            self._settings_changed(changes=effective, actor=actor, source=source)

    def change_preferences(
        self, *, changes: dict[str, Any], actor: str, source: str
    ) -> dict[str, Any]:
        """Change notification preferences (`changes` already validated by
        `domain.preferences.validate_changes`); unchanged values are dropped. Returns what
        changed."""
        current = {**self.preferences.as_dict(), "reminder_minutes": self.reminder_minutes}
        whole = self.preferences.completed(changes)  # `channels` with every kind
        effective = {k: v for k, v in whole.items() if current.get(k) != v}
        if effective:
            self._preferences_changed(changes=effective, actor=actor, source=source)
        return effective

    def issue_device_password(
        self,
        *,
        device_id: str,
        name: str,
        password_hash: str,
        at: dt.datetime,
        actor: str,
        source: str,
    ) -> None:
        """Record a new device password; a name in use by an active device is refused."""
        if self.active_device(name) is not None:
            raise ConflictError(f"A device named {name!r} already exists; revoke it first.").worded(
                "refusal-calendars-device-exists", name=name
            )
        self._device_password_issued(
            device_id=device_id,
            name=name,
            password_hash=password_hash,
            at=at,
            actor=actor,
            source=source,
        )

    def revoke_device_password(
        self, *, name: str, at: dt.datetime, actor: str, source: str
    ) -> None:
        """Revoke the active device with this name."""
        device_id = self.active_device(name)
        if device_id is None:
            raise NotFoundError(f"No active device named {name!r}.").worded(
                "refusal-calendars-no-device", name=name[:64]
            )
        self._device_password_revoked(device_id=device_id, at=at, actor=actor, source=source)

    def request_erasure(self, *, due: str, actor: str, source: str) -> str:
        """Schedule the erasure of this account's personal data on `due` (an ISO date);
        asking again keeps the first date. Returns the date."""
        if self.erasure_due is None:
            self._erasure_requested(due=due, actor=actor, source=source)
        assert self.erasure_due is not None
        return self.erasure_due

    def cancel_erasure(self, *, actor: str, source: str) -> None:
        """Withdraw a scheduled erasure (possible until it is carried out)."""
        if self.erasure_due is None:
            raise NotFoundError("No erasure is scheduled for this account.").worded(
                "refusal-calendars-no-erasure"
            )
        self._erasure_cancelled(actor=actor, source=source)

    def record_export(self, *, reason: str, actor: str, source: str) -> None:
        """Note that everything held about the person was handed out (GDPR Art. 15, 20)."""
        self._personal_data_exported(reason=reason, actor=actor, source=source)

    def erase(self, *, reason: str, actor: str, source: str) -> None:
        """Note that the person's data is being erased (GDPR Art. 17); the application then
        deletes their key, after which their events can no longer be read."""
        self._account_erased(reason=reason, actor=actor, source=source)

    # --- queries on own state --------------------------------------------------------------

    def active_device(self, name: str) -> str | None:
        """The id of the active (not revoked) device with this name, if any."""
        for device_id, device in self.devices.items():
            if device["name"] == name and device["revoked_at"] is None:
                return device_id
        return None

    # --- events ----------------------------------------------------------------------------

    @event("EmailLinked")
    def _email_linked(
        self, *, address: str, actor: str, source: str, verified_by: str = ""
    ) -> None:
        self.emails.append(address)

    @event("EmailUnlinked")
    def _email_unlinked(self, *, address: str, actor: str, source: str) -> None:
        self.emails.remove(address)

    @event("AccountSettingsChanged")
    def _settings_changed(self, *, changes: dict[str, Any], actor: str, source: str) -> None:
        for key, value in changes.items():
            setattr(self, key, value)

    @event("PreferencesChanged")
    def _preferences_changed(self, *, changes: dict[str, Any], actor: str, source: str) -> None:
        if "reminder_minutes" in changes:
            self.reminder_minutes = changes["reminder_minutes"]
        self.preferences = self.preferences.merged(changes)

    @event("DevicePasswordIssued")
    def _device_password_issued(
        self,
        *,
        device_id: str,
        name: str,
        password_hash: str,
        at: dt.datetime,
        actor: str,
        source: str,
    ) -> None:
        self.devices[device_id] = {
            "name": name,
            "password_hash": password_hash,
            "issued_at": at,
            "revoked_at": None,
        }

    @event("ErasureRequested")
    def _erasure_requested(self, *, due: str, actor: str, source: str) -> None:
        self.erasure_due = due

    @event("ErasureCancelled")
    def _erasure_cancelled(self, *, actor: str, source: str) -> None:
        self.erasure_due = None

    @event("PersonalDataExported")
    def _personal_data_exported(self, *, reason: str, actor: str, source: str) -> None:
        pass

    @event("AccountErased")
    def _account_erased(self, *, reason: str, actor: str, source: str) -> None:
        pass

    @event("DevicePasswordRevoked")
    def _device_password_revoked(
        self, *, device_id: str, at: dt.datetime, actor: str, source: str
    ) -> None:
        self.devices[device_id]["revoked_at"] = at

    # --- the invitation address (docs/adr/0019) ----------------------------------------------

    def assign_invite_address(self, *, address: str, actor: str, source: str) -> bool:
        """Give the account the address outsiders invite it at (made by the application from a
        random token under Televent's mail domain); the one it had stops. An address the
        account had before is never given again. Returns whether anything changed."""
        address = address.strip().lower()
        if address == self.invite_address:
            return False
        if address in self.replaced_invite_addresses:
            raise ConflictError("That invitation address was replaced; it cannot come back.")
        self._invite_address_assigned(address=address, actor=actor, source=source)
        return True

    @event("InviteAddressAssigned")
    def _invite_address_assigned(self, *, address: str, actor: str, source: str) -> None:
        if self.invite_address is not None:
            self.replaced_invite_addresses.append(self.invite_address)
        self.invite_address = address

    # --- the scheduling inbox (RFC 6638 §4.1) ------------------------------------------------

    def delete_inbox_item(self, *, name: str, actor: str, source: str) -> None:
        """Note that the person's client removed an item of their scheduling inbox (it has
        shown the message); the schedule_inbox read model drops it and moves the inbox's ctag.
        The items are the read model's, so whether `name` is there is checked by the caller."""
        self._schedule_inbox_item_deleted(name=name, actor=actor, source=source)

    @event("ScheduleInboxItemDeleted")
    def _schedule_inbox_item_deleted(self, *, name: str, actor: str, source: str) -> None:
        pass

    # --- before an erasure (GDPR Art. 17) ----------------------------------------------------

    def call_off_meetings(self, *, event_ids: list[str], actor: str, source: str) -> None:
        """Note that the meetings the person organises (`event_ids`, not over, with attendees)
        are called off before their erasure; the application then deletes each, so everyone
        invited is told. Stored in clear (ids only): the record outlives the person's key."""
        if event_ids:
            self._meetings_called_off(event_ids=list(event_ids), actor=actor, source=source)

    @event("MeetingsCalledOff")
    def _meetings_called_off(self, *, event_ids: list[str], actor: str, source: str) -> None:
        pass
