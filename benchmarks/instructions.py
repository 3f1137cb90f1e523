"""A fixed command workload to count instructions with callgrind (load-independent figures).

    PYTHONPATH=src:. valgrind --tool=callgrind python -m benchmarks.instructions N

registers one account, then PUTs N events (two attendees each) through `Televent.put_object`
on a temporary SQLite file, reading each back. Run it at two sizes on two commits: the
difference of the totals divided by the difference of N is the cost of one command, without
the start-up. It uses only `bootstrap`, `config` and `domain.values`, so it runs on older
commits too. docs/benchmarks.md has the figures.
"""

from __future__ import annotations

import sys
import tempfile

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import calendar_id_for

EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
    "DTSTAMP:20260301T090000Z\r\nDTSTART;TZID=Europe/Berlin:20260305T090000\r\n"
    "DTEND;TZID=Europe/Berlin:20260305T093000\r\nSUMMARY:Sync {uid}\r\n"
    "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com\r\n"
    "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:carol@example.org\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    folder = tempfile.mkdtemp()
    app = build_application(Settings(database_url=f"sqlite:///{folder}/bench.db"))
    account = app.register_account(1, name="Ann", actor="system:", source="cli:bench")
    calendar = calendar_id_for(account.account_id, "default")
    for index in range(count):
        href = f"u{index}.ics"
        text = EVENT.format(uid=f"u{index}")
        app.put_object(calendar, href, text, actor="system:", source="caldav:bench")
        app.queries.object_at(calendar, href)
    app.close()


if __name__ == "__main__":
    main()
