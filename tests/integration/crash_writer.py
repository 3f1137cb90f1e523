"""A writer process for crash tests: prints `ACK <href>` after each acknowledged write."""

from __future__ import annotations

import sys

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import PartStat, calendar_event_id_for, calendar_id_for
from tests.helpers import ACTOR, CALDAV, vevent


def main(url: str, start: int, count: int) -> None:
    app = build_application(Settings(database_url=url))
    account = app.register_account(1, name="Crash", actor=ACTOR, source=CALDAV)
    calendar_id = calendar_id_for(account.account_id, "default")
    for n in range(start, start + count):
        href = f"crash-{n}.ics"
        app.put_object(
            calendar_id,
            href,
            vevent(uid=f"c{n}", attendees=[("bob@example.com", "NEEDS-ACTION")]),
            actor=ACTOR,
            source=CALDAV,
        )
        print(f"ACK {href}", flush=True)
        event_id = calendar_event_id_for(calendar_id, f"c{n}")
        app.give_rsvp(event_id, "bob@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CALDAV)
        print(f"ACK rsvp {href}", flush=True)
        if n % 3 == 0:
            app.delete_object(calendar_id, href, actor=ACTOR, source=CALDAV)
            print(f"ACK delete {href}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
