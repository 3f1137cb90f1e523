"""Connecting a Google account against `televent serve` (SQLite and PostgreSQL), with the
Google stand-in on loopback (tests/google_standin.py) as Google's OAuth endpoints and Calendar
API, Televent's client being Google's own library pointed at it (docs/adr/0034).

The journey: Alice asks the Mini App's API for Google's consent screen, consents (the stand-in
consents as anna@gmail.com), and her browser lands on Televent's callback, which connects the
account; both of her Google calendars become calendars here, and the first sync brings 2,000
events (in pages, as Google gives them) and a weekly series. Then: an event changed on Google
arrives; one changed here reaches Google, with `sendUpdates=none`; an instance of the series
moved on Google arrives as that occurrence moved; when both sides changed one event, Google's
version stands on both and Alice is told; a sync token Google dropped (410) is answered by a
full listing that adds nothing twice; an event deleted on Google goes here; a visitor's booking
on Alice's page lands in her Google calendar. Google pushes changes to the server (a channel
per calendar): one changed there arrives without anyone asking, and a burst of them is one
sync. Removing the connection keeps the events when asked, closes the push channels and
revokes Televent's access at Google.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts, until
from tests.google_standin import GoogleStandIn, google_standin
from tests.tma import BOT_TOKEN, tma_client

ANNA = "anna@gmail.com"
WORK = "work123@group.calendar.google.com"
PROPFIND = '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>'


@dataclass
class Setup:
    url: str
    caldav: httpx.Client
    api: httpx.Client
    bot: FakeBotApi
    google: GoogleStandIn


@contextmanager
def serving(backend: Backend, tmp_path: Path, google: GoogleStandIn) -> Iterator[Setup]:
    database_url = backend.migrated_url()
    passwords = seed_accounts(database_url)
    with FakeBotApi() as bot:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot.base_url,
            "TELEVENT_FEED_SCAN_SECONDS": "0.3",
            "TELEVENT_GOOGLE_CLIENT_ID": google.client_id,
            "TELEVENT_GOOGLE_CLIENT_SECRET": google.client_secret,
            "TELEVENT_GOOGLE_API_BASE": google.base + "/",
            "TELEVENT_GOOGLE_OAUTH_BASE": google.base,
            # Google's push reaches this server (plain http on loopback: the operator's switch)
            "TELEVENT_PUBLIC_URL": "http://127.0.0.1:{port}",
            "TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1",
        }
        with (
            running_serve(database_url, tmp_path, settings) as (url, _),
            httpx.Client(base_url=url, auth=("1", passwords[1]), timeout=30) as caldav,
            tma_client(url, 1, "Alice") as api,
        ):
            yield Setup(url, caldav, api, bot, google)


def timed(day: int, hour: int, minutes: int = 60) -> dict[str, Any]:
    start = f"2026-12-{day:02d}T{hour:02d}:00:00+01:00"
    end_hour, end_minute = hour + minutes // 60, minutes % 60
    end = f"2026-12-{day:02d}T{end_hour:02d}:{end_minute:02d}:00+01:00"
    return {"start": {"dateTime": start, "timeZone": "Europe/Berlin"},
            "end": {"dateTime": end, "timeZone": "Europe/Berlin"}}  # fmt: skip


def connect(setup: Setup) -> dict[str, Any]:
    """Alice goes through Google's consent screen in her browser; the connection it made."""
    started = setup.api.get("/api/v1/connections/google/start")
    assert started.status_code == 200, started.text
    consent = started.json()["url"]
    assert "code_challenge_method=S256" in consent and "access_type=offline" in consent
    with httpx.Client(timeout=30, headers={"Accept-Language": "en"}) as browser:
        sent_back = browser.get(consent)
        assert sent_back.status_code == 302
        landed = browser.get(sent_back.headers["location"])
    assert landed.status_code == 200, landed.text
    assert "anna@gmail.com is connected" in landed.text
    [connection] = setup.api.get("/api/v1/connections").json()
    assert connection["kind"] == "google" and connection["username"] == ANNA
    return connection


