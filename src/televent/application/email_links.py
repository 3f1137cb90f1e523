"""Linking one's own email address: a six-digit code is mailed to it, and the address is linked
once the code comes back (docs/adr/0019).

- `request_email_code`: the address must be an address, not Televent's own, not linked to
  another account (refused without saying to whom) nor already to this one. A random code is
  drawn here and mailed through the email queue (the sender writes the mail from the mail
  identity's From); only a salted SHA-256 of it is kept, in `email_codes`, and the queue row
  holding it is scrubbed once sent (delivery/mail_queue.py). A new code replaces the one
  before (requests are taken one at a time, so only one code of an account is ever waiting).
  At most `CODES_PER_HOUR` codes per account in an hour, `CODES_PER_ADDRESS_DAY` per address
  and account in a day and `CODES_PER_ADDRESS_DAY_ALL` per address in a day whoever asks, so
  nobody can use Televent to flood an address nor lock its owner out. The limits are checked
  and counted before the address is looked up, so asking about addresses linked to others
  is limited the same way.
- `verify_email_code`: valid `CODE_SECONDS` and `MAX_TRIES` tries (each try is counted before
  the code is compared, so no burst of guesses gets more); then a new code must be asked for.
  The right code links the address through the Account aggregate (EmailLinked, `verified_by`
  "code"), so the audit, a rebuild, the GDPR export and erasure all see it. It replaces the
  address linked before (EmailUnlinked, in the same command): a person links one address of
  their own.
- `remove_email`: unlinks (EmailUnlinked) and drops a code still waiting.

Only a linked (so verified) address ever receives reminders, agendas or notices, and only a
linked address makes invitations sent to it the person's. Operators link directly
(`televent account create/set --email`, accounts.py): their word is the proof.

The codes are operational records, like the login links (web_login.py): a code is a
short-lived secret, not a fact about calendars; the fact is the link.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from televent.application.accounts import AccountCommands
from televent.delivery.mail_queue import CODE
from televent.delivery.telegram_queue import PENDING, SKIPPED
from televent.domain.errors import (
    ConflictError,
    DomainError,
    NotFoundError,
    TooManyRequestsError,
)
from televent.projections.base import stamp
from televent.projections.notifications import insert_mail_row
from televent.projections.queries import AccountView
from televent.projections.sql import Sql

CODE_DIGITS = 6
CODE_SECONDS = 15 * 60
MAX_TRIES = 5
CODES_PER_HOUR = 3  # per account
CODES_PER_ADDRESS_DAY = 5  # per address and account
CODES_PER_ADDRESS_DAY_ALL = 20  # per address, whoever asks
HOUR, DAY = 3600, 86_400
WAITING, USED, LOCKED, REPLACED, EXPIRED = "pending", "used", "locked", "replaced", "expired"
REFUSED = "refused"  # asked for an address linked to another account: counted, nothing mailed
VERIFIED_BY_CODE = "code"


@dataclass(frozen=True)
class CodeSent:
    """A code is on its way to `address`; it works until `expires_at` (Unix seconds)."""

    address: str
    expires_at: int
    minutes: int = CODE_SECONDS // 60


def digest(code: str, salt: str) -> str:
    """What is kept of a code: `salt$sha256(salt:code)`."""
    return f"{salt}${hashlib.sha256(f'{salt}:{code}'.encode()).hexdigest()}"


def matches(code: str, kept: str) -> bool:
    """Whether `code` is the one `kept` (from `digest`) was made from (constant time)."""
    salt, _, _ = kept.partition("$")
    return hmac.compare_digest(digest(code, salt).encode(), kept.encode())


def code_in(text: str) -> str | None:
    """The code a person typed (six digits, spaces and dashes allowed between), or None."""
    compact = "".join(ch for ch in text.strip() if ch not in " -")
    if len(compact) == CODE_DIGITS and compact.isascii() and compact.isdigit():
        return compact
    return None


class EmailLinkCommands(AccountCommands):
    """Self-service email linking with a mailed code (see the module docstring)."""

    def request_email_code(
        self, telegram_id: int, email: str, *, actor: str, source: str
    ) -> CodeSent:
        """Mail a code to `email`, to be given back to `verify_email_code`.

        Raises:
            DomainError: not an address, or one of Televent's own.
            ConflictError: linked to another account, or already to this one.
            TooManyRequestsError: too many codes asked for lately (`retry_after` seconds).
        """
        account = self._account_view(telegram_id)
        address = email.strip().lower()
        if address in account.emails:
            raise ConflictError(f"{address} is already linked to your account.").worded(
                "refusal-address-yours", address=address
            )
        try:
            self._check_email_free(address, account.account_id)
            taken: ConflictError | None = None
        except ConflictError as exc:  # said only once the request is counted
            taken = exc
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        code_id = secrets.token_hex(12)
        moment = self.clock()
        now = int(moment.timestamp())
        with self.views.write() as db:
            db.lock_table("email_codes")
            db.run("DELETE FROM email_codes WHERE requested_at <= ?", (now - DAY,))
            self._check_rate(db, str(account.account_id), address, now)
            if taken is None:
                self._drop_waiting(db, str(account.account_id), REPLACED)
                db.run(  # a locked code is over too: only the newest code is ever tried
                    "UPDATE email_codes SET status = ? WHERE account_id = ? AND status = ?",
                    (REPLACED, str(account.account_id), LOCKED),
                )
            db.run(
                "INSERT INTO email_codes (code_id, account_id, address, code_hash, requested_at, "
                "expires_at, attempts, status) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                (
                    code_id,
                    str(account.account_id),
                    address,
                    "" if taken else digest(code, secrets.token_hex(8)),
                    now,
                    now if taken else now + CODE_SECONDS,
                    REFUSED if taken else WAITING,
                ),
            )
            payload: dict[str, Any] = {
                "code": code,
                "minutes": CODE_SECONDS // 60,
                "expires_at": now + CODE_SECONDS,
                "name": account.name,
                "actor": actor,
                "source": source,
            }
            if taken is None:
                insert_mail_row(
                    db, f"code:{code_id}", address, CODE, None, str(account.account_id), payload,
                    due_at=stamp(moment), created_at=stamp(moment),
                )  # fmt: skip
        if taken is not None:
            raise taken
        return CodeSent(address, now + CODE_SECONDS)

    def verify_email_code(self, telegram_id: int, code: str, *, actor: str, source: str) -> str:
        """Link the address the code was mailed to; returns it.

        Raises:
            DomainError: not a code, a wrong code (tries left said), or an expired one.
            NotFoundError: no code is waiting.
            TooManyRequestsError: the tries are used up; a new code must be asked for.
            ConflictError: another account linked the address meanwhile.
        """
        account = self._account_view(telegram_id)
        given = code_in(code)
        if given is None:
            raise DomainError("A code is six digits, like 123456.").worded("refusal-code-format")
        now = int(self.clock().timestamp())
        with self.views.write() as db:
            row = db.one(
                "SELECT * FROM email_codes WHERE account_id = ? AND status IN (?, ?) "
                "ORDER BY requested_at DESC LIMIT 1",
                (str(account.account_id), WAITING, LOCKED),
            )
            refusal = self._refusal(db, row, now)
            if refusal is None:
                assert row is not None
                right = matches(given, str(row["code_hash"]))
                left = MAX_TRIES - int(row["attempts"]) - 1
                if not right and left <= 0:
                    self._set_status(db, str(row["code_id"]), LOCKED)
        if refusal is not None:
            raise refusal
        assert row is not None
        if not right:
            if left <= 0:
                raise TooManyRequestsError(
                    "Wrong code, and that was the last try: ask for a new code."
                ).worded("refusal-code-last-try")
            raise DomainError(f"Wrong code; {left} {'try' if left == 1 else 'tries'} left.").worded(
                "refusal-code-wrong", left=left
            )
        address = str(row["address"])
        self.link_email(
            telegram_id, address, actor=actor, source=source, verified_by=VERIFIED_BY_CODE
        )
        with self.views.write() as db:
            self._set_status(db, str(row["code_id"]), USED)
        return address

    def email_awaiting_code(self, account_id: Any) -> str | None:
        """The address a code was mailed to that can still be given back, if any."""
        now = int(self.clock().timestamp())
        with self.views.read() as db:
            row = db.one(
                "SELECT address FROM email_codes WHERE account_id = ? AND status = ? "
                "AND expires_at > ? AND attempts < ? ORDER BY requested_at DESC LIMIT 1",
                (str(account_id), WAITING, now, MAX_TRIES),
            )
        return None if row is None else str(row["address"])

    def remove_email(self, telegram_id: int, *, actor: str, source: str) -> list[str]:
        """Unlink every linked address and drop a code still waiting; returns the addresses
        unlinked (NotFoundError when there was nothing to remove)."""
        account = self._account_view(telegram_id)
        with self.views.write() as db:
            dropped = self._drop_waiting(db, str(account.account_id), REPLACED)
        if not account.emails:
            if dropped:
                return []
            raise NotFoundError("No email address is linked to your account.").worded(
                "refusal-no-address"
            )
        return self.unlink_email(telegram_id, actor=actor, source=source)

    # --- helpers ----------------------------------------------------------------------------

    def _account_view(self, telegram_id: int) -> AccountView:
        account = self.queries.account_by_telegram_id(telegram_id)
        if account is None:
            raise NotFoundError(f"No account for Telegram id {telegram_id}.")
        return account

    @staticmethod
    def _check_rate(db: Sql, account_id: str, address: str, now: int) -> None:
        """TooManyRequestsError when the account, the account for this address, or the
        address whoever asked, had enough codes lately."""
        tomorrow = "Enough codes were asked for this address today; try again tomorrow."
        limits: tuple[tuple[str, tuple[str, ...], int, int, str], ...] = (
            ("account_id = ?", (account_id,), HOUR, CODES_PER_HOUR,
             f"You asked for {CODES_PER_HOUR} codes in the last hour; try again in {{}} minutes."),
            ("address = ? AND account_id = ?", (address, account_id), DAY,
             CODES_PER_ADDRESS_DAY, tomorrow),
            ("address = ?", (address,), DAY, CODES_PER_ADDRESS_DAY_ALL, tomorrow),
        )  # fmt: skip
        for condition, values, span, most, refusal in limits:
            times = db.all(
                f"SELECT requested_at FROM email_codes WHERE {condition} AND requested_at > ? "
                "ORDER BY requested_at",
                (*values, now - span),
            )
            if len(times) >= most:
                wait = max(int(times[0]["requested_at"]) + span - now, 1)
                minutes = max(wait // 60, 1)
                error = TooManyRequestsError(refusal.format(minutes), retry_after=wait)
                if span == HOUR:
                    raise error.worded("refusal-codes-this-hour", count=most, minutes=minutes)
                raise error.worded("refusal-codes-today")

    @staticmethod
    def _refusal(db: Sql, row: dict[str, Any] | None, now: int) -> Exception | None:
        """Why the latest code of the account cannot be tried, or None when it can (the
        try is then counted)."""
        if row is None:
            return NotFoundError("No code is waiting for you: ask for one first.").worded(
                "refusal-no-code"
            )
        if row["status"] == LOCKED or int(row["attempts"]) >= MAX_TRIES:
            return TooManyRequestsError("Too many wrong codes: ask for a new code.").worded(
                "refusal-code-too-many"
            )
        if int(row["expires_at"]) <= now:
            EmailLinkCommands._set_status(db, str(row["code_id"]), EXPIRED)
            return DomainError(
                f"That code has expired (a code works for {CODE_SECONDS // 60} minutes): "
                "ask for a new one."
            ).worded("refusal-code-expired", minutes=CODE_SECONDS // 60)
        db.run(
            "UPDATE email_codes SET attempts = attempts + 1 "
            "WHERE code_id = ? AND status = ? AND attempts < ?",
            (row["code_id"], WAITING, MAX_TRIES),
        )
        if db.rowcount != 1:  # tries used up by guesses racing this one
            return TooManyRequestsError("Too many wrong codes: ask for a new code.").worded(
                "refusal-code-too-many"
            )
        return None

    @staticmethod
    def _set_status(db: Sql, code_id: str, status: str) -> None:
        db.run("UPDATE email_codes SET status = ? WHERE code_id = ?", (status, code_id))

    @staticmethod
    def _drop_waiting(db: Sql, account_id: str, status: str) -> int:
        """End the account's waiting codes (their mails, if not sent yet, are not sent);
        returns how many there were."""
        db.run(
            "UPDATE email_codes SET status = ? WHERE account_id = ? AND status = ?",
            (status, account_id, WAITING),
        )
        dropped = max(db.rowcount, 0)
        db.run(
            "UPDATE mail_outbox SET status = ?, payload = ? "
            "WHERE account_id = ? AND method = ? AND status = ?",
            (SKIPPED, json.dumps({"code": None}), account_id, CODE, PENDING),
        )
        return dropped
