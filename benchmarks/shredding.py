"""What crypto-shredding costs: rebuild rate with per-person encryption against a plain log.

Run with `make bench` (or `python -m benchmarks.shredding --help`). Two SQLite logs are
written with the same commands: one by Televent as it is (every event sealed with its owner's
AES-256-GCM key), one by the same application with eventsourcing's plain mapper. Then, round
after round, `projections rebuild` replays each, and the mapper alone decodes each log; medians
and the encrypted/plain ratio of each round are reported.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.core import realistic_event
from televent.application.televent import Televent
from televent.bootstrap import assemble, build_application, event_store_environment
from televent.config import Settings
from televent.domain.values import calendar_id_for
from televent.infrastructure.database import DatabaseUrl
from televent.projections.rebuild import Rebuilder

ACTOR, SOURCE = "system:", "cli:bench"


def filled(path: Path, sealed: bool, args: argparse.Namespace) -> Televent:
    """A filled log, its events sealed per person or (not `sealed`) plain JSON as
    eventsourcing's own mapper stores them."""
    app = build_application(Settings(database_url=f"sqlite:///{path}"))
    app.close()
    app = assemble(app_environment(path), dialect=app.dialect, sealed=sealed)
    for telegram_id in range(1, args.accounts + 1):
        registration = app.register_account(
            telegram_id, name=f"Person {telegram_id}", actor=ACTOR, source=SOURCE
        )
        calendar_id = calendar_id_for(registration.account_id, "default")
        for n in range(args.events_per_account):
            app.put_object(
                calendar_id, f"e{n}.ics", realistic_event(telegram_id * 1000 + n),
                actor=ACTOR, source=SOURCE,
            )  # fmt: skip
    return app


def app_environment(path: Path) -> dict[str, str]:
    return event_store_environment(DatabaseUrl.parse(f"sqlite:///{path}"))


def timed(work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - started


def decode_all(app: Televent) -> int:
    with app.views.read() as db:
        rows = db.all(
            f"SELECT rowid AS position, originator_id, originator_version, topic, state "
            f"FROM {app.events_table}"
        )
    for row in rows:
        app.engine.decode(row)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--events-per-account", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        apps = {
            "encrypted": filled(Path(tmp) / "sealed.db", True, args),
            "plain": filled(Path(tmp) / "plain.db", False, args),
        }
        events = decode_all(apps["plain"])
        rebuild: dict[str, list[float]] = {name: [] for name in apps}
        decode: dict[str, list[float]] = {name: [] for name in apps}
        for _ in range(args.rounds):
            for name, app in apps.items():
                rebuild[name].append(timed(lambda a=app: Rebuilder(a.engine, a.views).run()))
                decode[name].append(timed(lambda a=app: decode_all(a)))
        print(f"log: {events} events ({args.accounts} accounts), {args.rounds} rounds, SQLite")
        for label, series in (("rebuild", rebuild), ("decode", decode)):
            for name in apps:
                print(
                    f"{label:8} {name:10} {events / statistics.median(series[name]):>10,.0f} ev/s"
                )
            ratios = [e / p for e, p in zip(series["encrypted"], series["plain"], strict=True)]
            print(
                f"{label:8} encrypted/plain time, median of rounds: {statistics.median(ratios):.2f}"
            )
        for app in apps.values():
            app.close()


if __name__ == "__main__":
    main()