def synced(setup: Setup, connection: dict[str, Any], outcome: str | None = None) -> Any:
    found = setup.api.get(f"/api/v1/connections/{connection['id']}").json()
    if any(m["status"] != "ok" for m in found["calendars"]):
        return None
    if outcome and not any(m["last_outcome"] == outcome for m in found["calendars"]):
        return None
    return found


def settled(setup: Setup, connection: dict[str, Any], since: dt.datetime) -> bool:
    """Every calendar's round that began after `since` ended and nothing waits to be written
    back: no round lists Google's changes now, so a change made there next is not taken in
    before one made here."""
    found = setup.api.get(f"/api/v1/connections/{connection['id']}").json()
    return all(
        m["last_success"] is not None
        and dt.datetime.fromisoformat(m["last_success"]) > since
        and m["waiting_changes"] == 0
        for m in found["calendars"]
    )


def hrefs(setup: Setup, home: str) -> list[str]:
    answer = setup.caldav.request("PROPFIND", home, content=PROPFIND, headers={"Depth": "1"})
    assert answer.status_code == 207, answer.text
    found = re.findall(r"<(?:D:|d:)?href>([^<]+)</", answer.text)
    return [h for h in found if h.rstrip("/") != home.rstrip("/")]


def titles(setup: Setup, day: str, end: str, calendar: str | None = None) -> list[str]:
    asked = {"start": day, "end": end, **({"calendar": calendar} if calendar else {})}
    events = setup.api.get("/api/v1/events", params=asked).json()
    return sorted(e["title"] for e in events["items"])


