"""Changes reaching people as they happen (docs/adr/0027, 0029): the time from a committed
change to the WebDAV-Push message and to the webhook request, and what a change costs when
1,000 registrations watch the calendar.

Run from the repository root with the project's interpreter:

    .venv/bin/python -m benchmarks.push                 # SQLite and PostgreSQL
    .venv/bin/python -m benchmarks.push --quick         # SQLite only, fewer changes

For each backend a `televent serve` runs on loopback (the leader sends pushes and webhooks) with
a Web Push service (tests/pushservice.py: it checks each VAPID signature and decrypts each
message) and a webhook receiver (tests/webhookreceiver.py: it verifies each signature) beside
it. Latency: one registration and one webhook; an event is created through the JSON API every
1.5 s (longer than the push merge window, so each change is its own message) and the time from
the API's answer (the change is committed) to the push service's and the receiver's arrival is
measured: median and p95. Fan-out: 1,000 registrations (distinct subscriptions) on the
calendar; the time a PUT takes with them and without them (median of 20 each), and the time
from one change until all 1,000 messages are in. The report is a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from tests.e2e.conftest import running_serve, seed_accounts
from tests.pushservice import PushService, push_service
from tests.webhookreceiver import WebhookReceiver, webhook_receiver

from benchmarks.support import database, p95, postgres_reachable, progress
from televent.application.push_registrations import PushRegistrations
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.web_push import Collection, Kind
from televent.projections.base import stamp

CALENDAR = "/dav/calendars/1/default/"


def _register_body(endpoint: str, p256dh: str, auth: str) -> str:
    return (
        '<push-register xmlns="https://bitfire.at/webdav-push"><subscription>'
        f"<web-push-subscription><push-resource>{endpoint}</push-resource>"
        f'<subscription-public-key type="p256dh">{p256dh}</subscription-public-key>'
        f"<auth-secret>{auth}</auth-secret></web-push-subscription></subscription>"
        "</push-register>"
    )


def _ics(uid: str, title: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261210T090000Z\r\n"
        f"DTEND:20261210T100000Z\r\nSUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _latency(
    url: str, password: str, pushes: PushService, hooks: WebhookReceiver, changes: int
) -> tuple[list[float], list[float]]:
    dav = httpx.Client(base_url=url, auth=("1", password), timeout=30)
    api = httpx.Client(base_url=f"{url}/api/v1", auth=("1", password), timeout=30)
    phone = pushes.subscribe("phone")
    made = dav.post(CALENDAR, content=_register_body(phone.endpoint, phone.p256dh, phone.auth))
    assert made.status_code == 201, made.text
    hook = api.post("/webhooks", json={"url": hooks.url("/b"), "triggers": ["event.created"]})
    hooks.set_secret("/b", hook.json()["secret"])
    to_push, to_hook = [], []
    for n in range(changes):
        answered = api.post("/events", json={
            "title": f"Bench {n}", "start": f"2026-12-{1 + n % 28:02d}T10:00:00Z",
            "end": f"2026-12-{1 + n % 28:02d}T11:00:00Z",
        })  # fmt: skip
        committed = time.monotonic()
        assert answered.status_code == 201, answered.text
        message = phone.wait_for(n + 1, timeout=30)[n]
        delivery = hooks.wait_for(n + 1, "/b", timeout=30)[n]
        to_push.append(message.received_at - committed)
        to_hook.append(delivery.received_at - committed)
        time.sleep(max(0.0, 1.5 - (time.monotonic() - committed)))
    return to_push, to_hook


def _fan_out(
    url: str, database_url: str, password: str, pushes: PushService, count: int
) -> tuple[float, float, float]:
    """(median PUT ms without registrations, with `count`, seconds until all are told)."""
    dav = httpx.Client(base_url=url, auth=("1", password), timeout=60)

    def put_ms(tag: str) -> float:
        times = []
        for n in range(20):
            started = time.perf_counter()
            answer = dav.put(f"{CALENDAR}{tag}-{n}.ics", content=_ics(f"{tag}-{n}", tag))
            times.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 201, answer.text
        return statistics.median(times)

    without = put_ms("plain")
    app = build_application(Settings(database_url=database_url))
    try:
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        calendar = Collection(Kind.CALENDAR, str(app.queries.calendars_of(alice.account_id)[0]
                                                 .calendar_id))  # fmt: skip
        key = PushRegistrations(app.views, app.clock).current_key()
        subscriptions = [pushes.subscribe(f"s{n}") for n in range(count)]
        # As if `count` devices had registered (one person may register 50: the rows are
        # written directly, as the application writes them).
        now = app.clock()
        with app.views.write() as db:
            db.run_many(
                "INSERT INTO push_registrations (registration_id, account_id, collection, "
                "push_resource, p256dh, auth_secret, content_update, property_update, "
                "vapid_key_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?)",
                [
                    (f"bench-{n}", str(alice.account_id), calendar.key, sub.endpoint,
                     sub.p256dh, sub.auth, key.key_id, stamp(now),
                     stamp(now + dt.timedelta(days=7)))
                    for n, sub in enumerate(subscriptions)
                ],
            )  # fmt: skip
    finally:
        app.close()
    with_them = put_ms("watched")  # each of these is pushed too; let them drain first
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not all(s.received() for s in subscriptions):
        time.sleep(0.2)
    time.sleep(3)
    before = {id(s): len(s.received()) for s in subscriptions}
    started = time.monotonic()
    dav.put(f"{CALENDAR}one.ics", content=_ics("one", "One change"))
    for sub in subscriptions:
        sub.wait_for(before[id(sub)] + 1, timeout=600)
    return without, with_them, time.monotonic() - started


def run(backend: str, folder: Path, changes: int, registrations: int) -> dict[str, float]:
    with database(backend, folder, f"push-{backend}") as database_url:
        users = seed_accounts(database_url)
        with push_service(max_payload=4096) as pushes, webhook_receiver() as hooks, running_serve(
            database_url, folder, {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}
        ) as (url, _):  # fmt: skip
            progress(f"{backend}: {changes} changes, one at a time")
            to_push, to_hook = _latency(url, users[1], pushes, hooks, changes)
            progress(f"{backend}: {registrations} registrations on one calendar")
            without, with_them, all_told = _fan_out(
                url, database_url, users[1], pushes, registrations
            )
    return {
        "push_median": statistics.median(to_push),
        "push_p95": p95(to_push),
        "hook_median": statistics.median(to_hook),
        "hook_p95": p95(to_hook),
        "put_without": without,
        "put_with": with_them,
        "all_told": all_told,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--registrations", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="SQLite only, 10 changes, 200")
    options = parser.parse_args(argv)
    if options.quick:
        options.backends, options.changes, options.registrations = ["sqlite"], 10, 200
    print(f"## Push and webhooks ({platform.python_version()}, {dt.date.today()})\n")
    print(
        "| backend | change → push, median | p95 | change → webhook, median | p95 | "
        f"PUT, no registrations | PUT, {options.registrations} registrations | "
        f"one change → all {options.registrations} told |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temporary:
        for backend in options.backends:
            if backend == "postgresql" and not postgres_reachable():
                progress("PostgreSQL is not reachable: skipped")
                continue
            found = run(backend, Path(temporary), options.changes, options.registrations)
            print(
                f"| {backend} | {found['push_median']:.3f} s | {found['push_p95']:.3f} s | "
                f"{found['hook_median']:.3f} s | {found['hook_p95']:.3f} s | "
                f"{found['put_without']:.1f} ms | {found['put_with']:.1f} ms | "
                f"{found['all_told']:.1f} s |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
