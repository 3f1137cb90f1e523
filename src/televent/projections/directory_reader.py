"""Questions about accounts and devices, answered from the directory read model."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from televent.domain.languages import language_for
from televent.domain.preferences import Preferences
from televent.domain.values import (
    account_address_keys,
    internal_address_pattern,
    is_telegram_id,
    normalize_address,
)
from televent.projections.base import account_for_address, invite_addresses_of
from televent.projections.sql import Sql
from televent.projections.view_reader import Reader


@dataclass(frozen=True)
class AccountView:
    """An account as the directory read model holds it."""

    account_id: UUID
    telegram_id: int
    name: str
    timezone: str
    reminder_minutes: int
    registered_at: str
    emails: tuple[str, ...]
    username: str | None = None
    erasure_due: str | None = None
    preferences: Preferences = field(default_factory=Preferences)
    invite_address: str | None = None  # where outsiders invite them (docs/adr/0019)
    # the invitation addresses it replaced: still theirs in the events that name them
    replaced_invite_addresses: tuple[str, ...] = ()
    telegram_language: str | None = None  # what their Telegram app last reported

    @property
    def language(self) -> str:
        """The language they read (domain/languages.py: their choice, else Telegram's)."""
        return language_for(self.preferences.language, self.telegram_language)


@dataclass(frozen=True)
class DeviceView:
    """A device password's public facts (never the hash, except for authentication)."""

    device_id: str
    name: str
    issued_at: str
    revoked_at: str | None
    last_used_at: str | None


# The conditions of `account_by_telegram_id` (parameter: Telegram id) and `account_with_device`
# (Telegram id, device id), also read on the event loop by projections/async_object_reads.py.
BY_TELEGRAM_ID = "a.telegram_id = ?"
WITH_DEVICE = (
    "a.telegram_id = ? AND EXISTS (SELECT 1 FROM devices d WHERE d.device_id = ? "
    "AND d.account_id = a.account_id AND d.revoked_at IS NULL)"
)


def account_query(condition: str) -> str:
    """The statement that reads the one account meeting `condition` (on `accounts a`) with its
    linked emails and invitation addresses (`account_of_rows` makes its view)."""
    return (
        "SELECT a.*, e.email AS linked_email, i.address AS invite_address, "
        "i.replaced_at AS invite_replaced_at FROM accounts a "
        "LEFT JOIN account_emails e ON e.account_id = a.account_id "
        "LEFT JOIN invite_addresses i ON i.account_id = a.account_id "
        f"WHERE {condition} "
        "ORDER BY e.linked_at, e.email, i.assigned_at, i.address"
    )


def account_of_rows(rows: list[Any]) -> AccountView | None:
    """The account an `account_query` read (rows by column name), None without one."""
    if not rows:
        return None
    emails = tuple(dict.fromkeys(r["linked_email"] for r in rows if r["linked_email"]))
    invites = [r for r in rows if r["invite_address"] is not None]
    current = [r["invite_address"] for r in invites if r["invite_replaced_at"] is None]
    replaced = tuple(dict.fromkeys(r["invite_address"] for r in invites if r["invite_replaced_at"]))
    return account_view(rows[0], emails, current[0] if current else None, replaced)


class DirectoryReader(Reader):
    """Accounts, their addresses and devices."""

    def account_by_telegram_id(self, telegram_id: int) -> AccountView | None:
        """The account of a Telegram user, if registered (one round trip); None for a number
        no Telegram id can be."""
        if not is_telegram_id(telegram_id):
            return None
        return self._account_where(BY_TELEGRAM_ID, [telegram_id])

    def account_with_device(self, telegram_id: int, device_id: str) -> AccountView | None:
        """The account of a Telegram user while this device of theirs is not revoked, in one
        round trip: every request with remembered credentials asks it (a device revoked in any
        process is refused at once)."""
        if not is_telegram_id(telegram_id):
            return None
        return self._account_where(WITH_DEVICE, [telegram_id, device_id])

    def _account_where(self, condition: str, params: list[int | str]) -> AccountView | None:
        """The one account meeting `condition` (on `accounts a`) with its linked emails and
        invitation addresses, in one round trip."""
        with self.reader.read() as db:
            return account_of_rows(db.all(account_query(condition), params))

    def account_by_id(self, account_id: UUID | str) -> AccountView | None:
        """An account by its id (the owner of a calendar, the sender of a queued message), in
        one round trip."""
        return self._account_where("a.account_id = ?", [str(account_id)])

    def account_by_email(self, email: str) -> AccountView | None:
        """The account that linked this email address (the earliest, if several did)."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT a.* FROM accounts a JOIN account_emails e ON e.account_id = a.account_id "
                "WHERE e.email = ? ORDER BY e.linked_at LIMIT 1",
                (email.strip().lower(),),
            )
            return None if row is None else self._account(db, row)

    def account_by_username(self, username: str) -> AccountView | None:
        """The account whose Telegram user name this is (without @, any case)."""
        with self.reader.read() as db:
            row = db.one(
                "SELECT * FROM accounts WHERE username = ? ORDER BY position DESC LIMIT 1",
                (username.strip().lstrip("@").lower(),),
            )
            return None if row is None else self._account(db, row)

    def account_for_address(self, address: str, internal_domain: str) -> AccountView | None:
        """The Televent user a calendar address stands for: `tg_<id>@<internal domain>`, an
        email an account linked, or an account's current invitation address; None for anyone
        else (`projections.base.account_for_address` decides)."""
        key = normalize_address(address)
        with self.reader.read() as db:
            found = account_for_address(db, key, internal_address_pattern(internal_domain))
            if found is None:
                return None
            row = db.one("SELECT * FROM accounts WHERE account_id = ?", (found[0],))
            return None if row is None else self._account(db, row)

    def replaced_invite_address(self, address: str) -> bool:
        """Whether an address was someone's invitation address and was replaced (mail sent
        to it is ignored, docs/adr/0019)."""
        with self.reader.read() as db:
            found = db.scalar(
                "SELECT account_id FROM invite_addresses "
                "WHERE address = ? AND replaced_at IS NOT NULL",
                (normalize_address(address),),
            )
        return found is not None

    def invite_addresses_of(self, account_id: UUID) -> list[str]:
        """Every invitation address the account had, the current one first."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT address FROM invite_addresses WHERE account_id = ? "
                "ORDER BY replaced_at IS NOT NULL, assigned_at DESC, address",
                (str(account_id),),
            )
        return [str(row["address"]) for row in rows]

    def agenda_subscribers(self) -> list[AccountView]:
        """Every account that asked for a morning agenda."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT * FROM accounts WHERE agenda_time IS NOT NULL ORDER BY telegram_id"
            )
            return [self._account(db, row) for row in rows]

    def account_count(self) -> int:
        """How many accounts exist."""
        with self.reader.read() as db:
            return int(db.scalar("SELECT COUNT(*) AS n FROM accounts") or 0)

    def all_accounts(self) -> list[AccountView]:
        """Every account, by Telegram id, with its linked emails and invitation addresses
        (three queries, however many accounts there are)."""
        with self.reader.read() as db:
            rows = db.all("SELECT * FROM accounts ORDER BY telegram_id, account_id")
            linked = db.all(
                "SELECT account_id, email FROM account_emails ORDER BY linked_at, email"
            )
            invites = db.all(
                "SELECT account_id, address, replaced_at FROM invite_addresses "
                "ORDER BY assigned_at, address"
            )
        emails: dict[str, list[str]] = {}
        for row in linked:
            emails.setdefault(row["account_id"], []).append(str(row["email"]))
        current: dict[str, str] = {}
        replaced: dict[str, list[str]] = {}
        for row in invites:
            if row["replaced_at"] is None:
                current.setdefault(row["account_id"], str(row["address"]))
            else:
                replaced.setdefault(row["account_id"], []).append(str(row["address"]))
        return [
            account_view(
                row,
                tuple(emails.get(row["account_id"], ())),
                current.get(row["account_id"]),
                tuple(replaced.get(row["account_id"], ())),
            )
            for row in rows
        ]

    def _account(self, db: Sql, row: dict[str, Any]) -> AccountView:
        emails = db.all(
            "SELECT email FROM account_emails WHERE account_id = ? ORDER BY linked_at, email",
            (row["account_id"],),
        )
        invite, replaced = invite_addresses_of(db, row["account_id"])
        return account_view(row, tuple(e["email"] for e in emails), invite, replaced)

    def devices_of(self, account_id: UUID, *, include_revoked: bool = True) -> list[DeviceView]:
        """The account's devices, oldest first."""
        condition = "" if include_revoked else " AND d.revoked_at IS NULL"
        with self.reader.read() as db:
            rows = db.all(
                "SELECT d.device_id, d.name, d.issued_at, d.revoked_at, u.last_used_at "
                "FROM devices d LEFT JOIN device_usage u ON u.device_id = d.device_id "
                f"WHERE d.account_id = ?{condition} ORDER BY d.issued_at, d.name",
                (str(account_id),),
            )
        return [DeviceView(**row) for row in rows]

    def active_password_hashes(self, account_id: UUID) -> list[tuple[str, str]]:
        """(device id, Argon2id hash) of every active device, for authentication."""
        return [(device_id, hashed) for device_id, _, hashed in self.active_devices(account_id)]

    def active_devices(self, account_id: UUID) -> list[tuple[str, str, str]]:
        """(device id, device name, Argon2id hash) of every active device."""
        with self.reader.read() as db:
            rows = db.all(
                "SELECT device_id, name, password_hash FROM devices "
                "WHERE account_id = ? AND revoked_at IS NULL",
                (str(account_id),),
            )
        return [(row["device_id"], row["name"], row["password_hash"]) for row in rows]