def test_a_google_account_is_connected_synced_both_ways_and_disconnected(
    backend: Backend, tmp_path: Path
) -> None:
    with google_standin() as google:
        google.add_account(ANNA, {WORK: "Work"})
        google.consent_as(ANNA)
        google.most_per_page = 500  # Google may page sooner than asked: four pages
        for number in range(2000):
            day, hour = 1 + number % 28, 6 + number % 12
            google.write(ANNA, ANNA, {"summary": f"Event {number}", **timed(day, hour)})
        lunch = google.write(ANNA, ANNA, {"summary": "Lunch", **timed(30, 12)})
        weekly = google.write(
            ANNA, WORK, {"summary": "Standup", "recurrence": ["RRULE:FREQ=WEEKLY;COUNT=4"],
                         **timed(1, 9, 15)},
        )  # fmt: skip
        with serving(backend, tmp_path, google) as setup:
            connection = connect(setup)
            assert {c["name"] for c in connection["calendars"]} == {ANNA, "Work"}
            state = until(lambda: synced(setup, connection), "the first sync", seconds=120)
            outcomes = {c["name"]: c["last_outcome"] for c in state["calendars"]}
            assert outcomes == {ANNA: "2001 added", "Work": "1 added"}
            calendars = setup.api.get("/api/v1/calendars").json()["items"]
            slug = {c["id"]: c["slug"] for c in calendars}
            primary = next(c for c in connection["calendars"] if c["name"] == ANNA)["id"]
            work = next(c for c in connection["calendars"] if c["name"] == "Work")["id"]
            home = f"/dav/calendars/1/{slug[primary]}/"
            assert len(hrefs(setup, home)) == 2001
            assert titles(setup, "2026-12-30", "2026-12-31") == ["Lunch"]

            # Google keeps a push channel open for each calendar, to this server.
            def opened() -> list[tuple[str, str, int]]:
                return [n for n in google.notifications if n[1] == "sync"]

            until(lambda: len(opened()) == 2, "Google's push channels")
            assert all(status == 200 for _, _, status in opened())

            # Changed on Google (on the phone): pushed, here without anyone asking; a burst of
            # changes is one sync, not one per notification.
            google.write(ANNA, ANNA, {"summary": "Long lunch"}, event_id=lunch["id"])
            until(lambda: titles(setup, "2026-12-30", "2026-12-31") == ["Long lunch"],
                  "the change made on Google, pushed")  # fmt: skip
            until(lambda: synced(setup, connection), "that round's end")
            listings = google.calls["GET events"]
            burst = google.events(ANNA, ANNA)[:5]
            for number, item in enumerate(burst):
                google.write(ANNA, ANNA, {"summary": f"Burst {number}"}, event_id=item["id"])

            def bursts() -> int:
                asked = {"start": "2026-12-01", "end": "2026-12-31", "q": "Burst"}
                return len(setup.api.get("/api/v1/events", params=asked).json()["items"])

            until(lambda: bursts() == 5, "the burst")
            pushed = [n for n in google.notifications if n[1] == "exists"]
            assert len(pushed) >= 6 and all(status == 200 for _, _, status in pushed)
            # fewer listings than notifications: they were coalesced, not one sync each
            assert google.calls["GET events"] - listings < len(burst)

            # Changed here: on Google within a round, and Google told to send nobody mail.
            [shown] = setup.api.get(
                "/api/v1/events", params={"start": "2026-12-30", "end": "2026-12-31"}
            ).json()["items"]
            moved = setup.api.patch(f"/api/v1/events/{shown['id']}", json={"title": "Team lunch"})
            assert moved.status_code == 200, moved.text

            def on_google(event_id: str, summary: str) -> bool:
                found = [e for e in google.events(ANNA, ANNA) if e["id"] == event_id]
                return bool(found) and found[0].get("summary") == summary

            until(lambda: on_google(lunch["id"], "Team lunch"), "the change written to Google")
            assert google.send_updates and set(google.send_updates) == {"none"}

            # An instance of the series moved on Google: that occurrence moves here.
            google.write(ANNA, WORK, {"summary": "Standup (later)", **timed(8, 11, 15)},
                         event_id=f"{weekly['id']}_20261208T080000Z")  # fmt: skip
            asked_at = dt.datetime.now(dt.UTC)
            setup.api.post(f"/api/v1/connections/{connection['id']}/sync")
            until(lambda: titles(setup, "2026-12-08", "2026-12-09", work) == ["Standup (later)"],
                  "the moved instance")  # fmt: skip
            week = setup.api.get(
                "/api/v1/events", params={"start": "2026-12-01", "end": "2026-12-29",
                                          "calendar": work},
            ).json()["items"]  # fmt: skip
            standups = sorted((e["start"], e["title"]) for e in week if "Standup" in e["title"])
            assert len(standups) == 4
            assert ("2026-12-08T11:00:00+01:00", "Standup (later)") in standups

            # Both sides changed the same event: Google's version stands, Alice is told.
            until(lambda: settled(setup, connection, asked_at), "the rounds asked for to end")
            google.write(ANNA, ANNA, {"summary": "Their lunch"}, event_id=lunch["id"])
            mine = setup.api.patch(f"/api/v1/events/{shown['id']}", json={"title": "My lunch"})
            assert mine.status_code == 200, mine.text
            told = until(lambda: [m for m in setup.bot.messages_to(1) if "My lunch" in m],
                         "Alice told that her change lost")  # fmt: skip
            assert "changed there too" in told[0]
            assert on_google(lunch["id"], "Their lunch")
            until(lambda: titles(setup, "2026-12-30", "2026-12-31") == ["Their lunch"],
                  "Google's version here")  # fmt: skip

            # Google dropped the sync token: a full listing, nothing added twice.
            google.expire_sync_tokens()
            google.remove(ANNA, ANNA, lunch["id"])
            setup.api.post(f"/api/v1/connections/{connection['id']}/sync")
            until(lambda: titles(setup, "2026-12-30", "2026-12-31") == [],
                  "the deletion made on Google", seconds=120)  # fmt: skip
            assert len(hrefs(setup, home)) == 2000

            # Someone books on Alice's page, into her Google calendar: on Google within a round.
            link = setup.api.post(
                "/api/v1/booking-links",
                json={"slug": "anna-intro", "title": "Intro", "calendar_id": primary},
            )
            assert link.status_code == 201, link.text
            with httpx.Client(base_url=setup.url, timeout=30) as visitor:
                slots = visitor.get("/api/v1/book/anna-intro/slots").json()["slots"]
                assert slots
                booked = visitor.post(
                    "/api/v1/book/anna-intro",
                    json={"start": slots[0]["start"], "name": "Ben Visitor",
                          "email": "ben@example.org", "tz": "Europe/Berlin"},
                )  # fmt: skip
                assert booked.status_code == 201, booked.text

            def booked_on_google() -> list[dict[str, Any]]:
                return [e for e in google.events(ANNA, ANNA) if "Ben" in str(e.get("summary"))]

            [booking] = until(booked_on_google, "the booking written to Google")
            assert booking["start"]["dateTime"]
            assert set(google.send_updates) == {"none"}  # Google invites nobody
            assert len(hrefs(setup, home)) == 2001

            # Disconnected, events kept: Google closes the push channels and no longer lets
            # Televent in.
            assert google.live_grants()
            open_channels = [c for c in google.channels.values() if not c.stopped]
            assert open_channels
            removed = setup.api.delete(
                f"/api/v1/connections/{connection['id']}", params={"keep_events": "true"}
            )
            assert removed.status_code == 204
            assert google.live_grants() == []
            assert all(c.stopped for c in open_channels)
            assert setup.api.get("/api/v1/connections").json() == []
            assert len(hrefs(setup, home)) == 2001


