"""WebDAV-Push against `televent serve` (docs/adr/0027), with the bot on (tests/botapi.py) and a
Web Push service on loopback that checks every VAPID signature and decrypts every message with
the subscription's private key (tests/pushservice.py).

A phone and a laptop register on Alice's calendar as DAVx5 does (no trigger, no encoding); a
PUT from the phone that says Push-Dont-Notify reaches only the laptop, as one message whose sync
token brings exactly that change in a sync-collection from the previous one; an RSVP tap in the
bot and a booking each give exactly one message more; an event that starts within 15 minutes is
pushed with `Urgency: high`; the home hears of a calendar shared with Bob; a registration
deleted hears nothing more, one the push service says is gone (410) is dropped; bad
registrations are refused with the draft's preconditions; a VAPID key rotation sends the
rotation message signed with the old key."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import ROOT, running_serve, seed_accounts, until
from tests.e2e.test_bot_e2e import ALICE, BOB, card_for
from tests.pushservice import PushService, Subscription, push_service

PUSH = "https://bitfire.at/webdav-push"
DAV = "DAV:"
CALENDAR = "/dav/calendars/1/default/"


@pytest.fixture
def pushes() -> Iterator[PushService]:
    with push_service() as service:
        yield service


def register_body(sub: Subscription, trigger: str = "", extra: str = "") -> str:
    return (
        f'<?xml version="1.0"?><push-register xmlns="{PUSH}" xmlns:D="DAV:"><subscription>'
        f"<web-push-subscription><push-resource>{sub.endpoint}</push-resource>"
        f'<subscription-public-key type="p256dh">{sub.p256dh}</subscription-public-key>'
        f"<auth-secret>{sub.auth}</auth-secret>{extra}</web-push-subscription></subscription>"
        f"{trigger}</push-register>"
    )


def event(uid: str, title: str, start: dt.datetime | None = None) -> str:
    begin = start or dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.UTC)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//DAVx5//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{begin:%Y%m%dT%H%M%SZ}\r\n"
        f"DTEND:{begin + dt.timedelta(hours=1):%Y%m%dT%H%M%SZ}\r\nSUMMARY:{title}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def sync_collection(client: httpx.Client, token: str) -> list[str]:
    """The hrefs a sync-collection from `token` reports."""
    body = (
        '<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:">'
        f"<d:sync-token>{token}</d:sync-token><d:sync-level>1</d:sync-level>"
        "<d:prop><d:getetag/></d:prop></d:sync-collection>"
    )
    answer = client.request("REPORT", CALENDAR, content=body, headers={"Depth": "1"})
    assert answer.status_code == 207, answer.text
    root = ET.fromstring(answer.content)
    return [h.text or "" for h in root.iter(f"{{{DAV}}}href")]


def settled(sub: Subscription, quiet: float = 2.5, timeout: float = 30) -> int:
    """How many messages the subscription got once none has arrived for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    seen, since = len(sub.received()), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = len(sub.received())
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return seen
    raise AssertionError("messages kept arriving")


