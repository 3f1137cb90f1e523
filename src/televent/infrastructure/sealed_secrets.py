"""Secrets a person hands Televent to act for them elsewhere, sealed with a key of their own.

A connected server's password or a Google refresh token (docs/adr/0026) lives only in the
event that made the connection, and that event is sealed with the person's key like all their
data (crypto_shredding.py). Removing the connection must forget the secret, yet the log is
never rewritten and the person's key must keep their other events readable. So the secret is
sealed once more, with a key of its own (AES-256-GCM, NIST SP 800-38D; the secret's id is
authenticated with it) kept in the `secret_keys` table: forgetting the secret deletes that key,
and the log then holds only ciphertext nobody can open.

A sealed secret is text, `PREFIX` followed by the nonce and the ciphertext in URL-safe base64.
Secrets recorded before sealing began are plain text without the prefix (which starts with a
NUL, a character no HTTP Basic password may hold: RFC 7617 §2) and are read as they are.
"""

from __future__ import annotations

import base64
import binascii
import os
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from televent.infrastructure.subject_keys import SubjectKeys

PREFIX = "\x00sealed1:"
NONCE_BYTES = 12


def _associated(secret: UUID) -> bytes:
    return b"televent-secret:" + secret.bytes


class SealedSecrets:
    """Sealing, opening and forgetting secrets, each by its id (a connection's id)."""

    def __init__(self, keys: SubjectKeys) -> None:
        self.keys = keys

    def seal(self, secret: UUID, text: str) -> str:
        """`text` sealed with the secret's own key (made now if it has none)."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys.secret_key_for_writing(secret)).encrypt(
            nonce, text.encode(), _associated(secret)
        )
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, secret: UUID, stored: str) -> str | None:
        """The secret as it was handed over; None once it is forgotten (or the stored text
        was not sealed for this secret). Text recorded before sealing began is returned as
        it is."""
        if not stored.startswith(PREFIX):
            return stored
        key = self.keys.secret_key(secret)
        if key is None:
            return None
        try:
            data = base64.urlsafe_b64decode(stored[len(PREFIX) :].encode("ascii"))
            opened = AESGCM(key).decrypt(
                data[:NONCE_BYTES], data[NONCE_BYTES:], _associated(secret)
            )
        except (InvalidTag, ValueError, binascii.Error):
            return None
        return opened.decode()

    def forget(self, *secrets: UUID) -> None:
        """Delete the secrets' keys: what they sealed can never be read again."""
        self.keys.forget_secrets(secrets)