def test_a_refused_consent_and_a_used_link_connect_nothing(
    backend: Backend, tmp_path: Path
) -> None:
    with google_standin() as google:
        google.add_account(ANNA)
        with serving(backend, tmp_path, google) as setup:
            google.refuse_consent()
            consent = setup.api.get("/api/v1/connections/google/start").json()["url"]
            with httpx.Client(timeout=30, headers={"Accept-Language": "de"}) as browser:
                back = browser.get(consent).headers["location"]
                refused = browser.get(back)
                assert refused.status_code == 200  # in Alice's language, as her mails are
                assert "nothing was connected" in refused.text
                again = browser.get(back)  # the link worked once; whose it was is unknown now
                assert again.status_code == 400 and "abgelaufen" in again.text  # the browser's
                forged = browser.get(f"{setup.url}/oauth/google/callback?state=x&code=y")
                assert forged.status_code == 400
            assert setup.api.get("/api/v1/connections").json() == []
            asked = setup.api.post(
                "/api/v1/connections",
                json={"kind": "google", "url": "https://google.com", "username": "a",
                      "password": "b"},
            )  # fmt: skip
            assert asked.status_code == 422
            assert "consent screen" in asked.json()["detail"]

            # The bot's /google gives the same consent (a link to open in the browser: the
            # stand-in is plain http, which Telegram takes in no button); it connects Anna's
            # account, and /google then lists it with how its sync goes.
            google.consent_as(ANNA)
            setup.bot.push_message(1, "/google", first_name="Alice")
            offer = setup.bot.wait_for("sendMessage", lambda c: "Connect your Google" in c.text)
            assert "reply_markup" not in offer.params or not offer.params["reply_markup"]
            [link] = re.findall(r"http://\S+", html.unescape(offer.text))
            assert link.startswith(google.base + "/o/oauth2/v2/auth?")
            with httpx.Client(timeout=30) as browser:
                landed = browser.get(browser.get(link).headers["location"])
            assert landed.status_code == 200 and f"{ANNA} is connected" in landed.text
            [connection] = setup.api.get("/api/v1/connections").json()
            assert connection["kind"] == "google" and connection["username"] == ANNA
            until(lambda: synced(setup, connection), "the first sync", 60)
            setup.bot.push_message(1, "/google", first_name="Alice")
            listed = setup.bot.wait_for("sendMessage", lambda c: "up to date" in c.text)
            assert f"{ANNA} — one calendar, up to date" in listed.text
