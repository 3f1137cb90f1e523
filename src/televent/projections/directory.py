"""The directory read model: accounts (with their notification preferences), linked email
addresses, invitation addresses (current and replaced, docs/adr/0019) and device passwords."""

from __future__ import annotations

import json
from typing import Any

from televent.domain.preferences import Preferences
from televent.projections.base import Projection, handles
from televent.projections.sql import Sql

SETTING_COLUMNS = {
    "name": "name",
    "timezone": "timezone",
    "reminder_minutes": "reminder_minutes",
    "username": "username",
    "telegram_language": "telegram_language",
}


class DirectoryProjection(Projection):
    """Who is who: Telegram id → account, email → account, device passwords (hashes only)."""

    name = "directory"
    tables = ("accounts", "account_emails", "devices", "invite_addresses")

    @handles("Account.AccountRegistered")
    def _registered(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['accounts']} (account_id, telegram_id, name, timezone, "
            "reminder_minutes, registered_at, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                str(event.originator_id),
                event.telegram_id,
                event.name,
                event.timezone,
                15,
                event.timestamp.isoformat(),
                position,
            ),
        )

    @handles("Account.AccountSettingsChanged")
    def _settings(self, db: Sql, event: Any, position: int) -> None:
        for key, value in event.changes.items():
            column = SETTING_COLUMNS[key]
            db.run(
                f"UPDATE {self.t['accounts']} SET {column} = ?, position = ? WHERE account_id = ?",
                (value, position, str(event.originator_id)),
            )

    @handles("Account.PreferencesChanged")
    def _preferences(self, db: Sql, event: Any, position: int) -> None:
        account_id = str(event.originator_id)
        stored = db.scalar(
            f"SELECT preferences FROM {self.t['accounts']} WHERE account_id = ?", (account_id,)
        )
        preferences = Preferences.from_mapping(json.loads(stored) if stored else None)
        preferences = preferences.merged(event.changes)
        db.run(
            f"UPDATE {self.t['accounts']} SET preferences = ?, agenda_time = ?, position = ? "
            "WHERE account_id = ?",
            (
                json.dumps(preferences.as_dict(), sort_keys=True),
                preferences.agenda_time,
                position,
                account_id,
            ),
        )
        if "reminder_minutes" in event.changes:
            db.run(
                f"UPDATE {self.t['accounts']} SET reminder_minutes = ? WHERE account_id = ?",
                (event.changes["reminder_minutes"], account_id),
            )

    @handles("Account.ErasureRequested", "Account.ErasureCancelled")
    def _erasure(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['accounts']} SET erasure_due = ?, position = ? WHERE account_id = ?",
            (getattr(event, "due", None), position, str(event.originator_id)),
        )

    @handles("Account.EmailLinked")
    def _email_linked(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['account_emails']} (account_id, email, linked_at) "
            "VALUES (?, ?, ?) ON CONFLICT (account_id, email) DO NOTHING",
            (str(event.originator_id), event.address, event.timestamp.isoformat()),
        )

    @handles("Account.EmailUnlinked")
    def _email_unlinked(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"DELETE FROM {self.t['account_emails']} WHERE account_id = ? AND email = ?",
            (str(event.originator_id), event.address),
        )

    @handles("Account.InviteAddressAssigned")
    def _invite_address(self, db: Sql, event: Any, position: int) -> None:
        at = event.timestamp.isoformat()
        table = self.t["invite_addresses"]
        db.run(
            f"UPDATE {table} SET replaced_at = ? WHERE account_id = ? AND replaced_at IS NULL",
            (at, str(event.originator_id)),
        )
        db.run(
            f"INSERT INTO {table} (address, account_id, assigned_at, replaced_at) "
            "VALUES (?, ?, ?, NULL)",
            (event.address, str(event.originator_id), at),
        )

    @handles("Account.DevicePasswordIssued")
    def _device_issued(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"INSERT INTO {self.t['devices']} (device_id, account_id, name, password_hash, "
            "issued_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)",
            (
                event.device_id,
                str(event.originator_id),
                event.name,
                event.password_hash,
                event.at.isoformat(),
            ),
        )

    @handles("Account.DevicePasswordRevoked")
    def _device_revoked(self, db: Sql, event: Any, position: int) -> None:
        db.run(
            f"UPDATE {self.t['devices']} SET revoked_at = ? WHERE device_id = ?",
            (event.at.isoformat(), event.device_id),
        )