def account_view(
    row: dict[str, Any],
    emails: tuple[str, ...],
    invite: str | None = None,
    replaced: tuple[str, ...] = (),
) -> AccountView:
    """An account row of the directory, with its linked emails and invitation addresses."""
    return AccountView(
        account_id=UUID(row["account_id"]),
        telegram_id=int(row["telegram_id"]),
        name=row["name"],
        timezone=row["timezone"],
        reminder_minutes=int(row["reminder_minutes"]),
        registered_at=row["registered_at"],
        emails=emails,
        username=row["username"],
        erasure_due=row["erasure_due"],
        preferences=preferences_of(row),
        invite_address=invite,
        replaced_invite_addresses=replaced,
        telegram_language=row.get("telegram_language"),
    )


def preferences_of(row: dict[str, Any]) -> Preferences:
    """The preferences a directory row holds (the defaults when none were ever changed)."""
    stored = row.get("preferences")
    return Preferences.from_mapping(json.loads(stored) if stored else None)


def addresses_of(account: AccountView, internal_domain: str) -> list[str]:
    """The account's calendar user addresses as the attendee index stores them (its internal
    address, linked emails, invitation address and the ones that replaced)."""
    return account_address_keys(
        account.telegram_id,
        account.emails,
        internal_domain,
        account.invite_address,
        account.replaced_invite_addresses,
    )
