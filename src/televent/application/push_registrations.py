"""WebDAV-Push registrations and the server's VAPID keys (docs/adr/0027).

A registration is a device's Web Push subscription on one collection: made and renewed by the
client (DAVx5 registers for three days and renews daily), removed by the client, by the push
service (404 or 410) or when it expires. It is bookkeeping of the machinery, like a browser
session, not a fact about calendars: an operational row, not an event (docs/adr/0011). The
same push resource registered again on the same collection updates its registration.

Push messages are signed with the server's VAPID key (RFC 8292), made on first use and kept
with the server's keys (`server_keys`). Rotating it makes a new key the one advertised at once;
each registration made under an older key keeps being signed with that key (the push service
binds a subscription to the key it was made for) and is sent the draft's key-rotation message,
so its client registers again under the new key; a retired key is deleted once no registration
uses it.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from televent.domain.errors import ConflictError, NotFoundError
from televent.domain.web_push import MAX_REGISTRATIONS, Collection, Registration, expiry
from televent.projections.base import stamp
from televent.projections.sql import Sql
from televent.projections.view_reader import ViewReader

VAPID = "vapid"
CURRENT_KEY_SECONDS = 10.0  # how long the current key is remembered (a rotation shows after it)


@dataclass(frozen=True)
class VapidKey:
    """A VAPID key pair: its id, the private key as PEM, and the public key's uncompressed
    point (what the `vapid-public-key` property and the `k=` of the Authorization header
    carry, in base64url)."""

    key_id: str
    private_pem: str
    public_point: bytes


@dataclass(frozen=True)
class Registered:
    """A registration as stored: its id (the last segment of its URL) and when it ends."""

    registration_id: str
    expires_at: dt.datetime
    created: bool  # a new registration, not an update of one


@dataclass(frozen=True)
class RegistrationView:
    """A registration as an export or an operator sees it."""

    registration_id: str
    collection: str
    push_resource: str
    content_update: bool
    property_update: bool
    created_at: str
    expires_at: str


class PushRegistrations:
    """Registers, renews and removes WebDAV-Push registrations; keeps the VAPID keys."""

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock
        self._keys: dict[str, VapidKey] = {}
        self._current: tuple[float, VapidKey] | None = None

    # --- the VAPID keys --------------------------------------------------------------------

    def current_key(self) -> VapidKey:
        """The key new registrations are made under (made now if there is none yet; two
        processes making one at once keep the first)."""
        if self._current is not None and time.monotonic() < self._current[0]:
            return self._current[1]
        with self.views.read() as db:
            row = _newest(db)
        if row is None:
            with self.views.write() as db:
                db.lock_table("server_keys")
                row = _newest(db)
                if row is None:
                    row = _insert_key(db, self.clock())
        key = self._key(str(row["key_id"]), str(row["material"]))
        self._current = (time.monotonic() + CURRENT_KEY_SECONDS, key)
        return key

    def key(self, key_id: str) -> VapidKey | None:
        """A key by id, retired or not (None once deleted)."""
        if key_id in self._keys:
            return self._keys[key_id]
        with self.views.read() as db:
            material = db.scalar(
                "SELECT material FROM server_keys WHERE key_id = ? AND purpose = ?",
                (key_id, VAPID),
            )
        return None if material is None else self._key(key_id, str(material))

    def _key(self, key_id: str, pem: str) -> VapidKey:
        found = self._keys.get(key_id)
        if found is None:
            private = serialization.load_pem_private_key(pem.encode(), password=None)
            if not isinstance(private, ec.EllipticCurvePrivateKey):
                raise TypeError(f"server key {key_id} is not an elliptic-curve key")
            point = private.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
            found = self._keys[key_id] = VapidKey(key_id, pem, point)
        return found

    def rotate_key(self) -> tuple[VapidKey, int]:
        """Make a new key the current one and queue the key-rotation message for every
        registration made under an older key (one per push resource). Returns the new key
        and how many messages were queued."""
        now = self.clock()
        with self.views.write() as db:
            db.lock_table("server_keys")
            db.run(
                "UPDATE server_keys SET retired_at = ? WHERE purpose = ? AND retired_at IS NULL",
                (stamp(now), VAPID),
            )
            row = _insert_key(db, now)
            rows = db.all(
                "SELECT MIN(registration_id) AS registration_id FROM push_registrations "
                "WHERE vapid_key_id <> ? AND expires_at > ? GROUP BY push_resource",
                (row["key_id"], stamp(now)),
            )
            for found in rows:
                db.run(
                    "INSERT INTO push_outbox (registration_id, wanted, sent, rotation, due_at) "
                    "VALUES (?, 0, 0, ?, ?) ON CONFLICT (registration_id) DO UPDATE SET "
                    "rotation = excluded.rotation, due_at = excluded.due_at, given_up = 0, "
                    "failures = 0",
                    (found["registration_id"], stamp(now), stamp(now)),
                )
        key = self._key(str(row["key_id"]), str(row["material"]))
        self._current = (time.monotonic() + CURRENT_KEY_SECONDS, key)
        return key, len(rows)

    def forget_retired_keys(self) -> int:
        """Delete retired keys no live registration uses (maintenance); how many went."""
        with self.views.write() as db:
            db.run(
                "DELETE FROM server_keys WHERE purpose = ? AND retired_at IS NOT NULL AND key_id "
                "NOT IN (SELECT vapid_key_id FROM push_registrations WHERE expires_at > ?)",
                (VAPID, stamp(self.clock())),
            )
            return db.rowcount

    # --- registrations ---------------------------------------------------------------------

    def register(
        self,
        account_id: str,
        collection: Collection,
        wanted: Registration,
        *,
        requested_expiry: dt.datetime | None,
    ) -> Registered:
        """Register (or renew) the push resource on the collection for the account.

        Raises:
            ConflictError: the account has MAX_REGISTRATIONS on this collection already.
        """
        now = self.clock()
        ends = expiry(requested_expiry, now)
        key = self.current_key()
        with self.views.write() as db:
            existing = db.scalar(
                "SELECT registration_id FROM push_registrations WHERE account_id = ? AND "
                "collection = ? AND push_resource = ?",
                (account_id, collection.key, wanted.push_resource),
            )
            if existing is not None:
                db.run(
                    "UPDATE push_registrations SET p256dh = ?, auth_secret = ?, "
                    "content_update = ?, property_update = ?, vapid_key_id = ?, expires_at = ? "
                    "WHERE registration_id = ?",
                    (wanted.p256dh, wanted.auth_secret, int(wanted.content_update),
                     int(wanted.property_update), key.key_id, stamp(ends), existing),
                )  # fmt: skip
                return Registered(str(existing), ends, created=False)
            count = db.scalar(
                "SELECT COUNT(*) FROM push_registrations WHERE account_id = ? AND collection = ? "
                "AND expires_at > ?",
                (account_id, collection.key, stamp(now)),
            )
            if int(count or 0) >= MAX_REGISTRATIONS:
                raise ConflictError(
                    f"This collection has {MAX_REGISTRATIONS} push registrations of yours "
                    "already; remove one first."
                )
            registration_id = secrets.token_urlsafe(18)
            db.run(
                "INSERT INTO push_registrations (registration_id, account_id, collection, "
                "push_resource, p256dh, auth_secret, content_update, property_update, "
                "vapid_key_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (registration_id, account_id, collection.key, wanted.push_resource,
                 wanted.p256dh, wanted.auth_secret, int(wanted.content_update),
                 int(wanted.property_update), key.key_id, stamp(now), stamp(ends)),
            )  # fmt: skip
        return Registered(registration_id, ends, created=True)

    def unregister(self, account_id: str, registration_id: str) -> None:
        """Remove one of the account's registrations.

        Raises:
            NotFoundError: no such registration of this account (or it expired).
        """
        with self.views.write() as db:
            db.run(
                "DELETE FROM push_registrations WHERE registration_id = ? AND account_id = ? "
                "AND expires_at > ?",
                (registration_id, account_id, stamp(self.clock())),
            )
            if db.rowcount != 1:
                raise NotFoundError("No such push registration.")
            db.run("DELETE FROM push_outbox WHERE registration_id = ?", (registration_id,))

    def owned(self, account_id: str, registration_ids: list[str]) -> list[str]:
        """Which of these ids are the account's live registrations (`Push-Dont-Notify` names
        only one's own)."""
        if not registration_ids:
            return []
        marks = ", ".join("?" for _ in registration_ids)
        with self.views.read() as db:
            rows = db.all(
                f"SELECT registration_id FROM push_registrations WHERE account_id = ? AND "
                f"registration_id IN ({marks})",
                (account_id, *registration_ids),
            )
        return [str(row["registration_id"]) for row in rows]

    def of_account(self, account_id: str) -> list[RegistrationView]:
        """The account's live registrations (its GDPR export lists them)."""
        with self.views.read() as db:
            rows = db.all(
                "SELECT * FROM push_registrations WHERE account_id = ? AND expires_at > ? "
                "ORDER BY created_at, registration_id",
                (account_id, stamp(self.clock())),
            )
        return [
            RegistrationView(
                str(r["registration_id"]),
                str(r["collection"]),
                str(r["push_resource"]),
                bool(r["content_update"]),
                bool(r["property_update"]),
                str(r["created_at"]),
                str(r["expires_at"]),
            )
            for r in rows
        ]


def _newest(db: Sql) -> dict[str, object] | None:
    return db.one(
        "SELECT key_id, material FROM server_keys WHERE purpose = ? AND retired_at IS NULL "
        "ORDER BY created_at DESC LIMIT 1",
        (VAPID,),
    )


def _insert_key(db: Sql, now: dt.datetime) -> dict[str, object]:
    private = ec.generate_private_key(ec.SECP256R1())
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    key_id = f"vapid-{secrets.token_hex(6)}"
    db.run(
        "INSERT INTO server_keys (key_id, purpose, material, created_at) VALUES (?, ?, ?, ?)",
        (key_id, VAPID, pem, stamp(now)),
    )
    return {"key_id": key_id, "material": pem}