def test_webdav_push_journey(backend: Backend, pushes: PushService, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with FakeBotApi() as api, running_serve(
        database_url, tmp_path,
        {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1", "TELEGRAM_BOT_TOKEN": "123:ABC",
         "TELEGRAM_API_BASE": api.base_url},
    ) as (url, _):  # fmt: skip
        alice = httpx.Client(base_url=url, auth=("1", users[1]), timeout=30)

        # Discovery: the server says it pushes, and how.
        assert "webdav-push" in alice.request("OPTIONS", "/dav/").headers["dav"]
        found = alice.request(
            "PROPFIND", "/dav/calendars/1/", headers={"Depth": "1"},
            content=f'<d:propfind xmlns:d="DAV:" xmlns:p="{PUSH}"><d:prop><p:transports/>'
            "<p:topic/></d:prop></d:propfind>",
        )  # fmt: skip
        root = ET.fromstring(found.content)
        keys = {k.text for k in root.iter(f"{{{PUSH}}}vapid-public-key")}
        topics = {
            r.findtext(f"{{{DAV}}}href"): r.findtext(f".//{{{PUSH}}}topic")
            for r in root.iter(f"{{{DAV}}}response")
        }
        assert len(keys) == 1 and topics[CALENDAR]
        [vapid_key] = keys

        # A phone and a laptop register as DAVx5 does: no trigger, no content encoding.
        phone, laptop = pushes.subscribe("phone"), pushes.subscribe("laptop")
        made = alice.post(CALENDAR, content=register_body(phone),
                          headers={"Content-Type": "application/xml"})  # fmt: skip
        assert made.status_code == 201, made.text
        location = made.headers["location"]
        assert location.startswith(f"{url}/dav/push/") and made.headers["expires"]
        again = alice.post(CALENDAR, content=register_body(phone),
                           headers={"Content-Type": "application/xml"})  # fmt: skip
        assert again.status_code == 204 and again.headers["location"] == location
        assert alice.post(CALENDAR, content=register_body(laptop)).status_code == 201

        # The phone's own PUT reaches the laptop only, as one message.
        before = alice.request(
            "PROPFIND", CALENDAR, headers={"Depth": "0"},
            content='<d:propfind xmlns:d="DAV:"><d:prop><d:sync-token/></d:prop></d:propfind>',
        )  # fmt: skip
        token_before = ET.fromstring(before.content).findtext(f".//{{{DAV}}}sync-token")
        assert token_before
        put = alice.put(f"{CALENDAR}standup.ics", content=event("standup", "Standup"),
                        headers={"Content-Type": "text/calendar",
                                 "Push-Dont-Notify": f'"{location}"'})  # fmt: skip
        assert put.status_code == 201
        [message] = laptop.wait_for(1)
        assert settled(laptop) == 1 and phone.received() == []
        assert message.topic == topics[CALENDAR] and message.vapid_key == vapid_key
        assert message.headers["urgency"] == "normal" and int(message.headers["ttl"]) > 0
        assert message.headers["topic"] == topics[CALENDAR]
        assert message.sync_token and message.sync_token != token_before
        assert sync_collection(alice, token_before) == [f"{CALENDAR}standup.ics"]
        assert sync_collection(alice, message.sync_token) == []  # nothing after what it told

        # An RSVP tap in the bot: one message more to each.
        for user in (ALICE, BOB):
            api.push_message(user, "/start", username=("alice", "bob")[user - 1],
                             first_name=("Alice", "Bob")[user - 1])  # fmt: skip
            api.wait_for("sendMessage", lambda c, u=user: c.chat_id == u)
        meeting = event("review", "Review").replace(
            "SUMMARY:Review\r\n",
            "SUMMARY:Review\r\nORGANIZER:mailto:tg_1@televent.internal\r\n"
            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:tg_2@televent.internal\r\n",
        )
        assert alice.put(f"{CALENDAR}review.ics", content=meeting).status_code == 201
        counts = (settled(phone), settled(laptop))
        card = card_for(api, BOB)
        accept = card.params["reply_markup"]["inline_keyboard"][0][0]
        api.push_callback(BOB, accept["callback_data"], message_id=card.message_id or 0)
        assert (settled(phone), settled(laptop)) == (counts[0] + 1, counts[1] + 1)
        tapped = laptop.received()[-1]
        assert sync_collection(alice, message.sync_token or "") == [
            f"{CALENDAR}review.ics"
        ]  # the invitation and its answer, nothing else
        assert tapped.sync_token != message.sync_token

        # A booking through Alice's link: one message more.
        api_client = httpx.Client(base_url=f"{url}/api/v1", auth=("1", users[1]), timeout=30)
        assert api_client.post(
            "/booking-links", json={"slug": "intro", "title": "Intro"}
        ).is_success
        slots = httpx.get(f"{url}/api/v1/book/intro/slots", timeout=30).json()["slots"]
        counts = (settled(phone), settled(laptop))
        booked = httpx.post(
            f"{url}/api/v1/book/intro",
            timeout=30,
            json={
                "start": slots[0]["start"],
                "name": "Ann",
                "email": "ann@example.org",
                "tz": "UTC",
            },
        )
        assert booked.status_code == 201, booked.text
        assert (settled(phone), settled(laptop)) == (counts[0] + 1, counts[1] + 1)

        # An event that starts in ten minutes is urgent.
        soon = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(minutes=10)
        alice.put(f"{CALENDAR}soon.ics", content=event("soon", "Soon", soon))
        until(lambda: laptop.received()[-1].headers.get("urgency") == "high", "an urgent push")

        # Deleted: nothing more. Gone at the push service (410): the registration is dropped.
        assert alice.request("DELETE", location).status_code == 204
        assert alice.request("DELETE", location).status_code == 404
        pushes.expire(laptop)
        phone_count = settled(phone)
        alice.put(f"{CALENDAR}later.ics", content=event("later", "Later"))

        def registrations() -> int:
            app = build_application(Settings(database_url=database_url))
            try:
                with app.views.read() as db:
                    return int(db.scalar("SELECT COUNT(*) FROM push_registrations"))
            finally:
                app.close()

        until(lambda: registrations() == 0, "the gone registration dropped")
        assert settled(phone) == phone_count


def test_bad_registrations_get_the_drafts_preconditions(
    backend: Backend, pushes: PushService, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}) as (
        url,
        _,
    ):
        alice = httpx.Client(base_url=url, auth=("1", users[1]), timeout=30)
        bob = httpx.Client(base_url=url, auth=("2", users[2]), timeout=30)
        sub = pushes.subscribe()

        def refused(answer: httpx.Response, precondition: str) -> bool:
            return answer.status_code == 403 and f"{precondition}" in answer.text

        bad_key = register_body(sub).replace(sub.p256dh, "not-a-key")
        assert refused(alice.post(CALENDAR, content=bad_key), "invalid-subscription")
        other_encoding = register_body(sub, extra="<content-encoding>aesgcm</content-encoding>")
        assert refused(alice.post(CALENDAR, content=other_encoding), "invalid-subscription")
        only_properties = register_body(
            sub, "<trigger><property-update><D:depth>0</D:depth></property-update></trigger>"
        )
        assert refused(alice.post("/dav/calendars/1/", content=only_properties),
                       "no-supported-trigger")  # fmt: skip
        not_a_url = register_body(sub).replace(sub.endpoint, "ftp://example.org/x")
        assert refused(alice.post(CALENDAR, content=not_a_url), "invalid-subscription")
        # Someone else's calendar is not there for them; their registration not either.
        assert bob.post(CALENDAR, content=register_body(sub)).status_code == 403
        made = alice.post(CALENDAR, content=register_body(sub))
        assert made.status_code == 201
        assert bob.request("DELETE", made.headers["location"]).status_code == 404
        # The home and the inbox take registrations too.
        assert alice.post("/dav/calendars/1/", content=register_body(sub)).status_code == 201
        assert alice.post("/dav/calendars/1/inbox/", content=register_body(sub)).status_code == 201
        assert alice.get(made.headers["location"]).status_code == 405


