"""The erasure journal (ops/erasure_journal.py, docs/adr/0033): a line torn by a crash while it
was written costs that line only; the next erasure is read."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from televent.ops.erasure_journal import ErasureJournal

AT = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC)


def test_an_erasure_recorded_after_a_torn_line_is_read(tmp_path: Path) -> None:
    journal = ErasureJournal(tmp_path / "erasures.jsonl")
    first, second = uuid.uuid4(), uuid.uuid4()
    journal.record(first, 1, AT, "asked")
    with journal.path.open("a") as torn:  # a crash in the middle of the next line
        torn.write('{"account_id": "' + str(uuid.uuid4())[:10])
    journal.record(second, 2, AT, "Art. 17")
    entries = journal.entries()
    assert [(e.account_id, e.telegram_id) for e in entries] == [(first, 1), (second, 2)]
    assert journal.unreadable == 1
