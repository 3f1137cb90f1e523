"""Webhooks against `televent serve` (docs/adr/0029) and a receiver on loopback that verifies
every signature with the `standardwebhooks` library (tests/webhookreceiver.py): an event made,
answered and deleted through the API, and a booking, each reach the receiver with the API's own
representation; a 500 is retried with the same id and body; `serve` killed with SIGKILL while a
delivery hangs loses nothing after a restart, and never sends one id with two bodies."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import httpx

from tests.conftest import Backend
from tests.e2e.conftest import running_serve, seed_accounts, until
from tests.webhookreceiver import webhook_receiver

OPEN = {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}
TRIGGERS = ["event.created", "event.updated", "event.deleted", "rsvp.changed", "booking.created"]


def test_webhooks_through_the_running_server(backend: Backend, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with webhook_receiver() as receiver, running_serve(database_url, tmp_path, OPEN) as (url, _):
        alice = httpx.Client(base_url=f"{url}/api/v1", auth=("1", users[1]), timeout=30)
        bob = httpx.Client(base_url=f"{url}/api/v1", auth=("2", users[2]), timeout=30)
        made = alice.post("/webhooks", json={"url": receiver.url("/hook"), "triggers": TRIGGERS})
        assert made.status_code == 201, made.text
        receiver.set_secret("/hook", made.json()["secret"])
        assert "secret" not in alice.get(f"/webhooks/{made.json()['id']}").json()
        refused = alice.post("/webhooks", json={"url": "ftp://example.org/x", "triggers": TRIGGERS})
        assert refused.status_code == 422 and "ftp" in refused.json()["detail"]

        receiver.script("/hook", [500])  # the first attempt fails, the retry (5 s) succeeds
        created = alice.post("/events", json={
            "title": "Review", "start": "2026-12-10T10:00:00+01:00",
            "end": "2026-12-10T11:00:00+01:00",
        })  # fmt: skip
        assert created.status_code == 201
        event = created.json()
        alice.post(f"/events/{event['id']}/attendees", json={"address": "tg_2@televent.internal"})
        first = receiver.wait_for(1, "/hook", timeout=60)[0]
        assert first.json["type"] == "event.created"
        assert first.json["data"]["title"] == "Review" and first.json["data"]["id"] == event["id"]
        for key in ("start", "end", "all_day", "timezone", "uid", "calendar"):
            assert first.json["data"][key] == event[key], key

        # Bob answers the invitation in his copy: Alice's webhook hears rsvp.changed.
        copy = until(lambda: bob.get("/events", params={
            "start": "2026-12-10T00:00:00Z", "end": "2026-12-11T00:00:00Z"}).json()["items"],
            "Bob's copy")  # fmt: skip
        assert bob.post(f"/events/{copy[0]['id']}/rsvp", json={"status": "accepted"}).is_success
        until(lambda: any(d.json["type"] == "rsvp.changed" for d in receiver.deliveries("/hook")),
              "rsvp.changed", seconds=60)  # fmt: skip
        answered = next(d for d in receiver.deliveries("/hook") if d.json["type"] == "rsvp.changed")
        assert answered.json["data"]["answers"] == [
            {"address": "tg_2@televent.internal", "status": "accepted"}
        ]

        # A booking.
        assert alice.post("/booking-links", json={"slug": "intro", "title": "Intro"}).is_success
        slot = httpx.get(f"{url}/api/v1/book/intro/slots", timeout=30).json()["slots"][0]
        httpx.post(
            f"{url}/api/v1/book/intro",
            timeout=30,
            json={"start": slot["start"], "name": "Ann", "email": "ann@example.org", "tz": "UTC"},
        )
        until(
            lambda: any(d.json["type"] == "booking.created" for d in receiver.deliveries("/hook")),
            "booking.created",
            seconds=60,
        )
        booked = next(
            d for d in receiver.deliveries("/hook") if d.json["type"] == "booking.created"
        )
        assert booked.json["data"]["name"] == "Ann" and booked.json["data"]["slug"] == "intro"

        # The failed first attempt was retried (5 s later) with the same id and body.
        until(
            lambda: (
                len([d for d in receiver.deliveries("/hook") if d.webhook_id == first.webhook_id])
                == 2
            ),
            "the retry",
            seconds=60,
        )

        # The receiver has the retry before the server has noted its answer: wait for the note.
        def attempts_of_first() -> list[int]:
            items = alice.get(f"/webhooks/{made.json()['id']}/deliveries").json()["items"]
            return [a["status_code"] for a in items if a["message_id"] == first.webhook_id]

        until(lambda: len(attempts_of_first()) == 2, "the retry's record", seconds=30)
        assert attempts_of_first() == [200, 500]
        assert all(len(bodies) == 1 for bodies in receiver.by_webhook_id().values())
        tested = alice.post(f"/webhooks/{made.json()['id']}/test").json()
        assert tested["status_code"] == 200 and tested["type"] == "webhook.test"

        # A new secret: shown once; for a day the old one signs too (the receiver has it)
        rotated = alice.post(f"/webhooks/{made.json()['id']}/secret")
        assert rotated.status_code == 200 and rotated.json()["secret"].startswith("whsec_")
        assert rotated.json()["secret"] != made.json()["secret"]
        assert bob.post(f"/webhooks/{made.json()['id']}/secret").status_code == 404
        tested = alice.post(f"/webhooks/{made.json()['id']}/test").json()
        assert tested["status_code"] == 200
        receiver.set_secret("/hook", rotated.json()["secret"])
        assert alice.post(f"/webhooks/{made.json()['id']}/test").json()["status_code"] == 200
        assert all(d.verified for d in receiver.deliveries("/hook", verified_only=False))


def test_kill_9_during_a_delivery_loses_nothing_and_repeats_no_id_with_another_body(
    backend: Backend, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with webhook_receiver() as receiver:
        with running_serve(database_url, tmp_path, OPEN) as (url, process):
            alice = httpx.Client(base_url=f"{url}/api/v1", auth=("1", users[1]), timeout=30)
            made = alice.post("/webhooks", json={"url": receiver.url("/hook"),
                                                 "triggers": ["event.created"]})  # fmt: skip
            receiver.set_secret("/hook", made.json()["secret"])
            receiver.script("/hook", ["timeout"])  # the first delivery hangs
            ids = [
                alice.post("/events", json={
                    "title": f"Event {n}", "start": f"2026-12-{10 + n}T10:00:00Z",
                    "end": f"2026-12-{10 + n}T11:00:00Z",
                }).json()["id"]
                for n in range(5)
            ]  # fmt: skip
            receiver.wait_for(1, "/hook", timeout=60)  # it is on its way, and hangs
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        with running_serve(database_url, tmp_path, OPEN):
            # The message in flight waits for its lease (60 s) and goes again; the rest go now.
            until(lambda: {d.json["data"]["id"] for d in receiver.deliveries("/hook")} >= set(ids),
                  "every change delivered", seconds=120)  # fmt: skip
        assert all(len(bodies) == 1 for bodies in receiver.by_webhook_id().values())
        assert len(receiver.by_webhook_id()) == len(ids)