def test_a_key_rotation_tells_each_registration_with_its_old_key(
    backend: Backend, pushes: PushService, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}) as (
        url,
        process,
    ):
        alice = httpx.Client(base_url=url, auth=("1", users[1]), timeout=30)
        found = alice.request(
            "PROPFIND", CALENDAR, headers={"Depth": "0"},
            content=f'<d:propfind xmlns:d="DAV:" xmlns:p="{PUSH}"><d:prop><p:transports/>'
            "</d:prop></d:propfind>",
        )  # fmt: skip
        old_key = re.search(r'type="p256ecdsa">([^<]+)<', found.text)
        assert old_key
        # A push service binds the subscription to the key it was made with.
        sub = pushes.subscribe(application_server_key=old_key.group(1))
        assert alice.post(CALENDAR, content=register_body(sub)).status_code == 201
        rotated = subprocess_cli(database_url, "push", "rotate-key", "--json")
        assert '"rotation_messages": 1' in rotated
        [rotation] = sub.wait_for(1)
        assert rotation.is_key_rotation and rotation.topic is None
        assert rotation.vapid_key == old_key.group(1)
        # Changes keep reaching it, signed with its own key, until it registers again.
        alice.put(f"{CALENDAR}a.ics", content=event("a", "A"))
        later = sub.wait_for(2)[-1]
        assert later.sync_token and later.vapid_key == old_key.group(1)
        assert process.poll() is None


def subprocess_cli(database_url: str, *args: str) -> str:
    """Run `televent <args>` on the database, as an operator would; its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "televent", *args],
        env={**os.environ, "TELEVENT_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout
