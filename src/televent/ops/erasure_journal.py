"""The erasure journal: every erasure, also written outside the database (docs/adr/0033).

A backup holds the key store; restoring one made before an erasure would bring the erased
person's key, and with it their data, back. So each erasure is first appended to this file, one
JSON object a line (`{"account_id", "telegram_id", "at", "reason"}`: ids, never a name or an
address), flushed and synced to disk before the erasure starts, and `televent restore` erases
again every account the journal names that the restored database still holds. The file lives
outside the database (default `$XDG_DATA_HOME/televent/erasures.jsonl`,
`TELEVENT_ERASURE_JOURNAL` elsewhere) and is kept with the backups: it is small, and losing it
is what would bring someone back.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class JournalEntry:
    """One erasure: which account (the generation erased), when, and why."""

    account_id: UUID
    telegram_id: int
    at: str
    reason: str


class ErasureJournal:
    """Appends erasures to the file at `path`, and reads them back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.unreadable = 0  # lines the last `entries()` had to skip

    def ensure(self) -> None:
        """Make the journal (empty) if there is none yet: from the first backup on, a journal
        exists beside the database, and a restore that finds none knows it was not copied."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))

    def record(self, account_id: UUID, telegram_id: int, at: dt.datetime, reason: str) -> None:
        """Append one erasure, on disk before this returns (an erasure whose line cannot be
        written is not started: the caller gets the OSError)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(
            {"account_id": str(account_id), "telegram_id": telegram_id,
             "at": at.isoformat(), "reason": reason},
            ensure_ascii=False, sort_keys=True,
        )  # fmt: skip
        descriptor = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            size = os.fstat(descriptor).st_size
            # after a crash mid-write the last line has no end: this one starts on its own
            torn = size > 0 and os.pread(descriptor, 1, size - 1) != b"\n"
            os.write(descriptor, ("\n" if torn else "").encode() + (line + "\n").encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def entries(self) -> list[JournalEntry]:
        """Every erasure recorded, oldest first (a line that cannot be read, such as the last
        one of a crash mid-write, is skipped and logged)."""
        self.unreadable = 0
        if not self.path.exists():
            return []
        found = []
        for number, line in enumerate(self.path.read_text(errors="replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                account_id, telegram_id = UUID(str(entry["account_id"])), int(entry["telegram_id"])
                reason = str(entry.get("reason") or "")
                found.append(JournalEntry(account_id, telegram_id, str(entry["at"]), reason))
            except (ValueError, KeyError, TypeError):
                self.unreadable += 1
                LOG.warning("Erasure journal %s: line %d unreadable; skipped", self.path, number)
        return found

    def unnamed(self, erased: Iterable[UUID]) -> set[UUID]:
        """Which of the `erased` accounts (erased in a database, or in a backup of it) this
        journal does not name: when it misses any, it is not the journal the server wrote
        (another TELEVENT_ERASURE_JOURNAL), or it was lost and begun again."""
        named = {entry.account_id for entry in self.entries()}
        return set(erased) - named
